#!/usr/bin/env bash
# libFuzzer over the date, time and quarter parsers and the payload decoders (issue 6, part 4b).
#   bash Tools/Fuzz/fuzz.sh [--ci|--full|--seconds N]
# --ci fuzzes for 30 s, --full for 1 hour. Builds JournalDomain's sources with Tools/Fuzz/FuzzParsers.swift and
# -sanitize=fuzzer into .build-fuzz/; the corpus is Tools/Fuzz/corpus (committed; new inputs libFuzzer finds go
# there too: commit the ones worth keeping). A crash leaves crash-* beside it and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=30
case "${1:-}" in
    --ci|"") seconds=30 ;;
    --full) seconds=3600 ;;
    --seconds) seconds=$2 ;;
    *) echo "fuzz.sh: unknown option $1" >&2; exit 64 ;;
esac
mkdir -p .build-fuzz
sources=$(find Sources/JournalDomain -name '*.swift' | sort)
swiftc -sanitize=fuzzer -parse-as-library -O -module-name JournalDomain $sources Tools/Fuzz/FuzzParsers.swift \
    -o .build-fuzz/fuzz-parsers
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# libFuzzer must see the crash itself to save the input that caused it (crash-<sha1> under .build-fuzz/): Swift's own
# backtracer would otherwise take the signal first and the input would be lost.
export SWIFT_BACKTRACE=enable=no
log=.build-fuzz/fuzz.log
# New inputs go to a scratch folder first, then into the committed corpus: libFuzzer reads both.
status=0
.build-fuzz/fuzz-parsers -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 \
    -artifact_prefix=.build-fuzz/ "$work" Tools/Fuzz/corpus >"$log" 2>&1 || status=$?
# Kept even after a finding: the inputs that led there are worth fuzzing from next time.
cp -n "$work"/* Tools/Fuzz/corpus/ 2>/dev/null || true
if [ "$status" -ne 0 ]; then
    tail -40 "$log"
    echo "fuzz.sh: libFuzzer stopped with status $status; the input is in $(ls -t .build-fuzz/crash-* .build-fuzz/timeout-* .build-fuzz/oom-* 2>/dev/null | head -1) (full log: $log)" >&2
    exit 1
fi
grep -E "^#|Done|stat::" "$log" | tail -12
