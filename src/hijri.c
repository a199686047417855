/*
 * hijri.c - dates of the Islamic (Hijri) calendar, as Arabic texts write
 * them ("279 هـ"), and their span in the Gregorian calendar, computed by
 * ICU's tabular ("civil") Islamic calendar.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <unicode/ucal.h>

/* Skips spaces at s[*i]. */
static void
skip_spaces(const char *s, size_t *i)
{
	while (s[*i] == ' ' || s[*i] == '\t')
		(*i)++;
}

/* Reads a year at s[*i] in ASCII or Arabic-Indic digits (U+0660-0669,
 * U+06F0-06F9); 0 when there is none or it is out of range. */
static long
year_at(const char *s, size_t *i)
{
	const unsigned char *u = (const unsigned char *)s;
	long y = 0;
	int digits = 0;

	for (;;) {
		int d;

		if (u[*i] >= '0' && u[*i] <= '9') {
			d = u[*i] - '0';
			*i += 1;
		} else if ((u[*i] == 0xD9 && u[*i + 1] >= 0xA0 &&
			       u[*i + 1] <= 0xA9) ||
		    (u[*i] == 0xDB && u[*i + 1] >= 0xB0 && u[*i + 1] <= 0xB9)) {
			d = (u[*i + 1] & 0x0F) % 10;
			*i += 2;
		} else {
			break;
		}
		if (++digits > 4)
			return 0;
		y = 10 * y + d;
	}
	return y;
}

/* The markers of a Hijri year: Arabic "هـ" (with or without tatweel)
 * and the English abbreviations. */
static size_t
marker_at(const char *s)
{
	static const char *const marks[] = { "\xD9\x87\xD9\x80", "\xD9\x87",
		"A.H.", "AH", NULL };
	size_t k;

	for (k = 0; marks[k]; k++)
		if (strncmp(s, marks[k], strlen(marks[k])) == 0)
			return strlen(marks[k]);
	return 0;
}

long
wq_date_hijri_year(const char *s)
{
	size_t i = 0, n;
	long y;

	skip_spaces(s, &i);
	if ((n = marker_at(s + i)) != 0 && s[i] == 'A') { /* "AH 279" */
		i += n;
		skip_spaces(s, &i);
		y = year_at(s, &i);
	} else {
		if ((y = year_at(s, &i)) == 0)
			return 0;
		skip_spaces(s, &i);
		if ((n = marker_at(s + i)) == 0)
			return 0;
		i += n;
	}
	skip_spaces(s, &i);
	return s[i] == '\0' ? y : 0;
}

/* The Gregorian date of day 'day' of month 'month' (0-based) of Hijri
 * year 'year', as YYYY-MM-DD. */
static int
gregorian(long year, int month, int day, char out[11])
{
	UErrorCode e = U_ZERO_ERROR;
	static const UChar utc[] = { 'U', 'T', 'C', 0 };
	UCalendar *islamic =
	    ucal_open(utc, -1, "en@calendar=islamic-civil", UCAL_DEFAULT, &e);
	UCalendar *greg =
	    ucal_open(utc, -1, "en@calendar=gregorian", UCAL_GREGORIAN, &e);
	UDate when;
	int rc = -1;

	if (U_SUCCESS(e)) {
		/* The proleptic Gregorian calendar throughout, as ISO 8601. */
		ucal_setGregorianChange(greg, -8.64e15, &e);
		ucal_clear(islamic);
		ucal_setDate(islamic, (int32_t)year, month, day, &e);
		when = ucal_getMillis(islamic, &e);
		ucal_setMillis(greg, when, &e);
		if (U_SUCCESS(e) && ucal_get(greg, UCAL_ERA, &e) == 1) {
			unsigned y = (unsigned)ucal_get(greg, UCAL_YEAR, &e);
			unsigned m =
			    (unsigned)ucal_get(greg, UCAL_MONTH, &e) + 1;
			unsigned d = (unsigned)ucal_get(greg, UCAL_DATE, &e);

			snprintf(out, 11, "%04u-%02u-%02u", y % 10000, m % 100,
			    d % 100);
			rc = U_SUCCESS(e) ? 0 : -1;
		}
	}
	ucal_close(islamic);
	ucal_close(greg);
	return rc;
}

int
wq_hijri_year_span(long year, char first[11], char last[11])
{
	/* Day 0 of the next year is this one's last (ICU counts on):
	 * its last month has 29 or 30 days. */
	if (year < 1 || year > 9998 || gregorian(year, 0, 1, first) < 0 ||
	    gregorian(year + 1, 0, 0, last) < 0)
		return -1;
	return 0;
}
