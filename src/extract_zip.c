/* extract_zip.c - the archives of .docx and .odt letters: read from memory, under a budget, mostly without libzip.
 *
 * Reading a letter needs little of a zip: its central directory, and a few
 * entries inflated. libzip does that, but loading it (with libcrypto and
 * libbz2 behind it) costs a one-letter run more than reading the letter does
 * (3.6M instructions of relocation, about 3 ms). So an archive is first
 * indexed here, and its entries inflated with zlib, for the archives this
 * reader can vouch for: one end record where libzip looks for it, no zip64,
 * no encryption, stored or deflated entries with plain ASCII names, each
 * local header agreeing with its central one (libzip's ZIP_CHECKCONS), no
 * name twice, no extra field that changes a name. Anything else, and any
 * entry whose inflated bytes do not come out exactly as the directory says
 * (size, CRC, all of its compressed bytes used), is left to libzip, opened
 * then over the same bytes: its answer, and its error messages, are the
 * ones lorlint has always given. Whatever this reader takes, libzip would
 * have taken with the same bytes out, so a report never depends on which
 * one read it.
 *
 * The limits are the same on both paths: the declared sizes are checked
 * before an entry is read (LOR_X_MAX_ENTRY, LOR_X_MAX_RATIO), the bytes
 * read are counted against LOR_X_MAX_TOTAL, and an entry inflates into a
 * buffer of its declared size and not a byte more.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "dynlib.h"

#define EOCD_LEN 22          /* end of central directory record */
#define CDIR_LEN 46          /* central directory entry */
#define LOCAL_LEN 30         /* local file header */
#define MAX_COMMENT 65535u   /* how far back from the end libzip looks */

/* One entry the reader vouched for. */
struct lor_xzent {
	const char *name;        /* NUL-terminated, in the index's name block */
	size_t at;               /* where its compressed bytes start */
	uint32_t crc, csize, usize;
	unsigned method;         /* 0 stored, 8 deflated */
};

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Extra fields: (id, size, data) blocks that fill exactly n bytes, none of
 * the ones that make libzip read an entry otherwise (zip64 sizes, Info-ZIP
 * Unicode path or comment, WinZip AES). */
static int plain_extra(const unsigned char *p, size_t n)
{
	while (n >= 4) {
		unsigned id = get16(p), size = get16(p + 2);

		if (id == 0x0001 || id == 0x7075 || id == 0x6375 || id == 0x9901 || size > n - 4)
			return 0;
		p += 4 + size;
		n -= 4 + size;
	}
	return n == 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp((*(const lor_xzent *const *)a)->name, (*(const lor_xzent *const *)b)->name);
}

/* Is some name there twice? (libzip refuses that under ZIP_CHECKCONS) */
static int has_twice(const lor_xzent *ent, size_t n)
{
	const lor_xzent **v = malloc((n ? n : 1) * sizeof(*v));
	size_t i;
	int twice = 0;

	if (!v)
		return 1;
	for (i = 0; i < n; i++)
		v[i] = &ent[i];
	qsort(v, n, sizeof(*v), cmp_names);
	for (i = 1; i < n && !twice; i++)
		twice = !strcmp(v[i - 1]->name, v[i]->name);
	free(v);
	return twice;
}

/* The end record, when there is exactly one in libzip's reach and it ends
 * the file: its offset, or (size_t)-1. */
static size_t find_end(const unsigned char *d, size_t len)
{
	size_t i = len - EOCD_LEN, lo = len - EOCD_LEN > MAX_COMMENT ? len - EOCD_LEN - MAX_COMMENT : 0, at = (size_t)-1;

	for (;; i--) {
		if (d[i] == 'P' && !memcmp(d + i, "PK\5\6", 4)) {
			if (at != (size_t)-1)
				return (size_t)-1;
			at = i;
		}
		if (i == lo)
			break;
	}
	if (at == (size_t)-1 || at + EOCD_LEN + get16(d + at + 20) != len)
		return (size_t)-1;
	return at;
}

/* Check one central entry at p (left bytes to the end record) and its
 * local header; fill e. The length of the central entry, or 0: not ours. */
