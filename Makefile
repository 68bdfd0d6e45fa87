# lorlint - build, test, benchmark and install.
#
#   make            build build/lorlint and build/liblorlint.a
#   make test       unit, rule self-, CLI transcript and golden tests; then all again under ASan+UBSan
#   make demo       run lorlint on corpus/ with the built-in rules
#   make bench      benchmark against the fixed ripgrep anchor (tests/bench/run.sh; figures in bench/RESULTS.md)
#   make golden     refresh tests/golden/ from the current build (review the diff!)
#   make install    PREFIX=/usr/local DESTDIR=
#
# Every target first checks the libraries and tools it needs (src/tools/deps.sh):
# pkg-config and the PATH are asked first; what is missing is installed with
# apt-get when run as root on Debian, otherwise the exact install line for
# the system's package manager (apt, dnf, pacman, brew) is printed.

CC ?= cc
CFLAGS ?= -O2 -g
BUILD ?= build
PREFIX ?= /usr/local
PKGS = libpcre2-8 libutf8proc yaml-0.1 jansson libzip libxml-2.0
WARN = -std=c11 -Wall -Wextra -Wshadow -Wconversion -Wpointer-arith -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wundef
ifeq ($(CI),true)
WARN += -Werror
endif
ifeq ($(SAN),1)
CFLAGS += -O1 -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined,float-cast-overflow
endif

# Lazily expanded, so pkg-config runs after src/tools/deps.sh has installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS = $(PKG_LIBS) -lm -lpthread -ldl
# The command links only what every run uses; libxml2 and libzip (and ICU and
# libcrypto behind them) and zlib are opened by src/dynlib.c when a document is read,
# by the sonames found here (objdump is binutils', there with the compiler).
DOC_PKGS = libzip libxml-2.0
CORE_LIBS = $(shell pkg-config --libs $(filter-out $(DOC_PKGS),$(PKGS))) -lm -lpthread -ldl
soname = $(shell objdump -p $$(pkg-config --variable=libdir $(1))/$(2) 2>/dev/null | awk '/SONAME/ { print $$2 }')

