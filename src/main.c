/*
 * main.c - the warraq command line. The only file that prints, and the
 * only one that picks exit codes.
 */
#include "warraq/plugin.h"
#include "warraq/warraq.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef WQ_PLUGIN_DIR
#define WQ_PLUGIN_DIR "/usr/local/lib/warraq/plugins"
#endif

/* Exit codes, documented in warraq(1). */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 2,
	EXIT_INPUT = 3,
	EXIT_IO = 4,
	EXIT_PLUGIN = 5,
};

static int
exit_code(int wq_code)
{
	switch (wq_code) {
	case WQ_EUSAGE: return EXIT_USAGE;
	case WQ_EINPUT: return EXIT_INPUT;
	case WQ_EIO: return EXIT_IO;
	case WQ_EPLUGIN: return EXIT_PLUGIN;
	default: return EXIT_OK;
	}
}

struct cli {
	const char *from, *to, *output, *outdir;
	const char *lang, *latin_lang;
	wq_dir dir;
	int no_infer, quiet, verbose, list, jobs, json_log;
	const char *metafile; /* --metadata-file: under -M, over the texts' */
	const char **inputs;
	size_t ninputs;
	const char *dirs[64];
	size_t ndirs;
	wq_meta *cli_meta; /* -M, --title, --author: kept in a scratch doc */
	wq_doc *scratch;
	wq_opts *wopts;
};

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

/* ---- messages ---- */

static void
put_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void
message(const struct cli *c, const char *severity, const char *file,
    unsigned long line, unsigned long col, const char *code, const char *msg)
{
	pthread_mutex_lock(&out_lock);
	if (c->json_log) {
		fputs("{\"severity\":", stderr);
		put_json_string(stderr, severity);
		fputs(",\"file\":", stderr);
		put_json_string(stderr, file ? file : "");
		fprintf(stderr, ",\"line\":%lu,\"column\":%lu,\"code\":", line, col);
		put_json_string(stderr, code);
		fputs(",\"message\":", stderr);
		put_json_string(stderr, msg);
		fputs("}\n", stderr);
	} else {
		fprintf(stderr, "%s", file && *file ? file : "warraq");
		if (line)
			fprintf(stderr, ":%lu", line);
		if (line && col)
			fprintf(stderr, ":%lu", col);
		fprintf(stderr, ": %s%s%s\n",
		    strcmp(severity, "warning") == 0 ? "warning: " : "", msg,
		    strcmp(severity, "warning") == 0 && code ? "" : "");
	}
	pthread_mutex_unlock(&out_lock);
}

static void
warn_cb(void *arg, const char *file, unsigned long line, unsigned long col,
    const char *code, const char *msg)
{
	const struct cli *c = arg;

	if (!c->quiet)
		message(c, "warning", file, line, col, code, msg);
}

static void
report(const struct cli *c, const struct wq_err *err)
{
	static const char *const codes[] = { "ok", "usage", "input", "io",
		"plugin" };

	message(c, "error", err->file, err->line, err->col,
	    codes[err->code >= 0 && err->code <= 4 ? err->code : 0], err->msg);
}

/* ---- interrupted runs leave no temporary files ---- */

#define MAX_TEMPS 64
static const char *volatile temps[MAX_TEMPS];

static void
track(const char *tmp, int on)
{
	size_t i;

	if (tmp == NULL)
		return;
	pthread_mutex_lock(&out_lock);
	for (i = 0; i < MAX_TEMPS; i++) {
		if (on && temps[i] == NULL) {
			temps[i] = tmp;
			break;
		}
		if (!on && temps[i] == tmp) {
			temps[i] = NULL;
			break;
		}
	}
	pthread_mutex_unlock(&out_lock);
}

static void
on_signal(int sig)
{
	size_t i;

	for (i = 0; i < MAX_TEMPS; i++)
		if (temps[i])
			unlink(temps[i]);
	_exit(128 + sig);
}

/* ---- usage ---- */

