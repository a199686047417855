/* A plugin built against another ABI: the host must refuse it by its
 * first field alone. */
#include <warraq/plugin.h>

static int
never(const wq_doc *d, const wq_opts *o, struct wq_sink *s, struct wq_err *e)
{
	(void)d, (void)o, (void)s, (void)e;
	return -1;
}

static const struct wq_writer w = { sizeof(struct wq_writer), "x",
	"text/plain", 0, never, NULL };

static const struct wq_plugin p = { 99, sizeof(struct wq_plugin), "badabi",
	NULL, "wrong ABI", NULL, &w };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
