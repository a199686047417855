/*
 * tei.c - the "tei" writer: an archival TEI P5 edition, valid against
 * tei_all, written with libxml2's xmlTextWriter (docs/design.md, T1-T6). One
 * text is a <TEI>; several are a <teiCorpus> with a <TEI> each.
 *
 * Nothing is invented: a header field with no source is left out. Nothing
 * is lost: every word of a text is in its <text>, inferred title and date
 * lines included. Direction is implied by xml:lang (T3): no dir attribute,
 * no bidi controls.
 */
#include <warraq/plugin.h>

#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"

struct tei {
	const wq_doc *doc;
	const wq_opts *opts;
	xmlTextWriterPtr w;
	const char *span_el; /* foreign, seg or name (-V tei-spans=) */
	int rendition;	     /* -V tei-rendition=1: a CSS rendition for rtl */
	int rc;		     /* first libxml2 failure */
	int mixed;	     /* depth of mixed content: no indenting inside */
	int in_note;	     /* inside a note: its marks stay marks */
	const char *volume;  /* of the last page break */
	struct wq_buf esc;   /* text, escaped for writing */
};

/* ---- writer shorthands: libxml2 returns -1 on failure, remembered ---- */

static void
chk(struct tei *t, int r)
{
	if (r < 0 && t->rc == 0)
		t->rc = -1;
}

static void
start(struct tei *t, const char *el)
{
	chk(t, xmlTextWriterStartElement(t->w, BAD_CAST el));
}

static void
end(struct tei *t)
{
	chk(t, xmlTextWriterEndElement(t->w));
}

static void
attr(struct tei *t, const char *name, const char *value)
{
	chk(t,
	    xmlTextWriterWriteAttribute(t->w, BAD_CAST name, BAD_CAST value));
}

/* A fence's info string, "js src/App.js {3}": its first word is the
 * language (@lang takes one word); the rest, a file name or options,
 * goes to @n rather than be lost. */
static void
code_lang(struct tei *t, const char *info)
{
	size_t n = strcspn(info, " \t{"), k = n;
	char word[64];

	if (n > 0 && n < sizeof(word)) {
		memcpy(word, info, n);
		word[n] = '\0';
		attr(t, "lang", word);
	} else {
		k = 0; /* no language word: keep all of it */
	}
	while (info[k] == ' ' || info[k] == '\t')
		k++;
	if (info[k])
		attr(t, "n", info + k);
}

/* Text content. The loader refuses characters XML 1.0 does not allow;
 * this asserts it, rather than write an edition no parser would read. */
static void
text(struct tei *t, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t' &&
		    s[i] != '\n' && s[i] != '\r') {
			t->rc = t->rc ? t->rc : -1;
			return;
		}
	/* Escaped here and written raw: libxml2's formatted write grows
	 * its buffer by 8 KiB per try, quadratic in a long paragraph
	 * (22 s for 500,000 words). */
	t->esc.len = 0;
	for (i = 0; i < len; i++) /* as xmlEncodeSpecialChars() does */
		switch (s[i]) {
		case '&': wq_buf_puts(&t->esc, "&amp;"); break;
		case '<': wq_buf_puts(&t->esc, "&lt;"); break;
		case '>': wq_buf_puts(&t->esc, "&gt;"); break;
		case '"': wq_buf_puts(&t->esc, "&quot;"); break;
		case '\r': wq_buf_puts(&t->esc, "&#13;"); break;
		default: wq_buf_putc(&t->esc, s[i]);
		}
	if (t->esc.len)
		chk(t, xmlTextWriterWriteRawLen(
			   t->w, (const xmlChar *)t->esc.data, (int)t->esc.len));
}

static void
text_el(struct tei *t, const char *el, const char *s)
{
	start(t, el);
	text(t, s, strlen(s));
	end(t);
}

/* Mixed content is written without indentation, which would add white
 * space to its text. It nests (a figure's description inside a
 * paragraph, a note's paragraphs inside one): only the outermost turns
 * indenting off and, ending, back on with the newline the writer owes. */
static void
start_mixed(struct tei *t)
{
	if (t->mixed++ == 0)
		chk(t, xmlTextWriterSetIndent(t->w, 0));
}

