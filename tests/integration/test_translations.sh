#!/usr/bin/env bash
# lupdate over the whole tree must leave no unfinished message in the Chinese (default UI) and
# English translations: a new tr() string without a translation fails this test.
set -euo pipefail
src=${1:?source dir}
lupdate=$(command -v lupdate || ls /usr/lib/qt6/bin/lupdate 2>/dev/null || true)
[ -n "$lupdate" ] || { echo "lupdate not found (qt6-l10n-tools)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/tucai_zh_CN.ts" "$src/translations/tucai_en.ts" "$tmp/"
"$lupdate" -silent -no-obsolete -locations none "$src/core" "$src/ui" "$src/app" -ts "$tmp/tucai_zh_CN.ts" "$tmp/tucai_en.ts"
status=0
for f in tucai_zh_CN.ts tucai_en.ts; do
  n=$(python3 "$src/scripts/ts_tool.py" count "$tmp/$f")
  echo "$f: $n unfinished"
  if [ "$n" != 0 ]; then
    python3 "$src/scripts/ts_tool.py" list "$tmp/$f" | head -20
    status=1
  fi
done
exit $status
