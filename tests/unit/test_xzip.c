/* test_xzip.c - the archive reader of src/extract_zip.c answers exactly as libzip does, and reads the usual archives itself.
 *
 * Each archive is read twice: opened with lor_xzip__open_read (the reader's
 * own index, libzip only for what it leaves) and with lor_xzip__open
 * (libzip alone, as lorlint read every archive before). Both readings are
 * written down as one transcript (the open's code and message, the entries
 * listed, then every entry and a missing one read in turn: code, message,
 * bytes) and the transcripts must be the same to the byte. The archives:
 * every zip fixture of tests/tools/docfixtures.h (hostile ones too), and one
 * archive bent in the ways a real or a crafted zip can be: data descriptors
 * (LibreOffice writes them), a comment, a flipped byte of compressed data, a
 * wrong CRC, a local header that disagrees with the central one, a name twice,
 * trailing bytes, a cut archive, an unknown method, sizes that declare a bomb.
 * For the archives the reader is meant to take, it must also have taken them
 * without libzip (z.za still NULL), so a reader that quietly left everything
 * to libzip fails here too.
 */
#include "harness.h"

#include "extract.h"
#include "../tools/docfixtures.h"

/* Append the reading of one archive to t. Returns whether libzip was opened. */
static int transcript(lor_buf *t, const char *data, size_t len, int own)
{
	lor_xzip z;
	lor_error err;
	size_t i, n;
	int rc, opened;

	memset(&err, 0, sizeof(err));
	rc = own ? lor_xzip__open_read(&z, "t.docx", data, len, &err)
	         : lor_xzip__open(&z, "t.docx", data, len, &err);
	assert_int_equal(lor_buf__addf(t, "open %d %s\n", rc, rc ? err.message : ""), 0);
	if (rc)
		return 1;
	n = lor_xzip__count(&z);
	for (i = 0; i <= n; i++) {
		const char *name = i < n ? lor_xzip__name(&z, i) : "no/such.xml";
		char *out = NULL;
		size_t olen = 0;

		assert_non_null(name);
		assert_int_equal(lor_xzip__has(&z, name), i < n);
		memset(&err, 0, sizeof(err));
		rc = lor_xzip__read(&z, name, &out, &olen, &err);
		assert_int_equal(lor_buf__addf(t, "%s: %d %s %zu\n", name, rc, rc ? err.message : "", olen), 0);
		if (!rc) {
			assert_int_equal(out[olen], '\0');
			assert_int_equal(lor_buf__add(t, out, olen), 0);
			assert_int_equal(lor_buf__add(t, "\n", 1), 0);
		}
		free(out);
	}
	opened = z.za != NULL;
	lor_xzip__close(&z);
	return opened;
}

/* Read data both ways; the same transcript. `fast`: the reader must have
 * done it alone. */
static void same_both_ways(const char *what, const char *data, size_t len, int fast)
{
	lor_buf own = LOR_BUF_INIT, lib = LOR_BUF_INIT;
	int opened = transcript(&own, data, len, 1);

	transcript(&lib, data, len, 0);
	if (getenv("XZIP_SHOW"))
		printf("== %s\n%.600s\n", what, own.data);
	if (strcmp(own.data, lib.data))
		fail_msg("%s: the reader's transcript\n%s\ndiffers from libzip's\n%s", what, own.data, lib.data);
	if (fast && opened)
		fail_msg("%s: left to libzip, though the reader should take it", what);
	lor_buf__release(&own);
	lor_buf__release(&lib);
}

static void test_fixtures(void **state)
{
	const fx_case *c;
	size_t k;

	(void)state;
	for (c = fx_cases; c->file; c++) {
		char *data = NULL;
		size_t len = 0;

		if (!c->entries[0].name[0])
			continue; /* not an archive */
		assert_int_equal(fx_bytes(c, &data, &len), 0);
		same_both_ways(c->file, data, len, 1);
		free(data);
	}
	for (k = 0; fx_generated[k].file; k++) {
		char *data = NULL;
		size_t len = 0;

		if (!strstr(fx_generated[k].file, ".docx"))
			continue;
		assert_int_equal(fx_make(fx_generated[k].file, &data, &len), 0);
		/* the bomb is refused by its declared size, on the reader's own path */
		same_both_ways(fx_generated[k].file, data, len, !strcmp(fx_generated[k].file, "bomb.docx"));
		free(data);
	}
}

/* ------------------------------------------------------- bent archives */

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static size_t get32(const unsigned char *p)
{
	return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
}

static void put16(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, size_t v)
{
	put16(p, (unsigned)(v & 0xFFFF));
	put16(p + 2, (unsigned)(v >> 16));
}

