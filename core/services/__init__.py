"""The services the entry points use: screening with review memory and storage, over one
database and one matching runtime. Above ``core.screening`` and ``core.review``."""

from core.services.bundle import CoreServices
from core.services.screening import ScreeningService

__all__ = ["CoreServices", "ScreeningService"]
