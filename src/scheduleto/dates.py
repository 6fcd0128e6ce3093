"""Dates, times and deadlines as filings print them.

The printed date and the exact instant are kept apart: "one minute following 11:59 p.m. on May
17, 2023" is printed date 2023-05-17 and instant 2023-05-18 00:00 America/New_York.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from .caseless import Folded, fold_lower, lowered
from .vocab import DEFAULT_ZONE, UNKNOWN_ZONE, ZONES

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Mon\.?|Tue\.?|Tues\.?|Wed\.?|Thu\.?|Thur\.?|Thurs\.?|Fri\.?|Sat\.?|Sun\.?)"
)


# A number printed where the year of a date stands that is no plausible year ("May 17, 2923",
# "May 17, 20233", "May 17, 202"): 3 or 4 digits, or 5 starting like a year, on the line of
# the day, ending the clause (punctuation or the end follows). A number that goes on ("May 17,
# 100,000 shares", "May 17, 1200 noon", "May 17, 1200 Avenue of the Americas", "May 17, 812
# Shares") leaves the date year-less, as before.
_BAD_YEAR = r"(?:(?:19|20)\d{3}|\d{3,4})(?!\d)(?![.,]\d)(?=[ \t]*(?:[,.;:)\]\x00]|$))"


def _date_pattern(month: str, weekday: str) -> str:
    return (
        rf"(?:\b(?P<wd>{weekday})\s*,?\s*)?"
        # "May 17, 2023", "Aug. 10", "April 18th, 2008", "June 16 2008", "November8, 2007" (run together)
        rf"(?:\b(?P<month>{month})(?:\s+|(?<=[a-z]{{4}})(?=\d))(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"(?:(?:\s*,\s*|\s+)(?P<year>(?:19|20)\d\d)\b|(?:[ \t]*,[ \t]*|[ \t]+)(?P<bad>{_BAD_YEAR}))?"
        # "14 June 2006", "27 March" (a year-less day-first date needs a capitalised month)
        rf"|(?<![\d,.$])\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<month2>{month})(?![a-z])"
        rf"(?:,?\s+(?P<year2>(?:19|20)\d\d)\b|,?[ \t]+(?P<bad2>{_BAD_YEAR}))?"
        r"|\b(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>(?:19|20)?\d\d)\b"
        r"|\b(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)\b)"
    )


_DATE = re.compile(_date_pattern(MONTH, WEEKDAY), re.IGNORECASE)
# The same pattern lower-cased, for text lower-cased by :func:`lowered` (where it matches just
# where _DATE matches the text): literals are compared directly, several times faster.
_DATE_LOW = re.compile(_date_pattern(MONTH.lower(), WEEKDAY.lower()))
#: Days named relative to the document's own date.
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE = re.compile(r"\b(?:today|yesterday|tomorrow)\b", re.IGNORECASE)


#: The year given to dates printed without one: a year, None (such dates are skipped), or a
#: function giving either, called only when such a date first needs it (the year of a whole
#: text, see :func:`context_year`, costs a scan of that text).
DefaultYear = int | Callable[[], int | None] | None


@dataclass(frozen=True)
class DateMatch:
    """A date found in text, with where it stood."""

    date: dt.date
    start: int
    end: int
    has_year: bool


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def find_dates(
    text: str,
    default_year: DefaultYear = None,
    today: dt.date | None = None,
    *,
    unread: list[str] | None = None,
) -> list[DateMatch]:
    """Every date in ``text``; dates printed without a year take ``default_year`` (else skipped).

    With ``today`` (the date the document itself bears), "today", "yesterday" and "tomorrow"
    are dates too. A date printed with a number where its year stands that is no plausible year
    ("May 17, 2923", "May 17, 20233") is no date: it is skipped, not read as a date without a
    year, and its printed text is added to ``unread`` when given.
    """
    return _find_dates(text, lowered(text), default_year, today, unread)


def _find_dates(
    text: str,
    low: str | None,
    default_year: DefaultYear,
    today: dt.date | None,
    unread: list[str] | None = None,
) -> list[DateMatch]:
    """:func:`find_dates` given ``low``, :func:`lowered` ``(text)``."""
    out: list[DateMatch] = []
    for m in _dates_in(text, low):
        _wd, month, day, year, bad, day2, month2, year2, bad2, m3, d3, y3, y4, m4, d4 = m.groups()
        if bad is not None or bad2 is not None:
            # "17 may 2923" with the month in lower case is no date at all (see below).
            if unread is not None and (bad is not None or text[m.start("month2")].isupper()):
                unread.append(text[m.start() : m.end()])
            continue
        try:
            if month:
                month_number = _MONTHS[fold_lower(month[:3])]
                day_number = int(day)
                if year is None:
                    if callable(default_year):
                        default_year = default_year()
                    if default_year is None:
                        continue
                    d = dt.date(default_year, month_number, day_number)
                    out.append(DateMatch(d, m.start(), m.end("day"), False))
                else:
                    d = dt.date(int(year), month_number, day_number)
                    out.append(DateMatch(d, m.start(), m.end("year"), True))
            elif month2:
                if year2 is None:
                    # Groups of a match on ``low`` are lower-cased: the case is read from ``text``.
                    if not text[m.start("month2")].isupper():
                        continue
                    if callable(default_year):
                        default_year = default_year()
                    if default_year is None:
                        continue
                    d = dt.date(default_year, _MONTHS[fold_lower(month2[:3])], int(day2))
                    out.append(DateMatch(d, m.start(), m.end("month2"), False))
                else:
                    d = dt.date(int(year2), _MONTHS[fold_lower(month2[:3])], int(day2))
                    out.append(DateMatch(d, m.start(), m.end("year2"), True))
            elif m3:
                d = dt.date(_year(y3), int(m3), int(d3))
                out.append(DateMatch(d, m.start(), m.end(), True))
            elif y4:
                d = dt.date(int(y4), int(m4), int(d4))
                out.append(DateMatch(d, m.start(), m.end(), True))
        except ValueError:
            continue
    if today is not None and (
        low is None or "today" in low or "yesterday" in low or "tomorrow" in low
    ):
        for r in _RELATIVE.finditer(text):
            offset = _RELATIVE_DAYS[r.group(0).lower()]
            out.append(DateMatch(today + dt.timedelta(days=offset), r.start(), r.end(), True))
        out.sort(key=lambda d: d.start)
    return out


def _first_matches(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, given every offset a match can start at (and maybe
    more): the full pattern is tried at those offsets only."""
    out: list[re.Match[str]] = []
    last_end = 0
    for p in sorted(set(starts)):
        if p < last_end:
            continue
        m = pattern.match(text, p)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def _skip_back(low: str, pos: int, chars: str = "") -> int:
    """The offset where the run of white space (and ``chars``) ending at ``pos`` begins."""
    while pos > 0 and (low[pos - 1].isspace() or low[pos - 1] in chars):
        pos -= 1
    return pos


