#!/usr/bin/env bash
# Peer comparison for the log path (issue 5): `journal log activity` end to end (process start to a durable
# commit) against Taskwarrior's `task add`, jrnl and a Python eventsourcing append, on empty and on full
# histories, and `journal log` on a 1,000-event journal against a 1,000,000-event one. Medians by hyperfine.
#
#   bash Tools/compare-peers.sh [--quick] [--runs N] [--baseline PATH-TO-ANOTHER-journal]
#
# --quick uses a 100,000-event journal instead of 1,000,000 for the scale check (and fewer runs).
# --baseline also times another journal binary on the 25,000-event history (before/after a change).
# Installs what it needs (apt-get: taskwarrior, hyperfine, sqlite3; pip: jrnl, eventsourcing==9.5.6); a peer that
# cannot be installed (offline) is skipped with a message. Builds `journal` as shipped: release, --static-swift-stdlib,
# scratch path $SCRATCH (default .build-release). Raw hyperfine JSON stays in the temp folder it prints; the databases are deleted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

quick=0
runs=""
baseline=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --runs) runs="$2"; shift ;;
        --baseline) baseline="$2"; shift ;;
        *) echo "usage: bash Tools/compare-peers.sh [--quick] [--runs N] [--baseline PATH]" >&2; exit 64 ;;
    esac
    shift
done
big=1000000
[ $quick = 1 ] && big=100000
[ -n "$runs" ] || { [ $quick = 1 ] && runs=40 || runs=100; }
warmup=5

say() { printf '== %s\n' "$*"; }

# --- what it needs --------------------------------------------------------------------------------------------
need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
command -v task >/dev/null 2>&1 || need+=(taskwarrior)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq "${need[@]}"; } >/dev/null 2>&1; then
        echo "compare-peers: could not install ${need[*]} with apt-get (offline?); continuing with what is there" >&2
    fi
fi
command -v hyperfine >/dev/null 2>&1 || { echo "compare-peers: hyperfine is required and could not be installed" >&2; exit 69; }
have_task=1; command -v task >/dev/null 2>&1 || { have_task=0; echo "compare-peers: SKIPPING Taskwarrior: 'task' is not installed (apt-get install taskwarrior)" >&2; }
have_python=1; command -v python3 >/dev/null 2>&1 || { have_python=0; echo "compare-peers: SKIPPING jrnl, eventsourcing and the summary table: python3 is missing" >&2; }
have_jrnl=0; have_es=0
if [ $have_python = 1 ]; then
    command -v jrnl >/dev/null 2>&1 || python3 -m pip install -q jrnl >/dev/null 2>&1 || true
    command -v jrnl >/dev/null 2>&1 && have_jrnl=1 || echo "compare-peers: SKIPPING jrnl: 'pip install jrnl' failed (offline?)" >&2
    if python3 -c 'import importlib.metadata as m, sys; sys.exit(m.version("eventsourcing") != "9.5.6")' 2>/dev/null \
        || python3 -m pip install -q "eventsourcing==9.5.6" >/dev/null 2>&1; then
        have_es=1
    else
        echo "compare-peers: SKIPPING eventsourcing: 'pip install eventsourcing==9.5.6' failed (offline?)" >&2
    fi
fi

# --- build journal as shipped ---------------------------------------------------------------------------------
say "building journal and journal-gen (release, --static-swift-stdlib, ${SCRATCH:-.build-release})"
flags=(-c release --static-swift-stdlib --scratch-path "${SCRATCH:-.build-release}")
swift build "${flags[@]}" --product journal >/dev/null
swift build "${flags[@]}" --product journal-gen >/dev/null
bin=$(swift build "${flags[@]}" --show-bin-path)
journal="$bin/journal"
gen="$bin/journal-gen"

# --- histories ------------------------------------------------------------------------------------------------
work=$(mktemp -d /tmp/journal-peers-XXXXXX)
results="$work/results"
mkdir -p "$results"
trap 'rm -rf "$work/data"' EXIT
data="$work/data"
mkdir -p "$data"
export TZ=UTC
# jrnl creates its default folders on start-up; keep them (and anything else's) out of the home folder.
export XDG_DATA_HOME="$data/xdg-data" XDG_CONFIG_HOME="$data/xdg-config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"

say "preparing histories in $data"
"$gen" --years 10 --events 25000 --seed 42 --db "$data/journal-25k.sqlite" --quiet
"$gen" --years 1 --events 1000 --seed 42 --db "$data/journal-1k.sqlite" --quiet
say "generating the $big-event journal (this takes a while)"
"$gen" --years 20 --events "$big" --seed 42 --db "$data/journal-big.sqlite"

