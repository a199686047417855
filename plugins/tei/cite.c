/*
 * cite.c - the citation system: xml:ids that follow the edition's
 * structure, and the refsDecl that tells TEI tools how to cite a text by
 * division ("2.4") and by printed page ("V01P005").
 *
 * Ids made from heading text change when a heading is reworded and
 * collide when editions are merged; these change only when the
 * structure does, and carry their text's number.
 */
#include "tei.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tei_id {
	const wq_node *node;
	char *id;
	size_t order; /* in the document, so that duplicates number in it */
};

static void
add(struct tei *t, size_t *cap, const wq_node *n, const char *id)
{
	size_t len = strlen(id) + 1;

	if (t->nids == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		t->ids = wq_xrealloc(t->ids, *cap * sizeof(*t->ids));
	}
	t->ids[t->nids].node = n;
	t->ids[t->nids].order = t->nids;
	t->ids[t->nids].id = memcpy(wq_xmalloc(len), id, len);
	t->nids++;
}

/* "t1.pb.V01P005" for every page break below 'n'. */
static void
pages(struct tei *t, size_t *cap, const wq_node *n, const char *prefix)
{
	const wq_node *c;
	char id[80];

	for (c = wq_node_first_child(n); c; c = wq_node_next(c)) {
		if (wq_node_type_of(c) == WQ_NODE_PAGE_BREAK) {
			if (wq_node_page_volume(c))
				snprintf(id, sizeof(id), "%s.pb.V%sP%s", prefix,
				    wq_node_page_volume(c), wq_node_page(c));
			else
				snprintf(id, sizeof(id), "%s.pb.P%s", prefix,
				    wq_node_page(c));
			add(t, cap, c, id);
		} else if (wq_node_type_is_container(wq_node_type_of(c))) {
			pages(t, cap, c, prefix);
		}
	}
}

/* The divisions of a text, numbered as body() nests them. */
static void
divisions(struct tei *t, size_t *cap, const wq_node *sec, const char *prefix)
{
	int levels[8], count[8] = { 0 }, depth = 0, k;
	const wq_node *c;
	char id[128];

	for (c = wq_node_first_child(sec); c; c = wq_node_next(c)) {
		size_t len;

		if (wq_node_type_of(c) != WQ_NODE_HEADING)
			continue;
		while (
		    depth > 0 && levels[depth - 1] >= wq_node_heading_level(c))
			depth--;
		count[depth]++;
		if (depth + 1 < 8)
			count[depth + 1] = 0;
		levels[depth++] = wq_node_heading_level(c);
		len = (size_t)snprintf(id, sizeof(id), "%s.d", prefix);
		for (k = 0; k < depth && len < sizeof(id); k++)
			len += (size_t)snprintf(id + len, sizeof(id) - len,
			    "%s%d", k ? "." : "", count[k]);
		add(t, cap, c, id);
		if (depth == 8)
			depth--;
	}
}

static int
by_id(const void *a, const void *b)
{
	const struct tei_id *x = a, *y = b;
	int r = strcmp(x->id, y->id);

	return r ? r : (x->order > y->order) - (x->order < y->order);
}

static int
by_node(const void *a, const void *b)
{
	const struct tei_id *x = a, *y = b;

	return (x->node > y->node) - (x->node < y->node);
}

void
tei_ids(struct tei *t)
{
	size_t i, j, cap = 0, n = wq_doc_section_count(t->doc);
	char prefix[32];

	for (i = 0; i < n; i++) {
		const wq_node *sec = wq_doc_section(t->doc, i);

		snprintf(prefix, sizeof(prefix), "t%zu", i + 1);
		divisions(t, &cap, sec, prefix);
		if (wq_section_page_breaks(sec) > 0)
			pages(t, &cap, sec, prefix);
	}
	if (t->nids == 0)
		return;
	/* A page the source numbers twice: "-2", "-3" after the first. */
	qsort(t->ids, t->nids, sizeof(*t->ids), by_id);
	for (i = 0; i < t->nids; i = j)
		for (j = i + 1;
		     j < t->nids && strcmp(t->ids[j].id, t->ids[i].id) == 0;
		     j++) {
			char *id = wq_xmalloc(strlen(t->ids[i].id) + 24);

			sprintf(id, "%s-%zu", t->ids[i].id, j - i + 1);
			free(t->ids[j].id);
			t->ids[j].id = id;
		}
	qsort(t->ids, t->nids, sizeof(*t->ids), by_node);
}

void
tei_ids_free(struct tei *t)
{
	size_t i;

	for (i = 0; i < t->nids; i++)
		free(t->ids[i].id);
	free(t->ids);
	t->ids = NULL;
	t->nids = 0;
}

const char *
tei_id(const struct tei *t, const wq_node *n)
{
	struct tei_id key, *hit;

	key.node = n;
	hit = t->nids ? bsearch(&key, t->ids, t->nids, sizeof(*t->ids), by_node)
		      : NULL;
	return hit ? hit->id : NULL;
}

/* How deep the divisions of 'sec' nest. */
static int
div_depth(const wq_node *sec)
{
	int levels[8], depth = 0, most = 0;
	const wq_node *c;

	for (c = wq_node_first_child(sec); c; c = wq_node_next(c)) {
		if (wq_node_type_of(c) != WQ_NODE_HEADING)
			continue;
		while (
		    depth > 0 && levels[depth - 1] >= wq_node_heading_level(c))
			depth--;
		if (depth < 7)
			levels[depth++] = wq_node_heading_level(c);
		if (depth > most)
			most = depth;
	}
	return most;
}

void
tei_refs_decl(struct tei *t, const wq_node *sec)
{
	int depth = div_depth(sec), k;
	char root[96], match[128];

	if (depth == 0 && wq_section_page_breaks(sec) == 0)
		return;
	/* This text's <TEI>, whether it is the root or in a teiCorpus. */
	if (wq_doc_section_count(t->doc) == 1)
		snprintf(root, sizeof(root), "/TEI");
	else
		snprintf(root, sizeof(root), "/teiCorpus/TEI[@xml:id='%.*s']",
		    (int)(strlen(t->prefix) - 1), t->prefix);
	start(t, "refsDecl");
	for (k = 0; k < depth; k++) {
		start(t, "citeStructure");
		attr(t, "unit", "division");
		if (k == 0) {
			snprintf(
			    match, sizeof(match), "%s/text/body/div", root);
			attr(t, "match", match);
		} else {
			attr(t, "match", "div");
			attr(t, "delim", ".");
		}
		attr(t, "use", "position()");
	}
	for (k = 0; k < depth; k++)
		end(t);
	if (wq_section_page_breaks(sec) > 0) {
		start(t, "citeStructure");
		attr(t, "unit", "page");
		snprintf(match, sizeof(match), "%s/text//pb", root);
		attr(t, "match", match);
		attr(t, "use", "substring-after(@xml:id, '.pb.')");
		end(t);
	}
	end(t);
}
