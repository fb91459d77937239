"""TAB in bash, zsh and fish, driven without a terminal of ours, for the value fuzzer (value_fuzz.py): each shell loads
the script `journal --generate-completion-script SHELL` writes and completes every argument whose candidates come
from the journal (goal keys, milestone refs, direction keys). The shells run in a scratch folder; any command the
journal's data could make them run creates MARKER there (see value_story.HOSTILE_TEXTS), which the caller checks.

- bash: the script sourced, COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT set as for a TAB at the end of the line and
  the function it registers called (as Tests/JournalCLITests/CompletionTests.swift does);
- zsh and fish: an interactive shell on a pseudo-terminal (Python's pty), because zsh completes only inside its
  line editor and fish 3.6's `complete -C` does not pass the cursor the script sends (see fish()): the script
  loaded (zsh: compinit with it on fpath), Enter unbound so nothing typed is ever run, then each line typed with a
  TAB, a ^X bound to write a done mark (keys are read in order), and ^U to clear the line. What each shell offers
  is counted into a file (zsh: a compadd wrapper; fish: a wrapper of the script's completion function).
Python 3 standard library only.
"""

import os
import pty
import select
import shlex
import signal
import struct
import subprocess
import termios
import fcntl
import time

# Every argument that completes from the journal: the words after `journal`, the last being completed.
REQUESTS = [
    ["log", "done", ""], ["log", "milestone", ""], ["log", "progress", ""], ["log", "revise", ""],
    ["log", "complete", ""], ["log", "drop", ""], ["log", "activity", "Read", "--goal", ""], ["history", ""],
    ["events", "--goal", ""], ["log", "goal", "X", "--direction", ""], ["log", "revise", "k", "--direction", ""],
    ["log", "direction", "T", "--key", ""], ["history", "g"], ["log", "done", "g"],
]


def with_db(words, db):
    # --db right after the subcommand path, before the word being completed (the form CompletionTests uses).
    at = 2 if words[0] == "log" else 1
    return words[:at] + ["--db", db] + words[at:]


def scripts(binary, folder, env):
    """Writes the three completion scripts into `folder` (zsh's as _journal, for fpath)."""
    for shell, name in (("bash", "journal.bash"), ("fish", "journal.fish"), ("zsh", "_journal")):
        done = subprocess.run([binary, "--generate-completion-script", shell], capture_output=True, env=env, timeout=60)
        with open(os.path.join(folder, name), "wb") as f:
            f.write(done.stdout)


class Outcome:
    def __init__(self, shell, status, stdout, stderr, seconds, offered=None):
        self.shell, self.status, self.stdout, self.stderr, self.seconds = shell, status, stdout, stderr, seconds
        self.offered = offered


def _run(shell, argv, cwd, env, timeout):
    started = time.time()
    try:
        done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        return Outcome(shell, done.returncode, done.stdout.decode("utf-8", "replace"),
                       done.stderr.decode("utf-8", "replace"), time.time() - started)
    except subprocess.TimeoutExpired as e:
        return Outcome(shell, "timeout", (e.stdout or b"").decode("utf-8", "replace"),
                       (e.stderr or b"").decode("utf-8", "replace"), time.time() - started)


def bash(db, scripts_dir, cwd, env, timeout):
    lines = ["source %s" % shlex.quote(os.path.join(scripts_dir, "journal.bash")),
             'tab() { COMP_WORDS=(journal "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); '
             'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); '
             '_journal journal "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"; '
             'echo "offered ${#COMPREPLY[@]}"; }']
    lines += ["tab " + " ".join(shlex.quote(w) for w in with_db(r, db)) for r in REQUESTS]
    return _run("bash", ["bash", "--noprofile", "--norc", "-c", "\n".join(lines)], cwd, env, timeout)


