/*
 * l10n.c - the few UI strings and page numbers writers put in books: a
 * table of contents titled "Contents" in an Arabic book is a bug
 * (docs/design.md E7).
 */
#include "internal.h"

#include <string.h>
#include <strings.h>

struct l10n {
	const char *lang, *contents, *landmarks, *start, *cover, *image;
	const char *done, *todo; /* a task list's boxes, for screen readers */
	const char *pages;	 /* an EPUB's page-list */
	const char *collection;	 /* a book of several texts, untitled */
};

static const struct l10n table[] = {
	{ "en", "Contents", "Landmarks", "Start", "Cover", "Image", "done",
	    "not done", "Pages", "A collection of texts" },
	{ "ar",
	    "\xd8\xa7\xd9\x84\xd9\x85\xd8\xad\xd8\xaa\xd9\x88\xd9\x8a"
	    "\xd8\xa7"
	    "\xd8\xaa",
	    "\xd8\xa7\xd9\x84\xd9\x85\xd8\xb9\xd8\xa7\xd9\x84\xd9\x85",
	    "\xd8\xa7\xd9\x84\xd8\xa8\xd8\xaf\xd8\xa7\xd9\x8a\xd8\xa9",
	    "\xd8\xa7\xd9\x84\xd8\xba\xd9\x84\xd8\xa7\xd9\x81",
	    "\xd8\xb5\xd9\x88\xd8\xb1\xd8\xa9" /* صورة */,
	    "\xd9\x85\xd9\x86\xd8\xac\xd8\xb2" /* منجز */,
	    "\xd8\xba\xd9\x8a\xd8\xb1\x20\xd9\x85\xd9\x86\xd8\xac\xd8"
	    "\xb2" /* غير منجز */,
	    "\xd8\xa7\xd9\x84\xd8\xb5\xd9\x81\xd8\xad\xd8\xa7\xd8\xaa" /* الصفحات */
	    ,
	    "مجموعة نصوص" },
	{ "fa", "\xd9\x81\xd9\x87\xd8\xb1\xd8\xb3\xd8\xaa", /* فهرست */
	    "\xd9\x86\xd8\xb4\xd8\xa7\xd9\x86\xd9\x87\xe2\x80\x8c\xd9"
	    "\x87\xd8"
	    "\xa7",
	    "\xd8\xa2\xd8\xba\xd8\xa7\xd8\xb2", "\xd8\xac\xd9\x84\xd8\xaf",
	    "\xd8\xaa\xd8\xb5\xd9\x88\xdb\x8c\xd8\xb1" /* تصویر */,
	    "\xd8\xa7\xd9\x86\xd8\xac\xd8\xa7\xd9\x85\x20\xd8\xb4\xd8"
	    "\xaf\xd9\x87" /* انجام شده */,
	    "\xd8\xa7\xd9\x86\xd8\xac\xd8\xa7\xd9\x85\x20\xd9\x86\xd8"
	    "\xb4\xd8\xaf\xd9\x87" /* انجام نشده */,
	    "\xd8\xb5\xd9\x81\xd8\xad\xd9\x87\xe2\x80\x8c\xd9\x87\xd8"
	    "\xa7" /* صفحه‌ها */,
	    "مجموعهٔ متون" },
	{ "ur", "\xd9\x81\xdb\x81\xd8\xb1\xd8\xb3\xd8\xaa", /* فہرست */
	    "\xd9\x86\xd8\xb4\xd8\xa7\xd9\x86\xd8\xa7\xd8\xaa",
	    "\xd8\xa2\xd8\xba\xd8\xa7\xd8\xb2",
	    "\xd8\xb3\xd8\xb1\xd9\x88\xd8\xb1\xd9\x82",
	    "\xd8\xaa\xd8\xb5\xd9\x88\xdb\x8c\xd8\xb1" /* تصویر */,
	    "\xd9\x85\xda\xa9\xd9\x85\xd9\x84" /* مکمل */,
	    "\xd9\x86\xd8\xa7\xd9\x85\xda\xa9\xd9\x85\xd9\x84" /* نامکمل */
	    ,
	    "\xd8\xb5\xd9\x81\xd8\xad\xd8\xa7\xd8\xaa" /* صفحات */,
	    "متون کا مجموعہ" },
	{ "he",
	    "\xd7\xaa\xd7\x95\xd7\x9b\xd7\x9f "
	    "\xd7\x94\xd7\xa2\xd7\xa0\xd7\x99\xd7\x99\xd7\xa0\xd7\x99"
	    "\xd7\x9d",
	    "\xd7\xa6\xd7\x99\xd7\x95\xd7\xa0\xd7\x99 "
	    "\xd7\x93\xd7\xa8\xd7\x9a",
	    "\xd7\x94\xd7\xaa\xd7\x97\xd7\x9c\xd7\x94",
	    "\xd7\xa2\xd7\x98\xd7\x99\xd7\xa4\xd7\x94",
	    "\xd7\xaa\xd7\x9e\xd7\x95\xd7\xa0\xd7\x94" /* תמונה */,
	    "\xd7\x91\xd7\x95\xd7\xa6\xd7\xa2" /* בוצע */,
	    "\xd7\x9c\xd7\x90\x20\xd7\x91\xd7\x95\xd7\xa6\xd7\xa2" /* לא בוצע */
	    ,
	    "\xd7\xa2\xd7\x9e\xd7\x95\xd7\x93\xd7\x99\xd7\x9d" /* עמודים */
	    ,
	    "אוסף טקסטים" },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};

const char *
wq_l10n(const char *lang, const char *key)
{
	const struct l10n *l = &table[0], *t;
	size_t n = lang ? strcspn(lang, "-_") : 0;

	for (t = table; lang && t->lang; t++)
		if (strlen(t->lang) == n && strncasecmp(t->lang, lang, n) == 0)
			l = t;
	if (strcmp(key, "contents") == 0)
		return l->contents;
	if (strcmp(key, "landmarks") == 0)
		return l->landmarks;
	if (strcmp(key, "start") == 0)
		return l->start;
	if (strcmp(key, "cover") == 0)
		return l->cover;
	if (strcmp(key, "pages") == 0)
		return l->pages;
	if (strcmp(key, "collection") == 0)
		return l->collection;
	if (strcmp(key, "done") == 0)
		return l->done;
	if (strcmp(key, "todo") == 0)
		return l->todo;
	if (strcmp(key, "image") == 0)
		return l->image;
	return "";
}

/* Printed Arabic books number their pages in Arabic-Indic digits (U+0660),
 * Persian and Urdu ones in the extended forms (U+06F0). */
void
wq_put_page_label(struct wq_buf *out, const char *lang, const char *page)
{
	unsigned zero = 0;

	if (lang && (strncasecmp(lang, "ar", 2) == 0) &&
	    (lang[2] == '\0' || lang[2] == '-'))
		zero = 0x660;
	else if (lang &&
	    (strncasecmp(lang, "fa", 2) == 0 ||
		strncasecmp(lang, "ur", 2) == 0) &&
	    (lang[2] == '\0' || lang[2] == '-'))
		zero = 0x6F0;
	while (page[0] == '0' && page[1] >= '0' && page[1] <= '9')
		page++;
	for (; *page; page++) {
		unsigned c = zero + (unsigned)(*page - '0');

		if (zero == 0 || *page < '0' || *page > '9') {
			wq_buf_putc(out, *page);
			continue;
		}
		wq_buf_putc(out, (int)(0xC0 | c >> 6));
		wq_buf_putc(out, (int)(0x80 | (c & 0x3F)));
	}
}
