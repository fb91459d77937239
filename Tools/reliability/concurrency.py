#!/usr/bin/env python3
"""Concurrency harness (issue 6, part 2): many `journal` processes writing one journal at once.

Part A, appends: W writer threads, each running `journal log activity "wN I" --minutes 5` A times in a row
(8 x 250 = 2,000 appends in --full, 8 x 25 in --ci), while two reader threads run `journal sprint` and
`journal report` in a loop (each catches the projection up: a write of its own). Four writers share one
activities stream (the day 2025-04-10), the four others have a day each. Checks: every process exits 0 with
nothing on stderr (no "database is locked", no "busy"); exactly W x A new events; the positions they printed are
distinct and are where their events are; positions 1..N gapless; every stream's versions gapless; each
writer's events in its own order; `journal verify` OK; PRAGMA integrity_check ok; the projection after
catching up equals a rebuild.

Part B, deciding against the same state: K processes started at the same instant that all decide against one
stream's current version. What the journal does: a command reads the state, decides and appends inside one
BEGIN IMMEDIATE transaction (Recorder.swift, Append.swift), so the write lock is held from the read to the
commit; the others wait for it (SQLite's busy timeout, 30 s) and then decide against the new state. So no
command ever appends on a stale version: where the domain allows only one (mark a milestone done, complete a
goal, retract an event, a goal key, the third goal of a quarter, a plan that would make a fourth), exactly one wins and the others are refused
with one line "journal: ..." and exit 65; where it allows all (milestones, revisions), all are recorded, each on
top of the one before (milestone numbers 1..K, each revision's old value is the previous one's new value).
Checks also: no exit 75, no "locked"/"busy"/"version" on stderr.

Usage: python3 Tools/reliability/concurrency.py --binary PATH [--ci | --full] [--json FILE]
(Tools/reliability/run.sh concurrency builds the binary and calls this.) Exit 0 when every check held.
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import QUARTER, invariants, journal_env, projection_snapshot, run  # noqa: E402

EVENT_AT = re.compile(r"\(event (\d+)\)$")
MODES = {"ci": dict(writers=8, appends=25, races=3), "full": dict(writers=8, appends=250, races=40)}
DAYS = ["2025-04-10"] * 4 + ["2025-04-06", "2025-04-07", "2025-04-08", "2025-04-09"]


class Harness:
    def __init__(self, args):
        self.args = args
        self.binary = os.path.abspath(args.binary)
        self.env = journal_env()
        self.mode = MODES[args.mode]
        self.work = tempfile.mkdtemp(prefix="journal-concurrency-")
        self.failures = []
        self.figures = {}
        # How long a race's processes are kept waiting for the write lock: longer than they take to start.
        self.hold = args.hold

    def fail(self, message):
        self.failures.append(message)
        print("FAIL " + message, flush=True)

    def call(self, args, db):
        begin = time.monotonic()
        done = subprocess.run([self.binary, *args, "--db", db], capture_output=True, text=True, env=self.env,
                              stdin=subprocess.DEVNULL, timeout=120)
        return done.returncode, done.stdout, done.stderr, time.monotonic() - begin

    # ----------------------------------------------------------------------------------------------------------
    def appends(self):
        writers, count = self.mode["writers"], self.mode["appends"]
        db = os.path.join(self.work, "appends.sqlite")
        status, _, err = run(self.binary, ["log", "partner", "Sam Rivera"], db, env=self.env)
        if status != 0:
            raise SystemExit("could not create the journal: " + err)
        base = 1
        results = defaultdict(list)       # writer -> [(status, stdout, stderr, seconds)]
        reads = Counter()
        done = threading.Event()

        def writer(w):
            for i in range(count):
                args = ["log", "activity", "w%d %d" % (w, i), "--minutes", "5"]
                if DAYS[w] != "2025-04-10":
                    args += ["--on", DAYS[w]]
                results[w].append(self.call(args, db))

        def reader(args):
            while not done.is_set():
                status, _, err, _ = self.call(args, db)
                reads["runs"] += 1
                if status != 0 or err:
                    self.fail("concurrent %s exited %d: %s" % (args[0], status, err.strip()[:300]))

        began = time.monotonic()
        threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
        readers = [threading.Thread(target=reader, args=(a,)) for a in
                   (["sprint", "--format", "json"], ["report", QUARTER, "--format", "json"])]
        for t in threads + readers:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - began
        done.set()
        for t in readers:
            t.join()

        latencies = []
        printed = []
        for w in range(writers):
            for i, (status, out, err, seconds) in enumerate(results[w]):
                latencies.append(seconds)
                if status != 0 or err:
                    self.fail("writer %d append %d exited %d: %s" % (w, i, status, err.strip()[:300]))
                for word in ("locked", "busy"):
                    if word in err.lower():
                        self.fail("writer %d append %d printed %r" % (w, i, word))
                match = EVENT_AT.search(out.strip())
                printed.append((int(match.group(1)) if match else None, "w%d %d" % (w, i)))
        problems, facts = invariants(db)
        for problem in problems:
            self.fail("appends: " + problem)
        rows = facts["rows"]
        total = writers * count
        if len(rows) != base + total:
            self.fail("appends: %d events, expected %d" % (len(rows), base + total))
        text_at = {r[0]: json.loads(r[5]).get("text") for r in rows if r[4] == "activity-logged"}
        positions = [p for p, _ in printed]
        if len(set(positions)) != total or None in positions:
            self.fail("appends: the printed positions are not %d distinct positions" % total)
        wrong = [(p, t) for p, t in printed if text_at.get(p) != t]
        if wrong:
            self.fail("appends: %d printed positions do not hold their event, e.g. %s" % (len(wrong), wrong[:3]))
        if sorted(p for p in positions if p) != list(range(base + 1, base + total + 1)):
            self.fail("appends: the printed positions are not %d..%d" % (base + 1, base + total))
        for w in range(writers):
            mine = [(p, t) for p, t in sorted(text_at.items()) if t.startswith("w%d " % w)]
            if [t for _, t in mine] != ["w%d %d" % (w, i) for i in range(count)]:
                self.fail("appends: writer %d's events are not all there in its own order" % w)
        streams = Counter(r[2] for r in rows)
        status, out, err = run(self.binary, ["verify"], db, env=self.env)
        if status != 0 or not out.startswith("OK: %d events" % (base + total)):
            self.fail("appends: journal verify: %s %s" % (out.strip(), err.strip()))
        self.projections_equal_rebuild(db, "appends")
        latencies.sort()
        self.figures["appends"] = {
            "writers": writers, "appends per writer": count, "events appended": total,
            "events in journal": len(rows), "streams": dict(sorted(streams.items())),
            "concurrent reads (sprint/report, each catching up)": reads["runs"],
            "wall seconds": round(wall, 2), "appends per second": round(total / wall, 1),
            "append latency ms p50": round(1000 * statistics.median(latencies), 1),
            "append latency ms p95": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
            "append latency ms max": round(1000 * latencies[-1], 1),
        }

    def projections_equal_rebuild(self, db, where):
        reads = [["sprint", "--format", "json"], ["report", QUARTER, "--format", "json"]]
        before = [run(self.binary, r, db, env=self.env)[1] for r in reads]
        caught_up = projection_snapshot(db)
        run(self.binary, ["rebuild"], db, env=self.env)
        if projection_snapshot(db) != caught_up:
            self.fail("%s: projection state after catch-up differs from a rebuild" % where)
        after = [run(self.binary, r, db, env=self.env)[1] for r in reads]
        if before != after:
            self.fail("%s: sprint/report after a rebuild differ from after a catch-up" % where)

    # ----------------------------------------------------------------------------------------------------------
    def race(self, db, commands, figure):
        """Starts every command at the same instant (each waits on a pipe until all are spawned) while this
        process holds the journal's write lock (BEGIN IMMEDIATE), so that all of them are started and waiting
        for that lock when it is released: they then really contend for one stream version."""
        holder = sqlite3.connect(db, isolation_level=None, timeout=60)
        holder.execute("BEGIN IMMEDIATE")
        procs = []
        gate_r, gate_w = os.pipe()
        for args in commands:
            # `read` on the gate (standard input) returns when it closes: every process leaves it together.
            procs.append(subprocess.Popen(["/bin/sh", "-c", 'read -r _; exec "$@" </dev/null', "race", self.binary,
                                           *args, "--db", db],
                                          stdin=gate_r, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                          text=True, env=self.env))
        time.sleep(0.05)
        os.close(gate_w)
        os.close(gate_r)
        time.sleep(self.hold)
        waiting = sum(1 for p in procs if p.poll() is None)
        holder.execute("ROLLBACK")
        holder.close()
        figure["waiting for the lock when it was released"] += waiting
        outcomes = []
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            outcomes.append((proc.returncode, out, err))
        return outcomes

    def scenario(self, name, db, setup, commands, winners, check=None, events_per_win=1):
        """One race: `winners` is how many must exit 0 (None: all); the rest must be refused with exit 65."""
        for args in setup:
            status, _, err = run(self.binary, args, db, env=self.env)
            if status != 0:
                raise SystemExit("%s setup failed: journal %s: %s" % (name, " ".join(args), err))
        before = len(invariants(db)[1]["rows"])
        figure = self.figures.setdefault("races", {}).setdefault(name, Counter())
        outcomes = self.race(db, commands, figure)
        wins = [o for o in outcomes if o[0] == 0]
        refused = [o for o in outcomes if o[0] != 0]
        expected = len(commands) if winners is None else winners
        figure["races"] += 1
        figure["processes"] += len(commands)
        figure["exit 0"] += len(wins)
        for status, out, err in refused:
            figure["exit %d" % status] += 1
            lines = err.strip().splitlines()
            if status != 65 or len(lines) != 1 or not lines[0].startswith("journal: "):
                self.fail("%s: a loser exited %d with %r (expected exit 65 and one line)" % (name, status, err))
            else:
                self.figures.setdefault("refusals", {})[name] = re.sub(r"\d+", "N", lines[0])
        for status, out, err in outcomes:
            for word in ("locked", "busy", "version"):
                if word in err.lower():
                    self.fail("%s: stderr mentions %r: %s" % (name, word, err.strip()))
        if len(wins) != expected:
            self.fail("%s: %d of %d won, expected %d: %s" % (name, len(wins), len(commands), expected,
                                                          [o[2].strip() for o in refused]))
        problems, facts = invariants(db)
        for problem in problems:
            self.fail("%s: %s" % (name, problem))
        added = facts["rows"][before:]
        if len(added) != events_per_win * len(wins):
            self.fail("%s: %d winners but %d events appended" % (name, len(wins), len(added)))
        if check:
            check(added, wins)

    def races(self):
        k = 8
        for n in range(self.mode["races"]):
            db = os.path.join(self.work, "race%d.sqlite" % n)
            g = "race"
            run(self.binary, ["log", "goal", "Race goal", "--quarter", QUARTER, "--key", g, "--target", "100",
                              "--unit", "pages", "--quiet"], db, env=self.env)
            # Two writers, then eight, marking one milestone done: one wins.
            for size, number in ((2, 1), (k, 2)):
                self.scenario("done x%d" % size, db, [["log", "milestone", g, "m%d" % number, "--week", "2"]],
                              [["log", "done", "%s/%d" % (g, number)]] * size, 1)
            # Eight milestones planned on one goal at once: all recorded, numbered without a gap or a repeat.
            def numbered(added, wins):
                numbers = sorted(json.loads(r[5])["number"] for r in added)
                if numbers != list(range(3, 3 + k)):
                    self.fail("milestones x%d: numbers %s" % (k, numbers))
            self.scenario("milestone x%d" % k, db, [], [["log", "milestone", g, "c%d" % i, "--week", "3"]
                                                         for i in range(k)], None, numbered)
            # Eight revisions of the target at once: all recorded, each from the value the one before left.
            def chained(added, wins):
                values = [100]
                for r in added:
                    change = json.loads(r[5])["changes"][0]
                    if change["from"] != values[-1]:
                        self.fail("revise x%d: a revision from %s follows one to %s" % (k, change["from"], values[-1]))
                    values.append(change["to"])
            self.scenario("revise x%d" % k, db, [], [["log", "revise", g, "--target", str(200 + i),
                                                      "--reason", "r%d" % i, "--quiet"] for i in range(k)], None, chained)
            # The same event retracted by two processes: one wins.
            self.scenario("retract x2", db, [], [["log", "retract", "2", "--reason", "wrong"]] * 2, 1)
            # Five new goals into an empty quarter at once: three win (three goals a quarter at most).
            self.scenario("goal x5 in an empty quarter", db, [],
                          [["log", "goal", "Quarter goal %d" % i, "--quarter", "2025-Q3", "--key", "q%d" % i,
                            "--quiet"] for i in range(5)], 3)
            # Two goals with one key: one wins.
            self.scenario("goal x2 with one key", db, [],
                          [["log", "goal", "Same key %d" % i, "--quarter", "2025-Q4", "--key", "same", "--quiet"]
                           for i in range(2)], 1)
            # Two plans, two goals each, into one empty quarter (three goals at most): one plan is recorded whole,
            # the other refused whole (decided again, inside its transaction, against the winner's goals).
            plans = []
            for i in range(2):
                path = os.path.join(self.work, "plan%d-%d.json" % (n, i))
                with open(path, "w") as f:
                    json.dump({"goals": [{"title": "Plan race %d a" % i, "key": "r%da" % i,
                                          "milestones": [{"title": "first", "week": 2}]},
                                         {"title": "Plan race %d b" % i, "key": "r%db" % i}]}, f)
                plans.append(["plan", "2026-Q2", "--from", path, "--quiet"])

            def one_plan(added, wins):
                streams = {r[2] for r in added}
                if len(added) != 3 or streams not in ({"goal-r0a", "goal-r0b"}, {"goal-r1a", "goal-r1b"}):
                    self.fail("plan x2: the events recorded are not one whole plan: %s" % sorted(streams))
            self.scenario("plan x2 into one quarter", db, [], plans, 1, one_plan, events_per_win=3)
            # Completing one goal twice at once: one wins.
            self.scenario("complete x2", db, [], [["log", "complete", g]] * 2, 1)
            status, out, err = run(self.binary, ["verify"], db, env=self.env)
            if status != 0:
                self.fail("races: journal verify: %s %s" % (out, err))
            self.projections_equal_rebuild(db, "races")
            os.unlink(db)

    def run(self):
        print("concurrency harness: mode %s, binary %s" % (self.args.mode, self.binary), flush=True)
        began = time.monotonic()
        self.appends()
        print("appends: " + json.dumps(self.figures["appends"]), flush=True)
        races_began = time.monotonic()
        self.races()
        self.figures["races seconds"] = round(time.monotonic() - races_began, 1)
        self.figures["seconds"] = round(time.monotonic() - began, 1)
        self.figures["races"] = {k: dict(v) for k, v in self.figures.get("races", {}).items()}
        print(json.dumps(self.figures, indent=1))
        if self.args.json:
            with open(self.args.json, "w") as f:
                json.dump(dict(self.figures, failures=self.failures, mode=self.args.mode), f, indent=1)
        shutil.rmtree(self.work, ignore_errors=True)
        a = self.figures["appends"]
        print("concurrency harness: %d x %d appends in %.1f s, %d race scenarios x %d: %s"
              % (a["writers"], a["appends per writer"], a["wall seconds"], len(self.figures["races"]),
                 self.mode["races"], "%d failures" % len(self.failures) if self.failures else "no failures"))
        return 1 if self.failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--ci", dest="mode", action="store_const", const="ci", help="8 x 25 appends, 3 races each")
    group.add_argument("--full", dest="mode", action="store_const", const="full", help="8 x 250 appends, 40 races each")
    parser.set_defaults(mode="ci")
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--hold", type=float, default=0.4,
                        help="seconds a race's processes wait for the write lock before it is released (0.4)")
    args = parser.parse_args()
    sys.exit(Harness(args).run())


if __name__ == "__main__":
    main()
