/*
 * fuzz_load.c - libFuzzer harness for the loader: any bytes, through
 * every reader in $WARRAQ_FUZZ_PLUGINS (default build-fuzz/plugins),
 * must load or be refused with an error, never crash, leak or misbehave
 * under ASan and UBSan.
 */
#include <warraq/host.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static wq_plugin_set *plugins;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct wq_plugin *const *r;
	struct wq_load_opts o;
	struct wq_err err;

	if (plugins == NULL) {
		const char *dir = getenv("WARRAQ_FUZZ_PLUGINS");
		const char *dirs[] = { dir ? dir : "build-fuzz/plugins", NULL };

		plugins = wq_plugin_set_open(dirs);
		if (wq_plugin_set_readers(plugins)[0] == NULL)
			abort(); /* nothing to fuzz: a setup error */
	}
	for (r = wq_plugin_set_readers(plugins); *r; r++) {
		wq_doc *doc;

		memset(&o, 0, sizeof(o));
		o.readers = wq_plugin_set_readers(plugins);
		o.reader = (*r)->name;
		o.max_bytes = 1 << 20;
		doc = wq_load_buffer("fuzz", data, size, &o, &err);
		if (doc == NULL && (err.code <= 0 || err.msg[0] == '\0'))
			__builtin_trap(); /* a failure must say why */
		wq_doc_free(doc);
	}
	return 0;
}
