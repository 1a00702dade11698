"""Issue 17 points 1 and 2: legal forms of every jurisdiction (from the generated table,
multi-word, glued, Russian/CIS equivalences) and transliteration of Cyrillic, Greek,
Arabic/Persian and Hangul, on the list's side and the supplier's, with the romanizations
of one word near-equal."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.lists.model import Entity
from core.matching import DEFAULT_THRESHOLD, EntityMatcher
from core.matching.legal_forms import (
    _GLUED_HINT_RE,
    glued_form,
    may_hold_glued_form,
    read_spellings,
)
from core.matching.normalize import normalize, quick_latin_tokens, quick_latin_tokens_many
from core.matching.reasons import Reason, ReasonKind
from core.matching.romanize import (
    ABJAD_MARK,
    ROMANIZATION_SIMILARITY,
    SKELETON_SIMILARITY,
    romanization_key,
    romanization_similarity,
    skeleton,
    skeleton_similarity,
)
from core.matching.score import legal_forms_agree
from core.matching.transliterate import script_runs, transliterate

TABLE = Path(__file__).resolve().parents[3] / "core" / "matching" / "data" / "legal_forms.tsv"


@pytest.mark.parametrize(
    ("text", "tokens", "form"),
    [
        ("Open Joint Stock Company Gazprom", ("gazprom",), "Open Joint Stock Company"),
        ("Acme Limited Liability Company", ("acme",), "Limited Liability Company"),
        ("Siemens Aktiengesellschaft", ("siemen",), "Aktiengesellschaft"),
        ("Bosch Gesellschaft mit beschränkter Haftung", ("bosch",), None),
        ("Renault Société par actions simplifiée", ("renault",), None),
        ("Repsol Sociedad Anónima", ("repsol",), "Sociedad Anónima"),
        ("Nokia Osakeyhtiö", ("nokia",), "Osakeyhtiö"),
        ("ООО «Газпром нефть»", ("gazprom", "neft"), "ООО"),
        ("Закрытое акционерное общество Алмаз", ("almaz",), None),
    ],
)
def test_multi_word_and_foreign_forms_are_one_unit(
    text: str, tokens: tuple[str, ...], form: str | None
) -> None:
    norm = normalize(text)
    assert norm.tokens == tokens
    assert len(norm.legal_forms) == 1
    if form is not None:
        assert norm.legal_forms == (form,)


def test_long_and_short_spellings_share_a_class() -> None:
    pairs = [
        ("Siemens AG", "Siemens Aktiengesellschaft"),
        ("Bosch GmbH", "Bosch Gesellschaft mit beschränkter Haftung"),
        ("Repsol SA", "Repsol Sociedad Anónima"),
        ("Acme LLC", "Acme Limited Liability Company"),
    ]
    for short, long in pairs:
        a, b = normalize(short), normalize(long)
        assert a.tokens == b.tokens
        assert a.legal_classes == b.legal_classes
        assert legal_forms_agree(a.legal_classes, b.legal_classes)


@pytest.mark.parametrize(
    ("spellings", "cls"),
    [
        (("ООО Рога", "OOO Roga", "Roga LLC", "Roga Limited Liability Company"), "llc"),
        (("АО Рога", "AO Roga", "Roga JSC", "Joint Stock Company Roga"), "jsc"),
        (("ПАО Рога", "PAO Roga", "PJSC Roga", "Public Joint Stock Company Roga"), "pjsc"),
        (("ОАО Рога", "OAO Roga", "OJSC Roga", "Open Joint Stock Company Roga"), "ojsc"),
        (("ЗАО Рога", "ZAO Roga", "CJSC Roga", "Closed Joint Stock Company Roga"), "cjsc"),
    ],
)
def test_russian_and_cis_forms_are_equivalent(spellings: tuple[str, ...], cls: str) -> None:
    for text in spellings:
        norm = normalize(text)
        assert norm.tokens == ("roga",), text
        assert norm.legal_classes == frozenset({cls}), text
    assert normalize("ООО Рога").legal_classes != normalize("ПАО Рога").legal_classes


@pytest.mark.parametrize(
    ("text", "tokens", "form"),
    [
        ("SiemensAG", ("siemen",), "AG"),
        ("GazpromOOO", ("gazprom",), "OOO"),
        ("ГазпромООО", ("gazprom",), "ООО"),
        ("AcmeGmbH", ("acme",), "GmbH"),
        ("LuxotticaSpA", ("luxottica",), "SpA"),
        ("SIEMENSGMBH", ("siemen",), "GMBH"),
        ("rogallc", ("roga",), "llc"),
    ],
)
def test_glued_forms_are_split_off(text: str, tokens: tuple[str, ...], form: str) -> None:
    norm = normalize(text)
    assert norm.tokens == tokens
    assert norm.legal_forms == (form,)


@pytest.mark.parametrize(
    "word", ["BAG", "Volkswagen", "Zinc", "MacAo", "Kitag", "Bosag", "iPhoneSE", "Sinc", "Ag"]
)
def test_ordinary_words_are_not_cut(word: str) -> None:
    assert glued_form(word) is None
    assert len(normalize(word).tokens) == 1


def test_a_name_made_only_of_forms_keeps_its_words() -> None:
    assert normalize("Limited Liability Company").tokens == ("limited", "liability", "company")
    assert normalize("Aktiengesellschaft").tokens == ("aktiengesellschaft",)


def test_forms_stay_name_words_inside_a_name() -> None:
    # two-word forms and the table's single words are forms only at the edges
    assert normalize("Banco Sociedad Anonima Hermanos").tokens == (
        "banco",
        "sociedad",
        "anonima",
        "hermano",
    )
    assert normalize("Bank Aktiengesellschaft Zurich").tokens == (
        "bank",
        "aktiengesellschaft",
        "zurich",
    )


def test_the_quick_path_agrees_with_the_full_normalization() -> None:
    texts = [
        "Open Joint Stock Company Gazprom",
        "Acme Limited Liability Company",
        "Joint Stock Company",
        "Siemens Aktiengesellschaft",
        "SiemensAG",
        "rogallc",
        "Open Text Corp",
        "Private Joint Stock Company Roga",
    ]
    many = quick_latin_tokens_many(texts)
    for text, quick in zip(texts, many, strict=True):
        single = quick_latin_tokens(text)
        expected = list(normalize(text).tokens)
        assert single is None or single == expected, text
        assert quick is None or quick == expected, text


def test_the_generated_table_says_where_it_comes_from_and_has_the_cis_forms() -> None:
    header = TABLE.read_text(encoding="utf-8").splitlines()[0]
    assert "ISO 20275" in header and "rigour" in header
    table = dict(read_spellings(TABLE))
    assert len(table) > 400
    for spelling, cls in [("ооо", "llc"), ("пао", "pjsc"), ("зао", "cjsc"), ("оао", "ojsc")]:
        assert table[spelling] == cls
    assert table["aktiengesellschaft"] == "ag"
    assert "ii" not in table and "bank" not in table  # numerals and name words are no forms


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Газпром", ("gazprom",)),
        ("Роснефть", ("rosneft",)),
        ("Лукойл", ("lukoyl",)),
        ("Ελληνικά Πετρέλαια", ("ellinika", "petrelaia")),
        ("بانک ملی ایران", ("bnk" + ABJAD_MARK, "mly" + ABJAD_MARK, "yrn" + ABJAD_MARK)),
        ("삼성전자", ("samseongjeonja",)),
    ],
)
def test_other_scripts_are_transliterated(text: str, tokens: tuple[str, ...]) -> None:
    norm = normalize(text)
    assert norm.script == "latin"
    assert norm.tokens == tokens


def test_han_and_kana_are_left_to_the_chinese_rules() -> None:
    assert normalize("华为技术有限公司").script == "cjk"
    assert normalize("ソニー株式会社").tokens == tuple("ソニー")
    assert transliterate("华为 ソニー") == "华为 ソニー"


def test_script_runs_read_each_run_once() -> None:
    assert script_runs("ООО Газпром (Gazprom)") == [("cyrillic", "ООО Газпром", "OOO Gazprom")]
    assert script_runs("Gazprom") == []
    assert script_runs("삼성") == [("hangul", "삼성", "Samseong")]


@pytest.fixture(scope="module")
def world() -> EntityMatcher:
    return EntityMatcher(
        [
            Entity("gazprom", "Open Joint Stock Company Gazprom", country="RU"),
            Entity("siemens", "Siemens AG", country="DE"),
            Entity("sberbank", "Sberbank of Russia", aliases=("ПАО Сбербанк",), country="RU"),
            Entity("hellenic", "Ελληνικά Πετρέλαια Α.Ε.", country="GR"),
            Entity("melli", "بانک ملی ایران", country="IR"),
            Entity("rheinmetall", "Rheinmetall Aktiengesellschaft", country="DE"),
        ]
    )


@pytest.mark.parametrize(
    ("supplier", "expected"),
    [
        ("OAO Gazprom", "gazprom"),
        ("ОАО «Газпром»", "gazprom"),
        ("Газпром", "gazprom"),
        ("SiemensAG", "siemens"),
        ("Siemens Aktiengesellschaft", "siemens"),
        ("Sberbank PAO", "sberbank"),
        ("Ellinika Petrelaia AE", "hellenic"),
        ("بانک ملی ایران", "melli"),
        ("Rheinmetall AG", "rheinmetall"),
    ],
)
def test_both_sides_match_across_scripts_and_forms(
    world: EntityMatcher, supplier: str, expected: str
) -> None:
    hits = world.match(supplier)
    assert [h.entity_id for h in hits][:1] == [expected], hits
    assert hits[0].score >= DEFAULT_THRESHOLD


def test_a_transliterated_match_says_so_in_words(world: EntityMatcher) -> None:
    hit = world.match("ООО Газпром")[0]
    assert Reason(ReasonKind.WRITTEN_IN_CYRILLIC, ("ООО Газпром", "OOO Gazprom")) in hit.reasons
    assert "written in Cyrillic: ООО Газпром reads OOO Gazprom" in [
        r.english() for r in hit.reasons
    ]
    assert "legal form ignored: ООО" in [r.english() for r in hit.reasons]
    assert hit.matched_tokens == ("Газпром",)
    listed_side = world.match("Ellinika Petrelaia S.A.")[0]
    assert listed_side.entity_id == "hellenic"
    assert any(r.kind is ReasonKind.WRITTEN_IN_GREEK for r in listed_side.reasons)


def test_a_legal_form_match_names_the_form(world: EntityMatcher) -> None:
    hit = world.match("Open Joint Stock Company Gazprom")[0]
    assert "legal form ignored: Open Joint Stock Company" in [r.english() for r in hit.reasons]
    assert not any(r.kind is ReasonKind.WRITTEN_IN_CYRILLIC for r in hit.reasons)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("lukoyl", "lukoil"),
        ("yandek", "yandex"),  # "Яндекс" reads yandeks, made singular as names are
        ("jandek", "yandex"),
        ("kosmote", "cosmote"),
        ("intrakom", "intracom"),
        ("samseong", "samsung"),
        ("hyeondae", "hyundai"),
        ("dusan", "doosan"),
    ],
)
def test_two_romanizations_of_one_word_are_near_equal(a: str, b: str) -> None:
    assert romanization_key(a) == romanization_key(b)
    assert romanization_similarity(a, b) == ROMANIZATION_SIMILARITY


@pytest.mark.parametrize(
    ("a", "b"), [("chase", "hase"), ("rheinmetal", "rheinmetall"), ("kia", "gia"), ("44", "45")]
)
def test_other_differences_are_no_romanizations(a: str, b: str) -> None:
    assert romanization_similarity(a, b) == 0.0


def test_a_romanization_is_found_and_named() -> None:
    matcher = EntityMatcher([Entity("lukoil", "Lukoil"), Entity("yandex", "Yandex")])
    hit = matcher.match("Лукойл")[0]
    assert hit.entity_id == "lukoil" and hit.score >= DEFAULT_THRESHOLD
    assert ReasonKind.ROMANIZED in {r.kind for r in hit.reasons}
    assert ReasonKind.WRITTEN_IN_CYRILLIC in {r.kind for r in hit.reasons}
    assert [h.entity_id for h in matcher.match("Яндекс")] == ["yandex"]
    assert matcher.match("Luk") == []


def test_arabic_script_words_are_marked_and_compared_by_their_consonants() -> None:
    norm = normalize("بنك الراجحي")
    # the article is glued to its word as a Latin "Al Rajhi" is ("alrajhi")
    assert norm.tokens == ("bnk" + ABJAD_MARK, "alrjhy" + ABJAD_MARK)
    assert normalize(norm.text).text == norm.text
    assert skeleton("bnk" + ABJAD_MARK) == skeleton("bank") == "bnk"
    assert skeleton("mellat") == "mlt" and skeleton("sph" + ABJAD_MARK) == skeleton("sepah")
    assert skeleton_similarity("mlt" + ABJAD_MARK, "mellat") == SKELETON_SIMILARITY
    assert skeleton_similarity("mlt" + ABJAD_MARK, "melli") == 0.0
    # Latin words are never compared by consonants with each other: "HSBC" is no "Hasbic"
    assert skeleton_similarity("hsbc", "hasbic") == 0.0


def test_an_arabic_name_finds_its_latin_spelling_and_not_a_neighbour() -> None:
    matcher = EntityMatcher(
        [Entity("mellat", "Bank Mellat", country="IR"), Entity("melli", "Bank Melli", country="IR")]
    )
    hits = matcher.match("بانک ملت")
    assert [h.entity_id for h in hits] == ["mellat"]
    said = [r.english() for r in hits[0].reasons]
    assert "written in Arabic script: بانک ملت reads bnk mlt" in said
    assert "another romanization: ملت ~ Mellat" in said  # the words as printed, not "mlt"


_GLUED_PIECES = st.sampled_from(
    ["Siemens", "AG", "GmbH", "GMBH", "OOO", "Stroy", "PT", "Telkom", "SpA", "llc", "x", "ab"]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(alphabet=st.characters(max_codepoint=127), max_size=40),
        st.lists(
            st.one_of(_GLUED_PIECES, st.sampled_from([" ", "-", ".", "\x00", "9"])), max_size=10
        ).map("".join),
    )
)
def test_the_glued_form_hint_tested_run_by_run_is_the_pattern_over_the_text(text: str) -> None:
    # may_hold_glued_form tests each run of letters and digits on its own (cached): it must
    # say what the pattern says over the whole text.
    assert may_hold_glued_form(text) == (_GLUED_HINT_RE.search(text) is not None)
