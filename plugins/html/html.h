/*
 * html.h - what the two halves of the html plugin share.
 */
#ifndef WQ_HTML_PLUGIN_H
#define WQ_HTML_PLUGIN_H

#include <warraq/plugin.h>

/* read.c: the reader's probe() and read(). */
int html_probe(const char *data, size_t len);
int html_read(wq_node *parent, const char *data, size_t len,
    enum wq_read_mode mode, wq_read_ctx *ctx, struct wq_err *err);

#endif
