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

static const struct wq_plugin p = { WQ_PLUGIN_ABI, "failing", "txt",
	"text/plain", 0, "fails mid-write", half };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
