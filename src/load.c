/*
 * load.c - from bytes to a document: what every text goes through
 * whatever its format (byte checks, BOM, line ends, NFC, front matter),
 * then the reader plugin that makes the model, then the passes over the
 * model every text shares (unsafe links, inference, direction).
 */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_MAX_BYTES ((size_t)1 << 30)

/* Links to javascript: and the like would run code in a reader: keep the
 * link's text, drop the link. */
static int
url_is_safe(const char *url)
{
	static const char *const bad[] = {
		"javascript:", "vbscript:", "file:", "data:", NULL
	};
	char head[16];
	size_t i, n = 0;

	/* As browsers read a URL: controls and spaces before it dropped,
	 * tabs and line ends inside it too ("&#x01;java\tscript:"). */
	while (*url && (unsigned char)*url <= ' ')
		url++;
	for (; *url && n < sizeof(head) - 1; url++)
		if (*url != '\t' && *url != '\n' && *url != '\r')
			head[n++] = *url;
	head[n] = '\0';
	url = head;
	for (i = 0; bad[i]; i++)
		if (strncasecmp(url, bad[i], strlen(bad[i])) == 0)
			return strncasecmp(url, "data:image/", 11) == 0 &&
			    strncasecmp(url, "data:image/svg", 14) != 0;
	return 1;
}

