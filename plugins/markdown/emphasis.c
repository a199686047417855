/*
 * emphasis.c - whether emphasis can be written between delimiters.
 *
 * "*", "**" and "~~" open only where CommonMark's flanking rules let
 * them (spec 6.2): not before white space, and before punctuation only
 * where white space or punctuation stands in front; closing mirrors it.
 * "<b>Note:&nbsp;</b>text" or "<b>:::</b>s" from an HTML page have no
 * delimited form, and two emphases that touch ("*a***b**") run into one
 * delimiter; those are written as HTML tags, which warraq's reader maps
 * back (tags.c).
 */
#include "markdown.h"

#include <string.h>

enum edge { EDGE_SPACE, EDGE_PUNCT, EDGE_OTHER };

/* Unicode white space and punctuation as cmark-gfm tells them: all of
 * its white space, the punctuation of the scripts warraq is for. A
 * punctuation mark missed here is taken for a letter, which keeps the
 * delimiters as before. */
static enum edge
edge_of(unsigned long c)
{
	if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
	    c == 0x202F || c == 0x205F || c == 0x3000)
		return EDGE_SPACE;
	if (c < 0x80)
		return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
			(c >= '[' && c <= '`') || (c >= '{' && c <= '~')
		    ? EDGE_PUNCT
		    : EDGE_OTHER;
	if (c == 0xA1 || c == 0xA7 || c == 0xAB || c == 0xB6 || c == 0xB7 ||
	    c == 0xBB || c == 0xBF || c == 0x05BE || c == 0x05C0 ||
	    c == 0x05C3 || c == 0x05C6 || c == 0x05F3 || c == 0x05F4 ||
	    c == 0x060C || c == 0x060D || c == 0x061B || c == 0x061E ||
	    c == 0x061F || (c >= 0x066A && c <= 0x066D) || c == 0x06D4 ||
	    (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
	    (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011))
		return EDGE_PUNCT;
	return EDGE_OTHER;
}

/* The code point that starts (or, 'last', ends) UTF-8 s[0, len). */
static unsigned long
code_point(const char *str, size_t len, int last)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;
	unsigned long c;

	if (last)
		for (i = len - 1; i > 0 && (s[i] & 0xC0) == 0x80; i--)
			;
	c = s[i];
	n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	c &= n ? 0x3Fu >> n : 0x7Fu;
	while (n-- > 0 && ++i < len)
		c = c << 6 | (s[i] & 0x3F);
	return c;
}

int
md_span_written(const wq_node *n, int spans)
{
	return (spans || wq_node_span_from_source(n)) &&
	    (wq_node_lang(n) || wq_node_dir(n));
}

/* The delimiter character emphasis 'n' is written with. */
static int
delimiter(const wq_node *n)
{
	return wq_node_type_of(n) == WQ_NODE_STRIKE ? '~' : '*';
}

/* Whether emphasis 'n' is being written as tags. */
static int
is_tagged(const wq_node *n, const struct md_tagged *tagged)
{
	size_t i;

	for (i = 0; tagged && i < tagged->n; i++)
		if (tagged->node[i] == n)
			return 1;
	return 0;
}

/* The emphasis whose delimiters begin (or end) the run 'n''s are in:
 * 'n', or the outermost that shares that edge with it. */
static const wq_node *
run_top(const wq_node *n, int last, int spans, const struct md_tagged *tagged)
{
	for (;;) {
		const wq_node *up = wq_node_parent(n);
		wq_node_type t;

		if (up == NULL ||
		    (last ? wq_node_last_child(up) : wq_node_first_child(up)) !=
			n)
			return n;
		t = wq_node_type_of(up);
		if (is_tagged(up, tagged) ||
		    (t != WQ_NODE_EMPH && t != WQ_NODE_STRONG &&
			(t != WQ_NODE_SPAN || md_span_written(up, spans))))
			return n;
		n = up;
	}
}

/* How many levels of emphasis share the run of '*' at 'n''s start (or,
 * 'last', its end), from 'n' up to the outermost (tags not known here:
 * all are taken to be delimited). */
