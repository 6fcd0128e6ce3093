"""Changes of the offer's expiration (extensions).

Every sentence that speaks of extending or of the expiration is read for deadlines (a date with
the time printed next to it, see :func:`scheduleto.dates.find_deadlines`). Each deadline is
classed as *new* or *previous* by the words just before it ("to"/"until"/"now scheduled to
expire" versus "from"/"previously scheduled to expire"), in either order, or by the words just
after it (", the original offer expiration date"). Dates of counts ("as of ...") and of
documents ("dated ...") are no deadlines.

A new deadline is only read from a sentence that states an extension of the offer: an
"extend"/"extension" that is not hedged ("unless further extended", "may extend", "subject to
extension") and not about something else (a commitment letter, an outside date, the deadline to
commence the offer). The first new deadline wins; when it was printed without a time (a
headline), the same date printed with its time elsewhere is preferred, and that sentence is the
evidence. The previous deadline is the latest deadline cued as previous that comes before the
new one (an article may also recall the original deadline). A time printed without any date
("to 12:00 midnight New York City time yesterday" in a text that bears no date) gives a new
deadline whose date is None.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import MONTH, WEEKDAY, DeadlineMention, context_year, document_date, find_deadlines
from ..document import Document
from ..model import Deadline, ExpirationChange
from ..vocab import (
    EXPIRATION_HEDGES,
    EXPIRATION_KEYWORDS,
    EXPIRATION_NEW_CUES,
    EXPIRATION_NOT_DEADLINE,
    EXPIRATION_NOT_OFFER,
    EXPIRATION_PREVIOUS_AFTER,
    EXPIRATION_PREVIOUS_CUES,
    EXPIRATION_REFUSALS,
    EXPIRATION_TOPIC,
    EXTENSION_WORDS,
)

_TOPIC = re.compile(EXPIRATION_TOPIC, re.IGNORECASE)
_NEW = re.compile(EXPIRATION_NEW_CUES, re.IGNORECASE)
_PREVIOUS = re.compile(EXPIRATION_PREVIOUS_CUES, re.IGNORECASE)
_PREVIOUS_AFTER = re.compile(EXPIRATION_PREVIOUS_AFTER, re.IGNORECASE)
_NOT_DEADLINE = re.compile(EXPIRATION_NOT_DEADLINE, re.IGNORECASE)
_EXPIRE = re.compile(r"\bexpir", re.IGNORECASE)
_EXTEND = re.compile(EXTENSION_WORDS, re.IGNORECASE)
_HEDGED = re.compile(rf"(?:{EXPIRATION_HEDGES})[\s,]+(?:[\w'’.()-]+[\s,]+){{0,5}}$", re.IGNORECASE)
_REFUSED = re.compile(rf"(?:{EXPIRATION_REFUSALS})[^.;]*$", re.IGNORECASE)
_NOT_OFFER = re.compile(EXPIRATION_NOT_OFFER, re.IGNORECASE)
# A time alone is a new deadline only right after "to"/"until"/"through".
_LONE_TIME_CUE = re.compile(r"\b(?:to|until|through)\s+(?:at\s+)?$", re.IGNORECASE)
# A new deadline printed in a way no date can be read from (no year in the text, a weekday).
_UNRESOLVED = re.compile(
    rf"\b(?:to|until|through|end|expire)\s+(?:on\s+)?(?:{WEEKDAY}|{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)
_CUE_WINDOW = 160
_HEDGE_WINDOW = 80
_OBJECT_WINDOW = 80


def _deadline(m: DeadlineMention) -> Deadline:
    return Deadline(m.date, m.time.text if m.time else None, m.at)


def extension_marks(sentence: str) -> list[tuple[int, bool]]:
    """Each "extend"/"extension" of ``sentence`` with whether it states an extension of the offer
    (not hedged, not refused, not about something else)."""
    out: list[tuple[int, bool]] = []
    for m in _EXTEND.finditer(sentence):
        lead = sentence[max(0, m.start() - _HEDGE_WINDOW) : m.start()]
        near = sentence[max(0, m.start() - 50) : m.end() + _OBJECT_WINDOW]
        valid = not (_HEDGED.search(lead) or _REFUSED.search(lead) or _NOT_OFFER.search(near))
        out.append((m.start(), valid))
    return out


def states_extension(sentence: str) -> bool:
    """True when ``sentence`` states that the offer was (or is being) extended."""
    return any(valid for _pos, valid in extension_marks(sentence))


def _extended_at(marks: list[tuple[int, bool]], pos: int) -> bool:
    """Whether the extension word governing a deadline at ``pos`` (the nearest one before it, else
    any in the sentence) states an extension of the offer."""
    before = [valid for start, valid in marks if start < pos]
    return before[-1] if before else any(valid for _start, valid in marks)


def classify(
    sentence: str, default_year: int | None = None, today: dt.date | None = None
) -> list[tuple[str, DeadlineMention]]:
    """Class each deadline of ``sentence`` as ``"new"`` or ``"previous"`` (others dropped).

    ``today`` is the date the document bears, to read "today" and "yesterday".
    """
    out: list[tuple[str, DeadlineMention]] = []
    last_end = 0
    for mention in find_deadlines(sentence, default_year, today, lone_times=True):
        window = sentence[max(last_end, mention.start - _CUE_WINDOW) : mention.start]
        last_end = mention.end
        if mention.date is not None and _PREVIOUS_AFTER.match(sentence, mention.end):
            out.append(("previous", mention))
            continue
        if _NOT_DEADLINE.search(window):
            continue
        if mention.date is None:
            if mention.time is not None and _LONE_TIME_CUE.search(window):
                out.append(("new", mention))
            continue
        new = [m.end() for m in _NEW.finditer(window)]
        prev = [m.end() for m in _PREVIOUS.finditer(window)]
        if not new and not prev:
            continue
        kind = "new" if (max(new) if new else -1) > (max(prev) if prev else -1) else "previous"
        out.append((kind, mention))
    return out


def extract_expiration(doc: Document) -> ExpirationChange | None:
    """The expiration change stated in ``doc``, or None when it states none."""
    text = doc.text
    year = context_year(text)
    today = document_date(text)
    news: list[tuple[DeadlineMention, str]] = []
    previous: list[tuple[DeadlineMention, str]] = []
    unresolved: str | None = None
    for _i, sentence in doc.sentences_with(*EXPIRATION_KEYWORDS):
        if not _TOPIC.search(sentence):
            continue
        found = classify(sentence, year, today)
        marks = extension_marks(sentence)
        if unresolved is None and any(
            _extended_at(marks, u.start()) and not any(m.start <= u.end() and u.start() <= m.end for _k, m in found)
            for u in _UNRESOLVED.finditer(sentence)
        ):
            unresolved = sentence
        if not found:
            continue
        kinds = {k for k, _ in found}
        # Without an extension statement, a new deadline needs a previous one beside it in a
        # sentence about the offer's expiry ("previously scheduled to expire ..., will now expire").
        paired = "previous" in kinds and bool(_EXPIRE.search(sentence)) and not _NOT_OFFER.search(sentence)
        news.extend(
            (m, sentence) for k, m in found if k == "new" and (paired or _extended_at(marks, m.start))
        )
        # A previous deadline of something else ("The Term Sheet would have expired on ...") is none.
        previous.extend(
            (m, sentence) for k, m in found
            if k == "previous" and m.date is not None
            and not _NOT_OFFER.search(sentence, max(0, m.start - _OBJECT_WINDOW), m.start)
        )
    best = _best_new(news)
    if best is None:
        if unresolved is not None:
            return ExpirationChange(previous=None, new=None, evidence=unresolved)
        return None
    new, evidence = best
    before = [(m, s) for m, s in previous if new.date is None or (m.date is not None and m.date < new.date)]
    prev = _latest(before)
    return ExpirationChange(
        previous=_deadline(prev) if prev else None,
        new=_deadline(new),
        evidence=evidence,
    )


def _best_new(news: list[tuple[DeadlineMention, str]]) -> tuple[DeadlineMention, str] | None:
    dated = [(m, s) for m, s in news if m.date is not None]
    if not dated:
        return next(((m, s) for m, s in news if m.time is not None), None)
    first = dated[0]
    if first[0].time is not None:
        return first
    return next(((m, s) for m, s in dated if m.date == first[0].date and m.time is not None), first)


def _latest(cands: list[tuple[DeadlineMention, str]]) -> DeadlineMention | None:
    if not cands:
        return None
    latest = max(m.date for m, _ in cands if m.date is not None)
    same = [m for m, _ in cands if m.date == latest]
    return next((m for m in same if m.time is not None), same[0])