static void
end_mixed(struct tei *t)
{
	end(t);
	if (--t->mixed > 0)
		return;
	chk(t, xmlTextWriterWriteRaw(t->w, BAD_CAST "\n"));
	chk(t, xmlTextWriterSetIndent(t->w, 1));
}

/* xml:lang where a node's language differs from its parent's. */
static void
lang_attr(struct tei *t, const wq_node *n)
{
	const char *l = wq_node_lang(n);
	const wq_node *p = wq_node_parent(n);
	const char *pl = p ? wq_node_effective_lang(p) : NULL;

	if (l && (pl == NULL || strcmp(l, pl) != 0))
		attr(t, "xml:lang", l);
}

/* A language for a string outside the body (a keyword, a title), when its
 * letters run against the context's: Latin in Arabic is the Latin
 * language, Arabic in English the context's Arabic-script default. */
static void
string_lang(struct tei *t, const char *s, wq_dir context, const char *latin)
{
	if (context == WQ_DIR_RTL &&
	    wq_label_dir(s, strlen(s), context) == WQ_DIR_LTR)
		attr(t, "xml:lang", latin);
}

/* URLs as TEI pointers: percent-encoded where anyURI checkers balk. */
static void
url_attr(struct tei *t, const char *name, const char *url)
{
	struct wq_buf b;
	const unsigned char *p = (const unsigned char *)url;

	wq_buf_init(&b);
	for (; *p; p++) {
		if (*p <= ' ' || *p >= 0x7F || strchr("<>\"{}|\\^`", *p))
			wq_buf_printf(&b, "%%%02X", *p);
		else
			wq_buf_putc(&b, *p);
	}
	attr(t, name, b.data ? b.data : "");
	wq_buf_free(&b);
}

static void inlines(struct tei *t, const wq_node *n);
static void note(struct tei *t, const wq_node *ref);

/* A typed division or segment: @type, and @subtype. */
static void
kind_attrs(struct tei *t, const wq_node *n)
{
	if (wq_node_kind(n))
		attr(t, "type", wq_node_kind(n));
	if (wq_node_subkind(n))
		attr(t, "subtype", wq_node_subkind(n));
}

/* A printed page's start; a volume's start before its first page. */
static void
page_break(struct tei *t, const wq_node *pb)
{
	const char *vol = wq_node_page_volume(pb);

	if (vol && (t->volume == NULL || strcmp(vol, t->volume) != 0)) {
		start(t, "milestone");
		attr(t, "unit", "volume");
		attr(t, "n", vol);
		end(t);
		t->volume = vol;
	}
	start(t, "pb");
	attr(t, "n", wq_node_page(pb));
	end(t);
}

static void
figure(struct tei *t, const wq_node *img)
{
	struct wq_buf alt;

	wq_buf_init(&alt);
	wq_node_text(img, &alt);
	start(t, "figure");
	start(t, "graphic");
	url_attr(t, "url", wq_node_url(img));
	end(t);
	if (alt.len) {
		start(t, "figDesc");
		start_mixed(t);
		inlines(t, img);
		end_mixed(t);
	}
	end(t);
	wq_buf_free(&alt);
}

