/*
 * sha256_check.c - prints "digest  file" for each file, as sha256sum
 * does, so the test suite can compare warraq's SHA-256 with coreutils'.
 * Built twice: with the SHA extensions where the CPU has them, and with
 * -DWQ_NO_SHANI for the portable C.
 */
#include <stdio.h>
#include <stdlib.h>
#include <warraq/plugin.h>

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		char *data = NULL, hex[65];
		size_t len = 0, cap = 0, n;

		if (f == NULL)
			return perror(argv[i]), 1;
		do {
			if (len == cap && (data = realloc(data, cap = cap * 2 + 4096)) == NULL)
				return 1;
			n = fread(data + len, 1, cap - len, f);
			len += n;
		} while (n > 0);
		fclose(f);
		wq_sha256_hex(data, len, hex);
		printf("%s  %s\n", hex, argv[i]);
		free(data);
	}
	return 0;
}
