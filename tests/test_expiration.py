from __future__ import annotations

import datetime as dt

import scheduleto
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


def test_headline_date_takes_the_time_printed_in_the_body() -> None:
    exp = _exp(
        "Acme Extends Tender Offer to June 24, 2011\n\n"
        "Acme Corp. today announced that it has extended its tender offer for Beta Inc. to 5:00 p.m., "
        "New York City time, on Friday, June 24, 2011. The tender offer had previously been scheduled "
        "to expire at 5:00 p.m., New York City time, on Friday, June 10, 2011."
    )
    assert exp.new is not None and exp.new.time == "5:00 p.m., New York City time"
    assert exp.evidence.startswith("Acme Corp. today announced")
    assert exp.previous is not None and exp.previous.date == dt.date(2011, 6, 10)
    assert exp.previous.time == "5:00 p.m., New York City time"


def test_unless_extended_is_no_extension() -> None:
    assert extract_expiration(doc(
        "Acme is commencing a subsequent offering period. This subsequent offering period will expire "
        "at 5:00 p.m. (Eastern time) on June 9, 2011, unless extended."
    )) is None
    assert extract_expiration(doc(
        "The Offer expired at 5:00 p.m. on June 9, 2011. The Offer was not extended."
    )) is None


def test_other_things_extended_are_not_the_offer() -> None:
    assert extract_expiration(doc(
        "On May 2, 2011, Parent and the lenders entered into an amendment extending the Debt "
        "Commitment Letter to August 31, 2011."
    )) is None
    assert extract_expiration(doc(
        "Parent asked the Company to extend the outside date from July 1, 2011 to August 1, 2011."
    )) is None
    assert extract_expiration(doc(
        "Purchaser will not, without the prior consent of the Company, extend the Offer to a date "
        "later than September 30, 2011."
    )) is None


def test_previous_named_after_the_date() -> None:
    exp = _exp(
        "Published on 10/5/2011. Acme extended its offer for Beta to midnight ET on Oct. 19. A total "
        "of 1,234,567 shares had been tendered as of midnight ET on Oct. 4, the original offer "
        "expiration date."
    )
    assert exp.new is not None and exp.new.date == dt.date(2011, 10, 19)
    assert exp.previous is not None and exp.previous.date == dt.date(2011, 10, 4)
    assert exp.previous.time == "midnight ET"


def test_period_which_was_extended_until_is_the_previous_deadline() -> None:
    exp = _exp(
        "The initial offering period, which was extended until March 3, 2011, is now closed. Acme has "
        "extended the offer until 6:00 p.m. (Toronto time) on March 17, 2011 by commencing a "
        "subsequent offering period."
    )
    assert exp.previous is not None and exp.previous.date == dt.date(2011, 3, 3)
    assert exp.new is not None and exp.new.at is not None
    assert exp.new.at.isoformat() == "2011-03-17T18:00:00-04:00"


def test_latest_previous_deadline_before_the_new_one() -> None:
    exp = _exp(
        "Acme is extending the deadline of its offer to June 30th, 2011. The offer was first extended "
        "from its original May 13th deadline to May 27th. The offer was previously set to expire at "
        "11:59 p.m., EDT, on May 27, 2011."
    )
    assert exp.new is not None and exp.new.date == dt.date(2011, 6, 30)
    assert exp.previous is not None and exp.previous.date == dt.date(2011, 5, 27)
    assert exp.previous.time == "11:59 p.m., EDT"


def test_originally_due_to_expire() -> None:
    exp = _exp("Published Mar 4, 2011. The offer, which was originally due to expire on Mar. 7, has "
               "now been extended to Mar. 21.")
    assert exp.previous is not None and exp.previous.date == dt.date(2011, 3, 7)
    assert exp.new is not None and exp.new.date == dt.date(2011, 3, 21)


