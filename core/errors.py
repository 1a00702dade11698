"""One error hierarchy for the whole app.

Expected failures (a bad file, a locked database, a tampered list pack) are
``UserFacingError``s whose message a procurement user can act on. The GUI shows them in
one place; the CLI prints them on one line. Anything else is a bug.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """A failure the user can understand and fix; ``str(err)`` is the whole message."""

    exit_code: int = 1


class UsageError(UserFacingError):
    """The command or dialog was given a value it cannot accept (bad date, unknown list id)."""

    exit_code = 2


class InputFileError(UserFacingError):
    """A supplier file cannot be read; the message names the file and where in it."""

    def __init__(
        self,
        path: str,
        problem: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.path = path
        self.problem = problem
        self.sheet = sheet
        self.row = row
        self.column = column
        where = [path]
        if sheet is not None:
            where.append(f"sheet {sheet!r}")
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        # Picklable (a workbook is read in a child process that sends its errors back).
        return _input_file_error, (self.path, self.problem, self.sheet, self.row, self.column)


def _input_file_error(
    path: str, problem: str, sheet: str | None, row: int | None, column: str | None
) -> InputFileError:
    return InputFileError(path, problem, sheet=sheet, row=row, column=column)


class ListPackError(UserFacingError):
    """A list pack is malformed, incomplete or does not match its checksums."""


class DatabaseError(UserFacingError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(UserFacingError):
    """A run, entity or list the user named does not exist."""


class Cancelled(Exception):  # noqa: N818 - reads as a state, raised when the user cancels
    """Long work stopped because the user asked it to. Not an error to report."""
