from __future__ import annotations

from decimal import Decimal

from scheduleto.extract.results import extract_results
from scheduleto.model import OfferKind

from .helpers import doc


def test_final_results_with_proration() -> None:
    info = extract_results(doc(
        "The tender offer expired at 5:00 p.m. on May 1, 2024. The Company has accepted for "
        "purchase an aggregate of 30,075,146 shares at a purchase price of $66.50 per share. "
        "The final proration factor is approximately 95 percent."
    ))
    assert info.results is not None
    assert info.results.shares_accepted == 30075146
    assert info.results.price == Decimal("66.50")
    assert info.results.proration_factor_percent == 95.0
    assert "accepted for purchase" in info.results.evidence
    assert info.outcome == "expired"


def test_no_results() -> None:
    info = extract_results(doc("The Offer will expire on June 1, 2024."))
    assert info.results is None and info.outcome is None


def test_terminated() -> None:
    assert extract_results(doc("The Purchaser terminated the Offer on May 2, 2011.")).outcome == "terminated"
    assert OfferKind("cash") is OfferKind.CASH
