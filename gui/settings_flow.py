"""Applying the Settings dialog: save, switch language, reconnect, and audit the change."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from core.store.database import describe_url, resolve_database_url
from gui import operations
from gui.error_dialogs import show_error
from gui.i18n import install_language
from gui.services import AppServices
from gui.settings import Preferences
from gui.settings_dialog import SettingsDialog
from gui.workers import run_in_background

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def open_settings(window: MainWindow) -> SettingsDialog:
    """Open the dialog without blocking; OK applies it."""
    embedded = describe_url(resolve_database_url(None))
    dialog = SettingsDialog(window.settings.preferences(), embedded, window)
    dialog.accepted.connect(lambda: apply_preferences(window, dialog.preferences()))
    dialog.open()
    return dialog


def changes_between(old: Preferences, new: Preferences) -> dict[str, list[Any]]:
    """Changed fields as ``{name: [old, new]}``; database URLs without passwords."""
    out: dict[str, list[Any]] = {}
    for field in dataclasses.fields(Preferences):
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before != after:
            if field.name == "database_url":
                before = describe_url(before) if before else "embedded"
                after = describe_url(after) if after else "embedded"
            out[field.name] = [before, after]
    return out


def apply_preferences(window: MainWindow, new: Preferences) -> None:
    old = window.settings.preferences()
    if not new.reviewer:
        new = dataclasses.replace(new, reviewer=old.reviewer)
    changes = changes_between(old, new)
    if not changes:
        return
    window.settings.save_preferences(new)
    if new.language != old.language:
        install_language(new.language)
    if new.reviewer != old.reviewer:
        window.services.set_reviewer(new.reviewer)
    if new.default_threshold != old.default_threshold:
        window.screen_page.options.threshold.setValue(new.default_threshold)
    if new.database_url != old.database_url:
        _reconnect(window, old, new, changes)
    else:
        _audit(window, window.services, changes)
        window.retranslate()


def _reconnect(
    window: MainWindow, old: Preferences, new: Preferences, changes: dict[str, list[Any]]
) -> None:
    url = resolve_database_url(new.database_url or None)
    reviewer = new.reviewer

    def connected(services: AppServices) -> None:
        previous = window.services
        window.services = services
        previous.close()
        window.results.clear()
        window.actions_.set_has_result(False)
        window.reload_lists()
        window.history_changed()
        window.retranslate()
        _audit(window, services, changes)
        window.statusBar().showMessage(
            QCoreApplication.translate("SettingsFlow", "Connected to {url}.").format(
                url=services.database_label
            ),
            8000,
        )

    def failed(error: BaseException) -> None:
        window.settings.save_preferences(dataclasses.replace(new, database_url=old.database_url))
        show_error(window, error)

    task = window.run_task(
        QCoreApplication.translate("SettingsFlow", "Connecting to {url}…").format(
            url=describe_url(url)
        ),
        lambda progress: operations.connect(url, reviewer, progress),
        connected,
        rows=False,
    )
    if task is not None:
        task.on_failure = failed
    else:
        window.settings.save_preferences(dataclasses.replace(new, database_url=old.database_url))


def _audit(window: MainWindow, services: AppServices, changes: dict[str, list[Any]]) -> None:
    reviewer = services.reviewer
    run_in_background(
        lambda _progress: services.audit().append(
            "settings.changed", "settings", {"changed": changes}, reviewer
        ),
        parent=window,
        on_failure=lambda error: show_error(window, error),
        exclusive=True,
    )
