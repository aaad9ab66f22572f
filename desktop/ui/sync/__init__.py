"""Sinkronisasi: the sync dialog (send, receive, conflicts, duplicates, devices) and joining."""

from desktop.ui.sync.dialog import SyncDialog
from desktop.ui.sync.join import JoinDialog

__all__ = ["JoinDialog", "SyncDialog"]
