/*
 * cpus.c - how many CPUs a conversion may keep busy.
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "internal.h"

#include <sched.h>
#include <unistd.h>

int
wq_cpus(void)
{
	cpu_set_t set;
	long n;

	/* The affinity mask, not the CPUs online: under taskset or a
	 * container's cpuset, a second thread on one CPU only waits. */
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		n = CPU_COUNT(&set);
	else
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 4096 ? 4096 : (int)n;
}
