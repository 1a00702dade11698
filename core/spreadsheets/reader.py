"""Reading supplier files: the public entry points for workbooks and delimited text.

``read_supplier_file`` gives one ``SupplierTable`` (one sheet, or the CSV file) with its
header row found, its columns' roles detected, and every row's true row number kept.
Any file it cannot read raises ``InputFileError`` with a one-line message naming the file
(and sheet/row where it applies); a bad option (unknown sheet or column) raises ``UsageError``.
"""

from __future__ import annotations

import bisect
import io
import itertools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from python_calamine import CalamineWorkbook

from core.errors import InputFileError, UsageError
from core.progress import NullProgress, Progress, check_cancelled
from core.spreadsheets.columns import CONTENT_SAMPLE_ROWS, HEADER_SCAN_ROWS, detect_layout
from core.spreadsheets.columns import describe_headers as _describe
from core.spreadsheets.delimited import (
    decode_text,
    iter_line_records,
    sniff_delimiter,
    streaming_encoding,
)
from core.spreadsheets.isolated import run_isolated
from core.spreadsheets.sniff import FileKind, detect_kind
from core.spreadsheets.table import (
    ROWS_ABOVE_KEPT,
    CellValue,
    SupplierRow,
    SupplierTable,
    cell_text,
)
from core.spreadsheets.workbook_rows import (
    CHUNK_ROWS,
    NumberedRow,
    automatic_sheets,
    open_workbook,
    read_sheet_rows,
    sheet_names,
)

_NO_NAME = "no supplier-name column found (headers seen: {}); choose the name column by hand"


def list_sheets(path: str | os.PathLike[str]) -> list[str]:
    """Every sheet name of a workbook in workbook order; ``[]`` for CSV and other text."""
    file = Path(path)
    if detect_kind(file) is FileKind.TEXT:
        return []
    return run_isolated(file, _workbook_sheet_names, (file,), NullProgress())


def _workbook_sheet_names(file: Path, _progress: Progress) -> list[str]:
    with open_workbook(file) as workbook:
        return sheet_names(workbook)


def read_supplier_file(
    path: str | os.PathLike[str],
    *,
    sheet: str | None = None,
    name_column: str | None = None,
    country_column: str | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
    progress: Progress = NullProgress(),  # noqa: B008 - stateless default
) -> SupplierTable:
    """One table of suppliers from ``path``.

    ``sheet`` picks a sheet (exact name, else case-insensitive; hidden sheets too); by
    default the first visible worksheet with a name header is read, else the first whose
    name column can be guessed from its contents (``table.guessed`` then says so).
    ``name_column`` and ``country_column`` override detection with a header text, a column
    letter or a 1-based number. ``header_row`` (the 1-based row number the user sees; for
    CSV the line) overrides the header row found: the roles are detected from that row, and
    rows above it are not read as data. ``encoding`` (CSV and other text only) decodes the
    file with that encoding instead of the one detected. Raises ``InputFileError`` if the
    file cannot be read or has no name column, and ``UsageError`` for an unknown sheet or
    column, or a header row that is past the last row or blank.
    """
    file = Path(path)
    columns = _Columns(name_column, country_column, header_row)
    if detect_kind(file) is FileKind.TEXT:
        if sheet is not None:
            raise UsageError(f"{file} is a text file without sheets; leave out the sheet name")
        return _read_text(file, columns, progress, encoding)
    return run_isolated(file, _workbook_table, (file, sheet, columns), progress)


def _workbook_table(
    file: Path, sheet: str | None, columns: _Columns, progress: Progress
) -> SupplierTable:
    with open_workbook(file) as workbook:
        _require_sheets(file, workbook)
        if sheet is not None:
            chosen = _resolve_sheet(file, sheet, sheet_names(workbook))
            rows = read_sheet_rows(workbook, file, chosen, progress)
            if not rows:
                raise InputFileError(str(file), "the sheet is empty", sheet=chosen)
            return _require_name(_build(file, chosen, rows, columns))
        candidates = automatic_sheets(workbook)
        tables = _sheet_tables(workbook, file, candidates, columns, progress, first_only=True)
        named = [table for table in tables if table.roles.name is not None]
        if named:
            # a name column found by its header beats one guessed from contents
            return min(named, key=lambda table: "name" in table.guessed)
    raise _no_sheet_error(file, tables)