static size_t one_entry(const unsigned char *d, size_t cd, const unsigned char *p, size_t left,
                        lor_xzent *e, char **names)
{
	size_t nl, xl, cl, off, lnl, lxl, i;
	unsigned flags, lflags;
	const unsigned char *l;

	if (left < CDIR_LEN || memcmp(p, "PK\1\2", 4))
		return 0;
	flags = get16(p + 8);
	e->method = get16(p + 10);
	e->crc = get32(p + 16);
	e->csize = get32(p + 20);
	e->usize = get32(p + 24);
	nl = get16(p + 28);
	xl = get16(p + 30);
	cl = get16(p + 32);
	off = get32(p + 42);
	/* encrypted, strongly encrypted, masked; zip64; other methods; a disk */
	if ((flags & (0x0001 | 0x0040 | 0x2000)) || (e->method != 0 && e->method != 8) ||
	    e->csize == 0xFFFFFFFFu || e->usize == 0xFFFFFFFFu || off == 0xFFFFFFFFu || get16(p + 34) ||
	    CDIR_LEN + nl + xl + cl > left || !nl || !plain_extra(p + CDIR_LEN + nl, xl))
		return 0;
	for (i = 0; i < nl; i++)
		if (p[CDIR_LEN + i] < 0x20 || p[CDIR_LEN + i] > 0x7E)
			return 0;
	/* the local header says the same (libzip's _zip_headercomp, and no
	 * more leniency than it has) */
	if (off > cd || cd - off < LOCAL_LEN)
		return 0;
	l = d + off;
	lflags = get16(l + 6);
	lnl = get16(l + 26);
	lxl = get16(l + 28);
	if (memcmp(l, "PK\3\4", 4) || get16(l + 4) > get16(p + 6) || (lflags & 0x0001) ||
	    get16(l + 8) != e->method || get32(l + 10) != get32(p + 12) || lnl != nl ||
	    LOCAL_LEN + lnl + lxl > cd - off || memcmp(l + LOCAL_LEN, p + CDIR_LEN, nl) ||
	    !plain_extra(l + LOCAL_LEN + lnl, lxl))
		return 0;
	if ((get32(l + 14) != e->crc || get32(l + 18) != e->csize || get32(l + 22) != e->usize) &&
	    (!(lflags & 0x0008) || get32(l + 14) || get32(l + 18) || get32(l + 22)))
		return 0;
	e->at = off + LOCAL_LEN + lnl + lxl;
	if (e->csize > cd - e->at)
		return 0;
	memcpy(*names, p + CDIR_LEN, nl);
	(*names)[nl] = '\0';
	e->name = *names;
	*names += nl + 1;
	return CDIR_LEN + nl + xl + cl;
}

/* Index the archive, when this reader can vouch for it: 0, or -1 to leave
 * it to libzip (z is then as it was). */
static int index_archive(lor_xzip *z)
{
	const unsigned char *d = (const unsigned char *)z->data;
	size_t end, cd, cdsize, n, i, at;
	lor_xzent *ent;
	char *names;

	if (z->len < EOCD_LEN || (end = find_end(d, z->len)) == (size_t)-1)
		return -1;
	n = get16(d + end + 10);
	cdsize = get32(d + end + 12);
	cd = get32(d + end + 16);
	/* one disk, no zip64 (its locator sits just before the end record),
	 * the directory right before the end record (ZIP_CHECKCONS) */
	if (get16(d + end + 4) || get16(d + end + 6) || get16(d + end + 8) != n || !n || n == 0xFFFF ||
	    n > LOR_X_MAX_ENTRIES || cd == 0xFFFFFFFFu || cdsize > end || cd != end - cdsize ||
	    (end >= 20 && !memcmp(d + end - 20, "PK\6\7", 4)))
		return -1;
	ent = malloc(n * sizeof(*ent));
	names = malloc(cdsize);
	if (!ent || !names) {
		free(ent);
		free(names);
		return -1;
	}
	z->ent = ent;
	z->names = names;
	for (i = 0, at = cd; i < n; i++) {
		size_t used = one_entry(d, cd, d + at, end - at, &ent[i], &names);

		if (!used)
			break;
		at += used;
	}
	if (i < n || at != end || has_twice(ent, n)) {
		free(z->ent);
		free(z->names);
		z->ent = NULL;
		z->names = NULL;
		return -1;
	}
	z->nent = n;
	return 0;
}

