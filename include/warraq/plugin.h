/*
 * plugin.h - what a plugin sees: the reader and writer ABI, the options
 * and warnings the host hands over, the sink a writer writes to, and the
 * helpers writers share (XHTML rendering, labels, URLs).
 *
 * A plugin is a shared object exporting one function, warraq_plugin(),
 * that returns a pointer to a constant struct wq_plugin. It may read a
 * format (a struct wq_reader), write one (a struct wq_writer), or both.
 * The host checks 'abi' before it reads anything else, then each struct's
 * 'size' (so that a later warraq can add fields at the end and still load
 * older plugins), that 'name' equals the file's base name and that no
 * required field is NULL. The plugin sees the document only through
 * warraq.h and this file, whose functions it takes from the program that
 * loads it: a plugin is linked without -lwarraq (see docs/plugins.md).
 *
 * read() and write() may be called from several threads at once (batch
 * mode), each with its own document: a plugin keeps no mutable globals,
 * prints nothing, and leaves nothing allocated when it returns.
 */
#ifndef WARRAQ_PLUGIN_H
#define WARRAQ_PLUGIN_H

#include "warraq.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever a struct below changes incompatibly or the meaning of
 * a call changes. 1: writers only. 2: readers, sizes, aliases. */
#define WQ_PLUGIN_ABI 2
/* The one symbol a plugin exports. */
#define WQ_PLUGIN_SYMBOL "warraq_plugin"

/* ---- Options ------------------------------------------------------------------- */

/* Plugin options: the command line's -V KEY=VALUE, -t FORMAT+EXT and
 * named options (cover, embed-font, lenient...). Borrowed from the host;
 * may be NULL for a reader called from a program that has none. */
typedef struct wq_opts wq_opts;

/* The first value of 'key', or NULL (also when 'o' is NULL). */
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

/* ---- Output sinks -------------------------------------------------------------- */

/* Where a writer sends its bytes. write() returns 0, or a negative WQ_E...
 * code with 'err' filled. */
struct wq_sink {
	int (*write)(
	    void *arg, const void *data, size_t len, struct wq_err *err);
	void *arg;
};

/* Writes 'len' bytes of 'data' to 'out'. Returns 0 or what the sink did. */
WQ_API int wq_sink_write(
    struct wq_sink *out, const void *data, size_t len, struct wq_err *err);
/* Writes the contents of 'b' to 'out'. */
WQ_API int wq_sink_put_buf(
    struct wq_sink *out, const struct wq_buf *b, struct wq_err *err);
/* A sink that appends to 'b' (tests, fuzzing, nested writers). */
WQ_API void wq_sink_to_buf(struct wq_sink *out, struct wq_buf *b);

/* ---- Readers ------------------------------------------------------------------- */

/* What a reader is asked to read. */
enum wq_read_mode {
	WQ_READ_TEXT,	 /* a whole text: fill the (empty) section 'parent' */
	WQ_READ_BLOCKS,	 /* a fragment of blocks, appended below 'parent' */
	WQ_READ_INLINES, /* a fragment of inline content, appended below it */
};

/* The reading in progress: where the text came from, how its lines map
 * to the source file's, and where warnings go. Owned by the core. */
typedef struct wq_read_ctx wq_read_ctx;

/* The text's file name as given ("-" for standard input). */
WQ_API const char *wq_read_file(const wq_read_ctx *ctx);
/* The format name the reader was chosen by: its name, or one of its
 * aliases ("lines" for the text reader). */
WQ_API const char *wq_read_format(const wq_read_ctx *ctx);
/* Options for readers (-V and -f FORMAT+EXT), or NULL. */
WQ_API const wq_opts *wq_read_opts(const wq_read_ctx *ctx);
/* The source file's line for line 'line' (1-based) of the data given to
 * read(): front matter, and text a reader rewrote before handing it on,
 * moved it. 0 stays 0 (unknown). */
WQ_API unsigned long wq_read_line(const wq_read_ctx *ctx, unsigned long line);
/* A warning at line 'line' (of the data, as above) and byte column 'col'.
 * Each code is reported once per text: the first place stands for all. */
WQ_API void wq_read_warn(wq_read_ctx *ctx, unsigned long line,
    unsigned long col, const char *code, const char *fmt, ...) WQ_PRINTF(5, 6);
/* Fills 'err' for a fault at line 'line' of the data (mapped as above)
 * and returns -code, like wq_err_set(). */
WQ_API int wq_read_error(const wq_read_ctx *ctx, struct wq_err *err, int code,
    unsigned long line, unsigned long col, const char *fmt, ...)
    WQ_PRINTF(6, 7);

/* What a reader tells the core about the text it read (a bit set). */
enum wq_read_hints {
	/* Every line of the source was a paragraph, and the text has no
	 * markup of its own: short lines may be taken for sub-headings. */
	WQ_HINT_LINES = 1 << 0,
};
WQ_API void wq_read_set_hints(wq_read_ctx *ctx, unsigned hints);

