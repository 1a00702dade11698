"""Benchmark: the window screens a supplier file where every row hits, and stays usable.

    python bench/bench_all_hits_window.py [--rows N] [--png FILE]     (default 1,000,000)

Writes a CSV of N rows, each a listed company (as ``bench_all_hits.py``), and in a child
process (offscreen Qt, a throwaway database) drives the real main window: opens the file,
screens it as of 2025-05-20, then sorts the table by status, filters it to one status, and
selects the last row. Prints the time of each step, the peak resident memory of all our
processes summed (the window and its matching workers) and the outcome; ``--png`` saves a
picture of the window with the result. The target: finished and stored, under 2 GB, and no
step that keeps the window from answering for long.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_all_hits import TARGET_MB, _run_sampled  # noqa: E402


def _child(source: Path, png: str) -> int:
    """In the child: drive the window; one JSON line of figures on standard output."""
    sys.path.insert(0, str(ROOT))
    import datetime as dt

    from PySide6.QtCore import Qt

    from core.lists.model import Status
    from gui.app import create_application
    from gui.models.results_model import COL_ROW, COL_STATUS
    from gui.tasks.services import AppServices
    from gui.tasks.settings import AppSettings
    from gui.window.controller import AppController
    from gui.window.main_window import MainWindow

    app = create_application([sys.argv[0]])
    services = AppServices(f"sqlite:///{os.environ['TRADESCREEN_DATA_DIR']}/w.db", "bench")
    window = MainWindow(AppController(AppSettings(), services))
    window.resize(1280, 800)
    window.show()
    figures: dict[str, object] = {}

    def until(condition: object, what: str, timeout: float = 1800) -> None:
        began = time.monotonic()
        while not condition():  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.005)
            if time.monotonic() - began > timeout:
                raise SystemExit(f"timed out: {what}")
        figures[what] = round(time.monotonic() - began, 1)

    until(lambda: window.controller.snapshot is not None, "start s")
    window.open_file(source)
    until(lambda: window.controller.task is None and bool(window.screen_page.tables), "read s")
    window.screen_page.options.date.set_date(dt.date(2025, 5, 20))
    window.start_screening()
    until(lambda: window.controller.task is None and window.results.result is not None,
          "screen and store s")  # fmt: skip
    results = window.results
    result = results.result
    assert result is not None
    figures["hits"] = len(result.hits)
    figures["run"] = result.run_id
    figures["table rows"] = results.proxy.rowCount()
    for step, action in (
        ("sort by status s", lambda: results.proxy.sort(COL_STATUS, Qt.SortOrder.AscendingOrder)),
        ("filter to active s", lambda: results.status_filter.setCurrentIndex(
            results.status_filter.findData(Status.ACTIVE.value))),
        ("clear filter s", lambda: results.status_filter.setCurrentIndex(0)),
        ("sort by row s", lambda: results.proxy.sort(COL_ROW, Qt.SortOrder.AscendingOrder)),
        ("select last row s", lambda: results.select_row(results.proxy.rowCount() - 1)),
    ):  # fmt: skip
        began = time.monotonic()
        action()
        app.processEvents()
        figures[step] = round(time.monotonic() - began, 2)
    figures["active after filter"] = results.model.status_counts()[Status.ACTIVE]
    current = results.current_hit()
    figures["last row"] = current.row if current is not None else None
    if png:
        window.grab().save(png, "PNG")
    print(json.dumps(figures))
    services.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--png", default="", help="save a picture of the window to this file")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        return _child(args.child, args.png)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "all-hits.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["Supplier name", "Country"])
            for _ in range(args.rows):
                writer.writerow(["Kratos Unmanned Aerial Systems", "US"])
        env = dict(os.environ, PYTHONPATH=str(ROOT), TRADESCREEN_DATA_DIR=str(Path(folder) / "d"),
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))  # fmt: skip
        env.pop("TRADESCREEN_DATABASE_URL", None)
        out = Path(folder) / "figures.json"
        command = [sys.executable, __file__, "--child", str(path), "--png", args.png]
        code, last, seconds, peak = _run_sampled(command, env, stdout=out)
        figures = out.read_text(encoding="utf-8").strip() if out.exists() else ""
    peak_mb = peak / 2**20
    print(f"{args.rows:,} rows, every one a hit, in the window: {seconds:.1f} s, peak "
          f"{peak_mb:.0f} MB summed over our processes (target {TARGET_MB} MB); exit {code}"
          + (f": {last}" if code else "") + f"\n{figures}")  # fmt: skip
    return 0 if peak_mb < TARGET_MB and code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
