"""An own list from CSV or XLSX: a blocked-vendor list, or the names of a new ban as soon as
the user has them. One list (``--list-id``, ``--title``); columns by header (English or
Chinese) or named by the user; the listing date from a column, else the import date."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from core.errors import ListPackError
from core.lists.model import Action, Entity, ListingEvent
from core.lists.pack import ListPack
from core.lists.sources.common import ReleaseBuilder, fail, iso_date, slug, text_lines

NAME_HEADERS = (
    "name", "company", "company name", "party", "entity", "supplier", "vendor",
    "名称", "名字", "公司名称", "企业名称", "实体名称", "单位名称", "供应商名称",
)  # fmt: skip
ALIAS_HEADERS = ("aliases", "alias", "aka", "other names", "别名", "曾用名", "其他名称")
COUNTRY_HEADERS = ("country", "country code", "国家", "国家/地区", "国别")
LISTED_HEADERS = ("listed", "listed on", "listing date", "date listed", "列入日期", "日期")


@dataclass(frozen=True)
class OwnListOptions:
    list_id: str
    title: str
    name_column: str | None = None
    aliases_column: str | None = None
    country_column: str | None = None
    listed_column: str | None = None


@dataclass(frozen=True)
class ColumnChoice:
    """Which header holds what (None: no such column)."""

    name: str
    aliases: str | None
    country: str | None
    listed: str | None


def choose_columns(header: Sequence[str], options: OwnListOptions, path: Path) -> ColumnChoice:
    """The columns to read: the user's names where given (must exist), else detected."""

    def pick(given: str | None, candidates: tuple[str, ...], what: str) -> str | None:
        if given is not None:
            if given not in header:
                raise ListPackError(
                    f"{path}: no column {given!r} for the {what} (the header has "
                    f"{', '.join(repr(h) for h in header)})"
                )
            return given
        lowered = {h.strip().lower(): h for h in header}
        return next((lowered[c] for c in candidates if c in lowered), None)

    name = pick(options.name_column, NAME_HEADERS, "name")
    if name is None:
        raise ListPackError(
            f"{path}: no name column found (headers {', '.join(repr(h) for h in header)}); "
            "name it with --name-column"
        )
    return ColumnChoice(
        name,
        pick(options.aliases_column, ALIAS_HEADERS, "aliases"),
        pick(options.country_column, COUNTRY_HEADERS, "country"),
        pick(options.listed_column, LISTED_HEADERS, "listing date"),
    )


def read_own_list(
    path: Path, options: OwnListOptions, sha256: str, today: dt.date | None = None
) -> ListPack:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,60}", options.list_id):
        raise ListPackError(
            f"list id {options.list_id!r}: use lowercase letters, digits and '-' (e.g. "
            "own-blocked-vendors)"
        )
    if not options.title.strip():
        raise ListPackError("an own list needs a title (--title)")
    today = today or dt.date.today()
    rows = rows_of(path)
    header = next(rows, None)
    if header is None:
        raise ListPackError(f"{path}: the file is empty")
    header = [h.strip() for h in header]
    columns = choose_columns(header, options, path)
    index = {h: i for i, h in enumerate(header)}
    builder = ReleaseBuilder(path, f"Own list {options.list_id}", "csv")
    builder.add_list(options.list_id, options.title.strip(), "own list")
    latest = None
    for line, values in enumerate(rows, start=2):
        if not any(v.strip() for v in values):
            continue

        def cell(column: str | None, values: list[str] = values) -> str:
            if column is None or index[column] >= len(values):
                return ""
            return values[index[column]].strip()

        name = cell(columns.name)
        if not name:
            fail(path, "the name is empty", line, columns.name)
        listed = today
        if columns.listed is not None and cell(columns.listed):
            parsed = iso_date(cell(columns.listed).replace("/", "-"))
            if parsed is None:
                fail(path, f"{cell(columns.listed)!r} is not a date (YYYY-MM-DD)", line,
                     columns.listed)  # fmt: skip
            assert parsed is not None
            listed = parsed
        latest = max(latest or listed, listed)
        entity_id = f"{options.list_id}:{slug(name)}"
        n = 2
        while entity_id in builder.entities and builder.entities[entity_id].name_en != name:
            entity_id, n = f"{options.list_id}:{slug(name)}-{n}", n + 1
        aliases = re.split(r"[;|；]", cell(columns.aliases))
        builder.add_entity(
            Entity(
                entity_id=entity_id,
                name_en=name,
                aliases=tuple(a.strip() for a in aliases if a.strip() and a.strip() != name),
                country=cell(columns.country).upper()[:2],
            )
        )
        builder.add_listing(
            ListingEvent(
                entity_id=entity_id, list_id=options.list_id, action=Action.ADDED,
                effective_on=listed, announcement=options.title.strip(),
                quality="U" if columns.listed is None else "",
                note="" if columns.listed else "listing date: the day the list was imported",
            )
        )  # fmt: skip
    return builder.build(max(today, latest or today), sha256)


def rows_of(path: Path) -> Iterator[list[str]]:
    """The rows of a CSV or the first sheet of a workbook, as text."""
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        yield from _sheet_rows(path)
        return
    try:
        yield from csv.reader(text_lines(path))
    except csv.Error as exc:
        raise ListPackError(f"{path}: not a readable CSV file: {exc}") from None


def _sheet_rows(path: Path) -> Iterator[list[str]]:
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
        data = sheet.to_python()
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise ListPackError(f"{path}: not a readable spreadsheet: {exc}") from None
    for row in data:
        yield [_text(v) for v in row]


def _text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)
