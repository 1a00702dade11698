"""The PyInstaller spec ships every resource and migration, and its settings stay as designed."""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

from tests.packaging.conftest import PACKAGING, REPO

SPEC = PACKAGING / "tradescreen.spec"
SOURCE_ONLY = {".ts"}  # Qt Linguist sources: the app loads the compiled .qm beside them


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def _spec_value(name: str) -> object:
    for node in _spec_tree().body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec has no {name} list")


def _data_files() -> list[tuple[str, str, bool]]:
    value = _spec_value("DATA_FILES")
    assert isinstance(value, list)
    return value


def _shipped_to(path: Path) -> str | None:
    """Where the spec puts this repository file in the bundle (its folder), or None."""
    relative = path.relative_to(REPO).as_posix()
    for pattern, dest, _required in _data_files():
        if fnmatch.fnmatch(relative, pattern) and relative.count("/") == pattern.count("/"):
            return dest
    return None


def _files_under(folder: Path) -> list[Path]:
    return [
        p
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    ]


def test_every_resource_file_is_shipped_in_its_folder() -> None:
    files = [p for p in _files_under(REPO / "resources") if p.suffix not in SOURCE_ONLY]
    assert files
    for path in files:
        expected = path.parent.relative_to(REPO).as_posix()
        assert _shipped_to(path) == expected, f"the spec does not ship {path.relative_to(REPO)}"


def test_every_migration_script_is_shipped() -> None:
    migrations = REPO / "core" / "store" / "migrations"
    files = [p for p in _files_under(migrations) if p.suffix in {".py", ".mako"}]
    assert any(p.parent.name == "versions" for p in files)
    for path in files:
        expected = path.parent.relative_to(REPO).as_posix()
        assert _shipped_to(path) == expected, f"the spec does not ship {path.relative_to(REPO)}"


def test_every_required_entry_matches_files_and_translations_are_listed() -> None:
    entries = _data_files()
    for pattern, _dest, required in entries:
        if required:
            assert list(REPO.glob(pattern)), f"{pattern} matches nothing"
    assert ("resources/translations/*.qm", "resources/translations", False) in entries


def test_one_bundle_with_a_windowed_gui_and_a_console_cli() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert "from core import __version__ as VERSION" in text
    calls = {
        _keyword(node, "name"): _keyword(node, "console")
        for node in ast.walk(_spec_tree())
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "EXE"
    }
    assert calls == {"tradescreen": False, "tradescreen-cli": True}
    assert 'bundle_identifier="com.tradescreen.app"' in text
    assert '"NSHighResolutionCapable": True' in text
    for launcher, entry in (("launch_gui.py", "gui.app"), ("launch_cli.py", "core.cli")):
        assert f"from {entry} import main" in (PACKAGING / launcher).read_text(encoding="utf-8")


def test_the_app_imports_nothing_the_spec_leaves_out() -> None:
    excluded = _spec_value("EXCLUDED_MODULES")
    assert isinstance(excluded, list) and "PySide6.QtNetwork" in excluded
    for package in ("core", "gui"):
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names = [node.module]
                for name in names:
                    hit = [m for m in excluded if name == m or name.startswith(m + ".")]
                    assert not hit, (
                        f"{path.relative_to(REPO)} imports {name}, which "
                        "packaging/tradescreen.spec excludes from the frozen build"
                    )


def _keyword(call: ast.Call, name: str) -> object:
    for keyword in call.keywords:
        if keyword.arg == name:
            return ast.literal_eval(keyword.value)
    return None
