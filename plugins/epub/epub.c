/*
 * epub.c - the "epub" writer: the document as one EPUB 3 book, a chapter
 * per source text, that epubcheck passes without errors or warnings and
 * that reads right to left where the text does (docs/design.md, E1-E11):
 * spine page-progression-direction, the book's language first among
 * dc:language, xml:lang and dir on <package> and on every XHTML root
 * (the navigation document too), and CSS without direction or
 * unicode-bidi. The XHTML comes from the renderer the html writer uses.
 */
#include "epub.h"

#include <ctype.h>
#include <errno.h>
#include <libxml/xmlstring.h>
#include <magic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <zip.h>

/* Zip entries get this time when no SOURCE_DATE_EPOCH is given, so the
 * container is the same from run to run (2000-01-01T00:00:00Z). */
#define FIXED_MTIME 946684800LL
/* The most an image a text refers to may weigh: a book is no place for
 * more, and a link to /dev/zero must end. */
#define MAX_RESOURCE ((size_t)64 << 20)
#define DEFAULT_LEVEL 4

/* ---- small helpers ---- */

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(wq_xmalloc(n), s, n);
}

void
put_esc(struct wq_buf *b, const char *s)
{
	wq_buf_put_xml(b, s, strlen(s));
}

/* dir="…" for a metadata value or label whose letters run against its
 * context, or whose first letter would mislead a reader that guesses
 * from it (wq_label_dir). */
void
put_text_dir(struct wq_buf *b, const char *text, wq_dir context)
{
	wq_dir d = wq_label_dir(text, strlen(text), context);

	if (d != WQ_DIR_UNSET)
		wq_buf_printf(b, " dir=\"%s\"", wq_dir_name(d));
}

/* libzip writes DOS times as local time: hand it the instant whose local
 * reading is the UTC one, so the stored fields are the same in every
 * time zone. */
static time_t
zip_time(long long epoch)
{
	time_t t = (time_t)epoch, local;
	struct tm utc;

	if (gmtime_r(&t, &utc) == NULL)
		return t;
	utc.tm_isdst = -1;
	local = mktime(&utc);
	return local == (time_t)-1 ? t : local;
}

static int
read_file(const char *path, struct wq_buf *b)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return -1;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wq_buf_put(b, chunk, n);
	n = (size_t)ferror(f);
	fclose(f);
	return n ? -1 : 0;
}

static const char *
media_type(const char *path)
{
	static const char *const types[][2] = { { ".png", "image/png" },
		{ ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
		{ ".gif", "image/gif" }, { ".svg", "image/svg+xml" },
		{ ".webp", "image/webp" }, { ".ttf", "font/ttf" },
		{ ".otf", "font/otf" }, { ".woff", "font/woff" },
		{ ".woff2", "font/woff2" }, { ".css", "text/css" },
		{ NULL, NULL } };
	size_t i, n = strlen(path);

	for (i = 0; types[i][0]; i++) {
		size_t e = strlen(types[i][0]);

		if (n > e && strcasecmp(path + n - e, types[i][0]) == 0)
			return types[i][1];
	}
	return NULL;
}

static const char *
extension(const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');

	return dot && (slash == NULL || dot > slash) ? dot : "";
}

/* Adds a file from disk to the container once; returns its resource. */
/* Whether 'data' is an image of 'type', as libmagic reads it; what it
 * is instead is left in bk->magic_type. SVG is XML to libmagic when the
 * file has no doctype. */
static int
image_is(struct book *bk, const void *data, size_t len, const char *type)
{
	const char *got;

	if (bk->magic == NULL) {
		if ((bk->magic = magic_open(MAGIC_MIME_TYPE)) == NULL ||
		    magic_load(bk->magic, NULL) != 0) {
			snprintf(bk->magic_type, sizeof(bk->magic_type),
			    "something libmagic cannot read");
			return 0;
		}
	}
	got = magic_buffer(bk->magic, data, len);
	snprintf(bk->magic_type, sizeof(bk->magic_type), "%s",
	    got ? got : "something unknown");
	if (got == NULL)
		return 0;
	if (strcmp(type, "image/svg+xml") == 0)
		return strcmp(got, "image/svg+xml") == 0 ||
		    strcmp(got, "image/svg") == 0 ||
		    strcmp(got, "text/xml") == 0;
	return strcmp(got, type) == 0;
}

/* Formats that are compressed already: deflating them again only costs
 * time, so they are stored. */
static int
already_compressed(const char *media_type)
{
	static const char *const kinds[] = { "image/png", "image/jpeg",
		"image/gif", "image/webp", "font/woff", "font/woff2" };
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(media_type, kinds[i]) == 0)
			return 1;
	return 0;
}

/* The resources are found by path through an index (open addressing
 * over 1 + their place in bk->res): every image reference looks its file
 * up, and a scan of all before was quadratic in a book's images (20,000
 * took 1.3 s). */
