"""Text keys for looking things up by what a person typed, whatever its form."""

from __future__ import annotations

import unicodedata


def fold_key(text: str) -> str:
    """The comparison key of a typed text: NFKC, case-folded, letters and digits only.

    "Vendor-Name", "vendor name" and "ＶＥＮＤＯＲ　ＮＡＭＥ" share one key. Used to match
    headers and to find listed entities by name or id."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in folded if char.isalnum())
