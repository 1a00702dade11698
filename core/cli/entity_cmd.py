"""``tradescreen-cli entity NAME``: an entity's listing history on every list."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from core.cli.common import CommandContext, date_argument, warn
from core.cli.documents import entity_document
from core.cli.output import is_stdio, json_argument, write_json
from core.errors import NotFoundError
from core.lists.asof import status_as_of
from core.lists.lookup import find_entities


def register(commands: Any) -> None:
    parser = commands.add_parser("entity", help="an entity's listing history on every list")
    parser.add_argument("name", metavar="NAME", help="entity id, name, alias or part of one")
    parser.add_argument(
        "--as-of",
        type=date_argument,
        metavar="YYYY-MM-DD",
        help="show the status as of this date (default: today)",
    )
    json_argument(parser, "the entities found and their listings")
    parser.set_defaults(handler=show_entity)


def show_entity(args: argparse.Namespace, context: CommandContext) -> int:
    as_of: dt.date = args.as_of or dt.date.today()
    snapshot = context.catalog.snapshot()
    found = find_entities(snapshot, args.name)
    if not found:
        raise NotFoundError(f"no listed entity matches {args.name!r}")
    if args.json is not None:
        write_json(entity_document(snapshot, found, as_of), args.json)
        if is_stdio(args.json):
            return 0
    for number, entity in enumerate(found):
        if number:
            print()
        title = entity.name_en or entity.name_zh
        if entity.name_en and entity.name_zh:
            title += f" / {entity.name_zh}"
        print(f"{title}  [{entity.entity_id}]")
        if entity.aliases:
            print(f"  also known as: {'; '.join(entity.aliases)}")
        facts = [f for f in (entity.kind, entity.country) if f]
        print(f"  {', '.join(facts)}{'; ' + entity.notes if entity.notes else ''}")
        for list_id in snapshot.lists_of(entity.entity_id):
            events = snapshot.events(entity.entity_id, list_id)
            status = status_as_of(events, as_of)
            name = snapshot.lists[list_id].name_en if list_id in snapshot.lists else list_id
            detail = f" until {status.until.isoformat()}" if status.until else ""
            print(f"  {list_id} ({name}): {status.status.value}{detail} as of {as_of.isoformat()}")
            for event in events:
                what = event.action.value
                if event.until:
                    what += f" until {event.until.isoformat()}"
                if event.announced_on:
                    what += f" (announced {event.announced_on.isoformat()})"
                print(f"    {event.effective_on.isoformat()}  {what}: {event.announcement}")
                if event.source_url:
                    print(f"      source: {event.source_url}")
    for warning in snapshot.freshness(as_of):
        warn(warning.message)
    return 0
