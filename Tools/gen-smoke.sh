#!/usr/bin/env bash
# Smoke check of the synthetic-journal generator: writes a 10,000-event journal through the real store, then
# checks its hash chain (journal verify), that it is deterministic (same seed, same head hash), and that the
# reading commands make sense of it (report, sprint, insights on a past quarter). No test framework: exit 0 or not.
# Usage: bash Tools/gen-smoke.sh        (builds with its own scratch path; set SCRATCH to reuse another)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build-gen}
swift build --scratch-path "$scratch" --product journal-gen >/dev/null
swift build --scratch-path "$scratch" --product journal >/dev/null
bin=$(swift build --scratch-path "$scratch" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC

"$bin/journal-gen" --years 5 --events 10000 --seed 42 --db "$work/a.sqlite"
"$bin/journal-gen" --years 5 --events 10000 --seed 42 --db "$work/b.sqlite" --quiet >/dev/null
if "$bin/journal-gen" --events 10000 --db "$work/a.sqlite" 2>/dev/null; then
    echo "gen-smoke: journal-gen overwrote an existing journal" >&2; exit 1
fi

verify_a=$("$bin/journal" verify --db "$work/a.sqlite")
verify_b=$("$bin/journal" verify --db "$work/b.sqlite")
echo "$verify_a"
case "$verify_a" in "OK: 10000 events, hash chain intact"*) ;; *) echo "gen-smoke: unexpected verify output" >&2; exit 1 ;; esac
[ "$verify_a" = "$verify_b" ] || { echo "gen-smoke: the same seed gave two different journals" >&2; exit 1; }

report=$(JOURNAL_NOW=2025-12-31 "$bin/journal" report 2024-Q2 --db "$work/a.sqlite")
head -12 <<<"$report"
for section in "Planned by the end of week 1" "How it ended" "Week by week" "Review"; do
    grep -q "$section" <<<"$report" || { echo "gen-smoke: the report has no '$section' section" >&2; exit 1; }
done
# Each output is read whole before it is searched: grep -q on a pipe exits at the first match, and journal, still
# writing, would then die of SIGPIPE (exit 141 under pipefail) on a timing the machine decides.
sprint=$(JOURNAL_NOW=2024-05-16 "$bin/journal" sprint --db "$work/a.sqlite" --format json)
grep -q '"quarter" *: *"2024-Q2"' <<<"$sprint" || { echo "gen-smoke: the sprint's json names no 2024-Q2" >&2; exit 1; }
insights=$(JOURNAL_NOW=2024-05-16 "$bin/journal" insights --quarter 2024-Q2 --db "$work/a.sqlite")
grep -q "linked to a goal" <<<"$insights" || { echo "gen-smoke: insights shows no effort linked to a goal" >&2; exit 1; }
echo "gen-smoke: OK"
