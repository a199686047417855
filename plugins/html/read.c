/*
 * read.c - the "html" reader: an HTML page, or raw HTML that another
 * reader met (Markdown's), read with libxml2's HTML parser and mapped
 * into what the model can hold. Nothing of it is passed through: scripts,
 * styles, event handlers and presentational attributes are dropped; all
 * text that a reader would see is kept. A page's lang, dir, title and
 * author, description and keywords become the text's metadata.
 */
#include "html.h"

#include <libxml/HTMLparser.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 128

enum role { R_DROP, R_TRANSPARENT, R_BLOCK, R_INLINE };

struct tagmap {
	const char *name;
	enum role role;
	wq_node_type type; /* WQ_NODE_NONE: no node of its own */
};

static const struct tagmap tags[] = {
	{ "a", R_INLINE, WQ_NODE_LINK },
	{ "b", R_INLINE, WQ_NODE_STRONG },
	{ "blockquote", R_BLOCK, WQ_NODE_BLOCK_QUOTE },
	{ "br", R_INLINE, WQ_NODE_LINEBREAK },
	{ "code", R_INLINE, WQ_NODE_CODE },
	{ "del", R_INLINE, WQ_NODE_STRIKE },
	{ "em", R_INLINE, WQ_NODE_EMPH },
	{ "h1", R_BLOCK, WQ_NODE_HEADING },
	{ "h2", R_BLOCK, WQ_NODE_HEADING },
	{ "h3", R_BLOCK, WQ_NODE_HEADING },
	{ "h4", R_BLOCK, WQ_NODE_HEADING },
	{ "h5", R_BLOCK, WQ_NODE_HEADING },
	{ "h6", R_BLOCK, WQ_NODE_HEADING },
	{ "hr", R_BLOCK, WQ_NODE_THEMATIC_BREAK },
	{ "i", R_INLINE, WQ_NODE_EMPH },
	{ "img", R_INLINE, WQ_NODE_IMAGE },
	{ "kbd", R_INLINE, WQ_NODE_CODE },
	{ "li", R_BLOCK, WQ_NODE_ITEM },
	{ "ol", R_BLOCK, WQ_NODE_LIST },
	{ "p", R_BLOCK, WQ_NODE_PARAGRAPH },
	{ "pre", R_BLOCK, WQ_NODE_CODE_BLOCK },
	{ "s", R_INLINE, WQ_NODE_STRIKE },
	{ "samp", R_INLINE, WQ_NODE_CODE },
	{ "strike", R_INLINE, WQ_NODE_STRIKE },
	{ "span", R_INLINE, WQ_NODE_SPAN },
	{ "strong", R_INLINE, WQ_NODE_STRONG },
	{ "summary", R_BLOCK, WQ_NODE_PARAGRAPH },
	{ "tt", R_INLINE, WQ_NODE_CODE },
	{ "ul", R_BLOCK, WQ_NODE_LIST },
	/* Never text a reader sees. */
	{ "applet", R_DROP, WQ_NODE_NONE },
	{ "embed", R_DROP, WQ_NODE_NONE },
	{ "head", R_DROP, WQ_NODE_NONE },
	{ "iframe", R_DROP, WQ_NODE_NONE },
	{ "link", R_DROP, WQ_NODE_NONE },
	{ "meta", R_DROP, WQ_NODE_NONE },
	{ "noscript", R_DROP, WQ_NODE_NONE },
	{ "object", R_DROP, WQ_NODE_NONE },
	{ "script", R_DROP, WQ_NODE_NONE },
	{ "style", R_DROP, WQ_NODE_NONE },
	{ "template", R_DROP, WQ_NODE_NONE },
	{ "textarea", R_DROP, WQ_NODE_NONE },
	{ "title", R_DROP, WQ_NODE_NONE },
	{ NULL, R_TRANSPARENT, WQ_NODE_NONE },
};

