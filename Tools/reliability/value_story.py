"""The value fuzzer's exports (value_fuzz.py): small journal stories, chained and hashed as `journal export` writes
them, whose payload values, times, keys, texts and stream names are often extreme or hostile. Python 3 standard
library only; hashing is common.chain_hash (HashChain.swift's canonical bytes).
"""

import json
import os
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

ZONES = ["UTC", "Pacific/Tongatapu", "Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu"]
MARKER = "MARKER"

# --------------------------------------------------------------------------------------------------------------
# The hostile corpus. Each string is what a key or a text field may hold; the marker is relative, so a shell that
# runs any of it creates MARKER in its working directory, which the fuzzer watches.

HOSTILE_TEXTS = [
    "\x1b]0;pwned\x07\x1b[2J", "\x1b[31mred\x1b[0m", "\x1b[6n", "\x1bP+q\x1b\\", "bell\x07", "del\x7f",
    "\u0085\u009b31m\u009d0;x\u009c", "\u0090c1\u009c", "\x00nul", "cr\rover", "tab\tin", "line\nbreak", "a\r\nb",
    "\u202eevil\u202c", "\u2066\u2067\u2068\u2069", "\u200f\u200e", "\u061c", "\u200b", "\u200d", "\ufeff", "\u2060",
    "\u2028\u2029", "e" + "\u0301" * 400, "\u0301", "\U0001F469\u200d\U0001F4BB", "\U0001D54F",
    "$(touch${IFS}MARKER)", "`touch MARKER`", "; touch MARKER", "| touch MARKER", "&& touch MARKER", "x' ; touch MARKER ; '",
    "\"; touch MARKER; \"", "$((1+1))", "${PATH}", "$IFS", "!!", "*", "~", "\\", "\\\\n", "'", "\"", "a:b", "a\\:b",
    "--db", "-h", "-", "--", "%s%n%x%d", "{0}", "\\u0000",
    "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "</style><b>x</b>", "]]>", "&amp;&lt;", "<!--",
    "\"><svg onload=alert(1)>", "javascript:alert(1)",
    "| a | b |", "**bold**", "[x](javascript:alert(1))", "# heading", "\n# heading", "```", "> quote", "- [ ] task",
    "", " ", "   \t ", "x" * 10_000, "\u00e9" * 5_000, "y" * 120_000,
]

HOSTILE_KEYS = HOSTILE_TEXTS[:60] + ["AWS", "a/b", "a b", "aws/1", "../..", "/etc/passwd", "goal-x", "-x", "x-", "a" * 300,
                                     "\u00e9t\u00e9", "0", "1", "NaN"]

# Values beyond the types, the calendar or the supported years (1900-9999 today; years 1-1899 are among them), which
# an import must refuse (a file gets them only when it is not `strict`); the other lists hold values that decode,
# however extreme, and so reach the reading commands.
# Raw JSON number texts: JSON's own limits as well as Int64's and Double's.
HOSTILE_NUMBERS = ["0", "-0", "-1", "1e-300", "-1e300", "1e308", "-1e308", "1.7976931348623157e308", "5e-324",
                   "9223372036854775807", "-9223372036854775808", "9223372036854775808", "9007199254740993", "0.1",
                   "1E2", "0e10", "100000000000000000000000000000", "2.5", "1e15", "999999999999999.9"]
INVALID_NUMBERS = ["1e309", "-1e309", "1e999999"]
HOSTILE_INTS = ["0", "-1", "1", "13", "14", "100", "101", "9223372036854775807", "-9223372036854775808",
                "9007199254740993", "2147483648", "-0"]
INVALID_INTS = ["9223372036854775808", "1e3", "1.5", "-9223372036854775809"]
HOSTILE_WEEKS = ["[0,0]", "[13,1]", "[1,9999]", "[-1,-1]", "[1,13]", "[14,14]", "[9223372036854775807,9223372036854775807]",
                 "[-9223372036854775808,9223372036854775807]", "[13,13]", "[7,1]"]
