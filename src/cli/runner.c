/* runner.c - the ordered parallel runner: worker threads check letters, reports come out in input order.
 *
 * Jobs live in a ring of `window` slots (see job in cli.h), so memory is
 * bounded by the window, not by the number of inputs; the reporter is only
 * ever called from one thread, in input order.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"




static void check_one(runner *r, size_t k)
{
	job *j = &r->slots[k % r->window];

	j->doc = NULL;
	j->report = NULL;
	/* Standard input can be read once; a second "-" is an error in its place. */
	if (!strcmp(r->in->paths[k], "-") && k != r->first_stdin) {
		j->rc = -1;
		memset(&j->err, 0, sizeof(j->err));
		snprintf(j->err.path, sizeof(j->err.path), "-");
		snprintf(j->err.message, sizeof(j->err.message), "standard input given more than once");
		return;
	}
	j->rc = lor_document_read_as(&j->doc, r->in->paths[k],
	                             strcmp(r->in->paths[k], "-") ? r->ropts : r->stdin_ropts, &j->err);
	if (!j->rc)
		j->rc = lor_check(&j->report, r->rs, j->doc, r->copts, &j->err);
}

/* Workers take inputs in order, never more than `window` ahead of the
 * output, so memory stays flat however many letters there are. */
static void *worker(void *arg)
{
	runner *r = arg;

	for (;;) {
		size_t k;

		pthread_mutex_lock(&r->lock);
		while (r->next < r->in->n && r->next >= r->emitted + r->window)
			pthread_cond_wait(&r->room, &r->lock);
		if (r->next >= r->in->n) {
			pthread_mutex_unlock(&r->lock);
			return NULL;
		}
		k = r->next++;
		pthread_mutex_unlock(&r->lock);
		check_one(r, k);
		pthread_mutex_lock(&r->lock);
		r->slots[k % r->window].done = 1;
		pthread_cond_broadcast(&r->ready);
		pthread_mutex_unlock(&r->lock);
	}
}

/* Report one checked input (or its error), note a failure, free the job. */
void report_job(runner *r, job *j)
{
	size_t f;

	if (j->rc) {
		print_error(&j->err);
		lor_reporter_error(r->rep, &j->err);
		r->errors++;
	} else {
		for (f = 0; f < lor_report_finding_count(j->report); f++)
			if (lor_report_finding(j->report, f)->level >= r->fail_level)
				r->failed = 1;
		if (r->fail_under >= 0 && lor_report_score(j->report) < r->fail_under)
			r->failed = 1;
		int rc = lor_reporter_file(r->rep, j->report);

		/* a failed write of the report itself (a full disk) is said once, by
		 * close_output, not once per letter */
		if (rc && !(r->out && ferror(r->out))) {
			/* a reviewed copy needs every part of the archive, even those
			 * the letter's text did not */
			fprintf(stderr, "%s: error: cannot write the report: %s\n",
			        lor_document_path(lor_report_document(j->report)),
			        rc == LOR_EINPUT ? "a part of the document is damaged" : lor_strerror(rc));
		}
		if (rc)
			r->errors++;
		if (r->out && ferror(r->out) && !r->out_errno)
			r->out_errno = errno ? errno : EIO; /* ENOSPC, EPIPE: for the message */
	}
	lor_report_free(j->report);
	lor_document_free(j->doc);
	j->report = NULL;
	j->doc = NULL;
}

static void emit(runner *r, size_t k)
{
	job *j = &r->slots[k % r->window];

	if (r->keep) { /* --portfolio reports later: the job is kept whole */
		r->kept[k] = *j;
		j->report = NULL;
		j->doc = NULL;
	} else {
		report_job(r, j);
	}
	if (r->progress && (k + 1) % 50 == 0)
		fprintf(stderr, "\rlorlint: %zu/%zu letters checked", k + 1, r->in->n);
}

long default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : n;
}

/* Check every input with `jobs` threads (0: one per core) and report them in
 * input order. Returns -1 if memory for the slots could not be had. */
int run_jobs(runner *r, const inputs *in, long jobs)
{
	pthread_t tids[256];
	long nthreads = jobs > 0 ? jobs : default_jobs(), t, started = 0;
	size_t k;

	r->in = in;
	r->first_stdin = SIZE_MAX;
	for (k = 0; k < in->n && r->first_stdin == SIZE_MAX; k++)
		if (!strcmp(in->paths[k], "-"))
			r->first_stdin = k;
	if (!in->n)
		return 0;
	if ((size_t)nthreads > in->n)
		nthreads = (long)in->n;
	r->window = (size_t)nthreads * 4;
	if (!(r->slots = calloc(r->window, sizeof(job))))
		return -1;
	if (nthreads > 1) {
		pthread_mutex_init(&r->lock, NULL);
		pthread_cond_init(&r->ready, NULL);
		pthread_cond_init(&r->room, NULL);
		for (t = 0; t < nthreads; t++)
			if (!pthread_create(&tids[t], NULL, worker, r))
				started++;
	}
	for (k = 0; k < in->n; k++) {
		if (!started) { /* one thread, or none could be started: check in place */
			check_one(r, k);
			emit(r, k);
			continue;
		}
		pthread_mutex_lock(&r->lock);
		while (!r->slots[k % r->window].done)
			pthread_cond_wait(&r->ready, &r->lock);
		pthread_mutex_unlock(&r->lock);
		emit(r, k);
		pthread_mutex_lock(&r->lock);
		r->slots[k % r->window].done = 0;
		r->emitted = k + 1;
		pthread_cond_broadcast(&r->room);
		pthread_mutex_unlock(&r->lock);
	}
	if (nthreads > 1) {
		for (t = 0; t < started; t++)
			pthread_join(tids[t], NULL);
		pthread_cond_destroy(&r->ready);
		pthread_cond_destroy(&r->room);
		pthread_mutex_destroy(&r->lock);
	}
	if (r->progress)
		fputs("\n", stderr);
	free(r->slots);
	return 0;
}

