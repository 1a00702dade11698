"""The audit trail's tail: a head printed in a report (or by ``runs show``) catches the deletion
of the newest records, which the chain alone cannot; an exported trail verifies offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from core.cli import main
from core.paths import sample_suppliers_file
from core.store.audit import AuditHead, AuditLog
from core.store.database import Database
from tests.support.audit_head import report_head

SAMPLE = sample_suppliers_file()


def delete_newest(url: str, count: int) -> None:
    db = Database(url)
    try:
        with db.engine.begin() as connection:
            newest = connection.execute(sql("SELECT max(seq) FROM audit_log")).scalar_one()
            connection.execute(
                sql("DELETE FROM audit_log WHERE seq > :keep"), {"keep": newest - count}
            )
    finally:
        db.dispose()


def test_deleting_the_last_two_records_is_caught_by_the_head_in_an_earlier_report(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database", database_url]
    report = tmp_path / "report.xlsx"
    assert main([*db, "screen", str(SAMPLE), "--as-of", "2025-05-20"]) == 0
    assert main([*db, "decide", "1", "32", "kratos-unmanned-aerial-systems", "--as",
                 "escalated", "--by", "Alice"]) == 0  # fmt: skip
    assert main([*db, "export", "1", str(report)]) == 0
    head = report_head(report)
    seq = AuditHead.parse(head).seq
    assert seq >= 2
    capsys.readouterr()

    assert main([*db, "audit", "verify", "--head", head]) == 0
    assert "intact" in capsys.readouterr().out

    delete_newest(database_url, 2)
    assert main([*db, "audit", "verify"]) == 0, "the chain alone cannot tell"
    assert "intact" in capsys.readouterr().out
    assert main([*db, "audit", "verify", "--head", head]) == 3
    out = capsys.readouterr().out
    print(out)
    assert (
        f"the trail ends at record {seq - 2}: records {seq - 1}..{seq}, present when the head "
        "was taken, were deleted" in out
    )


def test_a_head_with_another_hash_is_not_the_record_it_names(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database", database_url]
    assert main([*db, "screen", str(SAMPLE), "--as-of", "2025-05-20"]) == 0
    capsys.readouterr()
    assert main([*db, "runs", "show", "1"]) == 0
    shown = capsys.readouterr().out.splitlines()[-1]
    assert shown.startswith("audit trail head: ")
    head = AuditHead.parse(shown.removeprefix("audit trail head: "))
    assert main([*db, "runs", "show", "1", "--json", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["audit_head"] == {"seq": head.seq, "hash": head.hash, "head": str(head)}
    other = AuditHead(head.seq, "0" * 64)
    assert main([*db, "audit", "verify", "--head", str(other)]) == 3
    assert f"record {head.seq} is not the record the head was taken from" in (
        capsys.readouterr().out
    )


@pytest.mark.parametrize("bad", ["12", "x:ab", "3:abc", "0:" + "a" * 64, "3:" + "g" * 64])
def test_a_malformed_head_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["audit", "verify", "--head", bad])
    assert exit_.value.code == 2
    assert "N:HASH" in capsys.readouterr().err
    with pytest.raises(ValueError):
        AuditHead.parse(bad)


def test_an_exported_trail_verifies_offline_and_a_tampered_line_is_caught(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--database", database_url]
    assert main([*db, "screen", str(SAMPLE), "--as-of", "2025-05-20"]) == 0
    assert main([*db, "decide", "1", "32", "kratos-unmanned-aerial-systems", "--as",
                 "escalated", "--by", "Alice", "--note", "ask"]) == 0  # fmt: skip
    trail = tmp_path / "trail.jsonl"
    assert main([*db, "audit", "export", str(trail)]) == 0
    database = Database(database_url)
    try:
        head = AuditLog(database).head()
    finally:
        database.dispose()
    assert head is not None
    lines = trail.read_text(encoding="utf-8").splitlines()
    assert len(lines) == head.seq
    first = json.loads(lines[0])
    assert set(first) == {"seq", "at", "actor", "action", "subject", "details", "prev_hash",
                          "hash"}  # fmt: skip
    assert isinstance(first["details"], str), "details as the canonical text the hash covers"
    capsys.readouterr()

    assert main(["audit", "verify", "--file", str(trail), "--head", str(head)]) == 0
    assert f"intact: {head.seq} records" in capsys.readouterr().out

    records = [json.loads(line) for line in lines]
    decided = next(r for r in records if r["action"] == "decision.recorded")
    details = json.loads(decided["details"])
    details["decision"] = "false_positive"
    decided["details"] = json.dumps(details, sort_keys=True, separators=(",", ":"))
    tampered = tmp_path / "tampered.jsonl"
    tampered.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["audit", "verify", "--file", str(tampered)]) == 3
    out = capsys.readouterr().out
    assert f"BROKEN at record {decided['seq']}: its content was changed" in out

    shortened = tmp_path / "shortened.jsonl"
    shortened.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    assert main(["audit", "verify", "--file", str(shortened)]) == 0
    assert main(["audit", "verify", "--file", str(shortened), "--head", str(head)]) == 3
    assert f"record {head.seq}, present when the head was taken, was deleted" in (
        capsys.readouterr().out
    )


def test_a_file_that_is_not_a_trail_gets_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"seq": 1}\nnot json\n', encoding="utf-8")
    assert main(["audit", "verify", "--file", str(bad)]) != 0
    err = capsys.readouterr().err
    assert f"{bad}, line 1: not an audit record" in err
    assert "Traceback" not in err
