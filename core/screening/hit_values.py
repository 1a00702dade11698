"""A ``ListingHit``'s (and an ``ItemHit``'s) fields as JSON-able values and back, driven by
the dataclass itself.

The one mapping of the hit's fields: the JSON document (``json_export``) and the stored run
(``core.review.hit_records``) both go through ``encode_field``/``decode_field``, which follow
each field's declared type. A field added to ``ListingHit`` is then carried everywhere; a type
no codec knows fails at import, not silently on load.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable
from enum import StrEnum
from typing import Any, Generic, TypeVar

from core.lists.describe import EventLine
from core.lists.model import Status
from core.matching.reasons import Reason
from core.screening.decision import Decision
from core.screening.item_hits import ItemHit
from core.screening.result import ListingHit, PriorDecision

T = TypeVar("T")

Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


def _prior_to_json(prior: PriorDecision) -> dict[str, Any]:
    return {
        "decision": prior.decision.value,
        "note": prior.note,
        "decided_by": prior.decided_by,
        "decided_at": prior.decided_at.isoformat(),
        "run_id": prior.run_id,
        "applies": prior.applies,
        "changes": [c.to_json() for c in prior.changes],
    }


def _prior_from_json(data: dict[str, Any]) -> PriorDecision:
    return PriorDecision(
        decision=Decision(data["decision"]),
        note=str(data["note"]),
        decided_by=str(data["decided_by"]),
        decided_at=dt.datetime.fromisoformat(data["decided_at"]),
        run_id=data["run_id"],
        applies=bool(data["applies"]),
        changes=tuple(EventLine.from_json(c) for c in data["changes"]),
    )


def _identity(value: Any) -> Any:
    return value


_SCALARS: dict[Any, tuple[Encoder, Decoder]] = {
    str: (_identity, str),
    int: (_identity, int),
    float: (_identity, float),
    bool: (_identity, bool),
    dt.date: (lambda v: v.isoformat(), dt.date.fromisoformat),
    dt.datetime: (lambda v: v.isoformat(), dt.datetime.fromisoformat),
    Reason: (lambda v: v.to_json(), Reason.from_json),
    EventLine: (lambda v: v.to_json(), EventLine.from_json),
    PriorDecision: (_prior_to_json, _prior_from_json),
}


def _codec(kind: Any) -> tuple[Encoder, Decoder]:
    """Encoder and decoder for a declared type: scalars, enums, ``X | None``, ``tuple[X, ...]``."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"no codec for {kind}")
        enc, dec = _codec(inner[0])
        return (lambda v: None if v is None else enc(v)), (lambda v: None if v is None else dec(v))
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"no codec for {kind}")
        enc, dec = _codec(args[0])
        return (lambda v: [enc(x) for x in v]), (lambda v: tuple(dec(x) for x in v))
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return (lambda v: v.value), kind
    if kind in _SCALARS:
        return _SCALARS[kind]
    raise TypeError(f"no codec for {kind}")


class RecordCodec(Generic[T]):
    """A frozen dataclass's fields as JSON-able values and back, each by its declared type."""

    def __init__(self, cls: type[T]) -> None:
        self.cls = cls
        self.fields: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        types_ = typing.get_type_hints(cls)
        self._codecs = {name: _codec(types_[name]) for name in self.fields}

    def encode_field(self, name: str, value: Any) -> Any:
        return self._codecs[name][0](value)

    def decode_field(self, name: str, value: Any) -> Any:
        return self._codecs[name][1](value)

    def encode(self, record: T) -> dict[str, Any]:
        return {name: self.encode_field(name, getattr(record, name)) for name in self.fields}

    def decode(self, values: dict[str, Any]) -> T:
        """The record of ``encode``; fields absent from ``values`` take their defaults."""
        return self.cls(**{n: self.decode_field(n, values[n]) for n in self.fields if n in values})


HIT_CODEC = RecordCodec(ListingHit)
ITEM_HIT_CODEC = RecordCodec(ItemHit)
HIT_FIELDS: tuple[str, ...] = HIT_CODEC.fields
_TYPES = typing.get_type_hints(ListingHit)
assert _TYPES["status"] is Status and _TYPES["decision"] == Decision | None


def encode_field(name: str, value: Any) -> Any:
    """The JSON-able value of the hit's field ``name``."""
    return HIT_CODEC.encode_field(name, value)


def decode_field(name: str, value: Any) -> Any:
    return HIT_CODEC.decode_field(name, value)


def hit_to_values(hit: ListingHit) -> dict[str, Any]:
    """Every field of the hit, JSON-able, by field name."""
    return HIT_CODEC.encode(hit)


def hit_from_values(values: dict[str, Any]) -> ListingHit:
    """The hit of ``hit_to_values``; fields absent from ``values`` take their defaults."""
    return HIT_CODEC.decode(values)
