/*
 * warraq.h - the public API of libwarraq: the document model, its iterator,
 * metadata, loading texts through reader plugins, errors, and the version.
 * Plugins also include plugin.h; programs that run plugins, host.h.
 *
 * A document (wq_doc) is a tree of nodes. Its root is a WQ_NODE_DOCUMENT
 * whose children are sections, one per source text. The document owns all
 * of its memory: getters return borrowed pointers that live as long as the
 * document, setters copy what they are given, and wq_doc_free() releases
 * everything at once.
 *
 * Errors are returned, never printed: a function that can fail returns 0 on
 * success or a negative WQ_E... code with a struct wq_err filled in. Running
 * out of memory calls the host's handler (wq_set_oom_handler), or aborts
 * the process with a message, as cmark does.
 */
#ifndef WARRAQ_H
#define WARRAQ_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define WQ_API __attribute__((visibility("default")))
#define WQ_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define WQ_API
#define WQ_PRINTF(f, a)
#endif

/* Called when an allocation fails anywhere in warraq, its plugins and the
 * parsers they hand warraq's allocator (cmark-gfm): it must not return
 * (a host removes its temporary files and exits). 'bytes' is what was
 * asked. NULL restores the default: a message, then abort(). */
typedef void (*wq_oom_fn)(size_t bytes);
WQ_API void wq_set_oom_handler(wq_oom_fn fn);
/* Allocation that cannot fail (the handler above runs instead): for
 * plugins, and to give libraries warraq's allocator. */
WQ_API void *wq_xmalloc(size_t n);
WQ_API void *wq_xcalloc(size_t n, size_t size);
WQ_API void *wq_xrealloc(void *p, size_t n);

/* The CPUs this process may run on (its affinity mask), at least 1: how
 * many threads a conversion, or a plugin's part of it, should keep busy. */
WQ_API int wq_cpus(void);

/* The version this header belongs to; wq_version() tells the library's. */
#define WQ_VERSION_MAJOR 0
#define WQ_VERSION_MINOR 2
#define WQ_VERSION_PATCH 0
#define WQ_VERSION "0.2.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH, for comparisons. */
#define WQ_VERSION_NUMBER                                                      \
	(WQ_VERSION_MAJOR * 10000 + WQ_VERSION_MINOR * 100 + WQ_VERSION_PATCH)

/* The library's version, as WQ_VERSION_NUMBER, and as a string. */
WQ_API int wq_version(void);
WQ_API const char *wq_version_string(void);
/* The versions of the libraries behind it, "libxml2 20914, ICU 72.1,
 * libyaml 0.2.5" (plugins name their own). */
WQ_API const char *wq_version_libraries(void);

/* ---- Errors -------------------------------------------------------------- */

/* Error codes; functions return them negated. */
enum wq_errcode {
	WQ_OK = 0,
	WQ_EUSAGE = 1,	/* a bad option or argument */
	WQ_EINPUT = 2,	/* the input is not a text warraq can read */
	WQ_EIO = 3,	/* reading or writing a file failed */
	WQ_EPLUGIN = 4, /* a plugin could not be loaded, or failed */
};

/* Where and why something failed. Fixed-size, so filling it never fails
 * and nobody frees it. 'line' and 'col' are 1-based; 0 means unknown.
 * 'col' counts bytes from the start of the line, as cmark does. */
struct wq_err {
	int code;
	unsigned long line, col;
	char file[512];
	char msg[512];
};

/* Fills 'err' (if not NULL) and returns -code, so that callers can write
 * 'return wq_err_set(...)'. 'file' may be NULL. */
WQ_API int wq_err_set(struct wq_err *err, int code, const char *file,
    unsigned long line, unsigned long col, const char *fmt, ...)
    WQ_PRINTF(6, 7);

/* Formats 'err' as one line, "file:line:col: message", into 'buf'. */
WQ_API void wq_err_format(const struct wq_err *err, char *buf, size_t size);

