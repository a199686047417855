/*
 * plugin.c - finding, loading and checking reader and writer plugins.
 * Like SQLite's loadext.c, the host trusts nothing it has not checked:
 * the ABI number is read before any other field, then the sizes.
 */
#include "internal.h"

#include <stddef.h>

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
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
	/* Fields added at a struct's end (a writer's 'variables') may be
	 * missing from an older plugin: what abi 2 began with may not. */
	if (p->size < sizeof(struct wq_plugin) ||
	    (p->reader && p->reader->size < sizeof(struct wq_reader)) ||
	    (p->writer &&
		p->writer->size < offsetof(struct wq_writer, variables))) {
		dlclose(h);
		return wq_err_set(err, WQ_EPLUGIN, path, 0, 0,
		    "broken warraq plugin (a struct is smaller than abi %d's)",
		    WQ_PLUGIN_ABI);
	}
	if (p->name == NULL || p->summary == NULL ||
	    (p->reader == NULL && p->writer == NULL) ||
	    (p->reader &&
		(p->reader->extensions == NULL ||
		    p->reader->media_types == NULL ||
		    p->reader->read == NULL)) ||
	    (p->writer &&
		(p->writer->extensions == NULL ||
		    p->writer->media_type == NULL ||
		    p->writer->write == NULL))) {
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
		(void)0; // PROFILE dlclose(lp->handle);
	if (lp)
		memset(lp, 0, sizeof(*lp));
}

/* ---- every plugin of a search path ---- */

struct set_entry {
	struct wq_loaded_plugin lp; /* lp.plugin NULL: failed, see err */
	struct wq_err err;
	int deferred; /* indexed as writer-only: lp.path only, until used */
	char *aliases, *extensions; /* a deferred one's, from the index */
};

struct wq_plugin_set {
	struct set_entry *e;
	size_t n;
	const struct wq_plugin **readers; /* NULL-ended */
};

static int
cmp_entry(const void *a, const void *b)
{
	const struct set_entry *x = a, *y = b;
	size_t lx, ly;
	const char *bx = base_name(x->lp.path, &lx);
	const char *by = base_name(y->lp.path, &ly);
	int c = strncmp(bx, by, lx < ly ? lx : ly);

	return c ? c : (lx > ly) - (lx < ly);
}

static int
has_name(const wq_plugin_set *set, const char *file)
{
	size_t i, len, flen = strlen(file) - 3;

	for (i = 0; i < set->n; i++) {
		const char *b = base_name(set->e[i].lp.path, &len);

		if (len == flen && strncmp(b, file, len) == 0)
			return 1;
	}
	return 0;
}

wq_plugin_set *
wq_plugin_set_open(const char *const *dirs)
{
	return wq_plugin_set_open_checked(dirs, 0);
}

/* Whether anyone may write to 'path' (a folder or a plugin file). */
static int
writable_by_all(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && (st.st_mode & S_IWOTH);
}

