"""Counts of securities tendered so far ("approximately 13,292,651 shares ... were validly
tendered and not validly withdrawn"), with percentage, as-of instant and reporting agent.

A count is a number of securities followed (or, rarely, preceded) by a tender verb in the
perfect or past ("had been tendered", "were validly deposited"); "being tendered" and "to be
tendered" report nothing. Excluded: the offer's size ("up to N shares"), shares outstanding or
owned, and shares accepted or bought. "No shares were tendered" is a count of 0.

The percentage is the one printed with the count, or in the next sentence when that sentence
only goes on to say what the count represents ("That represents approximately 42.75% ...").
The as-of instant is the date printed after "as of" in the sentence or, for a count "as of the
expiration of the Offer", the deadline at which the document says the offer expired.

The same count repeated (body and press release) is one entry, completed with what the repeats
add (a percentage, an as-of date). Counts tendered through notices of guaranteed delivery are
kept as separate entries flagged ``guaranteed_delivery``; a count that combines shares tendered
"either" normally "or" by guaranteed delivery is not flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from functools import partial

from ..caseless import fold_lower
from ..dates import DeadlineMention, DefaultYear, context_year, document_date, find_deadlines
from ..document import Document
from ..model import TenderedCount
from ..numbers import NUMBER, SCALED_NUMBER, as_count, parse_number
from ..vocab import AGENT_ROLES, TENDER_VERBS

_SECURITY_NOUN = (
    r"(?:shares|Shares|SHARES|units|Units|ADSs|ADS|American\s+Depositary\s+Shares|Notes|notes|securities)\b"
)
_APPROXIMATE = r"approximately|about|roughly|nearly|some|over|more\s+than"
_COUNT = re.compile(
    rf"(?P<approx>\b(?i:{_APPROXIMATE})\s+)?"
    rf"(?P<num>{SCALED_NUMBER}|\b(?i:no))\s+"
    r"(?P<sec>(?:additional\s+)?"
    # "11,741,339 of Take-Two's outstanding shares"
    rf"(?:of\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){{0,3}}?(?:(?:issued\s+and\s+)?outstanding\s+)?(?={_SECURITY_NOUN}))?"
    r"(?:[A-Z][\w.&'’-]*\s+){0,3}?(?:(?:Class\s+[A-Z]\s+)?(?:common|ordinary|preferred)\s+)?"
    rf"{_SECURITY_NOUN}"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.%&'’-]*\s+){0,6}?(?:(?:Class\s+[A-Z]\s+)?(?:common|Common|COMMON|ordinary|Ordinary|preferred|Preferred)\s+(?:stock|Stock|shares|Shares)|Stock|Shares|Units|Notes))?)",
)
# Where a _COUNT match can start: a word it begins with (in the text lower-cased by _lower), or
# a digit of a number.
_COUNT_WORD = re.compile(rf"(?:{_APPROXIMATE}|no)\s")
_DIGITS = re.compile(r"\d(?:[\d,.]*\d)?")
_NUMBER = re.compile(NUMBER)
_TENDER = re.compile(TENDER_VERBS, re.IGNORECASE)
# Every TENDER_VERBS alternative holds one of these words (lower-cased).
_TENDER_WORDS = ("tendered", "deposited")
# Where counts are looked for: sentences holding one of these.
_KEYWORDS = ("tender", "deposit", "guaranteed delivery")
# "no shares were tendered": "no" is a count only as the subject of a tender verb.
_NONE_TENDERED = re.compile(
    r"^\s*(?:(?:have|has|had)\s+been|were|was)\s+(?:\w+ly\s+)?(?:tendered|deposited)\b", re.IGNORECASE
)
# A verb that reports nothing yet: "being tendered", "to be tendered", "will be tendered".
_NOT_REPORTED = re.compile(r"\b(?:being|be|to)\s*$", re.IGNORECASE)
_GUARANTEED = re.compile(r"guaranteed\s+delivery", re.IGNORECASE)
_EXCLUDING = re.compile(
    r"(?:excluding|not\s+including|does\s+not\s+include|exclusive\s+of)\s+(?:\S+\s+){0,6}$", re.IGNORECASE
)
_EITHER = re.compile(r"\beither\b", re.IGNORECASE)
_EXCLUDE_BEFORE = re.compile(
    r"(?:\bup\s+to|\baccepted\s+for\s+(?:payment|purchase|exchange)(?:\s+(?:an\s+aggregate\s+of|a\s+total\s+of|all))?"
    r"|\bpurchase[ds]?|\bacquire[ds]?|\bmaximum\s+of|\bseeking\s+to\s+(?:purchase|acquire)|\bbuy)\s*$",
    re.IGNORECASE,
)
# The count is of shares outstanding, not tendered ("1,054,555,886 Genentech shares outstanding").
_OUTSTANDING_AFTER = re.compile(r"\s*(?:(?:then\s+)?issued\s+and\s+)?outstanding\b", re.IGNORECASE)
_PERCENT = re.compile(
    r"(?:approximately\s+|about\s+)?(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)",
    re.IGNORECASE,
)
# The next sentence saying what the count represents.
_REPRESENTS = re.compile(
    r"^\W*(?:That|This|These|Those|Such|The\s+(?:\w+\s+){0,3}?(?:shares|Shares))\b[^.%]{0,80}?\brepresents?\b"
    r"[^%]{0,40}?(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)",
)
_AGENT = re.compile(
    rf"(?P<agent>[A-Z][\w.&'’-]*(?:[ ,]+(?:[A-Z&][\w.&'’-]*|of|and|N\.A\.))*?),?\s+(?:the\s+|as\s+)?(?:{AGENT_ROLES})\b",
)
_AGENT_VERB = re.compile(
    r"(?:according\s+to|reported\s+by|advised\s+by|informed\s+by)\s+(?P<agent>[A-Z][\w.&'’-]*(?:[ ,]+(?:[A-Z&][\w.&'’-]*|of|and|N\.A\.))*)",
)
_AGENT_LEAD = re.compile(r"^(?:The|According\s+to|Additionally|In\s+addition|Also)\s*,?\s+")
# A name ending in an article is no name: the role went with "the" ("The Depositary").
_ARTICLE_END = re.compile(r"(?:^|\s)(?:The|the|A|An)$")
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|at|by)\s+(?:the\s+)?(?:close\s+of\s+business\s+)?(?:on\s+)?$", re.I)
_AS_OF_ANY = re.compile(r"\bas\s+of\b", re.I)
# A count reported "as of the expiration of the Offer", "prior to the expiration of the initial
# offer period", "As of the tender offer expiration", "as of such time" (the Expiration Time).
_AT_EXPIRY = re.compile(
    r"\b(?:as\s+of|prior\s+to|at|upon|by)\s+(?:the\s+)?(?:(?:tender\s+|exchange\s+)?offer\s+)?(?:expiration|expiry)"
    r"(?:\s+(?:date|time))?(?:\s+of\s+the\s+(?P<which>(?:[\w-]+\s+){0,3}?)(?:offer|offering\s+period|offer\s+period|period))?"
    r"|\bas\s+of\s+such\s+time\b",
    re.IGNORECASE,
)
# "The Offer expired at 5:00 p.m., New York City time, on January 8, 2025."
_EXPIRED = re.compile(r"\bexpired\b(?:\s+as\s+scheduled)?[\s,]*(?:(?:at|on)\b)?\s*", re.IGNORECASE)
# What expired is named in the clause before "expired": parenthesised asides are dropped and the
# clause starts after an unclosed parenthesis or a semicolon.
_ASIDE = re.compile(r"\([^()]*\)")
_EXPIRED_SUBJECT = re.compile(r"\b(?:offer|offering\s+period|offer\s+period)\b", re.IGNORECASE)
_NOT_OFFER_EXPIRY = re.compile(r"\bwaiting\s+period\b|\bwould\s+have\b|\bhad\s+not\b", re.IGNORECASE)
_PERIOD_WORDS = ("initial", "subsequent")

def _has(low: str, words: tuple[str, ...]) -> bool:
    return any(w in low for w in words)


def _sentences_at(
    doc: Document, keywords: tuple[str, ...], words: tuple[str, ...]
) -> Iterator[tuple[tuple[int, int], str]]:
    """``doc.sentences_at(*keywords)`` of the lines holding any of ``words`` (lower-cased by
    fold_lower): a sentence that the caller reads only if it holds one of them is not split from a
    line without any."""
    for i in doc.lines_matching_caseless(words):
        for k, sentence in enumerate(doc.line_sentences(i)):
            if _has(sentence.lower(), keywords):
                yield (i, k), sentence


_CLASS_NOUN = re.compile(
    r"(?:Class\s+[A-Z]\s+)?(?:common|ordinary|preferred)\s+(?:stock|shares)", re.IGNORECASE
)
_NOUN = re.compile(r"\b(?:shares|units|ADSs|notes|securities)\b", re.IGNORECASE)


def _securities(phrase: str) -> str | None:
    m = _CLASS_NOUN.search(phrase) or _NOUN.search(phrase)
    return m.group(0) if m else None


def _reported_by(sentence: str) -> str | None:
    """The agent named before its role ("Computershare Trust Company, N.A., the depositary") or
    after "according to"; None when the role stands without a name ("The Depositary has
    advised")."""
    for pattern in (_AGENT, _AGENT_VERB):
        for m in pattern.finditer(sentence):
            agent = _AGENT_LEAD.sub("", m.group("agent")).strip(" ,")
            if agent and not _ARTICLE_END.search(agent):
                return agent
    return None


def _explicit_as_of(
    sentence: str, default_year: DefaultYear, today: dt.date | None, unread: list[str] | None
) -> DeadlineMention | None:
    for mention in find_deadlines(sentence, default_year, today, unread=unread):
        lead = sentence[max(0, mention.start - 40) : mention.start]
        if _AS_OF.search(lead) or _AS_OF_ANY.search(lead):
            return mention
    return None


_GD_BEFORE = re.compile(
    r"guaranteed\s+delivery[^.;]{0,80}?\b(?:delivered|received|submitted|tendered|given)\s+"
    r"(?:for|with\s+respect\s+to|covering|representing)\s+(?:an\s+(?:additional|aggregate)\s+(?:of\s+)?)?"
    r"(?:approximately\s+)?$",
    re.IGNORECASE,
)
# Between a count's tender verb and "guaranteed delivery": the count itself was so tendered.
_GD_LINK = re.compile(
    r"[\s,]*(?:and\s+not\s+(?:validly\s+|properly\s+)?withdrawn[\s,]*)?(?:pursuant\s+to|subject\s+to|by|through|under|via|"
    r"by\s+means\s+of|using|with)\s+(?:the\s+)?(?:procedures?\s+for\s+)?(?:notices?\s+of\s+)?",
    re.IGNORECASE,
)


def _counts(sentence: str, low: str) -> list[re.Match[str]]:
    """``list(_COUNT.finditer(sentence))``, the pattern tried only where a count can start."""
    starts = [m.start() for m in _COUNT_WORD.finditer(low)]
    # A count's number is followed by white space: it runs to the end of the digits, commas and
    # periods it starts in. It starts at the first digit of them where it can, or nowhere in
    # them (what follows them is the same from any start).
    for run in _DIGITS.finditer(sentence):
        end = run.end()
        if sentence[end : end + 1].isspace():
            start = next(
                (i for i in range(run.start(), end) if _NUMBER.fullmatch(sentence, i, end)), None
            )
            if start is not None:
                starts.append(start)
    out: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):
        if start >= end and (m := _COUNT.match(sentence, start)):
            out.append(m)
            end = m.end()
    return out


