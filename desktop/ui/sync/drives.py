"""Which mounted drives look like a USB stick (the usual place to write a bundle to)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

# Where desktops mount removable media.
_REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")
# File systems sticks come formatted with.
_STICK_FILE_SYSTEMS = {"vfat", "fat", "fat32", "exfat", "msdos", "ntfs", "fuseblk"}


@dataclass(frozen=True)
class Drive:
    """A mounted drive that a bundle could be written to."""

    root: Path
    label: str
    free: int
    total: int


def _looks_removable(root: str, file_system: str) -> bool:
    if sys.platform == "win32":
        # "C:/" from Qt, "C:\\" from pathlib: compare the drive letters only.
        system_drive = os.environ.get("SYSTEMDRIVE", Path.home().drive).upper()[:2]
        return bool(root) and root.upper()[:2] != system_drive
    if root.startswith(_REMOVABLE_ROOTS) and root.rstrip("/") not in ("/mnt", "/media"):
        return True
    return file_system.lower() in _STICK_FILE_SYSTEMS and root != "/"


def removable_drives() -> list[Drive]:
    """Mounted, writable drives that look removable (USB sticks, memory cards)."""
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        file_system = bytes(volume.fileSystemType().data()).decode(errors="replace")
        if not _looks_removable(root, file_system):
            continue
        name = volume.displayName() if volume.name() else Path(root).name or root
        drives.append(
            Drive(Path(root), name, int(volume.bytesAvailable()), int(volume.bytesTotal()))
        )
    return sorted(drives, key=lambda d: str(d.root))
