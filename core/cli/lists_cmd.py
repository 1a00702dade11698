"""``tradescreen-cli lists [--as-of D]`` and ``tradescreen-cli lists import FILE``: a signed
list pack, an OpenSanctions export, the US Consolidated Screening List, or an own list."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from typing import Any

from core.cli.common import CommandContext, TerminalProgress, date_argument, warn
from core.cli.documents import lists_document
from core.cli.output import is_stdio, json_argument, write_json
from core.errors import UsageError
from core.identity import default_reviewer
from core.lists.catalog import ImportOrigin
from core.lists.model import SEVERITY_ORDER
from core.lists.sources import FORMATS, OwnListOptions, detect_format, read_list_file
from core.services.changes import ChangeService, change_line

COLUMNS = SEVERITY_ORDER


def register(commands: Any) -> None:
    parser = commands.add_parser("lists", help="lists, releases and entity counts as of a date")
    parser.add_argument(
        "--as-of",
        type=date_argument,
        metavar="YYYY-MM-DD",
        help="count statuses as of this date (default: today)",
    )
    json_argument(parser, "the lists, releases and counts")
    parser.set_defaults(handler=show_lists)
    actions = parser.add_subparsers(
        dest="lists_action", metavar="ACTION", parser_class=type(parser)
    )
    importer = actions.add_parser(
        "import", help="import a list pack or a list file (OpenSanctions, CSL, own CSV/XLSX)"
    )
    importer.add_argument("pack", type=Path, metavar="FILE")
    importer.add_argument("--format", choices=FORMATS, help="force the format (default: detect)")
    importer.add_argument(
        "--allow-unsigned",
        action="store_true",
        help="accept a list pack that is not signed (your own pack; recorded in the audit)",
    )
    importer.add_argument("--list-id", help="own list: its id (e.g. own-blocked-vendors)")
    importer.add_argument("--title", help="own list: its title")
    for column in ("name", "aliases", "country", "listed"):
        importer.add_argument(f"--{column}-column", metavar="HEADER")
    importer.add_argument(
        "--release-date",
        type=date_argument,
        metavar="YYYY-MM-DD",
        help="the file's data date (default: from the file, else its modification date)",
    )
    importer.set_defaults(handler=import_pack)


def show_lists(args: argparse.Namespace, context: CommandContext) -> int:
    as_of: dt.date = args.as_of or dt.date.today()
    snapshot = context.catalog.snapshot()
    if args.json is not None:
        write_json(lists_document(snapshot, as_of), args.json)
        if is_stdio(args.json):
            return 0
    counts = snapshot.counts(as_of)
    print(f"Lists as of {as_of.isoformat()}")
    header = f"{'list_id':26} {'entities':>8}" + "".join(f"{s.value:>10}" for s in COLUMNS)
    print(f"{header}  release (data cut-off)")
    for list_id in sorted(snapshot.lists):
        c = counts.get(list_id, {})
        release = snapshot.release_of(list_id)
        where = f"{release.version} ({release.data_cutoff.isoformat()})" if release else "-"
        total = sum(c.values())
        cells = "".join(f"{c.get(s, 0):>10}" for s in COLUMNS)
        print(f"{list_id:26} {total:>8}{cells}  {where}")
    print()
    used = {r.release_id for r in snapshot.releases}
    for release in context.catalog.releases():
        state = "in use" if release.release_id in used else "kept (older release)"
        print(
            f"release {release.release_id}: {release.publisher} {release.version}, "
            f"data cut-off {release.data_cutoff.isoformat()}, sha256 {release.checksum[:16]}..., "
            f"imported {release.imported_at:%Y-%m-%d %H:%M} UTC; {release.provenance}; {state}"
        )
        if release.licence:
            print(f"  licence: {release.licence}; attribution: {release.attribution}")
    for warning in snapshot.freshness(as_of):
        warn(warning.message)
    return 0


def import_pack(args: argparse.Namespace, context: CommandContext) -> int:
    fmt = args.format or detect_format(args.pack).format
    if fmt == "pack":
        result = context.catalog.import_pack(args.pack, allow_unsigned=args.allow_unsigned)
    else:
        own = None
        if fmt == "csv":
            if not args.list_id or not args.title:
                raise UsageError("an own list needs --list-id ID and --title TEXT")
            own = OwnListOptions(
                args.list_id, args.title, args.name_column, args.aliases_column,
                args.country_column, args.listed_column,
            )  # fmt: skip
        pack, fmt = read_list_file(args.pack, fmt, own=own, data_date=args.release_date)
        origin = ImportOrigin(kind=fmt, source=str(args.pack))
        result = context.catalog.import_release(pack, origin)
    context.services.lists_changed()
    release = result.release
    if result.created:
        print(
            f"imported {release.publisher} {release.version} (data cut-off "
            f"{release.data_cutoff.isoformat()}): {result.lists} lists, {result.entities} "
            f"entities, {result.events} events"
        )
        print(f"  {release.provenance}")
        if release.licence:
            print(f"  licence: {release.licence}")
    else:
        print(f"already imported: {release.publisher} {release.version}; nothing changed")
    started = time.perf_counter()
    progress = TerminalProgress()
    try:
        names = context.screening.prepare_index(progress)
    finally:
        progress.finish()
    print(f"name index ready: {names} names ({time.perf_counter() - started:.1f} s)")
    if result.created:
        _report_monitored(context)
    return 0


def _report_monitored(context: CommandContext) -> None:
    """Every list import re-checks the monitored runs (and records it in the audit trail)."""
    found = ChangeService(context.screening).check_monitored(default_reviewer())
    for run in found:
        if run.affected:
            print(f"monitored run {run.run_id} ({run.input_name}): {len(run.changes)} changes")
            for change in run.changes:
                print(f"  {change_line(change)}")
    if found:
        affected = sum(1 for run in found if run.affected)
        print(f"{affected} of {len(found)} monitored runs affected (tradescreen-cli runs changes)")