static void
usage(FILE *f)
{
	fputs("usage: warraq [options] [FILE...]\n"
	      "Converts texts (plain text or Markdown, with YAML front matter) to\n"
	      "EPUB 3, HTML5, Markdown or TEI P5 with correct right-to-left metadata.\n"
	      "With no FILE, or FILE '-', reads standard input.\n\n"
	      "  -f, --from=SYNTAX     markdown, text (auto: lines or paragraphs) or lines\n"
	      "  -t, --to=FORMAT       output format: a plugin name (see --list-formats)\n"
	      "  -o, --output=FILE     one output from all inputs ('-': standard output)\n"
	      "  -O, --output-dir=DIR  one output per input, DIR/NAME.EXT\n"
	      "  -j, --jobs=N          convert N inputs at once with -O (default: cores)\n"
	      "  -M, --metadata=K=V    set book metadata (repeat a key for a list)\n"
	      "  -V, --variable=K=V    set a writer option (see warraq(1))\n"
	      "      --title=TEXT      book title;  --author=NAME (repeatable)\n"
	      "      --lang=TAG        language of the texts (BCP 47), e.g. ar\n"
	      "      --dir=ltr|rtl     base direction of the texts\n"
	      "      --latin-lang=TAG  language of Latin runs in RTL text (default en)\n"
	      "      --no-infer        do not infer title, source, date, headings\n"
	      "      --metadata-file=F book metadata from a YAML file (-M wins)\n"
	      "      --cover=IMAGE     epub: a cover image and page\n"
	      "      --embed-font=FILE epub: embed a TrueType/OpenType font (repeatable)\n"
	      "      --lenient         warn about missing local images instead of failing\n"
	      "      --plugin-dir=DIR  look for plugins in DIR first (repeatable)\n"
	      "      --list-formats    list the plugins that would load, and from where\n"
	      "      --log=json        diagnostics as JSON lines on standard error\n"
	      "  -q, --quiet           no warnings\n"
	      "  -h, --help            this text;  --version  the version\n\n"
	      "Exit status: 0 success, 2 usage, 3 bad input, 4 I/O error, 5 plugin error.\n",
	    f);
}

/* ---- plugin directories ---- */

static void
add_dir(struct cli *c, const char *d)
{
	if (d && *d && c->ndirs + 1 < sizeof(c->dirs) / sizeof(c->dirs[0]))
		c->dirs[c->ndirs++] = d;
}

static char exe_plugins[PATH_MAX];

static void
default_dirs(struct cli *c)
{
	char *env = getenv("WARRAQ_PLUGIN_PATH"), *p, *save = NULL;
	char exe[PATH_MAX - 16];
	ssize_t n;

	if (env) {
		/* Empty entries would mean the current directory: skip them. */
		static char copy[8192];

		snprintf(copy, sizeof(copy), "%s", env);
		for (p = strtok_r(copy, ":", &save); p; p = strtok_r(NULL, ":", &save))
			add_dir(c, p);
	}
	/* Beside the binary: the build tree, or a relocated install. */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(exe_plugins, sizeof(exe_plugins), "%s/plugins", exe);
			add_dir(c, exe_plugins);
		}
	}
	add_dir(c, WQ_PLUGIN_DIR);
	c->dirs[c->ndirs] = NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
list_formats(const struct cli *c)
{
	char seen[64][64];
	size_t nseen = 0, i, j;
	int rc = EXIT_OK;

	for (i = 0; c->dirs[i]; i++) {
		DIR *d = opendir(c->dirs[i]);
		struct dirent *e;
		char *names[256];
		size_t n = 0;

		if (d == NULL)
			continue;
		while ((e = readdir(d)) != NULL && n < 256) {
			size_t len = strlen(e->d_name);

			if (len > 3 && strcmp(e->d_name + len - 3, ".so") == 0)
				names[n++] = strdup(e->d_name);
		}
		closedir(d);
		qsort(names, n, sizeof(names[0]), cmp_str);
		for (j = 0; j < n; j++) {
			struct wq_loaded_plugin lp;
			struct wq_err err;
			char path[PATH_MAX];
			size_t k;

			snprintf(path, sizeof(path), "%s/%s", c->dirs[i], names[j]);
			free(names[j]);
			if (wq_plugin_open_path(path, &lp, &err) != 0) {
				report(c, &err);
				rc = EXIT_PLUGIN;
				continue;
			}
			for (k = 0; k < nseen; k++)
				if (strcmp(seen[k], lp.plugin->name) == 0)
					break;
			if (k == nseen && nseen < 64) {
				snprintf(seen[nseen++], sizeof(seen[0]), "%s",
				    lp.plugin->name);
				printf("%-10s %-6s %s\n           %s\n",
				    lp.plugin->name, lp.plugin->ext, lp.plugin->summary,
				    lp.path);
			}
			wq_plugin_close(&lp);
		}
	}
	return rc;
}

