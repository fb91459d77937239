#!/usr/bin/env bash
# Environment faults (issue 6, part 5): a --db that is not SQLite, another program's SQLite database, a journal of a
# newer schema, a write-protected journal, a journal in a folder that cannot be written, and a full disk. Each must
# give one clear line and the documented exit status, leave the file as it was (or, when full, intact and without the
# refused event), and the next command must work once the fault is gone.
#   bash Tools/reliability/faults.sh --binary PATH [--ci|--full]
# --full repeats the full-disk scenario at 40 disk sizes (CI: 4). The full disk is a small tmpfs, which needs root
# (mount); the read-only scenarios run the binary as nobody through setpriv when run as root. A scenario that cannot
# run here is reported as skipped, never as passed.
set -euo pipefail
binary="" rounds=4
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$(realpath "$2"); shift 2 ;;
        --ci) rounds=4; shift ;;
        --full) rounds=40; shift ;;
        *) echo "faults.sh: unknown option $1" >&2; exit 64 ;;
    esac
done
[ -x "$binary" ] || { echo "faults.sh: --binary PATH to a journal binary is required" >&2; exit 64; }
export TZ=UTC JOURNAL_NOW=2025-05-16T18:00
work=$(mktemp -d /tmp/journal-faults-XXXXXX)
small=""
cleanup() { [ -n "$small" ] && umount "$small" 2>/dev/null || true; chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); echo "  ok   $1"; }
fail() { failed=$((failed + 1)); echo "  FAIL $1" >&2; }
skip() { skipped=$((skipped + 1)); echo "  skip $1"; }

# expect NAME STATUS NEEDLE -- command...: the exit status, exactly one line on stderr, containing NEEDLE.
expect() {
    local name=$1 status=$2 needle=$3; shift 4
    local err rc=0
    err=$("$@" 2>&1 >/dev/null) || rc=$?
    if [ "$rc" = "$status" ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] && [[ "$err" == *"$needle"* ]]; then pass "$name"
    else fail "$name: exit $rc, stderr: $err"; fi
}
same() { if [ "$(sha256sum < "$2")" = "$3" ]; then pass "$1"; else fail "$1: the file changed"; fi; }
as_other() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }

echo "== files that are not journals"
printf 'not a database at all, just text\n' > "$work/text.txt"; before=$(sha256sum < "$work/text.txt")
expect "text file: refused, exit 66" 66 "is not a journal (not an SQLite database)" -- "$binary" sprint --db "$work/text.txt"
expect "text file: log refused too" 66 "is not a journal" -- "$binary" log activity x --db "$work/text.txt"
same "text file: untouched" "$work/text.txt" "$before"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table t(x)'); c.execute('insert into t values (1)'); c.commit()" "$work/other.db"
before=$(sha256sum < "$work/other.db")
expect "another program's database: refused, exit 66" 66 "an SQLite database of another program" -- "$binary" log activity x --db "$work/other.db"
same "another program's database: untouched" "$work/other.db" "$before"

echo "== a journal of a newer schema"
"$binary" demo --db "$work/newer.sqlite" >/dev/null
current=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('PRAGMA user_version').fetchone()[0]); c.close()" "$work/newer.sqlite")
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=99'); c.close()" "$work/newer.sqlite"
before=$(sha256sum < "$work/newer.sqlite")
expect "newer schema: refused, exit 66, names both versions" 66 "schema version 99, but this journal understands up to version" -- "$binary" sprint --db "$work/newer.sqlite"
same "newer schema: untouched" "$work/newer.sqlite" "$before"
# Back to the version it was written at (the schema this build writes), which it must read again.
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=' + sys.argv[2]); c.close()" "$work/newer.sqlite" "$current"
if "$binary" verify --db "$work/newer.sqlite" >/dev/null; then pass "newer schema: readable again once it is a version this build knows"; else fail "newer schema: not readable after"; fi