def _tender_before(sentence: str, low: str, pos: int) -> bool:
    """A tender verb in the 40 characters before ``pos``."""
    start = max(0, pos - 40)
    return _has(low[start:pos], _TENDER_WORDS) and _TENDER.search(sentence[start:pos]) is not None


def tendered_in_sentence(
    sentence: str,
    default_year: DefaultYear = None,
    today: dt.date | None = None,
    *,
    unread: list[str] | None = None,
) -> list[TenderedCount]:
    """Every tendered count stated in one sentence (``unread``: see :func:`extract_tendered`)."""
    out: list[TenderedCount] = []
    low = fold_lower(sentence)
    matches = _counts(sentence, low)
    # Read once per sentence, when it first gives a count.
    as_of: DeadlineMention | None = None
    reported_by: str | None = None
    sentence_read = False
    for i, m in enumerate(matches):
        nxt = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        following = sentence[m.end() : min(nxt, m.end() + 200)]
        low_following = low[m.end() : m.end() + len(following)]
        before = sentence[max(0, m.start() - 60) : m.start()]
        if _EXCLUDE_BEFORE.search(before) or _OUTSTANDING_AFTER.match(following):
            continue
        if m.group("num").lower() == "no":
            if not _NONE_TENDERED.match(following):
                continue
            value: Decimal | None = Decimal(0)
        else:
            value = parse_number(m.group("num"))
        if value is None:
            continue
        verb = _TENDER.search(following[:160]) if _has(low_following[:160], _TENDER_WORDS) else None
        if verb is not None and _NOT_REPORTED.search(following[: verb.start()]):
            continue
        # "notices of guaranteed delivery had been delivered for 1,000,000 Shares"
        gd_before = (
            _GD_BEFORE.search(sentence[max(0, m.start() - 120) : m.start()])
            if "guaranteed" in low[max(0, m.start() - 120) : m.start()]
            else None
        )
        if verb is None and not gd_before and not _tender_before(sentence, low, m.start()):
            continue
        pct = None
        pm = _PERCENT.search(following) if "%" in following or "cent" in low_following else None
        if pm and pm.start() < 120:
            pct = float(pm.group("pct"))
        # The count's own clause says guaranteed delivery: "tendered pursuant to notices of
        # guaranteed delivery" right after its verb, or "guaranteed delivery ... for N" before it.
        gd = _GUARANTEED.search(following) if "guaranteed" in low_following else None
        own = (
            gd is not None
            and verb is not None
            and _GD_LINK.fullmatch(following[verb.end() : gd.start()]) is not None
        )
        guaranteed = bool(gd_before) or (
            own
            and gd is not None
            and not (_EXCLUDING.search(following[: gd.start()]) or _EITHER.search(following[: gd.start()]))
        )
        if not sentence_read:
            as_of = _explicit_as_of(sentence, default_year, today, unread)
            reported_by = _reported_by(sentence)
            sentence_read = True
        out.append(
            TenderedCount(
                shares=as_count(value),
                approximate=bool(m.group("approx")) or "million" in m.group("num").lower()
                or "billion" in m.group("num").lower(),
                evidence=sentence,
                percent=pct,
                securities=_securities(m.group("sec")),
                as_of_date=as_of.date if as_of else None,
                as_of=as_of.at if as_of else None,
                reported_by=reported_by,
                guaranteed_delivery=guaranteed,
            )
        )
    return out


