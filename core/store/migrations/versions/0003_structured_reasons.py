"""stored hits keep reasons and event lines as values, not English sentences

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 19:40:00

Runs stored by earlier versions hold each hit's reasons, upcoming changes and the listing
changes behind an earlier decision as the English sentences the matcher wrote. From this
revision on they are stored as values (``core.matching.reasons.Reason`` and
``core.lists.describe.EventLine`` in their JSON form). The sentences are parsed here, once, by
the forms that version wrote; a sentence of no known form is kept whole as a ``stored_text``
reason. The parsing is frozen here on purpose: nothing else in the app reads sentences.
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_WORDS = {
    "tokens matched": "tokens_matched",
    "extra words": "extra_words",
    "words not found": "words_not_found",
}
_PAIRS = {"typo": "typo", "spacing": "spacing"}
_SINGLE = {
    "legal form ignored": ("legal_form_ignored", "form"),
    "name part of": ("name_part_of", "name"),
    "country agrees": ("country_agrees", "country"),
    "country prefix ignored": ("country_prefix_ignored", "prefix"),
}
_WHOLE = {
    "acronym alias": "acronym_alias",
    "alias": "alias",
    "Chinese name": "chinese_name",
    "characters differ": "characters_differ",
}
_COUNTRY_DIFFERS = re.compile(r"country differs: supplier (?P<supplier>.*), entity (?P<entity>.*)")
_EVENT = re.compile(
    r"(?:(?P<list>[A-Za-z0-9_.-]+): )?(?P<action>added|suspended|removed) from "
    r"(?P<start>\d{4}-\d{2}-\d{2})(?: until (?P<end>\d{4}-\d{2}-\d{2}))?"
    r"(?: \((?P<announcement>.*)\))?"
)
_CHUNK = 2000


def reason_value(text: str) -> dict[str, Any]:
    differs = _COUNTRY_DIFFERS.fullmatch(text)
    if differs:
        return {"kind": "country_differs", **differs.groupdict()}
    if text in _WHOLE:
        return {"kind": _WHOLE[text]}
    kind, colon, detail = text.partition(": ")
    if colon:
        if kind in _WORDS:
            return {"kind": _WORDS[kind], "words": detail.split(", ")}
        left, tilde, right = detail.partition(" ~ ")
        if kind in _PAIRS and tilde:
            return {"kind": _PAIRS[kind], "supplier": left, "listed": right}
        if kind == "abbreviation" and tilde:
            return {"kind": "abbreviation", "supplier": left, "listed": right}
        printed, equals, expansion = detail.partition(" = ")
        if kind == "abbreviation" and equals:
            return {"kind": "abbreviation_expanded", "printed": printed, "expansion": expansion}
        if kind == "same name, different spacing":
            if tilde:
                return {"kind": "same_letters_spacing", "supplier": left, "listed": right}
            return {"kind": "same_name_spacing", "name": detail}
        if kind in _SINGLE:
            name, field = _SINGLE[kind]
            return {"kind": name, field: detail}
    return {"kind": "stored_text", "text": text}


def event_value(text: str, list_id: str) -> dict[str, Any] | None:
    found = _EVENT.fullmatch(text)
    if not found:
        return None
    return {
        "list_id": found["list"] or list_id,
        "action": found["action"],
        "effective_on": found["start"],
        "until": found["end"],
        "announcement": found["announcement"] or "",
    }


def _events(texts: list[Any], list_id: str) -> list[Any]:
    out = []
    for text in texts:
        if isinstance(text, dict):  # already a value
            out.append(text)
            continue
        value = event_value(str(text), list_id)
        if value is not None:
            out.append(value)
    return out


def _converted(row: Any) -> dict[str, Any] | None:
    reasons = json.loads(row.reasons or "[]")
    upcoming = json.loads(row.upcoming or "[]")
    prior = json.loads(row.prior) if row.prior else None
    changed = any(isinstance(r, str) for r in reasons) or any(isinstance(u, str) for u in upcoming)
    values: dict[str, Any] = {
        "reasons": json.dumps(
            [r if isinstance(r, dict) else reason_value(r) for r in reasons], ensure_ascii=False
        ),
        "upcoming": json.dumps(_events(upcoming, row.list_id), ensure_ascii=False),
    }
    if prior is not None:
        if any(isinstance(c, str) for c in prior.get("changes", [])):
            changed = True
        prior["changes"] = _events(prior.get("changes", []), row.list_id)
        values["prior"] = json.dumps(prior, ensure_ascii=False)
    return values if changed else None


def upgrade() -> None:
    hits = sa.table(
        "run_hits",
        sa.column("id", sa.Integer),
        sa.column("list_id", sa.String),
        sa.column("reasons", sa.Text),
        sa.column("upcoming", sa.Text),
        sa.column("prior", sa.Text),
    )
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(hits).where(hits.c.id > last).order_by(hits.c.id).limit(_CHUNK)
        ).all()
        if not rows:
            return
        for row in rows:
            values = _converted(row)
            if values is not None:
                bind.execute(hits.update().where(hits.c.id == row.id).values(**values))
        last = rows[-1].id


def downgrade() -> None:
    raise NotImplementedError("stored reasons are not turned back into sentences")
