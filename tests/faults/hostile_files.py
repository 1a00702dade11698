"""Supplier files made to break a reader: each is built small and fast, and each must give a
one-line error (or a finished screening), never a crash or memory exhaustion."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target='
    '"xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Suppliers" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
    'sheet1.xml"/></Relationships>'
)


def inflating_workbook(path: Path, unpacked_mib: int) -> Path:
    """An xlsx of a few hundred KB whose sheet unpacks to ``unpacked_mib`` MiB of cells."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
        '.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        "Supplier name</t></is></c></row>"
    )
    filler = '<row><c t="inlineStr"><is><t>Kratos Unmanned Aerial Systems</t></is></c></row>'
    block = (filler * ((1 << 20) // len(filler) + 1)).encode()[: 1 << 20]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode())
            for _ in range(unpacked_mib):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return path


def far_cells_workbook(path: Path) -> Path:
    """A 5 KB xlsx with a cell at A1 and one at XFD1048576: the reading library allocates the
    whole range between them (half a terabyte) and aborts."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "Supplier name"
    sheet["A2"] = "Kratos Unmanned Aerial Systems"
    sheet["XFD1048576"] = "far away"
    book.save(path)
    return path


def device_links(folder: Path) -> list[Path]:
    """``.csv`` names that are symbolic links to endless devices."""
    links = []
    for device in ("/dev/zero", "/dev/urandom"):
        if Path(device).exists():
            link = folder / f"{Path(device).name}.csv"
            link.symlink_to(device)
            links.append(link)
    return links


def nul_file(path: Path, size: int) -> Path:
    """A file of NUL bytes (sparse: it takes no disk space)."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def fifo(path: Path) -> Path | None:
    if not hasattr(os, "mkfifo"):
        return None
    os.mkfifo(path)
    return path