echo "== write-protected journal, and a journal in a folder that cannot be written"
if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null; then
    skip "read-only scenarios: running as root without setpriv"
else
    mkdir "$work/ro"; "$binary" demo --db "$work/ro/j.sqlite" >/dev/null
    count=$("$binary" verify --db "$work/ro/j.sqlite" | sed -n 's/^OK: \([0-9]*\).*/\1/p')
    chmod 755 "$work" && chmod 444 "$work/ro/j.sqlite" && chmod 777 "$work/ro"
    if as_other "$binary" sprint --db "$work/ro/j.sqlite" >/dev/null; then pass "write-protected file: read"; else fail "write-protected file: not read"; fi
    expect "write-protected file: log refused, exit 74" 74 "cannot write" -- as_other "$binary" log activity x --db "$work/ro/j.sqlite"
    chmod 644 "$work/ro/j.sqlite" && chmod 555 "$work/ro"
    if as_other "$binary" report 2025-Q2 --db "$work/ro/j.sqlite" >/dev/null && as_other "$binary" verify --db "$work/ro/j.sqlite" >/dev/null; then
        pass "read-only folder: read and verified"; else fail "read-only folder: not read"; fi
    expect "read-only folder: log refused, exit 74, names the permissions" 74 "folder's permissions" -- as_other "$binary" log activity x --db "$work/ro/j.sqlite"
    chmod 700 "$work/ro" "$work" && chmod 600 "$work/ro/j.sqlite"
    if "$binary" log activity "after the fault" --db "$work/ro/j.sqlite" >/dev/null \
        && [ "$("$binary" verify --db "$work/ro/j.sqlite" | sed -n 's/^OK: \([0-9]*\).*/\1/p')" = $((count + 1)) ]; then
        pass "read-only: writable again, the next log works and nothing else was recorded"; else fail "read-only: no recovery"; fi
fi

echo "== a full disk ($rounds sizes)"
small="$work/small"; mkdir "$small"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=256k tmpfs "$small" 2>/dev/null; then
    small=""; skip "full disk: cannot mount a small tmpfs here (needs root)"
else
    for i in $(seq 1 "$rounds"); do
        size=$((160 + i * (320 / rounds)))k   # 160k-480k: full within a few hundred logs
        mount -o remount,size=$size "$small"
        rm -f "$small"/j.sqlite*
        recorded=0
        "$binary" log partner "Sam" --db "$small/j.sqlite" >/dev/null 2>&1 && recorded=1
        full="" n=0
        while [ $n -lt 2000 ]; do
            n=$((n + 1))
            if ! err=$("$binary" log activity "a rather long activity text to fill the disk, number $n" --minutes 5 --db "$small/j.sqlite" 2>&1 >/dev/null); then
                full=$err; break
            fi
            recorded=$((recorded + 1))
        done
        count=$("$binary" verify --db "$small/j.sqlite" 2>/dev/null | sed -n 's/^OK: \([0-9]*\).*/\1/p') || count=""
        integrity=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$small/j.sqlite" 2>&1)
        mount -o remount,size=8m "$small"
        after=$("$binary" log activity "after the disk was freed" --minutes 5 --db "$small/j.sqlite" 2>&1) && ok_after=1 || ok_after=0
        count2=$("$binary" verify --db "$small/j.sqlite" 2>/dev/null | sed -n 's/^OK: \([0-9]*\).*/\1/p') || count2=""
        if [[ "$full" == *"is full; free some space and run the command again (nothing was recorded)"* ]] \
            && [ "$count" = "$recorded" ] && [ "$integrity" = ok ] && [ "$ok_after" = 1 ] && [ "$count2" = $((count + 1)) ]; then
            pass "full disk at $size: refused with one line; the $recorded events logged before it intact, the refused one absent; after freeing space the next log recorded event $count2"
        else
            fail "full disk at $size: stderr '$full', verify count '$count' (expected $recorded), integrity '$integrity', after '$after' ($count2)"
        fi
    done
fi

echo "faults harness: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
