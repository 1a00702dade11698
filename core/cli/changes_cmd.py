"""``runs changes [RUN ...] [--monitored]``, ``runs monitor RUN [--off]`` and ``rescreen RUN``:
what the newest list data changes in earlier screenings."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.cli.common import CommandContext, date_argument
from core.identity import default_reviewer
from core.review import RunStore
from core.services.changes import ChangeService, change_line, changes_to_json


def register_runs_actions(actions: Any) -> None:
    changes = actions.add_parser(
        "changes", help="the hits of earlier runs that the newest list data changes"
    )
    changes.add_argument("runs", type=int, nargs="*", metavar="RUN", help="runs (default: all)")
    changes.add_argument("--monitored", action="store_true", help="only the monitored runs")
    changes.add_argument("--json", type=Path, metavar="FILE", help="write them as JSON "
                         "('-' for standard output)")  # fmt: skip
    changes.set_defaults(handler=show_changes)
    monitor = actions.add_parser(
        "monitor", help="re-check a run's supplier list after every list import"
    )
    monitor.add_argument("run_id", type=int, metavar="RUN")
    monitor.add_argument("--off", action="store_true", help="stop monitoring it")
    monitor.set_defaults(handler=set_monitored)


def register(commands: Any) -> None:
    rescreen = commands.add_parser(
        "rescreen", help="a new run from a stored run's names, with the newest list data"
    )
    rescreen.add_argument("run_id", type=int, metavar="RUN")
    rescreen.add_argument("--as-of", type=date_argument, metavar="YYYY-MM-DD",
                          help="screening date (default: the run's own)")  # fmt: skip
    rescreen.set_defaults(handler=rescreen_run)


def show_changes(args: argparse.Namespace, context: CommandContext) -> int:
    store = RunStore(context.db)
    ids = list(args.runs) or None
    if args.monitored:
        monitored = store.monitored_runs()
        ids = [r for r in ids if r in monitored] if ids else monitored
    found = ChangeService(context.screening).changes(ids)
    if args.json is not None:
        text = json.dumps(changes_to_json(found), ensure_ascii=False, indent=2) + "\n"
        if str(args.json) == "-":
            sys.stdout.write(text)
            return 0
        args.json.write_text(text, encoding="utf-8")
    affected = [c for c in found if c.affected]
    for run in found:
        if not run.kept:
            print(f"run {run.run_id} ({run.input_name}): stored before runs kept their names; "
                  "screen its file again")  # fmt: skip
        elif run.affected:
            print(f"run {run.run_id} ({run.input_name}, as of {run.as_of.isoformat()}): "
                  f"{len(run.changes)} changes")  # fmt: skip
            for change in run.changes:
                print(f"  {change_line(change)}")
    print(f"{len(affected)} of {len(found)} runs affected by the newest list data")
    return 0


def set_monitored(args: argparse.Namespace, context: CommandContext) -> int:
    RunStore(context.db).set_monitored(args.run_id, not args.off, default_reviewer())
    state = "no longer monitored" if args.off else "monitored: re-checked after every list import"
    print(f"run {args.run_id} {state}")
    return 0


def rescreen_run(args: argparse.Namespace, context: CommandContext) -> int:
    result = ChangeService(context.screening).rescreen(args.run_id, args.as_of)
    print(
        f"run {args.run_id} screened again as of {result.as_of.isoformat()}: "
        f"{result.flagged_rows()} of {result.rows_screened} rows flagged, {len(result.hits)} hits"
    )
    print(f"stored as run {result.run_id}")
    return 0
