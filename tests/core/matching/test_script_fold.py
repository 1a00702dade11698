"""Folding of Traditional, regional-variant and Japanese shinjitai characters, and the
Chinese punctuation and full-width forms of company names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.matching import countries
from core.matching.countries import normalize_country
from core.matching.normalize import _fold_in_context, fold, normalize
from core.script_fold import fold_script, folded_characters


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("洛克希德·馬丁", "洛克希德·马丁"),
        ("為爲", "为为"),  # both variants of wei
        ("台臺", "台台"),
        ("業衛気", "业卫气"),  # shinjitai: 業 and 衛 are Traditional too; 気 only Japanese
        ("広鉄発", "广铁发"),
        ("華為技術", "华为技术"),
        ("株式会社", "株式会社"),  # kana and shared characters stay
        ("芸", "芸"),  # a shinjitai that is a Chinese character of its own stays
        ("Huawei", "Huawei"),
    ],
)
def test_fold_script(text: str, folded: str) -> None:
    assert fold_script(text) == folded


def test_folded_characters_lists_each_change_once() -> None:
    assert folded_characters("馬丁馬") == [("馬", "马")]


@given(st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF)))
def test_folding_is_idempotent_and_keeps_length(text: str) -> None:
    once = fold_script(text)
    assert fold_script(once) == once
    assert len(once) == len(text)


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("洛克希德·馬丁公司", "洛克希德马丁"),
        ("臺灣積體電路製造股份有限公司", "台湾积体电路制造"),
        ("阿里巴巴集團控股有限公司", "阿里巴巴"),
        ("华为技术(香港)有限公司", "华为技术"),  # region brackets are legal forms
        ("西门子（中国）有限公司", "西门子"),
        ("昌河飞机工业(集团)有限责任公司", "昌河飞机工业"),
        ("昌河飛機工業（集團）有限責任公司", "昌河飞机工业"),
        ("株式会社東芝", "东芝"),
        ("(株)日立製作所", "日立制作所"),
        ("㈱日立製作所", "日立制作所"),
        ("中航(北京)航空", "中航航空"),
        ("洛克希德　马丁", "洛克希德马丁"),  # ideographic space
        ("洛克希德、马丁，公司", "洛克希德马丁"),
    ],
)
def test_cjk_cores_after_folding(text: str, core: str) -> None:
    assert normalize(text).text == core


def test_legal_forms_are_kept_as_printed() -> None:
    assert normalize("阿里巴巴集團控股有限公司").legal_forms == ("集團控股有限公司",)
    assert normalize("株式会社東芝").legal_forms == ("株式会社",)
    assert normalize("华为技术(香港)有限公司").legal_forms == ("(香港)有限公司",)


def test_full_width_latin_is_plain_latin() -> None:
    assert normalize("ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ").text == "huawei technology"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("伊朗", "IR"),
        ("中華人民共和國", "CN"),
        ("台灣", "TW"),
        ("香港特别行政区", "HK"),
        ("香港特別行政區", "HK"),
        ("美國", "US"),
        ("IRN", "IR"),
        ("Côte d’Ivoire", "CI"),
        ("Kosovo", "XK"),
        ("アメリカ合衆国", "US"),
        ("대한민국", "KR"),
        ("Narnia", ""),
    ],
)
def test_countries_in_every_script(value: str, code: str) -> None:
    assert normalize_country(value) == code


def test_the_country_table_covers_every_iso_country() -> None:
    table = Path(countries.__file__).parent / "data" / "countries.tsv"
    codes = [line.split("\t")[0] for line in table.read_text("utf-8").splitlines()[1:]]
    assert len(codes) == 250  # the 249 ISO 3166-1 countries and XK
    for code in codes:
        assert normalize_country(code) == code


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(min_size=1, max_size=30).filter(lambda t: not t.isascii()),
        st.lists(
            st.sampled_from(list("华為株式会社ＡＢＣ１２é ølГазпромΑθήναالراجحي·")), min_size=1
        ).map("".join),
    )
)
def test_folding_character_by_character_is_folding_in_context(text: str) -> None:
    # fold takes the character-by-character path for text without Greek or Arabic script;
    # it must fold as the path that reads letter pairs and Arabic words would.
    if text.isascii():
        return
    assert fold(text) == _fold_in_context(text)
