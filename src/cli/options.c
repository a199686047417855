/*
 * options.c - the command line's options, and defaults files (-d) that
 * hold the same options as YAML, as pandoc's do.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void
usage(FILE *f)
{
	fputs(
	    "usage: warraq [options] [FILE...]\n"
	    "Converts texts (plain text, Markdown or HTML, with YAML front "
	    "matter) to\n"
	    "EPUB 3, HTML5, Markdown or TEI P5 with correct right-to-left "
	    "metadata.\n"
	    "With no FILE, or FILE '-', reads standard input.\n\n"
	    "  -f, --from=FORMAT     input format: a reader (markdown, text, "
	    "lines, html...;\n"
	    "                        default: by extension, then content)\n"
	    "  -t, --to=FORMAT       output format: a plugin name (see "
	    "--list-formats)\n"
	    "  -o, --output=FILE     one output from all inputs ('-': standard "
	    "output)\n"
	    "  -O, --output-dir=DIR  one output per input, DIR/NAME.EXT\n"
	    "  -j, --jobs=N          convert N inputs at once with -O "
	    "(default: cores)\n"
	    "  -M, --metadata=K=V    set book metadata (repeat a key for a "
	    "list)\n"
	    "  -V, --variable=K=V    set a writer option (see warraq(1))\n"
	    "      --title=TEXT      book title;  --author=NAME (repeatable)\n"
	    "      --lang=TAG        language of the texts (BCP 47), e.g. ar\n"
	    "      --dir=ltr|rtl     base direction of the texts\n"
	    "      --latin-lang=TAG  language of Latin runs in RTL text "
	    "(default en)\n"
	    "      --no-infer        do not infer title, source, date, "
	    "headings\n"
	    "      --metadata-file=F book metadata from a YAML file (-M wins)\n"
	    "      --cover=IMAGE     epub: a cover image and page\n"
	    "      --embed-font=FILE epub: embed a TrueType/OpenType font "
	    "(repeatable)\n"
	    "      --css=FILE        html, epub: add a stylesheet "
	    "(repeatable)\n"
	    "      --resource-path=DIR  epub: images may also come from DIR "
	    "(repeatable)\n"
	    "      --sandbox         epub: no file a text names, only those "
	    "given here\n"
	    "      --split-level=N   epub: a content document per heading "
	    "of level N\n"
	    "      --toc-depth=N     epub: heading levels in the table of "
	    "contents (2)\n"
	    "      --lenient         warn about missing local images instead "
	    "of failing\n"
	    "      --columns=N       markdown: wrap lines at N columns "
	    "(default: no wrap)\n"
	    "      --md-spans        markdown: write pandoc spans "
	    "[text]{dir=ltr lang=en}\n"
	    "      --plugin-dir=DIR  look for plugins in DIR first "
	    "(repeatable)\n"
	    "      --allow-unsafe-plugins  load plugins from folders anyone "
	    "may write to\n"
	    "      --list-formats    list the plugins that would load, and "
	    "from where\n"
	    "      --write-plugin-index=DIR  record which plugins of DIR have "
	    "no reader\n"
	    "      --log=json        diagnostics as JSON lines on standard "
	    "error\n"
	    "  -d, --defaults=FILE   options from a YAML file (pandoc's "
	    "defaults files)\n"
	    "      --depfile=FILE    write a Make rule: the output and what it "
	    "was made of\n"
	    "      --check           report direction problems in the texts; "
	    "write nothing\n"
	    "  -q, --quiet           no warnings (nor the progress line)\n"
	    "      --no-progress     no [N/M] progress line under -O\n"
	    "  -h, --help            this text;  --version  the version\n\n"
	    "Exit status: 0 success, 1 --check found problems, 2 usage, 3 bad "
	    "input,\n"
	    "4 I/O error, 5 plugin error.\n",
	    f);
}

/* -t and -f FORMAT[+EXT...]: each extension is a plugin option set to 1,
 * as pandoc spells them (markdown+spans). Returns the format's name. */
