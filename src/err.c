/*
 * err.c - filling and formatting struct wq_err.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

int
wq_err_set(struct wq_err *err, int code, const char *file, unsigned long line,
    unsigned long col, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -code;
	err->code = code;
	err->line = line;
	err->col = col;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -code;
}

void
wq_err_format(const struct wq_err *err, char *buf, size_t size)
{
	const char *file = err->file[0] ? err->file : "warraq";

	if (err->line && err->col)
		snprintf(buf, size, "%s:%lu:%lu: %s", file, err->line, err->col,
		    err->msg);
	else if (err->line)
		snprintf(buf, size, "%s:%lu: %s", file, err->line, err->msg);
	else
		snprintf(buf, size, "%s: %s", file, err->msg);
}
