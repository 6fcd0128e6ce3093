from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from scheduleto.dates import context_year, document_date, find_dates, find_deadlines, find_times


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


def test_day_first_date_without_year_needs_a_capitalised_month() -> None:
    assert [d.date for d in find_dates("as of 4:00 p.m. on Friday, 11 March", 2011)] == [dt.date(2011, 3, 11)]
    assert find_dates("holders of Rule 14e-1 may tender", 2011) == []
    assert find_dates("on 11 March") == []  # no year anywhere: stays unread


def test_month_run_into_the_day_and_iso_dates() -> None:
    assert [d.date for d in find_dates("until December9, 2011 (filed 2011-11-25)")] == [
        dt.date(2011, 12, 9),
        dt.date(2011, 11, 25),
    ]


def test_context_year_reads_full_dates_only() -> None:
    assert context_year("Posted on 3/2/2011. Closing expected by fiscal 2014. (c) 2019 Newswire") == 2011
    assert context_year("Acme extends offer to Oct. 3 (accretive by fiscal year 2013)") is None


def test_document_date_and_relative_days() -> None:
    today = document_date(" date 2011-06-10 Acme said that as of 5 p.m. yesterday ...")
    assert today == dt.date(2011, 6, 10)
    (m,) = find_deadlines("as of 5 p.m. yesterday", None, today)
    assert m.date == dt.date(2011, 6, 9)
    assert m.at is not None and m.at.isoformat() == "2011-06-09T17:00:00-04:00"
    assert document_date("Acme extended its offer to midnight yesterday. It was set to expire on May 3, 2011.") is None
    assert document_date("NEW YORK, June 10, 2011 -- Acme Corp. today announced") == dt.date(2011, 6, 10)


def test_canadian_eastern_time_and_glued_pm() -> None:
    m = _one("6pm (Canadian Eastern Time) on 9 December 2011")
    assert m.date == dt.date(2011, 12, 9)
    assert m.time is not None and m.time.text == "6pm (Canadian Eastern Time)"
    assert m.at is not None and m.at.tzinfo is not None and str(m.at.tzinfo) == "America/Toronto"
    assert m.at.isoformat() == "2011-12-09T18:00:00-05:00"


def test_daylight_savings_time_zone() -> None:
    m = _one("until 5:00 p.m., Eastern Daylight Savings Time, Thursday, June 2, 2011")
    assert m.time is not None and m.time.text == "5:00 p.m., Eastern Daylight Savings Time"
    assert m.at is not None and m.at.isoformat() == "2011-06-02T17:00:00-04:00"


def test_end_of_the_day_midnight_keeps_its_words() -> None:
    m = _one("at the end of the day, 12:00 Midnight, Eastern Time, on June 2, 2011")
    assert m.time is not None and m.time.text == "the end of the day, 12:00 Midnight, Eastern Time"
    assert m.at is not None and m.at.isoformat() == "2011-06-03T00:00:00-04:00"


def test_time_in_another_city_in_parentheses_is_part_of_the_time() -> None:
    m = _one("through 9:00 p.m. New York time (6:00 p.m. Los Angeles time) on Friday, March 4, 2011")
    assert m.time is not None and m.time.text == "9:00 p.m. New York time (6:00 p.m. Los Angeles time)"
    assert m.at is not None and m.at.isoformat() == "2011-03-04T21:00:00-05:00"


def test_lone_times_are_mentions_without_a_date() -> None:
    found = find_deadlines("to 12:00 midnight New York City time tonight", lone_times=True)
    assert len(found) == 1 and found[0].date is None and found[0].at is None
    assert found[0].time is not None and found[0].time.text == "12:00 midnight New York City time"
    assert find_deadlines("to 12:00 midnight New York City time tonight") == []


_TOKENS = ["May", "17,", "2023", "on", "Wednesday,", "Aug.", "10", "from", "5/17/2023", "14", "June",
           "2006", "mayor", "decided", "the", "31", "July", "2024-01-05", "Sept.", "3rd", "of", "\n",
           "2923", "20233,", "100,000", "12:00", "p.m."]  # fmt: skip


@given(st.lists(st.sampled_from(_TOKENS), max_size=60))
def test_windowed_date_search_matches_a_full_scan(tokens: list[str]) -> None:
    """The candidate-window search finds exactly what the full pattern finds."""
    from scheduleto.dates import _DATE, _date_matches

    text = " ".join(tokens)
    full = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    assert [(m.start(), m.end()) for m in _date_matches(text)] == full