/* Tags that start a new block when met in block context. */
static const char *const block_like[] = { "address", "article", "aside",
	"center", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
	"footer", "header", "main", "nav", "section", "table", "tbody", "td",
	"th", "thead", "tfoot", "tr", "caption", NULL };

static const struct tagmap *
lookup(const char *name)
{
	const struct tagmap *t;
	size_t i;

	for (t = tags; t->name; t++)
		if (strcasecmp(t->name, name) == 0)
			return t;
	for (i = 0; block_like[i]; i++)
		if (strcasecmp(block_like[i], name) == 0) {
			static const struct tagmap block = { NULL, R_BLOCK,
				WQ_NODE_NONE };
			return &block;
		}
	return t; /* the transparent sentinel */
}

struct ctx {
	wq_doc *doc;
	int dropped;
};

static const char *
attr(xmlNode *e, const char *name)
{
	xmlAttr *a;

	for (a = e->properties; a; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0 &&
		    a->children && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
	return NULL;
}

static wq_dir
dir_attr(xmlNode *x)
{
	const char *v = attr(x, "dir");

	return v && strcasecmp(v, "rtl") == 0 ? WQ_DIR_RTL
	    : v && strcasecmp(v, "ltr") == 0  ? WQ_DIR_LTR
					      : WQ_DIR_UNSET;
}

/* Whether element 'x' has attributes the model cannot keep (all but
 * dir and lang: presentation, handlers). */
static int
other_attrs(xmlNode *x)
{
	xmlAttr *a;

	for (a = x->properties; a; a = a->next)
		if (strcasecmp((const char *)a->name, "dir") != 0 &&
		    strcasecmp((const char *)a->name, "lang") != 0)
			return 1;
	return 0;
}

/* HTML's white space (its "ASCII whitespace", with CR). */
static int
is_html_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Appends 's' to 'b' with runs of HTML white space folded to one space,
 * none at either end. */
static void
fold_space(struct wq_buf *b, const char *s)
{
	int space = 0;

	for (; *s; s++) {
		if (is_html_space(*s)) {
			space = 1;
			continue;
		}
		if (space && b->len)
			wq_buf_putc(b, ' ');
		space = 0;
		wq_buf_putc(b, *s);
	}
}

static int
all_space(const char *s)
{
	for (; s && *s; s++)
		if (!is_html_space(*s))
			return 0;
	return 1;
}

/* Whether something stands before the end of 'parent' on its line: its
 * last child, or what precedes the inline elements it is the first
 * content of ("a<b> b</b>": the space counts). */
static int
line_goes_on(wq_node *parent)
{
	wq_node *n = wq_node_last_child(parent), *p = parent;

	while (n == NULL && p && !wq_node_is_block(p)) {
		n = wq_node_prev(p);
		p = wq_node_parent(p);
	}
	return n && wq_node_type_of(n) != WQ_NODE_LINEBREAK;
}

/* Appends text with runs of HTML white space folded to one space, none
 * at the start of a block or of a line ("<br>\n\t<br>" is two breaks).
 * A space at an element's edge is moved beside it by the loader. */
static void
add_text(struct ctx *c, wq_node *parent, const char *s)
{
	struct wq_buf b;
	wq_node *t;
	int space = 0, after_text = line_goes_on(parent);

	wq_buf_init(&b);
	for (; *s; s++) {
		if (is_html_space(*s)) {
			space = 1;
			continue;
		}
		if (space && (b.len || after_text))
			wq_buf_putc(&b, ' ');
		space = 0;
		wq_buf_putc(&b, *s);
	}
	/* White space alone counts between inline elements ("<code>A</code>
	 * <code>B</code>"); at a block's end it is trimmed with the rest. */
	if (space && (b.len || after_text))
		wq_buf_putc(&b, ' ');
	if (b.len) {
		t = wq_node_new(c->doc, WQ_NODE_TEXT);
		wq_node_set_literal(t, b.data, b.len);
		wq_node_append(parent, t);
	}
	wq_buf_free(&b);
}

/* The folded spaces before "<br>" or a block's end, at the end of what
 * 'parent' holds so far, end a line: no display shows them. They may be
 * inside an element ("<b><a>...</a>\n</b>\n"). */
static void
trim_line_end(wq_node *parent)
{
	for (;;) {
		wq_node *t = wq_node_last_child(parent);
		size_t len;

		while (t && wq_node_last_child(t))
			t = wq_node_last_child(t);
		if (t == NULL || wq_node_type_of(t) != WQ_NODE_TEXT)
			return;
		len = wq_node_literal_len(t);
		if (len == 0 || wq_node_literal(t)[len - 1] != ' ')
			return;
		if (len > 1) {
			wq_node_set_literal(t, wq_node_literal(t), len - 1);
			return;
		}
		wq_node_unlink(t);
	}
}

static void map_inline(struct ctx *c, wq_node *parent, xmlNode *x, int depth);
static void map_block(struct ctx *c, wq_node *parent, xmlNode *x, int depth);

/* The text below 'x', an element nested deeper than MAX_DEPTH, added to
 * 'parent' as it is: its markup goes, its words stay (a page of unclosed
 * <b> tags nests that deep). Iterative: the nesting may be as deep as
 * libxml2 reads. */
static void
keep_text(struct ctx *c, wq_node *parent, xmlNode *x)
{
	xmlNode *k = x->children;

	c->dropped = 1;
	while (k) {
		if (k->type == XML_TEXT_NODE ||
		    k->type == XML_CDATA_SECTION_NODE)
			add_text(c, parent, (const char *)k->content);
		if (k->type == XML_ELEMENT_NODE && k->children &&
		    lookup((const char *)k->name)->role != R_DROP) {
			k = k->children;
			continue;
		}
		while (k != x && k->next == NULL)
			k = k->parent;
		k = k == x ? NULL : k->next;
	}
}

static void
map_inline_children(struct ctx *c, wq_node *parent, xmlNode *x, int depth)
{
	xmlNode *k;

	for (k = x->children; k; k = k->next)
		map_inline(c, parent, k, depth + 1);
}

static void
map_inline(struct ctx *c, wq_node *parent, xmlNode *x, int depth)
{
	const struct tagmap *t;
	wq_node *n;
	const char *v;

	if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
		add_text(c, parent, (const char *)x->content);
		return;
	}
	if (x->type != XML_ELEMENT_NODE) {
		c->dropped = 1;
		return;
	}
	t = lookup((const char *)x->name);
	if (t->role == R_DROP) {
		c->dropped = 1;
		return;
	}
	if (depth > MAX_DEPTH) {
		keep_text(c, parent, x);
		return;
	}
	if (t->type == WQ_NODE_NONE || t->role == R_BLOCK) {
		/* A block inside inline content: keep its text in place. */
		map_inline_children(c, parent, x, depth);
		return;
	}
	/* An anchor without an address ("<a name=…>") is a place to link
	 * to, not a link: its content stands in its place. */
	if (t->type == WQ_NODE_LINK && attr(x, "href") == NULL) {
		map_inline_children(c, parent, x, depth);
		return;
	}
	n = wq_node_new(c->doc, t->type);
	switch (t->type) {
	case WQ_NODE_LINK:
		wq_node_set_url(n, attr(x, "href"));
		wq_node_set_title(n, attr(x, "title"));
		break;
	case WQ_NODE_IMAGE:
		wq_node_set_url(n, attr(x, "src"));
		wq_node_set_title(n, attr(x, "title"));
		if ((v = attr(x, "alt")) != NULL)
			add_text(c, n, v);
		wq_node_append(parent, n);
		return;
	case WQ_NODE_CODE: {
		xmlChar *s = xmlNodeGetContent(x);
		struct wq_buf b;

		/* Inline code's white space folds as a browser shows it (and
		 * as a code span's line ends are spaces). An empty <code>, or
		 * Markdown's "<code>" alone before its text: no node, as for
		 * the other elements below. */
		wq_buf_init(&b);
		fold_space(&b, s ? (const char *)s : "");
		if (b.len) {
			wq_node_set_literal(n, b.data, b.len);
			wq_node_append(parent, n);
		} else {
			c->dropped = 1;
		}
		wq_buf_free(&b);
		xmlFree(s);
		return;
	}
	case WQ_NODE_LINEBREAK:
		trim_line_end(parent);
		wq_node_append(parent, n);
		return;
	case WQ_NODE_SPAN:
		wq_node_set_lang(n, attr(x, "lang"));
		wq_node_set_dir(n, dir_attr(x));
		/* A span that says neither is only styling: its content
		 * stands in its place (no writer could keep such a span). */
		if (wq_node_lang(n) == NULL && wq_node_dir(n) == WQ_DIR_UNSET) {
			c->dropped = 1;
			map_inline_children(c, parent, x, depth);
			return;
		}
		break;
	default: break;
	}
	if (other_attrs(x))
		c->dropped = 1; /* presentational attributes, handlers */
	wq_node_append(parent, n);
	map_inline_children(c, n, x, depth);
	if (wq_node_first_child(n) == NULL) {
		/* An element alone, like cmark's inline "<b>": no node. */
		wq_node_unlink(n);
		c->dropped = 1;
	}
}

