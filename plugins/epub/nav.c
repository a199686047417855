/*
 * nav.c - the navigation document: the table of contents (texts, then
 * their headings nested by level), the page-list of printed pages, and
 * the landmarks, each label in its own direction (E7).
 */
#include "epub.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "text/ch001-2.xhtml": the document that holds 'n' (a text: its first). */
static const char *
href_of(const struct book *bk, const wq_node *n, char href[48])
{
	const struct piece *p = epub_piece_of(bk, n);
	char file[32];

	if (p == NULL)
		snprintf(file, sizeof(file), "ch001.xhtml");
	else
		epub_piece_name(p, file);
	snprintf(href, 48, "text/%s", file);
	return href;
}

/* Remembers a table of contents entry for the NCX. */
static void
remember(struct book *bk, const char *href, const char *frag, const char *text,
    int depth)
{
	struct toc_entry *e;
	size_t n = strlen(href) + (frag ? strlen(frag) + 1 : 0) + 1;

	if (bk->ntoc == bk->captoc) {
		bk->captoc = bk->captoc ? 2 * bk->captoc : 64;
		bk->toc = wq_xrealloc(bk->toc, bk->captoc * sizeof(*bk->toc));
	}
	e = &bk->toc[bk->ntoc++];
	e->depth = depth;
	e->label = xstrdup(text);
	e->href = wq_xmalloc(n);
	snprintf(e->href, n, "%s%s%s", href, frag ? "#" : "", frag ? frag : "");
}

/* One <li> label of the navigation document. */
static void
nav_label(struct wq_buf *b, const char *href, const char *frag,
    const char *text, const char *lang, const char *nav_lang, wq_dir nav_dir)
{
	wq_dir d = wq_label_dir(text, strlen(text), nav_dir);

	/* Every label states its direction: reading systems lay out nav
	 * labels on their own, by their first strong letter. */
	wq_buf_printf(b, "<li dir=\"%s\"><a href=\"%s%s%s\"",
	    wq_dir_name(d != WQ_DIR_UNSET ? d : nav_dir), href, frag ? "#" : "",
	    frag ? frag : "");
	if (lang && nav_lang && strcmp(lang, nav_lang) != 0) {
		wq_buf_puts(b, " xml:lang=\"");
		put_esc(b, lang);
		wq_buf_puts(b, "\" lang=\"");
		put_esc(b, lang);
		wq_buf_putc(b, '"');
	}
	wq_buf_putc(b, '>');
	put_esc(b, text);
	wq_buf_puts(b, "</a>");
}

struct nav_state {
	int levels[7];
	int depth;
};

/* Nests the headings of a chapter below its entry, by level, down to
 * 'most' levels below it (--toc-depth less the chapters' own). */
static void
nav_headings(struct book *bk, struct wq_buf *b, const wq_node *n,
    struct nav_state *st, const wq_node *skip, int most)
{
	const wq_node *c;
	char href[48];

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		int level;

		if (wq_node_type_of(c) != WQ_NODE_HEADING) {
			if (wq_node_is_block(c) &&
			    wq_node_type_of(c) != WQ_NODE_PARAGRAPH)
				nav_headings(bk, b, c, st, skip, most);
			continue;
		}
		if (c == skip)
			continue;
		/* A heading with no text has nothing to list. */
		bk->scratch.len = 0;
		wq_node_text(c, &bk->scratch);
		if (bk->scratch.len == 0)
			continue;
		level = wq_node_heading_level(c);
		/* Deeper than the table of contents goes: left out. */
		if ((st->depth == 0 || level > st->levels[st->depth - 1]) &&
		    st->depth >= most)
			continue;
		if (st->depth == 0 || level > st->levels[st->depth - 1]) {
			if (st->depth == 6)
				wq_buf_puts(b, "</li>\n");
			else {
				wq_buf_puts(b, "\n<ol>\n");
				st->levels[st->depth++] = level;
			}
		} else {
			wq_buf_puts(b, "</li>\n");
			while (st->depth > 1 &&
			    level < st->levels[st->depth - 1] &&
			    level <= st->levels[st->depth - 2]) {
				wq_buf_puts(b, "</ol>\n</li>\n");
				st->depth--;
			}
		}
		href_of(bk, c, href);
		nav_label(b, href, wq_node_id(c),
		    bk->scratch.data ? bk->scratch.data : "",
		    wq_node_effective_lang(c), bk->lang, bk->dir);
		remember(bk, href, wq_node_id(c),
		    bk->scratch.data ? bk->scratch.data : "", st->depth + 1);
	}
}

/* The page breaks below 'n', each an entry of the page-list. */
static size_t
nav_pages(struct book *bk, struct wq_buf *b, const wq_node *n, int volumes)
{
	const wq_node *c;
	size_t count = 0;
	char href[48];

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		if (wq_node_type_of(c) == WQ_NODE_PAGE_BREAK) {
			wq_buf_printf(b, "<li><a href=\"%s#%s\">",
			    href_of(bk, c, href), wq_node_id(c));
			if (volumes && wq_node_page_volume(c)) {
				wq_put_page_label(
				    b, bk->lang, wq_node_page_volume(c));
				wq_buf_putc(b, '/');
			}
			wq_put_page_label(b, bk->lang, wq_node_page(c));
			wq_buf_puts(b, "</a></li>\n");
			count++;
		} else if (wq_node_type_is_container(wq_node_type_of(c))) {
			count += nav_pages(bk, b, c, volumes);
		}
	}
	return count;
}

