/*
 * tree.c - the "tree" writer: the model as an indented dump, for golden
 * tests, round-trip comparisons and debugging. With -V positions=no it
 * leaves out source positions and provenance (file, size, digest, what
 * was inferred), which differ between a text and its Markdown rendering
 * while the model stays the same.
 */
#include <warraq/plugin.h>

#include <string.h>

static void
put_quoted(struct wq_buf *b, const char *s, size_t len)
{
	size_t i;

	wq_buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c == '"' || c == '\\')
			wq_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			wq_buf_puts(b, "\\n");
		else if (c == '\t')
			wq_buf_puts(b, "\\t");
		else
			wq_buf_putc(b, c);
	}
	wq_buf_putc(b, '"');
}

static void
indent(struct wq_buf *b, int depth)
{
	int i;

	for (i = 0; i < depth; i++)
		wq_buf_puts(b, "  ");
}

static void
put_meta(struct wq_buf *b, const wq_meta *m, int depth)
{
	size_t i, j;

	for (i = 0; i < wq_meta_count(m); i++) {
		indent(b, depth);
		wq_buf_printf(b, "meta %s%s =", wq_meta_key(m, i),
		    wq_meta_is_list(m, i) ? "[]" : "");
		for (j = 0; j < wq_meta_nvalues(m, i); j++) {
			wq_buf_puts(b, j ? ", " : " ");
			put_quoted(b, wq_meta_value(m, i, j),
			    strlen(wq_meta_value(m, i, j)));
		}
		wq_buf_putc(b, '\n');
	}
}

static void
put_section(struct wq_buf *b, const wq_node *n, int depth, int positions)
{
	static const char *const names[] = { "title", "source", "date", "lang",
		"dir", "headings" };
	unsigned bits = wq_section_inferred(n);
	size_t i, count;
	const char *lang;
	uint64_t letters;
	int first = 1;

	if (positions)
		wq_buf_printf(b, " file=\"%s\" size=%llu sha256=%s",
		    wq_section_file(n), (unsigned long long)wq_section_size(n),
		    wq_section_sha256(n) ? wq_section_sha256(n) : "-");
	if (bits && positions) {
		wq_buf_puts(b, " inferred=");
		for (i = 0; i < 6; i++)
			if (bits & (1u << i)) {
				wq_buf_printf(
				    b, "%s%s", first ? "" : ",", names[i]);
				first = 0;
			}
	}
	count = wq_section_lang_usage(n, 0, NULL, NULL);
	for (i = 0; i < count; i++) {
		wq_section_lang_usage(n, i, &lang, &letters);
		wq_buf_printf(b, "%s%s:%llu", i ? "," : " letters=", lang,
		    (unsigned long long)letters);
	}
	wq_buf_putc(b, '\n');
	put_meta(b, wq_section_meta(n), depth + 1);
}

static int
tree_write(const wq_doc *doc, const wq_opts *opts, struct wq_sink *out,
    struct wq_err *err)
{
	const char *pos = wq_opts_get(opts, "positions");
	int positions = pos == NULL || wq_opts_flag(opts, "positions");
	wq_iter *it = wq_iter_new(wq_doc_root(doc));
	struct wq_buf b;
	enum wq_event ev;
	int depth = 0, rc;

