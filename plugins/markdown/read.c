/*
 * read.c - the "markdown" reader: CommonMark parsed by cmark, mapped into
 * the model, with pandoc's bracketed spans [text]{dir=ltr lang=en}. Raw
 * HTML is handed to the "html" reader, which keeps its text and what the
 * model can hold of its tags.
 */
#include "markdown.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Deeper nesting is not a text but an attack; refuse it with a position.
 * The bound leaves room below the 256 levels that libxml2 and other XML
 * parsers accept by default, for what writers wrap around the blocks (a
 * TEI corpus, body, divs): fuzzing found a TEI edition too deep to read. */
#define MAX_NESTING 128

struct md_ctx {
	wq_read_ctx *read;
	struct wq_buf text;	    /* neighbouring text nodes, joined */
	int notes;		    /* footnote definitions met */
	unsigned long lines_before; /* the piece's first line, less one */
	cmark_node *last_cell;	    /* the cell mapped last, and its column */
	int last_col;
};

/* A node's line in the text (cmark counts from its piece). */
static unsigned long
line_of(cmark_node *c, const struct md_ctx *ctx)
{
	unsigned long line = (unsigned long)cmark_node_get_start_line(c);

	return line ? line + ctx->lines_before : 0;
}

static void
set_pos(wq_node *n, cmark_node *c, const struct md_ctx *ctx)
{
	unsigned long line = line_of(c, ctx);

	if (line == 0)
		return;
	wq_node_set_pos(n, wq_read_line(ctx->read, line),
	    (unsigned long)cmark_node_get_start_column(c));
}

static void
warn_html(struct md_ctx *ctx, cmark_node *c)
{
	wq_read_warn(ctx->read, line_of(c, ctx),
	    (unsigned long)cmark_node_get_start_column(c), "raw-html",
	    "raw HTML is not passed through: its text is kept, tags are "
	    "mapped or dropped");
}

/* Raw HTML goes to the html reader; returns 0 or its error. */
static int
map_html(wq_node *parent, cmark_node *c, struct md_ctx *ctx, int block,
    struct wq_err *err)
{
	const char *lit = cmark_node_get_literal(c);
	int rc;

	if (lit == NULL)
		return 0;
	rc = wq_read_with(ctx->read, "html", parent, lit, strlen(lit),
	    block ? WQ_READ_BLOCKS : WQ_READ_INLINES, line_of(c, ctx), 1, err);
	if (rc > 0)
		warn_html(ctx, c);
	return rc < 0 ? rc : 0;
}

/* Whether an inline HTML tag opens an element whose content is never
 * text: its content is skipped up to the matching closing tag. */
static const char *
opens_hidden(const char *tag)
{
	static const char *const hidden[] = { "script", "style", "template",
		"iframe", "object", "textarea", "title", NULL };
	size_t i, n;

	if (tag[0] != '<')
		return NULL;
	for (i = 0; hidden[i]; i++) {
		n = strlen(hidden[i]);
		if (strncasecmp(tag + 1, hidden[i], n) == 0 &&
		    (tag[1 + n] == '>' || tag[1 + n] == ' ' ||
			tag[1 + n] == '\t' || tag[1 + n] == '\n' ||
			tag[1 + n] == '/'))
			return hidden[i];
	}
	return NULL;
}

static int
closes(const char *tag, const char *name)
{
	size_t n = strlen(name);

	return tag[0] == '<' && tag[1] == '/' &&
	    strncasecmp(tag + 2, name, n) == 0;
}

static int map_children(wq_node *parent, cmark_node *c, struct md_ctx *ctx,
    int depth, struct wq_err *err);

/* pandoc's heading attributes, "## Intro {#intro dir=ltr lang=en}": the
 * list ends the heading's text; its id names the heading for links, its
 * dir and lang are stated. */