static void
inlines(struct tei *t, const wq_node *n)
{
	const wq_node *c;
	const wq_node *target;

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		switch (wq_node_type_of(c)) {
		case WQ_NODE_TEXT:
			text(t, wq_node_literal(c), wq_node_literal_len(c));
			break;
		case WQ_NODE_SOFTBREAK: text(t, "\n", 1); break;
		case WQ_NODE_LINEBREAK:
			start(t, "lb");
			end(t);
			break;
		case WQ_NODE_CODE:
			start(t, "code");
			text(t, wq_node_literal(c), wq_node_literal_len(c));
			end(t);
			break;
		case WQ_NODE_EMPH:
		case WQ_NODE_STRONG:
		case WQ_NODE_STRIKE:
			start(t, "hi");
			attr(t, "rend",
			    wq_node_type_of(c) == WQ_NODE_EMPH	   ? "italic"
				: wq_node_type_of(c) == WQ_NODE_STRONG ? "bold"
								       : "strikethrough");
			lang_attr(t, c);
			inlines(t, c);
			end(t);
			break;
		case WQ_NODE_SPAN:
			/* T6: the run's language; a span that only says
			 * direction needs no element at all. */
			if (wq_node_lang(c)) {
				start(t, t->span_el);
				lang_attr(t, c);
				inlines(t, c);
				end(t);
			} else {
				inlines(t, c);
			}
			break;
		case WQ_NODE_LINK:
			target = wq_node_url(c)[0] == '#'
			    ? wq_doc_find_anchor(t->doc, wq_node_url(c) + 1)
			    : NULL;
			/* A fragment that names no heading: its text (the
			 * html writer says so). */
			if (wq_node_url(c)[0] == '#' && target == NULL) {
				inlines(t, c);
				break;
			}
			start(t, "ref");
			if (target) {
				char id[128];

				snprintf(
				    id, sizeof(id), "#%s", wq_node_id(target));
				attr(t, "target", id);
			} else if (wq_node_url(c)[0]) {
				url_attr(t, "target", wq_node_url(c));
			}
			inlines(t, c);
			end(t);
			break;
		case WQ_NODE_IMAGE: figure(t, c); break;
		case WQ_NODE_FOOTNOTE_REF: note(t, c); break;
		case WQ_NODE_PAGE_BREAK: page_break(t, c); break;
		case WQ_NODE_MILESTONE:
			start(t, "milestone");
			attr(t, "unit", wq_node_milestone_unit(c));
			if (*wq_node_milestone_n(c))
				attr(t, "n", wq_node_milestone_n(c));
			end(t);
			break;
		case WQ_NODE_CAESURA:
			start(t, "caesura");
			end(t);
			break;
		case WQ_NODE_SEGMENT:
			start(t, "seg");
			kind_attrs(t, c);
			lang_attr(t, c);
			inlines(t, c);
			end(t);
			break;
		default: break;
		}
	}
}

/* Writes a block's inline content without indentation, which would add
 * white space inside mixed content. */
static void
mixed(struct tei *t, const char *el, const wq_node *n, const char *rend)
{
	start(t, el);
	if (rend)
		attr(t, "rend", rend);
	lang_attr(t, n);
	start_mixed(t);
	inlines(t, n);
	end_mixed(t);
}

static int
only_image(const wq_node *p)
{
	const wq_node *c = wq_node_first_child(p);

	return c && wq_node_type_of(c) == WQ_NODE_IMAGE &&
	    wq_node_next(c) == NULL;
}

static void blocks(struct tei *t, const wq_node *n);

/* A footnote where the text refers to it, as TEI places notes; its
 * blocks are written inside the paragraph's mixed content, unindented. */
static void
note(struct tei *t, const wq_node *ref)
{
	const wq_node *def = wq_section_footnote(
	    wq_node_section(ref), wq_node_footnote_number(ref));
	char n[16];
	int was = t->in_note;

	if (def == NULL)
		return;
	snprintf(n, sizeof(n), "%d", wq_node_footnote_number(ref));
	/* A note's own marks (a note that names itself, or another) stay
	 * marks: written in place they could nest without end. */
	if (t->in_note) {
		start(t, "hi");
		attr(t, "rend", "sup");
		text(t, n, strlen(n));
		end(t);
		return;
	}
	start(t, "note");
	attr(t, "place", "foot");
	attr(t, "n", n);
	lang_attr(t, def);
	t->in_note = 1;
	blocks(t, def);
	t->in_note = was;
	end(t);
}

/* GFM tables: header rows are role="label"; a cell's alignment in rend. */
static void
table(struct tei *t, const wq_node *n)
{
	static const char *const align[] = { NULL, "align(start)",
		"align(center)", "align(end)" };
	const wq_node *row, *cell;

	start(t, "table");
	lang_attr(t, n);
	for (row = wq_node_first_child(n); row; row = wq_node_next(row)) {
		start(t, "row");
		if (wq_node_row_header(row))
			attr(t, "role", "label");
		for (cell = wq_node_first_child(row); cell;
		     cell = wq_node_next(cell)) {
			start(t, "cell");
			if (wq_node_cell_align(cell))
				attr(t, "rend", align[wq_node_cell_align(cell)]);
			lang_attr(t, cell);
			start_mixed(t);
			inlines(t, cell);
			end_mixed(t);
		}
		end(t);
	}
	end(t);
}

