/*
 * host.h - for programs that run plugins (the warraq command line, test
 * harnesses): finding and loading plugins, giving them options, and
 * writing outputs safely. Plugins never include this file.
 */
#ifndef WARRAQ_HOST_H
#define WARRAQ_HOST_H

#include "plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- One plugin ---------------------------------------------------------------- */

struct wq_loaded_plugin {
	const struct wq_plugin *plugin;
	void *handle;
	char path[4096];
};

/* Loads the plugin file at 'path' and checks it: the symbol, the ABI
 * version (read first), each struct's size, no NULL required field, and
 * a name equal to the file's base name. Returns 0, or -WQ_EPLUGIN with a
 * one-line reason. Close it with wq_plugin_close(). */
WQ_API int wq_plugin_open_path(
    const char *path, struct wq_loaded_plugin *lp, struct wq_err *err);
/* Finds plugin 'name' ("html") in the directories 'dirs' (NULL-ended) in
 * order and loads the first file "<dir>/<name>.so" that exists. The
 * current directory is searched only if a caller names it. */
WQ_API int wq_plugin_open(const char *name, const char *const *dirs,
    struct wq_loaded_plugin *lp, struct wq_err *err);
WQ_API void wq_plugin_close(struct wq_loaded_plugin *lp);

/* ---- Every plugin of a search path ------------------------------------------------ */

/* The plugins of a search path, each name once (the first directory that
 * has it wins), in order of name. Files that fail to load are kept with
 * their error, so that naming one reports why, and --list-formats can. */
typedef struct wq_plugin_set wq_plugin_set;

/* Loads every "*.so" of 'dirs' (NULL-ended), but those a folder's
 * plugins.index says have no reader: they load when first used. Never
 * NULL; free it with wq_plugin_set_free(), which unloads them. A folder
 * or plugin file that anyone may write to is refused (kept as an error:
 * code from there would run as the user) unless 'allow_unsafe'. Not for
 * several threads until the writer is found. */
WQ_API wq_plugin_set *wq_plugin_set_open_checked(
    const char *const *dirs, int allow_unsafe);
/* wq_plugin_set_open_checked(dirs, 0). */
WQ_API wq_plugin_set *wq_plugin_set_open(const char *const *dirs);
WQ_API void wq_plugin_set_free(wq_plugin_set *set);
/* Number of files, and file i: its path, and its plugin (NULL for one
 * that failed to load, with *err set to why). */
WQ_API size_t wq_plugin_set_count(const wq_plugin_set *set);
WQ_API const struct wq_plugin *wq_plugin_set_get(const wq_plugin_set *set,
    size_t i, const char **path, const struct wq_err **err);
/* The plugin called 'name' (or with the alias 'name') that has a writer
 * ('writer' set) or a reader. Returns NULL with 'err' filled: the load
 * error of a broken file of that name, or that there is none. */
WQ_API const struct wq_plugin *wq_plugin_set_find(
    const wq_plugin_set *set, const char *name, int writer, struct wq_err *err);
/* The writer whose extensions include the one of 'path' ("book.epub"),
 * or NULL. */
WQ_API const struct wq_plugin *wq_plugin_set_writer_for(
    const wq_plugin_set *set, const char *path);
/* The plugins that have a reader, NULL-ended: for wq_load_opts. */
WQ_API const struct wq_plugin *const *wq_plugin_set_readers(
    const wq_plugin_set *set);
/* Appends the extensions every writer declares, space-separated. */
WQ_API void wq_plugin_set_writer_exts(
    const wq_plugin_set *set, struct wq_buf *out);
/* Writes DIR/plugins.index: each plugin's size, modification time and
 * roles. wq_plugin_set_open_checked() then maps a plugin without a reader
 * only when it is used (found by name or extension, or listed), while
 * its file is unchanged. Run it whenever DIR's plugins change, as
 * `warraq --write-plugin-index DIR` (make install does). */
WQ_API int wq_plugin_index_write(const char *dir, struct wq_err *err);

/* ---- Options for plugins ----------------------------------------------------------- */

WQ_API wq_opts *wq_opts_new(void);
WQ_API void wq_opts_free(wq_opts *o);
/* Adds a value for 'key' (keys may repeat). */
WQ_API void wq_opts_add(wq_opts *o, const char *key, const char *value);
WQ_API void wq_opts_set_epoch(wq_opts *o, long long epoch);
WQ_API void wq_opts_set_warn(wq_opts *o, wq_warn_fn warn, void *arg);

/* ---- Output files ------------------------------------------------------------------ */

/* An output being written: to a temporary file beside its target, renamed
 * over it only on success, so a failed run never leaves a partial file
 * nor clobbers a good one. "-" writes to standard output, and a target
 * that exists and is no regular file (/dev/null, a FIFO) is written to
 * directly: renaming over a device would replace it. */
typedef struct wq_outfile wq_outfile;

/* Opens 'path' for writing and points 'out' at it. Returns NULL with
 * 'err' filled on failure. */
WQ_API wq_outfile *wq_outfile_open(
    const char *path, struct wq_sink *out, struct wq_err *err);
/* Flushes and renames the file into place, then frees 'f'. Returns 0 or
 * a negative WQ_E... code. */
WQ_API int wq_outfile_commit(wq_outfile *f, struct wq_err *err);
/* Removes the temporary file and frees 'f'. Accepts NULL. */
WQ_API void wq_outfile_abort(wq_outfile *f);
/* The temporary file's path (NULL for standard output), for a signal
 * handler that must remove it. */
WQ_API const char *wq_outfile_temp_path(const wq_outfile *f);

#ifdef __cplusplus
}
#endif
#endif
