/* A plugin with no write function. */
#include <warraq/plugin.h>

static const struct wq_writer w = { sizeof(struct wq_writer), "x",
	"text/plain", 0, 0, NULL };

static const struct wq_plugin p = { WQ_PLUGIN_ABI, sizeof(struct wq_plugin), "nullfield",
	NULL, "no writer", NULL, &w };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