if [ $have_task = 1 ]; then
    for name in empty full; do
        mkdir -p "$data/task-$name"
        printf 'data.location=%s\nconfirmation=off\nverbose=new-id\nnews.version=2.6.2\n' "$data/task-$name" > "$data/task-$name.rc"
    done
    # 5,000 tasks, every other one completed, imported in one go.
    awk 'BEGIN {
        srand(42); printf "[";
        for (i = 0; i < 5000; i++) {
            u = sprintf("%08x-%04x-4%03x-a%03x-%012x", i, int(rand()*65536), int(rand()*4096), int(rand()*4096), int(rand()*2147483647));
            printf "%s{\"uuid\":\"%s\",\"description\":\"Task %d about career work\",\"entry\":\"20240101T090000Z\",\"project\":\"career\"", (i ? "," : ""), u, i;
            if (i % 2 == 0) printf ",\"status\":\"completed\",\"end\":\"20240201T090000Z\"}"; else printf ",\"status\":\"pending\"}";
        }
        printf "]\n" }' > "$data/tasks.json"
    task "rc:$data/task-full.rc" import "$data/tasks.json" >/dev/null 2>&1
    echo "taskwarrior: $(task "rc:$data/task-full.rc" count 2>/dev/null) tasks, $(task "rc:$data/task-full.rc" status:completed count 2>/dev/null) completed"
fi
if [ $have_jrnl = 1 ]; then
    for name in empty full; do
        mkdir -p "$data/jrnl-$name"
        cat > "$data/jrnl-$name/config.yaml" <<YAML
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: true
indent_character: '|'
journals:
  default:
    journal: $data/jrnl-$name/journal.txt
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: $(jrnl --version 2>/dev/null | awk '/^jrnl/ {print $2; exit}')
YAML
    done
    : > "$data/jrnl-empty/journal.txt"
    # 25,000 entries, one an hour from 2024-01-01: as many entries as the journal's full history has events.
    python3 - "$data/jrnl-full/journal.txt" <<'PY'
import datetime, sys
start = datetime.datetime(2024, 1, 1, 9, 0)
with open(sys.argv[1], "w") as f:
    for i in range(25000):
        when = (start + datetime.timedelta(hours=i)).strftime("%Y-%m-%d %H:%M")
        f.write(f"[{when}] Entry {i} about career work.\nSpent 30 minutes on it.\n\n")
PY
fi
if [ $have_es = 1 ]; then
    python3 "$root/Tools/peers/es_append.py" "$data/es-full.sqlite" --prepare 25000
fi

# --- benchmarks -----------------------------------------------------------------------------------------------
hf() { hyperfine -N --warmup "$warmup" --runs "$runs" --style basic "$@"; }
activity=(log activity Benchmark entry --minutes 30)

say "empty histories (each run appends, so they stay nearly empty)"
cmds=(-n "journal log activity (empty)" "$journal ${activity[*]} --db $data/journal-empty.sqlite")
[ $have_task = 1 ] && cmds+=(-n "task add (empty)" "task rc:$data/task-empty.rc add Benchmark entry")
[ $have_jrnl = 1 ] && cmds+=(-n "jrnl (empty)" "jrnl --config-file $data/jrnl-empty/config.yaml Benchmark entry. Spent 30 minutes")
[ $have_es = 1 ] && cmds+=(-n "eventsourcing append (empty)" "python3 $root/Tools/peers/es_append.py $data/es-empty.sqlite")
hf --export-json "$results/empty.json" "${cmds[@]}"

say "full histories"
cmds=(-n "journal log activity (25k events)" "$journal ${activity[*]} --db $data/journal-25k.sqlite")
[ $have_task = 1 ] && cmds+=(-n "task add (5,000 tasks, half done)" "task rc:$data/task-full.rc add Benchmark entry")
[ $have_jrnl = 1 ] && cmds+=(-n "jrnl (25,000 entries)" "jrnl --config-file $data/jrnl-full/config.yaml Benchmark entry. Spent 30 minutes")
[ $have_es = 1 ] && cmds+=(-n "eventsourcing append (25,000 events)" "python3 $root/Tools/peers/es_append.py $data/es-full.sqlite")
hf --export-json "$results/full.json" "${cmds[@]}"

say "journal log on 1,000 events vs $big events"
label=$(echo "$big" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta')
hf --export-json "$results/scale.json" \
    -n "journal log activity (1,000 events)" "$journal ${activity[*]} --db $data/journal-1k.sqlite" \
    -n "journal log activity ($label events)" "$journal ${activity[*]} --db $data/journal-big.sqlite"

if [ -n "$baseline" ]; then
    say "this build vs the baseline build, on copies of the 25,000-event journal"
    cp "$data/journal-25k.sqlite" "$data/journal-25k-a.sqlite"
    cp "$data/journal-25k.sqlite" "$data/journal-25k-b.sqlite"
    hf --export-json "$results/baseline.json" \
        -n "journal log activity (this build)" "$journal ${activity[*]} --db $data/journal-25k-a.sqlite" \
        -n "journal log activity (baseline)" "$baseline ${activity[*]} --db $data/journal-25k-b.sqlite"
fi

# --- summary --------------------------------------------------------------------------------------------------
say "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1), $(swift --version 2>&1 | head -1)"
if [ $have_python = 1 ]; then
    python3 "$root/Tools/peers/summary.py" "$results"
fi
echo
echo "raw hyperfine JSON: $results"