static int
is_break(const wq_node *n)
{
	return n &&
	    (wq_node_type_of(n) == WQ_NODE_LINEBREAK ||
		wq_node_type_of(n) == WQ_NODE_SOFTBREAK);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_hard_break(const wq_node *n)
{
	return n && wq_node_type_of(n) == WQ_NODE_LINEBREAK;
}

/* Text 't' without the spaces and tabs it ends (or, 'start', begins)
 * with. */
static void
trim_spaces(wq_node *t, int start)
{
	const char *s = wq_node_literal(t);
	size_t from = 0, to = wq_node_literal_len(t);

	if (start)
		while (from < to && is_space(s[from]))
			from++;
	else
		while (to > 0 && is_space(s[to - 1]))
			to--;
	if (from > 0 || to < wq_node_literal_len(t))
		wq_node_set_literal(t, s + from, to - from);
}

/* Spaces and tabs beside a hard break: CommonMark drops those after it
 * and counts those before it as the break; HTML's "<br>" between indented
 * lines has them, and no display shows them. */
static void
trim_at_breaks(wq_node *t)
{
	if (is_hard_break(wq_node_prev(t)))
		trim_spaces(t, 1);
	if (is_hard_break(wq_node_next(t)))
		trim_spaces(t, 0);
}

/* The only child of 'n', or NULL. */
static wq_node *
only_child(const wq_node *n)
{
	wq_node *k = node_first(n);

	return k && k == node_last(n) ? k : NULL;
}

static int
is_emphasis(const wq_node *n)
{
	return n && (n->type == WQ_NODE_EMPH || n->type == WQ_NODE_STRONG);
}

/* Emphasis and strong emphasis around the same text, nested in any order
 * ("<b><i>x</i></b>", "__*x*__", "<i><b><i>x</i></b></i>"): the same
 * display, so one tree for all, whatever the source wrote: the emphasis
 * outside, the strong inside, as CommonMark reads "***x***". Each level
 * keeps its place and what it states (lang, dir); only which of the two
 * it is moves. */
static void
emphasis_outside(wq_node *n)
{
	unsigned levels = 0, emph = 0;
	wq_node *k;

	for (k = n; is_emphasis(k); k = only_child(k)) {
		levels++;
		emph += k->type == WQ_NODE_EMPH;
	}
	if (levels < 2)
		return;
	for (k = n; levels-- > 0; k = only_child(k))
		k->type = emph > 0 ? (emph--, WQ_NODE_EMPH) : WQ_NODE_STRONG;
}

/* Adds 'len' bytes of 's' to text node 't' before or after its own. */
static void
add_to_text(wq_node *t, const char *s, size_t len, int after)
{
	struct wq_buf b;

	wq_buf_init(&b);
	if (after)
		wq_buf_put(&b, wq_node_literal(t), wq_node_literal_len(t));
	wq_buf_put(&b, s, len);
	if (!after)
		wq_buf_put(&b, wq_node_literal(t), wq_node_literal_len(t));
	wq_node_set_literal(t, b.data, b.len);
	wq_buf_free(&b);
}

/* Puts spaces from one edge of emphasis 'n' beside it, in the text
 * there or a new one; at the edge of its block they go (no format
 * shows them there, and Markdown cannot write them). */
static void
move_spaces(wq_node *n, const char *s, size_t len, int after)
{
	wq_node *side = after ? wq_node_next(n) : wq_node_prev(n), *t;

	if (side && wq_node_type_of(side) == WQ_NODE_TEXT) {
		add_to_text(side, s, len, !after);
		return;
	}
	if (side == NULL && wq_node_is_block(wq_node_parent(n)))
		return;
	t = wq_node_new(wq_node_doc(n), WQ_NODE_TEXT);
	wq_node_set_literal(t, s, len);
	if (after)
		wq_node_insert_after(n, t);
	else
		wq_node_insert_before(n, t);
}

/* Spaces at the edges of emphasis, strong or struck text go outside it:
 * "<b>Note: </b>text" is bold "Note:" and a space, as Markdown can write
 * it ("**Note: **text" is no emphasis: a closing "**" may not follow a
 * space). Returns whether any moved. */
static int
spaces_outside(wq_node *n)
{
	wq_node_type type = wq_node_type_of(n);
	wq_node *t;
	int moved = 0;

	if (type != WQ_NODE_EMPH && type != WQ_NODE_STRONG &&
	    type != WQ_NODE_STRIKE)
		return 0;
	while ((t = wq_node_first_child(n)) &&
	    wq_node_type_of(t) == WQ_NODE_TEXT) {
		const char *s = wq_node_literal(t);
		size_t len = wq_node_literal_len(t), k = 0;

		while (k < len && is_space(s[k]))
			k++;
		if (k == 0)
			break;
		move_spaces(n, s, k, 0);
		moved = 1;
		if (k < len) {
			wq_node_set_literal(t, s + k, len - k);
			break;
		}
		wq_node_unlink(t);
	}
	while (
	    (t = wq_node_last_child(n)) && wq_node_type_of(t) == WQ_NODE_TEXT) {
		const char *s = wq_node_literal(t);
		size_t len = wq_node_literal_len(t), k = len;

		while (k > 0 && is_space(s[k - 1]))
			k--;
		if (k == len)
			break;
		move_spaces(n, s + k, len - k, 1);
		moved = 1;
		if (k > 0) {
			wq_node_set_literal(t, s, k);
			break;
		}
		wq_node_unlink(t);
	}
	return moved;
}

/* Whether block 'b' can follow block 'a' in a list item with no blank
 * line between, as a tight list writes them. After a paragraph, another
 * would join it, a thematic break underline it into a heading, a table
 * take its last line for a header, an ordered list from 2 go on it;
 * after a list or a quote, a paragraph would go on their last line. */
static int
follows_tightly(const wq_node *a, const wq_node *b)
{
	if (wq_node_type_of(a) == WQ_NODE_LIST ||
	    wq_node_type_of(a) == WQ_NODE_BLOCK_QUOTE)
		return wq_node_type_of(b) != WQ_NODE_PARAGRAPH;
	if (wq_node_type_of(a) != WQ_NODE_PARAGRAPH)
		return 1;
	switch (wq_node_type_of(b)) {
	case WQ_NODE_PARAGRAPH:
	case WQ_NODE_THEMATIC_BREAK:
	case WQ_NODE_TABLE: return 0;
	case WQ_NODE_LIST:
		return !wq_node_list_ordered(b) || wq_node_list_start(b) == 1;
	default: return 1;
	}
}

/* A tight list whose items hold blocks Markdown can only write apart
 * ("<li><p>a</p><p>b</p></li>") is loose: CommonMark calls a list loose
 * when an item's blocks have a blank line between them. */
static void
loosen_list(wq_node *list)
{
	wq_node *item, *b;

	if (!wq_node_list_tight(list))
		return;
	for (item = wq_node_first_child(list); item; item = wq_node_next(item))
		for (b = wq_node_first_child(item); b && wq_node_next(b);
		     b = wq_node_next(b))
			if (!follows_tightly(b, wq_node_next(b))) {
				wq_node_set_list(list,
				    wq_node_list_ordered(list),
				    wq_node_list_start(list), 0);
				return;
			}
}

/* The same text must always give the same tree, whatever path it took
 * (cmark, raw HTML, our own Markdown): neighbouring text nodes are
 * joined, empty ones dropped, breaks at the edges of a paragraph or
 * heading dropped (CommonMark ignores them there), a line end and spaces
 * beside a hard break dropped, strong emphasis nested one way, and
 * blocks left with no content removed. */
static void
merge_text(wq_node *n)
{
	wq_node *c = wq_node_first_child(n), *next;

	if (wq_node_type_of(n) == WQ_NODE_LIST)
		loosen_list(n);

	if (wq_node_type_of(n) == WQ_NODE_PARAGRAPH ||
	    wq_node_type_of(n) == WQ_NODE_HEADING ||
	    wq_node_type_of(n) == WQ_NODE_VERSE_LINE ||
	    wq_node_type_of(n) == WQ_NODE_CAPTION) {
		while (is_break(wq_node_first_child(n)))
			wq_node_unlink(wq_node_first_child(n));
		while (is_break(wq_node_last_child(n)))
			wq_node_unlink(wq_node_last_child(n));
		c = wq_node_first_child(n);
	}
	for (; c; c = next) {
		next = wq_node_next(c);
		/* A heading is one line: a setext heading's line ends are
		 * spaces (no format could write them back as breaks). */
		if (wq_node_type_of(c) == WQ_NODE_SOFTBREAK &&
		    wq_node_type_of(n) == WQ_NODE_HEADING) {
			wq_node *sp = wq_node_new(wq_node_doc(n), WQ_NODE_TEXT);

			wq_node_set_literal(sp, " ", 1);
			wq_node_insert_after(c, sp);
			wq_node_unlink(c);
			next = wq_node_prev(sp) ? wq_node_prev(sp) : sp;
			continue;
		}
		if (wq_node_type_of(c) == WQ_NODE_TEXT)
			trim_at_breaks(c);
		if (wq_node_type_of(c) == WQ_NODE_TEXT &&
		    wq_node_literal_len(c) == 0) {
			wq_node_unlink(c);
			continue;
		}
		/* "<br>" and a line end: the line is already ended (a
		 * Markdown hard break takes its line end with it). */
		if (wq_node_type_of(c) == WQ_NODE_SOFTBREAK &&
		    is_hard_break(wq_node_prev(c))) {
			wq_node_unlink(c);
			continue;
		}
		if (wq_node_type_of(c) == WQ_NODE_TEXT && next &&
		    wq_node_type_of(next) == WQ_NODE_TEXT) {
			/* The whole run at once: joined a pair at a time, each
			 * join copied all the text before it, into the arena
			 * (20,000 texts in a row took 2 GB and 2 s). */
			struct wq_buf b;
			wq_node *k;

			wq_buf_init(&b);
			for (k = c; k && wq_node_type_of(k) == WQ_NODE_TEXT;
			     k = wq_node_next(k))
				wq_buf_put(&b, wq_node_literal(k),
				    wq_node_literal_len(k));
			wq_node_set_literal(c, b.data, b.len);
			wq_buf_free(&b);
			while ((k = wq_node_next(c)) != NULL &&
			    wq_node_type_of(k) == WQ_NODE_TEXT)
				wq_node_unlink(k);
			next = c;
			continue;
		}
		emphasis_outside(c);
		merge_text(c);
		if (spaces_outside(c)) {
			wq_node *prev = wq_node_prev(c);

			next = wq_node_next(c);
			/* Spaces alone: gone, and the texts around it join. */
			if (wq_node_first_child(c) == NULL) {
				wq_node_unlink(c);
				if (prev &&
				    wq_node_type_of(prev) == WQ_NODE_TEXT)
					next = prev;
			}
			continue;
		}
		/* Nothing to show: an empty paragraph, list ("<ul></ul>":
		 * Markdown has no way to write one), emphasis or span (a
		 * "<b>" left open at a paragraph's end). */
		if (wq_node_first_child(c) == NULL &&
		    (wq_node_type_of(c) == WQ_NODE_PARAGRAPH ||
			wq_node_type_of(c) == WQ_NODE_LIST ||
			wq_node_type_of(c) == WQ_NODE_EMPH ||
			wq_node_type_of(c) == WQ_NODE_STRONG ||
			wq_node_type_of(c) == WQ_NODE_STRIKE ||
			wq_node_type_of(c) == WQ_NODE_SPAN)) {
			wq_node *prev = wq_node_prev(c);

			wq_node_unlink(c);
			/* The texts around it join; at an edge of a block,
			 * the spaces beside it go ("text <b>"). */
			if (prev && wq_node_type_of(prev) == WQ_NODE_TEXT) {
				next = prev;
				if (!wq_node_next(prev) && wq_node_is_block(n))
					trim_spaces(prev, 0);
			} else if (!prev && next &&
			    wq_node_type_of(next) == WQ_NODE_TEXT &&
			    wq_node_is_block(n)) {
				trim_spaces(next, 1);
			}
		}
	}
}

/* A reader's text that is not UTF-8 (cmark-gfm 0.29 can cut a character
 * when it gives back an unmatched footnote mark as text): each bad byte
 * becomes U+FFFD, so no writer emits what its format cannot carry. */
static int
repair_utf8(wq_node *t)
{
	const unsigned char *s = (const unsigned char *)t->literal;
	size_t len = t->literal_len, i = 0, at;
	const char *why;
	struct wq_buf b;

	if (len == 0 || utf8_check(s, len, &why) < 0) {
		t->checked = 1; /* check_model() need not read it again */
		return 0;
	}
	wq_buf_init(&b);
	while (i < len) {
		at = i;
		if (utf8_next(s, len, &i) < 0) {
			wq_buf_puts(&b, "\xEF\xBF\xBD");
			i = at + 1;
		} else {
			wq_buf_put(&b, t->literal + at, i - at);
		}
	}
	t->literal = arena_strndup(&t->doc->arena, b.data, b.len);
	t->literal_len = (uint32_t)b.len;
	wq_buf_free(&b);
	return 1;
}

static void
sanitize(wq_node *n, int *dropped, int *repaired)
{
	wq_node *c = wq_node_first_child(n), *next;

	for (; c; c = next) {
		next = wq_node_next(c);
		sanitize(c, dropped, repaired);
		if (c->type == WQ_NODE_TEXT || c->type == WQ_NODE_CODE ||
		    c->type == WQ_NODE_CODE_BLOCK)
			*repaired |= repair_utf8(c);
		if ((wq_node_type_of(c) == WQ_NODE_LINK ||
			wq_node_type_of(c) == WQ_NODE_IMAGE) &&
		    !url_is_safe(wq_node_url(c))) {
			wq_node *k, *at = c;

			*dropped = 1;
			while ((k = wq_node_first_child(c)) != NULL) {
				wq_node_insert_after(at, k);
				at = k;
			}
			wq_node_unlink(c);
		}
	}
}

/* wq_text_refused() for a string that may be NULL. */
static const char *
refused_str(const char *s)
{
	return s ? wq_text_refused(s, strlen(s)) : NULL;
}

/* The first character of the model the loader would have refused raw,
 * reached through a character reference ("&#x01;"), a YAML escape
 * ("\x01") or an info string: refused the same way, with the block's
 * line. */
static int
check_model(const wq_node *n, const char *name, struct wq_err *err)
{
	const wq_node *c;

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		const char *why = NULL, *what = "text";

		if (!c->checked &&
		    (why = wq_text_refused(
			 wq_node_literal(c), wq_node_literal_len(c))))
			what = "text";
		else if ((why = refused_str(wq_node_url(c))))
			what = "a link's address";
		else if ((why = refused_str(wq_node_title(c))))
			what = "a link's title";
		else if ((why = refused_str(wq_node_info(c))))
			what = "a code block's info string";
		if (why) {
			const wq_node *b = c;

			while (b && wq_node_line(b) == 0)
				b = wq_node_parent(b);
			return wq_err_set(err, WQ_EINPUT, name,
			    b ? wq_node_line(b) : 0, 0,
			    "%s in %s (from a character reference or an "
			    "escape)",
			    why, what);
		}
		if (check_model(c, name, err) != 0)
			return -err->code;
	}
	return 0;
}

