"""Who may set what: one table, per table and field, read by the services before a local
write and by the merge for every change a kecamatan laptop sends.

A valid signature says who sent a bundle, not that what it says is allowed. The regency
hub sets everything; a kecamatan office keeps its roster, proposes and recommends its
villages' claims and keeps their files while the file is with it, and manages its own
accounts below the regency's roles. The claims, letters and accounts issues add rows here;
nothing else in the code decides it.

Which *rows* an office may touch (its kecamatan's workers and claims) is the write scope
(desktop.sync.merge.check_write_scope); this table says which *fields* and *values*.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from desktop.domain.claims import ClaimStatus

HUB = "hub"
KECAMATAN = "kecamatan"

# The claim steps a kecamatan takes: it proposes, recommends, or withdraws its proposal.
KECAMATAN_CLAIM_STEPS: frozenset[str] = frozenset(
    {ClaimStatus.DIUSULKAN, ClaimStatus.DIREKOMENDASIKAN, ClaimStatus.DIBATALKAN}
)
# While a claim is in these states its file is with the kecamatan: it may change the claim's
# particulars, heirs and documents. Afterwards the regency holds the file.
WITH_KECAMATAN: frozenset[str] = frozenset({ClaimStatus.DIUSULKAN, ClaimStatus.DIKEMBALIKAN})
# The roles a kecamatan may give its own accounts (never the regency admin's).
KECAMATAN_ROLES: frozenset[str] = frozenset({"operator_kecamatan", "petugas_surat", "pemantau"})


@dataclass(frozen=True)
class FieldRule:
    """Who may set one field.

    *offices*: the office kinds that may set it at all. For a kecamatan: *values*, when
    given, the only values it may write; *claim_states*, when given, the states of the
    claim (the row's own, or its parent's) in which it may write it.
    """

    offices: frozenset[str]
    values: frozenset[object] | None = None
    claim_states: frozenset[str] | None = None

    def allows(self, office: str, value: object, claim_state: str | None) -> bool:
        """True when an office of kind *office* may write *value* here."""
        if office not in self.offices:
            return False
        if office == HUB:
            return True
        if self.values is not None and value not in self.values:
            return False
        return (
            self.claim_states is None or claim_state is None or (claim_state in self.claim_states)
        )


BOTH = FieldRule(frozenset({HUB, KECAMATAN}))
HUB_ONLY = FieldRule(frozenset({HUB}))
WHILE_WITH_KECAMATAN = FieldRule(frozenset({HUB, KECAMATAN}), claim_states=WITH_KECAMATAN)
KECAMATAN_STEP = FieldRule(
    frozenset({HUB, KECAMATAN}),
    values=frozenset(KECAMATAN_CLAIM_STEPS),
    claim_states=WITH_KECAMATAN,
)
# Fields a kecamatan may only leave empty (the regency fills them).
EMPTY = FieldRule(frozenset({HUB, KECAMATAN}), values=frozenset({None}))
EMPTY_AMOUNT = FieldRule(frozenset({HUB, KECAMATAN}), values=frozenset({None, 0}))

# A rule for every field a change may carry, per synced table; a field not listed is the
# regency's alone ("*" gives a table's default).
_AUTHORITY: dict[str, dict[str, FieldRule]] = {
    "region": {"*": HUB_ONLY},
    "setting": {"*": HUB_ONLY},
    # The holiday list of working-day deadlines: kept by the regency's admin.
    "holiday": {"*": HUB_ONLY},
    "coverage_target": {"*": HUB_ONLY},
    "worker": {"*": BOTH},
    "claim": {
        **dict.fromkeys(
            (
                "worker_id", "kind", "event_date", "reported_date", "village_code", "proposer",
                "amount_proposed", "note", "deleted",
                # The person claimed for, the akta and the DTSEN decile: the kecamatan
                # assembles them while the file is with it.
                "subject_nik", "subject_name", "subject_name_key", "subject_birth_date",
                "subject_kk", "death_certificate_no", "dtsen_decile", "accident_is_traffic",
                # The STMB days off the JKK temporary-inability amount rests on.
                "days_off",
                # Derived from the file the kecamatan keeps then (documents, heirs, subject):
                # recomputed from those sources by whoever changes them.
                "completed_on", "flags_open", "flag_codes",
            ),
            WHILE_WITH_KECAMATAN,
        ),
        # An amount set by hand in place of the computed one: the regency's admin alone.
        **dict.fromkeys(("amount_override", "amount_override_reason"), EMPTY),
        # Derived from the events: a kecamatan reaches only its own steps, from a state in
        # which the file is with it.
        "status": KECAMATAN_STEP,
        # The regency's decision and payment (a new claim carries them empty).
        **dict.fromkeys(("amount_approved", "amount_paid"), EMPTY_AMOUNT),
        **dict.fromkeys(
            ("verified_on", "deadline", "decision_number", "transfer_reference", "paid_on"),
            EMPTY,
        ),
    },
    # Events are appended, never edited; a kecamatan's are its own steps (their device and
    # user are checked against the sender by the merge).
    "claim_event": {"*": BOTH, "status": KECAMATAN_STEP},
    "heir": {"*": WHILE_WITH_KECAMATAN},
    "claim_document": {"*": WHILE_WITH_KECAMATAN},
    # Only the regency's admin clears a review flag (with a reason).
    "claim_flag_clearance": {"*": HUB_ONLY},
    "letter": {"*": BOTH, "claim_ids": HUB_ONLY},
    "app_user": {
        "*": BOTH,
        "role": FieldRule(frozenset({HUB, KECAMATAN}), values=frozenset(KECAMATAN_ROLES)),
    },
}  # fmt: skip

AUTHORITY: Mapping[str, Mapping[str, FieldRule]] = MappingProxyType(
    {table: MappingProxyType(rules) for table, rules in _AUTHORITY.items()}
)

# Changes to these tables are only ever inserts from a kecamatan (an event is a fact).
APPEND_ONLY_FOR_KECAMATAN: frozenset[str] = frozenset({"claim_event"})


def rule_for(table: str, field: str) -> FieldRule:
    """The rule of *field* of *table* (the regency's alone when the table has none)."""
    rules = AUTHORITY.get(table)
    if rules is None:
        return HUB_ONLY
    return rules.get(field) or rules.get("*") or HUB_ONLY


def may_set(
    office: str, table: str, field: str, value: object, claim_state: str | None = None
) -> bool:
    """True when an office of kind *office* may set *field* of *table* to *value* (with the
    claim concerned in *claim_state*, for the claim's own fields and its file)."""
    return rule_for(table, field).allows(office, value, claim_state)


def refused_fields(
    office: str,
    table: str,
    fields: Mapping[str, object],
    claim_state: str | None = None,
) -> list[str]:
    """The fields of *fields* (name → new value) that *office* may not set."""
    return [
        name
        for name, value in fields.items()
        if not may_set(office, table, name, value, claim_state)
    ]
