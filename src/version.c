/*
 * version.c - the library's version, for programs that check at run time
 * what they were linked against.
 */
#include "internal.h"

int
wq_version(void)
{
	return WQ_VERSION_NUMBER;
}

const char *
wq_version_string(void)
{
	return WQ_VERSION;
}
