/*
 * dircheck.c - an independent check of direction in HTML or XHTML output:
 * it reads the markup back with libxml2, not through warraq's model, and
 * for every text block (p, li, h1-h6, td, dt, dd, figcaption) compares the
 * direction in force there (the nearest dir attribute) with the direction
 * of the block's own letters, classified by ICU:
 *
 *   - a block with at least 80% right-to-left letters must be rtl,
 *   - a block with at least 80% left-to-right letters must be ltr,
 *   - no dir="auto" anywhere, and no bidi control characters in the text
 *     beyond those the source itself had (-c N: warraq keeps a text's
 *     own controls, and must never add one).
 *
 * Usage: dircheck [-x] [-r ROOTDIR] [-c N] FILE...   (-x: XML syntax, for
 * XHTML; -r: the root's expected dir; -c: controls the source holds).
 * Prints one line per fault; exit 1 if any.
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

static int faults;
static const char *file;
/* Bidi controls met in this file, and how many its source had. */
static long controls, allowed_controls;

static const char *
dir_of(xmlNode *n)
{
	for (; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
		xmlChar *d = xmlGetProp(n, (const xmlChar *)"dir");

		if (d) {
			static char buf[8];

			snprintf(buf, sizeof(buf), "%s", (char *)d);
			xmlFree(d);
			return buf;
		}
	}
	return "ltr";
}

static int
is_block(const xmlChar *name)
{
	static const char *const blocks[] = { "p", "li", "h1", "h2", "h3",
		"h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption", NULL };
	size_t i;

	for (i = 0; blocks[i]; i++)
		if (strcasecmp((const char *)name, blocks[i]) == 0)
			return 1;
	return 0;
}

/* Counts strong letters in the text below 'n', not entering nested
 * blocks (they are checked on their own). */
static void
count(xmlNode *n, long *l, long *r)
{
	xmlNode *c;

	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			const unsigned char *s = c->content;
			int32_t i = 0, len = (int32_t)strlen((const char *)s);

			while (i < len) {
				UChar32 ch;

				U8_NEXT(s, i, len, ch);
				if ((ch >= 0x200E && ch <= 0x200F) ||
				    (ch >= 0x202A && ch <= 0x202E) ||
				    (ch >= 0x2066 && ch <= 0x2069)) {
					if (++controls > allowed_controls) {
						printf("%s:%ld: bidi control U+%04X in text\n",
						    file, xmlGetLineNo(c), (unsigned)ch);
						faults++;
					}
				}
				switch (u_charDirection(ch)) {
				case U_LEFT_TO_RIGHT: ++*l; break;
				case U_RIGHT_TO_LEFT:
				case U_RIGHT_TO_LEFT_ARABIC: ++*r; break;
				default: break;
				}
			}
		} else if (c->type == XML_ELEMENT_NODE && !is_block(c->name) &&
		    strcasecmp((const char *)c->name, "code") != 0 &&
		    strcasecmp((const char *)c->name, "pre") != 0 &&
		    strcasecmp((const char *)c->name, "ul") != 0 &&
		    strcasecmp((const char *)c->name, "ol") != 0) {
			count(c, l, r);
		}
	}
}

static void
walk(xmlNode *n)
{
	xmlNode *c;

	for (c = n; c; c = c->next) {
		xmlChar *d;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((d = xmlGetProp(c, (const xmlChar *)"dir")) != NULL) {
			if (strcmp((char *)d, "auto") == 0) {
				printf("%s:%ld: dir=\"auto\" on <%s>\n", file,
				    xmlGetLineNo(c), c->name);
				faults++;
			}
			xmlFree(d);
		}
		if (is_block(c->name)) {
			long l = 0, r = 0;
			const char *dir = dir_of(c);

			count(c, &l, &r);
			if (r > 0 && r * 5 >= (l + r) * 4 && strcmp(dir, "rtl") != 0) {
				printf("%s:%ld: <%s> is %ld%% right-to-left letters but dir is %s\n",
				    file, xmlGetLineNo(c), c->name, 100 * r / (l + r), dir);
				faults++;
			}
			if (l > 0 && l * 5 >= (l + r) * 4 && strcmp(dir, "ltr") != 0) {
				printf("%s:%ld: <%s> is %ld%% left-to-right letters but dir is %s\n",
				    file, xmlGetLineNo(c), c->name, 100 * l / (l + r), dir);
				faults++;
			}
		}
		walk(c->children);
	}
}

int
main(int argc, char **argv)
{
	int i = 1, xml = 0;
	const char *root_dir = NULL;

	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "-x") == 0)
			xml = 1;
		else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
			root_dir = argv[++i];
		else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			allowed_controls = atol(argv[++i]);
	}
	for (; i < argc; i++) {
		xmlDoc *doc;
		xmlNode *root;

		file = argv[i];
		controls = 0;
		doc = xml ? xmlReadFile(file, NULL, XML_PARSE_NONET)
			  : htmlReadFile(file, "UTF-8", HTML_PARSE_NONET |
			    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
		if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
			printf("%s: cannot parse\n", file);
			faults++;
			continue;
		}
		if (root_dir) {
			xmlChar *d = xmlGetProp(root, (const xmlChar *)"dir");

			if (d == NULL || strcmp((char *)d, root_dir) != 0) {
				printf("%s: root dir is %s, expected %s\n", file,
				    d ? (char *)d : "(none)", root_dir);
				faults++;
			}
			xmlFree(d);
		}
		walk(root);
		xmlFreeDoc(doc);
	}
	return faults ? 1 : 0;
}
