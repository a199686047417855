/*
 * api_test.c - unit tests of the public API: model, iterator, metadata,
 * loader and its readers, errors and the plugin host. Takes the plugin
 * directory; prints a line per failure and "N passed, N failed" last.
 */
#include <warraq/host.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond, name)                                                 \
	do {                                                              \
		if (cond)                                                 \
			passed++;                                         \
		else {                                                    \
			failed++;                                         \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, name); \
		}                                                         \
	} while (0)

static wq_plugin_set *plugins;

/* Options that name the readers, as every caller must. */
static struct wq_load_opts
opts(void)
{
	struct wq_load_opts o;

	memset(&o, 0, sizeof(o));
	o.readers = wq_plugin_set_readers(plugins);
	return o;
}

static wq_doc *
load(const char *name, const char *text, struct wq_err *err)
{
	struct wq_load_opts o = opts();

	return wq_load_buffer(name, text, strlen(text), &o, err);
}

static void
test_model(void)
{
	wq_doc *doc = wq_doc_new();
	wq_node *sec = wq_node_new(doc, WQ_NODE_SECTION);
	wq_node *p = wq_node_new(doc, WQ_NODE_PARAGRAPH);
	wq_node *t = wq_node_new(doc, WQ_NODE_TEXT);
	wq_node *span = wq_node_new(doc, WQ_NODE_SPAN);
	wq_node *t2 = wq_node_new(doc, WQ_NODE_TEXT);

	wq_node_append(wq_doc_root(doc), sec);
	wq_node_append(sec, p);
	wq_node_append(p, t);
	wq_node_append(p, span);
	wq_node_append(span, t2);
	wq_node_set_literal(t, "abc", 3);
	wq_node_set_lang(sec, "ar");
	wq_node_set_dir(sec, WQ_DIR_RTL);
	wq_node_set_lang(span, "en");
	wq_node_set_dir(span, WQ_DIR_LTR);
	CHECK(wq_doc_section_count(doc) == 1, "one section");
	CHECK(wq_doc_section(doc, 0) == sec, "section 0");
	CHECK(wq_doc_section(doc, 1) == NULL, "no section 1");
	CHECK(strcmp(wq_node_effective_lang(t), "ar") == 0, "lang inherits");
	CHECK(wq_node_effective_dir(t) == WQ_DIR_RTL, "dir inherits");
	CHECK(strcmp(wq_node_effective_lang(t2), "en") == 0, "span lang");
	CHECK(wq_node_effective_dir(t2) == WQ_DIR_LTR, "span dir");
	CHECK(wq_node_lang(p) == NULL, "no own lang");
	CHECK(strcmp(wq_node_literal(t), "abc") == 0, "literal copied");
	CHECK(wq_node_literal(p) == NULL, "paragraph has no literal");
	CHECK(wq_node_section(t2) == sec, "section of a node");
	CHECK(wq_node_heading_level(p) == 0, "not a heading");
	/* An inline leaf is allocated without children's fields. */
	CHECK(wq_node_append(t, wq_node_new(doc, WQ_NODE_TEXT)) == -1 &&
		wq_node_first_child(t) == NULL && wq_node_next(t) == span,
	    "a text takes no child");
	CHECK(wq_node_append(span, wq_node_new(doc, WQ_NODE_SOFTBREAK)) == 0 &&
		wq_node_first_child(wq_node_last_child(span)) == NULL,
	    "a break appended, and childless");
	wq_node_unlink(span);
	CHECK(wq_node_last_child(p) == t && wq_node_next(t) == NULL, "unlink");
	wq_node_insert_after(t, span);
	CHECK(wq_node_next(t) == span && wq_node_last_child(p) == span,
	    "insert after");
	wq_doc_free(doc);
	wq_doc_free(NULL);
}

static void
test_iter(void)
{
	struct wq_err err;
	wq_doc *doc = load("t.md", "# H\n\npara *em*\n", &err);
	char seq[256] = "";
	wq_iter *it;
	enum wq_event ev;

	CHECK(doc != NULL, "load for iterator");
	if (doc == NULL)
		return;
	it = wq_iter_new(wq_doc_root(doc));
	while ((ev = wq_iter_next(it)) != WQ_EVENT_DONE) {
		const wq_node *n = wq_iter_node(it);

		strcat(seq, ev == WQ_EVENT_ENTER ? "+" : "-");
		strcat(seq, wq_node_type_name(wq_node_type_of(n)));
		strcat(seq, " ");
	}
	wq_iter_free(it);
	CHECK(strcmp(seq, "+document +section +heading +text -heading "
			  "+paragraph +text +emph +text -emph -paragraph "
			  "-section -document ") == 0,
	    "iterator order");
	wq_doc_free(doc);
}

