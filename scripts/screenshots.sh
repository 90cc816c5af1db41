#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from a fresh demo database (Chinese UI, offscreen).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TUCAI_BUILD_DIR:-$root/build}
[ -x "$build/app/tucai-admin" ] || bash "$root/scripts/build.sh" "$build"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && "$build/app/tucai" demo create --db "$tmp/demo.sqlite" --students 3000 --now 2026-11-20T10:00:00+08:00 --quiet)
export QT_QPA_PLATFORM=offscreen TUCAI_SCREENSHOT_PASSWORD=Admin@2026
export XDG_CONFIG_HOME="$tmp/config"
"$build/app/tucai-admin" --db "$tmp/demo.sqlite" --lang zh_CN --user admin --password-env TUCAI_SCREENSHOT_PASSWORD \
  --screenshots "$root/docs/screenshots"
