/*
 * css.c - the stylesheet of the html and epub writers.
 */
#include "internal.h"

const char *
wq_html_stylesheet(void)
{
	return "html {\n"
	       "  font-family: \"Noto Naskh Arabic\", \"Amiri\", "
	       "\"Scheherazade New\",\n"
	       "    \"Noto Sans Arabic\", \"Geeza Pro\", \"Traditional "
	       "Arabic\",\n"
	       "    \"Noto Serif\", \"DejaVu Serif\", serif;\n"
	       "  line-height: 1.7;\n"
	       "}\n"
	       "body { max-width: 42em; margin-block: 0; margin-inline: auto; "
	       "padding: 1em; }\n"
	       "h1, h2, h3, h4, h5, h6 { text-align: start; line-height: 1.3; "
	       "}\n"
	       "p, li { text-align: start; }\n"
	       "blockquote { margin-block: 1em; margin-inline: 1.5em 0;\n"
	       "  padding-inline-start: 1em; border-inline-start: 3px solid "
	       "#999; }\n"
	       "ul, ol { padding-inline-start: 2em; }\n"
	       "pre, code { font-family: \"DejaVu Sans Mono\", monospace; }\n"
	       "pre { overflow-x: auto; padding: 0.5em; background: #f4f4f4; "
	       "}\n"
	       "img { max-width: 100%; height: auto; }\n"
	       "nav ol { list-style: none; padding-inline-start: 1em; }\n"
	       /* Verse: hemistichs side by side, the second at the end. */
	       "p.l { display: flex; flex-wrap: wrap; column-gap: 2em; "
	       "margin: 0; }\n"
	       ".hemistich { flex: 1 1 0; min-width: 10em; }\n"
	       ".hemistich + .hemistich { text-align: end; }\n"
	       "div.verse { margin-block: 1em; margin-inline: 2em; }\n";
}
