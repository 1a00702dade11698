"""Benchmark: ``runs changes`` over many stored runs, ``rescreen`` of one, and what a stored run
costs in the database.

    python bench/bench_run_changes.py [--runs 100] [--rows 10000] [--size-rows 100000]
                                      [--database URL]

The runs are supplier masters of ``--rows`` rows generated as ``bench_screening`` does
(``bench_matching.make_suppliers``): they share most names, and each has a few of its own (1%),
as the masters of one company's plants would; each holds a listed entity (General Dynamics,
on cn-export-control in the bundled data). They are stored through ``ScreeningService.run``
against the bundled list data (2026.12.04). Then a re-release of that pack with one more
``removed`` event (General Dynamics, effective 2026-12-01), signed with a throwaway key that
this process trusts, is imported, so that every run has a change to find; ``changes()`` over
all runs and ``rescreen`` of one are timed.

The size: a fresh database, the bytes one ``--size-rows``-row run adds (SQLite: pages in use;
PostgreSQL: pg_database_size), and of them the kept names (table ``run_names`` and its
indexes), scaled to 100k rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_matching import make_suppliers  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from sqlalchemy import text as sql  # noqa: E402

from core.lists import signing  # noqa: E402
from core.lists.catalog import ListCatalog  # noqa: E402
from core.lists.model import Entity  # noqa: E402
from core.paths import bundled_pack_dir  # noqa: E402
from core.screening.engine import ScreeningRequest  # noqa: E402
from core.services.changes import ChangeService  # noqa: E402
from core.services.screening import ScreeningService  # noqa: E402
from core.spreadsheets.table import ColumnRoles, SupplierRow, SupplierTable  # noqa: E402
from core.store.database import Database  # noqa: E402

AS_OF = dt.date(2026, 12, 4)
LISTED = ("General Dynamics Corporation", "US")
REMOVAL = (
    "general-dynamics,cn-export-control,removed,2026-12-01,,2026-12-01,Bench notice,"
    "https://example.org/bench,P1,\r\n"
)
COUNTRIES = ("US", "CN", "DE", "JP", "GB", "FR", "KR", "TW", "IN", "BR")
OWN_SHARE = 0.01


def supplier_rows(names: list[str], rng: random.Random) -> list[tuple[str, str]]:
    return [(name, rng.choice(COUNTRIES)) for name in names]


def table(rows: list[tuple[str, str]], label: str) -> SupplierTable:
    data = tuple(SupplierRow(i + 2, values) for i, values in enumerate(rows))
    roles = ColumnRoles(name=0, country=1)
    return SupplierTable(f"{label}.xlsx", "Vendors", 1, ("Vendor Name", "Country"), data, roles)


def store_run(service: ScreeningService, rows: list[tuple[str, str]], label: str) -> int:
    digest = hashlib.sha256("\n".join(f"{n}\t{c}" for n, c in rows).encode()).hexdigest()
    request = ScreeningRequest(
        Path(f"{label}.xlsx"), AS_OF, input_sha256=digest, tables=(table(rows, label),)
    )
    run_id = service.run(request).run_id
    assert run_id is not None
    return run_id


def masters(runs: int, rows: int, entities: list[Entity], seed: int) -> list[list[tuple[str, str]]]:
    """``runs`` masters that share most names; each has ``OWN_SHARE`` of its own."""
    rng = random.Random(seed)
    shared_names, _ = make_suppliers(rows - 1, rng, entities, repeat_share=0.15)
    shared = [LISTED, *supplier_rows(shared_names, rng)]
    own = max(1, int(rows * OWN_SHARE))
    result = []
    for _ in range(runs):
        names, _ = make_suppliers(own, rng, entities, repeat_share=0.0)
        master = list(shared)
        for index, row in zip(
            rng.sample(range(1, rows), own), supplier_rows(names, rng), strict=True
        ):
            master[index] = row
        result.append(master)
    return result


def rereleased_pack(target: Path) -> Path:
    """The bundled pack with one more removal, signed with a throwaway key trusted here."""
    import shutil

    from core.lists.signing import key_id, sign_manifest

    key = Ed25519PrivateKey.generate()
    signing.TRUSTED_PUBLISHER_KEYS[key_id(key.public_key())] = key.public_key()
    shutil.copytree(bundled_pack_dir(), target)
    events = target / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + REMOVAL, encoding="utf-8", newline="")
    import json

    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    manifest["files"]["events.csv"]["sha256"] = hashlib.sha256(events.read_bytes()).hexdigest()
    manifest["version"] = "2026.12.05"
    manifest["data_cutoff"] = "2026-12-05"
    manifest["signature"] = sign_manifest(manifest, key)
    (target / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return target


def database_bytes(db: Database) -> tuple[int, int]:
    """(the database's bytes in use, of them the kept names' table and indexes)."""
    with db.engine.connect() as connection:
        if db.engine.dialect.name == "postgresql":
            total = connection.execute(sql("SELECT pg_database_size(current_database())"))
            names = connection.execute(sql("SELECT pg_total_relation_size('run_names')"))
            return int(total.scalar_one()), int(names.scalar_one())
        pages = connection.execute(sql("PRAGMA page_count")).scalar_one()
        size = connection.execute(sql("PRAGMA page_size")).scalar_one()
        names = connection.execute(
            sql("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN "
                "(SELECT name FROM sqlite_master WHERE tbl_name = 'run_names')")
        ).scalar_one()  # fmt: skip
        return int(pages) * int(size), int(names)


def fresh_database(url: str | None, folder: Path, name: str) -> Database:
    db = Database(url or f"sqlite:///{folder / name}")
    ListCatalog(db).ensure_bundled()
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--size-rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database", metavar="URL", help="an empty database (default: SQLite)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    with tempfile.TemporaryDirectory(prefix="bench-changes-") as temp:
        folder = Path(temp)
        db = fresh_database(args.database, folder, "runs.db")
        service = ScreeningService(db, user="bench")
        entities = list(service.snapshot().entities.values())
        start = time.perf_counter()
        runs = masters(args.runs, args.rows, entities, args.seed)
        run_ids = [store_run(service, rows, f"plant-{i:03}") for i, rows in enumerate(runs)]
        stored = time.perf_counter() - start
        print(f"stored {len(run_ids)} runs of {args.rows:,} rows in {stored:.1f} s")

        ListCatalog(db).import_pack(rereleased_pack(folder / "pack"))
        newer = ScreeningService(db, user="bench", runtime=service.runtime)
        changes = ChangeService(newer)
        start = time.perf_counter()
        found = changes.changes(run_ids)
        took = time.perf_counter() - start
        count = sum(len(c.changes) for c in found)
        affected = sum(1 for c in found if c.affected)
        print(f"runs changes: {len(found)} runs x {args.rows:,} rows in {took:.2f} s; "
              f"{count} changes found in {affected} runs")  # fmt: skip
        start = time.perf_counter()
        again = changes.rescreen(run_ids[0])
        took = time.perf_counter() - start
        print(f"rescreen of run {run_ids[0]} ({again.rows_screened:,} rows): {took:.2f} s, "
              f"new run {again.run_id}")  # fmt: skip
        db.dispose()

        if args.database:
            print("size: skipped for --database (measure it on a fresh one)")
            return 0
        sized = fresh_database(None, folder, "size.db")
        before, names_before = database_bytes(sized)
        [big] = masters(1, args.size_rows, entities, args.seed + 1)
        store_run(ScreeningService(sized, user="bench", runtime=service.runtime), big, "big")
        after, names_after = database_bytes(sized)
        scale = 100_000 / args.size_rows
        added = (after - before) * scale
        kept = (names_after - names_before) * scale
        print(
            f"stored run per 100k rows: {added / 1e6:.1f} MB added to the database, of them "
            f"{kept / 1e6:.1f} MB kept names (run_names), {added / 100_000:.0f} bytes a row"
        )
        sized.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
