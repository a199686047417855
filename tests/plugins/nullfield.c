/* A plugin with no write function. */
#include <warraq/plugin.h>

static const struct wq_plugin p = { WQ_PLUGIN_ABI, "nullfield", "x",
	"text/plain", 0, "no writer", 0 };

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &p;
}
