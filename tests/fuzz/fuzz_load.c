/*
 * fuzz_load.c - libFuzzer harness for the loader: any bytes, as plain
 * text and as Markdown, must load or be refused with an error, never
 * crash, leak or misbehave under ASan and UBSan.
 */
#include <warraq/warraq.h>

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const wq_syntax syntaxes[] = { WQ_SYNTAX_TEXT, WQ_SYNTAX_MARKDOWN };
	struct wq_load_opts o;
	struct wq_err err;
	size_t i;

	for (i = 0; i < 2; i++) {
		wq_doc *doc;

		memset(&o, 0, sizeof(o));
		o.syntax = syntaxes[i];
		o.max_bytes = 1 << 20;
		doc = wq_load_buffer("fuzz", data, size, &o, &err);
		if (doc == NULL && (err.code <= 0 || err.msg[0] == '\0'))
			__builtin_trap(); /* a failure must say why */
		wq_doc_free(doc);
	}
	return 0;
}
