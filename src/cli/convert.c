/*
 * convert.c - reading the texts and writing the outputs: one output from
 * all inputs, or one per input in parallel (-O, -j), with temporary files
 * that an interrupted run removes.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t temps_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- interrupted runs leave no temporary files ----
 *
 * With several threads (a batch), every thread blocks the terminating
 * signals; one thread waits for them with sigwait() and, holding the lock
 * under which outputs are created and registered, removes the temporary
 * files and exits. With one thread, a handler does the same, and the
 * signals are blocked while outputs are created and registered: starting
 * a thread for this cost 0.8 ms of a 7 ms conversion (and glibc's faster
 * single-threaded paths). Either way no output can be half-registered
 * when they are looked at, and only unlink() and _exit() run. */

#define MAX_TEMPS 64
#define TEMP_NAME (PATH_MAX + 32)
static char *temps[MAX_TEMPS];
/* Their names, kept without allocating: a temporary file is made before
 * it is registered, and running out of memory in between would leave it
 * where the handler cannot see it. */
static char temp_names[MAX_TEMPS][TEMP_NAME];

/* Registers (on) or forgets a temporary file. Call with temps_lock. */
static void
track_locked(const char *tmp, int on)
{
	size_t i;

	for (i = 0; tmp && i < MAX_TEMPS; i++) {
		if (on && temps[i] == NULL) {
			snprintf(temp_names[i], TEMP_NAME, "%s", tmp);
			temps[i] = temp_names[i];
			return;
		}
		if (!on && temps[i] && strcmp(temps[i], tmp) == 0) {
			temps[i] = NULL;
			return;
		}
	}
}

static void
signal_set(sigset_t *s)
{
	sigemptyset(s);
	sigaddset(s, SIGINT);
	sigaddset(s, SIGTERM);
	sigaddset(s, SIGHUP);
}

static pthread_t waiter;
static int waiting; /* a thread waits for the signals */

/* Enters and leaves the section where temporary files are created and
 * registered: under the lock, and with one thread, the signals blocked. */
static void
temps_enter(sigset_t *old)
{
	sigset_t s;

	if (!waiting) {
		signal_set(&s);
		pthread_sigmask(SIG_BLOCK, &s, old);
	}
	pthread_mutex_lock(&temps_lock);
}

static void
temps_leave(const sigset_t *old)
{
	pthread_mutex_unlock(&temps_lock);
	if (!waiting)
		pthread_sigmask(SIG_SETMASK, old, NULL);
}

static void
remove_temps(void)
{
	size_t i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i])
			unlink(temps[i]);
}

/* Out of memory anywhere (wq_set_oom_handler): one line, no temporary
 * file left, exit 4. Only write(), unlink() and _exit(): the heap is
 * what failed. */
void
on_out_of_memory(size_t bytes)
{
	static const char msg[] = "warraq: out of memory; no output written\n";

	(void)bytes;
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0) {
		/* nothing more to say */
	}
	remove_temps();
	_exit(EXIT_IO);
}

static void
on_signal(int sig)
{
	remove_temps();
	_exit(128 + sig);
}

static atomic_int stopping; /* set when the waiting thread is to end */

static void *
signal_thread(void *arg)
{
	sigset_t s;
	int sig = 0;

	(void)arg;
	signal_set(&s);
	sigwait(&s, &sig);
	if (atomic_load(&stopping))
		return NULL; /* woken by release_signals(): the run is over */
	pthread_mutex_lock(&temps_lock);
	remove_temps();
	_exit(128 + sig);
	return NULL;
}