/* Reads 'data' with another reader, found by name or alias ("html" for
 * raw HTML inside Markdown, "markdown" for the lines of a plain text),
 * into 'parent'. Its line 1 is line 'line' of this reader's data, and
 * each of its lines counts 1/'stride' of a line here (a reader that put
 * a blank line after every line passes 2). Returns what that reader's
 * read() returns, or -WQ_EPLUGIN if there is no such reader. */
WQ_API int wq_read_with(wq_read_ctx *ctx, const char *reader, wq_node *parent,
    const char *data, size_t len, enum wq_read_mode mode, unsigned long line,
    unsigned stride, struct wq_err *err);

/* How sure a reader is that 'data' (the first bytes of a text, at most
 * 4 KiB) is its format: 0 not at all, 100 certain (a magic line: it then
 * wins over the file's extension). */
typedef int (*wq_probe_fn)(const char *data, size_t len);

/* Reads 'data' (UTF-8 in NFC, LF line ends, no BOM, front matter cut off;
 * not NUL-terminated) into 'parent' as 'mode' says. The core then does
 * what every input shares: unsafe links, inference, direction.
 * Returns 0; 1 when it left some markup out (scripts, handlers, tags the
 * model cannot hold: the caller warns); or a negative WQ_E... code with
 * 'err' filled (wq_read_error). */
typedef int (*wq_read_fn)(wq_node *parent, const char *data, size_t len,
    enum wq_read_mode mode, wq_read_ctx *ctx, struct wq_err *err);

struct wq_reader {
	size_t size; /* sizeof(struct wq_reader) */
	/* File name extensions it reads, without dots, space-separated. */
	const char *extensions;
	const char *media_types; /* space-separated, e.g. "text/markdown" */
	wq_probe_fn probe;	 /* may be NULL: never chosen by content */
	wq_read_fn read;
};

/* ---- Writers ------------------------------------------------------------------- */

enum wq_writer_flags {
	WQ_WRITER_BINARY = 1 << 0, /* never written to a terminal */
	/* Never reads wq_section_sha256(): a host may load texts for it
	 * without hashing them (wq_load_opts.no_digest). */
	WQ_WRITER_NO_DIGESTS = 1 << 1,
};

typedef int (*wq_write_fn)(const wq_doc *doc, const wq_opts *opts,
    struct wq_sink *out, struct wq_err *err);

struct wq_writer {
	size_t size; /* sizeof(struct wq_writer) */
	/* Extensions of outputs, without dots, space-separated; the first
	 * names the outputs of -O. -o FILE picks the writer by them. */
	const char *extensions;
	const char *media_type; /* e.g. "text/html" */
	unsigned flags;		/* enum wq_writer_flags */
	wq_write_fn write;
	/* The options it reads (-V KEY=VALUE, and the named options that
	 * set the same keys), space-separated; the host refuses any other
	 * -V key. NULL: unchecked (a plugin older than the field). */
	const char *variables;
};

/* ---- The plugin ---------------------------------------------------------------- */

struct wq_plugin {
	int abi;	  /* WQ_PLUGIN_ABI, first so it can be read first */
	size_t size;	  /* sizeof(struct wq_plugin) */
	const char *name; /* equals the shared object's base name */
	/* Other names -f and -t accept, space-separated ("md commonmark"),
	 * or NULL. */
	const char *aliases;
	const char *summary;		/* one line for --list-formats */
	const struct wq_reader *reader; /* NULL: reads nothing */
	const struct wq_writer *writer; /* NULL: writes nothing */
};

typedef const struct wq_plugin *(*wq_plugin_entry_fn)(void);

/* Warns once for each key of the book's metadata (-M, --metadata-file)
 * that is not in 'used' (space-separated; a key "a.b" counts as "a") nor
 * one the core itself reads (title, lang, dir): "-M colour: the epub
 * writer has no place for it". */
WQ_API void wq_opts_warn_unused_meta(
    const wq_opts *o, const wq_doc *doc, const char *writer, const char *used);
/* Whether 'word' is one of the space-separated words of 'list'. */
WQ_API int wq_word_in(const char *list, const char *word, size_t len);

/* ---- Text helpers shared by writers ----------------------------------------------- */

/* The direction to state on a label or title ('s') shown where 'context'
 * is in force, or WQ_DIR_UNSET when it needs none: when most of its
 * letters run against the context (four in five, as for blocks), or
 * when its first strong letter would mislead a reader that guesses from
 * it ("DeepSeek ..." in an Arabic title). The html, epub and tei writers
 * all use this one rule. */
WQ_API wq_dir wq_label_dir(const char *s, size_t len, wq_dir context);
/* A short UI string in the language 'lang' (falling back to English):
 * "contents", "landmarks", "start", "cover", "image", "pages", "collection"
 * (an untitled book of several texts), and a task box's
 * "done" and "todo". */
WQ_API const char *wq_l10n(const char *lang, const char *key);
/* The English name of a language tag's primary subtag, or NULL. */
WQ_API const char *wq_lang_name(const char *lang);
/* Appends page number 'page' ("007") as a reader of 'lang' expects it
 * printed: without leading zeros, in the digits of Arabic-script
 * languages ("٧", Persian and Urdu "۷"). */
WQ_API void wq_put_page_label(
    struct wq_buf *out, const char *lang, const char *page);
