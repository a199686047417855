/*
 * header.c - the teiHeader: what the text is, where it came from, who
 * made the edition, how, and how to cite it. Every metadata key has a
 * place, or a note of its own (docs/tei.md lists them): none is dropped.
 * Nothing is invented: a field with no source is left out, and a title
 * warraq had to supply says so.
 */
#include "tei.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* ---- metadata ---- */

/* The keys with a place of their own in the header (or used by the
 * loader: lang, dir); the others become notes. */
static int
is_mapped(const char *key)
{
	static const char *const keys[] = { "title", "subtitle", "author",
		"editor", "encoder", "publisher", "publisher-place",
		"authority", "identifier", "isbn", "rights", "license",
		"licence", "edition", "edition-date", "date", "author-died",
		"author-born", "source", "url", "description", "image",
		"keywords", "tags", "subject", "lang", "language", "dir",
		"openiti-header", NULL };
	size_t i;

	for (i = 0; keys[i]; i++)
		if (strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

static int
is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* The edition's own metadata: the command line's -M and a metadata file. */
static const char *
edition_get(const struct tei *t, const char *key)
{
	return wq_meta_get(wq_doc_meta(t->doc), key);
}

/* An element per value of 'key'. */
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

/* An xml:id of this text's header: "t2.hijri". */
static void
local_id(struct tei *t, char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s%s", t->prefix, name);
}

/* A date as written, with what it can be read as: ISO (@when), a
 * Gregorian year ("1988", "1988 م"), or a Hijri one ("279 هـ": @calendar,
 * @when-custom and its Gregorian span, the calendar declared in
 * profileDesc). */
static void
date_el(struct tei *t, const char *type, const char *v)
{
	long hijri = wq_date_hijri_year(v);
	char id[64], ptr[66], first[11], last[11], year[24];
	size_t n = strspn(v, "0123456789");

	start(t, "date");
	if (type)
		attr(t, "type", type);
	if (wq_date_is_iso(v)) {
		attr(t, "when", v);
	} else if (hijri > 0) {
		local_id(t, id, sizeof(id), "hijri");
		snprintf(ptr, sizeof(ptr), "#%s", id);
		attr(t, "calendar", ptr);
		attr(t, "datingMethod", ptr);
		snprintf(year, sizeof(year), "%04ld", hijri);
		attr(t, "when-custom", year);
		if (wq_hijri_year_span(hijri, first, last) == 0) {
			attr(t, "notBefore", first);
			attr(t, "notAfter", last);
		}
		t->hijri = 1;
	} else if (n == 4 &&
	    (v[4] == '\0' || strcmp(v + 4, " \xD9\x85") == 0 ||
		strcmp(v + 4, " CE") == 0 || strcmp(v + 4, " AD") == 0)) {
		memcpy(year, v, 4);
		year[4] = '\0';
		attr(t, "when", year);
	}
	text(t, v, strlen(v));
	end(t);
}

/* ---- fileDesc ---- */

/* Whether the text's title is its metadata's, not one warraq supplied
 * (its first words, or its file name). */
static int
title_given(const struct tei *t, const wq_node *sec)
{
	if (sec == NULL || wq_doc_section_count(t->doc) == 1)
		if (edition_get(t, "title"))
			return 1;
	return sec && wq_meta_get(wq_section_meta(sec), "title") != NULL;
}

/* <respStmt><resp>what</resp><el>who</el></respStmt>; software is named
 * with <name type="software">. */
static void
resp(struct tei *t, const char *what, const char *el, const char *who,
    wq_dir dir)
{
	start(t, "respStmt");
	start(t, "resp");
	attr(t, "xml:lang", "en");
	text(t, what, strlen(what));
	end(t);
	start(t, el);
	if (strcmp(el, "name") == 0)
		attr(t, "type", "software");
	else
		string_lang(t, who, dir, "en");
	text(t, who, strlen(who));
	end(t);
	end(t);
}

static void
title_stmt(struct tei *t, const wq_node *sec, wq_dir dir)
{
	const wq_meta *ed = wq_doc_meta(t->doc), *m;
	const char *title = sec ? wq_section_title(sec) : NULL;
	const char *v;
	char corpus[96];
	size_t j;
	long at;

	if ((sec == NULL || wq_doc_section_count(t->doc) == 1) &&
	    (v = edition_get(t, "title")) != NULL)
		title = v;
	if (title == NULL) { /* a corpus: its own title, never a text's */
		snprintf(corpus, sizeof(corpus), "A corpus of %zu texts",
		    wq_doc_section_count(t->doc));
		title = corpus;
	}
	start(t, "titleStmt");
	start(t, "title");
	if (!title_given(t, sec))
		attr(t, "type", "supplied");
	if (title == corpus)
		attr(t, "xml:lang", "en");
	else
		string_lang(t, title, dir, "en");
	text(t, title, strlen(title));
	end(t);
	if (sec && (v = wq_meta_get(wq_section_meta(sec), "subtitle"))) {
		start(t, "title");
		attr(t, "type", "sub");
		string_lang(t, v, dir, "en");
		text(t, v, strlen(v));
		end(t);
	}
	m = ed;
	if (sec && wq_meta_find(wq_section_meta(sec), "author") >= 0)
		m = wq_section_meta(sec);
	each(t, m, "author", "author", dir);
	each(t, ed, "editor", "editor", dir);
	resp(
	    t, "Conversion to TEI", "name", "warraq " WQ_VERSION, WQ_DIR_UNSET);
	at = wq_meta_find(ed, "encoder"); /* -M encoder: people */
	for (j = 0; at >= 0 && j < wq_meta_nvalues(ed, (size_t)at); j++)
		resp(t, "Encoding", "persName",
		    wq_meta_value(ed, (size_t)at, j), dir);
	end(t);
}

static void
edition_stmt(struct tei *t)
{
	const char *v = edition_get(t, "edition");
	static const char made[] = "TEI edition made with warraq " WQ_VERSION;

	start(t, "editionStmt");
	start(t, "edition");
	if (v == NULL)
		attr(t, "xml:lang", "en");
	text(t, v ? v : made, strlen(v ? v : made));
	end(t);
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

/* The licence: -M license=URL (its text -M rights, else the URL), or
 * -M rights alone. */
static void
licence(struct tei *t)
{
	const char *url = edition_get(t, "license");
	const char *rights = edition_get(t, "rights");

	if (url == NULL)
		url = edition_get(t, "licence");
	if (url == NULL && rights == NULL)
		return;
	start(t, "availability");
	start(t, "licence");
	if (url && is_url(url))
		url_attr(t, "target", url);
	else if (url && rights == NULL)
		rights = url;
	text(t, rights ? rights : url, strlen(rights ? rights : url));
	end(t);
	end(t);
}

/* The publication statement: who makes the edition available (its
 * publisher, an authority, else its encoders), the date, identifier and
 * licence; with nobody to name, a sentence that says what is true. */
static void
publication(struct tei *t)
{
	static const char unpublished[] =
	    "Unpublished edition made with warraq " WQ_VERSION;
	const wq_meta *m = wq_doc_meta(t->doc);
	const char *pub = wq_meta_get(m, "publisher");
	const char *auth = wq_meta_get(m, "authority");
	const char *id = wq_meta_get(m, "identifier");
	int encoders = wq_meta_find(m, "encoder") >= 0;

	start(t, "publicationStmt");
	if (pub == NULL && auth == NULL && !encoders) {
		const char *lic = edition_get(t, "license");
		const char *rights = edition_get(t, "rights");

		lic = lic ? lic : edition_get(t, "licence");
		start(t, "p");
		attr(t, "xml:lang", "en");
		start_mixed(t);
		text(t, unpublished, sizeof(unpublished) - 1);
		if (wq_opts_epoch(t->opts) >= 0) {
			text(t, ", ", 2);
			edition_date(t);
		}
		text(t, ".", 1);
		if (rights || lic) {
			text(t, " Licence: ", 10);
			if (rights)
				text(t, rights, strlen(rights));
			if (rights && lic)
				text(t, ", ", 2);
			if (lic && is_url(lic)) {
				start(t, "ref");
				url_attr(t, "target", lic);
				text(t, lic, strlen(lic));
				end(t);
			} else if (lic) {
				text(t, lic, strlen(lic));
			}
			text(t, ".", 1);
		}
		end_mixed(t);
		end(t);
		return;
	}
	if (pub)
		each(t, m, "publisher", "publisher", WQ_DIR_UNSET);
	if (auth)
		each(t, m, "authority", "authority", WQ_DIR_UNSET);
	if (!pub && !auth)
		each(t, m, "encoder", "authority", WQ_DIR_UNSET);
	edition_date(t);
	if (id) {
		start(t, "idno");
		attr(t, "type", is_url(id) ? "URI" : "local");
		text(t, id, strlen(id));
		end(t);
	}
	licence(t);
	end(t);
}

static void
note_each(struct tei *t, const wq_meta *m, int *open, wq_dir dir)
{
	size_t i, j, n = wq_meta_count(m);

	for (i = 0; i < n; i++) {
		if (is_mapped(wq_meta_key(m, i)))
			continue;
		if (!*open) {
			start(t, "notesStmt");
			*open = 1;
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
}

/* Every other key, so that the header loses none: a note each. The
 * edition's keys go in the header of the corpus, or of the one text. */
static void
notes(struct tei *t, const wq_node *sec, wq_dir dir)
{
	int open = 0;

	if (sec)
		note_each(t, wq_section_meta(sec), &open, dir);
	if (sec == NULL || wq_doc_section_count(t->doc) == 1)
		note_each(t, wq_doc_meta(t->doc), &open, dir);
	if (open)
		end(t);
}

/* sourceDesc of one text: what it was and where it came from. Its own
 * metadata, else (one text) what -M says of the source. */
static void
source(struct tei *t, const wq_node *sec, wq_dir dir)
{
	const wq_meta *own = wq_section_meta(sec), *m = own;
	const char *v, *file = wq_section_file(sec), *base;
	char num[32], id[64];
	wq_meta *merged = NULL;

	if (wq_doc_section_count(t->doc) == 1) {
		static const char *const keys[] = { "source", "url", "date",
			"edition-date", "description", "image", "isbn",
			"publisher-place", "author-died", "author-born", NULL };
		size_t k;

		merged = wq_meta_new();
		wq_meta_merge(merged, own, 1);
		for (k = 0; keys[k]; k++)
			if (wq_meta_find(own, keys[k]) < 0 &&
			    (v = edition_get(t, keys[k])) != NULL)
				wq_meta_set(merged, keys[k], v);
		m = merged;
	}
	start(t, "sourceDesc");
	start(t, "bibl");
	/* Page breaks name it: the edition their numbers are of. */
	local_id(t, id, sizeof(id), "source");
	attr(t, "xml:id", id);
	if ((v = wq_meta_get(m, "title")) != NULL &&
	    !(wq_section_inferred(sec) & WQ_INFERRED_TITLE)) {
		start(t, "title");
		string_lang(t, v, dir, "en");
		text(t, v, strlen(v));
		end(t);
	}
	each(t, m, "author", "author", dir);
	each(t, m, "editor", "editor", dir);
	if ((v = wq_meta_get(m, "author-born")) != NULL)
		date_el(t, "author-birth", v);
	if ((v = wq_meta_get(m, "author-died")) != NULL)
		date_el(t, "author-death", v);
	each(t, own, "edition", "edition", dir); /* "الطبعة الأولى" */
	each(t, m, "publisher", "publisher", dir);
	each(t, m, "publisher-place", "pubPlace", dir);
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
	if ((v = wq_meta_get(m, "date")) != NULL)
		date_el(t, NULL, v);
	if ((v = wq_meta_get(m, "edition-date")) != NULL)
		date_el(t, "edition", v);
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
	if ((v = wq_meta_get(m, "identifier")) != NULL) {
		start(t, "idno");
		attr(t, "type", is_url(v) ? "URI" : "local");
		text(t, v, strlen(v));
		end(t);
	}
	if ((v = wq_meta_get(m, "isbn")) != NULL) {
		start(t, "idno");
		attr(t, "type", "ISBN");
		text(t, v, strlen(v));
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
	wq_meta_free(merged);
}

static void
file_desc(struct tei *t, const wq_node *sec, wq_dir dir)
{
	start(t, "fileDesc");
	title_stmt(t, sec, dir);
	edition_stmt(t);
	publication(t);
	notes(t, sec, dir);
	if (sec) {
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
}

/* ---- encodingDesc ---- */

/* The keyword lists a text's metadata gives, each its own scheme. */
static const struct scheme {
	const char *key, *desc;
} schemes[] = {
	{ "keywords", "Keywords given by the text's metadata" },
	{ "tags", "Tags given by the text's metadata" },
	{ "subject", "Subjects given by the text's source" },
	{ NULL, NULL },
};

/* The metadata that describes this text: its own, and the edition's when
 * the edition is this one text (or, for the corpus header, the
 * edition's alone). Returns how many. */
static size_t
metas(const struct tei *t, const wq_node *sec, const wq_meta *m[2])
{
	size_t n = 0;

	if (sec)
		m[n++] = wq_section_meta(sec);
	if (sec == NULL || wq_doc_section_count(t->doc) == 1)
		m[n++] = wq_doc_meta(t->doc);
	return n;
}

static void
class_decl(struct tei *t, const wq_node *sec)
{
	const struct scheme *s;
	const wq_meta *m[2];
	size_t n = metas(t, sec, m);
	char id[64];
	int open = 0;

	for (s = schemes; s->key; s++) {
		if (wq_meta_find(m[0], s->key) < 0 &&
		    (n < 2 || wq_meta_find(m[1], s->key) < 0))
			continue;
		if (!open) {
			start(t, "classDecl");
			open = 1;
		}
		start(t, "taxonomy");
		local_id(t, id, sizeof(id), s->key);
		attr(t, "xml:id", id);
		start(t, "desc");
		attr(t, "xml:lang", "en");
		text(t, s->desc, strlen(s->desc));
		end(t);
		end(t);
	}
	if (open)
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
	/* T3: direction as CSS, for TEI tools that do not read it from
	 * xml:lang (CETEIcean): declared once, in the outermost header. */
	if (t->rendition &&
	    (sec == NULL || wq_doc_section_count(t->doc) == 1)) {
		start(t, "tagsDecl");
		start(t, "rendition");
		attr(t, "xml:id", "rtl");
		attr(t, "scheme", "css");
		text(t, "direction: rtl;", 15);
		end(t);
		start(t, "rendition");
		attr(t, "xml:id", "ltr");
		attr(t, "scheme", "css");
		text(t, "direction: ltr;", 15);
		end(t);
		end(t);
	}
	if (sec)
		tei_refs_decl(t, sec);
	class_decl(t, sec);
	end(t);
}

/* ---- profileDesc ---- */

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

/* A term once, however many of the lists it is in. */
static int
seen_before(const wq_meta *const *m, size_t mi, long at, size_t j,
    const char *key, const char *v)
{
	size_t i, k;

	for (i = 0; i <= mi; i++) {
		long a = i == mi ? at : wq_meta_find(m[i], key);
		size_t end = i == mi
		    ? j
		    : (a >= 0 ? wq_meta_nvalues(m[i], (size_t)a) : 0);

		for (k = 0; a >= 0 && k < end; k++)
			if (strcmp(wq_meta_value(m[i], (size_t)a, k), v) == 0)
				return 1;
	}
	return 0;
}

/* Keywords, tags and subjects, each list under its own scheme. */
static void
keywords(struct tei *t, const wq_node *sec, wq_dir dir)
{
	const struct scheme *s;
	const wq_meta *m[2];
	size_t nm = metas(t, sec, m), i;
	int open = 0;

	for (s = schemes; s->key; s++) {
		char id[64], ptr[66];
		int started = 0;

		for (i = 0; i < nm; i++) {
			long at = wq_meta_find(m[i], s->key);
			size_t j,
			    n = at >= 0 ? wq_meta_nvalues(m[i], (size_t)at) : 0;

			for (j = 0; j < n; j++) {
				const char *v =
				    wq_meta_value(m[i], (size_t)at, j);

				if (seen_before(m, i, at, j, s->key, v))
					continue;
				if (!open) {
					start(t, "textClass");
					open = 1;
				}
				if (!started) {
					start(t, "keywords");
					local_id(t, id, sizeof(id), s->key);
					snprintf(ptr, sizeof(ptr), "#%s", id);
					attr(t, "scheme", ptr);
					started = 1;
				}
				start(t, "term");
				string_lang(t, v, dir, "en");
				text(t, v, strlen(v));
				end(t);
			}
		}
		if (started)
			end(t);
	}
	if (open)
		end(t);
}

static void
profile(struct tei *t, const wq_node *sec, wq_dir dir)
{
	struct usage u[16];
	size_t n = lang_usage(t, sec, u, 16), i;
	char pct[8], id[64];

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
	if (t->hijri) { /* a Hijri date was written above */
		start(t, "calendarDesc");
		start(t, "calendar");
		local_id(t, id, sizeof(id), "hijri");
		attr(t, "xml:id", id);
		start(t, "p");
		attr(t, "xml:lang", "en");
		text(t,
		    "Hijri (AH), the Islamic lunar calendar; Gregorian spans "
		    "by the tabular Islamic calendar.",
		    strlen("Hijri (AH), the Islamic lunar calendar; Gregorian "
			   "spans by the tabular Islamic calendar."));
		end(t);
		end(t);
		end(t);
	}
	keywords(t, sec, dir);
	end(t);
}

/* ---- the source's own header, and the revisions ---- */

/* A header in another format, kept whole (OpenITI's #META# lines). */
static void
xeno(struct tei *t, const wq_node *sec)
{
	const wq_meta *m = sec ? wq_section_meta(sec) : NULL;
	long at = m ? wq_meta_find(m, "openiti-header") : -1;
	size_t j;

	if (at < 0)
		return;
	start(t, "xenoData");
	attr(t, "xml:space", "preserve");
	start_mixed(t);
	text(t, "\n", 1);
	for (j = 0; j < wq_meta_nvalues(m, (size_t)at); j++) {
		const char *v = wq_meta_value(m, (size_t)at, j);

		text(t, "#META# ", 7);
		text(t, v, strlen(v));
		text(t, "\n", 1);
	}
	end_mixed(t);
}

static void
revisions(struct tei *t, const wq_node *sec)
{
	long long epoch = wq_opts_epoch(t->opts);
	const char *file = sec ? wq_section_file(sec) : NULL;
	struct wq_buf b;

	start(t, "revisionDesc");
	start(t, "change");
	if (epoch >= 0) {
		time_t tt = (time_t)epoch;
		struct tm tm;
		char when[16];

		gmtime_r(&tt, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d", &tm);
		attr(t, "when", when);
	}
	attr(t, "xml:lang", "en");
	wq_buf_init(&b);
	if (file) {
		const char *base = strrchr(file, '/');

		wq_buf_printf(&b, "Converted from %s by warraq %s.",
		    base ? base + 1 : file, WQ_VERSION);
	} else {
		wq_buf_printf(&b, "Texts gathered and converted by warraq %s.",
		    WQ_VERSION);
	}
	text(t, b.data, b.len);
	wq_buf_free(&b);
	end(t);
	end(t);
}

void
tei_header(struct tei *t, const wq_node *sec)
{
	const wq_node *scope = sec ? sec : wq_doc_root(t->doc);
	wq_dir dir = wq_node_effective_dir(scope);

	t->hijri = 0;
	start(t, "teiHeader");
	file_desc(t, sec, dir);
	encoding(t, sec);
	profile(t, sec, dir);
	xeno(t, sec);
	revisions(t, sec);
	end(t);
}