/* ---- Growable buffer ----------------------------------------------------- */

/* A byte buffer that writers use to build output. Always NUL-terminated. */
struct wq_buf {
	char *data;
	size_t len, cap;
};

WQ_API void wq_buf_init(struct wq_buf *b);
WQ_API void wq_buf_free(struct wq_buf *b);
/* Makes room for 'cap' bytes in all (the terminating NUL included), so
 * that a buffer whose final size is known is allocated once. */
WQ_API void wq_buf_reserve(struct wq_buf *b, size_t cap);
WQ_API void wq_buf_put(struct wq_buf *b, const void *data, size_t len);
WQ_API void wq_buf_puts(struct wq_buf *b, const char *s);
WQ_API void wq_buf_putc(struct wq_buf *b, int c);
WQ_API void wq_buf_printf(struct wq_buf *b, const char *fmt, ...)
    WQ_PRINTF(2, 3);
/* Appends 's' escaped for XML text and attribute values: & < > " and ' */
WQ_API void wq_buf_put_xml(struct wq_buf *b, const char *s, size_t len);

/* ---- The document model ---------------------------------------------------- */

typedef struct wq_doc wq_doc;
typedef struct wq_node wq_node;
typedef struct wq_iter wq_iter;
typedef struct wq_meta wq_meta;

typedef enum {
	WQ_NODE_NONE = 0,
	/* blocks */
	WQ_NODE_DOCUMENT,
	WQ_NODE_SECTION, /* one source text */
	WQ_NODE_HEADING,
	WQ_NODE_PARAGRAPH,
	WQ_NODE_BLOCK_QUOTE,
	WQ_NODE_LIST,
	WQ_NODE_ITEM,
	WQ_NODE_CODE_BLOCK,
	WQ_NODE_THEMATIC_BREAK,
	/* inlines */
	WQ_NODE_TEXT,
	WQ_NODE_EMPH,
	WQ_NODE_STRONG,
	WQ_NODE_CODE,
	WQ_NODE_LINK,
	WQ_NODE_IMAGE,
	WQ_NODE_SOFTBREAK,
	WQ_NODE_LINEBREAK,
	WQ_NODE_SPAN, /* a run with its own language or direction */
	/* GFM (after the first types, whose numbers plugins rely on) */
	WQ_NODE_STRIKE,	      /* inline: ~~struck out~~ */
	WQ_NODE_TABLE,	      /* block: rows, the header row(s) first (after
			       its CAPTION, if any) */
	WQ_NODE_TABLE_ROW,    /* cells */
	WQ_NODE_TABLE_CELL,   /* inlines */
	WQ_NODE_FOOTNOTE_REF, /* inline: a note's mark, by its number */
	WQ_NODE_FOOTNOTE,     /* block: a note's blocks, at its text's end */
	/* Editions (OpenITI and other scholarly texts) */
	WQ_NODE_PAGE_BREAK, /* inline leaf: a printed page begins here */
	WQ_NODE_MILESTONE,  /* inline leaf: a boundary of a reference unit */
	WQ_NODE_VERSE,	    /* block: lines of verse */
	WQ_NODE_VERSE_LINE, /* inlines, its hemistichs split by CAESURA */
	WQ_NODE_CAESURA,    /* inline leaf: the pause between hemistichs */
	WQ_NODE_SEGMENT,    /* inline: a typed part (isnad, matn...) */
	WQ_NODE_CAPTION,    /* a table's caption (inlines): its first child */
} wq_node_type;

typedef enum { WQ_DIR_UNSET = 0, WQ_DIR_LTR, WQ_DIR_RTL } wq_dir;

/* Returns "document", "paragraph", ... for a node type. */
WQ_API const char *wq_node_type_name(wq_node_type t);
/* Returns "ltr", "rtl" or NULL for WQ_DIR_UNSET. */
WQ_API const char *wq_dir_name(wq_dir d);

