#!/usr/bin/env bash
# Installs the Debian 12 packages Tucai Admin needs to build, run and test (only those missing).
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql qt6-svg-dev libgl-dev
  libopencv-dev opencv-data libdlib-dev libdlib-data libspdlog-dev libfmt-dev libqrencode-dev libzip-dev zipcmp zipmerge ziptool
  libsodium-dev libxlsxwriter-dev qtkeychain-qt6-dev
  postgresql openssl sqlite3 unzip zip poppler-utils zbar-tools python3
  xvfb xauth fonts-noto-cjk
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
# The Debian postgresql package starts a cluster on 5432; the tests start their own throwaway one.
