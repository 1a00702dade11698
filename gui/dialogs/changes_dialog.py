"""What a list import changes in earlier screenings: per affected run, the rows whose hits
appear, disappear or change status or basis."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.lists.asof import StatusBasis
from core.lists.model import Status
from core.services.changes import HitChange, RunChanges
from gui.text.labels import status_label


class ChangesDialog(QDialog):
    def __init__(self, changes: Sequence[RunChanges], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesDialog")
        self.setWindowTitle(self.tr("What the new list data changes"))
        self.resize(1040, 480)
        layout = QVBoxLayout(self)
        affected = [c for c in changes if c.affected]
        self.summary = QLabel(
            self.tr("{affected} of {runs} earlier screenings are affected.").format(
                affected=len(affected), runs=len(changes)
            ),
            self,
        )
        layout.addWidget(self.summary)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("changesTree")
        self.tree.setColumnCount(5)
        # what changed first: the widest columns (names) come after it
        self.tree.setHeaderLabels(
            [self.tr("Run / row"), self.tr("Before → after"), self.tr("Supplier"),
             self.tr("Listed entity"), self.tr("List")]
        )  # fmt: skip
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        for run in affected:
            top = QTreeWidgetItem(
                [self.tr("Run {id}: {file} (as of {date})").format(
                    id=run.run_id, file=run.input_name, date=run.as_of.isoformat())]
            )  # fmt: skip
            for change in run.changes:
                top.addChild(QTreeWidgetItem(self._row(change)))
            self.tree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # the run's title across the row
            top.setExpanded(True)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _row(self, change: HitChange) -> list[str]:
        where = (
            self.tr("Sheet {sheet}, row {row}").format(sheet=change.sheet, row=change.row)
            if change.sheet
            else self.tr("Row {row}").format(row=change.row)
        )
        before = self._state(change.before, change.before_basis)
        after = self._state(change.after, change.after_basis)
        return [where, f"{before} → {after}", change.supplier_name,
                change.entity_name or change.entity_id, change.list_id]  # fmt: skip

    def _state(self, status: Status | None, basis: StatusBasis | None) -> str:
        if status is None:
            return self.tr("no hit")
        text = status_label(status)
        if basis is StatusBasis.COMPUTED:
            text += self.tr(" (computed)")
        return text
