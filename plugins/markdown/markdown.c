/*
 * markdown.c - the "markdown" writer: CommonMark that cmark reads back to
 * the same document, rendered by cmark's own CommonMark renderer from a
 * cmark tree built out of the model, with YAML front matter written by
 * libyaml's emitter (docs/design.md, M2-M3).
 *
 * The front matter carries lang and dir (M3: dir even when the source
 * only said lang) and every other metadata key, so pandoc reads them.
 * The body is plain CommonMark; with -V md-spans=1 (or -t
 * markdown+spans) runs that differ in direction become pandoc bracketed
 * spans, [GPT-4o]{dir=ltr lang=en}; spans the source wrote itself always
 * do, or a round trip would lose them. No bidi control characters (M4).
 */
#include "markdown.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

/* ---- the body: model to cmark nodes ---- */

struct md {
	int spans; /* write pandoc bracketed spans */
	struct wq_buf tmp;
	const wq_node *delimited; /* the last emphasis written with "*"... */
	size_t bytes;		  /* of text since the last piece */
	int width;		  /* -V columns, 0 for none */
	struct md_tagged tagged;  /* the emphasis being written as tags */
};

/* s[0, n) as a string of its own. */
static char *
copy_of(const char *s, size_t n)
{
	char *p = wq_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* A text node of s[0, len), a piece of a NUL-terminated string. */
static cmark_node *
new_text(const char *s, size_t len)
{
	cmark_node *t = md_node_new(CMARK_NODE_TEXT, NULL);
	char *z;

	if (s[len] == '\0') { /* a whole literal, or its end: no copy */
		cmark_node_set_literal(t, s);
		return t;
	}
	z = copy_of(s, len);
	cmark_node_set_literal(t, z);
	free(z);
	return t;
}

/* Whether an '&' at s[i] could be read back as the start of an entity
 * reference: cmark's renderer leaves "&copy;" in text as it is. An '&'
 * that ends the text node may be followed by "copy;" in the next one
 * (a span boundary), so it counts too. */
static int
entity_at(const char *s, size_t i, size_t len)
{
	char c = i + 1 < len ? s[i + 1] : 0;

	return i + 1 == len || c == '#' ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Whether s[i] would make GitHub's Markdown read the text around it as
 * a link (an "autolink"): the ':' of "scheme://", the '.' of a "www."
 * that starts a word. */
static int
autolink_at(const char *s, size_t i, size_t len)
{
	if (s[i] == ':')
		return i > 0 && (s[i - 1] | 0x20) >= 'a' &&
		    (s[i - 1] | 0x20) <= 'z' && i + 2 < len &&
		    s[i + 1] == '/' && s[i + 2] == '/';
	return s[i] == '.' && i >= 3 && memcmp(s + i - 3, "www", 3) == 0 &&
	    (i == 3 || strchr(" \t\n*_~(", s[i - 4]));
}

/* Appends text to 'to', writing an '&' that starts an entity-like run as
 * "&amp;" so that it stays an ampersand, a ':' that would start a fence
 * as "\\:", and, in text that was no link ('plain'), the character that
 * would make one escaped: "https\\://" ("(see)[https://...]" was no
 * link; escaped as "\\[https://...\\]", it read back as one). */
/* Whether any of the 8 bytes at 's' is '&' or, if 'plain', ':' or '.':
 * the bytes append_text() looks at closer. Prose passes eight bytes a
 * step (the per-byte loop was 6% of a 10 MB text's conversion). */
static int
may_mark8(const unsigned char *s, int plain)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = ones * 0x80;
	uint64_t w, a, c, d, m;

	memcpy(&w, s, 8);
	a = w ^ ones * '&';
	m = (a - ones) & ~a;
	if (plain) {
		c = w ^ ones * ':', d = w ^ ones * '.';
		m |= ((c - ones) & ~c) | ((d - ones) & ~d);
	}
	return (m & high) != 0;
}

static void
append_text(cmark_node *to, const char *s, size_t len, int plain)
{
	size_t i, from = 0;
	cmark_node *last = cmark_node_last_child(to);

	/* ":::" opening a line would read back as a fenced div's fence. */
	if (len >= 3 && memcmp(s, ":::", 3) == 0 &&
	    (last == NULL ||
		cmark_node_get_type(last) == CMARK_NODE_SOFTBREAK ||
		cmark_node_get_type(last) == CMARK_NODE_LINEBREAK) &&
	    cmark_node_get_type(to) != CMARK_NODE_HEADING) {
		cmark_node *esc = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);

		cmark_node_set_on_enter(esc, "\\:");
		cmark_node_append_child(to, esc);
		from = 1;
	}

	for (i = from; i < len; i++) {
		cmark_node *esc;
		const char *as;

		while (len - i >= 8 &&
		    !may_mark8((const unsigned char *)s + i, plain))
			i += 8;
		if (i == len)
			break;
		if (s[i] == '&' && entity_at(s, i, len))
			as = "&amp;";
		else if (plain && (s[i] == ':' || s[i] == '.') &&
		    autolink_at(s, i, len))
			as = s[i] == ':' ? "\\:" : "\\.";
		else
			continue;
		if (i > from)
			cmark_node_append_child(
			    to, new_text(s + from, i - from));
		esc = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);
		cmark_node_set_on_enter(esc, as);
		cmark_node_append_child(to, esc);
		from = i + 1;
	}
	if (len > from || len == 0)
		cmark_node_append_child(to, new_text(s + from, len - from));
}

static void add_children(
    struct md *m, cmark_node *to, const wq_node *from, int seam);

/* The strikethrough node type: exported by cmark-gfm's extensions, but
 * declared only in headers Debian does not ship. */
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

/* One cell's inlines as GFM: on one line, "|" escaped (also in code, as
 * GFM's tables want). */
static void
cell_text(struct md *m, const wq_node *cell, struct wq_buf *out)
{
	cmark_node *doc = md_node_new(CMARK_NODE_DOCUMENT, NULL);
	cmark_node *p = md_node_new(CMARK_NODE_PARAGRAPH, NULL);
	char *s, *q;

	cmark_node_append_child(doc, p);
	add_children(m, p, cell, 0);
	s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	for (q = s; *q; q++) {
		if (*q == '\n') {
			if (q[1] != '\0')
				wq_buf_putc(out, ' ');
		} else {
			if (*q == '|')
				wq_buf_putc(out, '\\');
			wq_buf_putc(out, *q);
		}
	}
	free(s);
	cmark_node_free(doc);
}

