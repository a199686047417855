/*
 * heap.c - memory for a conversion, asked for in one piece.
 *
 * On the virtual machines builds run on, a page fault costs about 10 us,
 * and a conversion touches a few pages per kilobyte of input: for the
 * seeds a fifth of the run, for a 10 MB text 100 ms. Asking the kernel
 * to populate the memory in one call (MADV_POPULATE_WRITE, Linux 5.14)
 * costs a fifth of that per page, and less again where it can back it
 * with huge pages. So before a conversion the program takes a block the
 * size the conversion will at least need from malloc, has it populated,
 * and frees it: with trimming off, glibc keeps it as the top of the heap,
 * and the conversion's allocations are carved from pages already there.
 * A batch (several threads) only keeps what it frees, for the next text.
 * Where any of this is missing, the conversion runs as before.
 */
#include "cli.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Heap per byte of input: a little over what conversions use at their
 * peak, so the block is used and the peak rises little if at all. The
 * leaner model (64-byte leaves, pieces freed as mapped) needs 2.8 times
 * the input for the Arabic benchmark texts (massif: 28 MB for 10 MB to
 * HTML), 5 for plain English, 20 for pandoc's test document; at 4 the
 * block was a third more than the conversion touched (10 MB to HTML:
 * 44 -> 34 MB peak, 100 MB: 396 -> 298 MB, the same time). */
#define HEAP_PER_BYTE 3
/* What every conversion allocates whatever its size: output buffers (the
 * writer's 80 KB, the output file's 64 KB), cmark's parser, the first
 * arena chunks. */
#define HEAP_BASE (512 * 1024)
#define HEAP_MAX ((size_t)2 << 30)

void
heap_prepare(const char **inputs, size_t ninputs, int populate)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
	size_t total = 0, want, i;
	uintptr_t from, to;
	long page = sysconf(_SC_PAGESIZE);
	char *block;

	/* Keep freed memory for the next allocation (no trimming), and take
	 * blocks up to 32 MB (glibc's most) from the heap, not from mmap: in
	 * a batch, each text's memory was given back and faulted in again
	 * for the next, and with two threads every munmap made the other
	 * CPU flush its TLB. */
	if (!mallopt(M_TRIM_THRESHOLD, INT32_MAX) ||
	    !mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) || !populate)
		return;
	for (i = 0; i < ninputs; i++) {
		struct stat st;

		int rc = strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &st)
						     : stat(inputs[i], &st);

		if (rc == 0 && S_ISREG(st.st_mode))
			total += (size_t)st.st_size;
	}
	if (total == 0 || page <= 0)
		return;
	want =
	    total > HEAP_MAX / HEAP_PER_BYTE ? HEAP_MAX : total * HEAP_PER_BYTE;
	want += HEAP_BASE;
	/* One thread: every block from the heap, so they all reuse it. */
	if (!mallopt(M_MMAP_MAX, 0))
		return;
	if ((block = malloc(want)) == NULL)
		return;
	from =
	    ((uintptr_t)block + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
	to = ((uintptr_t)block + want) & ~((uintptr_t)page - 1);
	if (to > from) {
#ifdef MADV_HUGEPAGE
		madvise((void *)from, to - from, MADV_HUGEPAGE);
#endif
		madvise((void *)from, to - from, MADV_POPULATE_WRITE);
	}
	free(block);
#else
	(void)inputs;
	(void)ninputs;
	(void)populate;
#endif
}
