#!/usr/bin/env bash
# One command: install what is missing, build with tests, run the whole suite (offscreen, with a
# throwaway PostgreSQL cluster that ctest starts and stops).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/deps.sh"
build=${TUCAI_BUILD_DIR:-$root/build}
bash "$root/scripts/build.sh" "$build"
export QT_QPA_PLATFORM=offscreen
cd "$build"
ctest --output-on-failure -j 2 --timeout 900 "$@"