# Where a date can start, found on the lower-cased text with plain searches (the full pattern
# tried at every offset of a long document is the slowest thing a parse would do): at a month
# name followed by a day, at the day before a month name, at the digits before "/" or "-",
# and at a weekday printed before any of those.
_MONTH_KEYS = tuple(_MONTHS)
_WEEKDAY_KEYS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_DIGIT = re.compile(r"\d")
_DAY_AFTER_MONTH = re.compile(r"[a-z]*\.?\s*\d")
_SLASH = re.compile(r"/(?<=\d/)\d")
_ISO_DASH = re.compile(r"-(?<=\d-)[01]\d-")


def _date_starts(low: str) -> list[int]:
    """Every offset of ``low`` (see :func:`lowered`) where :data:`_DATE` can match, and more."""
    forms: list[int] = []
    if _DIGIT.search(low) is None:
        return forms
    for key in _MONTH_KEYS:
        h = low.find(key)
        while h >= 0:
            before = low[h - 1] if h else " "
            if not (before.isalnum() or before == "_"):
                if _DAY_AFTER_MONTH.match(low, h + 3):
                    forms.append(h)
                # A day first ends in a digit, an ordinal or "day of" before the space.
                ahead = low[h - 2] if h > 1 else " "
                if before.isspace() and (ahead in "tdhf" or ahead.isdigit() or ahead.isspace()):
                    forms.extend(_day_first_starts(low, h))
            h = low.find(key, h + 1)
    for m in _SLASH.finditer(low):
        forms.extend(p for p in (m.start() - 1, m.start() - 2) if p >= 0 and low[p].isdigit())
    forms.extend(m.start() - 4 for m in _ISO_DASH.finditer(low) if m.start() >= 4)
    starts = list(forms)
    for q in forms:
        i = _skip_back(low, q, ",")
        if i and low[i - 1] == ".":
            i -= 1
        k = i
        while k and low[k - 1].isalpha():
            k -= 1
        if i - k >= 3 and low[k : k + 3] in _WEEKDAY_KEYS:
            starts.append(k)
    return starts