static const char *
set_format(struct cli *c, const char *arg, char *name, size_t size)
{
	const char *plus = strchr(arg, '+'), *p;

	snprintf(name, size, "%.*s",
	    plus ? (int)(plus - arg) : (int)strlen(arg), arg);
	for (p = plus; p && p[1]; p = strchr(p + 1, '+')) {
		char ext[64];

		snprintf(
		    ext, sizeof(ext), "%.*s", (int)strcspn(p + 1, "+"), p + 1);
		if (ext[0])
			wq_opts_add(c->wopts, ext, "1");
	}
	return name;
}

/* Reads the YAML file 'path' into 'm', reporting what goes wrong.
 * Returns an exit code. */
static int
read_yaml(const struct cli *c, const char *path, wq_meta *m)
{
	FILE *f = fopen(path, "rb");
	struct wq_err err;
	struct wq_buf b;
	char chunk[8192];
	size_t n;
	int rc = EXIT_OK;

	if (f == NULL) {
		message(c, "error", path, 0, 0, "io", strerror(errno));
		return EXIT_IO;
	}
	wq_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		wq_buf_put(&b, chunk, n);
	fclose(f);
	if (wq_meta_load_yaml(m, path, b.data ? b.data : "", b.len, &err) !=
	    0) {
		report(c, &err);
		rc = exit_code(err.code);
	}
	wq_buf_free(&b);
	return rc;
}

/* Reads --metadata-file under what -M and --title already set. */
int
load_metafile(struct cli *c)
{
	wq_meta *m = wq_meta_new();
	int rc;

	if (c->nextra_deps < 4)
		c->extra_deps[c->nextra_deps++] = c->metafile;
	if ((rc = read_yaml(c, c->metafile, m)) == EXIT_OK)
		wq_meta_merge(c->cli_meta, m, 0);
	wq_meta_free(m);
	return rc;
}

static int
split_kv(const char *arg, char **key, const char **value)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg)
		return -1;
	*key = wq_xmalloc((size_t)(eq - arg) + 1);
	memcpy(*key, arg, (size_t)(eq - arg));
	(*key)[eq - arg] = '\0';
	*value = eq + 1;
	return 0;
}

int
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
	OPT_TITLE = 256,
	OPT_AUTHOR,
	OPT_LANG,
	OPT_DIR,
	OPT_NO_INFER,
	OPT_PLUGIN_DIR,
	OPT_LIST,
	OPT_INDEX,
	OPT_VERSION,
	OPT_LATIN_LANG,
	OPT_LOG,
	OPT_COVER,
	OPT_FONT,
	OPT_LENIENT,
	OPT_METAFILE,
	OPT_DEPFILE,
	OPT_CHECK,
	OPT_COLUMNS,
	OPT_MD_SPANS,
	OPT_CSS,
	OPT_SPLIT_LEVEL,
	OPT_TOC_DEPTH,
	OPT_NO_PROGRESS,
	OPT_RESOURCE_PATH,
	OPT_SANDBOX,
	OPT_UNSAFE_PLUGINS,
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
	{ "write-plugin-index", required_argument, NULL, OPT_INDEX },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "cover", required_argument, NULL, OPT_COVER },
	{ "embed-font", required_argument, NULL, OPT_FONT },
	{ "lenient", no_argument, NULL, OPT_LENIENT },
	{ "metadata-file", required_argument, NULL, OPT_METAFILE },
	{ "defaults", required_argument, NULL, 'd' },
	{ "depfile", required_argument, NULL, OPT_DEPFILE },
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "columns", required_argument, NULL, OPT_COLUMNS },
	{ "md-spans", no_argument, NULL, OPT_MD_SPANS },
	{ "css", required_argument, NULL, OPT_CSS },
	{ "split-level", required_argument, NULL, OPT_SPLIT_LEVEL },
	{ "toc-depth", required_argument, NULL, OPT_TOC_DEPTH },
	{ "no-progress", no_argument, NULL, OPT_NO_PROGRESS },
	{ "resource-path", required_argument, NULL, OPT_RESOURCE_PATH },
	{ "sandbox", no_argument, NULL, OPT_SANDBOX },
	{ "allow-unsafe-plugins", no_argument, NULL, OPT_UNSAFE_PLUGINS },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

