/*
 * attrs.c - pandoc's attribute lists, "{#id .class dir=ltr lang=en}", as
 * spans, headings and fenced divs carry them (docs/design.md M2).
 */
#include "markdown.h"

#include <ctype.h>
#include <string.h>

static int
name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':';
}

size_t
md_attrs(const char *s, size_t len, struct md_attrs *a)
{
	size_t i = 1;

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
			}
		} else if (vlen) {
			return 0; /* not an attribute list we understand */
		}
	}
	return i < len ? i + 1 : 0;
}
