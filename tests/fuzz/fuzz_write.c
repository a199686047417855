/*
 * fuzz_write.c - libFuzzer harness for the writers: bytes -> model ->
 * every plugin found in $WARRAQ_FUZZ_PLUGINS (default build-fuzz/plugins),
 * or only $WARRAQ_FUZZ_FORMAT, into a memory sink. Each output is checked,
 * not only for crashes: TEI, and every XML document inside an EPUB (its
 * chapters, nav, NCX, package), must parse with libxml2; HTML must be
 * UTF-8 without NUL or C0 controls; Markdown must read back.
 */
#include <warraq/host.h>

#include <libxml/parser.h>
#include <stdint.h>
#include <zip.h>
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

static int
is_xml(const char *s, size_t len)
{
	xmlDocPtr x = xmlReadMemory(s, (int)len, "fuzz.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	xmlFreeDoc(x);
	return x != NULL;
}

/* Every XML document of an EPUB parses. */
static int
epub_is_xml(const char *s, size_t len)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	zip_int64_t i, n;
	int good = 1;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(s, len, 0, &ze)) == NULL ||
	    (z = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return 0; /* not even a zip */
	}
	n = zip_get_num_entries(z, 0);
	for (i = 0; i < n && good; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		size_t l = name ? strlen(name) : 0;
		zip_stat_t st;
		zip_file_t *f;
		char *buf;

		if (l < 4 || (strcmp(name + l - 6, ".xhtml") != 0 &&
				 strcmp(name + l - 4, ".opf") != 0 &&
				 strcmp(name + l - 4, ".ncx") != 0 &&
				 strcmp(name + l - 4, ".xml") != 0))
			continue;
		if (zip_stat_index(z, (zip_uint64_t)i, 0, &st) != 0 ||
		    (f = zip_fopen_index(z, (zip_uint64_t)i, 0)) == NULL)
			return 0;
		buf = malloc(st.size + 1);
		good = buf && zip_fread(f, buf, st.size) == (zip_int64_t)st.size &&
		    is_xml(buf, st.size);
		free(buf);
		zip_fclose(f);
	}
	zip_discard(z);
	zip_error_fini(&ze);
	return good;
}

/* UTF-8 with no NUL and no C0 control but tab, LF and CR. */
static int
is_clean_text(const char *s, size_t len)
{
	char *z = malloc(len + 1);
	size_t i;
	int good = z != NULL;

	for (i = 0; good && i < len; i++)
		good = (unsigned char)s[i] >= 0x20 || s[i] == '\t' ||
		    s[i] == '\n' || s[i] == '\r';
	if (good) {
		memcpy(z, s, len);
		z[len] = '\0';
		good = xmlCheckUTF8((const xmlChar *)z);
	}
	free(z);
	return good;
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
		if (p->writer->write(doc, opts, &sink, &err) == 0 && b.len) {
			if (strcmp(p->name, "tei") == 0 && !is_xml(b.data, b.len))
				__builtin_trap(); /* TEI that is not XML */
			if (strcmp(p->name, "epub") == 0 &&
			    !epub_is_xml(b.data, b.len))
				__builtin_trap(); /* a book with a broken page */
			if ((strcmp(p->name, "html") == 0 ||
				strcmp(p->name, "markdown") == 0) &&
			    !is_clean_text(b.data, b.len))
				__builtin_trap(); /* bytes no text may hold */
			if (strcmp(p->name, "markdown") == 0) {
				struct wq_load_opts mo = o;
				wq_doc *again;

				mo.reader = "markdown";
				again = wq_load_buffer(
				    "again.md", b.data, b.len, &mo, &err);
				if (again == NULL)
					__builtin_trap(); /* its Markdown refused */
				wq_doc_free(again);
			}
		}
		wq_buf_free(&b);
	}
	wq_doc_free(doc);
	return 0;
}
