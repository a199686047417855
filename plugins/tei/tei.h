/*
 * tei.h - what the tei writer's files share: the writer's state and its
 * shorthands over libxml2's xmlTextWriter (tei.c), the header (header.c)
 * and the citation system (cite.c).
 */
#ifndef WQ_TEI_H
#define WQ_TEI_H

#include <warraq/plugin.h>

#include <libxml/xmlwriter.h>

#define TEI_NS "http://www.tei-c.org/ns/1.0"

struct tei {
	const wq_doc *doc;
	const wq_opts *opts;
	xmlTextWriterPtr w;
	const char *span_el; /* foreign, seg or name (-V tei-spans=) */
	int rendition;	     /* -V tei-rendition=1: a CSS rendition for rtl */
	int rc;		     /* first libxml2 failure */
	unsigned long opened; /* elements started (an empty body needs one) */
	int mixed;	     /* depth of mixed content: no indenting inside */
	int in_note;	     /* inside a note: its marks stay marks */
	const char *volume;  /* of the last page break */
	char prefix[16];     /* of the text's xml:ids: "t2." */
	int hijri;	     /* the header wrote a Hijri date */
	struct tei_id *ids;  /* cite.c: structural ids, by node */
	size_t nids;
	struct wq_buf esc;   /* text, escaped for writing */
};

/* tei.c: writing. libxml2's failures are remembered in t->rc. */
void chk(struct tei *t, int r);
void start(struct tei *t, const char *el);
void end(struct tei *t);
void attr(struct tei *t, const char *name, const char *value);
void text(struct tei *t, const char *s, size_t len);
void text_el(struct tei *t, const char *el, const char *s);
/* Mixed content, written without indentation; end_mixed() ends the
 * element start_mixed() was called in. */
void start_mixed(struct tei *t);
void end_mixed(struct tei *t);
/* xml:lang where a node's language differs from its parent's. */
void lang_attr(struct tei *t, const wq_node *n);
/* xml:lang 'latin' on a string outside the body whose letters run
 * against 'context'. */
void string_lang(struct tei *t, const char *s, wq_dir context, const char *latin);
/* A URL attribute, percent-encoded where anyURI checkers balk. */
void url_attr(struct tei *t, const char *name, const char *url);

/* header.c: the teiHeader of one text, or of the corpus (sec NULL). */
void tei_header(struct tei *t, const wq_node *sec);

/* cite.c: ids from the structure, "t3.d2.4" for the fourth division of
 * the second of text 3, "t3.pb.V01P005" for a page; stable across runs
 * and unique in a teiCorpus. tei_ids() makes them for every text;
 * tei_id() is a division's (its heading's) or a page break's, or NULL. */
struct tei_id;
void tei_ids(struct tei *t);
void tei_ids_free(struct tei *t);
const char *tei_id(const struct tei *t, const wq_node *n);
/* The refsDecl of text 'sec': how to cite it by division and by page. */
void tei_refs_decl(struct tei *t, const wq_node *sec);

#endif