static size_t
path_hash(const char *s)
{
	size_t h = 2166136261u; /* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot that holds 'path', or the empty one where it would go; NULL
 * while the index is empty. */
static size_t *
find_resource(const struct book *bk, const char *path)
{
	size_t mask = bk->nslots - 1, i;

	if (bk->nslots == 0)
		return NULL;
	for (i = path_hash(path) & mask; bk->by_path[i]; i = (i + 1) & mask)
		if (strcmp(bk->res[bk->by_path[i] - 1].path, path) == 0)
			break;
	return &bk->by_path[i];
}

static void
index_resource(struct book *bk, size_t at)
{
	size_t i, *slot;

	if (2 * (bk->nres + 1) > bk->nslots) { /* at most half full */
		size_t *old = bk->by_path, n = bk->nslots;

		bk->nslots = n ? 2 * n : 64;
		bk->by_path = wq_xmalloc(bk->nslots * sizeof(*bk->by_path));
		memset(bk->by_path, 0, bk->nslots * sizeof(*bk->by_path));
		for (i = 0; i < n; i++)
			if (old[i])
				*find_resource(bk, bk->res[old[i] - 1].path) =
				    old[i];
		free(old);
	}
	slot = find_resource(bk, bk->res[at].path);
	*slot = at + 1;
}

/* The next number of resources called 'prefix' (img1, img2...). */
static size_t
kind_number(struct book *bk, const char *prefix)
{
	size_t i, n = sizeof(bk->kinds) / sizeof(bk->kinds[0]);

	for (i = 0; i < n && bk->kinds[i].prefix; i++)
		if (strcmp(bk->kinds[i].prefix, prefix) == 0)
			return ++bk->kinds[i].n;
	if (i == n) /* more kinds than foreseen: numbered by their place */
		return bk->nres + 1;
	bk->kinds[i].prefix = prefix;
	return bk->kinds[i].n = 1;
}

static struct resource *
add_resource(struct book *bk, const char *path, const char *dir,
    const char *id_prefix, const char *properties)
{
	struct resource *r;
	struct wq_buf data;
	const char *type = media_type(path);
	char name[64];
	size_t k, *slot;

	if ((slot = find_resource(bk, path)) != NULL && *slot)
		return &bk->res[*slot - 1];
	if (type == NULL) {
		wq_err_set(bk->err, WQ_EINPUT, path, 0, 0,
		    "not an image or font type an EPUB may hold");
		return NULL;
	}
	wq_buf_init(&data);
	if (read_file(path, &data) != 0) {
		wq_err_set(bk->err, WQ_EIO, path, 0, 0, "%s", strerror(errno));
		wq_buf_free(&data);
		return NULL;
	}
	/* An image must be what its name says: a text called cover.png
	 * would make a broken book (libmagic reads the bytes). */
	if (strncmp(type, "image/", 6) == 0 &&
	    !image_is(bk, data.data ? data.data : "", data.len, type)) {
		wq_err_set(bk->err, WQ_EINPUT, path, 0, 0,
		    "not %s: the file holds %s", type, bk->magic_type);
		wq_buf_free(&data);
		return NULL;
	}
	if (bk->nres == bk->capres) {
		bk->capres = bk->capres ? bk->capres * 2 : 8;
		bk->res = wq_xrealloc(bk->res, bk->capres * sizeof(*bk->res));
	}
	/* Numbered per kind: images/img1.png, fonts/font1.ttf. */
	k = kind_number(bk, id_prefix);
	r = &bk->res[bk->nres];
	r->id_prefix = id_prefix;
	snprintf(name, sizeof(name), "%s/%s%zu%s", dir, id_prefix, k,
	    extension(path));
	r->path = xstrdup(path);
	r->href = xstrdup(name);
	snprintf(name, sizeof(name), "%s%zu", id_prefix, k);
	r->id = xstrdup(name);
	r->media_type = type;
	r->properties = properties;
	snprintf(name, sizeof(name), "EPUB/%s", r->href);
	if (pack_add_buf(bk, name, &data, already_compressed(type)) != 0) {
		wq_buf_free(&data);
		free(r->path), free(r->href), free(r->id);
		return NULL;
	}
	wq_buf_free(&data);
	bk->nres++;
	index_resource(bk, bk->nres - 1);
	return r;
}

/* wq_resource_allowed_in() with the --resource-path folders. */
static int
resource_allowed(
    const struct book *bk, const char *text, const char *path, const char **why)
{
	size_t i, n = wq_opts_count(bk->opts, "resource-path");
	const char *roots[33];

	for (i = 0; i < n && i < 32; i++)
		roots[i] = wq_opts_nth(bk->opts, "resource-path", i);
	roots[i] = NULL;
	return wq_resource_allowed_in(text, roots, path, MAX_RESOURCE, why);
}

/* The image callback of the renderer: local images are embedded and
 * point into the container; remote ones stay links (the renderer warns). */
static const char *
image_src(void *arg, const wq_node *img)
{
	struct book *bk = arg;
	const char *url = wq_node_url(img);
	const wq_node *sec = wq_node_section(img);
	const char *file = sec ? wq_section_file(sec) : NULL;
	struct resource *r;
	struct wq_buf path;
	struct wq_err saved;
	const char *why = NULL;

	wq_buf_init(&path);
	if (wq_image_path(img, &path) != 0) {
		wq_buf_free(&path);
		return NULL;
	}
	saved = *bk->err;
	/* A text may pull in only files of its own folder (and of the
	 * --resource-path folders): an untrusted text must not put the
	 * build's secrets into a book. --sandbox: not even those. */
	if (wq_opts_flag(bk->opts, "sandbox")) {
		why = "--sandbox: only files named on the command line";
		wq_err_set(bk->err, WQ_EINPUT, path.data, 0, 0, "%s", why);
		r = NULL;
	} else if (resource_allowed(
		       bk, file, path.data ? path.data : "", &why) != 0) {
		wq_err_set(bk->err, WQ_EINPUT, path.data, 0, 0, "%s", why);
		r = NULL;
	} else {
		r = add_resource(
		    bk, path.data ? path.data : "", "images", "img", NULL);
	}
	if (r == NULL) {
		/* Each image left out is named on its own line; without
		 * --lenient the book then fails, saying how many. */
		char msg[1100];
		int code = bk->err->code;

		wq_err_format(bk->err, msg, sizeof(msg));
		*bk->err = saved;
		wq_opts_warn(bk->opts, file, wq_node_line(wq_node_parent(img)),
		    0, bk->lenient ? "missing-image" : "error-missing-image",
		    "image '%s' %s: %s", url,
		    bk->lenient			   ? "left out"
			: why || code == WQ_EINPUT ? "refused"
						   : "missing",
		    msg);
		if (!bk->lenient && bk->failed++ == 0)
			wq_err_set(bk->err, code, file, 0, 0, "images");
		wq_buf_free(&path);
		return "";
	}
	wq_buf_free(&path);
	/* What the accessibility metadata says of the book's images. */
	bk->images++;
	bk->scratch.len = 0;
	wq_node_text(img, &bk->scratch);
	bk->images_without_alt += bk->scratch.len == 0;
	/* Chapters live in text/, resources beside it. */
	bk->scratch.len = 0;
	wq_buf_printf(&bk->scratch, "../%s", r->href);
	return bk->scratch.data;
}

/* Links to headings go to the chapter file that holds them; a section's
 * id "sN" is the N-th text, chapter chNNN. */
static const char *
anchor_href(void *arg, const wq_node *target)
{
	struct book *bk = arg;
	const struct piece *p = epub_piece_of(bk, target);
	char file[32];

	if (p == NULL || wq_node_id(target) == NULL)
		return NULL;
	epub_piece_name(p, file);
	bk->scratch.len = 0;
	wq_buf_printf(&bk->scratch, "%s#%s", file, wq_node_id(target));
	return bk->scratch.data;
}

static void
warn(void *arg, const char *file, unsigned long line, unsigned long col,
    const char *code, const char *msg)
{
	wq_opts_warn(arg, file, line, col, code, "%s", msg);
}

/* ---- book metadata ---- */

/* A key of the book: the command line's (-M, --title, a metadata
 * file), else, for a single text, that text's. */
const wq_meta *
meta_with(const struct book *bk, const char *key)
{
	const wq_meta *m = wq_doc_meta(bk->doc);

	if (wq_meta_find(m, key) >= 0)
		return m;
	if (wq_doc_section_count(bk->doc) == 1) {
		m = wq_section_meta(wq_doc_section(bk->doc, 0));
		if (wq_meta_find(m, key) >= 0)
			return m;
	}
	return NULL;
}

const char *
meta_get(const struct book *bk, const char *key)
{
	const wq_meta *m = meta_with(bk, key);

	return m ? wq_meta_get(m, key) : NULL;
}

const char *
book_title(const struct book *bk)
{
	return wq_doc_title(bk->doc);
}

/* Values of 'key' from the book, else from every text, without repeats. */
void
collect(const struct book *bk, const char *key, const char ***out, size_t *n)
{
	const wq_meta *m = wq_doc_meta(bk->doc);
	size_t s, j, k, ns = wq_doc_section_count(bk->doc);
	long at;

	*out = NULL;
	*n = 0;
	for (s = 0; s <= ns; s++) {
		if (s > 0)
			m = wq_section_meta(wq_doc_section(bk->doc, s - 1));
		if ((at = wq_meta_find(m, key)) < 0)
			continue;
		for (j = 0; j < wq_meta_nvalues(m, (size_t)at); j++) {
			const char *v = wq_meta_value(m, (size_t)at, j);

			for (k = 0; k < *n; k++)
				if (strcmp((*out)[k], v) == 0)
					break;
			if (k < *n || *v == '\0')
				continue;
			*out = wq_xrealloc(*out, (*n + 1) * sizeof(char *));
			(*out)[(*n)++] = v;
		}
		if (s == 0 && *n)
			return; /* the book's own list wins */
	}
}

/* urn:uuid made from the texts and the title, in the form of a version 5
 * UUID: the same book gets the same identifier, a different one another. */
static void
content_uuid(const struct book *bk, char out[37])
{
	struct wq_buf b;
	char hex[65];
	size_t i, n = wq_doc_section_count(bk->doc);

	wq_buf_init(&b);
	wq_buf_puts(&b, book_title(bk));
	for (i = 0; i < n; i++) {
		const char *h = wq_section_sha256(wq_doc_section(bk->doc, i));

		wq_buf_putc(&b, '\n');
		wq_buf_puts(&b, h ? h : "");
	}
	wq_sha256_hex(b.data, b.len, hex);
	wq_buf_free(&b);
	/* Version 5, variant 10xx: digit 12 is '5', digit 16 is 8-b. */
	hex[12] = '5';
	hex[16] =
	    "89ab"[(hex[16] <= '9' ? hex[16] - '0' : hex[16] - 'a' + 10) & 3];
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12,
	    hex + 16, hex + 20);
}

