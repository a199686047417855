/*
 * openiti.c - the "openiti" reader: OpenITI mARkdown, the format of the
 * OpenITI corpus of premodern Islamicate texts (openiti.org, "OpenITI
 * mARkdown"; the tags as OpenITI's own parser, oimdp, reads them).
 *
 * Every tag is a prefix or a token, never a pair: a file starts with
 * "######OpenITI#", then "#META# key :: value" lines up to
 * "#META#Header#End#". In the body, "# " starts a paragraph and "~~"
 * continues the line before; "### |" to "### |||||" are headings by
 * their number of bars; "### $" (biographies), "### @" (events) and
 * their long forms open typed divisions; "# $RWY$" a riwaya whose isnad
 * runs up to "@MATN@" (and "@HUKM@"); a "# " line with "%~%" is a verse
 * line, the tag its caesura. "PageV01P005" ends printed page 5 of volume
 * 1 and "ms0003" the third milestone of about 300 words. A tag this
 * reader does not know (named entities, regions...) stays in the text,
 * counted in one warning.
 */
#include <warraq/plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAGIC "######OpenITI#"

/* A typed division's tag, its kind and subkind (TEI's div @type and
 * @subtype, as OpenITI's TEI converter names them). Longest first. */
static const struct division {
	const char *tag, *kind, *sub;
} divisions[] = {
	{ "$BIO_MAN$", "biography", "man" },
	{ "$BIO_WOM$", "biography", "woman" },
	{ "$BIO_REF$", "biography", "reference" },
	{ "$BIO_NLI$", "names", NULL },
	{ "$CHR_EVE$", "event", NULL },
	{ "$CHR_RAW$", "events", NULL },
	{ "$DIC_NIS$", "entry", "nisba" },
	{ "$DIC_TOP$", "entry", "toponym" },
	{ "$DIC_LEX$", "entry", "lexical" },
	{ "$DIC_BIB$", "entry", "bibliographical" },
	{ "$DOX_POS$", "doxography", "position" },
	{ "$DOX_SEC$", "doxography", "sect" },
	{ "$$$$", "names", NULL },
	{ "$$$", "biography", "reference" },
	{ "$$", "biography", "woman" },
	{ "$", "biography", "man" },
	{ "@ RAW", "events", NULL },
	{ "@", "event", NULL },
	{ "|EDITOR|", "editorial", NULL },
	{ NULL, NULL, NULL },
};

/* How the reading stands. */
struct reader {
	wq_doc *doc;
	wq_node *section;
	wq_read_ctx *ctx;
	wq_node *block;	  /* the block the next "~~" line continues */
	wq_node *inlines; /* where its inlines go (a segment, or block) */
	wq_node *verse;	  /* the verse the next verse line joins */
	int level;	  /* the level of the last "### |" heading */
	unsigned long line;
	/* Page breaks in order, each where a page ended in the source. */
	wq_node **pages;
	size_t npages, pages_cap;
	wq_node *pending;      /* a page break on a line of its own, or NULL */
	unsigned long unknown; /* tags left as text */
	unsigned long unknown_line, unknown_col;
};

static int
starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && memcmp(s, prefix, n) == 0;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static size_t
digits(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && is_digit(s[i]))
		i++;
	return i;
}

static const char *
find(const char *s, size_t len, const char *what)
{
	size_t n = strlen(what), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(s + i, what, n) == 0)
			return s + i;
	return NULL;
}

/* Remembers page break 'pb', in the order of the text. */
static void
add_page(struct reader *r, wq_node *pb)
{
	if (r->npages == r->pages_cap) {
		r->pages_cap = r->pages_cap ? 2 * r->pages_cap : 256;
		r->pages =
		    wq_xrealloc(r->pages, r->pages_cap * sizeof(*r->pages));
	}
	r->pages[r->npages++] = pb;
}

/* ---- inline content ---- */

static void
put_text(struct reader *r, const char *s, size_t len)
{
	wq_node *t;

	if (len == 0)
		return;
	t = wq_node_new(r->doc, WQ_NODE_TEXT);
	wq_node_set_literal(t, s, len);
	wq_node_append(r->inlines, t);
}

/* "PageV01P005" at s (a page's end), or 0. Fills volume and page. */
static size_t
page_tag(const char *s, size_t len, char vol[17], char page[17])
{
	size_t v, p;

	if (!starts(s, len, "PageV"))
		return 0;
	v = digits(s + 5, len - 5);
	if (v == 0 || v > 16 || 5 + v >= len || s[5 + v] != 'P')
		return 0;
	p = digits(s + 6 + v, len - 6 - v);
	if (p == 0 || p > 16)
		return 0;
	memcpy(vol, s + 5, v);
	vol[v] = '\0';
	memcpy(page, s + 6 + v, p);
	page[p] = '\0';
	return 6 + v + p;
}