static void
heading_attrs(wq_node *h)
{
	wq_node *t = wq_node_last_child(h);
	struct md_attrs a;
	const char *s;
	size_t len, k;

	if (t == NULL || wq_node_type_of(t) != WQ_NODE_TEXT)
		return;
	s = wq_node_literal(t);
	len = wq_node_literal_len(t);
	while (len && s[len - 1] == ' ')
		len--;
	if (len == 0 || s[len - 1] != '}')
		return;
	for (k = len; k > 0 && s[k - 1] != '{';)
		k--;
	if (k == 0 || (k > 1 && s[k - 2] != ' '))
		return;
	k--;
	if (md_attrs(s + k, len - k, &a) != len - k)
		return;
	if (a.dir != WQ_DIR_UNSET)
		wq_node_set_dir(h, a.dir);
	if (a.lang[0])
		wq_node_set_lang(h, a.lang);
	if (a.id[0])
		wq_node_set_heading_anchor(h, a.id);
	if (a.kind[0][0]) /* "{.biography .man}": a typed division */
		wq_node_set_kind(h, a.kind[0], a.kind[1][0] ? a.kind[1] : NULL);
	while (k && s[k - 1] == ' ')
		k--;
	if (k == 0)
		wq_node_unlink(t);
	else
		wq_node_set_literal(t, s, k);
}

/* A cell's alignment: its table's for its column. The column is the one
 * after the cell mapped before, if that is the cell before: counting the
 * cells before each was quadratic in a row's (8,000 columns: 0.7 s). */
static wq_align
cell_align(cmark_node *cell, struct md_ctx *ctx)
{
	cmark_node *row = cmark_node_parent(cell), *k;
	cmark_node *table = row ? cmark_node_parent(row) : NULL;
	uint8_t *aligns;
	int col = 0;

	if (table == NULL)
		return WQ_ALIGN_NONE;
	if ((k = cmark_node_previous(cell)) != NULL && k == ctx->last_cell)
		col = ctx->last_col + 1;
	else
		for (; k; k = cmark_node_previous(k))
			col++;
	ctx->last_cell = cell;
	ctx->last_col = col;
	if (col >= cmark_gfm_extensions_get_table_columns(table) ||
	    (aligns = cmark_gfm_extensions_get_table_alignments(table)) == NULL)
		return WQ_ALIGN_NONE;
	switch (aligns[col]) {
	case 'l': return WQ_ALIGN_START;
	case 'c': return WQ_ALIGN_CENTER;
	case 'r': return WQ_ALIGN_END;
	default: return WQ_ALIGN_NONE;
	}
}

/* The nodes of cmark-gfm's extensions, told by their type string. */
static wq_node *
gfm_node(wq_doc *doc, cmark_node *c, struct md_ctx *ctx)
{
	const char *t = cmark_node_get_type_string(c);
	wq_node *n = NULL;

	if (strcmp(t, "strikethrough") == 0) {
		n = wq_node_new(doc, WQ_NODE_STRIKE);
	} else if (strcmp(t, "table") == 0) {
		n = wq_node_new(doc, WQ_NODE_TABLE);
	} else if (strcmp(t, "table_row") == 0 ||
	    strcmp(t, "table_header") == 0) {
		n = wq_node_new(doc, WQ_NODE_TABLE_ROW);
		ctx->last_cell = NULL; /* only this row's, which are live */
		wq_node_set_row_header(
		    n, cmark_gfm_extensions_get_table_row_is_header(c));
	} else if (strcmp(t, "table_cell") == 0) {
		n = wq_node_new(doc, WQ_NODE_TABLE_CELL);
		wq_node_set_cell_align(n, cell_align(c, ctx));
	}
	return n;
}

/* Which ends of a paragraph or heading are raw HTML (1 the start, 2 the
 * end): cmark strips the spaces at a block's edges, but not those after
 * "<a name=x></a>" or before "<span></span>", and the tags may leave
 * nothing in the model. Asked before the children are mapped (and
 * freed). */
static int
html_edges(cmark_node *c)
{
	cmark_node *first = cmark_node_first_child(c);
	cmark_node *last = cmark_node_last_child(c);

	if (first == NULL ||
	    (cmark_node_get_type(c) != CMARK_NODE_PARAGRAPH &&
		cmark_node_get_type(c) != CMARK_NODE_HEADING))
		return 0;
	return (cmark_node_get_type(first) == CMARK_NODE_HTML_INLINE) |
	    (cmark_node_get_type(last) == CMARK_NODE_HTML_INLINE) << 1;
}

