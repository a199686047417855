/*
 * bidi.c - language and direction for a section, its blocks and its
 * inline runs (docs/design.md, section 5).
 *
 * Direction is never first-strong: a section's comes from the caller, its
 * front matter, its language, or the majority of its strong letters. A
 * block gets its own only when its letters clearly run the other way, and
 * inside a block every opposite-direction phrase (DeepSeek, GPT-4o, a URL,
 * an English sentence with a word in italics) becomes one span that
 * writers isolate (phrase.c). The full UBA is not needed for this: a
 * per-code-point class (ucd_class(), from u_charDirection) is enough, and
 * far cheaper than ubidi_setPara on every paragraph.
 */
#include "internal.h"
#include "swar.h"

#include <string.h>

/* Letters counted per script, for the language and its usage report. */
struct counts {
	uint64_t l, r;
	uint64_t arab, fa, ur, hebr, latn, other_l, other_r;
};

struct ctx {
	wq_doc *doc;
	const char *latin_lang;	  /* interned in the document */
	const char *arab_lang;	  /* the section's, if Arabic-script */
	const char *arab_default; /* else what its Arabic letters say */
	const char *sec_lang;
	struct phrases phrases;
};

static void
count_text(struct counts *k, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint64_t n[8] = { 0 }; /* letters by enum ucd_kind */
	size_t i = 0;

	while (i < len) {
		int32_t c;

		if (p[i] < 0x80) {
			uint64_t w;

			if (len - i >= 8 &&
			    ((w = load8(p + i)) & BYTES8(0x80)) == 0) {
				n[UCD_K_LATN] += count8(ascii_letters8(w));
				i += 8;
				continue;
			}
			if ((p[i] | 0x20) >= 'a' && (p[i] | 0x20) <= 'z')
				n[UCD_K_LATN]++;
			i++;
			continue;
		}
		c = utf8_decode(p, &i);
		n[c < UCD_CACHED ? UCD_KIND(ucd_cached(c))
				 : ucd_kind_of(c, ucd_class_icu(c))]++;
	}
	k->latn += n[UCD_K_LATN];
	k->other_l += n[UCD_K_OTHER_L];
	k->l += n[UCD_K_LATN] + n[UCD_K_OTHER_L];
	k->ur += n[UCD_K_UR];
	k->fa += n[UCD_K_FA];
	k->arab += n[UCD_K_ARAB] + n[UCD_K_UR] + n[UCD_K_FA];
	k->hebr += n[UCD_K_HEBR];
	k->other_r += n[UCD_K_OTHER_R];
	k->r += n[UCD_K_ARAB] + n[UCD_K_UR] + n[UCD_K_FA] + n[UCD_K_HEBR] +
	    n[UCD_K_OTHER_R];
}

static void
add_counts(struct counts *to, const struct counts *k)
{
	to->l += k->l, to->r += k->r, to->arab += k->arab, to->fa += k->fa;
	to->ur += k->ur, to->hebr += k->hebr, to->latn += k->latn;
	to->other_l += k->other_l, to->other_r += k->other_r;
}

/* Counts the prose letters below 'n' (code is not prose) and stores the
 * strong counts in every node on the way. */
static void
count_node(wq_node *n, struct counts *k)
{
	struct counts mine;
	wq_node *c;

	memset(&mine, 0, sizeof(mine));
	if (n->type == WQ_NODE_TEXT)
		count_text(&mine, n->literal, n->literal_len);
	else if (n->type != WQ_NODE_CODE && n->type != WQ_NODE_CODE_BLOCK)
		for (c = node_first(n); c; c = c->next)
			count_node(c, &mine);
	if (!NODE_IS_LEAF(n->type)) {
		n->nl = mine.l;
		n->nr = mine.r;
	}
	add_counts(k, &mine);
}

static const char *
arabic_lang_of(const struct counts *k)
{
	if (k->ur * 100 >= k->arab && k->ur > 0)
		return "ur";
	if (k->fa * 50 >= k->arab && k->fa > 0)
		return "fa";
	return "ar";
}

/* The language most of the letters counted in 'k' say (design D1). */
static const char *
script_lang(const struct counts *k, const char *latin)
{
	if (k->arab >= k->hebr && k->arab > k->latn + k->other_l)
		return arabic_lang_of(k);
	if (k->hebr > k->arab && k->hebr > k->latn + k->other_l)
		return "he";
	if (k->latn > 0 && k->latn >= k->other_l)
		return latin;
	return "und";
}

