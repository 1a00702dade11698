"""``runs``, ``runs show ID``, ``decide``, ``export`` and ``audit verify``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from core.cli import changes_cmd
from core.cli.common import CommandContext, warn
from core.cli.documents import audit_document, run_document, runs_document
from core.cli.output import is_stdio, json_argument, write_json
from core.cli.reports import check_report_name, language_argument, write_run_report
from core.cli.screen_cmd import print_summary
from core.review import AuditLog, Decision, DecisionService, RunStore
from core.screening.json_export import result_to_streamed_json
from core.store.audit import AuditHead, verify_chain
from core.store.audit_file import read_trail, write_trail


def register(commands: Any) -> None:
    runs = commands.add_parser("runs", help="stored screening runs (newest first)")
    runs.add_argument("--limit", type=int, default=50, metavar="N", help="show N runs (50)")
    json_argument(runs, "the runs")
    runs.set_defaults(handler=list_runs)
    actions = runs.add_subparsers(dest="runs_action", metavar="ACTION", parser_class=type(runs))
    show = actions.add_parser("show", help="one run with its hits and decisions")
    show.add_argument("run_id", type=int, metavar="ID")
    json_argument(show, "the run (the screening result document, with its decisions)")
    show.set_defaults(handler=show_run)
    changes_cmd.register_runs_actions(actions)

    decide = commands.add_parser("decide", help="record a reviewer's decision on a hit")
    decide.add_argument("run_id", type=int, metavar="RUN")
    decide.add_argument("row", type=int, metavar="ROW", help="the spreadsheet row number")
    decide.add_argument("entity_id", metavar="ENTITY", help="the entity id of the hit")
    decide.add_argument(
        "--as", dest="decision", required=True, type=Decision.parse,
        metavar="confirmed|false-positive|escalated",
    )  # fmt: skip
    decide.add_argument("--note", default="", metavar="TEXT", help="why")
    decide.add_argument("--by", metavar="NAME", help="reviewer (default: the OS user)")
    decide.add_argument("--sheet", metavar="NAME", help="the sheet, when the run had several")
    decide.set_defaults(handler=record_decision)

    export = commands.add_parser(
        "export", help="write the Excel report (.xlsx) or the one-page PDF summary (.pdf) of a run"
    )
    export.add_argument("run_id", type=int, metavar="RUN")
    export.add_argument("output", type=Path, metavar="OUT.xlsx|OUT.pdf")
    language_argument(export)
    export.set_defaults(handler=export_run)

    audit = commands.add_parser("audit", help="the audit trail")
    audit.add_argument("--limit", type=int, default=30, metavar="N", help="show N records (30)")
    json_argument(audit, "the records, newest first")
    audit.set_defaults(handler=show_audit)
    audit_actions = audit.add_subparsers(
        dest="audit_action", metavar="ACTION", parser_class=type(audit)
    )
    verify = audit_actions.add_parser(
        "verify", help="check that no record was changed (with --head: nor the newest deleted)"
    )
    verify.add_argument(
        "--head", type=_audit_head, metavar="N:HASH",
        help="a head taken earlier (a report's Audit sheet, runs show): the trail must still "
        "hold record N with that hash",
    )  # fmt: skip
    verify.add_argument(
        "--file", type=Path, metavar="FILE",
        help="verify a trail written by 'audit export' instead of the database's",
    )  # fmt: skip
    verify.set_defaults(handler=verify_audit)
    export_trail = audit_actions.add_parser(
        "export", help="write the trail as JSON lines that 'audit verify --file' checks offline"
    )
    export_trail.add_argument("file", type=Path, metavar="FILE")
    export_trail.set_defaults(handler=export_audit)


def _audit_head(text: str) -> AuditHead:
    try:
        return AuditHead.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def list_runs(args: argparse.Namespace, context: CommandContext) -> int:
    runs = RunStore(context.db).list_runs(limit=args.limit)
    if args.json is not None:
        write_json(runs_document(runs), args.json)
        if is_stdio(args.json):
            return 0
    if not runs:
        print("no screening runs yet")
        return 0
    print(f"{'run':>5}  {'screened (UTC)':16}  {'as of':10}  {'rows':>7}  {'flagged':>7}  "
          f"{'decided':>7}  user  file")  # fmt: skip
    for run in runs:
        print(
            f"{run.run_id:>5}  {run.started_at:%Y-%m-%d %H:%M}  {run.as_of.isoformat()}  "
            f"{run.rows_screened:>7}  {run.flagged_rows:>7}  {run.decided:>7}  {run.user}  "
            f"{run.input_name}"
        )
    return 0


def show_run(args: argparse.Namespace, context: CommandContext) -> int:
    result = RunStore(context.db).load(args.run_id)
    head = AuditLog(context.db).head()
    if args.json is not None:
        write_json(run_document(result_to_streamed_json(result), head), args.json)
        if is_stdio(args.json):
            return 0
    print(f"run {result.run_id}: screened {result.started_at:%Y-%m-%d %H:%M} UTC by {result.user}")
    print(f"input {result.input_name}, sha256 {result.input_sha256}")
    for release in result.releases:
        print(
            f"list data {release.publisher} {release.version} (cut-off "
            f"{release.data_cutoff.isoformat()}, sha256 {release.checksum[:16]}...)"
        )
    print_summary(result, None)
    decided = {h.key: h for h in result.hits if h.decision}
    for hit in decided.values():
        where = f"{hit.sheet}!{hit.row}" if hit.sheet else f"row {hit.row}"
        when = f"{hit.decided_at:%Y-%m-%d %H:%M}" if hit.decided_at else ""
        note = f": {hit.decision_note}" if hit.decision_note else ""
        label = (hit.decision or "").replace("_", " ")
        print(f"decision {where} {hit.entity_id}: {label} by {hit.decided_by} {when}{note}")
    for warning in result.freshness:
        warn(warning.message)
    print(f"audit trail head: {'none (no records yet)' if head is None else head}")
    return 0


def record_decision(args: argparse.Namespace, context: CommandContext) -> int:
    hits = DecisionService(context.db).decide(
        args.run_id,
        args.row,
        args.entity_id,
        args.decision,
        args.note,
        args.by or context.prefs.reviewer or None,
        sheet=args.sheet,
    )
    hit = hits[0]
    label = (hit.decision or "").replace("_", " ")
    print(
        f"run {args.run_id} row {hit.row} {hit.entity_id} ({hit.supplier_name}): {label} "
        f"by {hit.decided_by}"
    )
    return 0


def export_run(args: argparse.Namespace, context: CommandContext) -> int:
    check_report_name(args.output)
    result = RunStore(context.db).load(args.run_id)
    write_run_report(result, args.output, context, args.language)
    print(f"run {args.run_id} written to {args.output}")
    return 0


def show_audit(args: argparse.Namespace, context: CommandContext) -> int:
    entries = AuditLog(context.db).entries(limit=args.limit)
    if args.json is not None:
        write_json(audit_document(entries), args.json)
        if is_stdio(args.json):
            return 0
    for entry in entries:
        print(f"{entry.seq:>6}  {entry.at:%Y-%m-%d %H:%M:%S}  {entry.actor:12}  "
              f"{entry.action:18}  {entry.subject}")  # fmt: skip
    return 0


def verify_audit(args: argparse.Namespace, context: CommandContext) -> int:
    if args.file is not None:
        check = verify_chain(read_trail(args.file), args.head)
        where = f"{args.file}: "
    else:
        check = AuditLog(context.db).verify(args.head)
        where = ""
    if check.ok:
        against = f", record {args.head.seq} is the head given" if args.head else ""
        print(f"{where}audit trail intact: {check.records} records, every link verified{against}")
        return 0
    print(f"{where}audit trail BROKEN at record {check.broken_seq}: {check.problem}")
    return 3


def export_audit(args: argparse.Namespace, context: CommandContext) -> int:
    log = AuditLog(context.db)
    count = write_trail(log.records(), args.file)
    head = log.head()
    print(f"{count} audit records written to {args.file} (head {head or 'none'})")
    return 0
