/*
 * people.c - who made the book: dc:creator for the book's own authors
 * (--author, -M author, its metadata file, or its one text's), and
 * dc:contributor for the authors of its texts when it has several, so an
 * anthology never names one of its authors as the book's. Each has a
 * MARC relator role (aut, trl, edt, ill) and, where given, a file-as:
 * "author: [{name: …, role: trl, file-as: …}]" in front matter.
 */
#include "epub.h"

#include <stdio.h>
#include <string.h>

/* The keys that name people, and the role each gives. */
static const struct {
	const char *key, *role;
} keys[] = {
	{ "author", "aut" },
	{ "translator", "trl" },
	{ "editor", "edt" },
	{ "illustrator", "ill" },
	{ NULL, NULL },
};

struct person {
	const char *name, *role, *file_as;
};

struct people {
	struct person p[64];
	size_t n;
};

static void
add(struct people *ps, const char *name, const char *role, const char *file_as)
{
	size_t i;

	if (name == NULL || *name == '\0' || ps->n == 64)
		return;
	for (i = 0; i < ps->n; i++) /* each once, its first role */
		if (strcmp(ps->p[i].name, name) == 0)
			return;
	ps->p[ps->n].name = name;
	ps->p[ps->n].role = role;
	ps->p[ps->n++].file_as = file_as;
}

/* A MARC relator code: three lowercase letters. */
static int
is_relator(const char *s)
{
	return s && strlen(s) == 3 && s[0] >= 'a' && s[0] <= 'z' &&
	    s[1] >= 'a' && s[1] <= 'z' && s[2] >= 'a' && s[2] <= 'z';
}

/* The people metadata 'm' names: plain values ("author: X") and mappings
 * in a list ("author.2.name", ".role", ".file-as"). */
static void
gather(struct people *ps, const wq_meta *m)
{
	size_t k, j;
	char key[64];

	for (k = 0; keys[k].key; k++) {
		long at = wq_meta_find(m, keys[k].key);

		for (j = 0; at >= 0 && j < wq_meta_nvalues(m, (size_t)at); j++)
			add(ps, wq_meta_value(m, (size_t)at, j), keys[k].role,
			    NULL);
		for (j = 1; j < 64; j++) {
			const char *name, *role;

			snprintf(
			    key, sizeof(key), "%s.%zu.name", keys[k].key, j);
			if ((name = wq_meta_get(m, key)) == NULL)
				break;
			snprintf(
			    key, sizeof(key), "%s.%zu.role", keys[k].key, j);
			role = wq_meta_get(m, key);
			snprintf(
			    key, sizeof(key), "%s.%zu.file-as", keys[k].key, j);
			add(ps, name, is_relator(role) ? role : keys[k].role,
			    wq_meta_get(m, key));
		}
	}
}

/* People [from, to) of 'ps' as dc:EL, numbered from 1. */
static void
put_people(struct book *bk, struct wq_buf *b, const struct people *ps,
    size_t from, size_t to, const char *el)
{
	size_t i;
	char id[32];

	for (i = from; i < to; i++) {
		snprintf(id, sizeof(id), "%s%zu", el, i - from + 1);
		put_dc(b, el, id, ps->p[i].name, bk->dir);
		wq_buf_printf(b,
		    "    <meta refines=\"#%s\" property=\"role\" "
		    "scheme=\"marc:relators\">%s</meta>\n",
		    id, ps->p[i].role);
		if (ps->p[i].file_as) {
			wq_buf_printf(b,
			    "    <meta refines=\"#%s\" property=\"file-as\">",
			    id);
			put_esc(b, ps->p[i].file_as);
			wq_buf_puts(b, "</meta>\n");
		}
	}
}

void
epub_people(struct book *bk, struct wq_buf *b)
{
	struct people ps;
	size_t i, n = wq_doc_section_count(bk->doc), creators;

	ps.n = 0;
	gather(&ps, wq_doc_meta(bk->doc));
	if (n == 1)
		gather(&ps, wq_section_meta(wq_doc_section(bk->doc, 0)));
	creators = ps.n;
	for (i = 0; n > 1 && i < n; i++)
		gather(&ps, wq_section_meta(wq_doc_section(bk->doc, i)));
	put_people(bk, b, &ps, 0, creators, "creator");
	put_people(bk, b, &ps, creators, ps.n, "contributor");
}
