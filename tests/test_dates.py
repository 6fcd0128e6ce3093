from __future__ import annotations

import datetime as dt

from scheduleto.dates import context_year, find_dates, find_deadlines, find_times


def _one(text: str, year: int | None = None):
    found = find_deadlines(text, year)
    assert len(found) == 1, found
    return found[0]


def test_one_minute_following_1159_is_midnight_next_day() -> None:
    m = _one("one minute following 11:59 p.m., New York City time, on May 17, 2023")
    assert m.date == dt.date(2023, 5, 17)
    assert m.at is not None and m.at.isoformat() == "2023-05-18T00:00:00-04:00"
    assert m.time is not None and m.time.text == "one minute following 11:59 p.m., New York City time"


def test_one_minute_after_with_midnight_in_parentheses() -> None:
    m = _one("one minute after 11:59 p.m. (12:00 midnight) New York City time on Wednesday May 17, 2023")
    assert m.at is not None and m.at.isoformat() == "2023-05-18T00:00:00-04:00"


def test_midnight_at_the_end_of_day() -> None:
    m = _one("12:00 midnight, New York City time, at the end of Friday, March 20, 2009")
    assert m.date == dt.date(2009, 3, 20)
    assert m.at is not None and m.at.isoformat() == "2009-03-21T00:00:00-04:00"


def test_twelve_am_at_the_end_of_is_the_same_instant() -> None:
    m = _one("12:00 a.m., New York City time, at the end of Tuesday, Aug. 26, 2014")
    assert m.at is not None and m.at.isoformat() == "2014-08-27T00:00:00-04:00"


def test_five_pm_eastern_in_winter_has_minus_five_offset() -> None:
    m = _one("5:00 p.m., Eastern time, on January 10, 2025")
    assert m.at is not None and m.at.isoformat() == "2025-01-10T17:00:00-05:00"


def test_date_then_time() -> None:
    m = _one("Wednesday, October 31, 2007, 12:00 midnight (EDT)")
    assert m.date == dt.date(2007, 10, 31)
    assert m.at is not None and m.at.isoformat() == "2007-11-01T00:00:00-04:00"


def test_other_zone() -> None:
    m = _one("5:00 p.m. (Vancouver time) on June 1, 2020")
    assert m.at is not None and m.at.utcoffset() == dt.timedelta(hours=-7)


def test_date_without_time_has_no_instant() -> None:
    m = _one("on April 28, 2023")
    assert m.time is None and m.at is None


def test_dates_without_year_use_context_year() -> None:
    assert [d.date for d in find_dates("to Aug. 10 from July 10", 2007)] == [
        dt.date(2007, 8, 10),
        dt.date(2007, 7, 10),
    ]
    assert find_dates("to Aug. 10") == []
    assert context_year("Published on 7/9/2007 ... in 2006") == 2007


def test_day_month_year_and_numeric_dates() -> None:
    assert [d.date for d in find_dates("until 14 June 2006 and 5/17/2023")] == [
        dt.date(2006, 6, 14),
        dt.date(2023, 5, 17),
    ]


def test_invalid_dates_are_skipped() -> None:
    assert find_dates("February 30, 2023") == []


def test_noon_and_times() -> None:
    times = find_times("at 12:00 noon and 9:30 a.m. and 11 p.m.")
    assert [(t.hour, t.minute) for t in times] == [(12, 0), (9, 30), (23, 0)]