/* A new, empty document with no sections. Free with wq_doc_free(). */
WQ_API wq_doc *wq_doc_new(void);
WQ_API void wq_doc_free(wq_doc *doc);
/* The WQ_NODE_DOCUMENT root. */
WQ_API wq_node *wq_doc_root(const wq_doc *doc);
/* Book-level metadata (from the command line or a metadata file). */
WQ_API wq_meta *wq_doc_meta(const wq_doc *doc);
/* Moves every section of 'src' to the end of 'dst' and frees 'src'.
 * Call wq_doc_finish() after the last one. */
WQ_API void wq_doc_append(wq_doc *dst, wq_doc *src);
/* Readies a document for writers: the root takes the language and
 * direction of most of the text, and sections and headings get their ids
 * (wq_doc_assign_ids). The loaders call it; call it again after
 * wq_doc_append(). */
WQ_API void wq_doc_finish(wq_doc *doc);

/* Creates a detached node owned by 'doc'; attach it with wq_node_append(). */
WQ_API wq_node *wq_node_new(wq_doc *doc, wq_node_type type);
/* Makes 'child' the last child of 'parent'. Returns -1, and does nothing,
 * when 'parent' is an inline leaf (text, code, a break, a caesura, a
 * note's mark), which has no children; else 0. */
WQ_API int wq_node_append(wq_node *parent, wq_node *child);
/* Inserts 'n' just after 'sibling'. */
WQ_API void wq_node_insert_after(wq_node *sibling, wq_node *n);
/* Inserts 'n' just before 'sibling'. */
WQ_API void wq_node_insert_before(wq_node *sibling, wq_node *n);
/* Detaches 'n' (and its subtree) from its parent. */
WQ_API void wq_node_unlink(wq_node *n);
/* The document that owns 'n'. */
WQ_API wq_doc *wq_node_doc(const wq_node *n);

WQ_API wq_node_type wq_node_type_of(const wq_node *n);
WQ_API int wq_node_is_block(const wq_node *n);
WQ_API wq_node *wq_node_parent(const wq_node *n);
WQ_API wq_node *wq_node_first_child(const wq_node *n);
WQ_API wq_node *wq_node_last_child(const wq_node *n);
WQ_API wq_node *wq_node_next(const wq_node *n);
WQ_API wq_node *wq_node_prev(const wq_node *n);

/* Text of TEXT and CODE nodes and of CODE_BLOCK, or NULL. Never NULL for
 * those types (an empty string instead), and NUL-terminated (its length
 * is wq_node_literal_len()). A literal set is valid UTF-8,
 * as everything the loaders produce: the core reads it without checks. */
WQ_API const char *wq_node_literal(const wq_node *n);
WQ_API size_t wq_node_literal_len(const wq_node *n);
/* Setters copy what they are given and check the node's type: each
 * returns 0, or -WQ_EUSAGE (changing nothing) for a node of another
 * type or a value out of range. */
WQ_API int wq_node_set_literal(wq_node *n, const char *s, size_t len);
/* Splits TEXT node 't' at byte 'off' (a character boundary, 0 to its
 * length): 't' keeps what comes before, a new TEXT node inserted after
 * it takes the rest, which is not copied (the part before is: splitting
 * a long text left to right costs what it keeps, not what remains).
 * Returns the new node, or NULL for another type or a bad offset. */
WQ_API wq_node *wq_node_split_text(wq_node *t, size_t off);
/* Destination of a LINK or IMAGE, or NULL. */
WQ_API const char *wq_node_url(const wq_node *n);
WQ_API int wq_node_set_url(wq_node *n, const char *url);
/* Title of a LINK or IMAGE, or NULL. */
WQ_API const char *wq_node_title(const wq_node *n);
WQ_API int wq_node_set_title(wq_node *n, const char *title);
/* Info string of a CODE_BLOCK (its language), or NULL. */
WQ_API const char *wq_node_info(const wq_node *n);
WQ_API int wq_node_set_info(wq_node *n, const char *info);

