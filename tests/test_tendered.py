from __future__ import annotations

import datetime as dt
from decimal import Decimal

from scheduleto.extract.tendered import extract_tendered

from .helpers import doc


def test_seed_count_is_deduplicated(seed_text: str) -> None:
    counts = extract_tendered(doc(seed_text))
    assert len(counts) == 1
    c = counts[0]
    assert c.shares == 13292651 and c.approximate
    assert c.as_of is not None and c.as_of.isoformat() == "2023-04-29T00:00:00-04:00"
    assert c.reported_by == "Computershare Trust Company, N.A."


def test_properly_tendered_with_percent() -> None:
    (c,) = extract_tendered(doc(
        "According to Equiniti Trust Company, LLC, the depositary for the Offer, as of 5:00 p.m., "
        "New York City time, on June 3, 2024, 5,123,456 Shares had been properly tendered and not "
        "properly withdrawn, representing approximately 38.8% of the outstanding Shares."
    ))
    assert c.shares == 5123456 and not c.approximate
    assert c.percent == 38.8
    assert c.as_of_date == dt.date(2024, 6, 3)
    assert c.as_of is not None and c.as_of.hour == 17
    assert c.securities == "Shares"
    assert c.reported_by == "Equiniti Trust Company, LLC"


def test_guaranteed_delivery_side_count() -> None:
    counts = extract_tendered(doc(
        "As of the expiration of the Offer, a total of 30,075,146 Shares were validly tendered and "
        "not validly withdrawn. In addition, 1,234,567 Shares were tendered pursuant to notices of "
        "guaranteed delivery."
    ))
    assert [(c.shares, c.guaranteed_delivery) for c in counts] == [(30075146, False), (1234567, True)]


def test_fractional_fund_shares() -> None:
    (c,) = extract_tendered(doc(
        "A total of 12,035,603.471 shares of common stock were validly tendered and not withdrawn."
    ))
    assert c.shares == Decimal("12035603.471")
    assert c.securities == "common stock"


def test_million_is_approximate() -> None:
    (c,) = extract_tendered(doc("About 19.3 million shares had been tendered and not withdrawn."))
    assert c.shares == 19300000 and c.approximate


def test_offer_size_is_not_a_tendered_count() -> None:
    assert extract_tendered(doc(
        "The Company is offering to purchase up to 5,000,000 shares that are properly tendered."
    )) == ()


def test_percent_in_the_next_sentence() -> None:
    (c,) = extract_tendered(doc(
        "Equiniti advised that approximately 8.4 million Beta shares have been validly tendered and "
        "not properly withdrawn. That represents approximately 31.5% of the outstanding shares."
    ))
    assert c.shares == 8400000 and c.approximate and c.percent == 31.5


def test_count_as_of_the_expiration_takes_the_expiration_deadline() -> None:
    (c,) = extract_tendered(doc(
        "The Offer expired as scheduled at 5:00 p.m., New York City time, on March 8, 2011. The "
        "Depositary has advised that, as of the expiration of the Offer, 7,654,321 Shares, "
        "representing approximately 61.2% of the Shares issued and outstanding, had been validly "
        "tendered and not validly withdrawn."
    ))
    assert c.shares == 7654321 and c.percent == 61.2
    assert c.as_of_date == dt.date(2011, 3, 8)
    assert c.as_of is not None and c.as_of.isoformat() == "2011-03-08T17:00:00-05:00"
    assert c.reported_by is None  # "The Depositary" names no one


def test_count_as_of_the_subsequent_period_expiration() -> None:
    (c,) = extract_tendered(doc(
        "The subsequent offering period expired at 12:00 midnight, New York City time, on May 20, "
        "2011. As of the expiration of the subsequent offering period, a total of 9,876,543 shares "
        "had been validly tendered (including shares tendered in the initial offer that expired on "
        "May 13, 2011)."
    ))
    assert c.as_of_date == dt.date(2011, 5, 20)


def test_repeated_count_is_completed_by_the_repeat() -> None:
    (c,) = extract_tendered(doc(
        "As of 5:00 p.m., New York City time, on Friday, May 6, 2011, approximately 2,345,678 shares "
        "of Beta had been tendered in and not withdrawn from the offer. Only 2,345,678 of Beta's "
        "outstanding shares, or approximately 4% of the total, tendered into the offer."
    ))
    assert c.shares == 2345678 and c.approximate and c.percent == 4.0
    assert c.as_of_date == dt.date(2011, 5, 6)


