"""Final results: shares accepted for payment, the price paid, the proration factor, and
whether the offer expired, was terminated or moved into a subsequent offering period.

Results are reported when the document gives a number of shares accepted ("accepted for
purchase an aggregate of 3,846,153 shares", "298,759,000 common shares ... have been validly
deposited and taken up", a preliminary "expects to acquire 25 million ... shares at a purchase
price of $29.00 per share") or a proration factor. A document that says the offer expired (or
moved into a subsequent offering period) and that all shares tendered were accepted, without a
number of its own, reports results too, with ``shares_accepted`` None.

The price is the one per share in the sentence that gives the accepted count, else the first
price per share the document states for the offer (in a sentence about paying, accepting or
buying, else anywhere), skipping ranges ("up to", "not greater than"), par values and a price
that is only part of the consideration ("$380.00 per Share ... plus one contingent value
right").

The outcome is the first pattern of :data:`~scheduleto.vocab.OUTCOME_PATTERNS` matched
anywhere in the document (the table is ordered by precedence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..caseless import Caseless, Folded
from ..document import Document
from ..model import Results
from ..numbers import NUMBER, SCALED_NUMBER, as_count, parse_money, parse_number
from ..vocab import (
    _IN_CLAUSE,
    _SOP,
    EXPIRATION_NOT_OFFER,
    OUTCOME_HEDGES,
    OUTCOME_KEYWORDS,
    OUTCOME_PATTERNS,
)

_UNIT = r"(?:shares|units|notes|ADSs)"
_NOT_PCT = r"(?!\s*(?:%|percent\b|per\s+cent\b))"
_ACCEPTED = Caseless(
    # "accepted for purchase an aggregate of 3,846,153 shares"
    r"\baccept(?:ed|s)?\s+for\s+(?:payment|purchase|exchange)\s*,?\s*(?:(?:an\s+aggregate|a\s+total)\s+of\s+)?"
    rf"(?:approximately\s+)?(?P<num>{SCALED_NUMBER}){_NOT_PCT}\s+(?:\w+\s+){{0,4}}?{_UNIT}\b"
    # "1,234 shares ... have been accepted for payment"
    rf"|\b(?P<num2>{SCALED_NUMBER}){_NOT_PCT}\s+(?:\w+\s+){{0,4}}?(?:shares|units)\b[^.]{{0,80}}?"
    r"\bhave\s+been\s+accepted\s+for\s+(?:payment|purchase)"
    # "298,759,000 common shares ... have been validly deposited and taken up"
    rf"|\b(?P<num3>{SCALED_NUMBER}){_NOT_PCT}\s+(?:\w+\s+){{0,4}}?(?:shares|units)\b[^;]{{0,160}}?"
    r"\b(?:have|has|had)\s+been\s+(?:validly\s+|properly\s+)?(?:tendered|deposited)\s+and\s+"
    r"(?:accepted\s+for\s+(?:payment|purchase|exchange)|taken\s+up)\b"
    # preliminary results: "expects to acquire 25 million properly tendered shares at a ... price"
    r"|\bexpects?\s+to\s+(?:acquire|purchase|accept\s+for\s+(?:payment|purchase))\s+(?:approximately\s+)?"
    rf"(?P<num4>{SCALED_NUMBER}){_NOT_PCT}\s+(?:\w+\s+){{0,4}}?{_UNIT}\b(?=[^.]{{0,80}}?\bprice\b)",
    # words one of which every match holds
    ("accept", "taken", "expect"),
)
# All shares tendered were accepted, in the past or perfect ("has accepted for payment all
# Shares", "All Shares ... have been accepted for purchase", "Purchaser accepted for payment and
# will promptly pay for all Shares") or, once the offer expired, in the future ("will accept for
# payment all shares properly tendered").
_ACCEPTED_ALL = Caseless(
    r"(?<!\bto\s)\b(?:has|have|had)\s+(?:(?:\w+ly|also|now)\s+){0,2}(?:been\s+)?(?:\w+ly\s+)?"
    r"accepted\s+(?:\w+ly\s+)?for\s+(?:payment|purchase|exchange)"
    r"|\b(?:were|was)\s+(?:\w+ly\s+)?accepted\s+for\s+(?:payment|purchase|exchange)"
    r"|(?<!\bbe\s)(?<!\bto\s)(?<!\bnot\s)\baccepted\s+for\s+(?:payment|purchase|exchange)\s+(?:and\s+[^.;]{0,60}?)?all\b"
    r"|\bwill\s+(?:\w+ly\s+)?accept\s+for\s+(?:payment|purchase|exchange)\s+all\b"
    r"|\b(?:has|have|had)\s+(?:\w+ly\s+)?taken\s+up\s+all\b",
    ("accept", "taken"),
)
# "per share" may run into the next word in badly rendered copies ("per shareas was offered").
_PER = (
    r"(?:\s+net)?(?:\s+(?:in\s+cash|net\s+to\s+the\s+seller(?:\s+in\s+cash)?))?,?\s+"
    r"(?:per|for\s+each|a)\s+(?:share|unit)(?!holder|owner)"
)
_PRICE = re.compile(
    rf"(?P<price>(?:US|U\.S\.\s*)?\$\s*{NUMBER})(?:{_PER}|\s+(?:cash\s+)?consideration\b)",
    re.IGNORECASE,
)
# Prices that are not the price paid: limits and ranges, par values.
_PRICE_HEDGE = re.compile(
    r"(?:\bup\s+to|\bnot\s+(?:greater|less|more)\s+than|\bnor\s+(?:greater|less|more)\s+than|\bminimum\s+of"
    r"|\bmaximum\s+of|\bbetween|\brange\s+of|\bfrom|\bat\s+or\s+(?:below|above)|\bpar\s+value\s+(?:of\s+)?"
    r"|\bincreased?\s+(?:the\s+\w+\s+)?(?:price\s+)?to"
    # the upper end of a range: "$27.50 to $30.00 per share"
    rf"|\$\s*{NUMBER}\s*(?:to|and|through|-|\u2013))\s*$",
    re.IGNORECASE,
)
_PRICE_RANGE_END = re.compile(r"^\s*(?:to|and|-|–)\s*(?:US|U\.S\.\s*)?\$", re.IGNORECASE)
_PAR_AFTER = re.compile(r"\bpar\s+value\b", re.IGNORECASE)
# "$380.00 per Share ... plus one contingent value right": only part of the consideration.
_PLUS = re.compile(r"^[^.;]{0,160}?\bplus\b", re.IGNORECASE)
_PAYING = re.compile(
    r"\b(?:accept|paid|pay|purchas|repurchas|receive|consideration|acquire|bought)", re.IGNORECASE
)
_PRORATION = Caseless(
    r"proration\s+factor[^.]{0,60}?(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)"
    # "The fund accepted for purchase 33.23% of the Shares ... tendered"
    r"|\baccepted\s+for\s+(?:payment|purchase)\s+(?:approximately\s+)?(?P<pct2>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)"
    r"\s+of\s+the\b",
    ("proration", "accepted"),
)
# Words one of which every match of an outcome pattern holds, where OUTCOME_KEYWORDS is weaker
# (most sentences with "withdr" speak of withdrawal rights, most with "expiration" of its date;
# every "expired" pattern needs "expired", "to expire" or "has occurred").
_OUTCOME_WORDS = {
    "terminated": ("terminated", "withdrawn", "withdrew"),
    "expired": ("expire", "occurred"),
}
# What every match of an outcome pattern holds, a literal-led test before the pattern: the verb
# of a termination next to its subject or object ("not withdrawn" is no termination), the
# words naming a subsequent offering period.
_OUTCOME_GATES = {
    "terminated": (
        r"(?:was|been)\s+(?:terminated|withdrawn)\b|terminated\s+(?:the|its)\s"
        r"|withdr(?:ew|awn)\s+(?:the|its)\s"
    ),
    "subsequent_offering_period": _SOP,
}
# The clause of an outcome pattern tells "Inc." from a sentence end by case, which lower-cased
# text no longer shows; with any character but ";" in its place, the pattern matches wherever it
# did (and more): a cheap test before the exact pattern, which need not look before its match.
_OUTCOMES = tuple(
    (
        Caseless(p, _OUTCOME_WORDS.get(name, ())),
        Caseless(p.replace(_IN_CLAUSE, "[^;]"), _OUTCOME_WORDS.get(name, ())) if _IN_CLAUSE in p else None,
        Caseless(_OUTCOME_GATES[name], _OUTCOME_WORDS.get(name, ())) if name in _OUTCOME_GATES else None,
        name,
    )
    for name, p in OUTCOME_PATTERNS
)
_OTHER_EXPIRY = re.compile(EXPIRATION_NOT_OFFER, re.IGNORECASE)
_OUTCOME_HEDGED = re.compile(OUTCOME_HEDGES, re.IGNORECASE)
_FINAL_OUTCOMES = frozenset({"expired", "subsequent_offering_period"})
_KEYWORDS = (
    *sorted({k for keys in OUTCOME_KEYWORDS.values() for k in keys}),
    "accept",
    "prorat",
    "taken up",
    "expects",
)


@dataclass(frozen=True)
class ResultsInfo:
    """Final results (or None) and the offer's outcome (or None)."""

    results: Results | None
    outcome: str | None


