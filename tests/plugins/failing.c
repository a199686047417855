/* A writer that writes half its output and then fails: the host must
 * leave no file behind. */
#include <warraq/plugin.h>

static int
half(const wq_doc *d, const wq_opts *o, struct wq_sink *s, struct wq_err *e)
{
	int rc;

	(void)d, (void)o;
	if ((rc = wq_sink_write(s, "partial output\n", 15, e)) != 0)
		return rc;
	return wq_err_set(e, WQ_EPLUGIN, "failing", 0, 0, "failed on purpose");
}

static const struct wq_writer w = { sizeof(struct wq_writer), "txt",
	"text/plain", 0, half, NULL };

static const struct wq_plugin p = { WQ_PLUGIN_ABI, sizeof(struct wq_plugin), "failing",
	NULL, "fails mid-write", NULL, &w };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
