/*
 * markdown.h - what the two halves of the markdown plugin share.
 */
#ifndef WQ_MARKDOWN_H
#define WQ_MARKDOWN_H

#include <warraq/plugin.h>

#include <cmark-gfm.h>
#include <pthread.h>

/* read.c: the reader's read(). */
int md_read(wq_node *parent, const char *data, size_t len,
    enum wq_read_mode mode, wq_read_ctx *ctx, struct wq_err *err);

/* attrs.c: a pandoc attribute list "{#id .class dir=ltr lang=en}" at
 * s[0] == '{'. Returns its length, or 0 if it is not one. The first two
 * classes are a kind and subkind (wq_node_set_kind), the others checked
 * and dropped; of key=value pairs, only those the model holds: dir, lang,
 * and page, volume, unit, n for page breaks and milestones. */
struct md_attrs {
	wq_dir dir;
	char lang[36];
	char id[64];
	char kind[2][33];
	char page[17], volume[17], unit[17], n[17];
};
size_t md_attrs(const char *s, size_t len, struct md_attrs *a);

/* unclosed.c: escapes the line of a "<script>", "<pre>", "<!--"... that
 * nothing closes, which would make the rest of the text raw HTML; warns
 * for each. Returns 1, the text rewritten into 'out', if it had any. */
int md_unclosed_html(const char *s, size_t len, struct wq_buf *out,
    wq_read_ctx *ctx);
/* The length of the code fence ("```", "~~~~") that starts line
 * s[0, len), its character in *ch; 0 if there is none. */
size_t md_code_fence(const char *s, size_t len, char *ch);

/* parse.c: registers cmark-gfm's extensions, once for the process. */
void md_extensions(void);
/* arena.c: cmark's allocations from warraq's allocator. */
extern cmark_mem md_mem;
/* A cmark node (of extension 'ext', or NULL) whose memory, and
 * that of the tree it roots (its literals, the text rendered from it),
 * comes from warraq's allocator: out of memory, the host's handler runs
 * (exit 4, no temporary file left) instead of cmark's abort(). cmark
 * only links nodes of one allocator: every node of a tree is made so. */
cmark_node *md_node_new(cmark_node_type type, cmark_syntax_extension *ext);

/* arena.c: cmark's memory for the pieces of a long text, parsed and
 * mapped one at a time. md_arena_mem allocates from the arena the calling
 * thread uses: a thread that parses or maps with it, or frees its nodes,
 * uses the piece's arena (md_arena_use) while it does. A reset frees all
 * the arena holds and keeps its chunks for the next piece. */
struct md_arena;
extern cmark_mem md_arena_mem;
/* NULL when the process cannot keep one (no thread key left): the caller
 * then parses with md_mem. */
struct md_arena *md_arena_new(void);
/* Returns the arena the thread used before. */
struct md_arena *md_arena_use(struct md_arena *a);
void md_arena_reset(struct md_arena *a);
void md_arena_free(struct md_arena *a);

/* emphasis.c: whether emphasis 'n' (emph, strong, struck) reads back
 * written between delimiters ("*", "**", "~~") where it stands, by
 * CommonMark's flanking rules; 'joined' when it goes on an element of its
 * type before it (no delimiter opens it). 'spans': pandoc spans the
 * analysis found are written too (md-spans). 'tagged': the emphasis
 * around 'n' that is being written as tags, whose edges are no run of
 * delimiters for 'n''s to join. */
struct md_tagged {
	/* Outermost first; inline nesting stops at 128 levels (read.c). */
	const wq_node *node[160];
	size_t n;
};
int md_delimitable(const wq_node *n, int joined, int spans,
    const struct md_tagged *tagged);
/* Whether span 'n' is written as a pandoc span, not as its children. */
int md_span_written(const wq_node *n, int spans);

/* tags.c: inline elements that raw HTML tags open around Markdown. */
#define MD_OPEN_TAGS 32
struct md_open_tags {
	wq_node *el[MD_OPEN_TAGS];
	char name[MD_OPEN_TAGS][16];
	size_t n;
};
/* Inline HTML 'tag' (cmark's node literal, at data line 'line'), before
 * it is read into 'parent': an opening tag of an element that holds
 * inlines (<b>, <em>, <del>, <a href>, a <span> stating dir or lang...)
 * makes it, and a closing tag ends the innermost open one of its name.
 * Returns the parent for the nodes that follow, or NULL when the tag
 * does neither (the html reader then reads it alone). */
wq_node *md_inline_tag(struct md_open_tags *o, wq_node *parent,
    const char *tag, wq_read_ctx *ctx, unsigned long line);

/* stated.c: direction and language stated by raw HTML tags that cmark
 * leaves in pieces. An opening tag: its name, dir and lang. */
struct md_tag {
	char name[16];
	wq_dir dir;
	char lang[36];
	char kind[2][33]; /* a fenced div's classes: "verse", "riwaya"... */
};
/* Reads the opening tag at the start of s[0, len); 0 if there is none. */
int md_tag_open(const char *s, size_t len, struct md_tag *t);
/* Whether 's' starts with the closing tag of 'name'. */
int md_tag_closes(const char *s, const char *name);