/* A footnote: "[^N]:" and its blocks, indented by four spaces. */
static cmark_node *
footnote(struct md *m, const wq_node *n)
{
	cmark_node *doc = md_node_new(CMARK_NODE_DOCUMENT, NULL);
	cmark_node *c = md_node_new(CMARK_NODE_CUSTOM_BLOCK, NULL);
	struct wq_buf b;
	char *s, *q;

	add_children(m, doc, n, 0);
	s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	wq_buf_init(&b);
	wq_buf_printf(&b, "[^%d]:", wq_node_footnote_number(n));
	for (q = s; *q; q++) {
		if (q == s || q[-1] == '\n') {
			if (*q == '\n')
				; /* a blank line stays blank */
			else
				wq_buf_puts(&b, q == s ? " " : "    ");
		}
		if (*q != '\n' || q[1] != '\0')
			wq_buf_putc(&b, *q);
	}
	cmark_node_set_on_enter(c, b.data);
	wq_buf_free(&b);
	free(s);
	cmark_node_free(doc);
	return c;
}

/* A table, written out here as a GFM pipe table: cmark-gfm 0.29's table
 * nodes, made by hand, leak their cells' data. */
static cmark_node *
table(struct md *m, const wq_node *n)
{
	static const char *const marks[] = { "---", ":--", ":-:", "--:" };
	cmark_node *c = md_node_new(CMARK_NODE_CUSTOM_BLOCK, NULL);
	const wq_node *row, *cell, *caption = NULL;
	struct wq_buf b;
	int first = 1;

	wq_buf_init(&b);
	for (row = wq_node_first_child(n); row; row = wq_node_next(row)) {
		if (wq_node_type_of(row) == WQ_NODE_CAPTION) {
			caption = row;
			continue;
		}
		wq_buf_putc(&b, '|');
		for (cell = wq_node_first_child(row); cell;
		     cell = wq_node_next(cell)) {
			wq_buf_putc(&b, ' ');
			cell_text(m, cell, &b);
			wq_buf_puts(&b, " |");
		}
		wq_buf_putc(&b, '\n');
		if (first) { /* the delimiter row */
			first = 0;
			wq_buf_putc(&b, '|');
			for (cell = wq_node_first_child(row); cell;
			     cell = wq_node_next(cell))
				wq_buf_printf(&b, " %s |",
				    marks[wq_node_cell_align(cell)]);
			wq_buf_putc(&b, '\n');
		}
	}
	if (caption) { /* pandoc's caption, after a blank line */
		wq_buf_puts(&b, "\nTable: ");
		cell_text(m, caption, &b);
		wq_buf_putc(&b, '\n');
	}
	if (b.len)
		b.data[--b.len] = '\0'; /* the renderer ends the block */
	cmark_node_set_on_enter(c, b.data ? b.data : "");
	wq_buf_free(&b);
	return c;
}

/* A code span, fenced by one backtick more than its longest run, padded
 * with a space where the spec strips one: cmark-gfm's renderer pads a
 * span of spaces, which then reads back longer. */
static cmark_node *
code_span(struct md *m, const wq_node *n)
{
	cmark_node *c = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);
	const char *lit = wq_node_literal(n);
	size_t len = wq_node_literal_len(n), run = 0, most = 0, i, blank = 0;
	int pad;

	for (i = 0; i < len; i++) {
		run = lit[i] == '`' ? run + 1 : 0;
		most = run > most ? run : most;
		blank += lit[i] == ' ';
	}
	pad = len &&
	    (lit[0] == '`' || lit[len - 1] == '`' ||
		(lit[0] == ' ' && lit[len - 1] == ' ' && blank < len));
	m->tmp.len = 0;
	for (i = 0; i <= most; i++)
		wq_buf_putc(&m->tmp, '`');
	if (pad)
		wq_buf_putc(&m->tmp, ' ');
	wq_buf_put(&m->tmp, lit, len);
	if (pad)
		wq_buf_putc(&m->tmp, ' ');
	for (i = 0; i <= most; i++)
		wq_buf_putc(&m->tmp, '`');
	cmark_node_set_on_enter(c, m->tmp.data);
	cmark_node_set_on_exit(c, "");
	return c;
}

/* Whether 'n' comes right after a sibling of type 'type'. */
static int
follows(const wq_node *n, wq_node_type type)
{
	return wq_node_prev(n) && wq_node_type_of(wq_node_prev(n)) == type;
}

/* Whether inline 'n' is in a block Markdown writes on one line: an ATX
 * heading, a table cell, a table's caption. */
static int
on_one_line(const wq_node *n)
{
	while ((n = wq_node_parent(n)) != NULL && !wq_node_is_block(n))
		;
	return n &&
	    (wq_node_type_of(n) == WQ_NODE_HEADING ||
		wq_node_type_of(n) == WQ_NODE_TABLE_CELL ||
		wq_node_type_of(n) == WQ_NODE_CAPTION);
}

/* A link's or image's URL without control characters, which a reader
 * after warraq might skip and so see "javascript:" (design: links that
 * run code are dropped; this keeps a dropped one from coming back). */
static void
set_url(struct md *m, cmark_node *c, const char *url)
{
	const unsigned char *p;

	m->tmp.len = 0;
	for (p = (const unsigned char *)(url ? url : ""); *p; p++)
		if (*p >= 0x20 && *p != 0x7F)
			wq_buf_putc(&m->tmp, (int)*p);
	wq_buf_putc(&m->tmp, '\0');
	cmark_node_set_url(c, m->tmp.data);
}

/* Whether 's' is an address an e-mail autolink may hold (CommonMark
 * 6.5): "local@domain", the domain's labels letters, digits and inner
 * hyphens. */
