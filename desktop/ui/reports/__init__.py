"""The Laporan (reports) tab."""

from desktop.ui.reports.tab import ReportsTab

__all__ = ["ReportsTab"]
