/*
 * phrase.c - opposite-direction phrases inside a block (docs/design.md H4).
 *
 * A block's inline content is read as one string, its flat text: text as
 * it is, a soft break as a line end, code and spans that state a direction as
 * one strong letter, images and line breaks as a wall no phrase crosses.
 * A Latin phrase in an Arabic paragraph is found there whole, across
 * emphasis, links, code spans and line ends, and wrapped in one span: an
 * element that straddles the phrase's edge is split in two, never the
 * phrase. Isolating each text node on its own made the browser order the
 * pieces right to left ("ready yet not The model is").
 *
 * Only the phrases' text is copied; the text around them stays where it
 * is, so a paragraph with 50,000 Latin words costs no second copy of it.
 */
#include "internal.h"
#include "swar.h"

#include <stdlib.h>
#include <string.h>

#define WALL '\x01'

struct phrase_run {
	size_t a, b; /* flat offsets: [a, b) */
};

struct wrap {
	struct phrases *p;
	const char *flat;
	size_t i; /* the next run to wrap */
	wq_dir other;
};

/* ---- the flat text ---- */

/* Whether the flat text holds n's content rather than one letter for it.
 * The spans made here hold their phrase's text: their length is its. */
static int
is_container(const wq_node *n)
{
	return n->type == WQ_NODE_EMPH || n->type == WQ_NODE_STRONG ||
	    n->type == WQ_NODE_LINK || n->type == WQ_NODE_STRIKE ||
	    n->type == WQ_NODE_SEGMENT ||
	    (n->type == WQ_NODE_SPAN &&
		(n->dir == WQ_DIR_UNSET || !n->from_source));
}

/* What a node that is neither text nor container stands for. */
static const char *
atom(const wq_node *n)
{
	switch (n->type) {
	case WQ_NODE_SOFTBREAK: return "\n";
	case WQ_NODE_CODE: return "a"; /* code reads left to right */
	case WQ_NODE_SPAN: return n->dir == WQ_DIR_RTL ? "\xD7\x90" : "a";
	default: return "\x01"; /* WALL */
	}
}

static size_t
flat_len(const wq_node *n)
{
	const wq_node *c;
	size_t len = 0;

	if (n->type == WQ_NODE_TEXT)
		return n->literal_len;
	if (!is_container(n))
		return strlen(atom(n));
	for (c = node_first(n); c; c = c->next)
		len += flat_len(c);
	return len;
}

static void
flat_put(struct phrases *p, const char *s, size_t len)
{
	if (p->len + len + 1 > p->cap) {
		p->cap = 2 * (p->len + len + 1);
		p->flat = wq_xrealloc(p->flat, p->cap);
	}
	memcpy(p->flat + p->len, s, len);
	p->len += len;
}

static void
flatten(struct phrases *p, const wq_node *n)
{
	const wq_node *c;

	for (c = node_first(n); c; c = c->next) {
		if (c->type == WQ_NODE_TEXT) {
			size_t at = p->len;
			char *wall;

			flat_put(p, c->literal, c->literal_len);
			/* A text's own U+0001 is no wall. */
			while ((wall = memchr(p->flat + at, WALL, p->len - at)))
				*wall = ' ', at = (size_t)(wall - p->flat) + 1;
		} else if (is_container(c)) {
			flatten(p, c);
		} else {
			const char *s = atom(c);

			flat_put(p, s, strlen(s));
		}
	}
}

/* ---- finding the runs ---- */

static enum ucd_class
class_at(const unsigned char *s, size_t *i, int32_t *c)
{
	*c = utf8_decode(s, i);
	return *c == WALL ? UCD_NEUTRAL : ucd_class(*c);
}

static int
is_same(enum ucd_class cl, enum ucd_class want)
{
	return cl == want || (want == UCD_R && cl == UCD_RSCRIPT);
}

/* What ends a run: a wall, or a strong letter of another direction. */
static int
is_stop(int32_t c, enum ucd_class cl, enum ucd_class want)
{
	return c == WALL ||
	    (!is_same(cl, want) &&
		(cl == UCD_L || cl == UCD_R || cl == UCD_RSCRIPT));
}

static int
is_connector(int32_t c)
{
	return c == '-' || c == '.' || c == '_' || c == '/' || c == '+' ||
	    c == '\'' || c == 0x2019 || c == ':';
}

static int32_t
closer_of(int32_t c)
{
	switch (c) {
	case '(': return ')';
	case '[': return ']';
	case '{': return '}';
	case '"': return '"';
	case 0x201C: return 0x201D; /* “ ” */
	case 0x00AB: return 0x00BB; /* « » */
	default: return 0;
	}
}

