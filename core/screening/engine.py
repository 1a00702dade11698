"""Run one screening: read -> match -> statuses as of a date, with progress and cancel.

The as-of rules come from ``core.lists`` (``ListSnapshot.statuses``) and the name rules from
``core.matching``; this module only wires them together row by row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core import __version__
from core.collector import collector_paused
from core.errors import InputFileError, UsageError
from core.identity import default_reviewer
from core.lists.asof import status_basis
from core.lists.describe import EventLine
from core.lists.model import SEVERITY, ListStatus, Status
from core.lists.snapshot import ListSnapshot
from core.matching import (
    DEFAULT_THRESHOLD,
    MAX_THRESHOLD,
    MIN_THRESHOLD,
    NameMatch,
    threshold_in_range,
)
from core.matching.batch import Matches, NameWithCountries
from core.matching.runtime import MatchingRuntime, SizeHint
from core.progress import NullProgress, Progress, check_cancelled
from core.screening.coverage import coverage_warnings
from core.screening.hit_table import HitTable
from core.screening.item_hits import ItemHit, ItemMatcher
from core.screening.kept_names import kept_sheet
from core.screening.result import (
    ListingHit,
    ScreenedSheet,
    ScreeningResult,
    file_sha256,
)
from core.spreadsheets import SheetChoice, SupplierTable, read_tables
from core.spreadsheets.columns import resolve_column
from core.spreadsheets.table import CellValue, SupplierRow, cell_text

_SLICE = 1000  # rows between progress reports while the names are collected
MAX_HITS = 20_000_000
"""The most hits one screening holds. Hits are held compactly (``HitTable``: 18 bytes a hit
in its arrays, the values hits share once): a million rows each on three lists, 3,000,000
hits, screened and stored at a peak of about 0.8 GB of all our processes (bench_all_hits).
The bound follows from the 2 GB target: its arrays alone would then take 360 MB, on top of
the rows of the file; past it the screening stops with one line naming the row (a wrong
name column or a threshold far too low, most likely)."""


@dataclass(frozen=True)
class ScreeningRequest:
    """What the user asked for, from the command line or the window: every option field has
    the meaning of the CLI option of that name, and the stored run's settings are made from
    these fields only (``settings``), so they do not depend on where the request came from."""

    path: Path
    as_of: dt.date
    sheets: SheetChoice = SheetChoice()  # noqa: RUF009 - a frozen value
    """``--sheet NAME`` or ``--all-sheets``; neither: the sheet detected."""
    name_column: str | None = None
    """The supplier-name column chosen (header text, letter or number); None: detected."""
    country_column: str | None = None
    hs_column: str | None = None
    """The HS-code column chosen (header, letter or number); None: detected, if any."""
    header_row: int | None = None
    """1-based row number of the header row as the user sees it; None: found automatically."""
    encoding: str | None = None
    """The text encoding of a CSV/TXT file (``--encoding``); None: detected."""
    list_ids: tuple[str, ...] | None = None
    threshold: float | None = None
    keep_all_rows: bool = False
    known_on: dt.date | None = None
    """Screen with the list releases known on this day (``--known-on``); None: the newest.
    The service picks the snapshot; the result records the date."""
    input_sha256: str | None = None
    """The checksum of the file the tables came from, when that file is not at ``path`` (a
    run screened again from its kept names); None: computed from ``path``."""
    rescreen_of: int | None = None
    """The stored run whose kept names these tables are (``tradescreen-cli rescreen``)."""
    tables: tuple[SupplierTable, ...] | None = None
    """The tables already read from ``path`` with the options above (the window reads first,
    so that the user can check the columns; their roles as the user left them); None: the
    screening reads them."""

    def settings(self) -> dict[str, Any]:
        """The options as stored with the run (``ScreeningRun.settings``)."""
        return (
            {
                "sheet": self.sheets.sheet,
                "all_sheets": self.sheets.all_sheets,
                "name_column": self.name_column,
                "country_column": self.country_column,
                "hs_column": self.hs_column,
                "header_row": self.header_row,
                "encoding": self.encoding,
                "lists": list(self.list_ids) if self.list_ids else None,
                "threshold": self.threshold,
            }
            | ({"rescreen_of": self.rescreen_of} if self.rescreen_of is not None else {})
            | ({"known_on": self.known_on.isoformat()} if self.known_on is not None else {})
        )


def validate_request(request: ScreeningRequest, snapshot: ListSnapshot) -> None:
    """Usage errors that need no file reading: unknown list ids, threshold out of range."""
    if request.threshold is not None and not threshold_in_range(request.threshold):
        raise UsageError(
            f"--threshold must be between {MIN_THRESHOLD:g} and {MAX_THRESHOLD:g}, "
            f"not {request.threshold:g}"
        )
    unknown = sorted(set(request.list_ids or ()) - set(snapshot.lists))
    if unknown:
        known = ", ".join(sorted(snapshot.lists))
        raise UsageError(f"unknown list id {', '.join(unknown)} (known: {known})")


def screen(
    request: ScreeningRequest,
    snapshot: ListSnapshot,
    *,
    runtime: MatchingRuntime | None = None,
    user: str | None = None,
    progress: Progress = NullProgress(),  # noqa: B008 - stateless default
) -> ScreeningResult:
    """The one screening pipeline: read the file of ``request`` (unless its tables were read
    already) and screen it against ``snapshot``. ``runtime`` decides where the names are
    matched and keeps the workers for the next screening; without one, a runtime lives for
    this call only."""
    if runtime is None:
        with MatchingRuntime() as own:
            return _screen(request, snapshot, own, user, progress)
    return _screen(request, snapshot, runtime, user, progress)


@collector_paused()
def _screen(
    request: ScreeningRequest,
    snapshot: ListSnapshot,
    runtime: MatchingRuntime,
    user: str | None,
    progress: Progress,
) -> ScreeningResult:
    validate_request(request, snapshot)
    started = dt.datetime.now(dt.UTC)
    tables = request.tables
    if tables is None:
        # a large file gets its workers now: they load the name index while it is read
        runtime.expect(snapshot, SizeHint(file_bytes=_size(request.path)))
        tables = tuple(
            read_tables(
                request.path,
                request.sheets,
                name_column=request.name_column,
                country_column=request.country_column,
                header_row=request.header_row,
                encoding=request.encoding,
                progress=progress,
            )
        )
        check_cancelled(progress)
    if request.hs_column is not None:
        tables = tuple(_with_hs_column(t, request.hs_column) for t in tables)
    result = _screen_tables(
        tables,
        snapshot,
        runtime,
        as_of=request.as_of,
        list_ids=request.list_ids,
        threshold=request.threshold,
        input_sha256=request.input_sha256 or file_sha256(request.path),
        user=user,
        progress=progress,
        keep_all_rows=request.keep_all_rows,
        started_at=started,
    )
    return replace(result, known_on=request.known_on) if request.known_on else result


def _screen_tables(
    tables: Sequence[SupplierTable],
    snapshot: ListSnapshot,
    runtime: MatchingRuntime,
    *,
    as_of: dt.date,
    list_ids: Sequence[str] | None,
    threshold: float | None,
    input_sha256: str,
    user: str | None,
    progress: Progress,
    keep_all_rows: bool,
    started_at: dt.datetime,
) -> ScreeningResult:
    if not tables:
        raise UsageError("nothing to screen: no sheet was chosen")
    started = started_at
    limit = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    chosen = snapshot.default_list_ids() if not list_ids else tuple(list_ids)
    total = sum(len(t.rows) for t in tables)
    statuses = _StatusCache(snapshot, as_of, chosen)
    hits = HitTable()
    in_order = True  # rows come in row order, so sorting the hits of each row sorts them all
    rows: dict[tuple[str | None, int], tuple[CellValue, ...]] = {}
    all_rows: dict[str | None, list[tuple[int, tuple[CellValue, ...]]]] = {}
    sheets = []
    kept = []
    name_columns: list[int] = []
    for table in tables:
        if table.roles.name is None:
            raise UsageError(f"{table.path}: no name column chosen")
        name_columns.append(table.roles.name)
    cells = _cells(tables, total, progress)
    items = _names_with_countries(cells, total, progress)
    matches = runtime.match_names(snapshot, items, limit, total=total, progress=progress)
    check_cancelled(progress)
    progress.report(total, total, "Screening")  # what is left is quick: the rows that match
    for table, name_column, (names, alts, countries) in zip(
        tables, name_columns, cells, strict=True
    ):
        roles = table.roles
        kept.append(kept_sheet(table.sheet, table.rows, names, alts, countries))
        if keep_all_rows:
            all_rows[table.sheet] = [(r.row_number, r.values) for r in table.rows]
        last_row = -1
        for row, name, alt, country in zip(table.rows, names, alts, countries, strict=True):
            if (name, country) not in matches and (alt, country) not in matches:
                continue  # no match: most rows
            found = []
            for cell, match in _best_per_entity(matches, (name, alt), country):
                found += _hits_for(table, row.row_number, cell, country, match, statuses)
            if found:
                found.sort(key=_within_row)
                hits.extend(found)
                rows[(table.sheet, row.row_number)] = row.values
                in_order = in_order and row.row_number > last_row
                last_row = row.row_number
                if len(hits) > MAX_HITS:
                    raise _too_many_hits(table, row.row_number)
        sheets.append(
            ScreenedSheet(
                sheet=table.sheet,
                header_row=table.header_row,
                headers=table.headers,
                name_column=name_column,
                country_column=roles.country,
                rows_screened=len(table.rows),
                guessed=tuple(sorted(table.guessed)),
                hs_column=roles.hs_code,
                description_column=roles.description,
            )
        )
    item_hits = _item_hits(tables, snapshot, as_of, rows)
    progress.report(total, total, "Screening")
    if not in_order:
        sheet_order = {t.sheet: i for i, t in enumerate(tables)}
        hits.sort(key=lambda h: (sheet_order[h.sheet], h.row, *_within_row(h)))
    hits.freeze()
    used_releases = tuple(r for r in snapshot.releases if set(r.list_ids) & set(chosen))
    items_release = snapshot.items_release
    if _screens_items(tables) and items_release is not None and items_release not in used_releases:
        used_releases += (items_release,)
    return ScreeningResult(
        input_path=tables[0].path,
        input_sha256=input_sha256,
        as_of=as_of,
        threshold=limit,
        list_ids=chosen,
        sheets=tuple(sheets),
        hits=hits,
        rows=rows,
        releases=used_releases,
        freshness=tuple(w for w in snapshot.freshness(as_of) if w.release in used_releases),
        app_version=__version__,
        user=user or default_reviewer(),
        started_at=started,
        finished_at=dt.datetime.now(dt.UTC),
        all_rows=all_rows,
        kept=tuple(kept),
        coverage=coverage_warnings(snapshot, chosen),
        item_hits=tuple(item_hits),
    )


def _within_row(hit: ListingHit) -> tuple[int, float, str]:
    """The order of one row's hits: the most severe status, then the best score, then list."""
    return (SEVERITY[hit.status], -hit.score, hit.list_id)