def read_all_sheets(
    path: str | os.PathLike[str],
    *,
    name_column: str | None = None,
    country_column: str | None = None,
    header_row: int | None = None,
    encoding: str | None = None,
    progress: Progress = NullProgress(),  # noqa: B008 - stateless default
) -> list[SupplierTable]:
    """Every visible worksheet that has a detectable name column, in workbook order.

    Sheets without one (and empty sheets) are skipped; if no sheet has one, raises
    ``InputFileError`` listing the headers seen. A CSV file gives a list of one table.
    ``header_row`` applies to every sheet, as in ``read_supplier_file``; a sheet where that
    row is blank or missing is skipped, and if no sheet is left its ``UsageError`` is raised.
    """
    file = Path(path)
    columns = _Columns(name_column, country_column, header_row)
    if detect_kind(file) is FileKind.TEXT:
        return [_require_name(_read_text(file, columns, progress, encoding))]
    return run_isolated(file, _workbook_tables, (file, columns), progress)


def _workbook_tables(file: Path, columns: _Columns, progress: Progress) -> list[SupplierTable]:
    with open_workbook(file) as workbook:
        _require_sheets(file, workbook)
        candidates = automatic_sheets(workbook)
        tables = _sheet_tables(workbook, file, candidates, columns, progress, first_only=False)
    found = [table for table in tables if table.roles.name is not None]
    if not found:
        raise _no_sheet_error(file, tables)
    return found


def _sheet_tables(
    workbook: CalamineWorkbook,
    file: Path,
    sheets: Sequence[str],
    columns: _Columns,
    progress: Progress,
    *,
    first_only: bool,
) -> list[SupplierTable]:
    """Tables of the non-empty ``sheets``, stopping at the first whose name column was found
    by its header if ``first_only``. An override that fits no sheet raises the first
    sheet's ``UsageError``."""
    tables: list[SupplierTable] = []
    usage: UsageError | None = None
    for name in sheets:
        rows = read_sheet_rows(workbook, file, name, progress)
        if not rows:
            continue
        try:
            table = _build(file, name, rows, columns)
        except UsageError as err:
            usage = usage or err
            continue
        tables.append(table)
        if first_only and table.roles.name is not None and "name" not in table.guessed:
            return tables
    if usage is not None and not any(table.roles.name is not None for table in tables):
        raise usage
    return tables


@dataclass(frozen=True, slots=True)
class _Columns:
    """The user's overrides of what detection would choose."""

    name_column: str | None
    country_column: str | None
    header_row: int | None
    """1-based row number as the user sees it."""


