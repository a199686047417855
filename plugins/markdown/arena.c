/*
 * arena.c - cmark's memory: warraq's allocator, and an arena for each
 * piece of a long text the reader parses.
 *
 * cmark allocates every node, literal and scratch buffer of a parse one by
 * one, and the reader frees them all once the piece is mapped: a piece is
 * thousands of mallocs and as many frees. Taken from an arena instead, a
 * block costs a pointer bump and the piece is freed at once. It also lets
 * a second thread parse (parse.c): glibc's malloc on two threads clears
 * every block it hands out and takes a lock each time, and frees across
 * threads contend for the allocating arena.
 *
 * cmark's allocator has no context pointer, so the functions allocate from
 * the arena the calling thread uses (md_arena_use). Everything a parse or
 * a map asks of the piece's nodes is then in the same arena. free() gives
 * back only the block allocated last (the inline parser's scratch is
 * freed in stack order); blocks of a quarter chunk or more are malloc'd
 * each and freed for real, so a text of one long paragraph does not keep
 * every size its buffer grew through.
 */
#include "markdown.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* cmark-gfm allocates with warraq's allocator: out of memory, the host's
 * handler runs (exit 4, no temporary file left) instead of cmark's
 * abort(). */
static void *
md_calloc(size_t n, size_t size)
{
	return wq_xcalloc(n, size);
}

static void *
md_realloc(void *p, size_t n)
{
	return wq_xrealloc(p, n);
}

cmark_mem md_mem = { md_calloc, md_realloc, free };

cmark_node *
md_node_new(cmark_node_type type, cmark_syntax_extension *ext)
{
	return cmark_node_new_with_mem_and_ext(type, &md_mem, ext);
}

/* Below glibc's mmap threshold: chunks come from, and go back to, the
 * heap that the model reuses. */
#define CHUNK (120 * 1024)
#define BIG (CHUNK / 4)
#define ALIGN 8

struct chunk {
	struct chunk *next;
	size_t size;
	_Alignas(ALIGN) char data[];
};

/* A block's header: its size; a big block's also links it. */
struct small {
	size_t size;
};
struct big {
	struct big *prev, *next;
	size_t size; /* with IS_BIG set */
};
#define IS_BIG ((size_t)1)

struct md_arena {
	struct chunk *chunks; /* in the order they are filled */
	struct chunk *cur;    /* the one being filled, or NULL */
	char *top, *end;      /* free space in it */
	char *last;	      /* the block allocated last, or NULL */
	struct big bigs;      /* sentinel of the big blocks' ring */
};

/* The arena each thread uses, under a pthread key rather than in a
 * _Thread_local: dynamic TLS in a plugin that is unloaded before exit
 * left LeakSanitizer a dangling range to scan (it crashed). */
static pthread_key_t current_key;
static pthread_once_t current_once = PTHREAD_ONCE_INIT;
static int current_made;

static void
make_key(void)
{
	current_made = pthread_key_create(&current_key, NULL) == 0;
}

static struct md_arena *
current(void)
{
	pthread_once(&current_once, make_key);
	return current_made ? pthread_getspecific(current_key) : NULL;
}

__attribute__((destructor)) static void
delete_key(void)
{
	if (current_made)
		pthread_key_delete(current_key);
}

struct md_arena *
md_arena_new(void)
{
	struct md_arena *a;

	/* No key left in the process (PTHREAD_KEYS_MAX): no arena, and
	 * the pieces are parsed with malloc. */
	pthread_once(&current_once, make_key);
	if (!current_made)
		return NULL;
	a = wq_xcalloc(1, sizeof(*a));
	a->bigs.prev = a->bigs.next = &a->bigs;
	return a;
}

struct md_arena *
md_arena_use(struct md_arena *a)
{
	struct md_arena *was = current();

	pthread_setspecific(current_key, a);
	return was;
}

static void
free_bigs(struct md_arena *a)
{
	struct big *b = a->bigs.next, *next;

	for (; b != &a->bigs; b = next) {
		next = b->next;
		free(b);
	}
	a->bigs.prev = a->bigs.next = &a->bigs;
}

