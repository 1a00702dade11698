"""Reading supplier files and detecting their columns (and, later, the Excel export)."""

from core.spreadsheets.choice import SheetChoice, read_tables
from core.spreadsheets.reader import list_sheets, read_all_sheets, read_supplier_file
from core.spreadsheets.table import CellValue, ColumnRoles, SupplierRow, SupplierTable

__all__ = [
    "CellValue",
    "ColumnRoles",
    "SheetChoice",
    "SupplierRow",
    "SupplierTable",
    "list_sheets",
    "read_all_sheets",
    "read_supplier_file",
    "read_tables",
]
