/*
 * nfc.c - Unicode normalization form C with ICU (docs/design.md U1).
 *
 * Most text already is NFC, so the work is a quick check per chunk of
 * lines, on the UTF-8 itself; only a chunk that fails it goes to ICU,
 * which checks it exactly and, if it is not NFC, normalizes it. Chunks end
 * at a newline, which never combines with what precedes or follows it.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#define CHUNK 65536

/* Non-starters in a row past which a text is refused. ICU puts a run of
 * combining marks in canonical order by insertion, in time that grows
 * with the square of its length (40,000 marks: 1.2 s; Python's NFC
 * alike); no script stacks more than a few on a letter, and UAX #15's
 * stream-safe format cuts runs at 30. */
#define MAX_MARKS 128

/* UAX #15's quick check (section 9) on UTF-8, with ICU's properties:
 * 1 when the text is surely NFC, 0 when ICU must look at it. Below the
 * lead byte of U+0300, the first code point NFC can change, every code
 * point is a starter that passes. Arabic passes too, unless its marks
 * are out of canonical order (shadda before fatha) or a hamza or madda
 * follows a letter it composes with. -1, with the offset in *at, where
 * more than MAX_MARKS non-starters follow one another. */
static int
quick_check(const unsigned char *s, size_t len, size_t *at)
{
	unsigned last = 0;
	size_t i = 0, run = 0, from = 0;
	int yes = 1;

	while (i < len) {
		size_t here = i;
		unsigned v, ccc;

		if (s[i] < 0xCC) {
			i++;
			last = 0;
			run = 0;
			continue;
		}
		v = ucd_nfc(utf8_decode(s, &i));
		ccc = UCD_CCC(v);
		if (!(v & UCD_NFC_YES) || (ccc != 0 && last > ccc))
			yes = 0;
		last = ccc;
		if (ccc == 0) {
			run = 0;
		} else {
			if (run++ == 0)
				from = here;
			if (run > MAX_MARKS) {
				*at = from;
				return -1;
			}
		}
	}
	return yes;
}

struct u16buf {
	UChar *p;
	int32_t cap;
};

static UChar *
u16_reserve(struct u16buf *b, size_t n)
{
	if (n > INT32_MAX / 2)
		return NULL;
	if ((int32_t)n > b->cap) {
		b->cap = (int32_t)n;
		b->p = wq_xrealloc(b->p, (size_t)b->cap * sizeof(UChar));
	}
	return b->p;
}

int
nfc_normalize(const char *in, size_t len, char **out, size_t *outlen,
    size_t *marks_at, struct wq_err *err)
{
	UErrorCode ec = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&ec);
	struct u16buf src = { NULL, 0 }, dst = { NULL, 0 };
	struct wq_buf res;
	size_t pos = 0, done = 0; /* 'done': bytes of 'in' already in res */
	int copying = 0, rc = 0;

	*out = NULL;
	*outlen = 0;
	wq_buf_init(&res);
	if (U_FAILURE(ec))
		return wq_err_set(err, WQ_EINPUT, NULL, 0, 0,
		    "ICU normalizer unavailable: %s", u_errorName(ec));
	while (pos < len) {
		size_t end = pos + CHUNK < len ? pos + CHUNK : len;
		const char *nl;
		int32_t n16, m16, n8;

		if (end < len && (nl = memchr(in + end, '\n', len - end)))
			end = (size_t)(nl - in) + 1;
		else if (end < len)
			end = len;
		switch (quick_check(
		    (const unsigned char *)in + pos, end - pos, marks_at)) {
		case 1: goto next;
		case -1:
			*marks_at += pos;
			wq_buf_free(&res);
			free(src.p);
			free(dst.p);
			return wq_err_set(err, WQ_EINPUT, NULL, 0, 0,
			    "more than %d combining marks in a row: no script "
			    "stacks so many on a letter",
			    MAX_MARKS);
		}
		u16_reserve(&src, end - pos);
		ec = U_ZERO_ERROR;
		u_strFromUTF8(
		    src.p, src.cap, &n16, in + pos, (int32_t)(end - pos), &ec);
		if (U_FAILURE(ec))
			break;
		if (unorm2_spanQuickCheckYes(nfc, src.p, n16, &ec) == n16 &&
		    U_SUCCESS(ec))
			goto next;
		/* Normalize this chunk: keep what came before as it was. */
		if (!copying) {
			copying = 1;
			wq_buf_put(&res, in, pos);
		} else {
			wq_buf_put(&res, in + done, pos - done);
		}
		u16_reserve(&dst, (size_t)n16 * 3 + 16);
		ec = U_ZERO_ERROR;
		m16 = unorm2_normalize(nfc, src.p, n16, dst.p, dst.cap, &ec);
		if (U_FAILURE(ec))
			break;
		ec = U_ZERO_ERROR;
		u_strToUTF8(NULL, 0, &n8, dst.p, m16, &ec);
		ec = U_ZERO_ERROR;
		{
			char *tmp = wq_xmalloc((size_t)n8 + 1);

			u_strToUTF8(tmp, n8 + 1, NULL, dst.p, m16, &ec);
			wq_buf_put(&res, tmp, (size_t)n8);
			free(tmp);
		}
		if (U_FAILURE(ec))
			break;
		done = end;
	next:
		pos = end;
	}
	if (U_FAILURE(ec)) {
		rc = wq_err_set(err, WQ_EINPUT, NULL, 0, 0,
		    "normalization failed: %s", u_errorName(ec));
		wq_buf_free(&res);
	} else if (copying) {
		wq_buf_put(&res, in + done, len - done);
		*out = res.data;
		*outlen = res.len;
	}
	free(src.p);
	free(dst.p);
	return rc;
}
