/*
 * css.c - the stylesheets of the html and epub writers: logical properties
 * only, a font stack for the script of the text, and for a book nothing
 * that a reading system lets its reader choose (line height, margins,
 * justification, font size), as Kindle's and Apple's guidelines ask.
 */
#include "internal.h"

#include <string.h>
#include <strings.h>

/* Fonts that hold the script, the system's first: a reading system's
 * default font often has no Arabic or Hebrew at all. Latin text keeps
 * the reader's font. */
static const char *
font_stack(const char *lang)
{
	size_t n = lang ? strcspn(lang, "-_") : 0;

	if (n == 2 && strncasecmp(lang, "ur", 2) == 0)
		return "\"Noto Nastaliq Urdu\", \"Jameel Noori Nastaleeq\", "
		       "\"Noto Naskh Arabic\", \"Geeza Pro\", serif";
	if (n == 2 && strncasecmp(lang, "he", 2) == 0)
		return "\"Noto Serif Hebrew\", \"David Libre\", \"Frank Ruehl "
		       "CLM\", \"Arial Hebrew\", serif";
	if (lang && wq_lang_is_rtl(lang))
		return "\"Noto Naskh Arabic\", \"Amiri\", \"Scheherazade "
		       "New\", \"Noto Sans Arabic\", \"Geeza Pro\", "
		       "\"Traditional Arabic\", serif";
	return NULL;
}

/* What a page and a book share: structure, not typography. */
static const char common[] =
    "h1, h2, h3, h4, h5, h6 { text-align: start; }\n"
    "blockquote { margin-block: 1em; margin-inline: 1.5em 0;\n"
    "  padding-inline-start: 1em; border-inline-start: 3px solid #999; }\n"
    "ul, ol { padding-inline-start: 2em; }\n"
    "pre, code { font-family: \"DejaVu Sans Mono\", monospace; }\n"
    /* Code wraps rather than scrolls: a scrolled box needs keyboard
     * access (Ace's scrollable-region-focusable). */
    "pre { white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.5em; "
    "background: #f4f4f4; }\n"
    "img { max-width: 100%; height: auto; }\n"
    "nav ol { list-style: none; padding-inline-start: 1em; }\n"
    /* Verse: hemistichs side by side, the second at the end. */
    "p.l { display: flex; flex-wrap: wrap; column-gap: 2em; margin: 0; }\n"
    ".hemistich { flex: 1 1 0; min-width: 10em; }\n"
    ".hemistich + .hemistich { text-align: end; }\n"
    "div.verse { margin-block: 1em; margin-inline: 2em; }\n";

void
wq_html_put_stylesheet(
    struct wq_buf *out, const char *lang, const char *fonts, int book)
{
	const char *stack = font_stack(lang);

	if (fonts || stack)
		wq_buf_printf(out, "html { font-family: %s%s%s; }\n",
		    fonts ? fonts : "", fonts && stack ? ", " : "",
		    stack ? stack : "");
	/* A web page sets a readable measure; a book leaves it to the
	 * reading system. */
	if (!book)
		wq_buf_puts(out,
		    "html { line-height: 1.6; }\n"
		    "body { max-width: 42em; margin-block: 0; "
		    "margin-inline: auto; padding: 1em; }\n");
	wq_buf_puts(out, common);
}
