/*
 * buf.c - the growable byte buffer writers build their output in.
 */
#include "internal.h"

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

void
buf_escape(struct wq_buf *b, const char *s, size_t len, int quotes)
{
	size_t i, run = 0;

	for (i = 0; i < len; i++) {
		const char *rep;

		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = quotes ? "&quot;" : NULL; break;
		case '\'': rep = quotes ? "&#39;" : NULL; break;
		/* DEL and the C1 controls (U+0080-009F) are legal XML but
		 * forbidden in HTML, the only user of this escaper: U+FFFD
		 * stands in for them (TEI and Markdown keep them). */
		case 0x7F: rep = "\xEF\xBF\xBD"; break;
		case (char)0xC2:
			rep = i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
				(unsigned char)s[i + 1] <= 0x9F
			    ? "\xEF\xBF\xBD"
			    : NULL;
			break;
		default: rep = NULL;
		}
		if (rep == NULL)
			continue;
		wq_buf_put(b, s + run, i - run);
		wq_buf_puts(b, rep);
		run = i + 1 + ((unsigned char)s[i] == 0xC2);
		i = run - 1;
	}
	wq_buf_put(b, s + run, len - run);
}

void
wq_buf_put_xml(struct wq_buf *b, const char *s, size_t len)
{
	buf_escape(b, s, len, 1);
}