static int
is_email(const char *s)
{
	static const char local[] = ".!#$%&'*+/=?^_`{|}~-";
	const char *at = strchr(s, '@'), *p;
	size_t label = 0;

	if (at == NULL || at == s)
		return 0;
	for (p = s; p < at; p++)
		if (!isalnum((unsigned char)*p) && strchr(local, *p) == NULL)
			return 0;
	for (p = at + 1;; p++) {
		if (isalnum((unsigned char)*p)) {
			label++;
		} else if (*p == '-' && label > 0 && p[1] && p[1] != '.') {
			label++;
		} else if ((*p == '.' || *p == '\0') && label > 0 &&
		    label <= 63) {
			if (*p == '\0')
				return 1;
			label = 0;
		} else {
			return 0;
		}
	}
}

/* Whether link 'n' reads back as itself if cmark's renderer writes it
 * as an autolink, which it does when its text is its address (less a
 * "mailto:"): "<bug-time.org>" is no autolink, nor "<http://a b>". */
static int
autolink_reads_back(const wq_node *n)
{
	const char *url = wq_node_url(n), *addr;
	const wq_node *t = wq_node_first_child(n);
	size_t len;

	if (url == NULL || wq_node_title(n) || t == NULL || wq_node_next(t) ||
	    wq_node_type_of(t) != WQ_NODE_TEXT)
		return 1;
	addr = strncasecmp(url, "mailto:", 7) == 0 ? url + 7 : url;
	len = strlen(addr);
	if (wq_node_literal_len(t) != len ||
	    memcmp(wq_node_literal(t), addr, len) != 0)
		return 1;
	if (addr != url)
		return is_email(addr);
	return strpbrk(addr, " <>") == NULL;
}

static void
task_box(cmark_node *item, int done)
{
	cmark_node *p = cmark_node_first_child(item);
	cmark_node *box = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);

	cmark_node_set_on_enter(box, done ? "[x] " : "[ ] ");
	if (p && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH) {
		if (cmark_node_first_child(p))
			cmark_node_insert_before(
			    cmark_node_first_child(p), box);
		else
			cmark_node_append_child(p, box);
	} else {
		cmark_node *para = md_node_new(CMARK_NODE_PARAGRAPH, NULL);

		cmark_node_append_child(para, box);
		if (p)
			cmark_node_insert_before(p, para);
		else
			cmark_node_append_child(item, para);
	}
}

/* ".kind .subkind": a typed node's pandoc classes. */
static void
put_kind(struct wq_buf *b, const wq_node *n)
{
	if (wq_node_kind(n))
		wq_buf_printf(b, ".%s", wq_node_kind(n));
	if (wq_node_subkind(n))
		wq_buf_printf(b, " .%s", wq_node_subkind(n));
}

/* The marks of an edition as empty pandoc spans, which warraq's reader
 * reads back: "[]{.pagebreak volume=01 page=013}", "[]{.milestone unit=ms
 * n=001}", and " []{.caesura} " between hemistichs. */
static cmark_node *
edition_mark(struct md *m, const wq_node *n)
{
	cmark_node *c = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);

	m->tmp.len = 0;
	if (wq_node_type_of(n) == WQ_NODE_PAGE_BREAK) {
		wq_buf_puts(&m->tmp, "[]{.pagebreak");
		if (wq_node_page_volume(n))
			wq_buf_printf(
			    &m->tmp, " volume=%s", wq_node_page_volume(n));
		wq_buf_printf(&m->tmp, " page=%s}", wq_node_page(n));
	} else if (wq_node_type_of(n) == WQ_NODE_MILESTONE) {
		wq_buf_printf(&m->tmp, "[]{.milestone unit=%s",
		    wq_node_milestone_unit(n));
		if (*wq_node_milestone_n(n))
			wq_buf_printf(&m->tmp, " n=%s", wq_node_milestone_n(n));
		wq_buf_putc(&m->tmp, '}');
	} else {
		wq_buf_puts(&m->tmp, " []{.caesura} ");
	}
	cmark_node_set_on_enter(c, m->tmp.data);
	return c;
}

/* A fenced div's line: "::: {.riwaya}", "::: verse", ":::". */
static cmark_node *
fence(struct md *m, const char *classes)
{
	cmark_node *c = md_node_new(CMARK_NODE_HTML_BLOCK, NULL);

	m->tmp.len = 0;
	wq_buf_printf(
	    &m->tmp, ":::%s%s", classes ? " " : "", classes ? classes : "");
	cmark_node_set_literal(c, m->tmp.data);
	return c;
}

static void add_children(
    struct md *m, cmark_node *to, const wq_node *from, int seam);
static int add_child(struct md *m, cmark_node *to, const wq_node *from,
    const wq_node *k, int seam);

/* Verse as warraq's reader reads it back: a "::: verse" div whose
 * paragraphs are its lines. */
static void
verse(struct md *m, cmark_node *to, const wq_node *v)
{
	const wq_node *l;

	cmark_node_append_child(to, fence(m, "verse"));
	for (l = wq_node_first_child(v); l; l = wq_node_next(l)) {
		cmark_node *p = md_node_new(CMARK_NODE_PARAGRAPH, NULL);

		add_children(m, p, l, 0);
		cmark_node_append_child(to, p);
	}
	cmark_node_append_child(to, fence(m, NULL));
}

/* The inline written just before 'n': its previous sibling, or across
 * the edge of a span written as its children ('*seam' then set). */
static const wq_node *
written_before(const struct md *m, const wq_node *n, int *seam)
{
	const wq_node *k;

	*seam = 0;
	while ((k = wq_node_prev(n)) == NULL) {
		n = wq_node_parent(n);
		if (wq_node_type_of(n) != WQ_NODE_SPAN ||
		    md_span_written(n, m->spans))
			return NULL;
		*seam = 1;
	}
	while (wq_node_type_of(k) == WQ_NODE_SPAN &&
	    !md_span_written(k, m->spans) && wq_node_last_child(k)) {
		k = wq_node_last_child(k);
		*seam = 1;
	}
	return k;
}

/* Emphasis, strong or struck text: between delimiters where they read
 * back as it (emphasis.c), else as the HTML tags for it. An element the
 * direction analysis split goes on across the seam (append_joined()),
 * with no delimiter to open it there. */
