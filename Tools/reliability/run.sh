#!/usr/bin/env bash
# Runs a reliability harness against a journal binary it builds (or is given).
#   bash Tools/reliability/run.sh crash [--ci|--full] [--binary PATH] [--release] [other crash.py options]
#   bash Tools/reliability/run.sh concurrency [--ci|--full] [--binary PATH] [--release] [...]
#   bash Tools/reliability/run.sh tamper [--ci|--full] [--binary PATH] [--release] [--seed S]
# Without --binary it builds `journal` with `swift build` in $SCRATCH (default .build: CI's test build is reused),
# debug unless --release. Needs python3 (standard library, with its sqlite3 module) and Linux's /proc/locks.
set -euo pipefail
cd "$(dirname "$0")/../.."
harness=${1:?usage: run.sh crash|concurrency [options]}
shift
case "$harness" in crash|concurrency|tamper) ;; *) echo "run.sh: unknown harness $harness" >&2; exit 64 ;; esac

binary=""
config=debug
pass=()
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2 ;;
        --binary=*) binary=${1#--binary=}; shift ;;
        --release) config=release; shift ;;
        *) pass+=("$1"); shift ;;
    esac
done
if [ -z "$binary" ]; then
    scratch=${SCRATCH:-.build}
    swift build -c "$config" --scratch-path "$scratch" --product journal >/dev/null
    binary="$(swift build -c "$config" --scratch-path "$scratch" --show-bin-path)/journal"
fi
exec python3 -u "Tools/reliability/$harness.py" --binary "$binary" ${pass[@]+"${pass[@]}"}
