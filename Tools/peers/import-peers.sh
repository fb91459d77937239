#!/usr/bin/env bash
# `journal import --from` against the real tools: installs Taskwarrior and Timewarrior (apt-get), jrnl and Watson
# (pip), writes records with each tool's own commands in a temporary HOME, exports them (task export, timew export,
# jrnl --format json, watson log --all --json --current), imports each into a fresh journal with --map, imports
# each again (nothing may be added), adds one record to Timewarrior and imports again (only it may be added), and
# checks the journal's chain. Prints every summary line; exits non-zero if anything fails.
#
#   bash Tools/peers/import-peers.sh [--fixtures DIR]
#
# --fixtures DIR also copies the exports there (Tests/JournalCLITests/PeerFixtures holds the committed ones).
# Builds journal with `swift build --scratch-path ${SCRATCH:-.build}`. Times are read in TZ=Europe/Paris.
set -euo pipefail
cd "$(dirname "$0")/../.."

fixtures=""
while [ $# -gt 0 ]; do
    case "$1" in
        --fixtures) fixtures="$2"; shift ;;
        *) echo "usage: bash Tools/peers/import-peers.sh [--fixtures DIR]" >&2; exit 64 ;;
    esac
    shift
done

say() { printf '== %s\n' "$*"; }
fail() { echo "import-peers: $*" >&2; exit 1; }

work=$(mktemp -d /tmp/journal-import-peers-XXXXXX)
trap 'rm -rf "$work"' EXIT

# --- the tools ------------------------------------------------------------------------------------------------
need=()
command -v task >/dev/null 2>&1 || need+=(taskwarrior)
command -v timew >/dev/null 2>&1 || need+=(timewarrior)
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} (apt-get)"
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}"; } >/dev/null || fail "apt-get install ${need[*]} failed"
fi
if ! command -v jrnl >/dev/null 2>&1 || ! command -v watson >/dev/null 2>&1; then
    say "installing jrnl and td-watson (pip)"
    if ! python3 -m pip install -q jrnl td-watson >/dev/null 2>&1 \
        && ! python3 -m pip install -q --break-system-packages jrnl td-watson >/dev/null 2>&1; then
        python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q jrnl td-watson >/dev/null || fail "pip install jrnl td-watson failed"
        export PATH="$work/venv/bin:$PATH"
    fi
    hash -r
fi
for tool in task timew jrnl watson; do command -v $tool >/dev/null 2>&1 || fail "$tool is not on PATH after installing it"; done
say "task $(task --version), timew $(timew --version), $(jrnl --version 2>/dev/null | head -1), $(watson --version)"

# --- journal --------------------------------------------------------------------------------------------------
say "building journal (${SCRATCH:-.build})"
swift build --scratch-path "${SCRATCH:-.build}" --product journal >/dev/null
journal="$(swift build --scratch-path "${SCRATCH:-.build}" --show-bin-path)/journal"
root=$(pwd)

# --- a temporary HOME for every tool ------------------------------------------------------------------------------
export HOME="$work/home" TZ=Europe/Paris LANG=C.UTF-8
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export TASKRC="$HOME/.taskrc" TASKDATA="$HOME/.task" TIMEWARRIORDB="$HOME/.timewarrior" WATSON_DIR="$HOME/.config/watson"
mkdir -p "$HOME" "$TASKDATA" "$TIMEWARRIORDB/data" "$XDG_CONFIG_HOME/jrnl" "$WATSON_DIR"
cd "$HOME"
exports="$work/exports"
mkdir -p "$exports"

say "Taskwarrior: task add/done/log/start/delete"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$TASKDATA" > "$TASKRC"
task add "Read the AWS networking chapter" project:aws.study +reading entry:2025-04-01T08:00
task +LATEST done end:2025-04-01T17:30
task add "Coffee with Sam from the data team" +network entry:2025-04-02T09:00
task +LATEST annotate "Sam knows the platform lead"
task +LATEST done end:2025-04-03T11:00
task log "Passed practice exam 1" project:aws +exam end:2025-04-08T18:00
task add "Asked Sam about an AWS study group" project:aws +network entry:2025-04-09T09:00
task +LATEST done end:2025-04-09T12:00
task add "Fix the bike" +home
task +LATEST done
task add "Update the CV" +career
task add "Draft the pipelines blog post" project:blog
task +LATEST start
task add "Duplicate of the CV task"
task +LATEST delete
task export > "$exports/taskwarrior.json"