def _day_first_starts(low: str, month: int) -> list[int]:
    """Where the day of "14 June", "3rd day of May" printed before ``month`` can start."""
    i = _skip_back(low, month)
    if low.endswith("of", 0, i):  # "day of"
        j = _skip_back(low, i - 2)
        if j == i - 2 or not low.endswith("day", 0, j):
            return []
        i = _skip_back(low, j - 3)
        if i == j - 3:
            return []
    if i >= 3 and low[i - 2 : i] in _ORDINALS:
        i -= 2
    return [p for p in (i - 1, i - 2) if p >= 0 and low[p].isdigit() and low[i - 1].isdigit()]


def _date_matches(text: str) -> list[re.Match[str]]:
    """What ``_DATE.finditer(text)`` finds."""
    return _dates_in(text, lowered(text))


def _dates_in(text: str, low: str | None) -> list[re.Match[str]]:
    """What ``_DATE.finditer(text)`` finds, found on ``low`` (:func:`lowered` ``(text)``) when
    there is one: spans are the same, groups are lower-cased."""
    if low is None:
        return list(_DATE.finditer(text))
    return _first_matches(_DATE_LOW, low, _date_starts(low))


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in ``text``, or None."""
    found = find_dates(text, default_year)
    return found[0].date if found else None


# ------------------------------------------------------------------------------------------
# Times
# ------------------------------------------------------------------------------------------

_AMPM = r"(?P<ampm>[ap])\.?\s?m\.?(?![a-z])"
_TIME = re.compile(
    r"(?P<minute_after>one\s+minute\s+(?:after|following|past)\s+11:59\s*p\.?\s?m\.?(?![a-z])"
    r"(?:\s*\(\s*12:00\s+(?:midnight|a\.?m\.?)\s*\))?)"
    # "the end of the day, 12:00 Midnight"
    r"|(?P<eod>(?:the\s+)?end\s+of\s+(?:the\s+)?day\s*,?\s*(?:12:00\s+)?midnight)"
    r"|(?P<midnight>(?:12:00\s+)?midnight)"
    r"|(?P<noon>(?:12:00\s+)?noon)"
    rf"|(?<![\d.,:$])(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?\s*{_AMPM}",
    re.IGNORECASE,
)
# The same pattern lower-cased (it is already): see _DATE_LOW.
_TIME_LOW = re.compile(_TIME.pattern)
# Every zone pattern, the i-th as group i + 1: matched at a place, the first pattern of the table
# that matches there wins (as trying them in turn), in one call.
_ZONE = re.compile("|".join(f"({p})" for p, _zone in ZONES), re.IGNORECASE)
_END_OF = re.compile(r"\bend\s+of\b|\bat\s+the\s+end\b", re.IGNORECASE)
# Where a zone may stand after a time: directly, in parentheses, or after "(12:00 midnight),".
_ZONE_LEADS = (
    re.compile(r"[\s,]*(\()?\s*"),
    re.compile(r"[\s,]*\([^()]{0,25}\)[\s,]*(\()?\s*"),
)
_CLOSE = re.compile(r"\s*\)")
# The same instant in another city's time, printed in parentheses after the first:
# "8:00 p.m. New York time (5:00 p.m. San Francisco time)".
_EQUIVALENT_TIME = re.compile(
    r"\s*\(\s*\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\.?(?![a-z])[^()]{0,40}\)", re.IGNORECASE
)


@dataclass(frozen=True)
class TimeOfDay:
    """A time as printed, resolved to hour/minute and a day offset (1 for end-of-day times)."""

    text: str
    hour: int
    minute: int
    day_offset: int
    zone: str | None
    start: int
    end: int


# Where a time can start, found on the lower-cased text (see _date_starts): at "one minute",
# at "(the) end of (the) day", at "(12:00) midnight", "(12:00) noon", and at the hour of a time
# followed by "a.m."/"p.m.".
_ONE_MINUTE = re.compile(r"one\s+minute")
_END_OF_DAY = re.compile(r"end\s+of\s+(?:the\s+)?day")
_HOUR_AMPM = re.compile(r"\d(?::\d\d)?\s*[ap]\.?\s?m")
_TWELVE = "12:00"


def _time_starts(low: str) -> list[int]:
    """Every offset of ``low`` (see :func:`lowered`) where :data:`_TIME` can match, and more."""
    starts: list[int] = []
    digits = _DIGIT.search(low) is not None
    if digits:
        starts.extend(m.start() for m in _ONE_MINUTE.finditer(low))
    for m in _END_OF_DAY.finditer(low):
        starts.append(m.start())
        i = _skip_back(low, m.start())
        if i < m.start() and low.endswith("the", 0, i):
            starts.append(i - 3)
    for word in ("midnight", "noon"):
        h = low.find(word)
        while h >= 0:
            starts.append(h)
            i = _skip_back(low, h)
            if i < h and low.endswith(_TWELVE, 0, i):
                starts.append(i - len(_TWELVE))
            h = low.find(word, h + 1)
    for m in _HOUR_AMPM.finditer(low) if digits else ():
        starts.append(m.start())
        if m.start():
            starts.append(m.start() - 1)
    return starts


def _time_matches(text: str, low: str | None) -> list[re.Match[str]]:
    """What ``_TIME.finditer(text)`` finds, found on ``low`` (:func:`lowered` ``(text)``) when
    there is one: spans are the same, groups are lower-cased."""
    if low is None:
        return list(_TIME.finditer(text))
    return _first_matches(_TIME_LOW, low, _time_starts(low))


def find_times(text: str) -> list[TimeOfDay]:
    """Every time of day in ``text`` with the zone printed just after it, if any."""
    return _find_times(text, lowered(text))


def _find_times(text: str, low: str | None) -> list[TimeOfDay]:
    """:func:`find_times` given ``low``, :func:`lowered` ``(text)``."""
    out: list[TimeOfDay] = []
    for m in _time_matches(text, low):
        end = m.end()
        hour = minute = offset = 0
        if m.group("minute_after") or m.group("midnight") or m.group("eod"):
            offset = 1
        elif m.group("noon"):
            hour = 12
        else:
            hour = int(m.group("h"))
            minute = int(m.group("m") or 0)
            if hour > 12 or minute > 59:
                continue
            pm = m.group("ampm").lower() == "p"
            if pm and hour != 12:
                hour += 12
            if not pm and hour == 12:
                hour = 0
                # "12:00 a.m. ... at the end of Tuesday" is midnight after Tuesday.
                if minute == 0 and _END_OF.search(text[end : end + 80]):
                    offset = 1
        zone, zone_end = _zone_after(text, end)
        if zone_end:
            end = zone_end
        eq = _EQUIVALENT_TIME.match(text, end)
        if eq:
            end = eq.end()
        printed = text[m.start() : end].strip(" ,")
        if out and m.start() < out[-1].end:
            continue  # "(12:00 midnight)" inside a "one minute after" phrase
        out.append(TimeOfDay(printed, hour, minute, offset, zone, m.start(), end))
    return out


def _zone_after(text: str, pos: int) -> tuple[str | None, int]:
    window = text[pos : pos + 48]
    for lead in _ZONE_LEADS:
        lm = lead.match(window)
        if not lm:
            continue
        zm = _ZONE.match(window, lm.end())
        if zm:
            assert zm.lastindex is not None
            end = zm.end()
            if lm.group(1):
                close = _CLOSE.match(window, end)
                end = close.end() if close else end
            return ZONES[zm.lastindex - 1][1], pos + end
    return None, 0


@cache
def zone_info(name: str) -> ZoneInfo:
    """Cached :class:`zoneinfo.ZoneInfo`."""
    return ZoneInfo(name)


def instant(date: dt.date | None, time: TimeOfDay | None) -> dt.datetime | None:
    """The exact instant of ``time`` on ``date`` (None without a time or a date)."""
    if time is None or date is None or time.zone == UNKNOWN_ZONE:
        return None
    day = date + dt.timedelta(days=time.day_offset)
    return dt.datetime(day.year, day.month, day.day, time.hour, time.minute,
                       tzinfo=zone_info(time.zone or DEFAULT_ZONE))


_GAP_BEFORE = re.compile(
    r"[\s,]*(?:on|of)?[\s,]*(?:(?:at\s+)?(?:the\s+)?end\s+of\s+(?:the\s+day\s+)?(?:on\s+)?)?[\s,]*",
    re.IGNORECASE,
)
_GAP_AFTER = re.compile(r"[\s,]*(?:at)?[\s,]*", re.IGNORECASE)


@dataclass(frozen=True)
class DeadlineMention:
    """A date with the time printed next to it (before or after), as found in a sentence.

    ``date`` is None for a time printed without any date ("until 12:00 midnight tonight").
    """

    date: dt.date | None
    time: TimeOfDay | None
    start: int
    end: int

    @property
    def at(self) -> dt.datetime | None:
        """The exact instant, when both a date and a time were printed."""
        return instant(self.date, self.time)


def find_deadlines(
    text: str | Folded,
    default_year: DefaultYear = None,
    today: dt.date | None = None,
    *,
    lone_times: bool = False,
    unread: list[str] | None = None,
) -> list[DeadlineMention]:
    """Dates in ``text`` paired with the time printed just before or just after each.

    "one minute following 11:59 p.m., New York City time, on May 17, 2023" and
    "May 17, 2023, at 5:00 p.m. Eastern time" both give one mention. With ``lone_times``, a
    time printed next to no date is a mention too (with ``date`` None). ``default_year``,
    ``today`` and ``unread`` are passed to :func:`find_dates`. ``text`` may come with its lowered form (a
    :class:`~scheduleto.caseless.Folded`), to spare lower-casing it again.
    """
    folded = text if isinstance(text, Folded) else Folded.of(text)
    text = folded.text
    dates = _find_dates(text, folded.low, default_year, today, unread)
    times = _find_times(text, folded.low)
    out: list[DeadlineMention] = []
    used: set[int] = set()
    prev_end = 0
    for d in dates:
        chosen: TimeOfDay | None = None
        for i, t in enumerate(times):
            if i in used:
                continue
            if t.start >= d.end + 12:
                break
            before = prev_end <= t.start and t.end <= d.start and d.start - t.end <= 60
            if before and _GAP_BEFORE.fullmatch(text, t.end, d.start):
                chosen = t
                used.add(i)
                break
            after = d.end <= t.start and t.start - d.end <= 12
            if after and _GAP_AFTER.fullmatch(text, d.end, t.start):
                chosen = t
                used.add(i)
                break
        start = min(d.start, chosen.start) if chosen else d.start
        end = max(d.end, chosen.end) if chosen else d.end
        out.append(DeadlineMention(d.date, chosen, start, end))
        prev_end = end
    if lone_times:
        out.extend(
            DeadlineMention(None, t, t.start, t.end)
            for i, t in enumerate(times)
            if i not in used and not any(m.start <= t.start < m.end for m in out)
        )
        out.sort(key=lambda m: m.start)
    return out


@lru_cache(maxsize=16)
def document_date(text: str) -> dt.date | None:
    """The date a document bears: a full date opening it, or its dateline near the top.

    "date 2008-04-18 Following ...", "Published on 7/9/2007", "NEW YORK, September 5, 2007 --".
    Used to read "today" and "yesterday"; None when the top of the document prints no full date.
    """
    head = text[:400]
    for d in find_dates(head):
        if not d.has_year:
            continue
        lead = head[: d.start]
        if not lead.strip() or _DATELINE_LEAD.search(lead) or _DATELINE_TAIL.match(head, d.end):
            return d.date
    return None


_DATELINE_LEAD = re.compile(r"(?:\bpublished(?:\s+on)?|\bdate[d:]?)\s*:?\s*$", re.IGNORECASE)
_DATELINE_TAIL = re.compile(r"\s*(?:--|\u2014|\u2013|/[A-Z])")


@lru_cache(maxsize=16)
def context_year(text: str) -> int | None:
    """The year to give dates printed without one: the latest year among the full dates of a
    text ("Published on 7/9/2007" -> 2007). Bare years ("fiscal year 2012", "(c) 2015") do not
    count; a text without any full date gives None, so its year-less dates stay unread."""
    years = [d.date.year for d in find_dates(text) if d.has_year]
    return max(years) if years else None
