#!/usr/bin/env bash
# Scale benchmarks for issue 5's targets 3-5 on a generated journal (default 1,000,000 events; --quick: 10,000):
# reading commands once caught up, --as-known-at, full rebuild of the ledger slices, export and import, and
# eventsourcing's recorder appending and replaying as many events.
# Prints medians and rates; writes hyperfine's JSON beside the journal. Measures, never asserts.
set -euo pipefail
cd "$(dirname "$0")/.."

events=1000000
[ "${1:-}" = "--quick" ] && events=10000
[ "${1:-}" = "--events" ] && events="$2"

need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${need[@]}"
fi

scratch=${SCRATCH:-.build-bench}
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product journal >/dev/null
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product journal-gen >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

dir=$(mktemp -d /tmp/journal-bench-XXXXXX)
db="$dir/journal.sqlite"
echo "== generating $events events into $db"
"$bin/journal-gen" --years 20 --events "$events" --seed 42 --db "$db"

# "Now" is the end of the log; the quarter read is a full past quarter in the middle of it.
last=$(sqlite3 "$db" "SELECT substr(max(occurred_at), 1, 10) FROM events")
export TZ=UTC JOURNAL_NOW="${last}T23:00" JOURNAL_DB="$db"
quarter=$(sqlite3 "$db" "SELECT quarter FROM goal_index ORDER BY quarter LIMIT 1 OFFSET (SELECT count(*) / 2 FROM goal_index)")
goal=$(sqlite3 "$db" "SELECT key FROM goal_index WHERE quarter = '$quarter' ORDER BY key LIMIT 1")
first="${quarter:0:4}-$(printf %02d $(( (${quarter:6:1} - 1) * 3 + 1 )))-01"
known=$(sqlite3 :memory: "SELECT date('$first', '+45 days')")   # the report as it was known mid-quarter
echo "== now $JOURNAL_NOW; quarter $quarter; goal $goal; --as-known-at $known"

echo "== full rebuild of the ledger slices (3 runs; the command's own figure, then the whole process)"
for _ in 1 2 3; do /usr/bin/time -f "   process: %e s wall, %M KB peak" "$bin/journal" rebuild; done

"$bin/journal" sprint --quarter "$quarter" >/dev/null   # caught up
echo "== reading commands, caught up (hyperfine medians)"
hyperfine -N --warmup 3 --runs 30 --export-json "$dir/reads.json" \
    "$bin/journal sprint --quarter $quarter" \
    "$bin/journal report $quarter" \
    "$bin/journal history $goal" \
    "$bin/journal insights --quarter $quarter" \
    "$bin/journal report $quarter --as-known-at $known"

echo "== export and import"
start=$(date +%s.%N); "$bin/journal" export --output "$dir/export.jsonl"; end=$(date +%s.%N)
echo "export: $(echo "$events / ($end - $start)" | bc) events/s ($(echo "$end - $start" | bc) s)"
start=$(date +%s.%N); "$bin/journal" import "$dir/export.jsonl" --db "$dir/imported.sqlite"; end=$(date +%s.%N)
echo "import: $(echo "$events / ($end - $start)" | bc) events/s ($(echo "$end - $start" | bc) s)"
"$bin/journal" verify --db "$dir/imported.sqlite"
"$bin/journal" verify

# The peer the rebuild and import targets are stated against: eventsourcing's SQLite recorder, same event count.
echo "== eventsourcing 9.5.6 SQLite recorder: append and replay $events events"
if python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("eventsourcing") != "9.5.6")' 2>/dev/null \
    || python3 -m pip install -q "eventsourcing==9.5.6" >/dev/null 2>&1; then
    python3 Tools/peers/es_scale.py "$dir/eventsourcing.sqlite" "$events"
else
    echo "bench-scale: SKIPPING eventsourcing: 'pip install eventsourcing==9.5.6' failed (offline?)" >&2
fi
echo "== results in $dir"
