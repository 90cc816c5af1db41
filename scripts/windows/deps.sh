#!/usr/bin/env bash
# Builds the 64-bit Windows dependency prefix of Tucai Admin from the sources Debian 12 publishes
# (apt-get source), cross-compiled with MinGW-w64 (posix threads). Resumable: each dependency leaves a
# stamp with its wall time, and a second run rebuilds nothing. Nothing is written inside the source tree.
#
#   bash scripts/windows/deps.sh            # builds what is missing (about 1.5-2 h of 2 cores the first time)
#   TUCAI_WIN64_HOME=/some/dir bash ...     # where sources, build trees, the prefix and logs go
#                                           # (default ~/.cache/tucai-win64; the prefix is $TUCAI_WIN64_HOME/prefix)
#   bash scripts/windows/deps.sh --list     # what is built, with the wall time of each
#   bash scripts/windows/deps.sh opencv dlib  # only these (a second instance may run beside the first:
#                                           # each library is built under a lock, never twice at once)
#
# The system packages it needs are installed by scripts/windows/packages.sh (build.sh calls both).
set -euo pipefail
shopt -s inherit_errexit
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
W=${TUCAI_WIN64_HOME:-$HOME/.cache/tucai-win64}
PREFIX=$W/prefix
SRC=$W/src
BLD=$W/build
STAMPS=$W/stamps
LOGS=$W/logs
JOBS=${JOBS:-$(nproc)}
HOST=x86_64-w64-mingw32
THIRD=${TUCAI_THIRD_PARTY:-$root/../shared/third-party}
mkdir -p "$PREFIX"/{bin,lib,include} "$SRC" "$BLD" "$STAMPS" "$LOGS"
export TUCAI_WIN64_PREFIX=$PREFIX
export PKG_CONFIG_LIBDIR=$PREFIX/lib/pkgconfig
unset PKG_CONFIG_PATH
TOOLCHAIN=$here/toolchain-mingw64.cmake
CMAKE_COMMON=(-G Ninja -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DCMAKE_BUILD_TYPE=Release
  -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_PREFIX_PATH="$PREFIX")

# The dependencies, in build order (each one's function below is named build_<name>).
DEPS=(zlib openssl libpq sqlite qtbase qtsvg qtcharts qtkeychain libjpeg libpng opencv dlib fmt spdlog
  libsodium libzip libxlsxwriter qrencode)

if [ "${1:-}" = "--list" ]; then
  for d in "${DEPS[@]}"; do
    if [ -f "$STAMPS/$d" ]; then printf '%-14s %s\n' "$d" "$(cat "$STAMPS/$d")"; else printf '%-14s missing\n' "$d"; fi
  done
  exit 0
fi

