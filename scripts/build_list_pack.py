"""Build the bundled list pack in resources/ from the reference CSVs.

    python scripts/build_list_pack.py [SOURCE_DIR] [--version V] [--cutoff YYYY-MM-DD]

SOURCE_DIR defaults to ../shared/reference-lists beside the repository. The CSV files are
copied byte for byte; the manifest records their SHA-256 so the app can verify them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("lists.csv", "entities.csv", "events.csv", "items.csv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "source", nargs="?", type=Path, default=ROOT.parent / "shared" / "reference-lists"
    )
    parser.add_argument("--version", default="2026.08.22")
    parser.add_argument("--cutoff", default="2026-08-22")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "lists" / "bundled")
    args = parser.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name in FILES:
        src = args.source / name
        if not src.exists():
            continue
        shutil.copyfile(src, args.out / name)
        digests[name] = {"sha256": hashlib.sha256(src.read_bytes()).hexdigest()}
    manifest = {
        "format": "tradescreen-list-pack",
        "format_version": 1,
        "publisher": "TradeScreen reference data",
        "version": args.version,
        "data_cutoff": dt.date.fromisoformat(args.cutoff).isoformat(),
        "created": dt.date.today().isoformat(),
        "description": "MOFCOM control, watch, unreliable-entity and counter-measure lists, "
        "MOF procurement ban, US DoD 1260H; compiled from official notices, open data and news",
        "files": digests,
        "signature": None,
    }
    (args.out / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {args.out} ({', '.join(digests)})")


if __name__ == "__main__":
    main()
