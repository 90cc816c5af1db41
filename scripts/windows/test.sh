#!/usr/bin/env bash
# Tests the Windows build under Wine (run scripts/windows/build.sh first):
#   bash scripts/windows/test.sh [--rebuild] [--only REGEX] [--skip-install] [--jobs N]
# (--rebuild first brings build-win64 up to date with the sources: scripts/windows/app.sh)
# 1. every Qt Test of build-win64/bin runs under Wine (offscreen), --jobs at a time (default: the
#    number of cores), the PostgreSQL ones against a throwaway Linux cluster over loopback TCP;
# 2. the installer is installed silently into a fresh Wine prefix; from the installed folder the CLI
#    answers --version, creates the demo, prints the summary, checks photos of ../shared/faces (the
#    results are compared with the Linux build's: same pass/fail, same rules), and bad input gives
#    the same messages and exit codes as on Linux;
# 3. tucai-admin.exe starts under Xvfb with the real `windows` platform plugin; screenshots of the
#    log-in dialog and the review page go to docs/screenshots/windows-*.png.
# Prints a summary and exits 1 if anything failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
W=${TUCAI_WIN64_HOME:-$HOME/.cache/tucai-win64}
out=${TUCAI_WIN64_BUILD:-$root/build-win64}
linux_build=${TUCAI_BUILD_DIR:-$root/build}
only=""
skip_install=0
jobs=$(nproc)
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=$2; shift 2 ;;
    --skip-install) skip_install=1; shift ;;
    --jobs) jobs=$2; shift 2 ;;
    --rebuild) bash "$here/app.sh" || exit 1; shift ;;
    *) echo "usage: $0 [--rebuild] [--only REGEX] [--skip-install] [--jobs N]" >&2; exit 2 ;;
  esac
done
setup=$(ls -t "$out"/TucaiAdmin-*-win64.exe 2>/dev/null | head -n 1)
if [ ! -d "$out/bin" ] || [ -z "$setup" ]; then
  echo "No Windows build in $out: run scripts/windows/build.sh first." >&2
  exit 2
fi
bash "$here/packages.sh" >/dev/null

export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LC_ALL=C.UTF-8
# As ctest gives test_demo (CMake): 10 minutes a test function; Wine is slower than Linux.
export QTEST_FUNCTION_TIMEOUT=900000
# Wine does not hand QT_* variables to Windows programs; WINEQT_* become QT_* inside.
fontdir=$(dirname "$(fc-list :lang=zh file | grep -i 'NotoSansCJK' | head -n 1 | cut -d: -f1)")
export WINEQT_QPA_FONTDIR="Z:${fontdir//\//\\}"
failures=()
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; failures+=("$*"); }
secs_since() { local ms=$(( ($(date +%s%N) - $1) / 1000000 )); printf "%d.%03d" $((ms / 1000)) $((ms % 1000)); }
winpath() { echo "Z:${1//\//\\}"; }

new_prefix() { # DIR: a fresh 64-bit Wine prefix
  rm -rf "$1"
  WINEPREFIX=$1 WINEARCH=win64 wineboot -i >/dev/null 2>&1
  WINEPREFIX=$1 wineserver -w
}

# --- 1. the Qt Tests ---------------------------------------------------------------------------------
export WINEPREFIX=$W/wine-tests
[ -f "$WINEPREFIX/system.reg" ] || new_prefix "$WINEPREFIX"
pgdir=/tmp/tucai-win-pgtest
tlsdir=/tmp/tucai-win-tls
bash "$root/tests/integration/pg_fixture.sh" start "$pgdir" >/dev/null
trap 'bash "$root/tests/integration/pg_fixture.sh" stop "$pgdir" >/dev/null 2>&1; bash "$root/tests/integration/tls_fixture.sh" stop "$tlsdir" >/dev/null 2>&1' EXIT
# The URL file's folder holds the server log test_security reads.
export TUCAI_TEST_PG_URL=$(cat "$pgdir/url") TUCAI_TEST_PG_URL_FILE=$(winpath "$pgdir/url")
# test_tls cannot run openssl and pg_ctl from Windows: its TLS cluster is made here.
if [ -z "$only" ] || [[ test_tls =~ $only ]]; then
  bash "$root/tests/integration/tls_fixture.sh" start "$tlsdir" >/dev/null && export TUCAI_TEST_TLS_DIR=$(winpath "$tlsdir")