static void
block(struct tei *t, const wq_node *c)
{
	const wq_node *k;
	char num[32];
	int i;

	switch (wq_node_type_of(c)) {
	case WQ_NODE_PARAGRAPH:
		if (only_image(c)) {
			figure(t, wq_node_first_child(c));
		} else if (wq_node_kind(c)) { /* <p> has no @type */
			start(t, "ab");
			kind_attrs(t, c);
			lang_attr(t, c);
			start_mixed(t);
			inlines(t, c);
			end_mixed(t);
		} else {
			mixed(t, "p", c, NULL);
		}
		break;
	case WQ_NODE_VERSE:
		start(t, "lg");
		lang_attr(t, c);
		for (k = wq_node_first_child(c); k; k = wq_node_next(k))
			mixed(t, "l", k, NULL);
		end(t);
		break;
	case WQ_NODE_BLOCK_QUOTE:
		start(t, "quote");
		lang_attr(t, c);
		blocks(t, c);
		end(t);
		break;
	case WQ_NODE_LIST:
		start(t, "list");
		attr(t, "rend",
		    wq_node_list_ordered(c) ? "numbered" : "bulleted");
		lang_attr(t, c);
		for (k = wq_node_first_child(c), i = wq_node_list_start(c); k;
		     k = wq_node_next(k), i++) {
			start(t, "item");
			if (wq_node_list_ordered(c)) {
				snprintf(num, sizeof(num), "%d", i);
				attr(t, "n", num);
			}
			if (wq_node_task(k)) /* a task list's box */
				attr(t, "rend", wq_node_task(k) == 2
					? "task-done"
					: "task-open");
			lang_attr(t, k);
			/* An item of one paragraph holds its text directly. */
			if (wq_node_first_child(k) &&
			    wq_node_next(wq_node_first_child(k)) == NULL &&
			    wq_node_type_of(wq_node_first_child(k)) ==
				WQ_NODE_PARAGRAPH &&
			    !wq_node_lang(wq_node_first_child(k))) {
				start_mixed(t);
				inlines(t, wq_node_first_child(k));
				end_mixed(t);
			} else {
				blocks(t, k);
				end(t);
			}
		}
		end(t);
		break;
	case WQ_NODE_CODE_BLOCK:
		/* <eg> keeps white space; <code lang> says the language. */
		start(t, "eg");
		attr(t, "xml:space", "preserve");
		start_mixed(t);
		if (wq_node_info(c)) {
			start(t, "code");
			code_lang(t, wq_node_info(c));
			text(t, wq_node_literal(c), wq_node_literal_len(c));
			end(t);
		} else {
			text(t, wq_node_literal(c), wq_node_literal_len(c));
		}
		end_mixed(t);
		break;
	case WQ_NODE_TABLE: table(t, c); break;
	case WQ_NODE_FOOTNOTE: break; /* written where it is referred to */
	case WQ_NODE_THEMATIC_BREAK:
		start(t, "milestone");
		attr(t, "unit", "section");
		attr(t, "rend", "rule");
		end(t);
		break;
	case WQ_NODE_HEADING: /* only inside quotes and items: see body() */
		start(t, "label");
		if (wq_node_id(c)) /* links point at it */
			attr(t, "xml:id", wq_node_id(c));
		lang_attr(t, c);
		start_mixed(t);
		inlines(t, c);
		end_mixed(t);
		break;
	default: break;
	}
}

static void
blocks(struct tei *t, const wq_node *n)
{
	const wq_node *c;

	for (c = wq_node_first_child(n); c; c = wq_node_next(c))
		block(t, c);
}