/* Past a few keys a map is indexed by hash: every key found where it is,
 * in the order added, through additions, removals and replacements. */
static void
test_meta_many(void)
{
	wq_meta *m = wq_meta_new();
	char key[32], val[32];
	int i, ok = 1;

	for (i = 0; i < 3000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		snprintf(val, sizeof(val), "v%d", i);
		wq_meta_set(m, key, val);
	}
	for (i = 0; i < 3000; i += 3) { /* every third taken out */
		snprintf(key, sizeof(key), "k%d", i);
		wq_meta_remove(m, key);
	}
	wq_meta_set(m, "k1", "again"); /* replaced, stays where it was */
	wq_meta_set(m, "k0", "back");  /* added again, at the end */
	for (i = 0; i < 3000; i++) {
		long at;

		snprintf(key, sizeof(key), "k%d", i);
		at = wq_meta_find(m, key);
		if (i % 3 == 0 && i != 0)
			ok &= at == -1;
		else if (i == 0)
			ok &= at == 2000 && strcmp(wq_meta_value(m, 2000, 0),
						"back") == 0;
		else
			ok &= at == i - i / 3 - 1 &&
			    strcmp(wq_meta_key(m, (size_t)at), key) == 0;
	}
	CHECK(ok && wq_meta_count(m) == 2001 &&
		strcmp(wq_meta_get(m, "k1"), "again") == 0 &&
		wq_meta_find(m, "k3000") == -1,
	    "meta: 3,000 keys found through removals");
	wq_meta_free(m);
}

static void
test_meta(void)
{
	wq_doc *doc = wq_doc_new();
	wq_meta *m = wq_doc_meta(doc);

	wq_meta_set(m, "title", "T");
	wq_meta_add(m, "author", "a");
	wq_meta_add(m, "author", "b");
	CHECK(strcmp(wq_meta_get(m, "title"), "T") == 0, "meta get");
	CHECK(wq_meta_nvalues(m, (size_t)wq_meta_find(m, "author")) == 2,
	    "meta list");
	CHECK(wq_meta_is_list(m, (size_t)wq_meta_find(m, "author")), "is list");
	wq_meta_set(m, "title", "U");
	CHECK(strcmp(wq_meta_get(m, "title"), "U") == 0, "meta replace");
	wq_meta_remove(m, "title");
	CHECK(wq_meta_get(m, "title") == NULL, "meta remove");
	CHECK(wq_meta_count(m) == 1, "meta count");
	wq_doc_free(doc);
	test_meta_many();
}

