/*
 * tags.c - inline elements that raw HTML tags open and close around
 * Markdown: "<b>bold</b>", "<a href='…'>a *link*</a>",
 * "<span dir='ltr'>…</span>".
 *
 * cmark makes each tag a node of its own, with the Markdown between
 * them parsed as usual, so the html reader, given one tag, has nothing
 * to map and drops it (the text stays, its bold or link is lost). The
 * pairs are matched here instead: an opening tag is read by the html
 * reader around a stand-in letter, so that <b>, <em>, <del>, <a href>
 * mean here what they mean in an HTML file, and the element it makes
 * holds the nodes up to the closing tag.
 */
#include "markdown.h"

#include <stdlib.h>
#include <string.h>

/* The element the html reader makes of opening tag t[0, len), or NULL
 * when it makes none that holds inlines (a void, unknown or dropped tag,
 * or one whose content is a literal, as <code>'s). */
static wq_node *
element_of(wq_node *parent, const char *t, size_t len, const char *name,
    wq_read_ctx *ctx, unsigned long line)
{
	wq_node *tmp = wq_node_new(wq_node_doc(parent), WQ_NODE_PARAGRAPH);
	wq_node *el, *x;
	struct wq_buf b;
	struct wq_err err;
	int rc;

	wq_buf_init(&b);
	wq_buf_put(&b, t, len);
	wq_buf_printf(&b, "x</%s>", name);
	memset(&err, 0, sizeof(err));
	rc = wq_read_with(
	    ctx, "html", tmp, b.data, b.len, WQ_READ_INLINES, line, 1, &err);
	wq_buf_free(&b);
	el = wq_node_first_child(tmp);
	if (rc < 0 || el == NULL || wq_node_next(el) != NULL)
		return NULL;
	switch (wq_node_type_of(el)) {
	case WQ_NODE_EMPH:
	case WQ_NODE_STRONG:
	case WQ_NODE_STRIKE:
	case WQ_NODE_LINK:
	case WQ_NODE_SPAN: break;
	default: return NULL;
	}
	x = wq_node_first_child(el);
	if (x == NULL || wq_node_next(x) != NULL ||
	    wq_node_type_of(x) != WQ_NODE_TEXT || wq_node_literal_len(x) != 1)
		return NULL;
	wq_node_unlink(x);
	wq_node_unlink(el);
	return el;
}

wq_node *
md_inline_tag(struct md_open_tags *o, wq_node *parent, const char *tag,
    wq_read_ctx *ctx, unsigned long line)
{
	struct md_tag t;
	wq_node *el;
	size_t i, len = strlen(tag);

	if (tag[0] == '<' && tag[1] == '/') {
		for (i = o->n; i-- > 0;) {
			if (!md_tag_closes(tag, o->name[i]))
				continue;
			/* Elements still open inside it end with it. */
			el = o->el[i];
			o->n = i;
			parent = wq_node_parent(el);
			if (wq_node_first_child(el) == NULL)
				wq_node_unlink(el);
			return parent;
		}
		return NULL;
	}
	if (o->n == MD_OPEN_TAGS || !md_tag_open(tag, len, &t) ||
	    tag[len - 1] != '>')
		return NULL;
	if (strcmp(t.name, "span") == 0) {
		/* A span states a direction or a language, or is nothing
		 * (the html reader drops it): the language alone implies
		 * its direction. */
		if (t.dir == WQ_DIR_UNSET && t.lang[0] == '\0')
			return NULL;
		el = wq_node_new(wq_node_doc(parent), WQ_NODE_SPAN);
		if (t.dir == WQ_DIR_UNSET)
			t.dir =
			    wq_lang_is_rtl(t.lang) ? WQ_DIR_RTL : WQ_DIR_LTR;
		wq_node_set_dir(el, t.dir);
		wq_node_set_lang(el, t.lang[0] ? t.lang : NULL);
	} else if ((el = element_of(parent, tag, len, t.name, ctx, line)) ==
	    NULL) {
		return NULL;
	}
	wq_node_append(parent, el);
	o->el[o->n] = el;
	memcpy(o->name[o->n], t.name, sizeof(t.name));
	o->n++;
	return el;
}