/* The language a run of letters is most likely in. */
static const char *
lang_of(const struct ctx *x, const struct counts *k, wq_dir dir)
{
	if (dir == WQ_DIR_LTR)
		return k->latn >= k->other_l ? x->latin_lang : "und";
	if (k->hebr > k->arab)
		return "he";
	if (k->arab == 0)
		return "und";
	if (x->arab_lang)
		return x->arab_lang;
	/* A few words rarely hold the letters that tell the languages
	 * apart: what they hold adds to what the whole text says. */
	if (k->ur > 0 && k->ur * 100 >= k->arab)
		return "ur";
	if (k->fa > 0 && k->fa * 50 >= k->arab &&
	    strcmp(x->arab_default, "ar") == 0)
		return "fa";
	return x->arab_default;
}

/* A block runs the other way only when at least four in five of its
 * strong letters do (D3): an Arabic sentence full of brand names
 * ("يعمل Sonnet مع OpenAI/Anthropic/Google") has more Latin letters than
 * Arabic ones and is still Arabic; an English quotation is not. */
static wq_dir
dominant(uint64_t nl, uint64_t nr, wq_dir parent)
{
	if (parent == WQ_DIR_RTL)
		return nl > 0 && nl >= 4 * nr ? WQ_DIR_LTR : WQ_DIR_RTL;
	return nr > 0 && nr >= 4 * nl ? WQ_DIR_RTL : WQ_DIR_LTR;
}

static const char *
intern(struct ctx *x, const char *lang)
{
	if (x->sec_lang && strcmp(lang, x->sec_lang) == 0)
		return x->sec_lang;
	if (strcmp(lang, x->latin_lang) == 0)
		return x->latin_lang;
	return arena_strdup(&x->doc->arena, lang);
}

/* A phrase's language (phrase.c asks). */
static const char *
phrase_lang(void *arg, const char *s, size_t len, wq_dir dir)
{
	struct ctx *x = arg;
	struct counts k;

	memset(&k, 0, sizeof(k));
	count_text(&k, s, len);
	return intern(x, lang_of(x, &k, dir));
}

static void
blocks(struct ctx *x, wq_node *n, wq_dir dir)
{
	wq_node *c;

	for (c = node_first(n); c; c = c->next) {
		wq_dir d = dir;

		if (c->type == WQ_NODE_CODE_BLOCK) {
			if (dir == WQ_DIR_RTL)
				c->dir = WQ_DIR_LTR;
			continue;
		}
		if (!wq_node_is_block(c))
			continue;
		/* A row never turns: its cells would change sides. */
		if (c->dir == WQ_DIR_UNSET && c->type != WQ_NODE_TABLE_ROW &&
		    (d = dominant(c->nl, c->nr, dir)) != dir) {
			struct counts k;

			memset(&k, 0, sizeof(k));
			count_node(c, &k);
			c->dir = d;
			c->lang = (char *)intern(x, lang_of(x, &k, d));
		} else if (c->dir != WQ_DIR_UNSET) {
			/* The source stated the direction: the language that
			 * goes with it, when the source did not say (D4). */
			d = c->dir;
			if (c->lang == NULL && d != dir) {
				struct counts k;
				const char *lang;

				memset(&k, 0, sizeof(k));
				count_node(c, &k);
				if (strcmp(lang = lang_of(x, &k, d), "und") !=
				    0)
					c->lang = (char *)intern(x, lang);
			}
		}
		if (c->type == WQ_NODE_PARAGRAPH ||
		    c->type == WQ_NODE_HEADING ||
		    c->type == WQ_NODE_TABLE_CELL ||
		    c->type == WQ_NODE_VERSE_LINE || c->type == WQ_NODE_CAPTION)
			phrases_isolate(&x->phrases, c, d);
		else
			blocks(x, c, d);
	}
}

static void
set_usage(struct section_info *si, const char *lang, uint64_t n)
{
	size_t i, j;

	if (n == 0)
		return;
	for (i = 0; i < si->nusage; i++)
		if (strcmp(si->usage[i].lang, lang) == 0) {
			si->usage[i].letters += n;
			break;
		}
	if (i == si->nusage) {
		if (si->nusage == sizeof(si->usage) / sizeof(si->usage[0]))
			return;
		si->usage[si->nusage].lang = lang;
		si->usage[si->nusage++].letters = n;
	}
	/* Keep most used first; ties by tag, for stable output. */
	for (i = 1; i < si->nusage; i++)
		for (j = i; j > 0 &&
		     (si->usage[j].letters > si->usage[j - 1].letters ||
			 (si->usage[j].letters == si->usage[j - 1].letters &&
			     strcmp(si->usage[j].lang, si->usage[j - 1].lang) <
				 0));
		     j--) {
			struct lang_count t = si->usage[j];

			si->usage[j] = si->usage[j - 1];
			si->usage[j - 1] = t;
		}
}