/* ---- conversion ---- */

static const char *
format_alias(const char *f)
{
	static const char *const alias[][2] = { { "md", "markdown" },
		{ "commonmark", "markdown" }, { "html5", "html" },
		{ "epub3", "epub" }, { "xml", "tei" }, { NULL, NULL } };
	size_t i;

	for (i = 0; alias[i][0]; i++)
		if (strcmp(f, alias[i][0]) == 0)
			return alias[i][1];
	return f;
}

static const char *
format_from_name(const char *path)
{
	static const char *const ext[][2] = { { ".html", "html" },
		{ ".htm", "html" }, { ".xhtml", "html" }, { ".epub", "epub" },
		{ ".xml", "tei" }, { ".tei", "tei" }, { ".md", "markdown" },
		{ ".markdown", "markdown" }, { NULL, NULL } };
	size_t i, n = strlen(path);

	for (i = 0; ext[i][0]; i++) {
		size_t e = strlen(ext[i][0]);

		if (n > e && strcasecmp(path + n - e, ext[i][0]) == 0)
			return ext[i][1];
	}
	return NULL;
}

static void
load_opts(const struct cli *c, struct wq_load_opts *lo)
{
	memset(lo, 0, sizeof(*lo));
	lo->syntax = c->from == NULL ? WQ_SYNTAX_AUTO
	    : strcmp(c->from, "markdown") == 0 || strcmp(c->from, "md") == 0 ||
		    strcmp(c->from, "commonmark") == 0
	    ? WQ_SYNTAX_MARKDOWN
	    : strcmp(c->from, "lines") == 0 ? WQ_SYNTAX_LINES : WQ_SYNTAX_TEXT;
	lo->lang = c->lang;
	lo->dir = c->dir;
	lo->no_infer = c->no_infer;
	lo->latin_lang = c->latin_lang;
	lo->warn = warn_cb;
	lo->warn_arg = (void *)c;
}

static void
copy_meta(wq_meta *to, const wq_meta *from)
{
	size_t i, j;

	for (i = 0; i < wq_meta_count(from); i++) {
		const char *key = wq_meta_key(from, i);

		wq_meta_remove(to, key);
		for (j = 0; j < wq_meta_nvalues(from, i); j++) {
			if (wq_meta_is_list(from, i))
				wq_meta_add(to, key, wq_meta_value(from, i, j));
			else
				wq_meta_set(to, key, wq_meta_value(from, i, j));
		}
	}
}

/* Writes 'doc' with plugin 'p' to 'path' ("-" for standard output). */
static int
write_doc(const struct cli *c, const struct wq_plugin *p, wq_doc *doc,
    const char *path, struct wq_err *err)
{
	struct wq_sink sink;
	wq_outfile *f;
	int rc;

	copy_meta(wq_doc_meta(doc), c->cli_meta);
	if ((f = wq_outfile_open(path, &sink, err)) == NULL)
		return -err->code;
	track(wq_outfile_temp_path(f), 1);
	rc = p->write(doc, c->wopts, &sink, err);
	track(wq_outfile_temp_path(f), 0);
	if (rc != 0) {
		if (err->code == 0)
			wq_err_set(err, WQ_EPLUGIN, p->name, 0, 0, "writer failed");
		wq_outfile_abort(f);
		return rc;
	}
	return wq_outfile_commit(f, err);
}

