#!/usr/bin/env python3
"""Set up a development environment and run TradeScreen or its whole test suite.

    python3 scripts/dev.py run      # set up, then start the app (embedded SQLite, bundled lists)
    python3 scripts/dev.py test     # set up, then lint, type-check and run every test
    python3 scripts/dev.py cli ...  # set up, then run tradescreen-cli with the given arguments

Needs only Python 3.11+. Creates `.venv` beside this repository and installs the project into
it. On Debian/Ubuntu it also installs the system libraries Qt needs and, for the tests, the
PostgreSQL server (with apt-get, as root or through sudo).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
QT_RUNTIME = [
    "libglib2.0-0", "libgl1", "libegl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3",
    "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xkb1", "fonts-noto-cjk",
]  # fmt: skip
# poppler: pdftotext for the PDF summary tests
TEST_EXTRA = ["postgresql", "xvfb", "xauth", "poppler-utils", "poppler-data"]


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may run under an old Python
        print("TradeScreen needs Python 3.11 or newer", file=sys.stderr)
        return 2
    if not argv or argv[0] not in {"run", "test", "cli"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    install_system_packages(QT_RUNTIME + (TEST_EXTRA if command == "test" else []))
    python = ensure_venv(with_tests=command == "test")
    env = dict(os.environ)
    if command == "run":
        return subprocess.call([str(python), "-m", "gui", *rest], cwd=ROOT, env=env)
    if command == "cli":
        return subprocess.call([str(python), "-m", "core.cli", *rest], cwd=ROOT, env=env)
    return run_tests(python, rest, env)


def run_tests(python: Path, pytest_args: list[str], env: dict[str, str]) -> int:
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps = [
        ("ruff", [str(python), "-m", "ruff", "check", "core", "gui", "tests", "bench", "scripts"]),
        ("mypy", [str(python), "-m", "mypy"]),
        # import-linter has no ``python -m`` entry: its console script lives beside python
        (
            "lint-imports",
            [str(python.with_name("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
        ),
        ("pytest", [str(python), "-m", "pytest", *pytest_args]),
    ]
    for name, cmd in steps:
        print(f"== {name}: {' '.join(cmd[1:])}", flush=True)
        code = subprocess.call(cmd, cwd=ROOT, env=env)
        if code == 5 and name == "pytest":
            print("pytest collected no tests: that is a failure here", file=sys.stderr)
            return 1
        if code != 0:
            return code
    return 0


def ensure_venv(*, with_tests: bool) -> Path:
    python = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not python.exists():
        print(f"== creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    extras = "[test]" if with_tests else ""
    stamp = VENV / f".installed{extras}"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"== installing TradeScreen{extras} into {VENV}", flush=True)
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.check_call([*pip, "--upgrade", "pip"])
        subprocess.check_call([*pip, "-e", f"{ROOT}{extras}"])
        stamp.write_text(digest)
    return python


def install_system_packages(packages: list[str]) -> None:
    """Install missing Debian packages; elsewhere, or without rights, say what may be missing."""
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = [p for p in packages if not _dpkg_installed(p)]
    if not missing:
        return
    prefix: list[str] = []
    if os.geteuid() != 0:
        if not shutil.which("sudo"):
            print(f"note: missing system packages (install them as root): {' '.join(missing)}")
            return
        prefix = ["sudo", "-n"]
    print(f"== apt-get install {' '.join(missing)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.check_call([*prefix, "apt-get", "update", "-qq"], env=env)
        subprocess.check_call(
            [*prefix, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            env=env,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"note: could not install {' '.join(missing)}: {exc}", file=sys.stderr)


def _dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True
    )
    return result.returncode == 0 and "install ok installed" in result.stdout


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
