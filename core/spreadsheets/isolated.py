"""Reading an untrusted workbook in a child process, so that a crash of the reader is an error
message, not the end of the app.

python-calamine is native code: a workbook that makes it allocate more than the machine has
(a 5 KB file whose two cells lie a million rows and 16,000 columns apart is enough) aborts the
whole process, with no Python exception to catch; in the window that is a crash without a
message. Run in a child, such a failure ends only the child, and ``run_isolated`` raises an
``InputFileError`` saying what happened. The child reports progress, is stopped when the user
cancels, and ends with its parent (``core.shutdown.end_with_parent``). Like the matching
workers it is started with "spawn" (safe beside Qt threads, and what Windows and macOS do).
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from core.errors import Cancelled, InputFileError, UserFacingError
from core.progress import Progress
from core.shutdown import end_with_parent

ISOLATION_VARIABLE = "TRADESCREEN_ISOLATED_READING"
"""Environment variable: "0" reads workbooks in this process (faster, not crash-proof)."""
_POLL_SECONDS = 0.1
T = TypeVar("T")


def isolation_on() -> bool:
    return os.environ.get(ISOLATION_VARIABLE, "1").strip() != "0"


def run_isolated(
    path: Path, work: Callable[..., T], args: tuple[Any, ...], progress: Progress
) -> T:
    """``work(*args, progress)`` run in a child process; its result (or the user-facing error
    it raised). ``work`` must be a module-level function and its arguments and result
    picklable. A child that dies (out of memory, a native crash) raises ``InputFileError``
    naming ``path``; cancelling ``progress`` stops the child and raises ``Cancelled``."""
    if not isolation_on():
        return work(*args, progress)
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(send, work, args), name="tradescreen-reader", daemon=True
    )
    try:
        child.start()
    except OSError:  # no processes here: read in this one, as before
        receive.close()
        send.close()
        return work(*args, progress)
    send.close()  # the child's end: EOF here once the child is gone
    try:
        while True:
            if progress.cancelled:
                raise Cancelled()
            if not receive.poll(_POLL_SECONDS):
                continue
            try:
                kind, *payload = receive.recv()
            except (EOFError, OSError):
                child.join(5)
                raise _crashed(path, child.exitcode) from None
            if kind == "progress":
                progress.report(*payload)
            elif kind == "done":
                result: T = payload[0]
                return result
            elif kind == "error":
                raise payload[0]
            else:  # "bug": a programming error in the child, shown as one
                raise RuntimeError(f"reading {path} failed in the reader process:\n{payload[0]}")
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)


def _crashed(path: Path, exitcode: int | None) -> InputFileError:
    how = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"status {exitcode}"
    return InputFileError(
        str(path),
        f"the workbook reader crashed on it ({how}; it ran out of memory or met damaged data): "
        "the file claims far more cells than it has or is damaged; open it in Excel and save "
        "it again, or save it as CSV",
    )


def _quiet_native_errors() -> None:
    """A native abort prints its own report (a Rust backtrace) on standard error; the parent
    tells the user what happened in one line instead."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
    except OSError:
        pass


class _PipeProgress:
    """Progress of the child, sent to the parent (which decides about cancelling)."""

    def __init__(self, send: Connection) -> None:
        self._send = send

    def report(self, done: int, total: int, label: str) -> None:
        self._send.send(("progress", done, total, label))

    @property
    def cancelled(self) -> bool:
        return False


def _child(send: Connection, work: Callable[..., Any], args: tuple[Any, ...]) -> None:
    end_with_parent(kernel_watch=False)  # may be started from any thread of the parent
    _quiet_native_errors()
    try:
        result = work(*args, _PipeProgress(send))
    except UserFacingError as err:
        send.send(("error", err))
    except Exception:
        send.send(("bug", traceback.format_exc()))
    else:
        send.send(("done", result))
    finally:
        send.close()
