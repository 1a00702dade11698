"""Screenshots of the real app for the README: drives the main window, grabs its widgets.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py [--out DIR]

(or with QT_QPA_PLATFORM=offscreen). Uses a throwaway data folder and database: opens the
bundled sample file, screens it as of 2025-05-20, selects the suspended Kratos hit, then visits
the Lists tab and switches to Simplified Chinese. Writes PNG files to docs/images/ by default.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["TRADESCREEN_DATA_DIR"] = tempfile.mkdtemp(prefix="tradescreen-shots-")
os.environ.pop("TRADESCREEN_DATABASE_URL", None)

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

AS_OF = dt.date(2025, 5, 20)
KRATOS = "kratos-unmanned-aerial-systems"
ITEMS_AS_OF = dt.date(2026, 6, 9)
PURCHASES = (
    "Supplier,HS Code,Goods description,Qty\n"
    "Baotou Rare Earth Trading Co.,2805.30.19 10,samarium metal ingots,100\n"
    "Ganzhou Oxide Ltd,2846901940,Samarium oxide 99.9%,50\n"
    "Jiangxi Metals,2805301990,铒金属,20\n"
    "Tangshan Steel,7208.51.00,hot-rolled steel plate,500\n"
    "Hunan Magnets,,SmCo magnets with samarium,10\n"
)
"""A purchase file with HS codes (the items screenshot)."""


def settle(
    app: QApplication, condition: Callable[[], bool] = lambda: True, timeout: float = 60
) -> None:
    """Run the event loop until ``condition`` holds, then a little longer for painting."""
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise SystemExit("timed out waiting for the window")
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> None:
    pixmap = widget.grab()
    if not pixmap.save(str(path), "PNG"):
        raise SystemExit(f"cannot write {path}")
    print(
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
        f"{pixmap.width()}x{pixmap.height()}, {path.stat().st_size // 1024} KB"
    )


def use_dark_palette(app: QApplication) -> None:
    """Fusion with a dark palette, as a desktop in dark mode gives it."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    palette = QPalette()
    role = QPalette.ColorRole
    for key, rgb in (
        (role.Window, (45, 45, 48)), (role.WindowText, (230, 230, 230)),
        (role.Base, (30, 30, 32)), (role.AlternateBase, (40, 40, 44)),
        (role.Text, (230, 230, 230)), (role.Button, (53, 53, 56)),
        (role.ButtonText, (230, 230, 230)), (role.Highlight, (42, 130, 218)),
        (role.HighlightedText, (255, 255, 255)), (role.ToolTipBase, (60, 60, 64)),
        (role.ToolTipText, (230, 230, 230)), (role.PlaceholderText, (150, 150, 150)),
        (role.Link, (110, 170, 255)),
    ):  # fmt: skip
        palette.setColor(key, QColor(*rgb))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(130, 130, 130))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(130, 130, 130))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(130, 130, 130))
    app.setPalette(palette)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument(
        "--dark", action="store_true", help="a dark palette (to check dark mode); names end -dark"
    )
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    from gui.app import create_application
    from gui.tasks.services import AppServices
    from gui.tasks.settings import AppSettings
    from gui.text.i18n import install_language
    from gui.window.controller import AppController
    from gui.window.main_window import TAB_LISTS, TAB_RESULTS, TAB_SCREEN, MainWindow

    app = create_application([sys.argv[0]])
    suffix = ""
    if args.dark:
        use_dark_palette(app)
        suffix = "-dark"
    install_language("en")
    services = AppServices(f"sqlite:///{os.environ['TRADESCREEN_DATA_DIR']}/shots.db", "j.chen")
    window = MainWindow(AppController(AppSettings(), services))
    window.resize(1280, 800)
    window.show()
    settle(app, lambda: window.controller.snapshot is not None)

    window.controller.open_sample()
    settle(app, lambda: window.controller.task is None and bool(window.screen_page.tables))
    window.screen_page.options.date.set_date(AS_OF)
    settle(app)
    save(window, out / f"screen-columns{suffix}.png")

    window.start_screening()
    settle(app, lambda: window.controller.task is None and window.results.result is not None)
    results = window.results
    sample = (results.result, window.controller.snapshot)
    row = next(
        r for r in range(results.proxy.rowCount()) if results.proxy.hit_at(r).entity_id == KRATOS
    )
    results.select_row(row)
    settle(app)
    save(window, out / f"results{suffix}.png")

    results.splitter.setSizes([560, 720])
    settle(app)
    save(results.detail.widget(), out / f"detail-timeline{suffix}.png")
    results.splitter.setSizes([830, 430])

    window.tabs.setCurrentIndex(TAB_LISTS)
    lists = window.lists_view
    lists.set_as_of(AS_OF)
    lists.search.setText("Kratos")
    lists.run_search()
    settle(app)
    save(window, out / f"lists{suffix}.png")

    purchases = Path(os.environ["TRADESCREEN_DATA_DIR"]) / "purchases.csv"
    purchases.write_text(PURCHASES, encoding="utf-8")
    window.open_file(purchases)
    settle(app, lambda: window.controller.task is None and bool(window.screen_page.tables))
    window.screen_page.options.date.set_date(ITEMS_AS_OF)
    window.start_screening()
    settle(
        app,
        lambda: (
            window.controller.task is None
            and window.results.result is not None
            and bool(window.results.result.item_hits)
        ),
    )
    results.show_items_view()
    panel = results.items_panel
    erbium = next(
        r for r in range(panel.model.rowCount()) if panel.model.hit_at(r).item_name_zh == "铒"
    )
    panel.select_row(erbium)
    settle(app)
    save(window, out / f"items{suffix}.png")
    assert sample[0] is not None
    results.show_result(*sample)
    settle(app)

    install_language("zh_CN")
    window.tabs.setCurrentIndex(TAB_RESULTS)
    results.select_row(row)
    settle(app)
    save(window, out / f"results-zh{suffix}.png")
    install_language("en")
    window.tabs.setCurrentIndex(TAB_SCREEN)

    window.close()
    QThreadPool.globalInstance().waitForDone()
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