def test_zones_other_than_new_york() -> None:
    m = _one("5:00 p.m., Hong Kong time, on March 10, 2026")
    assert m.at is not None and m.at.isoformat() == "2026-03-10T17:00:00+08:00"
    m = _one("6:00 p.m. Central European Time on March 10, 2026")
    assert m.at is not None and m.at.utcoffset() == dt.timedelta(hours=1)


def test_unknown_zone_leaves_the_instant_unread() -> None:
    m = _one("5:00 p.m., Lagos time, on March 10, 2026")
    assert m.date == dt.date(2026, 3, 10) and m.at is None
    assert m.time is not None and m.time.text == "5:00 p.m., Lagos time"


def test_month_spelled_with_odd_case_letters_is_read_not_a_crash() -> None:
    # "ſ" (long s) and "K"-like letters match their ASCII letters case-insensitively; the month
    # table must be looked up with the same folding (a KeyError escaped parse() before).
    found = find_dates("expires on ſeptember 5, 2024 and AUGUſT 7, 2023")
    assert [(d.date, d.has_year) for d in found] == [
        (dt.date(2024, 9, 5), True),
        (dt.date(2023, 8, 7), True),
    ]


def test_a_number_where_the_year_stands_that_is_no_year_is_no_date() -> None:
    # "May 17, 2923" was read as "May 17" without a year, and given the context year.
    for printed in ("May 17, 2923", "May 17, 2202", "May 17, 20233", "May 17 2923", "May 17, 202",
                    "Wednesday, May 17, 2923", "17 May 2923", "17 May, 20233"):  # fmt: skip
        assert find_dates(f"on {printed}, at 5:00 p.m.", 2023) == [], printed
        unread: list[str] = []
        find_dates(f"on {printed}, at 5:00 p.m.", 2023, unread=unread)
        assert unread == [printed]
    unread = []
    (m,) = find_deadlines("to 5:00 p.m. on May 17, 20233, from April 28, 2023", 2023, unread=unread)
    assert m.date == dt.date(2023, 4, 28) and m.time is None
    assert unread == ["May 17, 20233"]
    # "may" in lower case between two numbers is the verb, as it is without a year.
    unread = []
    assert find_dates("Section 17 may 2923 shares", 2023, unread=unread) == [] and unread == []


def test_real_years_and_numbers_after_a_date_without_year_are_read_as_before() -> None:
    def read(text: str) -> list[tuple[dt.date, bool, str]]:
        unread: list[str] = []
        found = find_dates(text, 2011, unread=unread)
        assert unread == [], text
        return [(d.date, d.has_year, text[d.start : d.end]) for d in found]

    may17 = dt.date(2011, 5, 17)
    assert read("on May 17, 2023") == [(dt.date(2023, 5, 17), True, "May 17, 2023")]
    assert read("on May 17 2023") == [(dt.date(2023, 5, 17), True, "May 17 2023")]
    assert read("on 17 May 2023") == [(dt.date(2023, 5, 17), True, "17 May 2023")]
    assert read("on May 17, 1999.") == [(dt.date(1999, 5, 17), True, "May 17, 1999")]
    assert read("on May 17") == [(may17, False, "May 17")]
    assert read("on May 17, at 5:00 p.m.") == [(may17, False, "May 17")]
    # Numbers that are no year: a count, a time, a number longer than a year.
    for tail in ("1,000,000 shares had been tendered", "100,000 shares had been tendered",
                 "12:00 midnight", "1200 noon", "1159 p.m.", "100.5 million shares",
                 "123456 shares", "45 shares"):  # fmt: skip
        assert read(f"on May 17, {tail}") == [(may17, False, "May 17")], tail
    assert read("on 17 May 100,000 shares") == [(may17, False, "17 May")]


def test_a_number_that_goes_on_after_a_year_less_date_leaves_the_date_read() -> None:
    # counts, percentages, street numbers, page numbers after a date printed without a year
    for text in ("As of May 17, 812 Shares had been validly tendered", "on June 14, 450 Shares having been",
                 "May 17, 100% of the Notes", "May 17, 500 million shares",
                 "May 17, 1200 Avenue of the Americas", "17 May, 250 shares", "May 17\n\n 105"):  # fmt: skip
        [found] = find_dates(text, 2024)
        assert (found.date.month, found.date.year, found.has_year) in ((5, 2024, False), (6, 2024, False)), text
