/*
 * internal.h - what the core's files share and plugins never see.
 */
#ifndef WQ_INTERNAL_H
#define WQ_INTERNAL_H

#include "warraq/host.h"
#include "warraq/plugin.h"
#include "warraq/warraq.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

/* FNV-1a of a string, for the core's hash maps. */
static inline size_t
str_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Allocation that cannot fail: it aborts with a message instead. */
char *wq_xstrdup(const char *s);

/* Appends 's' escaped for XML: & < >, and quotes too if 'quotes' (for
 * attribute values; text needs none). */
void buf_escape(struct wq_buf *b, const char *s, size_t len, int quotes);

/* A bump allocator: everything a document holds comes from one. */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};
/* Memory aligned for any object, for 'align' (a power of two), or
 * (arena_alloc_bytes) unaligned, for strings: most of a document is
 * short strings. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_alloc_aligned(struct arena *a, size_t n, size_t align);
void *arena_alloc_bytes(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);
void arena_free(struct arena *a);

struct meta_entry {
	char *key;
	char **values;
	size_t nvalues, cap;
	int is_list;
};

struct wq_meta {
	struct arena *arena;
	struct meta_entry *entries;
	size_t count, cap;
	/* Past a few keys, 1 + each entry's index by key's hash (open
	 * addressing, at most half full), kept as entries are added. */
	size_t *slots, nslots;
};
void meta_init(wq_meta *m, struct arena *a);
void meta_release(wq_meta *m);

struct lang_count {
	const char *lang;
	uint64_t letters;
};

struct section_info {
	wq_meta meta;
	char *file;
	char *stem;    /* file's base name without extension, made on demand */
	char *incipit; /* its first words, the title of an untitled text */
	uint64_t size;
	size_t page_breaks; /* counted by wq_doc_assign_ids() */
	/* The notes by number, as wq_doc_finish() found them: a lookup per
	 * reference walked them all (40,000 notes: 3.4 s to HTML). Checked
	 * when used, so a model changed since can only miss, not mislead. */
	const struct wq_node **notes;
	size_t nnotes;
	char sha256[65];
	unsigned inferred;
	struct lang_count usage[8];
	size_t nusage;
};

/* A node. A text splits into many (a span per Latin word), so its size
 * decides the model's memory; inputs are at most 1 GiB, so lengths,
 * positions and letter counts fit 32 bits. Nodes are half of a
 * document's memory, so a node is allocated only as far as its type has
 * fields: an inline leaf (text, code, breaks: nearly half of all nodes)
 * up to 'first', 64 bytes; other types up to 'title', 88 bytes; the few
 * with names and ids whole, 104. Read a field only for the types that
 * have it: node_first() and node_last() are NULL for a leaf, and the
 * accessors in node.c check. */
struct wq_node {
	wq_doc *doc;
	wq_node *parent, *next, *prev;
	char *lang;
	char *literal; /* text, code: the content; link/image: the url */
	union {
		uint32_t literal_len; /* the types with a literal */
		int32_t start;	      /* list: ordered list start */
	};
	uint32_t line, col;
	unsigned char type;	  /* wq_node_type */
	unsigned dir : 2;	  /* wq_dir */
	unsigned tight : 1;	  /* list */
	unsigned from_source : 1; /* span: written in the text, not found */
	unsigned checked : 1;	  /* literal: valid, no refused character */
	unsigned char level;	  /* heading level; list: whether ordered */
	unsigned char kind;	  /* index in doc->kinds; 0 for none */
	/* Not in an inline leaf: */
	wq_node *first, *last;
	uint32_t nl, nr; /* strong left/right letters below (bidi.c) */
	/* Only in the types NODE_HAS_TAIL names: */
	union {
		char *title; /* link/image title; code block info string */
		char *id;    /* section/heading id, from wq_doc_assign_ids() */
		char *unit;  /* page break: its volume; milestone: its unit */
	};
	union {
		char *anchor; /* heading: its GitHub-style slug, for #links */
		struct section_info *sec; /* section */
	};
};

/* Whether nodes of 'type' have the fields from 'title' on. */
#define NODE_HAS_TAIL(type)                                                    \
	((type) == WQ_NODE_DOCUMENT || (type) == WQ_NODE_SECTION ||            \
	    (type) == WQ_NODE_HEADING || (type) == WQ_NODE_LINK ||             \
	    (type) == WQ_NODE_IMAGE || (type) == WQ_NODE_CODE_BLOCK ||         \
	    (type) == WQ_NODE_PAGE_BREAK || (type) == WQ_NODE_MILESTONE)

