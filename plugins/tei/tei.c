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
#include "tei.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- writer shorthands: libxml2 returns -1 on failure, remembered ---- */

void
chk(struct tei *t, int r)
{
	if (r < 0 && t->rc == 0)
		t->rc = -1;
}

void
start(struct tei *t, const char *el)
{
	chk(t, xmlTextWriterStartElement(t->w, BAD_CAST el));
	t->opened++;
}

void
end(struct tei *t)
{
	chk(t, xmlTextWriterEndElement(t->w));
}

void
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

/* Whether one of the 8 bytes at 's' may need escaping: '&', '<', '>',
 * '"' or a control (tab and line end included). Each test is the classic
 * one for a zero byte, exact for "any"; the last finds a byte below
 * 0x20. Most of an Arabic or Latin text passes eight bytes a step. */
static int
may_escape8(const unsigned char *s)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
	uint64_t w, a, l, g, q;

	memcpy(&w, s, 8);
	a = w ^ ones * '&', l = w ^ ones * '<', g = w ^ ones * '>',
	q = w ^ ones * '"';
	return ((((a - ones) & ~a) | ((l - ones) & ~l) | ((g - ones) & ~g) |
		    ((q - ones) & ~q) | ((w - ones * 0x20) & ~w)) &
		   high) != 0;
}

/* Text content. The loader refuses characters XML 1.0 does not allow;
 * this asserts it, rather than write an edition no parser would read. */
void
text(struct tei *t, const char *s, size_t len)
{
	size_t i, run = 0;

	/* Escaped here and written raw: libxml2's formatted write grows
	 * its buffer by 8 KiB per try, quadratic in a long paragraph
	 * (22 s for 500,000 words). Runs with nothing to escape are copied
	 * whole, and a text with none is written as it is. */
	t->esc.len = 0;
	for (i = 0; i < len; i++) { /* as xmlEncodeSpecialChars() does */
		unsigned char c;
		const char *rep = NULL;

		while (
		    len - i >= 8 && !may_escape8((const unsigned char *)s + i))
			i += 8;
		if (i == len)
			break;
		c = (unsigned char)s[i];
		if (c > '>')
			continue;
		switch (c) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\r': rep = "&#13;"; break;
		case '\t':
		case '\n': break;
		default:
			if (c < 0x20) {
				t->rc = t->rc ? t->rc : -1;
				return;
			}
		}
		if (rep == NULL)
			continue;
		wq_buf_put(&t->esc, s + run, i - run);
		wq_buf_puts(&t->esc, rep);
		run = i + 1;
	}
	if (run == 0) {
		if (len)
			chk(t,
			    xmlTextWriterWriteRawLen(
				t->w, (const xmlChar *)s, (int)len));
		return;
	}
	wq_buf_put(&t->esc, s + run, len - run);
	chk(t,
	    xmlTextWriterWriteRawLen(
		t->w, (const xmlChar *)t->esc.data, (int)t->esc.len));
}

void
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
void
start_mixed(struct tei *t)
{
	if (t->mixed++ == 0)
		chk(t, xmlTextWriterSetIndent(t->w, 0));
}

void
end_mixed(struct tei *t)
{
	end(t);
	if (--t->mixed > 0)
		return;
	chk(t, xmlTextWriterWriteRaw(t->w, BAD_CAST "\n"));
	chk(t, xmlTextWriterSetIndent(t->w, 1));
}

/* xml:lang where a node's language differs from its parent's. */
void
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
void
string_lang(struct tei *t, const char *s, wq_dir context, const char *latin)
{
	if (context == WQ_DIR_RTL &&
	    wq_label_dir(s, strlen(s), context) == WQ_DIR_LTR)
		attr(t, "xml:lang", latin);
}

