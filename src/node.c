/*
 * node.c - documents and nodes: creation, tree surgery, getters, setters.
 */
#include "internal.h"

#include <stdlib.h>
#include <stddef.h>
#include <string.h>

static const char *const type_names[] = {
	"none",
	"document",
	"section",
	"heading",
	"paragraph",
	"block_quote",
	"list",
	"item",
	"code_block",
	"thematic_break",
	"text",
	"emph",
	"strong",
	"code",
	"link",
	"image",
	"softbreak",
	"linebreak",
	"span",
	"strike",
	"table",
	"table_row",
	"table_cell",
	"footnote_ref",
	"footnote",
	"page_break",
	"milestone",
	"verse",
	"verse_line",
	"caesura",
	"segment",
	"caption",
};

const char *
wq_node_type_name(wq_node_type t)
{
	if ((size_t)t >= sizeof(type_names) / sizeof(type_names[0]))
		return "unknown";
	return type_names[t];
}

const char *
wq_dir_name(wq_dir d)
{
	return d == WQ_DIR_LTR ? "ltr" : d == WQ_DIR_RTL ? "rtl" : NULL;
}

/* A section's own data; NULL for any other node (the field is shared). */
#define SI(n) ((n)->type == WQ_NODE_SECTION ? (n)->sec : NULL)

wq_doc *
wq_doc_new(void)
{
	wq_doc *doc = wq_xcalloc(1, sizeof(*doc));

	meta_init(&doc->meta, &doc->arena);
	doc->root = wq_node_new(doc, WQ_NODE_DOCUMENT);
	return doc;
}

void
wq_doc_free(wq_doc *doc)
{
	wq_node *s;

	if (doc == NULL)
		return;
	for (s = node_first(doc->root); s; s = s->next)
		if (SI(s))
			meta_release(&SI(s)->meta);
	meta_release(&doc->meta);
	anchor_map_free(doc->anchors);
	arena_free(&doc->arena);
	free(doc->sections);
	free(doc);
}

wq_node *
wq_doc_root(const wq_doc *doc)
{
	return doc->root;
}

wq_meta *
wq_doc_meta(const wq_doc *doc)
{
	return (wq_meta *)&doc->meta;
}

size_t
wq_doc_section_count(const wq_doc *doc)
{
	return doc->nsections;
}

wq_node *
wq_doc_section(const wq_doc *doc, size_t i)
{
	return i < doc->nsections ? doc->sections[i] : NULL;
}

/* The document keeps its sections in an array as well as in its tree,
 * so that a writer going through a book of n texts is O(n), not O(n^2).
 * These keep the array in step when a section joins or leaves the
 * document's top level. */
static void
sections_add(wq_doc *doc, wq_node *s)
{
	wq_node *p;
	size_t at = 0, k;

	for (p = s->prev; p; p = p->prev)
		if (p->type == WQ_NODE_SECTION)
			break;
	if (p)
		for (at = doc->nsections; at > 0 && doc->sections[at - 1] != p;)
			at--;
	if (doc->nsections == doc->sections_cap) {
		doc->sections_cap =
		    doc->sections_cap ? 2 * doc->sections_cap : 8;
		doc->sections = wq_xrealloc(
		    doc->sections, doc->sections_cap * sizeof(*doc->sections));
	}
	for (k = doc->nsections; k > at; k--)
		doc->sections[k] = doc->sections[k - 1];
	doc->sections[at] = s;
	doc->nsections++;
}

static void
sections_remove(wq_doc *doc, const wq_node *s)
{
	size_t k;

	for (k = 0; k < doc->nsections && doc->sections[k] != s; k++)
		;
	if (k == doc->nsections)
		return;
	for (doc->nsections--; k < doc->nsections; k++)
		doc->sections[k] = doc->sections[k + 1];
}

static unsigned char intern_kind(
    wq_doc *doc, const char *kind, const char *sub);

static void
adopt(wq_node *n, wq_doc *doc)
{
	wq_node *c;

	if (n->kind) {
		const struct kind_pair *k = &n->doc->kinds[n->kind];

		n->kind = intern_kind(doc, k->kind, k->sub);
	}
	n->doc = doc;
	for (c = node_first(n); c; c = c->next)
		adopt(c, doc);
}

