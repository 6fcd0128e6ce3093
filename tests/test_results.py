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


def test_expiration_occurred_without_the_word_expire() -> None:
    info = extract_results(doc("The expiration of the Offer occurred at one minute after 11:59 p.m. on May 3, 2024."))
    assert info.outcome == "expired"


def test_terminated() -> None:
    assert extract_results(doc("The Purchaser terminated the Offer on May 2, 2011.")).outcome == "terminated"
    assert OfferKind("cash") is OfferKind.CASH


def test_all_shares_accepted_after_expiry_gives_results_without_a_count() -> None:
    info = extract_results(doc(
        "Acme Completes Tender Offer for Beta. Acme today announced the completion of its tender offer "
        "to acquire all outstanding shares of Beta common stock for $21.75 per share in cash. The "
        "offer expired at midnight, New York City time, at the end of May 5, 2011. Acme has accepted "
        "for payment all shares validly tendered."
    ))
    assert info.outcome == "expired"
    assert info.results is not None and info.results.shares_accepted is None
    assert info.results.price == Decimal("21.75")
    assert info.results.evidence.startswith("Acme has accepted for payment all shares")


def test_acceptance_terms_of_an_open_offer_are_no_results() -> None:
    info = extract_results(doc(
        "Upon the terms of the Offer, Purchaser will accept for payment all Shares validly tendered "
        "prior to the Expiration Date at $12.00 per Share."
    ))
    assert info.results is None and info.outcome is None


def test_deposited_and_taken_up_is_an_accepted_count() -> None:
    info = extract_results(doc(
        "Acme announced that approximately 101,500,000 common shares of Beta Inc. (which represent "
        "approximately 88.1% of the outstanding shares) have been validly deposited and taken up "
        "under the offer. Acme has commenced a subsequent offering period. Shareholders will receive "
        "US$44 per share."
    ))
    assert info.results is not None and info.results.shares_accepted == 101500000
    assert info.results.price == Decimal("44")
    assert info.outcome == "subsequent_offering_period"


def test_preliminary_results_in_words() -> None:
    info = extract_results(doc(
        "The tender offer for up to 12 million shares expired at 5:00 p.m. on June 3, 2011. Based on "
        "the preliminary count, Acme expects to acquire 12 million properly tendered shares at a "
        "purchase price of $17.25 per share. The proration factor is approximately 64%."
    ))
    assert info.results is not None
    assert info.results.shares_accepted == 12000000
    assert info.results.price == Decimal("17.25")
    assert info.results.proration_factor_percent == 64.0


def test_fund_proration_as_percent_accepted() -> None:
    info = extract_results(doc(
        "The Offer expired at 5:00 p.m., Eastern Time, on March 1, 2021. The Fund accepted for "
        "purchase 41.07% of the Shares that were validly tendered. The Shares were repurchased at a "
        "price of $9.12 per Share."
    ))
    assert info.results is not None and info.results.proration_factor_percent == 41.07
    assert info.results.price == Decimal("9.12")


def test_price_that_is_only_part_of_the_consideration() -> None:
    info = extract_results(doc(
        "Purchaser offered $55.00 per Share in cash plus one contingent value right per Share. The "
        "Offer expired at 11:59 p.m. on May 2, 2022. Purchaser irrevocably accepted for payment all "
        "Shares validly tendered."
    ))
    assert info.results is not None and info.results.price is None


def test_price_in_cash_for_each_share() -> None:
    info = extract_results(doc(
        "The initial offering period expired at midnight on July 8, 2011. All shares validly tendered "
        "have been accepted for payment. Holders will be paid $31.00 in cash for each share tendered."
    ))
    assert info.results is not None and info.results.price == Decimal("31.00")


def test_outcome_precedence() -> None:
    sop = extract_results(doc(
        "The initial offering period expired at midnight on July 8, 2011. Acme has commenced a "
        "subsequent offering period."
    ))
    assert sop.outcome == "subsequent_offering_period"
    ended = extract_results(doc(
        "The subsequent offer period announced on July 9 expired at midnight on July 15, 2011."
    ))
    assert ended.outcome == "expired"
    assert extract_results(doc("The offer, which would have expired on Monday, will now end later.")).outcome is None
    assert extract_results(doc(
        "Acme will allow its tender offer for all shares of Beta to expire on Friday, May 6, 2011."
    )).outcome == "expired"
    assert extract_results(doc(
        "The tender offer for all of the outstanding shares of Beta Inc. common stock expired as "
        "scheduled at midnight."
    )).outcome == "expired"


def test_conditions_are_no_outcomes() -> None:
    assert extract_results(doc(
        "If the Offer is terminated or withdrawn, Shares will be returned. Purchaser reserves the "
        "right to withdraw the Offer. After the Offer has expired, holders may not withdraw."
    )).outcome is None


def test_upper_end_of_a_price_range_is_no_price() -> None:
    info = extract_results(doc(
        "The tender offer expired on May 4, 2011. Holders tendered at prices within the range of "
        "$8.25 to $9.00 per share. The Company accepted for purchase an aggregate of 1,500,000 "
        "shares of its common stock."
    ))
    assert info.results is not None and info.results.shares_accepted == 1500000
    assert info.results.price is None
