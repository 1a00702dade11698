"""Word tables of company names: legal forms, stop words, abbreviations, generic business
words and Chinese/Japanese legal forms.

Below the packages that use them: the matcher's normalization and weighting, and the column
detection of supplier files (a column of names is one full of legal forms).

The tables are written in plain (raw) spelling; ``normalize`` turns them into the same
normalized tokens it produces for names, so a table entry and a name always agree.
"""

from __future__ import annotations

# Legal forms that are never part of a company's own name, wherever they stand.
LEGAL_FORMS_ANYWHERE: dict[str, str] = {
    "inc": "inc", "incorporated": "inc", "corp": "corp", "corporation": "corp",
    "co": "co", "company": "co", "ltd": "ltd", "limited": "ltd", "llc": "llc",
    "llp": "llp", "lllp": "llp", "plc": "plc", "gmbh": "gmbh", "mbh": "gmbh",
    "pty": "pty", "pte": "pte", "pvt": "pvt", "sarl": "sarl", "srl": "srl", "sro": "sro",
    "spol": "sro", "kgaa": "kgaa", "oyj": "oy", "ltda": "ltda", "pjsc": "pjsc", "jsc": "jsc",
    "ojsc": "ojsc", "cjsc": "cjsc", "bhd": "bhd", "sdn": "bhd", "tbk": "tbk", "gesmbh": "gmbh",
}  # fmt: skip
# The Russian/CIS forms' classes are those of their English compare forms: ООО/OOO = LLC,
# АО/AO = JSC, ПАО/PAO = PJSC, ОАО/OAO = OJSC, ЗАО/ZAO = CJSC (Cyrillic is transliterated
# first). More forms of every jurisdiction come from core/matching/data/legal_forms.tsv.

# Short legal forms that can also be ordinary words or initials ("AS", "SE", "SA", "AB"):
# stripped only at the start or the end of a name.
LEGAL_FORMS_AT_EDGES: dict[str, str] = {
    "ag": "ag", "se": "se", "sa": "sa", "sas": "sa", "spa": "spa", "bv": "bv", "nv": "nv",
    "as": "as", "ab": "ab", "asa": "as", "oy": "oy", "kk": "kk", "kg": "kg", "lp": "lp",
    "sl": "sl", "slu": "sl", "uab": "uab", "ooo": "llc", "zao": "cjsc", "oao": "ojsc",
    "ao": "jsc", "pao": "pjsc", "sp": "sp", "zoo": "sp", "zo": "sp", "oo": "sp", "o": "sp",
    "z": "sp", "gk": "kk", "yk": "kk", "cv": "cv", "sab": "sa", "partnership": "lp",
    "private": "pvt", "pt": "pt", "doo": "sro", "ehf": "as", "aps": "as", "sae": "sa",
    "kft": "kft", "zrt": "kft", "nyrt": "kft", "ltee": "ltd", "ug": "ug", "ek": "ek",
    "hb": "hb", "kb": "kb", "ca": "sa", "sac": "sa", "ep": "ep", "lda": "ltda", "sti": "ltd",
    "spj": "sp",
}  # fmt: skip

STOP_WORDS: frozenset[str] = frozenset(
    "and of the for by de des du la le les del der den und et y a an in at on no".split()
)

# Name particles: part of a name when they stand before a name word at its start ("De La
# Rue", "van der Bilt"), else stop words or plain words ("Banco de Chile"); the leading ones
# never mean "of" and are part of the name wherever they stand ("Saudi Bin Laden Group").
# A particle glued to its name word is one word (core.matching.name_words).
NAME_PARTICLES: frozenset[str] = frozenset(
    "de der den des del della la le les du da di dos das".split()
)
LEADING_PARTICLES: frozenset[str] = frozenset("van von al el bin ibn abu bint".split())

# Words that say "number" before one ("Institute Number 5", "Werk Nr. 3"): dropped there,
# like "No.", which is a stop word anyway.
NUMBER_MARKS: frozenset[str] = frozenset("number nr num nummer numero".split())

