#!/usr/bin/env bash
# Builds a demo journal: the article's "Q2 2025 career sprint", logged day by day as a user would.
# Usage: Tools/demo-journal.sh [DB_PATH]   (default: ./demo.sqlite; an existing file is kept and appended to)
# Uses `journal` from PATH, or JOURNAL_BIN, or the checkout's debug build.
set -euo pipefail
db=${1:-demo.sqlite}
bin=${JOURNAL_BIN:-$(command -v journal || echo "$(dirname "$0")/../.build/debug/journal")}
export TZ=${TZ:-UTC}
at() { day=$1; shift; JOURNAL_NOW="$day" "$bin" "$@" --db "$db"; }

at 2025-03-30 log direction "Move into data engineering leadership" --key data-lead --by 2028
at 2025-03-30 log partner "Sam Rivera"
at 2025-03-31 log goal "Complete AWS Solutions Architect certification" --key aws --quarter 2025-Q2 \
    --metric "Pass the certification exam" --due 2025-06-15 --direction data-lead --confidence 70
at 2025-03-31 log milestone aws "Finish sections 1-5 of the study course" --weeks 1-4
at 2025-03-31 log milestone aws "Finish sections 6-10, take 2 practice exams" --weeks 5-8
at 2025-03-31 log milestone aws "Take the exam" --due 2025-06-15
at 2025-04-01 log goal "Build professional network in data engineering" --key network --quarter 2025-Q2 \
    --metric "15 new relevant connections, 2 conversations" --target 15 --unit connections --due 2025-06-30 \
    --direction data-lead --confidence 60
at 2025-04-01 log milestone network "Attend a meetup or virtual event" --week 4
at 2025-04-01 log milestone network "Two informational interviews" --weeks 9-12
at 2025-04-03 log activity "Course section 1" --goal aws/1 --minutes 60
at 2025-04-08 log activity "Course sections 2-3" --goal aws/1 --minutes 120
at 2025-04-09 log activity "Read three career books' first chapters" --minutes 90
at 2025-04-15 log activity "Course section 4" --goal aws/1 --minutes 75
at 2025-04-22 log progress network 3 --note "LinkedIn: data platform people"
at 2025-04-24 log activity "Data engineering meetup" --goal network/1 --minutes 150
at 2025-04-25 log done network/1 --on 2025-04-24
at 2025-04-25 log progress network 4 --note "Met at the meetup"
at 2025-04-29 log activity "Course section 5" --goal aws/1 --minutes 90
at 2025-04-30 log done aws/1
at 2025-05-06 log activity "Webinar on an unrelated framework" --minutes 60
at 2025-05-14 log activity "Course sections 6-8" --goal aws/2 --minutes 180
at 2025-05-20 log revise aws --due 2025-06-30 --reason "Exam slots full until late June"
at 2025-05-28 log activity "Practice exam 1" --goal aws/2 --minutes 130
at 2025-06-04 log activity "Practice exam 2" --goal aws/2 --minutes 130 --on 2025-06-03
at 2025-06-04 log done aws/2 --on 2025-06-03
at 2025-06-10 log progress network 5 --note "Two informational interviews booked"
at 2025-06-27 log activity "Took the AWS exam" --goal aws/3 --minutes 180
at 2025-06-27 log done aws/3
at 2025-06-27 log complete aws --outcome "Passed the AWS Solutions Architect exam"
at 2025-07-01 log review 2025-Q2 --planned "AWS certification; 15 data engineering connections" \
    --accomplished "Passed AWS; 12 connections and one informational interview" \
    --obstacles "A release crunch in May ate two weeks" --learned "I study best in the mornings, in 90-minute blocks" \
    --next "Lead the pipeline migration; keep networking monthly" --blocker overcommitting
"$bin" verify --db "$db"
