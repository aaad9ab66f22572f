"""Heirs: relationships, their legal order, and what is wrong with a list of them."""

from __future__ import annotations

from desktop.domain.heirs import HeirView, Relationship, heir_findings, payee_of, relationship_of


def test_relationships_and_their_order() -> None:
    assert Relationship.ISTRI.order == Relationship.ANAK.order == 1
    assert Relationship.ORANG_TUA.order == 2
    assert Relationship.SAUDARA_KANDUNG.order == 3
    assert Relationship.MERTUA.order == 4
    assert Relationship.PENERIMA_WASIAT.order == 5
    assert Relationship.SUAMI.is_spouse and not Relationship.ANAK.is_spouse
    assert relationship_of(" Saudara Kandung ") is Relationship.SAUDARA_KANDUNG
    assert relationship_of("orang_tua") is Relationship.ORANG_TUA
    assert relationship_of("tetangga") is None


def test_a_list_of_heirs_with_one_payee_and_an_account_is_fine() -> None:
    heirs = [
        HeirView("Ani", "istri", is_payee=True, bank_account="0123 4567"),
        HeirView("Dodi", "anak"),
    ]
    assert heir_findings(heirs) == ()
    assert payee_of(heirs) == heirs[0]
    assert heirs[0].account_digits == "01234567"


def test_what_is_wrong_with_a_list_of_heirs() -> None:
    heirs = [
        HeirView("Ani", "istri", is_payee=True, bank_account="0123"),
        HeirView("Dodi", "anak", is_payee=True),
        HeirView("Tono", "tetangga"),
    ]
    codes = [f.code for f in heir_findings(heirs)]
    assert codes == ["heir.relationship", "heir.payees", "heir.no_account"]
    messages = [f.message for f in heir_findings(heirs)]
    assert "Tono" in messages[0] and "Saudara kandung" in messages[0]
    assert "Ani, Dodi" in messages[1]
    assert "Dodi" in messages[2]
    assert payee_of([HeirView("Dodi", "anak")]) is None
