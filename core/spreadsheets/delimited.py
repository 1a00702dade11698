"""Delimited text files (CSV, TSV, ...): encoding detection, delimiter sniffing, records.

Decoding (the accepted encodings, detection among them, a chosen encoding) lives in
``core.spreadsheets.encodings``; anything else is an error naming the first line that cannot
be decoded, never a silent mis-reading.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator

from core.errors import InputFileError
from core.spreadsheets import encodings

DELIMITERS = (",", "\t", ";", "|")
"""Candidate delimiters; on a tie the earlier one wins."""
_SNIFF_CHARS = 65_536
_SNIFF_RECORDS = 200


def decode_text(path: str, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the Python codec it was decoded with (``encoding`` when
    given, else detected): see ``core.spreadsheets.encodings``."""
    return encodings.decode_text(path, data, encoding)


def streaming_encoding(head: bytes) -> tuple[str, int] | None:
    """The codec to decode a file starting with ``head`` as it is read, without holding it
    whole, and the bytes of BOM to skip first: a BOM's, UTF-16 without one, or UTF-8 when the
    head is UTF-8 (named as ``decode_text`` names them). None when only the
    whole text can tell (the head is not UTF-8: GB18030, or an error naming its line), which
    ``decode_text`` then decides. A UTF-8 head may still be followed by bytes that are not:
    the reader then decodes the whole file with ``decode_text`` instead."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 0  # the codec drops the BOM itself
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    bomless = encodings.utf16_without_bom(head)
    if bomless:
        return bomless, 0
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    return "utf-8", 0


def looks_like_text(head: bytes) -> bool:
    """True if the first bytes of a file look like text in a supported encoding.

    ``head`` may end in the middle of a character; that is allowed for.
    """
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if encodings.utf16_without_bom(head):
        return True
    for encoding in ("utf-8", "gb18030"):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for char in text if char < " " and char not in "\t\r\n")
        if controls <= len(text) // 100 and (encoding == "utf-8" or _plausible_chinese(text)):
            return True
    return False


def _plausible_chinese(text: str) -> bool:
    """False if GB18030 decoding gave mostly rare characters, as Latin-1 bytes do.

    Real Chinese text in GBK/GB18030 is mostly GB2312 characters; bytes of Windows-1252 text
    ("Müller") decode as rare ideographs outside GB2312.
    """
    sample = [char for char in text[:_SNIFF_CHARS] if not char.isascii()][:5000]
    if not sample:
        return True
    common = 0
    for char in sample:
        try:
            char.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 1
    return common * 2 >= len(sample)


def sniff_delimiter(text: str, *, prefer: str | None = None) -> str:
    """The delimiter under which the first records most consistently have one width (> 1).

    Consistency is the share of non-empty records having the most common width above one;
    then the number of such records, then the width decide. ``prefer`` (tab for .tsv) wins whenever
    it splits rows at all. Falls back to a comma, which reads a one-column file correctly.
    """
    sample = text[:_SNIFF_CHARS]
    cut = max(sample.rfind("\n"), sample.rfind("\r"))
    if len(text) > len(sample) and cut > 0:
        sample = sample[:cut]
    best, best_score = ",", (0.0, 0, 0)
    for delimiter in DELIMITERS:
        widths: Counter[int] = Counter()
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        try:
            for count, fields in enumerate(reader):
                if count >= _SNIFF_RECORDS:
                    break
                if any(fields):
                    widths[len(fields)] += 1
        except csv.Error:
            continue
        split = [(rows, width) for width, rows in widths.items() if width > 1]
        if not split:
            continue
        rows, width = max(split)
        if delimiter == prefer:
            return delimiter
        score = (rows / widths.total(), rows, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def iter_records(path: str, text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with the 1-based line it starts on; blank lines are records too.

    Line numbers count ``\\r\\n``, ``\\n`` and ``\\r`` as line ends, so a quoted field with
    embedded newlines moves the next record's number on by as many lines.
    """
    return iter_line_records(path, io.StringIO(text, newline=""), delimiter)


def iter_line_records(
    path: str, lines: Iterable[str], delimiter: str
) -> Iterator[tuple[int, list[str]]]:
    """``iter_records`` over text given line by line (each with its line end, as a text file
    opened with ``newline=""`` gives them): a file is read as it is parsed."""
    reader = csv.reader(lines, delimiter=delimiter, strict=False)
    line = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise InputFileError(
                path, f"is not valid delimited text ({err})", row=line + 1
            ) from None
        yield line + 1, fields
        line = reader.line_num
