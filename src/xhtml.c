/*
 * xhtml.c - the HTML5 body serializer shared by the html and epub writers
 * (polyglot markup: with WQ_HTML_XHTML it is also well-formed XHTML).
 * Language and direction are written only where they differ from the
 * parent's (docs/design.md, "Direction"), and spans carry both.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- attributes ---- */

static const char *
parent_lang(const wq_node *n)
{
	return n->parent ? wq_node_effective_lang(n->parent) : NULL;
}

void
wq_html_put_lang_dir(
    struct wq_buf *out, const wq_node *n, unsigned flags, int force)
{
	const char *lang = force ? wq_node_effective_lang(n) : n->lang;
	const char *plang = parent_lang(n);
	wq_dir dir = force ? wq_node_effective_dir(n) : n->dir;

	if (lang && (force || plang == NULL || strcmp(lang, plang) != 0)) {
		wq_buf_puts(out, " lang=\"");
		wq_buf_put_xml(out, lang, strlen(lang));
		if (flags & WQ_HTML_XHTML) {
			wq_buf_puts(out, "\" xml:lang=\"");
			wq_buf_put_xml(out, lang, strlen(lang));
		}
		wq_buf_putc(out, '"');
	}
	if (dir != WQ_DIR_UNSET &&
	    (force || n->parent == NULL ||
		dir != wq_node_effective_dir(n->parent))) {
		wq_buf_puts(out, " dir=\"");
		wq_buf_puts(out, wq_dir_name(dir));
		wq_buf_putc(out, '"');
	}
}

/* Text content: only & < > need escaping outside attributes. */
static void
put_text(struct wq_buf *out, const char *s, size_t len)
{
	buf_escape(out, s, len, 0);
}

struct render {
	unsigned flags;
	const struct wq_html_opts *o;
	struct wq_buf *out;
	int last_level;		/* of the previous heading written */
	unsigned long unlinked; /* links kept as text */
	int in_link;		/* links do not nest */
	const wq_node *first_unlinked;
	int rc;		  /* what the sink returned */
	int notes_marked; /* footnotes whose first mark was written */
};

static void inlines(struct render *r, const wq_node *n);

/* ' class="kind subkind"' for a typed node. */
static void
put_kind(struct render *r, const wq_node *n)
{
	const char *k = wq_node_kind(n), *sub = wq_node_subkind(n);

	if (k)
		wq_buf_printf(r->out, " class=\"%s%s%s\"", k, sub ? " " : "",
		    sub ? sub : "");
}

static void
open_tag(struct render *r, const char *tag, const wq_node *n)
{
	wq_buf_putc(r->out, '<');
	wq_buf_puts(r->out, tag);
	put_kind(r, n);
	wq_html_put_lang_dir(r->out, n, r->flags, 0);
	wq_buf_putc(r->out, '>');
}

/* A printed page's start: named for assistive technology in the book's
 * digits, and listed in an EPUB's page-list. */
static void
page_break(struct render *r, const wq_node *pb)
{
	wq_buf_printf(r->out,
	    "<span role=\"doc-pagebreak\"%s id=\"%s\" "
	    "aria-label=\"",
	    r->flags & WQ_HTML_XHTML ? " epub:type=\"pagebreak\"" : "",
	    wq_node_id(pb));
	wq_put_page_label(r->out, wq_node_effective_lang(pb), wq_node_page(pb));
	wq_buf_puts(r->out, "\"></span>");
}

