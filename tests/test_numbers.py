"""Number normalisation: property tests (format an int, parse it back) and fixed cases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onrecord.extract.numbers import ParsedNumber, parse_number, parse_number_words, parse_numeral

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _below_thousand(n: int, *, use_and: bool) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_UNITS[n // 100]} hundred")
        n %= 100
        if n and use_and:
            parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_UNITS[n % 10]}" if n % 10 else ""))
    elif n or not parts:
        parts.append(_UNITS[n])
    return " ".join(parts)


def to_words(n: int, *, use_and: bool = False) -> str:
    """English words for 0 <= n < 10**12 (the test's own small generator)."""
    if n == 0:
        return "zero"
    out = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"), (1, "")):
        chunk, n = divmod(n, scale)
        if chunk:
            out.append((_below_thousand(chunk, use_and=use_and) + (f" {name}" if name else "")).strip())
    return " ".join(out)


def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_words_round_trip(n: int, use_and: bool) -> None:
    assert parse_number_words(to_words(n, use_and=use_and)) == ParsedNumber(float(n))


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", " ", "\u00a0", "\u202f", ""]))
def test_thousands_separators_round_trip(n: int, sep: str) -> None:
    assert parse_numeral(group(n, sep)) == float(n)


@given(st.integers(min_value=1000, max_value=999_999))
def test_single_dot_group_is_thousands_only_when_asked(n: int) -> None:
    text = group(n, ".")
    assert parse_numeral(text, dot_thousands=True) == float(n)
    assert parse_numeral(text) == pytest.approx(n / 1000)


@given(st.integers(min_value=1_000_000, max_value=10**12))
def test_several_dot_groups_are_always_thousands(n: int) -> None:
    assert parse_numeral(group(n, ".")) == float(n)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["thousand", "million", "billion"]))
def test_digits_with_scale_word(n: int, scale: str) -> None:
    mult = {"thousand": 10**3, "million": 10**6, "billion": 10**9}[scale]
    assert parse_number(f"{n} {scale}") == ParsedNumber(float(n * mult))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("twenty-four", ParsedNumber(24.0)),
        ("a dozen", ParsedNumber(12.0)),
        ("two dozen", ParsedNumber(24.0)),
        ("half a million", ParsedNumber(500_000.0)),
        ("a million", ParsedNumber(1_000_000.0)),
        ("2.5 million", ParsedNumber(2_500_000.0)),
        ("1.5bn", ParsedNumber(1_500_000_000.0)),
        ("hundreds", ParsedNumber(None, 200.0, 999.0)),
        ("dozens", ParsedNumber(None, 24.0, 99.0)),
        ("tens of thousands", ParsedNumber(None, 20_000.0, 99_999.0)),
        ("several thousand", ParsedNumber(None, 2_000.0, 9_999.0)),
        ("14.2", ParsedNumber(14.2)),
        ("1,5", ParsedNumber(1.5)),
        ("the", None),
        ("twenty people", None),
    ],
)
def test_fixed_cases(text: str, expected: ParsedNumber | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text, value",
    [("двадцать пять", 25.0), ("две тысячи", 2000.0), ("триста", 300.0), ("двести тысяч", 200_000.0),
     ("полтора миллиона", 1_500_000.0), ("20 тысяч", 20_000.0)],
)
def test_russian_basics(text: str, value: float) -> None:
    assert parse_number(text, "ru") == ParsedNumber(value)
