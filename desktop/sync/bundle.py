"""The bundle file: one signed, encrypted, compressed file that carries records between devices.

On-disk layout (format version 1; integers are big-endian)::

    offset    size  field
    0         8     magic b"SIGAPBDL"
    8         2     format version, u16 (1)
    10        4     header length H, u32 (at most MAX_HEADER_SIZE)
    14        H     header: JSON object, UTF-8, sorted keys, no spaces (below)
    14+H      ...   one or more chunks, each: u32 length N, then N bytes of
                    ChaCha20-Poly1305 ciphertext (N - 16 <= chunk_size)
    size-72   8     trailer marker b"SIGAPSIG"
    size-64   64    Ed25519 signature of the sender

The "prefix" is bytes [0, 14+H): magic, version, length and header JSON.

Header JSON keys (all required, no others): ``bundle_id``, ``created_at``
("YYYY-MM-DDTHH:MM:SSZ", UTC), ``sender_device``, ``sender_fingerprint`` (32 hex digits,
see :class:`~desktop.sync.keys.PublicKeys`), ``recipient_device``, ``regency_code``,
``schema_version`` (strings), ``chunk_size`` (int), ``ephemeral_key`` (32 bytes) and
``wrapped_key`` (48 bytes), both base64url without padding.

File key: 32 random bytes per bundle. It is wrapped to the recipient's X25519 key: an
ephemeral X25519 key pair is made, ``shared = X25519(ephemeral, recipient)``, ``wrap key =
HKDF-SHA256(shared, salt=none, info=WRAP_INFO + lp(bundle_id) + lp(recipient_device) +
ephemeral public + recipient public)`` (``lp`` = u16 length + UTF-8), and ``wrapped_key =
ChaCha20-Poly1305(wrap key).encrypt(nonce=12 zero bytes, file key, aad=WRAP_INFO)``.

Payload: a stream of frames ``u8 kind + u32 length + bytes``: kind 0 for each record, then
exactly one kind 1 frame, the manifest (JSON, last). The stream is zlib-compressed with one
compressor, the compressed bytes are cut into pieces of ``chunk_size`` and each piece is
encrypted under the file key with nonce = chunk index (12 bytes, big-endian) and AAD =
SHA-256(prefix) + chunk index (u64) + final flag (u8, 1 on the last chunk only). An empty
payload still has the manifest, so at least one chunk.

Signature: Ed25519 by the sender over ``SIGNATURE_CONTEXT + prefix + SHA-256(bytes [14+H,
size-72))``, that is over the header and every chunk (lengths included) as written.

Manifest JSON keys: ``format`` (1), ``bundle_id``, ``sender_device``, ``sender_fingerprint``,
``recipient_device``, ``regency_code``, ``schema_version`` (equal to the header's),
``record_count``, ``record_bytes`` (sum of record lengths), ``records_sha256`` (hex SHA-256
over the record frames, kind and length included, manifest excluded) and ``content`` (the
caller's JSON object: change ranges, acknowledged vector...).

Why the trailer sits at a fixed distance from the end: a reader finds it without decrypting
anything, and the chunk whose end meets it must carry the final flag in its AAD, so a file
cut at a chunk boundary, or grown by appended bytes, never passes as complete.

Reading: :func:`read_header` (cleartext, cheap; :func:`read_header_from` reads it from a file
already open, such as one on a USB stick, before anything is copied), then
:func:`verify_signature` against the pinned key of the sender, a first streaming pass over the
whole file before anything is decrypted, then :class:`BundleReader` (or
:func:`read_records`). Records come out as they are decrypted; the manifest is checked only
after the last one, so a caller stages records and trusts none of them until the iterator has
ended without error. Every function streams: memory stays at a few chunks and one record
(at most ``MAX_RECORD_SIZE`` decompressed, refused on its declared length before it is
inflated) whatever the size of the file or what its sender put in it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import stat
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

import orjson
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.sync.errors import BundleError
from desktop.sync.keys import KEY_SIZE, DeviceKeys, PublicKeys

MAGIC = b"SIGAPBDL"
FORMAT_VERSION = 1
TRAILER_MARKER = b"SIGAPSIG"
SIGNATURE_SIZE = 64
TRAILER_SIZE = len(TRAILER_MARKER) + SIGNATURE_SIZE
TAG_SIZE = 16
MAX_HEADER_SIZE = 64 * 1024
DEFAULT_CHUNK_SIZE = 1 << 20
MIN_CHUNK_SIZE = 64
MAX_CHUNK_SIZE = 16 << 20
# One record (or the manifest), decompressed. Every synced column is short text but a few
# JSON ones (a setting's value, a letter's claim list), so an honest change is a few KB; the
# cap is what one record may cost a reader in memory whoever wrote it (a decompression bomb
# inside a validly signed payload included), and the writer refuses to pass it too.
MAX_RECORD_SIZE = 1 << 20
MAX_BUNDLE_SIZE = 3584 << 20  # 3.5 GiB: well under FAT32's 4 GiB file limit
COMPRESSION_LEVEL = 6
SIGNATURE_CONTEXT = b"sigap bundle signature v1\x00"
WRAP_INFO = b"sigap bundle file key v1\x00"

KIND_RECORD = 0
KIND_MANIFEST = 1

_PREFIX = struct.Struct(">8sHI")
_LENGTH = struct.Struct(">I")
_FRAME = struct.Struct(">BI")
_MIN_CHUNK_FRAME = _LENGTH.size + TAG_SIZE
_WRAP_NONCE = bytes(12)
_WRAPPED_KEY_SIZE = KEY_SIZE + TAG_SIZE
_MAX_TEXT = 200
_MANIFEST_OVERHEAD = 8 * _MAX_TEXT + 1024  # the manifest's own fields around the content
_READ_BLOCK = 1 << 20
_DECOMPRESS_STEP = 256 * 1024
_EVERY_RECORDS = 1024
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_TEXT_FIELDS = (
    "bundle_id",
    "sender_device",
    "recipient_device",
    "regency_code",
    "schema_version",
)
_HEADER_KEYS = frozenset(
    (
        *_TEXT_FIELDS,
        "created_at",
        "sender_fingerprint",
        "chunk_size",
        "ephemeral_key",
        "wrapped_key",
    )
)
_JSON_OPTIONS = (
    orjson.OPT_SORT_KEYS
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)


class BundleCancelled(Exception):
    """The caller cancelled writing a bundle; the partial file has been deleted."""


@dataclass(frozen=True)
class BundleHeader:
    """The cleartext header of a bundle: what anyone holding the file can read."""

    bundle_id: str
    created_at: datetime
    sender_device: str
    sender_fingerprint: str
    recipient_device: str
    regency_code: str
    schema_version: str
    format_version: int
    chunk_size: int
    ephemeral_key: bytes = field(repr=False)
    wrapped_key: bytes = field(repr=False)
    encoded: bytes = field(repr=False)
    """The file's first bytes, magic to the end of the header JSON, exactly as stored."""

    @property
    def length(self) -> int:
        """Offset of the first chunk: the size of :attr:`encoded`."""
        return len(self.encoded)


