#!/usr/bin/env bash
# Growth of every reading command with the size of what it reads (issue 19, item 8): journals with one goal of
# n milestones (n = 2,500, 5,000, 10,000; as many activities linked to it), with n activities in one quarter
# (n = 25,000, 50,000, 100,000) and with n goals in one quarter (n = 1,000, 2,000, 4,000), built by journal-gen
# --milestones / --activities / --goals; each reading command, in each
# of its formats, timed by hyperfine (-N, 2 warm-up and 10 timed runs, medians), then the growth from the smallest
# to the largest journal. Linear work grows 4x over that span; quadratic work 16x.
#
#   bash Tools/bench-milestones.sh          # the full run: release build, ~5 minutes here
#   bash Tools/bench-milestones.sh --ci     # the scaling check: n and 8n, a few seconds on the test build
#
# --ci times each command on n = 300 and 2,400 milestones, 1,000 and 8,000 activities, 100 and 800 goals (best of 2 runs, no
# hyperfine needed) and fails when one grows more than 24x (linear: at most 8x; quadratic: ~64x) or takes more than
# 30 s: it checks growth, not speed, so a slower or busier machine does not fail it. JOURNAL_BIN times another
# journal binary against the same journals (e.g. a build from before a change).
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
[ "${1:-}" = "--ci" ] && mode=ci

if [ "$mode" = ci ]; then
    scratch=${SCRATCH:-.build}
    swift build --scratch-path "$scratch" --product journal >/dev/null
    swift build --scratch-path "$scratch" --product journal-gen >/dev/null
    bin="$(swift build --scratch-path "$scratch" --show-bin-path)"
    milestones=(300 2400)
    activities=(1000 8000)
    goals=(100 800)
else
    need=()
    command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
    if [ ${#need[@]} -gt 0 ]; then
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq "${need[@]}"
    fi
    scratch=${SCRATCH:-.build-bench}
    swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product journal >/dev/null
    swift build -c release --static-swift-stdlib --scratch-path "$scratch" --product journal-gen >/dev/null
    bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
    milestones=(2500 5000 10000)
    activities=(25000 50000 100000)
    goals=(1000 2000 4000)
fi
journal=${JOURNAL_BIN:-$bin/journal}

dir=$(mktemp -d /tmp/journal-growth-XXXXXX)
[ "$mode" = ci ] && trap 'rm -rf "$dir"' EXIT
# Everything happens in 2025-Q4 (journal-gen's default --end); "now" is its last evening.
export TZ=UTC JOURNAL_NOW=2025-12-31T23:00
quarter=2025-Q4

names=()
for n in "${milestones[@]}"; do names+=("milestones-$n"); "$bin/journal-gen" --milestones "$n" --db "$dir/milestones-$n.sqlite" --quiet; done
for n in "${activities[@]}"; do names+=("activities-$n"); "$bin/journal-gen" --activities "$n" --db "$dir/activities-$n.sqlite" --quiet; done
for n in "${goals[@]}"; do names+=("goals-$n"); "$bin/journal-gen" --goals "$n" --db "$dir/goals-$n.sqlite" --quiet; done

# Every reading command in every format it has (the goal is journal-gen's big-plan); --ci takes each command in
# its default format and sprint and report in all four.
commands=()
for f in text markdown json html; do commands+=("sprint --quarter $quarter --format $f" "report $quarter --format $f"); done
commands+=("report $quarter --as-known-at 2025-11-15" "history big-plan --as-of 2025-11-15" "insights --calibration")
formats=(text markdown json) share=(markdown text json) listing=(text jsonl json)
[ "$mode" = ci ] && formats=(text) share=(markdown) listing=(text)
for f in "${formats[@]}"; do
    commands+=("history big-plan --format $f" "insights --quarter $quarter --format $f" "resume --format $f")
done
for f in "${share[@]}"; do commands+=("share $quarter --format $f"); done
for f in "${listing[@]}"; do commands+=("events --format $f"); done
commands+=("events --goal big-plan")

# The slices are caught up once per journal, outside the timings (the first read after an append writes them).
for name in "${names[@]}"; do "$journal" sprint --quarter "$quarter" --db "$dir/$name.sqlite" >/dev/null; done

if [ "$mode" = ci ]; then
    python3 - "$journal" "$dir" "${#milestones[@]}" "${names[@]}" -- "${commands[@]}" <<'EOF'
import subprocess, sys, time
journal, folder, per_shape = sys.argv[1], sys.argv[2], int(sys.argv[3])
rest = sys.argv[4:]
split = rest.index("--")
names, commands = rest[:split], rest[split + 1:]
shapes = [names[i:i + per_shape] for i in range(0, len(names), per_shape)]
failed = []

def best(command, name):
    times = []
    for _ in range(2):
        # timeout(1) rather than subprocess's own, which polls the child every few tens of milliseconds.
        start = time.perf_counter()
        done = subprocess.run(["timeout", "30", journal] + command.split() + ["--db", f"{folder}/{name}.sqlite"],
                              stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if done.returncode == 124:
            return None
        if done.returncode != 0:
            sys.exit(f"bench-milestones: journal {command} failed on {name} (exit {done.returncode})")
    return min(times)

for small, large in shapes:
    for command in commands:
        a, b = best(command, small), best(command, large)
        if a is None or b is None:
            failed.append(f"{command} on {small if a is None else large}: over 30 s")
            print(f"  {command:45} {small}/{large}: over 30 s")
            continue
        ratio = b / a
        print(f"  {command:45} {small} {a * 1000:7.1f} ms, {large} {b * 1000:7.1f} ms: {ratio:5.1f}x")
        if ratio > 24:
            failed.append(f"{command}: {ratio:.1f}x from {small} to {large}")
if failed:
    print("bench-milestones: reads grew faster than linearly:\n  " + "\n  ".join(failed), file=sys.stderr)
    sys.exit(1)
print("bench-milestones: OK (every read grew at most 24x over 8x the events)")
EOF
    exit
fi

echo "== $journal; journals in $dir"
for name in "${names[@]}"; do
    echo "== $name: $(sqlite3 "$dir/$name.sqlite" 'SELECT count(*) FROM events' 2>/dev/null || echo '?') events"
    args=()
    for command in "${commands[@]}"; do args+=("$journal $command --db $dir/$name.sqlite"); done
    hyperfine -N --warmup 2 --runs 10 --export-json "$dir/$name.json" "${args[@]}" >/dev/null
done

# Medians in ms, and the growth from the smallest journal of each shape to the largest.
python3 - "$dir" "${#milestones[@]}" "${names[@]}" -- "${commands[@]}" <<'EOF'
import json, sys
folder, per_shape = sys.argv[1], int(sys.argv[2])
rest = sys.argv[3:]
split = rest.index("--")
names, commands = rest[:split], rest[split + 1:]
medians = {}
for name in names:
    with open(f"{folder}/{name}.json") as f:
        medians[name] = [r["median"] * 1000 for r in json.load(f)["results"]]
for shape in [names[i:i + per_shape] for i in range(0, len(names), per_shape)]:
    print("\n| command | " + " | ".join(shape) + " | growth |")
    print("|---|" + "---:|" * (len(shape) + 1))
    for i, command in enumerate(commands):
        row = [medians[name][i] for name in shape]
        print(f"| `{command}` | " + " | ".join(f"{m:.1f} ms" for m in row) + f" | {row[-1] / row[0]:.1f}x |")
EOF
echo "== hyperfine JSON in $dir"
