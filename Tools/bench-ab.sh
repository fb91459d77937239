#!/usr/bin/env bash
# Before/after: the figures of BENCHMARKS.md's scale and growth sections for two builds, measured in one run so
# that both see the same machine. Each build generates its own journals with its own journal-gen (same seeds), then
# both are timed on the same commands, one build right after the other:
#   bash Tools/bench-ab.sh BEFORE_BIN_DIR AFTER_BIN_DIR [--events N]
# BIN_DIR holds `journal` and `journal-gen` (e.g. .build-release/release of each checkout, built with
# `swift build -c release --static-swift-stdlib`). Default 1,000,000 events (--events 10000 for a quick look).
# Prints hyperfine medians per build; measures, never asserts.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bash Tools/bench-ab.sh BEFORE_BIN_DIR AFTER_BIN_DIR [--events N]" >&2; exit 64; }
before=$1 after=$2
events=1000000
[ "${3:-}" = "--events" ] && events="$4"
for bin in "$before" "$after"; do
    [ -x "$bin/journal" ] && [ -x "$bin/journal-gen" ] || { echo "bench-ab: no journal and journal-gen in $bin" >&2; exit 66; }
done
command -v hyperfine >/dev/null 2>&1 && command -v sqlite3 >/dev/null 2>&1 || {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq hyperfine sqlite3
}

dir=$(mktemp -d /tmp/journal-ab-XXXXXX)
export TZ=UTC
for side in before after; do
    bin=${!side}
    echo "== $side: generating $events events, a 25,000-event journal and a 5,000-milestone one"
    "$bin/journal-gen" --years 20 --events "$events" --seed 42 --db "$dir/$side.sqlite" >/dev/null
    "$bin/journal-gen" --years 10 --events 25000 --seed 42 --db "$dir/$side-25k.sqlite" >/dev/null
    "$bin/journal-gen" --milestones 5000 --db "$dir/$side-m5000.sqlite" >/dev/null
done

db="$dir/after.sqlite"
last=$(sqlite3 "$db" "SELECT substr(max(occurred_at), 1, 10) FROM events")
export JOURNAL_NOW="${last}T23:00"
quarter=$(sqlite3 "$db" "SELECT quarter FROM goal_index ORDER BY quarter LIMIT 1 OFFSET (SELECT count(*) / 2 FROM goal_index)")
goal=$(sqlite3 "$db" "SELECT key FROM goal_index WHERE quarter = '$quarter' ORDER BY key LIMIT 1")
first="${quarter:0:4}-$(printf %02d $(( (${quarter:6:1} - 1) * 3 + 1 )))-01"
known=$(sqlite3 :memory: "SELECT date('$first', '+45 days')")
echo "== now $JOURNAL_NOW; quarter $quarter; goal $goal; --as-known-at $known"

echo "== full rebuild of the ledger slices, alternating (the command's own figure)"
for _ in 1 2 3; do
    for side in before after; do
        bin=${!side}
        echo "$side: $("$bin/journal" rebuild --db "$dir/$side.sqlite")"
    done
done

echo "== reading commands on $events events, caught up (hyperfine -N, 3 warm-up, 30 runs, medians)"
for side in before after; do bin=${!side}; "$bin/journal" sprint --quarter "$quarter" --db "$dir/$side.sqlite" >/dev/null; done
for command in "sprint --quarter $quarter" "report $quarter" "history $goal" "insights --quarter $quarter" \
               "report $quarter --as-known-at $known"; do
    hyperfine -N --warmup 3 --runs 30 --style none --export-json "$dir/read.json" \
        -n "before $command" "$before/journal $command --db $dir/before.sqlite" \
        -n "after  $command" "$after/journal $command --db $dir/after.sqlite" >/dev/null
    python3 -c 'import json,sys; [print("%-60s %8.2f ms" % (r["command"], r["median"] * 1000)) for r in json.load(open(sys.argv[1]))["results"]]' "$dir/read.json"
done

echo "== journal log activity (hyperfine -N, 5 warm-up, 60 runs, medians): empty journal, 25,000 events"
for side in before after; do
    bin=${!side}
    hyperfine -N --warmup 5 --runs 60 --style none --export-json "$dir/log.json" \
        -n "$side log activity, empty" "$bin/journal log activity Benchmark entry --minutes 30 --db $dir/$side-empty.sqlite" \
        -n "$side log activity, 25,000 events" "$bin/journal log activity Benchmark entry --minutes 30 --db $dir/$side-25k.sqlite" >/dev/null
    python3 -c 'import json,sys; [print("%-60s %8.2f ms" % (r["command"], r["median"] * 1000)) for r in json.load(open(sys.argv[1]))["results"]]' "$dir/log.json"
done

echo "== growth: one goal with 5,000 milestones, 2025-Q4 (hyperfine -N, 2 warm-up, 10 runs, medians)"
export JOURNAL_NOW=2025-12-31T23:00
for side in before after; do bin=${!side}; "$bin/journal" sprint --quarter 2025-Q4 --db "$dir/$side-m5000.sqlite" >/dev/null; done
for command in "sprint --quarter 2025-Q4" "report 2025-Q4 --format json" "history big-plan" "insights --quarter 2025-Q4"; do
    hyperfine -N --warmup 2 --runs 10 --style none --export-json "$dir/growth.json" \
        -n "before $command" "$before/journal $command --db $dir/before-m5000.sqlite" \
        -n "after  $command" "$after/journal $command --db $dir/after-m5000.sqlite" >/dev/null
    python3 -c 'import json,sys; [print("%-60s %8.2f ms" % (r["command"], r["median"] * 1000)) for r in json.load(open(sys.argv[1]))["results"]]' "$dir/growth.json"
done
export JOURNAL_NOW="${last}T23:00"

echo "== export and import of $events events, alternating (wall time of the process)"
for _ in 1 2; do
    for side in before after; do
        bin=${!side}
        rm -f "$dir/$side-export.jsonl" "$dir/$side-imported.sqlite"
        start=$(date +%s.%N); "$bin/journal" export --db "$dir/$side.sqlite" --output "$dir/$side-export.jsonl"; mid=$(date +%s.%N)
        "$bin/journal" import "$dir/$side-export.jsonl" --db "$dir/$side-imported.sqlite" >/dev/null; end=$(date +%s.%N)
        printf '%s: export %.2f s (%.0f events/s), import into a new journal %.2f s (%.0f events/s)\n' "$side" \
            "$(echo "$mid - $start" | bc)" "$(echo "$events / ($mid - $start)" | bc -l)" \
            "$(echo "$end - $mid" | bc)" "$(echo "$events / ($end - $mid)" | bc -l)"
    done
done
for side in before after; do bin=${!side}; "$bin/journal" verify --db "$dir/$side-imported.sqlite"; done
rm -f "$dir"/*.sqlite "$dir"/*.jsonl "$dir"/*-wal "$dir"/*-shm
echo "== done (hyperfine JSON in $dir)"