# Numbers written as words, read as their digits (core.matching.name_words).
NUMBER_WORDS: dict[str, int] = (
    {
        word: value
        for value, word in enumerate(
            """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen""".split(),
            start=1,
        )
    }
    | {
        word: 10 * value
        for value, word in enumerate(
            "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2
        )
    }
    | {"hundred": 100}
)
ORDINAL_WORDS: dict[str, int] = (
    {
        word: value
        for value, word in enumerate(
            """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth""".split(),
            start=1,
        )
    }
    | {
        word: 10 * value
        for value, word in enumerate(
            "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(),
            2,
        )
    }
    | {"hundredth": 100}
)

# Abbreviations written in supplier files, mapped to the full (singular) word.
ABBREVIATIONS: dict[str, str] = {
    "intl": "international", "int'l": "international", "internat": "international",
    "tech": "technology", "techn": "technology", "technol": "technology",
    "mfg": "manufacturing", "mfrs": "manufacturing", "manuf": "manufacturing",
    "sys": "system", "syst": "system", "grp": "group", "hldg": "holding", "hldgs": "holding",
    "natl": "national", "svc": "service", "svcs": "service", "srvcs": "service",
    "eng": "engineering", "engg": "engineering", "engr": "engineering", "engrg": "engineering",
    "elec": "electronic", "electr": "electronic", "assoc": "association", "assn": "association",
    "bros": "brother", "hi": "high", "ctr": "center", "cntr": "center", "centre": "center",
    "lab": "laboratory", "labs": "laboratory", "defence": "defense", "mgmt": "management",
    "comm": "communication", "comms": "communication", "commun": "communication",
    "info": "information", "dev": "development", "chem": "chemical", "pharma": "pharmaceutical",
    "sci": "science", "univ": "university", "inst": "institute", "equip": "equipment",
    "inds": "industry", "aerosp": "aerospace", "us": "usa", "amer": "america",
}  # fmt: skip

# Words that say how a company is organised or where, not which company it is. They weigh
# least: "Huntington Ingalls" is Huntington Ingalls Industries.
STRUCTURE_WORDS: frozenset[str] = frozenset(
    """
    group holdings holding international global worldwide world industries industry
    industrial enterprises enterprise united new north south east west northern southern
    eastern western central asia asian pacific europe european africa african partners
    associates national subsidiary branch division
    unit office operations
    """.split()
)

# Words that describe a line of business in general terms. They weigh little, so adding one
# barely changes a score ("Unitree Robotics" ~ "Unitree"), but a little more than structure
# words, since a listed unit is often its parent plus such a word ("Mitsui Bussan
# Aerospace"). Words naming a *different* specific line of business than a listed party's
# (brewing, media, bank, consulting, simulators ...) are deliberately NOT here: such an extra
# word means another company and must cost as much as a name word.
DESCRIPTOR_WORDS: frozenset[str] = frozenset(
    """
    systems system technologies technology aerospace defense energy electronics electronic
    electric electrical services service solutions solution manufacturing engineering science
    sciences scientific research development trading trade products product equipment
    machinery materials material communications communication network networks
    telecommunications telecommunication software digital information intelligent smart
    robotics automation innovation innovations innovative advanced integrated technical
    institute laboratory laboratories center factory works plant agency high
    """.split()
)
GENERIC_WORDS: frozenset[str] = STRUCTURE_WORDS | DESCRIPTOR_WORDS

# Country and region words: they tell where a company is rather than which one it is, but
# between otherwise equal names they separate subsidiaries ("Kiekert USA" vs "Kiekert AG"):
# they weigh more than generic words and less than distinctive ones. Filled from countries.py.
GEO_WEIGHT = 0.5
STRUCTURE_WEIGHT = 0.15
DESCRIPTOR_WEIGHT = 0.25

# Provinces and large cities, mainly of China, Japan, Korea and Taiwan. Chinese company names
# start with their place of registration ("Hangzhou Hikvision Digital Technology"), which
# supplier files often drop: a place name (or a country name) standing first in a name
# weighs as little as a structure word. Elsewhere it keeps its weight, since it may be what
# tells a subsidiary from its parent ("SMIC Beijing").
PLACE_WORDS: frozenset[str] = frozenset(
    """
    beijing shanghai tianjin chongqing shenzhen guangzhou guangdong hangzhou zhejiang jiangsu
    nanjing wuhan hubei chengdu sichuan xian shaanxi shanxi shenyang liaoning dalian harbin
    heilongjiang jilin changchun qingdao shandong jinan xiamen fujian fuzhou hefei anhui
    changsha hunan zhengzhou henan kunming yunnan guiyang guizhou nanning guangxi hainan
    haikou lanzhou gansu xinjiang urumqi ningxia hebei shijiazhuang taiyuan suzhou wuxi
    ningbo dongguan foshan zhuhai jiangxi nanchang hongkong macau macao taipei kaohsiung
    taichung hsinchu tokyo osaka kyoto nagoya yokohama kobe seoul busan incheon singapore
    """.split()
)

