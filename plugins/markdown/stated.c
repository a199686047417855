/*
 * stated.c - the direction and language that raw HTML tags state around
 * Markdown (docs/design.md D2: the source's own direction wins).
 *
 * cmark cuts raw HTML into pieces: "<div dir='rtl'>" is a block of its
 * own when a blank line follows, the Markdown up to "</div>" other
 * blocks; "<span dir='ltr'>" and "</span>" are inline nodes around a
 * link. Neither piece means anything alone, so the html reader cannot
 * keep them; the pairs are matched here instead.
 */
#include "markdown.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Reads attribute 'name' of the tag s[0, len) into out; 0 if absent. */
static int
tag_attr(const char *s, size_t len, const char *name, char *out, size_t size)
{
	size_t i = 1, n = strlen(name);

	while (i < len && !isspace((unsigned char)s[i]))
		i++; /* the element's name */
	for (;;) {
		size_t start, nlen, v = 0, vlen = 0;

		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i >= len || s[i] == '/')
			return 0;
		for (start = i; i < len && s[i] != '=' && s[i] != '/' &&
		     !isspace((unsigned char)s[i]);
		     i++)
			;
		nlen = i - start;
		while (i < len && isspace((unsigned char)s[i]))
			i++;
		if (i < len && s[i] == '=') {
			char q = 0;

			for (i++; i < len && isspace((unsigned char)s[i]); i++)
				;
			if (i < len && (s[i] == '"' || s[i] == '\''))
				q = s[i++];
			for (v = i; i < len &&
			     (q ? s[i] != q : !isspace((unsigned char)s[i]));
			     i++)
				;
			vlen = i - v;
			i += q && i < len;
		}
		if (nlen == n && strncasecmp(s + start, name, n) == 0) {
			if (vlen >= size)
				return 0;
			memcpy(out, s + v, vlen);
			out[vlen] = '\0';
			return 1;
		}
	}
}

int
md_tag_open(const char *s, size_t len, struct md_tag *t)
{
	size_t i = 0, n = 0, end;
	char v[8];

	while (i < len && isspace((unsigned char)s[i]))
		i++;
	if (i + 1 >= len || s[i] != '<' || !isalpha((unsigned char)s[i + 1]))
		return 0;
	s += i, len -= i;
	for (end = 0; end < len && s[end] != '>'; end++)
		;
	if (end == len || s[end - 1] == '/')
		return 0;
	while (n + 1 < sizeof(t->name) && isalnum((unsigned char)s[1 + n]))
		t->name[n] = (char)tolower((unsigned char)s[1 + n]), n++;
	t->name[n] = '\0';
	t->dir = WQ_DIR_UNSET;
	t->kind[0][0] = t->kind[1][0] = '\0';
	if (tag_attr(s, end, "dir", v, sizeof(v)))
		t->dir = strcasecmp(v, "rtl") == 0 ? WQ_DIR_RTL
		    : strcasecmp(v, "ltr") == 0	   ? WQ_DIR_LTR
						   : WQ_DIR_UNSET;
	if (!tag_attr(s, end, "lang", t->lang, sizeof(t->lang)) ||
	    !wq_lang_tag_valid(t->lang))
		t->lang[0] = '\0';
	return 1;
}

int
md_tag_closes(const char *s, const char *name)
{
	size_t n = strlen(name);

	while (isspace((unsigned char)*s))
		s++;
	return s[0] == '<' && s[1] == '/' && strncasecmp(s + 2, name, n) == 0 &&
	    !isalnum((unsigned char)s[2 + n]);
}

/* The paragraphs of a "::: verse" div are its lines, as warraq's writer
 * puts them. */
static void
make_verse(wq_node *parent, wq_node *before)
{
	wq_node *b, *next, *verse = NULL;

	for (b = before ? wq_node_next(before) : wq_node_first_child(parent); b;
	     b = next) {
		wq_node *line, *k;

		next = wq_node_next(b);
		if (wq_node_type_of(b) != WQ_NODE_PARAGRAPH) {
			verse = NULL;
			continue;
		}
		if (verse == NULL) {
			verse = wq_node_new(wq_node_doc(b), WQ_NODE_VERSE);
			wq_node_set_pos(
			    verse, wq_node_line(b), wq_node_column(b));
			wq_node_insert_before(b, verse);
		}
		line = wq_node_new(wq_node_doc(b), WQ_NODE_VERSE_LINE);
		wq_node_set_pos(line, wq_node_line(b), wq_node_column(b));
		if (wq_node_dir_stated(b)) {
			wq_node_set_dir(line, wq_node_dir(b));
			wq_node_set_lang(line, wq_node_lang(b));
		}
		while ((k = wq_node_first_child(b)) != NULL)
			wq_node_append(line, k);
		wq_node_append(verse, line);
		wq_node_unlink(b);
	}
}

/* The blocks after 'before' (all when NULL) below 'parent' take what
 * tag 't' states, unless they state something of their own: direction,
 * language, and a kind for paragraphs ("::: riwaya"). */
static void
state(const struct md_tag *t, wq_node *parent, wq_node *before)
{
	wq_node *b;

	if (strcmp(t->kind[0], "verse") == 0)
		make_verse(parent, before);
	else if (t->kind[0][0])
		for (b = before ? wq_node_next(before)
				: wq_node_first_child(parent);
		     b; b = wq_node_next(b))
			if (wq_node_type_of(b) == WQ_NODE_PARAGRAPH &&
			    !wq_node_kind(b))
				wq_node_set_kind(b, t->kind[0],
				    t->kind[1][0] ? t->kind[1] : NULL);
	if (t->dir == WQ_DIR_UNSET && t->lang[0] == '\0')
		return;
	for (b = before ? wq_node_next(before) : wq_node_first_child(parent); b;
	     b = wq_node_next(b)) {
		if (wq_node_dir(b) != WQ_DIR_UNSET || wq_node_lang(b))
			continue;
		wq_node_set_dir(b, t->dir);
		if (t->lang[0])
			wq_node_set_lang(b, t->lang);
	}
}

