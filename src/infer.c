/*
 * infer.c - metadata the seeds carry in their text rather than in front
 * matter: a title line, a source line, a publication date glued to the
 * next paragraph, and short lines that are sub-headings. Conservative, and
 * it never drops text: a title stays in the body as a heading, a date is
 * split off into a paragraph of its own.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TITLE_MAX_CHARS 100
#define SUBHEAD_MAX_CHARS 90

static size_t
count_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* The single text child of a paragraph or heading, else NULL: inference
 * only reads blocks that are plain text. */
static wq_node *
only_text(const wq_node *b)
{
	wq_node *c = wq_node_first_child(b);

	if (c && wq_node_type_of(c) == WQ_NODE_TEXT && wq_node_next(c) == NULL)
		return c;
	return NULL;
}

/* Whether text ends a sentence or a clause (so it is not a heading).
 * Question and exclamation marks are allowed: headlines ask and shout. */
static int
ends_like_prose(const char *s, size_t len)
{
	static const char *const ends[] = { ".", ",", ":", ";",
		"\xD8\x8C" /* ، */, "\xD8\x9B" /* ؛ */, "\xE2\x80\xA6" /* … */,
		"\xDB\x94" /* ۔ */, NULL };
	size_t i, n;

	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	for (i = 0; ends[i]; i++) {
		n = strlen(ends[i]);
		if (len >= n && memcmp(s + len - n, ends[i], n) == 0)
			return 1;
	}
	return 0;
}

/* If 's' starts with one of 'labels' and a colon, returns the offset of
 * what follows the colon and its spaces, else 0. */
static size_t
after_label(const char *s, size_t len, const char *const *labels)
{
	size_t i, n;

	for (i = 0; labels[i]; i++) {
		n = strlen(labels[i]);
		if (len > n + 1 && strncasecmp(s, labels[i], n) == 0 &&
		    s[n] == ':') {
			n++;
			while (n < len && s[n] == ' ')
				n++;
			return n < len ? n : 0;
		}
	}
	return 0;
}

static const char *const source_labels[] = { "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB5"
					     "\xD8\xAF\xD8\xB1" /* المصدر */,
	"Source", NULL };
static const char *const date_labels[] = { "\xD9\x86\xD8\xB4\xD8\xB1\xD8\xAA"
	/* نشرت */,
	"\xD8\xAA\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xAE \xD8\xA7\xD9\x84"
	"\xD9\x86\xD8\xB4\xD8\xB1" /* تاريخ النشر */,
	"Published", "Date", NULL };

/* Length of an ISO date YYYY-MM-DD at 's', or 0. */
static size_t
iso_date(const char *s, size_t len)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (len < 10)
		return 0;
	for (i = 0; i < 10; i++)
		if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return 0;
	if (len > 10 && s[10] >= '0' && s[10] <= '9')
		return 0;
	return 10;
}

static int
try_source(wq_node *sec, wq_node *b)
{
	wq_node *t = only_text(b);
	size_t off;

	if (t == NULL || wq_node_type_of(b) != WQ_NODE_PARAGRAPH ||
	    wq_meta_find(wq_section_meta(sec), "source") >= 0)
		return 0;
	off = after_label(
	    wq_node_literal(t), wq_node_literal_len(t), source_labels);
	if (off == 0)
		return 0;
	{
		char *v = arena_strndup(&wq_node_doc(sec)->arena,
		    wq_node_literal(t) + off, wq_node_literal_len(t) - off);

		wq_meta_set(wq_section_meta(sec), "source", v);
	}
	return WQ_INFERRED_SOURCE;
}

/* "نشرت: 2025-01-31بعد ..." : the date, then the paragraph it was glued
 * to, which becomes a paragraph of its own. */
static int
try_date(wq_node *sec, wq_node *b)
{
	wq_node *t = wq_node_first_child(b), *rest, *p;
	const char *s;
	size_t len, off, dlen, cut;
	char date[11];

	if (t == NULL || wq_node_type_of(t) != WQ_NODE_TEXT ||
	    wq_node_type_of(b) != WQ_NODE_PARAGRAPH ||
	    wq_meta_find(wq_section_meta(sec), "date") >= 0)
		return 0;
	s = wq_node_literal(t);
	len = wq_node_literal_len(t);
	if ((off = after_label(s, len, date_labels)) == 0 ||
	    (dlen = iso_date(s + off, len - off)) == 0)
		return 0;
	memcpy(date, s + off, 10);
	date[10] = '\0';
	wq_meta_set(wq_section_meta(sec), "date", date);
	cut = off + dlen;
	while (cut < len && s[cut] == ' ')
		cut++;
	if (cut < len || wq_node_next(t)) {
		p = wq_node_new(wq_node_doc(sec), WQ_NODE_PARAGRAPH);
		wq_node_set_pos(p, wq_node_line(b), wq_node_column(b) + cut);
		if (cut < len) {
			rest = wq_node_new(wq_node_doc(sec), WQ_NODE_TEXT);
			wq_node_set_literal(rest, s + cut, len - cut);
			wq_node_append(p, rest);
		}
		while (wq_node_next(t))
			wq_node_append(p, wq_node_next(t));
		wq_node_insert_after(b, p);
		wq_node_set_literal(t, s, off + dlen);
	}
	return WQ_INFERRED_DATE;
}

