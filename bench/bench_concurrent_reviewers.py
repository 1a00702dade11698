"""Stress bench: 20 reviewers deciding without pause on one PostgreSQL database for 60 s.

    python bench/bench_concurrent_reviewers.py [--database URL] [--reviewers N] [--seconds S]

Each reviewer is a client of its own (an engine and connection, as separate app instances
are) that records decisions on the hits of one stored run as fast as the database lets it.
Without ``--database`` a throwaway PostgreSQL server is started on loopback (the test set-up's).
Prints decisions per second, failures (the target is none) and whether ``audit verify``
passes afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.lists.catalog import ListCatalog  # noqa: E402
from core.paths import sample_suppliers_file  # noqa: E402
from core.review import AuditLog, DecisionService  # noqa: E402
from core.screening import ScreeningRequest  # noqa: E402
from core.services import ScreeningService  # noqa: E402
from core.store.database import Database  # noqa: E402
from tests.support.postgres import ThrowawayPostgres, find_pg_bin  # noqa: E402


def run(url: str, reviewers: int, seconds: float) -> int:
    setup = Database(url)
    ListCatalog(setup).ensure_bundled()
    result = ScreeningService(setup, user="lead").run(
        ScreeningRequest(sample_suppliers_file(), dt.date(2025, 5, 20))
    )
    snapshot = ListCatalog(setup).snapshot()
    assert result.run_id is not None
    hits = result.hits
    done = [0] * reviewers
    failures: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    start = threading.Barrier(reviewers)

    def reviewer(n: int) -> None:
        db = Database(url, migrate=False)
        service = DecisionService(db)
        start.wait()
        k = n
        while time.monotonic() < stop:
            hit = hits[k % len(hits)]
            k += reviewers
            try:
                service.decide(
                    result.run_id or 0, hit.row, hit.entity_id, "escalated", "bench",
                    by=f"reviewer-{n}", sheet=hit.sheet, snapshot=snapshot,
                )  # fmt: skip
                done[n] += 1
            except Exception as err:  # counted and shown, whatever it is
                with lock:
                    failures.append(f"{type(err).__name__}: {err}")
        db.dispose()

    began = time.monotonic()
    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(reviewers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    check = AuditLog(setup).verify()
    setup.dispose()
    total = sum(done)
    print(f"{reviewers} reviewers, {elapsed:.1f} s: {total} decisions stored, "
          f"{total / elapsed:.1f} decisions/s, {len(failures)} failures")  # fmt: skip
    for failure in failures[:5]:
        print("  failure:", failure)
    print(f"audit verify: {'intact' if check.ok else 'BROKEN: ' + check.problem}, "
          f"{check.records} records")  # fmt: skip
    return 0 if not failures and check.ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", metavar="URL", help="an empty PostgreSQL database")
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    if args.database:
        return run(args.database, args.reviewers, args.seconds)
    pg_bin = find_pg_bin()
    if pg_bin is None:
        print("no PostgreSQL server binaries; pass --database URL", file=sys.stderr)
        return 2
    server = ThrowawayPostgres(pg_bin)
    server.start()
    try:
        return run(server.create_database(f"b_{uuid.uuid4().hex[:12]}"), args.reviewers,
                   args.seconds)  # fmt: skip
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
