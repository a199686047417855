/*
 * opts.c - writer options, handed by the host to every plugin.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct wq_opts {
	char **keys, **values;
	size_t n, cap;
	long long epoch;
	wq_warn_fn warn;
	void *warn_arg;
};

wq_opts *
wq_opts_new(void)
{
	wq_opts *o = wq_xcalloc(1, sizeof(*o));

	o->epoch = -1;
	return o;
}

void
wq_opts_free(wq_opts *o)
{
	size_t i;

	if (o == NULL)
		return;
	for (i = 0; i < o->n; i++) {
		free(o->keys[i]);
		free(o->values[i]);
	}
	free(o->keys);
	free(o->values);
	free(o);
}

void
wq_opts_add(wq_opts *o, const char *key, const char *value)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 8;
		o->keys = wq_xrealloc(o->keys, o->cap * sizeof(char *));
		o->values = wq_xrealloc(o->values, o->cap * sizeof(char *));
	}
	o->keys[o->n] = wq_xstrdup(key);
	o->values[o->n++] = wq_xstrdup(value);
}

void
wq_opts_set_epoch(wq_opts *o, long long epoch)
{
	o->epoch = epoch;
}
long long
wq_opts_epoch(const wq_opts *o)
{
	return o ? o->epoch : -1;
}

void
wq_opts_set_warn(wq_opts *o, wq_warn_fn warn, void *arg)
{
	o->warn = warn;
	o->warn_arg = arg;
}

size_t
wq_opts_count(const wq_opts *o, const char *key)
{
	size_t i, n = 0;

	for (i = 0; o && i < o->n; i++)
		n += strcmp(o->keys[i], key) == 0;
	return n;
}

const char *
wq_opts_nth(const wq_opts *o, const char *key, size_t j)
{
	size_t i;

	for (i = 0; o && i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0 && j-- == 0)
			return o->values[i];
	return NULL;
}

const char *
wq_opts_get(const wq_opts *o, const char *key)
{
	return wq_opts_nth(o, key, 0);
}

int
wq_opts_flag(const wq_opts *o, const char *key)
{
	const char *v = wq_opts_get(o, key);

	return v && strcmp(v, "0") != 0 && strcmp(v, "false") != 0 &&
	    strcmp(v, "no") != 0;
}

void
wq_opts_warn(const wq_opts *o, const char *file, unsigned long line,
    unsigned long col, const char *code, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (o == NULL || o->warn == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	o->warn(o->warn_arg, file, line, col, code, msg);
}

void
wq_opts_warn_unused_meta(
    const wq_opts *o, const wq_doc *doc, const char *writer, const char *used)
{
	const wq_meta *m = wq_doc_meta(doc);
	size_t i, n = wq_meta_count(m);

	for (i = 0; i < n; i++) {
		const char *key = wq_meta_key(m, i);
		size_t len = strcspn(key, ".");

		if (wq_word_in("title lang dir", key, len) ||
		    wq_word_in(used, key, len))
			continue;
		wq_opts_warn(o, NULL, 0, 0, "metadata-unused",
		    "-M %s: the %s writer has no place for it (tei and "
		    "markdown keep every key)",
		    key, writer);
	}
}
