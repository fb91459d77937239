#!/usr/bin/env bash
# Renders the demo journal's 2025-Q2 report page (journal report 2025-Q2 --format html) in headless Chromium and
# checks the screenshot: a PNG file, of the window's size, and not a blank page. It installs Debian's chromium
# when it is missing. docs/reading.md shows the picture this writes by default, docs/report-2025-Q2.png.
# Usage: bash Tools/html/screenshot.sh [OUT.png]   (set SCRATCH to reuse a build folder; default .build-html)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-docs/report-2025-Q2.png}
scratch=${SCRATCH:-.build-html}
width=900
height=3100

if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
fi

swift build --scratch-path "$scratch" --product journal >/dev/null
bin=$(swift build --scratch-path "$scratch" --show-bin-path)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC

"$bin/journal" demo --db "$work/demo.sqlite" >/dev/null
JOURNAL_NOW=2025-07-05T10:00 "$bin/journal" report 2025-Q2 --db "$work/demo.sqlite" --format html --output "$work/report.html"
charts=$(grep -o '<svg class="chart"' "$work/report.html" | wc -l)
[ "$charts" -eq 3 ] || { echo "screenshot: the page has $charts charts, not 3 (burn-up, road, effort)" >&2; exit 1; }

# Chromium's sandbox cannot start as root; a user's can.
flags=(--headless --disable-gpu --hide-scrollbars --force-device-scale-factor=1 --window-size="$width,$height")
[ "$(id -u)" -eq 0 ] && flags+=(--no-sandbox)
mkdir -p "$(dirname "$out")"
rm -f "$out"
chromium "${flags[@]}" --screenshot="$out" "file://$work/report.html" >"$work/chromium.log" 2>&1 || {
    cat "$work/chromium.log" >&2; echo "screenshot: chromium failed" >&2; exit 1; }

[ -s "$out" ] || { echo "screenshot: chromium wrote no $out" >&2; exit 1; }
signature=$(od -An -tx1 -N8 "$out" | tr -d ' \n')
[ "$signature" = "89504e470d0a1a0a" ] || { echo "screenshot: $out is not a PNG (starts $signature)" >&2; exit 1; }
# IHDR: the width and the height, big-endian, at bytes 16-23.
read -r w h < <(od -An -tu1 -j16 -N8 "$out" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
[ "$w" -eq "$width" ] && [ "$h" -eq "$height" ] || { echo "screenshot: $out is ${w}x$h, not ${width}x$height" >&2; exit 1; }
# A blank page of that size compresses to a few kilobytes; text and charts take far more.
size=$(wc -c <"$out")
[ "$size" -gt 50000 ] || { echo "screenshot: $out is only $size bytes: a blank page?" >&2; exit 1; }
echo "screenshot: $out, ${w}x$h, $size bytes"
