/*
 * oldwriter.c - a writer built against plugin.h before struct wq_writer
 * had its 'variables': it must still load, its -V keys unchecked.
 */
#include <warraq/plugin.h>

struct old_writer {
	size_t size;
	const char *extensions;
	const char *media_type;
	unsigned flags;
	wq_write_fn write;
};

static int
write_old(const wq_doc *d, const wq_opts *o, struct wq_sink *s,
    struct wq_err *e)
{
	(void)d, (void)o;
	return wq_sink_write(s, "old\n", 4, e);
}

static const struct old_writer w = { sizeof(struct old_writer), "old",
	"text/plain", 0, write_old };

static const struct wq_plugin p = { WQ_PLUGIN_ABI, sizeof(struct wq_plugin),
	"oldwriter", NULL, "a writer of an older header", NULL,
	(const struct wq_writer *)&w };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
