"""Dates, times and deadlines as filings print them.

The printed date and the exact instant are kept apart: "one minute following 11:59 p.m. on May
17, 2023" is printed date 2023-05-17 and instant 2023-05-18 00:00 America/New_York.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from .vocab import DEFAULT_ZONE, ZONES

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
_DATE = re.compile(
    rf"(?:(?P<wd>{WEEKDAY})\s*,?\s*)?"
    rf"(?:(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)?(?P<year>(?:19|20)\d\d)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<month2>{MONTH}),?\s+(?P<year2>(?:19|20)\d\d)"
    r"|(?P<m3>\d{1,2})/(?P<d3>\d{1,2})/(?P<y3>(?:19|20)?\d\d)\b)",
    re.IGNORECASE,
)


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


def find_dates(text: str, default_year: int | None = None) -> list[DateMatch]:
    """Every date in ``text``; dates printed without a year take ``default_year`` (else skipped)."""
    out: list[DateMatch] = []
    for m in _DATE.finditer(text):
        try:
            if m.group("month"):
                month = _MONTHS[m.group("month")[:3].lower()]
                day = int(m.group("day"))
                year_text = m.group("year")
                if year_text is None and default_year is None:
                    continue
                year = int(year_text) if year_text else default_year
                assert year is not None
                d = dt.date(year, month, day)
                end = m.end("year") if year_text else m.end("day")
                out.append(DateMatch(d, m.start(), end, year_text is not None))
            elif m.group("month2"):
                d = dt.date(int(m.group("year2")), _MONTHS[m.group("month2")[:3].lower()], int(m.group("day2")))
                out.append(DateMatch(d, m.start(), m.end(), True))
            elif m.group("m3"):
                d = dt.date(_year(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
                out.append(DateMatch(d, m.start(), m.end(), True))
        except ValueError:
            continue
    return out


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
    r"|(?P<midnight>(?:12:00\s+)?midnight)"
    r"|(?P<noon>(?:12:00\s+)?noon)"
    rf"|(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?\s*{_AMPM}",
    re.IGNORECASE,
)
_ZONES = tuple((re.compile(p, re.IGNORECASE), zone) for p, zone in ZONES)
_END_OF = re.compile(r"\bend\s+of\b|\bat\s+the\s+end\b", re.IGNORECASE)


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


def find_times(text: str) -> list[TimeOfDay]:
    """Every time of day in ``text`` with the zone printed just after it, if any."""
    out: list[TimeOfDay] = []
    for m in _TIME.finditer(text):
        end = m.end()
        hour = minute = offset = 0
        if m.group("minute_after") or m.group("midnight"):
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
        printed = text[m.start() : end].strip(" ,")
        if out and m.start() < out[-1].end:
            continue  # "(12:00 midnight)" inside a "one minute after" phrase
        out.append(TimeOfDay(printed, hour, minute, offset, zone, m.start(), end))
    return out


def _zone_after(text: str, pos: int) -> tuple[str | None, int]:
    window = text[pos : pos + 48]
    # The zone may follow directly, in parentheses, or after "(12:00 midnight),".
    for lead in (r"[\s,]*(\()?\s*", r"[\s,]*\([^()]{0,25}\)[\s,]*(\()?\s*"):
        lm = re.match(lead, window)
        if not lm:
            continue
        for pattern, zone in _ZONES:
            zm = pattern.match(window, lm.end())
            if zm:
                end = zm.end()
                if lm.group(1):
                    close = re.match(r"\s*\)", window[end:])
                    end += close.end() if close else 0
                return zone, pos + end
    return None, 0


@cache
def zone_info(name: str) -> ZoneInfo:
    """Cached :class:`zoneinfo.ZoneInfo`."""
    return ZoneInfo(name)


def instant(date: dt.date, time: TimeOfDay | None) -> dt.datetime | None:
    """The exact instant of ``time`` on ``date`` (None without a time)."""
    if time is None:
        return None
    day = date + dt.timedelta(days=time.day_offset)
    return dt.datetime(day.year, day.month, day.day, time.hour, time.minute,
                       tzinfo=zone_info(time.zone or DEFAULT_ZONE))


_GAP_BEFORE = re.compile(
    r"[\s,]*(?:on|of)?[\s,]*(?:(?:at\s+)?(?:the\s+)?end\s+of\s+(?:the\s+day\s+)?(?:on\s+)?)?[\s,]*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DeadlineMention:
    """A date with the time printed next to it (before or after), as found in a sentence."""

    date: dt.date
    time: TimeOfDay | None
    start: int
    end: int

    @property
    def at(self) -> dt.datetime | None:
        """The exact instant, when a time was printed."""
        return instant(self.date, self.time)


def find_deadlines(text: str, default_year: int | None = None) -> list[DeadlineMention]:
    """Dates in ``text`` paired with the time printed just before or just after each.

    "one minute following 11:59 p.m., New York City time, on May 17, 2023" and
    "May 17, 2023, at 5:00 p.m. Eastern time" both give one mention.
    """
    dates = find_dates(text, default_year)
    times = find_times(text)
    out: list[DeadlineMention] = []
    used: set[int] = set()
    prev_end = 0
    for d in dates:
        chosen: TimeOfDay | None = None
        for i, t in enumerate(times):
            if i in used:
                continue
            before = prev_end <= t.start and t.end <= d.start and d.start - t.end <= 60
            gap = text[t.end : d.start] if before else ""
            if before and _GAP_BEFORE.fullmatch(gap):
                chosen = t
                used.add(i)
                break
            after = d.end <= t.start and t.start - d.end <= 12
            if after and re.fullmatch(r"[\s,]*(?:at)?[\s,]*", text[d.end : t.start], re.I):
                chosen = t
                used.add(i)
                break
        start = min(d.start, chosen.start) if chosen else d.start
        end = max(d.end, chosen.end) if chosen else d.end
        out.append(DeadlineMention(d.date, chosen, start, end))
        prev_end = end
    return out


def context_year(text: str) -> int | None:
    """The most recent four-digit year (1990-2099) printed in a text, for dates without a year."""
    years = [int(y) for y in re.findall(r"\b(?:19[89]\d|20\d\d)\b", text)]
    return max(years) if years else None