int
bad_usage(const struct cli *c, const char *fmt, const char *arg)
{
	char msg[512];

	snprintf(msg, sizeof(msg), fmt, arg);
	message(c, "error", NULL, 0, 0, "usage", msg);
	fputs("Try 'warraq --help'.\n", stderr);
	return EXIT_USAGE;
}

static int load_defaults(struct cli *c, const char *path);

/* Applies one option, from the command line or a defaults file. */
static int
apply(struct cli *c, int ch, const char *arg)
{
	char *key;
	const char *value;

	static char from[64], to[64];

	switch (ch) {
	case 'f': c->from = set_format(c, arg, from, sizeof(from)); break;
	case 't': c->to = set_format(c, arg, to, sizeof(to)); break;
	case 'o': c->output = arg; break;
	case 'O': c->outdir = arg; break;
	case 'j':
		c->jobs = atoi(arg);
		if (c->jobs < 1 || c->jobs > 64)
			return bad_usage(c, "-j takes 1 to 64, not '%s'", arg);
		break;
	case 'M':
	case 'V':
		if (split_kv(arg, &key, &value) != 0)
			return bad_usage(
			    c, "expected KEY=VALUE, not '%s'", arg);
		if (ch == 'V') {
			wq_opts_add(c->wopts, key, value);
			if (c->nvkeys <
			    sizeof(c->vkeys) / sizeof(c->vkeys[0])) {
				c->vkeys[c->nvkeys++] = key;
				key = NULL; /* kept; main() frees it */
			}
		} else if (wq_meta_find(c->cli_meta, key) >= 0)
			wq_meta_add(c->cli_meta, key, value);
		else
			wq_meta_set(c->cli_meta, key, value);
		free(key);
		break;
	case OPT_TITLE: wq_meta_set(c->cli_meta, "title", arg); break;
	case OPT_AUTHOR: wq_meta_add(c->cli_meta, "author", arg); break;
	case OPT_LANG: c->lang = arg; break;
	case OPT_LATIN_LANG: c->latin_lang = arg; break;
	case OPT_DIR:
		if (strcmp(arg, "rtl") == 0)
			c->dir = WQ_DIR_RTL;
		else if (strcmp(arg, "ltr") == 0)
			c->dir = WQ_DIR_LTR;
		else
			return bad_usage(
			    c, "--dir takes ltr or rtl, not '%s'", arg);
		break;
	case OPT_NO_INFER: c->no_infer = 1; break;
	case OPT_PLUGIN_DIR: add_dir(c, arg); break;
	case OPT_LIST: c->list = 1; break;
	case OPT_INDEX: c->index_dir = optarg; break;
	case OPT_LOG:
		if (strcmp(arg, "json") == 0)
			c->json_log = 1;
		else if (strcmp(arg, "text") != 0)
			return bad_usage(
			    c, "--log takes text or json, not '%s'", arg);
		break;
	case OPT_COVER: wq_opts_add(c->wopts, "cover", arg); break;
	case OPT_FONT: wq_opts_add(c->wopts, "embed-font", arg); break;
	case OPT_CSS: wq_opts_add(c->wopts, "css", arg); break;
	case OPT_SPLIT_LEVEL:
	case OPT_TOC_DEPTH:
		if (arg[0] < '1' || arg[0] > '6' || arg[1] != '\0')
			return bad_usage(c,
			    ch == OPT_SPLIT_LEVEL
				? "--split-level takes a heading level, 1 to "
				  "6, not '%s'"
				: "--toc-depth takes a heading level, 1 to 6, "
				  "not '%s'",
			    arg);
		wq_opts_add(c->wopts,
		    ch == OPT_SPLIT_LEVEL ? "split-level" : "toc-depth", arg);
		break;
	case OPT_LENIENT: wq_opts_add(c->wopts, "lenient", "1"); break;
	case OPT_METAFILE: c->metafile = arg; break;
	case 'q': c->quiet = 1; break;
	case OPT_NO_PROGRESS: c->no_progress = 1; break;
	case OPT_RESOURCE_PATH:
		wq_opts_add(c->wopts, "resource-path", arg);
		break;
	case OPT_SANDBOX: wq_opts_add(c->wopts, "sandbox", "1"); break;
	case OPT_UNSAFE_PLUGINS: c->unsafe_plugins = 1; break;
	case 'h': usage(stdout); exit(EXIT_OK);
	case OPT_VERSION: c->version = 1; break;
	case 'd': return load_defaults(c, arg);
	case OPT_DEPFILE: c->depfile = arg; break;
	case OPT_CHECK: c->check = 1; break;
	case OPT_COLUMNS:
		if (atoi(arg) < 1)
			return bad_usage(
			    c, "--columns takes a width, not '%s'", arg);
		wq_opts_add(c->wopts, "columns", arg);
		break;
	case OPT_MD_SPANS: wq_opts_add(c->wopts, "md-spans", "1"); break;
	default: /* getopt named the option */
		fputs("Try 'warraq --help'.\n", stderr);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

int
parse_args(struct cli *c, int argc, char **argv)
{
	int ch;

	while ((ch = getopt_long(
		    argc, argv, "f:t:o:O:j:M:V:d:qh", long_opts, NULL)) != -1) {
		int rc = apply(c, ch, optarg);

		if (rc != EXIT_OK)
			return rc;
	}
	c->inputs = (const char **)argv + optind;
	c->ninputs = (size_t)(argc - optind);
	return EXIT_OK;
}

/* Defaults file keys and the option each stands for; list values
 * (input-files, authors, embed-fonts, plugin-dirs) repeat it. */
static const struct {
	const char *key;
	int opt;
} defaults_keys[] = {
	{ "from", 'f' },
	{ "reader", 'f' },
	{ "to", 't' },
	{ "writer", 't' },
	{ "output-file", 'o' },
	{ "output-dir", 'O' },
	{ "jobs", 'j' },
	{ "title", OPT_TITLE },
	{ "author", OPT_AUTHOR },
	{ "authors", OPT_AUTHOR },
	{ "lang", OPT_LANG },
	{ "dir", OPT_DIR },
	{ "latin-lang", OPT_LATIN_LANG },
	{ "plugin-dir", OPT_PLUGIN_DIR },
	{ "plugin-dirs", OPT_PLUGIN_DIR },
	{ "log", OPT_LOG },
	{ "cover", OPT_COVER },
	{ "embed-font", OPT_FONT },
	{ "embed-fonts", OPT_FONT },
	{ "css", OPT_CSS },
	{ "split-level", OPT_SPLIT_LEVEL },
	{ "toc-depth", OPT_TOC_DEPTH },
	{ "resource-path", OPT_RESOURCE_PATH },
	{ "metadata-file", OPT_METAFILE },
	{ "depfile", OPT_DEPFILE },
	{ "columns", OPT_COLUMNS },
	{ NULL, 0 },
};

/* The keys of a defaults file that name files: a committed defaults file
 * is as untrusted as a text, so each must lie in its own folder's tree. */
static int
names_a_file(int opt)
{
	return opt == 'o' || opt == 'O' || opt == OPT_COVER ||
	    opt == OPT_FONT || opt == OPT_CSS || opt == OPT_PLUGIN_DIR ||
	    opt == OPT_METAFILE || opt == OPT_DEPFILE ||
	    opt == OPT_RESOURCE_PATH;
}

/* Whether 'value' (as the command would open it) lies in the tree of the
 * folder of defaults file 'path'. A file not made yet (an output, and the
 * folders -o makes for it) is judged by its nearest existing folder. */
static int
in_defaults_tree(const char *path, const char *value)
{
	char dir[4096], parent[4096], *root, *real, *cut;
	const char *slash = strrchr(path, '/');
	size_t n;
	int in;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - path) : 1,
	    slash ? path : ".");
	if ((root = realpath(dir, NULL)) == NULL)
		return 0;
	snprintf(parent, sizeof(parent), "%s", value);
	while ((real = realpath(parent, NULL)) == NULL) {
		if (strcmp(parent, ".") == 0)
			break; /* not even the current folder */
		if ((cut = strrchr(parent, '/')) == NULL) {
			snprintf(parent, sizeof(parent), ".");
			continue;
		}
		if (cut == parent)
			cut[1] = '\0';
		else
			*cut = '\0';
	}
	n = strlen(root);
	in = real && strncmp(real, root, n) == 0 &&
	    (real[n] == '/' || real[n] == '\0' || strcmp(root, "/") == 0);
	free(root);
	free(real);
	return in;
}

