"""Text keys for looking things up by what a person typed, whatever its form."""

from __future__ import annotations

import unicodedata

from core.script_fold import fold_script


def fold_key(text: str) -> str:
    """The comparison key of a typed text: NFKC, case-folded, letters and digits only.

    "Vendor-Name", "vendor name" and "ＶＥＮＤＯＲ　ＮＡＭＥ" share one key, and so do
    "供應商名稱" and "供应商名称" (Traditional characters folded to Simplified). Used to match
    headers and to find listed entities by name or id."""
    folded = fold_script(unicodedata.normalize("NFKC", text).casefold())
    return "".join(char for char in folded if char.isalnum())