static void
image(struct render *r, const wq_node *n)
{
	const char *url = n->literal ? n->literal : "";
	const char *src =
	    r->o->image_src ? r->o->image_src(r->o->arg, n) : NULL;
	struct wq_buf alt;

	wq_buf_init(&alt);
	wq_node_text(n, &alt);
	if ((src && *src == '\0') ||
	    ((r->flags & WQ_HTML_CONTAINED) && wq_url_is_remote(url) &&
		r->in_link)) {
		/* Left out, or a remote image that is already inside a
		 * link: its alt text stands in its place. */
		put_text(r->out, alt.data ? alt.data : "", alt.len);
	} else if ((r->flags & WQ_HTML_CONTAINED) && wq_url_is_remote(url)) {
		/* EPUB forbids remote resources in the spine: the image
		 * becomes a link that carries its alt text. */
		const wq_node *sec = wq_node_section(n);

		const char *label = alt.len
		    ? alt.data
		    : wq_l10n(wq_node_effective_lang(n), "image");

		/* With no alt text, a word for "image" in the text's
		 * language, not a URL running against it. */
		wq_buf_puts(r->out, "<a href=\"");
		wq_html_put_url(r->out, url);
		wq_buf_puts(r->out, "\">");
		put_text(r->out, label, strlen(label));
		wq_buf_puts(r->out, "</a>");
		if (r->o->warn)
			r->o->warn(r->o->warn_arg,
			    sec ? wq_section_file(sec) : NULL,
			    wq_node_line(n->parent), 0, "remote-image",
			    "remote image replaced by a link (EPUB allows no "
			    "remote images)");
	} else {
		wq_buf_puts(r->out, "<img src=\"");
		wq_html_put_url(r->out, src ? src : url);
		wq_buf_puts(r->out, "\" alt=\"");
		wq_buf_put_xml(r->out, alt.data ? alt.data : "", alt.len);
		wq_buf_putc(r->out, '"');
		if (n->title) {
			wq_buf_puts(r->out, " title=\"");
			wq_buf_put_xml(r->out, n->title, strlen(n->title));
			wq_buf_putc(r->out, '"');
		}
		wq_buf_puts(r->out, r->flags & WQ_HTML_XHTML ? " />" : ">");
	}
	wq_buf_free(&alt);
}

static int
unreachable_in_book(const char *url)
{
	static const char *const schemes[] = {
		"http:", "https:", "ftp:", "mailto:", "tel:", "urn:", NULL
	};
	const char *colon = strchr(url, ':'), *slash = strchr(url, '/');
	size_t i;

	/* A scheme comes before any slash. Only registered ones lead
	 * anywhere from a book: a site's own shorthand ("mdn:js/String",
	 * "info:closure" in javascript.info) is a dead link to a reader. */
	if (colon && (slash == NULL || colon < slash)) {
		for (i = 0; schemes[i]; i++)
			if (strncasecmp(url, schemes[i], strlen(schemes[i])) ==
			    0)
				return 0;
		return 1;
	}
	return url[0] != '#' && strncmp(url, "//", 2) != 0;
}

/* Writes '<a href="…"' for a link, resolving "#fragment" to the heading it
 * names. Returns 0, writing nothing, when the link must become its text. */
static int
link_open(struct render *r, const wq_node *c)
{
	const char *url = c->literal ? c->literal : "";
	const wq_node *target = NULL;

	if (url[0] == '#' && url[1])
		target = wq_doc_find_anchor(c->doc, url + 1);
	/* A fragment that names no heading points nowhere in any output. */
	if ((target == NULL && url[0] == '#') ||
	    ((r->flags & WQ_HTML_CONTAINED) && unreachable_in_book(url)) ||
	    url[0] == '\0') {
		if (r->unlinked++ == 0)
			r->first_unlinked = c;
		return 0;
	}
	wq_buf_puts(r->out, "<a href=\"");
	if (target) {
		const char *href = r->o->anchor_href
		    ? r->o->anchor_href(r->o->arg, target)
		    : NULL;

		if (href)
			wq_html_put_url(r->out, href);
		else
			wq_buf_printf(r->out, "#%s", target->id);
	} else {
		wq_html_put_url(r->out, url);
	}
	wq_buf_putc(r->out, '"');
	return 1;
}

/* A footnote's mark: a number in an isolate of the text's direction, so
 * it stays on its side of a Latin word or a number before it (design
 * H6). The first mark of each note is the target of its back-link. */
static void
note_mark(struct render *r, const wq_node *c)
{
	const char *sec = wq_node_id(wq_node_section(c));
	int n = c->start, x = r->flags & WQ_HTML_XHTML;

	if (wq_section_footnote(wq_node_section(c), n) == NULL)
		return; /* a mark without its note: nothing to point at */
	wq_buf_printf(r->out, "<sup dir=\"%s\"><a href=\"#%s-fn%d\"",
	    wq_dir_name(wq_node_effective_dir(c->parent)), sec, n);
	if (n == r->notes_marked + 1)
		wq_buf_printf(
		    r->out, " id=\"%s-fnref%d\"", sec, ++r->notes_marked);
	wq_buf_printf(r->out, "%s role=\"doc-noteref\">%d</a></sup>",
	    x ? " epub:type=\"noteref\"" : "", n);
}

