# lorlint - build, test, benchmark and install.
#
#   make            build build/lorlint and build/liblorlint.a
#   make test       unit, rule self-, CLI transcript and golden tests; then all again under ASan+UBSan
#   make demo       run lorlint on corpus/ with the built-in rules
#   make bench      benchmark (see bench/README.md)
#   make golden     refresh tests/golden/ from the current build (review the diff!)
#   make install    PREFIX=/usr/local DESTDIR=
#
# Every target first checks the Debian packages it needs (tools/deps.sh):
# installed when run as root, otherwise the exact apt-get line is printed.

CC ?= cc
CFLAGS ?= -O2 -g
BUILD ?= build
PREFIX ?= /usr/local
PKGS = libpcre2-8 libutf8proc yaml-0.1 jansson
WARN = -std=c11 -Wall -Wextra -Wshadow -Wconversion -Wpointer-arith -Wstrict-prototypes \
       -Wmissing-prototypes -Wformat=2 -Wundef
ifeq ($(CI),true)
WARN += -Werror
endif
ifeq ($(SAN),1)
CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

# Lazily expanded, so pkg-config runs after tools/deps.sh has installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -I$(BUILD) $(PKG_CFLAGS) $(CFLAGS)
LDLIBS = $(PKG_LIBS) -lm -lpthread

LIB_SRC = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/embedded.o
RULE_FILES = $(sort $(shell find rules -type f ! -name '*.md' 2>/dev/null))
TEST_SRC = $(wildcard tests/unit/test_*.c)
TEST_BIN = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps test-deps check test demo bench golden install clean eval-lang
all: $(BUILD)/lorlint

deps:
	@tools/deps.sh build
test-deps:
	@tools/deps.sh test

$(BUILD)/obj $(BUILD)/tests:
	@mkdir -p $@

$(BUILD)/obj/%.o: src/%.c src/internal.h include/lorlint.h | deps $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/embed: tools/embed.c | $(BUILD)/obj
	$(CC) -O1 -o $@ $<

$(BUILD)/embedded.c: $(BUILD)/embed $(RULE_FILES)
	$(BUILD)/embed $@ $(RULE_FILES)

$(BUILD)/obj/embedded.o: $(BUILD)/embedded.c src/internal.h | deps $(BUILD)/obj
	$(CC) $(filter-out -Wconversion,$(ALL_CFLAGS)) -c -o $@ $<

$(BUILD)/liblorlint.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/lorlint: $(BUILD)/obj/main.o $(BUILD)/liblorlint.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/liblorlint.a | test-deps $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) $(LDFLAGS) -o $@ $< $(BUILD)/liblorlint.a $(LDLIBS) $(shell pkg-config --libs cmocka)

# The header must stand on its own in strict C11.
$(BUILD)/header-check.o: include/lorlint.h | $(BUILD)/obj
	echo '#include "lorlint.h"' | $(CC) -std=c11 -pedantic -Werror -Wall -Wextra -Iinclude -x c -c -o $@ -

# check: run every test once with the current flags.
check: $(BUILD)/lorlint $(TEST_BIN) $(BUILD)/header-check.o $(BUILD)/eval
	@tests/run.sh $(BUILD)

test:
	@$(MAKE) --no-print-directory check
	@echo "== again under ASan+UBSan =="
	@$(MAKE) --no-print-directory check BUILD=build/asan SAN=1

demo: $(BUILD)/lorlint
	$(BUILD)/lorlint --as-of 2026-11-27 corpus; test $$? -le 1

golden: $(BUILD)/lorlint
	@tests/golden.sh $(BUILD) update

bench: $(BUILD)/lorlint
	@tools/deps.sh bench
	@bench/run.sh $(BUILD)

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

-include mk/*.mk
