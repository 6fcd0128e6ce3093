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
