#!/usr/bin/env python3
"""Completes a staged Windows install folder: the Qt plugins the programs load at run time, every DLL
that the executables and plugins import (found by reading their PE import tables with objdump, then
recursively), qt.conf and Qt's own translations. Our own windeployqt for the cross build.

  deploy.py STAGE_DIR --search DIR [--search DIR ...] [--qt-prefix DIR] [--qt-translations DIR]

Prints one line: how many DLLs were copied in all. Fails when an imported DLL is found nowhere and
is not a Windows system DLL.
"""
import argparse
import os
import shutil
import subprocess
import sys

OBJDUMP = "x86_64-w64-mingw32-objdump"

# Plugins, relative to the Qt prefix's plugins/ folder.
PLUGINS = [
    "platforms/qwindows.dll", "platforms/qoffscreen.dll",
    "styles/qwindowsvistastyle.dll",
    "imageformats/qjpeg.dll", "imageformats/qsvg.dll", "imageformats/qico.dll", "imageformats/qgif.dll",
    "iconengines/qsvgicon.dll",
    "sqldrivers/qsqlite.dll", "sqldrivers/qsqlpsql.dll",
    "tls/qschannelbackend.dll",
]

# DLLs every Windows has (or that Wine provides): never shipped.
SYSTEM = {
    "advapi32.dll", "bcrypt.dll", "comctl32.dll", "comdlg32.dll", "crypt32.dll", "d3d11.dll", "d3d9.dll",
    "dnsapi.dll", "dwmapi.dll", "dwrite.dll", "dxgi.dll", "gdi32.dll", "imm32.dll", "iphlpapi.dll",
    "kernel32.dll", "msvcrt.dll", "mpr.dll", "netapi32.dll", "ncrypt.dll", "ntdll.dll", "ole32.dll",
    "oleaut32.dll", "opengl32.dll", "secur32.dll", "setupapi.dll", "shell32.dll", "shlwapi.dll",
    "user32.dll", "userenv.dll", "uxtheme.dll", "version.dll", "winmm.dll", "winspool.drv", "ws2_32.dll",
    "wtsapi32.dll", "authz.dll", "normaliz.dll", "rpcrt4.dll", "wldap32.dll", "shcore.dll", "d2d1.dll",
    "dwmapi.dll", "cfgmgr32.dll", "hid.dll", "mswsock.dll", "psapi.dll", "credui.dll", "wininet.dll",
    "winhttp.dll", "propsys.dll", "runtimeobject.dll", "combase.dll", "api-ms-win-core-synch-l1-2-0.dll",
    "wevtapi.dll", "synchronization.dll", "d3d12.dll", "dcomp.dll", "winhttp.dll", "msimg32.dll",
}


def imports(path):
    out = subprocess.run([OBJDUMP, "-p", path], capture_output=True, text=True, check=True).stdout
    return [line.split("DLL Name:", 1)[1].strip() for line in out.splitlines() if "DLL Name:" in line]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("stage")
    ap.add_argument("--search", action="append", default=[])
    ap.add_argument("--qt-prefix", required=True)
    ap.add_argument("--qt-translations", default="")
    args = ap.parse_args()
    stage = args.stage

    for rel in PLUGINS:
        src = os.path.join(args.qt_prefix, "plugins", rel)
        if not os.path.exists(src):
            sys.exit(f"deploy: Qt plugin {rel} is missing from {args.qt_prefix}/plugins")
        dst = os.path.join(stage, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)

    # Relative paths from the executable: Qt looks for plugins in the application folder, and
    # translations and its other paths under the prefix qt.conf names (the folder itself).
    with open(os.path.join(stage, "qt.conf"), "w", newline="\r\n") as f:
        f.write("[Paths]\nPrefix = .\nPlugins = .\nTranslations = translations\n")

    if args.qt_translations:
        tdir = os.path.join(stage, "translations")
        os.makedirs(tdir, exist_ok=True)
        for name in ("qtbase_zh_CN.qm", "qtbase_en.qm"):
            src = os.path.join(args.qt_translations, name)
            if os.path.exists(src):
                shutil.copy2(src, tdir)

    index = {}
    for d in args.search:
        if os.path.isdir(d):
            for name in os.listdir(d):
                if name.lower().endswith(".dll"):
                    index.setdefault(name.lower(), os.path.join(d, name))

    copied = set()
    todo = []
    for dirpath, _, files in os.walk(stage):
        for name in files:
            if name.lower().endswith((".exe", ".dll")):
                todo.append(os.path.join(dirpath, name))
                if dirpath == stage and name.lower().endswith(".dll"):
                    copied.add(name.lower())
    missing = set()
    while todo:
        for dll in imports(todo.pop()):
            key = dll.lower()
            if key in copied or key in SYSTEM or key.startswith("api-ms-win-"):
                continue
            src = index.get(key)
            if not src:
                missing.add(dll)
                continue
            shutil.copy2(src, os.path.join(stage, os.path.basename(src)))
            copied.add(key)
            todo.append(os.path.join(stage, os.path.basename(src)))
    if missing:
        sys.exit("deploy: imported DLLs found nowhere: " + ", ".join(sorted(missing)))
    dlls = sum(1 for dp, _, fs in os.walk(stage) for n in fs if n.lower().endswith(".dll"))
    print(f"deploy: {dlls} DLLs in {stage} (plugins included)")


if __name__ == "__main__":
    main()
