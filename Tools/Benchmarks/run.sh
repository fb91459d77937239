#!/usr/bin/env bash
# The fast paths against their references (docs/fast-paths.md): package-benchmark micro-benchmarks (this folder's
# package) and, for the pair no micro-benchmark reaches, hyperfine over the whole process. Measures, never asserts.
#   bash Tools/Benchmarks/run.sh            # a 100,000-event journal for the ledger reads
#   bash Tools/Benchmarks/run.sh --quick    # 10,000 events, 40 hyperfine runs
# Extra arguments after `--` go to `swift package benchmark` (e.g. `-- --filter 'Hash chain.*'`).
set -euo pipefail
cd "$(dirname "$0")/../.."

events=100000 runs=100
if [ "${1:-}" = "--quick" ]; then events=10000 runs=40; shift; fi
[ "${1:-}" = "--" ] && shift

if ! command -v hyperfine >/dev/null 2>&1 || ! command -v sqlite3 >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq hyperfine sqlite3
fi

scratch=${SCRATCH:-.build-bench}
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product journal >/dev/null
swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product journal-gen >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"

# tmpfs when there is one: fdatasync is free there, so the figures are CPU, not the shared disk's latency.
base=/tmp; [ -d /dev/shm ] && [ -w /dev/shm ] && base=/dev/shm
dir=$(mktemp -d "$base/journal-fastpaths-XXXXXX")
trap 'rm -rf "$dir"' EXIT
db="$dir/journal.sqlite"
echo "== generating $events events into $db"
"$bin/journal-gen" --years 20 --events "$events" --seed 42 --db "$db" >/dev/null
export TZ=UTC JOURNAL_NOW=2025-12-31T23:00
quarter=$(sqlite3 "$db" "SELECT quarter FROM goal_index ORDER BY quarter LIMIT 1 OFFSET (SELECT count(*) / 2 FROM goal_index)")
"$bin/journal" sprint --quarter "$quarter" --db "$db" >/dev/null   # catches the ledger slices up

echo "== micro-benchmarks (quarter $quarter)"
(cd Tools/Benchmarks && JOURNAL_BENCH_JOURNAL="$db" JOURNAL_BENCH_QUARTER="$quarter" swift package benchmark "$@")

echo "== journal log activity: read by hand (QuickLogActivity) against ArgumentParser ('--' sends it there)"
hyperfine -N --warmup 5 --runs "$runs" \
    "$bin/journal log activity Benchmark entry --minutes 30 --db $db" \
    "$bin/journal log activity --minutes 30 --db $db -- Benchmark entry"