/* The year of a Hijri date as Arabic texts write it ("279 هـ", "٢٧٩ه",
 * "279 AH", "AH 279"), or 0 if 's' is not one. */
WQ_API long wq_date_hijri_year(const char *s);
/* The first and last days of Hijri year 'year' in the (proleptic)
 * Gregorian calendar, as YYYY-MM-DD, by ICU's tabular Islamic calendar
 * (a day off the sighted months at most). Returns 0, or -1. */
WQ_API int wq_hijri_year_span(long year, char first[11], char last[11]);
/* SHA-256 of 'data' as 64 lowercase hex digits and a NUL. */
WQ_API void wq_sha256_hex(const void *data, size_t len, char hex[65]);

/* ---- XHTML body rendering (shared by the html and epub writers) -------------- */

enum wq_html_flags {
	WQ_HTML_XHTML = 1 << 0, /* XML syntax: also write xml:lang */
	/* Everything must resolve inside the output (an EPUB): remote
	 * images become links; links to local files, to fragments that
	 * match no heading and to unregistered URL schemes become their
	 * text. */
	WQ_HTML_CONTAINED = 1 << 1,
	/* A level-1 heading comes before the blocks (the writer's title for
	 * them, or the chapter before on the same page): the text's
	 * headings follow it. */
	WQ_HTML_AFTER_TITLE = 1 << 2,
};

/* How to render: flags, where warnings go, and how image sources are
 * rewritten (an EPUB points them into its container). */
struct wq_html_opts {
	unsigned flags;
	wq_warn_fn warn;
	void *warn_arg;
	/* Returns the src to write for an image, NULL to keep its URL, or
	 * "" to write the image's alt text in its place. */
	const char *(*image_src)(void *arg, const wq_node *image);
	/* Returns the href of a link to 'target' (a section or heading);
	 * NULL means "#" and its id. */
	const char *(*anchor_href)(void *arg, const wq_node *target);
	void *arg; /* for image_src and anchor_href */
	/* When set, the output is sent to 'sink' between blocks whenever it
	 * holds 64 KiB, and emptied, so a large text never sits whole in
	 * memory; the buffer then holds only the rest. */
	struct wq_sink *sink;
	struct wq_err *err;
};

/* Renders the children of the block 'n' (a section, usually) as HTML5
 * elements. lang/dir are written only where they differ from the parent.
 * Headings keep the source's levels, except that none skips a level
 * (HTML checkers refuse it): each is at most one below the one before
 * it, the first below the writer's title with WQ_HTML_AFTER_TITLE.
 * Returns 0, or what the sink returned. */
WQ_API int wq_html_render_blocks(
    const wq_node *n, const struct wq_html_opts *o, struct wq_buf *out);
/* Renders the blocks from 'first' up to its sibling 'end' (NULL: to the
 * last, then the notes of their parent), as wq_html_render_blocks() does
 * all of them: one piece of a text split into several documents. */
WQ_API int wq_html_render_range(const wq_node *first, const wq_node *end,
    const struct wq_html_opts *o, struct wq_buf *out);
/* Renders the inlines below 'n' only. */
WQ_API void wq_html_render_inlines(
    const wq_node *n, const struct wq_html_opts *o, struct wq_buf *out);
/* Writes ' lang="…" dir="…"' for 'n' where they differ from its parent
 * (always, if 'force'). */
WQ_API void wq_html_put_lang_dir(
    struct wq_buf *out, const wq_node *n, unsigned flags, int force);
/* Writes a section's title as the heading a chapter needs when its text
 * starts with none, or with a lower one: "<h1 dir=…>title</h1>", the
 * direction by wq_label_dir(). */
WQ_API void wq_html_put_title_heading(
    struct wq_buf *out, const wq_node *section);
/* Whether a text's title goes above it as a heading although it starts
 * with one: its first heading is below level 1 ("##"), says something
 * else, and its metadata gave the title (not inferred). */
WQ_API int wq_html_title_above(const wq_node *section);
/* Appends 'url' percent-encoded where HTML and XML checkers would reject
 * a byte: spaces, controls, non-ASCII, < > " { } | \ ^ `, a '%' not
 * before two hex digits, a second '#', and brackets anywhere but in the
 * host of "scheme://host" (an IPv6 address). */
WQ_API void wq_url_encode(struct wq_buf *out, const char *url);
/* The same, escaped for a double-quoted HTML attribute. */
WQ_API void wq_html_put_url(struct wq_buf *out, const char *url);
/* Appends the stylesheet of a text in 'lang': logical properties only, a
 * font stack for its script (Arabic, Urdu's Nastaliq, Hebrew; none for
 * Latin), after 'fonts' (embedded families, quoted and comma-separated,
 * or NULL), and no CSS direction or unicode-bidi (EPUB forbids them;
 * HTML does not need them). A 'book' leaves line height, margins,
 * justification and size to the reading system; a page sets a measure. */
WQ_API void wq_html_put_stylesheet(
    struct wq_buf *out, const char *lang, const char *fonts, int book);

#ifdef __cplusplus
}
#endif
#endif