def outcome_of(sentences: list[str]) -> str | None:
    """How the offer ended, by the first pattern of the (ordered) table found anywhere."""
    texts = [Folded.of(s) for s in sentences]
    lowered = [s.lower() if t.low is None else t.low for s, t in zip(sentences, texts, strict=True)]
    return _outcome_of(list(zip(sentences, texts, lowered, strict=True)))


def _outcome_of(sentences: list[tuple[str, Folded, str]]) -> str | None:
    """:func:`outcome_of` of ``(sentence, folded, lower-cased)`` triples."""
    for pattern, relaxed, gate, name in _OUTCOMES:
        keys = OUTCOME_KEYWORDS[name]
        for sentence, text, low in sentences:
            if not any(k in low for k in keys):
                continue  # cheap test before the pattern
            if gate is not None and not gate.found(text):
                continue
            first = relaxed.first(text) if relaxed is not None else 0
            if first is None:
                continue
            for start, end in pattern.spans(text, first):
                if _OUTCOME_HEDGED.search(sentence[max(0, start - 40) : start]):
                    continue
                if name == "expired" and _OTHER_EXPIRY.search(sentence[max(0, start - 80) : end]):
                    continue
                return name
    return None


def _sentences_with(doc: Document, keywords: tuple[str, ...]) -> list[tuple[str, Folded, str]]:
    """``doc.sentences_with(*keywords)`` as ``(sentence, folded, lower-cased)``: a substring test
    per keyword is cheaper than the one pattern of alternatives that method runs."""
    out: list[tuple[str, Folded, str]] = []
    for i in doc.lines_matching(keywords):
        for sentence in doc.line_sentences(i):
            low = sentence.lower()
            for k in keywords:
                if k in low:
                    out.append((sentence, Folded.of(sentence), low))
                    break
    return out