/* "ms0003" standing as a word (or oimdp's "Milestone300"), or 0. */
static size_t
milestone_tag(const char *s, size_t len, size_t at, char n[17])
{
	size_t d;

	if (at > 0 && !is_space(s[at - 1]))
		return 0;
	if (starts(s + at, len - at, "Milestone300")) {
		n[0] = '\0'; /* a unit's end, unnumbered */
		return 12;
	}
	if (!starts(s + at, len - at, "ms"))
		return 0;
	d = digits(s + at + 2, len - at - 2);
	if (d == 0 || d > 16 || (at + 2 + d < len && !is_space(s[at + 2 + d])))
		return 0;
	memcpy(n, s + at + 2, d);
	n[d] = '\0';
	return 2 + d;
}

/* Whether s[at] starts a tag this reader does not read: a named entity
 * ("@YB123", "@TOP12"), a user's or an annotator's tag ("@ABC@..."), a
 * geographical one ("#$#PROV"), a morphological pattern ("#~:"). */
static int
unknown_tag(const char *s, size_t len, size_t at)
{
	if (s[at] == '@' && at + 1 < len && s[at + 1] >= 'A' &&
	    s[at + 1] <= 'Z')
		return 1;
	return starts(s + at, len - at, "#$#") ||
	    starts(s + at, len - at, "#~:");
}

static void
start_segment(struct reader *r, const char *kind)
{
	wq_node *seg = wq_node_new(r->doc, WQ_NODE_SEGMENT);

	wq_node_set_kind(seg, kind, NULL);
	wq_node_append(r->block, seg);
	r->inlines = seg;
}

static wq_node *
leaf(struct reader *r, wq_node_type type)
{
	wq_node *n = wq_node_new(r->doc, type);

	wq_node_append(r->inlines, n);
	return n;
}

/* Reads the inline content s[0..len) into r->inlines. */
static void
inlines(struct reader *r, const char *s, size_t len, size_t col)
{
	size_t i = 0, from = 0, n, at;
	char a[17], b[17];

	while (i < len) {
		at = i;
		if ((n = page_tag(s + i, len - i, a, b)) > 0) {
			put_text(r, s + from, i - from);
			add_page(r, leaf(r, WQ_NODE_PAGE_BREAK));
			wq_node_set_page(wq_node_last_child(r->inlines), a, b);
		} else if ((n = milestone_tag(s, len, i, b)) > 0) {
			put_text(r, s + from, i - from);
			wq_node_set_milestone(
			    leaf(r, WQ_NODE_MILESTONE), "ms", b);
		} else if (starts(s + i, len - i, "%~%") &&
		    wq_node_type_of(r->block) == WQ_NODE_VERSE_LINE) {
			/* The caesura is the space between hemistichs. */
			size_t end = i;

			while (end > from && is_space(s[end - 1]))
				end--;
			put_text(r, s + from, end - from);
			leaf(r, WQ_NODE_CAESURA);
			for (n = 3; i + n < len && is_space(s[i + n]);)
				n++;
			at = i + n; /* no space to leave */
		} else if ((starts(s + i, len - i, "@MATN@") ||
			       starts(s + i, len - i, "@HUKM@")) &&
		    wq_node_kind(r->block) &&
		    strcmp(wq_node_kind(r->block), "riwaya") == 0) {
			put_text(r, s + from, i - from);
			start_segment(r, s[i + 1] == 'M' ? "matn" : "hukm");
			n = 6;
		} else if (unknown_tag(s, len, i) ||
		    starts(s + i, len - i, "%~%")) {
			/* Kept, as a run of no language: a tag is no English. */
			wq_node *span;

			if (r->unknown++ == 0) {
				r->unknown_line = r->line;
				r->unknown_col = col + i + 1;
			}
			put_text(r, s + from, i - from);
			for (n = 1; i + n < len && !is_space(s[i + n]);)
				n++;
			span = leaf(r, WQ_NODE_SPAN);
			wq_node_set_dir(span, WQ_DIR_LTR);
			wq_node_set_lang(span, "zxx");
			r->inlines = span;
			put_text(r, s + i, n);
			r->inlines = wq_node_parent(span);
			at = i + n; /* its spaces are the text's */
		} else {
			i++;
			continue;
		}
		i += n;
		/* A tag between two spaces leaves one of them. */
		if (i < len && s[i] == ' ' && (at == 0 || s[at - 1] == ' '))
			i++;
		from = i;
	}
	put_text(r, s + from, len - from);
}

