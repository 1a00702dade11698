"""`tradescreen-cli lists --as-of D` reproduces the per-list counts of the reference README."""

from __future__ import annotations

import pytest

from core.cli import main

# From ../shared/reference-lists/README.md (check.py output): active, suspended, removed, pending.
EXPECTED = {
    "2025-04-03": {"cn-export-control": (43, 0, 0, 0), "cn-unreliable-entity": (44, 0, 0, 0),
                   "us-1260h": (134, 0, 9, 0)},
    "2025-04-11": {"cn-export-control": (71, 0, 0, 0), "cn-unreliable-entity": (61, 0, 0, 0),
                   "us-1260h": (134, 0, 9, 0)},
    "2025-05-20": {"cn-export-control": (43, 28, 0, 0), "cn-unreliable-entity": (44, 17, 0, 0),
                   "us-1260h": (134, 0, 9, 0)},
    "2025-09-01": {"cn-export-control": (51, 16, 12, 0), "cn-unreliable-entity": (44, 11, 6, 0),
                   "us-1260h": (134, 0, 9, 0)},
    "2025-11-11": {"cn-export-control": (39, 16, 27, 0), "cn-unreliable-entity": (60, 11, 16, 0),
                   "cn-countermeasures": (0, 5, 0, 0), "us-1260h": (134, 0, 9, 0)},
    "2026-06-09": {"cn-export-control": (66, 16, 27, 0), "cn-export-control-watch": (20, 0, 0, 0),
                   "cn-unreliable-entity": (60, 11, 16, 0), "cn-countermeasures": (0, 5, 0, 0),
                   "us-1260h": (188, 0, 20, 0)},
    "2026-07-01": {"cn-export-control": (96, 16, 27, 0), "cn-export-control-watch": (40, 0, 0, 0),
                   "cn-unreliable-entity": (60, 11, 16, 0), "cn-countermeasures": (0, 5, 0, 0),
                   "us-1260h": (188, 0, 20, 0)},
}  # fmt: skip
ALL_LISTS = (
    "cn-export-control", "cn-export-control-watch", "cn-unreliable-entity",
    "cn-countermeasures", "cn-procurement-ban", "us-1260h",
)  # fmt: skip


def _parse(stdout: str) -> dict[str, tuple[int, int, int, int]]:
    """list_id -> (active, suspended, removed, pending) from the CLI table."""
    rows = {}
    for line in stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in ALL_LISTS:
            _, _entities, active, suspended, pending, removed = parts[:6]
            rows[parts[0]] = (int(active), int(suspended), int(removed), int(pending))
    return rows


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('counts') / 'lists.db'}"


@pytest.mark.parametrize("as_of", sorted(EXPECTED))
def test_cli_lists_reproduces_reference_counts(
    as_of: str, database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database, "lists", "--as-of", as_of]) == 0
    counts = _parse(capsys.readouterr().out)
    assert set(counts) == set(ALL_LISTS)
    for list_id in ALL_LISTS:
        assert counts[list_id] == EXPECTED[as_of].get(list_id, (0, 0, 0, 0)), list_id


def test_cli_lists_warns_when_screening_after_the_cutoff(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database, "lists", "--as-of", "2026-11-23"]) == 0
    err = capsys.readouterr().err
    assert "current to 2026-08-22" in err and "95 days later" not in err
    assert "93 days later" in err