LIB_SRC = $(wildcard src/*.c)
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o
# The command (src/cli/) sees only the public header: -Iinclude, no -Isrc.
CLI_SRC = $(wildcard src/cli/*.c)
CLI_OBJ = $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
CLI_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude $(CFLAGS)
RULE_FILES = $(sort $(shell find rules -type f ! -name '*.md' 2>/dev/null))
TEST_SRC = $(wildcard tests/unit/test_*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps test-deps check test demo bench golden install clean fuzz fuzz-build
all: $(BUILD)/lorlint

deps:
	@src/tools/deps.sh build
test-deps:
	@src/tools/deps.sh test

$(BUILD)/obj $(BUILD)/tests:
	@mkdir -p $@

$(BUILD)/obj/%.o: src/%.c src/internal.h src/extract.h src/dynlib.h src/xutil.h src/dates.h src/dates_impl.h src/lang.h src/lang_impl.h include/lorlint.h | deps $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/dynlib.o: src/dynlib.c src/dynlib.h src/internal.h include/lorlint.h | deps $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -DLOR_XML2_SONAME='"$(or $(call soname,libxml-2.0,libxml2.so),libxml2.so.2)"' \
		-DLOR_ZIP_SONAME='"$(or $(call soname,libzip,libzip.so),libzip.so.4)"' \
		-DLOR_Z_SONAME='"$(or $(call soname,zlib,libz.so),libz.so.1)"' -c -o $@ $<

$(BUILD)/embed: src/tools/embed.c | $(BUILD)/obj
	$(CC) -O1 -o $@ $<

$(BUILD)/embedded.c: $(BUILD)/embed $(RULE_FILES)
	$(BUILD)/embed $@ $(RULE_FILES)

$(BUILD)/obj/embedded.o: $(BUILD)/embedded.c src/internal.h | deps $(BUILD)/obj
	$(CC) $(filter-out -Wconversion,$(ALL_CFLAGS)) -c -o $@ $<

# The built-in rules' regexes, compiled once here instead of in every run
# (src/rulecache.c): mkcache loads the rules with an empty table and writes
# the real one.
$(BUILD)/mkcache: src/tools/mkcache.c src/tools/rulecache_empty.c $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ src/tools/mkcache.c src/tools/rulecache_empty.c $(LIB_OBJ) $(LDLIBS)

$(BUILD)/rulecache_data.c: $(BUILD)/mkcache
	$(BUILD)/mkcache $@.tmp && mv $@.tmp $@

$(BUILD)/obj/rulecache_data.o: $(BUILD)/rulecache_data.c src/internal.h | deps $(BUILD)/obj
	$(CC) $(filter-out -Wconversion,$(ALL_CFLAGS)) -c -o $@ $<

$(BUILD)/liblorlint.a: $(LIB_OBJ) $(BUILD)/obj/rulecache_data.o
	rm -f $@
	ar rcs $@ $^

$(BUILD)/obj/cli/%.o: src/cli/%.c src/cli/cli.h include/lorlint.h | deps $(BUILD)/obj
	@mkdir -p $(BUILD)/obj/cli
	$(CC) $(CLI_CFLAGS) -c -o $@ $<

$(BUILD)/lorlint: $(CLI_OBJ) $(BUILD)/liblorlint.a
	$(CC) $(LDFLAGS) -o $@ $^ $(CORE_LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/liblorlint.a | test-deps $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS) $(shell pkg-config --libs cmocka)

# Fuzz targets (tests/fuzz/fuzz_*.c, one per input; see tests/fuzz/README.md).
# Each builds as a plain program that replays files (make test runs every
# target over its checked-in corpus, tests/fuzz/corpus/<target>/, also under
# ASan+UBSan); `make fuzz` builds them for libFuzzer with clang and runs each
# for FUZZ_SECONDS (FUZZ_TARGETS=fuzz_dates picks some).
FUZZ_SRC = $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_NAMES = $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_TARGETS ?= $(FUZZ_NAMES)
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h) $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)

FUZZ_SECONDS ?= 60
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined
fuzz-build:
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS)" \
		LDFLAGS="-fsanitize=address,undefined" build/fuzz/liblorlint.a
	$(MAKE) --no-print-directory $(FUZZ_NAMES:%=build/fuzz/bin/%)
build/fuzz/bin/%: tests/fuzz/%.c $(wildcard tests/fuzz/*.h) build/fuzz/liblorlint.a
	@mkdir -p $(@D)
	clang $(ALL_CFLAGS:-I$(BUILD)=-Ibuild/fuzz) -O1 -g -DLOR_LIBFUZZER -fsanitize=fuzzer,address,undefined \
		-o $@ $< build/fuzz/liblorlint.a $(LDLIBS)
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do tests/fuzz/run.sh $$t -max_total_time=$(FUZZ_SECONDS) || exit 1; done

# The document fuzz targets (issue 12): the .docx/.odt reader with the
# reviewed copy, and the HTML extractor; plain programs for make test, and
# `make fuzz-docs` for libFuzzer.
$(BUILD)/fuzz_docx: tests/fuzz/fuzz_docx.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
$(BUILD)/fuzz_html: tests/fuzz/fuzz_html.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
fuzz-docs:
	$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" LDFLAGS="-fsanitize=address,undefined" build/fuzz/liblorlint.a build/fuzz/mkdocs
	mkdir -p build/fuzz/docs-corpus build/fuzz/html-corpus
	build/fuzz/mkdocs build/fuzz/docs-corpus
	mv build/fuzz/docs-corpus/*.html build/fuzz/html-corpus/
	for t in fuzz_docx fuzz_html; do clang $(ALL_CFLAGS:-I$(BUILD)=-Ibuild/fuzz) -O1 -g -DLOR_LIBFUZZER \
		-fsanitize=fuzzer,address,undefined -o build/fuzz/$$t tests/fuzz/$$t.c build/fuzz/liblorlint.a $(LDLIBS) || exit 1; done
	build/fuzz/fuzz_docx -max_total_time=$(FUZZ_SECONDS) -max_len=200000 -timeout=10 build/fuzz/docs-corpus
	build/fuzz/fuzz_html -max_total_time=$(FUZZ_SECONDS) -max_len=50000 -timeout=10 build/fuzz/html-corpus
.PHONY: fuzz-docs

# The header must stand on its own in strict C11.
$(BUILD)/header-check.o: include/lorlint.h | $(BUILD)/obj
	echo '#include "lorlint.h"' | $(CC) -std=c11 -pedantic -Werror -Wall -Wextra -Iinclude -x c -c -o $@ -

# The corpus letters as LibreOffice and pandoc save them (tests/docs/run.sh
# compares them with the .txt): converted once, for every build flavour.
DOCS_CONV = build/docs
$(DOCS_CONV)/stamp: $(wildcard corpus/*/*.txt) tests/docs/convert.sh | test-deps
	@tests/docs/convert.sh $(DOCS_CONV)

# check: run every test once with the current flags.
check: $(DOCS_CONV)/stamp $(BUILD)/lorlint $(TEST_BIN) $(BUILD)/header-check.o $(BUILD)/eval $(FUZZ_NAMES:%=$(BUILD)/%) \
	$(BUILD)/lang_rule_check $(BUILD)/probe $(BUILD)/report_files $(BUILD)/doctext \
	$(BUILD)/mkdocs $(BUILD)/doccmp $(BUILD)/annocheck $(BUILD)/facts_eval
	@tests/run.sh $(BUILD)

test:
	@$(MAKE) --no-print-directory check
	@echo "== again under ASan+UBSan =="
	@$(MAKE) --no-print-directory check BUILD=build/asan SAN=1
	@if command -v clang >/dev/null 2>&1; then echo "== the library and CLI with clang -Werror =="; \
		$(MAKE) --no-print-directory BUILD=build/clang CC=clang CI=true build/clang/lorlint >/dev/null; fi

demo: $(BUILD)/lorlint
	$(BUILD)/lorlint --as-of 2026-11-27 corpus; test $$? -le 1