/* Drops the spaces and tabs of the text at the ends 'edges' names, as
 * CommonMark does at a block's edges: no display shows them. */
static void
trim_edges(wq_node *n, int edges)
{
	wq_node *t;

	if ((edges & 1) && (t = wq_node_first_child(n)) &&
	    wq_node_type_of(t) == WQ_NODE_TEXT) {
		const char *s = wq_node_literal(t);
		size_t from = 0, len = wq_node_literal_len(t);

		while (from < len && (s[from] == ' ' || s[from] == '\t'))
			from++;
		if (from)
			wq_node_set_literal(t, s + from, len - from);
	}
	if ((edges & 2) && (t = wq_node_last_child(n)) &&
	    wq_node_type_of(t) == WQ_NODE_TEXT) {
		const char *s = wq_node_literal(t);
		size_t len = wq_node_literal_len(t), was = len;

		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
			len--;
		if (len < was)
			wq_node_set_literal(t, s, len);
	}
}

static int
map_node(wq_node *parent, cmark_node *c, struct md_ctx *ctx, int depth,
    struct wq_err *err)
{
	wq_doc *doc = wq_node_doc(parent);
	wq_node *n = NULL;
	const char *lit;
	int rc, edges;

	switch (cmark_node_get_type(c)) {
	case CMARK_NODE_BLOCK_QUOTE:
		n = wq_node_new(doc, WQ_NODE_BLOCK_QUOTE);
		break;
	case CMARK_NODE_LIST:
		n = wq_node_new(doc, WQ_NODE_LIST);
		wq_node_set_list(n,
		    cmark_node_get_list_type(c) == CMARK_ORDERED_LIST,
		    cmark_node_get_list_start(c), cmark_node_get_list_tight(c));
		break;
	case CMARK_NODE_ITEM:
		n = wq_node_new(doc, WQ_NODE_ITEM);
		if (strcmp(cmark_node_get_type_string(c), "tasklist") == 0)
			wq_node_set_task(n,
			    cmark_gfm_extensions_get_tasklist_item_checked(c)
				? 2
				: 1);
		break;
	case CMARK_NODE_CODE_BLOCK:
		n = wq_node_new(doc, WQ_NODE_CODE_BLOCK);
		lit = cmark_node_get_literal(c);
		wq_node_set_literal(n, lit ? lit : "", lit ? strlen(lit) : 0);
		wq_node_set_info(n, cmark_node_get_fence_info(c));
		break;
	case CMARK_NODE_HTML_BLOCK: return map_html(parent, c, ctx, 1, err);
	case CMARK_NODE_PARAGRAPH:
		n = wq_node_new(doc, WQ_NODE_PARAGRAPH);
		break;
	case CMARK_NODE_HEADING:
		n = wq_node_new(doc, WQ_NODE_HEADING);
		wq_node_set_heading_level(n, cmark_node_get_heading_level(c));
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		n = wq_node_new(doc, WQ_NODE_THEMATIC_BREAK);
		break;
	case CMARK_NODE_CODE: /* text nodes are joined in map_children() */
		n = wq_node_new(doc, WQ_NODE_CODE);
		lit = cmark_node_get_literal(c);
		wq_node_set_literal(n, lit ? lit : "", lit ? strlen(lit) : 0);
		break;
	case CMARK_NODE_SOFTBREAK:
		n = wq_node_new(doc, WQ_NODE_SOFTBREAK);
		break;
	case CMARK_NODE_LINEBREAK:
		n = wq_node_new(doc, WQ_NODE_LINEBREAK);
		break;
	case CMARK_NODE_HTML_INLINE: return map_html(parent, c, ctx, 0, err);
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		/* cmark-gfm numbers the notes by first reference, and puts
		 * their definitions at the end in that order. */
		n = wq_node_new(doc, WQ_NODE_FOOTNOTE_REF);
		lit = cmark_node_get_literal(c);
		wq_node_set_footnote_number(n, lit ? atoi(lit) : 0);
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		n = wq_node_new(doc, WQ_NODE_FOOTNOTE);
		wq_node_set_footnote_number(n, ++ctx->notes);
		break;
	case CMARK_NODE_EMPH: n = wq_node_new(doc, WQ_NODE_EMPH); break;
	case CMARK_NODE_STRONG: n = wq_node_new(doc, WQ_NODE_STRONG); break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		n = wq_node_new(doc,
		    cmark_node_get_type(c) == CMARK_NODE_LINK ? WQ_NODE_LINK
							      : WQ_NODE_IMAGE);
		wq_node_set_url(n, cmark_node_get_url(c));
		wq_node_set_title(n, cmark_node_get_title(c));
		break;
	default: /* GFM's, or custom nodes cmark never makes when parsing */
		if ((n = gfm_node(doc, c, ctx)) == NULL)
			return 0;
		break;
	}
	if (wq_node_is_block(n))
		set_pos(n, c, ctx);
	wq_node_append(parent, n);
	if (cmark_node_first_child(c) == NULL)
		return 0;
	if (depth >= MAX_NESTING)
		return wq_read_error(ctx->read, err, WQ_EINPUT, line_of(c, ctx),
		    (unsigned long)cmark_node_get_start_column(c),
		    "nesting deeper than %d levels", MAX_NESTING);
	edges = html_edges(c);
	rc = map_children(n, c, ctx, depth + 1, err);
	if (rc == 0 && edges)
		trim_edges(n, edges);
	if (rc == 0 && wq_node_type_of(n) == WQ_NODE_HEADING)
		heading_attrs(n);
	return rc;
}

