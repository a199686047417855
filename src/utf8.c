/*
 * utf8.c - decoding and checking UTF-8, and byte offsets to positions.
 */
#include "internal.h"
#include "swar.h"

#include <string.h>

int32_t
utf8_next(const unsigned char *s, size_t len, size_t *i)
{
	size_t k = *i, n, j;
	int32_t c = s[k];

	if (c < 0x80) {
		*i = k + 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 1, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 2, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 3, c &= 0x07;
	else
		return -1;
	if (n >= len - k)
		return -1;
	for (j = 1; j <= n; j++) {
		if ((s[k + j] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[k + j] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 2 && c < 0x800) || (n == 3 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return -1;
	*i = k + n + 1;
	return c;
}

static int
is_noncharacter(int32_t c)
{
	return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* How many of the 8 bytes at 's' (a character's first) surely are UTF-8
 * that XML allows, printable ASCII and two-byte characters, so mixed
 * text goes eight bytes a step: 8; 7 when the last byte begins a
 * character; 0 when they need a closer look (tabs and line ends too: one
 * per line). */
static unsigned
plain8(const unsigned char *s)
{
	uint64_t w = load8(s), leads;
	unsigned n = two_byte8(w, &leads);
	uint64_t ascii_ok = ((w & BYTES8(0x7F)) + BYTES8(0x80 - 0x20)) | w;

	/* Leads not C0 or C1 (overlong), no ASCII control. */
	if (n == 0 || leads_from8(w, leads, 2) != leads ||
	    (ascii_ok & BYTES8(0x80)) != BYTES8(0x80))
		return 0;
	return n;
}

long
utf8_check(const unsigned char *s, size_t len, const char **why)
{
	size_t i = 0;

	while (i < len) {
		size_t at = i;
		int32_t c;
		unsigned n;

		/* Most text is ASCII or two-byte Arabic: skip it quickly. */
		if (len - i >= 8 && (n = plain8(s + i)) != 0) {
			i += n;
			continue;
		}
		if (s[i] < 0x80) {
			if (s[i] >= 0x20 || s[i] == '\n' || s[i] == '\t' ||
			    s[i] == '\r') {
				i++;
				continue;
			}
		} else if (s[i] >= 0xC2 && s[i] <= 0xDF && len - i >= 2 &&
		    (s[i + 1] & 0xC0) == 0x80) {
			/* Two bytes, U+0080-07FF: valid, and no C0 control. */
			i += 2;
			continue;
		}
		if (s[i] == 0) {
			*why = "NUL byte (is this a UTF-16 or binary file?)";
			return (long)at;
		}
		c = utf8_next(s, len, &i);
		if (c < 0) {
			*why = "invalid UTF-8";
			return (long)at;
		}
		/* XML 1.0 allows DEL and the C1 controls (HTML does not: its
		 * serializer writes U+FFFD for them, buf.c), not C0 ones. */
		if (c < 0x20) {
			*why = "control character not allowed in XML 1.0";
			return (long)at;
		}
		if (is_noncharacter(c)) {
			*why = "Unicode noncharacter";
			return (long)at;
		}
	}
	return -1;
}

const char *
wq_text_refused(const char *s, size_t len)
{
	const char *why = NULL;

	if (s && utf8_check((const unsigned char *)s, len, &why) >= 0)
		return why;
	return NULL;
}

void
text_position(
    const char *data, size_t off, unsigned long *line, unsigned long *col)
{
	const char *p = data, *end = data + off, *nl;
	unsigned long l = 1;

	while ((nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		l++;
		p = nl + 1;
	}
	*line = l;
	*col = (unsigned long)(end - p) + 1;
}
