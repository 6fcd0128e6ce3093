"""The case-insensitive stand-ins (scheduleto.caseless) give what the slow searches give."""

from __future__ import annotations

import re

from scheduleto.caseless import (
    Caseless,
    Folded,
    finditer_at,
    fold_lower,
    folds_oddly,
    lowered,
    may_hold,
    search_at,
)

PATTERN = re.compile(r"\b(?:final|issuer)\s+(?:amendment|tender)\b", re.IGNORECASE)
STARTS = re.compile("final|issuer")
TEXTS = (
    "Final Amendment; ISSUER TENDER offer and final   amendment.",
    "no match here",
    "the ıssuer tender offer (dotless i matches under IGNORECASE)",
    "FİNAL AMENDMENT with a dotted capital I",
)


def test_finditer_at_gives_the_matches_of_finditer() -> None:
    for text in TEXTS:
        expected = [m.span() for m in PATTERN.finditer(text)]
        assert [m.span() for m in finditer_at(PATTERN, text, STARTS, lowered(text))] == expected
        first = search_at(PATTERN, text, STARTS, lowered(text))
        assert (first.span() if first else None) == (expected[0] if expected else None)
    assert [m.group() for m in finditer_at(PATTERN, TEXTS[0], STARTS, lowered(TEXTS[0]), 10)] == [
        "ISSUER TENDER",
        "final   amendment",
    ]


def test_odd_letters_turn_the_guides_off() -> None:
    assert lowered("Final") == "final" and lowered(TEXTS[2]) is None and lowered(TEXTS[3]) is None
    assert folds_oddly(TEXTS[2]) and not folds_oddly(TEXTS[0])
    assert fold_lower("FİNAL ıssuer ſhares") == "final issuer shares"
    assert may_hold("the offer", "offer") and not may_hold("the bid", "offer")
    assert may_hold("the ıssuer", "offer")  # a dotless i could stand for an "i" anywhere


def test_caseless_pattern_matches_as_the_ignorecase_one() -> None:
    pattern = Caseless(r"\bexpired?\s+at\s+(?P<t>\d+:\d\d)", needs=("expire",))
    for text in ("The Offer EXPIRED at 5:00 p.m.", "The Offer lapsed at 5:00", "It expıred at 6:00"):
        folded = Folded.of(text)
        want = pattern.pattern.search(text)
        got = pattern.search(folded)
        assert (got.group("t") if got else None) == (want.group("t") if want else None)