void
catch_signals(int threads)
{
	struct sigaction sa;
	sigset_t s;

	/* A closed pipe is an I/O error to report, not a reason to die. */
	signal(SIGPIPE, SIG_IGN);
	signal_set(&s);
	if (threads) {
		pthread_sigmask(SIG_BLOCK, &s, NULL);
		waiting =
		    pthread_create(&waiter, NULL, signal_thread, NULL) == 0;
		if (waiting)
			return;
		pthread_sigmask(SIG_UNBLOCK, &s, NULL);
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigfillset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Stops the waiting thread by sending it one of its signals with
 * 'stopping' set. Not pthread_cancel: cancelling loads libgcc_s to unwind
 * the thread, 0.7 ms of an 8 ms conversion. A signal from outside that
 * arrives now finds every output already in place. */
void
release_signals(void)
{
	if (!waiting)
		return;
	atomic_store(&stopping, 1);
	pthread_kill(waiter, SIGTERM);
	pthread_join(waiter, NULL);
	waiting = 0;
}

/* How to load texts for 'writer' (NULL: only to check them). */
static void
load_opts(const struct cli *c, const struct wq_plugin *writer,
    struct wq_load_opts *lo)
{
	memset(lo, 0, sizeof(*lo));
	lo->readers = wq_plugin_set_readers(c->plugins);
	lo->reader = c->from;
	lo->reader_opts = c->wopts;
	lo->lang = c->lang;
	lo->dir = c->dir;
	lo->no_infer = c->no_infer;
	lo->latin_lang = c->latin_lang;
	lo->warn = warn_cb;
	lo->warn_arg = (void *)c;
	lo->no_digest = writer == NULL ||
	    (writer->writer->flags & WQ_WRITER_NO_DIGESTS) != 0;
}

/* Makes directory 'dir' and those above it that are missing (mkdir -p). */
static int
make_dirs(const char *dir, struct wq_err *err)
{
	char path[PATH_MAX], *p, was;
	struct stat st;

	if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path))
		return wq_err_set(err, WQ_EIO, dir, 0, 0, "path too long");
	for (p = path + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		was = *p;
		*p = '\0';
		if (stat(path, &st) != 0 && mkdir(path, 0777) != 0 &&
		    errno != EEXIST)
			return wq_err_set(err, WQ_EIO, path, 0, 0,
			    "cannot create the output's directory: %s",
			    strerror(errno));
		if ((*p = was) == '\0')
			break;
	}
	return 0;
}

/* The output's directory, made when missing (as -O DIR is). */
static int
make_parent(const char *path, struct wq_err *err)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');

	if (strcmp(path, "-") == 0 || slash == NULL || slash == path)
		return 0;
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	return make_dirs(dir, err);
}

/* Writes 'doc' with plugin 'p' to 'path' ("-" for standard output). */
static int
write_doc(const struct cli *c, const struct wq_plugin *p, wq_doc *doc,
    const char *path, struct wq_err *err)
{
	struct wq_sink sink;
	char tmp[TEMP_NAME] = "";
	sigset_t mask;
	wq_outfile *f;
	int rc;

	wq_meta_merge(wq_doc_meta(doc), c->cli_meta, 1);
	if (make_parent(path, err) != 0)
		return -err->code;
	temps_enter(&mask);
	f = wq_outfile_open(path, &sink, err);
	if (f)
		snprintf(tmp, sizeof(tmp), "%s",
		    wq_outfile_temp_path(f) ? wq_outfile_temp_path(f) : "");
	if (f && tmp[0])
		track_locked(tmp, 1);
	temps_leave(&mask);
	if (f == NULL)
		return -err->code;
	rc = p->writer->write(doc, c->wopts, &sink, err);
	if (rc != 0) {
		if (err->code == 0)
			wq_err_set(
			    err, WQ_EPLUGIN, p->name, 0, 0, "writer failed");
		wq_outfile_abort(f);
	} else {
		/* Still registered while renamed: removing a temporary file
		 * that is already in place fails harmlessly. */
		rc = wq_outfile_commit(f, err);
	}
	if (tmp[0]) {
		temps_enter(&mask);
		track_locked(tmp, 0);
		temps_leave(&mask);
	}
	return rc;
}

/* An output that is one of the inputs (the same file, symlinks
 * followed) would destroy it: found before anything is read. Inputs'
 * device and inode numbers are sorted once, for batches of thousands. */
struct file_id {
	dev_t dev;
	ino_t ino;
	size_t input;
};

static int
id_cmp(const void *pa, const void *pb)
{
	const struct file_id *a = pa, *b = pb;

	if (a->dev != b->dev)
		return a->dev < b->dev ? -1 : 1;
	return a->ino < b->ino ? -1 : a->ino > b->ino;
}

static struct file_id *
input_ids(const struct cli *c, size_t *n)
{
	struct file_id *ids = wq_xcalloc(c->ninputs, sizeof(*ids));
	struct stat st;
	size_t i;

	for (*n = 0, i = 0; i < c->ninputs; i++)
		if (strcmp(c->inputs[i], "-") != 0 &&
		    stat(c->inputs[i], &st) == 0) {
			ids[*n].dev = st.st_dev;
			ids[*n].ino = st.st_ino;
			ids[(*n)++].input = i;
		}
	qsort(ids, *n, sizeof(*ids), id_cmp);
	return ids;
}

