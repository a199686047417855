/*
 * plugin_index.c - which plugins of a folder have no reader, so that a
 * run loads them only when it writes with one.
 *
 * Loading a plugin maps its libraries: the epub writer's fourteen
 * (libzip, libcrypto, FreeType, libmagic...) took 2.5 of the 6.5 ms the
 * seeds take to HTML. Every reader is needed (any may claim a file by its
 * content); a writer only once chosen. `warraq --write-plugin-index DIR`
 * (run by make and make install, as fc-cache is for fonts) records each
 * file's size, modification time and roles; an entry counts only while
 * its file still has that size and time, so a new or rebuilt plugin is
 * loaded at start as before.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define INDEX_MAGIC "warraq-plugin-index 2"

int
plugin_index_read(const char *dir, struct plugin_index *idx)
{
	char path[4096], line[512];
	struct stat st;
	FILE *f;

	memset(idx, 0, sizeof(*idx));
	snprintf(path, sizeof(path), "%s/%s", dir, PLUGIN_INDEX_FILE);
	/* Anyone who may write it could hide a reader: then it is not used. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (st.st_mode & S_IWOTH) || (f = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(line, sizeof(line), f) == NULL ||
	    strcmp(line, INDEX_MAGIC "\n") != 0) {
		fclose(f);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		struct plugin_index_entry e;
		char *field[6], *p = line;
		size_t n = 0;

		if (strchr(line, '\n') == NULL) { /* too long: not ours */
			int ch;

			while ((ch = fgetc(f)) != EOF && ch != '\n')
				;
			continue;
		}
		line[strcspn(line, "\n")] = '\0';
		while (n < 6 && (field[n] = strsep(&p, "\t")) != NULL)
			n++;
		memset(&e, 0, sizeof(e));
		/* A line it does not understand is not used. */
		if (n != 6 || strlen(field[0]) >= sizeof(e.file) ||
		    strlen(field[4]) >= sizeof(e.aliases) ||
		    strlen(field[5]) >= sizeof(e.extensions) ||
		    sscanf(field[1], "%lld", &e.size) != 1 ||
		    sscanf(field[2], "%lld.%lld", &e.sec, &e.nsec) != 2)
			continue;
		strcpy(e.file, field[0]);
		e.reader = strcmp(field[3], "writer") != 0;
		strcpy(e.aliases, field[4]);
		strcpy(e.extensions, field[5]);
		if (idx->n == idx->cap) {
			idx->cap = idx->cap ? 2 * idx->cap : 16;
			idx->e =
			    wq_xrealloc(idx->e, idx->cap * sizeof(*idx->e));
		}
		idx->e[idx->n++] = e;
	}
	fclose(f);
	return 0;
}

const struct plugin_index_entry *
plugin_index_writer_only(
    const struct plugin_index *idx, const char *file, const struct stat *st)
{
	size_t i;

	for (i = 0; i < idx->n; i++) {
		const struct plugin_index_entry *e = &idx->e[i];

		if (strcmp(e->file, file) == 0)
			return !e->reader &&
				e->size == (long long)st->st_size &&
				e->sec == (long long)st->st_mtim.tv_sec &&
				e->nsec == (long long)st->st_mtim.tv_nsec
			    ? e
			    : NULL;
	}
	return NULL;
}

void
plugin_index_free(struct plugin_index *idx)
{
	free(idx->e);
	memset(idx, 0, sizeof(*idx));
}

int
wq_plugin_index_write(const char *dir, struct wq_err *err)
{
	const char *dirs[2] = { dir, NULL };
	wq_plugin_set *set = plugin_set_open(dirs, 0, 0);
	char path[4096];
	size_t i, n = wq_plugin_set_count(set);
	struct wq_sink sink;
	struct wq_buf b;
	wq_outfile *out;
	int rc;

	wq_buf_init(&b);
	wq_buf_puts(&b, INDEX_MAGIC "\n");
	for (i = 0; i < n; i++) {
		const char *file, *base;
		const struct wq_plugin *p =
		    wq_plugin_set_get(set, i, &file, NULL);
		struct stat st;

		/* Broken files are left out: loaded at start, they say why. */
		if (p == NULL || stat(file, &st) != 0)
			continue;
		base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
		/* What finding it by alias or extension needs, without it. */
		wq_buf_printf(&b, "%s\t%lld\t%lld.%09lld\t%s\t%s\t%s\n", base,
		    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		    (long long)st.st_mtim.tv_nsec,
		    p->reader && p->writer ? "reader,writer"
			: p->reader	   ? "reader"
					   : "writer",
		    p->aliases ? p->aliases : "",
		    p->writer && p->writer->extensions ? p->writer->extensions
						       : "");
	}
	wq_plugin_set_free(set);
	/* Replaced whole, as an output is; 0644 whatever the umask, since
	 * an index anyone may write is not used. */
	snprintf(path, sizeof(path), "%s/%s", dir, PLUGIN_INDEX_FILE);
	if ((out = wq_outfile_open(path, &sink, err)) == NULL) {
		wq_buf_free(&b);
		return -err->code;
	}
	rc = wq_sink_put_buf(&sink, &b, err);
	if (rc == 0 && chmod(wq_outfile_temp_path(out), 0644) != 0)
		rc = wq_err_set(err, WQ_EIO, path, 0, 0, "%s", strerror(errno));
	if (rc == 0)
		rc = wq_outfile_commit(out, err);
	else
		wq_outfile_abort(out);
	wq_buf_free(&b);
	return rc;
}
