/*
 * parse.c - cmark-gfm parses a text for the reader: a short one at once,
 * a long one in pieces (pieces.c says where it may be cut), each piece
 * in an arena of its own (arena.c). Where there is a second CPU, a
 * thread parses the next pieces while the reader maps the last into the
 * model (cmark's parse is two thirds of reading a long text). The pieces
 * come out in order, the trees one thread parses.
 */
#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm/registry.h>
#include <stdlib.h>
#include <string.h>

static void
register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

void
md_extensions(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, register_extensions);
}

/* cmark-gfm keeps the extensions it registered until told: when the
 * host unloads the plugin, they go with it (a leak checker would see
 * them otherwise). */
__attribute__((destructor)) static void
release_extensions(void)
{
	cmark_release_plugins();
}

/* cmark-gfm 0.29's inline parser reads one table of special characters
 * shared by every parser in the process, and cmark_parser_finish() adds
 * its extensions' characters ('~', '|', '@', ':', 'w') on entry and
 * clears them on return: a text finished on one thread while another
 * parses inlines lost its strikethrough and autolinks (a batch with -j 2
 * wrote other bytes than -j 1). Newer cmark-gfm keeps the table on the
 * parser; until then, one parser finishes at a time. */
static pthread_mutex_t inlines_lock = PTHREAD_MUTEX_INITIALIZER;

/* GitHub's Markdown, unless the format asked for is "commonmark": the
 * strict dialect, for texts where "~~" or "|" are only characters. */
static cmark_node *
parse(const char *data, size_t len, const char *format, cmark_mem *mem)
{
	static const char *const gfm[] = { "table", "strikethrough", "autolink",
		"tasklist", NULL };
	int gfm_dialect = strcmp(format, "commonmark") != 0;
	/* Strikethrough takes two tildes, as pandoc's gfm reads it: one
	 * tilde is subscript or an approximate number ("H~2~O", "~5"). */
	cmark_parser *p = cmark_parser_new_with_mem(gfm_dialect
		? CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
		: CMARK_OPT_DEFAULT,
	    mem);
	cmark_node *root;
	size_t i;

	if (p == NULL)
		return NULL;
	if (gfm_dialect) {
		md_extensions();
		for (i = 0; gfm[i]; i++) {
			cmark_syntax_extension *e =
			    cmark_find_syntax_extension(gfm[i]);

			if (e)
				cmark_parser_attach_syntax_extension(p, e);
		}
	}
	cmark_parser_feed(p, data, len);
	pthread_mutex_lock(&inlines_lock);
	root = cmark_parser_finish(p);
	pthread_mutex_unlock(&inlines_lock);
	cmark_parser_free(p);
	return root;
}

int
md_is_table(cmark_node *c)
{
	return strcmp(cmark_node_get_type_string(c), "table") == 0;
}

/* How much of a long text cmark parses at once, and the longest piece
 * parsed in an arena. */
#define PIECE (64 * 1024)
#define ARENA_PIECE_MAX (4 * PIECE)

static unsigned long
count_lines(const char *s, size_t len)
{
	unsigned long n = 0;
	const char *p = s, *end = s + len;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
		n++, p++;
	return n;
}

/* md_table_head_fn: whether cmark-gfm reads the two lines as a table. */
static int
table_head(const char *s, size_t len, void *format)
{
	cmark_node *root = parse(s, len, (const char *)format, &md_mem), *c;
	int yes;

	if (root == NULL)
		return 0;
	c = cmark_node_first_child(root);
	yes = c && md_is_table(c) && cmark_node_next(c) == NULL;
	cmark_node_free(root);
	return yes;
}

/* The text from 'from' to 'to', with the head of the table 'from' is in
 * before it; NULL if cmark fails. */
static cmark_node *
parse_piece(const char *data, const struct md_cut *from, size_t to,
    const char *format, struct wq_buf *tmp, cmark_mem *mem)
{
	if (from->head_len == 0)
		return parse(data + from->at, to - from->at, format, mem);
	tmp->len = 0;
	wq_buf_put(tmp, data + from->head, from->head_len);
	wq_buf_put(tmp, data + from->at, to - from->at);
	return parse(tmp->data, tmp->len, format, mem);
}

