/*
 * plugins.c - where the command line looks for plugins, and
 * --list-formats.
 */
#include "cli.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef WQ_PLUGIN_DIR
#define WQ_PLUGIN_DIR "/usr/local/lib/warraq/plugins"
#endif

void
add_dir(struct cli *c, const char *d)
{
	if (d && *d && c->ndirs + 1 < sizeof(c->dirs) / sizeof(c->dirs[0]))
		c->dirs[c->ndirs++] = d;
}

static char exe_plugins[PATH_MAX], exe_lib_plugins[PATH_MAX];

void
default_dirs(struct cli *c)
{
	char *env = getenv("WARRAQ_PLUGIN_PATH"), *p, *save = NULL;
	char exe[PATH_MAX - 32];
	ssize_t n;

	if (env) {
		/* Empty entries would mean the current directory: skip them. */
		static char copy[8192];

		snprintf(copy, sizeof(copy), "%s", env);
		for (p = strtok_r(copy, ":", &save); p;
		     p = strtok_r(NULL, ":", &save)) {
			/* A relative entry would mean wherever warraq is run
			 * from: refused, said once. */
			if (p[0] != '/') {
				message(c, "warning", NULL, 0, 0, "plugin-path",
				    "WARRAQ_PLUGIN_PATH: a relative folder is "
				    "not "
				    "searched (give it from /)");
				continue;
			}
			add_dir(c, p);
		}
	}
	/* Beside the binary (the build tree), and where an install puts
	 * them relative to it (PREFIX/bin and PREFIX/lib/warraq/plugins),
	 * whatever PREFIX the build was made for. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(exe_plugins, sizeof(exe_plugins), "%s/plugins",
			    exe);
			add_dir(c, exe_plugins);
			snprintf(exe_lib_plugins, sizeof(exe_lib_plugins),
			    "%s/../lib/warraq/plugins", exe);
			add_dir(c, exe_lib_plugins);
		}
	}
	add_dir(c, WQ_PLUGIN_DIR);
	c->dirs[c->ndirs] = NULL;
}

int
check_variables(const struct cli *c, const struct wq_plugin *p)
{
	const struct wq_writer *w = p->writer;
	size_t i;

	/* A writer older than the field says nothing: nothing to check. */
	if (w->size <
		offsetof(struct wq_writer, variables) + sizeof(w->variables) ||
	    w->variables == NULL)
		return EXIT_OK;
	for (i = 0; i < c->nvkeys; i++) {
		char msg[512];

		if (wq_word_in(w->variables, c->vkeys[i], strlen(c->vkeys[i])))
			continue;
		snprintf(msg, sizeof(msg),
		    "-V %s: the %s writer has no such variable (it reads: %s)",
		    c->vkeys[i], p->name,
		    *w->variables ? w->variables : "none");
		return bad_usage(c, "%s", msg);
	}
	return EXIT_OK;
}

int
print_version(const struct cli *c)
{
	size_t i;

	printf("warraq %s\n%s\nplugins from:", wq_version_string(),
	    wq_version_libraries());
	for (i = 0; i < c->ndirs; i++)
		printf(" %s", c->dirs[i]);
	putchar('\n');
	return EXIT_OK;
}

/* The first word of a list of extensions. */
static int
first_word(const char *list)
{
	return (int)strcspn(list, " ");
}

int
list_formats(const struct cli *c)
{
	size_t i, n = wq_plugin_set_count(c->plugins);
	int rc = EXIT_OK;

	for (i = 0; i < n; i++) {
		const struct wq_err *err;
		const char *path;
		const struct wq_plugin *p =
		    wq_plugin_set_get(c->plugins, i, &path, &err);

		if (p == NULL) {
			report(c, err);
			rc = EXIT_PLUGIN;
			continue;
		}
		/* Name, then the extension of its outputs ("-": none), so
		 * that scripts can take the first two words. */
		printf("%-10s %-6.*s", p->name,
		    p->writer ? first_word(p->writer->extensions) : 1,
		    p->writer ? p->writer->extensions : "-");
		if (p->reader)
			printf(" reads %s", p->reader->extensions);
		if (p->writer)
			printf("%s writes %s", p->reader ? ";" : "",
			    p->writer->extensions);
		if (p->aliases)
			printf("; also %s", p->aliases);
		printf("\n           %s\n           %s\n", p->summary, path);
	}
	return rc;
}

int
pick_writer(struct cli *c, const struct wq_plugin **p)
{
	struct wq_err err;
	struct wq_buf exts;

	if (c->to) {
		if ((*p = wq_plugin_set_find(c->plugins, c->to, 1, &err)))
			return EXIT_OK;
		report(c, &err);
		return exit_code(err.code); /* a usage error, or a plugin's */
	}
	if (c->output && strcmp(c->output, "-") != 0) {
		const char *slash = strrchr(c->output, '/');
		const char *dot = strrchr(slash ? slash + 1 : c->output, '.');

		if ((*p = wq_plugin_set_writer_for(c->plugins, c->output)))
			return EXIT_OK;
		if (dot && dot[1]) {
			char msg[1024];

			wq_buf_init(&exts);
			wq_plugin_set_writer_exts(c->plugins, &exts);
			snprintf(msg, sizeof(msg),
			    "%s: no writer for '.%s' files (writers know: "
			    "%s); name one with -t",
			    c->output, dot + 1, exts.len ? exts.data : "none");
			wq_buf_free(&exts);
			return bad_usage(c, "%s", msg);
		}
	}
	/* No format, no extension: a web page. */
	if ((*p = wq_plugin_set_find(c->plugins, "html", 1, &err)))
		return EXIT_OK;
	report(c, &err);
	return EXIT_PLUGIN;
}

int
check_reader(const struct cli *c)
{
	struct wq_err err;

	if (c->from == NULL ||
	    wq_plugin_set_find(c->plugins, c->from, 0, &err) != NULL)
		return EXIT_OK;
	report(c, &err);
	return EXIT_USAGE;
}