/* Returns the heading level (1-6), or 0 if 'n' is not a heading. */
WQ_API int wq_node_heading_level(const wq_node *n);
/* 1 to 6. */
WQ_API int wq_node_set_heading_level(wq_node *n, int level);
/* Lists: ordered or bullet, start number, tight (no blank lines between
 * items). */
WQ_API int wq_node_list_ordered(const wq_node *n);
WQ_API int wq_node_list_start(const wq_node *n);
WQ_API int wq_node_list_tight(const wq_node *n);
WQ_API int wq_node_set_list(wq_node *n, int ordered, int start, int tight);
/* A list item's task box ("- [ ]", "- [x]"): 0 none, 1 open, 2 done. */
WQ_API int wq_node_task(const wq_node *item);
WQ_API int wq_node_set_task(wq_node *item, int state);
/* Whether a table row is a header row. */
WQ_API int wq_node_row_header(const wq_node *row);
WQ_API int wq_node_set_row_header(wq_node *row, int header);
/* A table cell's alignment. GFM's ":--" and "--:" are taken as the start
 * and the end of the line, which in a right-to-left table are its right
 * and left. */
typedef enum {
	WQ_ALIGN_NONE = 0,
	WQ_ALIGN_START,
	WQ_ALIGN_CENTER,
	WQ_ALIGN_END
} wq_align;
WQ_API wq_align wq_node_cell_align(const wq_node *cell);
/* The anchor the source gave a heading ("{#intro}"): links to "#intro"
 * find it, in place of the one made from its text. */
WQ_API int wq_node_set_heading_anchor(wq_node *heading, const char *anchor);
WQ_API const char *wq_node_heading_anchor(const wq_node *heading);
/* Footnotes: a FOOTNOTE_REF and the FOOTNOTE it marks share a number,
 * 1, 2, ... in the order the text first refers to them; the notes are
 * the last blocks of their section, in that order. */
WQ_API int wq_node_footnote_number(const wq_node *n);
WQ_API int wq_node_set_footnote_number(wq_node *n, int number);
/* The FOOTNOTE of 'section' numbered 'number', or NULL. */
WQ_API const wq_node *wq_section_footnote(const wq_node *section, int number);
WQ_API int wq_node_set_cell_align(wq_node *cell, wq_align align);

/* A PAGE_BREAK names the printed page that begins at it: its number and
 * its volume (NULL for a book of one volume), as the source writes them
 * ("007", "1"): digits, letters, '-' and '.' only, 1-16 bytes. */
WQ_API const char *wq_node_page(const wq_node *pb);
WQ_API const char *wq_node_page_volume(const wq_node *pb);
WQ_API int wq_node_set_page(wq_node *pb, const char *volume, const char *page);
/* A MILESTONE's unit ("ms": OpenITI's 300-word units) and number ("" for
 * none; NULL or "" to set none), with the same rules as page numbers. */
WQ_API const char *wq_node_milestone_unit(const wq_node *ms);
WQ_API const char *wq_node_milestone_n(const wq_node *ms);
WQ_API int wq_node_set_milestone(wq_node *ms, const char *unit, const char *n);
/* What kind of division a HEADING opens ("biography"), of PARAGRAPH
 * ("riwaya") or of SEGMENT ("isnad"), with an optional subkind ("man"),
 * or NULL: TEI's @type and @subtype, HTML's class. A kind is a name
 * (an ASCII letter, then letters, digits, '-' and '_'; at most 32
 * bytes); a document holds at most 255 kinds and subkinds together. */
WQ_API const char *wq_node_kind(const wq_node *n);
WQ_API const char *wq_node_subkind(const wq_node *n);
WQ_API int wq_node_set_kind(wq_node *n, const char *kind, const char *subkind);

