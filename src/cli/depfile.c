/*
 * depfile.c - --depfile: a Make rule per output naming every file it was
 * made of (texts, their local images, cover, fonts, metadata and defaults
 * files), so make or ninja rebuild only what changed; and an empty rule
 * per prerequisite (gcc's -MP), so a text deleted since does not stop
 * make with "No rule to make target".
 */
#include "cli.h"

#include <string.h>

/* A path as Make reads it: spaces and '#' escaped, '$' doubled. */
static void
put_path(struct wq_buf *rule, const char *path)
{
	for (; *path; path++) {
		if (*path == ' ' || *path == '#' || *path == '\\')
			wq_buf_putc(rule, '\\');
		if (*path == '$')
			wq_buf_putc(rule, '$');
		wq_buf_putc(rule, *path);
	}
}

/* The rule being written, and the empty rules that follow it. */
struct deps {
	struct wq_buf *rule, phony;
};

static void
dep(struct deps *d, const char *path)
{
	/* Make has no way to write a newline in a name: such a file is
	 * left out (a text's name, not its content). */
	if (path == NULL || strcmp(path, "-") == 0 || strchr(path, '\n'))
		return;
	wq_buf_puts(d->rule, " \\\n  ");
	put_path(d->rule, path);
	put_path(&d->phony, path);
	wq_buf_puts(&d->phony, ":\n");
}

void
rule_start(struct wq_buf *rule, const char *output)
{
	put_path(rule, output);
	wq_buf_putc(rule, ':');
}

static void
images(const wq_node *n, struct deps *d, struct wq_buf *tmp)
{
	const wq_node *c;

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		if (wq_node_type_of(c) == WQ_NODE_IMAGE) {
			tmp->len = 0;
			if (wq_image_path(c, tmp) == 0 && tmp->len)
				dep(d, tmp->data);
		}
		images(c, d, tmp);
	}
}

/* Appends the dependencies of 'doc' to a rule begun by rule_start(),
 * and ends it. */
void
deps_of(const wq_doc *doc, const struct cli *c, struct wq_buf *rule)
{
	size_t i, n = wq_doc_section_count(doc);
	struct wq_buf tmp;
	struct deps d;

	d.rule = rule;
	wq_buf_init(&d.phony);
	wq_buf_init(&tmp);
	for (i = 0; i < n; i++) {
		const wq_node *s = wq_doc_section(doc, i);

		dep(&d, wq_section_file(s));
		images(s, &d, &tmp);
	}
	for (i = 0; i < c->nextra_deps; i++)
		dep(&d, c->extra_deps[i]);
	dep(&d, wq_opts_get(c->wopts, "cover"));
	for (i = 0; i < wq_opts_count(c->wopts, "embed-font"); i++)
		dep(&d, wq_opts_nth(c->wopts, "embed-font", i));
	for (i = 0; i < wq_opts_count(c->wopts, "css"); i++)
		dep(&d, wq_opts_nth(c->wopts, "css", i));
	wq_buf_putc(rule, '\n');
	if (d.phony.len)
		wq_buf_put(rule, d.phony.data, d.phony.len);
	wq_buf_free(&d.phony);
	wq_buf_free(&tmp);
}

int
write_depfile(const struct cli *c, const struct wq_buf *rules)
{
	struct wq_sink sink;
	struct wq_err err;
	wq_outfile *f = wq_outfile_open(c->depfile, &sink, &err);

	if (f == NULL) {
		report(c, &err);
		return exit_code(err.code);
	}
	if (wq_sink_put_buf(&sink, rules, &err) != 0) {
		wq_outfile_abort(f);
		report(c, &err);
		return exit_code(err.code);
	}
	if (wq_outfile_commit(f, &err) != 0) {
		report(c, &err);
		return exit_code(err.code);
	}
	return EXIT_OK;
}