def test_time_without_a_date() -> None:
    exp = _exp(
        "Acme said it extended its offer for Beta to 11:59 p.m. New York City time tonight. The offer "
        "was previously set to expire at 5:00 p.m. New York City time on Monday, June 6, 2011."
    )
    assert exp.new is not None and exp.new.date is None and exp.new.at is None
    assert exp.new.time == "11:59 p.m. New York City time"
    assert exp.previous is not None and exp.previous.date == dt.date(2011, 6, 6)


def test_extension_to_a_date_without_any_year_keeps_null_fields() -> None:
    exp = _exp("Acme extends offer for Beta to Oct. 14\n\nThe offer, which would have expired on "
               "Friday, will now end Oct. 14.")
    assert exp.new is None and exp.previous is None


def test_will_now_expire_states_a_new_deadline() -> None:
    exp = _exp("The Offer will now expire at 11:59 p.m., Eastern Time, on March 19, 2026, unless further extended.")
    assert exp.new is not None and exp.new.date == dt.date(2026, 3, 19)
    assert extract_expiration(doc("The Offer will expire at 11:59 p.m. on March 19, 2026, unless extended.")) is None


def test_a_new_deadline_whose_year_is_no_year_is_left_unread_with_a_warning() -> None:
    import scheduleto

    for year in ("2923", "2202", "20233"):
        filing = scheduleto.parse_text(
            f"The Offer has been extended to 5:00 p.m., New York City time, on May 17, {year}, from "
            "5:00 p.m., New York City time, on April 28, 2023.",
            strict=False,
        )
        exp = filing.expiration
        assert exp is not None and exp.new is not None
        # Was 2023-05-17: the year-less "May 17" given the year of the text.
        assert exp.new.date is None and exp.new.at is None
        assert exp.new.time == "5:00 p.m., New York City time"
        assert exp.previous is not None and exp.previous.date == dt.date(2023, 4, 28)
        assert f"date 'May 17, {year}' has no plausible year: left unread" in filing.warnings
    filing = scheduleto.parse_text(
        "The Offer has been extended to 5:00 p.m., New York City time, on May 17, 2023, from "
        "5:00 p.m., New York City time, on April 28, 2023.",
        strict=False,
    )
    assert filing.expiration is not None and filing.expiration.new is not None
    assert filing.expiration.new.date == dt.date(2023, 5, 17)
    assert not any("plausible" in w for w in filing.warnings)


def test_unreadable_new_date_without_time_is_an_unresolved_extension() -> None:
    unread: list[str] = []
    exp = extract_expiration(doc("Acme extended the Offer until May 17, 2923. It was filed on April 28, 2023."), unread=unread)
    assert exp is not None and exp.new is None and exp.previous is None
    assert exp.evidence == "Acme extended the Offer until May 17, 2923."
    assert unread == ["May 17, 2923"]


def test_every_sentence_read_notes_its_unreadable_dates() -> None:
    unread: list[str] = []
    extract_expiration(doc(
        "The expiration of the Offer was moved to May 17, 2923. The Offer has been extended to "
        "June 1, 20233, from April 28, 2023."
    ), unread=unread)
    assert unread == ["May 17, 2923", "June 1, 20233"]


def test_an_unknown_time_zone_is_reported_not_guessed() -> None:
    text = (
        "The Offer has been extended to 5:00 p.m., Kathmandu time, on May 17, 2023, from 5:00 p.m., "
        "New York City time, on April 28, 2023."
    )
    filing = scheduleto.parse_text(text, strict=False)
    assert filing.expiration is not None and filing.expiration.new is not None
    assert filing.expiration.new.at is None
    assert filing.expiration.previous is not None and filing.expiration.previous.at is not None
    assert "expiration time '5:00 p.m., Kathmandu time': time zone not known, 'at' left null" in filing.warnings
    assert not any("time zone" in w for w in scheduleto.parse_text(text.replace("Kathmandu", "New York City"), strict=False).warnings)