# Chinese and Japanese legal forms, longest first; stripped repeatedly from the end, in their
# Simplified form (names are folded to it first, so 有限責任公司 and 株式會社 are stripped too).
CJK_LEGAL_SUFFIXES: tuple[str, ...] = (
    "集团股份有限公司", "集团有限责任公司", "控股股份有限公司", "控股有限责任公司",
    "集团有限公司", "控股有限公司", "股份有限公司", "有限责任公司", "ホールディングス",
    "股份公司", "有限公司", "株式会社", "有限会社", "合同会社", "控股集团", "分公司", "总公司",
    "公司", "会社", "集团", "控股",
)  # fmt: skip
CJK_LEGAL_PREFIXES: tuple[str, ...] = ("株式会社", "有限会社")
# What a bracket in a CJK name may hold and still be a legal form: "(集团)", "(控股)", "(株)"
# (regions such as "(中国)", "(香港)" are the CJK region words of countries.py).
CJK_BRACKET_FORMS: frozenset[str] = frozenset(
    ["集团", "控股", "股份", "株", "有", "有限", "有限公司", "分公司"]
)

# Chinese words of business in general terms (Simplified: names are folded first). The lists
# print foreign companies in Chinese by meaning as often as by sound ("顶峰科技公司" for
# Summit Technologies): such a rendering, once these words are gone, has at most two
# characters of its own left, and a Chinese company may well carry the same words.
CJK_GENERIC_WORDS: tuple[str, ...] = tuple(
    sorted(
        """
        科技 技术 系统 工业 电子 航空 航天 国际 实业 能源 动力 智能 信息 网络 通信 通讯 软件 数字
        材料 机械 设备 制造 工程 研究 研究所 研究院 中心 解决方案 服务 贸易 防务 国防 安全 光电
        精密 先进 创新 环球 全球 联合 发展 导弹 武器 传感 半导体 微电子 电气 机电 自动化 控制
        产品 设计 咨询 管理 投资 资本 航电 无人机 飞机 生物 医药 化学 化工 仪器 仪表 电力 汽车
        通用 集成 电路 光学 激光 雷达 卫星 空间 海洋 船舶 动力 综合 应用 开发 实验室 任务 作战
        美国 美利坚 北美 与 和 及 之
        """.split(),
        key=len,
        reverse=True,
    )
)

# What says "this cell is a company name" when the name column is guessed from the cell
# contents (core.spreadsheets.columns). The words come from the tables above (a test checks
# it): the legal forms without the short ones that are also ordinary words or initials ("se",
# "ao", "pt", "o"), which addresses and notes have too, and the commonest generic words.
NAME_COLUMN_LEGAL_FORMS: frozenset[str] = frozenset(
    """
    inc incorporated corp corporation co company ltd limited llc llp lp plc gmbh ag sa sas sarl
    srl spa bv nv oy ab as kk pte pty
    """.split()
)
NAME_COLUMN_GENERIC_WORDS: frozenset[str] = frozenset(
    """
    group holding holdings industries technologies technology systems international enterprise
    enterprises trading partners
    """.split()
)
NAME_COLUMN_CJK_FORMS: tuple[str, ...] = ("有限公司", "有限责任公司", "集团", "公司", "株式会社")
# Chinese words for organisations that are no legal form, so matching keeps them, but that
# mark a company name all the same (股份 "joint-stock", 厂 "works", 研究所/研究院 "institute").
NAME_COLUMN_CJK_WORDS: tuple[str, ...] = ("股份", "厂", "研究所", "研究院")

# Middle dots and similar separators inside transliterated names (洛克希德·马丁).
MIDDLE_DOTS = "·・•‧∙⋅•･"
# Apostrophes keep a word whole ("Xi'an" is one word) and are then dropped from it. (The acute
# accent never reaches a word: folding drops it as an accent.)
APOSTROPHES = "'’‘`´ʼʹ′"
