/*
 * epub.h - what the epub writer's files share: the book being made and
 * the helpers its parts use (epub.c writes the container, nav.c the
 * navigation document, a11y.c the accessibility metadata).
 */
#ifndef WQ_EPUB_H
#define WQ_EPUB_H

#include <warraq/plugin.h>

#include <time.h>
#include <zip.h>

/* fonts.c: an embedded font's face, as FreeType reads it. */
struct font_face {
	char family[128];
	unsigned weight; /* 100-900 */
	int italic;
};
/* Reads the face of the font file at 'path'; -1 with *why if it is not a
 * font. */
int epub_font_face(const char *path, struct font_face *face, const char **why);

struct resource {
	char *path; /* on disk */
	char *href; /* in the container, relative to EPUB/ */
	char *id;
	const char *id_prefix;
	const char *media_type;
	const char *properties;
	struct font_face font; /* fonts only */
};

/* split.c: a piece of a text, one content document. */
struct piece {
	const wq_node *first; /* its first block (NULL: an empty text) */
	size_t section;	      /* the text's index */
	unsigned part;	      /* 1, 2, ... within the text */
};
struct place {
	const wq_node *block; /* a text, or its top-level block */
	size_t piece;
};

struct pack_entry;

struct book {
	const wq_doc *doc;
	const wq_opts *opts;
	struct wq_err *err;
	zip_t *za;
	time_t mtime;
	int failed; /* an error was recorded while rendering */
	int lenient;
	struct resource *res;
	size_t nres, capres;
	size_t *by_path, nslots; /* 1 + index in res, by path (epub.c) */
	struct kind_count {	 /* resources numbered per id_prefix */
		const char *prefix;
		size_t n;
	} kinds[8];
	const char *lang;
	wq_dir dir;
	struct wq_buf scratch;
	size_t pages;			   /* entries of the page-list */
	size_t images, images_without_alt; /* in the chapters, as written */
	struct piece *pieces; /* every text's, in order (split.c) */
	size_t npieces, cappieces;
	struct place *places; /* top-level blocks to pieces, by address */
	size_t nplaces;
	struct magic_set *magic; /* libmagic, opened at the first image */
	char magic_type[128];	 /* what the last image checked was */
	struct toc_entry {	 /* the table of contents, for the NCX */
		char *label, *href;
		int depth; /* 1: a text */
	} * toc;
	size_t ntoc, captoc;
	struct pack_entry *pack; /* the container's entries, in order */
	size_t npack, cappack;
	size_t pending; /* bytes queued for deflating, not yet deflated */
	int level;	/* deflate level, 0 (store) to 9 */
};

/* pack.c: entries are queued, then compressed on every core, a batch at a
 * time as the book is made. pack_add() copies the bytes, pack_add_buf()
 * takes the buffer's and leaves it empty; 'store': not to be deflated. */
int pack_add(
    struct book *bk, const char *name, const void *data, size_t len, int store);
int pack_add_buf(
    struct book *bk, const char *name, struct wq_buf *b, int store);
int pack_finish(struct book *bk);
void pack_free(struct book *bk);

/* epub.c */
void put_esc(struct wq_buf *b, const char *s);
void put_text_dir(struct wq_buf *b, const char *text, wq_dir context);
/* strdup() that aborts when memory is out, as the library's own. */
char *xstrdup(const char *s);
/* The metadata that holds 'key': the book's (-M), else its one text's. */
const wq_meta *meta_with(const struct book *bk, const char *key);
const char *meta_get(const struct book *bk, const char *key);
const char *book_title(const struct book *bk);
/* <dc:EL id="ID" dir=…>VALUE</dc:EL>, the direction where 'value' runs
 * against 'context'. */
void put_dc(struct wq_buf *b, const char *el, const char *id, const char *value,
    wq_dir context);
/* Every value of 'key' in the book's and its texts' metadata, once each
 * (free *out, not the strings). */
void collect(
    const struct book *bk, const char *key, const char ***out, size_t *n);
/* An XHTML document's start, to </head>: its stylesheets are at 'root'
 * ("../" from text/). */
void xhtml_head(const struct book *bk, struct wq_buf *b, const char *lang,
    wq_dir dir, const char *title, const char *root);
/* Whether a text's chapter starts with its title as a heading of its own. */
int writes_title(const wq_node *s);

/* nav.c: EPUB/nav.xhtml. Sets bk->pages. */
int epub_nav(struct book *bk, int has_cover);

/* split.c: cuts the texts into pieces; -WQ_EUSAGE for a bad
 * split-level. */
int epub_split(struct book *bk);
void epub_split_free(struct book *bk);
/* A piece's document name, "ch001.xhtml", "ch001-2.xhtml". */
void epub_piece_name(const struct piece *p, char name[32]);
/* The piece that holds node 'n' (a text: its first), or NULL. */
const struct piece *epub_piece_of(const struct book *bk, const wq_node *n);

/* ncx.c: EPUB/toc.ncx from the entries epub_nav() recorded; 'uid' is
 * the package's identifier. */
int epub_ncx(struct book *bk, const char *uid);

/* people.c: dc:creator and dc:contributor, with roles and file-as. */
void epub_people(struct book *bk, struct wq_buf *b);

/* a11y.c: the package's accessibility metadata (after epub_nav()). */
void epub_a11y(struct book *bk, struct wq_buf *b);

#endif
