"""Benchmark: importing large list files. Targets: a 500,000-name own list and a 100 MB
OpenSanctions-style targets.simple.csv each import (read + store) in under 5 minutes with under
4 GiB peak memory (the import is one transaction, so the whole release is held once in
memory). The name index built after it (matching's, not the import's) is timed and its peak
shown apart.

    /work/main/.venv/bin/python bench/bench_list_import.py [--names N] [--os-mb MB] [--skip-index]

Files are generated with a fixed seed into bench/out/ (git ignores it). Each case runs in a
child process so its peak memory (ru_maxrss) is its own; prints read, store and name-index
times, and the peak.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
TARGET_SECONDS = 300.0
TARGET_PEAK_MIB = 4096
WORDS = ("Alpha Beta Gamma Delta Orion Vega Nova Polar Sigma Terra Apex Zenith Harbor Ridge "
         "Summit Pacific Atlas Crown Falcon Meridian").split()  # fmt: skip
FORMS = ("Ltd", "LLC", "GmbH", "Co., Ltd.", "Inc.", "S.A.", "有限公司")


def _name(rng: random.Random, i: int) -> str:
    return f"{' '.join(rng.sample(WORDS, 3))} {i} {rng.choice(FORMS)}"


def own_list(path: Path, names: int) -> Path:
    if path.exists():
        return path
    rng = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Company Name", "Aliases", "Country", "Listed"])
        for i in range(names):
            writer.writerow([_name(rng, i), f"{rng.choice(WORDS)} {i}", "CN", "2026-01-15"])
    return path


def opensanctions(path: Path, megabytes: int) -> Path:
    if path.exists():
        return path
    from tests.core.lists.list_files import OS_COLUMNS

    rng = random.Random(11)
    limit = megabytes << 20
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(OS_COLUMNS)
        i = 0
        while handle.tell() < limit:
            schema = rng.choice(("Company", "Company", "Person", "Vessel"))
            aliases = ";".join(_name(rng, i * 10 + k) for k in range(rng.randint(0, 4)))
            writer.writerow([f"NK-{i:08d}", schema, _name(rng, i), aliases, "", "ru",
                             "Street 1, Moscow", "", "Program - sanction text " * 3, "", "",
                             "", rng.choice(("US OFAC SDN", "EU FSF", "UK HMT")),
                             "2022-01-01T00:00:00", "2026-11-30T00:00:00",
                             "2026-11-30T00:00:00"])  # fmt: skip
            i += 1
    return path


def _peak_mib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def run_case(path: str, fmt: str, index: bool) -> None:
    """In the child: import ``path`` into a fresh SQLite database, print one JSON line."""
    from core.lists.catalog import ImportOrigin, ListCatalog
    from core.lists.sources import OwnListOptions, read_list_file
    from core.services import CoreServices

    with tempfile.TemporaryDirectory() as tmp:
        services = CoreServices(f"sqlite:///{tmp}/bench.db")
        own = OwnListOptions("bench-own", "Bench own list") if fmt == "csv" else None
        started = time.perf_counter()
        pack, fmt = read_list_file(Path(path), fmt, own=own)
        read_s = time.perf_counter() - started
        started = time.perf_counter()
        ListCatalog(services.db).import_release(pack, ImportOrigin(kind=fmt, source=path))
        store_s = time.perf_counter() - started
        import_peak = _peak_mib()  # ru_maxrss only grows: this is the import's own peak
        services.lists_changed()
        started = time.perf_counter()
        names = services.screening().prepare_index() if index else 0
        index_s = time.perf_counter() - started
        services.close()
    print(json.dumps({"entities": len(pack.entities), "read_s": read_s, "store_s": store_s,
                      "index_s": index_s, "names": names, "peak_mib": import_peak,
                      "index_peak_mib": _peak_mib()}))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=500_000)
    parser.add_argument("--os-mb", type=int, default=100)
    parser.add_argument(
        "--skip-index", action="store_true", help="measure the import only (no name index)"
    )
    parser.add_argument(
        "--case", nargs=3, metavar=("PATH", "FORMAT", "INDEX"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.case:
        run_case(args.case[0], args.case[1], args.case[2] == "1")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    cases = [
        (own_list(OUT / f"own-{args.names}.csv", args.names), "csv"),
        (opensanctions(OUT / f"opensanctions-{args.os_mb}mb.csv", args.os_mb), "opensanctions"),
    ]
    ok = True
    for path, fmt in cases:
        size = path.stat().st_size / (1 << 20)
        done = subprocess.run(
            [sys.executable, __file__, "--case", str(path), fmt, "0" if args.skip_index else "1"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            print(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
            return 1
        r = json.loads(done.stdout.strip().splitlines()[-1])
        total = r["read_s"] + r["store_s"]
        good = total < TARGET_SECONDS and r["peak_mib"] < TARGET_PEAK_MIB
        ok &= good
        print(f"{path.name} ({size:.0f} MB, {r['entities']:,} parties): read {r['read_s']:.1f} s, "
              f"store {r['store_s']:.1f} s, import peak {r['peak_mib']:,} MiB; name index "
              f"{r['index_s']:.1f} s ({r['names']:,} names), peak with the index "
              f"{r['index_peak_mib']:,} MiB [{'ok' if good else 'over target'}]")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
