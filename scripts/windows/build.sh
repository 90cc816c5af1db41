#!/usr/bin/env bash
# Builds Tucai Admin for 64-bit Windows on Debian 12 and packs its installer:
#   bash scripts/windows/build.sh
# 1. installs the Debian packages it needs (MinGW-w64, NSIS, Wine...) and deb-src entries;
# 2. builds the dependency prefix once (scripts/windows/deps.sh: 1.5-2 h of 2 cores the first time,
#    nothing afterwards; outside the source tree, in $TUCAI_WIN64_HOME, default ~/.cache/tucai-win64);
# 3. builds both programs and the tests into build-win64/ (TUCAI_WIN64_BUILD overrides);
# 4. stages the install folder (build-win64/stage: programs, DLLs, Qt plugins, translations, data
#    files) and packs build-win64/TucaiAdmin-<version>-win64.exe with makensis.
# scripts/windows/test.sh then runs the tests and the installer under Wine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/packages.sh"
bash "$here/deps.sh"
exec bash "$here/app.sh"

