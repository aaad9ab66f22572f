"""The bundle file: round trips, and every way a damaged or forged file must be refused."""

from __future__ import annotations

import hashlib
import os
import random
import struct
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync import bundle
from desktop.sync.bundle import (
    MAGIC,
    BundleCancelled,
    BundleError,
    BundleInfo,
    BundleReader,
    read_header,
    read_manifest,
    read_records,
    verify_signature,
    write_bundle,
)
from desktop.sync.keys import DeviceKeys

SENDER = DeviceKeys.generate()
RECIPIENT = DeviceKeys.generate()
STRANGER = DeviceKeys.generate()
MANIFEST = {"ranges": {"dev-a": [1, 300]}, "acked": {"hub-0001": 17}, "note": "ü", "n": None}
STAMP = datetime(2025, 9, 2, 10, 11, 12, tzinfo=UTC)
TRAILER = 72


def _write(
    path: Path,
    records: list[bytes] | Iterator[bytes],
    *,
    chunk_size: int = 1 << 20,
    sender: DeviceKeys = SENDER,
    recipient: DeviceKeys = RECIPIENT,
    regency_code: str = "16.02",
    **options: Any,
) -> BundleInfo:
    return write_bundle(
        path,
        bundle_id="0b1e5f2a-7c1d-4c8e-9a51-2f6b3d0e9a11",
        sender_device="dev-a-0001",
        recipient_device="hub-0001",
        regency_code=regency_code,
        schema_version="4",
        sender_keys=sender,
        recipient_exchange_public=recipient.public.exchange,
        records=records,
        manifest=MANIFEST,
        chunk_size=chunk_size,
        created_at=STAMP,
        **options,
    )


def _read_everything(path: Path) -> tuple[list[bytes], bundle.BundleManifest]:
    header = read_header(path)
    verify_signature(path, header, SENDER.public)
    reader = BundleReader(path, header, RECIPIENT, sender_signing_public=SENDER.public)
    records = list(reader.records())
    return records, reader.manifest


def _frames(data: bytes) -> tuple[int, list[tuple[int, int]]]:
    """(end of the header, [(start, end) of each chunk frame]) read from the documented layout."""
    (header_length,) = struct.unpack(">I", data[10:14])
    position = 14 + header_length
    frames = []
    while position < len(data) - TRAILER:
        (length,) = struct.unpack(">I", data[position : position + 4])
        frames.append((position, position + 4 + length))
        position += 4 + length
    assert position == len(data) - TRAILER
    return 14 + header_length, frames


def _rejections(path: Path) -> set[str]:
    """Run each check that gets as far as it can; return the codes of what refused the file.

    Any exception but BundleError fails the test; so does a check that accepts the file
    (read_header alone may accept it when the damage lies beyond the header).
    """
    try:
        header = read_header(path)
    except BundleError as exc:
        return {exc.code}
    codes = set()
    with pytest.raises(BundleError) as signature:
        verify_signature(path, header, SENDER.public.signing)
    codes.add(signature.value.code)
    with pytest.raises(BundleError) as records:
        list(read_records(path, header, RECIPIENT))
    codes.add(records.value.code)
    return codes


def _varied_records(count: int, seed: int = 1) -> list[bytes]:
    rng = random.Random(seed)
    return [
        rng.randbytes(rng.randrange(0, 60)) + b"worker-%06d;" % i * rng.randrange(0, 5)
        for i in range(count)
    ]


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize(
    ("records", "chunk_size"),
    [
        ([], 1 << 20),
        ([b"one record"], 1 << 20),
        ([b""], 64),
        (_varied_records(600), 128),
        ([bytes(range(256)) * 40], 64),
    ],
    ids=["empty", "one", "one-empty-record", "many-small-chunks", "one-record-many-chunks"],
)
def test_round_trip(tmp_path: Path, records: list[bytes], chunk_size: int) -> None:
    path = tmp_path / "out.sigap"
    info = _write(path, records, chunk_size=chunk_size)

    data = path.read_bytes()
    assert info.size == len(data)
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.record_count == len(records)
    assert info.header == read_header(path)
    read, manifest = _read_everything(path)
    assert read == records
    assert manifest.content == MANIFEST
    assert manifest.record_count == len(records)
    assert manifest.record_bytes == sum(map(len, records))
    assert (manifest.sender_device, manifest.recipient_device) == ("dev-a-0001", "hub-0001")
    assert (manifest.regency_code, manifest.schema_version) == ("16.02", "4")
    if len(records) > 100:
        assert len(_frames(data)[1]) > 5