/* Whether a SPAN was written in the source (a pandoc [text]{lang=..}
 * span, an HTML <span lang dir>) rather than found by the direction
 * analysis. A writer that cannot isolate every run keeps these. */
WQ_API int wq_node_span_from_source(const wq_node *n);
/* Whether the language or direction of this very node was stated by its
 * source (set with wq_node_set_lang/_dir, as readers do) rather than
 * found by the direction analysis. Writers that cannot say every
 * direction keep these. */
WQ_API int wq_node_dir_stated(const wq_node *n);
/* A SPAN made with wq_node_new() counts as written in the source. */
/* Language (BCP 47) and direction set on this very node, or NULL/UNSET. */
WQ_API const char *wq_node_lang(const wq_node *n);
WQ_API wq_dir wq_node_dir(const wq_node *n);
/* NULL or "" unsets it; otherwise a BCP 47 tag (wq_lang_tag_valid). */
WQ_API int wq_node_set_lang(wq_node *n, const char *lang);
WQ_API int wq_node_set_dir(wq_node *n, wq_dir dir);
/* The language and direction in force at 'n': its own, or the nearest
 * ancestor's. Writers use these and never guess. */
WQ_API const char *wq_node_effective_lang(const wq_node *n);
WQ_API wq_dir wq_node_effective_dir(const wq_node *n);

/* Source position of a block: 1-based line and byte column in the
 * section's source file (0 when the node was made, not read). */
WQ_API unsigned long wq_node_line(const wq_node *n);
WQ_API unsigned long wq_node_column(const wq_node *n);
WQ_API void wq_node_set_pos(wq_node *n, unsigned long line, unsigned long col);

/* The section that contains 'n', or NULL for the document root. */
WQ_API const wq_node *wq_node_section(const wq_node *n);
/* The document's title: its metadata's (--title, -M, a metadata file);
 * for one text, that text's title; for several, a neutral one in their
 * language ("A collection of texts", wq_l10n), never one text's. Never
 * NULL. */
WQ_API const char *wq_doc_title(const wq_doc *doc);
/* Number of sections, and the i-th (0-based) or NULL. */
WQ_API size_t wq_doc_section_count(const wq_doc *doc);
WQ_API wq_node *wq_doc_section(const wq_doc *doc, size_t i);

/* ---- Sections: metadata, provenance, inference ----------------------------- */

/* What the loader inferred rather than read (a bit set). */
enum wq_inferred {
	WQ_INFERRED_TITLE = 1 << 0,
	WQ_INFERRED_SOURCE = 1 << 1,
	WQ_INFERRED_DATE = 1 << 2,
	WQ_INFERRED_LANG = 1 << 3,
	WQ_INFERRED_DIR = 1 << 4,
	WQ_INFERRED_HEADINGS = 1 << 5, /* short lines made sub-headings */
};

/* A section's metadata (front matter, inference, -M options). */
WQ_API wq_meta *wq_section_meta(const wq_node *section);
WQ_API unsigned wq_section_inferred(const wq_node *section);
WQ_API void wq_section_set_inferred(wq_node *section, unsigned bits);
/* Provenance: the file name as given (or "-" for stdin), its size in bytes
 * and the SHA-256 of its bytes as 64 lowercase hex digits. */
WQ_API const char *wq_section_file(const wq_node *section);
WQ_API uint64_t wq_section_size(const wq_node *section);
WQ_API const char *wq_section_sha256(const wq_node *section);
/* How many page breaks the section holds (counted when its ids were
 * given, by wq_doc_finish()): a writer need not look for them in a text
 * without any. */
WQ_API size_t wq_section_page_breaks(const wq_node *section);
/* The section's title: metadata "title", else its first eight words
 * (the incipit, source and date lines skipped), else its file name
 * without directory and extension, else "untitled". Never NULL. */
