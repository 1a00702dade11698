"""TradeScreen core: list data, as-of rules, matching, screening. Never imports Qt."""

__version__ = "0.1.0"