@dataclass(frozen=True)
class BundleManifest:
    """The last payload frame: it repeats the header and counts what came before it."""

    bundle_id: str
    sender_device: str
    sender_fingerprint: str
    recipient_device: str
    regency_code: str
    schema_version: str
    record_count: int
    record_bytes: int
    records_sha256: str
    content: dict[str, Any]
    """The caller's object given to :func:`write_bundle` (after a JSON round trip)."""


@dataclass(frozen=True)
class BundleInfo:
    """What :func:`write_bundle` wrote."""

    path: Path
    size: int
    sha256: str
    """Hex SHA-256 of the whole file, to check a copy against."""
    record_count: int
    record_bytes: int
    header: BundleHeader


# --------------------------------------------------------------------------- writing


def write_bundle(
    path: Path,
    *,
    bundle_id: str,
    sender_device: str,
    recipient_device: str,
    regency_code: str,
    schema_version: str,
    sender_keys: DeviceKeys,
    recipient_exchange_public: bytes,
    records: Iterable[bytes],
    manifest: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_size: int = MAX_BUNDLE_SIZE,
    created_at: datetime | None = None,
    cancel: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> BundleInfo:
    """Write *records* as a new bundle file at *path*, which must not exist yet.

    ``manifest`` is any JSON object (str keys; str, int, float, bool, None, list, dict
    values); it comes back as :attr:`BundleManifest.content`. ``progress(n)`` is called
    with the number of records written so far, ``cancel()`` is polled as often; when it
    returns True the file is deleted and :class:`BundleCancelled` raised. The file is
    fsynced before returning. On any failure nothing is left at *path*.

    Raises ``BundleError`` ("bundle.too_big" past *max_size*, or for a record or a
    manifest over ``MAX_RECORD_SIZE``; "bundle.recipient" for an unusable recipient key),
    ``ValueError`` / ``TypeError`` for arguments that can never make a bundle, ``OSError``
    from the disk.
    """
    for name, value in zip(
        _TEXT_FIELDS,
        (bundle_id, sender_device, recipient_device, regency_code, schema_version),
        strict=True,
    ):
        if not _is_text(value):
            raise ValueError(f"{name} must be 1 to {_MAX_TEXT} printable characters")
    if isinstance(chunk_size, bool) or not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE:
        raise ValueError(f"chunk_size must be {MIN_CHUNK_SIZE}..{MAX_CHUNK_SIZE} bytes")
    if created_at is not None and created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    # A callable manifest is evaluated after the last record, so it can carry counts and
    # ranges of what was actually written.
    content_json = b"" if callable(manifest) else orjson.dumps(dict(manifest), option=_JSON_OPTIONS)
    if len(content_json) > MAX_RECORD_SIZE - _MANIFEST_OVERHEAD:
        raise BundleError("bundle.too_big", "the manifest is too big", limit=MAX_RECORD_SIZE)
    stamp = (created_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)

    if not isinstance(recipient_exchange_public, bytes) or len(recipient_exchange_public) != 32:
        raise BundleError("bundle.recipient", "the recipient exchange key must be 32 bytes")
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    try:
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_exchange_public))
    except ValueError as exc:
        raise BundleError("bundle.recipient", "the recipient exchange key is unusable") from exc
    file_key = os.urandom(KEY_SIZE)
    wrap_key = _wrap_key(
        shared, bundle_id, recipient_device, ephemeral_public, recipient_exchange_public
    )
    wrapped_key = ChaCha20Poly1305(wrap_key).encrypt(_WRAP_NONCE, file_key, WRAP_INFO)

    header_json = orjson.dumps(
        {
            "bundle_id": bundle_id,
            "created_at": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sender_device": sender_device,
            "sender_fingerprint": sender_keys.public.fingerprint,
            "recipient_device": recipient_device,
            "regency_code": regency_code,
            "schema_version": schema_version,
            "chunk_size": chunk_size,
            "ephemeral_key": _b64(ephemeral_public),
            "wrapped_key": _b64(wrapped_key),
        },
        option=orjson.OPT_SORT_KEYS,
    )
    if len(header_json) > MAX_HEADER_SIZE:
        raise ValueError("the header is too long")
    prefix = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_json)) + header_json
    header = _parse_header(prefix[_PREFIX.size :], FORMAT_VERSION, prefix)

    count = 0
    total = 0
    with open(path, "xb") as file:
        try:
            out = _Output(file, max_size)
            out.write(prefix, reserve=_MIN_CHUNK_FRAME + TRAILER_SIZE)
            payload = _PayloadWriter(out, file_key, hashlib.sha256(prefix).digest(), chunk_size)
            records_hash = hashlib.sha256()
            for record in records:
                if not isinstance(record, bytes | bytearray):
                    raise TypeError("records must be bytes")
                if len(record) > MAX_RECORD_SIZE:
                    raise BundleError(
                        "bundle.too_big", "a record is too big", record=count, limit=MAX_RECORD_SIZE
                    )
                frame = _FRAME.pack(KIND_RECORD, len(record))
                records_hash.update(frame)
                records_hash.update(record)
                payload.add(frame, record)
                count += 1
                total += len(record)
                if count % _EVERY_RECORDS == 0:
                    _poll(cancel, progress, count)
            _poll(cancel, progress, count)
            if callable(manifest):
                content_json = orjson.dumps(dict(manifest()), option=_JSON_OPTIONS)
            manifest_json = _encode_manifest(
                header,
                content_json=content_json,
                record_count=count,
                record_bytes=total,
                records_sha256=records_hash.hexdigest(),
            )
            if len(manifest_json) > MAX_RECORD_SIZE:  # a reader would refuse it
                raise BundleError(
                    "bundle.too_big", "the manifest is too big", limit=MAX_RECORD_SIZE
                )
            payload.add(_FRAME.pack(KIND_MANIFEST, len(manifest_json)), manifest_json)
            chunks_digest = payload.finish()
            signature = sender_keys.signing.sign(_signed_message(prefix, chunks_digest))
            out.write(TRAILER_MARKER + signature, reserve=0)
            file.flush()
            os.fsync(file.fileno())
        except BaseException:
            file.close()
            path.unlink(missing_ok=True)
            raise
    return BundleInfo(
        path=path,
        size=out.size,
        sha256=out.hash.hexdigest(),
        record_count=count,
        record_bytes=total,
        header=header,
    )


