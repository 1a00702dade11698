"""`tradescreen-cli lists --as-of D` reproduces the per-list counts of the reference README."""

from __future__ import annotations

import pytest

from core.cli import main

# From ../shared/reference-lists/README.md (check.py output of the 2026.12.04 data): active,
# suspended, removed, pending.
EC, WATCH, UEL, CM, DOD = (
    "cn-export-control", "cn-export-control-watch", "cn-unreliable-entity",
    "cn-countermeasures", "us-1260h",
)  # fmt: skip
EXPECTED = {
    "2025-04-03": {EC: (43, 0, 0, 0), UEL: (44, 0, 0, 0), CM: (206, 0, 0, 0),
                   DOD: (134, 0, 12, 0)},
    "2025-04-11": {EC: (71, 0, 0, 0), UEL: (61, 0, 0, 0), CM: (206, 0, 0, 0),
                   DOD: (134, 0, 12, 0)},
    "2025-05-20": {EC: (43, 28, 0, 0), UEL: (44, 17, 0, 0), CM: (206, 0, 0, 0),
                   DOD: (134, 0, 12, 0)},
    "2025-09-01": {EC: (51, 16, 12, 0), UEL: (44, 11, 6, 0), CM: (208, 0, 0, 0),
                   DOD: (134, 0, 12, 0)},
    "2025-11-11": {EC: (39, 16, 27, 0), UEL: (60, 11, 16, 0), CM: (209, 5, 0, 0),
                   DOD: (134, 0, 12, 0)},
    "2026-06-09": {EC: (66, 16, 27, 0), WATCH: (20, 0, 0, 0), UEL: (60, 11, 16, 0),
                   CM: (239, 5, 2, 0), DOD: (188, 0, 23, 0)},
    "2026-07-01": {EC: (96, 16, 27, 0), WATCH: (40, 0, 0, 0), UEL: (60, 11, 16, 0),
                   CM: (239, 5, 2, 0), DOD: (188, 0, 23, 0)},
    "2026-12-04": {EC: (126, 0, 27, 0), WATCH: (40, 0, 0, 0), UEL: (71, 0, 16, 0),
                   CM: (251, 0, 2, 0), DOD: (188, 0, 23, 0)},
}  # fmt: skip
ENTITIES = {EC: 153, WATCH: 40, UEL: 87, CM: 253, "cn-procurement-ban": 0, DOD: 211}
"""Entities per list, from the README's Counts table."""
ALL_LISTS = (
    "cn-export-control", "cn-export-control-watch", "cn-unreliable-entity",
    "cn-countermeasures", "cn-procurement-ban", "us-1260h",
)  # fmt: skip


def _entities(stdout: str) -> dict[str, int]:
    return {
        parts[0]: int(parts[1])
        for line in stdout.splitlines()
        if (parts := line.split()) and parts[0] in ALL_LISTS
    }


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


def test_new_database_has_both_releases_and_uses_the_newest(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", database, "lists", "--as-of", "2026-12-04"]) == 0
    out = capsys.readouterr().out
    assert _entities(out) == ENTITIES
    assert "TradeScreen reference data 2026.12.04" in out and "in use" in out
    assert "TradeScreen reference data 2026.08.22" in out and "kept (older release)" in out
    assert out.count("signed by publisher key") == 2
