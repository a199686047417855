/*
 * cli.h - what the files of the warraq command line share. The CLI sees
 * the library only through its public headers.
 */
#ifndef WQ_CLI_H
#define WQ_CLI_H

#include "warraq/host.h"

#include <stdio.h>

/* Exit codes, documented in warraq(1). */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 2,
	EXIT_INPUT = 3,
	EXIT_IO = 4,
	EXIT_PLUGIN = 5,
};

struct cli {
	const char *from, *to, *output, *outdir;
	const char *lang, *latin_lang;
	wq_dir dir;
	int no_infer, quiet, list, jobs, json_log, check;
	int no_progress;    /* --no-progress: warnings, but no [3/20] line */
	int version;	    /* --version */
	int unsafe_plugins; /* --allow-unsafe-plugins */
	const char *index_dir; /* --write-plugin-index */
	char *vkeys[64];    /* the -V keys given, checked against the writer */
	size_t nvkeys;
	const char *metafile; /* --metadata-file: under -M, over the texts' */
	const char *depfile;  /* --depfile: a Make rule of what was read */
	const char **inputs;
	size_t ninputs;
	const char *dirs[64];
	size_t ndirs;
	wq_meta *cli_meta;	/* -M, --title, --author */
	wq_meta *defaults;	/* -d FILE, kept: its strings are used */
	wq_plugin_set *plugins; /* every plugin of the search path */
	wq_opts *wopts;
	const char **extra_deps; /* files read besides the texts */
	size_t nextra_deps;
};

/* The exit code for a WQ_E... code. */
int exit_code(int wq_code);

/* message.c: the only place that prints diagnostics. */
void message(const struct cli *c, const char *severity, const char *file,
    unsigned long line, unsigned long col, const char *code, const char *msg);
void report(const struct cli *c, const struct wq_err *err);
void warn_cb(void *arg, const char *file, unsigned long line, unsigned long col,
    const char *code, const char *msg);
/* A progress line on a terminal: "[k/n] name", erased when done. */
void progress(const struct cli *c, size_t done, size_t total, const char *name);

/* options.c */
void usage(FILE *f);
int parse_args(struct cli *c, int argc, char **argv);
int bad_usage(const struct cli *c, const char *fmt, const char *arg);
int load_metafile(struct cli *c);
int parse_epoch(const struct cli *c);

/* plugins.c */
void add_dir(struct cli *c, const char *d);
void default_dirs(struct cli *c);
/* Refuses a -V key the writer does not read (exit 2, its known keys
 * named). */
int check_variables(const struct cli *c, const struct wq_plugin *writer);
/* Refuses a -M (or --title, metadata file) value the loader would
 * refuse in a text: exit 3, the key named. */
int check_cli_meta(const struct cli *c);
/* The out-of-memory handler: one line, temporary files removed, exit 4. */
void on_out_of_memory(size_t bytes);
/* --version: warraq's, its libraries', and where it looks for plugins. */
int print_version(const struct cli *c);
int list_formats(const struct cli *c);
/* The writer -t or -o names, reporting why there is none. Returns an
 * exit code. */
int pick_writer(struct cli *c, const struct wq_plugin **p);
/* Checks -f against the readers there are. Returns an exit code. */
int check_reader(const struct cli *c);

/* convert.c */
int lint(struct cli *c);
/* heap.c: memory for a conversion of these inputs, kept once freed, and
 * if 'populate' (one output, one thread), populated at once. */
void heap_prepare(const char **inputs, size_t ninputs, int populate);
/* Removes temporary outputs on SIGINT, SIGTERM and SIGHUP; 'threads'
 * when outputs will be written from several threads. */
void catch_signals(int threads);
void release_signals(void);
int convert_one_output(struct cli *c, const struct wq_plugin *p);
int convert_batch(struct cli *c, const struct wq_plugin *p);

/* depfile.c: Make rules of what an output was made from. */
void deps_of(const wq_doc *doc, const struct cli *c, struct wq_buf *rule);
int write_depfile(const struct cli *c, const struct wq_buf *rules);
void rule_start(struct wq_buf *rule, const char *output);

#endif
