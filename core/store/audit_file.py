"""The audit trail as a file: ``audit export`` writes one JSON object a line with every field
the hash covers, so that the file can be verified later without the database
(``audit verify --file``) by the same chain check."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from core.errors import UserFacingError
from core.store.audit import ExportedRecord

FIELDS = ("seq", "at", "actor", "action", "subject", "details", "prev_hash", "hash")


def record_line(record: ExportedRecord) -> str:
    """One line; ``details`` stays the canonical JSON text the hash was computed over."""
    values = {
        "seq": record.seq,
        "at": record.at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor": record.actor,
        "action": record.action,
        "subject": record.subject,
        "details": record.details,
        "prev_hash": record.prev_hash,
        "hash": record.hash,
    }
    return json.dumps(values, ensure_ascii=False)


def write_trail(records: Iterable[ExportedRecord], path: Path) -> int:
    """Write the records (oldest first) to ``path``; returns how many. The file appears only
    when complete."""
    temp = path.with_name(path.name + ".part")
    count = 0
    try:
        with temp.open("w", encoding="utf-8", newline="\n") as out:
            for record in records:
                out.write(record_line(record) + "\n")
                count += 1
        temp.replace(path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise UserFacingError(f"{path}: cannot write the audit trail ({exc.strerror})") from exc
    return count


def _record(values: object, where: str) -> ExportedRecord:
    if not isinstance(values, dict) or set(values) != set(FIELDS):
        raise UserFacingError(f"{where}: not an audit record (fields {', '.join(FIELDS)})")
    texts = [values[f] for f in FIELDS[1:]]
    if not isinstance(values["seq"], int) or not all(isinstance(t, str) for t in texts):
        raise UserFacingError(f"{where}: seq must be a number, the other fields text")
    try:
        at = dt.datetime.fromisoformat(values["at"])
    except ValueError as exc:
        raise UserFacingError(f"{where}: at is not a date and time: {values['at']!r}") from exc
    if at.tzinfo is None:
        raise UserFacingError(f"{where}: at has no time zone: {values['at']!r}")
    return ExportedRecord(values["seq"], at, values["actor"], values["action"],
                          values["subject"], values["details"], values["prev_hash"],
                          values["hash"])  # fmt: skip


def read_trail(path: Path) -> Iterator[ExportedRecord]:
    """The records of an exported trail in file order; a line that is not a record is a
    ``UserFacingError`` naming the file and line."""
    try:
        source = path.open(encoding="utf-8")
    except OSError as exc:
        raise UserFacingError(f"{path}: cannot read the audit trail ({exc.strerror})") from exc
    with source:
        try:
            for number, line in enumerate(source, 1):
                if not line.strip():
                    continue
                where = f"{path}, line {number}"
                try:
                    values = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise UserFacingError(f"{where}: not JSON ({exc.msg})") from exc
                yield _record(values, where)
        except UnicodeDecodeError as exc:
            raise UserFacingError(f"{path}: not UTF-8 text") from exc
