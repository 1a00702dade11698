"""Screenshots of the import dialog for each format, for the README.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshot_import.py [--out DIR]

Uses a throwaway data folder; makes a file of each format from its documented columns (the
same fixtures the tests use), opens the dialog on it from the real window, reads it, and grabs
the dialog; the OpenSanctions file is then imported and the Lists tab grabbed (its releases,
signatures and licences). Writes import-*.png to docs/images/ by default.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TRADESCREEN_DATA_DIR"] = tempfile.mkdtemp(prefix="tradescreen-import-shots-")
os.environ.pop("TRADESCREEN_DATABASE_URL", None)

from screenshots import save, settle  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QThreadPool

    from gui.app import create_application
    from gui.tasks.services import AppServices
    from gui.tasks.settings import AppSettings
    from gui.text.i18n import install_language
    from gui.window.controller import AppController
    from gui.window.main_window import TAB_LISTS, MainWindow
    from tests.core.lists import list_files as lf
    from tests.support.packs import copy_bundled, manifest_of, write_manifest

    app = create_application([sys.argv[0]])
    install_language("en")
    data = Path(os.environ["TRADESCREEN_DATA_DIR"])
    services = AppServices(f"sqlite:///{data}/shots.db", "j.chen")
    window = MainWindow(AppController(AppSettings(), services))
    window.resize(1280, 800)
    window.show()
    settle(app, lambda: window.controller.snapshot is not None)

    own = lf.write_csv(
        data / "blocked-vendors.csv",
        ["公司名称", "别名", "国家", "列入日期"],
        [["华夏示例贸易有限公司", "Huaxia Example Trading", "CN", "2026-10-01"],
         ["Gamma Parts GmbH", "", "DE", "2026-11-15"]],
    )  # fmt: skip
    unsigned = copy_bundled(data / "team-pack")
    manifest = manifest_of(unsigned)
    manifest["publisher"] = "Our compliance team"
    write_manifest(unsigned, manifest, sign=False)
    files = {
        "opensanctions": lf.opensanctions_csv(data / "targets.simple.csv"),
        "csl": lf.csl_csv(data / "consolidated.csv"),
        "own-list": own,
        "pack": Path(ROOT / "resources" / "lists" / "bundled" / "2026.12.04"),
        "pack-unsigned": unsigned,
    }
    for name, path in files.items():
        dialog = window.open_import_dialog(path)
        assert dialog is not None
        if name == "pack-unsigned":
            dialog.allow_unsigned.setChecked(True)
        dialog.read_button.click()
        settle(app, lambda d=dialog: d.reading is not None and window.controller.task is None)
        save(dialog, out / f"import-{name}.png")
        if name == "opensanctions":
            dialog.import_button.click()
            settle(app, lambda: window.controller.task is None)
            settle(app, lambda: "OpenSanctions" in window.lists_view.releases.text())
        else:
            dialog.reject()
    window.tabs.setCurrentIndex(TAB_LISTS)
    settle(app)
    save(window, out / "import-lists-tab.png")
    QThreadPool.globalInstance().waitForDone()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
