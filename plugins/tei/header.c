/*
 * header.c - the teiHeader: what the text is, where it came from, who
 * made the edition and how (docs/tei.md lists where each metadata key
 * goes).
 */
#include "tei.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- the header ---- */

static void
each(struct tei *t, const wq_meta *m, const char *key, const char *el,
    wq_dir context)
{
	long at = wq_meta_find(m, key);
	size_t j;

	for (j = 0; at >= 0 && j < wq_meta_nvalues(m, (size_t)at); j++) {
		const char *v = wq_meta_value(m, (size_t)at, j);

		start(t, el);
		string_lang(t, v, context, "en");
		text(t, v, strlen(v));
		end(t);
	}
}

static int
is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

struct usage {
	const char *lang;
	uint64_t letters;
	int percent;
};

/* Letters per language over 'secs' sections, as whole percentages that add
 * up to exactly 100 (largest remainders), most used first. */
static size_t
lang_usage(
    const struct tei *t, const wq_node *only, struct usage *u, size_t max)
{
	size_t n = 0, i, j, s, ns = only ? 1 : wq_doc_section_count(t->doc);
	uint64_t total = 0, rem[16];
	int given = 0;

	for (s = 0; s < ns; s++) {
		const wq_node *sec = only ? only : wq_doc_section(t->doc, s);
		size_t k, nu = wq_section_lang_usage(sec, 0, NULL, NULL);

		for (k = 0; k < nu; k++) {
			const char *l;
			uint64_t c;

			wq_section_lang_usage(sec, k, &l, &c);
			for (i = 0; i < n && strcmp(u[i].lang, l) != 0; i++)
				;
			if (i == n) {
				if (n == max)
					continue;
				u[n].lang = l;
				u[n++].letters = 0;
			}
			u[i].letters += c;
			total += c;
		}
	}
	for (i = 0; i < n && total; i++) {
		u[i].percent = (int)(u[i].letters * 100 / total);
		rem[i] = u[i].letters * 100 % total;
		given += u[i].percent;
	}
	while (total && given < 100) {
		for (i = 1, j = 0; i < n; i++)
			if (rem[i] > rem[j])
				j = i;
		u[j].percent++;
		rem[j] = 0;
		given++;
	}
	for (i = 1; i < n; i++) /* most used first, stable */
		for (j = i; j > 0 && u[j].letters > u[j - 1].letters; j--) {
			struct usage tmp = u[j];

			u[j] = u[j - 1];
			u[j - 1] = tmp;
		}
	return n;
}

static void
profile(struct tei *t, const wq_node *sec, wq_dir dir)
{
	struct usage u[16];
	size_t n = lang_usage(t, sec, u, 16), i;
	const wq_meta *m = sec ? wq_section_meta(sec) : wq_doc_meta(t->doc);
	int keys =
	    wq_meta_find(m, "keywords") >= 0 || wq_meta_find(m, "tags") >= 0;
	char pct[8];

	if (n == 0 && !keys)
		return;
	start(t, "profileDesc");
	if (n) {
		start(t, "langUsage");
		for (i = 0; i < n; i++) {
			const char *name = wq_lang_name(u[i].lang);

			start(t, "language");
			attr(t, "ident", u[i].lang);
			snprintf(pct, sizeof(pct), "%d", u[i].percent);
			attr(t, "usage", pct);
			attr(t, "xml:lang", "en");
			text(t, name ? name : u[i].lang,
			    strlen(name ? name : u[i].lang));
			end(t);
		}
		end(t);
	}
	if (keys) {
		start(t, "textClass");
		start(t, "keywords");
		each(t, m, "keywords", "term", dir);
		each(t, m, "tags", "term", dir);
		end(t);
		end(t);
	}
	end(t);
}

