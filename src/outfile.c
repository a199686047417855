/*
 * outfile.c - outputs written to a temporary file and renamed into place.
 */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct wq_outfile {
	int fd;
	int own_fd;	  /* opened here (a device or pipe): close it */
	char *path, *tmp; /* tmp is NULL when writing straight to the target */
	char buf[65536];
	size_t len;
};

static int
write_all(wq_outfile *f, const char *data, size_t len, struct wq_err *err)
{
	size_t off = 0;

	while (off < len) {
		ssize_t n = write(f->fd, data + off, len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return wq_err_set(
			    err, WQ_EIO, f->path, 0, 0, "%s", strerror(errno));
		off += (size_t)n;
	}
	return 0;
}

static int
flush(wq_outfile *f, struct wq_err *err)
{
	int rc = write_all(f, f->buf, f->len, err);

	f->len = 0;
	return rc;
}

static int
put(void *arg, const void *data, size_t len, struct wq_err *err)
{
	wq_outfile *f = arg;
	int rc;

	if (f->len + len > sizeof(f->buf) && (rc = flush(f, err)) != 0)
		return rc;
	if (len > sizeof(f->buf))
		return write_all(f, data, len, err);
	memcpy(f->buf + f->len, data, len);
	f->len += len;
	return 0;
}

wq_outfile *
wq_outfile_open(const char *path, struct wq_sink *out, struct wq_err *err)
{
	/* Not calloc: the buffer's pages are touched only as it fills. */
	wq_outfile *f = wq_xmalloc(sizeof(*f));
	const char *slash;
	size_t dirlen;
	struct stat st;

	f->own_fd = 0;
	f->tmp = NULL;
	f->len = 0;
	/* A symlink is written through: its target is replaced, the link
	 * stays (it was replaced by a regular file before). */
	if (strcmp(path, "-") != 0 && lstat(path, &st) == 0 &&
	    S_ISLNK(st.st_mode)) {
		char *real = realpath(path, NULL);

		if (real == NULL) {
			wq_err_set(err, WQ_EIO, path, 0, 0,
			    "a symlink to nothing: not written");
			f->path = NULL;
			goto fail;
		}
		f->path = real;
		path = f->path;
	} else {
		f->path = wq_xstrdup(path);
	}
	if (strcmp(path, "-") == 0) {
		f->fd = STDOUT_FILENO;
	} else if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		/* A device, pipe or socket (-o /dev/stdout, a FIFO): it cannot
		 * be replaced by a rename, and must not be. */
		if (S_ISDIR(st.st_mode)) {
			wq_err_set(err, WQ_EIO, path, 0, 0, "is a directory");
			goto fail;
		}
		f->fd = open(path, O_WRONLY | O_CLOEXEC);
		if (f->fd < 0) {
			wq_err_set(
			    err, WQ_EIO, path, 0, 0, "%s", strerror(errno));
			goto fail;
		}
		f->own_fd = 1;
	} else {
		/* The temporary file sits beside the target, so rename() is
		 * atomic; its name starts with a dot and ends in random
		 * letters from mkstemp. */
		slash = strrchr(path, '/');
		dirlen = slash ? (size_t)(slash - path) + 1 : 0;
		f->tmp = wq_xmalloc(strlen(path) + 16);
		memcpy(f->tmp, path, dirlen);
		/* The name grows by 8 bytes: a target near the file system's
		 * limit (255) gets a temporary name cut short. */
		sprintf(f->tmp + dirlen, ".%.*s.XXXXXX",
		    strlen(path + dirlen) > 200 ? 200
						: (int)strlen(path + dirlen),
		    path + dirlen);
		f->fd = mkstemp(f->tmp);
		if (f->fd < 0) {
			wq_err_set(
			    err, WQ_EIO, path, 0, 0, "%s", strerror(errno));
			free(f->tmp);
			f->tmp = NULL;
			goto fail;
		}
		/* mkstemp makes 0600; outputs are ordinary files. */
		{
			mode_t mask = umask(0);

			umask(mask);
			fchmod(f->fd, 0666 & ~mask);
		}
	}
	out->write = put;
	out->arg = f;
	return f;
fail:
	free(f->path);
	free(f);
	return NULL;
}

int
wq_outfile_commit(wq_outfile *f, struct wq_err *err)
{
	int rc = flush(f, err);

	if (f->tmp == NULL) {
		if (f->own_fd && close(f->fd) != 0 && rc == 0)
			rc = wq_err_set(
			    err, WQ_EIO, f->path, 0, 0, "%s", strerror(errno));
		free(f->path);
		free(f);
		return rc;
	}
	/* No fsync: the rename makes the output appear whole or not at all
	 * to every reader, which is what a failed or killed run must not
	 * break; surviving a power cut is the file system's and the build's
	 * business (as for cc, make or pandoc). One per output made batches
	 * wait on the disk: 1,000 outputs took 0.9 s, of which 0.25 s CPU. */
	if (close(f->fd) != 0 && rc == 0)
		rc = wq_err_set(
		    err, WQ_EIO, f->path, 0, 0, "%s", strerror(errno));
	f->fd = -1;
	if (rc == 0 && rename(f->tmp, f->path) != 0)
		rc = wq_err_set(
		    err, WQ_EIO, f->path, 0, 0, "%s", strerror(errno));
	if (rc != 0)
		unlink(f->tmp);
	free(f->tmp);
	free(f->path);
	free(f);
	return rc;
}

void
wq_outfile_abort(wq_outfile *f)
{
	if (f == NULL)
		return;
	if (f->tmp) {
		if (f->fd >= 0)
			close(f->fd);
		unlink(f->tmp);
		free(f->tmp);
	} else if (f->own_fd) {
		close(f->fd);
	}
	free(f->path);
	free(f);
}

const char *
wq_outfile_temp_path(const wq_outfile *f)
{
	return f ? f->tmp : NULL;
}

/* ---- sinks ---- */

int
wq_sink_write(
    struct wq_sink *out, const void *data, size_t len, struct wq_err *err)
{
	return len ? out->write(out->arg, data, len, err) : 0;
}

int
wq_sink_put_buf(struct wq_sink *out, const struct wq_buf *b, struct wq_err *err)
{
	return wq_sink_write(out, b->data, b->len, err);
}

static int
to_buf(void *arg, const void *data, size_t len, struct wq_err *err)
{
	(void)err;
	wq_buf_put(arg, data, len);
	return 0;
}

void
wq_sink_to_buf(struct wq_sink *out, struct wq_buf *b)
{
	out->write = to_buf;
	out->arg = b;
}
