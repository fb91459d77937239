"""Argument-vector fuzzer (issue 6, part 4a): invocations generated from journal's real command grammar, then
mutated (impossible dates, 2025-Q5, negative, zero and huge numbers, empty and 128 KiB strings, control characters,
invalid UTF-8, SQL metacharacters, unknown flags, dropped and repeated arguments). For every invocation: no crash
(no signal, no trap), the exit status one of the documented ones, a rejection is exactly one line on stderr, and a
rejected call leaves the event count unchanged.

    python3 argv_fuzz.py --binary PATH [--ci|--full] [--seed S] [--count N]

(A single argument of 1 MB cannot be passed on Linux at all: exec refuses any argument over 128 KiB, so the longest
strings here are just under that; nor can a NUL byte, which ends a C string.) Python 3 standard library only.
"""

import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

DOCUMENTED = {0, 1, 64, 65, 66, 69, 70, 73, 74, 75, 130}
NOW = "2025-05-16T18:00"

GOOD = {
    "goal": ["aws", "network"], "ref": ["aws/1", "aws/2", "network/4"], "date": ["2025-05-01", "yesterday", "today", "monday", "last week", "2025-W19"],
    "quarter": ["2025-Q2", "2025-Q3", "this-quarter", "last quarter"], "text": ["Practice exam", "Coffee chat with a data lead"], "minutes": ["30", "90"],
    "number": ["2", "15"], "key": ["newgoal", "deep-work"], "week": ["3", "1-4", "2025-W20", "next-week"], "format": ["text", "markdown", "json", "html"],
    "position": ["5", "12"], "tag": ["exam", "@work"],
    # Deadlines and ends read ahead (issue 13): weekdays are the next one, and these forms are theirs alone.
    "deadline": ["2025-06-30", "friday", "next friday", "in 2 weeks", "in 3 days", "end of month", "end-of-quarter", "next-week"],
}
BAD = ["2025-02-30", "2025-13-01", "2025-Q5", "Q0-2025", "-1", "0", "-0", "99999999999999999999", "1e309", "NaN",
       "", " ", "\t", "x" * 131_000, "\u00e9\u0301" * 1000, "a\x01b\x7f", "line\nbreak", "\r", "\x1b[31mred",
       b"bad \xff\xfe\xfd utf-8", b"\xc3", "'; DROP TABLE events; --", "\" OR 1=1 --", "%s%n%x", "../../etc/passwd",
       "--", "-", "--bogus", "-Z", "--db", "--help=x", "aws/", "/1", "aws/0", "aws/-3", "AWS", "a" * 40,
       "2025-05-01T25:61", "9999-12-31", "0000-01-01", "tomorrow", "3 days ago", "Q2 2025", "2025-W07", "2025-W53", "2025-W07-8", "next tuesday",
       "last", "99999 weeks ago", "previous-quarter", "in -3 days", "in 99999 weeks", "end of", "next", "end of the month"]

COMMANDS = [
    ["log", "goal", "{text}", "--quarter", "{quarter}", "--key", "{key}", "--due", "{deadline}", "--target", "{number}"],
    ["log", "milestone", "{goal}", "{text}", "--week", "{week}"],
    ["log", "milestone", "{goal}", "{text}", "--due", "{deadline}"],
    ["log", "done", "{ref}"],
    ["log", "progress", "{goal}", "{number}"],
    ["log", "activity", "{text}", "--goal", "{ref}", "--minutes", "{minutes}", "--on", "{date}", "--tag", "{tag}"],
    ["log", "activity", "{text}", "--goal", "{goal}", "--on", "{date}", "--force"],
        ["log", "revise", "{ref}", "--weeks", "{week}", "--reason", "{text}"],
    ["log", "revise", "{ref}", "--week", "{week}", "--title", "{text}", "--reason", "{text}"],
    ["log", "revise", "{ref}", "--due", "{date}", "--reason", "{text}"],
    ["log", "revise", "{goal}", "--due", "{deadline}", "--reason", "{text}"],
    ["log", "revise", "{goal}", "--quarter", "{quarter}", "--reason", "{text}"],
    ["log", "complete", "{goal}"],
    ["log", "drop", "{goal}", "--reason", "{text}"],
    ["log", "partner", "{text}"],
    ["log", "retract", "{position}", "--reason", "{text}"],
    ["log", "direction", "{text}", "--key", "{key}"],
    ["log", "direction", "{text}", "--by", "{deadline}"],
    ["log", "review", "{quarter}", "--planned", "{text}", "--accomplished", "{text}", "--obstacles", "{text}",
     "--learned", "{text}", "--next", "{text}"],
    ["sprint", "--quarter", "{quarter}", "--format", "{format}"],
    ["report", "{quarter}", "--as-known-at", "{date}", "--format", "{format}"],
    ["history", "{goal}", "--as-of", "{date}", "--format", "{format}"],
    ["insights", "--since", "{date}", "--until", "{deadline}", "--format", "{format}"],
    ["insights", "--calibration"],
    ["resume", "--format", "{format}"],
    ["share", "{quarter}", "--format", "{format}"],
    ["events", "--format", "{format}"],
    ["verify", "--head", "{text}", "--format", "{format}"],
    ["insights", "--week", "{date}", "--format", "{format}"],
    ["undo"],
    ["undo", "--to", "{position}"],
    ["undo", "--yes", "--reason", "{text}"],
    ["plan", "{quarter}", "--yes"],
    ["review", "{quarter}", "--yes"],
]


