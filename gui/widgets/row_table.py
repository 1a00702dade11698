"""A read-only table of records chosen one row at a time (stored runs, item hits)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def row_table(
    parent: QWidget,
    name: str,
    model: QAbstractItemModel,
    resize: QHeaderView.ResizeMode = QHeaderView.ResizeMode.Interactive,
) -> QTableView:
    """A table over ``model``: whole rows selected one at a time, not editable, alternating
    rows, no row numbers, the last column stretched."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(resize)
    table.horizontalHeader().setStretchLastSection(True)
    return table
