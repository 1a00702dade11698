"""Build a bundled list pack in resources/ from the reference CSVs, signed by the publisher.

    python scripts/build_list_pack.py [SOURCE_DIR] --version V --cutoff YYYY-MM-DD [--key PEM]
    python scripts/build_list_pack.py --resign PACK_DIR [--key PEM]

SOURCE_DIR defaults to ../shared/reference-lists beside the repository; the pack goes to
resources/lists/bundled/V. The CSV files are copied byte for byte; the manifest records their
SHA-256 and is signed (Ed25519, ``core.lists.signing``) with the publisher's private key,
../shared/keys/publisher-ed25519.pem by default. The key is read here only: it never goes
into the repository or a build. ``--resign`` signs an existing pack's manifest again (its
files and checksum unchanged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import shutil
import sys
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.lists.signing import sign_manifest  # noqa: E402

FILES = ("lists.csv", "entities.csv", "events.csv", "items.csv")
DEFAULT_KEY = ROOT.parent / "shared" / "keys" / "publisher-ed25519.pem"


def load_private_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise SystemExit(f"{path}: not an Ed25519 private key")
    return key


def write_signed_manifest(pack: Path, manifest: dict[str, object], key: Ed25519PrivateKey) -> None:
    manifest["signature"] = sign_manifest(manifest, key)
    (pack / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "source", nargs="?", type=Path, default=ROOT.parent / "shared" / "reference-lists"
    )
    parser.add_argument("--version")
    parser.add_argument("--cutoff")
    parser.add_argument("--key", type=Path, default=DEFAULT_KEY)
    parser.add_argument("--out", type=Path, help="default: resources/lists/bundled/VERSION")
    parser.add_argument("--resign", type=Path, metavar="PACK_DIR")
    args = parser.parse_args()
    key = load_private_key(args.key)

    if args.resign:
        manifest = json.loads((args.resign / "manifest.json").read_text(encoding="utf-8"))
        write_signed_manifest(args.resign, manifest, key)
        print(f"signed {args.resign}")
        return
    if not args.version or not args.cutoff:
        parser.error("--version and --cutoff are needed to build a pack")
    out = args.out or ROOT / "resources" / "lists" / "bundled" / args.version
    out.mkdir(parents=True, exist_ok=True)
    digests = {}
    for name in FILES:
        src = args.source / name
        if not src.exists():
            continue
        shutil.copyfile(src, out / name)
        digests[name] = {"sha256": hashlib.sha256(src.read_bytes()).hexdigest()}
    manifest: dict[str, object] = {
        "format": "tradescreen-list-pack",
        "format_version": 1,
        "publisher": "TradeScreen reference data",
        "version": args.version,
        "data_cutoff": dt.date.fromisoformat(args.cutoff).isoformat(),
        "created": dt.date.today().isoformat(),
        "description": "MOFCOM control, watch, unreliable-entity and counter-measure lists, "
        "MOF procurement ban, US DoD 1260H; compiled from official notices, open data and news",
        "files": digests,
        "licence": "Compiled facts from official notices; the parts taken from OpenSanctions "
        "are CC BY-NC 4.0 (commercial use needs an OpenSanctions licence)",
        "attribution": "TradeScreen reference data; OpenSanctions (opensanctions.org), "
        "ammitto/data-cn",
    }
    write_signed_manifest(out, manifest, key)
    print(f"wrote {out} ({', '.join(digests)}), signed")


if __name__ == "__main__":
    main()
