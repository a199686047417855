/*
 * ids.c - ids of sections, headings and page breaks, and the anchors links use to
 * reach them: part of the model, read by every writer.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

size_t
wq_slug(const char *text, size_t len, char *out, size_t size)
{
	size_t i, n = 0;
	int gap = 0;

	if (size == 0)
		return 0;
	for (i = 0; i < len && n + 2 < size; i++) {
		char c = text[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z')) {
			if (gap && n)
				out[n++] = '-';
			out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			gap = 0;
		} else {
			gap = 1;
		}
	}
	out[n] = '\0';
	return n;
}

/* Ids and link anchors to headings: a hash map from string to node,
 * which also keeps ids unique across a whole book. Open addressing, up
 * to three quarters full: a book of 100,000 headings holds 200,000
 * keys, and the map is most of the memory ids take. */
struct anchor_map {
	struct anchor_entry {
		const char *key;
		void *val; /* a node, or a counter (see next_free) */
	} * slots;
	size_t n, cap; /* cap is a power of two */
};

static size_t
slot(const struct anchor_map *m, const char *key)
{
	size_t i = str_hash(key) & (m->cap - 1);

	while (m->slots[i].key && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void *
map_get(const struct anchor_map *m, const char *key)
{
	return m && m->cap ? m->slots[slot(m, key)].val : NULL;
}

/* Makes room for 'more' keys beyond those 'm' holds. */
static void
map_reserve(struct anchor_map *m, size_t more)
{
	struct anchor_map big = { NULL, 0, m->cap ? m->cap : 64 };
	size_t i;

	while (4 * (m->n + more) > 3 * big.cap)
		big.cap *= 2;
	if (big.cap == m->cap)
		return;
	big.slots = wq_xcalloc(big.cap, sizeof(*big.slots));
	for (i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			big.slots[slot(&big, m->slots[i].key)] = m->slots[i];
	big.n = m->n;
	free(m->slots);
	*m = big;
}

static void
map_put(struct anchor_map *m, const char *key, void *n)
{
	size_t i;

	map_reserve(m, 1);
	i = slot(m, key);
	if (m->slots[i].key == NULL) { /* an existing entry keeps its key */
		m->n++;
		m->slots[i].key = key;
	}
	m->slots[i].val = n;
}

void
anchor_map_free(struct anchor_map *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m);
}

/* The first free key among 'base', then base + sep + first, first + 1...
 * 'counters' remembers, per base already taken, the next suffix to try,
 * so a heading repeated a thousand times costs a thousand lookups, not
 * half a million; a base used once (nearly all) is not in it. Returns
 * the key, copied into the document's arena. */
static char *
next_free(wq_doc *doc, const struct anchor_map *used,
    struct anchor_map *counters, const char *base, const char *sep, int first)
{
	uintptr_t next;
	unsigned long k;
	char key[160];

	if (!map_get(used, base))
		return arena_strdup(&doc->arena, base);
	next = (uintptr_t)map_get(counters, base);
	for (k = next ? (unsigned long)next : (unsigned long)first;; k++) {
		snprintf(key, sizeof(key), "%s%s%lu", base, sep, k);
		if (!map_get(used, key))
			break;
	}
	map_put(counters, next ? base : arena_strdup(&doc->arena, base),
	    (void *)(uintptr_t)(k + 1));
	return arena_strdup(&doc->arena, key);
}

/* Gives 'n' the id 'base', or 'base-2', 'base-3'... if taken. */
static void
assign(wq_node *n, struct anchor_map *used, struct anchor_map *counters,
    const char *base)
{
	n->id = next_free(n->doc, used, counters, base, "-", 2);
	map_put(used, n->id, n);
}

/* The anchor GitHub gives a heading (and pandoc, near enough): letters,
 * marks, digits, '-' and '_' of any script, lowercased, spaces as '-',
 * a repeat suffixed "-1", "-2". Markdown documents link to these. */
static void
anchor(wq_node *h, struct anchor_map *m, struct anchor_map *counters,
    const char *text, size_t len)
{
	struct wq_buf b;
	size_t i = 0;

	wq_buf_init(&b);
	while (i < len) {
		int32_t c = utf8_next((const unsigned char *)text, len, &i);
		char enc[4];
		int32_t e = 0;

		if (c < 0)
			break;
		if (c == ' ') {
			wq_buf_putc(&b, '-');
			continue;
		}
		if (c != '-' && c != '_' && !u_isalnum(c) &&
		    !(U_GET_GC_MASK(c) & U_GC_M_MASK))
			continue;
		c = u_tolower(c);
		U8_APPEND_UNSAFE(enc, e, c);
		wq_buf_put(&b, enc, (size_t)e);
	}
	if (b.len && b.len < 128) {
		h->anchor = next_free(h->doc, m, counters, b.data, "-", 1);
		map_put(m, h->anchor, h);
	}
	wq_buf_free(&b);
}

/* Whether an id may be below a node of type 't': headings are below
 * blocks that hold blocks, page breaks below any container. Not looking
 * inside paragraphs halves the walk over a text without page breaks. */
static int
may_hold_ids(const wq_doc *doc, wq_node_type t)
{
	switch (t) {
	case WQ_NODE_SECTION:
	case WQ_NODE_BLOCK_QUOTE:
	case WQ_NODE_LIST:
	case WQ_NODE_ITEM:
	case WQ_NODE_FOOTNOTE: return 1;
	default: return doc->page_breaks > 0 && wq_node_type_is_container(t);
	}
}

static void
assign_headings(wq_node *n, const char *prefix, int *count, size_t *pages,
    struct anchor_map *used, struct anchor_map *counters, struct wq_buf *tmp)
{
	wq_node *c;

	for (c = node_first(n); c; c = c->next) {
		if (c->type == WQ_NODE_HEADING) {
			char slug[64], base[96];

			++*count;
			tmp->len = 0;
			wq_node_text(c, tmp);
			if (wq_slug(tmp->data ? tmp->data : "", tmp->len, slug,
				sizeof(slug)))
				snprintf(
				    base, sizeof(base), "%s-%s", prefix, slug);
			else
				snprintf(base, sizeof(base), "%s-h%d", prefix,
				    *count);
			assign(c, used, counters, base);
			if (c->literal) /* the source named it: {#intro} */
				anchor(c, used, counters, c->literal,
				    strlen(c->literal));
			else
				anchor(c, used, counters,
				    tmp->data ? tmp->data : "", tmp->len);
			/* its page breaks */
			assign_headings(
			    c, prefix, count, pages, used, counters, tmp);
		} else if (c->type == WQ_NODE_PAGE_BREAK) {
			char base[96];

			++*pages;
			/* "s1-pV01P007": the page as OpenITI cites it. */
			if (c->unit)
				snprintf(base, sizeof(base), "%s-pV%sP%s",
				    prefix, c->unit, c->literal);
			else
				snprintf(base, sizeof(base), "%s-p%s", prefix,
				    c->literal);
			c->anchor =
			    next_free(c->doc, used, counters, base, "-", 2);
			map_put(used, c->anchor, c);
		} else if (may_hold_ids(c->doc, c->type)) {
			assign_headings(
			    c, prefix, count, pages, used, counters, tmp);
		}
	}
}

/* Clears the ids under 'n' and returns how many keys they took: one per
 * section and page break, two per heading (its id and its anchor). */
static size_t
clear_ids(wq_node *n)
{
	wq_node *c;
	size_t keys = 0;

	if (n->type == WQ_NODE_HEADING)
		keys = 2;
	else if (n->type == WQ_NODE_SECTION || n->type == WQ_NODE_PAGE_BREAK)
		keys = 1;

	if (n->type == WQ_NODE_SECTION)
		n->id = NULL; /* its 'anchor' is its section data */
	else if (n->type == WQ_NODE_HEADING)
		n->id = n->anchor = NULL;
	else if (n->type == WQ_NODE_PAGE_BREAK)
		n->anchor = NULL;
	for (c = node_first(n); c; c = c->next)
		if (may_hold_ids(c->doc, c->type) ||
		    c->type == WQ_NODE_PAGE_BREAK)
			keys += clear_ids(c);
	return keys;
}

void
wq_doc_assign_ids(wq_doc *doc)
{
	struct anchor_map counters = { NULL, 0, 0 };
	struct wq_buf tmp;
	wq_node *s;
	size_t i = 0, keys = 0;

	anchor_map_free(doc->anchors);
	doc->anchors = wq_xcalloc(1, sizeof(*doc->anchors));
	wq_buf_init(&tmp);
	for (s = node_first(doc->root); s; s = s->next)
		keys += clear_ids(s);
	/* Sized once: growing would hold the old and new slots at once. */
	map_reserve(doc->anchors, keys);
	for (s = node_first(doc->root); s; s = s->next) {
		char prefix[32];
		int count = 0;

		if (s->type != WQ_NODE_SECTION)
			continue;
		snprintf(prefix, sizeof(prefix), "s%zu", ++i);
		assign(s, doc->anchors, &counters, prefix);
		s->sec->page_breaks = 0;
		assign_headings(s, s->id, &count, &s->sec->page_breaks,
		    doc->anchors, &counters, &tmp);
	}
	free(counters.slots);
	wq_buf_free(&tmp);
}

const wq_node *
wq_doc_find_anchor(const wq_doc *doc, const char *fragment)
{
	struct wq_buf key;
	const wq_node *n;

	wq_buf_init(&key);
	for (; *fragment; fragment++) {
		unsigned v;

		if (fragment[0] == '%' && fragment[1] && fragment[2] &&
		    sscanf(fragment + 1, "%2x", &v) == 1) {
			wq_buf_putc(&key, (int)v);
			fragment += 2;
		} else {
			wq_buf_putc(&key, *fragment);
		}
	}
	n = key.len ? map_get(doc->anchors, key.data) : NULL;
	wq_buf_free(&key);
	return n;
}
