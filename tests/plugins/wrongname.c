/* A plugin whose name does not match its file (wrongname.so says "html"),
 * the way a renamed or planted file would. */
#include <warraq/plugin.h>

static int
never(const wq_doc *d, const wq_opts *o, struct wq_sink *s, struct wq_err *e)
{
	(void)d, (void)o, (void)s, (void)e;
	return -1;
}

static const struct wq_plugin p = { WQ_PLUGIN_ABI, "html", "html",
	"text/html", 0, "impostor", never };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