def _poll(
    cancel: Callable[[], bool] | None, progress: Callable[[int], None] | None, count: int
) -> None:
    if cancel is not None and cancel():
        raise BundleCancelled()
    if progress is not None:
        progress(count)


def _encode_manifest(
    header: BundleHeader,
    *,
    content_json: bytes,
    record_count: int,
    record_bytes: int,
    records_sha256: str,
) -> bytes:
    return orjson.dumps(
        {
            "format": FORMAT_VERSION,
            "bundle_id": header.bundle_id,
            "sender_device": header.sender_device,
            "sender_fingerprint": header.sender_fingerprint,
            "recipient_device": header.recipient_device,
            "regency_code": header.regency_code,
            "schema_version": header.schema_version,
            "record_count": record_count,
            "record_bytes": record_bytes,
            "records_sha256": records_sha256,
            "content": orjson.Fragment(content_json),
        },
        option=orjson.OPT_SORT_KEYS,
    )


class _Output:
    """Writes to the file, hashes everything and refuses to pass the size limit."""

    def __init__(self, file: BinaryIO, max_size: int) -> None:
        self._file = file
        self._max_size = max_size
        self.size = 0
        self.hash = hashlib.sha256()

    def write(self, *parts: bytes, reserve: int) -> None:
        """Append *parts*, keeping *reserve* bytes free under the limit for what must follow."""
        length = sum(len(part) for part in parts)
        if self.size + length + reserve > self._max_size:
            raise BundleError(
                "bundle.too_big", "the bundle would pass its size limit", limit=self._max_size
            )
        for part in parts:
            self._file.write(part)
            self.hash.update(part)
        self.size += length