fi
logs=$out/wine-test-logs
mkdir -p "$logs"
tests_start=$(date +%s)
# run_test EXE: runs one Qt Test under Wine and leaves its verdict in $logs/NAME.result (a PASS or
# FAIL line, then any failure excerpt) and its wall time in $logs/NAME.secs.
run_test() {
  local exe=$1 name t0 runner rc secs summary finished_at=0 stuck_at_exit=0 excerpt=""
  name=$(basename "$exe" .exe)
  t0=$(date +%s)
  # Under Wine a Qt Test's own output reaches only a file named with -o; the rest goes to .out.
  rm -f "$logs/$name.log" "$logs/$name.result"
  (cd "$out/bin" && WINEQT_QPA_PLATFORM=offscreen exec timeout 1200 wine "$exe" -o "$(winpath "$logs/$name.log"),txt" \
     > "$logs/$name.out" 2>&1) &
  runner=$!
  # Under Wine some test processes never end after their log says they finished. The cause found in
  # a hung tucai.exe (its stack read from the process): returning from main(), libstdc++'s DLL
  # clean-up waits for a libwinpthread lock that a thread killed by ExitProcess still held. The two
  # programs avoid it (platform::endProcess); the Qt Tests still return from main(). A test whose
  # log says it finished with no failure and whose process is still there 30 s later is stopped and
  # counted by its log, and the summary says so.
  while kill -0 $runner 2>/dev/null; do
    if [ $finished_at = 0 ] && grep -q '^\*\*\*\*\*\*\*\*\* Finished testing' "$logs/$name.log" 2>/dev/null; then
      finished_at=$(date +%s)
    elif [ $finished_at != 0 ] && [ $(( $(date +%s) - finished_at )) -ge 30 ]; then
      stuck_at_exit=1
      pkill -f "$(basename "$exe")" 2>/dev/null
      break
    fi
    sleep 1
  done
  wait $runner
  rc=$?
  if [ $stuck_at_exit = 1 ]; then
    if grep -Eq '^Totals: [0-9]+ passed, 0 failed' "$logs/$name.log"; then rc=0; else rc=1; fi
  fi
  [ $rc -ne 0 ] && excerpt=$(grep -E '^(FAIL!|QFATAL)' -A2 "$logs/$name.log" 2>/dev/null | head -n 12 | sed 's/^/    /')
  secs=$(( $(date +%s) - t0 ))
  summary=$(grep -E '^Totals:' "$logs/$name.log" 2>/dev/null | tail -n 1)
  [ $stuck_at_exit = 1 ] && summary="$summary (process stopped 30 s after it finished: Wine exit hang)"
  echo $secs > "$logs/$name.secs"
  { if [ $rc -eq 0 ]; then echo "PASS $name ($secs s) $summary"; else echo "FAIL $name exit $rc ($secs s) $summary, log $logs/$name.log"; fi
    [ -n "$excerpt" ] && echo "$excerpt"; } > "$logs/$name.result"
  cat "$logs/$name.result"
}
# The tests run $jobs at a time (they share the PostgreSQL cluster as under ctest -j), the longest
# of the previous run first so that the last ones to start are short.
selected=()
for exe in "$out"/bin/test_*.exe; do
  name=$(basename "$exe" .exe)
  if [ -n "$only" ] && ! [[ $name =~ $only ]]; then continue; fi
  selected+=("$(cat "$logs/$name.secs" 2>/dev/null || echo 0) $exe")
done
mapfile -t ordered < <(printf '%s\n' "${selected[@]}" | sort -rn | cut -d' ' -f2-)
for exe in "${ordered[@]}"; do
  [ -n "$exe" ] || continue
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
  run_test "$exe" &
