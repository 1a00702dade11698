"""TradeScreen desktop app (PySide6). Calls core services; never builds SQL or parses files."""
