# warraq - one flat Makefile. `make` builds the CLI, libwarraq.so and one
# shared object per folder of plugins/; `make demo` converts seeds/ into
# every format under out/; `make check` runs the whole test suite.

PREFIX   ?= /usr/local
LIBDIR   ?= $(PREFIX)/lib
PLUGINDIR ?= $(LIBDIR)/warraq/plugins
DESTDIR  ?=
BUILD    ?= build
CC       ?= cc
PKG_CONFIG ?= pkg-config
SHARED   ?= ../shared

# The core's libraries; each plugin names its own in plugins/<name>/pkg.
PKGS     := libxml-2.0 icu-uc icu-i18n yaml-0.1
VERSION  := $(shell sed -n 's/^\#define WQ_VERSION "\(.*\)"/\1/p' include/warraq/warraq.h)

CFLAGS   ?= -O2 -g
WFLAGS   := -std=c11 -Wall -Wextra -Wpedantic -Werror
DEFS     := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WFLAGS) $(DEFS) -Iinclude -fPIC -fvisibility=hidden $(PKG_CFLAGS) $(CFLAGS)

# A shared object with an undefined symbol would only fail when loaded:
# refuse it at link time (sanitizer builds take theirs from the program).
NODEFS = $(if $(findstring sanitize,$(CFLAGS)),,-Wl,-z,defs)