done
wait
for exe in "${ordered[@]}"; do
  [ -n "$exe" ] || continue
  name=$(basename "$exe" .exe)
  line=$(head -n 1 "$logs/$name.result" 2>/dev/null)
  [ -n "$line" ] || line="FAIL $name: no result (the runner itself failed)"
  [[ $line == PASS* ]] || failures+=("${line#FAIL }")
done
echo "wine: Qt Tests took $(( $(date +%s) - tests_start )) s"
wineserver -k 2>/dev/null

[ $skip_install = 1 ] && { [ ${#failures[@]} -eq 0 ] && exit 0; printf '%s\n' "${failures[@]}"; exit 1; }

# --- 2. install and use the installed programs ---------------------------------------------------------
export WINEPREFIX=$W/wine-install
new_prefix "$WINEPREFIX"
t0=$(date +%s%N)
wine "$setup" /S
wineserver -w
install_secs=$(secs_since $t0)
inst="$WINEPREFIX/drive_c/Program Files/TucaiAdmin"
if [ -x "$inst/tucai.exe" ] || [ -f "$inst/tucai.exe" ]; then
  pass "silent install into C:\\Program Files\\TucaiAdmin ($install_secs s, $(find "$inst" -name '*.dll' | wc -l) DLLs)"
else
  fail "silent install: $inst/tucai.exe missing"
fi
ls "$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Tucai Admin/"*.lnk >/dev/null 2>&1 \
  && pass "Start-menu shortcuts" || fail "Start-menu shortcuts missing"
cli() { (cd "$inst" && wine ./tucai.exe "$@"); }

v=$(cli --version 2>&1 | tr -d '\r')
[[ $v == tucai\ * ]] && pass "tucai.exe --version: $(echo "$v" | head -n 1)" || fail "tucai.exe --version: $v"

# The demo in a folder with Chinese characters and spaces, in the user's own profile.
udir=$(ls -d "$WINEPREFIX/drive_c/users/"*/ | grep -v Public | head -n 1)
demo_dir="${udir}文档 资料"
mkdir -p "$demo_dir"
demo_win="C:\\users\\$(basename "$udir")\\文档 资料\\演示 学校.sqlite"
t0=$(date +%s%N)
if cli demo create --db "$demo_win" --students 300 --quiet > "$logs/demo.log" 2>&1; then
  pass "demo create in a Chinese path ($(secs_since $t0) s)"
else
  fail "demo create: $(tail -n 3 "$logs/demo.log")"
fi
summary=$(cli summary --db "$demo_win" 2>&1 | tr -d '\r')
echo "$summary" | grep -q '学院' && pass "summary prints Chinese" || fail "summary: $summary"

# Parity with the Linux build on the same photos.
faces=$root/../shared/faces
if [ -d "$faces/frll" ]; then
  photos=$(mktemp -d)
  cp "$faces"/frll/neutral/00[1-9]_03.jpg "$faces"/frll/smiling/01[0-9]_08.jpg "$faces"/yale/subject0[1-4].*.png "$photos/" 2>/dev/null
  cp "$faces"/broken/* "$photos/" 2>/dev/null
  "$linux_build/app/tucai" check --json "$photos" > "$logs/check-linux.jsonl" 2>/dev/null
  cli check --json "$(winpath "$photos")" 2>/dev/null | tr -d '\r' > "$logs/check-windows.jsonl"
  if python3 "$here/parity.py" "$logs/check-linux.jsonl" "$logs/check-windows.jsonl"; then
    pass "check parity with Linux ($(wc -l < "$logs/check-linux.jsonl") files)"
  else
    fail "check parity with Linux (see above)"
  fi
  rm -rf "$photos"
else
  echo "SKIP check parity: ../shared/faces not found"
fi

# Bad input: the same messages and exit codes as on Linux.
bad() { # DESCRIPTION LINUX_ARGS... -- WINDOWS_ARGS...: same exit code, same message once paths are taken out
  local what=$1; shift
  local lin_args=() win_args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do lin_args+=("$1"); shift; done
  shift
  win_args=("$@")
  local lin win lc wc
  lin=$("$linux_build/app/tucai" "${lin_args[@]}" 2>&1); lc=$?
  win=$(cli "${win_args[@]}" 2>&1 | tr -d '\r'); wc=${PIPESTATUS[0]}
  lin=$(echo "$lin" | head -n 1); win=$(echo "$win" | head -n 1)
  local strip='s#([A-Za-z]:)?[/\\][^ ,:]*##g'
  if [ "$lc" = "$wc" ] && [ "$(echo "$lin" | sed -E "$strip")" = "$(echo "$win" | sed -E "$strip")" ]; then
    pass "bad input, $what: exit $wc on both, \"$win\""
  else
    fail "bad input, $what: Linux exit $lc \"$lin\"; Windows exit $wc \"$win\""
  fi
}
bad "missing database file" summary --db /nonexistent/no.sqlite -- summary --db 'C:\nonexistent\no.sqlite'
bad "unreachable server" summary --db postgresql://nobody:x@127.0.0.1:1/none -- summary --db postgresql://nobody:x@127.0.0.1:1/none
if [ -d "$faces/broken" ]; then
  for f in "$faces"/broken/*; do
    bad "broken photo $(basename "$f")" check "$f" -- check "$(winpath "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")"
  done
fi

# --- 3. the GUI with the real Windows platform plugin --------------------------------------------------
shots=$root/docs/screenshots
mkdir -p "$shots"
display=:$(( 90 + RANDOM % 50 ))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 2
export DISPLAY=$display
t0=$(date +%s%N)
(cd "$inst" && wine ./tucai-admin.exe --db "$demo_win") >/dev/null 2>&1 &
gui=$!
# First start: the log-in dialog appears (a window other than the desktop's).
for _ in $(seq 1 120); do
  xwininfo -root -tree 2>/dev/null | grep -q 'Tucai\|登录\|图采' && break
  sleep 0.5
done
start_secs=$(secs_since $t0)
sleep 2
import -window root "$shots/windows-login.png" 2>/dev/null && pass "log-in dialog shown (first start $start_secs s): docs/screenshots/windows-login.png" \
  || fail "log-in dialog screenshot"
wineserver -k 2>/dev/null; wait $gui 2>/dev/null
# The review page, after logging in as the demo administrator.
shotdir=$(mktemp -d)
(cd "$inst" && TUCAI_DEMO_PW='Admin@2026' timeout 300 wine ./tucai-admin.exe --db "$demo_win" --user admin \
   --password-env TUCAI_DEMO_PW --screenshots "$(winpath "$shotdir")") > "$logs/gui-shots.log" 2>&1
if [ -f "$shotdir/review.png" ]; then
  cp "$shotdir/review.png" "$shots/windows-review.png"
  pass "review page drawn by the windows platform plugin: docs/screenshots/windows-review.png"
else
  fail "review page screenshot ($(tail -n 2 "$logs/gui-shots.log"))"
fi
rm -rf "$shotdir"
wineserver -k 2>/dev/null
kill $xvfb 2>/dev/null

# --- 4. uninstall: the program's files go, the user's data stays ----------------------------------------
wine "$inst/uninstall.exe" /S
wineserver -w
sleep 2 # the uninstaller copies itself to %TEMP% and finishes from there
if [ ! -e "$inst/tucai.exe" ] && [ ! -e "$inst/tucai-admin.exe" ] && [ -f "${demo_dir}/演示 学校.sqlite" ] \
   && [ ! -d "$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Tucai Admin" ]; then
  pass "silent uninstall removed the programs and shortcuts, kept the user's database"
else
  fail "uninstall: programs or shortcuts left, or the user's database removed"
fi

echo
if [ ${#failures[@]} -eq 0 ]; then
  echo "windows tests: all passed"
  exit 0
fi
echo "windows tests: ${#failures[@]} failed:"
printf '  %s\n' "${failures[@]}"
exit 1
