/*
 * frontmatter.c - YAML front matter into metadata, with libyaml's event
 * parser so that aliases are expanded by us, under a budget: a "billion
 * laughs" document fails in microseconds instead of eating the machine.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_DEPTH 32
#define MAX_VALUES 10000 /* values in all, aliases expanded */
#define MAX_ANCHORS 256
#define MAX_KEY 256	/* bytes: a longer key is an attack, not metadata */
#define NOT_A_MAPPING 1 /* parse_yaml: the YAML is not a mapping */

struct anchor {
	char *name;
	char **values;
	size_t n;
};

struct fm {
	const char *name;
	unsigned long line0; /* file line of the YAML's first line, minus 1 */
	yaml_parser_t parser;
	yaml_event_t ev;
	int have_ev;
	wq_meta *meta;
	struct anchor anchors[MAX_ANCHORS];
	size_t nanchors;
	size_t nvalues;
	struct wq_err *err;
};

static int
fail(struct fm *f, const yaml_mark_t *m, const char *msg)
{
	return wq_err_set(f->err, WQ_EINPUT, f->name, f->line0 + m->line + 1,
	    m->column + 1, "%s%s", f->line0 ? "front matter: " : "", msg);
}

static int
next(struct fm *f)
{
	if (f->have_ev)
		yaml_event_delete(&f->ev);
	f->have_ev = 0;
	if (!yaml_parser_parse(&f->parser, &f->ev)) {
		char msg[256];

		snprintf(msg, sizeof(msg), "%s%s%s",
		    f->parser.context ? f->parser.context : "",
		    f->parser.context ? ": " : "",
		    f->parser.problem ? f->parser.problem : "invalid YAML");
		return fail(f, &f->parser.problem_mark, msg);
	}
	f->have_ev = 1;
	return 0;
}

/* Values gathered for one key: scalars, flattened sequences, aliases. */
struct vals {
	char **v;
	size_t n, cap;
};

static int
push(struct fm *f, struct vals *vs, const char *s)
{
	if (++f->nvalues > MAX_VALUES)
		return fail(f, &f->ev.start_mark,
		    "too many values (aliases expand past 10000)");
	if (vs->n == vs->cap) {
		vs->cap = vs->cap ? vs->cap * 2 : 4;
		vs->v = wq_xrealloc(vs->v, vs->cap * sizeof(char *));
	}
	vs->v[vs->n++] = wq_xstrdup(s);
	return 0;
}

static void
vals_free(struct vals *vs)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		free(vs->v[i]);
	free(vs->v);
	vs->v = NULL;
	vs->n = vs->cap = 0;
}

static void
remember(
    struct fm *f, const unsigned char *anchor, struct vals *vs, size_t from)
{
	struct anchor *a;
	size_t i;

	if (anchor == NULL || f->nanchors == MAX_ANCHORS)
		return;
	a = &f->anchors[f->nanchors++];
	a->name = wq_xstrdup((const char *)anchor);
	a->n = vs->n - from;
	a->values = wq_xcalloc(a->n, sizeof(char *));
	for (i = 0; i < a->n; i++)
		a->values[i] = wq_xstrdup(vs->v[from + i]);
}

static int
expand(struct fm *f, struct vals *vs)
{
	const char *name = (const char *)f->ev.data.alias.anchor;
	size_t i, j;
	int rc;

	for (i = f->nanchors; i-- > 0;) {
		if (strcmp(f->anchors[i].name, name) != 0)
			continue;
		for (j = 0; j < f->anchors[i].n; j++)
			if ((rc = push(f, vs, f->anchors[i].values[j])) != 0)
				return rc;
		return 0;
	}
	return fail(f, &f->ev.start_mark, "alias to an unknown anchor");
}

static int mapping(struct fm *f, const char *prefix, int depth);

/* Reads the value that starts at the current event into 'vs'. A nested
 * mapping is stored under dotted keys instead, a mapping in a list under
 * its place too ("author.2.name"). */
