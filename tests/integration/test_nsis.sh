#!/usr/bin/env bash
# makensis must accept the NSIS script that CPack generates for the Windows installer
# (Start-menu shortcut, uninstaller). Built here from the Linux binaries: only the script is tested.
set -euo pipefail
build=${1:?build dir}
command -v makensis >/dev/null || { echo "makensis not installed (apt-get install nsis)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$build"
cpack -G NSIS -B "$tmp" > "$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log"; exit 1; }
exe=$(ls "$tmp"/tucai-admin-*.exe)
head -c 2 "$exe" | grep -q MZ
grep -q "Tucai Admin.lnk" "$tmp/_CPack_Packages/"*/NSIS/project.nsi
echo "makensis accepted the script: $(basename "$exe") ($(stat -c %s "$exe") bytes)"
