from __future__ import annotations

import datetime as dt
from decimal import Decimal

from scheduleto.extract.offer import defined_terms, extract_offer
from scheduleto.model import OfferKind, PriceRange

from .helpers import doc


def test_seed_exchange_offer(seed_text: str) -> None:
    offer = extract_offer(doc(seed_text))
    assert offer.kind is OfferKind.EXCHANGE
    assert offer.document_title == "Amended and Restated Offer to Exchange"
    assert offer.document_date == dt.date(2023, 4, 20)
    assert offer.max_shares == 333333333
    assert offer.exchange_ratio is not None
    assert (offer.exchange_ratio.tendered, offer.exchange_ratio.received) == (200, 3)


def test_cash_offer_with_price() -> None:
    offer = extract_offer(doc(
        "This Schedule TO relates to the offer by Purchaser to purchase all of the outstanding "
        "shares of Common Stock at a price of $18.25 per Share, net to the seller in cash, upon the "
        "terms set forth in the Offer to Purchase, dated December 1, 2024."
    ))
    assert offer.kind is OfferKind.CASH
    assert offer.price == Decimal("18.25")
    assert offer.document_title == "Offer to Purchase"
    assert offer.document_date == dt.date(2024, 12, 1)


def test_dutch_auction_range() -> None:
    offer = extract_offer(doc(
        "The Company offers to purchase up to 4,000,000 shares of its Common Stock at a price not "
        "greater than $66.50 nor less than $61.00 per share, in cash, under the Offer to Purchase."
    ))
    assert offer.price_range == PriceRange(Decimal("61.00"), Decimal("66.50"))
    assert offer.max_shares == 4000000
    assert offer.securities_sought == "Common Stock"


def test_defined_terms() -> None:
    terms = defined_terms('its 10.00% Series H Cumulative Redeemable Perpetual Preferred Stock ("Series H Preferred Stock")')
    assert terms == {"Series H Preferred Stock": "10.00% Series H Cumulative Redeemable Perpetual Preferred Stock"}


def test_dutch_auction_with_per_share_on_both_ends() -> None:
    offer = extract_offer(doc(
        "The Company offers to purchase up to 1,000 shares at a price not less than $27.50 per "
        "share and not greater than $30.00 per share, in cash."
    ))
    assert offer.price_range == PriceRange(Decimal("27.50"), Decimal("30.00"))


def test_prices_per_ads_and_net_per_share() -> None:
    assert extract_offer(doc(
        "Purchaser offers to purchase all outstanding ADSs at US$1.50 per ADS in cash under the Offer to Purchase."
    )).price == Decimal("1.50")
    assert extract_offer(doc("The Offer to purchase all of the Shares for $124.00 net per Share in cash.")).price == Decimal("124.00")


def test_scaled_amounts_have_no_spurious_decimals() -> None:
    offer = extract_offer(doc("The Company is offering up to $1.5 million in aggregate liquidation preference."))
    assert str(offer.aggregate_amount) == "1500000"


def test_patterns_do_not_join_separate_lines() -> None:
    # The offer patterns read only the lines holding their words; two such lines must not read
    # as one sentence ("... Exchange" + "Offer to Purchase" is no exchange offer).
    offer = extract_offer(doc(
        "Holders receive cash. The Shares trade on the New York Stock Exchange\n\n"
        "The Company has not paid dividends.\n\n"
        "Offer to Purchase for Cash, dated May 1, 2020."
    ))
    assert offer.kind is OfferKind.CASH
    assert offer.document_title == "Offer to Purchase for Cash"
    assert offer.document_date == dt.date(2020, 5, 1)


def test_title_is_whole_words() -> None:
    offer = extract_offer(doc("Notice of the Second Offer to Purchasers of Notes."))
    assert offer.document_title is None
    offer = extract_offer(doc("Notice of the Second Offer to Purchase Notes."))
    assert offer.document_title == "Second Offer to Purchase"