void
wq_doc_append(wq_doc *dst, wq_doc *src)
{
	struct arena_chunk **tail;
	wq_node *s;

	if (src == NULL)
		return;
	/* The moved nodes live in src's arena: put its chunks before dst's
	 * (walking src's few, not dst's growing list). */
	tail = &src->arena.head;
	while (*tail)
		tail = (struct arena_chunk *
			*)*tail; /* 'next' is the first field */
	*tail = dst->arena.head;
	dst->arena.head = src->arena.head;
	src->arena.head = NULL;
	while ((s = node_first(src->root)) != NULL) {
		wq_node_unlink(s);
		adopt(s, dst);
		if (SI(s))
			SI(s)->meta.arena = &dst->arena;
		wq_node_append(dst->root, s);
	}
	dst->page_breaks += src->page_breaks;
	meta_release(&src->meta);
	anchor_map_free(src->anchors);
	free(src->sections);
	free(src);
}

/* The language and direction with the most letters behind them. */
static void
settle(wq_doc *doc)
{
	struct {
		const char *lang;
		wq_dir dir;
		uint64_t n;
	} seen[16];
	size_t nseen = 0, i, best = 0;
	wq_node *s;

	for (s = node_first(doc->root); s; s = s->next) {
		for (i = 0; i < nseen; i++)
			if (seen[i].dir == s->dir && s->lang &&
			    strcmp(seen[i].lang, s->lang) == 0)
				break;
		if (i == nseen) {
			if (nseen == 16 || s->lang == NULL)
				continue;
			seen[nseen].lang = s->lang;
			seen[nseen].dir = s->dir;
			seen[nseen++].n = 0;
		}
		seen[i].n += s->nl + s->nr + 1;
	}
	for (i = 1; i < nseen; i++)
		if (seen[i].n > seen[best].n)
			best = i;
	doc->root->lang = nseen ? (char *)seen[best].lang : NULL;
	doc->root->dir = nseen ? seen[best].dir : WQ_DIR_UNSET;
}

/* Indexes the notes at the end of 'sec' by number, where the numbers
 * are dense enough for an array. */
static void
index_notes(wq_node *sec)
{
	const wq_node *c;
	size_t count = 0, max = 0;

	for (c = node_last(sec); c && c->type == WQ_NODE_FOOTNOTE;
	     c = c->prev) {
		count++;
		if (c->start > 0 && (size_t)c->start > max)
			max = (size_t)c->start;
	}
	if (count == 0 || max > 2 * count + 16)
		return;
	sec->sec->notes =
	    arena_alloc(&sec->doc->arena, (max + 1) * sizeof(*sec->sec->notes));
	memset(sec->sec->notes, 0, (max + 1) * sizeof(*sec->sec->notes));
	sec->sec->nnotes = max + 1;
	for (c = node_last(sec); c && c->type == WQ_NODE_FOOTNOTE; c = c->prev)
		if (c->start > 0 && sec->sec->notes[c->start] == NULL)
			sec->sec->notes[c->start] = c;
}

void
wq_doc_finish(wq_doc *doc)
{
	wq_node *sec;

	settle(doc);
	wq_doc_assign_ids(doc);
	for (sec = node_first(doc->root); sec; sec = sec->next)
		if (sec->type == WQ_NODE_SECTION)
			index_notes(sec);
}