/* In block context, inline content gathers into implicit paragraphs. */
/* Where a block of 'type' made from HTML goes below 'parent'. Lists hold
 * only items and items sit only in lists, as the writers and every
 * output format require, whatever the HTML said: an "<li>" alone joins
 * the list before it or starts one, a "<p>" or text right inside "<ul>"
 * gets an item of its own (as browsers show them). */
static wq_node *
block_parent(struct ctx *c, wq_node *parent, wq_node_type type)
{
	wq_node *last = wq_node_last_child(parent), *n;

	if (type == WQ_NODE_ITEM && wq_node_type_of(parent) != WQ_NODE_LIST) {
		if (last && wq_node_type_of(last) == WQ_NODE_LIST)
			return last;
		n = wq_node_new(c->doc, WQ_NODE_LIST);
		wq_node_set_list(n, 0, 1, 1);
		wq_node_append(parent, n);
		return n;
	}
	if (type != WQ_NODE_ITEM && wq_node_type_of(parent) == WQ_NODE_LIST) {
		n = wq_node_new(c->doc, WQ_NODE_ITEM);
		wq_node_append(parent, n);
		return n;
	}
	return parent;
}

/* A paragraph made of inline content between blocks, at its end: its
 * last space trimmed, gone if empty. */
static void
end_para(wq_node *para)
{
	if (para == NULL)
		return;
	trim_line_end(para);
	if (wq_node_first_child(para) == NULL)
		wq_node_unlink(para);
}

