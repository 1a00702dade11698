"""Deciding what a supplier file really is, by its first bytes as well as its extension.

Users rename files, web apps "export to Excel" as HTML, and encrypted workbooks look like old
.xls files, so the extension alone is not trusted. Every file that cannot be read gets an
``InputFileError`` here, before any parser sees it.
"""

from __future__ import annotations

import enum
import stat
import struct
import zipfile
from pathlib import Path

from core.errors import InputFileError
from core.spreadsheets.delimited import looks_like_text

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab"})
SUPPORTED = ".xlsx, .xlsm, .xls, .xlsb, .ods, .csv, .tsv or .txt"

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SNIFF_BYTES = 8192
MAX_FILE_BYTES = 512 << 20
"""The largest supplier file read. A million-row CSV or workbook is well under it; anything
larger is refused before it is read rather than exhausting memory on the way."""
MAX_UNPACKED_BYTES = 1 << 30
"""What a workbook's parts may unpack to in all (declared in its ZIP directory)."""
MAX_PACKING_RATIO = 100
"""How many times its packed size a large part may unpack to. Spreadsheet XML packs 5 to 20
times, very repetitive sheets about 50; a "ZIP bomb" packs thousands of times."""
_RATIO_FROM_BYTES = 16 << 20  # small parts may pack any amount (an empty style sheet, ...)


class FileKind(enum.Enum):
    """How a file will be read."""

    WORKBOOK = "workbook"
    """Any format python-calamine reads: xlsx, xlsm, xlsb, xls, ods."""
    TEXT = "text"
    """Delimited text: CSV, TSV, pipe- or semicolon-separated."""


def detect_kind(path: Path) -> FileKind:
    """What ``path`` holds, judged by content first and extension second.

    Raises ``InputFileError`` for a missing file, a folder, an empty or unreadable file, a
    password-protected workbook, a damaged workbook, a document of another kind (PDF, Word,
    HTML, ZIP) and an unsupported extension.
    """
    shown = str(path)
    if not path.exists():
        raise InputFileError(shown, "file not found")
    if path.is_dir():
        raise InputFileError(shown, "is a folder, not a file")
    try:
        info = path.stat()  # of what a symbolic link points to
    except OSError as err:
        raise InputFileError(shown, f"cannot be read ({err.strerror or err})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(
            shown, "is not a regular file (a device, pipe or socket); save the data as a file"
        )
    if info.st_size > MAX_FILE_BYTES:
        raise InputFileError(
            shown,
            f"is {_size(info.st_size)}, larger than the {_size(MAX_FILE_BYTES)} a supplier "
            "file can be; split it into smaller files",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except PermissionError:
        raise InputFileError(
            shown, "cannot be opened (permission denied; close it in Excel if it is open)"
        ) from None
    except OSError as err:
        raise InputFileError(shown, f"cannot be read ({err.strerror or err})") from None
    if not head:
        raise InputFileError(shown, "is empty (0 bytes)")
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path, suffix)
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(path)
    if head.startswith(b"%PDF"):
        raise InputFileError(shown, "is a PDF document, not a spreadsheet")
    markup = _markup_problem(head)
    if markup:
        raise InputFileError(shown, markup)
    if suffix not in WORKBOOK_SUFFIXES | TEXT_SUFFIXES:
        shown_suffix = suffix or "no extension"
        raise InputFileError(
            shown, f"has an unsupported file type ({shown_suffix}); use {SUPPORTED}"
        )
    if suffix in TEXT_SUFFIXES or looks_like_text(head):
        # a CSV saved under a workbook name is read as the text it is
        if _binary(head):
            raise InputFileError(shown, "holds binary data (NUL bytes), not delimited text")
        return FileKind.TEXT
    raise InputFileError(shown, f"is damaged or not a real {suffix} workbook")


def _zip_kind(path: Path, suffix: str) -> FileKind:
    shown = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_unpacked_sizes(shown, members)
            names = {member.filename for member in members}
            mimetype = archive.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        raise InputFileError(
            shown, "is damaged or incomplete (the workbook's ZIP structure is broken)"
        ) from None
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return FileKind.WORKBOOK
    if mimetype.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return FileKind.WORKBOOK
    if "word/document.xml" in names:
        raise InputFileError(shown, "is a Word document, not a spreadsheet")
    if any(name.startswith("ppt/") for name in names):
        raise InputFileError(shown, "is a PowerPoint presentation, not a spreadsheet")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise InputFileError(shown, "is an OpenDocument file but not a spreadsheet")
    if suffix in WORKBOOK_SUFFIXES:
        raise InputFileError(shown, f"is damaged or not a real {suffix} workbook")
    raise InputFileError(shown, f"is a ZIP archive, not a workbook; use {SUPPORTED}")