INVALID_WEEKS = ["[1]", "[]", "[1,2,3]", "[1.5,2]"]
HOSTILE_DATES = ["1900-01-01", "9999-12-31", "2024-02-29", "1970-01-01", "2038-01-19"]
INVALID_DATES = ["0001-01-01", "1899-12-31", "0000-01-01", "10000-01-01", "2025-02-29", "2025-13-01", "-0001-01-01", "2025-W15", "today", ""]
HOSTILE_QUARTERS = ["1900-Q1", "9999-Q4", "1970-Q1", "2038-Q1"]
INVALID_QUARTERS = ["0001-Q1", "1899-Q4", "0000-Q1", "10000-Q1", "2025-Q0", "2025-Q5", "-001-Q1", "Q2-2025", "2025-q2", ""]
HOSTILE_YEARS = ["0001", "1899", "1900", "9999", "0000", "10000", "2028", "", "2028-02-30", "-1"]
# Local wall times, typed in one of ZONES: the edges of the supported range and a DST gap.
WALL_TIMES = [(1, 1, 1, 0, 0, 0, 0), (1899, 12, 31, 23, 59, 59, 999), (1900, 1, 1, 0, 0, 0, 0),
              (9999, 12, 31, 23, 59, 59, 999), (1970, 1, 1, 0, 0, 0, 0), (2038, 1, 19, 3, 14, 7, 0),
              (2025, 3, 9, 2, 30, 0, 0), (2024, 2, 29, 12, 0, 0, 0), (2025, 4, 10, 9, 30, 0, 0)]
RAW_INSTANTS = ["9999-12-31T23:59:59.999Z", "1900-01-01T00:00:00.000Z", "2025-04-10T09:30:00Z", "2025-04-10T09:30:00.000+14:00",
                "2025-04-10T09:30:00.000-12:00", "1900-01-01T00:00:00.000-12:00", "9999-12-31T23:59:59.999+14:00"]
INVALID_INSTANTS = ["0001-01-01T00:00:00.000Z", "1899-12-31T23:59:59.999Z",
                    "0001-01-01T00:00:00.000+14:00", "0000-01-01T00:00:00.000Z", "10000-01-01T00:00:00.000Z", "2025-02-30T00:00:00.000Z",
                    "2025-04-10T24:00:00.000Z", "2025-04-10T09:30:00.000", ""]
BLOCKERS = ["overcommitting", "too-many-goals", "lost-interest", "wrong-goal", "other"]


# The hostile values the journal's event rules admit (issue 19: an import takes only what a command could have
# recorded): an `admissible` story draws from these alone, so its file is accepted and every reading command, format
# and shell then meets text, keys, numbers, dates and times at the edges of what the log can hold.
import unicodedata  # noqa: E402