/* The same for the text's metadata (front matter escapes). */
static int
check_meta(const wq_meta *m, const char *name, struct wq_err *err)
{
	size_t i, j;

	for (i = 0; i < wq_meta_count(m); i++)
		for (j = 0; j < wq_meta_nvalues(m, i); j++) {
			const char *v = wq_meta_value(m, i, j), *why;

			if ((why = refused_str(v)) != NULL)
				return wq_err_set(err, WQ_EINPUT, name, 0, 0,
				    "%s in front matter key '%s'", why,
				    wq_meta_key(m, i));
		}
	return 0;
}

/* The character set an HTML or XML text names near its start ("<meta
 * charset=...>", "encoding=..."), into 'out', if it is not UTF-8: what
 * to tell iconv when its bytes are not UTF-8. */
static int
declared_charset(const char *s, size_t len, char *out, size_t size)
{
	static const char *const keys[] = { "charset=", "encoding=", NULL };
	size_t head = len < 1024 ? len : 1024, i, k, n;

	for (i = 0; i < head; i++)
		for (k = 0; keys[k]; k++) {
			size_t kl = strlen(keys[k]);
			const char *v;

			if (i + kl >= head || strncasecmp(s + i, keys[k], kl))
				continue;
			v = s + i + kl;
			if (*v == '"' || *v == '\'')
				v++;
			for (n = 0; n + 1 < size && v + n < s + head &&
			     (isalnum((unsigned char)v[n]) ||
				 (v[n] && strchr("-_.:", v[n])));
			     n++)
				out[n] = v[n];
			out[n] = '\0';
			return n > 0 && strcasecmp(out, "utf-8") != 0 &&
			    strcasecmp(out, "utf8") != 0;
		}
	return 0;
}