static int
convert_one_output(struct cli *c, const struct wq_plugin *p)
{
	struct wq_load_opts lo;
	struct wq_err err;
	wq_doc *all = NULL;
	size_t i;
	int rc = 0;

	memset(&err, 0, sizeof(err));
	load_opts(c, &lo);
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
	if ((rc = write_doc(c, p, all, c->output ? c->output : "-", &err)) != 0)
		report(c, &err);
	wq_doc_free(all);
	return rc ? exit_code(err.code) : EXIT_OK;
}

/* ---- batch mode: one output per input, in parallel ---- */

struct batch {
	struct cli *c;
	const struct wq_plugin *p;
	size_t next;
	int worst;
	pthread_mutex_t lock;
};

static void
out_path(const struct cli *c, const char *in, const char *ext, char *path,
    size_t size)
{
	const char *base = strrchr(in, '/'), *dot;
	size_t n;

	base = base ? base + 1 : in;
	if (strcmp(in, "-") == 0)
		base = "stdin";
	dot = strrchr(base, '.');
	n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	snprintf(path, size, "%s/%.*s.%s", c->outdir, (int)n, base, ext);
}

static void *
batch_worker(void *arg)
{
	struct batch *b = arg;
	struct wq_load_opts lo;

	load_opts(b->c, &lo);
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
		out_path(b->c, b->c->inputs[i], b->p->ext, path, sizeof(path));
		d = wq_load_file(b->c->inputs[i], &lo, &err);
		rc = d ? write_doc(b->c, b->p, d, path, &err) : -err.code;
		wq_doc_free(d);
		if (rc != 0) {
			report(b->c, &err);
			pthread_mutex_lock(&b->lock);
			if (exit_code(err.code) > b->worst)
				b->worst = exit_code(err.code);
			pthread_mutex_unlock(&b->lock);
		}
	}
	return NULL;
}

static int
convert_batch(struct cli *c, const struct wq_plugin *p)
{
	struct batch b;
	pthread_t tid[64];
	size_t n, i, started = 0;
	struct stat st;

	if (stat(c->outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		message(c, "error", c->outdir, 0, 0, "io",
		    "output directory does not exist");
		return EXIT_IO;
	}
	memset(&b, 0, sizeof(b));
	b.c = c;
	b.p = p;
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
	return b.worst;
}

/* ---- options ---- */

/* -t FORMAT[+EXT...]: each extension is a writer option set to 1, as
 * pandoc spells them (markdown+spans). */
static void
set_format(struct cli *c, const char *arg)
{
	static char name[64];
	const char *plus = strchr(arg, '+'), *p;

	snprintf(name, sizeof(name), "%.*s", plus ? (int)(plus - arg) : (int)strlen(arg), arg);
	c->to = format_alias(name);
	for (p = plus; p && p[1]; p = strchr(p + 1, '+')) {
		char ext[64];

		snprintf(ext, sizeof(ext), "%.*s", (int)strcspn(p + 1, "+"), p + 1);
		if (ext[0])
			wq_opts_add(c->wopts, ext, "1");
	}
}

/* Reads --metadata-file under what -M and --title already set. */
static int
load_metafile(struct cli *c)
{
	struct wq_err err;
	wq_doc *tmp = wq_doc_new();
	wq_meta *m = wq_doc_meta(tmp);
	FILE *f = fopen(c->metafile, "rb");
	struct wq_buf b;
	char chunk[8192];
	size_t n, i, j;
	int rc = EXIT_OK;

	wq_buf_init(&b);
	if (f == NULL) {
		message(c, "error", c->metafile, 0, 0, "io", strerror(errno));
		wq_doc_free(tmp);
		return EXIT_IO;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wq_buf_put(&b, chunk, n);
	fclose(f);
	if (wq_meta_load_yaml(m, c->metafile, b.data ? b.data : "", b.len, &err) != 0) {
		report(c, &err);
		rc = exit_code(err.code);
	}
	for (i = 0; rc == EXIT_OK && i < wq_meta_count(m); i++) {
		const char *key = wq_meta_key(m, i);

		if (wq_meta_find(c->cli_meta, key) >= 0)
			continue;
		for (j = 0; j < wq_meta_nvalues(m, i); j++) {
			if (wq_meta_is_list(m, i))
				wq_meta_add(c->cli_meta, key, wq_meta_value(m, i, j));
			else
				wq_meta_set(c->cli_meta, key, wq_meta_value(m, i, j));
		}
	}
	wq_buf_free(&b);
	wq_doc_free(tmp);
	return rc;
}

static int
split_kv(const char *arg, char **key, const char **value)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg)
		return -1;
	*key = strndup(arg, (size_t)(eq - arg));
	*value = eq + 1;
	return 0;
}

