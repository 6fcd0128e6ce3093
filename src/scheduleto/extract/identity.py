"""What the filing is: Schedule TO or not, amendment number, original filing date, form type."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..caseless import lowered, may_hold, search_at
from ..dates import find_dates
from ..document import KEPT_SPACE, Document
from ..model import Checkboxes
from ..numbers import parse_number
from ..vocab import OTHER_FORMS, SCHEDULE_TO_HEADING

_HEAD_LINES = 60
_TO_HEADING = re.compile(SCHEDULE_TO_HEADING, re.IGNORECASE | re.MULTILINE)
# Another form's name counts only as a heading (at the start of a line), not in a sentence.
_OTHER = tuple(
    (re.compile(rf"^\W{{0,3}}(?:{p})", re.IGNORECASE | re.MULTILINE), form) for p, form in OTHER_FORMS
)
_EDGAR_TYPE = re.compile(r"^\s*(?P<type>SC\s+TO-[TIC](?:/A)?|SC\s+14D-?9(?:/A)?|SC\s+13E-?3(?:/A)?|[A-Z0-9-]{1,8}(?:/A)?)\s+\d+\s+\S+\.(?:txt|htm|html)\b")
_CONFORMED_TYPE = re.compile(r"CONFORMED\s+SUBMISSION\s+TYPE:\s*(?P<type>SC\s+TO-[TIC](?:/A)?)\b")
_SCHEDULE_TO = re.compile(r"Schedule\s+TO(?:-[ICT])?\b", re.IGNORECASE)
_ANY_SCHEDULE = re.compile(r"Schedule\s+(?:TO(?:-[ICT])?|13D|13E-?3|14D-?9)\b", re.IGNORECASE)
_FILED = re.compile(r"\b(?:originally\s+|initially\s+|first\s+)?filed\b", re.IGNORECASE)
_ON_DATE = re.compile(r"\b(?i:on)\s+(?=[A-Z](?:[a-z]+|[A-Z]+)\.?\s+\d{1,2},?\s+\d{4})")
_AMENDS = re.compile(r"\bamend(?:s|ing|ed)?\b", re.IGNORECASE)
_EARLIER_AMENDMENT_BEFORE = re.compile(r"\b(?:by|and|in|of|with|under|per)\s+$", re.IGNORECASE)
_EARLIER_AMENDMENT_AFTER = re.compile(
    r"[^.]{0,90}?\b(?:filed|dated)\s+(?:with|on|by)\b", re.IGNORECASE
)
_THIS_AMENDMENT = re.compile(r"\bThis\s+Amendment\s+No\.?\s*(?P<n>\d{1,3})\b")
_THIS_AMENDMENT_AT = re.compile("This")
_AMENDMENT = re.compile(
    r"\bAmendment\s+(?:No\.?|Number)\s*(?P<n>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)\b", re.IGNORECASE
)
_AMENDMENT_AT = re.compile("amendment")
_FINAL = re.compile(r"\(\s*Final\s+Amendment\s*\)|Amendment\s+No\.?\s*\d+\s*[-–—(]?\s*Final\s+Amendment", re.I)
# Where a match of _FINAL can start, as two patterns opening with a literal (fast scans).
_FINAL_AT = (re.compile(r"\(\s*final"), re.compile(r"amendment\s+no"))
# Lower-case words a match of _TO_HEADING holds on the line it starts.
_TO_HEADING_WORDS = ("schedule", "tender")


def _flatten(text: str) -> str:
    """``" ".join(text.split())`` for lines of collapsed text (as :func:`head_text` gives): the
    lines joined by a space, unless one holds white space that collapse() leaves in place."""
    if any(c in text for c in KEPT_SPACE):
        return " ".join(text.split())
    return text.replace("\n", " ")


@dataclass(frozen=True)
class Identity:
    """The filing's kind, as read from the document alone."""

    is_schedule_to: bool
    other_form: str | None
    edgar_type: str | None
    amendment_number: int | None
    final_amendment_heading: bool


def head_text(doc: Document, lines: int = _HEAD_LINES) -> str:
    """The text of the document's first lines (where headings and the cover stand)."""
    return "\n".join([part for line in doc.lines[:lines] for part in line.lines])


def _head_lower(doc: Document, head: str) -> str | None:
    """``lowered(head_text(doc))``, cut from the document's lower-cased lines.

    A line's parts are cut from its lower-cased text, which lower-cases the same way (a space
    ends a context as a line end does) whenever the parts joined by a space are its text.
    """
    pieces: list[str] = []
    n = _HEAD_LINES
    for line, text, low in zip(doc.lines[:n], doc.texts[:n], doc.texts_lower[:n], strict=True):
        parts = line.lines
        if len(low) != len(text):  # a letter lower-cased to two
            return None
        if len(parts) == 1 and parts[0] == text:
            pieces.append(low)
            continue
        if " ".join(parts) != text:
            return lowered(head)
        at = 0
        for part in parts:
            pieces.append(low[at : at + len(part)])
            at += len(part) + 1
    if not head.isascii() and ("\u0131" in head or "\u017f" in head):
        return None
    return "\n".join(pieces)


