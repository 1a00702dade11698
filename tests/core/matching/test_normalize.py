"""Normalization: what a name becomes before it is compared, and its invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.matching.countries import normalize_country
from core.matching.normalize import (
    normalize,
    quick_latin_tokens,
    quick_latin_tokens_many,
    supplier_parts,
)
from core.matching.score import ONE_EDIT_SIMILARITY, typo_similarity
from core.matching.weights import deletion_variants


@pytest.mark.parametrize(
    ("text", "tokens", "legal_forms"),
    [
        ("Huawei Technologies Co., Ltd.", ("huawei", "technology"), ("Co., Ltd.",)),
        ("LOCKHEED MARTIN CORP", ("lockheed", "martin"), ("CORP",)),
        ("Skydio, Incorporated", ("skydio",), ("Incorporated",)),
        ("Rapid Flight L.L.C.", ("rapid", "flight"), ("L.L.C.",)),
        ("TCOM, L.P.", ("tcom",), ("L.P.",)),
        ("Hensoldt GmbH", ("hensoldt",), ("GmbH",)),
        ("Rheinmetall AG", ("rheinmetall",), ("AG",)),
        ("Vigo Photonics S.A.", ("vigo", "photonic"), ("S.A.",)),
        ("EXCALIBUR ARMY spol.s.r.o", ("excalibur", "army"), ("spol.s.r.o",)),
        ("Excalibur Army, spol. s r.o.", ("excalibur", "army"), ("spol. s r.o.",)),
        ("Lafert S.p.A.", ("lafert",), ("S.p.A.",)),
        ("IHC Merwede Holding B.V.", ("ihc", "merwede", "holding"), ("B.V.",)),
        ("John Holland Group Pty Ltd.", ("john", "holland", "group"), ("Pty Ltd.",)),
        ("Corportaion Epirus", ("epirus",), ("Corportaion",)),  # a misspelt legal form
    ],
)
def test_latin_legal_forms_are_dropped_and_remembered(
    text: str, tokens: tuple[str, ...], legal_forms: tuple[str, ...]
) -> None:
    norm = normalize(text)
    assert norm.script == "latin"
    assert norm.tokens == tokens
    assert norm.legal_forms == legal_forms


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Gibbs & Cox", ("gibb", "cox")),
        ("Gibbs and Cox", ("gibb", "cox")),
        ("Gibbs&Cox", ("gibb", "cox")),
        ("R&D Systems", ("rd", "system")),
        ("Oceaneering Intl", ("oceaneering", "international")),
        ("Oceaneering Int'l", ("oceaneering", "international")),
        ("Huawei Tech", ("huawei", "technology")),
        ("IHI Aero Mfg", ("ihi", "aero", "manufacturing")),
        ("U.S.A. Rare Earth", ("usa", "rare", "earth")),
        ("Société Générale", ("societe", "generale")),
        ("ＡＢＣ Ｔｒａｄｉｎｇ", ("abc", "trading")),  # full-width letters
        ("14th Research Institute of CETC", ("14", "research", "institute", "cetc")),
        ("AS AB", ("as", "ab")),  # only short legal forms: kept rather than nothing
    ],
)
def test_latin_words(text: str, tokens: tuple[str, ...]) -> None:
    assert normalize(text).tokens == tokens


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("华为技术有限公司", "华为技术"),
        ("贝宜系统股份有限公司", "贝宜系统"),
        ("三菱电机软件株式会社", "三菱电机软件"),
        ("株式会社日立製作所", "日立制作所"),  # folded to Simplified: 製 -> 制
        ("洛克希德·马丁公司", "洛克希德马丁"),
        ("洛克希德・马丁", "洛克希德马丁"),  # katakana middle dot
        ("洛克希德 马丁 公司", "洛克希德马丁"),
        ("中国平安保险（集团）股份有限公司", "中国平安保险"),
        ("L3哈里斯公司", "l3哈里斯"),
    ],
)
def test_cjk_cores(text: str, core: str) -> None:
    norm = normalize(text)
    assert norm.script == "cjk"
    assert norm.text == core


def test_a_cjk_country_prefix_is_noted() -> None:
    assert normalize("美国PVH集团").country_prefix == "美国"
    assert normalize("美国").country_prefix == ""  # nothing would be left


def test_a_cell_with_both_scripts_is_compared_whole_and_in_parts() -> None:
    parts = supplier_parts("Lockheed Martin 洛克希德·马丁公司")
    assert parts == ("Lockheed Martin 洛克希德·马丁公司", "Lockheed Martin", "洛克希德·马丁公司")
    assert supplier_parts("Lockheed Martin Corp") == ("Lockheed Martin Corp",)


@pytest.mark.parametrize(
    ("value", "code"),
    [("US", "US"), ("usa", "US"), ("United States of America", "US"), ("美国", "US"),
     ("P.R.C.", "CN"), ("中国", "CN"), ("Deutschland", "DE"), ("", ""), ("Atlantis", "")],
)  # fmt: skip
def test_countries(value: str, code: str) -> None:
    assert normalize_country(value) == code


def test_typos_need_five_letters_and_no_digits() -> None:
    assert typo_similarity("lockhead", "lockheed") > 0
    assert typo_similarity("technolgies", "technologies") > 0  # one edit
    assert typo_similarity("tecnholgies", "technologies") > 0  # two edits in 9+ letters
    assert typo_similarity("novatech", "novotech") > 0
    assert typo_similarity("avic", "avia") == 0  # too short
    assert typo_similarity("14th", "15th") == 0


def test_a_typo_may_change_the_first_letter_by_one_edit_only() -> None:
    assert typo_similarity("sencora", "cencora") == ONE_EDIT_SIMILARITY  # substituted
    assert typo_similarity("hockheed", "lockheed") > 0
    assert typo_similarity("encora", "cencora") > 0  # first letter dropped
    assert typo_similarity("ecncora", "cencora") > 0  # first two letters swapped
    assert typo_similarity("rheinmetall", "rheinmetall") == 1.0
    assert typo_similarity("rheinmetaal", "rheinmetall") > 0
    assert typo_similarity("rheinmetaal", "reinmetall") > 0  # two edits, same first letter
    assert typo_similarity("xheinmetaal", "rheinmetall") == 0  # two edits, one the first


def test_one_edit_is_as_similar_in_short_words_as_the_review_band_needs() -> None:
    assert typo_similarity("rostek", "rostec") == ONE_EDIT_SIMILARITY
    assert typo_similarity("lockhead", "lockheed") == pytest.approx(0.9)
    assert typo_similarity("technolgies", "technologies") == pytest.approx(1 - 0.8 / 12)


# -- properties ---------------------------------------------------------------------------

PIECES = [
    *"abcdeilmnorstuyzABCLMSX0123456789 .,&+/-()'_",
    *["Co.", " Ltd", " Inc", " GmbH", " S.A.", " and ", "有限公司", "株式会社", "·", "华", "为"],
    *["é", "ß", "Ａ", "\u200b", "😀", "\t"],
    *[" van ", " der ", "De ", " la ", " al-", " Bin ", " VI", " XIV ", " I", " forty", "-four"],
    *[" first ", " hundred ", "第", "十", "四", "一"],
]
NAME_TEXT = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(NAME_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once.text).text == once.text


@settings(max_examples=300, deadline=None)
@given(NAME_TEXT)
def test_the_quick_ascii_path_agrees_with_normalize(text: str) -> None:
    quick = quick_latin_tokens(text)
    if quick is not None:
        assert tuple(quick) == normalize(text).tokens


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(NAME_TEXT, st.text(max_size=20)), max_size=8))
def test_texts_tokenized_together_are_tokenized_as_one_by_one(texts: list[str]) -> None:
    many = quick_latin_tokens_many(texts)
    for text, tokens in zip(texts, many, strict=True):
        if tokens is not None:
            assert tokens == quick_latin_tokens(text)
        else:
            assert quick_latin_tokens(text) is None or "\x00" in text


def test_no_join_crosses_from_one_text_of_a_batch_to_the_next() -> None:
    texts = ["Alpha R", "& D Labs", "S.", "A. Beta", "x\n& y"]
    assert quick_latin_tokens_many(texts) == [quick_latin_tokens(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalize_never_raises_and_spans_point_into_the_text(text: str) -> None:
    norm = normalize(text)
    assert len(norm.spans) == len(norm.tokens)
    for start, end in norm.spans:
        assert 0 <= start <= end <= len(text)


WORD = st.text(alphabet="abcdefgh", min_size=5, max_size=12)


@settings(max_examples=300, deadline=None)
@given(WORD, st.data())
def test_typo_pairs_share_a_deletion_variant(word: str, data: st.DataObject) -> None:
    """The typo index finds every pair that typo_similarity accepts, the first letter's
    edits included."""
    edits = data.draw(st.integers(min_value=1, max_value=2))
    other = word
    for _ in range(edits):
        i = data.draw(st.integers(min_value=0, max_value=len(other) - 1))
        kind = data.draw(st.sampled_from(["sub", "ins", "del", "swap"]))
        if kind == "sub":
            other = other[:i] + data.draw(st.sampled_from("abcdefgh")) + other[i + 1 :]
        elif kind == "ins":
            other = other[:i] + data.draw(st.sampled_from("abcdefgh")) + other[i:]
        elif kind == "del" and len(other) > 5:
            other = other[:i] + other[i + 1 :]
        elif kind == "swap" and i + 1 < len(other):
            other = other[:i] + other[i + 1] + other[i] + other[i + 2 :]
    if typo_similarity(word, other) > 0:
        assert deletion_variants(word) & deletion_variants(other)
