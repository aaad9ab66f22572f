"""The Peserta (roster) tab."""

from desktop.ui.roster.tab import RosterTab

__all__ = ["RosterTab"]