wq_node *
wq_node_new(wq_doc *doc, wq_node_type type)
{
	size_t size = offsetof(struct wq_node, title);
	wq_node *n;

	if (NODE_HAS_TAIL(type))
		size = sizeof(struct wq_node);
	else if (NODE_IS_LEAF(type))
		size = offsetof(struct wq_node, first);
	/* Aligned for a node, not for any object: 88 bytes of 96 else. */
	n = arena_alloc_aligned(&doc->arena, size, _Alignof(struct wq_node));

	memset(n, 0, size);
	n->type = type;
	n->doc = doc;
	if (type == WQ_NODE_SECTION) {
		n->sec = arena_alloc(&doc->arena, sizeof(*n->sec));
		memset(n->sec, 0, sizeof(*n->sec));
		meta_init(&n->sec->meta, &doc->arena);
	}
	if (type == WQ_NODE_PAGE_BREAK)
		doc->page_breaks++;
	if (type == WQ_NODE_TEXT || type == WQ_NODE_CODE ||
	    type == WQ_NODE_CODE_BLOCK || type == WQ_NODE_PAGE_BREAK ||
	    type == WQ_NODE_MILESTONE)
		n->literal = "";
	/* The direction analysis marks the spans it makes as its own. */
	n->from_source = type == WQ_NODE_SPAN;
	return n;
}

wq_doc *
wq_node_doc(const wq_node *n)
{
	return n->doc;
}

void
wq_node_unlink(wq_node *n)
{
	wq_node *p = n->parent;

	if (p == NULL)
		return;
	if (n->prev)
		n->prev->next = n->next;
	else
		p->first = n->next;
	if (n->next)
		n->next->prev = n->prev;
	else
		p->last = n->prev;
	if (p->type == WQ_NODE_DOCUMENT && n->type == WQ_NODE_SECTION)
		sections_remove(p->doc, n);
	n->parent = n->next = n->prev = NULL;
}

int
wq_node_append(wq_node *parent, wq_node *child)
{
	if (NODE_IS_LEAF(parent->type))
		return -1;
	wq_node_unlink(child);
	child->parent = parent;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	if (parent->type == WQ_NODE_DOCUMENT && child->type == WQ_NODE_SECTION)
		sections_add(parent->doc, child);
	return 0;
}

void
wq_node_insert_after(wq_node *sibling, wq_node *n)
{
	wq_node *p = sibling->parent;

	wq_node_unlink(n);
	n->parent = p;
	n->prev = sibling;
	n->next = sibling->next;
	if (sibling->next)
		sibling->next->prev = n;
	else if (p)
		p->last = n;
	sibling->next = n;
	if (p && p->type == WQ_NODE_DOCUMENT && n->type == WQ_NODE_SECTION)
		sections_add(p->doc, n);
}

void
wq_node_insert_before(wq_node *sibling, wq_node *n)
{
	wq_node *p = sibling->parent;

	if (sibling->prev) {
		wq_node_insert_after(sibling->prev, n);
		return;
	}
	wq_node_unlink(n);
	n->parent = p;
	n->prev = NULL;
	n->next = sibling;
	sibling->prev = n;
	if (p) {
		p->first = n;
		if (p->type == WQ_NODE_DOCUMENT && n->type == WQ_NODE_SECTION)
			sections_add(p->doc, n);
	}
}

wq_node_type
wq_node_type_of(const wq_node *n)
{
	return n->type;
}
wq_node *
wq_node_parent(const wq_node *n)
{
	return n->parent;
}
wq_node *
wq_node_first_child(const wq_node *n)
{
	return node_first(n);
}
wq_node *
wq_node_last_child(const wq_node *n)
{
	return node_last(n);
}
wq_node *
wq_node_next(const wq_node *n)
{
	return n->next;
}
wq_node *
wq_node_prev(const wq_node *n)
{
	return n->prev;
}

int
wq_node_is_block(const wq_node *n)
{
	return (n->type >= WQ_NODE_DOCUMENT &&
		   n->type <= WQ_NODE_THEMATIC_BREAK) ||
	    (n->type >= WQ_NODE_TABLE && n->type <= WQ_NODE_TABLE_CELL) ||
	    n->type == WQ_NODE_FOOTNOTE || n->type == WQ_NODE_VERSE ||
	    n->type == WQ_NODE_VERSE_LINE || n->type == WQ_NODE_CAPTION;
}

const char *
wq_node_literal(const wq_node *n)
{
	switch (n->type) {
	case WQ_NODE_TEXT:
	case WQ_NODE_CODE:
	case WQ_NODE_CODE_BLOCK: return n->literal;
	default: return NULL;
	}
}