static struct set_entry *
add_entry(wq_plugin_set *set, size_t *cap)
{
	struct set_entry *e;

	if (set->n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		set->e = wq_xrealloc(set->e, *cap * sizeof(*set->e));
	}
	e = &set->e[set->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

wq_plugin_set *
wq_plugin_set_open_checked(const char *const *dirs, int allow_unsafe)
{
	return plugin_set_open(dirs, allow_unsafe, 1);
}

wq_plugin_set *
plugin_set_open(const char *const *dirs, int allow_unsafe, int use_index)
{
	wq_plugin_set *set = wq_xcalloc(1, sizeof(*set));
	size_t cap = 0, i, nr = 0;

	for (i = 0; dirs && dirs[i]; i++) {
		struct plugin_index idx = { NULL, 0, 0 };
		DIR *d;
		struct dirent *de;

		if (dirs[i][0] == '\0' || (d = opendir(dirs[i])) == NULL)
			continue;
		if (!allow_unsafe && writable_by_all(dirs[i])) {
			struct set_entry *e = add_entry(set, &cap);

			snprintf(e->lp.path, sizeof(e->lp.path), "%s", dirs[i]);
			wq_err_set(&e->err, WQ_EPLUGIN, dirs[i], 0, 0,
			    "a plugin folder anyone may write to is not "
			    "searched "
			    "(--allow-unsafe-plugins to use it)");
			closedir(d);
			continue;
		}
		if (use_index)
			plugin_index_read(dirs[i], &idx);
		while ((de = readdir(d)) != NULL) {
			size_t len = strlen(de->d_name);
			const struct plugin_index_entry *ie;
			struct set_entry *e;
			struct stat st;
			char path[4096];
			int found;

			if (len <= 3 || strcmp(de->d_name + len - 3, ".so") ||
			    de->d_name[0] == '.' || has_name(set, de->d_name))
				continue;
			e = add_entry(set, &cap);
			snprintf(
			    path, sizeof(path), "%s/%s", dirs[i], de->d_name);
			found = stat(path, &st) == 0;
			if (found && !allow_unsafe && (st.st_mode & S_IWOTH)) {
				snprintf(
				    e->lp.path, sizeof(e->lp.path), "%s", path);
				wq_err_set(&e->err, WQ_EPLUGIN, path, 0, 0,
				    "a plugin anyone may write to is not "
				    "loaded "
				    "(--allow-unsafe-plugins to load it)");
			} else if (found && idx.n && S_ISREG(st.st_mode) &&
			    (ie = plugin_index_writer_only(
				 &idx, de->d_name, &st)) != NULL) {
				snprintf(
				    e->lp.path, sizeof(e->lp.path), "%s", path);
				e->deferred = 1;
				e->aliases = wq_xstrdup(ie->aliases);
				e->extensions = wq_xstrdup(ie->extensions);
			} else if (wq_plugin_open_path(path, &e->lp, &e->err) !=
			    0)
				snprintf(
				    e->lp.path, sizeof(e->lp.path), "%s", path);
		}
		plugin_index_free(&idx);
		closedir(d);
	}
	if (set->n)
		qsort(set->e, set->n, sizeof(*set->e), cmp_entry);
	set->readers = wq_xcalloc(set->n + 1, sizeof(*set->readers));
	for (i = 0; i < set->n; i++)
		if (set->e[i].lp.plugin && set->e[i].lp.plugin->reader)
			set->readers[nr++] = set->e[i].lp.plugin;
	return set;
}

/* Loads entry i if it was deferred. The set is the caller's, const only
 * to say that its plugins do not change: loading one does not. */
static struct set_entry *
loaded(const wq_plugin_set *cset, size_t i)
{
	struct set_entry *e = &((wq_plugin_set *)cset)->e[i];
	char path[sizeof(e->lp.path)];

	if (e->deferred) {
		e->deferred = 0;
		memcpy(path, e->lp.path, sizeof(path));
		if (wq_plugin_open_path(path, &e->lp, &e->err) != 0)
			memcpy(e->lp.path, path, sizeof(path));
	}
	return e;
}

static void
load_all(const wq_plugin_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		loaded(set, i);
}

void
wq_plugin_set_free(wq_plugin_set *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++) {
		wq_plugin_close(&set->e[i].lp);
		free(set->e[i].aliases);
		free(set->e[i].extensions);
	}
	free(set->e);
	free(set->readers);
	free(set);
}

size_t
wq_plugin_set_count(const wq_plugin_set *set)
{
	return set->n;
}

const struct wq_plugin *
wq_plugin_set_get(const wq_plugin_set *set, size_t i, const char **path,
    const struct wq_err **err)
{
	if (i >= set->n)
		return NULL;
	loaded(set, i);
	if (path)
		*path = set->e[i].lp.path;
	if (err)
		*err = &set->e[i].err;
	return set->e[i].lp.plugin;
}

/* Edit distance between a and b (short names: a row of 64 is plenty). */
static size_t
distance(const char *a, size_t la, const char *b, size_t lb)
{
	size_t row[65], i, j, diag, up;

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			up = row[j];
			row[j] = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < row[j])
				row[j] = up + 1;
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			diag = up;
		}
	}
	return row[lb];
}

