#!/usr/bin/env python3
"""vcpkg.json (the MSVC route) and scripts/windows/deps.sh (the MinGW cross build) name the same
libraries: every library the cross build makes has its vcpkg port, and every vcpkg port is either
one of them or a build tool the cross build takes from Debian instead.

  test_windows_deps.py SOURCE_DIR
"""
import json
import re
import sys

# The cross build's name -> the vcpkg port of the same library.
PORT = {
    "zlib": "zlib", "openssl": "openssl", "libpq": "libpq", "sqlite": "sqlite3", "qtbase": "qtbase",
    "qtsvg": "qtsvg", "qtcharts": "qtcharts", "qtkeychain": "qtkeychain-qt6", "libjpeg": "libjpeg-turbo",
    "libpng": "libpng", "opencv": "opencv4", "dlib": "dlib", "fmt": "fmt", "spdlog": "spdlog",
    "libsodium": "libsodium", "libzip": "libzip", "libxlsxwriter": "libxlsxwriter", "qrencode": "libqrencode",
}
# Ports that are tools on the build machine: the cross build uses Debian's (lrelease, pkg-config).
HOST_TOOLS = {"qttools", "pkgconf"}


def main():
    src = sys.argv[1]
    text = open(f"{src}/scripts/windows/deps.sh", encoding="utf-8").read()
    m = re.search(r"^DEPS=\(([^)]*)\)", text, re.M)
    if not m:
        sys.exit("deps.sh: no DEPS=(...) list")
    cross = m.group(1).split()
    manifest = json.load(open(f"{src}/vcpkg.json", encoding="utf-8"))
    ports = {d if isinstance(d, str) else d["name"] for d in manifest["dependencies"]}
    errors = []
    for dep in cross:
        if dep not in PORT:
            errors.append(f"deps.sh builds '{dep}': add its vcpkg port to vcpkg.json and to PORT here")
        elif PORT[dep] not in ports:
            errors.append(f"deps.sh builds '{dep}' but vcpkg.json lacks the port '{PORT[dep]}'")
    wanted = {PORT[d] for d in cross if d in PORT} | HOST_TOOLS
    for port in sorted(ports - wanted):
        errors.append(f"vcpkg.json has '{port}', which the cross build (deps.sh) does not build")
    # The OpenCV modules the engine uses are built on both routes.
    mods = re.search(r"-DBUILD_LIST=([a-z0-9_,]+)", text)
    opencv = next(d for d in manifest["dependencies"] if isinstance(d, dict) and d["name"] == "opencv4")
    if mods and "calib3d" in mods.group(1).split(",") and "calib3d" not in opencv.get("features", []):
        errors.append("deps.sh builds OpenCV's calib3d; vcpkg.json's opencv4 lacks the calib3d feature")
    for e in errors:
        print("FAIL", e)
    print(f"{len(cross)} cross-build libraries, {len(ports)} vcpkg ports: "
          + ("consistent" if not errors else f"{len(errors)} differences"))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
