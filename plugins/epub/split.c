/*
 * split.c - a text as reader-sized content documents. Reading systems
 * (Kindle, Apple Books, older Readium) slow down or fail on documents of
 * more than a few hundred KB, and an OpenITI book is megabytes: a text is
 * cut before its headings once a piece has grown past SOFT bytes, and
 * before any block that would take it past HARD. --split-level N also
 * cuts before every heading of level N or above. A text with footnotes
 * stays whole, so its marks and notes are in one document.
 */
#include "epub.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SOFT (100 * 1000)
#define HARD (250 * 1000)

/* About what a block weighs as XHTML: its text, and some markup per node. */
static size_t
weight(const wq_node *n)
{
	const wq_node *c;
	size_t w = 16 + wq_node_literal_len(n);

	for (c = wq_node_first_child(n); c; c = wq_node_next(c))
		w += weight(c);
	return w;
}

static int
has_notes(const wq_node *sec)
{
	const wq_node *last = wq_node_last_child(sec);

	return last && wq_node_type_of(last) == WQ_NODE_FOOTNOTE;
}

static void
add_piece(struct book *bk, const wq_node *first, size_t section, unsigned part)
{
	if (bk->npieces == bk->cappieces) {
		bk->cappieces = bk->cappieces ? 2 * bk->cappieces : 64;
		bk->pieces = wq_xrealloc(
		    bk->pieces, bk->cappieces * sizeof(*bk->pieces));
	}
	bk->pieces[bk->npieces].first = first;
	bk->pieces[bk->npieces].section = section;
	bk->pieces[bk->npieces++].part = part;
}

static int
by_block(const void *a, const void *b)
{
	const struct place *x = a, *y = b;

	return (x->block > y->block) - (x->block < y->block);
}

/* Node 'n' (a text or its top-level block) is in the last piece. */
static void
add_place(struct book *bk, const wq_node *n, size_t *cap)
{
	if (bk->nplaces == *cap) {
		*cap = *cap ? 2 * *cap : 1024;
		bk->places =
		    wq_xrealloc(bk->places, *cap * sizeof(*bk->places));
	}
	bk->places[bk->nplaces].block = n;
	bk->places[bk->nplaces++].piece = bk->npieces - 1;
}

int
epub_split(struct book *bk)
{
	const char *v = wq_opts_get(bk->opts, "split-level");
	size_t i, n = wq_doc_section_count(bk->doc), cap = 0;
	int level = 0;

	if (v && (v[0] < '1' || v[0] > '6' || v[1] != '\0'))
		return wq_err_set(bk->err, WQ_EUSAGE, NULL, 0, 0,
		    "split-level takes a heading level, 1 to 6, not '%s'", v);
	if (v)
		level = v[0] - '0';
	for (i = 0; i < n; i++) {
		const wq_node *sec = wq_doc_section(bk->doc, i), *c;
		size_t size = 0;
		unsigned part = 1;
		int whole = has_notes(sec);

		add_piece(bk, wq_node_first_child(sec), i, part);
		/* The text itself is in its first piece: the section is a
		 * place too (looked up once per text, by pointer as blocks
		 * are; a scan of the pieces was quadratic in the texts). */
		add_place(bk, sec, &cap);
		for (c = wq_node_first_child(sec); c; c = wq_node_next(c)) {
			size_t w = weight(c);
			int heading = wq_node_type_of(c) == WQ_NODE_HEADING;

			if (!whole && size > 0 &&
			    ((heading && level &&
				 wq_node_heading_level(c) <= level) ||
				(heading && size > SOFT) || size + w > HARD)) {
				add_piece(bk, c, i, ++part);
				size = 0;
			}
			size += w;
			add_place(bk, c, &cap);
		}
	}
	if (bk->nplaces)
		qsort(bk->places, bk->nplaces, sizeof(*bk->places), by_block);
	return 0;
}

void
epub_split_free(struct book *bk)
{
	free(bk->pieces);
	free(bk->places);
}

void
epub_piece_name(const struct piece *p, char name[32])
{
	if (p->part == 1)
		snprintf(name, 32, "ch%03zu.xhtml", p->section + 1);
	else
		snprintf(name, 32, "ch%03zu-%u.xhtml", p->section + 1, p->part);
}

const struct piece *
epub_piece_of(const struct book *bk, const wq_node *n)
{
	const wq_node *sec = wq_node_section(n), *top = n;
	struct place key, *hit;

	if (sec == NULL)
		return NULL;
	while (top != sec && wq_node_parent(top) != sec)
		top = wq_node_parent(top);
	key.block = top;
	hit = bk->nplaces ? bsearch(&key, bk->places, bk->nplaces,
				sizeof(*bk->places), by_block)
			  : NULL;
	return hit ? &bk->pieces[hit->piece] : NULL;
}
