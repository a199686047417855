/*
 * plugins.c - where the command line looks for plugins, and
 * --list-formats.
 */
#include "cli.h"

#include <dirent.h>
#include <limits.h>
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

static char exe_plugins[PATH_MAX];

void
default_dirs(struct cli *c)
{
	char *env = getenv("WARRAQ_PLUGIN_PATH"), *p, *save = NULL;
	char exe[PATH_MAX - 16];
	ssize_t n;

	if (env) {
		/* Empty entries would mean the current directory: skip them. */
		static char copy[8192];

		snprintf(copy, sizeof(copy), "%s", env);
		for (p = strtok_r(copy, ":", &save); p;
		     p = strtok_r(NULL, ":", &save))
			add_dir(c, p);
	}
	/* Beside the binary: the build tree, or a relocated install. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(exe_plugins, sizeof(exe_plugins), "%s/plugins",
			    exe);
			add_dir(c, exe_plugins);
		}
	}
	add_dir(c, WQ_PLUGIN_DIR);
	c->dirs[c->ndirs] = NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
list_formats(const struct cli *c)
{
	char seen[64][64];
	size_t nseen = 0, i, j;
	int rc = EXIT_OK;

	for (i = 0; c->dirs[i]; i++) {
		DIR *d = opendir(c->dirs[i]);
		struct dirent *e;
		char *names[256];
		size_t n = 0;

		if (d == NULL)
			continue;
		while ((e = readdir(d)) != NULL && n < 256) {
			size_t len = strlen(e->d_name);

			if (len > 3 && strcmp(e->d_name + len - 3, ".so") == 0)
				names[n++] = strdup(e->d_name);
		}
		closedir(d);
		qsort(names, n, sizeof(names[0]), cmp_str);
		for (j = 0; j < n; j++) {
			struct wq_loaded_plugin lp;
			struct wq_err err;
			char path[PATH_MAX];
			size_t k;

			snprintf(
			    path, sizeof(path), "%s/%s", c->dirs[i], names[j]);
			free(names[j]);
			if (wq_plugin_open_path(path, &lp, &err) != 0) {
				report(c, &err);
				rc = EXIT_PLUGIN;
				continue;
			}
			for (k = 0; k < nseen; k++)
				if (strcmp(seen[k], lp.plugin->name) == 0)
					break;
			if (k == nseen && nseen < 64) {
				snprintf(seen[nseen++], sizeof(seen[0]), "%s",
				    lp.plugin->name);
				printf("%-10s %-6s %s\n           %s\n",
				    lp.plugin->name, lp.plugin->ext,
				    lp.plugin->summary, lp.path);
			}
			wq_plugin_close(&lp);
		}
	}
	return rc;
}
