"""Country values from supplier files (ISO codes, English, native and Chinese names) to ISO
3166-1 alpha-2 codes."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from core.script_fold import fold_script

# The generated table (scripts/build_country_table.py, from CLDR): every ISO 3166-1 country
# (and XK, Kosovo) with its alpha-3 code and its names in English, Simplified and Traditional
# Chinese, Japanese and Korean.
_GENERATED = Path(__file__).resolve().parent / "data" / "countries.tsv"

# Common forms CLDR does not give (long official names, abbreviations, older names), by code.
_COMMON_FORMS = """
US: U.S.|U.S.A.|United States of America|America|美利坚合众国|アメリカ
CN: PRC|P.R.C.|P.R. China|People's Republic of China|Mainland China|中华人民共和国|中国大陆|大陆|内地
TW: Taiwan, Province of China|Republic of China|Chinese Taipei|中国台湾|中华民国|台澎金马
HK: Hong Kong, China|Hong Kong SAR
MO: Macau|Macau SAR|澳门特区
KR: Korea|Korea, Republic of|Republic of Korea|大韩民国|南朝鲜|한국
KP: Korea, Democratic People's Republic of|DPRK|朝鲜民主主义人民共和国
GB: UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|大不列颠
DE: Deutschland|Federal Republic of Germany|联邦德国
FR: Republique Francaise
IT: Italia
ES: Espana
NL: The Netherlands|Holland|Nederland
BE: Belgique|Belgie
CH: Schweiz|Suisse|Svizzera
AT: Osterreich
SE: Sverige
NO: Norge
DK: Danmark
FI: Suomi
IE: Eire
PL: Polska
CZ: Czech Republic|Cesko|Ceska republika
HU: Magyarorszag
LT: Lietuva
RU: Russian Federation|Rossiya
TR: Turkiye
AE: UAE|阿联酋
SA: 沙特
IN: Bharat
ID: 印尼
AU: 澳洲
VN: Viet Nam
BR: Brasil
JP: Nippon|Nihon
IR: Islamic Republic of Iran|Iran, Islamic Republic of|伊朗伊斯兰共和国
"""


def _key(value: str) -> str:
    folded = fold_script(unicodedata.normalize("NFKC", value).casefold())  # 美國 is 美国
    decomposed = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", folded)


def _build() -> tuple[dict[str, str], frozenset[str]]:
    """(name key -> code, every code) from the generated table and the common forms."""
    table: dict[str, str] = {}
    codes: set[str] = set()
    lines = _GENERATED.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line or line.startswith("#"):
            continue
        code, names = line.split("\t", 1)
        codes.add(code)
        for name in names.split("|"):
            table.setdefault(_key(name), code)
    for line in _COMMON_FORMS.strip().splitlines():
        code, names = line.split(":", 1)
        for name in names.split("|"):
            table.setdefault(_key(name), code.strip())
    for code in codes:
        table[_key(code)] = code
    return table, frozenset(codes)


_TABLE, _ISO2 = _build()

# Chinese country names that may stand before a company's Chinese name (美国PVH集团).
CJK_COUNTRY_PREFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            k
            for k in _TABLE
            if k and all(0x4E00 <= ord(c) <= 0x9FFF for c in k) and 2 <= len(k) <= 4
        },
        key=len,
        reverse=True,
    )
)

# Places of China that stand in brackets in a company name ("西门子(上海)有限公司"): with the
# CJK country names, the regions dropped from a bracket like a legal form.
_CJK_PLACES = """
中国 大陆 内地 香港 澳门 台湾 北京 上海 天津 重庆 深圳 广州 广东 杭州 浙江 江苏 南京 苏州 武汉 湖北 成都
四川 西安 陕西 山西 沈阳 辽宁 大连 青岛 山东 济南 厦门 福建 福州 合肥 安徽 长沙 湖南 郑州 河南 河北
昆明 云南 贵州 广西 海南 甘肃 新疆 宁夏 吉林 黑龙江 哈尔滨 江西 宁波 无锡 东莞 珠海 佛山 亚洲 亚太 欧洲
"""
CJK_REGION_WORDS: frozenset[str] = frozenset(_CJK_PLACES.split()) | frozenset(
    k for k in _TABLE if k and all(0x4E00 <= ord(c) <= 0x9FFF for c in k)
)

# Single-word country names and demonyms (normalized): they say where, not who.
GEO_WORDS: frozenset[str] = frozenset(
    k for k in _TABLE if k.isascii() and k.isalpha() and len(k) > 3
) | frozenset(
    """usa america american americas chinese japanese german french british italian spanish
    korean taiwanese russian indian canadian australian dutch swiss swedish israeli polish
    czech""".split()
)


@lru_cache(maxsize=4096)
def normalize_country(value: str | None) -> str:
    """ISO alpha-2 code for a country written as a code or a name; "" when unknown or empty."""
    if not value or not value.strip():
        return ""
    raw = value.strip()
    if len(raw) == 2 and raw.isascii() and raw.upper() in _ISO2:
        return raw.upper()
    return _TABLE.get(_key(raw), "")
