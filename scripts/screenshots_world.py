"""Screenshots of the detail pane explaining names of the whole world (README, issue 17).

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots_world.py [--out DIR]

Uses a throwaway data folder: imports a small own list (a Russian company listed by its long
English legal form, one with a Cyrillic alias, a German AG), screens suppliers written in
Cyrillic, with a Russian or German legal form spelt out or glued, in English and in Simplified
Chinese, and grabs the detail pane of each hit: detail-cyrillic*.png, detail-legal-form*.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
DATA = tempfile.mkdtemp(prefix="tradescreen-world-shots-")
os.environ["TRADESCREEN_DATA_DIR"] = DATA
os.environ.pop("TRADESCREEN_DATABASE_URL", None)

from screenshots import save, settle  # noqa: E402

LIST = (
    "name,aliases,country,listed\n"
    "Open Joint Stock Company Gazprom,,RU,2026-10-01\n"
    "Rosneft Oil Company,,RU,2026-10-01\n"
    "Rheinmetall AG,,DE,2026-10-01\n"
)
SUPPLIERS = "Supplier,Country\nООО «Газпром»,RU\nRheinmetall Aktiengesellschaft,DE\n"
SHOTS = {
    "world-demo:open-joint-stock-company-gazprom": "detail-cyrillic",
    "world-demo:rheinmetall-ag": "detail-legal-form",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from core.cli import main as cli
    from gui.app import create_application
    from gui.tasks.services import AppServices
    from gui.tasks.settings import AppSettings
    from gui.text.i18n import install_language
    from gui.window.controller import AppController
    from gui.window.main_window import MainWindow

    url = f"sqlite:///{DATA}/shots.db"
    own = Path(DATA) / "world.csv"
    own.write_text(LIST, encoding="utf-8")
    imported = cli(["--database", url, "lists", "import", str(own), "--list-id", "world-demo",
                    "--title", "World names demo"])  # fmt: skip
    if imported != 0:
        return imported
    suppliers = Path(DATA) / "suppliers.csv"
    suppliers.write_text(SUPPLIERS, encoding="utf-8")

    app = create_application([sys.argv[0]])
    saved: set[str] = set()
    for language, suffix in (("en", ""), ("zh_CN", "-zh")):
        install_language(language)
        window = MainWindow(AppController(AppSettings(), AppServices(url, "j.chen")))
        window.resize(1280, 800)
        window.show()
        settle(app, lambda w=window: w.controller.snapshot is not None)
        window.open_file(suppliers)
        settle(app, lambda w=window: w.controller.task is None and bool(w.screen_page.tables))
        window.screen_page.options.date.set_date(dt.date(2026, 12, 1))
        settle(app)
        window.start_screening()
        settle(app, lambda w=window: w.controller.task is None and w.results.result is not None)
        results = window.results
        for row in range(results.proxy.rowCount()):
            name = SHOTS.get(results.proxy.hit_at(row).entity_id)
            if name is None or name + suffix in saved:
                continue
            results.select_row(row)
            settle(app)
            results.splitter.setSizes([560, 720])
            settle(app)
            save(results.detail.widget(), out / f"{name}{suffix}.png")
            saved.add(name + suffix)
        window.close()
    missing = {name + s for name in SHOTS.values() for s in ("", "-zh")} - saved
    if missing:
        print(f"no hit for {sorted(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
