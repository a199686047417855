/*
 * nav.c - the navigation document: the table of contents (texts, then
 * their headings nested by level), the page-list of printed pages, and
 * the landmarks, each label in its own direction (E7).
 */
#include "epub.h"

#include <stdio.h>
#include <string.h>

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

/* Nests the headings of a chapter below its entry, by level. */
static void
nav_headings(struct book *bk, struct wq_buf *b, const wq_node *n,
    const char *href, struct nav_state *st, const wq_node *skip)
{
	const wq_node *c;

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		int level;

		if (wq_node_type_of(c) != WQ_NODE_HEADING) {
			if (wq_node_is_block(c) &&
			    wq_node_type_of(c) != WQ_NODE_PARAGRAPH)
				nav_headings(bk, b, c, href, st, skip);
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
		nav_label(b, href, wq_node_id(c),
		    bk->scratch.data ? bk->scratch.data : "",
		    wq_node_effective_lang(c), bk->lang, bk->dir);
	}
}

/* The page breaks below 'n', each an entry of the page-list. */
static size_t
nav_pages(struct book *bk, struct wq_buf *b, const wq_node *n,
    const char *href, int volumes)
{
	const wq_node *c;
	size_t count = 0;

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		if (wq_node_type_of(c) == WQ_NODE_PAGE_BREAK) {
			wq_buf_printf(b, "<li><a href=\"%s#%s\">", href,
			    wq_node_id(c));
			if (volumes && wq_node_page_volume(c)) {
				wq_put_page_label(
				    b, bk->lang, wq_node_page_volume(c));
				wq_buf_putc(b, '/');
			}
			wq_put_page_label(b, bk->lang, wq_node_page(c));
			wq_buf_puts(b, "</a></li>\n");
			count++;
		} else if (wq_node_type_is_container(wq_node_type_of(c))) {
			count += nav_pages(bk, b, c, href, volumes);
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
	char href[64];

	for (i = 0; i < n && !volumes; i++)
		volumes = several_volumes(wq_doc_section(bk->doc, i), &vol);
	wq_buf_puts(b, "<nav epub:type=\"page-list\" id=\"page-list\" "
		       "hidden=\"hidden\">\n<h2>");
	put_esc(b, wq_l10n(bk->lang, "pages"));
	wq_buf_puts(b, "</h2>\n<ol>\n");
	for (i = 0; i < n; i++) {
		snprintf(href, sizeof(href), "text/ch%03zu.xhtml", i + 1);
		count += nav_pages(
		    bk, b, wq_doc_section(bk->doc, i), href, volumes);
	}
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
	struct wq_buf b;
	char href[64];
	int rc;

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

		snprintf(href, sizeof(href), "text/ch%03zu.xhtml", i + 1);
		nav_label(&b, href, NULL, wq_section_title(s),
		    wq_node_effective_lang(s), bk->lang, bk->dir);
		/* A first heading is the chapter's title, already listed,
		 * unless the chapter has its title above it. */
		nav_headings(
		    bk, &b, s, href, &st, writes_title(s) ? NULL : first);
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
	rc = add_buf(bk, "EPUB/nav.xhtml", &b);
	wq_buf_free(&b);
	return rc;
}