golden: $(BUILD)/lorlint
	@tests/golden.sh $(BUILD) update

bench: $(BUILD)/lorlint
	@src/tools/deps.sh bench
	@tests/bench/run.sh $(BUILD)

$(BUILD)/lorlint.1: $(BUILD)/lorlint
	$(BUILD)/lorlint --man > $@

$(BUILD)/lorlint.pc: Makefile
	printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include\n\nName: lorlint\nDescription: linter for letters of recommendation\nVersion: %s\nRequires.private: %s\nLibs: -L$${libdir} -llorlint\nLibs.private: -lm -lpthread\nCflags: -I$${includedir}\n' \
		'$(PREFIX)' "$$(sed -n 's/^#define LOR_VERSION "\(.*\)"/\1/p' include/lorlint.h)" '$(PKGS)' > $@

install: $(BUILD)/lorlint $(BUILD)/liblorlint.a $(BUILD)/lorlint.1 $(BUILD)/lorlint.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include \
		$(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/lorlint
	install -m 755 $(BUILD)/lorlint $(DESTDIR)$(PREFIX)/bin/lorlint
	install -m 644 $(BUILD)/liblorlint.a $(DESTDIR)$(PREFIX)/lib/liblorlint.a
	install -m 644 $(BUILD)/lorlint.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/lorlint.pc
	install -m 644 include/lorlint.h $(DESTDIR)$(PREFIX)/include/lorlint.h
	install -m 644 $(BUILD)/lorlint.1 $(DESTDIR)$(PREFIX)/share/man/man1/lorlint.1
	cp -R rules $(DESTDIR)$(PREFIX)/share/lorlint/
	chmod -R a+rX,go-w $(DESTDIR)$(PREFIX)/share/lorlint

clean:
	rm -rf build

# ---- language identification (src/lang.c, data in rules/lang/) ----
#
#   make eval-lang   build tests/tools/eval_lang.c and run it on tests/lang/eval.tsv;
#                    prints accuracy by language and length, English-vs-not and
#                    exact-language accuracy and us per call; fails below the bars
#
# The model data (rules/lang/*.txt) is generated by src/tools/lang/build.sh and
# committed; it is only rebuilt by hand when a training text changes.  The unit
# suite tests/unit/test_lang.c is picked up by the Makefile's generic rule and
# checks the same bars.

$(BUILD)/obj/lang.o $(BUILD)/obj/lang_model.o: src/lang.h src/lang_impl.h
$(BUILD)/tests/test_lang: src/lang.h

$(BUILD)/eval_lang: tests/tools/eval_lang.c src/lang.h $(BUILD)/liblorlint.a | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ tests/tools/eval_lang.c $(BUILD)/liblorlint.a $(LDLIBS)

$(BUILD)/lang_rule_check: tests/tools/lang_rule_check.c $(BUILD)/liblorlint.a | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)

eval-lang: $(BUILD)/eval_lang $(BUILD)/lang_rule_check
	$(BUILD)/eval_lang rules/lang tests/lang/eval.tsv
	$(BUILD)/eval_lang rules/lang tests/lang/heldout.tsv
	$(BUILD)/lang_rule_check tests/lang/eval.tsv tests/lang/heldout.tsv

.PHONY: eval-lang

# ---- the corpus labels ----
#
#   make eval          per-signal precision/recall/F1, verdict agreement, every disagreement
#   make eval-check    the same, failing unless every measured signal has F1 >= 0.95
#                      and verdict agreement is >= 90% (tests/tools/eval.c --check)
$(BUILD)/eval: tests/tools/eval.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
$(BUILD)/facts_eval: tests/tools/facts_eval.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
# Splits JSON reports into a canonical line per letter (tests/determinism.sh).
$(BUILD)/report_files: tests/tools/report_files.c | deps $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS)
$(BUILD)/doctext: tests/tools/doctext.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
$(BUILD)/doccmp: tests/tools/doccmp.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
$(BUILD)/annocheck: tests/tools/annocheck.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
$(BUILD)/mkdocs: tests/tools/mkdocs.c tests/tools/docfixtures.h | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LDLIBS)
$(BUILD)/tests/test_extract: tests/tools/docfixtures.h
$(BUILD)/tests/test_xzip: tests/tools/docfixtures.h
$(BUILD)/tests/test_xmlread: tests/tools/docfixtures.h
$(BUILD)/probe: tests/tools/probe.c $(BUILD)/liblorlint.a
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS)
# make eval: the corpus, the held-out sets, then the published letters of
# tests/real/ (measured when their texts are present, else the recorded run).
eval: $(BUILD)/eval $(BUILD)/lorlint $(BUILD)/facts_eval
	$(BUILD)/eval corpus/expected.tsv
	@tests/real/eval.sh $(BUILD)
	$(BUILD)/facts_eval corpus/portfolios/letters.tsv
	$(BUILD)/facts_eval corpus/portfolios/letters-heldout.tsv
	@tests/portfolios.sh $(BUILD) report
eval-check: $(BUILD)/eval
	$(BUILD)/eval --check corpus/expected.tsv
.PHONY: eval eval-check