def test_header_reads_without_keys(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"a"], chunk_size=4096)
    header = read_header(path)
    assert header.bundle_id == "0b1e5f2a-7c1d-4c8e-9a51-2f6b3d0e9a11"
    assert header.created_at == STAMP
    assert header.sender_device == "dev-a-0001"
    assert header.sender_fingerprint == SENDER.public.fingerprint
    assert header.recipient_device == "hub-0001"
    assert (header.regency_code, header.schema_version) == ("16.02", "4")
    assert (header.format_version, header.chunk_size) == (1, 4096)
    assert path.read_bytes().startswith(MAGIC + b"\x00\x01")


def test_nothing_but_the_header_is_readable_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"NIK 1602011234567890 Budi Santoso"] * 50)
    data = path.read_bytes()
    assert b"Budi" not in data and b"1602011234567890" not in data
    assert b"ranges" not in data  # the manifest is inside the encrypted payload


def test_read_manifest_and_read_records(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"a", b"b"])
    header = read_header(path)
    assert list(read_records(path, header, RECIPIENT)) == [b"a", b"b"]
    assert read_manifest(path, header, RECIPIENT).content == MANIFEST


def test_manifest_is_not_available_before_the_records_end(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"a", b"b"])
    reader = BundleReader(path, read_header(path), RECIPIENT)
    records = reader.records()
    assert next(records) == b"a"
    with pytest.raises(RuntimeError):
        _ = reader.manifest
    with pytest.raises(RuntimeError):
        reader.records()
    assert list(records) == [b"b"]
    assert reader.manifest.record_count == 2


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    records=st.lists(st.binary(max_size=300), max_size=40),
    chunk_size=st.integers(min_value=64, max_value=700),
)
def test_any_records_round_trip(records: list[bytes], chunk_size: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "out.sigap"
        _write(path, records, chunk_size=chunk_size)
        assert _read_everything(path)[0] == records


# --------------------------------------------------------------------------- damage


def test_truncation_at_every_chunk_boundary_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "full.sigap"
    _write(source, _varied_records(300), chunk_size=256)
    data = source.read_bytes()
    header_end, frames = _frames(data)
    assert len(frames) >= 8
    cut = tmp_path / "cut.sigap"
    for offset in [start for start, _end in frames] + [len(data) - TRAILER]:
        cut.write_bytes(data[:offset])
        codes = _rejections(cut)
        assert codes <= {"bundle.truncated", "bundle.signature"}, offset


def test_truncation_inside_the_header_and_the_trailer_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "full.sigap"
    _write(source, _varied_records(50), chunk_size=256)
    data = source.read_bytes()
    header_end, _frames_ = _frames(data)
    cut = tmp_path / "cut.sigap"
    inside_header = [1, 5, 8, 9, 10, 13, 14, 15, header_end // 2, header_end - 1, header_end]
    inside_trailer = [len(data) - n for n in (71, 64, 63, 40, 8, 1)]
    for offset in inside_header + inside_trailer:
        cut.write_bytes(data[:offset])
        assert _rejections(cut) <= {"bundle.truncated", "bundle.signature"}, offset
    cut.write_bytes(b"")
    assert _rejections(cut) == {"bundle.not_a_bundle"}


def test_a_flipped_bit_anywhere_is_refused_and_never_yields_a_wrong_record(
    tmp_path: Path,
) -> None:
    source = tmp_path / "full.sigap"
    records = _varied_records(40, seed=7)
    _write(source, records, chunk_size=256)
    data = source.read_bytes()
    assert 1500 < len(data) < 4000
    damaged = tmp_path / "damaged.sigap"
    started = time.perf_counter()
    for position in range(len(data)):
        flipped = bytearray(data)
        flipped[position] ^= 1 << (position % 8)
        damaged.write_bytes(flipped)
        try:
            header = read_header(damaged)
        except BundleError:
            continue
        with pytest.raises(BundleError):
            verify_signature(damaged, header, SENDER.public)
        # Without the signature check the AEAD alone must hold, except in the signature.
        yielded: list[bytes] = []
        reader = BundleReader(damaged, header, RECIPIENT)
        try:
            for record in reader.records():
                assert record == records[len(yielded)], position
                yielded.append(record)
        except BundleError:
            continue
        assert position >= len(data) - 64, position  # only the signature bytes remain
        assert yielded == records
        with pytest.raises(BundleError) as caught:
            list(
                BundleReader(
                    damaged, header, RECIPIENT, sender_signing_public=SENDER.public
                ).records()
            )
        assert caught.value.code == "bundle.signature"
    assert time.perf_counter() - started < 20


def test_a_bundle_signed_by_another_key_fails_against_the_pinned_key(tmp_path: Path) -> None:
    path = tmp_path / "forged.sigap"
    _write(path, [b"a"], sender=STRANGER)  # claims to come from dev-a-0001
    header = read_header(path)
    for pinned in (SENDER.public, SENDER.public.signing):
        with pytest.raises(BundleError) as caught:
            verify_signature(path, header, pinned)
        assert caught.value.code == "bundle.signature"
    with pytest.raises(BundleError) as caught:
        list(BundleReader(path, header, RECIPIENT, sender_signing_public=SENDER.public).records())
    assert caught.value.code == "bundle.signature"


def test_verify_signature_refuses_a_key_with_another_fingerprint(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"a"])
    with pytest.raises(BundleError) as caught:
        verify_signature(path, read_header(path), STRANGER.public)
    assert caught.value.code == "bundle.signature"


def test_a_bundle_for_another_recipient_cannot_be_decrypted(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"secret"])
    header = read_header(path)
    verify_signature(path, header, SENDER.public)
    yielded: list[bytes] = []
    with pytest.raises(BundleError) as caught:
        yielded.extend(read_records(path, header, STRANGER))
    assert caught.value.code == "bundle.decrypt"
    assert yielded == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'"regency_code":"16.02"', b'"regency_code":"16.03"'),
        (b'"recipient_device":"hub-0001"', b'"recipient_device":"hub-0002"'),
        (b'"regency_code":"16.02"', b'"regency_code":"16.02.01"'),
        (b'"sender_device":"dev-a-0001"', b'"sender_device":"dev-b-0001"'),
        (b'"created_at":"2025-09-02T10:11:12Z"', b'"created_at":"2025-09-03T10:11:12Z"'),
        (b'"chunk_size":1048576', b'"chunk_size":1048577'),
    ],
)
def test_an_edited_header_fails_signature_and_decryption(
    tmp_path: Path, old: bytes, new: bytes
) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"a", b"b"])
    data = path.read_bytes()
    (length,) = struct.unpack(">I", data[10:14])
    header_json = data[14 : 14 + length]
    assert old in header_json
    edited = header_json.replace(old, new)
    path.write_bytes(data[:10] + struct.pack(">I", len(edited)) + edited + data[14 + length :])
    header = read_header(path)  # still a well-formed header
    with pytest.raises(BundleError) as signature:
        verify_signature(path, header, SENDER.public)
    assert signature.value.code == "bundle.signature"
    with pytest.raises(BundleError) as records:
        list(read_records(path, header, RECIPIENT))
    assert records.value.code == "bundle.decrypt"