/* Form feeds, the page separators of plain-text documents (the GNU
 * licences have them): whitespace to CommonMark and HTML, but no XML
 * output can hold one, so each is read as a space. */
struct form_feeds {
	size_t count, first;	 /* how many, the first's offset */
	unsigned long line, col; /* the first's place (check_bytes()) */
};

/* Bytes [from, to) of 'data' (a character's first at each end) checked:
 * the first fault in them reported, form feeds counted. */
static int
check_range(const char *name, const unsigned char *data, size_t len,
    size_t from, size_t to, struct form_feeds *ff, struct wq_err *err)
{
	const char *why;
	unsigned long line, col;
	long off;
	char cs[40];

	while ((off = utf8_check(data + from, to - from, &why)) >= 0) {
		size_t at = from + (size_t)off;

		from = at + 1;
		if (data[at] == '\f') {
			if (ff->count++ == 0)
				ff->first = at;
			continue;
		}
		text_position((const char *)data, at, &line, &col);
		if (declared_charset((const char *)data, len, cs, sizeof(cs)))
			return wq_err_set(err, WQ_EINPUT, name, line, col,
			    "%s (byte %zu); the text says it is %s: convert "
			    "it to UTF-8 first (iconv -f %s -t UTF-8)",
			    why, at, cs, cs);
		else
			return wq_err_set(err, WQ_EINPUT, name, line, col,
			    "%s (byte %zu)", why, at);
	}
	return 0;
}