/* Inflate entry e into *out, exactly as the directory describes it: 0, or
 * -1 to leave this read to libzip (nothing counted, nothing kept). */
static int fast_read(lor_xzip *z, const lor_xzent *e, char **out, size_t *len)
{
	const unsigned char *src = (const unsigned char *)z->data + e->at;
	char *buf;
	int ok;

	if (e->usize > LOR_X_MAX_TOTAL - z->total || !(buf = malloc((size_t)e->usize + 1)))
		return -1;
	if (e->method == 0) {
		ok = e->csize == e->usize;
		if (ok)
			memcpy(buf, src, e->usize);
	} else {
		z_stream s;

		memset(&s, 0, sizeof(s));
		ok = inflateInit2(&s, -MAX_WBITS) == Z_OK;
		if (ok) {
			s.next_in = (Bytef *)(uintptr_t)src; /* zlib does not write its input */
			s.avail_in = e->csize;
			s.next_out = (Bytef *)buf;
			s.avail_out = e->usize + 1; /* room for one byte too many, to see it */
			ok = inflate(&s, Z_FINISH) == Z_STREAM_END && !s.avail_in && s.total_out == e->usize;
			inflateEnd(&s);
		}
	}
	if (!ok || crc32(0, (const Bytef *)buf, e->usize) != e->crc) {
		free(buf);
		return -1;
	}
	buf[e->usize] = '\0';
	z->total += e->usize;
	*out = buf;
	*len = e->usize;
	return 0;
}

/* ----------------------------------------------------------------- libzip */

/* Do the declared sizes refuse the entry? 1 with the error set, or 0. */
static int too_large(const lor_xzip *z, const char *name, int has_size, uint64_t size, int has_comp,
                     uint64_t comp, lor_error *err)
{
	/* The declared sizes are only a first filter: the reading is capped
	 * whatever the header claims. */
	if (has_size && (size > LOR_X_MAX_ENTRY ||
	    (has_comp && size > 1024 * 1024 && size / (comp ? comp : 1) > LOR_X_MAX_RATIO))) {
		lor_error__set(err, LOR_EINPUT, z->path, 0, 0, "'%s' expands to %llu bytes: refused as a zip bomb",
		               name, (unsigned long long)size);
		return 1;
	}
	return 0;
}


static int zip_fail(lor_error *err, const char *path, const char *what, zip_error_t *ze)
{
	int code = ze ? zip_error_code_zip(ze) : 0;

	if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
		return lor_error__set(err, LOR_EINPUT, path, 0, 0,
		                      "encrypted or password-protected document: save it without a password");
	return lor_error__set(err, LOR_EINPUT, path, 0, 0, "damaged archive: %s%s%s", what,
	                      ze ? ": " : "", ze ? zip_error_strerror(ze) : "");
}

/* Open z's bytes with libzip (z->za), keeping its budget and index. */
static int open_libzip(lor_xzip *z, lor_error *err)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;
	int rc;

	if ((rc = lor_dl__need_zip(z->path, err)))
		return rc;
	zip_error_init(&ze);
	if (!(src = zip_source_buffer_create(z->data, z->len, 0, &ze))) {
		zip_error_fini(&ze);
		return lor_error__set(err, LOR_ENOMEM, z->path, 0, 0, "out of memory");
	}
	if (!(za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze))) {
		rc = zip_fail(err, z->path, "cannot open", &ze);
		zip_source_free(src);
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	if (zip_get_num_entries(za, 0) > (zip_int64_t)LOR_X_MAX_ENTRIES) {
		zip_discard(za);
		return lor_error__set(err, LOR_EINPUT, z->path, 0, 0, "archive has more than %u entries",
		                      LOR_X_MAX_ENTRIES);
	}
	z->za = za;
	z->src = src;
	return LOR_OK;
}