/* Whether the page breaks below 'n' name more than one volume ('*vol'
 * the first seen). */
static int
several_volumes(const wq_node *n, const char **vol)
{
	const wq_node *c;

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		const char *v = wq_node_page_volume(c);

		if (wq_node_type_of(c) == WQ_NODE_PAGE_BREAK && v) {
			if (*vol && strcmp(*vol, v) != 0)
				return 1;
			*vol = v;
		} else if (wq_node_type_is_container(wq_node_type_of(c)) &&
		    several_volumes(c, vol)) {
			return 1;
		}
	}
	return 0;
}

/* The printed pages, so that a reader can cite the printed edition:
 * "volume/page" when the book has several volumes. */
static void
page_list(struct book *bk, struct wq_buf *b)
{
	size_t i, n = wq_doc_section_count(bk->doc), at = b->len, count = 0;
	const char *vol = NULL;
	int volumes = 0;

	/* Only texts with page breaks are walked for them. */
	for (i = 0; i < n && !volumes; i++)
		if (wq_section_page_breaks(wq_doc_section(bk->doc, i)) > 0)
			volumes =
			    several_volumes(wq_doc_section(bk->doc, i), &vol);
	wq_buf_puts(b,
	    "<nav epub:type=\"page-list\" id=\"page-list\" "
	    "hidden=\"hidden\">\n<h2>");
	put_esc(b, wq_l10n(bk->lang, "pages"));
	wq_buf_puts(b, "</h2>\n<ol>\n");
	for (i = 0; i < n; i++)
		if (wq_section_page_breaks(wq_doc_section(bk->doc, i)) > 0)
			count += nav_pages(
			    bk, b, wq_doc_section(bk->doc, i), volumes);
	if (count == 0)
		b->len = at, b->data[at] = '\0';
	else
		wq_buf_puts(b, "</ol>\n</nav>\n");
	bk->pages = count;
}

int
epub_nav(struct book *bk, int has_cover)
{
	size_t i, n = wq_doc_section_count(bk->doc);
	const char *contents = wq_l10n(bk->lang, "contents");
	const char *v = wq_opts_get(bk->opts, "toc-depth");
	struct wq_buf b;
	char href[48];
	int rc, depth = 2;

	/* --toc-depth: levels of the table of contents, the texts' own
	 * entries the first (2, as Kindle shows them). */
	if (v && (v[0] < '1' || v[0] > '6' || v[1] != '\0'))
		return wq_err_set(bk->err, WQ_EUSAGE, NULL, 0, 0,
		    "toc-depth takes a number of levels, 1 to 6, not '%s'", v);
	if (v)
		depth = v[0] - '0';

	wq_buf_init(&b);
	xhtml_head(bk, &b, bk->lang, bk->dir, contents, "");
	wq_buf_puts(&b,
	    "<body>\n<nav epub:type=\"toc\" id=\"toc\" "
	    "role=\"doc-toc\">\n<h1>");
	put_esc(&b, contents);
	wq_buf_puts(&b, "</h1>\n<ol>\n");
	for (i = 0; i < n; i++) {
		const wq_node *s = wq_doc_section(bk->doc, i);
		const wq_node *first = wq_node_first_child(s);
		struct nav_state st = { { 0 }, 0 };

		href_of(bk, s, href);
		nav_label(&b, href, NULL, wq_section_title(s),
		    wq_node_effective_lang(s), bk->lang, bk->dir);
		remember(bk, href, NULL, wq_section_title(s), 1);
		/* A first heading is the chapter's title, already listed,
		 * unless the chapter has its title above it. */
		nav_headings(
		    bk, &b, s, &st, writes_title(s) ? NULL : first, depth - 1);
		while (st.depth > 0) {
			wq_buf_puts(&b, "</li>\n</ol>\n");
			st.depth--;
		}
		wq_buf_puts(&b, "</li>\n");
	}
	wq_buf_puts(&b, "</ol>\n</nav>\n");
	page_list(bk, &b);
	wq_buf_puts(&b,
	    "<nav epub:type=\"landmarks\" "
	    "id=\"landmarks\" hidden=\"hidden\">\n<h2>");
	put_esc(&b, wq_l10n(bk->lang, "landmarks"));
	wq_buf_puts(&b, "</h2>\n<ol>\n");
	if (has_cover) {
		wq_buf_puts(&b,
		    "<li><a epub:type=\"cover\" href=\"text/cover.xhtml\">");
		put_esc(&b, wq_l10n(bk->lang, "cover"));
		wq_buf_puts(&b, "</a></li>\n");
	}
	wq_buf_puts(&b, "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">");
	put_esc(&b, contents);
	wq_buf_puts(&b,
	    "</a></li>\n<li><a epub:type=\"bodymatter\" "
	    "href=\"text/ch001.xhtml\">");
	put_esc(&b, wq_l10n(bk->lang, "start"));
	wq_buf_puts(&b, "</a></li>\n</ol>\n</nav>\n</body>\n</html>\n");
	rc = pack_add_buf(bk, "EPUB/nav.xhtml", &b, 0);
	wq_buf_free(&b);
	return rc;
}