size_t
wq_node_literal_len(const wq_node *n)
{
	return wq_node_literal(n) ? n->literal_len : 0;
}

int
wq_node_set_literal(wq_node *n, const char *s, size_t len)
{
	if (wq_node_literal(n) == NULL || len > UINT32_MAX)
		return -WQ_EUSAGE;
	n->literal = arena_strndup(&n->doc->arena, s, len);
	n->literal_len = (uint32_t)len;
	n->checked = 0;
	return 0;
}

wq_node *
wq_node_split_text(wq_node *t, size_t off)
{
	wq_node *rest;

	if (t->type != WQ_NODE_TEXT || off > t->literal_len ||
	    (off < t->literal_len && (t->literal[off] & 0xC0) == 0x80))
		return NULL;
	rest = wq_node_new(t->doc, WQ_NODE_TEXT);
	rest->literal = t->literal + off; /* ends where 't' ended */
	rest->literal_len = t->literal_len - (uint32_t)off;
	rest->checked = t->checked;
	rest->line = t->line;
	rest->col = t->col;
	t->literal = arena_strndup(&t->doc->arena, t->literal, off);
	t->literal_len = (uint32_t)off;
	wq_node_insert_after(t, rest);
	return rest;
}

const char *
wq_node_url(const wq_node *n)
{
	return n->type == WQ_NODE_LINK || n->type == WQ_NODE_IMAGE ? n->literal
								   : NULL;
}

int
wq_node_set_url(wq_node *n, const char *url)
{
	if (n->type != WQ_NODE_LINK && n->type != WQ_NODE_IMAGE)
		return -WQ_EUSAGE;
	n->literal = arena_strdup(&n->doc->arena, url ? url : "");
	n->literal_len = (uint32_t)strlen(n->literal);
	return 0;
}

const char *
wq_node_title(const wq_node *n)
{
	return n->type == WQ_NODE_LINK || n->type == WQ_NODE_IMAGE ? n->title
								   : NULL;
}

/* Links' and images' titles and code blocks' info strings share a field. */
static void
set_title_field(wq_node *n, const char *s)
{
	n->title = s && *s ? arena_strdup(&n->doc->arena, s) : NULL;
}

int
wq_node_set_title(wq_node *n, const char *title)
{
	if (n->type != WQ_NODE_LINK && n->type != WQ_NODE_IMAGE)
		return -WQ_EUSAGE;
	set_title_field(n, title);
	return 0;
}

const char *
wq_node_info(const wq_node *n)
{
	return n->type == WQ_NODE_CODE_BLOCK ? n->title : NULL;
}

int
wq_node_set_info(wq_node *n, const char *info)
{
	if (n->type != WQ_NODE_CODE_BLOCK)
		return -WQ_EUSAGE;
	set_title_field(n, info);
	return 0;
}

int
wq_node_heading_level(const wq_node *n)
{
	return n->type == WQ_NODE_HEADING ? n->level : 0;
}

int
wq_node_set_heading_level(wq_node *n, int level)
{
	if (n->type != WQ_NODE_HEADING || level < 1 || level > 6)
		return -WQ_EUSAGE;
	n->level = (unsigned char)level;
	return 0;
}

int
wq_node_list_ordered(const wq_node *n)
{
	return n->type == WQ_NODE_LIST && n->level;
}
int
wq_node_list_start(const wq_node *n)
{
	return n->type == WQ_NODE_LIST ? n->start : 0;
}
int
wq_node_list_tight(const wq_node *n)
{
	return n->tight;
}

int
wq_node_set_list(wq_node *n, int ordered, int start, int tight)
{
	if (n->type != WQ_NODE_LIST)
		return -WQ_EUSAGE;
	n->level = ordered != 0;
	n->start = start;
	n->tight = tight != 0;
	return 0;
}

/* Items, rows and cells keep their one number in 'level', which only
 * headings and lists use otherwise. */
int
wq_node_task(const wq_node *n)
{
	return n->type == WQ_NODE_ITEM ? n->level : 0;
}

int
wq_node_set_task(wq_node *n, int state)
{
	if (n->type != WQ_NODE_ITEM || state < 0 || state > 2)
		return -WQ_EUSAGE;
	n->level = (unsigned char)state;
	return 0;
}

