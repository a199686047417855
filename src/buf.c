/*
 * buf.c - the growable byte buffer writers build their output in.
 */
#include "internal.h"
#include "swar.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
wq_buf_init(struct wq_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
wq_buf_free(struct wq_buf *b)
{
	free(b->data);
	wq_buf_init(b);
}

static void
grow(struct wq_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	b->cap = b->cap ? b->cap : 256;
	while (b->cap < need)
		b->cap *= 2;
	b->data = wq_xrealloc(b->data, b->cap);
}

void
wq_buf_reserve(struct wq_buf *b, size_t cap)
{
	if (cap > b->cap) {
		b->cap = cap;
		b->data = wq_xrealloc(b->data, cap);
	}
}

void
wq_buf_put(struct wq_buf *b, const void *data, size_t len)
{
	grow(b, len);
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
wq_buf_puts(struct wq_buf *b, const char *s)
{
	wq_buf_put(b, s, strlen(s));
}

void
wq_buf_putc(struct wq_buf *b, int c)
{
	grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void
wq_buf_printf(struct wq_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Bytes buf_escape() stops at: 1 always, 2 only with 'quotes'. */
static const unsigned char escaped[256] = {
	['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 2, ['\''] = 2,
	[0x7F] = 1, [0xC2] = 1,
};

/* Nonzero when a byte of 'w' is 'c' (the classic test for a zero byte:
 * exact for "any", not for which). */
static uint64_t
has_byte8(uint64_t w, unsigned char c)
{
	w ^= BYTES8(c);
	return (w - BYTES8(1)) & ~w & BYTES8(0x80);
}

/* Whether one of the 8 bytes at 's' is one buf_escape() stops at. */
static int
may_stop8(const unsigned char *s, int quotes)
{
	uint64_t w = load8(s);
	uint64_t hit = has_byte8(w, '&') | has_byte8(w, '<') |
	    has_byte8(w, '>') | has_byte8(w, 0x7F) | has_byte8(w, 0xC2);

	if (quotes)
		hit |= has_byte8(w, '"') | has_byte8(w, '\'');
	return hit != 0;
}

void
buf_escape(struct wq_buf *b, const char *s, size_t len, int quotes)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned stop = quotes ? 2 : 1;
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		const char *rep;

		/* Eight bytes a step where none is to be escaped: most. */
		while (len - i >= 8 && !may_stop8(u + i, quotes))
			i += 8;
		if (i == len)
			break;

		/* A table, not a switch: a switch cost 5% of 10 MB to HTML. */
		if (escaped[u[i]] == 0 || escaped[u[i]] > stop)
			continue;
		switch (u[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		/* DEL and the C1 controls (U+0080-009F) are legal XML but
		 * forbidden in HTML, the only user of this escaper: U+FFFD
		 * stands in for them (TEI and Markdown keep them). */
		case 0x7F: rep = "\xEF\xBF\xBD"; break;
		default: /* 0xC2 */
			rep = i + 1 < len && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F
			    ? "\xEF\xBF\xBD"
			    : NULL;
		}
		if (rep == NULL)
			continue;
		wq_buf_put(b, s + run, i - run);
		wq_buf_puts(b, rep);
		run = i + 1 + (u[i] == 0xC2);
		i = run - 1;
	}
	wq_buf_put(b, s + run, len - run);
}

void
wq_buf_put_xml(struct wq_buf *b, const char *s, size_t len)
{
	buf_escape(b, s, len, 1);
}