static void
encoding(struct tei *t, const wq_node *sec)
{
	static const char *const what[] = { "the title (a short first line)",
		"the source (a line labelled المصدر or Source)",
		"the publication date (a line labelled نشرت or Published)",
		"the language (from the letters of the text)",
		"the direction (from the language or the letters)",
		"sub-headings (short lines that do not end a sentence)" };
	unsigned bits = sec ? wq_section_inferred(sec) : 0;
	struct wq_buf b;
	size_t i;
	int first = 1;

	start(t, "encodingDesc");
	start(t, "appInfo");
	start(t, "application");
	attr(t, "ident", "warraq");
	attr(t, "version", WQ_VERSION);
	text_el(t, "label", "warraq");
	end(t);
	end(t);
	start(t, "editorialDecl");
	start(t, "normalization");
	start(t, "p");
	attr(t, "xml:lang", "en");
	wq_buf_init(&b);
	wq_buf_puts(&b, "Text normalized to Unicode NFC; line ends to LF.");
	for (i = 0; i < 6; i++)
		if (bits & (1u << i)) {
			wq_buf_printf(&b, "%s%s",
			    first ? " Inferred by warraq, "
				    "kept in the text: "
				  : "; ",
			    what[i]);
			first = 0;
		}
	if (!first)
		wq_buf_putc(&b, '.');
	text(t, b.data, b.len);
	wq_buf_free(&b);
	end(t);
	end(t);
	end(t);
	if (t->rendition) {
		/* T3: direction as CSS, referenced from <text>. */
		start(t, "tagsDecl");
		start(t, "rendition");
		attr(t, "xml:id", "rtl");
		attr(t, "scheme", "css");
		text(t, "direction: rtl;", 15);
		end(t);
		end(t);
	}
	end(t);
}

