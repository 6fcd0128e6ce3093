from __future__ import annotations

import datetime as dt

from scheduleto.extract.expiration import extract_expiration

from .helpers import doc


def _exp(text: str):
    result = extract_expiration(doc(text))
    assert result is not None, text
    return result


def test_new_then_previous_in_one_sentence(seed_text: str) -> None:
    exp = _exp(seed_text)
    assert exp.new is not None and exp.new.date == dt.date(2023, 5, 17)
    assert exp.previous is not None and exp.previous.date == dt.date(2023, 4, 28)
    assert exp.evidence.startswith("This Amendment No. 2 is being filed solely to extend")


def test_previous_then_new() -> None:
    exp = _exp(
        "The Offer, which was previously scheduled to expire at 5:00 p.m., New York City time, on "
        "March 3, 2006, has been extended until 5:00 p.m., New York City time, on March 17, 2006."
    )
    assert exp.previous is not None and exp.previous.date == dt.date(2006, 3, 3)
    assert exp.new is not None and exp.new.at is not None
    assert exp.new.at.isoformat() == "2006-03-17T17:00:00-05:00"
    assert exp.new.time == "5:00 p.m., New York City time"


def test_previous_in_a_separate_sentence() -> None:
    exp = _exp(
        "The expiration date of the Offer has been extended to one minute after 11:59 p.m. "
        "(12:00 midnight) New York City time on Wednesday May 17, 2023, unless further extended. "
        "The Offer was previously scheduled to expire at one minute after 11:59 p.m. (12:00 "
        "midnight) New York City time on April 28, 2023."
    )
    assert exp.new is not None and exp.new.at is not None
    assert exp.new.at.isoformat() == "2023-05-18T00:00:00-04:00"
    assert exp.previous is not None and exp.previous.date == dt.date(2023, 4, 28)
    assert exp.previous.at is not None and exp.previous.at.isoformat() == "2023-04-29T00:00:00-04:00"


def test_midnight_at_the_end_of() -> None:
    exp = _exp(
        "Purchaser has extended the Offer until 12:00 midnight, New York City time, at the end of "
        "Friday, December 12, 2008."
    )
    assert exp.new is not None and exp.new.date == dt.date(2008, 12, 12)
    assert exp.new.at is not None and exp.new.at.isoformat() == "2008-12-13T00:00:00-05:00"
    assert exp.previous is None


def test_dates_without_year_take_the_year_from_context() -> None:
    exp = _exp(
        "Published on 7/9/2007. Alcoa Inc. extended its offer to 5 p.m. ET on Aug. 10 from "
        "5 p.m. ET on July 10."
    )
    assert exp.new is not None and exp.new.date == dt.date(2007, 8, 10)
    assert exp.previous is not None and exp.previous.date == dt.date(2007, 7, 10)


def test_no_extension_is_none() -> None:
    assert extract_expiration(doc("The Offer will expire at 5:00 p.m. on June 1, 2020.")) is None
    assert extract_expiration(doc("Nothing about deadlines.")) is None