static void
map_block_children(struct ctx *c, wq_node *parent, xmlNode *x, int depth)
{
	wq_node *before = wq_node_last_child(parent), *para = NULL;
	xmlNode *k;

	for (k = x->children; k; k = k->next) {
		int inl = k->type == XML_TEXT_NODE ||
		    k->type == XML_CDATA_SECTION_NODE ||
		    (k->type == XML_ELEMENT_NODE &&
			lookup((const char *)k->name)->role == R_INLINE) ||
		    (k->type == XML_ELEMENT_NODE &&
			lookup((const char *)k->name)->role == R_TRANSPARENT);

		if (!inl) {
			end_para(para);
			para = NULL;
			map_block(c, parent, k, depth + 1);
			continue;
		}
		/* White space between blocks ("<ul>\n<li>") opens nothing:
		 * a paragraph for it made an empty item in every list. */
		if (para == NULL && k->type == XML_TEXT_NODE &&
		    all_space((const char *)k->content))
			continue;
		if (para == NULL) {
			para = wq_node_new(c->doc, WQ_NODE_PARAGRAPH);
			wq_node_append(
			    block_parent(c, parent, WQ_NODE_PARAGRAPH), para);
		}
		map_inline(c, para, k, depth + 1);
	}
	end_para(para);
	/* Folded white space leaves a trailing space before a block end
	 * ("<h1> Yargs </h1>"): in the paragraphs and headings made here
	 * (and in those ended above, wherever block_parent() put them).
	 * Only the blocks made here: 'parent' may be a whole text with
	 * thousands of them (a pass over all, for each HTML block, was
	 * quadratic, and copied every last text again). */
	for (para = before ? wq_node_next(before) : wq_node_first_child(parent);
	     para; para = wq_node_next(para))
		if (wq_node_type_of(para) == WQ_NODE_PARAGRAPH ||
		    wq_node_type_of(para) == WQ_NODE_HEADING)
			trim_line_end(para);
}

