/*
 * utf8.c - decoding and checking UTF-8, and byte offsets to positions.
 */
#include "internal.h"

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

/* Whether none of the 8 bytes of 'w' is past ASCII or below ' ' (DEL is
 * allowed): such a word needs no closer look. */
static int
printable_ascii8(uint64_t w)
{
	const uint64_t high = 0x8080808080808080u, spaces = 0x2020202020202020u;

	return ((w | (w - spaces)) & high) == 0;
}

/* Whether the 8 bytes at 's' are four two-byte characters (U+0080-07FF:
 * Arabic, Hebrew, Greek, Cyrillic, accented Latin), lead byte first:
 * leads 110xxxxx but not C0 or C1 (overlong), followers 10xxxxxx. */
static int
two_byte4(const unsigned char *s)
{
	const uint64_t pairs = 0x0101010101010101u; /* a byte each */
	const uint64_t leads = 0x0001000100010001u; /* bytes 0, 2, 4, 6 */
	uint64_t w;

	memcpy(&w, s, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w); /* the masks count bytes from the first */
#endif
	return (w & pairs * 0xC0) == (leads * 0xC0 | pairs * 0x80) &&
	    (w & leads * 0x20) == 0 &&
	    (((w & leads * 0x1E) + leads * 0x7F) & leads * 0x80) == leads * 0x80;
}

long
utf8_check(const unsigned char *s, size_t len, const char **why)
{
	size_t i = 0;

	while (i < len) {
		size_t at = i;
		int32_t c;

		/* Most text is ASCII or two-byte Arabic: skip it quickly. */
		if (s[i] < 0x80) {
			uint64_t w = 0; /* fails the test below */

			if (len - i >= 8)
				memcpy(&w, s + i, 8);
			if (printable_ascii8(w)) {
				i += 8;
				continue;
			}
			if (s[i] >= 0x20 || s[i] == '\n' || s[i] == '\t' ||
			    s[i] == '\r') {
				i++;
				continue;
			}
		} else if (len - i >= 8 && two_byte4(s + i)) {
			i += 8;
			continue;
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
