#!/usr/bin/env bash
# The man page, docs/man/journal.1, is generated from the command definitions by swift-argument-parser's
# generate-manual (the tool its generate-manual plugin runs), run on a debug build: nothing to install, and
# `man ./docs/man/journal.1` works without a build. The page is committed, so this script keeps it current:
#
#   bash Tools/man-page.sh           regenerates it (its date changes only when its content does)
#   bash Tools/man-page.sh --check   fails when it is not what the code generates (CI runs this)
#
# SCRATCH=PATH reuses a build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-write}"
case "$mode" in
    write|--check) ;;
    *) echo "usage: bash Tools/man-page.sh [--check]" >&2; exit 64 ;;
esac
scratch="${SCRATCH:-.build}"
page=docs/man/journal.1

swift build --scratch-path "$scratch" --product journal >/dev/null
swift build --scratch-path "$scratch" --product generate-manual >/dev/null
bin="$(swift build --scratch-path "$scratch" --show-bin-path)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Generates the page dated $1 (yyyy-mm-dd) into $out.
generate() {
    "$bin/generate-manual" "$bin/journal" --date "$1" --output-directory "$out" >/dev/null
}

# The committed page's date (".Dd November 25, 2026"), so that an unchanged page compares equal.
committed_date=""
if [ -f "$page" ]; then
    committed_date="$(date -u -d "$(sed -n 's/^\.Dd //p' "$page")" +%F 2>/dev/null || true)"
fi
if [ -n "$committed_date" ]; then
    generate "$committed_date"
    if cmp -s "$out/journal.1" "$page"; then
        echo "$page is up to date"
        exit 0
    fi
fi
if [ "$mode" = --check ]; then
    diff -u "$page" "$out/journal.1" | head -40 >&2 || true
    echo "$page is out of date with the commands; regenerate it with: bash Tools/man-page.sh" >&2
    exit 1
fi
mkdir -p "$(dirname "$page")"
generate "$(date -u +%F)"
cp "$out/journal.1" "$page"
echo "wrote $page"