def _expirations(
    doc: Document, default_year: DefaultYear, today: dt.date | None, unread: list[str] | None
) -> list[tuple[tuple[int, int], str, DeadlineMention]]:
    """Where the document says the offer (or an offering period) expired: (sentence position,
    words naming what expired, deadline)."""
    out: list[tuple[tuple[int, int], str, DeadlineMention]] = []
    for idx, sentence in _sentences_at(doc, ("expire",), ("expired",)):
        # Every _EXPIRED match starts with "expired": none starts before its first occurrence.
        first = fold_lower(sentence).find("expired")
        if first < 0:
            continue
        for m in _EXPIRED.finditer(sentence, first):
            subject = _ASIDE.sub(" ", sentence[max(0, m.start() - 200) : m.start()])
            subject = subject[max(subject.rfind("("), subject.rfind(";")) + 1 :]
            if "offer" not in fold_lower(subject) or not _EXPIRED_SUBJECT.search(subject):
                continue
            if _NOT_OFFER_EXPIRY.search(subject[-60:]):
                continue
            end = m.end() + 160
            # A number is not cut: "May 17, 202|3" would be a date with no plausible year.
            while end < len(sentence) and sentence[end].isdigit():
                end += 1
            tail = sentence[m.end() : end]
            found = find_deadlines(tail, default_year, today, unread=unread)
            if found and found[0].start == 0 and found[0].date is not None:
                out.append((idx, subject.lower(), found[0]))
    return out