say "Timewarrior: timew track/annotate/start"
timew :yes track 2025-03-29T22:00 - 2025-03-30T12:00 hackathon "Night shift" >/dev/null
timew :yes track 2025-04-01T09:00 - 2025-04-01T10:30 aws "Study session" >/dev/null
timew :yes track 2025-04-02T22:30 - 2025-04-03T01:00 blog writing >/dev/null
timew :yes track 2025-04-04T20:00 - 2025-04-06T08:00 aws labs >/dev/null
timew :yes track 2025-04-07T12:00 - 2025-04-07T12:45 network >/dev/null
timew :yes annotate @1 "Coffee with Sam about the data team" >/dev/null
timew :yes track 2025-04-08T09:00:00 - 2025-04-08T09:00:20 misc >/dev/null
timew :yes start 2025-04-09T08:00 aws >/dev/null
timew export > "$exports/timewarrior.json"

say "jrnl: entries with @tags"
cat > "$XDG_CONFIG_HOME/jrnl/jrnl.yaml" <<EOF
colors: {body: none, date: none, tags: none, title: none}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: $HOME/journal.txt
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
EOF
jrnl "2025-04-01 10:15: Studied @aws networking for the exam. Then reviewed the VPC notes." 2>/dev/null
jrnl "2025-04-02 18:00: Met @Sam at the @data-meetup. We talked about pipelines and @Career_Growth." 2>/dev/null
jrnl "2025-04-03 21:00: Wrote the first draft of the @blog post about moving our nightly batch pipelines from cron scripts to an orchestrator with retries, alerts, lineage and a proper backfill story that the whole data team can follow without me" 2>/dev/null
printf '2025-04-04 09:00: Planning day for @aws\nMapped the remaining domains.\nBooked the exam for June.\n' | jrnl 2>/dev/null
jrnl "2025-04-05 08:00: First idea of the morning." 2>/dev/null
jrnl "2025-04-05 08:00: Second idea of the morning, same minute." 2>/dev/null
jrnl "yesterday: Quiet day with nothing to note." 2>/dev/null
jrnl --format json > "$exports/jrnl.json" 2>/dev/null

say "Watson: watson add/start"
watson add --from "2025-04-01 09:00:00" --to "2025-04-01 10:30:00" aws +study +exam >/dev/null
watson add --from "2025-04-02 23:30:00" --to "2025-04-03 01:00:00" blog +writing >/dev/null
watson add --from "2025-04-07 18:00:00" --to "2025-04-07 20:15:00" network +meetup +Sam >/dev/null
watson add --from "2025-04-08 09:00:00" --to "2025-04-08 09:45:00" admin >/dev/null
watson start career +cv --at 2025-04-09T08:00 >/dev/null
watson log --all --json --current > "$exports/watson.json"

# --- import ---------------------------------------------------------------------------------------------------
db="$work/journal.sqlite"
j() { "$journal" "$@" --db "$db"; }
say "a fresh journal with two goals"
j log goal "Pass the AWS Solutions Architect exam" --key aws-cert --quarter 2025-Q2 --due 2025-06-15 --quiet
j log milestone aws-cert "Study the networking domain" --week 1
j log goal "Grow my data engineering network" --key network --quarter 2025-Q2 --target 15 --unit connections --quiet

expect() {  # expect PATTERN LINE
    printf '%s\n' "$2"
    case "$2" in $1) ;; *) fail "expected '$1'";; esac
}
imports=(
    "taskwarrior taskwarrior.json --map aws=aws-cert --map network=network"
    "timewarrior timewarrior.json --map aws=aws-cert/1 --map network=network"
    "jrnl jrnl.json --map aws=aws-cert --map sam=network"
    "watson watson.json --map aws=aws-cert --map network=network"
)
say "import each tool's export"
for args in "${imports[@]}"; do
    set -- $args
    expect "Imported [1-9]* activit*" "$(j import --from "$1" "$exports/$2" "${@:3}")"
done
say "import them again: nothing is added"
for args in "${imports[@]}"; do
    set -- $args
    expect "Imported 0 activities *already here*" "$(j import --from "$1" "$exports/$2" "${@:3}")"
done
say "one more Timewarrior interval: only it is added"
timew :yes track 2025-04-08T14:00 - 2025-04-08T15:10 network >/dev/null
timew export > "$exports/timewarrior-more.json"
expect "Imported 1 activity *already here*" "$(j import --from timewarrior "$exports/timewarrior-more.json" --map aws=aws-cert/1 --map network=network)"
say "the journal"
expect "OK: *hash chain intact*" "$(j verify)"
insights=$(j insights --since 2025-03-29 --until 2025-04-30)   # read whole: head on a pipe could SIGPIPE journal
head -3 <<<"$insights"

if [ -n "$fixtures" ]; then
    case "$fixtures" in /*) ;; *) fixtures="$root/$fixtures" ;; esac
    mkdir -p "$fixtures"
    cp "$exports"/*.json "$fixtures/"
    say "exports copied to $fixtures"
fi
say "all imports behaved"
