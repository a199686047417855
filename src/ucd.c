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

enum ucd_kind
ucd_kind_of(int32_t c, enum ucd_class cl)
{
	if (cl == UCD_L)
		return c < 0x80 || (c >= 0xC0 && c <= 0x24F) ||
			(c >= 0x1E00 && c <= 0x1EFF)
		    ? UCD_K_LATN
		    : UCD_K_OTHER_L;
	if (cl != UCD_R)
		return UCD_K_NONE;
	if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
	    (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
	    (c >= 0xFE70 && c <= 0xFEFF)) {
		/* Letters proper to Urdu (ٹ ڈ ڑ ں ھ ہ ۃ ے ۓ), then to Persian
		 * (and Urdu: پ چ ژ ک گ ی). */
		if (c == 0x0679 || c == 0x0688 || c == 0x0691 || c == 0x06BA ||
		    c == 0x06BE || c == 0x06C1 || c == 0x06C3 || c == 0x06D2 ||
		    c == 0x06D3)
			return UCD_K_UR;
		if (c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF ||
		    c == 0x06A9 || c == 0x06CC)
			return UCD_K_FA;
		return UCD_K_ARAB;
	}
	if ((c >= 0x0590 && c <= 0x05FF) || (c >= 0xFB1D && c <= 0xFB4F))
		return UCD_K_HEBR;
	return UCD_K_OTHER_R;
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
	enum ucd_class cl = ucd_class_icu(c);
	unsigned v = UCD_FILLED | ucd_nfc_icu(c) | (unsigned)cl << 9 |
	    (unsigned)ucd_kind_of(c, cl) << 12;

	atomic_store_explicit(&ucd_cache[c], (uint16_t)v, memory_order_relaxed);
	return v;
}