/* An inline element around its inlines: <em>, <strong>, <span>, <del>. */
static void
element(struct render *r, const char *tag, const wq_node *n)
{
	open_tag(r, tag, n);
	inlines(r, n);
	wq_buf_puts(r->out, "</");
	wq_buf_puts(r->out, tag);
	wq_buf_putc(r->out, '>');
}

static void
inlines(struct render *r, const wq_node *n)
{
	const wq_node *c;

	for (c = node_first(n); c; c = c->next) {
		switch (c->type) {
		case WQ_NODE_TEXT:
			put_text(r->out, c->literal, c->literal_len);
			break;
		case WQ_NODE_SOFTBREAK: wq_buf_putc(r->out, '\n'); break;
		case WQ_NODE_LINEBREAK:
			wq_buf_puts(r->out,
			    r->flags & WQ_HTML_XHTML ? "<br />\n" : "<br>\n");
			break;
		case WQ_NODE_CODE:
			open_tag(r, "code", c);
			put_text(r->out, c->literal, c->literal_len);
			wq_buf_puts(r->out, "</code>");
			break;
		case WQ_NODE_EMPH: element(r, "em", c); break;
		case WQ_NODE_STRONG: element(r, "strong", c); break;
		case WQ_NODE_SPAN: element(r, "span", c); break;
		case WQ_NODE_FOOTNOTE_REF: note_mark(r, c); break;
		case WQ_NODE_STRIKE: element(r, "del", c); break;
		case WQ_NODE_LINK:
			if (!link_open(r, c)) {
				inlines(r, c);
				break;
			}
			if (c->title) {
				wq_buf_puts(r->out, " title=\"");
				wq_buf_put_xml(
				    r->out, c->title, strlen(c->title));
				wq_buf_putc(r->out, '"');
			}
			wq_html_put_lang_dir(r->out, c, r->flags, 0);
			wq_buf_putc(r->out, '>');
			r->in_link++;
			inlines(r, c);
			r->in_link--;
			wq_buf_puts(r->out, "</a>");
			break;
		case WQ_NODE_IMAGE: image(r, c); break;
		case WQ_NODE_PAGE_BREAK: page_break(r, c); break;
		case WQ_NODE_MILESTONE:
			wq_buf_printf(r->out,
			    "<span class=\"milestone\" data-unit=\"%s\"",
			    wq_node_milestone_unit(c));
			if (*wq_node_milestone_n(c))
				wq_buf_printf(r->out, " data-n=\"%s\"",
				    wq_node_milestone_n(c));
			wq_buf_puts(r->out, "></span>");
			break;
		case WQ_NODE_CAESURA:
			/* Between hemistichs (see verse()); elsewhere a gap. */
			if (c->parent->type == WQ_NODE_VERSE_LINE)
				wq_buf_puts(r->out,
				    "</span> <span "
				    "class=\"hemistich\">");
			else
				wq_buf_puts(
				    r->out, "<span class=\"caesura\"> </span>");
			break;
		case WQ_NODE_SEGMENT: element(r, "span", c); break;
		default: /* blocks never sit among inlines */ break;
		}
	}
}

void
wq_html_render_inlines(
    const wq_node *n, const struct wq_html_opts *o, struct wq_buf *out)
{
	struct render r = { o->flags, o, out, 0, 0, 0, NULL, 0, 0 };

	inlines(&r, n);
}

static void blocks(struct render *r, const wq_node *n, int tight);

static void
task_box(struct render *r, const wq_node *item)
{
	const char *name = wq_l10n(
	    wq_node_effective_lang(item), item->level == 2 ? "done" : "todo");
	int x = r->flags & WQ_HTML_XHTML;

	wq_buf_printf(r->out,
	    "<input type=\"checkbox\" disabled%s%s aria-label=\"",
	    x ? "=\"disabled\"" : "",
	    item->level == 2 ? (x ? " checked=\"checked\"" : " checked") : "");
	wq_buf_put_xml(r->out, name, strlen(name));
	wq_buf_puts(r->out, x ? "\" /> " : "\"> ");
}

