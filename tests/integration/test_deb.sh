#!/usr/bin/env bash
# Builds the Debian package, installs it with dpkg, runs both executables from the installed
# paths, checks a photo with the installed `tucai check`, and removes the package again.
# Needs root (dpkg -i); prints a skip line otherwise.
set -euo pipefail
build=${1:?build dir}
photo_dir=${2:-}
if [ "$(id -u)" -ne 0 ]; then echo "SKIP: installing a package needs root"; exit 0; fi
cd "$build"
cpack -G DEB >/dev/null
deb=$(ls -t tucai-admin_*.deb | head -n1)
dpkg-deb --info "$deb" | grep -E "Depends" 
dpkg -i "$deb" >/dev/null
trap 'dpkg -r tucai-admin >/dev/null 2>&1 || true' EXIT
test -x /usr/bin/tucai && test -x /usr/bin/tucai-admin
/usr/bin/tucai --version | grep -q "^tucai "
QT_QPA_PLATFORM=offscreen /usr/bin/tucai-admin --version | grep -q "^tucai-admin "
tmp=$(mktemp -d); trap 'dpkg -r tucai-admin >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
/usr/bin/tucai demo create --db "$tmp/d.sqlite" --students 30 --no-checks --quiet >/dev/null
sqlite3 "$tmp/d.sqlite" "SELECT writefile('$tmp/photo.jpg', bytes) FROM photo_blobs LIMIT 1" >/dev/null
set +e
/usr/bin/tucai check --json "$tmp/photo.jpg" > "$tmp/out.json"
code=$?
set -e
# 0 (passes) or 1 (fails a rule) both mean the installed engine ran; 2 would mean it could not check.
if [ $code -gt 1 ]; then echo "installed tucai check exited $code"; cat "$tmp/out.json"; exit 1; fi
grep -q '"decoded":true' "$tmp/out.json"
# The face cascades ship in the package (share/tucai) and are found relative to the executable.
if grep -q '"detector":"none' "$tmp/out.json"; then echo "installed engine found no cascades:"; cat "$tmp/out.json"; exit 1; fi
dpkg -L tucai-admin | grep -q '^/usr/share/tucai/haarcascades/haarcascade_frontalface_alt2.xml$'
echo "deb package installed and ran: $deb"
