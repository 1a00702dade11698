"""What the commands write for scripts: ``--json FILE|-``, ``--csv FILE|-``, standard input.

Every JSON document starts with ``format_version`` (design.md, "Command line"); ``-`` means
standard output (for ``screen``'s INPUT: standard input, saved to a private temporary file
whose extension is judged from its first bytes, so that the readers treat it as the file it is).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from core.screening.json_export import FORMAT_VERSION, Streamed

STDIO = Path("-")


def json_argument(parser: Any, what: str) -> None:
    """Adds ``--json FILE|-`` to a command's parser."""
    parser.add_argument(
        "--json", type=Path, metavar="FILE|-", help=f"write {what} as JSON ('-': standard output)"
    )


def is_stdio(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def document(kind: str, **fields: Any) -> dict[str, Any]:
    """A JSON document of ``kind`` (lists, runs, run, entity, audit), format_version first."""
    return {"format_version": FORMAT_VERSION, "kind": kind, **fields}


@contextmanager
def _opened(path: Path, newline: str | None = None) -> Iterator[TextIO]:
    if is_stdio(path):
        yield sys.stdout
        sys.stdout.flush()
        return
    with path.open("w", encoding="utf-8", newline=newline) as handle:
        yield handle


def write_json(data: dict[str, Any], path: Path) -> None:
    """``data`` as indented UTF-8 JSON to ``path`` or standard output. A top-level value that
    is ``Streamed`` is written item by item (the text is the same as of a list): a document
    of millions of hits is never held whole."""
    with _opened(path) as handle:
        if not any(isinstance(v, Streamed) for v in data.values()):
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.write("\n")
            return
        handle.write("{")
        for number, (key, value) in enumerate(data.items()):
            handle.write(("," if number else "") + "\n  " + json.dumps(key, ensure_ascii=False))
            handle.write(": ")
            if isinstance(value, Streamed):
                _write_items(handle, value)
            else:
                handle.write(_indented(json.dumps(value, ensure_ascii=False, indent=2), "  "))
        handle.write("\n}\n" if data else "}\n")


def _indented(text: str, prefix: str) -> str:
    # JSON text has no raw line break inside a value, so every line break starts a line
    return text.replace("\n", "\n" + prefix)


def _write_items(handle: TextIO, items: Iterable[Any]) -> None:
    first = True
    for item in items:
        handle.write("[\n    " if first else ",\n    ")
        handle.write(_indented(json.dumps(item, ensure_ascii=False, indent=2), "    "))
        first = False
    handle.write("[]" if first else "\n  ]")


def csv_cell(value: Any) -> str | int | float:
    """A JSON value in one CSV cell: scalars as they are, lists of sentences joined by "; ",
    structured values as compact JSON (so that no field is lost)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_csv(header: list[str], rows: Iterable[dict[str, Any]], path: Path) -> None:
    """A header line and one line per row (UTF-8, with a BOM in a file so Excel reads it),
    written as the rows come."""
    stdio = is_stdio(path)
    with (
        contextlib.nullcontext(sys.stdout)
        if stdio
        else path.open("w", encoding="utf-8-sig", newline="")
    ) as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(row.get(name)) for name in header])
        handle.flush()


def suffix_for(data: bytes) -> str:
    """The extension a supplier file with these bytes has (content decides, as
    ``core.spreadsheets.sniff`` does for files)."""
    head = data[:8192]
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype") if "mimetype" in names else b""
        except (zipfile.BadZipFile, KeyError, ValueError):
            return ".xlsx"  # the sniffer then says how it is damaged
        if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
            return ".ods"
        return ".xlsb" if "xl/workbook.bin" in names else ".xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return ".xls"
    first_line = head.split(b"\n", 1)[0]
    return ".tsv" if b"\t" in first_line and b"," not in first_line else ".csv"


@contextmanager
def standard_input_file() -> Iterator[Path]:
    """Standard input saved to a temporary file named ``stdin.<ext>``, removed afterwards."""
    data = sys.stdin.buffer.read()
    with tempfile.TemporaryDirectory(prefix="tradescreen-stdin-") as folder:
        path = Path(folder) / f"stdin{suffix_for(data)}"
        path.write_bytes(data)
        yield path