@pytest.mark.parametrize("garbage", [b"\x00", b"x" * 71, b"x" * 72, b"x" * 5000, "trailer"])
def test_garbage_after_the_trailer_is_refused(tmp_path: Path, garbage: bytes | str) -> None:
    path = tmp_path / "out.sigap"
    _write(path, _varied_records(30), chunk_size=128)
    data = path.read_bytes()
    extra = data[-TRAILER:] if garbage == "trailer" else garbage
    assert isinstance(extra, bytes)
    path.write_bytes(data + extra)
    assert _rejections(path) <= {
        "bundle.truncated",
        "bundle.corrupt",
        "bundle.decrypt",
        "bundle.signature",
    }


def _swap(frames: list[bytes]) -> list[bytes]:
    return [frames[1], frames[0], *frames[2:]]


def _rotate(frames: list[bytes]) -> list[bytes]:
    return frames[1:] + frames[:1]


def _reverse(frames: list[bytes]) -> list[bytes]:
    return frames[::-1]


def _duplicate(frames: list[bytes]) -> list[bytes]:
    return [frames[0], *frames[:2], *frames[2:]]


def _duplicate_last(frames: list[bytes]) -> list[bytes]:
    return [*frames, frames[-1]]


def _drop_middle(frames: list[bytes]) -> list[bytes]:
    return frames[:2] + frames[3:]