static int
parse_epoch(const struct cli *c)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < 0) {
		message(c, "error", NULL, 0, 0, "usage",
		    "SOURCE_DATE_EPOCH must be a number of seconds");
		return -1;
	}
	wq_opts_set_epoch(c->wopts, v);
	return 0;
}

enum {
	OPT_TITLE = 256, OPT_AUTHOR, OPT_LANG, OPT_DIR, OPT_NO_INFER,
	OPT_PLUGIN_DIR, OPT_LIST, OPT_VERSION, OPT_LATIN_LANG, OPT_LOG,
	OPT_COVER, OPT_FONT, OPT_LENIENT, OPT_METAFILE,
};

static const struct option long_opts[] = {
	{ "from", required_argument, NULL, 'f' },
	{ "to", required_argument, NULL, 't' },
	{ "output", required_argument, NULL, 'o' },
	{ "output-dir", required_argument, NULL, 'O' },
	{ "jobs", required_argument, NULL, 'j' },
	{ "metadata", required_argument, NULL, 'M' },
	{ "variable", required_argument, NULL, 'V' },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "author", required_argument, NULL, OPT_AUTHOR },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "dir", required_argument, NULL, OPT_DIR },
	{ "latin-lang", required_argument, NULL, OPT_LATIN_LANG },
	{ "no-infer", no_argument, NULL, OPT_NO_INFER },
	{ "plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR },
	{ "list-formats", no_argument, NULL, OPT_LIST },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "cover", required_argument, NULL, OPT_COVER },
	{ "embed-font", required_argument, NULL, OPT_FONT },
	{ "lenient", no_argument, NULL, OPT_LENIENT },
	{ "metadata-file", required_argument, NULL, OPT_METAFILE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static int
bad_usage(const struct cli *c, const char *fmt, const char *arg)
{
	char msg[512];

	snprintf(msg, sizeof(msg), fmt, arg);
	message(c, "error", NULL, 0, 0, "usage", msg);
	fputs("Try 'warraq --help'.\n", stderr);
	return EXIT_USAGE;
}

static int
parse_args(struct cli *c, int argc, char **argv)
{
	int ch;
	char *key;
	const char *value;

	while ((ch = getopt_long(argc, argv, "f:t:o:O:j:M:V:qvh", long_opts,
	    NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "markdown") && strcmp(optarg, "md") &&
			    strcmp(optarg, "commonmark") && strcmp(optarg, "text") &&
			    strcmp(optarg, "lines"))
				return bad_usage(c, "unknown input syntax '%s' "
				    "(markdown, text or lines)", optarg);
			c->from = optarg;
			break;
		case 't': set_format(c, optarg); break;
		case 'o': c->output = optarg; break;
		case 'O': c->outdir = optarg; break;
		case 'j':
			c->jobs = atoi(optarg);
			if (c->jobs < 1 || c->jobs > 64)
				return bad_usage(c, "-j takes 1 to 64, not '%s'", optarg);
			break;
		case 'M':
		case 'V':
			if (split_kv(optarg, &key, &value) != 0)
				return bad_usage(c, "expected KEY=VALUE, not '%s'", optarg);
			if (ch == 'V')
				wq_opts_add(c->wopts, key, value);
			else if (wq_meta_find(c->cli_meta, key) >= 0)
				wq_meta_add(c->cli_meta, key, value);
			else
				wq_meta_set(c->cli_meta, key, value);
			free(key);
			break;
		case OPT_TITLE: wq_meta_set(c->cli_meta, "title", optarg); break;
		case OPT_AUTHOR: wq_meta_add(c->cli_meta, "author", optarg); break;
		case OPT_LANG: c->lang = optarg; break;
		case OPT_LATIN_LANG: c->latin_lang = optarg; break;
		case OPT_DIR:
			if (strcmp(optarg, "rtl") == 0)
				c->dir = WQ_DIR_RTL;
			else if (strcmp(optarg, "ltr") == 0)
				c->dir = WQ_DIR_LTR;
			else
				return bad_usage(c, "--dir takes ltr or rtl, not '%s'",
				    optarg);
			break;
		case OPT_NO_INFER: c->no_infer = 1; break;
		case OPT_PLUGIN_DIR: add_dir(c, optarg); break;
		case OPT_LIST: c->list = 1; break;
		case OPT_LOG:
			if (strcmp(optarg, "json") == 0)
				c->json_log = 1;
			else if (strcmp(optarg, "text") != 0)
				return bad_usage(c, "--log takes text or json, not '%s'",
				    optarg);
			break;
		case OPT_COVER: wq_opts_add(c->wopts, "cover", optarg); break;
		case OPT_FONT: wq_opts_add(c->wopts, "embed-font", optarg); break;
		case OPT_LENIENT: wq_opts_add(c->wopts, "lenient", "1"); break;
		case OPT_METAFILE: c->metafile = optarg; break;
		case 'q': c->quiet = 1; break;
		case 'v': c->verbose = 1; break;
		case 'h': usage(stdout); exit(EXIT_OK);
		case OPT_VERSION: printf("warraq %s\n", WQ_VERSION); exit(EXIT_OK);
		default: usage(stderr); return EXIT_USAGE;
		}
	}
	c->inputs = (const char **)argv + optind;
	c->ninputs = (size_t)(argc - optind);
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	static const char *stdin_only[] = { "-", NULL };
	struct wq_loaded_plugin lp;
	struct wq_err err;
	struct sigaction sa;
	struct cli c;
	int rc;

	memset(&c, 0, sizeof(c));
	memset(&lp, 0, sizeof(lp));
	c.scratch = wq_doc_new();
	c.cli_meta = wq_doc_meta(c.scratch);
	c.wopts = wq_opts_new();
	c.jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (c.jobs < 1)
		c.jobs = 1;
	wq_opts_set_warn(c.wopts, warn_cb, &c);

	if ((rc = parse_args(&c, argc, argv)) != EXIT_OK)
		goto out;
	default_dirs(&c);
	if (c.metafile && (rc = load_metafile(&c)) != EXIT_OK)
		goto out;
	if (c.list) {
		rc = list_formats(&c);
		goto out;
	}
	if (c.lang == NULL)
		c.lang = wq_meta_get(c.cli_meta, "lang");
	if (c.lang && !wq_lang_tag_valid(c.lang)) {
		rc = bad_usage(&c, "--lang: '%s' is not a language tag", c.lang);
		goto out;
	}
	if (c.ninputs == 0) {
		c.inputs = stdin_only;
		c.ninputs = 1;
	}
	if (c.output && c.outdir) {
		rc = bad_usage(&c, "%s", "-o and -O exclude each other");
		goto out;
	}
	if (c.to == NULL && c.output)
		c.to = format_from_name(c.output);
	if (c.to == NULL)
		c.to = "html";
	if (parse_epoch(&c) != 0) {
		rc = EXIT_USAGE;
		goto out;
	}
	if (wq_plugin_open(c.to, c.dirs, &lp, &err) != 0) {
		report(&c, &err);
		rc = EXIT_PLUGIN;
		goto out;
	}
	if ((lp.plugin->flags & WQ_PLUGIN_BINARY) && c.outdir == NULL &&
	    (c.output == NULL || strcmp(c.output, "-") == 0) &&
	    isatty(STDOUT_FILENO)) {
		rc = bad_usage(&c, "%s output is binary: give -o FILE",
		    lp.plugin->name);
		goto out;
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);

	rc = c.outdir ? convert_batch(&c, lp.plugin)
		      : convert_one_output(&c, lp.plugin);
out:
	wq_plugin_close(&lp);
	wq_opts_free(c.wopts);
	wq_doc_free(c.scratch);
	return rc;
}