static void
test_loader(void)
{
	struct wq_err err;
	wq_doc *doc;
	const wq_node *sec;
	const char *lang;
	uint64_t letters;

	doc = load("x.md", "---\ntitle: \"T: x\"\nauthors: [a, b]\n---\n"
			   "DeepSeek هو نموذج مفتوح صدر عام 2024.\n", &err);
	CHECK(doc != NULL, "front matter loads");
	if (doc) {
		sec = wq_doc_section(doc, 0);
		CHECK(strcmp(wq_meta_get(wq_section_meta(sec), "title"), "T: x") == 0,
		    "title from front matter");
		CHECK(wq_meta_find(wq_section_meta(sec), "author") >= 0,
		    "authors becomes author");
		/* First-strong would say LTR here (docs/design.md D1). */
		CHECK(wq_node_effective_dir(sec) == WQ_DIR_RTL, "majority not first strong");
		CHECK(strcmp(wq_node_effective_lang(sec), "ar") == 0, "lang inferred ar");
		CHECK(wq_section_inferred(sec) & WQ_INFERRED_LANG, "lang marked inferred");
		CHECK(wq_section_lang_usage(sec, 0, &lang, &letters) == 2 &&
		    strcmp(lang, "ar") == 0, "usage: ar first");
		CHECK(strlen(wq_section_sha256(sec)) == 64, "sha256 recorded");
		wq_doc_free(doc);
	}

	/* Notes are found by number, also one added after loading. */
	doc = load("n.md", "أ[^a] ب[^b] ج[^c]\n\n[^c]: 3\n[^b]: 2\n[^a]: 1\n",
	    &err);
	CHECK(doc != NULL, "notes load");
	if (doc) {
		wq_node *s = (wq_node *)wq_doc_section(doc, 0);
		wq_node *extra = wq_node_new(doc, WQ_NODE_FOOTNOTE);
		int k, found = 0;

		for (k = 1; k <= 3; k++)
			found += wq_section_footnote(s, k) &&
			    wq_node_footnote_number(wq_section_footnote(s, k)) == k;
		CHECK(found == 3, "each note by its number");
		CHECK(wq_section_footnote(s, 4) == NULL &&
		    wq_section_footnote(s, 0) == NULL &&
		    wq_section_footnote(s, -1) == NULL, "no note 4, 0 or -1");
		wq_node_set_footnote_number(extra, 4);
		wq_node_append(s, extra);
		CHECK(wq_section_footnote(s, 4) == extra, "a note added later");
		wq_node_unlink(wq_node_last_child(s));
		CHECK(wq_section_footnote(s, 4) == NULL, "a note taken away");
		wq_node_unlink(wq_node_last_child(s));
		CHECK(wq_section_footnote(s, 3) == NULL &&
		    wq_section_footnote(s, 2) != NULL,
		    "a note taken away that was found by number");
		wq_doc_free(doc);
	}

	doc = load("e.md", "Plain English words only.\n", &err);
	CHECK(doc && wq_node_effective_dir(wq_doc_section(doc, 0)) == WQ_DIR_LTR &&
	    strcmp(wq_node_effective_lang(wq_doc_section(doc, 0)), "en") == 0,
	    "English is en/ltr");
	wq_doc_free(doc);

	/* SHA-256 of "abc" (FIPS 180-2, appendix B.1). */
	doc = load("abc.txt", "abc", &err);
	CHECK(doc && strcmp(wq_section_sha256(wq_doc_section(doc, 0)),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0,
	    "sha256 of abc");
	wq_doc_free(doc);
	{
		struct wq_load_opts o = opts();

		o.no_digest = 1;
		doc = wq_load_buffer("abc.txt", "abc", 3, &o, &err);
		CHECK(doc && wq_section_sha256(wq_doc_section(doc, 0)) == NULL,
		    "no_digest: no sha256");
		wq_doc_free(doc);
	}

	doc = load("p.mARkdown", "######OpenITI#\n\n#META#Header#End#\n\n"
				 "# نص PageV01P001 نص\n\n# نص PageV01P002\n", &err);
	CHECK(doc && wq_section_page_breaks(wq_doc_section(doc, 0)) == 2,
	    "page breaks counted");
	wq_doc_free(doc);
	doc = load("e.md", "No pages.\n", &err);
	CHECK(doc && wq_section_page_breaks(wq_doc_section(doc, 0)) == 0,
	    "no page breaks");
	wq_doc_free(doc);

	memset(&err, 0, sizeof(err));
	doc = load("bad.txt", "ok\nbad \xC3\x28 here\n", &err);
	CHECK(doc == NULL && err.code == WQ_EINPUT && err.line == 2 && err.col == 5,
	    "invalid UTF-8 position");

	{
		/* The loader's input has no terminating NUL (found by fuzzing:
		 * a blank text read past its end). */
		char *exact = malloc(6);

		memcpy(exact, "\n  \n\t\n", 6);
		struct wq_load_opts o = opts();

		doc = wq_load_buffer("blank", exact, 6, &o, &err);
		CHECK(doc == NULL && strcmp(err.msg, "empty text") == 0,
		    "blank text without NUL");
		free(exact);
	}

	doc = load("bad.md", "---\na: [\n---\nx\n", &err);
	CHECK(doc == NULL && err.code == WQ_EINPUT, "malformed YAML refused");

	doc = load("n.txt", "first\nsecond\nthird\n", &err);
	CHECK(doc && wq_node_type_of(wq_node_first_child(wq_doc_section(doc, 0))) ==
	    WQ_NODE_HEADING, "short first line becomes the title heading");
	wq_doc_free(doc);
	{
		struct wq_load_opts o = opts();

		o.no_infer = 1;
		o.lang = "fa";
		doc = wq_load_buffer("n.txt", "first\nsecond\n", 13, &o, &err);
		CHECK(doc && wq_node_type_of(wq_node_first_child(wq_doc_section(doc, 0))) ==
		    WQ_NODE_PARAGRAPH, "--no-infer keeps paragraphs");
		CHECK(doc && wq_node_effective_dir(wq_doc_section(doc, 0)) == WQ_DIR_RTL,
		    "--lang fa gives rtl");
		wq_doc_free(doc);
	}
}

static void
test_setters(void)
{
	wq_doc *doc = wq_doc_new();
	wq_node *list = wq_node_new(doc, WQ_NODE_LIST);
	wq_node *link = wq_node_new(doc, WQ_NODE_LINK);
	wq_node *h = wq_node_new(doc, WQ_NODE_HEADING);
	wq_meta *m = wq_meta_new();

	{
		wq_node *p = wq_node_new(doc, WQ_NODE_PARAGRAPH);
		wq_node *t = wq_node_new(doc, WQ_NODE_TEXT), *rest, *end;

		wq_node_set_literal(t, "نص GPT", strlen("نص GPT"));
		wq_node_append(p, t);
		CHECK(wq_node_split_text(t, 1) == NULL &&
		    wq_node_split_text(t, 99) == NULL &&
		    wq_node_split_text(p, 0) == NULL,
		    "split refused inside a character, past the end, on a paragraph");
		rest = wq_node_split_text(t, strlen("نص "));
		CHECK(rest && wq_node_next(t) == rest &&
		    strcmp(wq_node_literal(t), "نص ") == 0 &&
		    strcmp(wq_node_literal(rest), "GPT") == 0 &&
		    wq_node_literal_len(rest) == 3,
		    "split: each part NUL-terminated, in order");
		end = wq_node_split_text(rest, 3);
		CHECK(end && wq_node_literal_len(end) == 0 &&
		    strcmp(wq_node_literal(rest), "GPT") == 0,
		    "split at the end: an empty text after");
	}
	CHECK(wq_node_set_heading_level(list, 2) == -WQ_EUSAGE &&
	    !wq_node_list_ordered(list), "heading level refused on a list");
	CHECK(wq_node_set_literal(link, "x", 1) == -WQ_EUSAGE &&
	    wq_node_url(link) == NULL,
	    "literal refused on a link, its URL kept");
	CHECK(wq_node_set_url(link, "https://x.org/") == 0 &&
	    strcmp(wq_node_url(link), "https://x.org/") == 0, "url set");
	CHECK(wq_node_set_info(link, "js") == -WQ_EUSAGE, "info on a link");
	CHECK(wq_node_set_heading_level(h, 7) == -WQ_EUSAGE &&
	    wq_node_set_heading_level(h, 3) == 0 &&
	    wq_node_heading_level(h) == 3, "heading levels 1 to 6");
	CHECK(wq_node_set_lang(h, "<x>") == -WQ_EUSAGE &&
	    wq_node_lang(h) == NULL, "bad language tag refused");
	CHECK(wq_node_set_dir(h, (wq_dir)7) == -WQ_EUSAGE, "bad dir refused");
	wq_meta_set(m, "title", "t");
	wq_meta_add(m, "author", "a");
	wq_meta_add(m, "author", "b");
	CHECK(wq_meta_count(m) == 2 && wq_meta_nvalues(m, 1) == 2,
	    "a metadata map of its own");
	wq_meta_free(m);
	/* WQ_CPUS: the CPUs the test was started on (tests/parts/81-api.sh
	 * runs it under taskset too). */
	CHECK(wq_cpus() >= 1 && (getenv("WQ_CPUS") == NULL ||
				    wq_cpus() == atoi(getenv("WQ_CPUS"))),
	    "wq_cpus() counts the CPUs the process may run on");
	CHECK(wq_version() == WQ_VERSION_NUMBER &&
	    strcmp(wq_version_string(), WQ_VERSION) == 0, "version");
	wq_doc_free(doc);
}

static void
test_readers(void)
{
	struct wq_load_opts o = opts();
	const char *page = "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head>"
			   "<title>عنوان</title></head><body><h2>قسم</h2>"
			   "<p>نص <b>عربي</b></p><script>x()</script></body>"
			   "</html>";
	const struct wq_plugin *r;
	struct wq_err err;
	wq_doc *doc;

	r = wq_load_pick_reader("a.md", "x", 1, &o);
	CHECK(r && strcmp(r->name, "markdown") == 0, "reader by extension");
	r = wq_load_pick_reader("-", page, strlen(page), &o);
	CHECK(r && strcmp(r->name, "html") == 0, "html found by its probe");
	r = wq_load_pick_reader("-", "نص", 4, &o);
	CHECK(r && strcmp(r->name, "text") == 0, "text is the last resort");
	doc = wq_load_buffer("page", page, strlen(page), &o, &err);
	CHECK(doc && strcmp(wq_section_title(wq_doc_section(doc, 0)),
			 "عنوان") == 0, "a page's title");
	CHECK(doc && wq_node_effective_dir(wq_doc_section(doc, 0)) ==
	    WQ_DIR_RTL, "a page's direction");
	wq_doc_free(doc);
	o.reader = "nosuch";
	doc = wq_load_buffer("a.md", "x", 1, &o, &err);
	CHECK(doc == NULL && err.code == WQ_EUSAGE, "unknown reader refused");
	o = opts();
	o.readers = NULL;
	doc = wq_load_buffer("a.md", "x", 1, &o, &err);
	CHECK(doc == NULL && err.code == WQ_EPLUGIN, "no readers, no text");
}

static void
test_lang(void)
{
	CHECK(wq_lang_is_rtl("ar"), "ar rtl");
	CHECK(wq_lang_is_rtl("fa-IR"), "fa-IR rtl");
	CHECK(!wq_lang_is_rtl("ar-Latn"), "ar-Latn ltr");
	CHECK(wq_lang_is_rtl("ms-Arab"), "ms-Arab rtl");
	CHECK(!wq_lang_is_rtl("en"), "en ltr");
	CHECK(wq_lang_tag_valid("en-GB") && !wq_lang_tag_valid("e") &&
	    !wq_lang_tag_valid("en_GB") && !wq_lang_tag_valid("<x>"),
	    "tag validity");
	{
		const char *t = "DeepSeek هو نموذج مفتوح";

		CHECK(wq_text_dir(t, strlen(t), WQ_DIR_UNSET) == WQ_DIR_RTL,
		    "text dir by majority");
		CHECK(wq_text_dir(t, strlen(t), WQ_DIR_LTR) == WQ_DIR_LTR,
		    "text dir stays with its context below 80%");
		CHECK(wq_text_dir("2024 - 1", 8, WQ_DIR_RTL) == WQ_DIR_UNSET,
		    "no strong letters");
	}
}

static void
test_plugins(const char *dir)
{
	struct wq_loaded_plugin lp;
	struct wq_err err;
	const char *dirs[] = { dir, NULL };
	char path[4096];

	CHECK(wq_plugin_open("html", dirs, &lp, &err) == 0 &&
	    strcmp(lp.plugin->name, "html") == 0, "html plugin loads");
	wq_plugin_close(&lp);
	CHECK(wq_plugin_open("nonexistent", dirs, &lp, &err) == -WQ_EPLUGIN,
	    "missing plugin");
	CHECK(wq_plugin_open("../html", dirs, &lp, &err) == -WQ_EPLUGIN,
	    "path in a plugin name refused");
	snprintf(path, sizeof(path), "%s/../libwarraq.so", dir);
	CHECK(wq_plugin_open_path(path, &lp, &err) == -WQ_EPLUGIN &&
	    strstr(err.msg, "not a warraq plugin"), "a library is not a plugin");
}

/* wq_url_encode: only what checkers reject is encoded. */
static void
test_urls(void)
{
	static const char *const cases[][2] = {
		{ "https://example.org/a?b=c&d=e#f", "https://example.org/a?b=c&d=e#f" },
		{ "http://[::1]:80/p[1]", "http://[::1]:80/p%5B1%5D" },
		{ "[#59][#59]", "%5B#59%5D%5B%2359%5D" },
		{ "50%off 50%25 50%", "50%25off%2050%25%2050%25" },
		{ "a#b#c", "a#b%23c" },
		{ "\xD9\x86<>\"{}|\\^`", "%D9%86%3C%3E%22%7B%7D%7C%5C%5E%60" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct wq_buf b;

		wq_buf_init(&b);
		wq_url_encode(&b, cases[i][0]);
		CHECK(b.data && strcmp(b.data, cases[i][1]) == 0, cases[i][0]);
		wq_buf_free(&b);
	}
}

int
main(int argc, char **argv)
{
	const char *dirs[] = { argc > 1 ? argv[1] : "", NULL };

	plugins = wq_plugin_set_open(dirs);
	test_model();
	test_setters();
	test_readers();
	test_iter();
	test_meta();
	test_loader();
	test_lang();
	test_urls();
	if (argc > 1)
		test_plugins(argv[1]);
	wq_plugin_set_free(plugins);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
