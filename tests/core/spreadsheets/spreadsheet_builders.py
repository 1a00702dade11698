"""Builders for the supplier files the spreadsheet tests read; tests make every file in tmp_path."""

from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

Grid = Sequence[Sequence[Any]]
"""Rows of cell values; a row may be shorter than others; ``None`` is an empty cell."""


def write_xlsx(path: Path, sheets: dict[str, dict[str, Any]]) -> Path:
    """An .xlsx with one sheet per key; each value maps cell references ("B5") to values.

    The key "merge" may hold ranges to merge ("A1:F1"); "hidden" makes the sheet hidden.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, cells in sheets.items():
        sheet = workbook.create_sheet(title)
        for ref, value in cells.items():
            if ref == "merge":
                for cell_range in value:
                    sheet.merge_cells(cell_range)
            elif ref == "hidden":
                sheet.sheet_state = "hidden"
            else:
                sheet[ref] = value
    workbook.save(path)
    return path


def grid_cells(grid: Grid, *, first_row: int = 1, first_column: int = 1) -> dict[str, Any]:
    """Cell references for a grid placed with its top-left at (first_row, first_column)."""
    from openpyxl.utils import get_column_letter

    cells: dict[str, Any] = {}
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            if value is not None:
                cells[f"{get_column_letter(first_column + c)}{first_row + r}"] = value
    return cells


def set_cached_values(path: Path, cached: dict[str, str]) -> None:
    """Give formula cells the cached (last computed) text values Excel would have saved.

    openpyxl never computes formulas, so its files have formulas without cached values.
    """
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, value in cached.items():
        xml, count = re.subn(
            rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*(?:/>|>[^<]*</v>)',
            rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{value}</v>',
            xml,
        )
        assert count == 1, f"formula cell {ref} not found in {xml[:500]}"
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def write_ods(path: Path, grid: Grid, *, sheet: str = "Sheet1") -> Path:
    """A minimal OpenDocument spreadsheet; empty rows are written the way LibreOffice does
    (one row with ``number-rows-repeated``)."""
    rows: list[str] = []
    blank = 0
    for row in grid:
        if all(value is None for value in row):
            blank += 1
            continue
        if blank:
            rows.append(
                f'<table:table-row table:number-rows-repeated="{blank}">'
                "<table:table-cell/></table:table-row>"
            )
            blank = 0
        cells = []
        for value in row:
            if value is None:
                cells.append("<table:table-cell/>")
            elif isinstance(value, int | float):
                cells.append(
                    f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>"
                )
            else:
                cells.append(
                    '<table:table-cell office:value-type="string">'
                    f"<text:p>{value}</text:p></table:table-cell>"
                )
        rows.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{sheet}">'
        + "".join(rows)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest manifest:version="1.2" '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def write_ole(path: Path, stream_names: Sequence[str]) -> Path:
    """A minimal OLE compound file (MS-CFB v3) whose directory lists ``stream_names``.

    Enough to look like an encrypted OOXML package ("EncryptionInfo", "EncryptedPackage")
    or an .xls ("Workbook") to a reader of the directory; the streams themselves are empty.
    A real encrypted workbook needs Excel or msoffcrypto-tool, neither available offline.
    """
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = ["Root Entry", *stream_names]
    assert len(names) <= 4, "one directory sector holds four entries"
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sector, end, *([free] * 126))
    directory = bytearray(512)
    for index, name in enumerate(names):
        entry = bytearray(128)
        raw = name.encode("utf-16-le")
        entry[0 : len(raw)] = raw
        child = 1 if index == 0 and len(names) > 1 else free
        right = index + 1 if 0 < index < len(names) - 1 else free
        struct.pack_into(
            "<HBBIII", entry, 0x40, len(raw) + 2, 5 if index == 0 else 2, 1, free, right, child
        )
        struct.pack_into("<II", entry, 0x74, end, 0)
        directory[index * 128 : (index + 1) * 128] = entry
    path.write_bytes(bytes(header) + fat + bytes(directory))
    return path