def _with_hs_column(table: SupplierTable, spec: str) -> SupplierTable:
    where = f"{table.path}" + (f", sheet {table.sheet!r}" if table.sheet else "")
    column = resolve_column(spec, table.headers, where=where)
    return replace(table, roles=replace(table.roles, hs_code=column))


def _screens_items(tables: Sequence[SupplierTable]) -> bool:
    return any(t.roles.hs_code is not None or t.roles.description is not None for t in tables)


def _item_hits(
    tables: Sequence[SupplierTable],
    snapshot: ListSnapshot,
    as_of: dt.date,
    rows: dict[tuple[str | None, int], tuple[CellValue, ...]],
) -> list[ItemHit]:
    """Controlled items bought or sold in rows with an HS code or a goods description; the
    rows of the hits join ``rows``."""
    if not snapshot.items or not _screens_items(tables):
        return []
    cutoff = snapshot.items_release.data_cutoff if snapshot.items_release else None
    matcher = ItemMatcher(snapshot.items, as_of, cutoff)
    found: list[ItemHit] = []
    for table in tables:
        roles = table.roles
        for row in table.rows:
            hs_code = table.text(row, roles.hs_code)
            description = table.text(row, roles.description)
            if not hs_code and not description:
                continue
            hits = matcher.match(
                sheet=table.sheet,
                row=row.row_number,
                supplier=table.text(row, roles.name).strip(),
                hs_code=hs_code,
                description=description,
            )
            if hits:
                found.extend(hits)
                rows[(table.sheet, row.row_number)] = row.values
    return found


