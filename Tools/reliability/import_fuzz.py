"""Malformed-import fuzzer (issue 6, part 4c): a valid export, damaged at random (a line cut short, a byte flipped, a
field of the wrong type, a field dropped or duplicated, lines swapped or repeated, an id reused with other content, a
hash or previous hash changed, the head line changed or removed, a stray line), imported into a journal that already
holds events. Every damaged file must be refused whole with exit 65 (or 64/66 for a file that is not an export at
all), one line on stderr naming the line, and the journal must hold exactly what it held before. A damage that
leaves the file valid (rare: e.g. a flipped byte inside a hash that is then never checked) must import as a whole.

    python3 import_fuzz.py --binary PATH [--ci|--full] [--seed S] [--count N]

Python 3 standard library only.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def mutate(lines, rng):
    """Returns (damaged lines, description)."""
    lines = list(lines)
    body = len(lines) - 1            # the last line is the head
    i = rng.randrange(body)
    kind = rng.choice(["cut", "flip", "type", "drop-field", "dup-field", "swap", "repeat", "reuse-id", "hash",
                       "previous", "head", "no-head", "stray", "empty-line", "bom", "crlf"])
    if kind == "cut":
        lines[i] = lines[i][:rng.randrange(1, max(2, len(lines[i]) - 1))]
    elif kind == "flip":
        b = bytearray(lines[i].encode("utf-8"))
        j = rng.randrange(len(b))
        b[j] = rng.choice([0x00, 0x22, 0x5C, 0x7B, 0x7D, 0xFF, 0x80, 0x20, b[j] ^ 0x01])
        lines[i] = b.decode("utf-8", "surrogateescape")
    elif kind in ("type", "drop-field", "dup-field"):
        obj = json.loads(lines[i])
        key = rng.choice(list(obj.keys()))
        if kind == "type":
            obj[key] = rng.choice([None, 7, -1, 1.5, "x", [], {}, True])
            lines[i] = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
        elif kind == "drop-field":
            del obj[key]
            lines[i] = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
        else:
            text = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
            lines[i] = text[:-1] + ',"%s":%s}' % (key, json.dumps(obj[key], ensure_ascii=False))
    elif kind == "swap" and body > 1:
        j = rng.randrange(body)
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "repeat":
        lines.insert(i, lines[i])
    elif kind == "reuse-id" and body > 1:
        j = rng.randrange(body)
        a, b = json.loads(lines[i]), json.loads(lines[j])
        if a["eventId"] != b["eventId"]:
            b["eventId"] = a["eventId"]
            lines[j] = json.dumps(b, separators=(",", ":"), ensure_ascii=False)
    elif kind in ("hash", "previous"):
        obj = json.loads(lines[i])
        field = "hash" if kind == "hash" else "previousHash"
        obj[field] = "%064x" % rng.getrandbits(256)
        lines[i] = json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    elif kind == "head":
        lines[-1] = '{"head":"%064x","events":%d}' % (rng.getrandbits(256), body)
    elif kind == "no-head":
        lines.pop()
    elif kind == "stray":
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(["{}", "[]", "null", "not json", '{"position":1}']))
    elif kind == "empty-line":
        lines.insert(rng.randrange(1, len(lines)), "")
    elif kind == "bom":
        lines[0] = "\ufeff" + lines[0]
    elif kind == "crlf":
        lines[i] = lines[i] + "\r"
    return lines, kind


def main():
    args, total = common.fuzz_arguments(__doc__, full=5_000, ci=200)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="journal-import-fuzz-")
    env = common.journal_env()
    base = os.path.join(work, "base.sqlite")
    subprocess.run([args.binary, "demo", "--db", base], env=env, capture_output=True, check=True)
    source = os.path.join(work, "source.sqlite")
    export = os.path.join(work, "good.jsonl")
    common.write_export(export, common.export_events(rng, "fuzz", 40, goal_key="fuzzgoal")[0])
    with open(export, encoding="utf-8") as f:
        good = f.read().split("\n")[:-1]
    print("import fuzzer: seed %d, %d damaged files of %d lines" % (args.seed, total, len(good)), flush=True)
    started = time.time()
    outcomes, failures = {}, []
    db = os.path.join(work, "j.sqlite")
    for n in range(total):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        shutil.copy(base, db)
        before = common.event_count_and_head(db)
        lines, kind = mutate(good, rng)
        path = os.path.join(work, "damaged.jsonl")
        with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
            f.write("\n".join(lines) + "\n")
        done = subprocess.run([args.binary, "import", path, "--db", db], env=env, capture_output=True, timeout=60)
        after = common.event_count_and_head(db)
        stderr = done.stderr.decode("utf-8", "replace")
        lines_err = [l for l in stderr.split("\n") if l]
        if done.returncode == 0:
            outcome = "accepted"
            ok = after[0] == before[0] + len(good) - 1 and subprocess.run([args.binary, "verify", "--db", db], env=env,
                                                                          capture_output=True).returncode == 0
        else:
            outcome = "refused %d" % done.returncode
            ok = (done.returncode in (64, 65, 66) and len(lines_err) == 1 and lines_err[0].startswith("journal: ")
                  and after == before)
        outcomes[kind + ": " + outcome] = outcomes.get(kind + ": " + outcome, 0) + 1
        if not ok:
            failures.append({"n": n, "kind": kind, "status": done.returncode, "stderr": stderr[:300],
                             "before": before[0], "after": after[0]})
            shutil.copy(path, os.path.join(work, "failed-%d.jsonl" % n))
    figures = {"seed": args.seed, "files": total, "outcomes": dict(sorted(outcomes.items())),
               "failures": failures[:10], "failure count": len(failures), "seconds": round(time.time() - started, 1)}
    common.finish_fuzz("import fuzzer: %d damaged files" % total, figures, failures, work)

if __name__ == "__main__":
    main()
