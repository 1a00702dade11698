"""``tradescreen-cli items [--as-of D] [--json FILE|-]``: the controlled items and their status."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from core.cli.common import CommandContext, date_argument, warn
from core.lists.items import ItemState, item_states
from core.lists.model import Status


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "items", help="controlled items (rare earths, critical minerals) and their status"
    )
    parser.add_argument("--as-of", type=date_argument, metavar="YYYY-MM-DD",
                        help="the date of the statuses (default: today)")  # fmt: skip
    parser.add_argument("--json", type=Path, metavar="FILE", help="write them as JSON "
                        "('-' for standard output)")  # fmt: skip
    parser.set_defaults(handler=show_items)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def state_to_json(state: ItemState) -> dict[str, Any]:
    item, status = state.item, state.status
    basis = status.basis
    return {
        "item_id": item.item_id,
        "name": item.name_en,
        "name_zh": item.name_zh or None,
        "hs_codes": list(item.hs_codes),
        "control_ref": item.control_ref,
        "status": status.status.value,
        "since": _day(status.since),
        "until": _day(status.until),
        "status_basis": state.basis.value,
        "status_rests_on": basis.announcement if basis else None,
        "source_url": basis.source_url if basis else None,
    }


def show_items(args: argparse.Namespace, context: CommandContext) -> int:
    as_of: dt.date = args.as_of or dt.date.today()
    snapshot = context.screening.snapshot()
    release = snapshot.items_release
    states = item_states(snapshot.items, as_of, release.data_cutoff if release else None)
    if args.json is not None:
        document = {
            "as_of": as_of.isoformat(),
            "release": f"{release.publisher} {release.version}" if release else None,
            "items": [state_to_json(s) for s in states],
        }
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        if str(args.json) == "-":
            sys.stdout.write(text)
            return 0
        args.json.write_text(text, encoding="utf-8")
    if not states:
        warn("the list data has no controlled items")
        return 0
    where = f" ({release.publisher} {release.version})" if release else ""
    print(f"Controlled items as of {as_of.isoformat()}{where}")
    for state in states:
        status = state.status
        word = "not yet in force" if status.status is Status.NOT_LISTED else status.status.value
        window = f" until {status.until.isoformat()}" if status.until else ""
        since = f" since {status.since.isoformat()}" if status.since else ""
        computed = " (computed)" if state.basis.value == "computed" else ""
        codes = ", ".join(state.item.hs_codes) or "no HS code printed"
        print(f"  {state.item.item_id:40} {word}{since}{window}{computed}  [{codes}]")
    return 0
