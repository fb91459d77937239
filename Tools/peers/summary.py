"""Reads compare-peers.sh's hyperfine JSON files and prints the medians and the ratios against issue 4's targets.

    python3 summary.py RESULTS_DIR
"""
import json
import os
import sys

results = sys.argv[1]


def load(group):
    path = os.path.join(results, group + ".json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def ms(r):
    return r["median"] * 1000 if r else None


def fmt(v):
    return "     -" if v is None else f"{v:6.2f}"


groups = {g: load(g) for g in ("empty", "full", "scale", "baseline")}
print()
print(f"{'benchmark':<44} {'median ms':>9} {'mean ms':>8} {'σ ms':>6} {'runs':>5}")
for group, rows in groups.items():
    for name, r in rows.items():
        print(f"{group + ': ' + name:<44} {fmt(ms(r)):>9} {r['mean'] * 1000:8.2f} {r['stddev'] * 1000:6.2f} {len(r['times']):5d}")


def get(group, name):
    return groups.get(group, {}).get(name)


def ratio(line, numerator, denominator, limit):
    n, d = ms(numerator), ms(denominator)
    if n is None or d is None:
        print(f"{line:<64} not measured")
        return
    r = n / d
    verdict = "" if limit is None else f"  (target <= {limit}x: {'met' if r <= limit else 'NOT met'})"
    print(f"{line:<64} {n:6.2f} / {d:6.2f} ms = {r:4.2f}x{verdict}")


print()
ratio("journal log on ~25,000 events vs task add on 5,000 tasks", get("full", "journal log activity (25k events)"),
      get("full", "task add (5,000 tasks, half done)"), 0.7)
ratio("stretch: journal log vs task add, empty histories", get("empty", "journal log activity (empty)"),
      get("empty", "task add (empty)"), 1.5)
big = next((n for n in groups["scale"] if n.startswith("journal log activity (") and "1,000 events" not in n), None)
ratio(f"journal log on {big[len('journal log activity ('):-1] if big else 'the big journal'} vs on 1,000 events",
      get("scale", big) if big else None, get("scale", "journal log activity (1,000 events)"), 1.2)
for name in ("jrnl (empty)", "eventsourcing append (empty)"):
    r = get("empty", name)
    if r:
        ratio(f"for reference: journal log vs {name}", get("empty", "journal log activity (empty)"), r, None)
for name in ("jrnl (25,000 entries)", "eventsourcing append (25,000 events)"):
    r = get("full", name)
    if r:
        ratio(f"for reference: journal log vs {name}", get("full", "journal log activity (25k events)"), r, None)
if groups["baseline"]:
    ratio("this build vs the --baseline build, 25,000 events", get("baseline", "journal log activity (this build)"),
          get("baseline", "journal log activity (baseline)"), None)
