/*
 * pieces.c - where a long text may be cut so that cmark parses it a piece
 * at a time. cmark's tree was the peak of a large text's memory (on short
 * paragraphs cmark-gfm alone takes 24 MB per MB, more than the model);
 * parsed in pieces, only one piece's tree is alive at once.
 *
 * A cut goes before a line that follows a blank line and starts in its
 * first column with a letter or '#': such a line can only open a new
 * top-level block, and nothing before it reaches into it (a list, a
 * quote, indented code or a table ends at it). Inside fenced code and
 * the raw HTML blocks that blank lines do not end (<pre>, <script>,
 * <style>, <textarea>, comments, <?...?>, <!...>, CDATA) there is no
 * cut. Where the scan is unsure it does not cut. A text with reference
 * or footnote definitions is never cut: their names reach across it.
 *
 * A table is one block however long it is, so it may also be cut before
 * a row: the piece that follows is parsed with the table's head (header
 * and delimiter rows) before it, and its rows join the table. Only a
 * table that begins a top-level block and whose rows all begin with '|'
 * in the first column is cut (such a line can only be its next row),
 * and only once cmark-gfm has said its head is one (md_table_head_fn).
 */
#include "markdown.h"

#include <string.h>
#include <strings.h>

/* A line's indentation in columns of spaces, up to 4. */
static size_t
indent(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 4 && s[i] == ' ')
		i++;
	return i;
}

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int
md_cuttable(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len, k;

		k = i + indent(s + i, end - i);
		if (k < end && s[k] == '[') {
			const char *close = memchr(s + k, ']', end - k);

			if (close && close + 1 < s + end && close[1] == ':')
				return 0;
		}
		i = end + 1;
	}
	return 1;
}

/* The raw HTML blocks that run past blank lines, and their ends. */
static const char *
html_block_end(const char *s, size_t n)
{
	static const struct {
		const char *open, *close;
	} kinds[] = {
		{ "<script", "</script>" },
		{ "<pre", "</pre>" },
		{ "<style", "</style>" },
		{ "<textarea", "</textarea>" },
		{ "<!--", "-->" },
		{ "<?", "?>" },
		{ "<![CDATA[", "]]>" },
	};
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		size_t k = strlen(kinds[i].open);

		if (n >= k && strncasecmp(s, kinds[i].open, k) == 0)
			return kinds[i].close;
	}
	if (n >= 3 && s[0] == '<' && s[1] == '!' &&
	    ((s[2] >= 'A' && s[2] <= 'Z') || (s[2] >= 'a' && s[2] <= 'z')))
		return ">";
	return NULL;
}

/* Whether 'close' occurs in s[0..n), ignoring case. */
static int
contains(const char *s, size_t n, const char *close)
{
	size_t k = strlen(close), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, close, k) == 0)
			return 1;
	return 0;
}

/* Whether a line could be a table's delimiter row: pipes, dashes,
 * colons and spaces, a dash at least. */
static int
delimiter_row(const char *s, size_t n)
{
	size_t i;
	int dash = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' &&
		    s[i] != '\t' && s[i] != '\r')
			return 0;
	}
	return dash;
}

void
md_next_cut(const char *s, size_t len, size_t want, struct md_cut *cut,
    md_table_head_fn is_head, void *arg)
{
	size_t from = cut->at, i = from;
	char fence = 0; /* '`' or '~' while in fenced code */
	size_t fence_len = 0;
	const char *html = NULL; /* the end of the raw HTML block we are in */
	int in_table = is_head && cut->head_len > 0;
	int after_blank = !in_table; /* else 'from' begins a top-level block */

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len, n = end - i;
		const char *line = s + i;
		size_t k = indent(line, n), run = 0;
		int cut_here = i - from >= want && n > 0;

		if (in_table && line[0] != '|' &&
		    i >= cut->head + cut->head_len)
			in_table = 0; /* or its rows stop beginning with '|' */
		if (in_table && cut_here && i >= cut->head + cut->head_len) {
			cut->at = i;
			return;
		}
		if (fence == 0 && html == NULL && after_blank && cut_here &&
		    (line[0] == '#' || (unsigned char)line[0] >= 0x80 ||
			(line[0] >= 'A' && line[0] <= 'Z') ||
			(line[0] >= 'a' && line[0] <= 'z'))) {
			cut->at = i, cut->head_len = 0;
			return;
		}
		if (is_head && fence == 0 && html == NULL && after_blank &&
		    n > 0 && line[0] == '|' && end < len) {
			/* A head ends with its line end: rows follow it. */
			const char *nl2 =
			    memchr(s + end + 1, '\n', len - end - 1);
			size_t end2 = nl2 ? (size_t)(nl2 - s) : len;

			if (nl2 && delimiter_row(s + end + 1, end2 - end - 1) &&
			    is_head(line, end2 - i, arg)) {
				in_table = 1;
				cut->head = i, cut->head_len = end2 + 1 - i;
			}
		}
		after_blank = is_blank(line, n);
		if (html) {
			if (contains(line, n, html))
				html = NULL;
		} else if (k < 4 && k < n &&
		    (line[k] == '`' || line[k] == '~')) {
			while (k + run < n && line[k + run] == line[k])
				run++;
			if (run >= 3) {
				if (fence == 0) {
					fence = line[k], fence_len = run;
				} else if (line[k] == fence &&
				    run >= fence_len &&
				    is_blank(line + k + run, n - k - run)) {
					fence = 0;
				}
			}
		} else if (fence == 0 && k < 4 && k < n && line[k] == '<' &&
		    (html = html_block_end(line + k, n - k)) != NULL) {
			/* Its end may be on its own first line. */
			size_t skip = strlen(html) > 1 ? 2 : 1;

			if (n - k > skip &&
			    contains(line + k + skip, n - k - skip, html))
				html = NULL;
		}
		i = end + 1;
	}
	cut->at = len, cut->head_len = 0;
}