void
put_dc(struct wq_buf *b, const char *el, const char *id, const char *value,
    wq_dir context)
{
	wq_buf_printf(b, "    <dc:%s", el);
	if (id)
		wq_buf_printf(b, " id=\"%s\"", id);
	put_text_dir(b, value, context);
	wq_buf_putc(b, '>');
	put_esc(b, value);
	wq_buf_printf(b, "</dc:%s>\n", el);
}

static void
iso_time(long long epoch, char out[32])
{
	time_t t = (time_t)epoch;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- documents in the container ---- */

void
xhtml_head(const struct book *bk, struct wq_buf *b, const char *lang,
    wq_dir dir, const char *title, const char *root)
{
	size_t i;

	wq_buf_puts(b,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!DOCTYPE html>\n"
	    "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
	    "xmlns:epub=\"http://www.idpf.org/2007/ops\"");
	/* Resources inherit nothing from the package (EPUB RS 3.3): every
	 * root states both, lang and xml:lang byte-identical (E5, E6). */
	if (lang) {
		wq_buf_puts(b, " xml:lang=\"");
		put_esc(b, lang);
		wq_buf_puts(b, "\" lang=\"");
		put_esc(b, lang);
		wq_buf_putc(b, '"');
	}
	wq_buf_printf(b,
	    " dir=\"%s\">\n<head>\n<meta charset=\"utf-8\" />\n<title>",
	    wq_dir_name(dir));
	put_esc(b, title);
	wq_buf_printf(b,
	    "</title>\n<link rel=\"stylesheet\" type=\"text/css\" "
	    "href=\"%sstyle.css\" />\n",
	    root);
	/* --css: the publisher's stylesheets, after warraq's. */
	for (i = 0; i < bk->nres; i++)
		if (strcmp(bk->res[i].media_type, "text/css") == 0)
			wq_buf_printf(b,
			    "<link rel=\"stylesheet\" type=\"text/css\" "
			    "href=\"%s%s\" />\n",
			    root, bk->res[i].href);
	wq_buf_puts(b, "</head>\n");
}

/* Whether a chapter gets its title as a heading of its own: it needs one
 * for readers and the table of contents, and sections that start at "##"
 * under a title the metadata gives stay below it. */
int
writes_title(const wq_node *s)
{
	const wq_node *first = wq_node_first_child(s);

	/* Only a title the text's metadata gives: its first words (or a
	 * first line taken for a title) are in its text already. */
	if (wq_meta_get(wq_section_meta(s), "title") == NULL ||
	    (wq_section_inferred(s) & WQ_INFERRED_TITLE))
		return 0;
	return first == NULL || wq_node_type_of(first) != WQ_NODE_HEADING ||
	    wq_html_title_above(s);
}

static int
chapter(struct book *bk, size_t k)
{
	const struct piece *p = &bk->pieces[k];
	const wq_node *s = wq_doc_section(bk->doc, p->section);
	const wq_node *end =
	    k + 1 < bk->npieces && bk->pieces[k + 1].section == p->section
	    ? bk->pieces[k + 1].first
	    : NULL;
	const char *title = wq_section_title(s);
	struct wq_html_opts ho = { WQ_HTML_XHTML | WQ_HTML_CONTAINED, warn,
		(void *)bk->opts, image_src, anchor_href, bk, NULL, NULL };
	struct wq_buf b;
	char name[64], file[32];
	int rc;

	wq_buf_init(&b);
	xhtml_head(bk, &b, wq_node_effective_lang(s), wq_node_effective_dir(s),
	    title, "../");
	/* The text's first piece is the chapter; the others go on with it. */
	if (p->part == 1) {
		const wq_node *first = wq_node_first_child(s);

		wq_buf_printf(&b,
		    "<body>\n<section id=\"%s\" epub:type=\"chapter\" "
		    "role=\"doc-chapter\"",
		    wq_node_id(s));
		/* A text with no heading and no given title: named for
		 * assistive technology by its first words, never shown. */
		if (!writes_title(s) &&
		    (first == NULL ||
			wq_node_type_of(first) != WQ_NODE_HEADING)) {
			wq_buf_puts(&b, " aria-label=\"");
			put_esc(&b, title);
			wq_buf_putc(&b, '"');
		}
		wq_buf_puts(&b, ">\n");
	} else
		wq_buf_puts(&b, "<body>\n<section>\n");
	if (p->part == 1 && writes_title(s)) {
		wq_html_put_title_heading(&b, s);
		ho.flags |= WQ_HTML_AFTER_TITLE;
	}
	wq_html_render_range(p->first, end, &ho, &b);
	wq_buf_puts(&b, "</section>\n</body>\n</html>\n");
	if (bk->failed) { /* the book fails; the other chapters are read on */
		wq_buf_free(&b);
		return 0;
	}
	epub_piece_name(p, file);
	snprintf(name, sizeof(name), "EPUB/text/%s", file);
	rc = pack_add_buf(bk, name, &b, 0);
	wq_buf_free(&b);
	return rc;
}

static int
cover_page(struct book *bk, const struct resource *img)
{
	struct wq_buf b;
	int rc;

	wq_buf_init(&b);
	xhtml_head(
	    bk, &b, bk->lang, bk->dir, wq_l10n(bk->lang, "cover"), "../");
	wq_buf_printf(&b,
	    "<body>\n<section epub:type=\"cover\" class=\"cover\">\n"
	    "<img src=\"../%s\" alt=\"",
	    img->href);
	put_esc(&b, book_title(bk));
	wq_buf_puts(&b, "\" />\n</section>\n</body>\n</html>\n");
	bk->images++; /* its text alternative is the title */
	rc = pack_add_buf(bk, "EPUB/text/cover.xhtml", &b, 0);
	wq_buf_free(&b);
	return rc;
}

static int
stylesheet(struct book *bk, size_t nfonts_from)
{
	struct wq_buf b, family;
	size_t i;
	int rc;

	wq_buf_init(&b);
	wq_buf_init(&family);
	for (i = nfonts_from; i < bk->nres; i++) {
		const struct resource *r = &bk->res[i];
		char name[sizeof(r->font.family)], quoted[sizeof(name) + 4];
		size_t k, n = 0;

		if (strncmp(r->media_type, "font/", 5) != 0)
			continue;
		/* A family name as a CSS string: no quote, backslash or
		 * control character can end it. */
		for (k = 0; r->font.family[k]; k++)
			if ((unsigned char)r->font.family[k] >= ' ' &&
			    !strchr("\"\\", r->font.family[k]))
				name[n++] = r->font.family[k];
		name[n] = '\0';
		wq_buf_printf(&b,
		    "@font-face {\n  font-family: \"%s\";\n"
		    "  font-weight: %u;\n  font-style: %s;\n"
		    "  src: url(\"%s\");\n}\n",
		    name, r->font.weight, r->font.italic ? "italic" : "normal",
		    r->href);
		/* Each family once, however many faces. */
		snprintf(quoted, sizeof(quoted), "\"%s\", ", name);
		if (family.data == NULL || strstr(family.data, quoted) == NULL)
			wq_buf_puts(&family, quoted);
	}
	/* The embedded families first, then the script's. */
	if (family.len >= 2)
		family.data[family.len -= 2] = '\0';
	wq_html_put_stylesheet(
	    &b, bk->lang, family.len ? family.data : NULL, 1);
	wq_buf_puts(&b,
	    ".cover { text-align: center; }\n"
	    ".cover img { max-height: 95vh; }\n");
	rc = pack_add_buf(bk, "EPUB/style.css", &b, 0);
	wq_buf_free(&b);
	wq_buf_free(&family);
	return rc;
}

/* The printed edition the page-list follows, as EPUB Accessibility 1.0
 * says it (EPUBCheck 4 knows no a11y:pageBreakSource): -M page-source,
 * else the source's publisher and year, else the book's title. */
static void
page_source(struct book *bk, struct wq_buf *b)
{
	const char *v = meta_get(bk, "page-source"), *year;

	wq_buf_puts(b, "    <dc:source id=\"page-source\">");
	if (v == NULL && (v = meta_get(bk, "publisher")) != NULL &&
	    (year = meta_get(bk, "edition-date")) != NULL) {
		put_esc(b, v);
		wq_buf_puts(b, ", ");
		v = year;
	}
	put_esc(b, v ? v : book_title(bk));
	wq_buf_puts(b,
	    "</dc:source>\n    <meta refines=\"#page-source\" "
	    "property=\"source-of\">pagination</meta>\n");
}

/* The book's identifier: -M identifier, else a UUID from its content. */
static const char *
identifier(const struct book *bk, char buf[48])
{
	const char *v = meta_get(bk, "identifier");
	char uuid[37];

	if (v && *v)
		return v;
	content_uuid(bk, uuid);
	snprintf(buf, 48, "urn:uuid:%s", uuid);
	return buf;
}

static int
package(
    struct book *bk, const struct resource *cover, size_t n, const char *uid)
{
	const wq_meta *m;
	size_t i;
	const char *v, *title = book_title(bk);
	long long epoch = wq_opts_epoch(bk->opts);
	char when[32];
	struct wq_buf b;
	int rc;

	wq_buf_init(&b);
	wq_buf_puts(&b,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<package xmlns=\"http://www.idpf.org/2007/opf\" "
	    "version=\"3.0\" unique-identifier=\"pub-id\"");
	/* E4: the package's language and direction, for dc:title and the
	 * other metadata. */
	if (bk->lang) {
		wq_buf_puts(&b, " xml:lang=\"");
		put_esc(&b, bk->lang);
		wq_buf_putc(&b, '"');
	}
	wq_buf_printf(&b,
	    " dir=\"%s\">\n  <metadata "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n",
	    wq_dir_name(bk->dir));
	put_dc(&b, "identifier", "pub-id", uid, WQ_DIR_LTR);
	put_dc(&b, "title", "title", title, bk->dir);
	/* E3: the book's language first; other texts' languages after. */
	if (bk->lang)
		wq_buf_printf(
		    &b, "    <dc:language>%s</dc:language>\n", bk->lang);
	for (i = 0; i < n; i++) {
		const char *l =
		    wq_node_effective_lang(wq_doc_section(bk->doc, i));
		size_t k;

		if (l == NULL || (bk->lang && strcmp(l, bk->lang) == 0))
			continue;
		for (k = 0; k < i; k++)
			if (strcmp(l,
				wq_node_effective_lang(
				    wq_doc_section(bk->doc, k))) == 0)
				break;
		if (k == i)
			wq_buf_printf(
			    &b, "    <dc:language>%s</dc:language>\n", l);
	}
	epub_people(bk, &b);
	if ((v = meta_get(bk, "date")) != NULL) {
		if (wq_date_is_iso(v))
			put_dc(&b, "date", NULL, v, WQ_DIR_LTR);
		else
			wq_opts_warn(bk->opts, NULL, 0, 0, "bad-date",
			    "date '%s' is not YYYY-MM-DD: left out of the book",
			    v);
	}
	if ((v = meta_get(bk, "publisher")) != NULL)
		put_dc(&b, "publisher", NULL, v, bk->dir);
	if ((v = meta_get(bk, "rights")) != NULL ||
	    (v = meta_get(bk, "license")) != NULL ||
	    (v = meta_get(bk, "licence")) != NULL)
		put_dc(&b, "rights", NULL, v, bk->dir);
	if ((v = meta_get(bk, "description")) != NULL)
		put_dc(&b, "description", NULL, v, bk->dir);
	if ((v = meta_get(bk, "source")) != NULL)
		put_dc(&b, "source", NULL, v, WQ_DIR_LTR);
	/* The book's subjects: its own (or its one text's), never those
	 * of one text among several. */
	if ((m = meta_with(bk, "keywords")) != NULL ||
	    (m = meta_with(bk, "tags")) != NULL) {
		long at = wq_meta_find(m, "keywords");

		if (at < 0)
			at = wq_meta_find(m, "tags");
		for (i = 0; i < wq_meta_nvalues(m, (size_t)at); i++)
			put_dc(&b, "subject", NULL,
			    wq_meta_value(m, (size_t)at, i), bk->dir);
	}
	if (bk->pages)
		page_source(bk, &b);
	epub_a11y(bk, &b);
	if (cover)
		wq_buf_printf(&b,
		    "    <meta name=\"cover\" content=\"%s\" />\n", cover->id);
	iso_time(epoch >= 0 ? epoch : (long long)time(NULL), when);
	wq_buf_printf(&b,
	    "    <meta property=\"dcterms:modified\">%s</meta>\n"
	    "  </metadata>\n  <manifest>\n",
	    when);
	wq_buf_puts(&b,
	    "    <item id=\"nav\" href=\"nav.xhtml\" "
	    "media-type=\"application/xhtml+xml\" properties=\"nav\" />\n"
	    "    <item id=\"ncx\" href=\"toc.ncx\" "
	    "media-type=\"application/x-dtbncx+xml\" />\n"
	    "    <item id=\"css\" href=\"style.css\" media-type=\"text/css\" "
	    "/>\n");
	if (cover)
		wq_buf_puts(&b,
		    "    <item id=\"cover\" href=\"text/cover.xhtml\" "
		    "media-type=\"application/xhtml+xml\" />\n");
	for (i = 0; i < bk->npieces; i++) {
		char file[32];

		epub_piece_name(&bk->pieces[i], file);
		wq_buf_printf(&b,
		    "    <item id=\"%.*s\" href=\"text/%s\" "
		    "media-type=\"application/xhtml+xml\" />\n",
		    (int)(strlen(file) - 6), file, file);
	}
	for (i = 0; i < bk->nres; i++) {
		const struct resource *r = &bk->res[i];

		wq_buf_printf(&b,
		    "    <item id=\"%s\" href=\"%s\" media-type=\"%s\"%s%s%s "
		    "/>\n",
		    r->id, r->href, r->media_type,
		    r->properties ? " properties=\"" : "",
		    r->properties ? r->properties : "",
		    r->properties ? "\"" : "");
	}
	/* E1: readers infer the progression only in narrow cases: say it. */
	wq_buf_printf(&b,
	    "  </manifest>\n  <spine toc=\"ncx\" "
	    "page-progression-direction=\"%s\">\n",
	    wq_dir_name(bk->dir));
	/* The cover, then the table of contents as a page of its own. */
	if (cover)
		wq_buf_puts(&b, "    <itemref idref=\"cover\" />\n");
	wq_buf_puts(&b, "    <itemref idref=\"nav\" />\n");
	for (i = 0; i < bk->npieces; i++) {
		char file[32];

		epub_piece_name(&bk->pieces[i], file);
		wq_buf_printf(&b, "    <itemref idref=\"%.*s\" />\n",
		    (int)(strlen(file) - 6), file);
	}
	wq_buf_puts(&b, "  </spine>\n</package>\n");
	rc = pack_add_buf(bk, "EPUB/content.opf", &b, 0);
	wq_buf_free(&b);
	return rc;
}

static const char container_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" "
    "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "  <rootfiles>\n"
    "    <rootfile full-path=\"EPUB/content.opf\" "
    "media-type=\"application/oebps-package+xml\" />\n"
    "  </rootfiles>\n"
    "</container>\n";

/* The place in CSS text 's' of a property EPUB forbids (direction,
 * unicode-bidi: a book's direction is its markup's), comments skipped;
 * NULL if it has none. */
static const char *
forbidden_property(const char *s, const char **name)
{
	static const char *const names[] = { "direction", "unicode-bidi",
		NULL };
	const char *p = s;
	size_t i, n;

	while (*p) {
		if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");

			if (end == NULL)
				return NULL;
			p = end + 2;
			continue;
		}
		for (i = 0; names[i]; i++) {
			const char *q = p + (n = strlen(names[i]));

			if (strncasecmp(p, names[i], n) != 0 ||
			    (p > s &&
				(isalnum((unsigned char)p[-1]) ||
				    p[-1] == '-')))
				continue;
			while (*q == ' ' || *q == '\t' || *q == '\n')
				q++;
			if (*q == ':') {
				*name = names[i];
				return p;
			}
		}
		p++;
	}
	return NULL;
}

