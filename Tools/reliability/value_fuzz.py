"""Value-level import fuzzer (issue 19): well-formed, hash-valid exports (value_story.py) whose payload values are
extreme or hostile, each imported into a fresh journal; every accepted journal is then read by every reading command
in every format it takes, for the quarters it holds and two extreme ones, under five time zones, and completed in
bash, zsh and fish (shell_completion.py).

Checked for every invocation: it ends within the timeout with a documented exit status (0, 64, 65, 66, 74, 75; 70 is
a bug and counts as a failure), never a signal, never a Swift fatal error; a refusal is one `journal: ...` line on
stderr; text, markdown and html output and every stderr hold no raw ESC, BEL, C1 control or U+202E; markdown holds
no raw `<img` and html no raw `<img`/`<script>` from the data; json and jsonl parse; an export re-imports whole. A
refused import must leave no events behind; an accepted one must hold every event and verify. The shells run in a
scratch folder where any command the data made them run would create MARKER: nothing may appear there.

    python3 value_fuzz.py --binary PATH [--ci|--full] [--seed S] [--count N] [--timeout SECONDS]

--ci: 30 files, each command in one format and the shells on every third file (CI's short mode, about 2 minutes
on 2 shared cores); default: 300 files; --full: 5,000 files, every format. Failing cases are kept in the scratch
folder (named at the end): failed/case-N.jsonl (the export) and failed/case-N.txt (each command, its zone, status
and stderr). Python 3 standard library only.
"""

import json
import os
import random
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import shell_completion  # noqa: E402
import value_story  # noqa: E402

DOCUMENTED = {0, 64, 65, 66, 74, 75}
FORMATS = {
    "sprint": ["text", "markdown", "json", "html"], "report": ["text", "markdown", "json", "html"],
    "history": ["text", "markdown", "json"], "insights": ["text", "markdown", "json"],
    "resume": ["text", "markdown", "json"], "share": ["markdown", "text", "json"],
    "events": ["text", "jsonl", "json"], "verify": ["text", "json"],
}
EXTREME_QUARTERS = ["1900-Q1", "9999-Q4"]
# What the data must never put raw into text meant for a terminal or a document.
RAW_CONTROLS = [chr(c) for c in [0x1B, 0x07] + list(range(0x80, 0xA0))] + ["\u202e"]


def arguments():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--ci", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--count", type=int)
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    args.count = args.count or (5_000 if args.full else 30 if args.ci else 300)
    args.binary = os.path.abspath(args.binary)           # every journal runs in the scratch folder
    return args


def why(stderr):
    """The Swift runtime's own words for a trap, to tell traps apart in the summary."""
    found = re.search(r"(?:Fatal error|Swift runtime failure): ([^\n*]{1,70})", stderr)
    return " (%s)" % found.group(1).strip() if found else ""


def passable(text):
    # exec cannot pass a NUL, nor an argument over 128 KiB.
    return "\x00" not in text and len(text.encode("utf-8", "surrogatepass")) < 131_000


def reading_commands(story, rng, every_format):
    """(argv, format) for each reading command: every format it takes, or one drawn per command (--ci)."""
    quarters = []
    for q in story.quarters:
        if isinstance(q, str) and q not in quarters and passable(q):
            quarters.append(q)
    quarters = quarters[:3] + EXTREME_QUARTERS
    keys = []
    for k in story.goal_keys:
        if isinstance(k, str) and k not in keys and passable(k):
            keys.append(k)
    keys = keys[:3]

    def formats(command):
        return FORMATS[command] if every_format else [rng.choice(FORMATS[command])]

    out = []
    for q in quarters if every_format else [rng.choice(quarters)]:
        out += [(["sprint", "--quarter", q, "--format", f], f) for f in formats("sprint")]
        out += [(["report", q, "--format", f], f) for f in formats("report")]
        out += [(["insights", "--quarter", q, "--format", f], f) for f in formats("insights")]
        out += [(["share", q, "--format", f], f) for f in formats("share")]
    out += [(["sprint", "--format", f], f) for f in formats("sprint")]
    out += [(["report", rng.choice(quarters), "--as-known-at", rng.choice(["0001-01-01", "9999-12-31", "2025-05-01"]),
              "--format", f], f) for f in formats("report")]
    for k in keys if every_format else keys[:1]:
        out += [(["history", k, "--format", f], f) for f in formats("history")]
        out += [(["history", k, "--as-of", rng.choice(["0001-01-01", "9999-12-31", "2025-05-01"])], "text")]
        out += [(["events", "--goal", k], "text")]
    out += [(["insights", "--calibration", "--format", f], f) for f in formats("insights")]
    out += [(["insights", "--since", "0001-01-01", "--until", "9999-12-31"], "text")]
    out += [(["resume", "--format", f], f) for f in formats("resume")]
    out += [(["resume", "--since", "0001-01-01"], "text")]
    out += [(["events", "--format", f], f) for f in formats("events")]
    out += [(["verify", "--format", f], f) for f in formats("verify")]
    out += [(["rebuild"], "text")]
    return out, quarters, keys