	wq_buf_init(&b);
	while ((ev = wq_iter_next(it)) != WQ_EVENT_DONE) {
		const wq_node *n = wq_iter_node(it);
		wq_node_type t = wq_node_type_of(n);

		if (ev == WQ_EVENT_EXIT) {
			depth--;
			continue;
		}
		indent(&b, depth);
		wq_buf_puts(&b, wq_node_type_name(t));
		if (wq_node_lang(n))
			wq_buf_printf(&b, " lang=%s", wq_node_lang(n));
		if (wq_node_dir(n))
			wq_buf_printf(
			    &b, " dir=%s", wq_dir_name(wq_node_dir(n)));
		switch (t) {
		case WQ_NODE_HEADING:
			wq_buf_printf(
			    &b, " level=%d", wq_node_heading_level(n));
			if (wq_node_heading_anchor(n))
				wq_buf_printf(&b, " anchor=%s",
				    wq_node_heading_anchor(n));
			break;
		case WQ_NODE_LIST:
			wq_buf_printf(&b, " %s",
			    wq_node_list_ordered(n) ? "ordered" : "bullet");
			if (wq_node_list_ordered(n))
				wq_buf_printf(
				    &b, " start=%d", wq_node_list_start(n));
			wq_buf_puts(
			    &b, wq_node_list_tight(n) ? " tight" : " loose");
			break;
		case WQ_NODE_ITEM:
			if (wq_node_task(n))
				wq_buf_puts(&b,
				    wq_node_task(n) == 2 ? " task=done"
							 : " task=open");
			break;
		case WQ_NODE_FOOTNOTE:
		case WQ_NODE_FOOTNOTE_REF:
			wq_buf_printf(&b, " n=%d", wq_node_footnote_number(n));
			break;
		case WQ_NODE_TABLE_ROW:
			if (wq_node_row_header(n))
				wq_buf_puts(&b, " header");
			break;
		case WQ_NODE_TABLE_CELL: {
			static const char *const align[] = { NULL, "start",
				"center", "end" };

			if (wq_node_cell_align(n))
				wq_buf_printf(&b, " align=%s",
				    align[wq_node_cell_align(n)]);
			break;
		}
		case WQ_NODE_CODE_BLOCK:
			if (wq_node_info(n))
				wq_buf_printf(&b, " info=%s", wq_node_info(n));
			break;
		case WQ_NODE_LINK:
		case WQ_NODE_IMAGE:
			wq_buf_puts(&b, " url=");
			put_quoted(&b, wq_node_url(n), strlen(wq_node_url(n)));
			if (wq_node_title(n)) {
				wq_buf_puts(&b, " title=");
				put_quoted(&b, wq_node_title(n),
				    strlen(wq_node_title(n)));
			}
			break;
		case WQ_NODE_PAGE_BREAK:
			if (wq_node_page_volume(n))
				wq_buf_printf(
				    &b, " volume=%s", wq_node_page_volume(n));
			wq_buf_printf(&b, " page=%s", wq_node_page(n));
			break;
		case WQ_NODE_MILESTONE:
			wq_buf_printf(
			    &b, " unit=%s", wq_node_milestone_unit(n));
			if (*wq_node_milestone_n(n))
				wq_buf_printf(
				    &b, " n=%s", wq_node_milestone_n(n));
			break;
		default: break;
		}
		if (wq_node_kind(n))
			wq_buf_printf(&b, " kind=%s", wq_node_kind(n));
		if (wq_node_subkind(n))
			wq_buf_printf(&b, "/%s", wq_node_subkind(n));
		if (positions && wq_node_is_block(n) && wq_node_line(n))
			wq_buf_printf(&b, " @%lu:%lu", wq_node_line(n),
			    wq_node_column(n));
		if (wq_node_literal(n)) {
			wq_buf_putc(&b, ' ');
			put_quoted(
			    &b, wq_node_literal(n), wq_node_literal_len(n));
		}
		if (t == WQ_NODE_SECTION)
			put_section(&b, n, depth, positions);
		else
			wq_buf_putc(&b, '\n');
		if (t == WQ_NODE_DOCUMENT)
			put_meta(&b, wq_doc_meta(doc), depth + 1);
		if (wq_node_type_is_container(t))
			depth++;
	}
	wq_iter_free(it);
	rc = wq_sink_put_buf(out, &b, err);
	wq_buf_free(&b);
	return rc;
}

static const struct wq_writer writer = {
	sizeof(struct wq_writer),
	"tree",
	"text/plain",
	0,
	tree_write,
	"positions",
};

static const struct wq_plugin tree = {
	WQ_PLUGIN_ABI,
	sizeof(struct wq_plugin),
	"tree",
	NULL,
	"the document model as an indented dump (tests, debugging)",
	NULL,
	&writer,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &tree;
}
