/*
 * a11y.c - the book's accessibility metadata (EPUB Accessibility 1.1,
 * schema.org's properties), computed from what the book holds so that it
 * tells the truth: a book with an image that has no text alternative does
 * not claim alternativeText. Images are counted as the chapters embed
 * them (a remote one becomes a link, a missing one is left out). The user
 * may say more (-M): a converter never certifies conformance by itself.
 */
#include "epub.h"

#include <stdlib.h>
#include <string.h>

/* The summary, a sentence per fact, in the book's language. */
static const struct summary {
	const char *lang, *base, *alt, *pages;
} summaries[] = {
	{ "en",
	    "A text with a table of contents, headings and a logical reading "
	    "order.",
	    " Every image has a text alternative.",
	    " Page breaks follow the printed edition." },
	{ "ar", "نص له فهرس وعناوين وترتيب قراءة منطقي.", " لكل صورة نص بديل.",
	    " فواصل الصفحات تتبع الطبعة المطبوعة." },
	{ "fa",
	    "متنی با فهرست، سرفصل‌ها و ترتیب "
	    "خواندن "
	    "منطقی.",
	    " هر تصویر متن جایگزین دارد.",
	    " شمارهٔ صفحه‌ها از نسخهٔ چاپی است." },
	{ "ur", "فہرست، سرخیوں اور منطقی ترتیبِ مطالعہ والا متن۔",
	    " ہر تصویر کا متبادل متن موجود ہے۔",
	    " صفحات کے نمبر مطبوعہ نسخے کے مطابق ہیں۔" },
	{ "he", "טקסט עם תוכן עניינים, כותרות וסדר קריאה הגיוני.",
	    " לכל תמונה יש טקסט חלופי.",
	    " מספרי העמודים לפי המהדורה המודפסת." },
	{ NULL, NULL, NULL, NULL },
};

static const struct summary *
summary_for(const char *lang)
{
	const struct summary *s;
	size_t n = lang ? strcspn(lang, "-_") : 0;

	for (s = summaries; lang && s->lang; s++)
		if (strlen(s->lang) == n && strncmp(s->lang, lang, n) == 0)
			return s;
	return &summaries[0];
}

static void
meta(struct wq_buf *b, const char *property, const char *value)
{
	wq_buf_printf(b, "    <meta property=\"%s\">", property);
	put_esc(b, value);
	wq_buf_puts(b, "</meta>\n");
}

/* A meta for each value the metadata gives 'key'; whether there was any. */
static int
given(const struct book *bk, struct wq_buf *b, const char *key,
    const char *property)
{
	const char **vals;
	size_t i, n;

	collect(bk, key, &vals, &n);
	for (i = 0; i < n; i++)
		meta(b, property, vals[i]);
	free(vals);
	return n > 0;
}

void
epub_a11y(struct book *bk, struct wq_buf *b)
{
	const struct summary *s = summary_for(bk->lang);
	int css = wq_opts_count(bk->opts, "css") > 0;
	int alt = bk->images > 0 && bk->images_without_alt == 0;
	const char *v;

	if (!given(bk, b, "accessMode", "schema:accessMode")) {
		meta(b, "schema:accessMode", "textual");
		if (bk->images)
			meta(b, "schema:accessMode", "visual");
	}
	if (!given(
		bk, b, "accessModeSufficient", "schema:accessModeSufficient")) {
		if (bk->images == 0 || alt)
			meta(b, "schema:accessModeSufficient", "textual");
		if (bk->images)
			meta(
			    b, "schema:accessModeSufficient", "textual,visual");
	}
	/* Features are facts: what -M adds joins what the book has. */
	given(bk, b, "accessibilityFeature", "schema:accessibilityFeature");
	meta(b, "schema:accessibilityFeature", "tableOfContents");
	meta(b, "schema:accessibilityFeature", "readingOrder");
	meta(b, "schema:accessibilityFeature", "structuralNavigation");
	if (alt)
		meta(b, "schema:accessibilityFeature", "alternativeText");
	if (bk->pages) {
		meta(b, "schema:accessibilityFeature", "printPageNumbers");
		meta(b, "schema:accessibilityFeature", "pageNavigation");
	}
	/* Relative sizes, no fixed layout: unless a stylesheet of the
	 * user's, which warraq cannot vouch for, is added. */
	if (!css)
		meta(b, "schema:accessibilityFeature",
		    "displayTransformability");
	if (!given(bk, b, "accessibilityHazard", "schema:accessibilityHazard"))
		meta(b, "schema:accessibilityHazard", "none");
	if ((v = meta_get(bk, "accessibilitySummary")) != NULL) {
		meta(b, "schema:accessibilitySummary", v);
	} else {
		wq_buf_puts(
		    b, "    <meta property=\"schema:accessibilitySummary\">");
		put_esc(b, s->base);
		if (alt)
			put_esc(b, s->alt);
		if (bk->pages)
			put_esc(b, s->pages);
		wq_buf_puts(b, "</meta>\n");
	}
	/* Conformance is the publisher's claim, never the converter's. */
	given(bk, b, "conformsTo", "dcterms:conformsTo");
	given(bk, b, "certifiedBy", "a11y:certifiedBy");
}
