"""The freshness rule: a screening date after a release's data cut-off gets a warning."""

from __future__ import annotations

import datetime as dt

from core.lists.snapshot import ReleaseInfo, freshness_warning, freshness_warnings


def _release(cutoff: dt.date, release_id: int = 1) -> ReleaseInfo:
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return ReleaseInfo(release_id, "TradeScreen", "1", cutoff, "0" * 64, stamp, ("l",))


def test_a_date_after_the_cut_off_is_warned_about_and_the_cut_off_itself_is_not() -> None:
    release = _release(dt.date(2025, 5, 1))
    assert freshness_warning(release, dt.date(2025, 5, 1)) is None
    warning = freshness_warning(release, dt.date(2025, 5, 31))
    assert warning is not None and warning.days_after_cutoff == 30


def test_warnings_keep_the_order_of_the_releases() -> None:
    old, new = _release(dt.date(2025, 1, 1), 1), _release(dt.date(2025, 6, 1), 2)
    as_of = dt.date(2025, 7, 1)
    assert [w.release for w in freshness_warnings([new, old], as_of)] == [new, old]
    assert freshness_warnings([new], dt.date(2025, 6, 1)) == []
