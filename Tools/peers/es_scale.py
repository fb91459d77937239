"""The eventsourcing library's SQLite application recorder at scale, for the figures journal's rebuild and import
are held against (issue 5, targets 4 and 5):

    python3 es_scale.py DB N     append N stored events (1,000 per insert, ~1,000 interleaved streams, JSON
                                 payloads of a journal activity's size), then replay them all: read every
                                 notification, json.loads each payload and fold it into per-stream totals.

Prints one line per phase: "append N events/s (S s)" and "replay N events/s (S s)". Measures, never asserts.
"""
import json
import sys
import time
import uuid

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore


def main() -> None:
    db, total = sys.argv[1], int(sys.argv[2])
    recorder = SQLiteApplicationRecorder(SQLiteDatastore(db))
    recorder.create_table()
    streams = [uuid.UUID(int=i + 1) for i in range(1000)]
    versions = [0] * len(streams)
    topic = "journal:ActivityLogged"

    start = time.perf_counter()
    batch = 1000
    for first in range(0, total, batch):
        events = []
        for i in range(first, min(total, first + batch)):
            s = (i * 7919) % len(streams)
            versions[s] += 1
            state = json.dumps({"goal": f"goal-{s % 40}", "milestone": i % 5 + 1, "minutes": 15 + i % 8 * 15,
                                "text": f"Worked on part {i % 97} of the plan"}, sort_keys=True).encode()
            events.append(StoredEvent(originator_id=streams[s], originator_version=versions[s], topic=topic, state=state))
        recorder.insert_events(events)
    appended = time.perf_counter() - start
    print(f"append {total / appended:.0f} events/s ({appended:.1f} s)")

    start = time.perf_counter()
    minutes: dict = {}
    count = 0
    next_id = 1
    while True:
        page = recorder.select_notifications(next_id, 10_000)
        if not page:
            break
        for notification in page:
            payload = json.loads(notification.state)
            key = payload.get("goal")
            minutes[key] = minutes.get(key, 0) + payload.get("minutes", 0)
            count += 1
        next_id = page[-1].id + 1
    replayed = time.perf_counter() - start
    print(f"replay {count / replayed:.0f} events/s ({replayed:.1f} s)")


if __name__ == "__main__":
    main()