/* A table: header rows in <thead>, the others in <tbody>; alignment is
 * logical (start, end), so a right-to-left table mirrors it; the
 * direction is inherited, never forced. */
static void
table(struct render *r, const wq_node *t)
{
	static const char *const align[] = { NULL, "start", "center", "end" };
	const wq_node *row, *cell;
	int in_head = 0, in_body = 0;

	open_tag(r, "table", t);
	wq_buf_putc(r->out, '\n');
	for (row = node_first(t); row; row = row->next) {
		int head = wq_node_row_header(row);

		if (row->type == WQ_NODE_CAPTION) {
			open_tag(r, "caption", row);
			inlines(r, row);
			wq_buf_puts(r->out, "</caption>\n");
			continue;
		}

		if (head && !in_head) {
			wq_buf_puts(r->out, "<thead>\n");
			in_head = 1;
		} else if (!head && !in_body) {
			if (in_head)
				wq_buf_puts(r->out, "</thead>\n");
			wq_buf_puts(r->out, "<tbody>\n");
			in_head = 0, in_body = 1;
		}
		open_tag(r, "tr", row);
		for (cell = node_first(row); cell; cell = cell->next) {
			int a = cell->level;

			/* A cell that runs the other way aligns to the
			 * table's side: its start is the table's end. */
			if (cell->dir &&
			    cell->dir != wq_node_effective_dir(t) &&
			    (a == WQ_ALIGN_START || a == WQ_ALIGN_END))
				a = a == WQ_ALIGN_START ? WQ_ALIGN_END
							: WQ_ALIGN_START;
			wq_buf_puts(r->out, head ? "<th scope=\"col\"" : "<td");
			if (a)
				wq_buf_printf(r->out,
				    " style=\"text-align: %s\"", align[a]);
			wq_html_put_lang_dir(r->out, cell, r->flags, 0);
			wq_buf_putc(r->out, '>');
			inlines(r, cell);
			wq_buf_puts(r->out, head ? "</th>" : "</td>");
		}
		wq_buf_puts(r->out, "</tr>\n");
	}
	wq_buf_puts(r->out,
	    in_head	  ? "</thead>\n"
		: in_body ? "</tbody>\n"
			  : "");
	wq_buf_puts(r->out, "</table>\n");
}

/* Verse: a line to a paragraph, its hemistichs side by side (the
 * stylesheet's .hemistich). */
static void
verse(struct render *r, const wq_node *v)
{
	const wq_node *l, *c;

	wq_buf_puts(r->out, "<div class=\"verse\"");
	wq_html_put_lang_dir(r->out, v, r->flags, 0);
	wq_buf_puts(r->out, ">\n");
	for (l = node_first(v); l; l = l->next) {
		int split = 0;

		for (c = node_first(l); c; c = c->next)
			split |= c->type == WQ_NODE_CAESURA;
		wq_buf_puts(r->out, "<p class=\"l\"");
		wq_html_put_lang_dir(r->out, l, r->flags, 0);
		wq_buf_putc(r->out, '>');
		if (split)
			wq_buf_puts(r->out, "<span class=\"hemistich\">");
		inlines(r, l);
		wq_buf_puts(r->out, split ? "</span></p>\n" : "</p>\n");
	}
	wq_buf_puts(r->out, "</div>\n");
}

