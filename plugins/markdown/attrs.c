/*
 * attrs.c - pandoc's attribute lists, "{#id .class dir=ltr lang=en}", as
 * spans, headings and fenced divs carry them (docs/design.md M2).
 */
#include "markdown.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

static int
name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':';
}

/* Copies value s[0, len) into 'to' (of 17 bytes): page numbers and
 * the like, checked again by the model. */
static int
label(char *to, const char *s, size_t len)
{
	if (len == 0 || len > 16)
		return 0;
	memcpy(to, s, len);
	to[len] = '\0';
	return 1;
}

static const struct {
	const char *key;
	size_t off;
} labels[] = {
	{ "page=", offsetof(struct md_attrs, page) },
	{ "volume=", offsetof(struct md_attrs, volume) },
	{ "unit=", offsetof(struct md_attrs, unit) },
	{ "n=", offsetof(struct md_attrs, n) },
	{ NULL, 0 },
};

size_t
md_attrs(const char *s, size_t len, struct md_attrs *a)
{
	size_t i = 1, nkinds = 0, j;

	memset(a, 0, sizeof(*a));
	if (len == 0 || s[0] != '{')
		return 0;
	while (i < len && s[i] != '}') {
		size_t start, vlen, k;

		while (i < len && s[i] == ' ')
			i++;
		start = i;
		while (i < len && s[i] != ' ' && s[i] != '}')
			i++;
		vlen = i - start;
		if (vlen > 4 && strncmp(s + start, "dir=", 4) == 0) {
			if (vlen == 7 && strncmp(s + start + 4, "ltr", 3) == 0)
				a->dir = WQ_DIR_LTR;
			else if (vlen == 7 &&
			    strncmp(s + start + 4, "rtl", 3) == 0)
				a->dir = WQ_DIR_RTL;
			else
				return 0;
		} else if (vlen > 5 && strncmp(s + start, "lang=", 5) == 0 &&
		    vlen - 5 < sizeof(a->lang)) {
			memcpy(a->lang, s + start + 5, vlen - 5);
			a->lang[vlen - 5] = '\0';
			if (!wq_lang_tag_valid(a->lang))
				return 0;
		} else if (vlen > 1 && (s[start] == '.' || s[start] == '#')) {
			for (k = start + 1; k < i; k++)
				if (!name_char(s[k]))
					return 0;
			if (s[start] == '#') {
				if (vlen - 1 >= sizeof(a->id))
					return 0;
				memcpy(a->id, s + start + 1, vlen - 1);
				a->id[vlen - 1] = '\0';
			} else if (nkinds < 2 &&
			    vlen - 1 < sizeof(a->kind[0])) {
				memcpy(
				    a->kind[nkinds], s + start + 1, vlen - 1);
				a->kind[nkinds++][vlen - 1] = '\0';
			}
		} else if (vlen) {
			for (j = 0; labels[j].key; j++) {
				size_t k = strlen(labels[j].key);

				if (vlen > k &&
				    strncmp(s + start, labels[j].key, k) == 0)
					break;
			}
			/* not an attribute list we understand */
			if (labels[j].key == NULL ||
			    !label((char *)a + labels[j].off,
				s + start + strlen(labels[j].key),
				vlen - strlen(labels[j].key)))
				return 0;
		}
	}
	return i < len ? i + 1 : 0;
}
