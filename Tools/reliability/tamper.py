"""Tamper harness (issue 6, part 3): someone with the file drops the triggers and edits, deletes, reorders or
inserts rows, or cuts off the tail, or rewrites the chain from a point on. `journal verify` must name the first bad
position for every edit, deletion, reordering and forged insertion; a cut-off tail and a rewritten chain leave an
intact chain, and `journal verify --head H` with a head recorded before the damage must refuse them.

    python3 tamper.py --binary PATH [--ci|--full] [--seed S] [--events N] [--trials N]

Each trial copies one base journal (the demo plus an import of fresh events), damages the copy one way at a random
place with Python's sqlite3 module, and runs `journal verify` (and `--head`). Exit 0 when every damage was caught
as expected. Python 3 standard library only.
"""

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

COLUMNS = ["event_id", "stream", "stream_version", "event_type", "schema_version", "payload", "metadata",
           "occurred_at", "recorded_at", "previous_hash", "hash"]
KINDS = ["edit", "delete", "swap", "forged-insert", "cut-tail", "rewrite-from"]


def open_for_tampering(db):
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("DROP TRIGGER IF EXISTS events_are_immutable_update")
    con.execute("DROP TRIGGER IF EXISTS events_are_immutable_delete")
    con.execute("PRAGMA ignore_check_constraints = ON")   # so rows can pass through impossible values on the way
    return con


def row(con, position):
    return con.execute("SELECT position, %s FROM events WHERE position = ?" % ", ".join(COLUMNS), (position,)).fetchone()


def stream_name(con, stream_id):
    return con.execute("SELECT name FROM streams WHERE id = ?", (stream_id,)).fetchone()[0]


def rehash_from(con, start):
    """Recomputes every hash from `start` on, as a forger who knows the scheme would (HashChain.swift)."""
    previous = common.GENESIS if start == 1 else row(con, start - 1)[11]
    for r in con.execute("SELECT position, %s FROM events WHERE position >= ? ORDER BY position" % ", ".join(COLUMNS),
                         (start,)).fetchall():
        fields = [str(r[0]), r[1], stream_name(con, r[2]), str(r[3]), r[4], str(r[5]), r[6], r[7], r[8], r[9]]
        digest = common.chain_hash(previous, fields)
        con.execute("UPDATE events SET previous_hash = ?, hash = ? WHERE position = ?", (previous, digest, r[0]))
        previous = digest


