"""Column auto-detection: the one place that decides the header row and each column's role.

Input is the first rows of a sheet as plain cell values; output is which of them is the header
row and which columns hold the supplier name, a second (e.g. Chinese) name, the country, the
address and an identifier. Header texts decide where they can (see ``headers``); only the name
column falls back to the cell contents, and such a choice is reported as a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from core.errors import UsageError
from core.spreadsheets.headers import (
    EXACT,
    header_key,
    is_chinese_name_header,
    name_strength,
    role_strength,
)
from core.spreadsheets.table import CellValue, ColumnRoles, cell_text, column_index
from core.vocabulary import (
    NAME_COLUMN_CJK_FORMS,
    NAME_COLUMN_CJK_WORDS,
    NAME_COLUMN_GENERIC_WORDS,
    NAME_COLUMN_LEGAL_FORMS,
)

HEADER_SCAN_ROWS = 30
"""How many non-blank rows at the top of a sheet may hold the header row."""
CONTENT_SAMPLE_ROWS = 200
"""How many data rows the content checks look at."""

_OTHER_ROLES = ("hs_code", "identifier", "country", "address", "description")
_LATIN_MARKERS = "|".join(sorted(NAME_COLUMN_LEGAL_FORMS | NAME_COLUMN_GENERIC_WORDS))
_CJK_MARKERS = "|".join(NAME_COLUMN_CJK_FORMS + NAME_COLUMN_CJK_WORDS)
_LEGAL_FORM = re.compile(rf"\b({_LATIN_MARKERS})\b\.?|{_CJK_MARKERS}", re.IGNORECASE)
"""A legal form or company word in a cell: the vocabulary the matcher strips, as far as it
says "company name" (core.vocabulary)."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the header is and what the columns mean."""

    header_index: int
    """Index of the header row in the rows given to ``detect_layout``."""
    roles: ColumnRoles
    guessed: frozenset[str]
    """Roles chosen from cell contents rather than header text."""


def detect_layout(
    rows: Sequence[Sequence[CellValue]],
    *,
    name_column: str | None = None,
    country_column: str | None = None,
    header_index: int | None = None,
    where: str = "the file",
) -> Layout:
    """Find the header row among the first rows and detect every role, then apply overrides.

    ``rows`` are the non-blank rows at the top of a sheet (at least ``HEADER_SCAN_ROWS`` of
    them when the sheet has that many, plus whatever data rows should inform content checks).
    ``header_index`` (an index into ``rows``) names the header row instead of finding it; the
    roles are then detected from that row and the rows below it.
    Never raises on odd data; raises ``UsageError`` (naming ``where`` and the headers) only if
    an override matches no column. ``roles.name`` is ``None`` if no name column can be found.
    """
    if header_index is None:
        hints = [spec for spec in (name_column, country_column) if spec]
        header_index = find_header_row(rows, hints=hints)
    elif not 0 <= header_index < len(rows):
        raise ValueError(f"header_index {header_index} is outside the {len(rows)} rows given")
    headers = [cell_text(value).strip() for value in rows[header_index]] if rows else []
    width = max((len(row) for row in rows), default=0)
    headers += [""] * (width - len(headers))
    data = rows[header_index + 1 : header_index + 1 + CONTENT_SAMPLE_ROWS]
    roles, guessed = detect_roles(headers, data)
    if name_column:
        column = resolve_column(name_column, headers, where=where)
        alt = roles.name_alt if roles.name_alt != column else None
        roles = replace(roles, name=column, name_alt=alt)
        guessed -= {"name"}
    if country_column:
        roles = replace(roles, country=resolve_column(country_column, headers, where=where))
    return Layout(header_index, roles, frozenset(guessed))


def find_header_row(rows: Sequence[Sequence[CellValue]], *, hints: Sequence[str] = ()) -> int:
    """Index of the most header-like row among the first ``HEADER_SCAN_ROWS`` rows.

    A row scores by the roles its known headers name (a name header counts most), and loses
    for numbers and dates; a lone cell in a wide sheet (a title) counts little; ties go to
    the upper row. A row containing one of ``hints`` (override header texts) wins. If no row
    contains a known header, the first row of short texts filling at least half the width is
    taken; failing that, row 0.
    """
    candidates = rows[:HEADER_SCAN_ROWS]
    widest = max((_filled(row) for row in candidates), default=0)
    hint_keys = {spec.strip().casefold() for spec in hints}
    best_index, best_score = 0, 0.0
    for index, row in enumerate(candidates):
        score = _header_score(row, hint_keys)
        if _filled(row) == 1 and widest > 2:
            score *= 0.3
        if score > best_score:
            best_index, best_score = index, score
    if best_score > 0:
        return best_index
    for index, row in enumerate(candidates):
        texts = [value for value in row if value is not None and value != ""]
        if (
            texts
            and len(texts) * 2 >= widest
            and all(isinstance(value, str) and len(value) <= 60 for value in texts)
        ):
            return index
    return 0


def _filled(row: Sequence[CellValue]) -> int:
    return sum(1 for value in row if value is not None and value != "")


def _header_score(row: Sequence[CellValue], hint_keys: set[str]) -> float:
    """Known headers in ``row``, each role counted once (its strongest cell), so a data row
    that repeats one header-like word cannot outscore the real header above it."""
    best: dict[str, float] = {}
    penalty = 0.0
    for value in row:
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            penalty += 1.0
            continue
        if value.strip().casefold() in hint_keys:
            best["hint"] = 50.0
        strength = name_strength(value)
        if strength:
            best["name"] = max(best.get("name", 0.0), strength)
            continue
        matched = False
        for role in _OTHER_ROLES:
            other = role_strength(role, value)
            if other:
                best[role] = max(best.get(role, 0.0), other)
                matched = True
        if not matched and len(value) > 60:
            penalty += 0.5
    return sum(best.values()) - penalty if best else 0.0