def _tender_verb(sentence: str, low: str) -> bool:
    """``sentence`` holds a tender verb."""
    found = [p for p in (low.find(w) for w in _TENDER_WORDS) if p >= 0]
    # Mostly a match starts at the first tender word; else it may start before it.
    return bool(found) and (
        _TENDER.search(sentence, min(found)) is not None or _TENDER.search(sentence) is not None
    )


def _represents(doc: Document, pos: tuple[int, int]) -> re.Match[str] | None:
    """``_REPRESENTS`` matched on the sentence after the one at ``pos``."""
    line, k = pos
    here = doc.line_sentences(line)
    if k + 1 < len(here):
        return _REPRESENTS.match(here[k + 1])
    # The first sentence of the next line with text; not split when it cannot match.
    nxt = next((i for i in range(line + 1, len(doc.lines)) if doc.texts[i]), None)
    if nxt is None or "represent" not in doc.texts[nxt]:
        return None
    return _REPRESENTS.match(doc.line_sentences(nxt)[0])


def _guaranteed(sentence: str, low: str) -> bool:
    """``sentence`` says "guaranteed delivery"."""
    # A match starts with "guaranteed": search from where it first stands.
    first = low.find("guaranteed")
    return first >= 0 and _GUARANTEED.search(sentence, first) is not None