WQ_API const char *wq_section_title(const wq_node *section);

/* Letters counted per language in a section's text, most used first:
 * the basis of TEI langUsage and of direction. Returns the number of
 * entries; fills 'lang' and 'letters' for entry 'i' when i < count. */
WQ_API size_t wq_section_lang_usage(
    const wq_node *section, size_t i, const char **lang, uint64_t *letters);

/* ---- Metadata ---------------------------------------------------------------- */

/* An ordered map from keys to one or more string values. YAML sequences
 * become several values; nested maps become dotted keys ("a.b"), a map in
 * a sequence its place too ("author.2.role"). */

/* A new, empty map of its own (the command line's -M, a metadata file).
 * Free it with wq_meta_free(); never free a document's or section's. */
WQ_API wq_meta *wq_meta_new(void);
WQ_API void wq_meta_free(wq_meta *m);
/* Reads a YAML mapping (a metadata file) into 'm', as front matter is
 * read. 'name' is used in errors. Returns 0 or a negative WQ_E... code. */
WQ_API int wq_meta_load_yaml(wq_meta *m, const char *name, const char *data,
    size_t len, struct wq_err *err);
WQ_API size_t wq_meta_count(const wq_meta *m);
WQ_API const char *wq_meta_key(const wq_meta *m, size_t i);
/* Number of values of entry i, and value j of it. */
WQ_API size_t wq_meta_nvalues(const wq_meta *m, size_t i);
WQ_API const char *wq_meta_value(const wq_meta *m, size_t i, size_t j);
/* Whether entry i was a YAML sequence (even of one value). */
WQ_API int wq_meta_is_list(const wq_meta *m, size_t i);
/* Index of 'key', or -1. */
WQ_API long wq_meta_find(const wq_meta *m, const char *key);
/* The first value of 'key', or NULL. */
WQ_API const char *wq_meta_get(const wq_meta *m, const char *key);
/* Replaces 'key' with the single value 'value'. */
WQ_API void wq_meta_set(wq_meta *m, const char *key, const char *value);
/* Appends 'value' to 'key' (creating it) and marks it a list. */
WQ_API void wq_meta_add(wq_meta *m, const char *key, const char *value);
WQ_API void wq_meta_remove(wq_meta *m, const char *key);
/* Copies every entry of 'from' into 'to', after the entries 'to' keeps.
 * A key 'to' already has is replaced if 'replace', else left as it is. */
WQ_API void wq_meta_merge(wq_meta *to, const wq_meta *from, int replace);

/* ---- Iterator ---------------------------------------------------------------- */

enum wq_event { WQ_EVENT_DONE, WQ_EVENT_ENTER, WQ_EVENT_EXIT };

/* Walks the subtree of 'root' depth-first: ENTER for every node, EXIT for
 * every node that can have children (leaves get ENTER only). */
WQ_API wq_iter *wq_iter_new(const wq_node *root);
WQ_API void wq_iter_free(wq_iter *it);
WQ_API enum wq_event wq_iter_next(wq_iter *it);
WQ_API const wq_node *wq_iter_node(const wq_iter *it);
/* Makes the next call return EXIT for the current node, skipping its
 * children (call after an ENTER). */
WQ_API void wq_iter_skip_children(wq_iter *it);
/* Whether nodes of this type can have children. */
WQ_API int wq_node_type_is_container(wq_node_type t);

/* ---- Loading ------------------------------------------------------------------- */

struct wq_plugin; /* plugin.h */

/* Called for each warning (a remote image, raw HTML dropped...). 'file'
 * may be NULL; 'code' is a short stable identifier ("raw-html"). A code
 * that starts with "error-" reports one of several errors that the call
 * then fails with (each missing image of a book): hosts show those even
 * when they hide warnings. */
typedef void (*wq_warn_fn)(void *arg, const char *file, unsigned long line,
    unsigned long col, const char *code, const char *msg);

