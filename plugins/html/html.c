/*
 * html.c - the "html" writer: one standalone HTML5 document, with an
 * <article> per source text and, for several, a table of contents.
 * lang and dir on <html>, per-block dir only where it differs,
 * opposite-direction runs as <span dir lang>, no bidi controls
 * (docs/design.md, "Direction").
 */
#include "html.h"

#include <string.h>

/* The metadata that holds 'key' for the book: the command line's, else
 * the only text's; NULL if neither has it. */
static const wq_meta *
book_meta_map(const wq_doc *doc, const char *key)
{
	const wq_meta *m = wq_doc_meta(doc);

	if (wq_meta_find(m, key) < 0 && wq_doc_section_count(doc) == 1)
		m = wq_section_meta(wq_doc_section(doc, 0));
	return wq_meta_find(m, key) >= 0 ? m : NULL;
}

static const char *
book_meta(const wq_doc *doc, const char *key)
{
	const wq_meta *m = book_meta_map(doc, key);

	return m ? wq_meta_get(m, key) : NULL;
}

static void
put_meta_tag(struct wq_buf *b, const char *name, const char *content)
{
	wq_buf_printf(b, "<meta name=\"%s\" content=\"", name);
	wq_buf_put_xml(b, content, strlen(content));
	wq_buf_puts(b, "\">\n");
}

/* A <meta> per value of 'key' (sep NULL), or one with the values joined
 * by 'sep'. */
static void
put_list_meta(struct wq_buf *b, const wq_doc *doc, const char *key,
    const char *name, const char *sep)
{
	const wq_meta *m = book_meta_map(doc, key);
	struct wq_buf v;
	size_t i, j;

	if (m == NULL)
		return;
	i = (size_t)wq_meta_find(m, key);
	if (sep == NULL) {
		for (j = 0; j < wq_meta_nvalues(m, i); j++)
			put_meta_tag(b, name, wq_meta_value(m, i, j));
		return;
	}
	wq_buf_init(&v);
	for (j = 0; j < wq_meta_nvalues(m, i); j++) {
		if (j)
			wq_buf_puts(&v, sep);
		wq_buf_puts(&v, wq_meta_value(m, i, j));
	}
	if (v.len)
		put_meta_tag(b, name, v.data);
	wq_buf_free(&v);
}

static void
put_toc(struct wq_buf *b, const wq_doc *doc, const char *lang)
{
	size_t i, n = wq_doc_section_count(doc);

	wq_buf_printf(b,
	    "<nav id=\"toc\" role=\"doc-toc\">\n<h2>%s</h2>\n<ol>\n",
	    wq_l10n(lang, "contents"));
	for (i = 0; i < n; i++) {
		const wq_node *s = wq_doc_section(doc, i);
		const char *t = wq_section_title(s);

		wq_dir d = wq_label_dir(t, strlen(t), wq_node_effective_dir(s));

		/* A label that runs against the list gets its own direction,
		 * or "000_41e3..." would read backwards. */
		wq_buf_puts(b, "<li");
		if (d != WQ_DIR_UNSET)
			wq_buf_printf(b, " dir=\"%s\"", wq_dir_name(d));
		wq_buf_printf(b, "><a href=\"#%s\"", wq_node_id(s));
		wq_html_put_lang_dir(b, s, 0, 0);
		wq_buf_putc(b, '>');
		wq_buf_put_xml(b, t, strlen(t));
		wq_buf_puts(b, "</a></li>\n");
	}
	wq_buf_puts(b, "</ol>\n</nav>\n");
}

static int
starts_with_heading(const wq_node *s)
{
	const wq_node *c = wq_node_first_child(s);

	return c && wq_node_type_of(c) == WQ_NODE_HEADING;
}

static void
warn(void *arg, const char *file, unsigned long line, unsigned long col,
    const char *code, const char *msg)
{
	wq_opts_warn(arg, file, line, col, code, "%s", msg);
}

