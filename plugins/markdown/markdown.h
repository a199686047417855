/*
 * markdown.h - what the two halves of the markdown plugin share.
 */
#ifndef WQ_MARKDOWN_H
#define WQ_MARKDOWN_H

#include <warraq/plugin.h>

/* read.c: the reader's read(). */
int md_read(wq_node *parent, const char *data, size_t len,
    enum wq_read_mode mode, wq_read_ctx *ctx, struct wq_err *err);

#endif
