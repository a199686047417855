/*
 * swar.h - eight bytes of UTF-8 at once, in a 64-bit word ("SIMD within a
 * register"), for the loops that pass over every byte of a text.
 *
 * A mask has bit 7 of a byte set to say something of that byte, the
 * first byte of the eight lowest on every machine. Where a byte is
 * compared with a bound, its low 7 bits are added to so that bit 7 is
 * set exactly when it is over the bound; such sums never carry into the
 * next byte.
 */
#ifndef WQ_SWAR_H
#define WQ_SWAR_H

#include <stdint.h>
#include <string.h>

/* Byte 'b' in each of the eight bytes of a word. */
#define BYTES8(b) (UINT64_C(0x0101010101010101) * (uint8_t)(b))

static inline uint64_t
load8(const unsigned char *s)
{
	uint64_t w;

	memcpy(&w, s, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

/* How many bytes of mask 'm' are set (one multiplication sums them into
 * the top byte: GCC calls a library function for a popcount on x86-64
 * without -mpopcnt). */
static inline unsigned
count8(uint64_t m)
{
	return (unsigned)(((m >> 7) * BYTES8(1)) >> 56);
}

/* The ASCII letters, either case, among the bytes of 'w'. */
static inline uint64_t
ascii_letters8(uint64_t w)
{
	uint64_t folded = (w & BYTES8(0x7F)) | BYTES8(0x20);

	return (folded + BYTES8(0x80 - 'a')) &
	    ~(folded + BYTES8(0x80 - 'z' - 1)) & ~w & BYTES8(0x80);
}

/* Whether word 'w' (8 bytes from a character's first) holds only ASCII
 * and whole two-byte characters (U+0080-07FF: Arabic, Hebrew, Greek,
 * Cyrillic, accented Latin): 8, or 7 when the last byte is a lead byte
 * (its character is looked at in the next step); 0 if not. *leads gets
 * the lead bytes, the last one included. The leads are 110xxxxx, but
 * may be the overlong C0 and C1. */
static inline unsigned
two_byte8(uint64_t w, uint64_t *leads)
{
	uint64_t hi = w & BYTES8(0x80);
	uint64_t lead = hi & w << 1;	  /* 11xxxxxx */
	uint64_t follow = hi & ~(w << 1); /* 10xxxxxx */
	uint64_t last = lead & (uint64_t)0x80 << 56;

	if (follow != (lead ^ last) << 8 || (lead & w << 2) != 0)
		return 0;
	*leads = lead;
	return last ? 7 : 8;
}

/* The lead bytes in 'leads' whose low five bits are at least 'min' (the
 * lead byte 0xC0 | min and above). */
static inline uint64_t
leads_from8(uint64_t w, uint64_t leads, unsigned min)
{
	return leads & ((w & BYTES8(0x1F)) + BYTES8(0x80 - min));
}

#endif
