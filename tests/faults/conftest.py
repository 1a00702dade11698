"""Shared set-up of the fault tests: a supplier file large enough for worker processes, and
the CLI run as a real process with its phases announced on stderr."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# The CLI as users run it, plus one line per progress label on stderr ("PHASE <label>"), so a
# test can kill it while it reads, matches or stores. Only the announcement is added.
PHASED_CLI = (
    "import sys, core.progress as p\n"
    "def report(self, done, total, label):\n"
    "    print('PHASE', label, file=sys.stderr, flush=True)\n"
    "p.NullProgress.report = report\n"
    "import core.cli.common as c\n"
    "c.TerminalProgress.report = report\n"
    "from core.cli import main\n"
    "sys.exit(main())\n"
)


def large_supplier_csv(path: Path, rows: int = 12_000) -> Path:
    """Distinct supplier names (enough for worker processes) over 1 MiB (so the workers start
    before the file is read), a few of them listed."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Supplier name", "Country", "Address"])
        for n in range(rows):
            name = "Kratos Unmanned Aerial Systems" if n % 1000 == 7 else f"Vendor {n} Trading Ltd"
            writer.writerow([name, "US", f"{n} Industrial Park Road, Building {n % 97}, " * 2])
    return path


def cli_env(data_dir: Path, workers: int = 2) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(REPO),
        TRADESCREEN_DATA_DIR=str(data_dir),
        TRADESCREEN_MATCH_WORKERS=str(workers),
        QT_QPA_PLATFORM="offscreen",
    )
    env.pop("TRADESCREEN_DATABASE_URL", None)
    return env


def start_phased_cli(args: list[str], data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", PHASED_CLI, *args],
        cwd=REPO,
        env=cli_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="session")
def supplier_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return large_supplier_csv(tmp_path_factory.mktemp("suppliers") / "suppliers.csv")