def zsh(db, scripts_dir, cwd, env, timeout):
    hits = os.path.join(scripts_dir, "zsh-offered.txt")
    setup = [
        "PROMPT='' RPROMPT='' PS2=''; unsetopt beep; bindkey -e; LISTMAX=100000",
        "fpath=(%s $fpath); autoload -Uz compinit; compinit -u -D" % shlex.quote(scripts_dir),
        "zstyle ':completion:*' list-prompt ''; zstyle ':completion:*' select-prompt ''",
        # What zsh offers goes to a file; builtin calls that only fetch matches (-O/-A/-D) pass through.
        "compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"$@\"; return; fi; "
        "local -a __hits; builtin compadd -A __hits \"$@\"; print -r -- \"offered $#__hits\" >> %s; "
        "builtin compadd \"$@\"; }" % shlex.quote(hits),
        # ^X, typed after each TAB, marks the request done: keys are read in order, so its completion is over.
        "__fuzz_done() { print -r -- done >> %s }; zle -N __fuzz_done; bindkey '^X' __fuzz_done" % shlex.quote(hits),
        "bindkey '^I' complete-word; bindkey '^U' kill-whole-line",
        # From here on nothing typed is ever run: Enter does nothing.
        "bindkey '^M' undefined-key; bindkey '^J' undefined-key; print -r -- READY",
    ]
    return _terminal("zsh", ["zsh", "-f", "-i"], setup, hits, db, cwd, env, timeout)


def fish(db, scripts_dir, cwd, env, timeout):
    """fish on a pseudo-terminal too: `complete -C` is not what TAB does in fish 3.6 (`commandline -C`, which the
    script passes as the cursor, is empty there, so journal sees a malformed request and offers nothing)."""
    hits = os.path.join(scripts_dir, "fish-offered.txt")
    quoted = "'" + hits.replace("\\", "\\\\").replace("'", "\\'") + "'"
    script = os.path.join(scripts_dir, "journal.fish")
    setup = [
        "function fish_prompt; end; function fish_right_prompt; end; set -g fish_greeting ''",
        "source '%s'" % script.replace("\\", "\\\\").replace("'", "\\'"),
        # Count what journal offers (the script's own function, its lines passed on unchanged).
        "functions -c __journal_custom_completion __fuzz_journal_completion",
        "function __journal_custom_completion; set -l out (__fuzz_journal_completion $argv); "
        "echo offered (count $out) >> %s; printf '%%s\\n' $out; end" % quoted,
        "bind \\cx 'echo done >> %s'; bind \\cu kill-whole-line" % quoted,
        "bind \\r 'commandline -f repaint'; bind \\n 'commandline -f repaint'; echo READY",
    ]
    return _terminal("fish", ["fish", "--no-config", "-i"], setup, hits, db, cwd, env, timeout)


def _terminal(shell, argv, setup, hits, db, cwd, env, timeout):
    """Runs an interactive shell on a pseudo-terminal: the setup lines (the last prints READY and unbinds Enter),
    then each request typed, TAB, ^X (the done mark), ^U. Outcome.status is 0 when every request was marked done
    and the shell was still alive, else what went wrong."""
    started = time.time()
    open(hits, "w").close()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.chdir(cwd)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    screen = bytearray()
    status = 0

    def pump(until, deadline):
        while time.time() < deadline:
            if until():
                return True
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return until()
                if not chunk:
                    return until()
                screen.extend(chunk)
        return until()

    def done_marks():
        with open(hits, encoding="utf-8", errors="replace") as f:
            return f.read().count("done\n")

    try:
        deadline = time.time() + timeout
        for line in setup:
            os.write(fd, (line + "\r").encode())
            pump(lambda: False, time.time() + 0.05)
        if not pump(lambda: b"READY\r\n" in screen, deadline):
            status = "setup did not finish"
        else:
            for n, r in enumerate(REQUESTS, 1):
                words = with_db(r, db)
                typed = "journal " + " ".join(shlex.quote(w) for w in words[:-1]) + " " + words[-1]
                os.write(fd, typed.encode() + b"\t\x18")
                if not pump(lambda: done_marks() >= n, deadline):
                    status = "request %d (%s) did not finish" % (n, typed)
                    break
                os.write(fd, b"\x15")
            try:
                if os.waitpid(pid, os.WNOHANG)[0] != 0:
                    status = "%s exited during completion" % shell
            except ChildProcessError:
                status = "%s exited during completion" % shell
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    with open(hits, encoding="utf-8", errors="replace") as f:
        offered = f.read()
    text = screen.decode("utf-8", "replace")
    return Outcome(shell, status, offered, text[-2000:] if status else "", time.time() - started, offered)
