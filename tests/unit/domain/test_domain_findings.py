"""Findings and DomainError."""

from __future__ import annotations

import pytest

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding, Severity


def test_translate_noop_returns_text() -> None:
    assert QT_TRANSLATE_NOOP("Finding", "NIK belum diisi.") == "NIK belum diisi."


def test_error_finding_message_and_params() -> None:
    f = Finding.error("nik.length", "NIK harus 16 angka, bukan {count}.", count=15)
    assert f.severity is Severity.ERROR
    assert f.is_error
    assert f.params == (("count", "15"),)
    assert f.message == "NIK harus 16 angka, bukan 15."
    assert str(f) == f.message


def test_warning_finding() -> None:
    f = Finding.warning("nik.area_unknown", "Kode {code} tidak dikenal.", code="16.99.01")
    assert f.severity is Severity.WARNING
    assert not f.is_error
    assert f.message == "Kode 16.99.01 tidak dikenal."


def test_params_may_be_named_code_or_template() -> None:
    f = Finding.error("x.y", "{code} {template}", code="a", template="b")
    assert f.message == "a b"


def test_render_uses_translator() -> None:
    f = Finding.error("nik.length", "NIK harus 16 angka, bukan {count}.", count=3)
    seen: list[tuple[str, str]] = []

    def translate(context: str, text: str) -> str:
        seen.append((context, text))
        return "NIK must have 16 digits, not {count}."

    assert f.render(translate) == "NIK must have 16 digits, not 3."
    assert seen == [("Finding", "NIK harus 16 angka, bukan {count}.")]
    assert f.render() == f.message


def test_findings_are_frozen_and_hashable() -> None:
    f = Finding.error("a", "b")
    with pytest.raises(AttributeError):
        f.code = "c"  # type: ignore[misc]
    assert len({f, Finding.error("a", "b")}) == 1


def test_domain_error_carries_finding() -> None:
    err = DomainError.of("money.negative", "Jumlah uang tidak boleh negatif.")
    assert isinstance(err, ValueError)
    assert str(err) == "Jumlah uang tidak boleh negatif."
    assert err.finding.code == "money.negative"
    assert err.code == "money.negative"
    with pytest.raises(DomainError, match="negatif"):
        raise err