/* ---- blocks ---- */

static void
attach_pending(struct reader *r, wq_node *block)
{
	wq_node *first;

	if (r->pending == NULL)
		return;
	/* A page break on a line of its own begins the block after it. */
	first = wq_node_first_child(block);
	while (r->pending) {
		wq_node *pb = r->pending, *next = wq_node_next(pb);

		if (first)
			wq_node_insert_before(first, pb);
		else
			wq_node_append(block, pb);
		r->pending = next && wq_node_type_of(next) == WQ_NODE_PAGE_BREAK
		    ? next
		    : NULL;
	}
}

static wq_node *
new_block(struct reader *r, wq_node_type type, size_t col)
{
	wq_node *b = wq_node_new(r->doc, type);

	wq_node_set_pos(b, wq_read_line(r->ctx, r->line), col + 1);
	return b;
}

/* Puts 'b' (with inline content) in the section, after what stands on
 * its own lines, and makes it the block continuation lines go to. */
static void
add_block(struct reader *r, wq_node *b)
{
	if (wq_node_type_of(b) == WQ_NODE_VERSE_LINE) {
		if (r->verse == NULL) {
			r->verse = new_block(r, WQ_NODE_VERSE, 0);
			wq_node_set_pos(r->verse, wq_node_line(b), 1);
			wq_node_append(r->section, r->verse);
		}
		wq_node_append(r->verse, b);
	} else {
		r->verse = NULL;
		wq_node_append(r->section, b);
	}
	r->block = r->inlines = b;
}

/* The text of a line once its tag is cut off, and what it adds. */
static void
line_content(
    struct reader *r, wq_node *b, const char *s, size_t len, size_t col)
{
	size_t i = 0;

	while (i < len && is_space(s[i]))
		i++;
	while (len > i && is_space(s[len - 1]))
		len--;
	if (i < len)
		inlines(r, s + i, len - i, col + i);
	attach_pending(r, b);
}

/* A "### " line: a numbered heading or a typed division's. */
static void
heading_line(struct reader *r, const char *s, size_t len)
{
	const struct division *d;
	wq_node *h = new_block(r, WQ_NODE_HEADING, 0);
	size_t i = 4, bars = 0;

	while (i + bars < len && s[i + bars] == '|')
		bars++;
	if (bars >= 1 && bars <= 5 && !starts(s + i, len - i, "|EDITOR|")) {
		r->level = (int)bars;
		wq_node_set_heading_level(h, (int)bars);
		i += bars;
	} else {
		for (d = divisions; d->tag; d++)
			if (starts(s + i, len - i, d->tag))
				break;
		if (d->tag) {
			wq_node_set_kind(h, d->kind, d->sub);
			i += strlen(d->tag);
		}
		/* A division below the section it is in. */
		wq_node_set_heading_level(h, r->level < 6 ? r->level + 1 : 6);
	}
	add_block(r, h);
	line_content(r, h, s + i, len - i, i);
}

/* A "# " line: a paragraph, a riwaya, or a line of verse. */
static void
paragraph_line(struct reader *r, const char *s, size_t len)
{
	wq_node *p;
	size_t i = 1;

	if (starts(s, len, "# $RWY$")) {
		p = new_block(r, WQ_NODE_PARAGRAPH, 0);
		wq_node_set_kind(p, "riwaya", NULL);
		add_block(r, p);
		start_segment(r, "isnad");
		i = 7;
	} else {
		int verse = find(s, len, "%~%") != NULL;

		p = new_block(
		    r, verse ? WQ_NODE_VERSE_LINE : WQ_NODE_PARAGRAPH, 0);
		add_block(r, p);
	}
	line_content(r, p, s + i, len - i, i);
}

/* A "~~" line (or one with no tag): more of the block before. */
static void
continuation_line(struct reader *r, const char *s, size_t len)
{
	size_t i = starts(s, len, "~~") ? 2 : 0;

	if (r->block == NULL) /* nothing to continue: a paragraph */
		add_block(r, new_block(r, WQ_NODE_PARAGRAPH, 0));
	else if (wq_node_first_child(r->block)) {
		wq_node_append(
		    r->inlines, wq_node_new(r->doc, WQ_NODE_SOFTBREAK));
	}
	line_content(r, r->block, s + i, len - i, i);
}