/* URLs as TEI pointers: percent-encoded where anyURI checkers balk. */
void
url_attr(struct tei *t, const char *name, const char *url)
{
	struct wq_buf b;

	wq_buf_init(&b);
	wq_url_encode(&b, url);
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
	char ed[32];

	if (vol && (t->volume == NULL || strcmp(vol, t->volume) != 0)) {
		start(t, "milestone");
		attr(t, "unit", "volume");
		attr(t, "n", vol);
		end(t);
		t->volume = vol;
	}
	start(t, "pb");
	attr(t, "n", wq_node_page(pb));
	/* The printed edition the number is of: the source's bibl. */
	snprintf(ed, sizeof(ed), "#%ssource", t->prefix);
	attr(t, "edRef", ed);
	if (tei_id(t, pb))
		attr(t, "xml:id", tei_id(t, pb));
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
			    wq_node_type_of(c) == WQ_NODE_EMPH ? "italic"
				: wq_node_type_of(c) == WQ_NODE_STRONG
				? "bold"
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
				const char *tid = tei_id(t, target);

				snprintf(id, sizeof(id), "#%s",
				    tid ? tid : wq_node_id(target));
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
/* xml:lang where a block's language differs from its parent's; with a
 * rendition, the direction too, where it turns. */
static void
block_lang(struct tei *t, const wq_node *n)
{
	const wq_node *p = wq_node_parent(n);
	wq_dir d = wq_node_effective_dir(n);

	lang_attr(t, n);
	if (t->rendition && p && d != WQ_DIR_UNSET &&
	    d != wq_node_effective_dir(p))
		attr(t, "rendition", d == WQ_DIR_RTL ? "#rtl" : "#ltr");
}

static void
mixed(struct tei *t, const char *el, const wq_node *n, const char *rend)
{
	start(t, el);
	if (rend)
		attr(t, "rend", rend);
	block_lang(t, n);
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
	block_lang(t, def);
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
	block_lang(t, n);
	for (row = wq_node_first_child(n); row; row = wq_node_next(row)) {
		if (wq_node_type_of(row) == WQ_NODE_CAPTION) {
			mixed(t, "head", row, NULL);
			continue;
		}
		start(t, "row");
		if (wq_node_row_header(row))
			attr(t, "role", "label");
		for (cell = wq_node_first_child(row); cell;
		     cell = wq_node_next(cell)) {
			start(t, "cell");
			if (wq_node_cell_align(cell))
				attr(
				    t, "rend", align[wq_node_cell_align(cell)]);
			block_lang(t, cell);
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
			block_lang(t, c);
			start_mixed(t);
			inlines(t, c);
			end_mixed(t);
		} else {
			mixed(t, "p", c, NULL);
		}
		break;
	case WQ_NODE_VERSE:
		start(t, "lg");
		block_lang(t, c);
		for (k = wq_node_first_child(c); k; k = wq_node_next(k))
			mixed(t, "l", k, NULL);
		end(t);
		break;
	case WQ_NODE_BLOCK_QUOTE:
		start(t, "quote");
		block_lang(t, c);
		blocks(t, c);
		end(t);
		break;
	case WQ_NODE_LIST:
		start(t, "list");
		attr(t, "rend",
		    wq_node_list_ordered(c) ? "numbered" : "bulleted");
		block_lang(t, c);
		for (k = wq_node_first_child(c), i = wq_node_list_start(c); k;
		     k = wq_node_next(k), i++) {
			start(t, "item");
			if (wq_node_list_ordered(c)) {
				snprintf(num, sizeof(num), "%d", i);
				attr(t, "n", num);
			}
			if (wq_node_task(k)) /* a task list's box */
				attr(t, "rend",
				    wq_node_task(k) == 2 ? "task-done"
							 : "task-open");
			block_lang(t, k);
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
		block_lang(t, c);
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

	for (c = wq_node_first_child(n); c && t->rc == 0; c = wq_node_next(c))
		block(t, c);
}

/* A text's blocks, its headings opening nested <div>s by level. */
static void
body(struct tei *t, const wq_node *sec)
{
	int levels[8], depth = 0;
	const wq_node *c;
	unsigned long before;

	start(t, "body");
	before = t->opened;
	/* A failed write (a closed pipe) stops the walk at once. */
	for (c = wq_node_first_child(sec); c && t->rc == 0;
	     c = wq_node_next(c)) {
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
		attr(t, "xml:id", tei_id(t, c));
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
	/* A text with nothing a reader sees (a page that is all script):
	 * tei_all wants something in a body. */
	if (t->opened == before) {
		start(t, "p");
		end(t);
	}
	end(t);
}

static void
one_tei(struct tei *t, const wq_node *sec, size_t index, int root)
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
	snprintf(t->prefix, sizeof(t->prefix), "t%zu.", index + 1);
	{
		char id[16];

		snprintf(id, sizeof(id), "t%zu", index + 1);
		attr(t, "xml:id", id);
	}
	tei_header(t, sec);
	start(t, "text");
	if (t->rendition && wq_node_effective_dir(sec) == WQ_DIR_RTL)
		attr(t, "rendition", "#rtl");
	body(t, sec);
	end(t);
	end(t);
}

static int
any_rtl(const wq_doc *doc)
{
	size_t i;

	for (i = 0; i < wq_doc_section_count(doc); i++)
		if (wq_node_effective_dir(wq_doc_section(doc, i)) == WQ_DIR_RTL)
			return 1;
	return 0;
}

/* libxml2 writes the edition straight to the sink as it goes, so a
 * large one never sits whole in memory (the host's temporary file keeps
 * a failed one from appearing). */
struct sink_io {
	struct wq_sink *out;
	struct wq_err *err;
	int failed;
};

static int
io_write(void *ctx, const char *buf, int len)
{
	struct sink_io *io = ctx;

	if (io->failed ||
	    wq_sink_write(io->out, buf, (size_t)len, io->err) != 0) {
		io->failed = 1;
		return -1;
	}
	return len;
}

#if LIBXML_VERSION >= 21200
static void
quiet(void *ctx, const xmlError *e)
#else
static void
quiet(void *ctx, xmlErrorPtr e)
#endif
{
	(void)ctx;
	(void)e;
}

static int
io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* libxml2 2.9 sets up some of its tables lazily and unguarded (the
 * encoding handlers, on a writer's first document): its thread notes ask
 * for xmlInitParser() before threads use it, and a batch writes several
 * editions at once. */
static void
init_libxml2(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, xmlInitParser);
}

static int
tei_write(const wq_doc *doc, const wq_opts *opts, struct wq_sink *out,
    struct wq_err *err)
{
	struct tei t;
	struct sink_io io = { out, err, 0 };
	xmlOutputBufferPtr ob;
	xmlStructuredErrorFunc old_handler;
	void *old_ctx;
	size_t i, n = wq_doc_section_count(doc);
	const char *spans = wq_opts_get(opts, "tei-spans");
	int rc = 0;

	if (spans && strcmp(spans, "seg") != 0 && strcmp(spans, "name") != 0 &&
	    strcmp(spans, "foreign") != 0)
		return wq_err_set(err, WQ_EUSAGE, NULL, 0, 0,
		    "tei-spans takes foreign, seg or name, not '%s'", spans);
	memset(&t, 0, sizeof(t));
	t.doc = doc;
	t.opts = opts;
	/* T3: right-to-left for TEI tools by default (-V tei-rendition=0
	 * leaves it to xml:lang alone). */
	t.rendition = wq_opts_get(opts, "tei-rendition")
	    ? wq_opts_flag(opts, "tei-rendition")
	    : any_rtl(doc);
	t.span_el =
	    spans && (strcmp(spans, "seg") == 0 || strcmp(spans, "name") == 0)
	    ? spans
	    : "foreign";
	/* The sink reports a failed write (one line, its own words); libxml2
	 * would print "I/O error" besides. Its handlers are per thread. */
	init_libxml2();
	old_handler = xmlStructuredError;
	old_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(NULL, quiet);
	ob = xmlOutputBufferCreateIO(io_write, io_close, &io, NULL);
	if (ob == NULL || (t.w = xmlNewTextWriter(ob)) == NULL) {
		if (ob)
			xmlOutputBufferClose(ob);
		xmlSetStructuredErrorFunc(old_ctx, old_handler);
		return wq_err_set(
		    err, WQ_EPLUGIN, "tei", 0, 0, "libxml2: no writer");
	}
	tei_ids(&t);
	chk(&t, xmlTextWriterSetIndent(t.w, 1));
	chk(&t, xmlTextWriterSetIndentString(t.w, BAD_CAST "  "));
	chk(&t, xmlTextWriterStartDocument(t.w, "1.0", "UTF-8", NULL));
	if (n == 1) {
		one_tei(&t, wq_doc_section(doc, 0), 0, 1);
	} else {
		const char *lang = wq_node_lang(wq_doc_root(doc));

		start(&t, "teiCorpus");
		chk(&t,
		    xmlTextWriterWriteAttribute(
			t.w, BAD_CAST "xmlns", BAD_CAST TEI_NS));
		if (lang)
			attr(&t, "xml:lang", lang);
		tei_header(&t, NULL);
		for (i = 0; i < n && t.rc == 0; i++)
			one_tei(&t, wq_doc_section(doc, i), i, 0);
		end(&t);
	}
	chk(&t, xmlTextWriterEndDocument(t.w));
	chk(&t, xmlTextWriterFlush(t.w));
	xmlFreeTextWriter(t.w); /* and the output buffer */
	xmlSetStructuredErrorFunc(old_ctx, old_handler);
	wq_buf_free(&t.esc);
	tei_ids_free(&t);
	if (io.failed) /* the sink said why */
		rc = err->code ? -err->code : -WQ_EIO;
	else if (t.rc != 0)
		rc = wq_err_set(err, WQ_EPLUGIN, "tei", 0, 0,
		    "libxml2 could not write the edition");
	return rc;
}

static const struct wq_writer writer = {
	sizeof(struct wq_writer),
	"xml tei",
	"application/tei+xml",
	0,
	tei_write,
	"tei-rendition tei-spans",
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