static int
run_depth(const wq_node *n, int last, int spans)
{
	const wq_node *top = run_top(n, last, spans, NULL);
	int depth = 0;

	for (;; n = wq_node_parent(n)) {
		wq_node_type t = wq_node_type_of(n);

		depth += t == WQ_NODE_EMPH || t == WQ_NODE_STRONG;
		if (n == top)
			return depth;
	}
}

/* The kind of the first (or last) character inline 'n' is written with:
 * its text's, white space for a line end, punctuation for the marks
 * around code, links, notes and the rest. Inside emphasis delimited by
 * 'run', the delimiters of emphasis that begins it join that run
 * ("***bold italic***"): the character after them counts. That inner
 * emphasis is taken to be delimited: asking would ask again for each
 * level below, twice (both edges), exponential in the nesting. */
static enum edge
inner_edge(const wq_node *n, int last, int spans, int run)
{
	const wq_node *k;

	switch (wq_node_type_of(n)) {
	case WQ_NODE_EMPH:
	case WQ_NODE_STRONG:
	case WQ_NODE_STRIKE:
		k = last ? wq_node_last_child(n) : wq_node_first_child(n);
		if (run != delimiter(n) || k == NULL)
			return EDGE_PUNCT;
		/* Three levels deep in one run it is a tag: '<' or '>'. */
		if (wq_node_type_of(n) != WQ_NODE_STRIKE &&
		    run_depth(n, last, spans) >= 3)
			return EDGE_PUNCT;
		return inner_edge(k, last, spans, run);
	case WQ_NODE_TEXT:
		if (wq_node_literal_len(n) == 0)
			return EDGE_OTHER;
		return edge_of(code_point(
		    wq_node_literal(n), wq_node_literal_len(n), last));
	case WQ_NODE_SOFTBREAK:
	case WQ_NODE_LINEBREAK:
	case WQ_NODE_CAESURA: return EDGE_SPACE;
	case WQ_NODE_SPAN:
		if (md_span_written(n, spans))
			return EDGE_PUNCT;
		k = last ? wq_node_last_child(n) : wq_node_first_child(n);
		return k ? inner_edge(k, last, spans, run) : EDGE_OTHER;
	default: return EDGE_PUNCT;
	}
}

/* The kind of the character written just outside 'n' on one side. */
static enum edge
outer_edge(const wq_node *n, int after, int spans)
{
	const wq_node *side = after ? wq_node_next(n) : wq_node_prev(n);
	const wq_node *up = wq_node_parent(n);

	if (side)
		return inner_edge(side, !after, spans, 0);
	if (wq_node_type_of(up) == WQ_NODE_SPAN && !md_span_written(up, spans))
		return outer_edge(up, after, spans);
	return wq_node_is_block(up) ? EDGE_SPACE : EDGE_PUNCT;
}

/* Whether 'n' is inside emphasis written with its delimiter. */
static int
in_run_of(const wq_node *n)
{
	const wq_node *up;

	for (up = wq_node_parent(n); up && !wq_node_is_block(up);
	     up = wq_node_parent(up)) {
		wq_node_type t = wq_node_type_of(up);

		if ((t == WQ_NODE_EMPH || t == WQ_NODE_STRONG ||
			t == WQ_NODE_STRIKE) &&
		    delimiter(up) == delimiter(n))
			return 1;
	}
	return 0;
}

/* Whether 'n''s start (or end) is its parent's, so that its delimiters
 * join the parent's run. */
static int
edge_shares_run(const wq_node *n, int last, const struct md_tagged *tagged)
{
	const wq_node *up = wq_node_parent(n);

	return up && !wq_node_is_block(up) && !is_tagged(up, tagged) &&
	    (last ? wq_node_last_child(up) : wq_node_first_child(up)) == n;
}

/* How many '*' a level of emphasis writes on each side. */
static int
weight(const wq_node *n)
{
	return wq_node_type_of(n) == WQ_NODE_STRONG ? 2 : 1;
}

/* The length of the run of '*' at 'n''s start (or end): its own, those of
 * the emphasis it begins and of the emphasis that begins with it. */