def _admissible_text(text):
    if not text or len(text) > 200 or len(text.encode("utf-8", "surrogatepass")) > 800:
        return False
    if text != text.strip():
        return False
    for c in text:
        o = ord(c)
        if o < 0x20 or 0x7F <= o <= 0x9F or c in "\u2028\u2029" or 0x202A <= o <= 0x202E or 0x2066 <= o <= 0x2069:
            return False
    visible = [c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me", "Mc", "Cn", "Cs", "Co")]
    return bool(visible)


ADMISSIBLE_TEXTS = [t for t in HOSTILE_TEXTS if _admissible_text(t)] + [
    "Read\u200btxt.exe", "x\u200f\u200ey", "a\u061cb", "\u00e9" * 200, "e" + "\u0301" * 199, "\U0001F469\u200d\U0001F4BB x",
    "\U0001D54F" * 200, "<b onmouseover=alert(1)>hover</b>", "'; DROP TABLE events; --", "$HOME/`id`",
]
ADMISSIBLE_KEYS = ["0", "1", "a" * 32, "x-y", "9-9", "goal-x", "aws", "z0-0z"]
ADMISSIBLE_NUMBERS = ["1e-300", "5e-324", "1e12", "999999999999.9", "0.1", "2.5", "1E2", "1"]
ADMISSIBLE_INTS = ["1", "100"]
ADMISSIBLE_WEEKS = ["[1,13]", "[13,13]", "[1,1]", "[7,8]"]
ADMISSIBLE_DATES = ["1900-01-01", "9999-12-31", "2024-02-29", "1970-01-01", "2038-01-19"]
ADMISSIBLE_QUARTERS = HOSTILE_QUARTERS
ADMISSIBLE_YEARS = ["1900", "9999", "2028", "2028-02-29", "9999-12-31"]


class Raw(str):
    """JSON text written as it is (a number beyond Double, a week span of the wrong length)."""


def encode(value):
    """The payload's JSON as the journal writes it (compact, keys sorted, UTF-8), with Raw values verbatim."""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + encode(value[k]) for k in sorted(value)) + "}"
    if isinstance(value, list):
        return "[" + ",".join(encode(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


# --------------------------------------------------------------------------------------------------------------
# Calendar arithmetic beyond datetime's years 1-9999 (a wall time in year 1 east of UTC is in year 0).

def days_from_civil(y, m, d):
    y -= m <= 2
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def civil_from_days(z):
    z += 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (m <= 2), m, d


FIRST_MS = days_from_civil(1900, 1, 1) * 86_400_000
# The instants the log holds: 1900-01-02T00:00:00.000Z to 9999-12-30T23:59:59.999Z.
ADMISSIBLE_FIRST_MS = days_from_civil(1900, 1, 2) * 86_400_000
ADMISSIBLE_LAST_MS = days_from_civil(9999, 12, 31) * 86_400_000 - 1
LAST_MS = days_from_civil(10000, 1, 1) * 86_400_000 - 1


def year_text(y):
    return "%04d" % y if y >= 0 else "-%04d" % -y


def instant_text(ms, offset_seconds=0):
    """The stored form (offset 0) or an ISO time with the offset, for milliseconds since 1970 (UTC)."""
    local = ms + offset_seconds * 1000
    days, rest = divmod(local, 86_400_000)
    y, m, d = civil_from_days(days)
    text = "%s-%02d-%02dT%02d:%02d:%02d.%03d" % (year_text(y), m, d, rest // 3_600_000, rest // 60_000 % 60,
                                               rest // 1000 % 60, rest % 1000)
    if offset_seconds == 0:
        return text + "Z"
    minutes = abs(offset_seconds) // 60
    return text + ("-" if offset_seconds < 0 else "+") + "%02d:%02d" % (minutes // 60, minutes % 60)


def typed_in(wall, zone):
    """(ms since 1970, the zone's offset in whole minutes) of a wall time typed in a zone, as the journal reads
    `--on`/now: the zone's offset at that wall time (zoneinfo's, LMT included, rounded to minutes)."""
    y, mo, d, h, mi, s, ms = wall
    offset = datetime(y, mo, d, h, mi, s, tzinfo=ZoneInfo(zone)).utcoffset() or timedelta(0)
    offset_seconds = int(round(offset.total_seconds() / 60.0)) * 60
    local_ms = (days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000 + ms
    return local_ms - offset_seconds * 1000, offset_seconds


# --------------------------------------------------------------------------------------------------------------
# A story: ordinary events, each value replaced by a hostile one with the file's probability.

class Story:
    def __init__(self, rng, hostility, zone, strict, admissible=False):
        """hostility: the chance that a value is hostile; strict: only values that decode, else sometimes values
        it must refuse; admissible: only hostile values the event rules accept (the journal must accept the file)."""
        self.rng, self.p, self.zone, self.strict, self.admissible = rng, hostility, zone, strict or admissible, admissible
        self.events = []           # [event_id, stream, type, schema, payload dict, occurredAt, recordedAt]
        self.goal_keys, self.quarters, self.texts = [], [], []
        wall = rng.choice(WALL_TIMES) if rng.random() < self.p else (2025, 4, rng.randint(1, 9), 9, 0, 0, 0)
        self.clock, self.offset = typed_in(wall, zone)

    def hostile(self):
        return self.rng.random() < self.p

    def text(self, ordinary):
        return self.rng.choice(ADMISSIBLE_TEXTS if self.admissible else HOSTILE_TEXTS) if self.hostile() else ordinary

    def key(self, ordinary):
        return self.rng.choice(ADMISSIBLE_KEYS if self.admissible else HOSTILE_KEYS) if self.hostile() else ordinary

    def pick(self, ordinary, hostile, invalid, admissible=None):
        if not self.hostile():
            return ordinary
        if self.admissible:
            return self.rng.choice(admissible) if admissible else ordinary
        return self.rng.choice(invalid if not self.strict and self.rng.random() < 0.3 else hostile)

    def number(self, ordinary):
        return Raw(self.pick(str(ordinary), HOSTILE_NUMBERS, INVALID_NUMBERS, ADMISSIBLE_NUMBERS))

    def int(self, ordinary):
        return Raw(self.pick(str(ordinary), HOSTILE_INTS, INVALID_INTS, ADMISSIBLE_INTS))

    def date(self, ordinary):
        return self.pick(ordinary, HOSTILE_DATES, INVALID_DATES, ADMISSIBLE_DATES)

    def quarter(self, ordinary):
        return self.pick(ordinary, HOSTILE_QUARTERS, INVALID_QUARTERS, ADMISSIBLE_QUARTERS)

    def weeks(self, ordinary):
        return Raw(self.pick(encode(ordinary), HOSTILE_WEEKS, INVALID_WEEKS, ADMISSIBLE_WEEKS))

    def times(self):
        """occurredAt and recordedAt: mostly moving forward from the story's start, sometimes an edge of the range
        typed in the story's zone, a raw edge, an offset form, or recordedAt going backwards."""
        rng = self.rng
        self.clock = self.clamp(self.clock + rng.randint(1, 3 * 86_400) * 1000)
        if self.admissible:
            # Recorded in order (what each event builds on is recorded before it), at the range's edges at times.
            occurred_ms = self.clock
            if self.hostile():
                occurred_ms = rng.choice([ADMISSIBLE_FIRST_MS, ADMISSIBLE_LAST_MS, ADMISSIBLE_FIRST_MS + 1, self.clock - 86_400_000 * 400])
                occurred_ms = min(max(occurred_ms, ADMISSIBLE_FIRST_MS), ADMISSIBLE_LAST_MS)
            return instant_text(occurred_ms), instant_text(self.clock)
        occurred_ms, offset = self.clock, 0
        if self.hostile():
            pick = rng.random()
            if pick < 0.4:
                occurred_ms, offset = typed_in(rng.choice(WALL_TIMES), self.zone)
            elif pick < 0.7:
                raw = self.pick(None, RAW_INSTANTS, INVALID_INSTANTS) or rng.choice(RAW_INSTANTS)
                return raw, rng.choice([raw, instant_text(self.clock)])
        occurred_ms = self.clamp(occurred_ms)
        if self.strict and not FIRST_MS <= occurred_ms + offset * 1000 <= LAST_MS:
            offset = 0                                    # its local wall time would be outside the years too
        occurred = instant_text(occurred_ms, offset if rng.random() < 0.3 else 0)
        recorded_ms = occurred_ms
        if self.hostile():
            recorded_ms = rng.choice([occurred_ms - 86_400_000 * rng.randint(1, 4000), self.clock - 10 ** 12,
                                      FIRST_MS])
        return occurred, instant_text(self.clamp(recorded_ms))

    def clamp(self, ms):
        # The journal supports the years 1900-9999 (LocalDate.supportedYears); a wall time at an edge of years
        # 1-9999, typed east or west of UTC, may fall in year 0 or 10000. Strict files keep to the supported range
        # (its edges included), the others keep the instant as it falls.
        if self.admissible:
            return min(max(ms, ADMISSIBLE_FIRST_MS), ADMISSIBLE_LAST_MS - 10 * 86_400_000)
        return min(max(ms, FIRST_MS), LAST_MS) if self.strict else ms

    def add(self, stream, kind, payload, schema=1):
        occurred, recorded = self.times()
        if self.admissible and kind == "activity-logged":
            stream = "activities-" + occurred[:10]        # its own local day (UTC here)
        if not self.admissible and self.hostile() and self.rng.random() < 0.3:
            # A stream that disagrees with the payload: a goal event in the partner stream, and so on.
            stream = self.rng.choice(["partner", "goal-other", "review-2025-Q2", "activities-2025-04-01",
                                      "direction-x", self.rng.choice(HOSTILE_KEYS)])
            if self.strict and not 1 <= len(stream.encode("utf-8")) <= 200:   # the store's limit on stream names
                stream = "partner"
        if kind == "activity-logged" and not self.admissible and self.hostile() and self.rng.random() < 0.3:
            schema = 1
            payload.pop("tags", None)
        event_id = common.new_id(self.rng)
        self.events.append([event_id, stream, kind, schema, payload, occurred, recorded])
        return event_id

    def goal(self, n, direction):
        rng = self.rng
        key = self.key("goal%d" % n)
        if self.admissible and key in self.goal_keys:
            key = "goal%d" % n
        if not self.admissible and self.goal_keys and rng.random() < self.p * 0.3:
            key = rng.choice(self.goal_keys)              # a second goal-set for one key
        quarter = self.quarter(rng.choice(["2025-Q2", "2025-Q2", "2025-Q1", "2024-Q4"]))
        payload = {"key": key, "title": self.text("Goal %d" % n), "quarter": quarter}
        optional = {"metric": lambda: self.text("A metric"), "target": lambda: self.number(rng.randint(1, 50)),
                    "unit": lambda: self.text("people"), "due": lambda: self.date("2025-06-%02d" % rng.randint(1, 30)),
                    "direction": lambda: direction, "confidence": lambda: self.int(rng.randint(0, 100)),
                    "forced": lambda: rng.choice([True, False])}
        for field, make in optional.items():
            if rng.random() < 0.5:
                payload[field] = make()
        if self.admissible and "unit" in payload and "target" not in payload:
            del payload["unit"]                           # a unit needs a target
        self.add("goal-" + key, "goal-set", payload)
        self.goal_keys.append(key)
        self.quarters.append(quarter)
        numbers = []
        for m in range(1, rng.randint(0, 3) + 1):
            number = self.int(m)
            if self.admissible and str(number) in map(str, numbers):
                number = Raw(str(max(int(str(x)) for x in numbers) + 1))
            if not self.admissible and numbers and rng.random() < self.p * 0.3:
                number = rng.choice(numbers)              # a reused milestone number
            numbers.append(number)
            milestone = {"goal": key, "number": number, "title": self.text("Milestone %d" % m)}
            if rng.random() < 0.7:
                week = rng.randint(1, 13)
                milestone["weeks"] = self.weeks([week, min(13, week + 2)])
            if rng.random() < 0.3:
                milestone["due"] = self.date("2025-05-%02d" % rng.randint(1, 31))
            self.add("goal-" + key, "milestone-planned", milestone)
        return key, numbers

    def build(self):
        rng = self.rng
        direction = self.key("lead")
        self.add("direction-" + direction, "direction-set",
                 dict({"key": direction, "title": self.text("Lead data engineering")},
                      **({"by": rng.choice(ADMISSIBLE_YEARS if self.admissible else HOSTILE_YEARS) if self.hostile() else "2028"}
                         if rng.random() < 0.7 else {})))
        if rng.random() < 0.7:
            self.add("partner", "partner-named", {"name": self.text("Sam Rivera")})
        goals = [self.goal(n, direction) for n in range(1, rng.randint(1, 3) + 1)]
        for _ in range(rng.randint(2, 6)):
            key, numbers = rng.choice(goals)
            text = self.text("Worked on it")
            self.texts.append(text)
            payload = {"text": text}
            if rng.random() < 0.8:
                payload["goal"] = key
            if numbers and rng.random() < 0.5 and (not self.admissible or "goal" in payload):
                payload["milestone"] = self.int(rng.choice(numbers))
            if rng.random() < 0.8:
                payload["minutes"] = self.int(rng.randint(5, 180))
            if rng.random() < 0.4:
                payload["tags"] = [self.key("deep-work") for _ in range(rng.randint(1, 3))]
                if self.admissible:
                    payload["tags"] = list(dict.fromkeys(payload["tags"]))   # each tag once
            self.add("activities-" + self.events[-1][5][:10], "activity-logged", payload, schema=2)
        for key, numbers in goals:
            if rng.random() < 0.6:
                progress = {"goal": key}
                progress[rng.choice(["amount", "value"])] = self.number(rng.randint(1, 10))
                if rng.random() < 0.5:
                    progress["note"] = self.text("A note")
                self.add("goal-" + key, "progress-measured", progress)
            if numbers and rng.random() < 0.3:
                # Issue 13: a milestone retitled or rescheduled (weeks of a quarter, or a due date), before it is done.
                number = rng.choice(numbers) if self.admissible else self.int(rng.choice(numbers))
                revision = {"goal": key, "number": number, "reason": self.text("Rescheduled")}
                if rng.random() < 0.5:
                    revision["title"] = {"from": self.text("Milestone"), "to": self.text("Milestone, renamed")}
                if "title" not in revision or rng.random() < 0.5:
                    week = rng.randint(1, 13)
                    to = ({"quarter": self.quarter("2025-Q3"), "weeks": self.weeks([week, min(13, week + 1)])}
                          if rng.random() < 0.6 else {"due": self.date("2025-08-%02d" % rng.randint(1, 31))})
                    revision["schedule"] = {"to": to}
                self.add("goal-" + key, "milestone-revised", revision)
            if numbers and rng.random() < 0.6:
                done = rng.choice(numbers) if self.admissible else self.int(rng.choice(numbers))   # a planned one
                self.add("goal-" + key, "milestone-done", {"goal": key, "number": done})
            if rng.random() < 0.4:
                field = rng.choice(["title", "metric", "target", "unit", "due", "quarter", "direction"])
                ordinary = {"target": 20, "due": "2025-06-30", "quarter": "2025-Q3"}.get(field, "New " + field)
                value = {"target": self.number, "due": self.date, "quarter": self.quarter}.get(field, self.text)(ordinary)
                if self.admissible and field == "direction":
                    value = direction
                self.add("goal-" + key, "goal-revised",
                         {"goal": key, "changes": [{"field": field, "to": value}], "reason": self.text("Replanned")})
                if field == "quarter" and isinstance(value, str):
                    self.quarters.append(value)
            end = rng.random()
            if end < 0.3:
                self.add("goal-" + key, "goal-completed", {"goal": key, "outcome": self.text("Done it")})
            elif end < 0.5:
                self.add("goal-" + key, "goal-dropped", {"goal": key, "reason": self.text("No time")})
        if rng.random() < 0.5:
            quarter = self.quarter(self.quarters[0] if self.quarters else "2025-Q2")
            self.quarters.append(quarter)
            self.add("review-" + quarter, "review-recorded",
                     {"quarter": quarter, "planned": self.text("Plan"), "accomplished": self.text("Did"),
                      "obstacles": self.text("Obstacles"), "learned": self.text("Learned"), "next": self.text("Next"),
                      "blockers": [rng.choice(BLOCKERS) if self.strict else self.key(rng.choice(BLOCKERS))
                                   for _ in range(rng.randint(0, 2))]})
        if rng.random() < 0.4:
            target = rng.choice(self.events)
            if self.admissible:
                if target[2] != "event-retracted":
                    self.add(target[1], "event-retracted", {"target": target[0], "targetType": target[2],
                                                           "reason": self.text("Logged by mistake")})
                return self
            target_id = common.new_id(rng) if self.hostile() else target[0]
            self.add(target[1], "event-retracted", {"target": target_id, "targetType": self.text(target[2]),
                                                   "reason": self.text("Logged by mistake")})
        return self


def write(path, events):
    """Writes the events as `journal export` does: positions and stream versions in order, each line's hash
    chained from the previous (common.chain_hash), the head line last. Returns the number of events."""
    previous = common.GENESIS
    versions = {}
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as out:
        for position, (event_id, stream, kind, schema, payload, occurred, recorded) in enumerate(events, 1):
            versions[stream] = versions.get(stream, 0) + 1
            payload_text = encode(payload)
            fields = [str(position), event_id, stream, str(versions[stream]), kind, str(schema), payload_text,
                      METADATA, occurred, recorded]
            digest = common.chain_hash(previous, fields)
            out.write('{"position":%d,"eventId":%s,"streamId":%s,"streamVersion":%d,"type":%s,"schemaVersion":%d,'
                      '"payload":%s,"metadata":%s,"occurredAt":%s,"recordedAt":%s,"previousHash":"%s","hash":"%s"}\n'
                      % (position, encode(event_id), encode(stream), versions[stream], encode(kind), schema,
                         payload_text, METADATA, encode(occurred), encode(recorded), previous.hex(), digest.hex()))
            previous = digest
        out.write('{"head":"%s","events":%d}\n' % (previous.hex(), len(events)))
    return len(events)


METADATA = '{"client":"journal/0.1.0","command":"value-fuzz"}'
