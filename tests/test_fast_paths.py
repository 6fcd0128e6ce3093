"""The shortcuts of the date finders and event extractors give what the plain patterns give."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from scheduleto.caseless import Folded
from scheduleto.dates import _TIME, _ZONE_LEADS, find_dates, find_deadlines, find_times
from scheduleto.extract.results import _OTHER_EXPIRY, outcome_of
from scheduleto.vocab import OUTCOME_HEDGES, OUTCOME_KEYWORDS, OUTCOME_PATTERNS, ZONES

_TOKENS = ["May", "MAY", "may", "17,", "2023", "on", "Wednesday,", "WED.", "Aug.", "10", "14", "June",
           "JUNE", "2006", "mayor", "the", "31", "July", "Sept.", "3rd", "day", "of", "\n", "12:00",
           "Midnight", "noon", "5:00", "P.M.", "a.m.", "New", "York", "City", "time", "EASTERN", "(",
           ")", ",", "One", "minute", "after", "11:59", "End", "today", "\u0131", "\u017f", "\u0130",
           "\u212a", "Hong", "Kong", "Paris", "Lagos", "PST", "5/17/2023", "2024-01-05"]  # fmt: skip


@given(st.lists(st.sampled_from(_TOKENS), max_size=40))
def test_a_lazy_default_year_gives_what_the_year_gives(tokens: list[str]) -> None:
    text = " ".join(tokens)
    calls: list[int] = []

    def year() -> int:
        calls.append(1)
        return 2021

    assert find_dates(text, year) == find_dates(text, 2021)
    assert len(calls) <= 1
    if not calls:  # not asked: no date needed it
        assert find_dates(text, None) == find_dates(text, 2021)


def test_the_year_is_only_read_when_a_date_needs_it() -> None:
    def fail() -> int:
        raise AssertionError("read")

    assert [d.date for d in find_dates("on May 5, 2023 and 3/4/2022", fail)] == [
        dt.date(2023, 5, 5), dt.date(2022, 3, 4)
    ]
    assert find_dates("on 5 may", fail) == []  # a day-first date needs a capitalised month
    assert [d.date for d in find_dates("on May 5", lambda: 2020)] == [dt.date(2020, 5, 5)]


@given(st.lists(st.sampled_from(_TOKENS), max_size=40))
def test_deadlines_of_a_folded_text_are_those_of_the_text(tokens: list[str]) -> None:
    text = " ".join(tokens)
    assert find_deadlines(Folded.of(text), 2020, lone_times=True) == find_deadlines(
        text, 2020, lone_times=True
    )


_ZONE_PATTERNS = [(re.compile(p, re.IGNORECASE), zone) for p, zone in ZONES]


def _zone_by_table(text: str, pos: int) -> str | None:
    """The zone printed after a time, each pattern of the table tried in turn."""
    window = text[pos : pos + 48]
    for lead in _ZONE_LEADS:
        lm = lead.match(window)
        if lm:
            for pattern, zone in _ZONE_PATTERNS:
                if pattern.match(window, lm.end()):
                    return zone
    return None


@given(st.lists(st.sampled_from(_TOKENS), max_size=30))
def test_zones_are_found_as_the_table_orders_them(tokens: list[str]) -> None:
    text = " ".join(tokens)
    for t in find_times(text):
        m = _TIME.match(text, t.start)  # the time itself, before its zone
        assert m is not None
        assert t.zone == _zone_by_table(text, m.end())


_OUTCOME_WORDS = ["The", "Offer", "offer", "was", "has been", "terminated", "withdrawn", "withdrew",
                  "its", "the", "not", "validly", "subsequent offering period", "SUBSEQUENT",
                  "expired", "EXPIRED", "to expire", "allowed", "expiration of the", "occurred",
                  "has", "have", "commenced", "a", "if", "Inc.", ";", ".", "tender offer",
                  "outside date", "\u0131", "\u017f", "period"]  # fmt: skip
_PLAIN = [(re.compile(p, re.IGNORECASE), name) for name, p in OUTCOME_PATTERNS]
_HEDGED = re.compile(OUTCOME_HEDGES, re.IGNORECASE)


def _plain_outcome(sentences: list[str]) -> str | None:
    """outcome_of without its cheap tests (but with the keyword test, which it documents)."""
    for pattern, name in _PLAIN:
        for sentence in sentences:
            if not any(k in sentence.lower() for k in OUTCOME_KEYWORDS[name]):
                continue
            for m in pattern.finditer(sentence):
                if _HEDGED.search(sentence[max(0, m.start() - 40) : m.start()]):
                    continue
                if name == "expired" and _OTHER_EXPIRY.search(sentence[max(0, m.start() - 80) : m.end()]):
                    continue
                return name
    return None


@given(st.lists(st.lists(st.sampled_from(_OUTCOME_WORDS), max_size=25), max_size=3))
def test_outcome_tests_skip_only_sentences_without_an_outcome(sentences: list[list[str]]) -> None:
    texts = [" ".join(words) for words in sentences]
    assert outcome_of(texts) == _plain_outcome(texts)


def test_outcome_examples() -> None:
    assert outcome_of(["The Offer was terminated."]) == "terminated"
    assert outcome_of(["Acme withdrew its offer."]) == "terminated"
    assert outcome_of(["Shares validly tendered and not validly withdrawn."]) is None
    assert outcome_of(["The subsequent offering period expired at midnight."]) == "expired"
    assert outcome_of(["Acme has commenced a subsequent offering period."]) == "subsequent_offering_period"
    assert outcome_of(["The expiration of the Offer has occurred."]) == "expired"
