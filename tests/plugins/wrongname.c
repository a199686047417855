/* A plugin whose name does not match its file (wrongname.so says "html"),
 * the way a renamed or planted file would. */
#include <warraq/plugin.h>

static int
never(const wq_doc *d, const wq_opts *o, struct wq_sink *s, struct wq_err *e)
{
	(void)d, (void)o, (void)s, (void)e;
	return -1;
}

static const struct wq_writer w = { sizeof(struct wq_writer), "html",
	"text/html", 0, never, NULL };

static const struct wq_plugin p = { WQ_PLUGIN_ABI, sizeof(struct wq_plugin), "html",
	NULL, "impostor", NULL, &w };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