int
wq_node_row_header(const wq_node *n)
{
	return n->type == WQ_NODE_TABLE_ROW && n->level;
}

int
wq_node_set_row_header(wq_node *n, int header)
{
	if (n->type != WQ_NODE_TABLE_ROW)
		return -WQ_EUSAGE;
	n->level = header != 0;
	return 0;
}

wq_align
wq_node_cell_align(const wq_node *n)
{
	return n->type == WQ_NODE_TABLE_CELL ? (wq_align)n->level
					     : WQ_ALIGN_NONE;
}

int
wq_node_set_cell_align(wq_node *n, wq_align align)
{
	if (n->type != WQ_NODE_TABLE_CELL || align > WQ_ALIGN_END)
		return -WQ_EUSAGE;
	n->level = (unsigned char)align;
	return 0;
}

int
wq_node_set_heading_anchor(wq_node *n, const char *anchor)
{
	if (n->type != WQ_NODE_HEADING)
		return -WQ_EUSAGE;
	/* Headings have no text of their own: the literal keeps it. */
	n->literal =
	    anchor && *anchor ? arena_strdup(&n->doc->arena, anchor) : NULL;
	return 0;
}

const char *
wq_node_heading_anchor(const wq_node *n)
{
	return n->type == WQ_NODE_HEADING ? n->literal : NULL;
}

int
wq_node_footnote_number(const wq_node *n)
{
	return n->type == WQ_NODE_FOOTNOTE_REF || n->type == WQ_NODE_FOOTNOTE
	    ? n->start
	    : 0;
}

int
wq_node_set_footnote_number(wq_node *n, int number)
{
	if ((n->type != WQ_NODE_FOOTNOTE_REF && n->type != WQ_NODE_FOOTNOTE) ||
	    number < 1)
		return -WQ_EUSAGE;
	n->start = number;
	return 0;
}

const wq_node *
wq_section_footnote(const wq_node *section, int number)
{
	const struct section_info *si =
	    section->type == WQ_NODE_SECTION ? section->sec : NULL;
	const wq_node *c;

	if (si && number > 0 && (size_t)number < si->nnotes &&
	    (c = si->notes[number]) != NULL && c->parent == section &&
	    c->type == WQ_NODE_FOOTNOTE && c->start == number)
		return c;
	/* From the end: the notes are the last blocks. */
	for (c = node_last(section); c && c->type == WQ_NODE_FOOTNOTE;
	     c = c->prev)
		if (c->start == number)
			return c;
	return NULL;
}

int
wq_node_span_from_source(const wq_node *n)
{
	return n->type == WQ_NODE_SPAN && n->from_source;
}

int
wq_node_dir_stated(const wq_node *n)
{
	return n->from_source && (n->lang || n->dir != WQ_DIR_UNSET);
}

const char *
wq_node_lang(const wq_node *n)
{
	return n->lang;
}
wq_dir
wq_node_dir(const wq_node *n)
{
	return n->dir;
}

int
wq_node_set_lang(wq_node *n, const char *lang)
{
	if (lang && *lang && !wq_lang_tag_valid(lang))
		return -WQ_EUSAGE;
	n->lang = lang && *lang ? arena_strdup(&n->doc->arena, lang) : NULL;
	if (n->lang)
		n->from_source = 1;
	return 0;
}

int
wq_node_set_dir(wq_node *n, wq_dir dir)
{
	if (dir != WQ_DIR_UNSET && dir != WQ_DIR_LTR && dir != WQ_DIR_RTL)
		return -WQ_EUSAGE;
	n->dir = dir;
	if (dir != WQ_DIR_UNSET)
		n->from_source = 1;
	return 0;
}

const char *
wq_node_effective_lang(const wq_node *n)
{
	for (; n; n = n->parent)
		if (n->lang)
			return n->lang;
	return NULL;
}

wq_dir
wq_node_effective_dir(const wq_node *n)
{
	for (; n; n = n->parent)
		if (n->dir != WQ_DIR_UNSET)
			return n->dir;
	return WQ_DIR_LTR;
}