static void
block(struct render *r, const wq_node *c, int tight)
{
	char tag[16];

	switch (c->type) {
	case WQ_NODE_PARAGRAPH:
		if (tight && c->dir == WQ_DIR_UNSET && c->lang == NULL &&
		    !c->kind) {
			inlines(r, c);
			wq_buf_putc(r->out, '\n');
			break;
		}
		open_tag(r, "p", c);
		inlines(r, c);
		wq_buf_puts(r->out, "</p>\n");
		break;
	case WQ_NODE_HEADING:
		/* Texts skip levels ("#" then "###"); HTML checkers reject
		 * that, so a heading is at most one level below the one
		 * before it. The first keeps its level. The model keeps the
		 * source's. */
		r->last_level =
		    r->last_level == 0 || c->level <= r->last_level + 1
		    ? c->level
		    : r->last_level + 1;
		snprintf(tag, sizeof(tag), "h%d", r->last_level);
		wq_buf_printf(r->out, "<%s", tag);
		if (c->id)
			wq_buf_printf(r->out, " id=\"%s\"", c->id);
		put_kind(r, c);
		wq_html_put_lang_dir(r->out, c, r->flags, 0);
		wq_buf_putc(r->out, '>');
		inlines(r, c);
		wq_buf_printf(r->out, "</%s>\n", tag);
		break;
	case WQ_NODE_BLOCK_QUOTE:
		open_tag(r, "blockquote", c);
		wq_buf_putc(r->out, '\n');
		blocks(r, c, 0);
		wq_buf_puts(r->out, "</blockquote>\n");
		break;
	case WQ_NODE_LIST:
		wq_buf_puts(r->out, wq_node_list_ordered(c) ? "<ol" : "<ul");
		if (wq_node_list_ordered(c) && c->start != 1)
			wq_buf_printf(r->out, " start=\"%d\"", c->start);
		wq_html_put_lang_dir(r->out, c, r->flags, 0);
		wq_buf_puts(r->out, ">\n");
		blocks(r, c, c->tight);
		wq_buf_puts(
		    r->out, wq_node_list_ordered(c) ? "</ol>\n" : "</ul>\n");
		break;
	case WQ_NODE_ITEM:
		open_tag(r, "li", c);
		if (c->level) /* a task: its box, named for screen readers */
			task_box(r, c);
		blocks(r, c, tight);
		if (r->out->len && r->out->data[r->out->len - 1] == '\n')
			r->out->len--;
		wq_buf_puts(r->out, "</li>\n");
		break;
	case WQ_NODE_CODE_BLOCK:
		open_tag(r, "pre", c);
		wq_buf_puts(r->out, "<code");
		if (c->title && *c->title) {
			size_t n = strcspn(c->title, " \t");

			wq_buf_puts(r->out, " class=\"language-");
			wq_buf_put_xml(r->out, c->title, n);
			wq_buf_putc(r->out, '"');
		}
		wq_buf_putc(r->out, '>');
		put_text(r->out, c->literal, c->literal_len);
		wq_buf_puts(r->out, "</code></pre>\n");
		break;
	case WQ_NODE_THEMATIC_BREAK:
		wq_buf_puts(
		    r->out, r->flags & WQ_HTML_XHTML ? "<hr />\n" : "<hr>\n");
		break;
	case WQ_NODE_TABLE: table(r, c); break;
	case WQ_NODE_VERSE: verse(r, c); break;
	default: break;
	}
}

/* The notes at a text's end: an endnotes section in HTML, an aside per
 * note in an EPUB, which reading systems show as pop-ups. */
static void
notes(struct render *r, const wq_node *sec)
{
	const wq_node *c = node_last(sec), *first = NULL;
	const char *id = sec->type == WQ_NODE_SECTION ? wq_node_id(sec) : NULL;
	int x = r->flags & WQ_HTML_XHTML;

	for (; c && c->type == WQ_NODE_FOOTNOTE; c = c->prev)
		first = c;
	if (first == NULL || id == NULL)
		return;
	if (!x)
		wq_buf_puts(
		    r->out, "<section role=\"doc-endnotes\">\n<hr>\n<ol>\n");
	for (c = first; c; c = c->next) {
		if (x)
			wq_buf_printf(r->out,
			    "<aside epub:type=\"footnote\" "
			    "role=\"doc-footnote\" "
			    "id=\"%s-fn%d\"",
			    id, c->start);
		else
			wq_buf_printf(
			    r->out, "<li id=\"%s-fn%d\"", id, c->start);
		wq_html_put_lang_dir(r->out, c, r->flags, 0);
		wq_buf_puts(r->out, ">\n");
		blocks(r, c, 0);
		if (c->start <= r->notes_marked)
			wq_buf_printf(r->out,
			    "<p><a href=\"#%s-fnref%d\" role=\"doc-backlink\">"
			    "\xe2\x86\xa9</a></p>\n",
			    id, c->start);
		wq_buf_puts(r->out, x ? "</aside>\n" : "</li>\n");
	}
	if (!x)
		wq_buf_puts(r->out, "</ol>\n</section>\n");
}

/* With a sink, output goes to it in pieces of about this size. */
#define FLUSH_AT 65536