/* --css FILE: the publisher's stylesheet, embedded and linked from
 * every document after warraq's; refused if it sets direction. */
static int
user_stylesheet(struct book *bk, const char *path)
{
	struct wq_buf css;
	const char *at, *name, *p;
	unsigned long line = 1, col = 1;
	int rc = 0;

	wq_buf_init(&css);
	if (read_file(path, &css) != 0) {
		rc = wq_err_set(
		    bk->err, WQ_EIO, path, 0, 0, "--css: %s", strerror(errno));
	} else if (memchr(css.data ? css.data : "", '\0', css.len) ||
	    !xmlCheckUTF8((const xmlChar *)(css.data ? css.data : ""))) {
		rc = wq_err_set(bk->err, WQ_EINPUT, path, 0, 0,
		    "--css: not a UTF-8 stylesheet");
	} else if ((at = forbidden_property(css.data ? css.data : "", &name))) {
		for (p = css.data; p < at; p++, col++)
			if (*p == '\n')
				line++, col = 0;
		rc = wq_err_set(bk->err, WQ_EINPUT, path, line, col,
		    "--css: EPUB forbids '%s' in stylesheets (a book's "
		    "direction is its markup's: dir and xml:lang)",
		    name);
	} else if (add_resource(bk, path, "css", "css", NULL) == NULL) {
		rc = -bk->err->code;
	}
	wq_buf_free(&css);
	return rc;
}

