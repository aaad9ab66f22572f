"""Numbers and sizes read the same on every screen and on the command line."""

from __future__ import annotations

import pytest

from desktop.domain.formatting import decimal, file_size, integer


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0,0\u00a0KB"),
        (512, "0,5\u00a0KB"),
        (2048, "2,0\u00a0KB"),
        (13_000_000, "12,4\u00a0MB"),
        (5 * 1024**3, "5,0\u00a0GB"),
    ],
)
def test_sizes_have_one_decimal_comma_and_a_unit(size: int, shown: str) -> None:
    assert file_size(size) == shown


def test_english_uses_a_decimal_point() -> None:
    assert file_size(13_000_000, "en") == "12.4\u00a0MB"
    assert decimal(1.44, 1, "en") == "1.4"


def test_decimals_and_integers_group_as_the_locale_does() -> None:
    assert decimal(1.44) == "1,4"
    assert decimal(12345.66, 2) == "12.345,66"
    assert integer(120000) == "120.000"
    assert integer(120000, "en") == "120,000"