def _drop_last(frames: list[bytes]) -> list[bytes]:
    return frames[:-1]


def _final_first(frames: list[bytes]) -> list[bytes]:
    return frames[-1:] + frames[:-1]


@pytest.mark.parametrize(
    "change",
    [_swap, _rotate, _reverse, _duplicate, _duplicate_last, _drop_middle, _drop_last, _final_first],
)
def test_chunks_swapped_reordered_duplicated_or_dropped_are_refused(
    tmp_path: Path, change: Callable[[list[bytes]], list[bytes]]
) -> None:
    path = tmp_path / "out.sigap"
    records = _varied_records(200)
    _write(path, records, chunk_size=128)
    data = path.read_bytes()
    header_end, spans = _frames(data)
    frames = [data[start:end] for start, end in spans]
    assert len(frames) > 5
    path.write_bytes(data[:header_end] + b"".join(change(frames)) + data[-TRAILER:])
    header = read_header(path)
    with pytest.raises(BundleError) as signature:
        verify_signature(path, header, SENDER.public)
    assert signature.value.code == "bundle.signature"
    yielded: list[bytes] = []
    with pytest.raises(BundleError) as caught:
        yielded.extend(read_records(path, header, RECIPIENT))
    assert caught.value.code == "bundle.decrypt"
    assert yielded == records[: len(yielded)]


def test_a_chunk_from_another_bundle_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sigap", tmp_path / "b.sigap"
    _write(first, _varied_records(100), chunk_size=128)
    _write(second, _varied_records(100), chunk_size=128)
    a, b = first.read_bytes(), second.read_bytes()
    a_end, a_frames = _frames(a)
    _b_end, b_frames = _frames(b)
    start, end = a_frames[1]
    b_start, b_stop = b_frames[1]
    first.write_bytes(a[:start] + b[b_start:b_stop] + a[end:])
    header = read_header(first)
    with pytest.raises(BundleError) as caught:
        list(read_records(first, header, RECIPIENT))
    assert caught.value.code in {"bundle.decrypt", "bundle.corrupt", "bundle.truncated"}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00" * 100,
        b"hello world, this is not a bundle at all",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20,
        b"PK\x03\x04" + b"\x00" * 200,
        b"SIGAPBD_" + b"\x00" * 200,
    ],
    ids=["empty", "zeros", "text", "pdf", "zip", "near-magic"],
)
def test_files_that_are_not_bundles_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "thing.sigap"
    path.write_bytes(content)
    with pytest.raises(BundleError) as caught:
        read_header(path)
    assert caught.value.code == "bundle.not_a_bundle"


