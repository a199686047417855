/*
 * plugin.c - finding, loading and checking writer plugins. Like SQLite's
 * loadext.c, the host trusts nothing it has not checked: the ABI number
 * is read before any other field.
 */
#include "internal.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *
base_name(const char *path, size_t *len)
{
	const char *b = strrchr(path, '/');
	size_t n;

	b = b ? b + 1 : path;
	n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".so") == 0)
		n -= 3;
	*len = n;
	return b;
}

int
wq_plugin_open_path(
    const char *path, struct wq_loaded_plugin *lp, struct wq_err *err)
{
	const struct wq_plugin *p;
	wq_plugin_entry_fn entry;
	const char *base;
	size_t blen;
	void *h;

	memset(lp, 0, sizeof(*lp));
	h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		const char *why = dlerror();

		return wq_err_set(err, WQ_EPLUGIN, path, 0, 0,
		    "cannot load plugin: %s", why ? why : "unknown error");
	}
	*(void **)&entry = dlsym(h, WQ_PLUGIN_SYMBOL);
	if (entry == NULL || (p = entry()) == NULL) {
		dlclose(h);
		return wq_err_set(err, WQ_EPLUGIN, path, 0, 0,
		    "not a warraq plugin (no %s symbol)", WQ_PLUGIN_SYMBOL);
	}
	if (p->abi != WQ_PLUGIN_ABI) {
		int abi = p->abi;

		dlclose(h);
		return wq_err_set(err, WQ_EPLUGIN, path, 0, 0,
		    "not a warraq plugin (abi %d, this warraq needs %d)", abi,
		    WQ_PLUGIN_ABI);
	}
	if (p->name == NULL || p->ext == NULL || p->media_type == NULL ||
	    p->summary == NULL || p->write == NULL) {
		dlclose(h);
		return wq_err_set(err, WQ_EPLUGIN, path, 0, 0,
		    "broken warraq plugin (a required field is NULL)");
	}
	base = base_name(path, &blen);
	if (strlen(p->name) != blen || strncmp(p->name, base, blen) != 0) {
		char name[256];

		snprintf(name, sizeof(name), "%s", p->name);
		dlclose(h);
		return wq_err_set(err, WQ_EPLUGIN, path, 0, 0,
		    "plugin calls itself '%s' but its file is '%.*s.so'", name,
		    (int)blen, base);
	}
	lp->plugin = p;
	lp->handle = h;
	snprintf(lp->path, sizeof(lp->path), "%s", path);
	return 0;
}

int
wq_plugin_open(const char *name, const char *const *dirs,
    struct wq_loaded_plugin *lp, struct wq_err *err)
{
	char path[4096];
	struct stat st;
	size_t i;

	if (name[0] == '\0' || strchr(name, '/') || name[0] == '.')
		return wq_err_set(err, WQ_EPLUGIN, NULL, 0, 0,
		    "'%s' is not a plugin name", name);
	for (i = 0; dirs && dirs[i]; i++) {
		if (dirs[i][0] == '\0')
			continue;
		snprintf(path, sizeof(path), "%s/%s.so", dirs[i], name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			return wq_plugin_open_path(path, lp, err);
	}
	return wq_err_set(err, WQ_EPLUGIN, NULL, 0, 0,
	    "no plugin for format '%s' (see warraq --list-formats)", name);
}

void
wq_plugin_close(struct wq_loaded_plugin *lp)
{
	if (lp && lp->handle)
		dlclose(lp->handle);
	if (lp)
		memset(lp, 0, sizeof(*lp));
}