static void
edition_date(struct tei *t)
{
	long long epoch = wq_opts_epoch(t->opts);
	time_t tt = (time_t)epoch;
	struct tm tm;
	char when[16];

	if (epoch < 0)
		return;
	gmtime_r(&tt, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d", &tm);
	start(t, "date");
	attr(t, "when", when);
	text(t, when, strlen(when));
	end(t);
}

/* The publication statement: a publisher or authority and their details;
 * with neither (TEI then allows only prose), a sentence that says what
 * is true, with the edition date and licence inside it. */
static void
publication(struct tei *t)
{
	static const char unpublished[] =
	    "Unpublished edition made with warraq " WQ_VERSION;
	const wq_meta *m = wq_doc_meta(t->doc);
	const char *pub = wq_meta_get(m, "publisher");
	const char *auth = wq_meta_get(m, "authority");
	const char *id = wq_meta_get(m, "identifier");
	const char *rights = wq_meta_get(m, "rights");

	start(t, "publicationStmt");
	if (pub == NULL && auth == NULL) {
		start(t, "p");
		attr(t, "xml:lang", "en");
		start_mixed(t);
		text(t, unpublished, sizeof(unpublished) - 1);
		if (wq_opts_epoch(t->opts) >= 0) {
			text(t, ", ", 2);
			edition_date(t);
		}
		text(t, ".", 1);
		if (rights) {
			text(t, " Licence: ", 10);
			text(t, rights, strlen(rights));
		}
		end_mixed(t);
		end(t);
		return;
	}
	if (pub)
		text_el(t, "publisher", pub);
	if (auth)
		text_el(t, "authority", auth);
	edition_date(t);
	if (id) {
		start(t, "idno");
		attr(t, "type", is_url(id) ? "URI" : "local");
		text(t, id, strlen(id));
		end(t);
	}
	if (rights) {
		start(t, "availability");
		text_el(t, "licence", rights);
		end(t);
	}
	end(t);
}

/* Front matter keys with a place of their own in the header. */
static int
is_mapped(const char *key)
{
	static const char *const keys[] = { "title", "author", "date", "source",
		"url", "description", "keywords", "tags", "image", "lang",
		"language", "dir", NULL };
	size_t i;

	for (i = 0; keys[i]; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

/* Every other front matter key, so the header loses none: a note each. */
static void
notes(struct tei *t, const wq_node *sec, wq_dir dir)
{
	const wq_meta *m = wq_section_meta(sec);
	size_t i, j, n = wq_meta_count(m);
	int open = 0;

	for (i = 0; i < n; i++) {
		if (is_mapped(wq_meta_key(m, i)))
			continue;
		if (!open) {
			start(t, "notesStmt");
			open = 1;
		}
		for (j = 0; j < wq_meta_nvalues(m, i); j++) {
			const char *v = wq_meta_value(m, i, j);

			start(t, "note");
			attr(t, "type", "metadata");
			attr(t, "n", wq_meta_key(m, i));
			string_lang(t, v, dir, "en");
			text(t, v, strlen(v));
			end(t);
		}
	}
	if (open)
		end(t);
}

/* sourceDesc of one text: what it was and where it came from. */
static void
source(struct tei *t, const wq_node *sec, wq_dir dir)
{
	const wq_meta *m = wq_section_meta(sec);
	const char *v, *file = wq_section_file(sec), *base;
	char num[32];

	start(t, "sourceDesc");
	start(t, "bibl");
	if ((v = wq_meta_get(m, "title")) != NULL) {
		start(t, "title");
		string_lang(t, v, dir, "en");
		text(t, v, strlen(v));
		end(t);
	}
	each(t, m, "author", "author", dir);
	if ((v = wq_meta_get(m, "source")) != NULL ||
	    (v = wq_meta_get(m, "url")) != NULL) {
		if (is_url(v)) {
			start(t, "ref");
			url_attr(t, "target", v);
			text(t, v, strlen(v));
			end(t);
		} else {
			start(t, "publisher");
			string_lang(t, v, dir, "en");
			text(t, v, strlen(v));
			end(t);
		}
	}
	if ((v = wq_meta_get(m, "date")) != NULL) {
		start(t, "date");
		if (wq_date_is_iso(v))
			attr(t, "when", v);
		text(t, v, strlen(v));
		end(t);
	}
	if ((v = wq_meta_get(m, "description")) != NULL) {
		start(t, "note");
		attr(t, "type", "description");
		text(t, v, strlen(v));
		end(t);
	}
	if ((v = wq_meta_get(m, "image")) != NULL && is_url(v)) {
		start(t, "ref");
		attr(t, "type", "image");
		url_attr(t, "target", v);
		end(t);
	}
	if (file && strcmp(file, "-") != 0) {
		base = strrchr(file, '/');
		start(t, "idno");
		attr(t, "type", "filename");
		text(t, base ? base + 1 : file, strlen(base ? base + 1 : file));
		end(t);
	}
	start(t, "extent");
	start(t, "measure");
	attr(t, "unit", "bytes");
	snprintf(
	    num, sizeof(num), "%llu", (unsigned long long)wq_section_size(sec));
	attr(t, "quantity", num);
	text(t, num, strlen(num));
	end(t);
	end(t);
	if ((v = wq_section_sha256(sec)) != NULL) {
		start(t, "idno");
		attr(t, "type", "sha256");
		text(t, v, strlen(v));
		end(t);
	}
	end(t);
	end(t);
}

void
tei_header(struct tei *t, const wq_node *sec)
{
	const wq_node *scope = sec ? sec : wq_doc_root(t->doc);
	wq_dir dir = wq_node_effective_dir(scope);
	const char *title = sec ? wq_section_title(sec) : wq_doc_title(t->doc);
	const wq_meta *m;

	start(t, "teiHeader");
	start(t, "fileDesc");
	start(t, "titleStmt");
	start(t, "title");
	string_lang(t, title, dir, "en");
	text(t, title, strlen(title));
	end(t);
	m = wq_doc_meta(t->doc);
	if (sec && wq_meta_find(wq_section_meta(sec), "author") >= 0)
		m = wq_section_meta(sec);
	each(t, m, "author", "author", dir);
	end(t);
	publication(t);
	if (sec) {
		notes(t, sec, dir);
		source(t, sec, dir);
	} else {
		char msg[128];

		start(t, "sourceDesc");
		start(t, "p");
		attr(t, "xml:lang", "en");
		snprintf(msg, sizeof(msg),
		    "A corpus of %zu texts; each is "
		    "described in its own header.",
		    wq_doc_section_count(t->doc));
		text(t, msg, strlen(msg));
		end(t);
		end(t);
	}
	end(t);
	encoding(t, sec);
	profile(t, sec, dir);
	end(t);
}