/* cmark splits text where a bracket or entity was: join the pieces, so
 * that a pandoc span is one text node to find. */
static void
flush_text(wq_node *parent, struct md_ctx *ctx)
{
	wq_node *t;

	if (ctx->text.len == 0)
		return;
	t = wq_node_new(wq_node_doc(parent), WQ_NODE_TEXT);
	wq_node_set_literal(t, ctx->text.data, ctx->text.len);
	wq_node_append(parent, t);
	ctx->text.len = 0;
}

/* The node after 'k', and 'k' freed if it is a paragraph's: so a long
 * paragraph's cmark tree shrinks as its model grows, instead of both
 * being whole at once. (Not a table row's cells: cmark-gfm finds a
 * cell's alignment by counting the cells before it.) */
static cmark_node *
next_child(cmark_node *k, int drop)
{
	cmark_node *next = cmark_node_next(k);

	if (drop)
		cmark_node_free(k);
	return next;
}

static int
map_children(wq_node *parent, cmark_node *c, struct md_ctx *ctx, int depth,
    struct wq_err *err)
{
	const char *hidden = NULL;
	struct md_stated stated;
	struct md_open_tags open;
	wq_node *to;
	cmark_node *k;
	int drop = cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH;
	int rc;

	stated.depth = 0;
	open.n = 0;
	for (k = cmark_node_first_child(c); k; k = next_child(k, drop)) {
		if (cmark_node_get_type(k) == CMARK_NODE_HTML_BLOCK &&
		    cmark_node_get_literal(k) &&
		    md_stated_block(&stated, parent, cmark_node_get_literal(k),
			wq_node_last_child(parent)))
			continue; /* a "<div dir=rtl>" or "</div>" alone */
		if (cmark_node_get_type(k) == CMARK_NODE_TEXT && !hidden) {
			const char *lit = cmark_node_get_literal(k);

			if (lit)
				wq_buf_puts(&ctx->text, lit);
			continue;
		}
		flush_text(parent, ctx);
		if (cmark_node_get_type(k) == CMARK_NODE_HTML_INLINE) {
			const char *tag = cmark_node_get_literal(k);

			if (tag == NULL)
				continue;
			if (hidden) {
				if (closes(tag, hidden))
					hidden = NULL;
				continue;
			}
			if ((hidden = opens_hidden(tag)) != NULL) {
				warn_html(ctx, k);
				continue;
			}
			if ((to = md_inline_tag(&open, parent, tag, ctx->read,
				 line_of(k, ctx)))) {
				parent = to;
				continue;
			}
		} else if (hidden) {
			continue;
		}
		if ((rc = map_node(parent, k, ctx, depth, err)) != 0)
			return rc;
	}
	flush_text(parent, ctx);
	md_stated_end(&stated, parent);
	return 0;
}

