/*
 * load_md.c - CommonMark, parsed by cmark, mapped into the model.
 */
#include "internal.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Deeper nesting is not a text but an attack; refuse it with a position.
 * The bound leaves room below the 256 levels that libxml2 and other XML
 * parsers accept by default, for what writers wrap around the blocks (a
 * TEI corpus, body, divs): fuzzing found a TEI edition too deep to read. */
#define MAX_NESTING 128

static void
set_pos(wq_node *n, cmark_node *c, const struct md_ctx *ctx)
{
	unsigned long line = (unsigned long)cmark_node_get_start_line(c);
	unsigned long col = (unsigned long)cmark_node_get_start_column(c);

	if (line == 0)
		return;
	if (ctx->line_mode)
		line = (line + 1) / 2;
	wq_node_set_pos(n, line + ctx->first_line - 1, col);
}

static void
warn_html(struct md_ctx *ctx, cmark_node *c)
{
	unsigned long line = (unsigned long)cmark_node_get_start_line(c);

	if (ctx->warned_html || ctx->opts == NULL || ctx->opts->warn == NULL)
		return;
	ctx->warned_html = 1;
	if (ctx->line_mode)
		line = (line + 1) / 2;
	ctx->opts->warn(ctx->opts->warn_arg, ctx->name,
	    line + ctx->first_line - 1,
	    (unsigned long)cmark_node_get_start_column(c), "raw-html",
	    "raw HTML is not passed through: its text is kept, tags are "
	    "mapped or dropped");
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

static int
map_node(wq_node *parent, cmark_node *c, struct md_ctx *ctx, int depth,
    struct wq_err *err)
{
	wq_doc *doc = wq_node_doc(parent);
	wq_node *n = NULL;
	const char *lit;

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
	case CMARK_NODE_ITEM: n = wq_node_new(doc, WQ_NODE_ITEM); break;
	case CMARK_NODE_CODE_BLOCK:
		n = wq_node_new(doc, WQ_NODE_CODE_BLOCK);
		lit = cmark_node_get_literal(c);
		wq_node_set_literal(n, lit ? lit : "", lit ? strlen(lit) : 0);
		wq_node_set_info(n, cmark_node_get_fence_info(c));
		break;
	case CMARK_NODE_HTML_BLOCK:
		lit = cmark_node_get_literal(c);
		if (lit && rawhtml_map(parent, lit, strlen(lit), 1))
			warn_html(ctx, c);
		return 0;
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
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		n = wq_node_new(doc,
		    cmark_node_get_type(c) == CMARK_NODE_TEXT ? WQ_NODE_TEXT
							      : WQ_NODE_CODE);
		lit = cmark_node_get_literal(c);
		wq_node_set_literal(n, lit ? lit : "", lit ? strlen(lit) : 0);
		break;
	case CMARK_NODE_SOFTBREAK:
		n = wq_node_new(doc, WQ_NODE_SOFTBREAK);
		break;
	case CMARK_NODE_LINEBREAK:
		n = wq_node_new(doc, WQ_NODE_LINEBREAK);
		break;
	case CMARK_NODE_HTML_INLINE:
		lit = cmark_node_get_literal(c);
		if (lit && rawhtml_map(parent, lit, strlen(lit), 0))
			warn_html(ctx, c);
		return 0;
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
	default: /* custom nodes: cmark never makes them when parsing */
		return 0;
	}
	if (wq_node_is_block(n))
		set_pos(n, c, ctx);
	wq_node_append(parent, n);
	if (cmark_node_first_child(c) == NULL)
		return 0;
	if (depth >= MAX_NESTING) {
		unsigned long line =
		    (unsigned long)cmark_node_get_start_line(c);

		if (ctx->line_mode)
			line = (line + 1) / 2;
		return wq_err_set(err, WQ_EINPUT, ctx->name,
		    line + ctx->first_line - 1,
		    (unsigned long)cmark_node_get_start_column(c),
		    "nesting deeper than %d levels", MAX_NESTING);
	}
	return map_children(n, c, ctx, depth + 1, err);
}

static int
map_children(wq_node *parent, cmark_node *c, struct md_ctx *ctx, int depth,
    struct wq_err *err)
{
	const char *hidden = NULL;
	cmark_node *k;
	int rc;

	for (k = cmark_node_first_child(c); k; k = cmark_node_next(k)) {
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
		} else if (hidden) {
			continue;
		}
		if ((rc = map_node(parent, k, ctx, depth, err)) != 0)
			return rc;
	}
	return 0;
}

/* Maps one top-level block, which map_children() would have reached
 * through its parent. */
static int
map_one(wq_node *section, cmark_node *c, struct md_ctx *ctx, struct wq_err *err)
{
	return map_node(section, c, ctx, 0, err);
}

void *
md_read(const char *md, size_t len)
{
	return cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
}

int
md_map(wq_node *section, void *tree, struct md_ctx *ctx, struct wq_err *err)
{
	cmark_node *root = tree;
	int rc;

	if (root == NULL)
		return wq_err_set(err, WQ_EINPUT, ctx->name, 0, 0,
		    "cmark could not parse the text");
	/* Map and free one top-level block at a time: the cmark tree shrinks
	 * as the model grows, and the memory it gives back is reused. */
	rc = 0;
	while (rc == 0 && cmark_node_first_child(root)) {
		cmark_node *c = cmark_node_first_child(root);

		cmark_node_unlink(c);
		rc = map_one(section, c, ctx, err);
		cmark_node_free(c);
	}
	cmark_node_free(root);
	return rc;
}