/* How to load a text. Readers are plugins (host.h loads them): the core
 * checks the bytes (UTF-8 allowed in XML, no NUL, not UTF-16), drops a
 * BOM, turns CR LF into LF, normalizes to NFC and reads YAML front
 * matter; the reader makes the model; then the core drops unsafe links,
 * infers metadata and analyses direction, whatever the reader. */
struct wq_load_opts {
	/* The plugins with a reader, NULL-ended. Required. */
	const struct wq_plugin *const *readers;
	/* The reader's name or alias (-f); NULL picks the reader whose
	 * probe is certain (100: a magic first line), else one by the
	 * file's extension, else the one whose probe is surest. */
	const char *reader;
	const struct wq_opts *reader_opts; /* handed to readers; may be NULL */
	const char *lang;	/* overrides the text's language (--lang) */
	wq_dir dir;		/* overrides the text's direction (--dir) */
	int no_infer;		/* no title/source/date/heading inference */
	const char *latin_lang; /* language of Latin runs; NULL means "en" */
	size_t max_bytes;	/* refuse larger inputs; 0 means 1 GiB */
	wq_warn_fn warn;
	void *warn_arg;
	/* No SHA-256 of the text (wq_section_sha256() gives NULL): for a
	 * writer with WQ_WRITER_NO_DIGESTS, whose outputs never show it. */
	int no_digest;
};

/* Loads one text from memory as a document with one section. 'name' is
 * used in errors and provenance ("-" for stdin) and its extension to
 * choose a reader. Returns a new document or NULL with 'err' filled
 * (-WQ_EUSAGE for a reader that does not exist). Caller frees with
 * wq_doc_free(). */
WQ_API wq_doc *wq_load_buffer(const char *name, const void *data, size_t len,
    const struct wq_load_opts *opts, struct wq_err *err);
/* Loads a file ("-" reads standard input). */
WQ_API wq_doc *wq_load_file(
    const char *path, const struct wq_load_opts *opts, struct wq_err *err);
/* The reader 'opts' would choose for a text called 'name' that starts
 * with 'data' (at most its first 4 KiB are looked at), or NULL. */
WQ_API const struct wq_plugin *wq_load_pick_reader(const char *name,
    const void *data, size_t len, const struct wq_load_opts *opts);

/* Why the loader would refuse text 's' (invalid UTF-8, a NUL, a C0
 * control XML 1.0 cannot carry, a noncharacter), or NULL if it would
 * not: the one rule for whatever enters the model (texts, character
 * references, escapes, -M values). */
WQ_API const char *wq_text_refused(const char *s, size_t len);

/* ---- Lint ---------------------------------------------------------------------------- */

/* Reports, through 'warn', what in a loaded document would display the
 * wrong way round, with these codes: "rtl-text-ltr" (a text of mostly
 * right-to-left letters tagged ltr), "lang-dir-mismatch" (a right-to-left
 * language with dir=ltr), "bidi-control" (LRM, RLM, ALM, embeddings,
 * overrides or isolates in the text), "presentation-form" (Arabic
 * presentation forms, as text taken from PDF has), and "mixed-paragraph"
 * (a paragraph with a fifth or more of its letters in each direction).
 * Returns the number of findings. */
WQ_API size_t wq_check(const wq_doc *doc, wq_warn_fn warn, void *arg);

/* ---- Text ------------------------------------------------------------------------ */

/* Whether a primary language subtag is written right to left, taking a
 * script subtag into account ("ar" and "ms-Arab" yes, "ar-Latn" no). */
WQ_API int wq_lang_is_rtl(const char *lang);
/* Whether 's' is a date in W3CDTF, the profile of ISO 8601 that EPUB and
 * TEI's @when accept: YYYY, YYYY-MM, YYYY-MM-DD, or with a UTC time,
 * YYYY-MM-DDThh:mm[:ss]Z. */