def test_a_directory_fifo_or_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BundleError) as caught:
        read_header(tmp_path)
    assert caught.value.code == "bundle.not_a_file"
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.sigap")  # opening it would block
        with pytest.raises(BundleError) as caught:
            read_header(tmp_path / "pipe.sigap")
        assert caught.value.code == "bundle.not_a_file"
    with pytest.raises(BundleError) as caught:
        read_header(tmp_path / "missing.sigap")
    assert caught.value.code == "bundle.io"


def test_a_newer_format_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    _write(path, [b"a"])
    data = bytearray(path.read_bytes())
    data[8:10] = struct.pack(">H", 2)
    path.write_bytes(data)
    with pytest.raises(BundleError) as caught:
        read_header(path)
    assert caught.value.code == "bundle.version"
    assert caught.value.params == {"found": 2, "supported": 1}


def test_a_huge_declared_header_length_is_refused_without_allocating_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.sigap"
    path.write_bytes(MAGIC + struct.pack(">HI", 1, 0xFFFF_FFFF) + b"{}" + b"\x00" * 100)
    tracemalloc.start()
    try:
        with pytest.raises(BundleError) as caught:
            read_header(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.code == "bundle.header"
    assert peak < 256 * 1024
    path.write_bytes(MAGIC + struct.pack(">HI", 1, 60_000) + b"{}")
    with pytest.raises(BundleError) as caught:
        read_header(path)
    assert caught.value.code == "bundle.truncated"


def _header_file(path: Path, header: dict[str, Any] | bytes) -> Path:
    import orjson

    body = header if isinstance(header, bytes) else orjson.dumps(header)
    path.write_bytes(MAGIC + struct.pack(">HI", 1, len(body)) + body + b"\x00" * 200)
    return path


def _good_header(tmp_path: Path) -> dict[str, Any]:
    import orjson

    path = tmp_path / "good.sigap"
    _write(path, [b"a"])
    data = path.read_bytes()
    (length,) = struct.unpack(">I", data[10:14])
    header: dict[str, Any] = orjson.loads(data[14 : 14 + length])
    return header


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("bundle_id", ""),
        ("bundle_id", 7),
        ("sender_device", "a\nb"),
        ("regency_code", None),
        ("schema_version", "x" * 201),
        ("created_at", "2025-09-02 10:11:12"),
        ("created_at", "2025-13-02T10:11:12Z"),
        ("sender_fingerprint", "ABCDEF"),
        ("chunk_size", 0),
        ("chunk_size", True),
        ("chunk_size", 1 << 30),
        ("chunk_size", "1048576"),
        ("ephemeral_key", "AAAA"),
        ("ephemeral_key", "!" * 43),
        ("wrapped_key", "A" * 43),
        ("surprise", "field"),
    ],
)
def test_a_bad_header_field_is_refused(tmp_path: Path, key: str, value: object) -> None:
    header = _good_header(tmp_path)
    header[key] = value
    with pytest.raises(BundleError) as caught:
        read_header(_header_file(tmp_path / "bad.sigap", header))
    assert caught.value.code == "bundle.header"


@pytest.mark.parametrize("body", [b"[1, 2]", b"{not json}", b"\xff\xfe{}", b'{"a": NaN}'])
def test_a_header_that_is_not_a_json_object_is_refused(tmp_path: Path, body: bytes) -> None:
    with pytest.raises(BundleError) as caught:
        read_header(_header_file(tmp_path / "bad.sigap", body))
    assert caught.value.code == "bundle.header"


