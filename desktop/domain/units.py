"""Fields that travel, merge and conflict together because one is derived from another.

Two offices editing a worker at the same time each keep the row consistent: the Jabatan a
clerk types decides the Subkategori, the desa decides the kecamatan. Merged field by field,
one side's Jabatan could win while the other side's Subkategori wins, and every copy would
agree on a row that contradicts itself. So the fields of a unit merge as one: the change
that wins the unit gives all its fields, and a conflict on a unit is settled for all of it.
Later issues add their derived fields here (a claim's figures from its kind and date ...).
"""

from __future__ import annotations

from collections.abc import Mapping

MERGE_UNITS: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "worker": (
        ("name", "name_key"),
        ("village_code", "district_code"),
        ("category", "subcategory", "position"),
    ),
    "claim": (
        ("subject_name", "subject_name_key"),
        ("amount_override", "amount_override_reason"),
    ),
}


def unit_of(table: str, field: str) -> tuple[str, ...]:
    """The fields that merge together with *field* of *table* (itself alone when none)."""
    for unit in MERGE_UNITS.get(table, ()):
        if field in unit:
            return unit
    return (field,)