void
md_arena_reset(struct md_arena *a)
{
	struct chunk *c = a->chunks;

	free_bigs(a);
	/* Keep the chunks: the next piece fills them again. */
	a->cur = c;
	a->top = c ? c->data : NULL;
	a->end = c ? c->data + c->size : NULL;
	a->last = NULL;
}

void
md_arena_free(struct md_arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	free_bigs(a);
	for (c = a->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

/* The chunk after the one being filled, or a new one: a reset arena goes
 * through its chunks in order before it allocates more. */
static void
next_chunk(struct md_arena *a)
{
	struct chunk *c = a->cur ? a->cur->next : a->chunks;

	if (c == NULL) {
		c = wq_xmalloc(sizeof(*c) + CHUNK);
		c->size = CHUNK;
		c->next = NULL;
		if (a->cur)
			a->cur->next = c;
		else
			a->chunks = c;
	}
	a->cur = c;
	a->top = c->data;
	a->end = c->data + c->size;
}

static void *
alloc_big(struct md_arena *a, size_t n)
{
	struct big *b;

	if (n > SIZE_MAX - sizeof(*b))
		return wq_xmalloc(SIZE_MAX); /* the host's handler */
	b = wq_xmalloc(sizeof(*b) + n);
	b->size = n | IS_BIG;
	b->next = a->bigs.next;
	b->prev = &a->bigs;
	b->next->prev = b;
	a->bigs.next = b;
	return b + 1;
}

static void *
alloc(size_t n)
{
	struct md_arena *a = current();
	size_t need;
	struct small *h;

	if (n >= BIG)
		return alloc_big(a, n);
	need = sizeof(*h) + ((n + ALIGN - 1) & ~(size_t)(ALIGN - 1));
	if (a->top == NULL || (size_t)(a->end - a->top) < need)
		next_chunk(a);
	h = (struct small *)(void *)a->top;
	h->size = need - sizeof(*h);
	a->top += need;
	a->last = (char *)(h + 1);
	return h + 1;
}

static size_t
size_of(const void *p)
{
	return ((const size_t *)p)[-1];
}

static void *
arena_calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size)
		return wq_xmalloc(SIZE_MAX);
	p = alloc(n * size);
	memset(p, 0, n * size);
	return p;
}

static void
arena_free(void *p)
{
	struct md_arena *a;
	size_t size;

	if (p == NULL)
		return;
	size = size_of(p);
	if (size & IS_BIG) {
		struct big *b = (struct big *)p - 1;

		b->prev->next = b->next;
		b->next->prev = b->prev;
		free(b);
	} else if ((a = current()) != NULL && p == a->last) {
		a->top = (char *)p - sizeof(struct small);
		a->last = NULL;
	}
}

static void *
arena_realloc(void *p, size_t n)
{
	struct md_arena *a = current();
	size_t size;
	void *q;

	if (p == NULL)
		return alloc(n);
	size = size_of(p);
	if (size & IS_BIG) {
		struct big *b = (struct big *)p - 1, *moved;

		if (n < BIG || n > SIZE_MAX - sizeof(*b))
			goto copy;
		moved = wq_xrealloc(b, sizeof(*b) + n);
		moved->size = n | IS_BIG;
		moved->prev->next = moved;
		moved->next->prev = moved;
		return moved + 1;
	}
	/* The block allocated last grows where it is, if the chunk has
	 * room. */
	if (p == a->last && n < BIG &&
	    (size_t)(a->end - (char *)p) >=
		((n + ALIGN - 1) & ~(size_t)(ALIGN - 1))) {
		size_t rounded = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);

		((size_t *)p)[-1] = rounded;
		a->top = (char *)p + rounded;
		return p;
	}
copy:
	q = alloc(n);
	memcpy(q, p, (size & ~IS_BIG) < n ? (size & ~IS_BIG) : n);
	arena_free(p);
	return q;
}

cmark_mem md_arena_mem = { arena_calloc, arena_realloc, arena_free };
