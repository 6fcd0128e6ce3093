"""Press releases carried in the filing: dateline (location, date) and headline.

A release is recognised by its dateline: ``LAS VEGAS--(BUSINESS WIRE)-- May 1, 2023 --``,
``NEW YORK, Jan. 10, 2025 /PRNewswire/ --``, ``Boston, MA - May 1, 2023 -``. The headline is
the nearest short line above the dateline that is not boilerplate ("FOR IMMEDIATE RELEASE").
"""

from __future__ import annotations

import re

from ..caseless import lowered_oddly
from ..dates import MONTH, WEEKDAY, find_dates
from ..document import Document
from ..model import PressRelease

_WIRE = r"(?:BUSINESS\s*WIRE|PR\s*Newswire|GLOBE\s*NEWSWIRE|GlobeNewswire|ACCESSWIRE|ACCESS\s*Newswire|MARKETWIRED?|Marketwire|CNW|Newsfile|EQS-News|PRWEB)"
_DATE_TEXT = rf"(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}})"
_DASH = r"(?:--|[-–—])"
_DATELINE = re.compile(
    rf"^\s*(?:(?P<loc>[A-Z][A-Za-z.'’ &]{{1,40}}?(?:,\s*[A-Z][A-Za-z.' ]{{1,25}}?){{0,2}})\s*,?\s*"
    rf"(?:{_DASH}\s*\(?\s*{_WIRE}\s*\)?\s*{_DASH}?\s*(?P<date1>{_DATE_TEXT})"
    rf"|,?\s*(?P<date2>{_DATE_TEXT})\s*(?:/\s*{_WIRE}\s*/|\(\s*{_WIRE}\s*\)|{_DASH})))"
    # No place at all: "December 19, 2025 -- Total Return Securities Fund ... announced"
    rf"|^\s*(?P<date3>{_DATE_TEXT})\s*{_DASH}\s*(?=[A-Z])",
    re.IGNORECASE,
)
_MONTH_HINT = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
# Every dateline names a wire service (these words, lower-cased, stand in every _WIRE name), or
# has its date's year followed by a dash, "/" or "(" (see _DATELINE): cheap tests before it.
_WIRE_WORDS = ("wire", "cnw", "newsfile", "eqs-news", "prweb")
_YEAR_MARK = re.compile(r"\d\d\d\d\s*[-–—/(]")
# Either way the line holds a dash or a wire word: a whole-text scan finds those lines first.
_DATELINE_MARKS = ("-", "–", "—", *_WIRE_WORDS)
_HEADLINE_STOP = re.compile(r"[.:;]$|[☒☐]|^\(|^Rule\s|^\d{1,3}$")
_BOILERPLATE = re.compile(
    r"^(?:FOR\s+IMMEDIATE\s+RELEASE|PRESS\s+RELEASE|NEWS\s+RELEASE|Exhibit\s|EX-|Contacts?:|"
    r"Media|Investor|Page\s+\d|\(a\)\(|\d+$)",
    re.I,
)


def _headline(above: list[str]) -> str | None:
    """The headline above a dateline (``above``: the physical lines before it, nearest first);
    a headline broken over two or three lines is joined."""
    parts: list[str] = []
    for text in above[:7]:
        candidate = text.strip()
        if not candidate:
            continue
        if _BOILERPLATE.match(candidate):
            if parts:
                break
            continue
        if len(candidate) > 300 or _HEADLINE_STOP.search(candidate) or len(parts) == 3:
            break
        parts.append(candidate)
    return " ".join(reversed(parts)) or None


def _may_name_wire(low: str) -> bool:
    """Whether the text lower-cased as ``low`` can hold a wire service's name."""
    return any(w in low for w in _WIRE_WORDS) or lowered_oddly(low)


def _physical(doc: Document, index: int) -> list[str]:
    """Line ``index`` as press releases are read: a row as one line, a paragraph cut at its line
    breaks (a dateline may follow its headline without a blank line, or after a ``<br>``)."""
    return [doc.texts[index]] if doc.lines[index].is_row else doc.lines[index].lines


def _above(doc: Document, index: int, before: list[str]) -> list[str]:
    """The seven physical lines before one of line ``index`` (``before``: those of the line
    itself before it), nearest first."""
    out = before[::-1]
    while len(out) < 7 and index > 0:
        index -= 1
        out.extend(reversed(_physical(doc, index)))
    return out


def extract_press_releases(doc: Document) -> tuple[PressRelease, ...]:
    """Every press release dateline in ``doc`` with its headline."""
    out: list[PressRelease] = []
    texts, lows = doc.texts, doc.texts_lower
    # Every dateline holds a dash or a wire service's name: only lines holding one are read.
    for index in doc.lines_matching_caseless(_DATELINE_MARKS):
        physical = _physical(doc, index)
        whole = physical == [texts[index]]  # its lower-cased text is at hand
        for k, text in enumerate(physical):
            low = lows[index] if whole else text.lower()
            # Month names are ASCII: the lower-cased start is the start lower-cased when
            # lower-casing keeps the length.
            if not _MONTH_HINT.search(low[:160] if len(low) == len(text) else text[:160].lower()):
                continue  # every dateline names a month near the start of its line
            if not _YEAR_MARK.search(text) and not _may_name_wire(low):
                continue
            m = _DATELINE.match(text)
            if not m:
                continue
            date_text = m.group("date1") or m.group("date2") or m.group("date3")
            dates = find_dates(date_text)
            location = re.sub(r"\s+", " ", m.group("loc")).strip(" ,") if m.group("loc") else None
            headline = _headline(_above(doc, index, physical[:k]))
            release = PressRelease(dates[0].date if dates else None, location, headline)
            if release not in out:
                out.append(release)
    return tuple(out)
