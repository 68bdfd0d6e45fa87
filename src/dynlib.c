/* dynlib.c - open libxml2, libzip and zlib on first use (see dynlib.h).
 *
 * One pthread_once per library, so a reader pays only for what it uses: an
 * .html letter loads libxml2, a .docx or .odt letter libxml2 and zlib, and
 * libzip (with libcrypto behind it) loads only for an archive the reader in
 * extract_zip.c leaves to it, or for a reviewed copy. A failure is kept and
 * given again to every later caller.
 */
#define LOR_DYNLIB_IMPL
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "dynlib.h"

#ifndef LOR_XML2_SONAME
#define LOR_XML2_SONAME "libxml2.so.2"
#endif
#ifndef LOR_ZIP_SONAME
#define LOR_ZIP_SONAME "libzip.so.4"
#endif
#ifndef LOR_Z_SONAME
#define LOR_Z_SONAME "libz.so.1"
#endif

lor_dl_table lor_dl;

static pthread_once_t xml_once = PTHREAD_ONCE_INIT, zip_once = PTHREAD_ONCE_INIT, z_once = PTHREAD_ONCE_INIT;
/* empty: loaded */
static char xml_failure[300], zip_failure[300], z_failure[300];

/* A symbol to look up, and the table slot it goes to. */
typedef struct sym {
	const char *name;
	void *slot;
	size_t size;
} sym;

#define LOR_DL_SYM(f) { #f, &lor_dl.f, sizeof(lor_dl.f) },
static const sym xml_syms[] = {
	LOR_DL_XML(LOR_DL_SYM)
	{ "xmlFree", &lor_dl.xmlFree_var, sizeof(lor_dl.xmlFree_var) },
	{ NULL, NULL, 0 }
};
static const sym zip_syms[] = { LOR_DL_ZIP(LOR_DL_SYM) { NULL, NULL, 0 } };
static const sym z_syms[] = { LOR_DL_Z(LOR_DL_SYM) { NULL, NULL, 0 } };
#undef LOR_DL_SYM

/* Open soname and fill its slots, or say why not in failure (300 bytes).
 * The library stays open for the life of the process. dlsym returns an
 * object pointer; POSIX guarantees a function's address converts (dlsym(3)),
 * which memcpy says without a cast C forbids. */
static void load(const char *soname, const sym *syms, char *failure)
{
	/* RTLD_LAZY: what a library does not mark BIND_NOW (libstdc++ behind
	 * libxml2 and ICU, libzip) binds its functions on first call, not all
	 * of them now: libxml2 loads in 3.1M instructions instead of 4.4M. The
	 * functions lorlint calls are looked up below all the same. */
	void *lib = dlopen(soname, RTLD_LAZY | RTLD_LOCAL), *p;

	if (!lib) {
		const char *e = dlerror();

		if (e)
			snprintf(failure, 300, "%s", e);
		else
			snprintf(failure, 300, "cannot load %s", soname);
		return;
	}
	for (; syms->name; syms++) {
		if (!(p = dlsym(lib, syms->name))) {
			snprintf(failure, 300, "'%s' is missing from the loaded library", syms->name);
			return;
		}
		memcpy(syms->slot, &p, syms->size);
	}
}

static void load_xml(void)
{
	load(LOR_XML2_SONAME, xml_syms, xml_failure);
}

static void load_zip(void)
{
	load(LOR_ZIP_SONAME, zip_syms, zip_failure);
}

static void load_z(void)
{
	load(LOR_Z_SONAME, z_syms, z_failure);
}

static int refuse(const char *path, const char *failure, lor_error *err)
{
	return lor_error__set(err, LOR_EIO, path, 0, 0,
	                      "cannot read documents: %s (install the libxml2 and libzip libraries)", failure);
}

int lor_dl__need_xml(const char *path, lor_error *err)
{
	pthread_once(&xml_once, load_xml);
	return xml_failure[0] ? refuse(path, xml_failure, err) : LOR_OK;
}

int lor_dl__need_zip(const char *path, lor_error *err)
{
	pthread_once(&zip_once, load_zip);
	return zip_failure[0] ? refuse(path, zip_failure, err) : LOR_OK;
}

int lor_dl__need(const char *path, lor_error *err)
{
	int rc = lor_dl__need_xml(path, err);

	return rc ? rc : lor_dl__need_zip(path, err);
}

int lor_dl__need_z(void)
{
	pthread_once(&z_once, load_z);
	return z_failure[0] ? -1 : 0;
}
