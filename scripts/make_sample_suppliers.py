"""Write the bundled sample supplier file: resources/samples/suppliers-sample.xlsx and .csv.

    /work/venv/bin/python scripts/make_sample_suppliers.py [--out DIR]

A realistic vendor-master export: sheet "Vendors", a title row and a blank row above the
header, ~60 suppliers. Most are ordinary (made-up) companies; the rows marked in ``PLANTED``
are spellings of entities in the bundled list data, chosen to exercise matching and the as-of
rules, and a few look-alikes must NOT match. Output is deterministic (fixed seed, fixed
timestamps), so re-running it gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import random
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Vendor master export — 2025-05"
HEADERS = [
    "Vendor ID", "Vendor Name", "Country", "City", "Address", "Tax ID", "Category",
    "Annual Spend (USD)", "Last PO Date",
]  # fmt: skip
FIXED_TIME = datetime.datetime(2025, 5, 31, 12, 0, 0)

# (name, country, city, address, tax id, category, why it is here)
PLANTED = [
    ("Kratos Unmanned Aerial Systems Inc", "US", "Sacramento", "5381 Raley Blvd",
     "33-0713469", "Engineering services",
     "UEL + export control; suspended from 2025-05-14; export control removed 2025-08-12"),
    ("Skydio Inc.", "US", "San Mateo", "3000 Clearview Way", "47-3069893", "Drones",
     "export control removed 2025-11-10; UEL suspension window extended"),
    ("Shield AI", "US", "San Diego", "600 W Broadway", "82-1451112", "Software",
     "no legal form; export control 2025-03-04, removed 2025-11-10"),
    ("洛克希德·马丁公司", "美国", "贝塞斯达", "6801 Rockledge Dr", "", "航空部件",
     "Chinese-name row of Lockheed Martin Corporation (UEL since 2023-02-16)"),
    ("CETC", "CN", "Beijing", "27 Wanshou Rd, Haidian", "91110000710929498G", "Electronics",
     "acronym alias of China Electronics Technology Group Corporation (1260H)"),
    ("Beijing Megvii Technology Co Ltd", "CN", "Beijing", "Rongke Information Center",
     "91110108MA0060FM7N", "Software", "removed from 1260H on 2025-01-07"),
    ("Sierra Nevada Corportion", "US", "Sparks", "444 Salomon Cir", "88-0146721",
     "Avionics", "typo of Sierra Nevada Corporation (suspended, extended to 2026-11-10)"),
    ("Alibaba Group Holding Ltd", "KY", "Hangzhou", "969 West Wen Yi Road", "",
     '=HYPERLINK("x")', "1260H from 2026-06-08: pending/active depending on the date; "
     "formula-looking Category text"),
    ("Huntington Ingalls Industries, Inc.", "US", "Newport News", "4101 Washington Ave",
     "90-0607005", "Shipbuilding", "UEL removed 2025-11-10; export control from 2025-09-25"),
    ("AeroVironment, Inc.", "US", "Arlington", "241 18th St S", "95-2705790", "Drones",
     "export control removed 2025-11-10, UEL added 2025-10-09"),
    ("General Atomics Aeronautical Systems", "US", "Poway", "14200 Kirkham Way", "",
     "Aerospace", "UEL since 2024-05-20"),
    ("Illumina Inc", "US", "San Diego", "5200 Illumina Way", "33-0804655",
     "Lab equipment", "UEL since 2025-02-04"),
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "CN", "Hangzhou",
     "555 Qianmo Road, Binjiang", "91330000733796106P", "Security cameras", "1260H"),
    ("SZ DJI Technology Co., Ltd.", "CN", "Shenzhen", "Lianhua Rd, Xili", "",
     "Drones", "variant of Shenzhen DJI Technology Co., Ltd. (1260H)"),
    ("Huawei Technologies Co., Ltd.", "CN", "Shenzhen", "Bantian, Longgang District",
     "914403001922038216", "Telecom equipment", "1260H"),
    ("General Motors Company", "US", "Detroit", "300 Renaissance Center", "38-0572515",
     "Fleet vehicles", "look-alike of General Dynamics / General Atomics: must not match"),
    ("Sierra Nevada Brewing Co.", "US", "Chico", "1075 E 20th St", "94-2606418",
     "Catering", "look-alike of Sierra Nevada Corporation: must not match"),
    ("Shield Industrial Safety GmbH", "DE", "Essen", "Ruhrallee 9", "DE811234567",
     "Safety equipment", "look-alike of Shield AI: must not match"),
]  # fmt: skip

_FIRST = [
    "Northwind", "Blue Harbor", "Greenfield", "Apex", "Silverline", "Redwood", "Orion",
    "Lakeside", "Meridian", "Bright Path", "Evergreen", "Keystone", "Atlas", "Cobalt",
    "Horizon", "Pioneer", "Riverbend", "Sunrise", "Granite", "Crescent",
]  # fmt: skip
_TRADE = [
    "Packaging", "Logistics", "Office Supplies", "Textiles", "Fasteners", "Electronics",
    "Plastics", "Catering", "Printing", "Machinery", "Chemicals", "IT Services",
]  # fmt: skip
_PLACES = [
    ("US", "Chicago", "Inc."), ("US", "Austin", "LLC"), ("DE", "Stuttgart", "GmbH"),
    ("GB", "Leeds", "Ltd"), ("FR", "Lyon", "SAS"), ("JP", "Osaka", "K.K."),
    ("NL", "Eindhoven", "B.V."), ("VN", "Hai Phong", "Co., Ltd."),
    ("MX", "Monterrey", "S.A. de C.V."),
]  # fmt: skip
_CN_COMPANIES = [
    ("苏州华信包装材料有限公司", "中国", "苏州", "工业园区星湖街88号",
     "91320594MA1MXXP21K", "包装"),
    ("宁波东海五金制品有限公司", "中国", "宁波", "北仑区新碶街道10号",
     "91330206MA2AGD1Y3Q", "五金"),
    ("Shenzhen Everbright Electronics Co., Ltd.", "CN", "Shenzhen", "Bao'an District 12",
     "91440300MA5F1C8K9T", "Electronics"),
    ("Qingdao Haiyun Logistics Co., Ltd.", "CN", "Qingdao", "Huangdao District 3",
     "91370211MA3C4R8U1E", "Logistics"),
]  # fmt: skip


def sample_rows(seed: int = 20250531) -> list[list[object]]:
    """The data rows: ordinary suppliers with the planted rows spread among them."""
    rng = random.Random(seed)
    ordinary: list[tuple[str, str, str, str, str, str]] = list(_CN_COMPANIES)
    used: set[str] = set()
    while len(ordinary) < 42:
        country, city, form = rng.choice(_PLACES)
        trade = rng.choice(_TRADE)
        name = f"{rng.choice(_FIRST)} {trade} {form}"
        if name in used:
            continue
        used.add(name)
        address = f"{rng.randrange(1, 2000)} {rng.choice(['Main', 'Mill', 'Harbor', 'Park'])} St"
        tax = (
            f"{rng.randrange(10, 99)}-{rng.randrange(1000000, 9999999)}" if country == "US" else ""
        )
        ordinary.append((name, country, city, address, tax, trade))
    planted = [row[:6] for row in PLANTED]
    mixed = ordinary + planted
    rng.shuffle(mixed)
    rows: list[list[object]] = []
    for number, (name, country, city, address, tax, category) in enumerate(mixed, start=1):
        spend = round(rng.uniform(2_000, 2_500_000), 2)
        last_po = datetime.date(2024, 6, 1) + datetime.timedelta(days=rng.randrange(360))
        rows.append(
            [f"V{10000 + number * 7}", name, country, city, address, tax, category, spend, last_po]
        )
    return rows


def write_xlsx(path: Path, rows: list[list[object]]) -> None:
    """The workbook: title in A1 (merged over the columns), blank row 2, header in row 3."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Vendors"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=4):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
        cells[7].number_format = "#,##0.00"
        cells[8].number_format = "yyyy-mm-dd"
    for letter, width in zip("ABCDEFGHI", (10, 44, 9, 14, 32, 22, 20, 18, 13), strict=True):
        sheet.column_dimensions[letter].width = width
    workbook.properties.creator = "TradeScreen sample generator"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    _write_reproducible_zip(buffer.getvalue(), path)


def _write_reproducible_zip(data: bytes, path: Path) -> None:
    """Re-pack with fixed entry timestamps so the file only changes when its content does."""
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps "modified" with the time of saving, whatever it was set to
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    content,
                )
            target.writestr(fixed, content)


def write_csv(path: Path, rows: list[list[object]]) -> None:
    """The CSV twin: UTF-8 with BOM (so Excel shows the Chinese names), same title rows."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([TITLE])
        writer.writerow([])
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow(
                [value.isoformat() if isinstance(value, datetime.date) else value for value in row]
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "samples")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = sample_rows()
    write_xlsx(args.out / "suppliers-sample.xlsx", rows)
    write_csv(args.out / "suppliers-sample.csv", rows)
    print(f"wrote {len(rows)} suppliers to {args.out}/suppliers-sample.xlsx and .csv")


if __name__ == "__main__":
    main()
