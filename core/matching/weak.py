"""When a Chinese match is weak whatever its score: a short listed name inside a longer
supplier name, and a Chinese rendering in generic words of a foreign company's name.

Both are banded ``weak``: their score is capped at ``WEAK_CAP``, below the default threshold,
so they are reported only when the user lowers the threshold to it or below, and then with
the reason that made them weak.

* A short listed name (华为, 比亚迪, 中芯国际: up to four characters) matches a cell that is
  just that name (score 100) but, standing inside a longer name (华为终端有限公司, or an
  unrelated 华为海洋 ...), is a weak candidate: many Chinese company names share two or three
  characters with a listed brand.
* The lists print foreign companies in Chinese by meaning as often as by sound: "顶峰科技公司"
  for Summit Technologies. Once the generic business words (科技, 系统, 防务 ...) are gone, such
  a rendering keeps at most two characters of its own (顶峰); a company in mainland China,
  Hong Kong, Macao or Taiwan whose name holds those words but is not the rendering itself
  (顶峰智能科技, 深圳顶峰科技发展) is weak at most. The rendering written as listed (顶峰科技
  有限公司) is the listed company and stays a hit. A rendering by sound
  (洛克希德·马丁) keeps its weight. When the supplier's country is unknown the match is reported
  as usual and its explanation says that the country could have told.
"""

from __future__ import annotations

from functools import lru_cache

from core.vocabulary import CJK_GENERIC_WORDS

WEAK_CAP = 80.0
SHORT_CJK_NAME = 4
"""Listed CJK cores of at most this many characters are short names."""
RENDERING_OWN_CHARS = 2
"""A foreign name's Chinese rendering with at most this many characters besides generic
words is a rendering in generic words."""
GREATER_CHINA = frozenset({"CN", "HK", "MO", "TW"})


def short_name_inside(listed_core: str, supplier_core: str) -> bool:
    """The short listed core stands inside a longer supplier core."""
    return listed_core != supplier_core and listed_core in supplier_core


@lru_cache(maxsize=65536)
def own_characters(core: str) -> str:
    """A CJK core without its generic business words (longest words first)."""
    out = core
    for word in CJK_GENERIC_WORDS:
        out = out.replace(word, "")
    return out


def generic_rendering(listed_core: str, entity_country: str) -> bool:
    """The listed CJK core is a foreign company's name rendered in generic words."""
    if not entity_country or entity_country in GREATER_CHINA:
        return False
    if not all("\u4e00" <= c <= "\u9fff" for c in listed_core):
        return False
    return len(own_characters(listed_core)) <= RENDERING_OWN_CHARS


def in_greater_china(country: str) -> bool:
    return country in GREATER_CHINA
