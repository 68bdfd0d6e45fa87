/* dynlib.c - open libxml2 and libzip on first use (see dynlib.h). */
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

lor_dl_table lor_dl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char failure[300]; /* empty: both loaded */

/* dlsym returns an object pointer; POSIX guarantees a function's address
 * converts (dlsym(3)), which memcpy says without a cast C forbids. */
static int sym(void *lib, const char *name, void *slot, size_t size)
{
	void *p = dlsym(lib, name);

	if (!p) {
		snprintf(failure, sizeof(failure), "'%s' is missing from the loaded library", name);
		return -1;
	}
	memcpy(slot, &p, size);
	return 0;
}

static void load(void)
{
	void *xml = dlopen(LOR_XML2_SONAME, RTLD_NOW | RTLD_LOCAL);
	void *zip = xml ? dlopen(LOR_ZIP_SONAME, RTLD_NOW | RTLD_LOCAL) : NULL;

	if (!xml || !zip) {
		const char *e = dlerror();

		snprintf(failure, sizeof(failure), "%s", e ? e : "cannot load " LOR_XML2_SONAME " and " LOR_ZIP_SONAME);
		return;
	}
#define LOR_DL_XML_SYM(f) if (sym(xml, #f, &lor_dl.f, sizeof(lor_dl.f))) return;
#define LOR_DL_ZIP_SYM(f) if (sym(zip, #f, &lor_dl.f, sizeof(lor_dl.f))) return;
	LOR_DL_XML(LOR_DL_XML_SYM)
	LOR_DL_ZIP(LOR_DL_ZIP_SYM)
#undef LOR_DL_XML_SYM
#undef LOR_DL_ZIP_SYM
	if (sym(xml, "xmlFree", &lor_dl.xmlFree_var, sizeof(lor_dl.xmlFree_var)))
		return;
	/* the libraries stay open for the life of the process */
}

int lor_dl__need(const char *path, lor_error *err)
{
	pthread_once(&once, load);
	if (failure[0])
		return lor_error__set(err, LOR_EIO, path, 0, 0,
		                      "cannot read documents: %s (install the libxml2 and libzip libraries)", failure);
	return LOR_OK;
}