static int
value(struct fm *f, const char *key, struct vals *vs, int *is_list, int depth)
{
	size_t from = vs->n;
	const unsigned char *anchor;
	char *a = NULL;
	int rc = 0;

	if (depth > MAX_DEPTH)
		return fail(f, &f->ev.start_mark, "nested too deeply");
	switch (f->ev.type) {
	case YAML_SCALAR_EVENT:
		if ((rc = push(f, vs, (const char *)f->ev.data.scalar.value)))
			return rc;
		remember(f, f->ev.data.scalar.anchor, vs, from);
		return 0;
	case YAML_ALIAS_EVENT: return expand(f, vs);
	case YAML_SEQUENCE_START_EVENT: {
		size_t k = 0;

		*is_list = 1;
		anchor = f->ev.data.sequence_start.anchor;
		a = anchor ? wq_xstrdup((const char *)anchor) : NULL;
		while ((rc = next(f)) == 0 &&
		    f->ev.type != YAML_SEQUENCE_END_EVENT) {
			/* A mapping in a list keeps its place: "author.2.role"
			 * (author: [{name: …, role: trl}, …]). */
			char *item = NULL;

			k++;
			if (f->ev.type == YAML_MAPPING_START_EVENT) {
				item = wq_xmalloc(strlen(key) + 24);
				sprintf(item, "%s.%zu", key, k);
			}
			rc =
			    value(f, item ? item : key, vs, is_list, depth + 1);
			free(item);
			if (rc != 0)
				break;
		}
		if (rc == 0)
			remember(f, (const unsigned char *)a, vs, from);
		free(a);
		return rc;
	}
	case YAML_MAPPING_START_EVENT: {
		size_t len = strlen(key);
		char *prefix = wq_xmalloc(len + 2);

		memcpy(prefix, key, len);
		memcpy(prefix + len, ".", 2);
		rc = mapping(f, prefix, depth + 1);
		free(prefix);
		return rc;
	}
	default: return fail(f, &f->ev.start_mark, "unexpected YAML structure");
	}
}

/* Reads key/value pairs until the end of the current mapping. */
static int
mapping(struct fm *f, const char *prefix, int depth)
{
	struct vals vs = { NULL, 0, 0 };
	char *key = NULL;
	int rc;

	while ((rc = next(f)) == 0 && f->ev.type != YAML_MAPPING_END_EVENT) {
		int is_list = 0, is_map;
		size_t i;

		if (f->ev.type != YAML_SCALAR_EVENT) {
			rc = fail(
			    f, &f->ev.start_mark, "keys must be plain strings");
			break;
		}
		if (f->ev.data.scalar.length + strlen(prefix) > MAX_KEY) {
			rc = fail(
			    f, &f->ev.start_mark, "key longer than 256 bytes");
			break;
		}
		free(key);
		key = wq_xmalloc(strlen(prefix) + f->ev.data.scalar.length + 1);
		strcpy(key, prefix);
		strcat(key, (const char *)f->ev.data.scalar.value);
		if ((rc = next(f)) != 0)
			break;
		is_map = f->ev.type == YAML_MAPPING_START_EVENT;
		if ((rc = value(f, key, &vs, &is_list, depth)) != 0)
			break;
		if (!is_map) {
			/* A later key of the same name wins, as in YAML. */
			wq_meta_remove(f->meta, key);
			for (i = 0; i < vs.n; i++) {
				if (is_list || vs.n > 1)
					wq_meta_add(f->meta, key, vs.v[i]);
				else
					wq_meta_set(f->meta, key, vs.v[i]);
			}
		}
		vals_free(&vs);
	}
	vals_free(&vs);
	free(key);
	return rc;
}

/* Finds the closing "---" or "..." line; returns the offset of its start
 * and sets *after to the offset just past it, or returns -1. */
static long
closing_line(const char *data, size_t len, size_t from, size_t *after)
{
	size_t i = from;

	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len, e = end;

		while (e > i &&
		    (data[e - 1] == ' ' || data[e - 1] == '\t' ||
			data[e - 1] == '\r'))
			e--;
		if (e - i == 3 &&
		    (memcmp(data + i, "---", 3) == 0 ||
			memcmp(data + i, "...", 3) == 0)) {
			*after = nl ? end + 1 : end;
			return (long)i;
		}
		i = end + 1;
	}
	return -1;
}

