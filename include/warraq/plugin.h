/*
 * plugin.h - the ABI between warraq and its writer plugins.
 *
 * A plugin is a shared object exporting one function, warraq_plugin(),
 * that returns a pointer to a constant struct wq_plugin. The host checks
 * 'abi' before it reads anything else, then that 'name' equals the file's
 * base name and that no field is NULL. The plugin sees the document only
 * through warraq.h, whose functions it takes from the program that loads
 * it: a plugin is linked without -lwarraq (see docs/plugins.md).
 *
 * write() may be called from several threads at once (batch mode), each
 * with its own document and sink: a plugin keeps no mutable globals, prints
 * nothing, and leaves nothing allocated when write() returns.
 */
#ifndef WARRAQ_PLUGIN_H
#define WARRAQ_PLUGIN_H

#include "warraq.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever struct wq_plugin or the meaning of a call changes. */
#define WQ_PLUGIN_ABI 1
/* The one symbol a plugin exports. */
#define WQ_PLUGIN_SYMBOL "warraq_plugin"

enum wq_plugin_flags {
	WQ_PLUGIN_BINARY = 1 << 0, /* never written to a terminal */
};

/* Writer options: the command line's -V KEY=VALUE and named options
 * (source-date-epoch, cover, embed-font...). Borrowed from the host. */
typedef struct wq_opts wq_opts;

/* The first value of 'key', or NULL. */
WQ_API const char *wq_opts_get(const wq_opts *o, const char *key);
/* Number of values given for 'key' (repeatable options), and the j-th. */
WQ_API size_t wq_opts_count(const wq_opts *o, const char *key);
WQ_API const char *wq_opts_nth(const wq_opts *o, const char *key, size_t j);
/* Whether 'key' is set to anything but "0", "false" or "no". */
WQ_API int wq_opts_flag(const wq_opts *o, const char *key);
/* Seconds since the epoch to stamp outputs with: SOURCE_DATE_EPOCH when
 * the host was given one, else -1 (the writer then omits what it can, or
 * uses the current time where a format demands one). */
WQ_API long long wq_opts_epoch(const wq_opts *o);
/* Forwards a warning to the host (one line on stderr, or JSON). */
WQ_API void wq_opts_warn(const wq_opts *o, const char *file, unsigned long line,
    unsigned long col, const char *code, const char *fmt, ...) WQ_PRINTF(6, 7);

typedef int (*wq_write_fn)(const wq_doc *doc, const wq_opts *opts,
    struct wq_sink *out, struct wq_err *err);

struct wq_plugin {
	int abi;	  /* WQ_PLUGIN_ABI, first so it can be read first */
	const char *name; /* equals the shared object's base name */
	const char *ext;  /* file extension of outputs, without the dot */
	const char *media_type; /* e.g. "text/html" */
	unsigned flags;		/* enum wq_plugin_flags */
	const char *summary;	/* one line for --list-formats */
	wq_write_fn write;
};

typedef const struct wq_plugin *(*wq_plugin_entry_fn)(void);

/* ---- The host side: finding and loading plugins ---- */

struct wq_loaded_plugin {
	const struct wq_plugin *plugin;
	void *handle;
	char path[4096];
};

/* Loads the plugin file at 'path' and checks it: the symbol, the ABI
 * version (read first), no NULL field, and a name equal to the file's
 * base name. Returns 0, or -WQ_EPLUGIN with a one-line reason. */
WQ_API int wq_plugin_open_path(
    const char *path, struct wq_loaded_plugin *lp, struct wq_err *err);
/* Finds plugin 'name' ("html") in the directories 'dirs' (NULL-ended) in
 * order and loads the first file "<dir>/<name>.so" that exists. The
 * current directory is searched only if a caller names it. */
WQ_API int wq_plugin_open(const char *name, const char *const *dirs,
    struct wq_loaded_plugin *lp, struct wq_err *err);
WQ_API void wq_plugin_close(struct wq_loaded_plugin *lp);

/* ---- The host side: writer options ---- */

WQ_API wq_opts *wq_opts_new(void);
WQ_API void wq_opts_free(wq_opts *o);
/* Adds a value for 'key' (keys may repeat). */
WQ_API void wq_opts_add(wq_opts *o, const char *key, const char *value);
WQ_API void wq_opts_set_epoch(wq_opts *o, long long epoch);
WQ_API void wq_opts_set_warn(wq_opts *o, wq_warn_fn warn, void *arg);

#ifdef __cplusplus
}
#endif
#endif