/* A long text is checked and normalized in pieces, on both CPUs; below
 * this size one thread does it in less time than a second takes to
 * start. */
#define SPLIT_MIN ((size_t)1 << 20)
#define PIECE_MIN ((size_t)256 << 10)
#define MAX_PIECES 64

struct piece {
	size_t from, to;
	int rc; /* a fault found, or normalizing failed */
	struct form_feeds ff;
	char *nfc;
	size_t nfclen;
};

struct pieces {
	const char *name;
	const unsigned char *data;
	size_t len, n;
	struct piece p[MAX_PIECES];
};

/* Cuts data[0, len) into pieces that begin where next_start() says, each
 * at least a few hundred kilobytes long. */
static void
cut_pieces(struct pieces *ps, const unsigned char *data, size_t len,
    size_t (*next_start)(const unsigned char *, size_t, size_t))
{
	size_t want = len / PIECE_MIN, size, from = 0;

	want = want < 2 ? 2 : want > MAX_PIECES ? MAX_PIECES : want;
	size = len / want;
	ps->data = data;
	ps->len = len;
	ps->n = 0;
	while (from < len) {
		size_t to = ps->n + 1 == want
		    ? len
		    : next_start(data, len, from + size);
		struct piece *p = &ps->p[ps->n++];

		memset(p, 0, sizeof(*p));
		p->from = from, p->to = to;
		from = to;
	}
}

/* The first character's first byte at or after 'at'. */
static size_t
char_start(const unsigned char *s, size_t len, size_t at)
{
	while (at < len && (s[at] & 0xC0) == 0x80)
		at++;
	return at < len ? at : len;
}

/* Just after the first line end at or after 'at' (the end if none). */
static size_t
line_start(const unsigned char *s, size_t len, size_t at)
{
	const unsigned char *nl =
	    at < len ? memchr(s + at, '\n', len - at) : NULL;

	return nl ? (size_t)(nl - s) + 1 : len;
}

static void
check_piece(size_t i, void *arg)
{
	struct pieces *ps = arg;
	struct piece *p = &ps->p[i];

	p->rc = check_range(
	    ps->name, ps->data, ps->len, p->from, p->to, &p->ff, NULL);
}

