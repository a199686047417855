/*
 * fuzz_write.c - libFuzzer harness for the writers: bytes -> model ->
 * every plugin found in $WARRAQ_FUZZ_PLUGINS (default build-fuzz/plugins),
 * or only $WARRAQ_FUZZ_FORMAT, into a memory sink. An XML writer's output
 * must also be well-formed, checked with libxml2.
 */
#include <warraq/host.h>

#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct wq_loaded_plugin plugins[8];
static size_t nplugins;
static wq_opts *opts;
static wq_plugin_set *readers;

static void
setup(void)
{
	static const char *const all[] = { "html", "epub", "tei", "markdown",
		"tree", NULL };
	const char *dir = getenv("WARRAQ_FUZZ_PLUGINS");
	const char *only = getenv("WARRAQ_FUZZ_FORMAT");
	const char *dirs[] = { dir ? dir : "build-fuzz/plugins", NULL };
	struct wq_err err;
	size_t i;

	for (i = 0; all[i]; i++) {
		if (only && strcmp(only, all[i]) != 0)
			continue;
		if (wq_plugin_open(all[i], dirs, &plugins[nplugins], &err) == 0)
			nplugins++;
	}
	readers = wq_plugin_set_open(dirs);
	if (nplugins == 0 || wq_plugin_set_readers(readers)[0] == NULL)
		abort(); /* nothing to fuzz: a setup error, not a finding */
	opts = wq_opts_new();
	wq_opts_set_epoch(opts, 0);
	wq_opts_add(opts, "lenient", "1");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wq_load_opts o;
	struct wq_err err;
	wq_doc *doc;
	size_t i;

	if (nplugins == 0)
		setup();
	memset(&o, 0, sizeof(o));
	o.readers = wq_plugin_set_readers(readers);
	o.max_bytes = 1 << 20;
	doc = wq_load_buffer("fuzz.md", data, size, &o, &err);
	if (doc == NULL)
		return 0;
	for (i = 0; i < nplugins; i++) {
		const struct wq_plugin *p = plugins[i].plugin;
		struct wq_buf b;
		struct wq_sink sink;

		wq_buf_init(&b);
		wq_sink_to_buf(&sink, &b);
		memset(&err, 0, sizeof(err));
		if (p->writer->write(doc, opts, &sink, &err) == 0 &&
		    strcmp(p->name, "tei") == 0) {
			xmlDocPtr x = xmlReadMemory(b.data, (int)b.len, "fuzz.xml",
			    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);

			if (x == NULL)
				__builtin_trap(); /* TEI that is not XML */
			xmlFreeDoc(x);
		}
		wq_buf_free(&b);
	}
	wq_doc_free(doc);
	return 0;
}
