"""One `journal log activity` equivalent in Python's eventsourcing library (9.5.x): a process starts, opens its
SQLite event store and appends one event (a new Activity aggregate's creation event), then exits.

    python3 es_append.py DB                 append one event
    python3 es_append.py DB --prepare N     append N events first (in batches), to build a history
"""
import sys

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate, event


class Activity(Aggregate):
    @event("Logged")
    def __init__(self, text: str, minutes: int):
        self.text = text
        self.minutes = minutes


class Journal(Application):
    pass


def main() -> None:
    db = sys.argv[1]
    app = Journal(env={"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": db})
    if len(sys.argv) > 3 and sys.argv[2] == "--prepare":
        total = int(sys.argv[3])
        batch = 1000
        for start in range(0, total, batch):
            app.save(*[Activity(text=f"Prepared activity {i}", minutes=30) for i in range(start, min(total, start + batch))])
        return
    app.save(Activity(text="Benchmark entry", minutes=30))


if __name__ == "__main__":
    main()