/* Whether 'out' is one of the inputs; reports it (exit 2) if so. */
static int
output_is_input(
    const struct cli *c, const struct file_id *ids, size_t n, const char *out)
{
	struct file_id key, *hit;
	struct stat st;
	char msg[PATH_MAX + 64];

	if (strcmp(out, "-") == 0 || stat(out, &st) != 0)
		return 0;
	key.dev = st.st_dev;
	key.ino = st.st_ino;
	if ((hit = bsearch(&key, ids, n, sizeof(*ids), id_cmp)) == NULL)
		return 0;
	snprintf(msg, sizeof(msg), "is the input %s; nothing written",
	    c->inputs[hit->input]);
	message(c, "error", out, 0, 0, "usage", msg);
	return 1;
}

int
convert_one_output(struct cli *c, const struct wq_plugin *p)
{
	struct wq_load_opts lo;
	struct wq_err err;
	wq_doc *all = NULL;
	size_t i;
	int rc = 0;

	memset(&err, 0, sizeof(err));
	if (c->output) {
		size_t n;
		struct file_id *ids = input_ids(c, &n);
		int same = output_is_input(c, ids, n, c->output);

		free(ids);
		if (same)
			return EXIT_USAGE;
	}
	load_opts(c, p, &lo);
	for (i = 0; i < c->ninputs; i++) {
		wq_doc *d = wq_load_file(c->inputs[i], &lo, &err);

		if (d == NULL) {
			report(c, &err);
			wq_doc_free(all);
			return exit_code(err.code);
		}
		if (all == NULL)
			all = d;
		else
			wq_doc_append(all, d);
	}
	if (c->ninputs > 1)
		wq_doc_finish(all);
	if ((rc = write_doc(c, p, all, c->output ? c->output : "-", &err)) !=
	    0) {
		report(c, &err);
		rc = exit_code(err.code);
	} else if (c->depfile) {
		struct wq_buf rule;

		wq_buf_init(&rule);
		rule_start(&rule, c->output);
		deps_of(all, c, &rule);
		rc = write_depfile(c, &rule);
		wq_buf_free(&rule);
	}
	wq_doc_free(all);
	return rc;
}

/* ---- batch mode: one output per input, in parallel ---- */

struct batch {
	struct cli *c;
	const struct wq_plugin *p;
	size_t next, done;
	int worst;
	struct wq_buf *rules; /* --depfile: a rule per input, in order */
	pthread_mutex_t lock;
};

/* An input's file name without directory and extension: what its output
 * is named after. */
struct stem {
	const char *s;
	size_t len, index;
};

static struct stem
stem_of(const char *in, size_t index)
{
	const char *base = strrchr(in, '/'), *dot;
	struct stem t;

	base = base ? base + 1 : in;
	if (strcmp(in, "-") == 0)
		base = "stdin";
	dot = strrchr(base, '.');
	t.s = base;
	t.len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	t.index = index;
	return t;
}

static int
stem_cmp(const void *pa, const void *pb)
{
	const struct stem *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int d = memcmp(a->s, b->s, n);

	if (d == 0 && a->len != b->len)
		d = a->len < b->len ? -1 : 1;
	if (d == 0)
		d = a->index < b->index ? -1 : a->index > b->index;
	return d;
}

/* DIR/NAME.EXT, EXT the first of the writer's extensions. */
static void
out_path(const struct cli *c, const char *in, const char *exts, char *path,
    size_t size)
{
	struct stem t = stem_of(in, 0);

	snprintf(path, size, "%s/%.*s.%.*s", c->outdir, (int)t.len, t.s,
	    (int)strcspn(exts, " "), exts);
}

/* Two inputs named alike ("a/x.txt", "b/x.md") would write one output:
 * refuse before writing any. Sorted by name, not compared in pairs: a
 * batch may hold tens of thousands of texts. Reports the first input, in
 * the order given, whose output an earlier one would write. */
static int
clashes(const struct cli *c, const struct wq_plugin *p)
{
	struct stem *t = calloc(c->ninputs, sizeof(*t));
	size_t i, first = 0, second = SIZE_MAX;

	if (t == NULL) {
		message(c, "error", NULL, 0, 0, "usage", "out of memory");
		return 1;
	}
	for (i = 0; i < c->ninputs; i++)
		t[i] = stem_of(c->inputs[i], i);
	qsort(t, c->ninputs, sizeof(*t), stem_cmp);
	for (i = 1; i < c->ninputs; i++)
		if (t[i].len == t[i - 1].len &&
		    memcmp(t[i].s, t[i - 1].s, t[i].len) == 0 &&
		    (i < 2 || t[i - 2].len != t[i].len ||
			memcmp(t[i - 2].s, t[i].s, t[i].len) != 0) &&
		    t[i].index < second)
			first = t[i - 1].index, second = t[i].index;
	free(t);
	if (second != SIZE_MAX) {
		char a[PATH_MAX], msg[PATH_MAX * 2 + 64];

		out_path(
		    c, c->inputs[second], p->writer->extensions, a, sizeof(a));
		snprintf(msg, sizeof(msg), "%s and %s would both write %s",
		    c->inputs[first], c->inputs[second], a);
		message(c, "error", NULL, 0, 0, "usage", msg);
		return 1;
	}
	return 0;
}

