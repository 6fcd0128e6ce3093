"""Numbers as filings print them: share counts, money, percentages, small numbers in words."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
}  # fmt: skip
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

#: A number as printed: digits with thousands separators and decimals, maybe scaled by a word.
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
SCALED_NUMBER = rf"(?:{NUMBER})(?:\s+(?:thousand|million|billion)\b)?"
WORD_NUMBER = r"\b(?:" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b"
_SCALED = re.compile(rf"^\s*({NUMBER})(?:\s+(thousand|million|billion))?\s*$", re.I)


def parse_number(text: str) -> Decimal | None:
    """``"13,292,651"`` -> 13292651; ``"19.3 million"`` -> 19300000; words up to ninety-nine."""
    m = _SCALED.match(text)
    if m:
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        if m.group(2):
            value *= _SCALE[m.group(2).lower()]
        return value
    words = re.split(r"[\s-]+", text.strip().lower())
    if words and all(w in _WORDS for w in words):
        total = 0
        for w in words:
            v = _WORDS[w]
            total = total * v if v == 100 and total else total + v
        return Decimal(total)
    return None


def as_count(value: Decimal) -> int | Decimal:
    """An integer when the count is whole, else the exact decimal (fund shares can be fractional)."""
    return int(value) if value == value.to_integral_value() else value.normalize()


def parse_money(text: str) -> Decimal | None:
    """``"$66.50"`` -> Decimal("66.50"); ``"US$101"`` -> Decimal("101")."""
    m = re.search(r"\$\s*(" + NUMBER + r")(?:\s+(million|billion))?", text)
    if not m:
        return None
    value = Decimal(m.group(1).replace(",", ""))
    if m.group(2):
        # "$1.5 million" is 1500000, not 1500000.0: a scaled amount keeps no spurious decimals.
        value *= _SCALE[m.group(2).lower()]
        if value == value.to_integral_value():
            value = Decimal(int(value))
    return value