static cmark_node *
emphasis(struct md *m, const wq_node *n)
{
	wq_node_type t = wq_node_type_of(n);
	int seam, joined, touching;
	const wq_node *before = written_before(m, n, &seam);
	cmark_node *c;

	joined = seam && before && before == m->delimited &&
	    wq_node_type_of(before) == t;
	/* "*a***b**" and "~~a~~~~b~~" run into one delimiter. */
	touching = !joined && before && before == m->delimited &&
	    (wq_node_type_of(before) == WQ_NODE_STRIKE) ==
		(t == WQ_NODE_STRIKE);
	if (touching || !md_delimitable(n, joined, m->spans, &m->tagged)) {
		c = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);
		cmark_node_set_on_enter(c,
		    t == WQ_NODE_EMPH	      ? "<em>"
			: t == WQ_NODE_STRONG ? "<strong>"
					      : "<del>");
		cmark_node_set_on_exit(c,
		    t == WQ_NODE_EMPH	      ? "</em>"
			: t == WQ_NODE_STRONG ? "</strong>"
					      : "</del>");
		/* Its children's delimiters share no run with tags. */
		if (m->tagged.n <
		    sizeof(m->tagged.node) / sizeof(*m->tagged.node))
			m->tagged.node[m->tagged.n++] = n;
		add_children(m, c, n, 0);
		if (m->tagged.n && m->tagged.node[m->tagged.n - 1] == n)
			m->tagged.n--;
		return c;
	}
	if (t == WQ_NODE_STRIKE) {
		md_extensions();
		c = md_node_new(CMARK_NODE_STRIKETHROUGH,
		    cmark_find_syntax_extension("strikethrough"));
	} else {
		c = md_node_new(
		    t == WQ_NODE_EMPH ? CMARK_NODE_EMPH : CMARK_NODE_STRONG,
		    NULL);
	}
	add_children(m, c, n, 0);
	m->delimited = n;
	return c;
}

/* Items of a long ordered list rendered at once (see ordered_in_chunks). */
#define LIST_CHUNK 256

/* A cmark list of the model's list 'n', its numbers from 'start'. */
static cmark_node *
new_list(const wq_node *n, int start)
{
	cmark_node *c = md_node_new(CMARK_NODE_LIST, NULL);

	cmark_node_set_list_type(c,
	    wq_node_list_ordered(n) ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST);
	cmark_node_set_list_start(c, start);
	cmark_node_set_list_tight(c, wq_node_list_tight(n));
	cmark_node_set_list_delim(c, CMARK_PERIOD_DELIM);
	return c;
}

/* Whether a list at 'n' may be written as a raw block of chunks. The
 * renderer puts a blank line on each side of one (none in a tight list's
 * item): harmless in a quote or between an item's blocks, but an item
 * must not begin with one. Below the top level the chunks would be
 * wrapped without their prefix's width: there, only when lines are not
 * wrapped. A raw block that opens a quote begins with two empty quote
 * lines, which read back as nothing. */
static int
chunks_fit(const wq_node *n, int width)
{
	const wq_node *p;

	for (p = wq_node_parent(n); p && wq_node_type_of(p) != WQ_NODE_SECTION;
	     n = p, p = wq_node_parent(p)) {
		if (width > 0)
			return 0;
		switch (wq_node_type_of(p)) {
		case WQ_NODE_BLOCK_QUOTE:
		case WQ_NODE_LIST: break;
		case WQ_NODE_ITEM:
			if (wq_node_first_child(p) == n)
				return 0;
			break;
		default: return 0;
		}
	}
	return p != NULL;
}

static int
long_ordered_list(const wq_node *n, int width)
{
	const wq_node *k = wq_node_first_child(n);
	size_t i = 0;

	if (!wq_node_list_ordered(n) || !chunks_fit(n, width))
		return 0;
	for (; k && i <= LIST_CHUNK; k = wq_node_next(k))
		i++;
	return i > LIST_CHUNK;
}

/* The comment cmark-gfm's renderer puts after a list that a list or an
 * indented code block follows. */
#define END_LIST "<!-- end list -->"

static int
follows_list(const wq_node *n)
{
	const wq_node *p = wq_node_prev(n);

	return p && wq_node_type_of(p) == WQ_NODE_LIST;
}

/* A long ordered list, rendered here a chunk of items at a time:
 * cmark-gfm 0.29's renderer numbers each item by counting the items
 * before it (20,000 items took 1.2 s; 40,000 in a quote 5.0 s). A chunk
 * is a list of its own that starts where the one before ended, so its
 * markers and indentation are the whole list's; chunks of a loose list
 * are a blank line apart, as its items are. */
static cmark_node *
ordered_in_chunks(struct md *m, const wq_node *n)
{
	/* Its text as a raw block, which the renderer writes as it is; a
	 * custom block would add a blank line after the text's last. */
	cmark_node *c = md_node_new(CMARK_NODE_HTML_BLOCK, NULL);
	const wq_node *item = wq_node_first_child(n);
	int start = wq_node_list_start(n);
	const wq_node *p = wq_node_parent(n);
	int tight = wq_node_type_of(p) == WQ_NODE_ITEM &&
	    wq_node_list_tight(wq_node_parent(p));
	struct wq_buf b;

	wq_buf_init(&b);
	/* What the renderer writes between a list and a list or an indented
	 * code block after it, lest they read back as one: written here
	 * for a list before this one and, unless it is chunked too and
	 * writes its own, after; in a tight list's item, as the renderer
	 * does there, without a blank line. */
	if (follows_list(n))
		wq_buf_puts(&b, tight ? END_LIST "\n" : END_LIST "\n\n");
	while (item) {
		cmark_node *doc = md_node_new(CMARK_NODE_DOCUMENT, NULL);
		cmark_node *list = new_list(n, start);
		char *s;
		int k;

		for (k = 0; item && k < LIST_CHUNK;
		     k++, item = wq_node_next(item))
			add_child(m, list, n, item, 0);
		cmark_node_append_child(doc, list);
		s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, m->width);
		if (b.len && !wq_node_list_tight(n))
			wq_buf_putc(&b, '\n');
		wq_buf_puts(&b, s);
		free(s);
		cmark_node_free(doc);
		start += k;
	}
	if (wq_node_next(n) &&
	    (wq_node_type_of(wq_node_next(n)) == WQ_NODE_CODE_BLOCK ||
		(wq_node_type_of(wq_node_next(n)) == WQ_NODE_LIST &&
		    !long_ordered_list(wq_node_next(n), m->width))))
		wq_buf_puts(&b, tight ? END_LIST "\n" : "\n" END_LIST "\n");
	/* Without its last line end: the renderer ends the block itself,
	 * and in a quote a second one would be a line without its "> ". */
	if (b.len && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	cmark_node_set_literal(c, b.data ? b.data : "");
	wq_buf_free(&b);
	return c;
}

