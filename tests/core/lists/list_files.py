"""List files in the real formats, made here from their documented columns (a real export is
not reachable offline): OpenSanctions targets.simple.csv and FtM JSON lines, the US
Consolidated Screening List CSV and JSON, and own lists."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

OS_COLUMNS = [
    "id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers",
    "sanctions", "phones", "emails", "program_ids", "dataset", "first_seen", "last_seen",
    "last_change",
]  # fmt: skip
OS_ROWS = [
    ["NK-acme1", "Company", "Acme Drone Works Ltd", "Acme Drones;ACME DW", "", "ru",
     "Moscow", "", "US OFAC SDN - RUSSIA-EO14024", "", "", "RUSSIA-EO14024",
     "US OFAC Specially Designated Nationals (SDN) List", "2022-03-01T10:00:00",
     "2026-11-30T08:00:00", "2026-11-29T08:00:00"],
    ["NK-ivan", "Person", "Ivan Petrovich Sidorov", "Иван Сидоров", "1970-01-01", "ru", "",
     "", "", "", "", "", "US OFAC Specially Designated Nationals (SDN) List",
     "2022-03-01T10:00:00", "2026-11-30T08:00:00", "2026-11-28T08:00:00"],
    ["NK-vessel", "Vessel", "Ocean Star", "", "", "ir", "", "IMO 9123456", "", "", "", "",
     "US OFAC Specially Designated Nationals (SDN) List;EU Financial Sanctions Files (FSF)",
     "2023-01-01T00:00:00", "2026-11-30T08:00:00", "2026-11-30T08:00:00"],
]  # fmt: skip

CSL_COLUMNS = [
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
]  # fmt: skip
EL = "Entity List (EL) - Bureau of Industry and Security"
SDN = "Specially Designated Nationals (SDN) - Treasury Department"
CSL_ROWS = [
    {"_id": "e1", "source": EL, "type": "Entity", "name": "Zenith Photonics Co., Ltd.",
     "addresses": "No. 8 Road, Wuhan, , CN", "federal_register_notice": "89 FR 12345",
     "start_date": "2024-02-20", "alt_names": "Zenith Optics; 天顶光电",
     "source_information_url": "https://www.bis.gov/entity-list"},
    {"_id": "e2", "source": EL, "type": "Entity", "name": "Blue Harbor Trading LLC",
     "addresses": "Dubai, , AE", "federal_register_notice": "90 FR 555",
     "start_date": "2025-06-01", "alt_names": ""},
    {"_id": "s1", "source": SDN, "type": "Individual", "name": "KOVAL, Pyotr",
     "programs": "RUSSIA-EO14024", "start_date": "", "alt_names": "KOVAL, Petr"},
]  # fmt: skip


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def opensanctions_csv(path: Path, rows: Sequence[Sequence[str]] = OS_ROWS) -> Path:
    return write_csv(path, OS_COLUMNS, rows)


def ftm_jsonl(path: Path) -> Path:
    entities = [
        {"id": "Q-ftm-co", "schema": "Company", "datasets": ["gb_hmt_sanctions"],
         "properties": {"name": ["Northwind Shipping Ltd"], "alias": ["Northwind"],
                        "country": ["gb"]},
         "first_seen": "2020-01-01T00:00:00", "last_seen": "2026-11-30T00:00:00",
         "last_change": "2026-11-30T00:00:00"},
        {"id": "Q-ftm-sanc", "schema": "Sanction", "datasets": ["gb_hmt_sanctions"],
         "properties": {"entity": ["Q-ftm-co"], "program": ["UK Russia regime"],
                        "authority": ["HM Treasury"], "listingDate": ["2022-05-04"],
                        "startDate": ["2022-05-04"], "sourceUrl": ["https://example.gov/x"]}},
        {"id": "Q-ftm-p", "schema": "Person", "datasets": ["gb_hmt_sanctions"],
         "properties": {"name": ["Olga Smirnova"]},
         "first_seen": "2021-01-01T00:00:00", "last_seen": "2026-11-30T00:00:00"},
        {"id": "Q-ftm-sanc2", "schema": "Sanction", "datasets": ["gb_hmt_sanctions"],
         "properties": {"entity": ["Q-ftm-p"], "program": ["UK Russia regime"],
                        "startDate": ["2022-03-15"], "endDate": ["2025-01-10"]}},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(e) for e in entities) + "\n", encoding="utf-8")
    return path


def csl_csv(path: Path, rows: Sequence[dict[str, str]] = CSL_ROWS) -> Path:
    return write_csv(path, CSL_COLUMNS, [[r.get(c, "") for c in CSL_COLUMNS] for r in rows])


def csl_json(path: Path) -> Path:
    results = []
    for row in CSL_ROWS:
        item: dict[str, object] = {c: row.get(c, "") for c in CSL_COLUMNS}
        item["alt_names"] = [a.strip() for a in row.get("alt_names", "").split(";") if a.strip()]
        item["addresses"] = [
            {
                "address": row.get("addresses", ""),
                "country": row.get("addresses", "").rsplit(",", 1)[-1].strip(),
            }
        ]
        item["programs"] = [row["programs"]] if row.get("programs") else []
        results.append(item)  # fmt: skip
    path.write_text(json.dumps({"total": len(results), "results": results}), encoding="utf-8")
    return path


def suppliers(path: Path, names: Sequence[str]) -> Path:
    return write_csv(path, ["Supplier Name", "Country"], [[n, ""] for n in names])
