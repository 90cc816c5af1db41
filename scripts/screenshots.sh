#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from a fresh demo database (Chinese UI, offscreen):
# every page, the return-reasons, log-in and welcome dialogs on a 1366x768 office screen,
# and a few of them again at 200 % scaling (docs/screenshots/200/, a 2732x1536 pixel screen).
# Usage: scripts/screenshots.sh   (TUCAI_BUILD_DIR=... for another build folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TUCAI_BUILD_DIR:-$root/build}
[ -x "$build/app/tucai-admin" ] || bash "$root/scripts/build.sh" "$build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && "$build/app/tucai" demo create --db "$tmp/demo.sqlite" --students 3000 --now 2026-11-20T10:00:00+08:00 --quiet)
# One offscreen screen of the given pixel size (the window opens on it as it would for a user).
screen() {
  cat >"$tmp/screen-$1.json" <<JSON
{"screens": [{"name": "office", "x": 0, "y": 0, "width": $2, "height": $3, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}]}
JSON
  echo "offscreen:configfile=$tmp/screen-$1.json"
}
export TUCAI_SCREENSHOT_PASSWORD=Admin@2026
shoot() { # NAME WIDTH HEIGHT SCALE OUTDIR [PAGES]
  XDG_CONFIG_HOME="$tmp/config-$1" QT_QPA_PLATFORM=$(screen "$1" "$2" "$3") QT_SCALE_FACTOR=$4 \
    "$build/app/tucai-admin" --db "${SHOT_DB:-$tmp/demo.sqlite}" --lang zh_CN --user admin --password-env TUCAI_SCREENSHOT_PASSWORD \
    --screenshots "$5" ${6:+--screenshot-pages "$6"}
}
shoot office 1366 768 1 "$root/docs/screenshots"
# The banner while the database is away (the demo file is moved aside for a few seconds).
shoot banner 1366 768 1 "$root/docs/screenshots" connection-lost
shoot hidpi 2732 1536 2 "$root/docs/screenshots/200" review,return-reasons,students,dashboard,login,welcome
# A live collection: `tucai simulate` plays students and two reviewers on a copy of the demo for 30 s
# (real faces when ../shared is there), then the dashboard shows what they did.
cp "$tmp/demo.sqlite" "$tmp/live.sqlite"
(cd "$root" && "$build/app/tucai" simulate --db "$tmp/live.sqlite" --duration 30 --rate 600 --reviewers 2 --speed 40 --seed 7 >"$tmp/simulate.log" 2>&1) \
  || { echo "screenshots: tucai simulate failed:" >&2; tail -n 5 "$tmp/simulate.log" >&2; }
tail -n 3 "$tmp/simulate.log"
SHOT_DB=$tmp/live.sqlite shoot live 1366 768 1 "$tmp/live-shots" dashboard
cp "$tmp/live-shots/dashboard.png" "$root/docs/screenshots/live-dashboard.png"