static cmark_node *
convert(struct md *m, const wq_node *n)
{
	cmark_node *c = NULL;
	const char *s;

	switch (wq_node_type_of(n)) {
	case WQ_NODE_HEADING:
		c = md_node_new(CMARK_NODE_HEADING, NULL);
		cmark_node_set_heading_level(c, wq_node_heading_level(n));
		add_children(m, c, n, 0);
		/* pandoc's "{#intro}", "{.biography .man}" */
		if (wq_node_heading_anchor(n) || wq_node_kind(n)) {
			cmark_node *a =
			    md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);

			m->tmp.len = 0;
			wq_buf_puts(&m->tmp, " {");
			if (wq_node_heading_anchor(n))
				wq_buf_printf(&m->tmp, "#%s%s",
				    wq_node_heading_anchor(n),
				    wq_node_kind(n) ? " " : "");
			put_kind(&m->tmp, n);
			wq_buf_putc(&m->tmp, '}');
			cmark_node_set_on_enter(a, m->tmp.data);
			cmark_node_append_child(c, a);
		}
		return c;
	case WQ_NODE_PARAGRAPH:
		c = md_node_new(CMARK_NODE_PARAGRAPH, NULL);
		break;
	case WQ_NODE_BLOCK_QUOTE:
		c = md_node_new(CMARK_NODE_BLOCK_QUOTE, NULL);
		break;
	case WQ_NODE_LIST:
		if (long_ordered_list(n, m->width))
			return ordered_in_chunks(m, n);
		c = new_list(n, wq_node_list_start(n));
		break;
	case WQ_NODE_ITEM:
		/* A task's box is written as text at the start of its first
		 * paragraph: cmark-gfm's own tasklist renderer indents the
		 * items after a task wrongly, nesting them. */
		c = md_node_new(CMARK_NODE_ITEM, NULL);
		add_children(m, c, n, 0);
		if (wq_node_task(n))
			task_box(c, wq_node_task(n) == 2);
		return c;
	case WQ_NODE_EMPH:
	case WQ_NODE_STRONG:
	case WQ_NODE_STRIKE: return emphasis(m, n);
	case WQ_NODE_TABLE: return table(m, n);
	case WQ_NODE_FOOTNOTE: return footnote(m, n);
	case WQ_NODE_PAGE_BREAK:
	case WQ_NODE_MILESTONE:
	case WQ_NODE_CAESURA: return edition_mark(m, n);
	case WQ_NODE_SEGMENT:
		/* "[...]{.isnad}", the kind as pandoc's class */
		c = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);
		cmark_node_set_on_enter(c, "[");
		m->tmp.len = 0;
		wq_buf_puts(&m->tmp, "]{");
		put_kind(&m->tmp, n);
		if (wq_node_dir(n))
			wq_buf_printf(
			    &m->tmp, " dir=%s", wq_dir_name(wq_node_dir(n)));
		if (wq_node_lang(n))
			wq_buf_printf(&m->tmp, " lang=%s", wq_node_lang(n));
		wq_buf_putc(&m->tmp, '}');
		cmark_node_set_on_exit(c, m->tmp.data);
		break;
	case WQ_NODE_FOOTNOTE_REF:
		c = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);
		m->tmp.len = 0;
		wq_buf_printf(&m->tmp, "[^%d]", wq_node_footnote_number(n));
		cmark_node_set_on_enter(c, m->tmp.data);
		return c;
	case WQ_NODE_CODE_BLOCK:
		c = md_node_new(CMARK_NODE_CODE_BLOCK, NULL);
		cmark_node_set_literal(c, wq_node_literal(n));
		/* Always fenced: cmark-gfm writes indented code that runs into
		 * the code block after it, and drops the ">" of the blank line
		 * after it in a quote. A blank info string fences it and
		 * reads back as none. */
		s = wq_node_info(n);
		cmark_node_set_fence_info(c, s && *s ? s : " ");
		return c;
	case WQ_NODE_THEMATIC_BREAK:
		return md_node_new(CMARK_NODE_THEMATIC_BREAK, NULL);
	case WQ_NODE_TEXT:
		return new_text(wq_node_literal(n), wq_node_literal_len(n));
	case WQ_NODE_CODE:
		/* "`A``B`" would read back as one span: an empty comment
		 * keeps two spans apart without a character between. */
		if (follows(n, WQ_NODE_CODE)) {
			c = code_span(m, n);
			m->tmp.len = 0;
			wq_buf_puts(&m->tmp, "<!-- -->");
			wq_buf_puts(&m->tmp, cmark_node_get_on_enter(c));
			cmark_node_set_on_enter(c, m->tmp.data);
			return c;
		}
		return code_span(m, n);
	case WQ_NODE_SOFTBREAK: return md_node_new(CMARK_NODE_SOFTBREAK, NULL);
	case WQ_NODE_LINEBREAK:
		/* Where a line end cannot stand (a table cell and an ATX
		 * heading are one line) or would end the paragraph (a
		 * second break: "  \n  \n" is a blank line), the HTML that
		 * means the same, as GitHub's READMEs write it. */
		if (on_one_line(n) || follows(n, WQ_NODE_LINEBREAK)) {
			c = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);
			cmark_node_set_on_enter(c, "<br>");
			return c;
		}
		return md_node_new(CMARK_NODE_LINEBREAK, NULL);
	case WQ_NODE_LINK:
	case WQ_NODE_IMAGE:
		c = md_node_new(wq_node_type_of(n) == WQ_NODE_LINK
			? CMARK_NODE_LINK
			: CMARK_NODE_IMAGE,
		    NULL);
		set_url(m, c, wq_node_url(n));
		if ((s = wq_node_title(n)) != NULL)
			cmark_node_set_title(c, s);
		if (!autolink_reads_back(n)) {
			/* An empty first child: cmark then writes it
			 * "[text](address)". */
			cmark_node *h =
			    md_node_new(CMARK_NODE_HTML_INLINE, NULL);

			cmark_node_set_literal(h, "");
			cmark_node_append_child(c, h);
		}
		break;
	case WQ_NODE_SPAN:
		/* Spans the text itself wrote are kept as pandoc spans; the
		 * ones the analysis found only with md-spans. */
		if (md_span_written(n, m->spans)) {
			/* pandoc's bracketed span: [text]{dir=ltr lang=en} */
			c = md_node_new(CMARK_NODE_CUSTOM_INLINE, NULL);
			cmark_node_set_on_enter(c, "[");
			m->tmp.len = 0;
			wq_buf_puts(&m->tmp, "]{");
			if (wq_node_dir(n))
				wq_buf_printf(&m->tmp, "dir=%s",
				    wq_dir_name(wq_node_dir(n)));
			if (wq_node_lang(n))
				wq_buf_printf(&m->tmp, "%slang=%s",
				    wq_node_dir(n) ? " " : "", wq_node_lang(n));
			wq_buf_putc(&m->tmp, '}');
			cmark_node_set_on_exit(c, m->tmp.data);
			break;
		}
		return NULL; /* plain CommonMark: the children stand alone */
	default: return NULL;
	}
	add_children(m, c, n, 0);
	return c;
}

