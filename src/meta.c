/*
 * meta.c - ordered metadata maps: keys with one or more string values.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void
meta_init(wq_meta *m, struct arena *a)
{
	memset(m, 0, sizeof(*m));
	m->arena = a;
}

void
meta_release(wq_meta *m)
{
	size_t i;

	for (i = 0; i < m->count; i++)
		free(m->entries[i].values);
	free(m->entries);
	free(m->slots);
	m->entries = NULL;
	m->slots = NULL;
	m->count = m->cap = m->nslots = 0;
}

/* Up to this many keys a scan finds one sooner than a hash. */
#define SCAN_MAX 16

/* The slot of 'key' in the index, or the empty one where it would go. */
static size_t
slot_of(const wq_meta *m, const char *key)
{
	size_t mask = m->nslots - 1, i = str_hash(key) & mask;

	while (m->slots[i] && strcmp(m->entries[m->slots[i] - 1].key, key))
		i = (i + 1) & mask;
	return i;
}

/* The index made anew for the entries there are (after one was taken out,
 * or when it fills): a front matter of thousands of keys was quadratic,
 * each key looked for among all before it. */
static void
reindex(wq_meta *m)
{
	size_t i;

	free(m->slots);
	m->slots = NULL;
	m->nslots = 0;
	if (m->count <= SCAN_MAX)
		return;
	for (m->nslots = 64; m->nslots < 2 * m->count;)
		m->nslots *= 2;
	m->slots = wq_xcalloc(m->nslots, sizeof(*m->slots));
	for (i = 0; i < m->count; i++)
		m->slots[slot_of(m, m->entries[i].key)] = i + 1;
}

/* A map of its own: the map first, so that the pointer is both. */
struct own_meta {
	wq_meta meta;
	struct arena arena;
};

wq_meta *
wq_meta_new(void)
{
	struct own_meta *o = wq_xcalloc(1, sizeof(*o));

	meta_init(&o->meta, &o->arena);
	return &o->meta;
}

void
wq_meta_free(wq_meta *m)
{
	struct own_meta *o = (struct own_meta *)m;

	if (o == NULL)
		return;
	meta_release(&o->meta);
	arena_free(&o->arena);
	free(o);
}

size_t
wq_meta_count(const wq_meta *m)
{
	return m ? m->count : 0;
}

const char *
wq_meta_key(const wq_meta *m, size_t i)
{
	return i < m->count ? m->entries[i].key : NULL;
}

size_t
wq_meta_nvalues(const wq_meta *m, size_t i)
{
	return i < m->count ? m->entries[i].nvalues : 0;
}

const char *
wq_meta_value(const wq_meta *m, size_t i, size_t j)
{
	if (i >= m->count || j >= m->entries[i].nvalues)
		return NULL;
	return m->entries[i].values[j];
}

int
wq_meta_is_list(const wq_meta *m, size_t i)
{
	return i < m->count && m->entries[i].is_list;
}

long
wq_meta_find(const wq_meta *m, const char *key)
{
	size_t i;

	if (m && m->slots) {
		i = m->slots[slot_of(m, key)];
		return i ? (long)i - 1 : -1;
	}
	for (i = 0; m && i < m->count; i++)
		if (strcmp(m->entries[i].key, key) == 0)
			return (long)i;
	return -1;
}

const char *
wq_meta_get(const wq_meta *m, const char *key)
{
	long i = wq_meta_find(m, key);

	return i < 0 ? NULL : wq_meta_value(m, (size_t)i, 0);
}

static struct meta_entry *
entry(wq_meta *m, const char *key)
{
	long i = wq_meta_find(m, key);
	struct meta_entry *e;

	if (i >= 0)
		return &m->entries[i];
	if (m->count == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 8;
		m->entries = wq_xrealloc(m->entries, m->cap * sizeof(*e));
	}
	e = &m->entries[m->count++];
	memset(e, 0, sizeof(*e));
	e->key = arena_strdup(m->arena, key);
	if (m->slots && 2 * m->count <= m->nslots)
		m->slots[slot_of(m, key)] = m->count;
	else if (m->count > SCAN_MAX)
		reindex(m);
	return e;
}

static void
push(wq_meta *m, struct meta_entry *e, const char *value)
{
	if (e->nvalues == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 2;
		e->values = wq_xrealloc(e->values, e->cap * sizeof(char *));
	}
	e->values[e->nvalues++] = arena_strdup(m->arena, value);
}

void
wq_meta_set(wq_meta *m, const char *key, const char *value)
{
	struct meta_entry *e = entry(m, key);

	e->nvalues = 0;
	e->is_list = 0;
	push(m, e, value);
}

void
wq_meta_add(wq_meta *m, const char *key, const char *value)
{
	struct meta_entry *e = entry(m, key);

	e->is_list = 1;
	push(m, e, value);
}

void
wq_meta_remove(wq_meta *m, const char *key)
{
	long i = wq_meta_find(m, key);

	if (i < 0)
		return;
	free(m->entries[i].values);
	memmove(&m->entries[i], &m->entries[i + 1],
	    (m->count - (size_t)i - 1) * sizeof(m->entries[0]));
	m->count--;
	if (m->slots)
		reindex(m);
}

void
wq_meta_merge(wq_meta *to, const wq_meta *from, int replace)
{
	size_t i, j;

	for (i = 0; from && i < from->count; i++) {
		const struct meta_entry *e = &from->entries[i];

		if (!replace && wq_meta_find(to, e->key) >= 0)
			continue;
		wq_meta_remove(to, e->key);
		for (j = 0; j < e->nvalues; j++) {
			if (e->is_list)
				wq_meta_add(to, e->key, e->values[j]);
			else
				wq_meta_set(to, e->key, e->values[j]);
		}
	}
}
