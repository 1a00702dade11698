"""Restriction lists: data model, the as-of rules, list packs and releases."""
