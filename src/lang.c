/*
 * lang.c - facts about language tags: direction, names, well-formedness.
 */
#include "internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

struct lang {
	const char *tag, *name;
	int rtl;
};

/* docs/design.md D1: the right-to-left primary subtags, and names for TEI. */
static const struct lang langs[] = {
	{ "ar", "Arabic", 1 },
	{ "arc", "Aramaic", 1 },
	{ "ckb", "Central Kurdish", 1 },
	{ "de", "German", 0 },
	{ "dv", "Divehi", 1 },
	{ "en", "English", 0 },
	{ "es", "Spanish", 0 },
	{ "fa", "Persian", 1 },
	{ "fr", "French", 0 },
	{ "he", "Hebrew", 1 },
	{ "it", "Italian", 0 },
	{ "iw", "Hebrew", 1 },
	{ "ks", "Kashmiri", 1 },
	{ "ku", "Kurdish", 0 },
	{ "ms", "Malay", 0 },
	{ "nqo", "N'Ko", 1 },
	{ "prs", "Dari", 1 },
	{ "ps", "Pashto", 1 },
	{ "ru", "Russian", 0 },
	{ "sd", "Sindhi", 1 },
	{ "syr", "Syriac", 1 },
	{ "tr", "Turkish", 0 },
	{ "ug", "Uyghur", 1 },
	{ "und", "Undetermined", 0 },
	{ "ur", "Urdu", 1 },
	{ "yi", "Yiddish", 1 },
	{ "zh", "Chinese", 0 },
	{ NULL, NULL, 0 },
};

static const char *const rtl_scripts[] = { "Arab", "Hebr", "Syrc", "Thaa",
	"Nkoo", "Adlm", "Rohg", "Mand", "Samr", NULL };

static const struct lang *
find(const char *tag)
{
	const struct lang *l;
	size_t n = strcspn(tag, "-_");

	for (l = langs; l->tag; l++)
		if (strlen(l->tag) == n && strncasecmp(l->tag, tag, n) == 0)
			return l;
	return NULL;
}

int
wq_lang_is_rtl(const char *tag)
{
	const struct lang *l;
	const char *p;
	size_t i;

	if (tag == NULL)
		return 0;
	/* A script subtag (four letters) decides: ar-Latn is LTR. */
	for (p = strpbrk(tag, "-_"); p; p = strpbrk(p + 1, "-_")) {
		size_t n = strcspn(p + 1, "-_");

		if (n != 4)
			continue;
		for (i = 0; rtl_scripts[i]; i++)
			if (strncasecmp(p + 1, rtl_scripts[i], 4) == 0)
				return 1;
		if (isalpha((unsigned char)p[1]))
			return 0;
	}
	l = find(tag);
	return l && l->rtl;
}

const char *
wq_lang_name(const char *tag)
{
	const struct lang *l = tag ? find(tag) : NULL;

	return l ? l->name : NULL;
}

int
wq_date_is_iso(const char *s)
{
	static const char *const shapes[] = { "dddd", "dddd-dd", "dddd-dd-dd",
		"dddd-dd-ddTdd:ddZ", "dddd-dd-ddTdd:dd:ddZ", NULL };
	size_t i, k;

	for (i = 0; s && shapes[i]; i++) {
		for (k = 0; shapes[i][k] && s[k]; k++)
			if (shapes[i][k] == 'd' ? (s[k] < '0' || s[k] > '9')
						: s[k] != shapes[i][k])
				break;
		if (shapes[i][k] == '\0' && s[k] == '\0')
			return 1;
	}
	return 0;
}

/* A practical check of BCP 47 form: alphanumeric subtags of 1 to 8
 * characters joined by hyphens, the first of 2 to 8 letters. */
int
wq_lang_tag_valid(const char *tag)
{
	size_t i = 0, n = 0, sub = 0;

	if (tag == NULL || *tag == '\0')
		return 0;
	for (;; i++) {
		char c = tag[i];

		if (c == '-' || c == '\0') {
			if (n < (sub ? 1u : 2u) || n > 8)
				return 0;
			if (c == '\0')
				return 1;
			sub++, n = 0;
			continue;
		}
		if (!isalnum((unsigned char)c) ||
		    (sub == 0 && !isalpha((unsigned char)c)))
			return 0;
		n++;
	}
}