def _build(
    file: Path,
    sheet: str | None,
    rows: list[NumberedRow],
    columns: _Columns,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> SupplierTable:
    """The table from a sheet's non-blank rows: header found (or the one chosen), roles
    detected, rows padded."""
    where = f"{file}, sheet {sheet!r}" if sheet is not None else str(file)
    if columns.header_row is None:
        chosen = None
        head = [values for _, values in rows[: HEADER_SCAN_ROWS + CONTENT_SAMPLE_ROWS]]
    else:
        chosen = _header_index(rows, columns.header_row, where)
        head = [values for _, values in rows[: chosen + 1 + CONTENT_SAMPLE_ROWS]]
    layout = detect_layout(
        head,
        name_column=columns.name_column,
        country_column=columns.country_column,
        header_index=chosen,
        where=where,
    )
    width = max(len(values) for _, values in rows)
    header_number, header_values = rows[layout.header_index]
    headers = tuple(cell_text(value).strip() for value in _pad(header_values, width))
    data = tuple(
        SupplierRow(number, values if len(values) == width else _pad(values, width))
        for number, values in rows[layout.header_index + 1 :]
    )
    above = tuple(
        SupplierRow(number, _pad(values, width))
        for number, values in rows[
            max(0, layout.header_index - ROWS_ABOVE_KEPT) : layout.header_index
        ]
    )
    return SupplierTable(
        path=str(file),
        sheet=sheet,
        header_row=header_number,
        headers=headers,
        rows=data,
        roles=layout.roles,
        encoding=encoding,
        delimiter=delimiter,
        guessed=layout.guessed,
        above=above,
    )


def _header_index(rows: Sequence[NumberedRow], header_row: int, where: str) -> int:
    """The index in ``rows`` of the row numbered ``header_row``; ``UsageError`` if the row is
    not a row number, past the last row with data, or blank."""
    if header_row < 1:
        raise UsageError(
            f"Header row {header_row} for {where} is not a row number (rows start at 1)"
        )
    last = rows[-1][0] if rows else 0
    if header_row > last:
        raise UsageError(f"No header row {header_row} in {where}: its last row with data is {last}")
    index = bisect.bisect_left(rows, header_row, key=lambda row: row[0])
    if rows[index][0] != header_row:
        raise UsageError(
            f"Row {header_row} of {where} is blank; choose the row that holds the column headers"
        )
    return index


def _pad(values: tuple[CellValue, ...], width: int) -> tuple[CellValue, ...]:
    return values + (None,) * (width - len(values))


def _read_text(
    file: Path, columns: _Columns, progress: Progress, encoding: str | None = None
) -> SupplierTable:
    """The table of a delimited text file (CSV, TSV, ...): its encoding the one given
    (``encoding``), else detected; its delimiter detected.

    Read as it is parsed when its start tells the encoding (UTF-8, a BOM, UTF-16), so that
    only the rows are held; otherwise, or when a later part turns out not to be UTF-8, or an
    encoding was chosen, the whole file is decoded by ``decode_text``, which decides or names
    the line."""
    shown = str(file)
    progress.report(0, 1, f"Reading {file.name}")
    try:
        with file.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(_HEAD_BYTES)
            chosen = streaming_encoding(head) if encoding is None else None
            if chosen is not None:
                detected, skip = chosen
                handle.seek(skip)
                stream = io.TextIOWrapper(handle, encoding=detected, newline="")
                try:
                    read = _text_rows(file, stream, progress, handle.tell, size)
                except UnicodeDecodeError:
                    read = None  # not UTF-8 after all: the whole text decides
                finally:
                    stream.detach()
                if read is not None:
                    return _text_table(file, read[0], columns, detected, read[1])
            handle.seek(0)
            data = handle.read()
    except OSError as err:
        raise InputFileError(shown, f"cannot be read ({err.strerror or err})") from None
    text, used = decode_text(shown, data, encoding)
    del data
    whole = io.StringIO(text, newline="")
    rows, delimiter = _text_rows(file, whole, progress, whole.tell, len(text))
    return _text_table(file, rows, columns, used, delimiter)


_HEAD_BYTES = 1 << 16
_SAMPLE_CHARS = 1 << 16  # lines read to sniff the delimiter from


def _text_rows(
    file: Path, lines: TextIO, progress: Progress, position: Callable[[], int], size: int
) -> tuple[list[NumberedRow], str]:
    """The non-blank records of ``lines`` with their line numbers, and the delimiter sniffed
    from the first lines."""
    shown = str(file)
    label = f"Reading {file.name}"
    head: list[str] = []
    sampled = 0
    while sampled < _SAMPLE_CHARS:
        text = lines.readline()
        if not text:
            break
        head.append(text)
        sampled += len(text)
    prefer = "\t" if file.suffix.lower() in (".tsv", ".tab") else None
    delimiter = sniff_delimiter("".join(head), prefer=prefer)
    rows: list[NumberedRow] = []
    records = iter_line_records(shown, itertools.chain(head, lines), delimiter)
    for count, (line, fields) in enumerate(records):
        if count % CHUNK_ROWS == 0:
            check_cancelled(progress)
            progress.report(min(position(), size), size, label)
        if fields and "".join(fields).strip():
            rows.append((line, tuple([field or None for field in fields])))
    progress.report(size, size, label)
    return rows, delimiter


def _text_table(
    file: Path, rows: list[NumberedRow], columns: _Columns, encoding: str, delimiter: str
) -> SupplierTable:
    if not rows:
        raise InputFileError(str(file), "has no data (only blank lines)")
    table = _build(file, None, rows, columns, encoding=encoding, delimiter=delimiter)
    return _require_name(table)


def _require_name(table: SupplierTable) -> SupplierTable:
    if table.roles.name is None:
        raise InputFileError(
            table.path, _NO_NAME.format(_describe(table.headers)), sheet=table.sheet
        )
    return table


def _require_sheets(file: Path, workbook: CalamineWorkbook) -> None:
    if not sheet_names(workbook):
        raise InputFileError(str(file), "has no sheets (the workbook may be damaged)")


def _resolve_sheet(file: Path, wanted: str, names: Sequence[str]) -> str:
    if wanted in names:
        return wanted
    folded = wanted.strip().casefold()
    for name in names:
        if name.strip().casefold() == folded:
            return name
    listed = ", ".join(repr(name) for name in names)
    raise UsageError(f"No sheet {wanted!r} in {file}; its sheets are: {listed}")


def _no_sheet_error(file: Path, tables: Sequence[SupplierTable]) -> InputFileError:
    if not tables:
        return InputFileError(str(file), "has no data (every sheet is empty)")
    seen = "; ".join(f"sheet {t.sheet!r}: {_describe(t.headers)}" for t in tables[:5])
    return InputFileError(
        str(file),
        f"no sheet has a supplier-name column (headers seen: {seen}); "
        "choose the sheet and name column by hand",
    )
