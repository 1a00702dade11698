#!/usr/bin/env python3
"""Build the Linux bundle with PyInstaller, check its libraries, and package it as a .deb.

    python packaging/build_linux.py                # dist/tradescreen/, dist/tradescreen_V_ARCH.deb
    python packaging/build_linux.py --skip-bundle  # repackage the existing dist/tradescreen/

Run it with the project's environment (``pip install -e .[build,postgres]``). The .deb installs
the bundle in /opt/tradescreen, links /usr/bin/tradescreen and /usr/bin/tradescreen-cli, and adds
a desktop entry and icons. ``assemble_deb`` works on any bundle-shaped folder (the tests use a
fake one).
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
SPEC = ROOT / "packaging" / "tradescreen.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

PACKAGE = "tradescreen"
INSTALL_DIR = "/opt/tradescreen"
EXECUTABLES = ("tradescreen", "tradescreen-cli")
MAINTAINER = "TradeScreen maintainers <tradescreen@localhost>"
# The bundle carries Qt and most of its dependencies, but not the OpenGL/EGL drivers; Qt's xcb
# and Wayland platform plugins use the system's X11/Wayland client libraries (platform-notes.md).
DEPENDS = (
    "libgl1", "libegl1", "libglib2.0-0t64 | libglib2.0-0", "libxkbcommon0", "libfontconfig1",
    "libdbus-1-3", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
    "libxcb-image0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1",
    "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
)  # fmt: skip
# Libraries the bundle may leave to the system because a package in DEPENDS provides them.
SYSTEM_LIBRARIES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1",
    "libGLX.so.0": "libgl1", "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0", "libwayland-egl.so.1": "libwayland-egl1",
}  # fmt: skip
RECOMMENDS = ("fonts-noto-cjk",)  # Chinese entity names need a CJK font
DESCRIPTION = """\
Offline screening of supplier files against trade-restriction lists
 TradeScreen screens supplier spreadsheets (xlsx, xls, ods, csv) against export-control,
 sanctions and other trade-restriction lists as of a chosen date, offline, and exports the
 explained hits to Excel.
 .
 Contains the desktop app (tradescreen) and the command line (tradescreen-cli)."""
DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Version=1.0
Name=TradeScreen
GenericName=Trade restriction screening
Comment=Screen supplier spreadsheets against trade-restriction lists as of a date
Exec=tradescreen
Icon=tradescreen
Terminal=false
Categories=Office;
Keywords=sanctions;export control;compliance;screening;suppliers;
StartupWMClass=tradescreen
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-bundle", action="store_true", help="reuse dist/tradescreen/")
    parser.add_argument("--output", type=Path, default=DIST, help="where the .deb goes")
    parser.add_argument(
        "--compression",
        choices=("xz", "zstd", "gzip"),
        default="xz",
        help="xz: smallest, every dpkg reads it (default); zstd/gzip: much faster to build",
    )
    args = parser.parse_args(argv)

    bundle = DIST / "tradescreen"
    started = time.monotonic()
    if not args.skip_bundle:
        build_bundle()
    bundle_seconds = time.monotonic() - started
    if not (bundle / "tradescreen").is_file():
        print(f"build_linux: no bundle in {bundle}", file=sys.stderr)
        return 1
    missing = unresolved_libraries(bundle)
    if missing:
        print("build_linux: bundled files need libraries that are missing:", file=sys.stderr)
        for line in missing:
            print(f"  {line}", file=sys.stderr)
        return 1

    started = time.monotonic()
    deb = assemble_deb(
        bundle,
        args.output,
        version=project_version(),
        architecture=deb_architecture(),
        compression=args.compression,
    )
    deb_seconds = time.monotonic() - started
    mib = 1024 * 1024
    print(f"bundle: {bundle}  {folder_size(bundle) / mib:.0f} MiB  ({bundle_seconds:.0f} s)")
    print(f"package: {deb}  {deb.stat().st_size / mib:.0f} MiB  ({deb_seconds:.0f} s)")
    return 0


def build_bundle() -> None:
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC),
    ]  # fmt: skip
    print("== " + " ".join(command[1:]), flush=True)
    subprocess.check_call(command, cwd=ROOT)


def project_version() -> str:
    text = (ROOT / "core" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("build_linux: no __version__ in core/__init__.py")
    return match.group(1)


def debian_version(version: str) -> str:
    """PEP 440 pre-releases sort before the release in Debian with a tilde: 1.0rc1 -> 1.0~rc1."""
    return re.sub(r"\.?(dev|a|b|rc)(\d*)", r"~\1\2", version)


def deb_architecture() -> str:
    if shutil.which("dpkg"):
        return subprocess.check_output(["dpkg", "--print-architecture"], text=True).strip()
    machine = os.uname().machine
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(machine, machine)


def assemble_deb(
    bundle: Path,
    output_dir: Path,
    *,
    version: str,
    architecture: str,
    icons_dir: Path = ICONS,
    compression: str = "xz",
) -> Path:
    """Package a bundle folder (holding the ``tradescreen`` and ``tradescreen-cli`` executables)
    as ``output_dir/tradescreen_<version>_<architecture>.deb`` and return its path."""
    for name in EXECUTABLES:
        if not (bundle / name).is_file():
            raise FileNotFoundError(f"{bundle / name} is missing")
    output_dir.mkdir(parents=True, exist_ok=True)
    deb_version = debian_version(version)
    target = output_dir / f"{PACKAGE}_{deb_version}_{architecture}.deb"
    with tempfile.TemporaryDirectory(prefix="tradescreen-deb-") as tmp:
        stage = Path(tmp) / "root"
        shutil.copytree(bundle, stage / INSTALL_DIR.lstrip("/"), symlinks=True)
        usr_bin = stage / "usr" / "bin"
        usr_bin.mkdir(parents=True)
        for name in EXECUTABLES:
            (usr_bin / name).symlink_to(f"{INSTALL_DIR}/{name}")
        share = stage / "usr" / "share"
        _write(share / "applications" / f"{PACKAGE}.desktop", DESKTOP_ENTRY)
        hicolor = share / "icons" / "hicolor"
        for size in ICON_SIZES:
            png = icons_dir / f"tradescreen-{size}.png"
            if png.exists():
                _copy(png, hicolor / f"{size}x{size}" / "apps" / f"{PACKAGE}.png")
        svg = icons_dir / "tradescreen.svg"
        if svg.exists():
            _copy(svg, hicolor / "scalable" / "apps" / f"{PACKAGE}.svg")
        _cli_docs().write_cli_docs(share, version)  # completions and man page, from the parser
        control = _control(deb_version, architecture, installed_kib=_kib(stage))
        _write(stage / "DEBIAN" / "control", control)
        _normalize_modes(stage)
        subprocess.run(
            [
                "dpkg-deb",
                "--build",
                "--root-owner-group",
                f"-Z{compression}",
                str(stage),
                str(target),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    return target


def _cli_docs() -> Any:
    """packaging/cli_docs.py, loaded from its file (``packaging`` is a PyPI name too)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_tradescreen_cli_docs", HERE / "cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _control(version: str, architecture: str, *, installed_kib: int) -> str:
    fields = {
        "Package": PACKAGE,
        "Version": version,
        "Architecture": architecture,
        "Maintainer": MAINTAINER,
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(DEPENDS),
        "Recommends": ", ".join(RECOMMENDS),
        "Section": "misc",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _kib(stage: Path) -> int:
    total = sum(p.lstat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
    return math.ceil(total / 1024)


def _normalize_modes(stage: Path) -> None:
    """0755 for folders and executables, 0644 for everything else (a temp dir starts 0700)."""
    for path in [stage, *stage.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or path.stat().st_mode & 0o111:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def unresolved_libraries(bundle: Path) -> list[str]:
    """``file: library`` for every shared library a bundled ELF file needs but cannot find,
    apart from those the package's dependencies install (SYSTEM_LIBRARIES)."""
    if not shutil.which("ldd"):
        return []
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    problems: list[str] = []
    for path in sorted(bundle.rglob("*")):
        if not path.is_file() or path.is_symlink() or not _is_elf(path):
            continue
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            library = line.split()[0] if line.strip() else ""
            if "not found" in line and library not in SYSTEM_LIBRARIES:
                problems.append(f"{path.relative_to(bundle)}: {library}")
    return problems


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