/* A page marker on a line of its own ("# PageV01P007", "PageV01P007"):
 * its break waits for the block that follows. */
static int
page_line(struct reader *r, const char *s, size_t len)
{
	size_t i = s[0] == '#' ? 1 : 0, n;
	char vol[17], page[17];
	wq_node *pb;

	while (i < len && is_space(s[i]))
		i++;
	if ((n = page_tag(s + i, len - i, vol, page)) == 0)
		return 0;
	i += n;
	while (i < len && is_space(s[i]))
		i++;
	if (i < len)
		return 0;
	pb = wq_node_new(r->doc, WQ_NODE_PAGE_BREAK);
	wq_node_set_page(pb, vol, page);
	/* Parked in the section until a block takes it. */
	wq_node_append(r->section, pb);
	if (r->pending == NULL)
		r->pending = pb;
	add_page(r, pb);
	r->block = r->inlines = NULL;
	return 1;
}

/* ---- the header ---- */

static int
no_data(const char *v, size_t len)
{
	return len == 0 || (len == 1 && v[0] == '-') ||
	    (len == 6 && memcmp(v, "NODATA", 6) == 0) ||
	    (len == 8 && memcmp(v, "NOTGIVEN", 8) == 0);
}

/* The header fields with a place in the model's metadata. */
static const struct field {
	const char *name, *key;
} fields[] = {
	{ "BookTITLE", "title" },
	{ "BookTITLESUB", "subtitle" },
	{ "AuthorNAME", "author" },
	{ "AuthorDIED", "author-died" },
	{ "AuthorBORN", "author-born" },
	{ "BookSUBJ", "subject" },
	{ "EdEDITOR", "editor" },
	{ "EdNUMBER", "edition" },
	{ "EdPUBLISHER", "publisher" },
	{ "EdPLACE", "publisher-place" },
	{ "EdYEAR", "edition-date" },
	{ "EdISBN", "isbn" },
	{ "BookURI", "identifier" },
	{ "LibURL", "source" },
	{ NULL, NULL },
};

/* "#META# 020.BookTITLE :: value": kept whole for the TEI header, and
 * what the model knows (title, author...) in the section's metadata.
 * Unmapped fields stay only in the verbatim header. */
static void
meta_line(struct reader *r, const char *s, size_t len)
{
	wq_meta *m = wq_section_meta(r->section);
	const struct field *f;
	const char *sep, *name, *v;
	size_t i = 6, nlen, vlen;
	char line[1024], val[1024];

	while (i < len && is_space(s[i]))
		i++;
	snprintf(line, sizeof(line), "%.*s", (int)(len - i), s + i);
	if (line[0])
		wq_meta_add(m, "openiti-header", line);
	if ((sep = find(s + i, len - i, "::")) == NULL)
		return;
	name = s + i;
	nlen = (size_t)(sep - name);
	while (nlen && is_space(name[nlen - 1]))
		nlen--;
	/* "020.BookTITLE": the name after the number. */
	if (memchr(name, '.', nlen)) {
		const char *dot = memchr(name, '.', nlen);

		nlen -= (size_t)(dot + 1 - name);
		name = dot + 1;
	}
	v = sep + 2;
	vlen = (size_t)(s + len - v);
	while (vlen && is_space(*v))
		v++, vlen--;
	while (vlen && is_space(v[vlen - 1]))
		vlen--;
	if (no_data(v, vlen) || vlen >= sizeof(val))
		return;
	memcpy(val, v, vlen);
	val[vlen] = '\0';
	/* OpenITI's years are Hijri ("0279Tirmidhi"): say so. */
	if (strspn(val, "0123456789") == vlen && vlen <= 4 &&
	    ((nlen == 10 && memcmp(name, "AuthorDIED", 10) == 0) ||
		(nlen == 10 && memcmp(name, "AuthorBORN", 10) == 0)))
		snprintf(val + vlen, sizeof(val) - vlen, " \xD9\x87\xD9\x80");
	for (f = fields; f->name; f++)
		if (strlen(f->name) == nlen &&
		    memcmp(f->name, name, nlen) == 0 &&
		    wq_meta_get(m, f->key) == NULL)
			wq_meta_set(m, f->key, val);
}

/* ---- page numbers ---- */

/* OpenITI marks where a page ends; a page break says where one begins.
 * The first page begins with the text, and each marker's place begins
 * the page the next marker ends: so every marker gives one break, the
 * last one's place (the text's end) none. */