/* The blocks from 'first' up to 'end' (NULL: to the last), sent to the
 * sink as the buffer fills. */
static void
blocks_from(
    struct render *r, const wq_node *first, const wq_node *end, int tight)
{
	const wq_node *c;

	for (c = first; c != end && r->rc == 0; c = c->next) {
		block(r, c, tight);
		if (r->o->sink && r->out->len >= FLUSH_AT) {
			r->rc = wq_sink_put_buf(r->o->sink, r->out, r->o->err);
			r->out->len = 0;
		}
	}
}

static void
blocks(struct render *r, const wq_node *n, int tight)
{
	blocks_from(r, node_first(n), NULL, tight);
}

static int render(const wq_node *n, const wq_node *first, const wq_node *end,
    const struct wq_html_opts *o, struct wq_buf *out);

int
wq_html_render_blocks(
    const wq_node *n, const struct wq_html_opts *o, struct wq_buf *out)
{
	return render(n, node_first(n), NULL, o, out);
}

int
wq_html_render_range(const wq_node *first, const wq_node *end,
    const struct wq_html_opts *o, struct wq_buf *out)
{
	return first ? render(first->parent, first, end, o, out) : 0;
}

/* The blocks of 'n' from 'first' up to 'end' (NULL: to the last, and
 * then its notes). */
static int
render(const wq_node *n, const wq_node *first, const wq_node *end,
    const struct wq_html_opts *o, struct wq_buf *out)
{
	struct render r = { o->flags, o, out, 0, 0, 0, NULL, 0, 0 };

	if (o->flags & WQ_HTML_AFTER_TITLE)
		r.last_level = 1;
	/* Streaming fills the buffer to FLUSH_AT and empties it: give it
	 * that size at once rather than copying it while it doubles. */
	if (o->sink && out->cap < FLUSH_AT + 16384) {
		out->cap = FLUSH_AT + 16384;
		out->data = wq_xrealloc(out->data, out->cap);
	}
	blocks_from(&r, first, end, 0);
	if (end == NULL)
		notes(&r, n);
	if (r.unlinked && o->warn) {
		const wq_node *sec = wq_node_section(n);
		char msg[200];

		snprintf(msg, sizeof(msg),
		    "%lu link%s to anchors that name no heading, or to "
		    "files or private URL schemes outside the book, kept as "
		    "text",
		    r.unlinked, r.unlinked == 1 ? "" : "s");
		o->warn(o->warn_arg, sec ? wq_section_file(sec) : NULL,
		    wq_node_line(r.first_unlinked->parent), 0,
		    "unresolved-link", msg);
	}
	return r.rc;
}

int
wq_html_title_above(const wq_node *section)
{
	const wq_node *first = node_first(section);
	const char *title = wq_meta_get(wq_section_meta(section), "title");
	struct wq_buf text;
	int same;

	if (!first || first->type != WQ_NODE_HEADING || first->level < 2 ||
	    !title || (wq_section_inferred(section) & WQ_INFERRED_TITLE))
		return 0;
	/* A heading that says the title already is its heading. */
	wq_buf_init(&text);
	wq_node_text(first, &text);
	same = text.len == strlen(title) &&
	    memcmp(text.data, title, text.len) == 0;
	wq_buf_free(&text);
	return !same;
}

void
wq_html_put_title_heading(struct wq_buf *out, const wq_node *section)
{
	const char *t = wq_section_title(section);
	wq_dir context = wq_node_effective_dir(section);
	wq_dir d = wq_label_dir(t, strlen(t), context);
	const char *lang = wq_text_lang(t, strlen(t), NULL);
	const char *slang = wq_node_effective_lang(section);

	wq_buf_puts(out, "<h1");
	/* D4: a title that runs against its text says its language too. */
	if (d != WQ_DIR_UNSET && d != context && strcmp(lang, "und") != 0 &&
	    (slang == NULL || strcmp(lang, slang) != 0))
		wq_buf_printf(out, " lang=\"%s\"", lang);
	if (d != WQ_DIR_UNSET)
		wq_buf_printf(out, " dir=\"%s\"", wq_dir_name(d));
	wq_buf_putc(out, '>');
	wq_buf_put_xml(out, t, strlen(t));
	wq_buf_puts(out, "</h1>\n");
}
