#!/usr/bin/env bash
# Reproduces a torn read: `journal sprint` folds ledger slices read in two separate read transactions
# (LedgerSlices.ledger called SQLiteEventStore.partitionEnvelopes once per batch, each in its own BEGIN DEFERRED;
# fixed by reading every batch in one snapshot, SQLiteEventStore.readSnapshot),
# so a write plus another process's catch-up committed between the two shows a state the log never had.
# gdb pauses the sprint at its second partitionEnvelopes call; meanwhile a goal `late` is set (event 2), then a
# milestone on g0 (event 3), then another sprint catches the slices up. The paused sprint then shows g0's
# milestone (event 3) without the goal `late` (event 2). Exit 1 when the read was torn, 0 when it was consistent.
# Usage: bash Tools/reliability/repro-torn-read.sh [PATH-TO-journal]   (needs gdb; default: release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
journal=$(realpath "${1:-.build/release/journal}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC JOURNAL_NOW=2025-04-10T09:30
db="$work/j.sqlite"
"$journal" log goal "First goal" --quarter 2025-Q2 --key g0 --quiet --db "$db" >/dev/null
"$journal" sprint --db "$db" >/dev/null
cat > "$work/writer.sh" <<EOF
"$journal" log goal "Late goal" --quarter 2025-Q2 --key late --force --quiet --db "$db" >/dev/null
"$journal" log milestone g0 "Planned after the late goal" --week 3 --db "$db" >/dev/null
"$journal" sprint --db "$db" >/dev/null
EOF
# The reader of a batch of slices (partitionEnvelopeBatches since slices are read in batches, partitionEnvelopes before).
symbol=$(nm "$journal" | awk '$2 == "T" && $3 ~ /C24partitionEnvelopeBatches/ && !found {print $3; found = 1}')
[ -n "$symbol" ] || symbol=$(nm "$journal" | awk '$2 == "T" && $3 ~ /C18partitionEnvelopes/ && !found {print $3; found = 1}')
cat > "$work/torn.gdb" <<EOF
set pagination off
break $symbol
run
continue
shell sh $work/writer.sh
delete
continue
EOF
gdb -q -batch -x "$work/torn.gdb" --args "$journal" sprint --format json --db "$db" >"$work/out" 2>/dev/null
python3 - "$work/out" <<'EOF'
import json, sys
text = open(sys.argv[1]).read()
start = text.index('{\n  "quarter"')
board = json.JSONDecoder().raw_decode(text[start:])[0]
goals = {g["key"]: [m["title"] for m in g["milestones"]] for g in board["goals"]}
print("paused sprint saw:", goals)
torn = "Planned after the late goal" in goals.get("g0", []) and "late" not in goals
print("TORN: g0's milestone (event 3) without goal late (event 2)" if torn else "consistent")
sys.exit(1 if torn else 0)
EOF