static void
shift_pages(struct reader *r)
{
	wq_node *first, *pb;
	size_t i;

	if (r->npages == 0)
		return;
	for (first = wq_node_first_child(r->section); first;
	     first = wq_node_next(first))
		if (wq_node_type_of(first) != WQ_NODE_PAGE_BREAK)
			break;
	pb = wq_node_new(r->doc, WQ_NODE_PAGE_BREAK);
	wq_node_set_page(
	    pb, wq_node_page_volume(r->pages[0]), wq_node_page(r->pages[0]));
	/* Into the first block that holds inlines, else before it. */
	while (first && wq_node_type_of(first) == WQ_NODE_VERSE)
		first = wq_node_first_child(first);
	if (first && wq_node_first_child(first))
		wq_node_insert_before(wq_node_first_child(first), pb);
	else if (first)
		wq_node_append(first, pb);
	else
		wq_node_append(r->section, pb);
	for (i = 0; i + 1 < r->npages; i++)
		wq_node_set_page(r->pages[i],
		    wq_node_page_volume(r->pages[i + 1]),
		    wq_node_page(r->pages[i + 1]));
	wq_node_unlink(r->pages[r->npages - 1]);
}

/* Page breaks still standing between blocks (after the last block)
 * go to the end of the block before them. */
static void
settle_pending(struct reader *r)
{
	wq_node *last = NULL, *c, *next;

	for (c = wq_node_first_child(r->section); c; c = next) {
		next = wq_node_next(c);
		if (wq_node_type_of(c) != WQ_NODE_PAGE_BREAK) {
			last = c;
			continue;
		}
		while (last && wq_node_type_of(last) == WQ_NODE_VERSE)
			last = wq_node_last_child(last);
		if (last)
			wq_node_append(last, c);
		else {
			wq_node *p = wq_node_new(r->doc, WQ_NODE_PARAGRAPH);

			wq_node_insert_before(c, p);
			wq_node_append(p, c);
			last = p;
		}
	}
}

/* ---- the reader ---- */

static int
openiti_read(wq_node *parent, const char *data, size_t len,
    enum wq_read_mode mode, wq_read_ctx *ctx, struct wq_err *err)
{
	struct reader r;
	size_t i = 0;

	if (mode != WQ_READ_TEXT)
		return wq_read_error(ctx, err, WQ_EUSAGE, 0, 0,
		    "OpenITI mARkdown is read as whole texts only");
	memset(&r, 0, sizeof(r));
	r.doc = wq_node_doc(parent);
	r.section = parent;
	r.ctx = ctx;
	if (!starts(data, len, MAGIC))
		wq_read_warn(ctx, 1, 1, "openiti-magic",
		    "no \"" MAGIC "\" line: read as OpenITI mARkdown all "
		    "the same");
	while (i < len) {
		const char *s = data + i, *nl = memchr(s, '\n', len - i);
		size_t n = nl ? (size_t)(nl - s) : len - i;

		r.line++;
		i += n + 1;
		if (r.line == 1 && starts(s, n, MAGIC))
			continue;
		if (starts(s, n, "#META#")) {
			if (!starts(s, n, "#META#Header#End#"))
				meta_line(&r, s, n);
			continue;
		}
		if (n == 0 || (n == 1 && s[0] == '#'))
			continue;
		if (page_line(&r, s, n))
			continue;
		if (starts(s, n, "### "))
			heading_line(&r, s, n);
		else if (starts(s, n, "# ") || (n == 1 && s[0] == '#'))
			paragraph_line(&r, s, n);
		else
			continuation_line(&r, s, n);
	}
	settle_pending(&r);
	shift_pages(&r);
	free(r.pages);
	if (r.unknown)
		wq_read_warn(ctx, r.unknown_line, r.unknown_col, "openiti-tag",
		    "%lu mARkdown tag%s warraq does not read kept as text",
		    r.unknown, r.unknown == 1 ? "" : "s");
	return 0;
}

static int
openiti_probe(const char *data, size_t len)
{
	return starts(data, len, MAGIC) ? 100 : 0;
}

static const struct wq_reader reader = {
	sizeof(struct wq_reader),
	"mARkdown",
	"text/x-openiti-markdown",
	openiti_probe,
	openiti_read,
};

static const struct wq_plugin openiti = {
	WQ_PLUGIN_ABI,
	sizeof(struct wq_plugin),
	"openiti",
	"mARkdown",
	"OpenITI mARkdown: the classical texts of the OpenITI corpus "
	"(pages, milestones, verse, biographies, riwayat)",
	&reader,
	NULL,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &openiti;
}
