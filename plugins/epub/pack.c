/*
 * pack.c - the container's entries, compressed on every core.
 *
 * libzip compresses one entry after another when the archive is closed,
 * and deflate was 80% of a large book's time. So entries are queued as
 * the book is made; at the end each large one is deflated on a worker
 * thread into an archive of its own in memory, and libzip copies the
 * compressed bytes into the book without touching them again
 * (zip_source_zip() with the whole entry: "copied without decompressing
 * it"). Each entry is compressed alone, so the bytes are the same
 * whatever the number of threads.
 *
 * Entries are deflated a batch at a time as they come (once BATCH bytes
 * wait), and their bytes freed: a book of 100,000 headings has a 20 MB
 * toc.ncx and a 10 MB nav.xhtml, which need not be alive whole at once
 * with every chapter.
 */
#include "epub.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Below this an entry is left to libzip: a thread costs more than it
 * saves. A book with less than PARALLEL_MIN to compress uses none. */
#define ENTRY_MIN (32 * 1024)
#define PARALLEL_MIN (512 * 1024)
#define BATCH (4 * 1024 * 1024)
#define THREADS_MAX 8

struct pack_entry {
	char *name;
	void *data;
	size_t len;
	int store;
	zip_t *packed; /* the entry alone, deflated; NULL: not (yet) */
};

struct pack_queue {
	struct pack_entry *e;
	size_t n;
	int level;
	pthread_mutex_t lock;
	size_t next; /* the next entry a worker takes */
};

static void deflate_waiting(struct book *bk, int batch);

static int
worth_deflating_alone(const struct pack_entry *e)
{
	return !e->store && e->len >= ENTRY_MIN;
}

/* Queues 'data' (from malloc, now the queue's) as entry 'name'. */
static int
queue(struct book *bk, const char *name, void *data, size_t len, int store)
{
	struct pack_entry *e;

	if (bk->npack == bk->cappack) {
		bk->cappack = bk->cappack ? 2 * bk->cappack : 64;
		bk->pack =
		    wq_xrealloc(bk->pack, bk->cappack * sizeof(*bk->pack));
	}
	e = &bk->pack[bk->npack++];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	e->data = data;
	e->len = len;
	e->store = store;
	if (worth_deflating_alone(e) && (bk->pending += len) >= BATCH)
		deflate_waiting(bk, 1);
	return 0;
}

int
pack_add(
    struct book *bk, const char *name, const void *data, size_t len, int store)
{
	void *copy = wq_xmalloc(len ? len : 1);

	memcpy(copy, data, len);
	return queue(bk, name, copy, len, store);
}

int
pack_add_buf(struct book *bk, const char *name, struct wq_buf *b, int store)
{
	void *data = b->data ? b->data : wq_xmalloc(1);
	size_t len = b->len;

	wq_buf_init(b);
	return queue(bk, name, data, len, store);
}

/* Deflates one entry into an archive of its own; NULL if libzip fails
 * (the entry is then compressed by the book's own archive). */
static zip_t *
deflate_alone(const struct pack_entry *e, int level)
{
	zip_error_t ze;
	zip_source_t *mem, *src;
	zip_t *za, *done = NULL;

	zip_error_init(&ze);
	if ((mem = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL)
		goto out;
	if ((za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze)) == NULL) {
		zip_source_free(mem);
		goto out;
	}
	zip_source_keep(mem);
	if ((src = zip_source_buffer(za, e->data, e->len, 0)) == NULL ||
	    zip_file_add(za, "e", src, 0) < 0) {
		zip_source_free(src);
		zip_discard(za);
		zip_source_free(mem);
		goto out;
	}
	zip_set_file_compression(za, 0, ZIP_CM_DEFLATE, (zip_uint32_t)level);
	if (zip_close(za) != 0) {
		zip_discard(za);
		zip_source_free(mem);
		goto out;
	}
	done = zip_open_from_source(mem, ZIP_RDONLY, &ze);
	if (done == NULL)
		zip_source_free(mem);
out:
	zip_error_fini(&ze);
	return done;
}