/* Whether the piece from 'from' to 'to' ends inside the table whose head
 * 'to' names, as cmark-gfm read it: that table is its last block, from
 * the head's line to the piece's last line. The scan that cut it does
 * not know every way a row may end a table; cmark-gfm does. */
static int
ends_in_table(cmark_node *root, const char *data, const struct md_cut *from,
    const struct md_cut *to)
{
	cmark_node *t = cmark_node_last_child(root);
	unsigned long before =
	    from->head_len ? count_lines(data + from->head, from->head_len) : 0;
	unsigned long start = 1; /* the table 'from' is in goes on */

	if (to->head >= from->at) /* a table that begins in this piece */
		start = before +
		    count_lines(data + from->at, to->head - from->at) + 1;
	return t && md_is_table(t) &&
	    (unsigned long)cmark_node_get_start_line(t) == start &&
	    (unsigned long)cmark_node_get_end_line(t) ==
	    before + count_lines(data + from->at, to->at - from->at);
}

/* Where the piece after the last ends. */
static struct md_cut
next_cut(struct md_pieces *p)
{
	struct md_cut to = p->at;

	if (p->cut)
		md_next_cut(p->data, p->len, PIECE, &to,
		    strcmp(p->format, "commonmark") != 0 ? table_head : NULL,
		    (void *)p->format);
	else
		to.at = p->len, to.head_len = 0;
	return to;
}

/* Whether a piece is long enough to be parsed with malloc, and here: one
 * paragraph, list or quote that could not be cut short. What cmark frees
 * as it goes, and the reader as it maps, is then given back to the heap
 * the model grows in, which neither an arena nor another thread's malloc
 * would do until the piece is done. */
static int
is_long(const struct md_pieces *p, const struct md_cut *to)
{
	return to->at - p->at.at > ARENA_PIECE_MAX;
}

/* Parses the piece after the last, up to 'to', into the slot; 0 when
 * cmark fails. One thread at a time parses a text's pieces. */
static int
parse_next(struct md_pieces *p, struct md_parsed *out, struct md_cut to)
{
	const char *data = p->data;
	struct md_arena *was = NULL;
	cmark_mem *mem = &md_mem;
	cmark_node *root;

	out->in_arena = out->arena && !is_long(p, &to);
	if (out->in_arena) {
		mem = &md_arena_mem;
		was = md_arena_use(out->arena);
	}
	root = parse_piece(data, &p->at, to.at, p->format, &p->tmp, mem);
	if (root && to.head_len && !ends_in_table(root, data, &p->at, &to)) {
		/* Cut where no table is: cut again between blocks. */
		cmark_node_free(root);
		if (out->in_arena)
			md_arena_reset(out->arena);
		to = p->at;
		md_next_cut(data, p->len, PIECE, &to, NULL, NULL);
		root =
		    parse_piece(data, &p->at, to.at, p->format, &p->tmp, mem);
	}
	if (out->in_arena)
		md_arena_use(was);
	out->root = root;
	out->table_goes_on = p->at.head_len > 0;
	out->head_lines = count_lines(data + p->at.head, p->at.head_len);
	out->lines = count_lines(data + p->at.at, to.at - p->at.at);
	p->at = to;
	return root != NULL;
}

/* One piece parsed: counted, and whether it was the last. */
static void
made_one(struct md_pieces *p, int ok)
{
	p->failed = !ok;
	p->finished = !ok || p->at.at >= p->len;
	p->made++;
}

/* The thread parses the pieces ahead of the one the reader maps. A long
 * piece it hands over unparsed (is_long), and waits until the reader has
 * parsed and mapped it. */