def test_a_missing_header_field_is_refused(tmp_path: Path) -> None:
    header = _good_header(tmp_path)
    del header["recipient_device"]
    with pytest.raises(BundleError) as caught:
        read_header(_header_file(tmp_path / "bad.sigap", header))
    assert caught.value.code == "bundle.header"


def test_a_file_bigger_than_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    info = _write(path, [b"a"])
    with pytest.raises(BundleError) as caught:
        read_header(path, max_size=info.size - 1)
    assert caught.value.code == "bundle.too_big"


def test_a_header_from_another_file_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sigap", tmp_path / "b.sigap"
    _write(first, [b"a"])
    _write(second, [b"a"])
    header = read_header(first)
    with pytest.raises(BundleError) as caught:
        verify_signature(second, header, SENDER.public)
    assert caught.value.code == "bundle.header"
    with pytest.raises(BundleError) as caught:
        list(read_records(second, header, RECIPIENT))
    assert caught.value.code == "bundle.header"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("record_count", 4),
        ("record_bytes", 0),
        ("records_sha256", "0" * 64),
        ("regency_code", "16.03"),
        ("recipient_device", "hub-0002"),
        ("bundle_id", "another"),
        ("format", 2),
        ("content", [1]),
        ("extra", 1),
    ],
)
def test_a_manifest_that_disagrees_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, value: object
) -> None:
    import orjson

    real = bundle._encode_manifest

    def lying(*args: Any, **kwargs: Any) -> bytes:
        manifest = orjson.loads(real(*args, **kwargs))
        manifest[field] = value
        return orjson.dumps(manifest)

    monkeypatch.setattr(bundle, "_encode_manifest", lying)
    path = tmp_path / "out.sigap"
    _write(path, [b"a", b"b", b"c"])
    header = read_header(path)
    verify_signature(path, header, SENDER.public)  # the sender signed the lie
    with pytest.raises(BundleError) as caught:
        list(read_records(path, header, RECIPIENT))
    assert caught.value.code == "bundle.manifest"


def test_a_manifest_that_is_not_json_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "_encode_manifest", lambda *args, **kwargs: b"\xff not json")
    path = tmp_path / "out.sigap"
    _write(path, [b"a"])
    with pytest.raises(BundleError) as caught:
        list(read_records(path, read_header(path), RECIPIENT))
    assert caught.value.code == "bundle.manifest"


# --------------------------------------------------------------------------- writing


def test_the_writer_refuses_to_pass_the_size_limit_and_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    rng = random.Random(3)
    records = (rng.randbytes(1000) for _ in range(100))
    with pytest.raises(BundleError) as caught:
        _write(path, records, chunk_size=4096, max_size=50_000)
    assert caught.value.code == "bundle.too_big"
    assert list(tmp_path.iterdir()) == []


def test_a_bundle_exactly_at_the_limit_is_written(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    size = _write(path, [b"a" * 500]).size
    path.unlink()
    assert _write(path, [b"a" * 500], max_size=size).size == size
    path.unlink()
    with pytest.raises(BundleError):
        _write(path, [b"a" * 500], max_size=size - 1)
    assert not path.exists()


def test_a_record_over_the_record_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "MAX_RECORD_SIZE", 5000)
    path = tmp_path / "out.sigap"
    with pytest.raises(BundleError) as caught:
        _write(path, [b"a" * 5000, b"a" * 5001])
    assert caught.value.code == "bundle.too_big"
    assert caught.value.params["record"] == 1
    assert not path.exists()


def test_a_manifest_over_the_record_limit_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "MAX_RECORD_SIZE", 5000)
    path = tmp_path / "out.sigap"
    with pytest.raises(BundleError) as caught:
        write_bundle(
            path,
            bundle_id="b",
            sender_device="s",
            recipient_device="r",
            regency_code="16",
            schema_version="1",
            sender_keys=SENDER,
            recipient_exchange_public=RECIPIENT.public.exchange,
            records=[],
            manifest={"ranges": list(range(1000))},
        )
    assert caught.value.code == "bundle.too_big"
    assert not path.exists()


