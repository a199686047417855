/*
 * paths.c - where a text's local resources are: remote, or on disk
 * relative to the text that references it.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int
wq_url_is_remote(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0 ||
	    strncmp(url, "//", 2) == 0 || strncasecmp(url, "ftp://", 6) == 0;
}

int
wq_image_path(const wq_node *img, struct wq_buf *out)
{
	const char *url = wq_node_url(img), *file, *slash;
	const wq_node *sec = wq_node_section(img);

	if (url == NULL || *url == '\0' || wq_url_is_remote(url) ||
	    strncmp(url, "data:", 5) == 0 || strchr(url, ':') != NULL)
		return -1;
	file = sec ? wq_section_file(sec) : NULL;
	if (url[0] != '/' && file && (slash = strrchr(file, '/')) != NULL)
		wq_buf_put(out, file, (size_t)(slash - file) + 1);
	/* A URL, so %XX escapes stand for bytes; ?query and #fragment are
	 * not part of the file's name. */
	for (; *url && *url != '?' && *url != '#'; url++) {
		unsigned v;

		if (url[0] == '%' && url[1] && url[2] &&
		    sscanf(url + 1, "%2x", &v) == 1) {
			wq_buf_putc(out, (int)v);
			url += 2;
		} else {
			wq_buf_putc(out, *url);
		}
	}
	return 0;
}