/* Whether nodes of 'type' end before 'first': the inline leaves. */
#define NODE_IS_LEAF(type)                                                     \
	((type) == WQ_NODE_TEXT || (type) == WQ_NODE_CODE ||                   \
	    (type) == WQ_NODE_SOFTBREAK || (type) == WQ_NODE_LINEBREAK ||      \
	    (type) == WQ_NODE_CAESURA || (type) == WQ_NODE_FOOTNOTE_REF)

static inline wq_node *
node_first(const wq_node *n)
{
	return NODE_IS_LEAF(n->type) ? NULL : n->first;
}

static inline wq_node *
node_last(const wq_node *n)
{
	return NODE_IS_LEAF(n->type) ? NULL : n->last;
}

struct anchor_map; /* ids.c: heading slugs and ids to headings */

struct wq_doc {
	struct arena arena;
	wq_node *root;
	wq_meta meta;
	wq_node **sections; /* the root's SECTION children, in order */
	size_t nsections, sections_cap;
	struct anchor_map *anchors;
	/* The kinds and subkinds nodes name (wq_node_set_kind), [0] unused. */
	struct kind_pair {
		const char *kind, *sub;
	} * kinds;
	unsigned nkinds;
	/* Page breaks made for it (some may since be gone): without any,
	 * the ids never need to look inside a paragraph. */
	size_t page_breaks;
};

void anchor_map_free(struct anchor_map *m);

/* Decodes the code point at s[*i] of text already checked to be UTF-8,
 * and moves *i past it. */
static inline int32_t
utf8_decode(const unsigned char *s, size_t *i)
{
	unsigned char c = s[*i];
	int32_t cp;

	if (c < 0x80) {
		*i += 1;
		return c;
	}
	if (c < 0xE0) {
		cp = (c & 0x1F) << 6 | (s[*i + 1] & 0x3F);
		*i += 2;
	} else if (c < 0xF0) {
		cp = (c & 0x0F) << 12 | (s[*i + 1] & 0x3F) << 6 |
		    (s[*i + 2] & 0x3F);
		*i += 3;
	} else {
		cp = (c & 0x07) << 18 | (s[*i + 1] & 0x3F) << 12 |
		    (s[*i + 2] & 0x3F) << 6 | (s[*i + 3] & 0x3F);
		*i += 4;
	}
	return cp;
}

/* Unicode properties for the per-character loops (ucd.c): the direction
 * class bidi.c works with, and the combining class and NFC quick check
 * nfc.c works with. Code points below UCD_CACHED are looked up in ICU
 * once and kept; the rest go to ICU each time. */
enum ucd_class {
	UCD_NEUTRAL,
	UCD_L,	     /* strong left-to-right */
	UCD_R,	     /* strong right-to-left */
	UCD_DIGIT,   /* European digit */
	UCD_RSCRIPT, /* neutral or number of a right-to-left script: ، ٣ */
};
/* What a strong letter says of the text's language (bidi.c counts them):
 * Latin or another left-to-right script; Arabic, or a letter only Urdu
 * or only Persian (and Urdu) writes; Hebrew, or another right-to-left
 * script. */
enum ucd_kind {
	UCD_K_NONE,
	UCD_K_LATN,
	UCD_K_OTHER_L,
	UCD_K_ARAB,
	UCD_K_UR,
	UCD_K_FA,
	UCD_K_HEBR,
	UCD_K_OTHER_R,
};
#define UCD_CACHED 0x800
#define UCD_NFC_YES 0x100u /* NFC_Quick_Check=Yes */
#define UCD_FILLED 0x8000u
#define UCD_CCC(v) ((v)&0xFFu) /* canonical combining class */
#define UCD_KIND(v) ((enum ucd_kind)((v) >> 12 & 7u))
extern _Atomic uint16_t ucd_cache[UCD_CACHED];
unsigned ucd_fill(int32_t c);
enum ucd_class ucd_class_icu(int32_t c);
enum ucd_kind ucd_kind_of(int32_t c, enum ucd_class cl);
unsigned ucd_nfc_icu(int32_t c);

static inline unsigned
ucd_cached(int32_t c)
{
	unsigned v = atomic_load_explicit(&ucd_cache[c], memory_order_relaxed);

	return v ? v : ucd_fill(c);
}

static inline enum ucd_class
ucd_class(int32_t c)
{
	return c < UCD_CACHED ? (enum ucd_class)(ucd_cached(c) >> 9 & 7)
			      : ucd_class_icu(c);
}

/* The combining class, with UCD_NFC_YES set if NFC_Quick_Check=Yes. */
static inline unsigned
ucd_nfc(int32_t c)
{
	return c < UCD_CACHED ? ucd_cached(c) & 0x1FFu : ucd_nfc_icu(c);
}

/* UTF-8: decode one code point at s[*i] (advancing *i); returns -1 on an
 * invalid sequence. Assumes the text was validated when it matters. */