def _at_expiry(sentence: str, low: str) -> re.Match[str] | None:
    """Where ``sentence`` says its count is as of the expiration."""
    if "expir" not in low and "such" not in low:  # every _AT_EXPIRY match holds one
        return None
    return _AT_EXPIRY.search(sentence)


def _expiry_as_of(
    idx: tuple[int, int], q: re.Match[str], expirations: list[tuple[tuple[int, int], str, DeadlineMention]]
) -> DeadlineMention | None:
    if not expirations:
        return None
    which = (q.group("which") or "").lower()
    wanted = [w for w in _PERIOD_WORDS if w in which]
    cands = [e for e in expirations if all(w in e[1] for w in wanted)] or expirations
    # The same sentence first, then the nearest one before, then the first one after.
    same = [e for e in cands if e[0] == idx]
    earlier = [e for e in cands if e[0] < idx]
    pick = same[0] if same else earlier[-1] if earlier else cands[0]
    return pick[2]


def extract_tendered(doc: Document, *, unread: list[str] | None = None) -> tuple[TenderedCount, ...]:
    """All distinct tendered counts in ``doc``.

    A date printed with an implausible year ("as of May 17, 2923") is left unread (see
    :func:`scheduleto.dates.find_dates`); the printed text of each one read for a count's as-of
    date is added to ``unread`` when given.
    """
    dated = False
    # Read only if a date printed without a year needs it (it costs a scan of the whole text).
    year = partial(context_year, doc.text)
    today: dt.date | None = None
    expirations: list[tuple[tuple[int, int], str, DeadlineMention]] | None = None
    out: list[TenderedCount] = []
    index: dict[tuple[object, bool], int] = {}
    for pos, sentence in _sentences_at(doc, _KEYWORDS, (*_TENDER_WORDS, "guaranteed")):
        low = fold_lower(sentence)
        if not _tender_verb(sentence, low) and not _guaranteed(sentence, low):
            continue
        if not dated:
            today = document_date(doc.text)
            dated = True
        for count in tendered_in_sentence(sentence, year, today, unread=unread):
            if count.percent is None:
                rm = _represents(doc, pos)
                if rm:
                    count = replace(count, percent=float(rm.group("pct")))
            if count.as_of_date is None and (q := _at_expiry(sentence, low)) is not None:
                if expirations is None:
                    expirations = _expirations(doc, year, today, unread)
                exp = _expiry_as_of(pos, q, expirations)
                if exp is not None:
                    count = replace(count, as_of_date=exp.date, as_of=exp.at)
            key = (count.shares, count.guaranteed_delivery)
            if key in index:
                out[index[key]] = _merge(out[index[key]], count)
                continue
            index[key] = len(out)
            out.append(count)
    return tuple(out)


def _merge(first: TenderedCount, again: TenderedCount) -> TenderedCount:
    """The first report of a count, completed with what a repeat of it adds."""
    return replace(
        first,
        approximate=first.approximate or again.approximate,
        percent=first.percent if first.percent is not None else again.percent,
        securities=first.securities or again.securities,
        as_of_date=first.as_of_date or again.as_of_date,
        as_of=first.as_of or again.as_of,
        reported_by=first.reported_by or again.reported_by,
    )
