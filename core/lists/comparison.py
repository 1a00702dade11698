"""A later file of the same source, compared with the release before it.

A list file (an OpenSanctions export, the Consolidated Screening List, an own list) says who is
listed now; it does not say who left. Comparing it with the publisher's previous release does:
a party the previous release had on a list and the new file no longer has is kept in the new
release, with its history, and gets a ``removed`` event effective on the new file's date,
marked as derived (quality ``D``) from the comparison.
"""

from __future__ import annotations

import dataclasses

from core.lists.asof import status_as_of
from core.lists.model import Action, ListingEvent, Status
from core.lists.pack import ListPack
from core.lists.snapshot import ListSnapshot, ReleaseInfo


def carry_forward(pack: ListPack, previous: ListSnapshot, release: ReleaseInfo) -> ListPack:
    """``pack`` with the parties of ``previous`` that it dropped, each ``removed`` as of the
    new release's data cut-off (unless already removed by then)."""
    present = {(e.entity_id, e.list_id) for e in pack.events}
    entities = {e.entity_id: e for e in pack.entities}
    lists = {lst.list_id: lst for lst in pack.lists}
    events = list(pack.events)
    seq = len(events)
    removed_on = pack.manifest.data_cutoff
    for entity_id, entity in sorted(previous.entities.items()):
        for list_id in previous.lists_of(entity_id):
            if (entity_id, list_id) in present:
                continue
            history = previous.events(entity_id, list_id)
            entities.setdefault(entity_id, entity)
            if list_id not in lists and list_id in previous.lists:
                lists[list_id] = previous.lists[list_id]
            for old in history:
                events.append(dataclasses.replace(old, seq=seq))
                seq += 1
            if status_as_of(history, removed_on).status is Status.REMOVED:
                continue
            events.append(
                ListingEvent(
                    entity_id=entity_id,
                    list_id=list_id,
                    action=Action.REMOVED,
                    effective_on=removed_on,
                    announced_on=None,
                    announcement=f"not in {pack.manifest.publisher} {pack.manifest.version}",
                    quality="D",
                    note=(
                        f"Derived by comparing files: listed in release {release.version} "
                        f"(data of {release.data_cutoff.isoformat()}), absent from release "
                        f"{pack.manifest.version} (data of {removed_on.isoformat()})."
                    ),
                    seq=seq,
                )
            )
            seq += 1
    return dataclasses.replace(
        pack,
        lists=tuple(lists.values()),
        entities=tuple(entities.values()),
        events=tuple(events),
    )
