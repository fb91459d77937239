#!/usr/bin/env bash
# Every test: `swift test` for all but the sync tests, then the sync tests (Tests/JournalRemoteTests) against a
# throw-away PostgreSQL that Tools/pg/with-server.sh starts (installing postgresql with apt-get when missing).
# Fails, never skips, when that server cannot start.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test --skip JournalRemoteTests "$@"
bash Tools/pg/with-server.sh swift test --skip-build --filter JournalRemoteTests
