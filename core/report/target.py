"""Writing the report file safely: all or nothing, with messages a user can act on.

The workbook is saved to a temporary file beside the target and moved over it only when
complete, so a cancelled or failed export never leaves half a file (and never destroys the
previous report). A process killed while writing cannot remove its temporary file: each one
is noted in the user data folder while it exists, and ``remove_stray_temporaries`` (called
when the app or a command starts) deletes those a killed process left.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import UsageError, UserFacingError
from core.paths import user_data_dir

SUFFIX = ".xlsx"
"""The report is an Excel workbook: its file name must end so (any case)."""


PDF_SUFFIX = ".pdf"
"""The one-page summary (``core.report.pdf_summary``)."""
_KINDS = {SUFFIX: "the report is an Excel workbook", PDF_SUFFIX: "the summary is a PDF file"}


def check_suffix(path: Path, shown: str | None = None, suffix: str = SUFFIX) -> None:
    """A ``UsageError`` unless ``path`` ends in ``suffix``. ``shown`` names the path in the
    message (say "--output R.pdf"); by default the path itself."""
    if path.suffix.lower() != suffix:
        where = shown if shown is not None else str(path)
        raise UsageError(f"{where}: {_KINDS[suffix]}, name it {suffix}")


def with_suffix(path: Path) -> Path:
    """``path`` as a report file name: unchanged if it ends in ``SUFFIX``, else with it."""
    return path if path.suffix.lower() == SUFFIX else path.with_suffix(SUFFIX)


def report_error(path: Path, err: OSError) -> UserFacingError:
    """A one-line message for why ``path`` cannot be written."""
    folder = path.parent
    if isinstance(err, IsADirectoryError) or path.is_dir():
        problem = f"that is a folder; give a file name ending in {path.suffix or SUFFIX}"
    elif isinstance(err, FileNotFoundError) and not folder.is_dir():
        problem = f"the folder {folder} does not exist"
    elif isinstance(err, PermissionError):
        if path.exists():
            problem = (
                "the file is open in another program or read-only; close it (in Excel) "
                "or choose another name"
            )
        else:
            problem = f"you may not write in the folder {folder}"
    elif err.errno == errno.ENOSPC:
        problem = "the disk is full"
    elif err.errno == errno.EROFS:
        problem = "the disk is read-only"
    else:
        problem = err.strerror or str(err)
    return UserFacingError(f"cannot write the report {path}: {problem}")


def check_target(path: Path, suffix: str = SUFFIX) -> None:
    """Fail before the long work when the report certainly cannot be written."""
    check_suffix(path, suffix=suffix)
    if path.is_dir():
        raise report_error(path, IsADirectoryError(errno.EISDIR, "is a folder"))
    if not path.parent.is_dir():
        raise report_error(path, FileNotFoundError(errno.ENOENT, "no folder"))
    if path.exists():
        try:
            # Opening for update changes nothing, but fails while Excel on Windows holds the
            # file open and for read-only files (which a rename would silently replace).
            with path.open("r+b"):
                pass
        except OSError as err:
            raise report_error(path, err) from err


def _create_temporary(path: Path) -> Path:
    """An empty new file beside ``path``, created with the user's usual permissions."""
    for _ in range(100):
        temp = path.with_name(f"~{path.stem}.{secrets.token_hex(4)}.tmp")
        try:
            handle = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        os.close(handle)
        return temp
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _notes_dir() -> Path:
    return user_data_dir() / "unfinished-writes"


def _note(temp: Path) -> Path | None:
    """Note ``temp`` as being written (one small file per temporary: no shared file that
    two processes would race on); the note, or None if it cannot be written."""
    note = _notes_dir() / (hashlib.sha256(str(temp).encode()).hexdigest()[:24] + ".path")
    try:
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(f"{os.getpid()}\n{temp}", encoding="utf-8")
    except OSError:
        return None
    return note


def remove_stray_temporaries() -> list[Path]:
    """Delete the temporary report files that processes killed while writing left behind
    (a note whose writing process is gone; where that cannot be told, a note older than
    ``_STALE_SECONDS``); the files removed."""
    removed: list[Path] = []
    try:
        notes = list(_notes_dir().glob("*.path"))
    except OSError:
        return removed
    now = time.time()
    for note in notes:
        try:
            pid_text, _, temp_text = note.read_text(encoding="utf-8").partition("\n")
            if _writer_alive(int(pid_text), now - note.stat().st_mtime):
                continue  # another instance writing right now
            temp = Path(temp_text.strip())
            if temp.name.startswith("~") and temp.suffix == ".tmp" and temp.is_file():
                temp.unlink()
                removed.append(temp)
            note.unlink()
        except (OSError, ValueError):
            continue
    return removed


def _writer_alive(pid: int, age: float) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return age < _STALE_SECONDS  # no cheap, safe liveness test of another process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


_STALE_SECONDS = 6 * 3600
"""An export takes seconds to minutes: a note this old belongs to a process that died."""


@contextmanager
def staged_file(path: Path) -> Iterator[Path]:
    """A temporary path to write; moved onto ``path`` when the block succeeds, else removed."""
    try:
        temp = _create_temporary(path)
    except OSError as err:
        raise report_error(path, err) from err
    note = _note(temp)
    try:
        try:
            yield temp
            temp.replace(path)  # os.replace: atomic, and replaces an existing file
        except OSError as err:
            raise report_error(path, err) from err
    finally:
        temp.unlink(missing_ok=True)
        if note is not None:
            with contextlib.suppress(OSError):
                note.unlink()
