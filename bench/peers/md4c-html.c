/*
 * md4c-html.c - the bench's driver around md4c's HTML renderer: a file
 * (or standard input) to HTML on standard output, GFM extensions on, as
 * warraq and cmark-gfm are run. Built by bench/run.
 */
#include <md4c-html.h>
#include <stdio.h>
#include <stdlib.h>

static void
put(const MD_CHAR *text, MD_SIZE size, void *out)
{
	fwrite(text, 1, size, out);
}

int
main(int argc, char **argv)
{
	FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;
	char *data = NULL;
	size_t len = 0, cap = 0, n;

	if (in == NULL)
		return perror(argv[1]), 1;
	do {
		if (cap - len < 65536 &&
		    (data = realloc(data, cap = 2 * cap + 65536)) == NULL)
			return perror("realloc"), 1;
		n = fread(data + len, 1, cap - len, in);
		len += n;
	} while (n > 0);
	if (md_html(data, (MD_SIZE)len, put, stdout, MD_DIALECT_GITHUB, 0) != 0)
		return fputs("md4c: parse error\n", stderr), 1;
	free(data);
	return 0;
}
