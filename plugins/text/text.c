/*
 * text.c - the "text" reader: plain text, whose paragraphs are either one
 * per line (most texts pasted from the web: joining the lines would bury
 * an article in one paragraph) or separated by blank lines. Each line is
 * still read as Markdown (# headings, > quotes, images), and lines that
 * start with a bullet character make a list. "lines" forces one
 * paragraph per line.
 */
#include <warraq/plugin.h>

#include <string.h>

/* Plain text is one paragraph per line unless it separates paragraphs
 * with blank lines: the seeds put a paragraph on each line, and joining
 * them would bury a whole article in one paragraph. */
static int
looks_line_per_paragraph(const char *s, size_t len)
{
	size_t i = 0, lines = 0, blanks = 0;

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len, k = i;

		while (k < end && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k == end)
			blanks++;
		else
			lines++;
		i = end + 1;
	}
	return lines >= 2 && blanks * 4 < lines;
}

/* Bullet characters that plain texts use for list items, all three bytes
 * long so that swapping in "-  " keeps every column where it was. */
static int
is_bullet(const char *s, size_t len)
{
	static const char *const bullets[] = {
		"\xE2\x80\xA2", /* • */
		"\xE2\x97\x8F", /* ● */
		"\xE2\x96\xAA", /* ▪ */
		"\xE2\x97\xA6", /* ◦ */
		NULL,
	};
	size_t i;

	if (len < 4 || (s[3] != ' ' && s[3] != '\t'))
		return 0;
	for (i = 0; bullets[i]; i++)
		if (memcmp(s, bullets[i], 3) == 0)
			return 1;
	return 0;
}

/* Writes the text as Markdown with a blank line after every line, so that
 * each line is a block, and source line N becomes line 2N - 1. */
static void
to_line_markdown(const char *s, size_t len, struct wq_buf *out)
{
	size_t i = 0, lines = 1;
	const char *p = s, *end = s + len;

	/* Reserve the size exactly: one more byte per line. */
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL)
		lines++, p++;
	wq_buf_reserve(out, len + lines + 2);

	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;

		/* Indentation in plain text is not a code block. */
		while (i < end && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (is_bullet(s + i, end - i)) {
			wq_buf_puts(out, "-  ");
			i += 3;
		}
		wq_buf_put(out, s + i, end - i);
		wq_buf_puts(out, "\n\n");
		i = end + 1;
	}
}

/* Lists made of one line per item were loose only because of the blank
 * lines to_line_markdown() put between them. */
static void
tighten_lists(wq_node *n)
{
	wq_node *c;

	if (wq_node_type_of(n) == WQ_NODE_LIST)
		wq_node_set_list(
		    n, wq_node_list_ordered(n), wq_node_list_start(n), 1);
	for (c = wq_node_first_child(n); c; c = wq_node_next(c))
		if (wq_node_is_block(c))
			tighten_lists(c);
}

static int
text_read(wq_node *parent, const char *data, size_t len, enum wq_read_mode mode,
    wq_read_ctx *ctx, struct wq_err *err)
{
	struct wq_buf md;
	int rc;

	if (strcmp(wq_read_format(ctx), "lines") != 0 &&
	    !looks_line_per_paragraph(data, len))
		return wq_read_with(
		    ctx, "markdown", parent, data, len, mode, 1, 1, err);
	wq_buf_init(&md);
	to_line_markdown(data, len, &md);
	rc = wq_read_with(
	    ctx, "markdown", parent, md.data, md.len, mode, 1, 2, err);
	wq_buf_free(&md);
	if (rc < 0)
		return rc;
	tighten_lists(parent);
	wq_read_set_hints(ctx, WQ_HINT_LINES);
	return rc;
}

/* Any text may be plain text: the reader of last resort. */
static int
text_probe(const char *data, size_t len)
{
	(void)data, (void)len;
	return 1;
}

static const struct wq_reader reader = {
	sizeof(struct wq_reader),
	"txt text",
	"text/plain",
	text_probe,
	text_read,
};

static const struct wq_plugin text = {
	WQ_PLUGIN_ABI,
	sizeof(struct wq_plugin),
	"text",
	"lines",
	"plain text: a paragraph per line or per blank line; 'lines' "
	"forces the first",
	&reader,
	NULL,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &text;
}