static int
run_length(
    const wq_node *n, int last, int spans, const struct md_tagged *tagged)
{
	const wq_node *k = run_top(n, last, spans, tagged);
	int len = 0;

	/* Down from the outermost that shares the edge, through spans
	 * written as their children. */
	while (k) {
		wq_node_type t = wq_node_type_of(k);

		if (t == WQ_NODE_EMPH || t == WQ_NODE_STRONG)
			len += weight(k);
		else if (t != WQ_NODE_SPAN || md_span_written(k, spans))
			break;
		k = last ? wq_node_last_child(k) : wq_node_first_child(k);
	}
	return len;
}

/* Whether a run of '*' between characters of kinds 'before' and 'after'
 * can both open and close emphasis (spec 6.2). */
static int
both_flanking(enum edge before, enum edge after)
{
	int left = after != EDGE_SPACE &&
	    (after != EDGE_PUNCT || before != EDGE_OTHER);
	int right = before != EDGE_SPACE &&
	    (before != EDGE_PUNCT || after != EDGE_OTHER);

	return left && right;
}

int
md_delimitable(
    const wq_node *n, int joined, int spans, const struct md_tagged *tagged)
{
	const wq_node *first = wq_node_first_child(n);
	const wq_node *last = wq_node_last_child(n);
	enum edge in, out;

	if (first == NULL)
		return 0;
	/* CommonMark reads a run of '*' by its length, strong before
	 * emphasis: two levels in one run read back ("***x***", "**a *b***"),
	 * three may not ("*****x*****" is strong in strong in emphasis
	 * whatever was written). The third level and those below are
	 * written as tags. */
	if (wq_node_type_of(n) != WQ_NODE_STRIKE &&
	    (run_depth(n, 0, spans) >= 3 || run_depth(n, 1, spans) >= 3))
		return 0;
	/* Strike in strike: its "~~" runs touch the outer one's or each
	 * other ("~~x*~~y~~*~~") and pair otherwise than written in random
	 * nestings (35 of 1,000 HTML chains); as a tag it reads back. */
	if (wq_node_type_of(n) == WQ_NODE_STRIKE && in_run_of(n))
		return 0;
	in = inner_edge(first, 0, spans, delimiter(n));
	out = outer_edge(n, 0, spans);
	if (!joined &&
	    (in == EDGE_SPACE || (in == EDGE_PUNCT && out == EDGE_OTHER)))
		return 0;
	/* Inside emphasis of the same delimiter, a run that can both open
	 * and close is read against the outer one ("**x**ا ...**" for
	 * strong in strong): this one's opening must not be able to close,
	 * nor its closing to open, where each is a run of its own (one
	 * shared with the parent's is the depth rule's). */
	if (!joined && in_run_of(n) && !edge_shares_run(n, 0, tagged) &&
	    !(out == EDGE_SPACE || (out == EDGE_PUNCT && in == EDGE_OTHER)))
		return 0;
	in = inner_edge(last, 1, spans, delimiter(n));
	out = outer_edge(n, 1, spans);
	if (in_run_of(n) && !edge_shares_run(n, 1, tagged) &&
	    !(out == EDGE_SPACE || (out == EDGE_PUNCT && in == EDGE_OTHER)))
		return 0;
	if (in == EDGE_SPACE || (in == EDGE_PUNCT && out == EDGE_OTHER))
		return 0;
	/* The rule of 3 (spec 6.2, rule 9): where either run can both open
	 * and close, they pair only if their lengths do not sum to a
	 * multiple of 3, unless both are ("**<del>...*...*": the "**" of two
	 * levels closed one by one stayed text). Then it is a tag. */
	if (wq_node_type_of(n) != WQ_NODE_STRIKE) {
		int open = run_length(n, 0, spans, tagged),
		    close = run_length(n, 1, spans, tagged);

		if ((open + close) % 3 == 0 && (open % 3 || close % 3) &&
		    (both_flanking(
			 outer_edge(run_top(n, 0, spans, tagged), 0, spans),
			 inner_edge(first, 0, spans, '*')) ||
			both_flanking(inner_edge(last, 1, spans, '*'),
			    outer_edge(
				run_top(n, 1, spans, tagged), 1, spans))))
			return 0;
	}
	return 1;
}