static void *
batch_worker(void *arg)
{
	struct batch *b = arg;
	struct wq_load_opts lo;

	load_opts(b->c, b->p, &lo);
	for (;;) {
		struct wq_err err;
		char path[PATH_MAX];
		wq_doc *d;
		size_t i;
		int rc;

		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->c->ninputs)
			break;
		memset(&err, 0, sizeof(err));
		out_path(b->c, b->c->inputs[i], b->p->writer->extensions, path,
		    sizeof(path));
		d = wq_load_file(b->c->inputs[i], &lo, &err);
		rc = d ? write_doc(b->c, b->p, d, path, &err) : -err.code;
		if (rc == 0 && b->rules) {
			rule_start(&b->rules[i], path);
			deps_of(d, b->c, &b->rules[i]);
		}
		wq_doc_free(d);
		pthread_mutex_lock(&b->lock);
		if (rc != 0 && exit_code(err.code) > b->worst)
			b->worst = exit_code(err.code);
		progress(b->c, ++b->done, b->c->ninputs, b->c->inputs[i]);
		pthread_mutex_unlock(&b->lock);
		if (rc != 0)
			report(b->c, &err);
	}
	return NULL;
}

int
convert_batch(struct cli *c, const struct wq_plugin *p)
{
	struct batch b;
	pthread_t tid[64];
	size_t n, i, started = 0;
	struct stat st;

	{
		struct wq_err err;

		if (make_dirs(c->outdir, &err) != 0) {
			report(c, &err);
			return EXIT_IO;
		}
	}
	if (stat(c->outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		message(c, "error", c->outdir, 0, 0, "io", "not a directory");
		return EXIT_IO;
	}
	if (clashes(c, p))
		return EXIT_USAGE;
	{
		struct file_id *ids = input_ids(c, &n);
		char out[PATH_MAX];
		int same = 0;

		for (i = 0; i < c->ninputs && !same; i++) {
			out_path(c, c->inputs[i], p->writer->extensions, out,
			    sizeof(out));
			same = output_is_input(c, ids, n, out);
		}
		free(ids);
		if (same)
			return EXIT_USAGE;
	}
	memset(&b, 0, sizeof(b));
	b.c = c;
	b.p = p;
	if (c->depfile) {
		b.rules = wq_xcalloc(c->ninputs, sizeof(*b.rules));
	}
	pthread_mutex_init(&b.lock, NULL);
	n = (size_t)c->jobs;
	if (n > c->ninputs)
		n = c->ninputs;
	if (n > 64)
		n = 64;
	for (i = 1; i < n; i++)
		if (pthread_create(&tid[started], NULL, batch_worker, &b) == 0)
			started++;
	batch_worker(&b);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	pthread_mutex_destroy(&b.lock);
	if (b.rules) {
		struct wq_buf all;
		int rc;

		wq_buf_init(&all);
		for (i = 0; i < c->ninputs; i++) {
			if (b.rules[i].len)
				wq_buf_put(
				    &all, b.rules[i].data, b.rules[i].len);
			wq_buf_free(&b.rules[i]);
		}
		free(b.rules);
		rc = write_depfile(c, &all);
		wq_buf_free(&all);
		if (rc > b.worst)
			b.worst = rc;
	}
	return b.worst;
}

/* --check: loads each text and reports what would display wrong. Exit 1
 * when anything was found, so a pipeline can stop on it. */
int
lint(struct cli *c)
{
	struct wq_load_opts lo;
	size_t i, findings = 0;
	int worst = EXIT_OK;

	load_opts(c, NULL, &lo);
	for (i = 0; i < c->ninputs; i++) {
		struct wq_err err;
		wq_doc *d;

		/* The loader's own warning on bidi controls would repeat
		 * what the check says. */
		lo.warn = NULL;
		if ((d = wq_load_file(c->inputs[i], &lo, &err)) == NULL) {
			report(c, &err);
			if (exit_code(err.code) > worst)
				worst = exit_code(err.code);
			continue;
		}
		findings += wq_check(d, warn_cb, c);
		wq_doc_free(d);
	}
	if (worst != EXIT_OK)
		return worst;
	return findings ? 1 : EXIT_OK;
}
