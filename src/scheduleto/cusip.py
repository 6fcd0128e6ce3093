"""CUSIP identifiers: clean-up as printed on covers, and the check digit."""

from __future__ import annotations

import re

_VALUES = {**{str(d): d for d in range(10)}, **{chr(ord("A") + i): 10 + i for i in range(26)},
           "*": 36, "@": 37, "#": 38}  # fmt: skip

#: A CUSIP as printed: 8-9 characters, maybe with spaces or hyphens inside ("453440 30 7").
CUSIP_PATTERN = re.compile(
    r"(?<![\w-])(?=[0-9A-Z*@#]{0,8}\d)([0-9A-Z*@#]{6})[\s-]?([0-9A-Z*@#]{2})[\s-]?([0-9])?(?![\w-])"
)


def check_digit(base: str) -> int:
    """The check digit of the first eight characters of a CUSIP."""
    if len(base) != 8:
        raise ValueError(f"a CUSIP check digit needs 8 characters, got {base!r}")
    total = 0
    for i, ch in enumerate(base.upper()):
        if ch not in _VALUES:
            raise ValueError(f"{ch!r} is not a CUSIP character")
        v = _VALUES[ch]
        if i % 2 == 1:
            v *= 2
        total += v // 10 + v % 10
    return (10 - total % 10) % 10


def is_valid(cusip: str) -> bool:
    """True when ``cusip`` has nine characters and a correct check digit."""
    cusip = clean(cusip)
    if len(cusip) != 9 or not cusip[8].isdigit():
        return False
    try:
        return check_digit(cusip[:8]) == int(cusip[8])
    except ValueError:
        return False


def clean(text: str) -> str:
    """Remove spaces and hyphens and upper-case a CUSIP as printed."""
    return re.sub(r"[\s-]", "", text).upper()


def find_cusips(text: str) -> list[str]:
    """CUSIPs printed in a cover value such as ``"09175M101"`` or ``"453440 30 7; 453440 10 9"``."""
    out: list[str] = []
    for m in CUSIP_PATTERN.finditer(text.upper()):
        value = "".join(g for g in m.groups() if g)
        if value.isalpha() or not any(c.isdigit() for c in value[:6]):
            continue
        if value not in out:
            out.append(value)
    return out
