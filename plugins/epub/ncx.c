/*
 * ncx.c - the EPUB 2 table of contents (toc.ncx), beside the EPUB 3
 * navigation document, for reading systems that know only the older one:
 * the same entries as nav.xhtml's (nav.c records them), nested by depth.
 */
#include "epub.h"

#include <stdio.h>
#include <string.h>

int
epub_ncx(struct book *bk, const char *uid)
{
	struct wq_buf b;
	size_t i;
	int depth = 0, most = 0, rc;

	for (i = 0; i < bk->ntoc; i++)
		if (bk->toc[i].depth > most)
			most = bk->toc[i].depth;
	wq_buf_init(&b);
	wq_buf_puts(&b,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" "
	    "version=\"2005-1\"");
	if (bk->lang) {
		wq_buf_puts(&b, " xml:lang=\"");
		put_esc(&b, bk->lang);
		wq_buf_putc(&b, '"');
	}
	wq_buf_printf(&b,
	    " dir=\"%s\">\n<head>\n<meta name=\"dtb:uid\" content=\"",
	    wq_dir_name(bk->dir));
	put_esc(&b, uid);
	wq_buf_printf(&b,
	    "\" />\n<meta name=\"dtb:depth\" content=\"%d\" />\n"
	    "<meta name=\"dtb:totalPageCount\" content=\"0\" />\n"
	    "<meta name=\"dtb:maxPageNumber\" content=\"0\" />\n"
	    "</head>\n<docTitle><text>",
	    most ? most : 1);
	put_esc(&b, book_title(bk));
	wq_buf_puts(&b, "</text></docTitle>\n<navMap>\n");
	for (i = 0; i < bk->ntoc; i++) {
		const struct toc_entry *e = &bk->toc[i];

		/* Close the points this one is not inside. */
		for (; depth >= e->depth; depth--)
			wq_buf_puts(&b, "</navPoint>\n");
		wq_buf_printf(&b,
		    "<navPoint id=\"np%zu\" playOrder=\"%zu\"><navLabel><text>",
		    i + 1, i + 1);
		put_esc(&b, e->label);
		wq_buf_puts(&b, "</text></navLabel><content src=\"");
		put_esc(&b, e->href);
		wq_buf_puts(&b, "\" />\n");
		depth = e->depth;
	}
	for (; depth > 0; depth--)
		wq_buf_puts(&b, "</navPoint>\n");
	wq_buf_puts(&b, "</navMap>\n</ncx>\n");
	rc = pack_add_buf(bk, "EPUB/toc.ncx", &b, 0);
	wq_buf_free(&b);
	return rc;
}
