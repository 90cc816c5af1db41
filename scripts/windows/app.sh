#!/usr/bin/env bash
# Builds Tucai Admin and its tests for Windows against a finished dependency prefix, stages the
# install folder and packs the installer (the last step of scripts/windows/build.sh; run alone after
# a source change: incremental, a few minutes).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
W=${TUCAI_WIN64_HOME:-$HOME/.cache/tucai-win64}
PREFIX=$W/prefix
out=${TUCAI_WIN64_BUILD:-$root/build-win64}
JOBS=${JOBS:-$(nproc)}
[ -f "$W/stamps/qrencode" ] || { echo "The dependency prefix is not complete: run scripts/windows/build.sh" >&2; exit 2; }

export TUCAI_WIN64_PREFIX=$PREFIX
export PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig
unset PKG_CONFIG_PATH
start=$(date +%s)
dlib_model=${TUCAI_DLIB_MODEL:-/usr/share/dlib/shape_predictor_68_face_landmarks.dat}
cmake -S "$root" -B "$out" -G Ninja \
  -DCMAKE_TOOLCHAIN_FILE="$PREFIX/lib/cmake/Qt6/qt.toolchain.cmake" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$out/stage" \
  -DOpenCV_DIR="$PREFIX/lib/cmake/opencv4" -DTUCAI_DLIB_MODEL="$dlib_model" \
  -DTUCAI_BUILD_TESTS=ON -DTUCAI_BUILD_BENCH=ON >/dev/null
cmake --build "$out" -j "$JOBS"
build_secs=$(( $(date +%s) - start ))

# Both the build's bin/ folder (programs and tests, run under Wine by test.sh) and the staged
# install folder (what the installer ships) get the DLLs, Qt plugins, qt.conf and translations.
deploy() {
  python3 "$here/deploy.py" "$1" --qt-prefix "$PREFIX" --qt-translations /usr/share/qt6/translations \
    --search "$PREFIX/bin" --search "$PREFIX/lib" \
    --search "$(dirname "$(x86_64-w64-mingw32-g++-posix -print-libgcc-file-name)")" \
    --search /usr/x86_64-w64-mingw32/lib
}
deploy "$out/bin"
stage=$out/stage
rm -rf "$stage"
cmake --install "$out" --strip >/dev/null
cp "$root/installer/windows/tucai.ico" "$stage/"
deploy "$stage"
# The shipped DLLs lose their symbol tables too.
find "$stage" -name '*.dll' -exec x86_64-w64-mingw32-strip --strip-unneeded {} +

# The uninstaller deletes exactly what was staged.
filelist=$out/uninstall-files.nsh
(cd "$stage" && find . -type f | sed 's|^\./||' | sort | sed 's|/|\\|g; s|.*|  Delete "$INSTDIR\\&"|'
 cd "$stage" && find . -mindepth 1 -type d | sed 's|^\./||' | sort -r | sed 's|/|\\|g; s|.*|  RMDir "$INSTDIR\\&"|') > "$filelist"

version=$(sed -n 's/^project(TucaiAdmin VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
setup=$out/TucaiAdmin-$version-win64.exe
makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$setup" -DFILELIST="$filelist" \
  "$root/installer/windows/tucai.nsi"
dlls=$(find "$stage" -name '*.dll' | wc -l)
echo "windows: app and tests built in ${build_secs} s; $dlls DLLs staged ($(du -sm "$stage" | cut -f1) MB)"
echo "windows: installer $setup ($(( $(stat -c %s "$setup") / 1024 / 1024 )) MB)"
