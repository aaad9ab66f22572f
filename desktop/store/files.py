"""Files Sigap keeps for the user alone, and scratch files held while they are in use.

The database, its WAL, import backups (they hold the device's private keys), staging files
(decrypted records) and the log are created readable by their user only: files 0600,
folders 0700 on POSIX (on Windows the user's profile folder already keeps them private).
SQLite gives a database's ``-wal``, ``-shm`` and ``-journal`` files the mode of the database
file itself, so a database created 0600 keeps its companions private too.

A scratch file (a bundle's local copy, a staging database) is *held* by the process that
uses it: an advisory lock (``flock``) on POSIX, an open handle on Windows (where a file that
is open elsewhere cannot be deleted). :func:`sweep_scratch` deletes only scratch files that
no live process holds: what a killed import left behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO

if sys.platform != "win32":
    import fcntl

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700

_POSIX = sys.platform != "win32"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)

# Scratch files this process holds: path -> the descriptor that carries the lock.
_held: dict[str, int] = {}
_held_lock = threading.Lock()


# ---- private files and folders ----------------------------------------------------------


def private_dir(path: Path) -> Path:
    """Create the folder *path* for its user alone (0700) and return it.

    For Sigap's own folders (beside the database, the log folder): one that already exists
    and belongs to this user is tightened to 0700 as well. A symbolic link is left as it is.
    """
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX:
        with contextlib.suppress(OSError):
            status = os.lstat(path)
            if (
                stat.S_ISDIR(status.st_mode)
                and status.st_uid == os.geteuid()
                and stat.S_IMODE(status.st_mode) & 0o077
            ):
                os.chmod(path, stat.S_IMODE(status.st_mode) & PRIVATE_DIR_MODE)
    return path


def create_private(path: Path, mode: int = PRIVATE_FILE_MODE) -> int:
    """Create *path* as a new empty file (by default for its user alone) and return a
    descriptor open for writing.

    Never opens an existing name: a file, or a symbolic link planted to make Sigap write
    through it, raises ``FileExistsError`` (``O_CREAT | O_EXCL | O_NOFOLLOW``).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY
    return os.open(path, flags, mode)


def new_private_file(path: Path) -> Path:
    """Create *path* empty, for its user alone, for SQLite to fill (a new database or a
    backup copy: SQLite keeps the mode of an existing file); ``FileExistsError`` when the
    name is taken."""
    os.close(create_private(path))
    return path


def open_private_log(path: Path) -> IO[str]:
    """Open a log file for appending, creating it for its user alone; an existing log of
    this user is tightened to 0600. A symbolic link in its place is not followed."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | _CLOEXEC
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    try:
        _tighten(fd)
        return os.fdopen(fd, "a", encoding="utf-8")
    except BaseException:
        os.close(fd)
        raise


def _tighten(fd: int) -> None:
    if not _POSIX:
        return
    status = os.fstat(fd)
    if status.st_uid == os.geteuid() and stat.S_IMODE(status.st_mode) & 0o077:
        os.fchmod(fd, PRIVATE_FILE_MODE)


# ---- scratch files held while in use ----------------------------------------------------


def hold(path: Path) -> None:
    """Hold the scratch file *path* for this process (until :func:`release`) and make it
    its user's alone; a sweep in any process leaves it alone meanwhile.

    Raises ``FileNotFoundError`` when the file is gone, or was swept and replaced, before
    the hold took (the caller made it an instant ago: it is then not usable).
    """
    key = str(path)
    if is_held_here(path):
        return  # a second lock of this process would wait for the first one forever
    fd = os.open(path, os.O_RDWR | _NOFOLLOW | _CLOEXEC | _BINARY)
    try:
        if _POSIX:
            with contextlib.suppress(OSError):  # a file system without locks: see sweep
                fcntl.flock(fd, fcntl.LOCK_EX)
            # A sweep may have deleted the file between its creation and the lock.
            if _identity(os.fstat(fd)) != _identity(os.stat(path, follow_symlinks=False)):
                raise FileNotFoundError(errno.ENOENT, "the scratch file was replaced", key)
            _tighten(fd)
        with _held_lock:
            _held[key] = fd
    except BaseException:
        os.close(fd)
        raise


def release(path: Path) -> None:
    """Stop holding *path* (it may then be deleted by a sweep); idempotent."""
    with _held_lock:
        fd = _held.pop(str(path), None)
    if fd is not None:
        os.close(fd)


def discard(path: Path) -> None:
    """Release and delete the scratch file *path* (idempotent)."""
    release(path)
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def is_held_here(path: Path) -> bool:
    """True when this process holds *path*."""
    with _held_lock:
        return str(path) in _held


def sweep_scratch(
    folder: Path, patterns: Iterable[str], *, idle_s: float, unheld_unknown_s: float
) -> list[Path]:
    """Delete the scratch files in *folder* matching *patterns* that no live process holds
    and that nobody wrote for *idle_s* seconds (the instant between a file's creation and
    its hold); return what was deleted.

    Where holding cannot be told (a file system without locks), a file is deleted only once
    nobody wrote it for *unheld_unknown_s* seconds. A missing folder is not created.
    """
    if not folder.is_dir():
        return []
    now = time.time()
    swept = []
    for pattern in patterns:
        for path in folder.glob(pattern):
            if is_held_here(path):
                continue
            try:
                status = os.lstat(path)
            except OSError:
                continue
            if not stat.S_ISREG(status.st_mode) or now - status.st_mtime < idle_s:
                continue
            if _delete_if_unheld(path, old=now - status.st_mtime >= unheld_unknown_s):
                swept.append(path)
    return swept


def _delete_if_unheld(path: Path, *, old: bool) -> bool:
    if not _POSIX:
        # A file that another process has open cannot be deleted on Windows.
        try:
            path.unlink()
        except OSError:
            return False
        return True
    try:
        fd = os.open(path, os.O_RDWR | _NOFOLLOW | _CLOEXEC | _NONBLOCK)
    except OSError:
        return _delete_old(path, old=old)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # a live process holds it
        except OSError:
            return _delete_old(path, old=old)  # no locks here: only the age can tell
        # Held by us now: delete it unless the name meanwhile points at another file.
        try:
            if _identity(os.fstat(fd)) != _identity(os.stat(path, follow_symlinks=False)):
                return False
            path.unlink()
        except OSError:
            return False
        return True
    finally:
        os.close(fd)


def _delete_old(path: Path, *, old: bool) -> bool:
    if not old:
        return False
    try:
        path.unlink()
    except OSError:
        return False
    return True


def _identity(status: os.stat_result) -> tuple[int, int]:
    return (status.st_dev, status.st_ino)


__all__ = [
    "PRIVATE_DIR_MODE",
    "PRIVATE_FILE_MODE",
    "create_private",
    "discard",
    "hold",
    "is_held_here",
    "new_private_file",
    "open_private_log",
    "private_dir",
    "release",
    "sweep_scratch",
]
