"""Finding listed entities by id, name or alias, for the entity browser and ``entity NAME``."""

from __future__ import annotations

from core.lists.model import Entity
from core.lists.snapshot import ListSnapshot
from core.text import fold_key


def find_entities(snapshot: ListSnapshot, query: str, limit: int = 50) -> list[Entity]:
    """Entities whose id, name or alias equals or contains the query (punctuation ignored).

    Exact matches come first, then names that start with the query, then the rest.
    """
    needle = fold_key(query)
    if not needle:
        return []
    ranked: list[tuple[int, str, Entity]] = []
    for entity in snapshot.entities.values():
        best = None
        for name in (entity.entity_id, *entity.names()):
            folded = fold_key(name)
            if folded == needle:
                best = 0
                break
            if folded.startswith(needle):
                best = 1 if best is None else min(best, 1)
            elif needle in folded:
                best = 2 if best is None else min(best, 2)
        if best is not None:
            ranked.append((best, entity.name_en or entity.name_zh, entity))
    ranked.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in ranked[:limit]]