static int
check_bytes(const char *name, const unsigned char *data, size_t len,
    struct form_feeds *ff, struct wq_err *err)
{
	struct pieces ps;
	size_t i;
	int rc;

	if (len >= 2 &&
	    ((data[0] == 0xFF && data[1] == 0xFE) ||
		(data[0] == 0xFE && data[1] == 0xFF)))
		return wq_err_set(err, WQ_EINPUT, name, 1, 1,
		    "UTF-16 text; convert it to UTF-8 first "
		    "(iconv -f UTF-16 -t UTF-8)");
	if (len < SPLIT_MIN) {
		if ((rc = check_range(name, data, len, 0, len, ff, err)) != 0)
			return rc;
	} else {
		/* Cut before a character's first byte: a sequence the cut
		 * would end early is invalid in the whole too. */
		cut_pieces(&ps, data, len, char_start);
		ps.name = name;
		par_for(ps.n, check_piece, &ps);
		for (i = 0; i < ps.n; i++) {
			struct piece *p = &ps.p[i];

			if (p->rc != 0) /* again, to say what and where */
				return check_range(
				    name, data, len, p->from, p->to, ff, err);
			if (p->ff.count && ff->count == 0)
				ff->first = p->ff.first;
			ff->count += p->ff.count;
		}
	}
	/* Only the first form feed's place is told: finding each one's
	 * line from the start was quadratic. */
	if (ff->count)
		text_position(
		    (const char *)data, ff->first, &ff->line, &ff->col);
	return 0;
}

static void
normalize_piece(size_t i, void *arg)
{
	struct pieces *ps = arg;
	struct piece *p = &ps->p[i];
	size_t marks_at;

	p->rc = nfc_normalize((const char *)ps->data + p->from, p->to - p->from,
	    &p->nfc, &p->nfclen, &marks_at, NULL);
}

/* nfc_normalize() in pieces on both CPUs. A line end never combines with
 * what is around it, so pieces end after one and normalize as the whole
 * would. */
static int
normalize(const char *in, size_t len, char **out, size_t *outlen,
    size_t *marks_at, struct wq_err *err)
{
	struct pieces ps;
	struct wq_buf b;
	size_t i;
	int rc = 0, changed = 0;

	if (len < SPLIT_MIN)
		return nfc_normalize(in, len, out, outlen, marks_at, err);
	cut_pieces(&ps, (const unsigned char *)in, len, line_start);
	par_for(ps.n, normalize_piece, &ps);
	for (i = 0; i < ps.n && rc == 0; i++) {
		struct piece *p = &ps.p[i];

		if (p->rc != 0) { /* again, to say what and where */
			rc = nfc_normalize(in + p->from, p->to - p->from,
			    &p->nfc, &p->nfclen, marks_at, err);
			if (*marks_at != SIZE_MAX)
				*marks_at += p->from;
		}
		changed |= p->nfc != NULL;
	}
	*out = NULL;
	if (rc == 0 && changed) {
		wq_buf_init(&b);
		for (i = 0; i < ps.n; i++) {
			struct piece *p = &ps.p[i];

			if (p->nfc)
				wq_buf_put(&b, p->nfc, p->nfclen);
			else
				wq_buf_put(&b, in + p->from, p->to - p->from);
			free(p->nfc);
			p->nfc = NULL;
		}
		*out = b.data;
		*outlen = b.len;
	}
	for (i = 0; i < ps.n; i++)
		free(ps.p[i].nfc);
	return rc;
}

/* Whether the text holds nothing but spaces, tabs and line ends. The
 * caller's buffer has no terminating NUL: never use str* on it. */
static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
			return 0;
	return 1;
}

/* Copies 'in' with CR LF and lone CR turned into LF and form feeds (if
 * check_bytes() found any) into spaces, one byte each so that columns
 * stay, or returns NULL when it has neither. */
static char *
unify_spaces(const char *in, size_t len, int form_feeds, size_t *outlen)
{
	char *out, *o;
	size_t i;

	if (!form_feeds && memchr(in, '\r', len) == NULL)
		return NULL;
	o = out = wq_xmalloc(len + 1);
	for (i = 0; i < len; i++) {
		if (in[i] == '\r') {
			*o++ = '\n';
			if (i + 1 < len && in[i + 1] == '\n')
				i++;
		} else {
			*o++ = in[i] == '\f' ? ' ' : in[i];
		}
	}
	*outlen = (size_t)(o - out);
	return out;
}