WQ_API int wq_date_is_iso(const char *s);
/* Whether 'tag' has the form of a BCP 47 language tag ("ar", "en-GB"). */
WQ_API int wq_lang_tag_valid(const char *tag);
/* The direction a text (a title, a label) takes where 'context' is in
 * force: the other direction only when four in five of its strong letters
 * run that way, as for blocks. With WQ_DIR_UNSET as context, the
 * direction of most of its letters. WQ_DIR_UNSET if it has none. */
WQ_API wq_dir wq_text_dir(const char *s, size_t len, wq_dir context);
/* The language a text's letters say, by the proper letters of each
 * script (design D1): "ar", "fa", "ur", "he", 'latin' for Latin letters
 * (NULL: "en"), or "und". */
WQ_API const char *wq_text_lang(const char *s, size_t len, const char *latin);
/* The direction of the first strong letter of 's' (what dir="auto" and
 * most reading systems would guess), or WQ_DIR_UNSET. */
WQ_API wq_dir wq_text_first_strong(const char *s, size_t len);
/* Writes into 'out' an identifier made from 'text': its ASCII letters
 * and digits, lowercased, words joined by hyphens, at most 'size' - 1
 * bytes. Returns its length; 0 when the text has none (Arabic-only). */
WQ_API size_t wq_slug(const char *text, size_t len, char *out, size_t size);
/* Concatenated text of the inlines below 'n' (TEXT and CODE literals, a
 * space for breaks), appended to 'b'. */
WQ_API void wq_node_text(const wq_node *n, struct wq_buf *b);

/* ---- Ids and anchors ------------------------------------------------------------ */

/* Assigns every section, heading and page break an id, unique across
 * the document and the same for the same input: "s2" for the second
 * section, "s2-" plus the heading's ASCII words (see wq_slug) or its
 * number ("s2-h3") for a heading, "s2-pV01P007" (or "s2-p7" without a
 * volume) for a page break. ICU transliteration would give readable ids
 * for Arabic headings, but opening a transliterator costs 15-35 ms,
 * more than converting the seeds. wq_doc_finish() calls it. */
WQ_API void wq_doc_assign_ids(wq_doc *doc);
/* The id given by wq_doc_assign_ids(), or NULL. */
WQ_API const char *wq_node_id(const wq_node *n);
/* The section or heading a link fragment ("#intro", without the '#',
 * percent-encoded or not) points to: one of our ids, or the anchor GitHub
 * and pandoc give the heading's text. NULL if none. */
WQ_API const wq_node *wq_doc_find_anchor(
    const wq_doc *doc, const char *fragment);

/* ---- Resources ------------------------------------------------------------------ */

/* Whether 'url' points outside the document (http:, https:, ftp:, //). */
WQ_API int wq_url_is_remote(const char *url);
/* Appends to 'out' the path on disk of a local image: its URL decoded,
 * relative to the directory of the text that references it. Returns 0,
 * or -1 for a remote or data: URL (nothing appended). */
WQ_API int wq_image_path(const wq_node *image, struct wq_buf *out);
/* Whether a text may pull the local file 'path' into an output (an
 * EPUB): the file, symlinks followed, must lie in the directory tree of
 * 'text' (the text's file; NULL for standard input: the current
 * directory), be a regular file and hold at most 'max' bytes. Returns 0,
 * or -1 with '*why' saying what is wrong ("outside the text's folder",
 * "not a regular file", "larger than ..."); a file that does not exist
 * returns 0, for the caller's own message. */
WQ_API int wq_resource_allowed(
    const char *text, const char *path, size_t max, const char **why);
/* The same, the file also allowed in the trees of the NULL-ended
 * directories 'roots' (--resource-path); 'roots' may be NULL. */
WQ_API int wq_resource_allowed_in(const char *text, const char *const *roots,
    const char *path, size_t max, const char **why);

#ifdef __cplusplus
}
#endif
#endif