static int
html_write(const wq_doc *doc, const wq_opts *opts, struct wq_sink *out,
    struct wq_err *err)
{
	const wq_node *root = wq_doc_root(doc);
	const char *lang = wq_node_lang(root);
	const char *title = wq_doc_title(doc), *v;
	size_t i, n = wq_doc_section_count(doc);
	struct wq_html_opts ho = { 0, warn, (void *)opts, NULL, NULL, NULL, out,
		err };
	struct wq_buf b;
	int rc = 0;

	wq_opts_warn_unused_meta(
	    opts, doc, "html", "author authors description keywords");
	wq_buf_init(&b);
	wq_buf_puts(&b, "<!DOCTYPE html>\n<html");
	wq_html_put_lang_dir(&b, root, 0, 1);
	wq_buf_puts(&b,
	    ">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n");
	put_meta_tag(&b, "generator", "warraq " WQ_VERSION);
	put_list_meta(&b, doc, "author", "author", NULL);
	if ((v = book_meta(doc, "description")) != NULL)
		put_meta_tag(&b, "description", v);
	put_list_meta(&b, doc, "keywords", "keywords", ", ");
	wq_buf_puts(&b, "<title>");
	wq_buf_put_xml(&b, title, strlen(title));
	wq_buf_puts(&b, "</title>\n<style>\n");
	wq_html_put_stylesheet(&b, lang, NULL, 0);
	wq_buf_puts(&b, "</style>\n");
	/* --css: the publisher's, after ours so that it wins (as pandoc,
	 * a link to the file as given). */
	for (i = 0; i < wq_opts_count(opts, "css"); i++) {
		wq_buf_puts(&b, "<link rel=\"stylesheet\" href=\"");
		wq_html_put_url(&b, wq_opts_nth(opts, "css", i));
		wq_buf_puts(&b, "\">\n");
	}
	wq_buf_puts(&b, "</head>\n<body>\n");
	if (n > 1)
		put_toc(&b, doc, lang);
	for (i = 0; i < n && rc == 0; i++) {
		const wq_node *s = wq_doc_section(doc, i);

		wq_buf_printf(&b, "<article id=\"%s\"", wq_node_id(s));
		wq_html_put_lang_dir(&b, s, 0, 0);
		wq_buf_puts(&b, ">\n");
		/* A chapter needs a heading; a lone text only shows a title
		 * its metadata gives, never its file name. A text whose
		 * sections start at "##" under such a title gets it too. */
		ho.flags = n > 1 ? WQ_HTML_AFTER_TITLE : 0;
		if ((!starts_with_heading(s) &&
			(n > 1 || wq_meta_get(wq_section_meta(s), "title"))) ||
		    wq_html_title_above(s)) {
			wq_html_put_title_heading(&b, s);
			ho.flags = WQ_HTML_AFTER_TITLE;
		}
		rc = wq_html_render_blocks(s, &ho, &b);
		wq_buf_puts(&b, "</article>\n");
	}
	wq_buf_puts(&b, "</body>\n</html>\n");
	if (rc == 0)
		rc = wq_sink_put_buf(out, &b, err);
	wq_buf_free(&b);
	return rc;
}

static const struct wq_reader reader = {
	sizeof(struct wq_reader),
	"html htm xhtml",
	"text/html application/xhtml+xml",
	html_probe,
	html_read,
};

static const struct wq_writer writer = {
	sizeof(struct wq_writer),
	"html htm xhtml",
	"text/html",
	WQ_WRITER_NO_DIGESTS,
	html_write,
	"css",
};

static const struct wq_plugin html = {
	WQ_PLUGIN_ABI,
	sizeof(struct wq_plugin),
	"html",
	"html5",
	"HTML pages and fragments in; standalone HTML5 out, right-to-left "
	"aware",
	&reader,
	&writer,
};

WQ_API const struct wq_plugin *
warraq_plugin(void)
{
	return &html;
}
