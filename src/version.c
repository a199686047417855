/*
 * version.c - the library's version, for programs that check at run time
 * what they were linked against.
 */
#include "internal.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <unicode/uversion.h>
#include <yaml.h>

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

/* Filled once; the values never change while the process lives. */
static char libraries[160];

static void
fill_libraries(void)
{
	UVersionInfo icu;
	char icu_s[U_MAX_VERSION_STRING_LENGTH];

	u_getVersion(icu);
	u_versionToString(icu, icu_s);
	snprintf(libraries, sizeof(libraries), "libxml2 %s, ICU %s, libyaml %s",
	    xmlParserVersion, icu_s, yaml_get_version_string());
}

const char *
wq_version_libraries(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, fill_libraries);
	return libraries;
}
