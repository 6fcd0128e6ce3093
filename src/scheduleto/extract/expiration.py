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
from functools import partial

from ..caseless import Caseless, Folded
from ..dates import (
    MONTH,
    WEEKDAY,
    DeadlineMention,
    DefaultYear,
    context_year,
    document_date,
    find_deadlines,
)
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

_TOPIC = Caseless(EXPIRATION_TOPIC)
_NEW = Caseless(EXPIRATION_NEW_CUES)
_PREVIOUS = Caseless(EXPIRATION_PREVIOUS_CUES)
_PREVIOUS_AFTER = Caseless(EXPIRATION_PREVIOUS_AFTER)
_NOT_DEADLINE = Caseless(EXPIRATION_NOT_DEADLINE)
_EXPIRE = Caseless(r"\bexpir")
_EXTEND = Caseless(EXTENSION_WORDS)
_HEDGED = Caseless(rf"(?:{EXPIRATION_HEDGES})[\s,]+(?:[\w'’.()-]+[\s,]+){{0,5}}$")
_REFUSED = Caseless(rf"(?:{EXPIRATION_REFUSALS})[^.;]*$")
_NOT_OFFER = Caseless(EXPIRATION_NOT_OFFER)
# A time alone is a new deadline only right after "to"/"until"/"through".
_LONE_TIME_CUE = Caseless(r"\b(?:to|until|through)\s+(?:at\s+)?$")
# A new deadline printed in a way no date can be read from (no year in the text, a weekday).
_UNRESOLVED = Caseless(
    rf"\b(?:to|until|through|end|expire)\s+(?:on\s+)?(?:{WEEKDAY}|{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?)\b"
)
_CUE_WINDOW = 160
_HEDGE_WINDOW = 80
_OBJECT_WINDOW = 80


def _deadline(m: DeadlineMention) -> Deadline:
    return Deadline(m.date, m.time.text if m.time else None, m.at)


def extension_marks(sentence: str) -> list[tuple[int, bool]]:
    """Each "extend"/"extension" of ``sentence`` with whether it states an extension of the offer
    (not hedged, not refused, not about something else)."""
    return _extension_marks(Folded.of(sentence))


def _extension_marks(sentence: Folded) -> list[tuple[int, bool]]:
    out: list[tuple[int, bool]] = []
    for start, end in _EXTEND.spans(sentence):
        lead = sentence.slice(start - _HEDGE_WINDOW, start)
        near = sentence.slice(start - 50, end + _OBJECT_WINDOW)
        valid = not (_HEDGED.found(lead) or _REFUSED.found(lead) or _NOT_OFFER.found(near))
        out.append((start, valid))
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
    sentence: str, default_year: DefaultYear = None, today: dt.date | None = None
) -> list[tuple[str, DeadlineMention]]:
    """Class each deadline of ``sentence`` as ``"new"`` or ``"previous"`` (others dropped).

    ``today`` is the date the document bears, to read "today" and "yesterday".
    """
    return _classify(Folded.of(sentence), default_year, today)


def _classify(
    sentence: Folded, default_year: DefaultYear, today: dt.date | None, unread: list[str] | None = None
) -> list[tuple[str, DeadlineMention]]:
    out: list[tuple[str, DeadlineMention]] = []
    last_end = 0
    for mention in find_deadlines(sentence, default_year, today, lone_times=True, unread=unread):
        window = sentence.slice(max(last_end, mention.start - _CUE_WINDOW), mention.start)
        last_end = mention.end
        if mention.date is not None and _PREVIOUS_AFTER.matches_at(sentence, mention.end):
            out.append(("previous", mention))
            continue
        if _NOT_DEADLINE.found(window):
            continue
        if mention.date is None:
            if mention.time is not None and _LONE_TIME_CUE.found(window):
                out.append(("new", mention))
            continue
        new = [end for _start, end in _NEW.spans(window)]
        prev = [end for _start, end in _PREVIOUS.spans(window)]
        if not new and not prev:
            continue
        kind = "new" if (max(new) if new else -1) > (max(prev) if prev else -1) else "previous"
        out.append((kind, mention))
    return out


def extract_expiration(doc: Document, *, unread: list[str] | None = None) -> ExpirationChange | None:
    """The expiration change stated in ``doc``, or None when it states none.

    A date printed with an implausible year ("May 17, 2923") is left unread (see
    :func:`scheduleto.dates.find_dates`); the printed text of each one in a sentence read for
    deadlines is added to ``unread`` when given.
    """
    text = doc.text
    # Read only if a date printed without a year needs it (it costs a scan of the whole text).
    year = partial(context_year, text)
    today = document_date(text)
    news: list[tuple[DeadlineMention, str]] = []
    previous: list[tuple[DeadlineMention, str]] = []
    unresolved: str | None = None
    for plain in _sentences_with(doc, EXPIRATION_KEYWORDS):
        sentence = Folded.of(plain)
        if not _TOPIC.found(sentence):
            continue
        found = _classify(sentence, year, today, unread)
        unresolved_spans = _UNRESOLVED.spans(sentence) if unresolved is None else []
        if not found and not unresolved_spans:
            continue
        marks = _extension_marks(sentence)
        if any(
            _extended_at(marks, u_start) and not any(m.start <= u_end and u_start <= m.end for _k, m in found)
            for u_start, u_end in unresolved_spans
        ):
            unresolved = plain
        if not found:
            continue
        kinds = {k for k, _ in found}
        # Without an extension statement, a new deadline needs a previous one beside it in a
        # sentence about the offer's expiry ("previously scheduled to expire ..., will now expire").
        paired = "previous" in kinds and _EXPIRE.found(sentence) and not _NOT_OFFER.found(sentence)
        news.extend(
            (m, plain) for k, m in found if k == "new" and (paired or _extended_at(marks, m.start))
        )
        # A previous deadline of something else ("The Term Sheet would have expired on ...") is none.
        previous.extend(
            (m, plain) for k, m in found
            if k == "previous" and m.date is not None
            and not _NOT_OFFER.found(sentence, max(0, m.start - _OBJECT_WINDOW), m.start)
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


def _sentences_with(doc: Document, keywords: tuple[str, ...]) -> list[str]:
    """The sentences of ``doc.sentences_with(*keywords)``: a substring test per keyword is cheaper
    than the one pattern of alternatives that method runs."""
    out: list[str] = []
    for i in doc.lines_matching(keywords):
        for sentence in doc.line_sentences(i):
            low = sentence.lower()
            for k in keywords:
                if k in low:
                    out.append(sentence)
                    break
    return out


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
