"""Moving bundle files to and from a USB stick without trusting the stick.

:func:`deliver` copies a finished bundle onto the stick as ``<name>.partial``, fsyncs it,
renames it and reads it back: only then may the user remove the stick. :func:`fetch`
copies a bundle from the stick to a local staging file, which every later check reads, so
a stick pulled out or a file changed half-way cannot split what is checked from what is
applied.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path
from typing import IO

from desktop.store import files
from desktop.sync.bundle import MAX_BUNDLE_SIZE, BundleHeader, read_header_from
from desktop.sync.errors import BundleError

PARTIAL_SUFFIX = ".partial"
BUNDLE_SUFFIX = ".sigap"
_BLOCK = 1 << 20
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")
_NOT_REGENCY = re.compile(r"[^A-Za-z0-9.]")


def bundle_file_name(
    header: BundleHeader,
    *,
    sender_label: str | None = None,
    recipient_label: str | None = None,
) -> str:
    """``sigap-<regency>-<sender>-ke-<recipient>-<UTC yyyymmddThhmmss>-<bundle>.sigap``.

    Sender and recipient are named by their labels (region codes, which people recognise)
    when given, else by the last 8 letters or digits of their device ids (the random part
    of a time-ordered id: devices made in the same minute share the first ones); the regency
    and labels keep letters, digits and dots. Only characters safe on FAT32 are used.
    """
    regency = _NOT_REGENCY.sub("", header.regency_code).strip(".")[:16] or "x"
    stamp = header.created_at.strftime("%Y%m%dT%H%M%S")
    sender = _label(sender_label) or _short(header.sender_device)
    recipient = _label(recipient_label) or _short(header.recipient_device)
    return (
        f"sigap-{regency}-{sender}-ke-{recipient}-{stamp}-{_short(header.bundle_id)}{BUNDLE_SUFFIX}"
    )


def _label(text: str | None) -> str:
    return _NOT_REGENCY.sub("", text or "").strip(".")[:20]


def deliver(bundle: Path, target_dir: Path, *, name: str | None = None) -> Path:
    """Copy *bundle* into *target_dir* safely and return the path of the verified copy.

    The copy is written as ``<name>.partial``, flushed and fsynced, renamed to *name*
    (default: the bundle's own name), the directory fsynced where the platform allows, and
    the copy read back and compared with SHA-256; the cached pages are dropped first where
    the platform allows, so the read-back comes from the stick. On any failure neither the
    ``.partial`` nor the final file is left behind. Nothing is ever written through a name
    already there: the ``.partial`` is created new (``O_EXCL | O_NOFOLLOW``; a plain file
    left by a crash is deleted first), and a symbolic link or anything but a plain file
    under either name is refused ("bundle.target_not_file", param file: the name). Raises
    ``BundleError``: "bundle.no_space" (params need and free when found before copying,
    none when the disk filled up during the copy), "bundle.write_verify", "bundle.io"
    (params errno).
    """
    name = bundle.name if name is None else name
    _check_file_name(name)
    final = target_dir / name
    partial = target_dir / (name + PARTIAL_SUFFIX)
    check_target(target_dir, name)
    try:
        need = bundle.stat().st_size
        free = shutil.disk_usage(target_dir).free
    except OSError as exc:
        raise _io_error(exc) from exc
    if need > free:
        raise BundleError(
            "bundle.no_space", "not enough free space on the target", need=need, free=free
        )
    created = renamed = False
    try:
        digest = hashlib.sha256()
        with open(bundle, "rb") as source:
            _remove_leftover(partial)
            try:
                handle = os.open(partial, _CREATE_NEW, 0o666)
            except FileExistsError:  # planted between the check and now
                raise _not_a_file(partial) from None
            created = True
            with os.fdopen(handle, "wb") as copy:
                while block := source.read(_BLOCK):
                    copy.write(block)
                    digest.update(block)
                copy.flush()
                os.fsync(copy.fileno())
                _drop_cache(copy)
        _check_not_link(final)
        # A rename replaces a name, never writes through it: a link planted as *final*
        # after the check is replaced, not followed.
        os.replace(partial, final)
        renamed = True
        _fsync_dir(target_dir)
        if _file_sha256(final) != digest.hexdigest():
            raise BundleError("bundle.write_verify", "the copy read back differs from the bundle")
    except BaseException as exc:
        if created and not renamed:
            _remove(partial)
        if renamed:
            _remove(final)
        if isinstance(exc, OSError):
            raise _io_error(exc) from exc
        raise
    return final


def check_target(target_dir: Path, name: str) -> None:
    """Refuse to write *name* into *target_dir* when it, or its ``.partial``, is there as a
    symbolic link or as anything but a plain file (a link planted on a stick could point
    at the database): "bundle.target_not_file" with param file (the name)."""
    _check_file_name(name)
    _check_not_link(target_dir / name)
    _check_not_link(target_dir / (name + PARTIAL_SUFFIX))


_CREATE_NEW = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


def _check_not_link(path: Path) -> None:
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _io_error(exc) from exc
    if not stat.S_ISREG(status.st_mode) or _is_link_or_junction(path, status):
        raise _not_a_file(path)


def _is_link_or_junction(path: Path, status: os.stat_result) -> bool:
    if stat.S_ISLNK(status.st_mode):
        return True
    is_junction = getattr(os.path, "isjunction", None)  # Windows, Python 3.12+
    return bool(is_junction is not None and is_junction(path))


def _not_a_file(path: Path) -> BundleError:
    return BundleError(
        "bundle.target_not_file",
        "the target name is a link or not a plain file",
        file=path.name,
    )


def _remove_leftover(partial: Path) -> None:
    """Delete a ``.partial`` left by an interrupted copy (a plain file: deleting a name
    never touches another file, even one it is a hard link to)."""
    _check_not_link(partial)
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()


def fetch(
    source: Path,
    staging_dir: Path,
    *,
    max_size: int = MAX_BUNDLE_SIZE,
    check_header: bool = False,
    hold: bool = False,
) -> Path:
    """Copy a bundle from removable media into *staging_dir*; return the local copy.

    Refuses what is not a regular file ("bundle.not_a_file"), what is bigger than
    *max_size* ("bundle.too_big") and a file whose size or time changes while it is being
    copied ("bundle.changed"). With *check_header*, the bundle header is read and checked on
    the stick first (:func:`~desktop.sync.bundle.read_header_from`), so a file that is no
    bundle is refused with its ``BundleError`` without being copied, and the copy must start
    with the same header ("bundle.changed"). Nothing is left in *staging_dir* on failure.
    Read errors become "bundle.io". With *hold*, the copy is held for this process from
    its creation (:func:`desktop.store.files.hold`): the caller discards it with
    :func:`desktop.store.files.discard`.
    """
    try:
        before = os.stat(source)  # before opening: opening a FIFO or a device can block
    except OSError as exc:
        raise _io_error(exc) from exc
    _check_source(before, max_size)
    staged: Path | None = None
    try:
        flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
        with os.fdopen(os.open(source, flags), "rb") as stick:
            opened = os.fstat(stick.fileno())
            _check_source(opened, max_size)
            if _identity(opened) != _identity(before):
                raise BundleError("bundle.changed", "the file changed before it was copied")
            expected = b""
            if check_header:
                # Before anything is written locally: a 1 GB file that is no bundle costs
                # reading its first bytes, not a copy.
                expected = read_header_from(stick, opened.st_size, max_size=max_size).encoded
                stick.seek(0)
            handle, staged_name = tempfile.mkstemp(
                prefix="fetch-", suffix=BUNDLE_SUFFIX, dir=staging_dir
            )
            staged = Path(staged_name)
            if hold:  # from its creation: a sweep by another process leaves it alone
                files.hold(staged)
            with os.fdopen(handle, "wb") as copy:
                copied = 0
                while block := _read_block(stick, _BLOCK):
                    if copied < len(expected) and (
                        block[: len(expected) - copied] != expected[copied : copied + len(block)]
                    ):
                        raise BundleError("bundle.changed", "the header changed while copying")
                    copied += len(block)
                    if copied > opened.st_size:
                        raise BundleError("bundle.changed", "the file grew while being copied")
                    copy.write(block)
                after = os.fstat(stick.fileno())
                if copied != opened.st_size or _identity(after) != _identity(opened):
                    raise BundleError("bundle.changed", "the file changed while being copied")
                copy.flush()
                os.fsync(copy.fileno())
                return staged
    except BaseException as exc:
        if staged is not None:
            files.release(staged)
            _remove(staged)
        if isinstance(exc, OSError):
            raise _io_error(exc) from exc
        raise


def _read_block(file: IO[bytes], size: int) -> bytes:
    return file.read(size)


def _check_source(status: os.stat_result, max_size: int) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise BundleError("bundle.not_a_file", "a bundle must be a regular file")
    if status.st_size > max_size:
        raise BundleError(
            "bundle.too_big",
            "the file is bigger than a bundle may be",
            size=status.st_size,
            limit=max_size,
        )


def _identity(status: os.stat_result) -> tuple[int, int, int, int]:
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def _check_file_name(name: str) -> None:
    if (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or name.endswith(PARTIAL_SUFFIX)
    ):
        raise ValueError("the target name must be a plain file name")


def _short(value: str) -> str:
    return _NOT_ALNUM.sub("", value)[-8:] or "x"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as file:
        _drop_cache(file)
        while block := file.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _drop_cache(file: IO[bytes]) -> None:
    """Ask the OS to forget cached pages of a synced file, so reading it hits the device."""
    if hasattr(os, "posix_fadvise"):
        with contextlib.suppress(OSError):
            os.posix_fadvise(file.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable; not possible on Windows, and some filesystems refuse it."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _io_error(exc: OSError) -> BundleError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BundleError("bundle.no_space", "the target ran out of space")
    return BundleError("bundle.io", "reading or writing the bundle failed", errno=exc.errno)


__all__ = ["bundle_file_name", "check_target", "deliver", "fetch"]
