"""The one rule for pausing the cyclic garbage collector (core and window share it)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from core.collector import collector_paused, pause_collector, resume_collector


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_pauses_nest_and_the_last_one_switches_it_back_on() -> None:
    pause_collector()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the outer pause still holds
    resume_collector()
    assert gc.isenabled()


def test_a_collector_off_before_the_first_pause_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_a_freeze_asked_by_an_inner_pause_happens_when_the_last_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(gc.isenabled()))
    with collector_paused():
        pause_collector()
        resume_collector(freeze=True)
        assert frozen == []
    assert frozen == [False]  # frozen while still paused, then switched on
    assert gc.isenabled()


def test_a_resume_without_a_pause_does_nothing() -> None:
    gc.disable()
    resume_collector(freeze=True)
    assert not gc.isenabled()