# --- sources ---------------------------------------------------------------------------------------
# fetch_src PACKAGE: unpacks Debian's source package (its newest version the archive still serves;
# older ones are tried when a security update's files answer 404) and prints the unpacked folder.
fetch_src() {
  local pkg=$1 dir=$SRC/$1 v
  if [ ! -f "$dir/.fetched" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    for v in $(apt-cache showsrc "$pkg" | awk '/^Version:/ {print $2}' | sort -urV); do
      if (cd "$dir" && apt-get source -qq "$pkg=$v" >&2 2>/dev/null); then
        echo "$pkg=$v" > "$dir/.fetched"
        break
      fi
      echo "  $pkg=$v could not be fetched, trying an older version" >&2
      rm -rf "${dir:?}"/*
    done
    [ -f "$dir/.fetched" ] || { echo "no source of $pkg could be fetched (is deb-src configured?)" >&2; return 1; }
  fi
  echo "  source: $(cat "$dir/.fetched")" >&2
  find "$dir" -mindepth 1 -maxdepth 1 -type d | head -n 1
}

# third_party NAME-VERSION: an upstream tarball from ../shared/third-party, checked against SHA256SUMS.
third_party() {
  local base=$1 dir=$SRC/$1
  if [ ! -d "$dir" ]; then
    (cd "$THIRD" && grep " $base.tar.xz\$" SHA256SUMS | sha256sum -c --quiet -) >&2 ||
      { echo "$THIRD/$base.tar.xz is missing or does not match SHA256SUMS" >&2; return 1; }
    mkdir -p "$dir.tmp" && tar -xf "$THIRD/$base.tar.xz" -C "$dir.tmp"
    mv "$(find "$dir.tmp" -mindepth 1 -maxdepth 1 -type d | head -n 1)" "$dir" && rmdir "$dir.tmp"
  fi
  echo "  source: $base (../shared/third-party)" >&2
  echo "$dir"
}

cmake_build() { # SRC_DIR BUILD_NAME cmake-args...
  local s=$1 b=$BLD/$2; shift 2
  cmake -S "$s" -B "$b" "${CMAKE_COMMON[@]}" "$@"
  cmake --build "$b" -j "$JOBS"
  cmake --install "$b"
}

# --- the dependencies --------------------------------------------------------------------------------
build_zlib() { # Debian's tarball has no win32/ makefiles: compiled the way they do, into zlib1.dll
  local s f; s=$(fetch_src zlib)
  rm -rf "$BLD/zlib" && mkdir -p "$BLD/zlib" && cd "$BLD/zlib"
  for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast inflate \
           inftrees trees uncompr zutil; do
    $HOST-gcc-posix -O2 -DZLIB_DLL -c "$s/$f.c" -o "$f.o"
  done
  $HOST-gcc-posix -shared -o zlib1.dll -Wl,--out-implib,libz.dll.a ./*.o
  cp zlib1.dll "$PREFIX/bin/" && cp libz.dll.a "$PREFIX/lib/" && cp "$s/zlib.h" "$s/zconf.h" "$PREFIX/include/"
  mkdir -p "$PREFIX/lib/pkgconfig"
  printf '%s\n' "prefix=$PREFIX" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
    'Name: zlib' 'Description: zlib compression library' 'Version: 1.2.13' \
    'Libs: -L${libdir} -lz' 'Cflags: -I${includedir}' > "$PREFIX/lib/pkgconfig/zlib.pc"
}

build_openssl() { # for libpq's TLS (sslmode=verify-full); Qt itself uses Schannel
  local s; s=$(fetch_src openssl)
  rm -rf "$BLD/openssl" && cp -a "$s" "$BLD/openssl" && cd "$BLD/openssl"
  ./Configure mingw64 --cross-compile-prefix=$HOST- --prefix="$PREFIX" --libdir=lib \
    shared no-tests no-engine no-legacy no-module CC=gcc-posix
  make -j "$JOBS" build_libs
  make install_dev install_runtime_libs
}

build_libpq() { # PostgreSQL's client library only
  local s; s=$(fetch_src postgresql-15)
  rm -rf "$BLD/libpq" && cp -a "$s" "$BLD/libpq" && cd "$BLD/libpq"
  ./configure --host=$HOST --prefix="$PREFIX" CC=$HOST-gcc-posix \
    --without-readline --without-icu --without-zlib --without-llvm --with-ssl=openssl \
    CPPFLAGS="-I$PREFIX/include" LDFLAGS="-L$PREFIX/lib"
  make -C src/include -j "$JOBS"
  make -C src/common -j "$JOBS"
  make -C src/port -j "$JOBS"
  make -C src/interfaces/libpq -j "$JOBS"
  make -C src/include install
  make -C src/interfaces/libpq install
}

build_sqlite() { # the amalgamation Qt's SQLite driver compiles in (Debian's Qt tarball drops it)
  local s; s=$(fetch_src sqlite3)
  rm -rf "$BLD/sqlite" && cp -a "$s" "$BLD/sqlite" && cd "$BLD/sqlite"
  ./configure --disable-tcl >/dev/null 2>&1 || ./configure
  make sqlite3.c
  mkdir -p "$W/sqlite-amalgamation" && cp sqlite3.c sqlite3.h "$W/sqlite-amalgamation/"
}

build_qtbase() {
  local s; s=$(fetch_src qt6-base)
  mkdir -p "$s/src/3rdparty/sqlite" && cp "$W/sqlite-amalgamation/"sqlite3.[ch] "$s/src/3rdparty/sqlite/"
  local pq_lib=$PREFIX/lib/libpq.a # PostgreSQL names its MinGW import library libpq.a (libpq.dll in bin)
  [ -f "$PREFIX/lib/libpq.dll.a" ] && pq_lib=$PREFIX/lib/libpq.dll.a
  # Tablet (Wintab) support is off: its header is not in Debian's tarball and nobody reviews
  # photos with a drawing tablet; pens still work as a mouse.
  cmake_build "$s" qtbase \
    -DQT_HOST_PATH=/usr -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake \
    -DBUILD_SHARED_LIBS=ON -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_BUILD_BENCHMARKS=OFF \
    -DFEATURE_tabletevent=OFF -DFEATURE_dbus=OFF -DFEATURE_icu=OFF -DFEATURE_zstd=OFF \
    -DFEATURE_openssl=OFF -DFEATURE_schannel=ON \
    -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=OFF -DFEATURE_sql_psql=ON \
    -DFEATURE_sql_odbc=OFF -DFEATURE_sql_mysql=OFF -DFEATURE_sql_ibase=OFF -DFEATURE_sql_oci=OFF \
    -DFEATURE_sql_db2=OFF -DFEATURE_system_zlib=OFF -DFEATURE_system_jpeg=OFF -DFEATURE_system_png=OFF \
    -DFEATURE_system_pcre2=OFF -DFEATURE_system_freetype=OFF -DFEATURE_system_harfbuzz=OFF \
    -DFEATURE_system_doubleconversion=OFF \
    -DPostgreSQL_INCLUDE_DIR="$PREFIX/include" -DPostgreSQL_LIBRARY="$pq_lib"
}

qt_module() { # SOURCE_DIR NAME [cmake-args...]: a Qt module built against our qtbase
  local s=$1 n=$2; shift 2
  cmake_build "$s" "$n" -DCMAKE_TOOLCHAIN_FILE="$PREFIX/lib/cmake/Qt6/qt.toolchain.cmake" \
    -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF "$@"
}
# QtSvg compiles against the prefix's zlib.h (unprefixed names), not qtbase's bundled copy: link zlib1.dll.
build_qtsvg() { qt_module "$(third_party qtsvg-6.4.2)" qtsvg -DCMAKE_CXX_STANDARD_LIBRARIES="-L$PREFIX/lib -lz"; }
build_qtcharts() { qt_module "$(third_party qtcharts-6.4.2)" qtcharts; }

build_qtkeychain() { # passwords in the Windows credential store
  local s; s=$(third_party qtkeychain-0.13.2)
  cmake_build "$s" qtkeychain -DCMAKE_TOOLCHAIN_FILE="$PREFIX/lib/cmake/Qt6/qt.toolchain.cmake" \
    -DBUILD_WITH_QT6=ON -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF -DBUILD_SHARED_LIBS=ON
}

build_libjpeg() {
  local s; s=$(fetch_src libjpeg-turbo)
  cmake_build "$s" libjpeg -DENABLE_STATIC=OFF -DENABLE_SHARED=ON -DWITH_TURBOJPEG=OFF \
    -DCMAKE_ASM_NASM_COMPILER=nasm
}

build_libpng() {
  local s; s=$(fetch_src libpng1.6)
  cmake_build "$s" libpng -DPNG_SHARED=ON -DPNG_STATIC=OFF -DPNG_TESTS=OFF -DPNG_EXECUTABLES=OFF \
    -DZLIB_ROOT="$PREFIX" -DZLIB_LIBRARY="$PREFIX/lib/libz.dll.a" -DZLIB_INCLUDE_DIR="$PREFIX/include"
}

build_opencv() { # only the modules the check engine uses (and what they pull in)
  local s; s=$(fetch_src opencv)
  cmake_build "$s" opencv -DBUILD_SHARED_LIBS=ON \
    -DBUILD_LIST=core,imgproc,imgcodecs,objdetect,photo,calib3d \
    -DBUILD_TESTS=OFF -DBUILD_PERF_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_opencv_apps=OFF \
    -DBUILD_JAVA=OFF -DBUILD_opencv_python3=OFF -DBUILD_opencv_python2=OFF -DBUILD_DOCS=OFF \
    -DBUILD_ZLIB=OFF -DBUILD_JPEG=OFF -DBUILD_PNG=OFF -DBUILD_TIFF=OFF -DBUILD_WEBP=OFF \
    -DBUILD_OPENJPEG=OFF -DBUILD_JASPER=OFF -DBUILD_OPENEXR=OFF -DBUILD_PROTOBUF=OFF \
    -DWITH_JPEG=ON -DWITH_PNG=ON -DWITH_TIFF=OFF -DWITH_WEBP=OFF -DWITH_OPENJPEG=OFF -DWITH_JASPER=OFF \
    -DWITH_OPENEXR=OFF -DWITH_IMGCODEC_HDR=OFF -DWITH_IMGCODEC_SUNRASTER=OFF -DWITH_IMGCODEC_PXM=OFF \
    -DWITH_IMGCODEC_PFM=OFF -DWITH_FFMPEG=OFF -DWITH_GSTREAMER=OFF -DWITH_DSHOW=OFF -DWITH_MSMF=OFF \
    -DWITH_IPP=OFF -DWITH_ITT=OFF -DWITH_ADE=OFF -DWITH_PROTOBUF=OFF -DWITH_QUIRC=OFF -DWITH_EIGEN=OFF \
    -DWITH_LAPACK=OFF -DWITH_OPENCL=OFF -DWITH_VTK=OFF -DWITH_1394=OFF -DWITH_OPENMP=OFF \
    -DWITH_DIRECTX=OFF -DWITH_WIN32UI=OFF -DWITH_OBSENSOR=OFF -DCV_TRACE=OFF \
    -DOPENCV_GENERATE_PKGCONFIG=OFF -DOPENCV_ENABLE_NONFREE=OFF \
    -DZLIB_LIBRARY="$PREFIX/lib/libz.dll.a" -DZLIB_INCLUDE_DIR="$PREFIX/include" \
    -DJPEG_LIBRARY="$PREFIX/lib/libjpeg.dll.a" -DJPEG_INCLUDE_DIR="$PREFIX/include" \
    -DPNG_LIBRARY="$PREFIX/lib/libpng16.dll.a" -DPNG_PNG_INCLUDE_DIR="$PREFIX/include" \
    -DOPENCV_OTHER_INSTALL_PATH=share/opencv4 -DOPENCV_CONFIG_INSTALL_PATH=lib/cmake/opencv4 \
    -DOPENCV_BIN_INSTALL_PATH=bin -DOPENCV_LIB_INSTALL_PATH=lib -DOPENCV_3P_LIB_INSTALL_PATH=lib \
    -DOPENCV_INCLUDE_INSTALL_PATH=include/opencv4
}

build_dlib() { # face landmarks; static (dlib marks no exports)
  local s; s=$(fetch_src dlib)
  # Debian's fix-soname patch expects SOVERSION from debian/rules.
  cmake_build "$s/dlib" dlib -DBUILD_SHARED_LIBS=OFF -DDLIB_NO_GUI_SUPPORT=ON -DSOVERSION=19.24.0 \
    -DDLIB_USE_BLAS=OFF -DDLIB_USE_LAPACK=OFF -DDLIB_USE_CUDA=OFF -DDLIB_PNG_SUPPORT=OFF \
    -DDLIB_JPEG_SUPPORT=OFF -DDLIB_GIF_SUPPORT=OFF -DDLIB_WEBP_SUPPORT=OFF -DDLIB_JXL_SUPPORT=OFF \
    -DDLIB_LINK_WITH_SQLITE3=OFF -DDLIB_USE_FFMPEG=OFF -DDLIB_USE_MKL_FFT=OFF
}

build_fmt() {
  local s; s=$(fetch_src fmtlib)
  cmake_build "$s" fmt -DBUILD_SHARED_LIBS=ON -DFMT_TEST=OFF -DFMT_DOC=OFF
}

build_spdlog() { # wide file names: log folders under C:\Users\<a Chinese name>\ must open
  local s; s=$(fetch_src spdlog)
  cmake_build "$s" spdlog -DSPDLOG_BUILD_SHARED=ON -DSPDLOG_FMT_EXTERNAL=ON -DSPDLOG_WCHAR_FILENAMES=ON \
    -DSPDLOG_BUILD_EXAMPLE=OFF -DSPDLOG_BUILD_TESTS=OFF -DSPDLOG_BUILD_BENCH=OFF
}

build_libsodium() {
  local s; s=$(fetch_src libsodium)
  rm -rf "$BLD/libsodium" && cp -a "$s" "$BLD/libsodium" && cd "$BLD/libsodium"
  [ -x configure ] || ./autogen.sh -s
  ./configure --host=$HOST --prefix="$PREFIX" CC=$HOST-gcc-posix --disable-static --enable-shared
  make -j "$JOBS"
  make install
}

build_libzip() {
  local s; s=$(fetch_src libzip)
  cmake_build "$s" libzip -DBUILD_SHARED_LIBS=ON -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
    -DENABLE_GNUTLS=OFF -DENABLE_OPENSSL=OFF -DENABLE_MBEDTLS=OFF -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF \
    -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF \
    -DZLIB_LIBRARY="$PREFIX/lib/libz.dll.a" -DZLIB_INCLUDE_DIR="$PREFIX/include"
}

build_libxlsxwriter() {
  local s; s=$(fetch_src libxlsxwriter)
  # With MinGW, upstream undefines _WIN32 and opens files with the ANSI fopen, so a workbook in a
  # folder with Chinese characters cannot be written. Use its own UTF-8 -> UTF-16 Windows path
  # (_wfopen, minizip's iowin32) as with MSVC.
  sed -i '/^#ifdef __MINGW32__$/{N;N;s/^#ifdef __MINGW32__\n#undef _WIN32\n#endif$/\/* MinGW keeps _WIN32 (Tucai build) *\//}' \
    "$s/src/packager.c" "$s/src/utility.c"
  sed -i 's/^    if(MSVC)\n        list(APPEND LXW_SOURCES third_party\/minizip\/iowin32.c)//' "$s/CMakeLists.txt"
  grep -q 'Tucai: iowin32' "$s/CMakeLists.txt" ||
    printf '\n# Tucai: iowin32 for MinGW too\nif(MINGW AND NOT USE_SYSTEM_MINIZIP)\n  target_sources(${PROJECT_NAME} PRIVATE third_party/minizip/iowin32.c)\nendif()\n' >> "$s/CMakeLists.txt"
  cmake_build "$s" libxlsxwriter -DBUILD_SHARED_LIBS=ON -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
    -DUSE_SYSTEM_MINIZIP=OFF -DZLIB_LIBRARY="$PREFIX/lib/libz.dll.a" -DZLIB_INCLUDE_DIR="$PREFIX/include"
  if [ ! -f "$PREFIX/lib/pkgconfig/xlsxwriter.pc" ]; then
    mkdir -p "$PREFIX/lib/pkgconfig"
    printf '%s\n' "prefix=$PREFIX" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
      'Name: xlsxwriter' 'Description: A C library for creating Excel XLSX files' 'Version: 1.1.4' \
      'Libs: -L${libdir} -lxlsxwriter' 'Cflags: -I${includedir}' > "$PREFIX/lib/pkgconfig/xlsxwriter.pc"
  fi
}

build_qrencode() {
  local s; s=$(third_party libqrencode-4.1.1)
  cmake_build "$s" qrencode -DBUILD_SHARED_LIBS=ON -DWITH_TOOLS=OFF -DWITH_TESTS=OFF
  if [ ! -f "$PREFIX/lib/pkgconfig/libqrencode.pc" ]; then
    mkdir -p "$PREFIX/lib/pkgconfig"
    printf '%s\n' "prefix=$PREFIX" 'libdir=${prefix}/lib' 'includedir=${prefix}/include' '' \
      'Name: libqrencode' 'Description: A QR Code encoding library' 'Version: 4.1.1' \
      'Libs: -L${libdir} -lqrencode' 'Cflags: -I${includedir}' > "$PREFIX/lib/pkgconfig/libqrencode.pc"
  fi
}

# --- run ---------------------------------------------------------------------------------------------
wanted=("${DEPS[@]}")
if [ $# -gt 0 ]; then
  for d in "$@"; do
    [[ " ${DEPS[*]} " == *" $d "* ]] || { echo "unknown dependency '$d' (known: ${DEPS[*]})" >&2; exit 2; }
  done
  wanted=("$@")
fi
total_start=$(date +%s)
for d in "${wanted[@]}"; do
  # One builder per library: a second instance waits here, then finds the stamp.
  exec {lock}>"$STAMPS/.$d.lock"
  flock "$lock"
  if [ -f "$STAMPS/$d" ]; then
    echo "== $d: built ($(cat "$STAMPS/$d"))"
    exec {lock}>&-
    continue
  fi
  echo "== $d: building (log: $LOGS/$d.log)"
  start=$(date +%s)
  # Not inside an if: errexit must stay on in the subshell so that a failing step stops it.
  set +e
  ( set -euo pipefail; "build_$d" ) > "$LOGS/$d.log" 2>&1
  rc=$?
  set -e
  if [ $rc -eq 0 ]; then
    secs=$(( $(date +%s) - start ))
    echo "$secs s wall, $(date -u +%Y-%m-%dT%H:%MZ)" > "$STAMPS/$d"
    echo "== $d: done in $secs s"
    exec {lock}>&-
  else
    echo "== $d: FAILED after $(( $(date +%s) - start )) s; the end of $LOGS/$d.log:" >&2
    tail -n 40 "$LOGS/$d.log" >&2
    exit 1
  fi
done
if [ $# -gt 0 ]; then
  echo "deps: ${wanted[*]} built ($(( $(date +%s) - total_start )) s this run)"
else
  echo "deps: the prefix $PREFIX is complete ($(( $(date +%s) - total_start )) s this run)"
fi
