"""Final results: shares accepted for payment, the price paid, the proration factor, and
whether the offer expired, was terminated or moved into a subsequent offering period."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..document import Document, collapse
from ..model import Results
from ..numbers import NUMBER, SCALED_NUMBER, as_count, parse_money, parse_number
from ..vocab import OUTCOME_PATTERNS

_ACCEPTED = re.compile(
    r"\baccept(?:ed|s)?\s+for\s+(?:payment|purchase|exchange)\s*,?\s*(?:(?:an\s+aggregate|a\s+total)\s+of\s+)?"
    rf"(?:approximately\s+)?(?P<num>{SCALED_NUMBER})\s+(?:\w+\s+){{0,4}}?(?:shares|units|notes|ADSs)\b"
    r"|\b(?P<num2>" + SCALED_NUMBER + r")\s+(?:\w+\s+){0,4}?(?:shares|units)\b[^.]{0,80}?\bhave\s+been\s+accepted\s+for\s+(?:payment|purchase)",
    re.IGNORECASE,
)
_PRICE = re.compile(
    rf"(?:(?:purchase|offer|final)\s+price\s+(?:of|was|is)\s+|at\s+(?:a\s+price\s+of\s+)?|for\s+)(?P<price>(?:US|U\.S\.\s*)?\$\s*{NUMBER})\s+per\s+(?:share|unit|Share)",
    re.IGNORECASE,
)
_PRORATION = re.compile(
    r"proration\s+factor[^.]{0,60}?(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)",
    re.IGNORECASE,
)
_OUTCOMES = tuple((re.compile(p, re.IGNORECASE), name) for name, p in OUTCOME_PATTERNS)


@dataclass(frozen=True)
class ResultsInfo:
    """Final results (or None) and the offer's outcome (or None)."""

    results: Results | None
    outcome: str | None


def extract_results(doc: Document) -> ResultsInfo:
    """Read final results from ``doc``."""
    accepted: int | Decimal | None = None
    price: Decimal | None = None
    proration: float | None = None
    evidence: str | None = None
    outcome: str | None = None
    for _i, sentence in doc.sentences():
        sentence = collapse(sentence)
        if outcome is None:
            for pattern, name in _OUTCOMES:
                if pattern.search(sentence):
                    outcome = name
                    break
        m = _ACCEPTED.search(sentence)
        if m and accepted is None:
            value = parse_number(m.group("num") or m.group("num2"))
            if value is not None:
                accepted = as_count(value)
                evidence = sentence
                pm = _PRICE.search(sentence, m.end() - 1) or _PRICE.search(sentence)
                if pm and price is None:
                    price = parse_money(pm.group("price"))
        pr = _PRORATION.search(sentence)
        if pr and proration is None:
            proration = float(pr.group("pct"))
            evidence = evidence or sentence
    if accepted is None and proration is None:
        return ResultsInfo(None, outcome)
    return ResultsInfo(
        Results(evidence=evidence or "", shares_accepted=accepted, price=price,
                proration_factor_percent=proration),
        outcome,
    )
