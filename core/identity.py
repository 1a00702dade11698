"""Who is using the app, for decisions and the audit trail."""

from __future__ import annotations

import getpass
import os


def default_reviewer() -> str:
    """The operating-system user name; "unknown" when the system cannot tell (no login)."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):
        name = os.environ.get("USERNAME", "")
    return name.strip() or "unknown"
