/*
 * render.c - cmark renders the pieces of a long text while the writer
 * builds the next ones from the model.
 *
 * cmark's CommonMark renderer took two thirds of the Markdown writer's
 * time (80 of 120 ms on a 10 MB text, bench/NOTES.md). Each piece is a
 * cmark document of its own, rendered on its own, so with a second core
 * a worker thread renders the oldest pieces while this thread builds the
 * next, and renders too when the queue is full. Pieces go out in their
 * order: the bytes are those one thread writes. A text of one piece, or
 * a machine of one core, never starts a thread.
 */
#include "markdown.h"

#include <stdlib.h>
#include <string.h>

static void
render_piece(struct md_render *r, size_t i)
{
	struct md_piece *p = &r->slot[i % MD_RENDER_SLOTS];

	p->body = cmark_render_commonmark(p->root, CMARK_OPT_DEFAULT, r->width);
}

static void *
worker(void *arg)
{
	struct md_render *r = arg;

	pthread_mutex_lock(&r->lock);
	for (;;) {
		size_t i;

		while (r->taken == r->queued && !r->stop)
			pthread_cond_wait(&r->cond, &r->lock);
		if (r->taken == r->queued)
			break;
		i = r->taken++;
		pthread_mutex_unlock(&r->lock);
		render_piece(r, i);
		pthread_mutex_lock(&r->lock);
		r->slot[i % MD_RENDER_SLOTS].done = 1;
		pthread_cond_broadcast(&r->cond);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

void
md_render_init(struct md_render *r, int width, struct wq_buf *b,
    struct wq_sink *out, struct wq_err *err)
{
	memset(r, 0, sizeof(*r));
	r->width = width;
	r->b = b;
	r->out = out;
	r->err = err;
}

static void
lock(struct md_render *r)
{
	if (r->threaded)
		pthread_mutex_lock(&r->lock);
}

static void
unlock(struct md_render *r)
{
	if (r->threaded)
		pthread_mutex_unlock(&r->lock);
}

/* Renders the next piece no thread has taken, here; after a failed write
 * it is only freed. Called with the lock held. */
static void
render_next(struct md_render *r)
{
	size_t i = r->taken++;
	struct md_piece *p = &r->slot[i % MD_RENDER_SLOTS];

	unlock(r);
	if (r->rc == 0)
		render_piece(r, i);
	lock(r);
	p->done = 1;
}

/* Sends the oldest piece, rendered; a blank line goes between pieces.
 * Called with the lock held. */
static void
send_oldest(struct md_render *r)
{
	struct md_piece *p = &r->slot[r->sent % MD_RENDER_SLOTS];
	cmark_node *root = p->root;
	char *body = p->body;

	p->root = NULL;
	p->body = NULL;
	p->done = 0;
	r->sent++;
	unlock(r);
	cmark_node_free(root);
	if (r->rc == 0 && body) {
		if (r->pieces++ > 0)
			wq_buf_putc(r->b, '\n');
		wq_buf_puts(r->b, body);
		r->rc = wq_sink_put_buf(r->out, r->b, r->err);
		r->b->len = 0;
	}
	free(body);
	lock(r);
}

/* Sends the pieces rendered at the front, and more until at most 'keep'
 * wait: this thread renders what no thread has taken rather than wait.
 * Called with the lock held. */
static void
drain(struct md_render *r, size_t keep)
{
	while (r->sent < r->queued) {
		if (r->slot[r->sent % MD_RENDER_SLOTS].done)
			send_oldest(r);
		else if (r->queued - r->sent <= keep)
			break;
		else if (r->taken < r->queued)
			render_next(r);
		else
			pthread_cond_wait(&r->cond, &r->lock);
	}
}

/* The thread starts with the second piece, where there are two cores. */
static void
start_thread(struct md_render *r)
{
	if (r->queued != 1 || wq_cpus() < 2)
		return;
	pthread_mutex_init(&r->lock, NULL);
	pthread_cond_init(&r->cond, NULL);
	if (pthread_create(&r->thread, NULL, worker, r) == 0) {
		r->threaded = 1;
		pthread_mutex_lock(&r->lock);
		return;
	}
	pthread_cond_destroy(&r->cond);
	pthread_mutex_destroy(&r->lock);
}

int
md_render_piece(struct md_render *r, cmark_node *root)
{
	if (cmark_node_first_child(root) == NULL) {
		cmark_node_free(root);
		return r->rc;
	}
	if (r->threaded)
		lock(r);
	else
		start_thread(r);
	r->slot[r->queued % MD_RENDER_SLOTS].root = root;
	r->queued++;
	if (r->threaded)
		pthread_cond_signal(&r->cond);
	/* Alone, a piece is rendered and sent at once. */
	drain(r, r->threaded ? MD_RENDER_SLOTS - 1 : 0);
	unlock(r);
	return r->rc;
}

int
md_render_end(struct md_render *r)
{
	if (!r->threaded)
		return r->rc;
	lock(r);
	drain(r, 0);
	r->stop = 1;
	pthread_cond_broadcast(&r->cond);
	pthread_mutex_unlock(&r->lock);
	pthread_join(r->thread, NULL);
	pthread_cond_destroy(&r->cond);
	pthread_mutex_destroy(&r->lock);
	return r->rc;
}