int32_t utf8_next(const unsigned char *s, size_t len, size_t *i);
/* Checks that 'data' is UTF-8 allowed in XML 1.0 and has no NUL byte.
 * On failure returns the byte offset of the fault and sets *why. */
long utf8_check(const unsigned char *data, size_t len, const char **why);
/* Line and column (1-based, bytes) of byte offset 'off'. */
void text_position(
    const char *data, size_t off, unsigned long *line, unsigned long *col);

/* par.c: fn(arg) on a second thread from par_start() to par_join(), or
 * (one CPU, no thread to be had) inside par_join(). */
struct par {
	pthread_t thread;
	void (*fn)(void *);
	void *arg;
	int started;
};
void par_start(struct par *p, void (*fn)(void *), void *arg);
void par_join(struct par *p);
/* fn(i, arg) for every i below n, the i shared out between this thread
 * and a second one, in no set order. */
void par_for(size_t n, void (*fn)(size_t i, void *arg), void *arg);

/* Normalizes to NFC. Returns 0 and sets *out to NULL when the text is
 * already NFC; else *out is a new buffer (free it) of *outlen bytes. A
 * text with a run of combining marks too long to order in reasonable
 * time is refused, the run's offset in *marks_at. */
int nfc_normalize(const char *in, size_t len, char **out, size_t *outlen,
    size_t *marks_at, struct wq_err *err);

/* Front matter: if 'data' starts with a YAML block ("---" line ... "---"
 * or "..." line), parses it into 'meta' and returns the number of bytes
 * it spans (0 when there is none), or a negative error. */
long frontmatter_parse(const char *name, const char *data, size_t len,
    wq_meta *meta, struct wq_err *err);

/* The reading in progress (read.c); 'top' is the text's own, which
 * readers handing fragments on share for hints and warnings. */
struct wq_read_ctx {
	const struct wq_load_opts *opts;
	const char *file;
	const char *format;	  /* the name the reader was chosen by */
	unsigned long first_line; /* source line of the data's line 1 */
	unsigned stride;	  /* data lines per source line */
	int handoffs;		  /* readers this text went through */
	struct wq_read_ctx *top;
	unsigned hints;	    /* enum wq_read_hints (top only) */
	char warned[8][24]; /* codes already reported (top only) */
	size_t nwarned;
};
const struct wq_plugin *read_find(
    const struct wq_load_opts *opts, const char *name);
/* The extension of a file name, after its last dot ("md"), or NULL. */
const char *path_extension(const char *name);

/* plugin_index.c: a folder's plugins without a reader, loaded when used. */
#define PLUGIN_INDEX_FILE "plugins.index"
struct plugin_index_entry {
	char file[256]; /* "epub.so" */
	long long size, sec, nsec;
	int reader;
	char aliases[128], extensions[128]; /* the writer's, space-separated */
};
struct plugin_index {
	struct plugin_index_entry *e;
	size_t n, cap;
};
struct stat;
/* 0 with the index of 'dir'; -1 if it has none it can trust. */
int plugin_index_read(const char *dir, struct plugin_index *idx);
/* The entry of 'file' if, as 'st' finds it now, it is indexed as having
 * no reader; else NULL. */
const struct plugin_index_entry *plugin_index_writer_only(
    const struct plugin_index *idx, const char *file, const struct stat *st);
void plugin_index_free(struct plugin_index *idx);
/* plugin.c: wq_plugin_set_open_checked(), with or without the indexes. */
wq_plugin_set *plugin_set_open(
    const char *const *dirs, int allow_unsafe, int use_index);

/* The bidi-control part of wq_check(): the loader always warns of them. */
void check_controls(const wq_doc *doc, wq_warn_fn warn, void *arg);

/* Title, source, date and heading inference (load.c calls it); 'lines'
 * when every line of the text was a paragraph (WQ_HINT_LINES). */
void infer_section(wq_node *section, int lines);
/* The first words of a section, its title when it has none. */
void section_incipit(wq_node *section);
/* Whether block 'b' is a source or date line ("المصدر: ...", "نشرت: ..."). */
int is_labelled(const wq_node *b);
/* Language, direction and opposite-direction spans. */
void bidi_section(wq_node *section, const struct wq_load_opts *opts);

/* phrase.c: wraps each opposite-direction phrase of a block in one span.
 * The buffers are reused from block to block; 'lang' names a phrase's
 * language (returns a string that outlives the document's nodes). */
struct phrase_run;
struct phrases {
	char *flat; /* the block's inline content as one string */
	size_t len, cap;
	struct phrase_run *runs;
	size_t nruns, runs_cap;
	size_t isolated; /* spans made */
	const char *(*lang)(void *arg, const char *s, size_t len, wq_dir dir);
	void *arg;
};
void phrases_isolate(struct phrases *p, wq_node *block, wq_dir dir);
void phrases_free(struct phrases *p);

#endif