/* The source's own direction wins (docs/design.md D2): the blocks made
 * from element 'x', after 'before' below 'parent', take its dir and lang
 * unless they state their own. */
static void
stated(wq_node *parent, wq_node *before, xmlNode *x)
{
	wq_dir dir = dir_attr(x);
	const char *lang = attr(x, "lang");
	wq_node *b;

	if (lang && !wq_lang_tag_valid(lang))
		lang = NULL;
	if (dir == WQ_DIR_UNSET && lang == NULL)
		return;
	for (b = before ? wq_node_next(before) : wq_node_first_child(parent); b;
	     b = wq_node_next(b)) {
		if (wq_node_dir(b) != WQ_DIR_UNSET || wq_node_lang(b))
			continue;
		wq_node_set_dir(b, dir);
		wq_node_set_lang(b, lang);
	}
}

static void
map_block(struct ctx *c, wq_node *parent, xmlNode *x, int depth)
{
	const struct tagmap *t;
	wq_node *n, *before = wq_node_last_child(parent);
	const char *v;

	if (x->type != XML_ELEMENT_NODE) {
		if (x->type != XML_COMMENT_NODE)
			c->dropped = 1;
		return;
	}
	t = lookup((const char *)x->name);
	if (t->role == R_DROP) {
		c->dropped = 1;
		return;
	}
	if (depth > MAX_DEPTH) {
		n = wq_node_new(c->doc, WQ_NODE_PARAGRAPH);
		wq_node_append(block_parent(c, parent, WQ_NODE_PARAGRAPH), n);
		keep_text(c, n, x);
		end_para(n);
		return;
	}
	if (other_attrs(x))
		c->dropped = 1;
	if (t->type == WQ_NODE_NONE) {
		map_block_children(c, parent, x, depth);
		stated(parent, before, x);
		return;
	}
	n = wq_node_new(c->doc, t->type);
	wq_node_append(block_parent(c, parent, t->type), n);
	if ((v = attr(x, "lang")) && wq_lang_tag_valid(v))
		wq_node_set_lang(n, v);
	wq_node_set_dir(n, dir_attr(x));
	switch (t->type) {
	case WQ_NODE_HEADING:
		wq_node_set_heading_level(n, x->name[1] - '0');
		map_inline_children(c, n, x, depth);
		return;
	case WQ_NODE_PARAGRAPH: map_inline_children(c, n, x, depth); return;
	case WQ_NODE_CODE_BLOCK: {
		xmlChar *s = xmlNodeGetContent(x);
		const char *code = s ? (const char *)s : "";
		struct wq_buf b;

		/* As a browser shows it (a line end right after <pre> is not
		 * content) and as CommonMark holds code: each line ended. */
		if (*code == '\n')
			code++;
		wq_buf_init(&b);
		wq_buf_puts(&b, code);
		if (b.len && b.data[b.len - 1] != '\n')
			wq_buf_putc(&b, '\n');
		wq_node_set_literal(n, b.data ? b.data : "", b.len);
		wq_buf_free(&b);
		xmlFree(s);
		return;
	}
	case WQ_NODE_LIST:
		v = attr(x, "start");
		wq_node_set_list(n,
		    strcasecmp((const char *)x->name, "ol") == 0,
		    v ? atoi(v) : 1, 1);
		break;
	case WQ_NODE_THEMATIC_BREAK: return;
	default: break;
	}
	map_block_children(c, n, x, depth);
}

