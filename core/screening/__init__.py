"""One screening: read a supplier file, match every name, decide statuses as of a date."""

from core.screening.engine import ScreeningRequest, screen
from core.screening.result import ListingHit, ScreenedSheet, ScreeningResult, file_sha256

__all__ = [
    "ListingHit",
    "ScreenedSheet",
    "ScreeningRequest",
    "ScreeningResult",
    "file_sha256",
    "screen",
]