/* A text node holding s[from, to), to go after 'at'. */
static wq_node *
text_after(wq_node *at, const char *s, size_t from, size_t to)
{
	wq_node *t = wq_node_new(wq_node_doc(at), WQ_NODE_TEXT);

	wq_node_set_literal(t, s + from, to - from);
	wq_node_insert_after(at, t);
	return t;
}

/* An empty span that stands for a mark of an edition: a page break, a
 * milestone or a caesura, as warraq's writer puts them
 * ("[]{.pagebreak volume=1 page=7}"); NULL if it is none. */
static wq_node *
edition_mark(wq_doc *doc, const struct md_attrs *at)
{
	wq_node *n = NULL;

	if (strcmp(at->kind[0], "pagebreak") == 0 && at->page[0]) {
		n = wq_node_new(doc, WQ_NODE_PAGE_BREAK);
		if (wq_node_set_page(
			n, at->volume[0] ? at->volume : NULL, at->page) < 0)
			n = NULL;
	} else if (strcmp(at->kind[0], "milestone") == 0) {
		n = wq_node_new(doc, WQ_NODE_MILESTONE);
		if (wq_node_set_milestone(n, at->unit, at->n) < 0)
			n = NULL;
	} else if (strcmp(at->kind[0], "caesura") == 0) {
		n = wq_node_new(doc, WQ_NODE_CAESURA);
	}
	return n;
}

/* Makes the span whose "[" is at (open, oi) and whose "]" at (close, ci)
 * is followed by attributes 'alen' bytes long; returns the text after.
 * A span with a class is a typed segment ("[...]{.isnad}"); an empty one
 * may be a mark of an edition. */
static wq_node *
make_span(wq_node *open, size_t oi, wq_node *close, size_t ci, size_t alen,
    const struct md_attrs *at)
{
	const char *os = wq_node_literal(open), *cs = wq_node_literal(close);
	size_t clen = wq_node_literal_len(close);
	wq_doc *doc = wq_node_doc(open);
	wq_node *span = NULL, *after, *k, *next;
	wq_dir dir = at->dir;

	if (open == close && oi + 1 == ci && (span = edition_mark(doc, at))) {
		size_t from = ci + 1 + alen;

		/* The spaces around a caesura are the caesura's. */
		if (wq_node_type_of(span) == WQ_NODE_CAESURA) {
			while (oi > 0 && os[oi - 1] == ' ')
				oi--;
			while (from < clen && cs[from] == ' ')
				from++;
		}
		after = wq_node_split_text(close, from);
		wq_node_insert_after(open, span);
		wq_node_set_literal(open, os, oi);
		return after;
	}
	if (at->kind[0][0]) {
		span = wq_node_new(doc, WQ_NODE_SEGMENT);
		wq_node_set_kind(
		    span, at->kind[0], at->kind[1][0] ? at->kind[1] : NULL);
		if (dir != WQ_DIR_UNSET)
			wq_node_set_dir(span, dir);
	} else {
		span = wq_node_new(doc, WQ_NODE_SPAN);
		/* A language says its direction when the span does not. */
		if (dir == WQ_DIR_UNSET)
			dir =
			    wq_lang_is_rtl(at->lang) ? WQ_DIR_RTL : WQ_DIR_LTR;
		wq_node_set_dir(span, dir);
	}
	wq_node_set_lang(span, at->lang[0] ? at->lang : NULL);
	/* The rest of the text is not copied (wq_node_split_text): a
	 * paragraph of 20,000 spans copied its rest 20,000 times (9 s). */
	after = wq_node_split_text(close, ci + 1 + alen);
	if (open == close) {
		wq_node_insert_after(open, span);
		wq_node_append(span, text_after(open, os, oi + 1, ci));
	} else {
		wq_node *first = wq_node_split_text(open, oi + 1);

		wq_node_set_literal(close, cs, ci);
		wq_node_insert_after(open, span);
		for (k = first; k; k = next) {
			next = wq_node_next(k);
			wq_node_append(span, k);
			if (k == close)
				break;
		}
	}
	/* Copies, made last: the texts above were read from 'os'. */
	wq_node_set_literal(open, os, oi);
	return after;
}