def test_no_shares_tendered_is_zero() -> None:
    (c,) = extract_tendered(doc("As stated in the final amendment, no shares were tendered."))
    assert c.shares == 0 and c.securities == "shares"
    assert extract_tendered(doc("No shares tendered will be accepted before the expiration.")) == ()


def test_being_tendered_reports_nothing() -> None:
    assert extract_tendered(doc(
        "The buyback drew a strong response, with 12.5 million shares being tendered, Beta said."
    )) == ()


def test_outstanding_counts_are_not_tendered_counts() -> None:
    (c,) = extract_tendered(doc(
        "About 52,100 Beta common shares had been deposited and not withdrawn under the offer, of "
        "the 41,000,000 Beta shares outstanding."
    ))
    assert c.shares == 52100 and c.approximate and c.securities == "common shares"


def test_either_tendered_or_guaranteed_is_not_a_guaranteed_delivery_count() -> None:
    (c,) = extract_tendered(doc(
        "Acme announced that approximately 1,250,000 additional common shares have either been "
        "validly deposited and taken up under the offer or are covered by notices of guaranteed "
        "delivery. These additional shares (which represent approximately 1.9% of the outstanding "
        "shares) bring Acme's holding to 97%."
    ))
    assert c.shares == 1250000 and not c.guaranteed_delivery and c.percent == 1.9


def test_yesterday_is_read_from_the_document_date() -> None:
    (c,) = extract_tendered(doc(
        "NEW YORK, June 10, 2011 -- Acme said that as of 5PM yesterday, 3,210,987 shares of Beta "
        "common stock had been tendered in and not withdrawn from the offer."
    ))
    assert c.as_of_date == dt.date(2011, 6, 9)


def test_guaranteed_delivery_in_its_own_clause() -> None:
    counts = extract_tendered(doc(
        "As of 5:00 p.m. on May 1, 2026, 12,345,678 Shares had been tendered and not withdrawn, and "
        "notices of guaranteed delivery had been delivered for 1,000,000 Shares."
    ))
    assert [(c.shares, c.guaranteed_delivery) for c in counts] == [(12345678, False), (1000000, True)]


def test_guaranteed_delivery_sentence_without_tender_verb() -> None:
    counts = extract_tendered(doc(
        "As of the expiration, 12,345,678 Shares were validly tendered. In addition, Notices of "
        "Guaranteed Delivery have been delivered for 2,000,000 Shares."
    ))
    assert [(c.shares, c.guaranteed_delivery) for c in counts] == [(12345678, False), (2000000, True)]


def test_security_noun_is_a_whole_word() -> None:
    # "Sharesave" (a UK savings plan) is not "Shares": no count of Shares is read from it.
    assert extract_tendered(doc("Holders of 1,200 Sharesave options tendered them in the Offer.")) == ()
    (c,) = extract_tendered(doc("Holders of 1,200 Shares tendered them in the Offer."))
    assert c.shares == 1200 and c.securities == "Shares"


def test_as_of_date_whose_year_is_no_year_is_left_unread() -> None:
    unread: list[str] = []
    (c,) = extract_tendered(doc(
        "Published on April 28, 2023. As of 5:00 p.m., New York City time, on May 17, 20233, "
        "5,123,456 Shares had been validly tendered and not validly withdrawn."
    ), unread=unread)
    assert c.shares == 5123456
    assert c.as_of_date is None and c.as_of is None  # was 2023-05-17
    assert unread == ["May 17, 20233"]


def test_count_after_a_date_without_year_is_no_year() -> None:
    unread: list[str] = []
    (c,) = extract_tendered(doc(
        "Published on April 28, 2023. As of May 17, 1,000,000 Shares had been validly tendered and "
        "not validly withdrawn."
    ), unread=unread)
    assert c.shares == 1000000
    assert c.as_of_date == dt.date(2023, 5, 17)
    assert unread == []


def test_expiry_tail_does_not_cut_a_later_year_into_an_unreadable_date() -> None:
    # The 160 characters read after "expired at" ended inside a later "2023" ("May 17, 202").
    tail = "5:00 p.m. on May 1, 2023 (the Expiration Date), as the Purchaser had announced on "
    tail += "a" * (160 - len(tail) - len("May 17, 202") - 1) + " May 17, 2023."
    unread: list[str] = []
    (c,) = extract_tendered(doc(
        f"The Offer expired at {tail} As of the expiration of the Offer, 5,123,456 Shares had been "
        "validly tendered and not withdrawn."
    ), unread=unread)
    assert c.as_of_date == dt.date(2023, 5, 1)
    assert unread == []