def detect_roles(
    headers: Sequence[str], data: Sequence[Sequence[CellValue]]
) -> tuple[ColumnRoles, set[str]]:
    """Roles from header texts; the name column from contents if no header names one.

    Each column gets at most one role. Of several name-like headers the strongest wins
    (leftmost on a tie), a Chinese-name column only if nothing else is there; the next
    name-like column becomes ``name_alt``. Columns whose values are mostly numbers (vendor
    codes) are passed over when another name-like column has letters. Returns the roles and
    the set of roles that were guessed.
    """
    ranked = sorted(
        (-name_strength(text), is_chinese_name_header(text), index)
        for index, text in enumerate(headers)
        if name_strength(text)
    )
    names = [index for _, _, index in ranked]
    with_letters = [index for index in names if _letter_ratio(data, index) >= 0.5]
    # codes under a "Vendor" header lose to a real name column, but a header still beats
    # a guess from contents
    names = with_letters or names
    taken = set(names[:2])
    found: dict[str, int | None] = {}
    for role in _OTHER_ROLES:
        column = _best_column(role, headers, taken)
        found[role] = column
        if column is not None:
            taken.add(column)
    guessed: set[str] = set()
    name = names[0] if names else None
    if name is None:
        name = guess_name_column(data, len(headers), exclude=taken)
        if name is not None:
            guessed.add("name")
    roles = ColumnRoles(
        name=name,
        name_alt=names[1] if len(names) > 1 else None,
        country=found["country"],
        address=found["address"],
        identifier=found["identifier"],
        hs_code=found["hs_code"],
        description=found["description"],
    )
    return roles, guessed


def _best_column(role: str, headers: Sequence[str], taken: set[int]) -> int | None:
    best: tuple[int, int] | None = None
    for index, text in enumerate(headers):
        strength = role_strength(role, text) if index not in taken else 0
        if strength and (best is None or strength > best[0]):
            best = (strength, index)
            if strength == EXACT:
                break
    return best[1] if best else None


def _letter_ratio(data: Sequence[Sequence[CellValue]], column: int) -> float:
    """Share of the non-empty cells in ``column`` holding a letter; 1.0 when all are empty."""
    values = [row[column] for row in data if column < len(row)]
    texts = [cell_text(value) for value in values if value is not None and value != ""]
    if not texts:
        return 1.0
    return sum(1 for text in texts if any(char.isalpha() for char in text)) / len(texts)


def guess_name_column(
    data: Sequence[Sequence[CellValue]], width: int, *, exclude: set[int] | None = None
) -> int | None:
    """The column whose values look most like company names, or ``None`` if none does.

    Company names are text with letters, mostly unique, often with a legal form ("Ltd",
    "GmbH", "有限公司"), rarely digits-heavy (addresses, codes) and never e-mail or web
    addresses. A column needs at least half its values to look like that, and either some
    legal forms or at least five such values.
    """
    best: tuple[float, int] | None = None
    for column in range(width):
        if exclude and column in exclude:
            continue
        score = _name_likeness([row[column] for row in data if column < len(row)])
        if score >= 0.5 and (best is None or score > best[0]):
            best = (score, column)
    return best[1] if best else None


def _name_likeness(values: Sequence[CellValue]) -> float:
    texts = [value.strip() for value in values if isinstance(value, str) and value.strip()]
    non_empty = sum(1 for value in values if value is not None and value != "")
    if not texts or len(texts) * 2 < non_empty:
        return 0.0
    plausible = [
        text
        for text in texts
        if 2 <= len(text) <= 120
        and sum(char.isalpha() for char in text) >= len(text) / 2
        and sum(char.isdigit() for char in text) <= 4
        and "@" not in text
        and "://" not in text
    ]
    share = len(plausible) / non_empty
    unique = len(set(texts)) / len(texts)
    legal = sum(1 for text in plausible if _LEGAL_FORM.search(text)) / non_empty
    if legal < 0.2 and len(plausible) < 5:
        return 0.0  # too little evidence: a notes sheet is not a supplier list
    return share * (0.4 + 0.4 * unique) + 0.6 * legal


def resolve_column(spec: str, headers: Sequence[str], *, where: str = "the file") -> int:
    """The column an override names: a header text (case-insensitive), a letter, or a number.

    Header text wins over a letter or number that happens to look the same. Raises
    ``UsageError`` naming ``where`` and the headers seen if nothing matches.
    """
    wanted = spec.strip()
    folded = wanted.casefold()
    for index, text in enumerate(headers):
        if text.strip().casefold() == folded:
            return index
    key = header_key(wanted)
    if key:
        for index, text in enumerate(headers):
            if header_key(text) == key:
                return index
    if wanted.isdigit() and 1 <= int(wanted) <= len(headers):
        return int(wanted) - 1
    if re.fullmatch(r"[A-Za-z]{1,3}", wanted) and column_index(wanted) < len(headers):
        return column_index(wanted)
    raise UsageError(
        f"No column {spec!r} in {where}; give a header, a column letter or a number "
        f"(1-{len(headers)}). Headers: {describe_headers(headers)}"
    )


def describe_headers(headers: Sequence[str]) -> str:
    """The non-empty headers as one short line for error messages."""
    seen = [repr(text) for text in headers if text]
    if not seen:
        return "no header texts"
    shown = ", ".join(seen[:20])
    return shown + (f" and {len(seen) - 20} more" if len(seen) > 20 else "")