/* Front matter that is valid YAML but no mapping is not front matter
 * (see frontmatter_parse); YAML that does not parse is an error still. */
static int
not_a_mapping(struct fm *f)
{
	int rc;

	while ((rc = next(f)) == 0 && f->ev.type != YAML_STREAM_END_EVENT)
		;
	return rc ? rc : NOT_A_MAPPING;
}

/* Parses 'len' bytes of YAML, whose first line is line 'line0' + 1 of
 * file 'name', into 'meta'. */
static int
parse_yaml(const char *name, unsigned long line0, const char *data, size_t len,
    wq_meta *meta, struct wq_err *err)
{
	struct fm f;
	size_t i;
	int rc;

	memset(&f, 0, sizeof(f));
	f.name = name;
	f.line0 = line0;
	f.meta = meta;
	f.err = err;
	yaml_parser_initialize(&f.parser);
	yaml_parser_set_input_string(
	    &f.parser, (const unsigned char *)data, len);
	if ((rc = next(&f)) == 0 && (rc = next(&f)) == 0) {
		/* STREAM_START, then DOCUMENT_START or STREAM_END (empty). */
		if (f.ev.type == YAML_STREAM_END_EVENT && f.line0) {
			rc = NOT_A_MAPPING; /* nothing between the fences */
		} else if (f.ev.type == YAML_DOCUMENT_START_EVENT &&
		    (rc = next(&f)) == 0) {
			if (f.ev.type == YAML_MAPPING_START_EVENT)
				rc = mapping(&f, "", 0);
			else if (f.line0)
				rc = not_a_mapping(&f);
			else if (!(f.ev.type == YAML_SCALAR_EVENT &&
				     f.ev.data.scalar.length == 0))
				rc = fail(&f, &f.ev.start_mark,
				    "expected a mapping of keys to values");
			/* A second document would be silently lost. */
			if (rc == 0 && (rc = next(&f)) == 0 &&
			    (rc = next(&f)) == 0 &&
			    f.ev.type != YAML_STREAM_END_EVENT)
				rc = fail(&f, &f.ev.start_mark,
				    "more than one YAML document");
		}
	}
	if (f.have_ev)
		yaml_event_delete(&f.ev);
	yaml_parser_delete(&f.parser);
	for (i = 0; i < f.nanchors; i++) {
		size_t j;

		for (j = 0; j < f.anchors[i].n; j++)
			free(f.anchors[i].values[j]);
		free(f.anchors[i].values);
		free(f.anchors[i].name);
	}
	return rc;
}

long
frontmatter_parse(const char *name, const char *data, size_t len, wq_meta *meta,
    struct wq_err *err)
{
	size_t start, after;
	long close;
	int rc;

	/* An opening "---" line, with nothing but blanks after it. */
	if (len < 4 || memcmp(data, "---", 3) != 0)
		return 0;
	for (start = 3; start < len &&
	     (data[start] == ' ' || data[start] == '\t' || data[start] == '\r');
	     start++)
		;
	if (start >= len || data[start] != '\n')
		return 0;
	start++;
	if ((close = closing_line(data, len, start, &after)) < 0)
		return wq_err_set(err, WQ_EINPUT, name, 1, 1,
		    "front matter: no closing '---' line");
	rc =
	    parse_yaml(name, 1, data + start, (size_t)close - start, meta, err);
	/* Like pandoc, only a mapping is front matter: "---", "Foo", "---"
	 * is a thematic break and a setext heading (CommonMark 96, 98). */
	if (rc == NOT_A_MAPPING)
		return 0;
	return rc ? rc : (long)after;
}

int
wq_meta_load_yaml(wq_meta *m, const char *name, const char *data, size_t len,
    struct wq_err *err)
{
	return parse_yaml(name, 0, data, len, m, err);
}
