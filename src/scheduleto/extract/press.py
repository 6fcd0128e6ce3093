"""Press releases carried in the filing: dateline (location, date) and headline.

A release is recognised by its dateline: ``LAS VEGAS--(BUSINESS WIRE)-- May 1, 2023 --``,
``NEW YORK, Jan. 10, 2025 /PRNewswire/ --``, ``Boston, MA - May 1, 2023 -``. The headline is
the nearest short line above the dateline that is not boilerplate ("FOR IMMEDIATE RELEASE").
"""

from __future__ import annotations

import re

from ..dates import MONTH, WEEKDAY, find_dates
from ..document import Document
from ..model import PressRelease

_WIRE = r"(?:BUSINESS\s*WIRE|PR\s*Newswire|GLOBE\s*NEWSWIRE|GlobeNewswire|ACCESSWIRE|ACCESS\s*Newswire|MARKETWIRED?|Marketwire|CNW|Newsfile|EQS-News|PRWEB)"
_DATE_TEXT = rf"(?:{WEEKDAY},?\s+)?{MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
_DASH = r"(?:--|[-–—])"
_DATELINE = re.compile(
    rf"^\s*(?P<loc>[A-Z][A-Za-z.'’ ]{{1,40}}?(?:,\s*[A-Z][A-Za-z.' ]{{1,25}}?){{0,2}})\s*,?\s*"
    rf"(?:{_DASH}\s*\(?\s*{_WIRE}\s*\)?\s*{_DASH}?\s*(?P<date1>{_DATE_TEXT})"
    rf"|,?\s*(?P<date2>{_DATE_TEXT})\s*(?:/\s*{_WIRE}\s*/|\(\s*{_WIRE}\s*\)|{_DASH}))",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(?:FOR\s+IMMEDIATE\s+RELEASE|PRESS\s+RELEASE|NEWS\s+RELEASE|Exhibit\s|EX-|Contacts?:|"
    r"Media|Investor|Page\s+\d|\(a\)\(|\d+$)",
    re.I,
)


def extract_press_releases(doc: Document) -> tuple[PressRelease, ...]:
    """Every press release dateline in ``doc`` with its headline."""
    out: list[PressRelease] = []
    texts = doc.texts
    for i, text in enumerate(texts):
        m = _DATELINE.match(text)
        if not m:
            continue
        date_text = m.group("date1") or m.group("date2")
        dates = find_dates(date_text)
        location = re.sub(r"\s+", " ", m.group("loc")).strip(" ,")
        headline = None
        for j in range(i - 1, max(-1, i - 6), -1):
            candidate = texts[j].strip()
            if not candidate or _BOILERPLATE.match(candidate):
                continue
            if len(candidate) <= 300 and not candidate.endswith(":"):
                headline = candidate
            break
        release = PressRelease(dates[0].date if dates else None, location, headline)
        if release not in out:
            out.append(release)
    return tuple(out)