/* Whether cmark nodes 'a' and 'b' are two pieces of one element. */
static int
same_element(cmark_node *a, cmark_node *b)
{
	cmark_node_type t = cmark_node_get_type(a);
	const char *ta, *tb;

	if (t != cmark_node_get_type(b))
		return 0;
	if (t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG)
		return 1;
	if (t != CMARK_NODE_LINK)
		return 0;
	ta = cmark_node_get_title(a), tb = cmark_node_get_title(b);
	return strcmp(cmark_node_get_url(a), cmark_node_get_url(b)) == 0 &&
	    strcmp(ta ? ta : "", tb ? tb : "") == 0;
}

/* Appends 'c' to 'to'. At the edge of a span this writer leaves out, an
 * element the direction analysis split in two (docs/design.md H4) is
 * joined again: "**a****b**" would not read back as emphasis. */
static void
append_joined(cmark_node *to, cmark_node *c, int seam)
{
	cmark_node *last = cmark_node_last_child(to), *k, *next;

	if (seam && last && same_element(last, c)) {
		/* Only the first child meets the seam: "**a*b***c*d**". */
		for (k = cmark_node_first_child(c); k; k = next, seam = 0) {
			next = cmark_node_next(k);
			cmark_node_unlink(k);
			append_joined(last, k, seam);
		}
		cmark_node_free(c);
		return;
	}
	if (!cmark_node_append_child(to, c)) {
		/* cmark refuses a child its parent cannot hold; the loaders
		 * never make one, but the API could. */
		cmark_node_free(c);
	}
}

/* "<div dir=... lang=...>", opening the stated direction of block 'n'. */
static cmark_node *
stated_div(struct md *m, const wq_node *n)
{
	cmark_node *c = md_node_new(CMARK_NODE_HTML_BLOCK, NULL);

	m->tmp.len = 0;
	wq_buf_puts(&m->tmp, "<div");
	if (wq_node_dir(n))
		wq_buf_printf(
		    &m->tmp, " dir=\"%s\"", wq_dir_name(wq_node_dir(n)));
	if (wq_node_lang(n))
		wq_buf_printf(&m->tmp, " lang=\"%s\"", wq_node_lang(n));
	wq_buf_putc(&m->tmp, '>');
	cmark_node_set_literal(c, m->tmp.data);
	return c;
}

/* Adds the children of 'from' to 'to'; 'seam' when a left-out span's
 * edge lies just before the first. */
static void
add_children(struct md *m, cmark_node *to, const wq_node *from, int seam)
{
	const wq_node *k;

	for (k = wq_node_first_child(from); k; k = wq_node_next(k))
		seam = add_child(m, to, from, k, seam);
}

static int
in_link(const wq_node *n)
{
	for (n = wq_node_parent(n); n && !wq_node_is_block(n);
	     n = wq_node_parent(n))
		if (wq_node_type_of(n) == WQ_NODE_LINK ||
		    wq_node_type_of(n) == WQ_NODE_IMAGE)
			return 1;
	return 0;
}

/* Appends child 'k' of 'from' to 'to'; returns the seam for the next
 * (whether an element split at a span's edge may need joining). */
static int
add_child(struct md *m, cmark_node *to, const wq_node *from, const wq_node *k,
    int seam)
{
	cmark_node *c;
	int typed;

	if (wq_node_type_of(k) == WQ_NODE_TEXT) {
		append_text(to, wq_node_literal(k), wq_node_literal_len(k),
		    !in_link(k));
		m->bytes += wq_node_literal_len(k);
		return 0;
	}
	if (wq_node_type_of(k) == WQ_NODE_VERSE) {
		verse(m, to, k);
		return 0;
	}
	c = convert(m, k);
	if (c == NULL) {
		if (wq_node_type_of(k) == WQ_NODE_SPAN) {
			add_children(m, to, k, 1);
			return 1;
		}
		return seam;
	}
	typed = wq_node_type_of(k) == WQ_NODE_PARAGRAPH && wq_node_kind(k);
	if (typed) { /* a typed paragraph: "::: {.riwaya}" around it */
		struct wq_buf cls;

		wq_buf_init(&cls);
		wq_buf_putc(&cls, '{');
		put_kind(&cls, k);
		wq_buf_putc(&cls, '}');
		append_joined(to, fence(m, cls.data), 0);
		wq_buf_free(&cls);
	}
	if (wq_node_is_block(k) && wq_node_dir_stated(k) &&
	    wq_node_type_of(from) != WQ_NODE_LIST) {
		/* The direction the source stated, as raw HTML around
		 * the block: read back, and kept by renderers. */
		append_joined(to, stated_div(m, k), 0);
		append_joined(to, c, 0);
		c = md_node_new(CMARK_NODE_HTML_BLOCK, NULL);
		cmark_node_set_literal(c, "</div>");
	}
	append_joined(to, c, seam);
	if (typed)
		append_joined(to, fence(m, NULL), 0);
	return 0;
}

/* ---- the front matter: metadata to YAML ---- */

static int
emit(yaml_emitter_t *e, yaml_event_t *ev)
{
	return yaml_emitter_emit(e, ev) ? 0 : -1;
}