/* pandoc's bracketed spans, [GPT-4]{dir=ltr lang=en} (docs/design.md
 * M2): cmark leaves their brackets as text, around whatever inlines the
 * span holds; they become spans that carry their language and direction,
 * which the direction analysis then respects. Brackets pair by nesting,
 * so a span may hold brackets of its own. */
static void
pandoc_spans(wq_node *n)
{
	struct {
		wq_node *node;
		size_t at;
	} open[64];
	size_t depth = 0;
	wq_node *c, *next;

	for (c = wq_node_first_child(n); c; c = next) {
		const char *s;
		size_t len, i;

		next = wq_node_next(c);
		if (wq_node_type_of(c) != WQ_NODE_TEXT) {
			pandoc_spans(c);
			continue;
		}
		s = wq_node_literal(c);
		len = wq_node_literal_len(c);
		for (i = 0; i < len; i++) {
			struct md_attrs at;
			size_t alen;

			if (s[i] == '[') {
				if (depth < 64) {
					open[depth].node = c;
					open[depth++].at = i;
				}
				continue;
			}
			if (s[i] != ']' || depth == 0)
				continue;
			depth--;
			if (i + 1 >= len || s[i + 1] != '{')
				continue;
			alen = md_attrs(s + i + 1, len - i - 1, &at);
			if (alen == 0 ||
			    (at.dir == WQ_DIR_UNSET && !at.lang[0] &&
				!at.kind[0][0]))
				continue;
			/* "[]{dir=ltr}" holds nothing to state it of. */
			if (open[depth].node == c && open[depth].at + 1 == i &&
			    !at.kind[0][0])
				continue;
			next = make_span(
			    open[depth].node, open[depth].at, c, i, alen, &at);
			break;
		}
	}
}

/* Whether the text has a "]{" at all: a span needs one, and most texts
 * have none, so their every letter need not be looked at again. */
static int
has_span_close(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, ']', (size_t)(end - p))) != NULL)
		if (++p < end && *p == '{')
			return 1;
	return 0;
}

/* The length of a caption's prefix at the start of paragraph 'p'
 * ("Table: ", "table: ", ": "), or 0. */
static size_t
caption_prefix(const wq_node *p)
{
	static const char *const prefixes[] = { "Table: ", "table: ", ": ",
		NULL };
	const wq_node *t = p ? wq_node_first_child(p) : NULL;
	size_t i;

	if (p == NULL || wq_node_type_of(p) != WQ_NODE_PARAGRAPH || t == NULL ||
	    wq_node_type_of(t) != WQ_NODE_TEXT)
		return 0;
	for (i = 0; prefixes[i]; i++)
		if (strncmp(wq_node_literal(t), prefixes[i],
			strlen(prefixes[i])) == 0)
			return strlen(prefixes[i]);
	return 0;
}

/* pandoc's table captions: a paragraph "Table: ..." (or ": ...") right
 * after a table, or right before it, becomes its CAPTION. */
static void
table_captions(wq_node *n)
{
	wq_node *c, *next;

	for (c = wq_node_first_child(n); c; c = next) {
		wq_node *p, *cap, *t, *k;
		size_t skip;

		next = wq_node_next(c);
		if (wq_node_type_of(c) != WQ_NODE_TABLE) {
			if (wq_node_is_block(c) &&
			    wq_node_type_of(c) != WQ_NODE_PARAGRAPH)
				table_captions(c);
			continue;
		}
		p = wq_node_next(c);
		if ((skip = caption_prefix(p)) == 0 &&
		    (skip = caption_prefix(p = wq_node_prev(c))) == 0)
			continue;
		if (p == next)
			next = wq_node_next(p);
		cap = wq_node_new(wq_node_doc(c), WQ_NODE_CAPTION);
		wq_node_set_pos(cap, wq_node_line(p), wq_node_column(p));
		t = wq_node_first_child(p);
		wq_node_set_literal(t, wq_node_literal(t) + skip,
		    wq_node_literal_len(t) - skip);
		while ((k = wq_node_first_child(p)) != NULL)
			wq_node_append(cap, k);
		if (wq_node_first_child(c))
			wq_node_insert_before(wq_node_first_child(c), cap);
		else
			wq_node_append(c, cap);
		wq_node_unlink(p);
	}
}

