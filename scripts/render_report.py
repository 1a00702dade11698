"""Render the Excel report of the sample screening to PDF and PNG, to look at it.

    python scripts/render_report.py [--out DIR] [--as-of 2025-05-20] [--docs]

Screens resources/samples/suppliers-sample.xlsx with the bundled list pack, writes the report,
converts it with LibreOffice (``soffice --headless --convert-to pdf``, package
libreoffice-calc-nogui) and renders every page with poppler (``pdftoppm -png -r 80``).
With ``--docs`` the first Flagged page and the Summary page are rendered again, cropped to
their content, to docs/images/report-flagged.png and docs/images/report-summary.png; the
Flagged sheet prints fitted to the page width, so its image is rendered at a higher
resolution to stay legible. Chinese text needs a CJK font (fonts-noto-cjk) on the rendering
machine; the workbook itself only names Calibri (LibreOffice substitutes Carlito).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.lists.pack import read_pack  # noqa: E402
from core.lists.snapshot import ListSnapshot, ReleaseInfo  # noqa: E402
from core.paths import bundled_pack_dir, sample_suppliers_file  # noqa: E402
from core.report import write_report  # noqa: E402
from core.screening import ScreeningRequest, ScreeningResult, screen  # noqa: E402

RESOLUTION = 80
DOCS = ROOT / "docs" / "images"
DOC_PAGES = {
    "report-flagged.png": ("Matched entity", 150),
    "report-summary.png": ("Hits by list", 96),
}
"""Each documentation image: text that identifies its page (first match wins), resolution."""
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
FOOTER_SPACE = 50.0
"""Points at the bottom of a page where the footer is; left out of the crop."""
MARGIN = 6.0


def sample_result(as_of: dt.date) -> ScreeningResult:
    pack = read_pack(bundled_pack_dir())
    manifest = pack.manifest
    release = ReleaseInfo(
        release_id=1,
        publisher=manifest.publisher,
        version=manifest.version,
        data_cutoff=manifest.data_cutoff,
        checksum=manifest.checksum,
        imported_at=dt.datetime.now(dt.UTC),
        list_ids=tuple(lst.list_id for lst in pack.lists),
    )
    snapshot = ListSnapshot.build(pack.lists, pack.entities, pack.events, [release])
    request = ScreeningRequest(sample_suppliers_file(), as_of)
    return screen(request, snapshot, user="sample.user")


def to_pdf(workbook: Path, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice not found: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", "pdf", "--outdir", str(out), str(workbook)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    return out / (workbook.stem + ".pdf")


def to_pngs(pdf: Path, out: Path) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm not found: apt-get install poppler-utils")
    prefix = out / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", str(RESOLUTION), str(pdf), str(prefix)], check=True)
    return sorted(out.glob(f"{pdf.stem}-*.png"))


def page_text(pdf: Path, page: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout


def content_box(pdf: Path, page: int) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in points of the words on ``page``, footer excepted."""
    done = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    page_size = re.search(r'<page width="[\d.]+" height="([\d.]+)"', done.stdout)
    if page_size is None:
        raise SystemExit(f"pdftotext gave no page size for page {page} of {pdf}")
    height = float(page_size[1])
    boxes = [tuple(map(float, m.groups())) for m in _WORD.finditer(done.stdout)]
    boxes = [b for b in boxes if b[1] < height - FOOTER_SPACE]
    return (
        min(b[0] for b in boxes) - MARGIN,
        min(b[1] for b in boxes) - MARGIN,
        max(b[2] for b in boxes) + MARGIN,
        max(b[3] for b in boxes) + MARGIN,
    )


def render_cropped(pdf: Path, page: int, resolution: int, target: Path) -> None:
    left, top, right, bottom = (v * resolution / 72 for v in content_box(pdf, page))
    subprocess.run(
        ["pdftoppm", "-png", "-singlefile", "-r", str(resolution), "-f", str(page),
         "-l", str(page), "-x", str(int(left)), "-y", str(int(top)),
         "-W", str(int(right - left)), "-H", str(int(bottom - top)),
         str(pdf), str(target.with_suffix(""))],
        check=True,
    )  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "report-render")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2025, 5, 20))
    parser.add_argument("--docs", action="store_true", help="update docs/images/report-*.png")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    result = sample_result(args.as_of)
    workbook = write_report(result, args.out / "sample-report.xlsx")
    pdf = to_pdf(workbook, args.out)
    pages = to_pngs(pdf, args.out)
    print(f"{workbook}\n{pdf}\n" + "\n".join(str(p) for p in pages))
    if args.docs:
        DOCS.mkdir(parents=True, exist_ok=True)
        for name, (marker, resolution) in DOC_PAGES.items():
            page = next((n for n in range(1, len(pages) + 1) if marker in page_text(pdf, n)), None)
            if page is None:
                raise SystemExit(f"no page shows {marker!r}")
            render_cropped(pdf, page, resolution, DOCS / name)
            print(f"{DOCS / name} ({(DOCS / name).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