def _check_unpacked_sizes(shown: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a workbook whose parts unpack beyond what any real supplier file does: the
    reading library would hold them in memory (and a native library cannot fail softly)."""
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise InputFileError(
            shown,
            f"is a workbook whose parts unpack to {_size(total)}, more than the "
            f"{_size(MAX_UNPACKED_BYTES)} a supplier file can; it is not read",
        )
    for member in members:
        packed = max(1, member.compress_size)
        if member.file_size > _RATIO_FROM_BYTES and member.file_size > packed * MAX_PACKING_RATIO:
            raise InputFileError(
                shown,
                f"is a workbook whose part {member.filename} unpacks to "
                f"{_size(member.file_size)}, {member.file_size // packed} times its packed "
                f"size (real files stay under {MAX_PACKING_RATIO} times); it is not read",
            )


def _binary(head: bytes) -> bool:
    """A run of NUL bytes, which text never has (not even UTF-16, whose NUL bytes alternate
    with others): a binary file, or one damaged beyond reading."""
    return b"\x00" * 4 in head


def _size(count: int) -> str:
    if count >= 1 << 30:
        return f"{count / (1 << 30):.1f} GiB"
    return f"{count / (1 << 20):.0f} MiB"


def _ole_kind(path: Path) -> FileKind:
    shown = str(path)
    names = ole_stream_names(path)
    if names is None:
        # an unreadable directory: let the workbook reader try and report the damage
        return FileKind.WORKBOOK
    if "encryptioninfo" in names or "encryptedpackage" in names:
        raise InputFileError(
            shown, "is password-protected; remove the password in Excel and save it again"
        )
    if "workbook" in names or "book" in names:
        return FileKind.WORKBOOK
    if "worddocument" in names:
        raise InputFileError(shown, "is a Word document, not a spreadsheet")
    if "powerpoint document" in names:
        raise InputFileError(shown, "is a PowerPoint presentation, not a spreadsheet")
    raise InputFileError(shown, "is an Office file without a workbook inside (damaged?)")


def _markup_problem(head: bytes) -> str | None:
    """A message if ``head`` starts an HTML or XML document, else ``None``."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"\xff\xfe") or text.startswith(b"\xfe\xff"):
        text = text[2:].replace(b"\x00", b"").lstrip()
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or (
        text.startswith(b"<") and b"<html" in text
    ):
        return (
            "is a web page (HTML) with a spreadsheet name, not a real workbook; "
            "open it in Excel and save it as .xlsx or CSV"
        )
    if text.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in text:
            return (
                "is an Excel 2003 XML spreadsheet, which cannot be read; "
                "open it in Excel and save it as .xlsx"
            )
        return "is an XML file, not a spreadsheet"
    return None


def ole_stream_names(path: Path) -> set[str] | None:
    """Lower-cased names of the entries in an OLE compound file, or ``None`` if unreadable.

    Reads only the header, the FAT and the directory chain (MS-CFB): enough to tell an
    encrypted OOXML package ("EncryptionInfo") from an .xls ("Workbook") or a .doc.
    """
    try:
        with path.open("rb") as handle:
            return _read_ole_directory(handle.read())
    except (OSError, struct.error, ValueError, IndexError):
        return None


def _read_ole_directory(data: bytes) -> set[str] | None:
    sector_shift = struct.unpack_from("<H", data, 0x1E)[0]
    if sector_shift not in (9, 12):
        return None
    size = 1 << sector_shift
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    first_difat, difat_count = struct.unpack_from("<II", data, 0x44)
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < 0xFFFFFFFA]
    sector = first_difat
    for _ in range(min(difat_count, 10_000)):
        if sector >= 0xFFFFFFFA:
            break
        entries = struct.unpack_from(f"<{size // 4}I", data, (sector + 1) * size)
        fat_sectors += [s for s in entries[:-1] if s < 0xFFFFFFFA]
        sector = entries[-1]
    fat: list[int] = []
    for fat_sector in fat_sectors:
        fat += struct.unpack_from(f"<{size // 4}I", data, (fat_sector + 1) * size)
    names: set[str] = set()
    sector, seen = first_dir, set()
    while sector < 0xFFFFFFFA and sector not in seen and sector < len(fat):
        seen.add(sector)
        base = (sector + 1) * size
        for offset in range(base, base + size, 128):
            (length,) = struct.unpack_from("<H", data, offset + 0x40)
            if 2 <= length <= 64:
                raw = data[offset : offset + length - 2]
                names.add(raw.decode("utf-16-le", errors="replace").casefold())
        sector = fat[sector]
    return names or None