static xmlNode *
child_named(xmlNode *x, const char *name)
{
	xmlNode *k;

	for (k = x ? x->children : NULL; k; k = k->next)
		if (k->type == XML_ELEMENT_NODE &&
		    strcasecmp((const char *)k->name, name) == 0)
			return k;
	return NULL;
}

/* A page's own language, direction, title and <meta> become the text's
 * metadata, under what its front matter already says. */
static void
page_meta(wq_node *section, xmlNode *html, xmlNode *head, xmlNode *body)
{
	static const char *const names[][2] = { { "author", "author" },
		{ "description", "description" }, { "keywords", "keywords" },
		{ NULL, NULL } };
	wq_meta *m = wq_section_meta(section);
	const char *lang = attr(html, "lang"), *dir = attr(html, "dir");
	xmlNode *k;
	size_t i;

	if (body && attr(body, "dir"))
		dir = attr(body, "dir");
	if (body && attr(body, "lang"))
		lang = attr(body, "lang");
	if (lang && wq_lang_tag_valid(lang) && wq_meta_find(m, "lang") < 0)
		wq_meta_set(m, "lang", lang);
	if (dir &&
	    (strcasecmp(dir, "rtl") == 0 || strcasecmp(dir, "ltr") == 0) &&
	    wq_meta_find(m, "dir") < 0)
		wq_meta_set(
		    m, "dir", strcasecmp(dir, "rtl") == 0 ? "rtl" : "ltr");
	for (k = head ? head->children : NULL; k; k = k->next) {
		const char *name, *content;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)k->name, "title") == 0 &&
		    wq_meta_find(m, "title") < 0) {
			xmlChar *t = xmlNodeGetContent(k);
			struct wq_buf b;

			wq_buf_init(&b);
			fold_space(&b, t ? (const char *)t : "");
			if (b.len)
				wq_meta_set(m, "title", b.data);
			wq_buf_free(&b);
			xmlFree(t);
			continue;
		}
		if (strcasecmp((const char *)k->name, "meta") != 0 ||
		    (name = attr(k, "name")) == NULL ||
		    (content = attr(k, "content")) == NULL || !*content)
			continue;
		for (i = 0; names[i][0]; i++)
			if (strcasecmp(name, names[i][0]) == 0 &&
			    wq_meta_find(m, names[i][1]) < 0)
				wq_meta_set(m, names[i][1], content);
	}
}

/* libxml2 2.9 wants xmlInitParser() before threads use it (its thread
 * notes; some tables are set up lazily and unguarded), and a batch reads
 * several texts at once. */
static void
init_libxml2(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, xmlInitParser);
}

#if LIBXML_VERSION >= 21200
static void
quiet(void *arg, const xmlError *e)
#else
static void
quiet(void *arg, xmlErrorPtr e)
#endif
{
	(void)arg;
	(void)e;
}

/* Whether s[0, len) holds more than HTML white space. */
static int
has_text(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!is_html_space(s[i]))
			return 1;
	return 0;
}

/* How libxml2's reading of a page ended. */
enum parsed { PARSED, NO_MEMORY, TOO_DEEP };

/* The page parsed by libxml2, recovering from errors in it silently.
 * Where libxml2 stops (the rest of the page is not in the tree it gives
 * back) it says why, and the line in *line: it ran out of memory, or
 * elements nest deeper than it reads (256). In recovery mode it gives a
 * tree for any bytes, so no tree, or one it calls empty for a text that
 * is not, means it ran out of memory. (Taking such a tree for the page
 * lost all after it: 362 of 8,000 paragraphs, exit 0.) A host that gives
 * libxml2 warraq's allocator (the warraq program does) never runs out
 * here: its handler runs instead. */
