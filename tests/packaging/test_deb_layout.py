"""The .deb assembly on a small fake bundle: layout, links, desktop entry, dependencies."""

from __future__ import annotations

import configparser
import gzip
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed (Debian/Ubuntu only)"
)

# What Qt needs from the system (platform-notes.md): every one must be a dependency.
QT_SYSTEM_PACKAGES = [
    "libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libxkbcommon-x11-0",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
    "libxcb-shape0", "libxcb-xkb1",
]  # fmt: skip


@pytest.fixture(scope="module")
def deb(build_linux: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    bundle = tmp_path_factory.mktemp("bundle") / "tradescreen"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "_internal" / "libfake.so").write_bytes(b"not really a library")
    (bundle / "_internal" / "resources" / "data.txt").write_text("data")
    for name in ("tradescreen", "tradescreen-cli"):
        (bundle / name).write_text("#!/bin/sh\necho fake\n")
        (bundle / name).chmod(0o700)
    out = tmp_path_factory.mktemp("out")
    path: Path = build_linux.assemble_deb(
        bundle, out, version="1.2.0rc1", architecture="amd64", compression="gzip"
    )
    return path


def _dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], check=True, capture_output=True, text=True).stdout


def _contents(deb: Path) -> dict[str, tuple[str, str]]:
    """path -> (mode string, symlink target or "")"""
    entries = {}
    for line in _dpkg_deb("--contents", str(deb)).splitlines():
        parts = line.split(maxsplit=5)
        mode, owner, name = parts[0], parts[1], parts[5]
        assert owner == "root/root", line
        target = ""
        if " -> " in name:
            name, target = name.split(" -> ", 1)
        entries[name.removeprefix(".").rstrip("/") or "/"] = (mode, target)
    return entries


def test_package_name_and_file_name(deb: Path) -> None:
    assert deb.name == "tradescreen_1.2.0~rc1_amd64.deb"
    fields = _dpkg_deb("--field", str(deb), "Package", "Version", "Architecture").splitlines()
    assert fields == ["Package: tradescreen", "Version: 1.2.0~rc1", "Architecture: amd64"]


def test_bundle_goes_to_opt_with_links_in_usr_bin(deb: Path) -> None:
    entries = _contents(deb)
    assert entries["/opt/tradescreen/tradescreen"][0] == "-rwxr-xr-x"
    assert entries["/opt/tradescreen/tradescreen-cli"][0] == "-rwxr-xr-x"
    assert entries["/opt/tradescreen/_internal/libfake.so"][0] == "-rw-r--r--"
    assert "/opt/tradescreen/_internal/resources/data.txt" in entries
    assert entries["/usr/bin/tradescreen"] == ("lrwxrwxrwx", "/opt/tradescreen/tradescreen")
    assert entries["/usr/bin/tradescreen-cli"] == (
        "lrwxrwxrwx",
        "/opt/tradescreen/tradescreen-cli",
    )
    dirs = [mode for mode, _ in entries.values() if mode.startswith("d")]
    assert dirs and all(mode == "drwxr-xr-x" for mode in dirs)


def test_desktop_entry_and_icons(deb: Path, tmp_path: Path) -> None:
    entries = _contents(deb)
    for size in (16, 32, 48, 64, 128, 256):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/tradescreen.png" in entries
    assert "/usr/share/icons/hicolor/scalable/apps/tradescreen.svg" in entries

    subprocess.run(["dpkg-deb", "--extract", str(deb), str(tmp_path)], check=True)
    desktop_file = tmp_path / "usr" / "share" / "applications" / "tradescreen.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(desktop_file, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "TradeScreen"
    assert entry["Exec"] == "tradescreen"  # /usr/bin/tradescreen
    assert entry["Icon"] == "tradescreen"  # the hicolor icons above
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run([validate, str(desktop_file)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_shell_completion_and_man_page_are_shipped(deb: Path, tmp_path: Path) -> None:
    """Generated from the CLI's parser at build time: every command, ``--fail-on`` included."""
    entries = _contents(deb)
    shipped = {
        "bash": "/usr/share/bash-completion/completions/tradescreen-cli",
        "zsh": "/usr/share/zsh/vendor-completions/_tradescreen-cli",
        "fish": "/usr/share/fish/vendor_completions.d/tradescreen-cli.fish",
        "man": "/usr/share/man/man1/tradescreen-cli.1.gz",
    }
    for path in shipped.values():
        assert entries[path][0] == "-rw-r--r--", path
    subprocess.run(["dpkg-deb", "--extract", str(deb), str(tmp_path)], check=True)
    texts = {shell: (tmp_path / path.lstrip("/")).read_bytes() for shell, path in shipped.items()}
    page = gzip.decompress(texts.pop("man")).decode("utf-8")
    assert page.startswith(".TH TRADESCREEN-CLI 1")
    for command in ("screen", "lists", "entity", "runs", "decide", "export", "audit"):
        assert f".SS {command}" in page
        for shell, text in texts.items():
            assert command.encode() in text, (shell, command)
    assert "\\-\\-fail\\-on" in page and "EXIT STATUS" in page
    assert all(b"--fail-on" in text or b"fail-on" in text for text in texts.values())
    bash = tmp_path / shipped["bash"].lstrip("/")
    if shutil.which("bash"):
        script = (f"source {bash}; COMP_WORDS=(tradescreen-cli screen --fa); COMP_CWORD=2; "
                  "_shtab_tradescreen_cli; echo ${COMPREPLY[@]}")  # fmt: skip
        done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
        assert done.stdout.split() == ["--fail-on"]


def test_depends_on_what_qt_needs_from_the_system(deb: Path, build_linux: ModuleType) -> None:
    depends = _dpkg_deb("--field", str(deb), "Depends").strip()
    alternatives = [{p.strip() for p in dep.split("|")} for dep in depends.split(",")]
    satisfied = set().union(*alternatives)
    for package in [*QT_SYSTEM_PACKAGES, "libglib2.0-0"]:
        assert package in satisfied, f"Depends lacks {package}: {depends}"
    # The libraries the bundle leaves to the system are all provided by a dependency.
    assert set(build_linux.SYSTEM_LIBRARIES.values()) <= satisfied
    recommends = _dpkg_deb("--field", str(deb), "Recommends").strip()
    assert "fonts-noto-cjk" in recommends
    installed_size = int(_dpkg_deb("--field", str(deb), "Installed-Size").strip())
    assert installed_size >= 1


def test_a_folder_without_the_executables_is_refused(
    build_linux: ModuleType, tmp_path: Path
) -> None:
    (tmp_path / "bundle").mkdir()
    with pytest.raises(FileNotFoundError, match="tradescreen"):
        build_linux.assemble_deb(tmp_path / "bundle", tmp_path, version="1", architecture="all")


@pytest.mark.parametrize(
    ("pep440", "debian"),
    [("0.1.0", "0.1.0"), ("1.0rc2", "1.0~rc2"), ("1.0.0.dev3", "1.0.0~dev3"), ("2.1b1", "2.1~b1")],
)
def test_debian_version(build_linux: ModuleType, pep440: str, debian: str) -> None:
    assert build_linux.debian_version(pep440) == debian