class _PayloadWriter:
    """Compresses frames, cuts the compressed stream into chunks and encrypts each one."""

    def __init__(
        self, out: _Output, file_key: bytes, header_digest: bytes, chunk_size: int
    ) -> None:
        self._out = out
        self._aead = ChaCha20Poly1305(file_key)
        self._header_digest = header_digest
        self._chunk_size = chunk_size
        self._compressor = zlib.compressobj(COMPRESSION_LEVEL)
        self._pending = bytearray()
        self._index = 0
        self._chunks_hash = hashlib.sha256()

    def add(self, frame: bytes, data: bytes | bytearray) -> None:
        """Compress one frame header and its data."""
        self._push(self._compressor.compress(frame))
        self._push(self._compressor.compress(data))

    def finish(self) -> bytes:
        """Flush the compressor, write the final chunk; return SHA-256 of all chunk bytes."""
        self._push(self._compressor.flush())
        self._seal(bytes(self._pending), final=True)
        self._pending.clear()
        return self._chunks_hash.digest()

    def _push(self, compressed: bytes) -> None:
        if not compressed:
            return
        self._pending += compressed
        # Strictly greater: whatever is left at the end makes a non-empty final chunk.
        while len(self._pending) > self._chunk_size:
            self._seal(bytes(self._pending[: self._chunk_size]), final=False)
            del self._pending[: self._chunk_size]

    def _seal(self, plaintext: bytes, *, final: bool) -> None:
        aad = _chunk_aad(self._header_digest, self._index, final)
        ciphertext = self._aead.encrypt(_nonce(self._index), plaintext, aad)
        length = _LENGTH.pack(len(ciphertext))
        self._out.write(length, ciphertext, reserve=TRAILER_SIZE)
        self._chunks_hash.update(length)
        self._chunks_hash.update(ciphertext)
        self._index += 1


# --------------------------------------------------------------------------- reading


def read_header(path: Path, *, max_size: int = MAX_BUNDLE_SIZE) -> BundleHeader:
    """Read and check the cleartext header: type, size, magic, version and header fields.

    Nothing is decrypted or verified. Raises ``BundleError``: "bundle.not_a_file",
    "bundle.too_big", "bundle.not_a_bundle", "bundle.truncated", "bundle.version",
    "bundle.header" or "bundle.io".
    """
    with _open(path) as file:
        return read_header_from(file, _regular_size(file), max_size=max_size)