/* Maps a parsed piece into 'parent' and frees it, one top-level block at
 * a time: the cmark tree shrinks as the model grows, and the memory it
 * gives back is reused. */
static int
map_piece(wq_node *parent, cmark_node *root, enum wq_read_mode mode,
    struct md_ctx *ctx, struct md_stated *stated, int table_goes_on,
    struct wq_err *err)
{
	cmark_node *c = cmark_node_first_child(root);
	wq_node *table = wq_node_last_child(parent);
	int rc = 0;

	/* The piece began inside a table, with its head before it: the rows
	 * below that head are the table's next. */
	if (table_goes_on && c && md_is_table(c) && table &&
	    wq_node_type_of(table) == WQ_NODE_TABLE) {
		cmark_node *row, *next;

		for (row = cmark_node_first_child(c); rc == 0 && row;
		     row = next) {
			next = cmark_node_next(row);
			if (!cmark_gfm_extensions_get_table_row_is_header(row))
				rc = map_node(table, row, ctx, 1, err);
		}
		cmark_node_free(c);
	}
	while (rc == 0 && cmark_node_first_child(root)) {
		cmark_node *c = cmark_node_first_child(root);
		wq_node *before = wq_node_last_child(parent);

		cmark_node_unlink(c);
		if (cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK &&
		    cmark_node_get_literal(c) &&
		    md_stated_block(
			stated, parent, cmark_node_get_literal(c), before))
			; /* a "<div dir=rtl>" or "</div>" alone */
		else if (mode == WQ_READ_INLINES &&
		    cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
			rc = map_children(parent, c, ctx, 0, err);
		else
			rc = map_node(parent, c, ctx, 0, err);
		cmark_node_free(c);
	}
	cmark_node_free(root);
	return rc;
}

/* The reader: a whole text, or a fragment of blocks or inlines (a
 * paragraph's content goes straight below 'parent'). A long text is
 * parsed in pieces cut between top-level blocks or a table's rows
 * (pieces.c). */
int
md_read(wq_node *parent, const char *data, size_t len, enum wq_read_mode mode,
    wq_read_ctx *read, struct wq_err *err)
{
	struct md_ctx ctx;
	struct md_stated stated;
	struct wq_buf divs, raw; /* the text with fenced divs marked, and
				    unclosed raw HTML escaped */
	struct md_pieces pieces;
	struct md_parsed *piece;
	const char *format = wq_read_format(read);
	int rc = 0, got, spans = has_span_close(data, len);

	wq_buf_init(&divs);
	wq_buf_init(&raw);
	if (strcmp(format, "commonmark") != 0 &&
	    md_fenced_divs(data, len, &divs))
		data = divs.data, len = divs.len;
	if (md_unclosed_html(data, len, &raw, read))
		data = raw.data, len = raw.len;
	ctx.read = read;
	ctx.notes = 0;
	ctx.last_cell = NULL;
	ctx.last_col = 0;
	ctx.lines_before = 0;
	wq_buf_init(&ctx.text);
	stated.depth = 0;
	md_pieces_start(&pieces, data, len, format, mode == WQ_READ_TEXT);
	while (rc == 0 && (got = md_pieces_next(&pieces, &piece)) != 0) {
		if (got < 0) {
			rc = wq_read_error(read, err, WQ_EINPUT, 0, 0,
			    "cmark could not parse the text");
			break;
		}
		/* Rows after a head keep their own line numbers. */
		ctx.lines_before -= piece->head_lines;
		rc = map_piece(parent, piece->root, mode, &ctx, &stated,
		    piece->table_goes_on, err);
		ctx.lines_before += piece->head_lines + piece->lines;
		md_pieces_done(&pieces, piece); /* the slot is the parser's */
	}
	md_pieces_end(&pieces);
	wq_buf_free(&divs);
	wq_buf_free(&raw);
	md_stated_end(&stated, parent);
	wq_buf_free(&ctx.text);
	if (rc == 0) {
		table_captions(parent);
		if (spans)
			pandoc_spans(parent);
	}
	return rc;
}
