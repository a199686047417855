/*
 * plain.c - an out-of-tree warraq plugin: the text of every block, one
 * per line. Built by the install test against an installed warraq with
 * `cc -shared -fPIC $(pkg-config --cflags --libs warraq) -o plain.so
 * plain.c`; docs/plugins.md walks through it.
 */
#include <warraq/plugin.h>

static int
plain_write(const wq_doc *doc, const wq_opts *opts, struct wq_sink *out,
    struct wq_err *err)
{
	wq_iter *it = wq_iter_new(wq_doc_root(doc));
	struct wq_buf b;
	enum wq_event ev;
	int rc;

	(void)opts;
	wq_buf_init(&b);
	while ((ev = wq_iter_next(it)) != WQ_EVENT_DONE) {
		const wq_node *n = wq_iter_node(it);

		switch (wq_node_type_of(n)) {
		case WQ_NODE_PARAGRAPH:
		case WQ_NODE_HEADING:
			if (ev == WQ_EVENT_ENTER) {
				wq_node_text(n, &b);
				wq_buf_putc(&b, '\n');
				wq_iter_skip_children(it);
			}
			break;
		default:
			break;
		}
	}
	wq_iter_free(it);
	rc = wq_sink_put_buf(out, &b, err);
	wq_buf_free(&b);
	return rc;
}

static const struct wq_plugin plain = {
	WQ_PLUGIN_ABI, "plain", "txt", "text/plain", 0,
	"the text of every block, one per line", plain_write,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &plain;
}