def _too_many_hits(table: SupplierTable, row: int) -> InputFileError:
    return InputFileError(
        table.path,
        f"more than {MAX_HITS:,} hits by this row: check the name column and the threshold, "
        "or screen the file in parts; nothing was stored",
        sheet=table.sheet,
        row=row,
    )


def _cells(
    tables: Sequence[SupplierTable], total: int, progress: Progress
) -> list[tuple[list[str], list[str], list[str]]]:
    """Per table: the stripped name, second name and country text of every row. Equal texts
    are one object, so that the hits of rows with the same name share their values."""
    out = []
    done = 0
    seen: dict[str, str] = {}
    one = seen.setdefault
    for table in tables:
        roles = table.roles
        names: list[str] = []
        alts: list[str] = []
        countries: list[str] = []
        for start in range(0, len(table.rows), _SLICE):
            rows = table.rows[start : start + _SLICE]
            names += [one(t, t) for t in _column_texts(rows, roles.name)]
            alts += [one(t, t) for t in _column_texts(rows, roles.name_alt)]
            countries += [one(t, t) for t in (table.text(row, roles.country) for row in rows)]
            done += len(rows)
            _between_slices(done, total, progress)
        out.append((names, alts, countries))
    return out


def _column_texts(rows: Sequence[SupplierRow], column: int | None) -> list[str]:
    """The stripped display text of ``column`` in every row ("" where empty or absent)."""
    if column is None or column < 0:
        return [""] * len(rows)
    return [
        cell_text(row.values[column]).strip() if column < len(row.values) else "" for row in rows
    ]


