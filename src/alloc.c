/*
 * alloc.c - allocation that cannot fail, and the per-document arena.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static wq_oom_fn oom_handler; /* set once, before any thread starts */

void
wq_set_oom_handler(wq_oom_fn fn)
{
	oom_handler = fn;
}

static void
oom(size_t n)
{
	if (oom_handler)
		oom_handler(n); /* does not return */
	fprintf(stderr, "warraq: out of memory (%zu bytes)\n", n);
	abort();
}

void *
wq_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
wq_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom(n * size);
	return p;
}

void *
wq_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		oom(n);
	return q;
}

char *
wq_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(wq_xmalloc(n), s, n);
}

/* Chunks stay below glibc's mmap threshold, so they come from the heap
 * and reuse what the parser frees as the model grows, instead of fresh
 * pages that each cost a fault. */
struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char data[];
};

#define ARENA_CHUNK 65536
#define ARENA_FIRST 2048

/* Under AddressSanitizer every object in a chunk is followed by a
 * poisoned gap, so reading past one (past a string's end, or a field a
 * short node does not have) is reported as it would be for malloc. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define REDZONE 16
#else
#define REDZONE 0
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#endif

void *
arena_alloc_aligned(struct arena *a, size_t n, size_t align)
{
	struct arena_chunk *c = a->head;
	size_t pad = c ? (align - c->used % align) % align : 0;
	unsigned char *p;

	if (c == NULL || c->size - c->used < n + pad + REDZONE) {
		/* Small at first, for the many short texts of a book. */
		size_t size = c == NULL		? ARENA_FIRST
		    : c->size < ARENA_CHUNK / 2 ? 2 * c->size
						: ARENA_CHUNK;

		if (size < n + REDZONE)
			size = n + REDZONE;
		c = wq_xmalloc(sizeof(*c) + size);
		c->size = size;
		c->used = 0;
		c->next = a->head;
		a->head = c;
		pad = 0;
		ASAN_POISON_MEMORY_REGION(c->data, size);
	}
	p = c->data + c->used + pad;
	c->used += pad + n + REDZONE;
	ASAN_UNPOISON_MEMORY_REGION(p, n);
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return arena_alloc_aligned(a, n, _Alignof(max_align_t));
}

void *
arena_alloc_bytes(struct arena *a, size_t n)
{
	return arena_alloc_aligned(a, n, 1);
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc_bytes(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head, *next;

	for (; c; c = next) {
		next = c->next;
		ASAN_UNPOISON_MEMORY_REGION(c->data, c->size);
		free(c);
	}
	a->head = NULL;
}