static int libzip_read(lor_xzip *z, const char *name, char **out, size_t *len, lor_error *err)
{
	zip_int64_t idx;
	zip_stat_t st;
	zip_file_t *f;
	lor_buf b = LOR_BUF_INIT;
	char chunk[16384];
	zip_int64_t n;
	int rc;

	if (!z->za && (rc = open_libzip(z, err)))
		return rc;
	if ((idx = zip_name_locate(z->za, name, 0)) < 0)
		return LOR_ENOTFOUND;
	zip_stat_init(&st);
	if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st))
		return zip_fail(err, z->path, name, zip_get_error(z->za));
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
		return lor_error__set(err, LOR_EINPUT, z->path, 0, 0,
		                      "encrypted or password-protected document: save it without a password");
	if (too_large(z, name, (st.valid & ZIP_STAT_SIZE) != 0, st.size,
	              (st.valid & ZIP_STAT_COMP_SIZE) != 0, st.comp_size, err))
		return LOR_EINPUT;
	if (!(f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0)))
		return zip_fail(err, z->path, name, zip_get_error(z->za));
	b.max = LOR_X_MAX_ENTRY;
	while ((n = zip_fread(f, chunk, sizeof(chunk))) > 0) {
		z->total += (size_t)n;
		if (z->total > LOR_X_MAX_TOTAL || lor_buf__add(&b, chunk, (size_t)n)) {
			zip_fclose(f);
			lor_buf__release(&b);
			return lor_error__set(err, LOR_EINPUT, z->path, 0, 0,
			                      "'%s' expands past %u bytes: refused as a zip bomb", name,
			                      z->total > LOR_X_MAX_TOTAL ? LOR_X_MAX_TOTAL : LOR_X_MAX_ENTRY);
		}
	}
	if (n < 0) {
		rc = zip_fail(err, z->path, name, zip_file_get_error(f));
		zip_fclose(f);
		lor_buf__release(&b);
		return rc;
	}
	zip_fclose(f);
	*len = b.len;
	if (!(*out = lor_buf__detach(&b)))
		return lor_error__set(err, LOR_ENOMEM, z->path, 0, 0, "out of memory");
	return LOR_OK;
}

/* ------------------------------------------------------------- the archive */

int lor_xzip__open(lor_xzip *z, const char *path, const char *data, size_t len, lor_error *err)
{
	memset(z, 0, sizeof(*z));
	z->path = path;
	z->data = data;
	z->len = len;
	return open_libzip(z, err);
}

int lor_xzip__open_read(lor_xzip *z, const char *path, const char *data, size_t len, lor_error *err)
{
	memset(z, 0, sizeof(*z));
	z->path = path;
	z->data = data;
	z->len = len;
	if (!lor_dl__need_z() && !index_archive(z))
		return LOR_OK;
	return open_libzip(z, err);
}

void lor_xzip__close(lor_xzip *z)
{
	if (z->za)
		zip_discard(z->za); /* frees the source too */
	free(z->ent);
	free(z->names);
	z->za = z->src = NULL;
	z->ent = NULL;
	z->names = NULL;
	z->nent = 0;
}

size_t lor_xzip__count(const lor_xzip *z)
{
	zip_int64_t n;

	if (z->ent)
		return z->nent;
	n = zip_get_num_entries(z->za, 0);
	return n > 0 ? (size_t)n : 0;
}

const char *lor_xzip__name(const lor_xzip *z, size_t i)
{
	if (z->ent)
		return i < z->nent ? z->ent[i].name : NULL;
	return zip_get_name(z->za, (zip_uint64_t)i, 0);
}

static const lor_xzent *find(const lor_xzip *z, const char *name)
{
	size_t i;

	for (i = 0; i < z->nent; i++)
		if (!strcmp(z->ent[i].name, name))
			return &z->ent[i];
	return NULL;
}

int lor_xzip__has(const lor_xzip *z, const char *name)
{
	if (z->ent)
		return find(z, name) != NULL;
	return zip_name_locate(z->za, name, 0) >= 0;
}

int lor_xzip__read(lor_xzip *z, const char *name, char **out, size_t *len, lor_error *err)
{
	const lor_xzent *e;

	if (!z->ent)
		return libzip_read(z, name, out, len, err);
	if (!(e = find(z, name)))
		return LOR_ENOTFOUND;
	if (too_large(z, name, 1, e->usize, 1, e->csize, err))
		return LOR_EINPUT;
	if (!fast_read(z, e, out, len))
		return LOR_OK;
	return libzip_read(z, name, out, len, err);
}
