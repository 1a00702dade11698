"""``tradescreen-cli screen INPUT --as-of D``: screen a supplier file and report the hits."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.cli.common import CommandContext, date_argument, warn
from core.errors import UsageError
from core.matching import MAX_THRESHOLD, MIN_THRESHOLD, threshold_in_range
from core.review.state import Review, ReviewState, review_of
from core.screening import ListingHit, ScreeningRequest, ScreeningResult
from core.screening.json_export import result_to_json, write_json
from core.spreadsheets import SheetChoice
from core.spreadsheets.encodings import encoding_named


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "screen", help="screen a supplier file (xlsx, xlsm, xls, ods, csv, tsv, txt) as of a date"
    )
    parser.add_argument("input", type=Path, metavar="INPUT", help="the supplier file")
    parser.add_argument(
        "--as-of", type=date_argument, required=True, metavar="YYYY-MM-DD",
        help="the date the lists are taken as of",
    )  # fmt: skip
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--sheet", metavar="NAME", help="the sheet to screen (default: the first "
                       "with a name column)")  # fmt: skip
    where.add_argument("--all-sheets", action="store_true", help="screen every sheet that has a "
                       "name column")  # fmt: skip
    parser.add_argument("--name-column", metavar="HEADER", help="the supplier-name column "
                        "(header text, letter or 1-based number)")  # fmt: skip
    parser.add_argument("--country-column", metavar="HEADER", help="the country column")
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
    parser.add_argument("--json", type=Path, metavar="RESULT.json", help="write the result as "
                        "JSON ('-' for standard output)")  # fmt: skip
    parser.add_argument("--output", type=Path, metavar="RESULT.xlsx", help="write the Excel "
                        "report")  # fmt: skip
    parser.add_argument("--all-rows", action="store_true", help="add an 'All rows' sheet to the "
                        "Excel report")  # fmt: skip
    parser.set_defaults(handler=screen)


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
        from core.report.target import check_suffix  # openpyxl only when a report is asked for

        check_suffix(args.output, shown=f"--output {args.output}")
    request = ScreeningRequest(
        path=args.input,
        as_of=args.as_of,
        sheets=SheetChoice(args.sheet, args.all_sheets),
        name_column=args.name_column,
        country_column=args.country_column,
        header_row=args.header_row,
        encoding=args.encoding,
        list_ids=args.lists,
        threshold=args.threshold,
        keep_all_rows=args.all_rows,
    )
    result = context.screening.run(request)
    for warning in result.freshness:
        warn(warning.message)
    if args.json is not None:
        if str(args.json) == "-":
            import json

            json.dump(result_to_json(result), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            write_json(result, args.json)
    if args.output is not None:
        from core.report import write_report

        write_report(result, args.output, all_rows=args.all_rows)
    if str(args.json) != "-":
        print_summary(result, args.output)
    return 0


def print_summary(result: ScreeningResult, report: Path | None) -> None:
    sheets = ", ".join(
        f"{s.sheet or result.input_name} ({s.rows_screened} rows)" for s in result.sheets
    )
    print(
        f"{result.input_name}: {sheets} screened as of {result.as_of.isoformat()} against "
        f"{len(result.list_ids)} lists, threshold {result.threshold:g}"
    )
    by_row: dict[tuple[str | None, int, str], list[ListingHit]] = {}
    for hit in result.hits:
        by_row.setdefault(hit.key, []).append(hit)
    for hits in by_row.values():
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
            print(f"{'':16}{hit.list_id}: {hit.status.value}{window}{decision}")
    counts: dict[str, int] = {}
    for hit in result.hits:
        counts[hit.status.value] = counts.get(hit.status.value, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in counts.items()) or "no hits"
    print(f"{result.flagged_rows()} of {result.rows_screened} rows flagged: {summary}")
    if result.run_id is not None:
        print(f"stored as run {result.run_id}")
    if report is not None:
        print(f"report written to {report}")


def _review_text(review: Review) -> str:
    prior = review.prior
    if review.state is ReviewState.REMEMBERED and prior is not None:
        return (
            f"  (cleared before by {prior.decided_by} on {prior.decided_at:%Y-%m-%d}: "
            f"{prior.decision.english})"
        )
    if review.state is ReviewState.REVIEW_AGAIN:
        return "  (cleared before, but the listing changed since: review again)"
    return ""
