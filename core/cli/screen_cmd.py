"""``tradescreen-cli screen INPUT --as-of D``: screen a supplier file and report the hits."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from core.cli.common import CommandContext, TerminalProgress, date_argument, warn
from core.cli.output import is_stdio, standard_input_file, write_csv, write_json
from core.cli.reports import check_report_name, language_argument, write_run_report
from core.errors import UsageError
from core.lists.asof import StatusBasis
from core.lists.model import Status
from core.matching import MAX_THRESHOLD, MIN_THRESHOLD, threshold_in_range
from core.review.state import Review, ReviewState, review_of
from core.screening import ListingHit, ScreeningRequest, ScreeningResult
from core.screening.hit_table import HitTable
from core.screening.json_export import hit_json_fields, hit_to_json, result_to_streamed_json
from core.spreadsheets import SheetChoice
from core.spreadsheets.encodings import encoding_named

FAIL_ON_EXIT = 4
"""``screen --fail-on``: some hit has one of the statuses named (not 1 or 2, so that a script
tells "found" from "failed" and "misused")."""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "screen", help="screen a supplier file (xlsx, xlsm, xls, ods, csv, tsv, txt) as of a date"
    )
    parser.add_argument("input", type=Path, metavar="INPUT", help="the supplier file ('-': "
                        "standard input, its format judged from its bytes)")  # fmt: skip
    parser.add_argument(
        "--as-of", type=date_argument, required=True, metavar="YYYY-MM-DD",
        help="the date the lists are taken as of",
    )  # fmt: skip
    parser.add_argument(
        "--known-on", type=date_argument, metavar="YYYY-MM-DD",
        help="screen with the list releases known on this day (released on or before it) "
        "instead of the newest: what was known when a supplier was approved",
    )  # fmt: skip
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--sheet", metavar="NAME", help="the sheet to screen (default: the first "
                       "with a name column)")  # fmt: skip
    where.add_argument("--all-sheets", action="store_true", help="screen every sheet that has a "
                       "name column")  # fmt: skip
    parser.add_argument("--name-column", metavar="HEADER", help="the supplier-name column "
                        "(header text, letter or 1-based number)")  # fmt: skip
    parser.add_argument("--country-column", metavar="HEADER", help="the country column")
    parser.add_argument("--hs-column", metavar="HEADER", help="the HS / tariff code column, "
                        "screened against controlled items (default: detected)")  # fmt: skip
    parser.add_argument("--header-row", type=_header_row, metavar="N", help="the row that holds "
                        "the column headers, as numbered in the spreadsheet (default: found "
                        "automatically)")  # fmt: skip
    parser.add_argument("--encoding", type=_encoding, metavar="NAME", help="the text encoding of "
                        "a CSV/TXT file (UTF-8, UTF-16, GB18030, Big5, Shift_JIS, EUC-KR, "
                        "cp1252; default: detected)")  # fmt: skip
    parser.add_argument("--lists", type=_list_ids, metavar="ID,ID", help="only these lists "
                        "(default: all; see `tradescreen-cli lists`)")  # fmt: skip
    parser.add_argument("--threshold", type=_threshold,
                        metavar=f"{MIN_THRESHOLD:g}-{MAX_THRESHOLD:g}", help="lowest match "
                        "score reported (default: the matcher's measured default)")  # fmt: skip
    parser.add_argument("--json", type=Path, metavar="FILE|-", help="write the result as "
                        "JSON ('-' for standard output)")  # fmt: skip
    parser.add_argument("--csv", type=Path, metavar="FILE|-", help="write the hits as CSV, the "
                        "fields of the JSON hits ('-' for standard output)")  # fmt: skip
    parser.add_argument("--fail-on", type=_statuses, metavar="STATUS[,STATUS]", help="exit with "
                        f"status {FAIL_ON_EXIT} when any hit has one of these statuses "
                        f"({', '.join(s.value for s in Status if s is not Status.NOT_LISTED)})"
                        )  # fmt: skip
    language_argument(parser)
    parser.add_argument("--output", type=Path, metavar="OUT.xlsx|OUT.pdf", help="write the "
                        "Excel report, or the one-page PDF summary")  # fmt: skip
    parser.add_argument("--all-rows", action="store_true", help="add an 'All rows' sheet to the "
                        "Excel report")  # fmt: skip
    parser.set_defaults(handler=screen)


def _statuses(text: str) -> frozenset[Status]:
    chosen = set()
    for part in (p.strip().lower().replace("-", "_") for p in text.split(",")):
        if not part:
            continue
        try:
            status = Status(part)
        except ValueError:
            status = Status.NOT_LISTED
        if status is Status.NOT_LISTED:
            known = ", ".join(s.value for s in Status if s is not Status.NOT_LISTED)
            raise argparse.ArgumentTypeError(f"{part!r} is not a hit status; use {known}")
        chosen.add(status)
    if not chosen:
        raise argparse.ArgumentTypeError("give one or more statuses separated by commas")
    return frozenset(chosen)


def _list_ids(text: str) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if not ids:
        raise argparse.ArgumentTypeError("give one or more list ids separated by commas")
    return ids


def _encoding(text: str) -> str:
    try:
        return encoding_named(text).codec
    except UsageError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _header_row(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a row number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a row number (rows start at 1)")
    return value


def _threshold(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number from {MIN_THRESHOLD:g} to {MAX_THRESHOLD:g}"
        ) from None
    if not threshold_in_range(value):
        raise argparse.ArgumentTypeError(
            f"{text} is not between {MIN_THRESHOLD:g} and {MAX_THRESHOLD:g}"
        )
    return value


def screen(args: argparse.Namespace, context: CommandContext) -> int:
    if args.output is not None:
        check_report_name(args.output, shown=f"--output {args.output}")
    if is_stdio(args.json) and is_stdio(args.csv):
        raise UsageError("--json - and --csv - cannot both use standard output")
    if is_stdio(args.input):
        with standard_input_file() as path:
            return _screen(path, args, context)
    return _screen(args.input, args, context)


def _screen(path: Path, args: argparse.Namespace, context: CommandContext) -> int:
    prefs = context.prefs
    request = ScreeningRequest(
        path=path,
        as_of=args.as_of,
        known_on=args.known_on,
        sheets=SheetChoice(args.sheet, args.all_sheets),
        name_column=args.name_column,
        country_column=args.country_column,
        hs_column=args.hs_column,
        header_row=args.header_row,
        encoding=args.encoding,
        list_ids=args.lists or prefs.default_lists or None,
        threshold=args.threshold if args.threshold is not None else prefs.default_threshold,
        keep_all_rows=args.all_rows,
    )
    progress = TerminalProgress()
    try:
        result = context.screening.run(request, progress)
    finally:
        progress.finish()
    for message in [w.message for w in result.freshness] + [w.message for w in result.coverage]:
        warn(message)
    if args.json is not None:
        write_json(result_to_streamed_json(result), args.json)
    if args.csv is not None:
        write_csv(hit_json_fields(), map(hit_to_json, result.hits), args.csv)
    if args.output is not None:
        write_run_report(result, args.output, context, args.language, all_rows=args.all_rows)
    if not (is_stdio(args.json) or is_stdio(args.csv)):
        print_summary(result, args.output)
    if args.fail_on and any(hit.status in args.fail_on for hit in result.hits):
        return FAIL_ON_EXIT
    return 0


def print_summary(result: ScreeningResult, report: Path | None) -> None:
    sheets = ", ".join(
        f"{s.sheet or result.input_name} ({s.rows_screened} rows)" for s in result.sheets
    )
    print(
        f"{result.input_name}: {sheets} screened as of {result.as_of.isoformat()} against "
        f"{len(result.list_ids)} lists, threshold {result.threshold:g}"
    )
    releases = ", ".join(f"{r.publisher} {r.version}" for r in result.releases)
    known = f" known on {result.known_on.isoformat()}" if result.known_on else ""
    print(f"list releases{known}: {releases}")
    for hits in _by_row_and_entity(result.hits):
        first = hits[0]
        where = f"{first.sheet}!{first.row}" if first.sheet else f"row {first.row}"
        print(
            f"{where:>14}  {first.supplier_name}  ->  {first.entity_name or first.entity_name_zh}"
            f"  [{first.entity_id}, score {first.score:g} {first.band}]"
        )
        for hit in hits:
            window = f" since {hit.since.isoformat()}" if hit.since else ""
            if hit.suspended_since:
                window = f" (listed{window}) from {hit.suspended_since.isoformat()}"
            if hit.until:
                window += f" until {hit.until.isoformat()}"
            decision = _review_text(review_of(hit))
            basis = " (computed)" if hit.status_basis is StatusBasis.COMPUTED else ""
            print(f"{'':16}{hit.list_id}: {hit.status.value}{basis}{window}{decision}")
    # by status, in the order first seen (a HitTable counts by group, not hit by hit)
    every = result.hits
    by_status = (
        every.count_by("status")
        if isinstance(every, HitTable)
        else Counter(h.status for h in every)
    )
    counts = {status.value: n for status, n in by_status.items()}
    summary = ", ".join(f"{n} {status}" for status, n in counts.items()) or "no hits"
    print(f"{result.flagged_rows()} of {result.rows_screened} rows flagged: {summary}")
    _print_item_hits(result)
    if result.run_id is not None:
        print(f"stored as run {result.run_id}")
    if report is not None:
        print(f"report written to {report}")


def _by_row_and_entity(hits: Iterable[ListingHit]) -> Iterator[list[ListingHit]]:
    """The hits of each row and entity, entities in the order first seen in the row. A
    result's hits come row by row, so only one row's hits are held at a time."""
    row: dict[tuple[str | None, int, str], list[ListingHit]] = {}
    place: tuple[str | None, int] | None = None
    for hit in hits:
        if (hit.sheet, hit.row) != place:
            yield from row.values()
            row, place = {}, (hit.sheet, hit.row)
        row.setdefault(hit.key, []).append(hit)
    yield from row.values()


def _review_text(review: Review) -> str:
    prior = review.prior
    if review.state is ReviewState.REMEMBERED and prior is not None:
        return (
            f"  ({prior.decision.earlier.lower()} before by {prior.decided_by} on "
            f"{prior.decided_at:%Y-%m-%d}: "
            f"{prior.decision.english})"
        )
    if review.state is ReviewState.REVIEW_AGAIN:
        verb = prior.decision.earlier.lower() if prior is not None else "decided"
        return f"  ({verb} before, but the listing changed since: review again)"
    return ""


def _print_item_hits(result: ScreeningResult) -> None:
    if not result.item_hits:
        return
    print(f"{len(result.item_hits)} controlled-item hits on "
          f"{len({(h.sheet, h.row) for h in result.item_hits})} rows:")  # fmt: skip
    for hit in result.item_hits:
        where = f"{hit.sheet}!{hit.row}" if hit.sheet else f"row {hit.row}"
        window = f" until {hit.until.isoformat()}" if hit.until else ""
        computed = " (computed)" if hit.status_basis is StatusBasis.COMPUTED else ""
        print(
            f"{where:>14}  {hit.item_name_zh or hit.item_id}: {hit.status.value}{window}"
            f"{computed}  [{hit.matched_by()}]"
        )
