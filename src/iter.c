/*
 * iter.c - depth-first walk over a subtree with ENTER and EXIT events,
 * after cmark's iterator.
 */
#include "internal.h"

#include <stdlib.h>

struct wq_iter {
	const wq_node *root, *cur;
	enum wq_event ev;
	int started, skip;
};

int
wq_node_type_is_container(wq_node_type t)
{
	switch (t) {
	case WQ_NODE_DOCUMENT:
	case WQ_NODE_SECTION:
	case WQ_NODE_HEADING:
	case WQ_NODE_PARAGRAPH:
	case WQ_NODE_BLOCK_QUOTE:
	case WQ_NODE_LIST:
	case WQ_NODE_ITEM:
	case WQ_NODE_EMPH:
	case WQ_NODE_STRONG:
	case WQ_NODE_LINK:
	case WQ_NODE_IMAGE:
	case WQ_NODE_SPAN:
	case WQ_NODE_STRIKE:
	case WQ_NODE_TABLE:
	case WQ_NODE_TABLE_ROW:
	case WQ_NODE_TABLE_CELL:
	case WQ_NODE_FOOTNOTE:
	case WQ_NODE_VERSE:
	case WQ_NODE_VERSE_LINE:
	case WQ_NODE_SEGMENT:
	case WQ_NODE_CAPTION: return 1;
	default: return 0;
	}
}

wq_iter *
wq_iter_new(const wq_node *root)
{
	wq_iter *it = wq_xcalloc(1, sizeof(*it));

	it->root = root;
	return it;
}

void
wq_iter_free(wq_iter *it)
{
	free(it);
}

const wq_node *
wq_iter_node(const wq_iter *it)
{
	return it->cur;
}

void
wq_iter_skip_children(wq_iter *it)
{
	it->skip = 1;
}

enum wq_event
wq_iter_next(wq_iter *it)
{
	const wq_node *cur = it->cur;
	int container;

	if (!it->started) {
		it->started = 1;
		it->cur = it->root;
		return it->ev = it->root ? WQ_EVENT_ENTER : WQ_EVENT_DONE;
	}
	if (it->ev == WQ_EVENT_DONE)
		return WQ_EVENT_DONE;
	container = wq_node_type_is_container(cur->type);
	if (it->ev == WQ_EVENT_ENTER && container) {
		if (node_first(cur) && !it->skip) {
			it->cur = node_first(cur);
			return it->ev = WQ_EVENT_ENTER;
		}
		it->skip = 0;
		return it->ev = WQ_EVENT_EXIT;
	}
	it->skip = 0;
	if (cur == it->root)
		return it->ev = WQ_EVENT_DONE;
	if (cur->next) {
		it->cur = cur->next;
		return it->ev = WQ_EVENT_ENTER;
	}
	it->cur = cur->parent;
	return it->ev = WQ_EVENT_EXIT;
}
