"""`tradescreen-cli screen`: the JSON contract, statuses as of dates, options, warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from core.cli import main
from core.paths import sample_suppliers_file

SAMPLE = sample_suppliers_file()
DESIGN_FIELDS = {
    "row", "sheet", "supplier_name", "entity_id", "entity_name", "matched_name", "score",
    "list_id", "status", "since", "until", "announcement", "source_url", "decision",
}  # fmt: skip


def screen(tmp_path: Path, *args: str, input_file: Path = SAMPLE) -> dict[str, Any]:
    out = tmp_path / f"result-{len(list(tmp_path.glob('result-*')))}.json"
    assert main(["screen", str(input_file), *args, "--json", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def statuses(data: dict[str, Any], entity_id: str) -> dict[str, tuple[str, str | None]]:
    return {
        h["list_id"]: (h["status"], h["until"]) for h in data["hits"] if h["entity_id"] == entity_id
    }


def test_json_contract_on_the_sample(tmp_path: Path) -> None:
    data = screen(tmp_path, "--as-of", "2025-05-20")
    assert data["as_of"] == "2025-05-20"
    assert data["input"] == SAMPLE.name
    assert data["rows_screened"] == 60
    assert data["hits"], "the sample has listed suppliers"
    for hit in data["hits"]:
        assert hit.keys() >= DESIGN_FIELDS
        assert hit["status"] in {"active", "suspended", "pending", "removed"}
        assert 0 <= hit["score"] <= 100
        assert hit["reasons"], "every hit says why"
    assert len({(h["row"], h["entity_id"], h["list_id"]) for h in data["hits"]}) == len(
        data["hits"]
    ), "one object per row x entity x list"


def test_row_is_the_row_the_user_sees(tmp_path: Path) -> None:
    data = screen(tmp_path, "--as-of", "2025-05-20")
    sheet = openpyxl.load_workbook(SAMPLE)["Vendors"]
    cells = {n: [c.value for c in row] for n, row in enumerate(sheet.iter_rows(), start=1)}
    for hit in data["hits"]:
        assert hit["supplier_name"] in [str(v) for v in cells[hit["row"]] if v is not None]


def test_kratos_suspended_on_2025_05_20(tmp_path: Path) -> None:
    data = screen(tmp_path, "--as-of", "2025-05-20")
    assert statuses(data, "kratos-unmanned-aerial-systems") == {
        "cn-export-control": ("suspended", "2025-08-12"),
        "cn-unreliable-entity": ("suspended", "2025-08-12"),
        # 外交部令第14号 of 2024-12-05 (the MFA list, in the 2026.12.04 release)
        "cn-countermeasures": ("active", None),
    }


def test_the_date_changes_the_answer(tmp_path: Path) -> None:
    """The 2025-04-09 export-control batch is announced, pending, then in force."""
    before = statuses(screen(tmp_path, "--as-of", "2025-04-03"), "kratos-unmanned-aerial-systems")
    pending = statuses(screen(tmp_path, "--as-of", "2025-04-09"), "kratos-unmanned-aerial-systems")
    after = statuses(screen(tmp_path, "--as-of", "2025-04-10"), "kratos-unmanned-aerial-systems")
    mfa = {"cn-countermeasures": ("active", None)}  # since 2024-12-05 (外交部令第14号)
    assert before == mfa
    assert (
        pending
        == {
            "cn-export-control": ("pending", None),
            "cn-unreliable-entity": ("active", None),
        }
        | mfa
    )
    assert (
        after
        == {
            "cn-export-control": ("active", None),
            "cn-unreliable-entity": ("active", None),
        }
        | mfa
    )


def test_lists_option_limits_the_lists(tmp_path: Path) -> None:
    data = screen(tmp_path, "--as-of", "2025-05-20", "--lists", "us-1260h")
    assert data["lists"] == ["us-1260h"]
    assert {h["list_id"] for h in data["hits"]} == {"us-1260h"}


def test_higher_threshold_never_adds_hits(tmp_path: Path) -> None:
    loose = screen(tmp_path, "--as-of", "2025-05-20", "--threshold", "80")
    strict = screen(tmp_path, "--as-of", "2025-05-20", "--threshold", "99")
    key = lambda h: (h["row"], h["entity_id"], h["list_id"])  # noqa: E731
    assert {key(h) for h in strict["hits"]} <= {key(h) for h in loose["hits"]}
    assert all(h["score"] >= 99 for h in strict["hits"])


def test_freshness_warning_in_json_and_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = screen(tmp_path, "--as-of", "2026-08-22")
    assert current["warnings"] == []
    capsys.readouterr()
    late = screen(tmp_path, "--as-of", "2026-11-20")
    assert len(late["warnings"]) == 1
    assert "2026-08-22" in late["warnings"][0] and "90 days" in late["warnings"][0]
    assert "warning: List data" in capsys.readouterr().err


def test_name_and_country_column_override(tmp_path: Path) -> None:
    path = tmp_path / "two-names.csv"
    path.write_text(
        "Buyer,Vendor,Land\nAcme Purchasing,Skydio Inc.,US\nHuawei Technologies,Bolt Co,CN\n",
        encoding="utf-8",
    )
    data = screen(tmp_path, "--as-of", "2025-05-20", "--name-column", "Vendor",
                  "--country-column", "Land", input_file=path)  # fmt: skip
    assert {h["entity_id"] for h in data["hits"]} == {"skydio"}
    assert data["sheets"][0]["name_column"] == "Vendor"
    assert data["sheets"][0]["country_column"] == "Land"


def test_all_sheets(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "EU"
    first.append(["Supplier Name", "Country"])
    first.append(["Shield AI, Inc.", "US"])
    second = book.create_sheet("Asia")
    second.append(["供应商名称", "国家"])
    second.append(["洛克希德·马丁公司", "美国"])
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    one = screen(tmp_path, "--as-of", "2025-05-20", input_file=path)
    both = screen(tmp_path, "--as-of", "2025-05-20", "--all-sheets", input_file=path)
    assert {h["sheet"] for h in one["hits"]} == {"EU"}
    assert {(h["sheet"], h["entity_id"]) for h in both["hits"]} >= {
        ("EU", "shield-ai"),
        ("Asia", "lockheed-martin"),
    }
    asia = screen(tmp_path, "--as-of", "2025-05-20", "--sheet", "Asia", input_file=path)
    assert {h["sheet"] for h in asia["hits"]} == {"Asia"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lists", "cn-nowhere"], "unknown list id cn-nowhere"),
        (["--threshold", "120"], "not between 0 and 100"),
        (["--threshold", "high"], "not a number"),
        (["--sheet", "Nope"], "Nope"),
        (["--output", "report.docx"], "name the report .xlsx (Excel) or .pdf"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        code = main(["screen", str(SAMPLE), "--as-of", "2025-05-20", *args])
    except SystemExit as exit_:  # argparse's own checks
        code = int(exit_.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_as_of_is_required_and_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as missing:
        main(["screen", str(SAMPLE)])
    assert missing.value.code == 2
    with pytest.raises(SystemExit) as bad:
        main(["screen", str(SAMPLE), "--as-of", "20/05/2025"])
    assert bad.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_database_option_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere.db"
    data = screen(tmp_path, "--as-of", "2025-05-20", "--database", f"sqlite:///{db}")
    assert db.exists()
    assert data["run_id"] == 1


def test_json_reasons_and_matched_tokens_are_the_words_as_printed(tmp_path: Path) -> None:
    data = screen(tmp_path, "--as-of", "2025-05-20")
    hits = [h for h in data["hits"] if h["supplier_name"] == "General Atomics Aeronautical Systems"]
    assert hits
    for hit in hits:
        assert hit["matched_tokens"] == ["General", "Atomics", "Aeronautical", "Systems"]
        assert "tokens matched: General, Atomics, Aeronautical, Systems" in hit["reasons"]
        detail = next(r for r in hit["reasons_detail"] if r["kind"] == "tokens_matched")
        assert detail["words"] == ["General", "Atomics", "Aeronautical", "Systems"]
