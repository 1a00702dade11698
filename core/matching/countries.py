"""Country values from supplier files (ISO codes, English, native and Chinese names) to ISO
3166-1 alpha-2 codes."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from core.script_fold import fold_script

# Every assigned ISO 3166-1 alpha-2 code (plus XK, used for Kosovo).
_ISO2 = frozenset(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO
    DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU
    GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW
    KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU
    MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT
    ZA ZM ZW""".split()
)

# code: names, alpha-3 codes and common spellings, "|"-separated.
_NAMES = """
US: USA|U.S.|U.S.A.|United States|United States of America|America|美国|美國|アメリカ
CN: CHN|China|PRC|P.R.C.|P.R. China|People's Republic of China|Mainland China|中国|中國|中华人民共和国|中國大陸|中国大陆|内地
TW: TWN|Taiwan|Taiwan, Province of China|Republic of China|Chinese Taipei|台湾|台灣|中国台湾|中華民國
HK: HKG|Hong Kong|Hong Kong SAR|Hong Kong, China|香港|中国香港
MO: MAC|Macau|Macao|澳门|澳門
JP: JPN|Japan|Nippon|Nihon|日本
KR: KOR|South Korea|Korea|Korea, Republic of|Republic of Korea|韩国|韓國|한국|대한민국|南韩
KP: PRK|North Korea|Korea, Democratic People's Republic of|DPRK|朝鲜
DE: DEU|Germany|Deutschland|Federal Republic of Germany|德国|德國
FR: FRA|France|Republique Francaise|法国|法國
GB: GBR|UK|U.K.|United Kingdom|Great Britain|Britain|England|Scotland|Wales|英国|英國
IT: ITA|Italy|Italia|意大利|義大利
ES: ESP|Spain|Espana|西班牙
PT: PRT|Portugal|葡萄牙
NL: NLD|Netherlands|The Netherlands|Holland|Nederland|荷兰|荷蘭
BE: BEL|Belgium|Belgique|Belgie|比利时|比利時
LU: LUX|Luxembourg|卢森堡
CH: CHE|Switzerland|Schweiz|Suisse|Svizzera|瑞士
AT: AUT|Austria|Osterreich|奥地利
SE: SWE|Sweden|Sverige|瑞典
NO: NOR|Norway|Norge|挪威
DK: DNK|Denmark|Danmark|丹麦
FI: FIN|Finland|Suomi|芬兰
IE: IRL|Ireland|Eire|爱尔兰
PL: POL|Poland|Polska|波兰
CZ: CZE|Czech Republic|Czechia|Cesko|Ceska republika|捷克
SK: SVK|Slovakia|斯洛伐克
HU: HUN|Hungary|Magyarorszag|匈牙利
RO: ROU|Romania|罗马尼亚
BG: BGR|Bulgaria|保加利亚
GR: GRC|Greece|希腊
LT: LTU|Lithuania|Lietuva|立陶宛
LV: LVA|Latvia|拉脱维亚
EE: EST|Estonia|爱沙尼亚
UA: UKR|Ukraine|乌克兰
RU: RUS|Russia|Russian Federation|Rossiya|俄罗斯|俄羅斯
TR: TUR|Turkey|Turkiye|土耳其
IL: ISR|Israel|以色列
AE: ARE|United Arab Emirates|UAE|阿联酋
SA: SAU|Saudi Arabia|沙特阿拉伯|沙特
IN: IND|India|Bharat|印度
PK: PAK|Pakistan|巴基斯坦
SG: SGP|Singapore|新加坡
MY: MYS|Malaysia|马来西亚
TH: THA|Thailand|泰国
VN: VNM|Vietnam|Viet Nam|越南
ID: IDN|Indonesia|印度尼西亚|印尼
PH: PHL|Philippines|菲律宾
AU: AUS|Australia|澳大利亚|澳洲
NZ: NZL|New Zealand|新西兰
CA: CAN|Canada|加拿大
MX: MEX|Mexico|墨西哥
BR: BRA|Brazil|Brasil|巴西
AR: ARG|Argentina|阿根廷
CL: CHL|Chile|智利
ZA: ZAF|South Africa|南非
EG: EGY|Egypt|埃及
"""


def _key(value: str) -> str:
    folded = fold_script(unicodedata.normalize("NFKC", value).casefold())  # 美國 is 美国
    decomposed = unicodedata.normalize("NFKD", folded)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", folded)


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _NAMES.strip().splitlines():
        code, names = line.split(":", 1)
        for name in (code, *names.split("|")):
            table[_key(name)] = code.strip()
    return table


_TABLE = _build()

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