int
check_cli_meta(const struct cli *c)
{
	size_t i, j;

	for (i = 0; i < wq_meta_count(c->cli_meta); i++)
		for (j = 0; j < wq_meta_nvalues(c->cli_meta, i); j++) {
			const char *v = wq_meta_value(c->cli_meta, i, j);
			const char *why = wq_text_refused(v, strlen(v));
			char msg[400];

			if (why == NULL)
				continue;
			snprintf(msg, sizeof(msg), "-M %.200s: %s",
			    wq_meta_key(c->cli_meta, i), why);
			message(c, "error", NULL, 0, 0, "input", msg);
			return EXIT_INPUT;
		}
	return EXIT_OK;
}

static int
is_true(const char *v)
{
	return strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 ||
	    strcmp(v, "1") == 0;
}

/* -d FILE: reads a YAML mapping of options. Keys are the long options'
 * names; "metadata" and "variables" are maps; "input-files" a list used
 * when the command line names no input. */
static int
load_defaults(struct cli *c, const char *path)
{
	wq_meta *m;
	size_t i, j, k;
	int rc;

	wq_meta_free(c->defaults);
	c->defaults = m = wq_meta_new();
	if ((rc = read_yaml(c, path, m)) != EXIT_OK)
		return rc;
	if (c->nextra_deps < 4)
		c->extra_deps[c->nextra_deps++] = path;
	for (i = 0; rc == EXIT_OK && i < wq_meta_count(m); i++) {
		const char *key = wq_meta_key(m, i),
			   *v = wq_meta_value(m, i, 0);
		size_t nv = wq_meta_nvalues(m, i);

		if (strncmp(key, "metadata.", 9) == 0) {
			wq_meta_remove(c->cli_meta, key + 9);
			for (j = 0; j < nv; j++) {
				if (wq_meta_is_list(m, i))
					wq_meta_add(c->cli_meta, key + 9,
					    wq_meta_value(m, i, j));
				else
					wq_meta_set(c->cli_meta, key + 9,
					    wq_meta_value(m, i, j));
			}
		} else if (strncmp(key, "variables.", 10) == 0) {
			wq_opts_add(c->wopts, key + 10, v);
		} else if (strcmp(key, "input-files") == 0 ||
		    strcmp(key, "input-file") == 0) {
			continue; /* main() takes them if argv has none */
		} else if (strcmp(key, "no-infer") == 0) {
			c->no_infer = is_true(v);
		} else if (strcmp(key, "quiet") == 0) {
			c->quiet = is_true(v);
		} else if (strcmp(key, "lenient") == 0) {
			if (is_true(v))
				wq_opts_add(c->wopts, "lenient", "1");
		} else {
			for (k = 0; defaults_keys[k].key; k++)
				if (strcmp(defaults_keys[k].key, key) == 0)
					break;
			if (defaults_keys[k].key == NULL) {
				char msg[300];

				snprintf(msg, sizeof(msg),
				    "unknown option '%s' in "
				    "defaults file",
				    key);
				message(c, "error", path, 0, 0, "usage", msg);
				return EXIT_USAGE;
			}
			for (j = 0; rc == EXIT_OK && j < nv; j++) {
				const char *val = wq_meta_value(m, i, j);

				if (names_a_file(defaults_keys[k].opt) &&
				    !in_defaults_tree(path, val)) {
					char msg[600];

					snprintf(msg, sizeof(msg),
					    "%s: '%.400s' is outside the "
					    "defaults "
					    "file's folder (a defaults file "
					    "names "
					    "only files of its own folder; "
					    "give "
					    "others on the command line)",
					    key, val);
					message(c, "error", path, 0, 0, "input",
					    msg);
					return EXIT_INPUT;
				}
				rc = apply(c, defaults_keys[k].opt, val);
			}
		}
	}
	return rc;
}