/* Entry k's central header and local header in a zip libzip wrote (no
 * archive comment, so the end record is the last 22 bytes). */
static unsigned char *central(unsigned char *d, size_t len, int k)
{
	unsigned char *p = d + get32(d + len - 22 + 16);

	while (k--)
		p += 46 + get16(p + 28) + get16(p + 30) + get16(p + 32);
	return p;
}

static unsigned char *local(unsigned char *d, size_t len, int k)
{
	return d + get32(central(d, len, k) + 42);
}

enum bend {
	PLAIN, DESCRIPTOR, COMMENT, FLIPPED, BAD_CRC, LOCAL_NAME, TWICE, TRAILING, CUT, METHOD, DECLARED_BOMB,
	LOCAL_VERSION, STORED_SIZE, BENDS
};

static const char *const bend_names[] = {
	"plain", "data descriptor", "comment", "flipped byte", "bad CRC", "local name", "name twice",
	"trailing bytes", "cut", "unknown method", "declared bomb", "local version", "stored size"
};

static void test_bent_archives(void **state)
{
	/* entry 0 stored, 1 and 2 deflated, with names of one length, so 2
	 * can take 1's name (fx_zip adds a manifest as entry 3) */
	static char text[6000];
	static const fx_entry entries[] = {
		{ "mimetype", FX_MIME },
		{ "content.xml", text },
		{ "contenu.xml", "<?xml version=\"1.0\"?><x>styles styles styles styles</x>" },
		{ NULL, NULL }
	};
	int b;
	size_t k;

	(void)state;
	for (k = 0; k + 1 < sizeof(text); k++)
		text[k] = "I recommend her without reservation. "[k % 37];
	for (b = 0; b < BENDS; b++) {
		char *data;
		size_t len;
		unsigned char *d, *c, *l;

		assert_int_equal(fx_zip(entries, 0, 0, &data, &len), 0);
		d = (unsigned char *)data;
		/* entry 0 is "mimetype" (stored), 1 "content.xml" (deflated) */
		assert_int_equal(get16(central(d, len, 0) + 10), 0);
		assert_int_equal(get16(central(d, len, 1) + 10), 8);
		c = central(d, len, 1);
		l = local(d, len, 1);
		switch (b) {
		case DESCRIPTOR: /* as LibreOffice writes it: sizes and CRC after the data */
			for (k = 0; k < 3; k++) {
				put16(central(d, len, (int)k) + 8, get16(central(d, len, (int)k) + 8) | 8);
				put16(local(d, len, (int)k) + 6, get16(local(d, len, (int)k) + 6) | 8);
				memset(local(d, len, (int)k) + 14, 0, 12);
			}
			break;
		case COMMENT: {
			char *more = realloc(data, len + 5);

			assert_non_null(more);
			data = more;
			d = (unsigned char *)data;
			memcpy(data + len, "hello", 5);
			put16(d + len - 22 + 20, 5);
			len += 5;
			break;
		}
		case FLIPPED:
			l[30 + get16(l + 26) + get16(l + 28) + 10] ^= 0x55;
			break;
		case BAD_CRC:
			put32(c + 16, get32(c + 16) ^ 1);
			put32(l + 14, get32(l + 14) ^ 1);
			break;
		case LOCAL_NAME:
			l[30] = 'k';
			break;
		case TWICE: /* "contenu.xml" becomes a second "content.xml" */
			memcpy(central(d, len, 2) + 46 + 6, "t", 1);
			memcpy(local(d, len, 2) + 30 + 6, "t", 1);
			break;
		case TRAILING: {
			char *more = realloc(data, len + 7);

			assert_non_null(more);
			data = more;
			memcpy(data + len, "garbage", 7);
			len += 7;
			break;
		}
		case CUT:
			len -= 30;
			break;
		case METHOD:
			put16(c + 10, 12);
			put16(l + 8, 12);
			break;
		case DECLARED_BOMB: /* 40 MB declared: over the entry limit */
			put32(c + 24, (size_t)40 << 20);
			put32(l + 22, (size_t)40 << 20);
			break;
		case LOCAL_VERSION:
			put16(l + 4, get16(c + 6) + 1);
			break;
		case STORED_SIZE: /* a stored entry whose sizes disagree */
			put32(central(d, len, 0) + 20, get32(central(d, len, 0) + 20) - 1);
			put32(local(d, len, 0) + 18, get32(local(d, len, 0) + 18) - 1);
			break;
		default:
			break;
		}
		same_both_ways(bend_names[b], data, len, b == PLAIN || b == DESCRIPTOR || b == COMMENT ||
		                                         b == DECLARED_BOMB);
		free(data);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixtures),
		cmocka_unit_test(test_bent_archives),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
