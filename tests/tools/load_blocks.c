/*
 * load_blocks.c - loads one text through libwarraq, as a program that
 * embeds it would (no allocator given to libxml2, no out-of-memory
 * handler), and prints "ok N", N the blocks of its first section, or
 * "error CODE": what tests/parts/74-faults.sh sweeps under ulimit -v to
 * prove that a reader never gives back part of a text as if it were all.
 *
 *     load_blocks PLUGIN_DIR FILE
 */
#include <warraq/host.h>

#include <stdio.h>
#include <string.h>

int
main(int argc, char **argv)
{
	const char *dirs[] = { argc > 1 ? argv[1] : "", NULL };
	wq_plugin_set *set;
	struct wq_load_opts o;
	struct wq_err err;
	const wq_node *k;
	wq_doc *doc;
	size_t n = 0;

	if (argc != 3)
		return 2;
	if ((set = wq_plugin_set_open(dirs)) == NULL)
		return 2;
	memset(&o, 0, sizeof(o));
	memset(&err, 0, sizeof(err));
	o.readers = wq_plugin_set_readers(set);
	if ((doc = wq_load_file(argv[2], &o, &err)) == NULL) {
		printf("error %d\n", err.code);
		wq_plugin_set_free(set);
		return 1;
	}
	for (k = wq_node_first_child(wq_doc_section(doc, 0)); k;
	     k = wq_node_next(k))
		n++;
	printf("ok %zu\n", n);
	wq_doc_free(doc);
	wq_plugin_set_free(set);
	return 0;
}
