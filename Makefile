# Builds the static release binary and installs it with its man page and shell completions.
#
#   make install PREFIX=/usr/local      (default; DESTDIR=/staging for packaging)
#   make install PREFIX=$HOME/.local    (no root needed)
#   make uninstall PREFIX=...           removes exactly what install put there
#
# The binary links the Swift runtime and Foundation statically; SQLite stays the system's (libsqlite3).
# journal-remote, the sync helper (docs/sync.md), is installed beside it: journal sync runs it.
# SCRATCH is the build folder (default .build); STRIP= keeps the symbols (install strips them by default).

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build
STRIP ?= -s

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

RELEASE_FLAGS := -c release --static-swift-stdlib --scratch-path $(SCRATCH)
BIN = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/journal
HELPER = $(shell $(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/journal-remote
GENERATED := $(SCRATCH)/install

.PHONY: all build completions install uninstall

all: build

build:
	$(SWIFT) build $(RELEASE_FLAGS) --product journal
	$(SWIFT) build $(RELEASE_FLAGS) --product journal-remote

# The scripts come from the binary just built, so they always match its commands.
completions: build
	mkdir -p $(GENERATED)
	$(BIN) --generate-completion-script bash > $(GENERATED)/journal.bash
	$(BIN) --generate-completion-script zsh > $(GENERATED)/_journal
	$(BIN) --generate-completion-script fish > $(GENERATED)/journal.fish

install: build completions
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(STRIP) $(BIN) $(BINDIR)/journal
	install -m 0755 $(STRIP) $(HELPER) $(BINDIR)/journal-remote
	install -m 0644 docs/man/journal.1 $(MANDIR)/journal.1
	install -m 0644 $(GENERATED)/journal.bash $(BASHDIR)/journal
	install -m 0644 $(GENERATED)/_journal $(ZSHDIR)/_journal
	install -m 0644 $(GENERATED)/journal.fish $(FISHDIR)/journal.fish

uninstall:
	rm -f $(BINDIR)/journal $(BINDIR)/journal-remote $(MANDIR)/journal.1 $(BASHDIR)/journal $(ZSHDIR)/_journal $(FISHDIR)/journal.fish