void
bidi_section(wq_node *sec, const struct wq_load_opts *opts)
{
	wq_meta *m = wq_section_meta(sec);
	const char *lang = NULL, *mdir = wq_meta_get(m, "dir");
	unsigned bits = wq_section_inferred(sec);
	struct counts k;
	struct ctx x;
	wq_dir dir;

	memset(&k, 0, sizeof(k));
	count_node(sec, &k);
	x.doc = wq_node_doc(sec);
	x.latin_lang = arena_strdup(&x.doc->arena,
	    opts->latin_lang && wq_lang_tag_valid(opts->latin_lang)
		? opts->latin_lang
		: "en");
	if (opts->lang && wq_lang_tag_valid(opts->lang))
		lang = opts->lang;
	else if (wq_lang_tag_valid(wq_meta_get(m, "lang")))
		lang = wq_meta_get(m, "lang");
	else if (wq_lang_tag_valid(wq_meta_get(m, "language")))
		lang = wq_meta_get(m, "language");
	if (lang) /* the metadata's string goes away below: copy it */
		lang = arena_strdup(&x.doc->arena, lang);
	if (lang == NULL) {
		lang = script_lang(&k, x.latin_lang);
		bits |= WQ_INFERRED_LANG;
	}
	x.sec_lang = arena_strdup(&x.doc->arena, lang);
	x.arab_lang = NULL;
	x.arab_default = arabic_lang_of(&k);
	if (strncmp(x.sec_lang, "ar", 2) == 0 ||
	    strncmp(x.sec_lang, "fa", 2) == 0 ||
	    strncmp(x.sec_lang, "ur", 2) == 0)
		if (wq_lang_is_rtl(x.sec_lang))
			x.arab_lang = x.sec_lang;

	if (opts->dir != WQ_DIR_UNSET) {
		dir = opts->dir;
	} else if (mdir &&
	    (strcmp(mdir, "rtl") == 0 || strcmp(mdir, "ltr") == 0)) {
		dir = mdir[0] == 'r' ? WQ_DIR_RTL : WQ_DIR_LTR;
	} else {
		/* An inferred language came from the majority of letters, so
		 * its direction is theirs too. */
		dir = wq_lang_is_rtl(x.sec_lang) ? WQ_DIR_RTL : WQ_DIR_LTR;
		if (bits & WQ_INFERRED_LANG)
			bits |= WQ_INFERRED_DIR;
	}
	sec->lang = (char *)x.sec_lang;
	sec->dir = dir;
	/* The section node now holds language and direction; metadata keys
	 * that said them would only be a second, stale copy. */
	if (wq_lang_tag_valid(wq_meta_get(m, "lang")))
		wq_meta_remove(m, "lang");
	if (wq_lang_tag_valid(wq_meta_get(m, "language")))
		wq_meta_remove(m, "language");
	if (mdir && (strcmp(mdir, "rtl") == 0 || strcmp(mdir, "ltr") == 0))
		wq_meta_remove(m, "dir");
	wq_section_set_inferred(sec, bits);

	set_usage(
	    sec->sec, x.arab_lang ? x.arab_lang : arabic_lang_of(&k), k.arab);
	set_usage(sec->sec, "he", k.hebr);
	set_usage(sec->sec, x.latin_lang, k.latn);
	set_usage(sec->sec, "und", k.other_l + k.other_r);

	memset(&x.phrases, 0, sizeof(x.phrases));
	x.phrases.lang = phrase_lang;
	x.phrases.arg = &x;
	blocks(&x, sec, dir);
	phrases_free(&x.phrases);
}

wq_dir
wq_text_dir(const char *s, size_t len, wq_dir context)
{
	struct counts k;

	memset(&k, 0, sizeof(k));
	count_text(&k, s, len);
	if (k.l == 0 && k.r == 0)
		return WQ_DIR_UNSET;
	if (context == WQ_DIR_UNSET)
		return k.r > k.l ? WQ_DIR_RTL : WQ_DIR_LTR;
	return dominant(k.l, k.r, context);
}

const char *
wq_text_lang(const char *s, size_t len, const char *latin)
{
	struct counts k;

	memset(&k, 0, sizeof(k));
	count_text(&k, s, len);
	return script_lang(&k, latin ? latin : "en");
}

wq_dir
wq_text_first_strong(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		enum ucd_class cl = ucd_class(utf8_decode(p, &i));

		if (cl == UCD_L)
			return WQ_DIR_LTR;
		if (cl == UCD_R)
			return WQ_DIR_RTL;
	}
	return WQ_DIR_UNSET;
}

wq_dir
wq_label_dir(const char *s, size_t len, wq_dir context)
{
	wq_dir d = wq_text_dir(s, len, context);

	if (d == WQ_DIR_UNSET)
		return WQ_DIR_UNSET;
	return d != context || wq_text_first_strong(s, len) != d ? d
								 : WQ_DIR_UNSET;
}
