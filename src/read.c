/*
 * read.c - what the core gives a reader plugin while it reads: its file
 * name, line mapping and warnings, and the other readers it may hand a
 * fragment to; and the choice of a reader for a text.
 */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A reader handing text to a reader handing text to... stops here. */
#define MAX_HANDOFFS 8
#define PROBE_BYTES 4096

int
wq_word_in(const char *list, const char *word, size_t len)
{
	const char *p = list;

	while (p && *p) {
		size_t n;

		while (*p == ' ')
			p++;
		n = strcspn(p, " ");
		if (n && n == len && strncasecmp(p, word, len) == 0)
			return 1;
		p += n;
	}
	return 0;
}

const char *
wq_read_file(const wq_read_ctx *ctx)
{
	return ctx->file;
}

const char *
wq_read_format(const wq_read_ctx *ctx)
{
	return ctx->format;
}

const wq_opts *
wq_read_opts(const wq_read_ctx *ctx)
{
	return ctx->opts->reader_opts;
}

unsigned long
wq_read_line(const wq_read_ctx *ctx, unsigned long line)
{
	return line ? ctx->first_line + (line - 1) / ctx->stride : 0;
}

void
wq_read_set_hints(wq_read_ctx *ctx, unsigned hints)
{
	ctx->top->hints |= hints;
}

void
wq_read_warn(wq_read_ctx *ctx, unsigned long line, unsigned long col,
    const char *code, const char *fmt, ...)
{
	struct wq_read_ctx *top = ctx->top;
	char msg[512];
	va_list ap;
	size_t i;

	if (ctx->opts->warn == NULL)
		return;
	for (i = 0; i < top->nwarned; i++)
		if (strcmp(top->warned[i], code) == 0)
			return;
	if (top->nwarned < sizeof(top->warned) / sizeof(top->warned[0]))
		snprintf(top->warned[top->nwarned++], sizeof(top->warned[0]),
		    "%s", code);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	ctx->opts->warn(ctx->opts->warn_arg, ctx->file, wq_read_line(ctx, line),
	    col, code, msg);
}

int
wq_read_error(const wq_read_ctx *ctx, struct wq_err *err, int code,
    unsigned long line, unsigned long col, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return wq_err_set(
	    err, code, ctx->file, wq_read_line(ctx, line), col, "%s", msg);
}

/* The reader called 'name', or with 'name' among its aliases. */
const struct wq_plugin *
read_find(const struct wq_load_opts *opts, const char *name)
{
	const struct wq_plugin *const *p;

	for (p = opts->readers; p && *p; p++)
		if (strcmp((*p)->name, name) == 0)
			return *p;
	for (p = opts->readers; p && *p; p++)
		if (wq_word_in((*p)->aliases, name, strlen(name)))
			return *p;
	return NULL;
}

int
wq_read_with(wq_read_ctx *ctx, const char *reader, wq_node *parent,
    const char *data, size_t len, enum wq_read_mode mode, unsigned long line,
    unsigned stride, struct wq_err *err)
{
	const struct wq_plugin *p = read_find(ctx->opts, reader);
	struct wq_read_ctx sub = *ctx;

	if (p == NULL)
		return wq_read_error(ctx, err, WQ_EPLUGIN, line, 0,
		    "no '%s' reader to read this part of the text", reader);
	if (ctx->handoffs >= MAX_HANDOFFS)
		return wq_read_error(ctx, err, WQ_EINPUT, line, 0,
		    "readers handed the text on %d times", MAX_HANDOFFS);
	sub.format =
	    reader; /* the name asked for: an alias may say a dialect */
	sub.first_line = wq_read_line(ctx, line ? line : 1);
	sub.stride = stride ? stride : 1;
	sub.handoffs = ctx->handoffs + 1;
	return p->reader->read(parent, data, len, mode, &sub, err);
}

const char *
path_extension(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash + 1 : name, '.');

	return dot && dot[1] ? dot + 1 : NULL;
}

const struct wq_plugin *
wq_load_pick_reader(const char *name, const void *data, size_t len,
    const struct wq_load_opts *opts)
{
	const struct wq_plugin *const *p, *best = NULL;
	const char *ext = name ? path_extension(name) : NULL;
	int score = 0;

	if (opts->reader)
		return read_find(opts, opts->reader);
	if (len > PROBE_BYTES)
		len = PROBE_BYTES;
	for (p = opts->readers; p && *p; p++) {
		int s =
		    (*p)->reader->probe ? (*p)->reader->probe(data, len) : 0;

		if (s > score) {
			score = s;
			best = *p;
		}
	}
	/* A format's magic line (OpenITI's) outweighs a file name. */
	if (score >= 100)
		return best;
	for (p = opts->readers; ext && p && *p; p++)
		if (wq_word_in((*p)->reader->extensions, ext, strlen(ext)))
			return *p;
	return best;
}