/* The name or alias of a plugin of that role nearest to 'name', if near
 * enough to be what was meant (a third of it wrong, and one more), or
 * NULL. */
static const char *
nearest(const wq_plugin_set *set, const char *name, int writer)
{
	static _Thread_local char best[64];
	size_t i, d, most = strlen(name) / 3 + 2, len = strlen(name);
	const char *w, *found = NULL;

	for (i = 0; i < set->n; i++) {
		const struct wq_plugin *p = set->e[i].lp.plugin;

		if (p == NULL ||
		    (writer ? p->writer == NULL : p->reader == NULL))
			continue;
		if ((d = distance(name, len, p->name, strlen(p->name))) < most)
			most = d, found = p->name;
		for (w = p->aliases; w && *w; w += strspn(w, " ")) {
			size_t n = strcspn(w, " ");

			if ((d = distance(name, len, w, n)) < most &&
			    n < sizeof(best)) {
				memcpy(best, w, n);
				best[n] = '\0';
				most = d, found = best;
			}
			w += n;
		}
	}
	return found;
}

const struct wq_plugin *
wq_plugin_set_find(
    const wq_plugin_set *set, const char *name, int writer, struct wq_err *err)
{
	const char *closest;
	size_t i, len;

	for (i = 0; i < set->n; i++) {
		const char *b = base_name(set->e[i].lp.path, &len);
		const struct wq_plugin *p;

		if (len != strlen(name) || strncmp(b, name, len) != 0)
			continue;
		p = loaded(set, i)->lp.plugin;
		if (p == NULL) {
			*err = set->e[i].err;
			return NULL;
		}
		if (writer ? p->writer != NULL : p->reader != NULL)
			return p;
	}
	for (i = 0; i < set->n; i++) {
		const struct wq_plugin *p;

		/* A deferred plugin's aliases are in the index. */
		if (set->e[i].deferred &&
		    !wq_word_in(set->e[i].aliases, name, strlen(name)))
			continue;
		p = loaded(set, i)->lp.plugin;
		if (p && (writer ? p->writer != NULL : p->reader != NULL) &&
		    wq_word_in(p->aliases, name, strlen(name)))
			return p;
	}
	load_all(set);
	closest = nearest(set, name, writer);
	wq_err_set(err, WQ_EUSAGE, NULL, 0, 0,
	    "no plugin %s '%s'%s%s%s (see warraq --list-formats)",
	    writer ? "writes" : "reads", name,
	    closest ? "; did you mean '" : "", closest ? closest : "",
	    closest ? "'?" : "");
	return NULL;
}

const struct wq_plugin *
wq_plugin_set_writer_for(const wq_plugin_set *set, const char *path)
{
	const char *ext = path_extension(path);
	size_t i;

	if (ext == NULL)
		return NULL;
	for (i = 0; i < set->n; i++) {
		const struct wq_plugin *p;

		if (set->e[i].deferred &&
		    !wq_word_in(set->e[i].extensions, ext, strlen(ext)))
			continue;
		p = loaded(set, i)->lp.plugin;

		if (p && p->writer &&
		    wq_word_in(p->writer->extensions, ext, strlen(ext)))
			return p;
	}
	return NULL;
}

const struct wq_plugin *const *
wq_plugin_set_readers(const wq_plugin_set *set)
{
	return set->readers;
}

void
wq_plugin_set_writer_exts(const wq_plugin_set *set, struct wq_buf *out)
{
	size_t i;

	load_all(set);
	for (i = 0; i < set->n; i++) {
		const struct wq_plugin *p = set->e[i].lp.plugin;

		if (p && p->writer) {
			if (out->len)
				wq_buf_putc(out, ' ');
			wq_buf_puts(out, p->writer->extensions);
		}
	}
}