/* The text's SHA-256, taken on the second thread while the first checks
 * and normalizes it. */
struct digest {
	const void *data;
	size_t len;
	char hex[65];
};

static void
take_digest(void *arg)
{
	struct digest *d = arg;

	wq_sha256_hex(d->data, d->len, d->hex);
}

static unsigned long
count_lines(const char *s, size_t len)
{
	unsigned long n = 0;
	const char *p = s, *end = s + len;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
		n++, p++;
	return n;
}

/* Front matter keys with one meaning and several spellings. */
static void
canonical_keys(wq_meta *m)
{
	long i = wq_meta_find(m, "authors");

	if (i >= 0 && wq_meta_find(m, "author") < 0) {
		size_t j, n = wq_meta_nvalues(m, (size_t)i);

		for (j = 0; j < n; j++)
			wq_meta_add(
			    m, "author", wq_meta_value(m, (size_t)i, j));
		wq_meta_remove(m, "authors");
	}
}

/* Loads 'data'; if 'owned' is not NULL it is 'data', the caller's to
 * free, and is freed here as soon as the reader has read it, with the
 * loader's own copies: the text in several forms (as read, without CRs,
 * in NFC) was a third of the peak memory. */
static wq_doc *
load(const char *name, const void *data, size_t len,
    const struct wq_load_opts *opts, struct wq_err *err, char **owned)
{
	static const struct wq_load_opts defaults;
	const struct wq_plugin *reader;
	struct wq_read_ctx ctx;
	const char *text = data;
	char *crlf = NULL, *nfc = NULL;
	size_t max, n, nfclen, marks_at;
	wq_doc *doc = NULL;
	wq_node *sec;
	long fm;
	int rc, dropped = 0, repaired = 0;
	struct form_feeds ff = { 0, 0, 0, 0 };
	struct digest digest = { data, len, "" };
	struct par digesting = { 0 };

	opts = opts ? opts : &defaults;
	name = name ? name : "-";
	max = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
	if (len > max) {
		wq_err_set(err, WQ_EINPUT, name, 0, 0,
		    "input of %zu bytes exceeds the limit of %zu", len, max);
		return NULL;
	}
	if (opts->reader && read_find(opts, opts->reader) == NULL) {
		wq_err_set(err, WQ_EUSAGE, NULL, 0, 0,
		    "no reader for '%s' (see warraq --list-formats)",
		    opts->reader);
		return NULL;
	}
	if (!opts->no_digest) {
		if (len >= SPLIT_MIN)
			par_start(&digesting, take_digest, &digest);
		else
			take_digest(&digest);
	}
	if (check_bytes(name, data, len, &ff, err) != 0)
		goto fail;
	n = len;
	if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, n -= 3;
	if ((crlf = unify_spaces(text, n, ff.count > 0, &n)) != NULL)
		text = crlf;
	marks_at = SIZE_MAX;
	if (normalize(text, n, &nfc, &nfclen, &marks_at, err) != 0) {
		if (marks_at != SIZE_MAX && err) { /* give it its place */
			unsigned long line, col;
			char msg[sizeof(err->msg)];

			memcpy(msg, err->msg, sizeof(msg));
			text_position(text, marks_at, &line, &col);
			wq_err_set(err, err->code, name, line, col, "%s", msg);
		}
		goto fail;
	}
	if (nfc)
		text = nfc, n = nfclen;
	if (is_blank(text, n)) {
		wq_err_set(err, WQ_EINPUT, name, 1, 1, "empty text");
		goto fail;
	}

	doc = wq_doc_new();
	sec = wq_node_new(doc, WQ_NODE_SECTION);
	wq_node_append(wq_doc_root(doc), sec);
	sec->sec->file = arena_strdup(&doc->arena, name);
	sec->sec->size = len;
	par_join(&digesting);
	if (!opts->no_digest)
		memcpy(sec->sec->sha256, digest.hex, sizeof(digest.hex));
	if ((fm = frontmatter_parse(name, text, n, &sec->sec->meta, err)) < 0)
		goto fail;
	canonical_keys(&sec->sec->meta);

	memset(&ctx, 0, sizeof(ctx));
	ctx.opts = opts;
	ctx.file = sec->sec->file;
	ctx.first_line = count_lines(text, (size_t)fm) + 1;
	ctx.stride = 1;
	ctx.top = &ctx;
	text += fm, n -= (size_t)fm;
	reader = wq_load_pick_reader(name, text, n, opts);
	if (reader == NULL) {
		wq_err_set(err, WQ_EPLUGIN, name, 0, 0,
		    "no reader for this text (see warraq --list-formats)");
		goto fail;
	}
	ctx.format = opts->reader ? opts->reader : reader->name;
	rc = reader->reader->read(sec, text, n, WQ_READ_TEXT, &ctx, err);
	free(crlf);
	free(nfc);
	crlf = nfc = NULL;
	if (owned) {
		free(*owned);
		*owned = NULL;
	}
	if (rc < 0)
		goto fail;
	if (rc > 0)
		wq_read_warn(&ctx, 0, 0, "raw-html",
		    "markup the model cannot hold was left out (its text is "
		    "kept)");
	sanitize(sec, &dropped, &repaired);
	if (check_model(sec, name, err) != 0 ||
	    check_meta(wq_section_meta(sec), name, err) != 0)
		goto fail;
	merge_text(sec);
	if (repaired && opts->warn)
		opts->warn(opts->warn_arg, name, 0, 0, "bad-utf8",
		    "the reader gave back bytes that are not UTF-8; each is "
		    "U+FFFD");
	if (ff.count && opts->warn) {
		char msg[96];

		snprintf(msg, sizeof(msg),
		    "%zu form feed%s read as space%s (no XML output can hold "
		    "one)",
		    ff.count, ff.count > 1 ? "s" : "", ff.count > 1 ? "s" : "");
		opts->warn(
		    opts->warn_arg, name, ff.line, ff.col, "form-feed", msg);
	}
	if (dropped && opts->warn)
		opts->warn(opts->warn_arg, name, 0, 0, "unsafe-url",
		    "links to javascript:, data: or file: URLs were dropped "
		    "(their text is kept)");
	if (!opts->no_infer)
		infer_section(sec, (ctx.hints & WQ_HINT_LINES) != 0);
	bidi_section(sec, opts);
	section_incipit(sec);
	wq_doc_finish(doc);
	/* Kept, as everything in the text is, but never silently. */
	if (opts->warn)
		check_controls(doc, opts->warn, opts->warn_arg);
	return doc;
fail:
	par_join(&digesting);
	free(crlf);
	free(nfc);
	wq_doc_free(doc);
	return NULL;
}

