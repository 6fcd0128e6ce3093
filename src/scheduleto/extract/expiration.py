"""Changes of the offer's expiration (extensions).

Every sentence that speaks of extending or of the expiration is read for deadlines (a date with
the time printed next to it, see :func:`scheduleto.dates.find_deadlines`). Each deadline is
classed as *new* or *previous* by the words just before it ("to"/"until"/"now scheduled to
expire" versus "from"/"previously scheduled to expire"), in either order. The first sentence
that gives a new deadline is the evidence; a previous deadline may come from another sentence
("The Offer was previously scheduled to expire ...").
"""

from __future__ import annotations

import re

from ..dates import DeadlineMention, context_year, find_deadlines
from ..document import Document
from ..model import Deadline, ExpirationChange
from ..vocab import EXPIRATION_NEW_CUES, EXPIRATION_PREVIOUS_CUES, EXPIRATION_TOPIC

_TOPIC = re.compile(EXPIRATION_TOPIC, re.IGNORECASE)
_NEW = re.compile(EXPIRATION_NEW_CUES, re.IGNORECASE)
_PREVIOUS = re.compile(EXPIRATION_PREVIOUS_CUES, re.IGNORECASE)
_EXTEND = re.compile(r"\bextend|\bextension\b", re.IGNORECASE)
_CUE_WINDOW = 160


def _deadline(m: DeadlineMention) -> Deadline:
    return Deadline(m.date, m.time.text if m.time else None, m.at)


def classify(sentence: str, default_year: int | None = None) -> list[tuple[str, DeadlineMention]]:
    """Class each deadline of ``sentence`` as ``"new"`` or ``"previous"`` (others dropped)."""
    out: list[tuple[str, DeadlineMention]] = []
    last_end = 0
    for mention in find_deadlines(sentence, default_year):
        window = sentence[max(last_end, mention.start - _CUE_WINDOW) : mention.start]
        last_end = mention.end
        new = [m.end() for m in _NEW.finditer(window)]
        prev = [m.end() for m in _PREVIOUS.finditer(window)]
        if not new and not prev:
            continue
        kind = "new" if (max(new) if new else -1) > (max(prev) if prev else -1) else "previous"
        out.append((kind, mention))
    return out


def extract_expiration(doc: Document) -> ExpirationChange | None:
    """The expiration change stated in ``doc``, or None when it states none."""
    year = context_year(doc.text)
    new: DeadlineMention | None = None
    previous: DeadlineMention | None = None
    evidence: str | None = None
    prev_evidence: str | None = None
    for _i, sentence in doc.sentences():
        if not _TOPIC.search(sentence):
            continue
        found = classify(sentence, year)
        if not found:
            continue
        kinds = {k for k, _ in found}
        if new is None and "new" in kinds and (_EXTEND.search(sentence) or "previous" in kinds):
            new = next(m for k, m in found if k == "new")
            evidence = sentence
            if "previous" in kinds:
                previous = next(m for k, m in found if k == "previous")
                prev_evidence = sentence
        elif previous is None and "previous" in kinds and (new is None or new.date is not None):
            candidate = next(m for k, m in found if k == "previous")
            if new is None or candidate.date < new.date:
                previous = candidate
                prev_evidence = sentence
        if new is not None and previous is not None:
            break
    if new is None and previous is None:
        return None
    if new is None:
        return None  # a previous deadline alone is no change we can state
    if previous is not None and previous.date >= new.date:
        previous = None
    del prev_evidence
    return ExpirationChange(
        previous=_deadline(previous) if previous else None,
        new=_deadline(new),
        evidence=evidence or "",
    )
