"""Loading the user's language: TradeScreen's own translation and Qt's standard strings.

Switching installs new translators; Qt then sends every widget a ``LanguageChange`` event and
the widgets set their texts again (``retranslate``), so the switch applies at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from core.paths import resources_dir

_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def install_language(language: str) -> bool:
    """Use ``language`` ("en" or "zh_CN"); returns False if its translation is missing."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        _apply_now()
        return True
    ours = QTranslator(app)
    if not ours.load(f"tradescreen_{language}", translations_dir()):
        return False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    QCoreApplication.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(language))
    _apply_now()
    return True


def _apply_now() -> None:
    """Deliver the LanguageChange events Qt posted, so every widget is retranslated on return."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
