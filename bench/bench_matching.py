"""Speed and memory of the name matcher on a large synthetic list and supplier file.

    python bench/bench_matching.py [--entities 20000] [--suppliers 100000] [--seed 7]
                                   [--runs 3] [--repeat-share 0] [--prepare] [--profile]
                                   [--tracemalloc]

Target (issue "Screening engine"): on the 2-core reference machine, building the index for a
list of about 50k names (20k entities with aliases) and matching 100k supplier names takes at
most ~3 s together (reading the file takes another ~0.9 s, statuses are cheap: 5 s in all).

The data is generated with a fixed seed and tries to look like the real thing:

* entities: four in five are companies, one in five persons. Companies are named like listed
  Chinese, Japanese, European and American companies: a place ("Shenzhen"), one or two brand
  words (pinyin brands "Huaxing", invented brands "Karonex", ordinary words "Golden Eagle",
  surnames "Hoffmann"), business descriptors from a large pool, structure words, legal
  forms. Aliases: acronyms, the short brand, former names, other spellings of persons; one in
  five has a Chinese name. About 50k names in all.
* supplier names: about 93% are companies that are not listed, built from the same kinds of
  words as real vendor masters (surnames, ordinary business and trade words, places, brands,
  "& Sons", branch suffixes), so they share many words with listed names; 3% share a listed
  brand word (look-alikes); 5% are Chinese company names (深圳市华强电子有限公司) sharing
  characters with listed Chinese names; 2% are listed names as suppliers write them (typos,
  other legal forms, abbreviations "Intl"/"Tech", "&" for "and", upper case, acronyms, the
  Chinese name). ``--repeat-share`` repeats earlier rows (0 by default: every row a new name).

Each run is a fresh process (caches start cold). Prints, per run, the index build and the
matching time, and the best and median of the runs.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.lists.model import Entity  # noqa: E402
from core.matching import EntityMatcher  # noqa: E402

TARGET_SECONDS = 3.0

SYLLABLES = (
    "ka ro ne xi la mo tri ven dor sa qui lo fen zu ber tal gra ion mar tek vio rax nor "
    "sen cor lum pha dyn syn ex ax ol ur an el tor qua zen hal ri vo me bri cal dex fio "
    "gen hun jor kel lin mun nex orb pol quo rud sil tun ulm vex wol yor zil bak cum dru"
).split()
PINYIN = (
    "hua xing zhong guo tian hai long feng da xin kai yuan sheng hong jin fu an tai ming "
    "chang rui heng bao li jia mei cheng de kang shun xiang yu hao wei dong nan bei guang "
    "tong hui yi run qiang zhi sen lian ke ao bo chuang ying jun hang kun lang peng sai"
).split()
WORDS = (
    "Premier Reliable Quality Superior Precision Advanced Allied American Atlantic Pacific "
    "Continental National General United Standard Universal Modern Classic Royal Imperial "
    "First Best Smart Green Blue Red Black White Golden Silver Star Sun Moon Sky Ocean River "
    "Mountain Valley Lake Forest Oak Pine Maple Cedar Eagle Falcon Hawk Lion Tiger Dragon "
    "Phoenix Apex Summit Peak Pinnacle Crown Liberty Freedom Patriot Heritage Legacy Pioneer "
    "Frontier Horizon Vista Meridian Vertex Zenith Nova Stellar Quantum Fusion Dynamic Metro "
    "Urban Coastal Omni Alpha Beta Delta Sigma Omega Prime Elite Express Rapid Swift Direct "
    "Total Complete Creative Bright Clear True Solid Strong Safe Secure Trusted Bay Harbor "
    "Bridge Gateway Keystone Cornerstone Anchor Compass Beacon Lighthouse Orion Atlas Titan "
    "Vector Matrix Arrow Granite Crest Unity Victory Triumph Harmony Evergreen Sunrise "
    "Sunset Rainbow Diamond Crystal Pearl Emerald Sapphire Ruby Jade Lotus Orchid Bamboo"
).split()
TRADES = (
    "Plumbing Electrical Roofing Printing Packaging Catering Cleaning Consulting "
    "Construction Logistics Freight Transport Hardware Supplies Supply Paper Office "
    "Furniture Steel Metals Plastics Rubber Chemicals Paints Coatings Textiles Apparel "
    "Garments Footwear Leather Foods Beverages Dairy Bakery Farms Seeds Fertilizers "
    "Pharmaceuticals Medical Dental Optical Instruments Tools Fasteners Bearings Valves "
    "Pumps Motors Cables Wire Lighting Glass Ceramics Stone Timber Lumber Woodworking "
    "Cabinets Flooring Doors Windows Security Staffing Recruitment Marketing Advertising "
    "Media Publishing Design Architecture Surveying Testing Calibration Inspection "
    "Maintenance Repair Rental Leasing Insurance Finance Capital Investments Realty "
    "Properties Storage Warehousing Shipping Marine Aviation Automotive Parts Tires "
    "Batteries Solar Wind Power Water Gas Oil Petroleum Mining Minerals Recycling Waste "
    "Environmental Diagnostics Biotech Software Computers Networks Telecom Data Cloud Web "
    "Graphics Signs Uniforms Promotional Gifts Toys Sports Outdoor Garden Landscaping Pest "
    "HVAC Refrigeration Heating Cooling Welding Fabrication Machining Casting Forging "
    "Molding Stamping Assembly Electronics Components Semiconductors Sensors Controls "
    "Automation Robotics Scientific Laboratories Education Training Translation Legal "
    "Accounting Audit Travel Hospitality Hotels Events Courier Cargo Containers Pallets "
    "Labels Adhesives Filters Hydraulics Pneumatics Compressors Generators Transformers "
    "Meters Optics Photonics Lasers Displays Fiber Polymers Composites Alloys Castings "
    "Engineering Systems Technologies Solutions Services Manufacturing Trading Products "
    "Equipment Machinery Materials Industries Aerospace Defense Energy Devices Imports"
).split()
STRUCTURE = "Group Holdings International Global Industries Enterprises Worldwide".split()
SURNAMES = (
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Martin Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King "
    "Wright Scott Hill Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips "
    "Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers Morgan Cooper "
    "Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett "
    "Gray Hughes Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan "
    "Fisher Henderson Hamilton Graham Wallace West Cole Hayes Gibson Ellis Marshall Stevens "
    "Murray Ford Wells Porter Hunter Webb Mason Schmidt Müller Schneider Fischer Weber Meyer "
    "Wagner Becker Hoffmann Koch Richter Klein Wolf Neumann Schwarz Zimmermann Braun Krüger "
    "Hofmann Hartmann Lange Werner Krause Lehmann Köhler Rossi Russo Ferrari Esposito "
    "Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa Giordano Dubois "
    "Durand Lefebvre Moreau Laurent Simon Michel Garcia Martinez Lopez Gonzalez Rodriguez "
    "Fernandez Sanchez Perez Gomez Silva Santos Oliveira Pereira Tanaka Suzuki Takahashi "
    "Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Kim Lee Park Choi "
    "Jung Kang Cho Yoon Jang Lim Nguyen Tran Le Pham Hoang Wang Li Zhang Liu Chen Yang Huang "
    "Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Song Tang Han Feng "
    "Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren "
    "Shen Yao Kumar Singh Sharma Patel Gupta Shah Mehta Reddy Rao Iyer Khan Ahmed Ali Hassan "
    "Hussein Ibrahim Mahmoud Mohammed Abdullah Rahman Ivanov Smirnov Kuznetsov Popov Petrov "
    "Sokolov Volkov Novak Kowalski Nowak Wisniewski Horvat Jensen Nielsen Hansen Andersen "
    "Larsen Johansson Karlsson Nilsson Eriksson Olsen Barnes Fleming Doyle Brennan Quinn"
).split()
GIVEN = (
    "James John Robert Michael William David Richard Joseph Thomas Charles Mary Patricia "
    "Jennifer Linda Elizabeth Susan Jessica Sarah Karen Nancy Daniel Matthew Anthony Mark "
    "Paul Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald Timothy Jason "
    "Wei Jun Ming Hua Li Yan Hong Jie Lei Tao Bin Qiang Ping Gang Hui Xin Yong Jian Feng "
    "Hiroshi Takashi Kenji Yuki Akira Satoshi Ahmad Omar Yusuf Hamid Karim Tariq Sergei "
    "Dmitri Alexei Ivan Olga Elena Anna Maria Hans Klaus Jurgen Pierre Jean Luc Marco "
    "Giovanni Carlos Jose Luis Miguel Pedro Rajesh Amit Sanjay Vijay Priya"
).split()
PLACES = (
    "Shenzhen Beijing Shanghai Hangzhou Wuhan Chengdu Tianjin Suzhou Ningbo Xiamen Dongguan "
    "Foshan Qingdao Dalian Nanjing Chongqing Tokyo Osaka Nagoya Seoul Busan Taipei Texas "
    "Ohio California Florida Carolina Georgia Michigan Boston Chicago Dallas Houston Denver "
    "Seattle Atlanta Detroit Toronto Vancouver London Manchester Birmingham Glasgow Dublin "
    "Paris Lyon Berlin Hamburg Munich Frankfurt Stuttgart Bavaria Vienna Zurich Milan Turin "
    "Madrid Barcelona Lisbon Amsterdam Rotterdam Antwerp Copenhagen Stockholm Oslo Warsaw "
    "Prague Budapest Istanbul Dubai Mumbai Delhi Chennai Bangalore Singapore Jakarta Manila "
    "Bangkok Hanoi Sydney Melbourne Auckland Johannesburg Monterrey Guadalajara"
).split()
LEGAL = [
    "Inc.", "Inc", "Corp.", "Corporation", "Co., Ltd.", "Co Ltd", "Ltd", "Ltd.", "Limited",
    "LLC", "L.L.C.", "GmbH", "AG", "S.A.", "S.r.l.", "B.V.", "PLC", "Pty Ltd", "Pte. Ltd.",
    "s.r.o.", "Sp. z o.o.", "K.K.", "Company", "LP", "",
]  # fmt: skip
ABBREVIATE = {
    "International": "Intl", "Technology": "Tech", "Technologies": "Tech",
    "Manufacturing": "Mfg", "Corporation": "Corp", "Company": "Co", "Engineering": "Eng",
    "Systems": "Sys", "Group": "Grp", "Holdings": "Hldgs", "Laboratories": "Labs",
}  # fmt: skip
CJK_PLACES = (
    "深圳市 上海 北京 广州 杭州 苏州 宁波 东莞 佛山 青岛 天津 武汉 成都 重庆 南京 厦门 "
    "无锡 常州 温州 义乌 西安 沈阳 大连 长沙 合肥 郑州 济南 福州 昆明 哈尔滨"
).split()
# Characters of Chinese brand names, most popular first (picked with Zipf-like weights).
CJK_BRAND = "".join(
    dict.fromkeys(
        "华中国新金宏达兴盛恒泰鑫源天海龙丰大凯宝利嘉美诚德康顺祥宇豪伟东南北光通汇益润强智森联"
        "科奥博创英俊航坤朗鹏赛晶锐迅捷远永佳荣隆瀚翔长江山川星月阳明辉煌立信安全力合和平福贵富"
        "瑞吉春秋亚欧万千百方圆正同协众友邦家园林木水火土石云风雷电声音图文书画影视乐鸿鹰飞腾跃"
        "进展开拓发成功胜优质精工品标准先锋领卓越超凡尚逸致景界前沿尖端高峰顶巅夏神州九环乾坤仁"
        "义礼忠廉勤俭谦慧敏灵巧雅清复旦济浙蓝红绿紫橙青白黑银铜铁钢玉翠珠宁静乐欣怡悦喜庆祯祺禧"
        "柏松竹梅兰菊桂荷莲桃李杏枫桐楠樟杉泉溪湖港湾洋涛波浪潮汐岛屿峡谷原野田禾稻麦粮丰收谷"
    )
)
CJK_WEIGHTS = [1.0 / (rank + 1) ** 0.8 for rank in range(len(CJK_BRAND))]
CJK_TRADES = (
    "电子 科技 机械 贸易 实业 五金 塑胶 纺织 服装 化工 材料 照明 包装 印刷 物流 食品 "
    "医疗器械 汽车配件 模具 精密 自动化 光电 新能源 建材 钢铁 电气 通信 软件 信息技术 "
    "进出口 航空 防务 船舶 研究所 电子科技 微电子 半导体 仪器 光学 动力 重工 装备"
).split()
CJK_SUFFIX = ["有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "公司", "厂", "株式会社"]


def pinyin_brand(rng: random.Random) -> str:
    return "".join(rng.choice(PINYIN) for _ in range(2)).capitalize()


def invented_brand(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def surname(rng: random.Random) -> str:
    """A family name: a common one, or one of the many rarer ones (made up)."""
    if rng.random() < 0.5:
        return rng.choice(SURNAMES)
    ending = rng.choice(("son", "er", "mann", "ini", "ez", "ov", "ski", "ley", "ton", "berg"))
    return (rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + ending).capitalize()


def brand_words(rng: random.Random) -> list[str]:
    """One or two words that make a company name its own."""
    kind = rng.random()
    if kind < 0.35:
        return [pinyin_brand(rng)]
    if kind < 0.65:
        return [invented_brand(rng)]
    if kind < 0.85:
        return rng.sample(WORDS, rng.choice((1, 2)))
    return [surname(rng)] + ([surname(rng)] if rng.random() < 0.3 else [])


def listed_company(rng: random.Random) -> str:
    parts = []
    if rng.random() < 0.3:
        parts.append(rng.choice(PLACES))
    parts.extend(brand_words(rng))
    parts.extend(rng.sample(TRADES, rng.choice((0, 1, 1, 2))))
    if rng.random() < 0.25:
        parts.append(rng.choice(STRUCTURE))
    legal = rng.choice(LEGAL)
    return " ".join(parts) + (f" {legal}" if legal else "")


def person(rng: random.Random) -> tuple[str, list[str]]:
    given, family = rng.choice(GIVEN), surname(rng)
    middle = f" {rng.choice(GIVEN)}" if rng.random() < 0.3 else ""
    name = f"{given}{middle} {family}"
    aliases = []
    if rng.random() < 0.6:
        aliases.append(f"{family.upper()} {given}")
    if rng.random() < 0.3:
        aliases.append(f"{given[:-1] + 'y' if len(given) > 4 else given + 'e'} {family}")
    return name, aliases


def chinese_company(rng: random.Random) -> str:
    place = rng.choice(CJK_PLACES) if rng.random() < 0.6 else ""
    brand = "".join(rng.choices(CJK_BRAND, CJK_WEIGHTS, k=rng.randint(2, 3)))
    return place + brand + rng.choice(CJK_TRADES) + rng.choice(CJK_SUFFIX)


def make_entities(n: int, rng: random.Random) -> list[Entity]:
    entities = []
    for i in range(n):
        if rng.random() < 0.2:
            name, aliases = person(rng)
            entities.append(Entity(f"e{i}", name, "", tuple(aliases), kind="person"))
            continue
        name = listed_company(rng)
        aliases = []
        words = [w for w in name.split() if w[0].isupper() and w not in LEGAL]
        if len(words) >= 3 and rng.random() < 0.5:
            aliases.append("".join(w[0] for w in words).upper())
        own = [w for w in words if w not in PLACES and w not in TRADES and w not in STRUCTURE]
        if own and rng.random() < 0.5:  # the brand alone ("Hikvision"), if it is one
            short = " ".join(own[:2]) if own[0] in WORDS else own[0]
            alone = len(short.split()) < len(words)
            aliases.append(short if alone else f"{short} {rng.choice(TRADES)}")
        if rng.random() < 0.5:
            aliases.append(listed_company(rng))  # a former name
        name_zh = chinese_company(rng) if rng.random() < 0.25 else ""
        entities.append(Entity(f"e{i}", name, name_zh, tuple(dict.fromkeys(aliases))))
    return entities


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.random()
    if kind < 0.4:
        return word[:i] + word[i + 1 :]
    if kind < 0.7:
        return word[:i] + rng.choice("aeiou") + word[i:]
    return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]  # swap neighbours


def listed_variant(entity: Entity, rng: random.Random) -> str:
    """A listed name as a supplier file might write it."""
    if entity.name_zh and rng.random() < 0.15:
        return entity.name_zh
    name = rng.choice(entity.names()) if rng.random() < 0.3 else entity.name_en
    if not name.isascii():
        return name
    words = name.split()
    kind = rng.random()
    if kind < 0.25:
        j = max(range(len(words)), key=lambda k: len(words[k]))
        words[j] = typo(words[j], rng)
    elif kind < 0.5:
        words = [w for w in words if w.rstrip(".,") not in {x.rstrip(".,") for x in LEGAL}]
        words.append(rng.choice(LEGAL))
    elif kind < 0.6:
        words = [ABBREVIATE.get(w.rstrip(","), w) for w in words]
    elif kind < 0.7:
        words = ["&" if w == "and" else ("and" if w == "&" else w) for w in words]
    elif kind < 0.85:
        return name.upper().replace(",", "").replace(".", "")
    return " ".join(w for w in words if w)


def other_company(rng: random.Random, listed_brands: list[str]) -> str:
    """A company that is not listed, named like the ones in vendor masters."""
    kind = rng.random()
    legal = rng.choice(LEGAL)
    if kind < 0.2:
        name = f"{surname(rng)} {rng.choice(TRADES)}"
        if rng.random() < 0.3:
            name += f" {rng.choice(TRADES)}"
    elif kind < 0.3:
        name = rng.choice(
            (
                f"{surname(rng)} & Sons",
                f"{surname(rng)} & {surname(rng)}",
                f"{surname(rng)} Brothers {rng.choice(TRADES)}",
            )
        )
    elif kind < 0.45:
        name = " ".join(rng.sample(WORDS, rng.choice((1, 1, 2))) + rng.sample(TRADES, 1))
        if rng.random() < 0.4:
            name += f" {rng.choice(TRADES)}"
    elif kind < 0.6:
        name = f"{rng.choice(PLACES)} {rng.choice(WORDS + SURNAMES)} {rng.choice(TRADES)}"
    elif kind < 0.85:
        brand = pinyin_brand(rng) if rng.random() < 0.5 else invented_brand(rng)
        place = f"{rng.choice(PLACES)} " if rng.random() < 0.4 else ""
        name = f"{place}{brand} {' '.join(rng.sample(TRADES, rng.choice((1, 2))))}"
    elif kind < 0.9:
        name = f"{rng.choice(GIVEN)} {surname(rng)}"  # sole traders
        legal = ""
    elif kind < 0.97:
        name = f"{rng.choice(listed_brands)} {rng.choice(TRADES)}"  # shares a listed brand
    else:
        name = f"{rng.choice(WORDS)} {rng.choice(TRADES)} ({rng.choice(PLACES)})"
    if rng.random() < 0.25:
        name += f" {rng.choice(STRUCTURE)}"
    if rng.random() < 0.03:
        name += f" - Branch {rng.randint(2, 40)}"
    return f"{name} {legal}".strip()


def make_suppliers(
    n: int, rng: random.Random, entities: list[Entity], repeat_share: float
) -> tuple[list[str], list[str]]:
    listed_brands = sorted(
        {e.name_en.split()[0] for e in entities if e.kind != "person"} - set(PLACES)
    )
    names: list[str] = []
    expected: list[str] = []
    for _ in range(n):
        roll = rng.random()
        if names and rng.random() < repeat_share:
            k = rng.randrange(len(names))
            names.append(names[k])
            expected.append(expected[k])
        elif roll < 0.02:
            entity = rng.choice(entities)
            names.append(listed_variant(entity, rng))
            expected.append(entity.entity_id)
        elif roll < 0.07:
            names.append(chinese_company(rng))
            expected.append("")
        else:
            names.append(other_company(rng, listed_brands))
            expected.append("")
    return names, expected


def run_once(args: argparse.Namespace) -> dict[str, float]:
    rng = random.Random(args.seed)
    entities = make_entities(args.entities, rng)
    suppliers, expected = make_suppliers(args.suppliers, rng, entities, args.repeat_share)
    name_count = sum(len(e.names()) for e in entities)
    distinct = len(set(suppliers))
    print(
        f"{len(entities)} entities, {name_count} names; {len(suppliers)} supplier names "
        f"({distinct} distinct)"
    )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if args.tracemalloc:
        tracemalloc.start()

    start = time.perf_counter()
    matcher = EntityMatcher(entities)
    build = time.perf_counter() - start

    profiler = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    if profiler:
        profiler.enable()
    if args.prepare:  # as the screening engine does: the distinct names in batches first
        for start_at in range(0, len(suppliers), 4000):
            matcher.prepare(suppliers[start_at : start_at + 4000])
    results = [matcher.match(name) for name in suppliers]
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - start

    listed = [(r, e) for r, e in zip(results, expected, strict=True) if e]
    found = sum(1 for r, e in listed if any(h.entity_id == e for h in r))
    other_hits = sum(1 for r, e in zip(results, expected, strict=True) if r and not e)
    print(
        f"index build {build:.2f} s, matching {elapsed:.2f} s "
        f"({elapsed / len(suppliers) * 1e6:.1f} us/name), together {build + elapsed:.2f} s; "
        f"listed variants found {found}/{len(listed)}, other rows with hits {other_hits}"
    )
    if args.tracemalloc:
        _, peak = tracemalloc.get_traced_memory()
        print(f"peak traced Python memory: {peak / 2**20:.0f} MiB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {rss / 1024:.0f} MiB (before index: {rss_before / 1024:.0f} MiB)")
    if profiler:
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    return {"build": build, "match": elapsed, "total": build + elapsed}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--suppliers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="fresh processes to time")
    parser.add_argument("--repeat-share", type=float, default=0.0, help="share of repeated rows")
    parser.add_argument("--profile", action="store_true", help="cProfile the matching loop")
    parser.add_argument(
        "--prepare", action="store_true", help="match in batches (EntityMatcher.prepare) first"
    )
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runs <= 1 or args.profile or args.tracemalloc:
        timings = run_once(args)
        if args.json:
            print("JSON " + json.dumps(timings))
        return 0
    runs = []
    child = [sys.executable, __file__, "--runs", "1", "--json", *_passed_on(args)]
    for _ in range(args.runs):
        out = subprocess.run(child, check=True, capture_output=True, text=True).stdout
        print("\n".join(line for line in out.splitlines() if not line.startswith("JSON ")))
        runs.append(json.loads(out.split("JSON ", 1)[1]))
    for key in ("build", "match", "total"):
        values = [r[key] for r in runs]
        print(f"{key}: best {min(values):.2f} s, median {statistics.median(values):.2f} s")
    median = statistics.median(r["total"] for r in runs)
    verdict = "OK" if median <= TARGET_SECONDS else "TOO SLOW"
    print(f"build + match median {median:.2f} s (target <= {TARGET_SECONDS:g} s) {verdict}")
    return 0


def _passed_on(args: argparse.Namespace) -> list[str]:
    return [
        f"--entities={args.entities}",
        f"--suppliers={args.suppliers}",
        f"--seed={args.seed}",
        f"--repeat-share={args.repeat_share}",
        *(["--prepare"] if args.prepare else []),
    ]


if __name__ == "__main__":
    sys.exit(main())