wq_doc *
wq_load_buffer(const char *name, const void *data, size_t len,
    const struct wq_load_opts *opts, struct wq_err *err)
{
	return load(name, data, len, opts, err, NULL);
}

/* Reads all of 'fd'. A regular file is read into a buffer of its size
 * (plus one byte to see the end), not one doubled past it. */
static int
read_all(int fd, const char *name, size_t max, char **out, size_t *outlen,
    struct wq_err *err)
{
	struct stat st;
	size_t len = 0, cap = 65536;
	char *buf;
	ssize_t r;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    (uint64_t)st.st_size <= max)
		cap = (size_t)st.st_size + 1;
	buf = wq_xmalloc(cap);

	for (;;) {
		if (len == cap) {
			/* A pipe or a device (/dev/zero) is bounded as a
			 * file is: one byte past the limit says enough. */
			if (len > max) {
				free(buf);
				return wq_err_set(err, WQ_EINPUT, name, 0, 0,
				    "input exceeds the limit of %zu bytes",
				    max);
			}
			cap = cap > max / 2 ? max + 1 : cap * 2;
			buf = wq_xrealloc(buf, cap);
		}
		r = read(fd, buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return wq_err_set(
			    err, WQ_EIO, name, 0, 0, "%s", strerror(errno));
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	*out = buf;
	*outlen = len;
	return 0;
}

wq_doc *
wq_load_file(
    const char *path, const struct wq_load_opts *opts, struct wq_err *err)
{
	size_t max =
	    opts && opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
	int fd = 0, rc;
	struct stat st;
	char *data = NULL;
	size_t len = 0;
	wq_doc *doc;

	if (strcmp(path, "-") != 0) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			wq_err_set(
			    err, WQ_EIO, path, 0, 0, "%s", strerror(errno));
			return NULL;
		}
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			close(fd);
			wq_err_set(
			    err, WQ_EINPUT, path, 0, 0, "is a directory");
			return NULL;
		}
	}
	rc = read_all(fd, path, max, &data, &len, err);
	if (fd != 0)
		close(fd);
	if (rc != 0)
		return NULL;
	doc = load(path, data, len, opts, err, &data);
	free(data);
	return doc;
}