def read_header_from(
    file: IO[bytes], size: int, *, max_size: int = MAX_BUNDLE_SIZE
) -> BundleHeader:
    """:func:`read_header` on a file already open at its start, *size* bytes long.

    Reads at most the prefix and the header (64 KiB): what a USB stick's file is checked with
    before it is copied. Raises what :func:`read_header` raises but "bundle.io" (the caller
    reads the file and reports its own errors).
    """
    if size > max_size:
        raise BundleError(
            "bundle.too_big",
            "the file is bigger than a bundle may be",
            size=size,
            limit=max_size,
        )
    start = file.read(_PREFIX.size)
    if start[: len(MAGIC)] != MAGIC:
        if start and len(start) < len(MAGIC) and MAGIC.startswith(start):
            raise BundleError("bundle.truncated", "the file ends inside the magic")
        raise BundleError("bundle.not_a_bundle", "the file does not start with the magic")
    if len(start) < _PREFIX.size:
        raise BundleError("bundle.truncated", "the file ends before the header length")
    _magic, version, length = _PREFIX.unpack(start)
    if version != FORMAT_VERSION:
        raise BundleError(
            "bundle.version",
            "unsupported bundle format version",
            found=version,
            supported=FORMAT_VERSION,
        )
    if not 2 <= length <= MAX_HEADER_SIZE:
        raise BundleError(
            "bundle.header",
            "the declared header length is out of range",
            length=length,
            limit=MAX_HEADER_SIZE,
        )
    if _PREFIX.size + length > size:
        raise BundleError("bundle.truncated", "the file ends inside the header")
    header_json = file.read(length)
    if len(header_json) != length:
        raise BundleError("bundle.truncated", "the file ends inside the header")
    if size < _PREFIX.size + length + _MIN_CHUNK_FRAME + TRAILER_SIZE:
        raise BundleError("bundle.truncated", "the file ends before its first chunk")
    return _parse_header(header_json, version, start + header_json)


def verify_signature(
    path: Path, header: BundleHeader, sender_signing_public: bytes | PublicKeys
) -> None:
    """Check the sender's Ed25519 signature over the header and every chunk, streaming.

    Pass the *pinned* key of the device the header names, never a key taken from the
    bundle. Given :class:`PublicKeys`, their fingerprint must also match the header's.
    Raises ``BundleError`` ("bundle.signature", "bundle.truncated", "bundle.header",
    "bundle.key", "bundle.io").
    """
    verifier = _verifier(header, sender_signing_public)
    with _open(path) as file:
        chunks_end, signature = _locate(file, header)
        digest = hashlib.sha256()
        remaining = chunks_end - header.length
        while remaining > 0:
            block = file.read(min(_READ_BLOCK, remaining))
            if not block:
                raise BundleError("bundle.truncated", "the file shrank while being read")
            digest.update(block)
            remaining -= len(block)
    _check_signature(verifier, header.encoded, digest.digest(), signature)


def read_records(path: Path, header: BundleHeader, recipient_keys: DeviceKeys) -> Iterator[bytes]:
    """Decrypt and yield the records; the manifest is checked after the last one.

    Shorthand for ``BundleReader(path, header, recipient_keys).records()``: trust nothing
    it yielded until it ended without raising ``BundleError``.
    """
    return BundleReader(path, header, recipient_keys).records()


def read_manifest(path: Path, header: BundleHeader, recipient_keys: DeviceKeys) -> BundleManifest:
    """Decrypt the whole payload, dropping the records, and return the checked manifest."""
    reader = BundleReader(path, header, recipient_keys)
    for _record in reader.records():
        pass
    return reader.manifest


class BundleReader:
    """One streaming pass over a bundle's payload.

    ``records()`` yields each record as it is decrypted and, after the last one, checks
    the manifest (header fields, record count, byte count, hash) before it stops; only then
    is :attr:`manifest` available. With ``sender_signing_public`` the signature is checked
    in the same pass, at the end, so one read of the file does everything. Any failure
    raises ``BundleError`` from the iterator: "bundle.truncated", "bundle.decrypt",
    "bundle.corrupt", "bundle.payload", "bundle.manifest", "bundle.signature", "bundle.header"
    or "bundle.io". Records already yielded must then be thrown away.
    """

    def __init__(
        self,
        path: Path,
        header: BundleHeader,
        recipient_keys: DeviceKeys,
        *,
        sender_signing_public: bytes | PublicKeys | None = None,
    ) -> None:
        self._path = path
        self._header = header
        self._keys = recipient_keys
        self._verifier = (
            None if sender_signing_public is None else _verifier(header, sender_signing_public)
        )
        self._started = False
        self._manifest: BundleManifest | None = None

    @property
    def manifest(self) -> BundleManifest:
        """The checked manifest; raises ``RuntimeError`` before ``records()`` has ended."""
        if self._manifest is None:
            raise RuntimeError("the manifest is known only once records() has been exhausted")
        return self._manifest

    def records(self) -> Iterator[bytes]:
        """Yield the records in the order written (once per reader)."""
        if self._started:
            raise RuntimeError("a BundleReader can be iterated once")
        self._started = True
        return self._iterate()

    def _iterate(self) -> Iterator[bytes]:
        header = self._header
        aead = ChaCha20Poly1305(_unwrap_file_key(header, self._keys))
        header_digest = hashlib.sha256(header.encoded).digest()
        parser = _FrameParser()
        chunks_hash = hashlib.sha256()
        limit = header.chunk_size + TAG_SIZE
        with _open(self._path) as file:
            chunks_end, signature = _locate(file, header)
            position = header.length
            index = 0
            final = False
            while not final:
                if position + _MIN_CHUNK_FRAME > chunks_end:
                    raise BundleError("bundle.truncated", "the chunks end too early", chunk=index)
                length_bytes = _read_exactly(file, _LENGTH.size)
                (length,) = _LENGTH.unpack(length_bytes)
                if not TAG_SIZE <= length <= limit:
                    raise BundleError(
                        "bundle.corrupt",
                        "a chunk length is out of range",
                        chunk=index,
                        length=length,
                    )
                end = position + _LENGTH.size + length
                if end > chunks_end:
                    raise BundleError(
                        "bundle.truncated", "a chunk runs into the trailer", chunk=index
                    )
                final = end == chunks_end
                ciphertext = _read_exactly(file, length)
                chunks_hash.update(length_bytes)
                chunks_hash.update(ciphertext)
                try:
                    plaintext = aead.decrypt(
                        _nonce(index), ciphertext, _chunk_aad(header_digest, index, final)
                    )
                except InvalidTag as exc:
                    raise BundleError(
                        "bundle.decrypt", "a chunk fails authentication", chunk=index
                    ) from exc
                del ciphertext
                yield from parser.feed(plaintext)
                position = end
                index += 1
        parser.finish()
        self._manifest = _check_manifest(parser, header)
        if self._verifier is not None:
            _check_signature(self._verifier, header.encoded, chunks_hash.digest(), signature)


