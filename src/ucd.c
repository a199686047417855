/*
 * ucd.c - the Unicode properties the per-character loops ask for: the
 * direction class, the canonical combining class and NFC's quick check.
 *
 * They come from ICU. For U+0000-07FF (ASCII, Latin, Greek, Cyrillic,
 * Hebrew, Arabic: nearly every character of the texts this tool is for)
 * each is asked once and kept, so the loops read an array instead of
 * making three to six calls into ICU per character.
 */
#include "internal.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>

/* Bits of an entry: combining class, NFC quick check, direction class,
 * and whether the entry is filled. Entries are filled on first use by
 * whichever thread gets there; all compute the same value. */
_Atomic uint16_t ucd_cache[UCD_CACHED];

/* Whether a neutral belongs to a right-to-left script, by its script or
 * its script extensions (the Arabic comma is Common, used by Arabic). */
static int
rtl_script(int32_t c)
{
	return uscript_hasScript(c, USCRIPT_ARABIC) ||
	    uscript_hasScript(c, USCRIPT_HEBREW) ||
	    uscript_hasScript(c, USCRIPT_SYRIAC) ||
	    uscript_hasScript(c, USCRIPT_THAANA);
}

enum ucd_class
ucd_class_icu(int32_t c)
{
	if (c < 0x80) {
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			return UCD_L;
		return c >= '0' && c <= '9' ? UCD_DIGIT : UCD_NEUTRAL;
	}
	switch (u_charDirection(c)) {
	case U_LEFT_TO_RIGHT: return UCD_L;
	case U_RIGHT_TO_LEFT:
	case U_RIGHT_TO_LEFT_ARABIC: return UCD_R;
	case U_ARABIC_NUMBER: return UCD_RSCRIPT;
	case U_EUROPEAN_NUMBER:
		/* Extended Arabic-Indic digits are EN but belong to Arabic. */
		return c >= 0x06F0 && c <= 0x06F9 ? UCD_RSCRIPT : UCD_DIGIT;
	default: return rtl_script(c) ? UCD_RSCRIPT : UCD_NEUTRAL;
	}
}

unsigned
ucd_nfc_icu(int32_t c)
{
	unsigned v = u_getCombiningClass(c);

	if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES)
		v |= UCD_NFC_YES;
	return v;
}

unsigned
ucd_fill(int32_t c)
{
	unsigned v =
	    UCD_FILLED | ucd_nfc_icu(c) | (unsigned)ucd_class_icu(c) << 9;

	atomic_store_explicit(&ucd_cache[c], (uint16_t)v, memory_order_relaxed);
	return v;
}
