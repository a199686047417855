/*
 * paths.c - where a text's local resources are: remote, or on disk
 * relative to the text that references it.
 */
#include "internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

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

/* The canonical directory of text file 'text' (symlinks resolved). */
static char *
text_dir(const char *text)
{
	const char *slash = text ? strrchr(text, '/') : NULL;
	char *dir, *real;

	if (slash == NULL)
		return realpath(".", NULL);
	dir = wq_xmalloc((size_t)(slash - text) + 2);
	memcpy(dir, text, (size_t)(slash - text) + 1);
	dir[slash - text + (slash == text)] = '\0';
	real = realpath(dir, NULL);
	free(dir);
	return real;
}

/* Whether canonical path 'real' lies in the tree of directory 'dir'. */
static int
inside(const char *real, const char *dir)
{
	size_t n = dir ? strlen(dir) : 0;

	return dir && strncmp(real, dir, n) == 0 &&
	    (real[n] == '/' || strcmp(dir, "/") == 0);
}

int
wq_resource_allowed_in(const char *text, const char *const *roots,
    const char *path, size_t max, const char **why)
{
	char *dir = text_dir(text), *real = realpath(path, NULL);
	struct stat st;
	size_t i;
	int rc = -1, in = 0;

	*why = NULL;
	if (real == NULL) { /* missing: the caller says so */
		rc = errno == ENOENT || errno == ENOTDIR ? 0 : -1;
		if (rc)
			*why = strerror(errno);
		goto out;
	}
	in = inside(real, dir);
	for (i = 0; !in && roots && roots[i]; i++) {
		char *root = realpath(roots[i], NULL);

		in = inside(real, root);
		free(root);
	}
	if (!in)
		*why = roots && roots[0] ? "outside the text's folder and the "
					   "--resource-path folders"
					 : "outside the text's folder";
	else if (stat(real, &st) != 0)
		*why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		*why = "not a regular file";
	else if ((unsigned long long)st.st_size > max)
		*why = "larger than the limit for a resource";
	else
		rc = 0;
out:
	free(dir);
	free(real);
	return rc;
}

int
wq_resource_allowed(
    const char *text, const char *path, size_t max, const char **why)
{
	return wq_resource_allowed_in(text, NULL, path, max, why);
}