/* A short single-line paragraph that does not end like prose, followed
 * by more text: a heading, in a text that has no markup for one. */
static int
is_heading_line(const wq_node *b, size_t max_chars)
{
	wq_node *t = only_text(b), *next = wq_node_next(b);
	size_t n;

	if (t == NULL || wq_node_type_of(b) != WQ_NODE_PARAGRAPH ||
	    next == NULL)
		return 0;
	n = count_chars(wq_node_literal(t), wq_node_literal_len(t));
	if (n == 0 || n > max_chars)
		return 0;
	return !ends_like_prose(wq_node_literal(t), wq_node_literal_len(t));
}

/* A source or date line, which stays a paragraph. */
int
is_labelled(const wq_node *b)
{
	struct wq_buf t;
	int labelled;

	if (wq_node_type_of(b) != WQ_NODE_PARAGRAPH)
		return 0;
	/* The whole text: after the direction analysis, "المصدر: FT
	 * Chinese" is a text and a span. */
	wq_buf_init(&t);
	wq_node_text(b, &t);
	labelled = t.len &&
	    (after_label(t.data, t.len, source_labels) ||
		after_label(t.data, t.len, date_labels));
	wq_buf_free(&t);
	return labelled;
}

/* Replaces paragraph 'b' by a heading with its content and position. A
 * new node, not a changed type: a paragraph has no room for a heading's
 * id and anchor (see struct wq_node). */
static wq_node *
make_heading(wq_node *b, int level)
{
	wq_node *h = wq_node_new(b->doc, WQ_NODE_HEADING), *c;

	wq_node_set_heading_level(h, level);
	h->line = b->line, h->col = b->col;
	h->lang = b->lang, h->dir = b->dir;
	while ((c = node_first(b)) != NULL)
		wq_node_append(h, c);
	wq_node_insert_after(b, h);
	wq_node_unlink(b);
	return h;
}

void
infer_section(wq_node *sec, int line_mode)
{
	wq_meta *m = wq_section_meta(sec);
	unsigned bits = wq_section_inferred(sec);
	wq_node *b, *first = wq_node_first_child(sec);
	int i;

	/* Source and date lines come first or right after the title. */
	for (b = first, i = 0; b && i < 3; b = wq_node_next(b), i++)
		bits |=
		    (unsigned)try_source(sec, b) | (unsigned)try_date(sec, b);
	/* A source or date line is not the title. */
	if (first && !is_labelled(first) && wq_meta_find(m, "title") < 0) {
		struct wq_buf t;

		wq_buf_init(&t);
		if (wq_node_type_of(first) == WQ_NODE_HEADING) {
			wq_node_text(first, &t);
		} else if (is_heading_line(first, TITLE_MAX_CHARS)) {
			first = make_heading(first, 1);
			wq_node_text(first, &t);
		}
		if (t.len) {
			wq_meta_set(m, "title", t.data);
			bits |= WQ_INFERRED_TITLE;
		}
		wq_buf_free(&t);
	}
	/* Sub-headings: only where the text has no markup of its own. */
	if (line_mode) {
		for (b = first ? wq_node_next(first) : NULL; b;
		     b = wq_node_next(b)) {
			wq_node *next = wq_node_next(b);

			if (is_heading_line(b, SUBHEAD_MAX_CHARS) &&
			    !is_labelled(b) &&
			    wq_node_type_of(next) == WQ_NODE_PARAGRAPH) {
				b = make_heading(b, 2);
				bits |= WQ_INFERRED_HEADINGS;
			}
		}
	}
	wq_section_set_inferred(sec, bits);
}

#define INCIPIT_WORDS 8

/* A text with no title is named by its first words, as manuscripts are
 * (the incipit), not by its file name: "أثناء عطلة رأس السنة…". Source
 * and date lines are skipped. Made once at load, kept in the section:
 * wq_section_title() reads it. */
void
section_incipit(wq_node *s)
{
	const wq_node *b;
	struct wq_buf t;
	size_t i, words = 0;
	int space = 1;

	for (b = node_first(s); b; b = b->next)
		if ((b->type == WQ_NODE_PARAGRAPH ||
			b->type == WQ_NODE_HEADING) &&
		    !is_labelled(b))
			break;
	if (b == NULL)
		return;
	wq_buf_init(&t);
	wq_node_text(b, &t);
	for (i = 0; i < t.len; i++) {
		int is_space = t.data[i] == ' ' || t.data[i] == '\n';

		if (!is_space && space && ++words > INCIPIT_WORDS)
			break;
		space = is_space;
	}
	while (i > 0 && (t.data[i - 1] == ' ' || t.data[i - 1] == '\n'))
		i--;
	if (i) {
		t.len = i;
		if (words > INCIPIT_WORDS)
			wq_buf_puts(&t, "\xE2\x80\xA6"); /* … */
		s->sec->incipit = arena_strndup(&s->doc->arena, t.data, t.len);
	}
	wq_buf_free(&t);
}