unsigned long
wq_node_line(const wq_node *n)
{
	return n->line;
}
unsigned long
wq_node_column(const wq_node *n)
{
	return n->col;
}

void
wq_node_set_pos(wq_node *n, unsigned long line, unsigned long col)
{
	n->line = line;
	n->col = col;
}

const wq_node *
wq_node_section(const wq_node *n)
{
	for (; n; n = n->parent)
		if (n->type == WQ_NODE_SECTION)
			return n;
	return NULL;
}

const char *
wq_node_id(const wq_node *n)
{
	if (n->type == WQ_NODE_PAGE_BREAK)
		return n->anchor;
	return n->type == WQ_NODE_SECTION || n->type == WQ_NODE_HEADING ? n->id
									: NULL;
}

/* ---- sections ---- */

wq_meta *
wq_section_meta(const wq_node *s)
{
	return SI(s) ? &SI(s)->meta : NULL;
}

unsigned
wq_section_inferred(const wq_node *s)
{
	return SI(s) ? SI(s)->inferred : 0;
}

void
wq_section_set_inferred(wq_node *s, unsigned bits)
{
	if (SI(s))
		SI(s)->inferred = bits;
}

const char *
wq_section_file(const wq_node *s)
{
	return SI(s) ? SI(s)->file : NULL;
}

uint64_t
wq_section_size(const wq_node *s)
{
	return SI(s) ? SI(s)->size : 0;
}

const char *
wq_section_sha256(const wq_node *s)
{
	return SI(s) && SI(s)->sha256[0] ? SI(s)->sha256 : NULL;
}

size_t
wq_section_page_breaks(const wq_node *s)
{
	return SI(s) ? SI(s)->page_breaks : 0;
}

const char *
wq_section_title(const wq_node *s)
{
	const char *t = SI(s) ? wq_meta_get(&SI(s)->meta, "title") : NULL;
	const char *f, *base, *dot;

	if (t && *t)
		return t;
	if ((t = SI(s) ? SI(s)->incipit : NULL) != NULL)
		return t;
	f = wq_section_file(s);
	if (f == NULL || strcmp(f, "-") == 0)
		return "untitled";
	if (SI(s)->stem == NULL) {
		base = strrchr(f, '/');
		base = base ? base + 1 : f;
		dot = strrchr(base, '.');
		SI(s)->stem = arena_strndup(&s->doc->arena, base,
		    dot && dot != base ? (size_t)(dot - base) : strlen(base));
	}
	return SI(s)->stem;
}

size_t
wq_section_lang_usage(
    const wq_node *s, size_t i, const char **lang, uint64_t *letters)
{
	if (SI(s) == NULL)
		return 0;
	if (i < SI(s)->nusage) {
		if (lang)
			*lang = SI(s)->usage[i].lang;
		if (letters)
			*letters = SI(s)->usage[i].letters;
	}
	return SI(s)->nusage;
}

void
wq_node_text(const wq_node *n, struct wq_buf *b)
{
	const wq_node *c;

	switch (n->type) {
	case WQ_NODE_TEXT:
	case WQ_NODE_CODE: wq_buf_put(b, n->literal, n->literal_len); return;
	case WQ_NODE_SOFTBREAK:
	case WQ_NODE_LINEBREAK: wq_buf_putc(b, ' '); return;
	default:
		for (c = node_first(n); c; c = c->next)
			wq_node_text(c, b);
	}
}

const char *
wq_doc_title(const wq_doc *doc)
{
	const char *t = wq_meta_get(&doc->meta, "title");
	wq_node *s;

	if (t && *t)
		return t;
	s = node_first(doc->root);
	if (s == NULL)
		return "untitled";
	if (s->next == NULL)
		return wq_section_title(s);
	/* Several texts: a title of their own, never one text's. */
	return wq_l10n(doc->root->lang, "collection");
}

/* ---- editions: pages, milestones, kinds ---- */

