#!/usr/bin/env bash
# Checks `make install` end to end: installs into a temporary PREFIX (and once more under a DESTDIR), then checks
# every installed file is there, the binary runs and links the Swift runtime statically, `man -l` renders the
# page, the completion scripts load in their shells and bash completes goal keys from a journal, and
# `make uninstall` removes it all.
#
#   bash Tools/install-check.sh        SCRATCH=PATH reuses a build folder (default .build)
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${SCRATCH:-.build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
failures=0

ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() { local what="$1"; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }

files=(
    bin/journal
    bin/journal-remote
    share/man/man1/journal.1
    share/bash-completion/completions/journal
    share/zsh/site-functions/_journal
    share/fish/vendor_completions.d/journal.fish
)

echo "== make install PREFIX=$prefix"
make --no-print-directory install PREFIX="$prefix" SCRATCH="$scratch" >"$work/make.log" 2>&1 || { cat "$work/make.log"; exit 1; }
for file in "${files[@]}"; do
    check "$file installed" test -s "$prefix/$file"
done
check "bin/journal is executable" test -x "$prefix/bin/journal"
check "bin/journal-remote is executable" test -x "$prefix/bin/journal-remote"
# The sync helper answers its usage line (exit 64) without a server; journal finds it beside itself.
# The network code stays in the helper: the stripped helper names PostgresNIO thousands of times, journal never.
check "journal links no network code (no PostgresNIO in bin/journal)" bash -c "! strings '$prefix/bin/journal' | grep -q PostgresNIO"
check "journal-remote runs (usage, exit 64)" bash -c "'$prefix/bin/journal-remote' >/dev/null 2>&1; test \$? -eq 64"

version="$("$prefix/bin/journal" --version)"
check "journal --version prints a version ($version)" test -n "$version"
if command -v ldd >/dev/null; then
    check "the Swift runtime is linked statically" bash -c "! ldd '$prefix/bin/journal' | grep -q libswiftCore"
    check "SQLite is the system's (libsqlite3, dynamic)" bash -c "ldd '$prefix/bin/journal' | grep -q libsqlite3"
fi

rendered="$(MANWIDTH=80 man -l "$prefix/share/man/man1/journal.1" 2>"$work/man.err")"
check "man -l renders the page" bash -c "grep -q '^NAME' <<<\"\$1\" && grep -q 'journal log' <<<\"\$1\" && ! [ -s '$work/man.err' ]" _ "$rendered"
if command -v mandoc >/dev/null; then
    check "mandoc -T lint finds no error" mandoc -T lint -W error "$prefix/share/man/man1/journal.1"
fi

# A journal to complete from, written by the installed binary.
export JOURNAL_DB="$work/journal.sqlite" JOURNAL_NOW=2025-04-10T09:00 TZ=UTC
"$prefix/bin/journal" log goal "Complete AWS certification" --quarter 2025-Q2 --key aws --quiet >/dev/null
"$prefix/bin/journal" log milestone aws "Finish sections 1-5" --weeks 1-4 >/dev/null

bash_completed="$(PATH="$prefix/bin:$PATH" bash --noprofile --norc -c '
    source "$1"
    complete -p journal >/dev/null || exit 1
    COMP_WORDS=(journal log done ""); COMP_CWORD=3; COMP_LINE="journal log done "; COMP_POINT=${#COMP_LINE}
    _journal journal "" done
    echo "${COMPREPLY[*]}"' _ "$prefix/share/bash-completion/completions/journal")"
check "bash loads the completion and completes 'journal log done <TAB>' to aws/1 (got '$bash_completed')" test "$bash_completed" = "aws/1"
if command -v zsh >/dev/null; then
    check "zsh parses _journal" zsh -n "$prefix/share/zsh/site-functions/_journal"
fi
if command -v fish >/dev/null; then
    check "fish parses journal.fish" fish --no-execute "$prefix/share/fish/vendor_completions.d/journal.fish"
fi

echo "== make uninstall PREFIX=$prefix"
make --no-print-directory uninstall PREFIX="$prefix" SCRATCH="$scratch" >"$work/make.log" 2>&1 || { cat "$work/make.log"; exit 1; }
left="$(find "$prefix" -type f | wc -l)"
check "uninstall removed every installed file ($left left)" test "$left" -eq 0

echo "== make install DESTDIR=$work/stage PREFIX=/usr"
make --no-print-directory install DESTDIR="$work/stage" PREFIX=/usr SCRATCH="$scratch" >"$work/make.log" 2>&1 || { cat "$work/make.log"; exit 1; }
for file in "${files[@]}"; do
    check "DESTDIR: usr/$file staged" test -s "$work/stage/usr/$file"
done

if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all install checks passed"