class Run:
    def __init__(self, args):
        self.args = args
        self.work = tempfile.mkdtemp(prefix="journal-value-fuzz-")
        self.cwd = os.path.join(self.work, "cwd")          # every journal and shell runs here: MARKER would appear here
        self.home = os.path.join(self.work, "home")
        self.scripts = os.path.join(self.work, "scripts")
        self.bin = os.path.join(self.work, "bin")
        self.failed = os.path.join(self.work, "failed")
        for d in (self.cwd, self.home, self.scripts, self.bin, self.failed):
            os.makedirs(d)
        os.symlink(os.path.abspath(args.binary), os.path.join(self.bin, "journal"))
        self.failures, self.kinds, self.outcomes, self.statuses = [], {}, {}, {}
        self.invocations, self.slowest = 0, (0.0, "")
        self.reasons, self.last_stderr = {}, ""
        self.case = None

    def env(self, zone="UTC"):
        env = common.journal_env()
        env.update({"TZ": zone, "HOME": self.home, "XDG_DATA_HOME": os.path.join(self.home, "data"),
                    "XDG_CONFIG_HOME": os.path.join(self.home, "config"), "TERM": "xterm-256color",
                    "PATH": self.bin + os.pathsep + env.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"})
        env.pop("NO_COLOR", None)
        return env

    def fail(self, kind, command, zone, status, stderr, export):
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        n, path = self.case
        record = {"case": n, "kind": kind, "command": command, "TZ": zone, "status": status, "stderr": stderr[:400]}
        self.failures.append(record)
        kept = os.path.join(self.failed, "case-%d.jsonl" % n)
        if not os.path.exists(kept):
            shutil.copy(path, kept)
        with open(os.path.join(self.failed, "case-%d.txt" % n), "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=True) + "\n")

    def journal(self, argv, db, zone, fmt=None, export=None):
        """Runs `journal ARGV --db DB` under TZ=zone and checks it; returns (status, stdout bytes)."""
        command = "TZ=%s journal %s --db %s" % (zone, " ".join(shlex.quote(a) for a in argv), db)
        self.invocations += 1
        started = time.time()
        try:
            done = subprocess.run([self.args.binary, *argv, "--db", db], cwd=self.cwd, env=self.env(zone),
                                  capture_output=True, timeout=self.args.timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            self.fail("timeout (%s s): %s" % (self.args.timeout, argv[0]), command, zone, "timeout", "", export)
            self.statuses["timeout"] = self.statuses.get("timeout", 0) + 1
            return None, b""
        seconds = time.time() - started
        if seconds > self.slowest[0]:
            self.slowest = (round(seconds, 2), command[:200])
        status = done.returncode
        self.statuses[str(status)] = self.statuses.get(str(status), 0) + 1
        stderr = done.stderr.decode("utf-8", "replace")
        self.last_stderr = stderr.strip()
        name = argv[0]
        if status < 0:
            self.fail("signal %d: %s%s" % (-status, name, why(stderr)), command, zone, status, stderr, export)
        elif status == 70:
            self.fail("exit 70 (internal error): %s" % name, command, zone, status, stderr, export)
        elif status not in DOCUMENTED:
            self.fail("undocumented exit %d: %s" % (status, name), command, zone, status, stderr, export)
        elif any(s in stderr for s in ("Fatal error", "Backtrace", "Stack dump", "Program crashed")):
            self.fail("fatal error on stderr: %s" % name, command, zone, status, stderr, export)
        lines = [l for l in stderr.split("\n") if l]
        if status > 0 and not (len(lines) == 1 and lines[0].startswith("journal: ")):
            self.fail("refusal not one 'journal:' line: %s" % name, command, zone, status, stderr, export)
        if any(c in stderr for c in RAW_CONTROLS):
            self.fail("raw control character on stderr: %s" % name, command, zone, status, stderr, export)
        if status == 0 and fmt:
            self.check_output(name, fmt, done.stdout, command, zone, export)
        return status, done.stdout

    def check_output(self, name, fmt, stdout, command, zone, export):
        text = stdout.decode("utf-8", "replace")
        where = "%s --format %s" % (name, fmt)
        if fmt in ("text", "markdown", "html"):
            found = sorted({"U+%04X" % ord(c) for c in RAW_CONTROLS if c in text})
            if found:
                self.fail("raw control character in output: %s" % where, command, zone, 0, " ".join(found), export)
        if fmt == "markdown" and "<img" in text:
            self.fail("raw <img in markdown: %s" % name, command, zone, 0, "", export)
        if fmt == "html" and ("<img src=x" in text or "<script>alert" in text or "<svg onload" in text):
            self.fail("raw markup from the data in html: %s" % name, command, zone, 0, "", export)
        if fmt in ("json", "jsonl"):
            try:
                if fmt == "json":
                    json.loads(text)
                else:
                    for line in text.split("\n"):      # not splitlines(): U+2028 and U+0085 may be in a line
                        if line:
                            json.loads(line)
            except ValueError as e:
                self.fail("output is not valid %s: %s" % (fmt, where), command, zone, 0, str(e)[:200], export)

    def fresh(self, name):
        db = os.path.join(self.work, name)
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        return db

    def count_events(self, db):
        try:
            return common.event_count_and_head(db)[0]
        except sqlite3.Error as e:
            return "unreadable (%s)" % e

    def one(self, n, rng):
        args = self.args
        zone = value_story.ZONES[n % len(value_story.ZONES)]
        # Three files in four hold only values that decode (they should be accepted and read); the rest may
        # hold values the import must refuse.
        # Half the files hold only hostile values the event rules admit (they must be accepted, and then read);
        # the others also values that decode but break a rule, or do not decode (they must be refused whole).
        admissible = rng.random() < 0.5
        strict = admissible or rng.random() < 0.5
        story = value_story.Story(rng, rng.choice([0.05, 0.2, 0.2, 0.5]), zone, strict, admissible).build()
        path = os.path.join(self.work, "case.jsonl")
        events = value_story.write(path, story.events)
        self.case = (n, path)
        db = self.fresh("j.sqlite")
        status, _ = self.journal(["import", path], db, zone)
        if status != 0:
            reason = re.sub(r"\d+", "N", self.last_stderr.replace(path, "FILE"))[:90]
            self.reasons[reason] = self.reasons.get(reason, 0) + 1
            left = self.count_events(db) if os.path.exists(db) else None
            if admissible:
                # The story kept to what the rules admit: a refusal means the rules and the model disagree.
                self.fail("admissible file refused", "journal import", zone, status, self.last_stderr[:300], path)
            outcome = "%s: refused %s, %s" % ("admissible" if admissible else "strict" if strict else "loose", status,
                                              "no file" if left is None else "file left with %s events" % left)
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
            if left not in (None, 0):
                self.fail("refused import left events", "journal import", zone, status, str(left), path)
            return
        held = self.count_events(db)
        outcome = "%s: accepted" % ("admissible" if admissible else "strict" if strict else "loose")
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        if held != events:
            self.fail("accepted import holds %s of %d events" % (held, events), "journal import", zone, 0, "", path)
        every_format = not args.ci
        commands, quarters, keys = reading_commands(story, rng, every_format)
        for argv, fmt in commands:
            self.journal(argv, db, zone, fmt)
        self.check_folder("the reading commands", zone)
        # The other zones: the text views that turn instants into local days.
        others = [z for z in value_story.ZONES if z != zone]
        for other in others if every_format else [rng.choice(others)]:
            for argv in (["sprint", "--quarter", quarters[0]], ["report", quarters[0]], ["insights"], ["events"],
                         ["resume"], *([["history", keys[0]]] if keys else [])):
                self.journal(argv, db, other, "text")
        # export must give a file that imports whole into another fresh journal.
        status, exported = self.journal(["export"], db, zone)
        if status == 0:
            again = os.path.join(self.work, "again.jsonl")
            with open(again, "wb") as f:
                f.write(exported)
            copy = self.fresh("again.sqlite")
            status, _ = self.journal(["import", again], copy, zone)
            if status != 0 or self.count_events(copy) != events:
                self.fail("export does not re-import whole", "journal export | journal import", zone, status, "", path)
        self.completions(n, db, zone, rng)

    def check_folder(self, step, zone):
        """Nothing may appear in the scratch folder the journal and the shells run in: MARKER there means a
        command from the data was run (during `step`)."""
        left = os.listdir(self.cwd)
        if left:
            self.fail("%s appeared in the working folder after %s" % ("MARKER" if "MARKER" in left else "a file", step),
                      step, zone, 0, " ".join(repr(x) for x in left[:10]), None)
            for name in left:
                target = os.path.join(self.cwd, name)
                (shutil.rmtree if os.path.isdir(target) else os.remove)(target)

    def completions(self, n, db, zone, rng):
        # What the scripts send: every request straight to journal (its exit status), then the real shells.
        for words in shell_completion.REQUESTS:
            typed = shell_completion.with_db(words, db)
            path = typed[:2] if typed[0] == "log" else typed[:1]
            argument = {"--goal": "--goal", "--direction": "--direction", "--key": "--key"}.get(typed[-2], "positional@0")
            request = ["---completion", *path, "--", argument, str(len(typed)), str(len(typed[-1])), "journal", *typed]
            status, _ = self.journal_raw(request, zone)
        self.check_folder("the completion requests", zone)
        shells = [shell_completion.bash]
        if not self.args.ci or n % 3 == 0:
            shells += [shell_completion.zsh, shell_completion.fish]
        for shell in shells:
            saved = shell_completion.REQUESTS
            if shell is not shell_completion.bash:
                shell_completion.REQUESTS = rng.sample(saved, 3)     # an interactive shell costs ~0.5 s a request
            try:
                outcome = shell(db, self.scripts, self.cwd, self.env(zone), self.args.timeout * 3)
            finally:
                shell_completion.REQUESTS = saved
            self.invocations += 1
            self.check_folder("%s completion" % outcome.shell, zone)
            key = "%s completion" % outcome.shell
            self.statuses[key] = self.statuses.get(key, 0) + 1
            if outcome.status != 0:
                self.fail("%s completion: %s" % (outcome.shell, str(outcome.status).split(" (")[0]), key, zone,
                          outcome.status, outcome.stderr, None)
            elif outcome.shell != "zsh" and outcome.stderr.strip():
                self.fail("%s completion wrote to stderr" % outcome.shell, key, zone, 0, outcome.stderr, None)

    def journal_raw(self, argv, zone):
        """A completion request: argv as the script builds it (its --db is among the words)."""
        self.invocations += 1
        command = "TZ=%s journal %s" % (zone, " ".join(shlex.quote(a) for a in argv))
        try:
            done = subprocess.run([self.args.binary, *argv], cwd=self.cwd, env=self.env(zone), capture_output=True,
                                  timeout=self.args.timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            self.fail("timeout: ---completion", command, zone, "timeout", "", None)
            return None, b""
        stderr = done.stderr.decode("utf-8", "replace")
        self.statuses["completion " + str(done.returncode)] = self.statuses.get("completion " + str(done.returncode), 0) + 1
        if done.returncode != 0 or stderr:
            self.fail("---completion exit %d or stderr" % done.returncode, command, zone, done.returncode, stderr, None)
        return done.returncode, done.stdout


def main():
    args = arguments()
    run = Run(args)
    rng = random.Random(args.seed)
    shell_completion.scripts(args.binary, run.scripts, run.env())
    for shell in ("bash", "zsh", "fish"):
        if shutil.which(shell) is None:
            print("value fuzzer: %s is not installed (apt-get install %s)" % (shell, shell), file=sys.stderr)
            sys.exit(66)
    print("value fuzzer: seed %d, %d files, timeout %s s, scratch %s" % (args.seed, args.count, args.timeout, run.work),
          flush=True)
    started = time.time()
    for n in range(args.count):
        run.one(n, random.Random(rng.getrandbits(64)))
        if (n + 1) % 50 == 0:
            print("  %d files, %d invocations, %d failures, %d s" % (n + 1, run.invocations, len(run.failures),
                                                                     time.time() - started), flush=True)
    examples = {}
    for f in run.failures:
        examples.setdefault(f["kind"], f)
    figures = {"seed": args.seed, "files": args.count, "invocations": run.invocations,
               "imports": dict(sorted(run.outcomes.items())),
               "refusals": dict(sorted(run.reasons.items(), key=lambda kv: -kv[1])[:15]), "exit statuses": dict(sorted(run.statuses.items())),
               "failure kinds": dict(sorted(run.kinds.items(), key=lambda kv: -kv[1])),
               "first of each kind": list(examples.values()), "slowest": run.slowest,
               "seconds": round(time.time() - started, 1)}
    common.finish_fuzz("value fuzzer: %d files, %d invocations" % (args.count, run.invocations), figures,
                       run.failures, run.work)


if __name__ == "__main__":
    main()
