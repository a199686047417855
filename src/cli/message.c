/*
 * message.c - diagnostics: one line each on standard error, as text
 * ("file:line:col: message") or, with --log=json, as JSON. Nothing else
 * in warraq prints them.
 */
#include "cli.h"

#include <pthread.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* Whether the progress line is on the terminal: a diagnostic clears it
 * first, so that the two never share a line. */
static int progress_shown;

int
exit_code(int wq_code)
{
	switch (wq_code) {
	case WQ_EUSAGE: return EXIT_USAGE;
	case WQ_EINPUT: return EXIT_INPUT;
	case WQ_EIO: return EXIT_IO;
	case WQ_EPLUGIN: return EXIT_PLUGIN;
	default: return EXIT_OK;
	}
}

static void
put_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

void
message(const struct cli *c, const char *severity, const char *file,
    unsigned long line, unsigned long col, const char *code, const char *msg)
{
	pthread_mutex_lock(&lock);
	if (c->json_log) {
		fputs("{\"severity\":", stderr);
		put_json_string(stderr, severity);
		fputs(",\"file\":", stderr);
		put_json_string(stderr, file ? file : "");
		fprintf(stderr, ",\"line\":%lu,\"column\":%lu,\"code\":", line,
		    col);
		put_json_string(stderr, code);
		fputs(",\"message\":", stderr);
		put_json_string(stderr, msg);
		fputs("}\n", stderr);
	} else {
		if (progress_shown) {
			fputs("\r\033[K", stderr);
			progress_shown = 0;
		}
		fprintf(stderr, "%s", file && *file ? file : "warraq");
		if (line)
			fprintf(stderr, ":%lu", line);
		if (line && col)
			fprintf(stderr, ":%lu", col);
		fprintf(stderr, ": %s%s\n",
		    strcmp(severity, "warning") == 0 ? "warning: " : "", msg);
	}
	pthread_mutex_unlock(&lock);
}

void
warn_cb(void *arg, const char *file, unsigned long line, unsigned long col,
    const char *code, const char *msg)
{
	const struct cli *c = arg;

	if (strncmp(code, "error-", 6) == 0)
		message(c, "error", file, line, col, code + 6, msg);
	else if (!c->quiet)
		message(c, "warning", file, line, col, code, msg);
}

void
report(const struct cli *c, const struct wq_err *err)
{
	static const char *const codes[] = { "ok", "usage", "input", "io",
		"plugin" };

	message(c, "error", err->file, err->line, err->col,
	    codes[err->code >= 0 && err->code <= 4 ? err->code : 0], err->msg);
}

void
progress(const struct cli *c, size_t done, size_t total, const char *name)
{
	static int tty = -1; /* asked once, under the lock: batch threads */

	if (c->quiet || c->no_progress || c->json_log || total < 2)
		return;
	pthread_mutex_lock(&lock);
	if (tty < 0)
		tty = isatty(STDERR_FILENO);
	if (!tty) {
		pthread_mutex_unlock(&lock);
		return;
	}
	if (done < total)
		fprintf(stderr, "\r\033[K[%zu/%zu] %s", done, total, name);
	else
		fputs("\r\033[K", stderr);
	progress_shown = done < total;
	fflush(stderr);
	pthread_mutex_unlock(&lock);
}