CORE_SRC := $(wildcard src/*.c)
CORE_OBJ := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_SRC  := $(wildcard src/cli/*.c)
CLI_OBJ  := $(CLI_SRC:src/cli/%.c=$(BUILD)/obj/cli/%.o)
PLUGINS  := $(notdir $(patsubst %/,%,$(wildcard plugins/*/)))
PLUGIN_SO := $(PLUGINS:%=$(BUILD)/plugins/%.so)
HEADERS  := $(wildcard include/warraq/*.h) src/internal.h src/swar.h src/cli/cli.h

LIB      := $(BUILD)/libwarraq.so
BIN      := $(BUILD)/warraq

.PHONY: all deps demo check check-asan check-valgrind check-readers check-cluster check-wild check-fuzz test install \
	uninstall clean format regen bench fuzz fuzz-build
all: $(BIN) $(PLUGIN_SO) $(BUILD)/plugins/plugins.index

$(BUILD)/obj/%.o: src/%.c $(HEADERS) | $(BUILD)/obj
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -DWQ_PLUGIN_DIR='"$(PLUGINDIR)"' -c -o $@ $<

# The library brings libxml2 and libyaml for the plugins a program loads
# (plugins link neither), even where the core itself calls none of them.
$(LIB): $(CORE_OBJ)
	@echo "LD $@"
	@$(CC) -shared -Wl,-soname,libwarraq.so.0 $(NODEFS) $(CFLAGS) $(LDFLAGS) -o $@ $^ \
		-Wl,--no-as-needed $(PKG_LIBS) -Wl,--as-needed -lpthread
	@ln -sf libwarraq.so $(BUILD)/libwarraq.so.0

# The CLI uses only the public API. It carries the core and the
# libraries behind it, linked statically from Debian's archives: loading
# libwarraq.so, ICU, libstdc++ and libxml2 at every start cost 4 ms of a
# 15 ms conversion (bench/NOTES.md). It exports the public API and the
# libraries plugins share (src/cli/exports.list), so a plugin binds to the
# program's one copy of each. STATIC=0 links it to libwarraq.so instead
# (sanitizer builds do, and builds where an archive is missing).
STATIC_ARCHIVES := libxml2.a libyaml.a libicui18n.a libicuuc.a libicudata.a liblzma.a libz.a libstdc++.a
STATIC_FOUND = $(shell for a in $(STATIC_ARCHIVES); do \
	[ -f "$$($(CC) -print-file-name=$$a)" ] || exit 0; done; echo 1)
STATIC ?= $(if $(findstring sanitize,$(CFLAGS)),0,$(if $(STATIC_FOUND),1,0))
STATIC_LIBS := -Wl,-Bstatic -Wl,--whole-archive -lxml2 -lyaml \
	-Wl,--no-whole-archive -licui18n -licuuc -licudata -llzma -lz -lstdc++ \
	-Wl,-Bdynamic -static-libgcc -lm -ldl -lpthread
$(BUILD)/obj/cli/%.o: src/cli/%.c $(HEADERS) | $(BUILD)/obj
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(ALL_CFLAGS) -DWQ_PLUGIN_DIR='"$(PLUGINDIR)"' -c -o $@ $<

ifeq ($(STATIC),1)
# Not position-independent: relocating ICU's and libxml2's tables at
# every start touched ~30 pages (0.4 ms here).
CLI_LINK = -no-pie $(CLI_OBJ) $(CORE_OBJ) -Wl,--dynamic-list=src/cli/exports.list $(STATIC_LIBS)
else
CLI_LINK = $(CLI_OBJ) -L$(BUILD) -lwarraq -Wl,-rpath,'$$ORIGIN' \
	-Wl,-rpath,'$$ORIGIN/../lib' $(PKG_LIBS) -lpthread
endif

$(BIN): $(CLI_OBJ) $(CORE_OBJ) $(LIB) src/cli/exports.list
	@echo "LD $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_LINK)

# Each folder of plugins/ is one shared object named after the folder.
# A plugin takes the API, libxml2 and libyaml from the program that loads
# it (the warraq program, or one linked to libwarraq.so, which brings
# them), so it links only the libraries its folder names in a file 'pkg'
# (pkg-config names: libzip for epub; a name starting with -l is a
# library without a pkg-config file, -l:libNAME.a an archive linked in:
# cmark-gfm for markdown, whose two shared libraries took 0.3 ms of every
# start, as the seeds are read by probing every reader).
# Every plugin is loaded with RTLD_NOW by the test suite, which is where
# an undefined symbol would show.
plugin_pkgs = $(filter-out -l%,$(shell cat plugins/$(1)/pkg 2>/dev/null))
plugin_ldirect = $(foreach w,$(filter -l%,$(shell cat plugins/$(1)/pkg 2>/dev/null)),$(call archive_or_shared,$(w)))
# "-l:libNAME.a" links that archive into the plugin where it is installed
# (with its position-independent code, as Debian builds it), else
# -lNAME: a library the plugin alone uses need not be mapped at start.
archive_or_shared = $(if $(filter -l:%.a,$(1)),$(if $(wildcard $(shell $(CC) -print-file-name=$(patsubst -l:%,%,$(1)))),$(1),-l$(patsubst -l:lib%.a,%,$(1))),$(1))
plugin_libs = $(if $(call plugin_pkgs,$(1)),$(shell $(PKG_CONFIG) --libs $(call plugin_pkgs,$(1)))) $(call plugin_ldirect,$(1))
plugin_cflags = $(if $(call plugin_pkgs,$(1)),$(shell $(PKG_CONFIG) --cflags $(call plugin_pkgs,$(1))))
.SECONDEXPANSION:
$(BUILD)/plugins/%.so: $$(wildcard plugins/%/*.c) $$(wildcard plugins/%/*.h) $$(wildcard plugins/%/pkg) $(HEADERS) | $(BUILD)/plugins
	@echo "CC $@"
	@$(CC) $(ALL_CFLAGS) $(call plugin_cflags,$*) -shared -o $@ $(filter %.c,$^) \
		-Wl,--as-needed $(call plugin_libs,$*) -Wl,--no-as-needed

# Which plugins have no reader, so that a run maps one only when it writes
# with it (the epub writer's libraries were 2.5 ms of every start).
$(BUILD)/plugins/plugins.index: $(BIN) $(PLUGIN_SO)
	@$(BIN) --write-plugin-index $(BUILD)/plugins

$(BUILD)/obj $(BUILD)/plugins:
	@mkdir -p $@

deps:
	@scripts/install-deps build

# ---- the two contract commands ----

demo: deps
	@$(MAKE) --no-print-directory all
	@scripts/demo $(BIN)

# `make check T=epub` runs one part of tests/parts/ (or T=browser,
# T=asan, T=fuzz); T="epub tei" runs several.
T ?=
PARTS_T := $(filter-out browser asan fuzz,$(T))
check: deps
	@scripts/install-deps check
	@$(SHARED)/tools/install-validators > /dev/null
	@$(MAKE) --no-print-directory all
	@if [ -z "$(T)" ] || [ -n "$(PARTS_T)" ]; then SHARED=$(SHARED) tests/run $(BIN) $(PARTS_T); fi
	@if [ -z "$(T)" ] || [ -n "$(filter browser,$(T))" ]; then SHARED=$(SHARED) tests/browser/run $(BIN); fi
	@if [ -z "$(T)" ] || [ -n "$(filter asan,$(T))" ]; then $(MAKE) --no-print-directory check-asan; fi
	@if [ -z "$(T)" ] || [ -n "$(filter fuzz,$(T))" ]; then $(MAKE) --no-print-directory check-fuzz; fi

# The same suite on a build with AddressSanitizer and UBSan.
check-asan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)-asan \
		CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" all
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		SHARED=$(SHARED) WQ_SANITIZED=1 tests/run $(BUILD)-asan/warraq $(PARTS_T)

check-valgrind: all
	@SHARED=$(SHARED) tests/valgrind $(BIN)

# Books in real reading engines (calibre's, Ace on the OpenITI books):
# minutes, so not in `make check`. Run after it (Ace comes with it).
check-readers: all
	@SHARED=$(SHARED) tests/readers/run $(BIN)

# Markdown and HTML nobody here wrote (the READMEs and manuals of the npm
# packages the validators brought, /usr/share/doc; or WILD="dir..."),
# through every writer and validator: a hunt for what the cases miss.
check-wild: all
	@SHARED=$(SHARED) tests/wild/run $(BIN) $(WILD)

# docs/pipelines.md's multi-machine recipes on throwaway servers of this
# machine: GNU parallel over two sshd, a Slurm array job (needs root).
check-cluster: all
	@scripts/install-deps cluster
	@SHARED=$(SHARED) tests/cluster/run $(BIN)

regen: all
	@SHARED=$(SHARED) WQ_REGEN=1 tests/run $(BIN)

# ---- installation ----

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig \
		$(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(PREFIX)/include/warraq \
		$(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 $(LIB) $(DESTDIR)$(LIBDIR)/libwarraq.so.$(VERSION)
	ln -sf libwarraq.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libwarraq.so.0
	ln -sf libwarraq.so.0 $(DESTDIR)$(LIBDIR)/libwarraq.so
	$(if $(filter 1,$(STATIC)),install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/warraq,\
		$(CC) $(CFLAGS) $(LDFLAGS) -o $(DESTDIR)$(PREFIX)/bin/warraq $(CLI_OBJ) \
		-L$(BUILD) -lwarraq -Wl,-rpath,'$$ORIGIN/../lib' $(PKG_LIBS) -lpthread)
	install -m 755 $(PLUGIN_SO) $(DESTDIR)$(PLUGINDIR)/
	$(BIN) --write-plugin-index $(DESTDIR)$(PLUGINDIR)
	install -m 644 include/warraq/*.h $(DESTDIR)$(PREFIX)/include/warraq/
	install -m 644 docs/warraq.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 scripts/warraq.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/warraq
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@PLUGINDIR@|$(PLUGINDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		warraq.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/warraq.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/warraq $(DESTDIR)$(LIBDIR)/libwarraq.so* \
		$(DESTDIR)$(LIBDIR)/pkgconfig/warraq.pc \
		$(DESTDIR)$(PREFIX)/share/man/man1/warraq.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/warraq
	rm -rf $(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(PREFIX)/include/warraq

# warraq against pandoc, cmark and cat; writes bench/results.md.
bench:
	@scripts/install-deps bench
	@$(MAKE) --no-print-directory all
	@SHARED=$(SHARED) bench/run $(BIN)

# libFuzzer harnesses, on a clang build with ASan and UBSan.
FUZZ_SECONDS ?= 60
FUZZ := $(BUILD)-fuzz
FUZZ_CC = clang -O1 -g -fsanitize=fuzzer,address,undefined -Iinclude

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ) CC=clang \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" \
		LDFLAGS="-fsanitize=address,undefined" all
	@$(FUZZ_CC) tests/fuzz/fuzz_load.c -o $(FUZZ)/fuzz_load \
		-L$(FUZZ) -lwarraq -Wl,-rpath,'$$ORIGIN'
	@$(FUZZ_CC) $(shell $(PKG_CONFIG) --cflags libxml-2.0 libzip) tests/fuzz/fuzz_write.c \
		-o $(FUZZ)/fuzz_write -L$(FUZZ) -lwarraq -Wl,-rpath,'$$ORIGIN' \
		$(shell $(PKG_CONFIG) --libs libxml-2.0 libzip)

fuzz: fuzz-build
	@tests/fuzz/run $(FUZZ) $(FUZZ_SECONDS)

# A few seconds each, as part of make check, where clang's fuzzer
# runtime is installed.
check-fuzz:
	@if echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' | \
	    clang -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then \
		$(MAKE) --no-print-directory fuzz-build && tests/fuzz/run $(FUZZ) 5; \
	else echo "fuzz: clang's libFuzzer runtime missing, skipped"; fi

format:
	clang-format -i src/*.c src/*.h src/cli/*.c src/cli/*.h include/warraq/*.h plugins/*/*.c

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz out