def damage(con, kind, rng, count):
    """Damages the journal; returns (expected first bad position or None, whether only --head can tell)."""
    if kind == "edit":
        p = rng.randint(1, count)
        column = rng.choice(["payload", "occurred_at", "recorded_at", "event_id", "stream_version", "metadata",
                             "event_type", "schema_version"])
        r = row(con, p)
        value = r[1 + COLUMNS.index(column)]
        if column == "payload":
            new = value.replace("}", ',"x":1}', 1) if value != "{}" else '{"x":1}'
        elif column in ("occurred_at", "recorded_at"):
            new = value[:-5] + ("1" if value[-5] != "1" else "2") + value[-4:]
        elif column == "event_id":
            new = common.new_id(rng)
        elif column == "metadata":
            new = '{"client":"forged"}'
        elif column == "event_type":
            new = "partner-named" if value != "partner-named" else "direction-set"
        elif column == "stream_version":
            new = value + 1_000_000   # a version no other event of the stream holds
        else:
            new = value + 1
        con.execute("UPDATE events SET %s = ? WHERE position = ?" % column, (new, p))
        return p, False
    if kind == "delete":
        p = rng.randint(1, count - 1)          # the last one is "cut-tail"
        con.execute("DELETE FROM events WHERE position = ?", (p,))
        return p, False
    if kind == "swap":
        p = rng.randint(1, count - 1)
        q = rng.randint(p + 1, count)
        a, b = row(con, p), row(con, q)
        con.execute("UPDATE events SET event_id = 'swap-tmp', stream_version = -stream_version WHERE position = ?", (q,))
        sets = ", ".join("%s = ?" % c for c in COLUMNS)
        con.execute("UPDATE events SET %s WHERE position = ?" % sets, (*b[1:], p))
        con.execute("UPDATE events SET %s WHERE position = ?" % sets, (*a[1:], q))
        return p, False
    if kind == "forged-insert":
        # A careful forger: the new event chains to the one before it and its own hash is right; the events
        # after it move up one position, keeping their hashes.
        p = rng.randint(2, count)
        con.execute("UPDATE events SET position = -position WHERE position >= ?", (p,))
        con.execute("UPDATE events SET position = -position + 1 WHERE position < 0")
        before = row(con, p - 1)
        forged = (p, common.new_id(rng), before[2], 9999, "partner-named", 1, '{"name":"Mallory"}', "{}",
                  before[8], before[9], before[11], b"")
        con.execute("INSERT INTO events (position, %s) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)" % ", ".join(COLUMNS), forged)
        fields = [str(p), forged[1], stream_name(con, before[2]), "9999", "partner-named", "1", forged[6], "{}",
                  before[8], before[9]]
        con.execute("UPDATE events SET hash = ? WHERE position = ?", (common.chain_hash(before[11], fields), p))
        return p + 1, False
    if kind == "cut-tail":
        k = rng.randint(1, min(50, count - 1))
        con.execute("DELETE FROM events WHERE position > ?", (count - k,))
        return None, True
    if kind == "rewrite-from":
        p = rng.randint(1, count)
        con.execute("UPDATE events SET payload = '{\"name\":\"Mallory\"}', event_type = 'partner-named' WHERE position = ?", (p,))
        rehash_from(con, p)
        return None, True
    raise ValueError(kind)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--ci", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--events", type=int)
    parser.add_argument("--trials", type=int)
    args = parser.parse_args()
    events = args.events or (5000 if args.full else 300)
    trials = args.trials or (2000 if args.full else 120)
    rng = random.Random(args.seed)
    print("tamper harness: seed %d, %d events, %d trials" % (args.seed, events, trials), flush=True)
    started = time.time()
    work = tempfile.mkdtemp(prefix="journal-tamper-")
    failures, caught = [], {k: 0 for k in KINDS}
    try:
        base = os.path.join(work, "base.sqlite")
        status, _, err = common.run(args.binary, ["demo"], base)
        assert status == 0, err
        export = os.path.join(work, "fresh.jsonl")
        common.write_export(export, common.export_events(rng, "tamper", events - 36, goal_key="tamper")[0])
        status, _, err = common.run(args.binary, ["import", export], base)
        assert status == 0, err
        status, out, err = common.run(args.binary, ["verify"], base)
        assert status == 0, err
        count = int(re.match(r"OK: (\d+) events", out).group(1))
        head = out.splitlines()[0].rsplit(" ", 1)[1]   # the first line ends with the head; the second says what was checked
        for trial in range(trials):
            kind = KINDS[trial % len(KINDS)]
            db = os.path.join(work, "t.sqlite")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.remove(db + suffix)
            shutil.copy(base, db)
            con = open_for_tampering(db)
            expected, head_only = damage(con, kind, rng, count)
            con.close()
            status, out, err = common.run(args.binary, ["verify"], db)
            if head_only:
                ok = status == 0
                status2, _, err2 = common.run(args.binary, ["verify", "--head", head], db)
                ok = ok and status2 == 65 and "no longer holds the head" in err2 and len(err2.strip().splitlines()) == 1
                detail = (status, out, status2, err2)
            else:
                ok = status == 65 and ("breaks at position %d:" % expected) in err and len(err.strip().splitlines()) == 1
                detail = (status, err)
            if ok:
                caught[kind] += 1
            else:
                failures.append({"trial": trial, "kind": kind, "expected": expected, "got": detail})
                shutil.copy(db, os.path.join(work, "failed-%d.sqlite" % trial))
    finally:
        if not failures:
            shutil.rmtree(work, ignore_errors=True)
    figures = {"seed": args.seed, "events": count if 'count' in dir() else events, "trials": trials,
               "caught": caught, "failures": failures[:10], "failure count": len(failures),
               "seconds": round(time.time() - started, 1)}
    print(json.dumps(figures, indent=1))
    print("tamper harness: %d trials, %d caught, %d missed%s" % (trials, sum(caught.values()), len(failures),
          "" if not failures else " (journals kept in %s)" % work))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
