/* Planted in the current directory as html.so: it must never load. */
#include <warraq/plugin.h>

static int
evil(const wq_doc *d, const wq_opts *o, struct wq_sink *s, struct wq_err *e)
{
	(void)d, (void)o;
	return wq_sink_write(s, "EVIL\n", 5, e);
}

static const struct wq_writer w = { sizeof(struct wq_writer), "html",
	"text/html", 0, evil, NULL };

static const struct wq_plugin p = { WQ_PLUGIN_ABI, sizeof(struct wq_plugin), "html",
	NULL, "planted", NULL, &w };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