def invocation(rng):
    words = []
    for word in rng.choice(COMMANDS):
        if word.startswith("{"):
            slot = word[1:-1]
            words.append(rng.choice(GOOD[slot]) if rng.random() < 0.6 else rng.choice(BAD))
        else:
            words.append(word)
    # Structural mutations: drop, repeat or insert an argument.
    for _ in range(rng.choice([0, 0, 1, 2])):
        r = rng.random()
        if r < 0.35 and len(words) > 1:
            del words[rng.randrange(1, len(words))]
        elif r < 0.7:
            i = rng.randrange(len(words))
            words.insert(i, words[i])
        else:
            words.insert(rng.randrange(len(words) + 1), rng.choice(BAD))
    return words


def shown(words):
    return [w[:60] if isinstance(w, str) else repr(w[:60]) for w in words][:12]


def main():
    args, total = common.fuzz_arguments(__doc__, full=10_000, ci=600)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="journal-argv-fuzz-")
    db = os.path.join(work, "j.sqlite")
    env = {"TZ": "UTC", "JOURNAL_NOW": NOW, "JOURNAL_DB": db, "HOME": work, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    subprocess.run([args.binary, "demo", "--db", db], env=env, capture_output=True, check=True)
    print("argv fuzzer: seed %d, %d invocations, journal %s" % (args.seed, total, db), flush=True)
    started = time.time()
    statuses, failures = {}, []
    for n in range(total):
        words = invocation(rng)
        before = common.event_count_and_head(db)[0]
        argv = [os.path.abspath(args.binary)] + [w.encode("utf-8", "surrogateescape") if isinstance(w, str) else w for w in words]
        try:
            # In the scratch folder: a fuzzed --db or --output names a file relative to it, never in the repository.
            done = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=30, cwd=work)
        except subprocess.TimeoutExpired:
            failures.append({"n": n, "argv": shown(words), "problem": "timed out"})
            continue
        status = done.returncode
        statuses[status] = statuses.get(status, 0) + 1
        stderr = done.stderr.decode("utf-8", "replace")
        problem = None
        if status < 0:
            problem = "killed by signal %d" % -status
        elif status not in DOCUMENTED:
            problem = "undocumented exit status %d" % status
        elif status != 0:
            lines = [line for line in stderr.split("\n") if line]
            if len(lines) != 1 or not lines[0].startswith("journal: "):
                problem = "a rejection that is not one 'journal: ...' line"
            elif common.event_count_and_head(db)[0] != before:
                problem = "a rejected call changed the event count"
        if problem:
            failures.append({"n": n, "argv": shown(words), "status": status,
                             "stderr": stderr[:300], "problem": problem})
    figures = {"seed": args.seed, "invocations": total, "exit statuses": dict(sorted(statuses.items())),
               "events at the end": common.event_count_and_head(db)[0], "failures": failures[:20], "failure count": len(failures),
               "seconds": round(time.time() - started, 1)}
    common.finish_fuzz("argv fuzzer: %d invocations" % total, figures, failures, work)

if __name__ == "__main__":
    main()