def price_in(sentence: str, start: int = 0) -> Decimal | None:
    """The first price per share paid in ``sentence`` at or after ``start``."""
    for m in _PRICE.finditer(sentence, start):
        lead = sentence[max(0, m.start() - 40) : m.start()]
        tail = sentence[m.end() : m.end() + 200]
        if _PRICE_HEDGE.search(lead) or _PLUS.match(tail) or _PAR_AFTER.match(tail.lstrip(" ,")):
            continue
        if _PRICE_RANGE_END.match(sentence, m.end("price")):
            continue
        return parse_money(m.group("price"))
    return None


def extract_results(doc: Document) -> ResultsInfo:
    """Read final results from ``doc``."""
    # Only sentences that can hold an outcome, an acceptance or a proration (and, when results
    # are found without a price, those that can hold a price).
    sentences = _sentences_with(doc, _KEYWORDS)
    outcome = _outcome_of(sentences)
    accepted: int | Decimal | None = None
    price: Decimal | None = None
    proration: float | None = None
    evidence: str | None = None
    all_accepted: str | None = None
    for sentence, text, low in sentences:
        if (
            "accept" not in low
            and "prorat" not in low
            and "taken up" not in low
            and "expects" not in low
        ):
            continue
        if accepted is None and (m := _ACCEPTED.search(text)):
            value = parse_number(
                m.group("num") or m.group("num2") or m.group("num3") or m.group("num4")
            )
            if value is not None:
                accepted = as_count(value)
                evidence = sentence
                price = price_in(sentence, m.start()) or price_in(sentence)
        if all_accepted is None and _ACCEPTED_ALL.found(text):
            all_accepted = sentence
        if proration is None and (pr := _PRORATION.search(text)):
            proration = float(pr.group("pct") or pr.group("pct2"))
            evidence = evidence or sentence
    if accepted is None and proration is None:
        if all_accepted is None or outcome not in _FINAL_OUTCOMES:
            return ResultsInfo(None, outcome)
        evidence = all_accepted
    if price is None:
        price = _offer_price([s for _i, s in doc.sentences_with("$")], evidence)
    return ResultsInfo(
        Results(
            evidence=evidence or "",
            shares_accepted=accepted,
            price=price,
            proration_factor_percent=proration,
        ),
        outcome,
    )


def _offer_price(sentences: list[str], evidence: str | None) -> Decimal | None:
    """The price per share paid: in the evidence, else where paying is spoken of, else anywhere
    (``sentences``: those holding "$")."""
    if evidence:
        found = price_in(evidence)
        if found is not None:
            return found
    fallback: Decimal | None = None
    for sentence in sentences:
        found = price_in(sentence)
        if found is None:
            continue
        if _PAYING.search(sentence):
            return found
        fallback = fallback if fallback is not None else found
    return fallback
