#!/usr/bin/env bash
# One command: install what is missing, build, create the demo database and start the GUI on it.
#   scripts/setup-and-run.sh             GUI (needs a display; log in as admin / Admin@2026)
#   scripts/setup-and-run.sh --headless  no display needed: prints the demo school's summary instead
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
headless=0
[ "${1:-}" = "--headless" ] && headless=1
bash "$root/scripts/deps.sh"
bash "$root/scripts/build.sh" "$root/build"
data=${TUCAI_DEMO_DIR:-$HOME/.local/share/tucai}
mkdir -p "$data"
db="$data/demo.sqlite"
if [ ! -f "$db" ]; then
  echo "Creating the demo school in $db ..."
  (cd "$root" && "$root/build/app/tucai" demo create --db "$db" --quiet)
fi
if [ $headless = 1 ]; then
  "$root/build/app/tucai" summary --db "$db"
  "$root/build/app/tucai" db info --db "$db"
  exit 0
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: run 'scripts/setup-and-run.sh --headless', or start the GUI under a virtual display:"
  echo "  xvfb-run -a $root/build/app/tucai-admin --db $db"
  "$root/build/app/tucai" summary --db "$db"
  exit 0
fi
echo "Starting Tucai Admin on $db - demo log-in: admin / Admin@2026"
exec "$root/build/app/tucai-admin" --db "$db"