/* Values YAML would read as something else than a string are quoted. */
static int
needs_quotes(const char *v)
{
	static const char *const words[] = { "true", "false", "yes", "no", "on",
		"off", "null", "~", "y", "n", NULL };
	size_t i;

	if (*v == '\0')
		return 1;
	for (i = 0; words[i]; i++)
		if (strcasecmp(v, words[i]) == 0)
			return 1;
	return 0;
}

static int
scalar(yaml_emitter_t *e, const char *v)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)v,
	    (int)strlen(v), 1, 1,
	    needs_quotes(v) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
			    : YAML_ANY_SCALAR_STYLE);
	return emit(e, &ev);
}

static int
value(yaml_emitter_t *e, const wq_meta *m, size_t i)
{
	yaml_event_t ev;
	size_t j;
	int rc = 0;

	if (!wq_meta_is_list(m, i))
		return scalar(e, wq_meta_value(m, i, 0));
	yaml_sequence_start_event_initialize(
	    &ev, NULL, NULL, 1, YAML_ANY_SEQUENCE_STYLE);
	rc = emit(e, &ev);
	for (j = 0; rc == 0 && j < wq_meta_nvalues(m, i); j++)
		rc = scalar(e, wq_meta_value(m, i, j));
	yaml_sequence_end_event_initialize(&ev);
	return rc ? rc : emit(e, &ev);
}

/* Whether dotted key 'key' can be written as nested maps that read back
 * as it: no empty part ("a..b", "a."), and not deeper than the reader
 * takes (8 parts here, 32 there). Others are written as one key. */
static int
nestable(const char *key)
{
	size_t n = strlen(key), dots = 0, i;

	for (i = 0; i < n; i++)
		dots += key[i] == '.';
	return dots <= 8 && key[0] != '.' && strstr(key, "..") == NULL &&
	    n > 0 && key[n - 1] != '.';
}

static int mapping(
    yaml_emitter_t *e, const wq_meta *m, const char *prefix, int depth);

/* The number of maps of a list that keys under 'prefix' ("author.")
 * hold ("author.1.name", "author.2.role": 2), or 0 if they are not a
 * list of maps, numbered from 1 (as the reader stores one). */
static size_t
list_of_maps(const wq_meta *m, const char *prefix)
{
	size_t i, plen = strlen(prefix), most = 0, n = wq_meta_count(m);
	unsigned char seen[65] = { 0 };

	for (i = 0; i < n; i++) {
		const char *key = wq_meta_key(m, i), *rest;
		size_t d, k;

		if (strncmp(key, prefix, plen) != 0)
			continue;
		rest = key + plen;
		d = strspn(rest, "0123456789");
		if (d == 0 || d > 2 || rest[d] != '.' || rest[0] == '0')
			return 0;
		k = (size_t)atoi(rest);
		if (k > 64)
			return 0;
		seen[k] = 1;
		most = k > most ? k : most;
	}
	for (i = 1; i <= most; i++)
		if (!seen[i])
			return 0;
	return most;
}

/* Writes the keys of 'm' that start with 'prefix', in their order; dotted
 * keys ("series.name", from a nested map) become nested maps again, or
 * stay one key where nesting would not read back the same. */
