"""Speed and memory of the name matcher on a large synthetic list and supplier file.

    python bench/bench_matching.py [--entities 20000] [--suppliers 100000] [--seed 7]
                                   [--profile] [--tracemalloc]

Generates, with a fixed seed, entities with aliases (about 50k names: company names built from
place, brand, descriptor and structure words and legal forms; acronyms, short brand aliases,
former names, Chinese names for one in ten) and supplier names (about 98% not listed, built
from the same kinds of words; about 2% listed names with a typo, another legal form, other
case or punctuation; one in ten of the others shares a brand word with a listed name, all
share common words). Times the index
build and matching, and reports peak memory (ru_maxrss; --tracemalloc for Python allocations,
slower). Target: 100k supplier names matched in at most ~3 s on the 2-core reference machine.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.lists.model import Entity
from core.matching import EntityMatcher

SYLLABLES = (
    "ka ro ne xi la mo tri ven dor sa qui lo fen zu ber tal gra ion mar tek vio rax nor "
    "sen cor lum pha dyn syn ex ax ol ur an el tor qua zen hal ri vo me bri cal dex fio "
    "gen hun jor kel lin mun nex orb pol quo rud sil tun ulm vex wol yor zil bak cum dru"
).split()
COMMON = (
    "Apex Summit Pioneer Eagle Falcon Atlas Orion Vector Crown Pacific Liberty Keystone "
    "Meridian Harbor Granite Silver Golden Blue Red Green Star Sun Delta Alpha Beacon Bridge "
    "Cedar Crest Frontier Horizon Legacy Matrix Nova Phoenix Prime Quantum Sierra Titan "
    "Unity Vertex Zenith Anchor Arrow Compass Coastal Northern Royal Rapid Clear Bright"
).split()
PLACES = (
    "Shenzhen Beijing Shanghai Hangzhou Wuhan Chengdu Tianjin Suzhou Ningbo Xiamen Tokyo "
    "Osaka Texas Ohio Bavaria Lyon Milan Ontario Dalian Qingdao"
).split()
DESCRIPTORS = (
    "Technology Technologies Systems Electronics Engineering Aerospace Defense Energy "
    "Materials Robotics Software Solutions Services Manufacturing Logistics Semiconductor "
    "Optical Photonics Marine Shipping Chemical Biotech Medical Automotive Instruments "
    "Precision Machinery Networks Communications Devices Components Foods Textiles Trading"
).split()
STRUCTURE = "Group Holdings International Global Industries Enterprises Worldwide".split()
LEGAL = [
    "Inc.", "Inc", "Corp.", "Corporation", "Co., Ltd.", "Co Ltd", "Ltd", "Limited", "LLC",
    "GmbH", "AG", "S.A.", "B.V.", "PLC", "Pty Ltd", "",
]  # fmt: skip
CJK = "华为中科技电子信息网络系统工程航空天海洋能源材料机械精密光学通信数据智能自动化安全"
CJK += "东南西北京上广深杭苏宁武成都重庆天津大连青岛厦门长沙合肥西安沈阳哈尔滨昆明南宁"
CJK_SUFFIX = ["公司", "有限公司", "股份有限公司", "集团有限公司", "株式会社"]


def brand(rng: random.Random) -> str:
    if rng.random() < 0.05:  # about 1000 listed names use each common word
        return rng.choice(COMMON)
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def company(rng: random.Random, brands: list[str]) -> str:
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(PLACES))
    parts.append(rng.choice(brands))
    if rng.random() < 0.3:
        parts.append(rng.choice(brands))
    parts.extend(rng.sample(DESCRIPTORS, rng.choice((0, 1, 1, 2))))
    if rng.random() < 0.3:
        parts.append(rng.choice(STRUCTURE))
    legal = rng.choice(LEGAL)
    return " ".join(parts) + (f" {legal}" if legal else "")


def chinese(rng: random.Random) -> str:
    return "".join(rng.choice(CJK) for _ in range(rng.randint(3, 7))) + rng.choice(CJK_SUFFIX)


def make_entities(n: int, rng: random.Random, brands: list[str]) -> list[Entity]:
    entities = []
    for i in range(n):
        name = company(rng, brands)
        aliases: list[str] = []
        words = [w for w in name.split() if w[0].isupper() and w not in LEGAL]
        if len(words) >= 3 and rng.random() < 0.5:
            aliases.append("".join(w[0] for w in words).upper())
        if rng.random() < 0.4:
            aliases.append(words[0] if len(words) > 1 else f"{words[0]} {rng.choice(DESCRIPTORS)}")
        if rng.random() < 0.3:
            aliases.append(company(rng, brands))
        name_zh = chinese(rng) if rng.random() < 0.1 else ""
        entities.append(Entity(f"e{i}", name, name_zh, tuple(dict.fromkeys(aliases))))
    return entities


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + "e" + word[i:]


def listed_variant(entity: Entity, rng: random.Random) -> str:
    words = entity.name_en.split()
    kind = rng.random()
    if kind < 0.3:
        j = max(range(len(words)), key=lambda k: len(words[k]))
        words[j] = typo(words[j], rng)
    elif kind < 0.6:
        words = [w for w in words if w.rstrip(".,") not in {x.rstrip(".,") for x in LEGAL}]
        words.append(rng.choice(LEGAL))
    elif kind < 0.8:
        return entity.name_en.upper().replace(",", "").replace(".", "")
    return " ".join(words)


def make_suppliers(
    n: int, rng: random.Random, entities: list[Entity], brands: list[str], others: list[str]
) -> tuple[list[str], list[str]]:
    names, expected = [], []
    for _ in range(n):
        if rng.random() < 0.02:
            entity = rng.choice(entities)
            names.append(listed_variant(entity, rng))
            expected.append(entity.entity_id)
        elif rng.random() < 0.05:
            names.append(chinese(rng))
            expected.append("")
        else:
            # One in ten shares a brand word with a listed name (look-alikes); all share the
            # common, place, descriptor and structure words.
            names.append(company(rng, brands if rng.random() < 0.1 else others))
            expected.append("")
    return names, expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--suppliers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="cProfile the matching loop")
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    brands = sorted({brand(rng) for _ in range(args.entities)})
    others = sorted({brand(rng) for _ in range(args.entities)} - set(brands))
    entities = make_entities(args.entities, rng, brands)
    suppliers, expected = make_suppliers(args.suppliers, rng, entities, brands, others)
    name_count = sum(len(e.names()) for e in entities)
    print(f"{len(entities)} entities, {name_count} names; {len(suppliers)} supplier names")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if args.tracemalloc:
        tracemalloc.start()

    start = time.perf_counter()
    matcher = EntityMatcher(entities)
    build = time.perf_counter() - start
    print(f"index build: {build:.2f} s")

    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    results = [matcher.match(name) for name in suppliers]
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start

    listed = [(r, e) for r, e in zip(results, expected, strict=True) if e]
    found = sum(1 for r, e in listed if any(h.entity_id == e for h in r))
    hit_rows = sum(1 for r in results if r)
    print(
        f"matching: {elapsed:.2f} s ({elapsed / len(suppliers) * 1e6:.1f} us/name), "
        f"{hit_rows} rows with hits; listed variants found {found}/{len(listed)}"
    )
    if args.tracemalloc:
        _, peak = tracemalloc.get_traced_memory()
        print(f"peak traced Python memory: {peak / 2**20:.0f} MiB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {rss / 1024:.0f} MiB (before index: {rss_before / 1024:.0f} MiB)")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
