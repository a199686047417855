/*
 * check.c - lint (warraq --check, docs/design.md F5): what in a text would show
 * the wrong way round, reported, not repaired.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

struct lint {
	wq_warn_fn warn;
	void *arg;
	size_t findings;
	char msg[256];
};

static void
say(struct lint *l, const wq_node *n, const char *code)
{
	const wq_node *s = wq_node_section(n);

	l->findings++;
	if (l->warn)
		l->warn(l->arg, s ? wq_section_file(s) : NULL, wq_node_line(n),
		    0, code, l->msg);
}

static int
is_control(int32_t c)
{
	return c == 0x200E || c == 0x200F || c == 0x061C ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static int
is_presentation_form(int32_t c)
{
	return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

/* Counts bidi controls and presentation forms in one text. Controls are
 * U+061C (D8 9C) and U+200E-200F, U+202A-202E, U+2066-2069 (led by E2);
 * presentation forms are led by EF: searching for those bytes skips the
 * Arabic letters in between at memchr's speed. 'first' is where the first
 * control is, as the three searches find them out of order. */
static void
scan_text(
    const wq_node *n, size_t *controls, int32_t *first_control, size_t *forms)
{
	static const unsigned char leads[] = { 0xE2, 0xEF };
	const char *s = n->literal, *end = s + n->literal_len, *p;
	const char *first = NULL;
	int32_t first_cp = 0;
	size_t before = *controls, k;

	/* 9C is a continuation byte, rare in Arabic letters: U+061C is
	 * the 9C that follows D8. */
	for (p = s; (p = memchr(p, 0x9C, (size_t)(end - p))); p++)
		if (p > s && (unsigned char)p[-1] == 0xD8) {
			if (first == NULL)
				first = p - 1, first_cp = 0x061C;
			(*controls)++;
		}
	for (k = 0; k < sizeof(leads); k++)
		for (p = s; (p = memchr(p, leads[k], (size_t)(end - p))) &&
		     end - p >= 3;
		     p += 3) {
			size_t i = 0;
			int32_t cp = utf8_decode((const unsigned char *)p, &i);

			if (is_control(cp)) {
				if (first == NULL || p < first)
					first = p, first_cp = cp;
				(*controls)++;
			}
			if (is_presentation_form(cp))
				(*forms)++;
		}
	if (before == 0 && first)
		*first_control = first_cp;
}

/* Counts bidi controls and presentation forms below block 'n', noting
 * the first control. */
static void
scan(const wq_node *n, size_t *controls, int32_t *first_control, size_t *forms)
{
	const wq_node *c;

	if (n->type == WQ_NODE_TEXT || n->type == WQ_NODE_CODE) {
		scan_text(n, controls, first_control, forms);
		return;
	}
	for (c = node_first(n); c; c = c->next)
		scan(c, controls, first_control, forms);
}

static void
blocks(struct lint *l, const wq_node *n, int controls_only)
{
	const wq_node *c;

	for (c = node_first(n); c; c = c->next) {
		size_t controls = 0, forms = 0;
		int32_t first = 0;

		if (!wq_node_is_block(c))
			continue;
		if (c->type != WQ_NODE_PARAGRAPH &&
		    c->type != WQ_NODE_HEADING &&
		    c->type != WQ_NODE_CODE_BLOCK) {
			blocks(l, c, controls_only);
			continue;
		}
		scan(c, &controls, &first, &forms);
		if (controls) {
			snprintf(l->msg, sizeof(l->msg),
			    "%zu bidi control "
			    "character%s (first U+%04X) kept in the text; "
			    "markup "
			    "carries direction (docs/design.md U3)",
			    controls, controls == 1 ? "" : "s",
			    (unsigned)first);
			say(l, c, "bidi-control");
		}
		if (controls_only)
			continue;
		if (forms) {
			snprintf(l->msg, sizeof(l->msg),
			    "%zu Arabic presentation "
			    "form%s (U+FB50-FDFF, U+FE70-FEFF), typical of "
			    "text "
			    "taken from PDF (docs/design.md U2)",
			    forms, forms == 1 ? "" : "s");
			say(l, c, "presentation-form");
		}
		if (c->type != WQ_NODE_CODE_BLOCK && c->nl && c->nr &&
		    c->nl * 4 >= c->nr && c->nr * 4 >= c->nl) {
			snprintf(l->msg, sizeof(l->msg),
			    "paragraph mixes "
			    "directions (%u left-to-right, %u right-to-left "
			    "letters): check how it reads",
			    (unsigned)c->nl, (unsigned)c->nr);
			say(l, c, "mixed-paragraph");
		}
	}
}

static size_t
check(const wq_doc *doc, wq_warn_fn warn, void *arg, int controls_only)
{
	struct lint l = { warn, arg, 0, "" };
	const wq_node *s;

	for (s = node_first(doc->root); s; s = s->next) {
		const char *lang = wq_node_effective_lang(s);
		wq_dir dir = wq_node_effective_dir(s);

		if (!controls_only && dir == WQ_DIR_LTR && s->nr > s->nl) {
			snprintf(l.msg, sizeof(l.msg),
			    "mostly right-to-left letters "
			    "(%u of %u) in a text tagged lang=%s dir=ltr",
			    (unsigned)s->nr, (unsigned)(s->nl + s->nr),
			    lang ? lang : "?");
			say(&l, s, "rtl-text-ltr");
		} else if (!controls_only && lang && wq_lang_is_rtl(lang) &&
		    dir == WQ_DIR_LTR) {
			snprintf(l.msg, sizeof(l.msg),
			    "language %s is written "
			    "right to left, but the text says dir=ltr",
			    lang);
			say(&l, s, "lang-dir-mismatch");
		}
		blocks(&l, s, controls_only);
	}
	return l.findings;
}

size_t
wq_check(const wq_doc *doc, wq_warn_fn warn, void *arg)
{
	return check(doc, warn, arg, 0);
}

void
check_controls(const wq_doc *doc, wq_warn_fn warn, void *arg)
{
	check(doc, warn, arg, 1);
}
