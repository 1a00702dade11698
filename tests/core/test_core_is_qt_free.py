"""`core` never imports Qt or the GUI: every core module imports with both made unavailable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import core

SCRIPT = """
import importlib, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'gui'):
            raise ImportError('blocked: ' + name)
        return None
sys.meta_path.insert(0, Block())
for name in sys.argv[1:]:
    importlib.import_module(name)
print('ok', len(sys.argv) - 1)
"""


def _core_modules() -> list[str]:
    root = Path(core.__file__).parent
    names = ["core"]
    for info in pkgutil.walk_packages([str(root)], prefix="core."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def test_every_core_module_imports_without_qt() -> None:
    modules = _core_modules()
    assert len(modules) > 10
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *modules], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"