static void *
parser_thread(void *arg)
{
	struct md_pieces *p = arg;

	pthread_mutex_lock(&p->lock);
	while (!p->stop && !p->finished) {
		struct md_parsed *slot = &p->slot[p->made % MD_PIECE_SLOTS];
		struct md_cut to;
		int ok;

		if (p->made - p->released == MD_PIECE_SLOTS || p->handed_over) {
			pthread_cond_wait(&p->cond, &p->lock);
			continue;
		}
		pthread_mutex_unlock(&p->lock);
		to = next_cut(p);
		if (is_long(p, &to)) {
			pthread_mutex_lock(&p->lock);
			slot->root = NULL;
			slot->here = 1;
			slot->to = to;
			p->handed_over = 1;
			p->made++;
			pthread_cond_broadcast(&p->cond);
			continue;
		}
		ok = parse_next(p, slot, to);
		pthread_mutex_lock(&p->lock);
		made_one(p, ok);
		pthread_cond_broadcast(&p->cond);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

void
md_pieces_start(struct md_pieces *p, const char *data, size_t len,
    const char *format, int whole_text)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	p->data = data;
	p->len = len;
	p->format = format;
	wq_buf_init(&p->tmp);
	p->cut = whole_text && len > 2 * PIECE && md_cuttable(data, len);
	if (!p->cut)
		return;
	for (i = 0; i < MD_PIECE_SLOTS; i++)
		p->slot[i].arena = md_arena_new();
}

/* After the first piece, if more follow, a thread parses them where
 * there are two CPUs. A text cmark reads as one piece never starts it:
 * a thread that only waits makes the heap's growth, and with it such a
 * text, slower by half one run in three. */
static void
start_thread(struct md_pieces *p)
{
	if (p->finished || wq_cpus() < 2)
		return;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	if (pthread_create(&p->thread, NULL, parser_thread, p) == 0) {
		p->threaded = 1;
		return;
	}
	pthread_cond_destroy(&p->cond);
	pthread_mutex_destroy(&p->lock);
}

int
md_pieces_next(struct md_pieces *p, struct md_parsed **out)
{
	struct md_parsed *slot = &p->slot[p->taken % MD_PIECE_SLOTS];

	if (p->cut && !p->threaded && p->taken == 1)
		start_thread(p);
	if (!p->threaded) {
		if (p->finished)
			return 0;
		made_one(p, parse_next(p, slot, next_cut(p)));
	} else {
		pthread_mutex_lock(&p->lock);
		while (p->taken == p->made && !p->finished)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->taken == p->made) {
			pthread_mutex_unlock(&p->lock);
			return 0;
		}
		pthread_mutex_unlock(&p->lock);
		if (slot->here) {
			/* The thread waits for this one: the text from
			 * p->at on is this thread's until it is mapped. */
			int ok = parse_next(p, slot, slot->to);

			pthread_mutex_lock(&p->lock);
			p->failed = !ok;
			p->finished = !ok || p->at.at >= p->len;
			pthread_mutex_unlock(&p->lock);
		}
	}
	if (slot->root == NULL)
		return -1;
	p->taken++;
	if (slot->in_arena)
		p->was = md_arena_use(slot->arena);
	*out = slot;
	return 1;
}

void
md_pieces_done(struct md_pieces *p, struct md_parsed *piece)
{
	piece->root = NULL; /* freed as it was mapped */
	if (piece->in_arena) {
		md_arena_use(p->was);
		md_arena_reset(piece->arena);
	}
	if (!p->threaded) {
		p->released++;
		return;
	}
	pthread_mutex_lock(&p->lock);
	p->released++;
	if (piece->here)
		piece->here = p->handed_over = 0;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

void
md_pieces_end(struct md_pieces *p)
{
	size_t i;

	if (p->threaded) {
		pthread_mutex_lock(&p->lock);
		p->stop = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
		pthread_join(p->thread, NULL);
		pthread_cond_destroy(&p->cond);
		pthread_mutex_destroy(&p->lock);
	}
	/* Pieces parsed and not mapped (the reader stopped at an error). */
	for (i = 0; i < MD_PIECE_SLOTS; i++) {
		if (p->slot[i].root && !p->slot[i].in_arena)
			cmark_node_free(p->slot[i].root);
		md_arena_free(p->slot[i].arena);
	}
	wq_buf_free(&p->tmp);
}