static int
is_bracket(int32_t c)
{
	return c == '(' || c == '[' || c == '{';
}

static int32_t
char_before(const unsigned char *s, size_t at, size_t *start)
{
	size_t k = at - 1;

	while (k > 0 && (s[k] & 0xC0) == 0x80)
		k--;
	*start = k;
	return utf8_decode(s, &k);
}

/* Scans s[from, len) for the closers of the 'depth' openers on 'stack',
 * over neutrals only. Returns the offset after the last, or 0. */
static size_t
close_forward(const unsigned char *s, size_t from, size_t len,
    enum ucd_class want, int32_t *stack, size_t depth)
{
	size_t i = from;

	while (i < len && depth > 0) {
		int32_t c;
		enum ucd_class cl = class_at(s, &i, &c);

		if (is_stop(c, cl, want) || is_same(cl, want))
			return 0;
		if (c == closer_of(stack[depth - 1]))
			depth--;
		else if ((is_bracket(c) || c == 0x201C) && depth < 32)
			stack[depth++] = c;
	}
	return depth == 0 ? i : 0;
}

/* Keeps brackets and quotes whole: a run that opens one takes its closer
 * when only neutrals lie between ("setIndex(index + 1)", "alert(\"hi\")"),
 * and takes a bracket glued to its end ("useState(0)"). A closer whose
 * opener stands just before the run takes the opener in ("[Webpack]
 * (https://webpack.js.org)"). What cannot be closed stays in the run:
 * cutting there would split one phrase into two isolates. */
static size_t
balance(const unsigned char *s, size_t from, size_t *start, size_t end,
    size_t len, enum ucd_class want)
{
	int32_t stack[32];
	size_t depth = 0, i = *start, to, k;

	while (i < end) {
		int32_t c = utf8_decode(s, &i);

		if (depth > 0 && c == closer_of(stack[depth - 1])) {
			depth--;
		} else if (is_bracket(c) || c == '"' || c == 0x201C) {
			if (depth < 32)
				stack[depth++] = c;
		} else if (c == ')' || c == ']' || c == '}' || c == 0x201D) {
			if (depth == 0 && *start > from &&
			    closer_of(char_before(s, *start, &k)) == c)
				*start = k;
		}
	}
	if (depth > 0) {
		if ((to = close_forward(s, end, len, want, stack, depth)))
			return to;
		return end;
	}
	if (end < len && is_bracket(s[end])) {
		stack[0] = s[end];
		if ((to = close_forward(s, end + 1, len, want, stack, 1)))
			return to;
	}
	return end;
}

/* A run right after an opening quote or bracket whose closer follows with
 * only neutrals between takes them, up to the closer: the quoted sentence
 * keeps its full stop ("The model is not ready yet."). */
static size_t
enclosed(const unsigned char *s, size_t from, size_t start, size_t end,
    size_t len, enum ucd_class want)
{
	size_t k, i = end;
	int32_t open, close;

	if (start == from)
		return end;
	open = char_before(s, start, &k);
	if ((close = closer_of(open)) == 0)
		return end;
	while (i < len) {
		size_t here = i;
		int32_t c;
		enum ucd_class cl = class_at(s, &i, &c);

		if (c == close)
			return here;
		if (is_stop(c, cl, want) || c == open)
			return end;
	}
	return end;
}

/* A run that is a whole line (a line of Hebrew between English ones)
 * takes the punctuation that ends the line: it ends the run's own
 * sentence, not the paragraph's. */
