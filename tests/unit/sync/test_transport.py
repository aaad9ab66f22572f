"""Moving bundles to and from the stick: verified copies, no leftovers, no surprises."""

from __future__ import annotations

import errno
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import pytest

from desktop.sync import transport
from desktop.sync.bundle import BundleHeader
from desktop.sync.errors import BundleError
from desktop.sync.transport import bundle_file_name, deliver, fetch


def _header(**changes: str) -> BundleHeader:
    fields = {
        "bundle_id": "0b1e5f2a-7c1d-4c8e-9a51-2f6b3d0e9a11",
        "sender_device": "3f9a1c22-aaaa-bbbb-cccc-000000000001",
        "recipient_device": "hub-7d41e0bb",
        "regency_code": "16.02",
        **changes,
    }
    return BundleHeader(
        created_at=datetime(2025, 9, 2, 10, 11, 12, tzinfo=UTC),
        sender_fingerprint="0" * 32,
        schema_version="4",
        format_version=1,
        chunk_size=1 << 20,
        ephemeral_key=bytes(32),
        wrapped_key=bytes(48),
        encoded=b"",
        **fields,
    )


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "local" / "out.sigap"
    path.parent.mkdir()
    path.write_bytes(os.urandom(300_000))
    return path


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    path = tmp_path / "stick"
    path.mkdir()
    return path


def test_bundle_file_name() -> None:
    assert bundle_file_name(_header()) == (
        "sigap-16.02-00000001-ke-7d41e0bb-20250902T101112-3d0e9a11.sigap"
    )


def test_bundle_file_name_names_offices_by_region_when_given() -> None:
    name = bundle_file_name(_header(), sender_label="16.02.05", recipient_label="16.02/..")
    assert name == "sigap-16.02-16.02.05-ke-16.02-20250902T101112-3d0e9a11.sigap"


def test_bundle_file_name_keeps_only_safe_characters() -> None:
    name = bundle_file_name(
        _header(sender_device="../../é x", recipient_device="::", regency_code="1/6:0*2")
    )
    assert name == "sigap-1602-x-ke-x-20250902T101112-3d0e9a11.sigap"


def test_deliver_copies_and_verifies(source: Path, stick: Path) -> None:
    copy = deliver(source, stick)
    assert copy == stick / "out.sigap"
    assert copy.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in stick.iterdir()) == ["out.sigap"]


def test_deliver_under_another_name_replaces_an_older_copy(source: Path, stick: Path) -> None:
    (stick / "named.sigap").write_bytes(b"old")
    (stick / "named.sigap.partial").write_bytes(b"left by a crash")
    copy = deliver(source, stick, name="named.sigap")
    assert copy.read_bytes() == source.read_bytes()
    assert sorted(p.name for p in stick.iterdir()) == ["named.sigap"]


@pytest.mark.parametrize("name", ["", ".", "..", "a/b.sigap", "a\\b", "x.partial"])
def test_deliver_refuses_a_name_that_is_not_a_plain_file_name(
    source: Path, stick: Path, name: str
) -> None:
    with pytest.raises(ValueError):
        deliver(source, stick, name=name)
    assert list(stick.iterdir()) == []


def test_deliver_refuses_when_the_stick_is_too_full(
    source: Path, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usage = shutil.disk_usage(stick)
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage._replace(free=1000))
    with pytest.raises(BundleError) as caught:
        deliver(source, stick)
    assert caught.value.code == "bundle.no_space"
    assert caught.value.params == {"need": 300_000, "free": 1000}
    assert list(stick.iterdir()) == []


def test_a_copy_that_reads_back_wrong_is_deleted(
    source: Path, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transport, "_file_sha256", lambda _path: "0" * 64)
    with pytest.raises(BundleError) as caught:
        deliver(source, stick)
    assert caught.value.code == "bundle.write_verify"
    assert list(stick.iterdir()) == []


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (OSError(errno.EIO, "I/O error"), "bundle.io"),
        (OSError(errno.ENOSPC, "full"), "bundle.no_space"),
    ],
)
def test_a_failed_write_leaves_no_partial(
    source: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    code: str,
) -> None:
    def failing(_file: IO[bytes]) -> None:
        assert (stick / "out.sigap.partial").exists()
        raise error

    monkeypatch.setattr(transport, "_drop_cache", failing)
    with pytest.raises(BundleError) as caught:
        deliver(source, stick)
    assert caught.value.code == code
    assert list(stick.iterdir()) == []


def test_a_failure_after_the_rename_leaves_nothing(
    source: Path, stick: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(_directory: Path) -> None:
        assert (stick / "out.sigap").exists()
        raise KeyboardInterrupt

    monkeypatch.setattr(transport, "_fsync_dir", interrupted)
    with pytest.raises(KeyboardInterrupt):
        deliver(source, stick)
    assert list(stick.iterdir()) == []


def test_deliver_of_a_missing_bundle_is_an_io_error(tmp_path: Path, stick: Path) -> None:
    with pytest.raises(BundleError) as caught:
        deliver(tmp_path / "missing.sigap", stick)
    assert caught.value.code == "bundle.io"
    assert list(stick.iterdir()) == []


@pytest.fixture
def staging(tmp_path: Path) -> Path:
    path = tmp_path / "staging"
    path.mkdir()
    return path


def test_fetch_copies_to_staging(source: Path, staging: Path) -> None:
    local = fetch(source, staging, max_size=1 << 20)
    assert local.parent == staging
    assert local.read_bytes() == source.read_bytes()


def test_fetch_refuses_a_file_over_the_limit(source: Path, staging: Path) -> None:
    with pytest.raises(BundleError) as caught:
        fetch(source, staging, max_size=299_999)
    assert caught.value.code == "bundle.too_big"
    assert caught.value.params == {"size": 300_000, "limit": 299_999}
    assert list(staging.iterdir()) == []
    assert fetch(source, staging, max_size=300_000).stat().st_size == 300_000


def test_fetch_refuses_what_is_not_a_regular_file(tmp_path: Path, staging: Path) -> None:
    with pytest.raises(BundleError) as caught:
        fetch(tmp_path, staging)
    assert caught.value.code == "bundle.not_a_file"
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.sigap"
        os.mkfifo(fifo)
        with pytest.raises(BundleError) as caught:
            fetch(fifo, staging)
        assert caught.value.code == "bundle.not_a_file"
    assert list(staging.iterdir()) == []


def test_fetch_of_a_missing_file_is_an_io_error(tmp_path: Path, staging: Path) -> None:
    with pytest.raises(BundleError) as caught:
        fetch(tmp_path / "gone.sigap", staging)
    assert caught.value.code == "bundle.io"


@pytest.mark.parametrize("change", ["grow", "shrink"])
def test_fetch_refuses_a_file_that_changes_while_copying(
    source: Path, staging: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    real = transport._read_block
    calls: list[int] = []

    def meddling(file: IO[bytes], size: int) -> bytes:
        if not calls:
            with open(source, "r+b") as other:
                if change == "grow":
                    other.seek(0, os.SEEK_END)
                    other.write(b"more")
                else:
                    other.truncate(1000)
        calls.append(size)
        return real(file, size)

    monkeypatch.setattr(transport, "_read_block", meddling)
    with pytest.raises(BundleError) as caught:
        fetch(source, staging)
    assert caught.value.code == "bundle.changed"
    assert list(staging.iterdir()) == []