/* Whether 's' holds one tag and white space. */
static int
tag_alone(const char *s)
{
	const char *gt = strchr(s, '>');

	if (gt == NULL || strchr(s, '<') != strrchr(s, '<'))
		return 0;
	for (gt++; *gt; gt++)
		if (!isspace((unsigned char)*gt))
			return 0;
	return 1;
}

int
md_stated_block(
    struct md_stated *st, wq_node *parent, const char *html, wq_node *before)
{
	struct md_tag t;
	struct md_attrs a;
	const char *p;

	/* The fence lines of pandoc's divs, as md_fenced_divs() left them. */
	if (strncmp(html, "<!--wq:/div-->", 14) == 0) {
		if (st->depth > 0 &&
		    strcmp(st->open[st->depth - 1].name, ":::") == 0) {
			st->depth--;
			state(&st->open[st->depth], parent,
			    st->before[st->depth]);
		}
		return 1;
	}
	if (strncmp(html, "<!--wq:div", 10) == 0) {
		if (st->depth == sizeof(st->open) / sizeof(st->open[0]))
			return 1;
		md_attrs(html + 10, strlen(html + 10), &a);
		memset(&t, 0, sizeof(t));
		strcpy(t.name, ":::");
		t.dir = a.dir;
		memcpy(t.lang, a.lang, sizeof(t.lang));
		memcpy(t.kind, a.kind, sizeof(t.kind));
		st->open[st->depth] = t;
		st->before[st->depth++] = before;
		return 1;
	}
	if (st->depth > 0 &&
	    md_tag_closes(html, st->open[st->depth - 1].name)) {
		st->depth--;
		state(&st->open[st->depth], parent, st->before[st->depth]);
		return tag_alone(html);
	}
	/* A container opened and not closed in the same block. */
	if (!md_tag_open(html, strlen(html), &t) ||
	    st->depth == sizeof(st->open) / sizeof(st->open[0]))
		return 0;
	for (p = strstr(html, "</"); p; p = strstr(p + 2, "</"))
		if (md_tag_closes(p, t.name))
			return 0;
	st->open[st->depth] = t;
	st->before[st->depth++] = before;
	return tag_alone(html) && (t.dir != WQ_DIR_UNSET || t.lang[0]);
}

/* The length of line s[0, len) up to its end, and where the next starts. */
static size_t
line_end(const char *s, size_t len, size_t *next)
{
	const char *nl = memchr(s, '\n', len);
	size_t end = nl ? (size_t)(nl - s) : len;

	*next = nl ? end + 1 : len;
	return end;
}

/* The length of the one class name a fence line may hold ("::: verse",
 * then nothing but spaces and colons), or 0. */
static size_t
class_word(const char *s, size_t len)
{
	size_t w = 0, k;

	if (len == 0 || !isalpha((unsigned char)s[0]))
		return 0;
	while (w < len &&
	    (isalnum((unsigned char)s[w]) || s[w] == '-' || s[w] == '_'))
		w++;
	for (k = w; k < len; k++)
		if (s[k] != ' ' && s[k] != ':')
			return 0;
	return w;
}

int
md_fenced_divs(const char *s, size_t len, struct wq_buf *out)
{
	size_t i = 0, next, depth = 0, fence = 0, n;
	char fch = 0, ch;
	int found = 0;

	for (i = 0; i + 3 <= len; i = next) {
		if (memcmp(s + i, ":::", 3) == 0)
			found = 1;
		line_end(s + i, len - i, &next);
		next += i;
	}
	if (!found)
		return 0;
	wq_buf_reserve(out, len + 64);
	for (i = 0; i < len; i = next) {
		size_t end = line_end(s + i, len - i, &next), k = 0, alen, w;
		const char *l = s + i;
		struct md_attrs a;

		next += i;
		if ((n = md_code_fence(l, end, &ch)) != 0) {
			if (fence == 0)
				fence = n, fch = ch;
			else if (ch == fch && n >= fence)
				fence = 0;
		} else if (fence == 0 && end >= 3 && memcmp(l, ":::", 3) == 0) {
			while (k < end && l[k] == ':')
				k++;
			while (k < end && l[k] == ' ')
				k++;
			if (k == end) { /* a closing fence */
				if (depth > 0) {
					depth--;
					wq_buf_puts(out, "<!--wq:/div-->");
					wq_buf_put(
					    out, l + end, next - i - end);
					continue;
				}
			} else if ((alen = md_attrs(l + k, end - k, &a)) != 0 ||
			    (w = class_word(l + k, end - k)) != 0) {
				/* "{attributes}", or a class name ("::: verse",
				 * read as "{.verse}"). */
				depth++;
				wq_buf_puts(out, "<!--wq:div");
				if (alen == 0) {
					wq_buf_puts(out, "{.");
					wq_buf_put(out, l + k, w);
					wq_buf_putc(out, '}');
				} else {
					wq_buf_put(out, l + k, alen);
				}
				wq_buf_puts(out, "-->");
				wq_buf_put(out, l + end, next - i - end);
				continue;
			}
		}
		wq_buf_put(out, l, next - i);
	}
	return 1;
}

void
md_stated_end(struct md_stated *st, wq_node *parent)
{
	while (st->depth > 0) {
		st->depth--;
		state(&st->open[st->depth], parent, st->before[st->depth]);
	}
}