class _FrameParser:
    """Decompresses the decrypted stream with bounded output and splits it into frames."""

    def __init__(self) -> None:
        self._decompressor = zlib.decompressobj()
        self._buffer = bytearray()
        self._records_hash = hashlib.sha256()
        self.record_count = 0
        self.record_bytes = 0
        self.manifest: bytes | None = None

    @property
    def records_sha256(self) -> str:
        """Hex SHA-256 of the record frames seen so far."""
        return self._records_hash.hexdigest()

    def feed(self, compressed: bytes) -> Iterator[bytes]:
        """Yield every record that the decompressed *compressed* bytes complete."""
        data = compressed
        while True:
            try:
                out = self._decompressor.decompress(data, _DECOMPRESS_STEP)
            except zlib.error as exc:
                raise BundleError("bundle.payload", "the payload does not decompress") from exc
            data = self._decompressor.unconsumed_tail
            if self._decompressor.eof and (data or self._decompressor.unused_data):
                raise BundleError("bundle.payload", "bytes follow the end of the payload")
            self._buffer += out
            yield from self._frames()
            if not data and len(out) < _DECOMPRESS_STEP:
                return

    def finish(self) -> None:
        """Check that the stream ended cleanly after the manifest."""
        if not self._decompressor.eof:
            raise BundleError("bundle.payload", "the payload stream is incomplete")
        if self._buffer:
            raise BundleError("bundle.payload", "the payload ends inside a frame")
        if self.manifest is None:
            raise BundleError("bundle.manifest", "the payload has no manifest")

    def _frames(self) -> Iterator[bytes]:
        buffer = self._buffer
        start = 0
        # The record frames before *start* are contiguous: hashed in one update at the end.
        records_end = 0
        header_size = _FRAME.size
        unpack = _FRAME.unpack_from
        try:
            while len(buffer) - start >= header_size:
                kind, length = unpack(buffer, start)
                if self.manifest is not None:
                    raise BundleError("bundle.payload", "a frame follows the manifest")
                if kind != KIND_RECORD and kind != KIND_MANIFEST:
                    raise BundleError("bundle.payload", "unknown frame kind", kind=kind)
                if length > MAX_RECORD_SIZE:
                    # Refused on its declared length, before any of it is decompressed.
                    raise BundleError(
                        "bundle.record_too_big",
                        "a record is bigger than a record may be",
                        record=self.record_count,
                        size=length,
                        limit=MAX_RECORD_SIZE,
                    )
                end = start + header_size + length
                if len(buffer) < end:
                    break
                data = bytes(buffer[start + header_size : end])
                if kind == KIND_MANIFEST:
                    self.manifest = data
                    start = end
                    continue
                self.record_count += 1
                self.record_bytes += length
                start = records_end = end
                yield data
        finally:
            self._records_hash.update(buffer[:records_end])
            del buffer[:start]


