/*
 * main.c - the warraq command line: options, then one conversion.
 */
#include "cli.h"

#include <libxml/xmlmemory.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Inputs a defaults file names, when the command line names none. */
static const char **
defaults_inputs(const struct cli *c, size_t *n)
{
	const wq_meta *m = c->defaults;
	long at = wq_meta_find(m, "input-files");
	const char **v;
	size_t i;

	if (at < 0)
		at = wq_meta_find(m, "input-file");
	if (at < 0)
		return NULL;
	*n = wq_meta_nvalues(m, (size_t)at);
	v = wq_xcalloc(*n + 1, sizeof(*v));
	for (i = 0; i < *n; i++)
		v[i] = wq_meta_value(m, (size_t)at, i);
	return v;
}

static char *
xml_strdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(wq_xmalloc(n), s, n);
}

int
main(int argc, char **argv)
{
	static const char *stdin_only[] = { "-", NULL };
	const char *extra[8];
	const char **from_defaults = NULL;
	const struct wq_plugin *writer = NULL;
	struct cli c;
	int rc;

	wq_set_oom_handler(on_out_of_memory);
	/* libxml2 (the html reader, the TEI and EPUB writers) allocates with
	 * warraq's allocator too: running out of memory in it is the same
	 * one line and exit 4, not its own messages and a parse error. */
	xmlMemSetup(free, wq_xmalloc, wq_xrealloc, xml_strdup);
	memset(&c, 0, sizeof(c));
	c.cli_meta = wq_meta_new();
	c.wopts = wq_opts_new();
	c.extra_deps = extra;
	c.jobs = wq_cpus();
	wq_opts_set_warn(c.wopts, warn_cb, &c);

	if ((rc = parse_args(&c, argc, argv)) != EXIT_OK)
		goto out;
	default_dirs(&c);
	if (c.version) {
		rc = print_version(&c);
		goto out;
	}
	if (c.index_dir) {
		struct wq_err err;

		memset(&err, 0, sizeof(err));
		rc = EXIT_OK;
		if (wq_plugin_index_write(c.index_dir, &err) != 0) {
			report(&c, &err);
			rc = EXIT_IO;
		}
		goto out;
	}
	c.plugins = wq_plugin_set_open_checked(c.dirs, c.unsafe_plugins);
	if (c.metafile && (rc = load_metafile(&c)) != EXIT_OK)
		goto out;
	if ((rc = check_cli_meta(&c)) != EXIT_OK)
		goto out;
	if (c.list) {
		rc = list_formats(&c);
		goto out;
	}
	if (c.lang == NULL)
		c.lang = wq_meta_get(c.cli_meta, "lang");
	if (c.lang && !wq_lang_tag_valid(c.lang)) {
		rc =
		    bad_usage(&c, "--lang: '%s' is not a language tag", c.lang);
		goto out;
	}
	if (c.ninputs == 0 &&
	    (from_defaults = defaults_inputs(&c, &c.ninputs)) != NULL)
		c.inputs = from_defaults;
	if (c.ninputs == 0) {
		c.inputs = stdin_only;
		c.ninputs = 1;
	}
	if ((rc = check_reader(&c)) != EXIT_OK)
		goto out;
	if (c.check) {
		rc = lint(&c);
		goto out;
	}
	if (c.output && c.outdir) {
		rc = bad_usage(&c, "%s", "-o and -O exclude each other");
		goto out;
	}
	if (c.depfile && c.outdir == NULL &&
	    (c.output == NULL || strcmp(c.output, "-") == 0)) {
		rc = bad_usage(&c, "%s", "--depfile needs -o FILE or -O DIR");
		goto out;
	}
	if (parse_epoch(&c) != 0) {
		rc = EXIT_USAGE;
		goto out;
	}
	if ((rc = pick_writer(&c, &writer)) != EXIT_OK ||
	    (rc = check_variables(&c, writer)) != EXIT_OK)
		goto out;
	if ((writer->writer->flags & WQ_WRITER_BINARY) && c.outdir == NULL &&
	    (c.output == NULL || strcmp(c.output, "-") == 0) &&
	    isatty(STDOUT_FILENO)) {
		rc = bad_usage(
		    &c, "%s output is binary: give -o FILE", writer->name);
		goto out;
	}
	catch_signals(c.outdir != NULL);
	heap_prepare(c.inputs, c.ninputs, c.outdir == NULL);
	rc = c.outdir ? convert_batch(&c, writer)
		      : convert_one_output(&c, writer);
out:
	release_signals();
	wq_plugin_set_free(c.plugins);
	wq_opts_free(c.wopts);
	wq_meta_free(c.cli_meta);
	wq_meta_free(c.defaults);
	free(from_defaults);
	for (size_t i = 0; i < c.nvkeys; i++)
		free(c.vkeys[i]);
	return rc;
}