def identify(doc: Document) -> Identity:
    """Decide whether ``doc`` is a Schedule TO, and read its amendment number."""
    head = head_text(doc)
    low = _head_lower(doc, head)
    is_to = _has_heading(head, low)
    other = None
    if not is_to:
        for pattern, form in _OTHER:
            if pattern.search(head[:4000]):
                other = form
                break
    et = _EDGAR_TYPE.match(doc.texts[0]) if doc.texts else None
    if et is None:
        et = _CONFORMED_TYPE.search(head[:3000])
    number = _heading_amendment_number(head, low)
    if number is None:
        # "This Amendment No. 2 ..." in the body when the cover lost it.
        body = "\n".join(doc.texts[_HEAD_LINES : _HEAD_LINES + 40])
        bm = search_at(_THIS_AMENDMENT, body, _THIS_AMENDMENT_AT, body)
        if bm:
            value = parse_number(bm.group("n"))
            number = int(value) if value is not None and 0 < value < 1000 else None
    final = (low is None or "final" in low) and any(
        search_at(_FINAL, head, starts, low) is not None for starts in _FINAL_AT
    )
    return Identity(
        is_schedule_to=is_to,
        other_form=other,
        edgar_type=re.sub(r"\s+", " ", et.group("type")) if et else None,
        amendment_number=number,
        final_amendment_heading=final,
    )


def _has_heading(head: str, low: str | None) -> bool:
    """Whether ``_TO_HEADING`` occurs in ``head`` (lower-cased as ``low``).

    A match starts a line, and if its first few non-word characters run past a line end, the
    match from the next line's start succeeds too: trying the starts of the lines holding one of
    the heading's words is enough.
    """
    if low is None:
        return _TO_HEADING.search(head) is not None
    tried: set[int] = set()
    for word in _TO_HEADING_WORDS:
        at = low.find(word)
        while at >= 0:
            start = low.rfind("\n", 0, at) + 1
            if start not in tried:
                if _TO_HEADING.match(head, start) is not None:
                    return True
                tried.add(start)
            at = low.find(word, at + len(word))
    return False


def _heading_amendment_number(head: str, low: str | None) -> int | None:
    """The number of a heading "Amendment No. N" in ``head`` (lower-cased as ``low``)."""
    if low is not None and "amendment" not in low:
        return None
    flat = _flatten(head)
    if low is not None and flat == head.replace("\n", " "):
        flat_low: str | None = low.replace("\n", " ")  # flattening only joined the lines
    else:
        flat_low = lowered(flat)
    pos = 0
    while (m := search_at(_AMENDMENT, flat, _AMENDMENT_AT, flat_low, pos)) is not None:
        pos = m.end()
        # A heading ("(Amendment No. 2)", "AMENDMENT NO. 8 to"), not a sentence naming an
        # earlier amendment ("as amended by Amendment No. 1 to the Schedule TO filed ...").
        if _EARLIER_AMENDMENT_BEFORE.search(flat[max(0, m.start() - 20) : m.start()]):
            continue
        if _EARLIER_AMENDMENT_AFTER.match(flat, m.end()):
            continue
        value = parse_number(m.group("n").replace("-", " "))
        if value is not None and 0 < value < 1000:
            return int(value)
    return None


def original_filing_date(doc: Document) -> tuple[str, dt.date] | None:
    """The date the original Schedule TO was filed, with the sentence it came from.

    Read from the sentence that amends the statement: "... amends and supplements the Tender
    Offer Statement on Schedule TO filed by X with the SEC on December 6, 2024, as amended by
    ..." -- the first date after "filed", provided the schedule named last before "filed" is
    the Schedule TO (not a Schedule 13D amended in the same document).
    """
    best: tuple[str, dt.date] | None = None
    lows = doc.texts_lower
    for i in doc.lines_matching_caseless(("filed",)):
        # Split into sentences only a line that can hold "filed" and "Schedule TO".
        if not may_hold(lows[i], "schedule"):
            continue
        for sentence in doc.line_sentences(i):
            if not may_hold(sentence.lower(), "filed") or not _SCHEDULE_TO.search(sentence):
                continue
            found = _filing_date_in(sentence)
            if found is None:
                continue
            if _AMENDS.search(sentence):
                return found
            best = best or found
    return best


def _filing_date_in(sentence: str) -> tuple[str, dt.date] | None:
    """The first date after a "filed" that follows a mention of the Schedule TO."""
    for fm in _FILED.finditer(sentence):
        schedules = _ANY_SCHEDULE.findall(sentence[: fm.start()])
        if not schedules or not _SCHEDULE_TO.fullmatch(schedules[-1]):
            continue
        window = sentence[fm.end() : fm.end() + 450]
        om = _ON_DATE.search(window)
        if not om:
            continue
        dates = find_dates(window[om.end() : om.end() + 40])
        if dates:
            return (sentence, dates[0].date)
    return None


def derive_form_type(
    identity: Identity,
    boxes: Checkboxes,
    merged_caption: bool,
    amendment: bool,
) -> str | None:
    """The EDGAR form type implied by the cover when no SGML header says it."""
    if identity.edgar_type and identity.edgar_type.startswith("SC TO"):
        return identity.edgar_type
    if boxes.preliminary_communication:
        return "SC TO-C"
    base = None
    if boxes.issuer_tender_offer:
        base = "SC TO-I"
    elif boxes.third_party_tender_offer:
        base = "SC TO-T"
    elif merged_caption:
        base = "SC TO-I"
    if base is None:
        return None
    return base + "/A" if amendment else base