def _check_manifest(parser: _FrameParser, header: BundleHeader) -> BundleManifest:
    assert parser.manifest is not None
    try:
        data = orjson.loads(parser.manifest)
    except orjson.JSONDecodeError as exc:
        raise BundleError("bundle.manifest", "the manifest is not JSON") from exc
    if not isinstance(data, dict):
        raise BundleError("bundle.manifest", "the manifest is not a JSON object")
    expected: dict[str, object] = {
        "format": FORMAT_VERSION,
        "bundle_id": header.bundle_id,
        "sender_device": header.sender_device,
        "sender_fingerprint": header.sender_fingerprint,
        "recipient_device": header.recipient_device,
        "regency_code": header.regency_code,
        "schema_version": header.schema_version,
        "record_count": parser.record_count,
        "record_bytes": parser.record_bytes,
        "records_sha256": parser.records_sha256,
    }
    for key, value in expected.items():
        found = data.get(key)
        if type(found) is not type(value) or found != value:
            raise BundleError(
                "bundle.manifest", "the manifest disagrees with the bundle", field=key
            )
    content = data.get("content")
    if not isinstance(content, dict):
        raise BundleError(
            "bundle.manifest", "the manifest content is not an object", field="content"
        )
    if set(data) != {*expected, "content"}:
        raise BundleError("bundle.manifest", "the manifest has unexpected fields")
    return BundleManifest(
        bundle_id=header.bundle_id,
        sender_device=header.sender_device,
        sender_fingerprint=header.sender_fingerprint,
        recipient_device=header.recipient_device,
        regency_code=header.regency_code,
        schema_version=header.schema_version,
        record_count=parser.record_count,
        record_bytes=parser.record_bytes,
        records_sha256=parser.records_sha256,
        content=content,
    )


# --------------------------------------------------------------------------- helpers


@contextmanager
def _open(path: Path) -> Iterator[IO[bytes]]:
    """Open a regular file for reading; OSError becomes BundleError("bundle.io")."""
    try:
        # Checked before opening too: opening a FIFO or a device can block or have effects.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise BundleError("bundle.not_a_file", "a bundle must be a regular file")
        with open(path, "rb") as file:
            yield file
    except OSError as exc:
        raise _io_error(exc) from exc


def _io_error(exc: OSError) -> BundleError:
    return BundleError("bundle.io", "the bundle file could not be read", errno=exc.errno)


def _regular_size(file: IO[bytes]) -> int:
    status = os.fstat(file.fileno())
    if not stat.S_ISREG(status.st_mode):
        raise BundleError("bundle.not_a_file", "a bundle must be a regular file")
    return status.st_size


def _locate(file: IO[bytes], header: BundleHeader) -> tuple[int, bytes]:
    """Check the file still has *header*; return (end of the chunks, signature)."""
    size = _regular_size(file)
    if file.read(header.length) != header.encoded:
        raise BundleError("bundle.header", "the file's header is not the header given")
    chunks_end = size - TRAILER_SIZE
    if chunks_end < header.length + _MIN_CHUNK_FRAME:
        raise BundleError("bundle.truncated", "the file ends before its first chunk")
    file.seek(chunks_end)
    trailer = _read_exactly(file, TRAILER_SIZE)
    if trailer[: len(TRAILER_MARKER)] != TRAILER_MARKER:
        raise BundleError("bundle.truncated", "no trailer at the end of the file")
    file.seek(header.length)
    return chunks_end, trailer[len(TRAILER_MARKER) :]


def _read_exactly(file: IO[bytes], length: int) -> bytes:
    data = file.read(length)
    if len(data) != length:
        raise BundleError("bundle.truncated", "the file shrank while being read")
    return data


