/*
 * unclosed.c - raw HTML that would swallow the rest of a text.
 *
 * CommonMark ends a "<script>", "<style>", "<pre>" or "<textarea>" block
 * only at its closing tag, and a comment only at "-->": a lone "<script>"
 * line or an unclosed "<!--" makes everything after it raw HTML, which
 * the html reader then drops. Such an opening line is escaped before
 * cmark reads the text, so it is kept as text and the rest as Markdown,
 * with a warning.
 */
#include "markdown.h"

#include <string.h>
#include <strings.h>

static const struct {
	const char *open, *close;
	int tag; /* the opener is a tag name: a space, '>' or the end follows */
} raw[] = {
	{ "<script", "</script>", 1 },
	{ "<style", "</style>", 1 },
	{ "<pre", "</pre>", 1 },
	{ "<textarea", "</textarea>", 1 },
	{ "<!--", "-->", 0 },
	{ "<?", "?>", 0 },
	{ "<![CDATA[", "]]>", 0 },
};

/* Whether s[0, len) holds 'needle', ignoring ASCII case (every closer
 * starts with a sign: its first byte has no case). */
static int
holds(const char *s, size_t len, const char *needle)
{
	const char *end = s + len, *p;
	size_t n = strlen(needle);

	for (p = s; (size_t)(end - p) >= n &&
	     (p = memchr(p, needle[0], (size_t)(end - p))) != NULL &&
	     (size_t)(end - p) >= n;
	     p++)
		if (strncasecmp(p, needle, n) == 0)
			return 1;
	return 0;
}

/* The raw kind whose opener starts line l[0, end), or -1. */
static int
opener(const char *l, size_t end)
{
	size_t i = 0, k, n;

	while (i < 3 && i < end && l[i] == ' ')
		i++;
	for (k = 0; k < sizeof(raw) / sizeof(raw[0]); k++) {
		n = strlen(raw[k].open);
		if (end - i < n || strncasecmp(l + i, raw[k].open, n) != 0)
			continue;
		if (!raw[k].tag || i + n == end || l[i + n] == ' ' ||
		    l[i + n] == '>' || l[i + n] == '\t')
			return (int)k;
	}
	return -1;
}

size_t
md_code_fence(const char *s, size_t len, char *ch)
{
	size_t i = 0, n = 0;

	while (i < 3 && i < len && s[i] == ' ')
		i++;
	if (i >= len || (s[i] != '`' && s[i] != '~'))
		return 0;
	*ch = s[i];
	while (i + n < len && s[i + n] == *ch)
		n++;
	return n >= 3 ? n : 0;
}

int
md_unclosed_html(
    const char *s, size_t len, struct wq_buf *out, wq_read_ctx *ctx)
{
	size_t i, next, line = 1, copied = 0, fence = 0, n;
	int found = 0, k;
	char fch = 0, ch;

	for (i = 0; i < len; i = next, line++) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;

		next = nl ? end + 1 : len;
		if ((n = md_code_fence(s + i, end - i, &ch)) != 0) {
			if (fence == 0) /* code shows HTML: not raw HTML */
				fence = n, fch = ch;
			else if (ch == fch && n >= fence)
				fence = 0;
			continue;
		}
		if (fence || (s[i] != '<' && s[i] != ' '))
			continue;
		if ((k = opener(s + i, end - i)) < 0 ||
		    holds(s + i, len - i, raw[k].close))
			continue;
		if (!found)
			wq_buf_reserve(out, len + 16);
		found = 1;
		wq_buf_put(out, s + copied, i - copied);
		while (s[i] == ' ')
			wq_buf_putc(out, s[i++]);
		wq_buf_putc(out, '\\'); /* "\<script>": text */
		copied = i;
		wq_read_warn(ctx, line, 1, "unclosed-html",
		    "%s is never closed: kept as text, so the rest of the "
		    "text is not swallowed",
		    raw[k].open);
	}
	if (found)
		wq_buf_put(out, s + copied, len - copied);
	return found;
}
