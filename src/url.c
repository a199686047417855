/*
 * url.c - URLs as writers put them in attributes: percent-encoded where
 * the checkers readers' files meet (the Nu HTML checker, jing's anyURI)
 * would reject a byte, and nowhere else.
 */
#include "internal.h"

#include <string.h>

static int
is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* Where the host of "scheme://host/..." ends, or 0 when 'url' names no
 * host: only there may brackets stand (an IPv6 address). */
static size_t
host_end(const char *url)
{
	size_t i = 0;

	if (!((url[0] | 0x20) >= 'a' && (url[0] | 0x20) <= 'z'))
		return 0;
	while (url[i] && (strchr("+-.", url[i]) ||
			     ((url[i] | 0x20) >= 'a' && (url[i] | 0x20) <= 'z') ||
			     (url[i] >= '0' && url[i] <= '9')))
		i++;
	if (url[i] != ':' || url[i + 1] != '/' || url[i + 2] != '/')
		return 0;
	return i + 3 + strcspn(url + i + 3, "/?#");
}

static void
encode(struct wq_buf *out, const char *url, int html)
{
	const unsigned char *p = (const unsigned char *)url;
	size_t i, host = host_end(url);
	int in_fragment = 0;

	for (i = 0; p[i]; i++) {
		unsigned char c = p[i];
		int bad = c <= ' ' || c >= 0x7F || strchr("<>\"{}|\\^`", c);

		/* "50%" and "[owner]/[repo]" in a path, a second '#': each
		 * makes the whole URL invalid to the checkers. */
		if (c == '%')
			bad = !(is_hex(p[i + 1]) && is_hex(p[i + 2]));
		else if (c == '[' || c == ']')
			bad = i >= host;
		else if (c == '#') {
			bad = in_fragment;
			in_fragment = 1;
		}
		if (bad)
			wq_buf_printf(out, "%%%02X", c);
		else if (html && c == '&')
			wq_buf_puts(out, "&amp;");
		else if (html && c == '\'')
			wq_buf_puts(out, "&#39;");
		else
			wq_buf_putc(out, (char)c);
	}
}

void
wq_url_encode(struct wq_buf *out, const char *url)
{
	encode(out, url, 0);
}

void
wq_html_put_url(struct wq_buf *out, const char *url)
{
	encode(out, url, 1);
}