/* A text's blocks, its headings opening nested <div>s by level. */
static void
body(struct tei *t, const wq_node *sec)
{
	int levels[8], depth = 0;
	const wq_node *c;

	start(t, "body");
	for (c = wq_node_first_child(sec); c; c = wq_node_next(c)) {
		if (wq_node_type_of(c) != WQ_NODE_HEADING) {
			block(t, c);
			continue;
		}
		while (depth > 0 &&
		    levels[depth - 1] >= wq_node_heading_level(c)) {
			end(t);
			depth--;
		}
		start(t, "div");
		attr(t, "xml:id", wq_node_id(c));
		kind_attrs(t, c);
		levels[depth++] = wq_node_heading_level(c);
		mixed(t, "head", c, NULL);
		if (depth ==
		    8) { /* levels are 1-6: cannot happen, but bound it */
			end(t);
			depth--;
		}
	}
	while (depth-- > 0)
		end(t);
	end(t);
}

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

static void
header(struct tei *t, const wq_node *sec)
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

static void
one_tei(struct tei *t, const wq_node *sec, int root)
{
	const char *lang = wq_node_effective_lang(sec);

	start(t, "TEI");
	if (root)
		chk(t,
		    xmlTextWriterWriteAttribute(
			t->w, BAD_CAST "xmlns", BAD_CAST TEI_NS));
	if (lang)
		attr(t, "xml:lang",
		    lang); /* T1: on every TEI, inherited below */
	attr(t, "xml:id", wq_node_id(sec));
	header(t, sec);
	start(t, "text");
	if (t->rendition && wq_node_effective_dir(sec) == WQ_DIR_RTL)
		attr(t, "rendition", "#rtl");
	body(t, sec);
	end(t);
	end(t);
}

static int
tei_write(const wq_doc *doc, const wq_opts *opts, struct wq_sink *out,
    struct wq_err *err)
{
	struct tei t;
	xmlBufferPtr buf = xmlBufferCreate();
	size_t i, n = wq_doc_section_count(doc);
	const char *spans = wq_opts_get(opts, "tei-spans");
	int rc = 0;

	memset(&t, 0, sizeof(t));
	t.doc = doc;
	t.opts = opts;
	t.rendition = wq_opts_flag(opts, "tei-rendition");
	t.span_el =
	    spans && (strcmp(spans, "seg") == 0 || strcmp(spans, "name") == 0)
	    ? spans
	    : "foreign";
	if (buf == NULL || (t.w = xmlNewTextWriterMemory(buf, 0)) == NULL) {
		xmlBufferFree(buf);
		return wq_err_set(
		    err, WQ_EPLUGIN, "tei", 0, 0, "libxml2: no writer");
	}
	chk(&t, xmlTextWriterSetIndent(t.w, 1));
	chk(&t, xmlTextWriterSetIndentString(t.w, BAD_CAST "  "));
	chk(&t, xmlTextWriterStartDocument(t.w, "1.0", "UTF-8", NULL));
	if (n == 1) {
		one_tei(&t, wq_doc_section(doc, 0), 1);
	} else {
		const char *lang = wq_node_lang(wq_doc_root(doc));

		start(&t, "teiCorpus");
		chk(&t,
		    xmlTextWriterWriteAttribute(
			t.w, BAD_CAST "xmlns", BAD_CAST TEI_NS));
		if (lang)
			attr(&t, "xml:lang", lang);
		header(&t, NULL);
		for (i = 0; i < n; i++)
			one_tei(&t, wq_doc_section(doc, i), 0);
		end(&t);
	}
	chk(&t, xmlTextWriterEndDocument(t.w));
	xmlFreeTextWriter(t.w);
	wq_buf_free(&t.esc);
	if (t.rc != 0)
		rc = wq_err_set(err, WQ_EPLUGIN, "tei", 0, 0,
		    "libxml2 could not write the edition");
	else
		rc = wq_sink_write(out, xmlBufferContent(buf),
		    (size_t)xmlBufferLength(buf), err);
	xmlBufferFree(buf);
	return rc;
}

static const struct wq_writer writer = {
	sizeof(struct wq_writer),
	"xml tei",
	"application/tei+xml",
	0,
	tei_write,
};

static const struct wq_plugin tei = {
	WQ_PLUGIN_ABI,
	sizeof(struct wq_plugin),
	"tei",
	"tei-xml xml",
	"TEI P5 XML edition (teiCorpus for several texts), lossless",
	NULL,
	&writer,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &tei;
}
