/*
 * par.c - a function run on a second thread while the caller works, or
 * in the caller's own time where there is no second CPU or thread.
 */
#include "internal.h"

static void *
trampoline(void *arg)
{
	struct par *p = arg;

	p->fn(p->arg);
	return NULL;
}

void
par_start(struct par *p, void (*fn)(void *), void *arg)
{
	p->fn = fn;
	p->arg = arg;
	p->started = wq_cpus() > 1 &&
	    pthread_create(&p->thread, NULL, trampoline, p) == 0;
}

void
par_join(struct par *p)
{
	if (p->fn == NULL)
		return;
	if (p->started)
		pthread_join(p->thread, NULL);
	else
		p->fn(p->arg);
	p->fn = NULL;
}

struct par_for {
	size_t n;
	atomic_size_t next;
	void (*fn)(size_t i, void *arg);
	void *arg;
};

static void
claim(void *arg)
{
	struct par_for *f = arg;
	size_t i;

	while ((i = atomic_fetch_add(&f->next, 1)) < f->n)
		f->fn(i, f->arg);
}

void
par_for(size_t n, void (*fn)(size_t i, void *arg), void *arg)
{
	struct par_for f = { n, 0, fn, arg };
	struct par p = { 0 };

	/* Each thread takes the next piece when done with its last: a
	 * thread that starts late (a second CPU can take a millisecond to
	 * wake) takes fewer. */
	if (n > 1)
		par_start(&p, claim, &f);
	claim(&f);
	par_join(&p);
}