static htmlDocPtr
parse(const char *html, size_t len, enum parsed *how, unsigned long *line)
{
	xmlStructuredErrorFunc old_handler = xmlStructuredError;
	void *old_ctx = xmlStructuredErrorContext;
	htmlParserCtxtPtr p;
	htmlDocPtr d = NULL;
	int code = XML_ERR_NO_MEMORY;

	*line = 0;
	/* Its handlers are per thread; without one it prints the memory
	 * errors that HTML_PARSE_NOERROR does not silence. */
	xmlSetStructuredErrorFunc(NULL, quiet);
	if ((p = htmlNewParserCtxt()) != NULL) {
		d = htmlCtxtReadMemory(p, html, (int)len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			XML_PARSE_HUGE);
		code = p->errNo;
		if (p->lastError.line > 0)
			*line = (unsigned long)p->lastError.line;
		htmlFreeParserCtxt(p);
	}
	xmlSetStructuredErrorFunc(old_ctx, old_handler);
	*how = PARSED;
	if (code == XML_ERR_INTERNAL_ERROR) /* "Excessive depth" */
		*how = TOO_DEEP;
	else if ((d == NULL || code == XML_ERR_NO_MEMORY ||
		     code == XML_ERR_DOCUMENT_EMPTY) &&
	    has_text(html, len))
		*how = NO_MEMORY;
	if (*how != PARSED && d) {
		xmlFreeDoc(d);
		d = NULL;
	}
	return d;
}

int
html_read(wq_node *parent, const char *html, size_t len, enum wq_read_mode mode,
    wq_read_ctx *read, struct wq_err *err)
{
	struct ctx c = { wq_node_doc(parent), 0 };
	htmlDocPtr d;
	xmlNode *root, *body;
	enum parsed how;
	unsigned long line;

	if (len > INT32_MAX)
		return wq_read_error(
		    read, err, WQ_EINPUT, 0, 0, "HTML of more than 2 GiB");
	init_libxml2();
	d = parse(html, len, &how, &line);
	if (how == NO_MEMORY)
		return wq_read_error(read, err, WQ_EIO, 0, 0,
		    "libxml2 could not read the HTML (out of memory)");
	if (how == TOO_DEEP)
		return wq_read_error(read, err, WQ_EINPUT, line, 0,
		    "elements nested deeper than libxml2 reads (256): close "
		    "the tags left open");
	if (d == NULL) /* only white space */
		return mode == WQ_READ_INLINES ? 1 : 0;
	root = xmlDocGetRootElement(d);
	body = child_named(root, "body");
	if (mode == WQ_READ_TEXT) {
		/* Text with no element at all has no root (found by fuzzing). */
		if (root)
			page_meta(
			    parent, root, child_named(root, "head"), body);
		if (body)
			map_block_children(&c, parent, body, 0);
	} else if (body && mode == WQ_READ_BLOCKS) {
		map_block_children(&c, parent, body, 0);
	} else if (body) {
		map_inline_children(&c, parent,
		    body->children &&
			    body->children->type == XML_ELEMENT_NODE &&
			    strcasecmp(
				(const char *)body->children->name, "p") == 0 &&
			    body->children->next == NULL
			? body->children
			: body,
		    0);
	}
	/* Inline tags that are not void elements arrive alone ("<b>"); the
	 * text between them is kept by the other reader, the tag dropped. */
	if (mode == WQ_READ_INLINES &&
	    ((root && body == NULL) || (body && body->children == NULL)))
		c.dropped = 1;
	xmlFreeDoc(d);
	return c.dropped;
}

/* A page starts with a doctype, <html> or a comment (after a BOM and
 * white space); a fragment with a block tag that Markdown would not
 * make. */
int
html_probe(const char *data, size_t len)
{
	size_t i = 0;

	while (
	    i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n'))
		i++;
	data += i, len -= i;
	if ((len >= 9 && strncasecmp(data, "<!doctype", 9) == 0) ||
	    (len >= 5 && strncasecmp(data, "<html", 5) == 0 &&
		(len == 5 || data[5] == '>' || data[5] == ' ' ||
		    data[5] == '\n')))
		return 90;
	return 0;
}
