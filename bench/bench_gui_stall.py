"""Benchmark: the window stays responsive while a 100,000-row xlsx is read and screened.
Target: no event-loop stall over 100 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui_stall.py [--rows N] [--pause S]

Drives the real main window (open the file, check the columns for S seconds while the matching
processes start, screen it as of 2025-05-20, show the results) while
a 10 ms ``QTimer`` records every gap between its ticks. Prints the longest gap and the 99th
percentile for each phase and overall. The workbook (one row in 200 carries a listed name) is
generated once with a fixed seed and cached in bench/out/, which git ignores. Runs against a
throwaway database and settings folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TRADESCREEN_DATA_DIR"] = tempfile.mkdtemp(prefix="tradescreen-bench-")
os.environ.pop("TRADESCREEN_DATABASE_URL", None)

from bench_reading import make_workbook  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QThreadPool, QTimer  # noqa: E402

TARGET_MS = 100.0
PHASES = ("read", "check", "screen", "show")
TICK_MS = 10
AS_OF = dt.date(2025, 5, 20)
LISTED = [
    "Kratos Unmanned Aerial Systems Inc",
    "Huawei Technologies Co., Ltd.",
    "Skydio Inc.",
    "Shield AI",
    "洛克希德·马丁公司",
    "Illumina Inc",
    "Sierra Nevada Corporation",
    "Hangzhou Hikvision Digital Technology Co., Ltd.",
    "General Atomics Aeronautical Systems",
]


class GcWatch:
    """The longest garbage-collector pause per phase (a full collection holds the GIL)."""

    def __init__(self, recorder: GapRecorder) -> None:
        self.recorder = recorder
        self.longest: dict[str, float] = {}
        self._started: dict[int, float] = {}
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, _info: dict[str, int]) -> None:
        ident = threading.get_ident()
        if phase == "start":
            self._started[ident] = time.perf_counter()
            return
        took = (time.perf_counter() - self._started.pop(ident, time.perf_counter())) * 1000
        key = self.recorder.phase
        self.longest[key] = max(self.longest.get(key, 0.0), took)


class GapRecorder:
    """A 10 ms timer; every tick records how long it really was since the previous one."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.phase = "start"
        self.gaps: dict[str, list[float]] = {}
        self._last = 0

    def start(self) -> None:
        self.clock.start()
        self._last = self.clock.nsecsElapsed()
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.setdefault(self.phase, []).append((now - self._last) / 1e6)
        self._last = now


def wait_until(condition: object, timeout_s: float) -> None:
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)  # type: ignore[operator]
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start(int(timeout_s * 1000))
    loop.exec()
    poll.stop()
    if not condition():  # type: ignore[operator]
        raise SystemExit(f"timed out after {timeout_s:.0f} s")


def summary(gaps: list[float]) -> str:
    if not gaps:
        return "no ticks"
    ordered = sorted(gaps)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return (
        f"max gap {max(gaps):6.1f} ms, p99 {p99:5.1f} ms, median "
        f"{statistics.median(gaps):4.1f} ms over {len(gaps)} ticks"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--pause",
        type=float,
        default=1.0,
        help="seconds the user takes to check the columns before pressing Screen (default 1)",
    )
    args = parser.parse_args()
    path = ROOT / "bench" / "out" / f"gui-stall-{args.rows}.xlsx"
    if not path.exists():
        print(f"generating {path.name} ...", flush=True)
        make_workbook(path, args.rows, listed=LISTED)

    from gui.app import create_application
    from gui.tasks import responsiveness
    from gui.tasks.services import AppServices
    from gui.tasks.settings import AppSettings
    from gui.window.controller import AppController
    from gui.window.main_window import MainWindow

    app = create_application([sys.argv[0]])
    settings = AppSettings()
    services = AppServices(f"sqlite:///{os.environ['TRADESCREEN_DATA_DIR']}/bench.db", "bench")
    window = MainWindow(AppController(settings, services))
    window.show()
    wait_until(lambda: window.controller.snapshot is not None, 60)
    responsiveness.configure()  # as gui.app.main does
    recorder = GapRecorder()
    collector = GcWatch(recorder)
    recorder.start()
    timings: dict[str, float] = {}

    started = time.perf_counter()
    recorder.phase = "read"
    window.open_file(path)
    page = window.screen_page
    wait_until(
        lambda: window.controller.task is None and page.tables and page.stack.currentIndex() == 1,
        300,
    )
    timings["read"] = time.perf_counter() - started

    recorder.phase = "check"  # the user looks at the columns; matching processes start
    paused = time.perf_counter()
    wait_until(lambda: time.perf_counter() - paused >= args.pause, args.pause + 5)
    window.screen_page.options.date.set_date(AS_OF)
    started = time.perf_counter()
    recorder.phase = "screen"
    screened = window.controller._screened

    def show(outcome: object) -> None:  # the result is back: what follows is showing it
        timings["screen"] = time.perf_counter() - started
        recorder.phase = "show"
        screened(outcome)  # type: ignore[arg-type]

    window.controller._screened = show  # type: ignore[method-assign]
    window.start_screening()
    wait_until(lambda: window.controller.task is None, 600)
    result = window.results.result
    if result is None:
        raise SystemExit("the screening did not finish")
    shown = time.perf_counter()
    wait_until(lambda: time.perf_counter() - shown > 0.5, 5)
    recorder.timer.stop()
    QThreadPool.globalInstance().waitForDone()

    print(
        f"{result.rows_screened:,} rows read and screened as of {AS_OF}: "
        f"{len(result.hits):,} hits on {result.flagged_rows():,} rows; read "
        f"{timings['read']:.1f} s, screen and store {timings['screen']:.1f} s; "
        "phases: read = reading the file and showing its columns, screen = screening and "
        "storing the run, show = showing the results; check = the user checking the columns "
        f"for {args.pause:g} s"
    )
    everything: list[float] = []
    for phase in PHASES:
        gaps = recorder.gaps.get(phase, [])
        everything += gaps
        gc_pause = collector.longest.get(phase, 0.0)
        print(f"  {phase:8s} {summary(gaps)}; longest GC pause {gc_pause:.0f} ms")
    worst = max(everything, default=0.0)
    print(f"  overall  {summary(everything)}")
    over = [
        p
        for p in ("read", "check", "screen", "show")
        if max(recorder.gaps.get(p, [0.0])) > TARGET_MS
    ]
    verdict = "met" if worst <= TARGET_MS else f"MISSED in {', '.join(over)}"
    print(f"target: no stall over {TARGET_MS:.0f} ms -> {verdict}")
    window.close()
    services.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