/* Apple Books shows a book's own fonts only when told to. */
static const char apple_display_options[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<display_options>\n"
    "  <platform name=\"*\">\n"
    "    <option name=\"specified-fonts\">true</option>\n"
    "  </platform>\n"
    "</display_options>\n";

/* Builds the container in memory and sends it to the sink. */
static int
finish(struct book *bk, zip_source_t *src, struct wq_sink *out)
{
	char chunk[65536];
	zip_int64_t n;
	int rc = 0;

	if ((rc = pack_finish(bk)) != 0)
		return rc;
	if (zip_close(bk->za) != 0) {
		rc = wq_err_set(bk->err, WQ_EPLUGIN, "epub", 0, 0, "zip: %s",
		    zip_strerror(bk->za));
		zip_discard(bk->za);
		bk->za = NULL;
		return rc;
	}
	bk->za = NULL;
	if (zip_source_open(src) != 0)
		return wq_err_set(bk->err, WQ_EPLUGIN, "epub", 0, 0,
		    "zip: cannot read the container back");
	while (rc == 0 && (n = zip_source_read(src, chunk, sizeof(chunk))) > 0)
		rc = wq_sink_write(out, chunk, (size_t)n, bk->err);
	zip_source_close(src);
	return rc;
}

/* -V epub-compression=N: zlib's level, 0 (store) to 9. The default, 4,
 * is the fastest of zlib's lazy-matching levels: on a 10 MB text the
 * book is 12% larger than at 6 and 15% smaller than at 1, and is made in
 * 1.7x the HTML time (6: 2.7x, 9: 4.7x; bench/NOTES.md has the curve). */
static int
compression_level(const wq_opts *opts, int *level, struct wq_err *err)
{
	const char *v = wq_opts_get(opts, "epub-compression");

	*level = DEFAULT_LEVEL;
	if (v == NULL)
		return 0;
	if (v[0] < '0' || v[0] > '9' || v[1] != '\0')
		return wq_err_set(err, WQ_EUSAGE, NULL, 0, 0,
		    "epub-compression takes 0 (store) to 9, not '%s'", v);
	*level = v[0] - '0';
	return 0;
}

static int
epub_write(const wq_doc *doc, const wq_opts *opts, struct wq_sink *out,
    struct wq_err *err)
{
	struct book bk;
	const struct resource *cover = NULL;
	zip_source_t *src;
	zip_error_t ze;
	long long epoch = wq_opts_epoch(opts);
	size_t i, n = wq_doc_section_count(doc), nfonts_from;
	const char *cover_path = wq_opts_get(opts, "cover");
	char uid[48];
	int rc = 0;

	memset(&bk, 0, sizeof(bk));
	bk.doc = doc;
	bk.opts = opts;
	bk.err = err;
	bk.lenient = wq_opts_flag(opts, "lenient");
	bk.mtime = zip_time(epoch >= 0 ? epoch : FIXED_MTIME);
	bk.lang = wq_node_lang(wq_doc_root(doc));
	bk.dir = wq_node_effective_dir(wq_doc_root(doc));
	wq_buf_init(&bk.scratch);
	if (n == 0)
		return wq_err_set(
		    err, WQ_EINPUT, NULL, 0, 0, "no text to make a book of");
	if ((rc = compression_level(opts, &bk.level, err)) != 0)
		return rc;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	if (src == NULL ||
	    (bk.za = zip_open_from_source(src, ZIP_TRUNCATE, &ze)) == NULL) {
		rc = wq_err_set(err, WQ_EPLUGIN, "epub", 0, 0, "zip: %s",
		    zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	zip_source_keep(src); /* read it back after zip_close() */

	/* The mimetype entry is stored, first and uncompressed (OCF). */
	if ((rc = pack_add(&bk, "mimetype", "application/epub+zip", 20, 1)) ||
	    (rc = pack_add(&bk, "META-INF/container.xml", container_xml,
		 sizeof(container_xml) - 1, 0)))
		goto out;
	for (i = 0; rc == 0 && i < wq_opts_count(opts, "css"); i++)
		rc = user_stylesheet(&bk, wq_opts_nth(opts, "css", i));
	if (rc == 0 && cover_path) {
		cover = add_resource(
		    &bk, cover_path, "images", "cover-image", "cover-image");
		if (cover == NULL) { /* say which option named it */
			char msg[sizeof(err->msg)];

			memcpy(msg, err->msg, sizeof(msg));
			snprintf(
			    err->msg, sizeof(err->msg), "--cover: %.500s", msg);
		}
		if (cover == NULL || (rc = cover_page(&bk, cover)) != 0) {
			rc = rc ? rc : -err->code;
			goto out;
		}
	}
	wq_opts_warn_unused_meta(opts, doc, "epub",
	    "author authors translator editor illustrator identifier date "
	    "publisher rights license licence description source keywords "
	    "tags subject "
	    "page-source edition-date accessMode accessModeSufficient "
	    "accessibilityFeature accessibilityHazard accessibilitySummary "
	    "conformsTo certifiedBy");
	if (rc == 0)
		rc = epub_split(&bk);
	for (i = 0; i < bk.npieces && rc == 0; i++)
		rc = chapter(&bk, i);
	if (rc == 0 && bk.failed) { /* each is named in a line above */
		snprintf(err->msg, sizeof(err->msg),
		    "%d image%s missing or refused (named above); --lenient "
		    "leaves %s out",
		    bk.failed, bk.failed == 1 ? "" : "s",
		    bk.failed == 1 ? "it" : "them");
		rc = -err->code;
	}
	nfonts_from = bk.nres;
	for (i = 0; rc == 0 && i < wq_opts_count(opts, "embed-font"); i++) {
		const char *path = wq_opts_nth(opts, "embed-font", i), *why;
		struct font_face face;
		struct resource *r;

		/* Its family, weight and style are the file's own. */
		if (epub_font_face(path, &face, &why) != 0)
			rc = wq_err_set(err, WQ_EINPUT, path, 0, 0,
			    "--embed-font: %s", why);
		else if ((r = add_resource(&bk, path, "fonts", "font", NULL)) ==
		    NULL)
			rc = -err->code;
		else
			r->font = face;
	}
	if (rc == 0 && bk.nres > nfonts_from)
		rc = pack_add(&bk,
		    "META-INF/com.apple.ibooks.display-options.xml",
		    apple_display_options, sizeof(apple_display_options) - 1,
		    0);
	if (rc == 0)
		rc = stylesheet(&bk, nfonts_from);
	if (rc == 0)
		rc = epub_nav(&bk, cover != NULL);
	if (rc == 0)
		rc = epub_ncx(&bk, identifier(&bk, uid));
	if (rc == 0)
		rc = package(&bk, cover, n, identifier(&bk, uid));
	if (rc == 0)
		rc = finish(&bk, src, out);
out:
	if (bk.za)
		zip_discard(bk.za);
	pack_free(&bk);
	zip_source_free(src);
	for (i = 0; i < bk.nres; i++) {
		free(bk.res[i].path);
		free(bk.res[i].href);
		free(bk.res[i].id);
	}
	free(bk.res);
	free(bk.by_path);
	epub_split_free(&bk);
	if (bk.magic)
		magic_close(bk.magic);
	for (i = 0; i < bk.ntoc; i++) {
		free(bk.toc[i].label);
		free(bk.toc[i].href);
	}
	free(bk.toc);
	wq_buf_free(&bk.scratch);
	return rc;
}

static const struct wq_writer writer = {
	sizeof(struct wq_writer),
	"epub",
	"application/epub+zip",
	WQ_WRITER_BINARY,
	epub_write,
	"cover embed-font lenient css split-level toc-depth resource-path "
	"sandbox epub-compression",
};

static const struct wq_plugin epub = {
	WQ_PLUGIN_ABI,
	sizeof(struct wq_plugin),
	"epub",
	"epub3",
	"EPUB 3 e-book, a chapter per text, right-to-left aware",
	NULL,
	&writer,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &epub;
}