static size_t
whole_line(
    const unsigned char *s, size_t from, size_t start, size_t end, size_t len)
{
	size_t i = start, last = end;

	while (i > from && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	if (i > 0 && s[i - 1] != '\n' && s[i - 1] != WALL)
		return end;
	for (i = end; i < len && s[i] != '\n' && s[i] != WALL;) {
		int32_t c;
		enum ucd_class cl = class_at(s, &i, &c);

		if (cl != UCD_NEUTRAL)
			return end;
		if (c != ' ' && c != '\t')
			last = i;
	}
	return last;
}

/* How many of the 8 bytes at 's' (a character's first) surely hold no
 * letter of direction 'want', to be passed over: 8; 7 when the last byte
 * begins a character; 0 when they need a closer look. Looking for Latin
 * in Arabic, they may hold ASCII but letters, and two-byte characters
 * from U+05C0 (lead byte D7: Hebrew, Arabic, Syriac, Thaana, NKo); for
 * Arabic in Latin, ASCII and two-byte characters below U+0580 (lead
 * D5: Latin, Greek, Cyrillic, Armenian). ICU agrees: none from U+05C0
 * to U+07FF is left-to-right, none from U+0080 to U+057F right-to-left. */
static unsigned
no_start8(const unsigned char *s, enum ucd_class want)
{
	uint64_t w = load8(s), leads, bad;
	unsigned n = two_byte8(w, &leads);

	if (n == 0)
		return 0;
	if (want == UCD_L)
		bad =
		    ascii_letters8(w) | (leads & ~leads_from8(w, leads, 0x17));
	else
		bad = leads_from8(w, leads, 0x16);
	return bad ? 0 : n;
}

/* Finds the next run of direction 'want' in s[from, len). Returns 0 when
 * there is none, else sets *rs and *re. */
static int
next_run(const unsigned char *s, size_t from, size_t len, enum ucd_class want,
    size_t *rs, size_t *re)
{
	size_t i = from;

	while (i < len) {
		size_t start, letter, end, j, skip;
		int32_t c;

		if (len - i >= 8 && (skip = no_start8(s + i, want)) != 0) {
			i += skip;
			continue;
		}
		start = letter = i;
		c = utf8_decode(s, &i);
		if (c == WALL || ucd_class(c) != want)
			continue;
		end = j = i;
		while (j < len) {
			size_t at = j;
			int32_t d;
			enum ucd_class cl = class_at(s, &j, &d);

			if (is_same(cl, want))
				end = j;
			else if (is_stop(d, cl, want))
				break;
			else if (at == end &&
			    (cl == UCD_DIGIT ||
				(is_connector(d) && j < len &&
				    (s[j] >= '0' && s[j] <= '9'))))
				end =
				    j; /* digits glued to the run: GPT-4, R1 */
		}
		/* The signs glued to C++, C#, Disney+. */
		for (j = 0;
		     j < 2 && end < len && (s[end] == '+' || s[end] == '#');
		     j++)
			end++;
		/* Digits glued to its start: 3D, 4o. */
		while (
		    start > from && s[start - 1] >= '0' && s[start - 1] <= '9')
			start--;
		end = balance(s, from, &start, end, len, want);
		end = enclosed(s, from, start, end, len, want);
		end = whole_line(s, from, start, end, len);
		if (end > start) {
			*rs = start;
			*re = end;
			return 1;
		}
		i = letter + 1;
		while (i < len && (s[i] & 0xC0) == 0x80)
			i++;
	}
	return 0;
}

/* ---- wrapping them ---- */

/* A copy of container 'n' without its children. */
static wq_node *
shell_of(const wq_node *n)
{
	wq_node *c = wq_node_new(n->doc, n->type);

	c->lang = n->lang;
	c->dir = n->dir;
	c->from_source = n->from_source;
	c->kind = n->kind;
	c->line = n->line;
	c->col = n->col;
	if (n->type == WQ_NODE_LINK) {
		c->literal = n->literal;
		c->literal_len = n->literal_len;
		c->title = n->title;
	}
	return c;
}

/* Cuts text 't' at 'off' and returns the new node: the part after 'off'
 * when the phrase lies after it, else the part before. The phrase's part
 * is copied; the other stays in place (its end is written over a byte
 * that was copied, or is the text's own end). */
static wq_node *
cut_text(wq_node *t, size_t off, int phrase_after)
{
	wq_node *p = wq_node_new(t->doc, WQ_NODE_TEXT);

	if (phrase_after) {
		p->literal = arena_strndup(
		    &t->doc->arena, t->literal + off, t->literal_len - off);
		p->literal_len = t->literal_len - (uint32_t)off;
		t->literal[off] = '\0';
		t->literal_len = (uint32_t)off;
		wq_node_insert_after(t, p);
	} else {
		p->literal = arena_strndup(&t->doc->arena, t->literal, off);
		p->literal_len = (uint32_t)off;
		t->literal += off;
		t->literal_len -= (uint32_t)off;
		wq_node_insert_before(t, p);
	}
	return p;
}

/* Splits container 'n' at flat offset 'off' (strictly inside) into 'n'
 * and a copy of it that takes the children after 'off'; returns the copy. */
static wq_node *
split_node(wq_node *n, size_t off, int phrase_after)
{
	wq_node *c, *move, *right = shell_of(n);
	size_t at = 0, len = 0;

	for (c = node_first(n); c; c = c->next, at += len)
		if (off < at + (len = flat_len(c)))
			break;
	if (c == NULL || off == at)
		move = c;
	else if (c->type == WQ_NODE_TEXT)
		move = phrase_after ? cut_text(c, off - at, 1)
				    : (cut_text(c, off - at, 0), c);
	else if (is_container(c))
		move = split_node(c, off - at, phrase_after);
	else
		move = c->next; /* atoms are one letter: not reached */
	while (move) {
		wq_node *next = move->next;

		wq_node_append(right, move);
		move = next;
	}
	wq_node_insert_after(n, right);
	return right;
}

/* Moves the spaces at the start (or the end) of split element 'el' out
 * of it, just before (after) it: Markdown has no emphasis "** هي**",
 * and a space at an element's edge means nothing in HTML or TEI. */
static void
space_out(wq_node *el, int at_end)
{
	wq_node *t = el, *sp;
	size_t k = 0, len;

	while (t && t->type != WQ_NODE_TEXT && is_container(t))
		t = at_end ? node_last(t) : node_first(t);
	if (t == NULL || t->type != WQ_NODE_TEXT || t == el)
		return;
	len = t->literal_len;
	while (k < len && t->literal[at_end ? len - 1 - k : k] == ' ')
		k++;
	if (k == 0 || k == len)
		return;
	sp = wq_node_new(t->doc, WQ_NODE_TEXT);
	sp->literal_len = (uint32_t)k;
	if (at_end) {
		sp->literal =
		    arena_strndup(&t->doc->arena, t->literal + len - k, k);
		t->literal_len -= (uint32_t)k;
		t->literal[t->literal_len] = '\0';
		wq_node_insert_after(el, sp);
	} else {
		sp->literal = arena_strndup(&t->doc->arena, t->literal, k);
		t->literal += k;
		t->literal_len -= (uint32_t)k;
		wq_node_insert_before(el, sp);
	}
}

/* Splits 'n' at 'off' as split_node() does, then moves the spaces at the
 * seam out of the piece outside the phrase (the phrase's own stay: its
 * span must hold exactly its flat text). Returns the second piece. */
static wq_node *
split_at_seam(wq_node *n, size_t off, int phrase_after)
{
	wq_node *right = split_node(n, off, phrase_after);

	if (phrase_after)
		space_out(n, 1);
	else
		space_out(right, 0);
	return right;
}

/* Wraps siblings first..last, the whole of run [a, b), in a span. A run
 * that is one code span or directed span is isolated already; a span from
 * the source that only said its language gets the direction. */
static wq_node *
wrap_range(struct wrap *w, wq_node *first, wq_node *last, size_t a, size_t b)
{
	struct phrases *p = w->p;
	const char *lang = p->lang(p->arg, w->flat + a, b - a, w->other);
	wq_node *span, *c, *next;

	if (first == last &&
	    (first->type == WQ_NODE_CODE ||
		(first->type == WQ_NODE_SPAN && first->dir != WQ_DIR_UNSET)))
		return first;
	if (first == last && first->type == WQ_NODE_SPAN) {
		first->dir = w->other;
		if (first->lang == NULL)
			first->lang = (char *)lang;
		return first;
	}
	span = wq_node_new(first->doc, WQ_NODE_SPAN);
	span->from_source = 0;
	span->dir = w->other;
	span->lang = (char *)lang;
	wq_node_insert_before(first, span);
	for (c = first;; c = next) {
		next = c->next;
		wq_node_append(span, c);
		if (c == last)
			break;
	}
	p->isolated++;
	return span;
}

/* Wraps run [a, b) that lies inside text 't', which starts at 'at'. */
static wq_node *
wrap_in_text(struct wrap *w, wq_node *t, size_t at, size_t a, size_t b)
{
	size_t len = t->literal_len;
	wq_node *mid;

	if (b - at < len) { /* the rest stays in place, after */
		wq_node *rest = wq_node_new(t->doc, WQ_NODE_TEXT);

		rest->literal = t->literal + (b - at);
		rest->literal_len = (uint32_t)(len - (b - at));
		wq_node_insert_after(t, rest);
		t->literal_len = (uint32_t)(b - at);
	}
	if (a > at) {
		mid = cut_text(t, a - at, 1);
	} else {
		mid = t;
		t->literal =
		    arena_strndup(&t->doc->arena, t->literal, t->literal_len);
	}
	return wrap_range(w, mid, mid, a, b);
}

/* Wraps the runs from w->i on that lie inside 'parent', whose content
 * is flat text [base, limit). */
static void
wrap_runs(struct wrap *w, wq_node *parent, size_t base, size_t limit)
{
	struct phrases *p = w->p;
	wq_node *c = node_first(parent);
	size_t at = base;

	while (c && w->i < p->nruns && p->runs[w->i].b <= limit) {
		size_t len = flat_len(c), a = p->runs[w->i].a,
		       b = p->runs[w->i].b, pos, dlen;
		wq_node *first, *d;

		if (a >= at + len) {
			at += len;
			c = c->next;
			continue;
		}
		if (b <= at + len && !(a == at && b == at + len)) {
			if (c->type == WQ_NODE_TEXT) {
				c = wrap_in_text(w, c, at, a, b)->next;
				at = b;
				w->i++;
			} else {
				/* The runs inside c; the next may start in c too
				 * and end after it: c is looked at again. */
				wrap_runs(w, c, at, at + len);
			}
			continue;
		}
		/* The run starts in c and ends at its end or in a sibling. */
		first = c;
		if (a > at)
			first = c->type == WQ_NODE_TEXT
			    ? cut_text(c, a - at, 1)
			    : split_at_seam(c, a - at, 1);
		for (d = first, pos = a;; d = d->next, pos += dlen)
			if (b <= pos + (dlen = flat_len(d)))
				break;
		if (b < pos + dlen) {
			if (d->type == WQ_NODE_TEXT)
				d = cut_text(d, b - pos, 0);
			else
				split_at_seam(d, b - pos, 0);
		}
		c = wrap_range(w, first, d, a, b)->next;
		at = b;
		w->i++;
	}
}

/* Code in a right-to-left context reads left to right on its own; spans
 * that state a direction, and images' descriptions, hold phrases of their
 * own. */
static void
settle(struct phrases *p, wq_node *n, wq_dir dir)
{
	wq_node *c;

	for (c = node_first(n); c; c = c->next) {
		if (c->type == WQ_NODE_CODE) {
			if (dir == WQ_DIR_RTL && c->dir == WQ_DIR_UNSET)
				c->dir = WQ_DIR_LTR;
		} else if (c->type == WQ_NODE_IMAGE) {
			phrases_isolate(p, c, dir); /* its description */
		} else if (c->type == WQ_NODE_SPAN && c->dir != WQ_DIR_UNSET) {
			if (!c->from_source) {
				settle(p, c, c->dir);
				continue;
			}
			if (c->lang == NULL && c->dir != dir) {
				/* D4: the source said only the direction. */
				const char *lang;

				p->len = 0;
				flatten(p, c);
				lang = p->lang(p->arg, p->flat, p->len, c->dir);
				if (strcmp(lang, "und") != 0)
					c->lang = (char *)lang;
			}
			phrases_isolate(p, c, c->dir);
		} else if (node_first(c)) {
			settle(p, c, dir);
		}
	}
}

/* The code spans below 'n', counting up to 'most'. */
static int
count_code(const wq_node *n, int most)
{
	const wq_node *c;
	int k = 0;

	for (c = node_first(n); c && k < most; c = c->next)
		if (c->type == WQ_NODE_CODE)
			k++;
		else if (is_container(c))
			k += count_code(c, most - k);
	return k;
}

void
phrases_isolate(struct phrases *p, wq_node *block, wq_dir dir)
{
	enum ucd_class want = dir == WQ_DIR_RTL ? UCD_L : UCD_R;
	struct wrap w;
	size_t from = 0, rs, re;

	/* The fast path: nothing runs the other way but, at most, one code
	 * span. */
	if ((dir == WQ_DIR_RTL ? block->nl : block->nr) == 0 &&
	    (dir == WQ_DIR_LTR || count_code(block, 2) < 2)) {
		settle(p, block, dir);
		return;
	}
	p->len = 0;
	flatten(p, block);
	flat_put(p, "", 1); /* the decoder may look one byte ahead */
	p->len--;
	p->nruns = 0;
	while (next_run(
	    (const unsigned char *)p->flat, from, p->len, want, &rs, &re)) {
		if (p->nruns == p->runs_cap) {
			p->runs_cap = p->runs_cap ? 2 * p->runs_cap : 16;
			p->runs = wq_xrealloc(
			    p->runs, p->runs_cap * sizeof(*p->runs));
		}
		p->runs[p->nruns].a = rs;
		p->runs[p->nruns++].b = re;
		from = re;
	}
	w.p = p;
	w.flat = p->flat;
	w.i = 0;
	w.other = dir == WQ_DIR_RTL ? WQ_DIR_LTR : WQ_DIR_RTL;
	wrap_runs(&w, block, 0, p->len);
	settle(p, block, dir);
}

void
phrases_free(struct phrases *p)
{
	free(p->flat);
	free(p->runs);
}