def test_cancel_deletes_the_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    seen: list[int] = []

    def records() -> Iterator[bytes]:
        for i in range(10_000):
            yield b"record %d" % i

    with pytest.raises(BundleCancelled):
        _write(path, records(), chunk_size=128, cancel=lambda: len(seen) >= 3, progress=seen.append)
    assert seen == [1024, 2048, 3072]
    assert list(tmp_path.iterdir()) == []


def test_progress_counts_records_up_to_the_total(tmp_path: Path) -> None:
    seen: list[int] = []
    _write(tmp_path / "out.sigap", [b"x"] * 2500, progress=seen.append, cancel=lambda: False)
    assert seen == [1024, 2048, 2500]


def test_an_error_in_the_records_leaves_nothing(tmp_path: Path) -> None:
    def records() -> Iterator[bytes]:
        yield b"fine"
        raise KeyError("database went away")

    with pytest.raises(KeyError):
        _write(tmp_path / "out.sigap", records())
    with pytest.raises(TypeError):
        _write(tmp_path / "out.sigap", [b"fine", "text"])  # type: ignore[list-item]
    assert list(tmp_path.iterdir()) == []


def test_the_writer_never_overwrites_a_file(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    path.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        _write(path, [b"a"])
    assert path.read_bytes() == b"precious"


def test_the_writer_refuses_bad_arguments_before_creating_a_file(tmp_path: Path) -> None:
    path = tmp_path / "out.sigap"
    with pytest.raises(ValueError):
        _write(path, [], regency_code="")
    with pytest.raises(ValueError):
        _write(path, [], chunk_size=10)
    with pytest.raises(ValueError):
        write_bundle(
            path,
            bundle_id="b",
            sender_device="s",
            recipient_device="r",
            regency_code="16",
            schema_version="1",
            sender_keys=SENDER,
            recipient_exchange_public=b"x" * 32,
            records=[],
            manifest={},
            created_at=datetime(2025, 1, 1),
        )
    with pytest.raises(TypeError):
        write_bundle(
            path,
            bundle_id="b",
            sender_device="s",
            recipient_device="r",
            regency_code="16",
            schema_version="1",
            sender_keys=SENDER,
            recipient_exchange_public=b"x" * 32,
            records=[],
            manifest={"when": datetime(2025, 1, 1, tzinfo=UTC)},
        )
    for key in (b"x" * 31, bytes(32)):
        with pytest.raises(BundleError) as caught:
            write_bundle(
                path,
                bundle_id="b",
                sender_device="s",
                recipient_device="r",
                regency_code="16",
                schema_version="1",
                sender_keys=SENDER,
                recipient_exchange_public=key,
                records=[],
                manifest={},
            )
        assert caught.value.code == "bundle.recipient"
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- memory


def test_fifty_megabytes_go_through_in_a_few_megabytes_of_memory(tmp_path: Path) -> None:
    rng = random.Random(5)
    noise = [rng.randbytes(256) for _ in range(64)]
    count = 50_000
    record_size = 1000

    def records() -> Iterator[bytes]:
        for i in range(count):
            yield noise[i % 64] + (b"%08d" % i) * 93

    path = tmp_path / "big.sigap"
    tracemalloc.start()
    try:
        info = _write(path, records())
        write_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        header = read_header(path)
        reader = BundleReader(path, header, RECIPIENT, sender_signing_public=SENDER.public)
        total = 0
        for n, record in enumerate(reader.records()):
            total += len(record)
            if n % 9973 == 0:
                assert record == noise[n % 64] + (b"%08d" % n) * 93
        read_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == info.record_bytes == count * record_size
    assert reader.manifest.record_count == count
    assert info.size > 8 << 20  # several chunks of 1 MiB
    assert write_peak < 6 << 20, write_peak
    assert read_peak < 6 << 20, read_peak