/* A page number, volume or unit: short, and safe in any attribute. */
static int
is_label(const char *s)
{
	size_t i;

	if (s == NULL || *s == '\0' || strlen(s) > 16)
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
			(s[i] >= 'a' && s[i] <= 'z') ||
			(s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-' ||
			s[i] == '.'))
			return 0;
	return 1;
}

const char *
wq_node_page(const wq_node *n)
{
	return n->type == WQ_NODE_PAGE_BREAK ? n->literal : NULL;
}

const char *
wq_node_page_volume(const wq_node *n)
{
	return n->type == WQ_NODE_PAGE_BREAK ? n->unit : NULL;
}

int
wq_node_set_page(wq_node *n, const char *volume, const char *page)
{
	if (n->type != WQ_NODE_PAGE_BREAK || !is_label(page) ||
	    (volume && !is_label(volume)))
		return -WQ_EUSAGE;
	n->literal = arena_strdup(&n->doc->arena, page);
	n->unit = volume ? arena_strdup(&n->doc->arena, volume) : NULL;
	return 0;
}

const char *
wq_node_milestone_unit(const wq_node *n)
{
	return n->type == WQ_NODE_MILESTONE ? n->unit : NULL;
}

const char *
wq_node_milestone_n(const wq_node *n)
{
	return n->type == WQ_NODE_MILESTONE ? n->literal : NULL;
}

int
wq_node_set_milestone(wq_node *n, const char *unit, const char *num)
{
	if (num && *num == '\0')
		num = NULL;
	if (n->type != WQ_NODE_MILESTONE || !is_label(unit) ||
	    (num && !is_label(num)))
		return -WQ_EUSAGE;
	n->unit = arena_strdup(&n->doc->arena, unit);
	n->literal = num ? arena_strdup(&n->doc->arena, num) : "";
	return 0;
}

static int
is_kind_name(const char *s)
{
	size_t i;

	if (s == NULL ||
	    !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (i = 1; s[i]; i++)
		if (i >= 32 ||
		    !((s[i] >= '0' && s[i] <= '9') ||
			(s[i] >= 'a' && s[i] <= 'z') ||
			(s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-' ||
			s[i] == '_'))
			return 0;
	return 1;
}

static int
same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* The index of the pair (kind, sub) in doc's table, added if new; 0 when
 * the table is full. */
static unsigned char
intern_kind(wq_doc *doc, const char *kind, const char *sub)
{
	unsigned i;

	for (i = 1; i < doc->nkinds; i++)
		if (same(doc->kinds[i].kind, kind) &&
		    same(doc->kinds[i].sub, sub))
			return (unsigned char)i;
	if (doc->kinds == NULL) {
		doc->kinds =
		    arena_alloc(&doc->arena, 256 * sizeof(*doc->kinds));
		doc->nkinds = 1;
	}
	if (doc->nkinds == 256)
		return 0;
	doc->kinds[doc->nkinds].kind = arena_strdup(&doc->arena, kind);
	doc->kinds[doc->nkinds].sub =
	    sub ? arena_strdup(&doc->arena, sub) : NULL;
	return (unsigned char)doc->nkinds++;
}

static int
has_kind(const wq_node *n)
{
	return n->type == WQ_NODE_HEADING || n->type == WQ_NODE_PARAGRAPH ||
	    n->type == WQ_NODE_SEGMENT;
}

const char *
wq_node_kind(const wq_node *n)
{
	return n->kind ? n->doc->kinds[n->kind].kind : NULL;
}

const char *
wq_node_subkind(const wq_node *n)
{
	return n->kind ? n->doc->kinds[n->kind].sub : NULL;
}

int
wq_node_set_kind(wq_node *n, const char *kind, const char *sub)
{
	unsigned char k;

	if (!has_kind(n) || (kind == NULL && sub != NULL))
		return -WQ_EUSAGE;
	if (kind == NULL) {
		n->kind = 0;
		return 0;
	}
	if (!is_kind_name(kind) || (sub && !is_kind_name(sub)))
		return -WQ_EUSAGE;
	if ((k = intern_kind(n->doc, kind, sub)) == 0)
		return -WQ_EUSAGE;
	n->kind = k;
	return 0;
}
