"""Fast data rows: worksheet XML written directly, spliced into openpyxl's file.

openpyxl builds an element per cell and writes about 50,000 plain cells a second, and a
formatted cell costs it several times more (each style is hashed on assignment), so the All
rows sheet of a 100,000-row file, or a Flagged sheet of 10,000 hits, would take a minute.
Data rows are simple: values, a style per cell, a height, a link; that XML is written here as
text, ten times faster. openpyxl still writes everything else of the sheet (header row,
widths, frozen panes, filter, print setup, the hyperlink list and its relationships) and
registers the styles, so the file stays consistent: the rows are put into the sheet's
``<sheetData>`` when the package is saved.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.hyperlink import Hyperlink

from core.report.cells import excel_value, make_cell
from core.report.layout import PLAIN, Look
from core.spreadsheets.table import CellValue, column_letter

ROWS_END = b"</sheetData>"
_CHUNK = 1 << 20
_ZIP64_FROM = 1 << 31


def xml_text(text: str) -> str:
    """``text`` escaped for an XML text node; CR is kept as a character reference."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


class RowStream:
    """Rows for one write-only sheet, kept in a temporary file until the workbook is saved."""

    def __init__(self, ws: Any, first_row: int) -> None:
        self.ws = ws
        self.next_row = first_row
        self.links = 0
        """Hyperlinks appended so far."""
        self._file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._pending: list[str] = []
        self._size = 0
        self._letters: list[str] = []
        self._styles: dict[tuple[int, str | None, bool], int] = {}
        self._looks: list[Look] = []  # keeps the looks alive, so their ids stay unique

    def append(
        self,
        values: Sequence[CellValue],
        looks: Sequence[Look] | None = None,
        *,
        height: float | None = None,
        link: tuple[int, str] | None = None,
    ) -> None:
        """One row; ``looks`` gives each cell's format (default: none), ``height`` the row's
        height in points, ``link`` a (0-based column, web address) hyperlink."""
        row = self.next_row
        self.next_row += 1
        while len(self._letters) < len(values):
            self._letters.append(column_letter(len(self._letters)))
        if link is not None:
            ref = f"{self._letters[link[0]]}{row}"
            self.ws._hyperlinks.append(Hyperlink(ref=ref, target=link[1]))
            self.links += 1
        size = f' ht="{height:g}" customHeight="1"' if height is not None else ""
        parts = [f'<row r="{row}"{size}>']
        for index, value in enumerate(values):
            look = looks[index] if looks is not None else PLAIN
            parts.append(self._cell(f"{self._letters[index]}{row}", value, look))
        parts.append("</row>")
        self._pending.append("".join(parts))
        if len(self._pending) >= 1000:
            self._flush()

    def _cell(self, ref: str, value: CellValue, look: Look) -> str:
        stored, number_format, as_text = excel_value(value)
        styled = look is not PLAIN or number_format is not None or as_text
        style = f' s="{self._style_id(look, number_format, as_text)}"' if styled else ""
        if stored is None or stored == "":
            return f'<c r="{ref}"{style}/>' if style else ""
        if isinstance(stored, str):
            space = ' xml:space="preserve"' if stored != stored.strip() else ""
            text = xml_text(stored)
            return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'
        if isinstance(stored, bool):
            return f'<c r="{ref}"{style} t="b"><v>{int(stored)}</v></c>'
        if isinstance(stored, dt.date):
            stored = to_excel(stored)
        return f'<c r="{ref}"{style}><v>{stored!r}</v></c>'

    def _style_id(self, look: Look, number_format: str | None, as_text: bool) -> int:
        """The workbook's style index for a look, registered through openpyxl once."""
        key = (id(look), number_format, as_text)
        found = self._styles.get(key)
        if found is None:
            sample: CellValue = "=" if as_text else None
            cell = make_cell(self.ws, sample, look)
            if number_format is not None and look.number_format is None:
                cell.number_format = number_format
            found = int(cell.style_id)
            self._styles[key] = found
            self._looks.append(look)
        return found

    def _flush(self) -> None:
        data = "".join(self._pending).encode("utf-8")
        self._file.write(data)
        self._size += len(data)
        self._pending.clear()

    def copy_to(self, target: IO[bytes]) -> None:
        self._flush()
        self._file.seek(0)
        shutil.copyfileobj(self._file, target, _CHUNK)

    @property
    def size(self) -> int:
        return self._size + sum(len(p) for p in self._pending)

    def close(self) -> None:
        self._file.close()


def save_with_streams(workbook: Any, streams: Sequence[RowStream], target: Path) -> None:
    """Save ``workbook`` to ``target`` with each stream's rows placed in its sheet."""
    with tempfile.TemporaryFile() as staged:
        workbook.save(staged)
        staged.seek(0)
        by_part = {stream.ws.path.lstrip("/"): stream for stream in streams}
        with (
            zipfile.ZipFile(staged) as source,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as package,
        ):
            for info in source.infolist():
                member = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                member.compress_type = zipfile.ZIP_DEFLATED
                stream = by_part.get(info.filename)
                if stream is None:
                    with source.open(info) as part, package.open(member, "w") as out:
                        shutil.copyfileobj(part, out, _CHUNK)
                    continue
                head, found, tail = source.read(info).partition(ROWS_END)
                if not found:
                    raise RuntimeError(f"{info.filename} has no rows element to fill")
                big = stream.size + len(head) + len(tail) >= _ZIP64_FROM
                with package.open(member, "w", force_zip64=big) as out:
                    out.write(head)
                    stream.copy_to(out)
                    out.write(found + tail)