/* Containers opened by one HTML block and closed by a later one. */
struct md_stated {
	struct md_tag open[16];
	wq_node *before[16]; /* the block before the container's first */
	size_t depth;
};
/* Before HTML block 'html' is read below 'parent', whose last block is
 * 'before': opens or closes a container that states direction. Returns 1
 * when the block is only that tag, which says nothing more. */
int md_stated_block(struct md_stated *st, wq_node *parent, const char *html,
    wq_node *before);
/* pandoc's fenced divs, "::: {dir=ltr lang=en}" to ":::": cmark-gfm knows
 * nothing of them, so each fence line becomes an HTML comment (a block of
 * its own that ends a paragraph; the lines keep their numbers), which
 * md_stated_block() pairs like "<div>" and "</div>". Fences inside fenced
 * code stay. Returns 1, the text rewritten into 'out', if it has any. */
int md_fenced_divs(const char *s, size_t len, struct wq_buf *out);
/* pieces.c: whether a text may be parsed in pieces (no reference or
 * footnote definitions). */
int md_cuttable(const char *s, size_t len);
/* A place a text is cut, and the head of the table it falls in (its
 * header and delimiter rows; head_len 0 if none): the piece it begins
 * is parsed with that head before it, and its rows join the table. */
struct md_cut {
	size_t at, head, head_len;
};
/* Whether s[0, len) (two lines) is a table's head to the reader. */
typedef int (*md_table_head_fn)(const char *s, size_t len, void *arg);
/* Moves 'cut' from where it is to the first place at least 'want' bytes
 * further where the text may be cut ('len' if none); with 'is_head'
 * NULL, never inside a table. */
void md_next_cut(const char *s, size_t len, size_t want, struct md_cut *cut,
    md_table_head_fn is_head, void *arg);
/* At the end of the text: what is still open ends there. */
void md_stated_end(struct md_stated *st, wq_node *parent);

/* parse.c: a text parsed by cmark-gfm, a long one in pieces, each in an
 * arena of its own and, with a second core, on a second thread while the
 * reader maps the pieces before it. */
#define MD_PIECE_SLOTS 2 /* pieces parsed and not yet mapped, at most */
struct md_parsed {
	cmark_node *root;	/* the piece's blocks; NULL if cmark failed */
	struct md_arena *arena; /* the slot's arena, if the text is cut */
	int in_arena; /* whether the piece is in it (else in warraq's heap) */
	int here;	  /* a long piece, to be parsed by the thread that maps */
	struct md_cut to; /* where that piece ends */
	int table_goes_on;	/* it begins with rows of the table before */
	unsigned long head_lines; /* lines of that table's head, parsed first */
	unsigned long lines;	  /* lines of the text it spans */
};
struct md_pieces {
	const char *data, *format;
	size_t len;
	int cut; /* whether the text is parsed in pieces */
	/* The parsing thread's: where the next piece begins, and a piece
	 * with its table's head. */
	struct md_cut at;
	struct wq_buf tmp;
	struct md_parsed slot[MD_PIECE_SLOTS]; /* piece i in slot i % SLOTS */
	struct md_arena *was; /* the arena used before a piece is mapped */
	/* released <= taken <= made count pieces mapped, handed out, and
	 * parsed; 'finished' once the last is parsed (or cmark failed). */
	size_t made, taken, released;
	int failed, finished, threaded, stop;
	int handed_over; /* a long piece waits for the mapping thread */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};
/* Begins parsing s[0, len) in 'format': in pieces if it is a whole text
 * ('whole_text') long enough to cut, after the first on a second thread
 * where there is a second CPU. */
void md_pieces_start(struct md_pieces *p, const char *data, size_t len,
    const char *format, int whole_text);
/* The next piece in *out, parsed: 1; 0 after the last; -1 if cmark
 * failed. While the caller maps it, it uses the piece's arena; it hands
 * the piece back with md_pieces_done() once its tree is freed. */
int md_pieces_next(struct md_pieces *p, struct md_parsed **out);
void md_pieces_done(struct md_pieces *p, struct md_parsed *piece);
/* Stops the parsing and frees what is left. */
void md_pieces_end(struct md_pieces *p);
/* Whether cmark node 'c' is a GFM table. */
int md_is_table(cmark_node *c);

/* render.c: the writer's pieces rendered by cmark, on a second thread
 * where there is a core for it, and sent to 'out' in order, a blank line
 * between them, each after what 'b' holds (the front matter, before the
 * first). */
#define MD_RENDER_SLOTS 4
struct md_piece {
	cmark_node *root;
	char *body;
	int done;
};
struct md_render {
	int width;
	struct wq_buf *b;
	struct wq_sink *out;
	struct wq_err *err;
	int rc, pieces;
	/* Piece i waits in slot[i % MD_RENDER_SLOTS]; sent <= taken <= queued
	 * count the pieces sent, taken to be rendered and handed over. */
	struct md_piece slot[MD_RENDER_SLOTS];
	size_t sent, taken, queued;
	int threaded, stop;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
};
void md_render_init(struct md_render *r, int width, struct wq_buf *b,
    struct wq_sink *out, struct wq_err *err);
/* Hands over 'root', a document of the piece's blocks. Returns 0 or what
 * the sink returned for a piece sent before. */
int md_render_piece(struct md_render *r, cmark_node *root);
/* Sends what is left and stops the thread. Returns 0 or the first error. */
int md_render_end(struct md_render *r);

#endif