static int
mapping(yaml_emitter_t *e, const wq_meta *m, const char *prefix, int depth)
{
	size_t i, k, plen = strlen(prefix), n = wq_meta_count(m);
	yaml_event_t ev;
	int rc;

	yaml_mapping_start_event_initialize(
	    &ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	if ((rc = emit(e, &ev)) != 0)
		return rc;
	for (i = 0; rc == 0 && i < n; i++) {
		const char *key = wq_meta_key(m, i), *rest, *dot;

		if (strncmp(key, prefix, plen) != 0)
			continue;
		rest = key + plen;
		if (!nestable(key)) { /* one key, at the top only */
			if (depth == 0 && (rc = scalar(e, rest)) == 0)
				rc = value(e, m, i);
			continue;
		}
		if ((dot = strchr(rest, '.')) == NULL) {
			if ((rc = scalar(e, rest)) == 0)
				rc = value(e, m, i);
			continue;
		}
		/* A nested map: written once, where its first key stands. */
		for (k = 0; k < i; k++)
			if (strncmp(wq_meta_key(m, k), key,
				(size_t)(dot - key) + 1) == 0 &&
			    nestable(wq_meta_key(m, k)))
				break;
		if (k < i)
			continue;
		{
			char *sub = copy_of(rest, (size_t)(dot - rest));
			char *subprefix = copy_of(key, (size_t)(dot - key) + 1);
			size_t items = list_of_maps(m, subprefix), j;

			rc = scalar(e, sub);
			if (rc == 0 && items) { /* author: [{name, role}, …] */
				yaml_sequence_start_event_initialize(&ev, NULL,
				    NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
				rc = emit(e, &ev);
				for (j = 1; rc == 0 && j <= items; j++) {
					char item[300];

					snprintf(item, sizeof(item), "%s%zu.",
					    subprefix, j);
					rc = mapping(e, m, item, depth + 2);
				}
				yaml_sequence_end_event_initialize(&ev);
				if (rc == 0)
					rc = emit(e, &ev);
			} else if (rc == 0) {
				rc = mapping(e, m, subprefix, depth + 1);
			}
			free(sub);
			free(subprefix);
		}
	}
	yaml_mapping_end_event_initialize(&ev);
	return rc ? rc : emit(e, &ev);
}

static int
yaml_out(void *data, unsigned char *buf, size_t len)
{
	wq_buf_put(data, buf, len);
	return 1;
}

/* The front matter: the document's metadata (or the only text's), and
 * its language and direction from the model. */
static int
front_matter(const wq_doc *doc, struct wq_buf *out)
{
	const wq_node *root = wq_doc_root(doc);
	const wq_node *only =
	    wq_doc_section_count(doc) == 1 ? wq_doc_section(doc, 0) : NULL;
	wq_meta *m = wq_meta_new(), *from[2];
	const char *lang =
	    only ? wq_node_effective_lang(only) : wq_node_lang(root);
	wq_dir dir =
	    only ? wq_node_effective_dir(only) : wq_node_effective_dir(root);
	yaml_emitter_t e;
	yaml_event_t ev;
	size_t f;
	int rc;

	/* The text's keys, then the command line's over them. */
	from[0] = only ? wq_section_meta(only) : NULL;
	from[1] = wq_doc_meta(doc);
	for (f = 0; f < 2; f++)
		wq_meta_merge(m, from[f], 1);
	/* Several texts with no title of their own get none: their neutral
	 * one (wq_doc_title) would read back as given. */
	if (lang)
		wq_meta_set(m, "lang", lang);
	wq_meta_set(m, "dir", wq_dir_name(dir));

	yaml_emitter_initialize(&e);
	yaml_emitter_set_output(&e, yaml_out, out);
	yaml_emitter_set_unicode(&e, 1);
	yaml_emitter_set_width(&e, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	rc = emit(&e, &ev);
	if (rc == 0) {
		yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
		rc = emit(&e, &ev);
	}
	if (rc == 0)
		rc = mapping(&e, m, "", 0);
	if (rc == 0) {
		yaml_document_end_event_initialize(&ev, 1);
		rc = emit(&e, &ev);
	}
	if (rc == 0) {
		yaml_stream_end_event_initialize(&ev);
		rc = emit(&e, &ev);
	}
	yaml_emitter_delete(&e);
	wq_meta_free(m);
	return rc;
}

/* A piece holds this many top-level blocks or bytes of text at most,
 * the first that is reached (and then the next block that may end it):
 * pieces small enough to render on two cores, large enough that handing
 * them over costs nothing. */
#define PIECE_BLOCKS 2000
#define PIECE_BYTES (64 * 1024)

/* Whether the text may be cut after block 'k' and go on in a piece
 * rendered on its own: the blocks on both sides read back the same. */
static int
cuttable(const wq_node *k)
{
	const wq_node *next = wq_node_next(k);
	wq_node_type t = wq_node_type_of(k);

	return next && (t == WQ_NODE_PARAGRAPH || t == WQ_NODE_HEADING) &&
	    !wq_node_kind(k) && !wq_node_dir_stated(k) &&
	    (wq_node_type_of(next) == WQ_NODE_PARAGRAPH ||
		wq_node_type_of(next) == WQ_NODE_HEADING);
}

static int
md_write(const wq_doc *doc, const wq_opts *opts, struct wq_sink *out,
    struct wq_err *err)
{
	struct md m;
	struct md_render r;
	struct wq_buf b;
	cmark_node *root = md_node_new(CMARK_NODE_DOCUMENT, NULL);
	size_t i, n = wq_doc_section_count(doc), blocks = 0;
	const char *cols = wq_opts_get(opts, "columns");
	int width = cols ? atoi(cols) : 0, rc = 0, seam = 0;
	const wq_node *k;

	if (cols && (width < 1 || strspn(cols, "0123456789") != strlen(cols))) {
		cmark_node_free(root);
		return wq_err_set(err, WQ_EUSAGE, NULL, 0, 0,
		    "columns takes a width, not '%s'", cols);
	}
	memset(&m, 0, sizeof(m));
	m.width = width;
	m.spans = wq_opts_flag(opts, "md-spans") || wq_opts_flag(opts, "spans");
	wq_buf_init(&m.tmp);
	wq_buf_init(&b);
	if (front_matter(doc, &b) != 0) {
		cmark_node_free(root);
		wq_buf_free(&b);
		wq_buf_free(&m.tmp);
		return wq_err_set(err, WQ_EPLUGIN, "markdown", 0, 0,
		    "libyaml could not write the front matter");
	}
	/* libyaml ends the document with "...": front matter closes with
	 * "---", as pandoc and most tools expect. */
	if (b.len >= 4 && memcmp(b.data + b.len - 4, "...\n", 4) == 0)
		b.len -= 4;
	wq_buf_puts(&b, "---\n\n");
	md_render_init(&r, width, &b, out, err);
	for (i = 0; i < n; i++) {
		const wq_node *s = wq_doc_section(doc, i);
		const wq_node *first = wq_node_first_child(s);

		/* Several texts: a level-1 heading each, unless it has one. */
		if (n > 1 && !(first && wq_node_heading_level(first) == 1)) {
			cmark_node *h = md_node_new(CMARK_NODE_HEADING, NULL);

			cmark_node_set_heading_level(h, 1);
			cmark_node_append_child(h,
			    new_text(wq_section_title(s),
				strlen(wq_section_title(s))));
			cmark_node_append_child(root, h);
		}
		for (k = wq_node_first_child(s), rc = 0; k && rc == 0;
		     k = wq_node_next(k)) {
			seam = add_child(&m, root, s, k, seam);
			/* A long text goes out in pieces, each rendered on its
			 * own, so that neither its cmark tree nor its text
			 * sits whole in memory: cut only between blocks that
			 * read back the same apart (two lists side by side
			 * would merge). */
			if ((++blocks >= PIECE_BLOCKS ||
				m.bytes >= PIECE_BYTES) &&
			    cuttable(k)) {
				rc = md_render_piece(&r, root);
				root = md_node_new(CMARK_NODE_DOCUMENT, NULL);
				blocks = 0;
				m.bytes = 0;
			}
		}
	}
	if (rc == 0) {
		rc = md_render_piece(&r, root);
		root = NULL;
	}
	if ((seam = md_render_end(&r)) != 0 && rc == 0)
		rc = seam; /* a piece sent at the end failed to go out */
	if (rc == 0)
		rc = wq_sink_put_buf(out, &b, err);
	if (root)
		cmark_node_free(root);
	wq_buf_free(&b);
	wq_buf_free(&m.tmp);
	return rc;
}

static const struct wq_reader reader = {
	sizeof(struct wq_reader),
	"md markdown mdown mkd",
	"text/markdown",
	NULL, /* Markdown cannot be told from plain text by its bytes */
	md_read,
};

static const struct wq_writer writer = {
	sizeof(struct wq_writer),
	"md markdown",
	"text/markdown",
	WQ_WRITER_NO_DIGESTS,
	md_write,
	"columns md-spans spans",
};

static const struct wq_plugin markdown = {
	WQ_PLUGIN_ABI,
	sizeof(struct wq_plugin),
	"markdown",
	"md gfm commonmark",
	"GitHub-flavoured Markdown (tables, task lists, ~~strike~~, autolinks; "
	"-f commonmark: strict) with YAML front matter",
	&reader,
	&writer,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &markdown;
}