def _names_with_countries(
    cells: Sequence[tuple[list[str], list[str], list[str]]], total: int, progress: Progress
) -> list[NameWithCountries]:
    """Every distinct name (then second name) of every table, with the countries it appears
    with, in first-seen order."""
    pairs: dict[tuple[str, str], None] = {}
    for names, alts, countries in cells:
        columns = (names, alts) if any(alts) else (names,)
        for column in columns:
            for start in range(0, len(column), _SLICE):
                end = start + _SLICE
                part = zip(column[start:end], countries[start:end], strict=True)
                pairs.update(dict.fromkeys(part))
                _between_slices(start, total, progress)
    grouped: dict[str, list[str]] = {}
    for number, (name, country) in enumerate(pairs):
        if number % _SLICE == 0:
            _between_slices(number, len(pairs), progress)
        if not name:
            continue
        found = grouped.get(name)
        if found is None:
            grouped[name] = [country]
        else:
            found.append(country)
    return [(name, tuple(countries)) for name, countries in grouped.items()]


def _between_slices(done: int, total: int, progress: Progress) -> None:
    """A report (which lets the desktop app's window take its turn) and a cancel check
    between slices of the preparation: 100k rows of it take a fifth of a second."""
    check_cancelled(progress)
    progress.report(done, total, "Collecting the names")


def _best_per_entity(
    found: Matches, names: tuple[str, str], country: str
) -> list[tuple[str, NameMatch]]:
    """Matches of the row's name cells (name, second name; stripped): the best one per
    entity, with the cell it came from."""
    best: dict[str, tuple[str, NameMatch]] = {}
    for cell in dict.fromkeys(names):
        if not cell:
            continue
        for match in found.get((cell, country), ()):
            if match.entity_id not in best or match.score > best[match.entity_id][1].score:
                best[match.entity_id] = (cell, match)
    return sorted(best.values(), key=lambda found: -found[1].score)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the reader names the problem


class _StatusCache:
    """Statuses per entity on the chosen lists as of the date, computed once per entity, and
    the fields of a hit each (entity, list) gives, made once: every row that hits the
    entity then shares the same values (``HitTable`` holds them once)."""

    def __init__(self, snapshot: ListSnapshot, as_of: dt.date, list_ids: Sequence[str]) -> None:
        self._snapshot = snapshot
        self._as_of = as_of
        self._lists = set(list_ids)
        self._cache: dict[str, dict[str, ListStatus]] = {}
        self._listings: dict[str, list[dict[str, Any]]] = {}

    def get(self, entity_id: str) -> dict[str, ListStatus]:
        found = self._cache.get(entity_id)
        if found is None:
            found = {
                list_id: status
                for list_id, status in self._snapshot.statuses(
                    entity_id, self._as_of, self._lists
                ).items()
                if status.status is not Status.NOT_LISTED
            }
            self._cache[entity_id] = found
        return found

    def listings(self, entity_id: str) -> list[dict[str, Any]]:
        """The listing fields of a hit on each list the entity has a status on."""
        found = self._listings.get(entity_id)
        if found is None:
            found = self._listings[entity_id] = [
                self._listing(entity_id, list_id, status)
                for list_id, status in self.get(entity_id).items()
            ]
        return found

    def _listing(self, entity_id: str, list_id: str, status: ListStatus) -> dict[str, Any]:
        entity = self._snapshot.entities[entity_id]
        basis = status.basis
        release = self._snapshot.release_of(list_id)
        return {
            "entity_id": entity.entity_id,
            "entity_name": entity.name_en,
            "entity_name_zh": entity.name_zh,
            "list_id": list_id,
            "status": status.status,
            "since": status.since,
            "until": status.until,
            "announcement": basis.announcement if basis else "",
            "source_url": basis.source_url if basis else "",
            "upcoming": tuple(EventLine.of(e) for e in status.upcoming),
            "suspended_since": status.suspended_since,
            "status_basis": status_basis(status, release.data_cutoff if release else None),
            "basis_event": EventLine.of(basis) if basis else None,
        }


def _hits_for(
    table: SupplierTable,
    row_number: int,
    cell: str,
    country: str,
    match: NameMatch,
    statuses: _StatusCache,
) -> list[ListingHit]:
    return [
        ListingHit(
            sheet=table.sheet,
            row=row_number,
            supplier_name=cell,
            supplier_country=country,
            matched_name=match.matched_name,
            score=match.score,
            band=match.band,
            reasons=match.reasons,
            matched_tokens=match.matched_tokens,
            **listing,
        )
        for listing in statuses.listings(match.entity_id)
    ]
