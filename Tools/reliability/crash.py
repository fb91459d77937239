#!/usr/bin/env python3
"""Crash harness (issue 6, part 1): SIGKILL `journal` processes while they append, then check the journal.

Each round starts, at once on one journal, a random mix of
  - `journal log activity TEXT` (1 to 3 of them, each with a unique text) and `journal log milestone base TITLE`,
  - `journal plan 2025-Q2 --from FILE --yes --force`: two goals and their milestones in one atomic append,
  - `journal import FILE`: an export of fresh events (a goal, its milestones, activities) in one atomic append,
  - readers that write projection checkpoints: `journal sprint` / `journal report` (catch-up) or `journal rebuild`,
then SIGKILLs one or several of them, either after a random delay drawn over the victims' expected run time
("timed", 55% of rounds), or 0-2 ms after a chosen process is seen holding SQLite's WAL write lock, i.e. inside its
write transaction ("in-write", 30%; seen in /proc/locks). In "catch-up" rounds (15%) an import runs first, so the
projection is behind the log, then `journal sprint`/`journal report` start and one is killed inside the write
that appends to the ledger slices and moves their checkpoint. A round counts as a kill round when at least one
process died of the SIGKILL; the run goes on until it has N of them.

After every round:
  - `journal verify` exits 0 (hash chain intact) and PRAGMA integrity_check is ok;
  - positions are gapless, every stream's versions are gapless and match streams.version, the goal index
    names exactly the goals in the log, milestone numbers are unique per goal, no checkpoint is past the head;
  - every append that reported success (exit 0 before the kill) is present once, at the position it printed;
    a killed single append is present at most once;
  - every plan and import is all or nothing: all its events, at consecutive positions, or none;
  - no process that was not killed failed (any non-zero exit is a failure, "busy"/"locked" included);
  - projections after catching up equal a rebuild: `journal sprint`/`journal report` JSON and the
    projection_state/projection_partitions rows, read after a catch-up, are identical after `journal rebuild`.

Every epoch (a fresh journal) starts with a base import (a goal `base` and activities) that may itself be
killed, creating the journal, and is then completed: its events must be all there or none, then all.

Usage: python3 Tools/reliability/crash.py --binary PATH [--ci | --full | --kills N] [--seed S] [--keep DIR]
(Tools/reliability/crash.sh builds the binary and calls this.) Exit 0 when every check held.
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (QUARTER, LockProbe, export_events, invariants, journal_env, new_id,  # noqa: E402
                    projection_snapshot, run, write_export)

EVENT_AT = re.compile(r"\(event (\d+)\)$")

MODES = {
    # kills, rounds per journal, base events, import sizes
    "ci": dict(kills=50, epoch=25, base=1500, imports=(20, 300)),
    "full": dict(kills=1000, epoch=50, base=5000, imports=(20, 1500)),
}


class Proc:
    """One journal process of a round and what it should leave in the log."""

    def __init__(self, kind, args, expect=None):
        self.kind, self.args, self.expect = kind, args, expect or {}
        self.popen = None
        self.started = self.ended = None
        self.killed_at = None          # when we sent SIGKILL (None: not sent)
        self.held = set()              # locks it held the moment it was killed ('write', 'checkpoint')
        self.stdout = self.stderr = ""

    @property
    def status(self):
        return self.popen.returncode

    @property
    def died_of_kill(self):
        return self.status == -signal.SIGKILL


class Harness:
    def __init__(self, args):
        self.args = args
        self.binary = os.path.abspath(args.binary)
        self.seed = args.seed
        self.rng = random.Random(args.seed)
        self.env = journal_env()
        self.work = tempfile.mkdtemp(prefix="journal-crash-")
        self.failures = []
        self.quiet = False
        self.stats = Counter()
        self.by_kind = defaultdict(Counter)
        # Expected run time of each kind (seconds), learnt from the processes that finished on their own.
        self.duration = {}
        self.round_times = []

    # ----------------------------------------------------------------------------------------------------------
    def fail(self, where, message):
        line = "%s: %s" % (where, message)
        self.failures.append(line)
        if not self.quiet:
            print("FAIL " + line, flush=True)

    def learn(self, kind, seconds):
        old = self.duration.get(kind)
        self.duration[kind] = seconds if old is None else 0.8 * old + 0.2 * seconds

    def start(self, proc, db, cwd):
        out = open(os.path.join(cwd, "p%d.out" % id(proc)), "w+")
        err = open(os.path.join(cwd, "p%d.err" % id(proc)), "w+")
        proc.started = time.monotonic()
        proc.popen = subprocess.Popen([self.binary, *proc.args, "--db", db], stdin=subprocess.DEVNULL,
                                      stdout=out, stderr=err, env=self.env, cwd=cwd)
        proc.files = (out, err)

        def waiter():
            proc.popen.wait()
            proc.ended = time.monotonic()
        proc.thread = threading.Thread(target=waiter, daemon=True)
        proc.thread.start()

    def finish(self, proc, timeout=120):
        proc.thread.join(timeout)
        if proc.thread.is_alive():
            proc.popen.kill()
            proc.thread.join()
            return False
        out, err = proc.files
        out.seek(0)
        err.seek(0)
        proc.stdout, proc.stderr = out.read(), err.read()
        out.close()
        err.close()
        os.unlink(out.name)
        os.unlink(err.name)
        return True

    def kill(self, procs, probe):
        """SIGKILLs `procs` at (nearly) the same instant; records which locks each held just before."""
        holders = probe.holders()
        for proc in procs:
            if proc.ended is None:
                proc.held = holders.get(proc.popen.pid, set())
                proc.killed_at = time.monotonic()
                try:
                    os.kill(proc.popen.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    # ----------------------------------------------------------------------------------------------------------
    def check(self, where, db, procs, expected_absent=()):
        """Every check after a round; returns the event rows (position, id, stream, version, type, payload)."""
        status, out, err = run(self.binary, ["verify"], db, env=self.env)
        if status != 0 or not out.startswith("OK: "):
            self.fail(where, "journal verify exited %d: %s %s" % (status, out.strip(), err.strip()))
        problems, facts = invariants(db)
        for problem in problems:
            self.fail(where, problem)
        rows = facts["rows"]
        self.stats["events verified"] += len(rows)
        texts = Counter()
        text_at = {}
        ids = {}
        streams = defaultdict(list)
        for position, event_id, stream, _, kind, payload in rows:
            ids[event_id] = position
            streams[stream].append((position, kind, payload))
            if kind in ("activity-logged", "milestone-planned"):
                text = json.loads(payload).get("text" if kind == "activity-logged" else "title")
                texts[(kind, text)] += 1
                text_at[position] = (kind, text)
        for proc in procs:
            self.check_proc(where, proc, texts, text_at, ids, streams)
        return rows

    def check_proc(self, where, proc, texts, text_at, ids, streams):
        label = "%s %s" % (proc.kind, " ".join(proc.args[:3]))
        succeeded = proc.status == 0
        if not succeeded and not proc.died_of_kill:
            self.fail(where, "%s exited %s without being killed: %s" % (label, proc.status, proc.stderr.strip()[:300]))
        for word in ("locked", "busy"):
            if word in proc.stderr.lower():
                self.fail(where, "%s printed %r: %s" % (label, word, proc.stderr.strip()[:300]))
        if succeeded:
            self.by_kind[proc.kind]["reported success"] += 1
        expect = proc.expect
        if "text" in expect:                       # a single append: log activity / log milestone
            key = (expect["type"], expect["text"])
            count = texts[key]
            self.stats["events checked"] += 1
            if succeeded:
                match = EVENT_AT.search(proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else "")
                if count != 1:
                    self.fail(where, "%s reported success but its event is present %d times" % (label, count))
                elif not match or text_at.get(int(match.group(1))) != key:
                    self.fail(where, "%s printed %r but that position does not hold its event"
                              % (label, proc.stdout.strip()[:200]))
            elif count > 1:
                self.fail(where, "killed %s is present %d times" % (label, count))
            if not succeeded:
                self.by_kind[proc.kind]["present after kill" if count else "absent after kill"] += 1
        if "streams" in expect:                    # a plan: all its goals' events or none
            found = [e for s in expect["streams"] for e in streams.get(s, [])]
            self.all_or_nothing(where, label, proc, succeeded, sorted(p for p, _, _ in found), expect["count"])
            if succeeded:
                printed = [int(m.group(1)) for m in map(EVENT_AT.search, proc.stdout.splitlines()) if m]
                if sorted(printed) != sorted(p for p, _, _ in found):
                    self.fail(where, "%s printed positions %s, its events are at %s"
                              % (label, printed, sorted(p for p, _, _ in found)))
        if "ids" in expect:                        # an import: all its event ids or none
            found = sorted(ids[i] for i in expect["ids"] if i in ids)
            self.all_or_nothing(where, label, proc, succeeded, found, len(expect["ids"]))
            if succeeded and "Imported %d of %d events" % (len(expect["ids"]), len(expect["ids"])) not in proc.stdout:
                if not expect.get("again"):
                    self.fail(where, "%s printed %r" % (label, proc.stdout.strip()[:200]))

    def all_or_nothing(self, where, label, proc, succeeded, positions, count):
        self.stats["events checked"] += count
        if positions and len(positions) != count:
            self.fail(where, "%s is partly present: %d of %d events" % (label, len(positions), count))
        elif positions and positions[-1] - positions[0] + 1 != count:
            self.fail(where, "%s's events are not at consecutive positions: %s" % (label, positions[:20]))
        elif succeeded and not positions:
            self.fail(where, "%s reported success but none of its %d events is present" % (label, count))
        if not succeeded:
            self.by_kind[proc.kind]["present after kill" if positions else "absent after kill"] += 1

    def projections_equal_rebuild(self, where, db):
        """Catch up (a read), snapshot; rebuild; snapshot and read again: all must be equal."""
        reads = [["sprint", "--format", "json"], ["report", QUARTER, "--format", "json"]]
        before = []
        for read in reads:
            status, out, err = run(self.binary, read, db, env=self.env)
            if status != 0:
                self.fail(where, "journal %s exited %d: %s" % (read[0], status, err.strip()[:300]))
            before.append(out)
        caught_up = projection_snapshot(db)
        status, out, err = run(self.binary, ["rebuild"], db, env=self.env)
        if status != 0:
            self.fail(where, "journal rebuild exited %d: %s" % (status, err.strip()[:300]))
        rebuilt = projection_snapshot(db)
        if caught_up != rebuilt:
            self.fail(where, "projection state after catch-up differs from a rebuild: state %s vs %s, %d vs %d "
                      "partitions, first different key %s"
                      % (caught_up[0], rebuilt[0], len(caught_up[1]), len(rebuilt[1]),
                         next((a[0] for a, b in zip(caught_up[1], rebuilt[1]) if a != b), "-")))
        for read, old in zip(reads, before):
            status, out, err = run(self.binary, read, db, env=self.env)
            if out != old:
                self.fail(where, "journal %s after a rebuild differs from after a catch-up" % read[0])
        self.stats["projection comparisons"] += 1

    # ----------------------------------------------------------------------------------------------------------
    def new_epoch(self, epoch):
        """A fresh journal, created by a base import that may be killed first."""
        folder = os.path.join(self.work, "e%d" % epoch)
        os.makedirs(folder)
        db = os.path.join(folder, "journal.sqlite")
        events, _ = export_events(self.rng, "base e%d" % epoch, self.mode["base"], goal_key="base")
        path = os.path.join(folder, "base.jsonl")
        write_export(path, events)
        ids = [e[0] for e in events]
        base = Proc("base-import", ["import", path], {"ids": ids})
        probe = LockProbe(db)
        where = "epoch %d creation" % epoch
        if self.rng.random() < 0.7:
            self.by_kind["base-import"]["started"] += 1
            self.start(base, db, folder)
            time.sleep(self.rng.uniform(0, self.duration.get("base", 0.3) * 1.2))
            self.kill([base], probe)
            self.finish(base)
            if base.died_of_kill:
                self.stats["creation kills"] += 1
                self.by_kind["base-import"]["killed"] += 1
                if "write" in base.held:
                    self.by_kind["base-import"]["killed holding the write lock"] += 1
            else:
                self.learn("base", base.ended - base.started)
            if os.path.exists(db):
                status, out, err = run(self.binary, ["verify"], db, env=self.env)
                # A journal killed before its schema was committed may be an empty file: that is a new journal.
                if status != 0 and "no journal" not in err:
                    self.fail(where, "journal verify exited %d after a killed creation: %s" % (status, err.strip()))
                if os.path.getsize(db) > 0 and status == 0:
                    self.check(where, db, [base])
        again = Proc("base-import", ["import", path], {"ids": ids, "again": True})
        self.by_kind["base-import"]["started"] += 1
        self.start(again, db, folder)
        self.finish(again)
        self.check(where, db, [again])
        if again.status != 0:
            raise SystemExit("the base import failed; cannot go on")
        self.projections_equal_rebuild(where, db)
        return folder, db

    def plan_proc(self, folder, tag):
        keys = ["p%s-a" % tag, "p%s-b" % tag]
        weeks = lambda: self.rng.randint(1, 13)  # noqa: E731
        goals = []
        count = 0
        for key, most in zip(keys, (4, 3)):
            milestones = []
            for n in range(self.rng.randint(1 if key.endswith("a") else 0, most)):
                style = self.rng.random()
                if style < 0.5:
                    milestones.append({"title": "plan %s m%d" % (tag, n), "week": weeks()})
                elif style < 0.8:
                    a = weeks()
                    milestones.append({"title": "plan %s m%d" % (tag, n), "weeks": "%d-%d" % (a, min(13, a + 2))})
                else:
                    milestones.append({"title": "plan %s m%d" % (tag, n), "due": "2025-06-%02d" % self.rng.randint(1, 30)})
            goals.append({"title": "Crash plan %s %s" % (tag, key[-1]), "key": key, "metric": "Done",
                          "milestones": milestones})
            count += 1 + len(milestones)
        path = os.path.join(folder, "plan-%s.json" % tag)
        with open(path, "w") as f:
            json.dump({"goals": goals}, f)
        return Proc("plan", ["plan", QUARTER, "--from", path, "--yes", "--force", "--quiet"],
                    {"streams": ["goal-" + k for k in keys], "count": count})

    def round_procs(self, folder, tag):
        rng = self.rng
        procs = []
        for n in range(rng.choice([0, 1, 1, 2, 3])):
            text = "crash %s log%d %08x" % (tag, n, rng.getrandbits(32))
            args = ["log", "activity", text, "--minutes", str(rng.randint(1, 300))]
            if rng.random() < 0.3:
                args += ["--goal", "base"]
            if rng.random() < 0.3:
                args += ["--on", "2025-04-0%d" % rng.randint(7, 9)]
            procs.append(Proc("log", args, {"type": "activity-logged", "text": text}))
        if rng.random() < 0.25:
            title = "crash %s milestone %08x" % (tag, rng.getrandbits(32))
            procs.append(Proc("milestone", ["log", "milestone", "base", title, "--week", str(rng.randint(1, 13))],
                              {"type": "milestone-planned", "text": title}))
        if rng.random() < 0.45:
            procs.append(self.plan_proc(folder, tag))
        if rng.random() < 0.4 or not procs:
            low, high = self.mode["imports"]
            events, _ = export_events(rng, "import %s" % tag, rng.randint(low, high), goal_key="i%s" % tag)
            path = os.path.join(folder, "import-%s.jsonl" % tag)
            write_export(path, events)
            procs.append(Proc("import", ["import", path], {"ids": [e[0] for e in events]}))
        reader = rng.random()
        if reader < 0.25:
            procs.append(Proc("sprint", ["sprint", "--format", "json"]))
        elif reader < 0.4:
            procs.append(Proc("report", ["report", QUARTER, "--format", "json"]))
        elif reader < 0.7:
            procs.append(Proc("rebuild", ["rebuild"]))
        rng.shuffle(procs)
        return procs

    def one_round(self, epoch, number, folder, db):
        tag = "%d-%d" % (epoch, number)
        where = "round %d (epoch %d)" % (self.stats["rounds"] + 1, epoch)
        probe = LockProbe(db)
        started = time.monotonic()
        draw = self.rng.random()
        strategy = "catch-up" if draw < 0.15 else "in-write" if draw < 0.45 else "timed"
        before = []
        if strategy == "catch-up":
            # The projection checkpoint's own write: an import first (not killed), so the log is ahead of the
            # projection, then readers that catch it up, one of them killed inside that write.
            low, high = self.mode["imports"]
            events, _ = export_events(self.rng, "import %s" % tag, self.rng.randint(low, high), goal_key="i%s" % tag)
            path = os.path.join(folder, "import-%s.jsonl" % tag)
            write_export(path, events)
            before = [Proc("import", ["import", path], {"ids": [e[0] for e in events]})]
            self.start(before[0], db, folder)
            self.finish(before[0])
            procs = [Proc(kind, args) for kind, args in
                     self.rng.sample([("sprint", ["sprint", "--format", "json"]),
                                      ("report", ["report", QUARTER, "--format", "json"])], self.rng.randint(1, 2))]
        else:
            procs = self.round_procs(folder, tag)
        for proc in procs:
            self.start(proc, db, folder)
        if strategy == "timed":
            # The delay is drawn over the victims' own expected run time, so it mostly lands inside their work.
            victims = [p for p in procs if self.rng.random() < 0.5] or [self.rng.choice(procs)]
            span = max(self.duration.get(p.kind, 0.05) for p in victims) * 1.1
            time.sleep(self.rng.uniform(0, span))
            self.kill(victims, probe)
        else:
            # Readers write only when the log moved since their projection's checkpoint: prefer sure writers.
            writers = [p for p in procs if p.kind not in ("sprint", "report") or strategy == "catch-up"]
            victim = self.rng.choice(writers or procs)
            deadline = time.monotonic() + 20
            seen = False
            while victim.ended is None and time.monotonic() < deadline:
                if "write" in probe.holders().get(victim.popen.pid, ()):
                    seen = True
                    break
                time.sleep(0.0002)
            if seen:
                time.sleep(self.rng.uniform(0, 0.002))
                others = [p for p in procs if p is not victim and self.rng.random() < 0.3]
                self.kill([victim] + others, probe)
            else:
                # Missed it (it ran between two looks at /proc/locks): kill whatever still runs, at once.
                running = [p for p in procs if p.ended is None]
                if running:
                    self.stats["in-write or catch-up rounds that fell back to a plain kill"] += 1
                    self.kill([self.rng.choice(running)], probe)
        for proc in procs:
            if not self.finish(proc):
                self.fail(where, "%s did not end within 120 s" % " ".join(proc.args[:3]))
        killed = [p for p in procs if p.died_of_kill]
        self.stats["rounds"] += 1
        self.stats["rounds " + strategy] += 1
        for proc in before + procs:
            self.by_kind[proc.kind]["started"] += 1
            if proc.killed_at is not None and not proc.died_of_kill:
                self.by_kind[proc.kind]["kill came after it exited"] += 1
            if proc.died_of_kill:
                self.by_kind[proc.kind]["killed"] += 1
                if "write" in proc.held:
                    self.by_kind[proc.kind]["killed holding the write lock"] += 1
                if "checkpoint" in proc.held:
                    self.by_kind[proc.kind]["killed in a WAL checkpoint"] += 1
            elif proc.ended is not None and proc.status == 0 and proc.killed_at is None:
                self.learn(proc.kind, proc.ended - proc.started)
        if killed:
            self.stats["kill rounds"] += 1
            self.stats["processes killed"] += len(killed)
            if any("write" in p.held for p in killed):
                self.stats["kill rounds with a kill inside a write transaction"] += 1
        self.check(where, db, before + procs)
        self.projections_equal_rebuild(where, db)
        self.round_times.append(time.monotonic() - started)
        if self.failures and self.args.keep:
            self.keep(db, where)
        return bool(killed)

    def keep(self, db, where):
        os.makedirs(self.args.keep, exist_ok=True)
        target = os.path.join(self.args.keep, re.sub(r"[^a-z0-9]+", "-", where.lower()))
        if not os.path.exists(target):
            shutil.copytree(os.path.dirname(db), target)
            print("kept the failing journal's folder in %s" % target)

    def calibrate(self):
        """Times each kind once on a scratch journal, so the first rounds' kill delays land inside the work."""
        folder = os.path.join(self.work, "calibration")
        os.makedirs(folder)
        db = os.path.join(folder, "journal.sqlite")
        events, _ = export_events(self.rng, "calibration", self.mode["base"], goal_key="base")
        path = os.path.join(folder, "base.jsonl")
        write_export(path, events)
        begin = time.monotonic()
        run(self.binary, ["import", path], db, env=self.env)
        self.duration["base"] = time.monotonic() - begin
        low, high = self.mode["imports"]
        events, _ = export_events(self.rng, "calibration import", (low + high) // 2, goal_key="cal")
        imp = os.path.join(folder, "imp.jsonl")
        write_export(imp, events)
        for kind, args in [("log", ["log", "activity", "calibration", "--minutes", "5"]),
                           ("milestone", ["log", "milestone", "base", "calibration", "--week", "3"]),
                           ("plan", self.plan_proc(folder, "cal").args), ("import", ["import", imp]),
                           ("sprint", ["sprint", "--format", "json"]),
                           ("report", ["report", QUARTER, "--format", "json"]), ("rebuild", ["rebuild"])]:
            begin = time.monotonic()
            status, _, err = run(self.binary, args, db, env=self.env)
            if status != 0:
                raise SystemExit("calibration: journal %s failed (%d): %s" % (" ".join(args), status, err))
            self.duration[kind] = time.monotonic() - begin
        shutil.rmtree(folder)
        print("calibration (s): " + ", ".join("%s %.3f" % kv for kv in sorted(self.duration.items())), flush=True)

    def self_test(self):
        """Shows the checks are not vacuous: a clean journal passes them, and each kind of damage a crash could
        leave (a multi-event command cut short, a lost append, projections out of step with the log, an altered
        event) is caught. Returns 0 when the clean run passed and every damage was caught."""
        self.mode = dict(MODES["ci"])
        print("crash harness self-test: binary %s" % self.binary)
        folder, db = self.new_epoch(0)
        procs = [Proc("log", ["log", "activity", "self-test log", "--minutes", "5"],
                      {"type": "activity-logged", "text": "self-test log"}), self.plan_proc(folder, "st")]
        for proc in procs:                       # one after the other: the plan's events are the last ones
            self.start(proc, db, folder)
            self.finish(proc)
        self.check("self-test clean", db, procs)
        self.projections_equal_rebuild("self-test clean", db)
        clean = not self.failures
        print("  clean journal: %s" % ("passes" if clean else "FAILS"))

        def tamper(name, sql, action=None):
            # Each damage on its own copy of the clean journal.
            copy = os.path.join(folder, "damaged-%d.sqlite" % len(self.failures))
            source, target = sqlite3.connect(db), sqlite3.connect(copy)
            source.backup(target)
            source.close()
            target.executescript(sql)
            target.close()
            before = len(self.failures)
            self.quiet = True
            (action or (lambda c: self.check(name, c, procs)))(copy)
            self.quiet = False
            found = self.failures[before:]
            print("  %-58s %s" % (name, ("caught (%d): %s" % (len(found), found[0].split(": ", 1)[1][:110]))
                                  if found else "NOT CAUGHT"))
            del self.failures[before:]
            return bool(found)

        other = self.foreign_success(folder)
        caught = [
            tamper("a plan cut short (its last event gone; verify passes)",
                   "DROP TRIGGER events_are_immutable_delete; "
                   "DELETE FROM events WHERE position = (SELECT max(position) FROM events);"),
            tamper("an append that reported success is missing", "SELECT 1;",
                   lambda c: self.check("lost append", c, [other])),
            tamper("a projection partition out of step with its checkpoint",
                   "UPDATE projection_partitions SET events = substr(events, 1, length(events) - 8) "
                   "WHERE key = (SELECT key FROM projection_partitions WHERE length(events) >= 16 LIMIT 1);",
                   lambda c: self.projections_equal_rebuild("projection", c)),
            tamper("an event's payload altered",
                   "DROP TRIGGER events_are_immutable_update; "
                   "UPDATE events SET payload = json_set(payload, '$.minutes', 999) WHERE position = 2;"),
        ]
        shutil.rmtree(self.work, ignore_errors=True)
        ok = clean and all(caught)
        print("crash harness self-test: %s" % ("every damage caught" if ok else "FAILED"))
        return 0 if ok else 1

    def foreign_success(self, folder):
        """A log that really succeeded, but on another journal: to this one it is an append that was lost."""
        proc = Proc("log", ["log", "activity", "lost append", "--minutes", "5"],
                    {"type": "activity-logged", "text": "lost append"})
        self.start(proc, os.path.join(folder, "other.sqlite"), folder)
        self.finish(proc)
        return proc

    def run(self):
        if self.args.self_test:
            return self.self_test()
        self.mode = dict(MODES[self.args.mode])
        if self.args.kills:
            self.mode["kills"] = self.args.kills
        target = self.mode["kills"]
        print("crash harness: mode %s, %d kill rounds, seed %d, binary %s, work %s"
              % (self.args.mode, target, self.seed, self.binary, self.work), flush=True)
        if not LockProbe("x").available:
            print("note: no /proc/locks here; in-write kills fall back to timed ones")
        began = time.monotonic()
        self.calibrate()
        epoch = 0
        while self.stats["kill rounds"] < target:
            epoch += 1
            folder, db = self.new_epoch(epoch)
            number = 0
            while number < self.mode["epoch"] and self.stats["kill rounds"] < target:
                number += 1
                self.one_round(epoch, number, folder, db)
                if self.stats["rounds"] % 25 == 0:
                    print("  %d rounds, %d kill rounds, %d processes killed, %d failures, %.0f s"
                          % (self.stats["rounds"], self.stats["kill rounds"], self.stats["processes killed"],
                             len(self.failures), time.monotonic() - began), flush=True)
                if len(self.failures) > 50:
                    break
            self.stats["events in journals"] += len(invariants(db)[1]["rows"])
            if not self.args.keep_work:
                shutil.rmtree(folder)
            if len(self.failures) > 50:
                print("stopping: more than 50 failures")
                break
        self.stats["epochs (fresh journals)"] = epoch
        self.stats["seconds"] = round(time.monotonic() - began, 1)
        self.report()
        if not self.args.keep_work:
            shutil.rmtree(self.work, ignore_errors=True)
        return 1 if self.failures else 0

    def report(self):
        s = self.stats
        print()
        print("crash harness summary (seed %d, mode %s)" % (self.seed, self.args.mode))
        for key in ["rounds", "rounds timed", "rounds in-write", "rounds catch-up", "kill rounds",
                    "kill rounds with a kill inside a write transaction", "in-write or catch-up rounds that fell back to a plain kill",
                    "processes killed", "creation kills",
                    "events checked", "events verified", "projection comparisons", "events in journals",
                    "epochs (fresh journals)", "seconds"]:
            print("  %-52s %s" % (key, s.get(key, 0)))
        if self.round_times:
            print("  %-52s %.3f / %.3f" % ("round seconds, median / max", statistics.median(self.round_times),
                                          max(self.round_times)))
        print("  per kind:")
        columns = ["started", "reported success", "killed", "killed holding the write lock",
                   "killed in a WAL checkpoint", "kill came after it exited", "present after kill",
                   "absent after kill"]
        for kind in sorted(self.by_kind):
            counts = self.by_kind[kind]
            print("    %-12s %s" % (kind, ", ".join("%s %d" % (c, counts[c]) for c in columns if counts[c])))
        print("  learnt run times (s): " + ", ".join("%s %.3f" % kv for kv in sorted(self.duration.items())))
        if self.args.json:
            with open(self.args.json, "w") as f:
                json.dump({"seed": self.seed, "mode": self.args.mode, "stats": dict(s),
                           "by_kind": {k: dict(v) for k, v in self.by_kind.items()},
                           "durations": self.duration, "failures": self.failures}, f, indent=1, sort_keys=True)
        verdict = "%d failures" % len(self.failures) if self.failures else "no failures"
        print("crash harness: %d kill rounds, %d processes killed (%d holding the write lock), %d events checked: %s"
              % (s["kill rounds"], s["processes killed"],
                 sum(c["killed holding the write lock"] for c in self.by_kind.values()), s["events checked"], verdict))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", required=True, help="the journal executable")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--ci", dest="mode", action="store_const", const="ci", help="50 kill rounds (default)")
    group.add_argument("--full", dest="mode", action="store_const", const="full", help="1,000 kill rounds")
    parser.set_defaults(mode="ci")
    parser.add_argument("--kills", type=int, help="override the number of kill rounds")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed; default: from the clock)")
    parser.add_argument("--keep", metavar="DIR", help="copy the folder of a journal that failed a check here")
    parser.add_argument("--keep-work", action="store_true", help="leave the temporary journals in place")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--self-test", action="store_true",
                        help="check that the checks catch damage (a clean journal, then four kinds of damage)")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = int(time.time() * 1000) % 1_000_000
    sys.exit(Harness(args).run())


if __name__ == "__main__":
    main()