/* Whether the entry waits to be deflated alone. */
static int
waiting(const struct pack_entry *e)
{
	return worth_deflating_alone(e) && e->packed == NULL && e->data;
}

static void *
worker(void *arg)
{
	struct pack_queue *q = arg;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&q->lock);
		while (q->next < q->n && !waiting(&q->e[q->next]))
			q->next++;
		i = q->next++;
		pthread_mutex_unlock(&q->lock);
		if (i >= q->n)
			return NULL;
		q->e[i].packed = deflate_alone(&q->e[i], q->level);
	}
}

/* Deflates the entries that wait, on every core, and frees their bytes
 * (an entry libzip failed to deflate keeps them, for the book's own
 * archive). A 'batch' is deflated whatever its size; at the end, what is
 * left is deflated here only if it is worth the threads, else by
 * libzip. */
static void
deflate_waiting(struct book *bk, int batch)
{
	struct pack_queue q;
	pthread_t tid[THREADS_MAX];
	size_t i, bytes = 0, big = 0, nthreads, started = 0;
	int cores = wq_cpus();

	for (i = 0; i < bk->npack; i++)
		if (waiting(&bk->pack[i])) {
			bytes += bk->pack[i].len;
			big++;
		}
	bk->pending = 0;
	if (bk->level == 0 || big == 0 ||
	    (!batch && (bytes < PARALLEL_MIN || cores < 2)))
		return;
	nthreads = (size_t)cores;
	if (nthreads > THREADS_MAX)
		nthreads = THREADS_MAX;
	if (nthreads > big)
		nthreads = big;
	q.e = bk->pack;
	q.n = bk->npack;
	q.level = bk->level;
	q.next = 0;
	pthread_mutex_init(&q.lock, NULL);
	/* This thread is one of the workers. */
	for (i = 1; i < nthreads; i++)
		if (pthread_create(&tid[started], NULL, worker, &q) == 0)
			started++;
	worker(&q);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&q.lock);
	for (i = 0; i < bk->npack; i++)
		if (bk->pack[i].packed && bk->pack[i].data) {
			free(bk->pack[i].data);
			bk->pack[i].data = NULL;
		}
}

int
pack_finish(struct book *bk)
{
	size_t i;

	deflate_waiting(bk, 0);
	for (i = 0; i < bk->npack; i++) {
		struct pack_entry *e = &bk->pack[i];
		zip_source_t *src;
		zip_int64_t idx;

		if (e->packed)
			src = zip_source_zip(bk->za, e->packed, 0, 0, 0, -1);
		else
			src = zip_source_buffer(bk->za, e->data, e->len, 0);
		if (src == NULL ||
		    (idx = zip_file_add(
			 bk->za, e->name, src, ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(src);
			return wq_err_set(bk->err, WQ_EPLUGIN, e->name, 0, 0,
			    "zip: %s", zip_strerror(bk->za));
		}
		/* A deflated entry keeps its method: libzip copies it. */
		if (e->packed)
			;
		else if (e->store || bk->level == 0)
			zip_set_file_compression(
			    bk->za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
		else
			zip_set_file_compression(bk->za, (zip_uint64_t)idx,
			    ZIP_CM_DEFLATE, (zip_uint32_t)bk->level);
		zip_file_set_mtime(bk->za, (zip_uint64_t)idx, bk->mtime, 0);
	}
	return 0;
}

/* After the book's archive is closed or discarded: the entries' bytes
 * and their own archives were in use until then. */
void
pack_free(struct book *bk)
{
	size_t i;

	for (i = 0; i < bk->npack; i++) {
		if (bk->pack[i].packed)
			zip_discard(bk->pack[i].packed);
		free(bk->pack[i].name);
		free(bk->pack[i].data);
	}
	free(bk->pack);
	bk->pack = NULL;
	bk->npack = bk->cappack = 0;
}