def _parse_header(header_json: bytes, version: int, encoded: bytes) -> BundleHeader:
    def bad(reason: str, **params: object) -> BundleError:
        return BundleError("bundle.header", f"bad header: {reason}", **params)

    try:
        data = orjson.loads(header_json)
    except orjson.JSONDecodeError as exc:
        raise bad("not JSON") from exc
    if not isinstance(data, dict):
        raise bad("not a JSON object")
    missing = _HEADER_KEYS - data.keys()
    if missing:
        raise bad("fields missing", fields=",".join(sorted(missing)))
    if data.keys() - _HEADER_KEYS:
        raise bad("unknown fields", count=len(data.keys() - _HEADER_KEYS))
    for key in _TEXT_FIELDS:
        if not _is_text(data[key]):
            raise bad("field is not short printable text", field=key)
    created = data["created_at"]
    if not isinstance(created, str) or not _TIMESTAMP.fullmatch(created):
        raise bad("created_at is not a UTC timestamp", field="created_at")
    try:
        created_at = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError as exc:
        raise bad("created_at is not a date", field="created_at") from exc
    fingerprint = data["sender_fingerprint"]
    if not isinstance(fingerprint, str) or not _HEX32.fullmatch(fingerprint):
        raise bad("sender_fingerprint is not 32 hex digits", field="sender_fingerprint")
    chunk_size = data["chunk_size"]
    if (
        not isinstance(chunk_size, int)
        or isinstance(chunk_size, bool)
        or not MIN_CHUNK_SIZE <= chunk_size <= MAX_CHUNK_SIZE
    ):
        raise bad("chunk_size out of range", field="chunk_size")
    ephemeral_key = _unb64(data["ephemeral_key"], KEY_SIZE)
    wrapped_key = _unb64(data["wrapped_key"], _WRAPPED_KEY_SIZE)
    if ephemeral_key is None:
        raise bad("ephemeral_key is not 32 bytes of base64url", field="ephemeral_key")
    if wrapped_key is None:
        raise bad("wrapped_key is not 48 bytes of base64url", field="wrapped_key")
    return BundleHeader(
        bundle_id=data["bundle_id"],
        created_at=created_at,
        sender_device=data["sender_device"],
        sender_fingerprint=fingerprint,
        recipient_device=data["recipient_device"],
        regency_code=data["regency_code"],
        schema_version=data["schema_version"],
        format_version=version,
        chunk_size=chunk_size,
        ephemeral_key=ephemeral_key,
        wrapped_key=wrapped_key,
        encoded=encoded,
    )


def _is_text(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= _MAX_TEXT and value.isprintable()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(value: object, size: int) -> bytes | None:
    if not isinstance(value, str) or not value.isascii():
        return None
    try:
        data = base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(data) != size or _b64(data) != value:
        return None
    return data


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def _chunk_aad(header_digest: bytes, index: int, final: bool) -> bytes:
    return header_digest + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def _length_prefixed(text: str) -> bytes:
    data = text.encode("utf-8")
    return len(data).to_bytes(2, "big") + data


def _wrap_key(
    shared: bytes, bundle_id: str, recipient_device: str, ephemeral: bytes, recipient: bytes
) -> bytes:
    info = (
        WRAP_INFO
        + _length_prefixed(bundle_id)
        + _length_prefixed(recipient_device)
        + ephemeral
        + recipient
    )
    return HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None, info=info).derive(shared)


def _unwrap_file_key(header: BundleHeader, keys: DeviceKeys) -> bytes:
    recipient = keys.exchange.public_key().public_bytes_raw()
    try:
        shared = keys.exchange.exchange(X25519PublicKey.from_public_bytes(header.ephemeral_key))
    except ValueError as exc:
        raise BundleError("bundle.decrypt", "the ephemeral key is unusable") from exc
    wrap_key = _wrap_key(
        shared, header.bundle_id, header.recipient_device, header.ephemeral_key, recipient
    )
    try:
        return ChaCha20Poly1305(wrap_key).decrypt(_WRAP_NONCE, header.wrapped_key, WRAP_INFO)
    except InvalidTag as exc:
        raise BundleError(
            "bundle.decrypt", "the file key does not open with this device's key"
        ) from exc


def _signed_message(prefix: bytes, chunks_digest: bytes) -> bytes:
    return SIGNATURE_CONTEXT + prefix + chunks_digest


def _verifier(header: BundleHeader, key: bytes | PublicKeys) -> Ed25519PublicKey:
    if isinstance(key, PublicKeys):
        if key.fingerprint != header.sender_fingerprint:
            raise BundleError("bundle.signature", "the bundle names another sender key")
        key = key.signing
    if not isinstance(key, bytes) or len(key) != KEY_SIZE:
        raise BundleError("bundle.key", "a signing key must be 32 bytes")
    try:
        return Ed25519PublicKey.from_public_bytes(key)
    except ValueError as exc:
        raise BundleError("bundle.key", "the signing key is unusable") from exc


def _check_signature(
    verifier: Ed25519PublicKey, prefix: bytes, chunks_digest: bytes, signature: bytes
) -> None:
    try:
        verifier.verify(signature, _signed_message(prefix, chunks_digest))
    except InvalidSignature as exc:
        raise BundleError("bundle.signature", "the signature does not match") from exc


__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "FORMAT_VERSION",
    "MAGIC",
    "MAX_BUNDLE_SIZE",
    "BundleCancelled",
    "BundleError",
    "BundleHeader",
    "BundleInfo",
    "BundleManifest",
    "BundleReader",
    "read_header",
    "read_header_from",
    "read_manifest",
    "read_records",
    "verify_signature",
    "write_bundle",
]
