"""Building the name index reports progress and can be cancelled; a list import builds it
once, with progress on a terminal's stderr, and the next screening only loads it."""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from core.cli import main
from core.errors import Cancelled
from core.lists.model import Entity
from core.matching import EntityMatcher
from core.matching.index import BUILD_LABEL, NameIndex, build_steps
from core.paths import user_data_dir
from core.progress import CallbackProgress, Progress
from tests.core.lists import list_files as lf


def _many(count: int) -> list[Entity]:
    return [Entity(f"b{i}", f"Northwind Orbital {i} Trading Ltd", "", (f"Orbital {i}",), "CN")
            for i in range(count)]  # fmt: skip


def test_a_build_reports_its_steps_up_to_the_total() -> None:
    seen: list[tuple[int, int, str]] = []
    entities = _many(12_000)
    EntityMatcher(entities, CallbackProgress(lambda *report: seen.append(report)))
    assert {label for _, _, label in seen} == {BUILD_LABEL}
    assert {total for _, total, _ in seen} == {build_steps(len(entities))}
    done = [d for d, _, _ in seen]
    assert done == sorted(done), "progress only moves forward"
    assert len(set(done)) > 6, "it moves during the build, not only at its ends"
    assert done[-1] == build_steps(len(entities))


def test_a_cancelled_build_stops_with_cancelled() -> None:
    reports: list[int] = []

    def cancel_after_two(done: int, total: int, label: str) -> None:
        reports.append(done)
        if len(reports) == 2:
            progress.cancel()

    progress = CallbackProgress(cancel_after_two)
    with pytest.raises(Cancelled):
        NameIndex(_many(20_000), progress)
    assert len(reports) == 2, "it stopped at the first check after the cancel"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_lists_import_builds_the_index_once_with_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"Northwind Orbital {i} Trading Ltd", f"Orbital {i}", "CN"] for i in range(6000)]
    source = lf.write_csv(tmp_path / "own.csv", ["Company Name", "Aliases", "Country"], rows)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    builds: list[int] = []

    real = NameIndex.__init__

    def counted(self: NameIndex, entities: Sequence[Entity], progress: Progress | None) -> None:
        builds.append(len(entities))
        real(self, entities, progress)

    monkeypatch.setattr(NameIndex, "__init__", counted)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["--database", url, "lists", "import", str(source), "--list-id", "own-big",
                 "--title", "Big own list"]) == 0  # fmt: skip
    shown = terminal.getvalue()
    assert f"{BUILD_LABEL}   0%" in shown and f"{BUILD_LABEL} 100%" in shown
    assert shown.endswith("\r\x1b[K"), "the progress line is cleared afterwards"
    assert len(builds) == 1
    assert list((user_data_dir() / "cache").glob("name-index-*"))
    supplier = lf.write_csv(tmp_path / "s.csv", ["Supplier"], [["Northwind Orbital 17 Trading"]])
    out = tmp_path / "result.json"
    today = dt.date.today().isoformat()  # an own list without dates is listed from today
    assert main(["--database", url, "screen", str(supplier), "--as-of", today,
                 "--json", str(out)]) in (0, 4)  # fmt: skip
    assert "Northwind Orbital 17 Trading Ltd" in out.read_text(encoding="utf-8")
    assert len(builds) == 1, "the screening loaded the index the import saved"


def test_non_terminal_stderr_gets_no_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = lf.write_csv(tmp_path / "own.csv", ["Company Name"], [["Solo Orbital Ltd"]])
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    assert main(["--database", url, "lists", "import", str(source), "--list-id", "own-solo",
                 "--title", "Solo"]) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert BUILD_LABEL not in captured.err
    assert "name index ready" in captured.out
