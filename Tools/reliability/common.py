"""Shared pieces of the reliability harnesses (crash.py, concurrency.py). Python 3 standard library only.

- finding the `journal` binary and running it with a fixed clock (TZ=UTC, JOURNAL_NOW);
- writing exports of fresh events (the journal's own JSONL format and SHA-256 chain) for `journal import`;
- reading the journal file directly (Python's sqlite3 module) for the invariants a command cannot show;
- spotting which process holds SQLite's WAL write lock, from /proc/locks (Linux).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections import defaultdict

NOW = "2025-04-10T09:30"
INSTANT = "2025-04-10T09:30:00.000Z"
QUARTER = "2025-Q2"


def journal_env():
    env = dict(os.environ)
    env["TZ"] = "UTC"
    env["JOURNAL_NOW"] = NOW
    env.pop("JOURNAL_DB", None)
    return env


def run(binary, args, db, timeout=120, env=None):
    """Runs `journal ARGS --db DB` to completion: (exit status, stdout, stderr)."""
    done = subprocess.run([binary, *args, "--db", db], capture_output=True, text=True, timeout=timeout,
                          env=env or journal_env())
    return done.returncode, done.stdout, done.stderr


# --------------------------------------------------------------------------------------------------------------
# Exports written from scratch: `journal import` checks the file's own hash chain (HashChain.swift), so the
# events are chained here exactly as the journal chains them: SHA-256 over the previous hash, then each field
# as an 8-byte big-endian length and its UTF-8 bytes.

GENESIS = bytes(32)
METADATA = '{"client":"journal/0.1.0","command":"reliability-harness"}'


def compact(value):
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def chain_hash(previous, fields):
    h = hashlib.sha256()
    h.update(previous)
    for field in fields:
        data = field.encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.digest()


def new_id(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def write_export(path, events):
    """events: (event_id, stream, type, payload dict, occurred_at) in log order. Writes an export file that
    `journal import` accepts; returns nothing."""
    previous = GENESIS
    versions = defaultdict(int)
    with open(path, "w", encoding="utf-8") as out:
        for position, (event_id, stream, kind, payload, occurred) in enumerate(events, 1):
            versions[stream] += 1
            payload_text = compact(payload)
            fields = [str(position), event_id, stream, str(versions[stream]), kind, "1", payload_text, METADATA,
                      occurred, INSTANT]
            digest = chain_hash(previous, fields)
            out.write('{"position":%d,"eventId":%s,"streamId":%s,"streamVersion":%d,"type":%s,"schemaVersion":1,'
                      '"payload":%s,"metadata":%s,"occurredAt":%s,"recordedAt":%s,"previousHash":"%s","hash":"%s"}\n'
                      % (position, json.dumps(event_id), json.dumps(stream), versions[stream], json.dumps(kind),
                         payload_text, METADATA, json.dumps(occurred), json.dumps(INSTANT), previous.hex(),
                         digest.hex()))
            previous = digest
        out.write('{"head":"%s","events":%d}\n' % (previous.hex(), len(events)))


def export_events(rng, tag, count, goal_key=None, days=("2025-04-07", "2025-04-08", "2025-04-09", "2025-04-10")):
    """`count` fresh events for an import: a goal of QUARTER (when goal_key) with up to three milestones, then
    activities with unique texts ("TAG #n") spread over a few days' streams. Returns the event list for
    write_export and the activity texts."""
    events = []
    if goal_key:
        events.append((new_id(rng), "goal-" + goal_key, "goal-set",
                       {"key": goal_key, "quarter": QUARTER, "title": "Imported goal " + tag}, INSTANT))
        for number in range(1, min(3, max(0, count - 2)) + 1):
            week = rng.randint(1, 13)
            events.append((new_id(rng), "goal-" + goal_key, "milestone-planned",
                           {"goal": goal_key, "number": number, "title": "Imported milestone %d" % number,
                            "weeks": [week, week]}, INSTANT))
    texts = []
    while len(events) < count:
        day = rng.choice(days)
        text = "%s #%d" % (tag, len(events))
        texts.append(text)
        events.append((new_id(rng), "activities-" + day, "activity-logged",
                       {"minutes": rng.randint(1, 240), "text": text}, day + "T12:00:00.000Z"))
    return events, texts


# --------------------------------------------------------------------------------------------------------------
# Reading the file itself.

def connect(db):
    # A plain read connection. It is closed before any journal process starts, so it never holds a lock they
    # would wait for; in WAL mode it never blocks a writer anyway.
    return sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=60, isolation_level=None)


def invariants(db):
    """Checks what must hold of any journal file, whatever was killed when: returns (failures, facts)."""
    failures = []
    con = connect(db)
    try:
        integrity = [row[0] for row in con.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            failures.append("PRAGMA integrity_check: %s" % integrity[:5])
        rows = con.execute("SELECT e.position, e.event_id, s.name, e.stream_version, e.event_type, e.payload "
                           "FROM events e JOIN streams s ON s.id = e.stream ORDER BY e.position").fetchall()
        positions = [r[0] for r in rows]
        if positions != list(range(1, len(rows) + 1)):
            failures.append("positions are not 1..%d without gaps" % len(rows))
        by_stream = defaultdict(list)
        for r in rows:
            by_stream[r[2]].append(r[3])
        for stream, versions in by_stream.items():
            if versions != list(range(1, len(versions) + 1)):
                failures.append("stream %s versions are not gapless: %s..." % (stream, versions[:10]))
        stored = dict(con.execute("SELECT name, version FROM streams").fetchall())
        for stream, version in stored.items():
            if version != len(by_stream.get(stream, [])):
                failures.append("streams.version of %s is %d but it holds %d events"
                                % (stream, version, len(by_stream.get(stream, []))))
        # The goal index (what "three goals a quarter" reads) is written in the same transaction as the events.
        index = dict((k, q) for k, q, _ in con.execute("SELECT key, quarter, status FROM goal_index"))
        goal_streams = {s[len("goal-"):] for s in by_stream if s.startswith("goal-")}
        if set(index) != goal_streams:
            failures.append("goal_index keys differ from goal streams: only in index %s, only in log %s"
                            % (sorted(set(index) - goal_streams)[:5], sorted(goal_streams - set(index))[:5]))
        state = con.execute("SELECT name, position, code_version FROM projection_state").fetchall()
        for name, position, _ in state:
            if position > len(rows):
                failures.append("projection %s checkpoint %d is past the head %d" % (name, position, len(rows)))
        return failures, {"rows": rows, "head": len(rows)}
    finally:
        con.close()


def projection_snapshot(db):
    con = connect(db)
    try:
        state = con.execute("SELECT name, position, code_version FROM projection_state ORDER BY name").fetchall()
        parts = con.execute("SELECT key, hex(events) FROM projection_partitions ORDER BY key").fetchall()
        return state, parts
    finally:
        con.close()


# --------------------------------------------------------------------------------------------------------------
# Who holds the WAL write lock. SQLite's unix VFS takes POSIX byte-range locks on the -shm file: byte 120 is
# WAL_WRITE_LOCK (held from BEGIN IMMEDIATE to COMMIT/ROLLBACK), byte 121 WAL_CKPT_LOCK (a checkpoint copying
# the WAL into the database). /proc/locks lists them with the owning pid and the file's device:inode.

class LockProbe:
    def __init__(self, db):
        self.db, self.shm = db, db + "-shm"
        self.available = os.path.exists("/proc/locks")

    @staticmethod
    def _inode(path):
        try:
            return ":" + str(os.stat(path).st_ino) + " "
        except FileNotFoundError:
            return None

    def holders(self):
        """{pid: set of 'write', 'checkpoint'}: 'write' while a process holds the WAL write lock (inside a write
        transaction), 'checkpoint' while it copies the WAL into the database (an automatic checkpoint, byte 121
        of the -shm file, or the last connection's checkpoint on close, under an exclusive lock of the file)."""
        if not self.available:
            return {}
        # Stat every time: the last connection to close deletes the -shm file, the next one makes a new one.
        shm, main = self._inode(self.shm), self._inode(self.db)
        found = {}
        with open("/proc/locks") as f:
            text = f.read()
        for line in text.splitlines():
            if "WRITE" not in line:
                continue
            parts = line.split()
            # "1: POSIX  ADVISORY  WRITE 10730 fe:00:16441492 120 120"
            try:
                pid, start = int(parts[4]), parts[6]
            except (IndexError, ValueError):
                continue
            if shm and shm in line:
                if start == "120":
                    found.setdefault(pid, set()).add("write")
                elif start == "121":
                    found.setdefault(pid, set()).add("checkpoint")
            elif main and main in line and start == "1073741826":   # SHARED_FIRST: an EXCLUSIVE lock
                found.setdefault(pid, set()).add("checkpoint")
        return found


# --------------------------------------------------------------------------------------------------------------
# The fuzzers' shared command line and their look at the file.

def fuzz_arguments(description, full, ci):
    """--binary, --ci/--full, --seed and --count; returns (args, count): `full` invocations with --full, else `ci`."""
    import argparse
    import time
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--ci", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--count", type=int)
    args = parser.parse_args()
    return args, args.count or (full if args.full else ci)


def event_count_and_head(db):
    """(number of events, highest stored hash) read straight from the file: what a refused command must not change."""
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return con.execute("SELECT count(*), max(hash) FROM events").fetchone()
    finally:
        con.close()



def finish_fuzz(summary, figures, failures, work):
    """Prints a fuzzer's figures and its one-line summary, removes its scratch folder when nothing failed (it is
    kept, and named, for a failure), and exits 1 on any failure."""
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    print("%s, %d failures%s" % (summary, len(failures), " (kept in %s)" % work if failures else ""))
    if not failures:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failures else 0)
