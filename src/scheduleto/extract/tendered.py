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
from dataclasses import replace
from decimal import Decimal

from ..dates import DeadlineMention, context_year, document_date, find_deadlines
from ..document import Document
from ..model import TenderedCount
from ..numbers import SCALED_NUMBER, as_count, parse_number
from ..vocab import AGENT_ROLES, TENDER_VERBS

_SECURITY_NOUN = (
    r"(?:shares|Shares|SHARES|units|Units|ADSs|ADS|American\s+Depositary\s+Shares|Notes|notes|securities)"
)
_COUNT = re.compile(
    r"(?P<approx>\b(?i:approximately|about|roughly|nearly|some|over|more\s+than)\s+)?"
    rf"(?P<num>{SCALED_NUMBER}|\b(?i:no))\s+"
    r"(?P<sec>(?:additional\s+)?"
    # "11,741,339 of Take-Two's outstanding shares"
    rf"(?:of\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){{0,3}}?(?:(?:issued\s+and\s+)?outstanding\s+)?(?={_SECURITY_NOUN}))?"
    r"(?:[A-Z][\w.&'’-]*\s+){0,3}?(?:(?:Class\s+[A-Z]\s+)?(?:common|ordinary|preferred)\s+)?"
    rf"{_SECURITY_NOUN}"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.%&'’-]*\s+){0,6}?(?:(?:Class\s+[A-Z]\s+)?(?:common|Common|COMMON|ordinary|Ordinary|preferred|Preferred)\s+(?:stock|Stock|shares|Shares)|Stock|Shares|Units|Notes))?)",
)
_TENDER = re.compile(TENDER_VERBS, re.IGNORECASE)
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
_CLAUSE_START = re.compile(r".*[(;]", re.DOTALL)
_EXPIRED_SUBJECT = re.compile(r"\b(?:offer|offering\s+period|offer\s+period)\b", re.IGNORECASE)
_NOT_OFFER_EXPIRY = re.compile(r"\bwaiting\s+period\b|\bwould\s+have\b|\bhad\s+not\b", re.IGNORECASE)
_PERIOD_WORDS = ("initial", "subsequent")


def _securities(phrase: str) -> str | None:
    m = re.search(
        r"(?:Class\s+[A-Z]\s+)?(?:common|ordinary|preferred)\s+(?:stock|shares)", phrase, re.IGNORECASE
    )
    if m:
        return m.group(0)
    m = re.search(r"\b(?:shares|units|ADSs|notes|securities)\b", phrase, re.IGNORECASE)
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
    sentence: str, default_year: int | None, today: dt.date | None
) -> DeadlineMention | None:
    for mention in find_deadlines(sentence, default_year, today):
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


def tendered_in_sentence(
    sentence: str, default_year: int | None = None, today: dt.date | None = None
) -> list[TenderedCount]:
    """Every tendered count stated in one sentence."""
    out: list[TenderedCount] = []
    matches = list(_COUNT.finditer(sentence))
    as_of: DeadlineMention | None = None
    as_of_read = False
    for i, m in enumerate(matches):
        nxt = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        following = sentence[m.end() : min(nxt, m.end() + 200)]
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
        verb = _TENDER.search(following[:160])
        if verb is not None and _NOT_REPORTED.search(following[: verb.start()]):
            continue
        # "notices of guaranteed delivery had been delivered for 1,000,000 Shares"
        gd_before = _GD_BEFORE.search(sentence[max(0, m.start() - 120) : m.start()])
        if verb is None and not gd_before and not _TENDER.search(before[-40:]):
            continue
        pct = None
        pm = _PERCENT.search(following)
        if pm and pm.start() < 120:
            pct = float(pm.group("pct"))
        # The count's own clause says guaranteed delivery: "tendered pursuant to notices of
        # guaranteed delivery" right after its verb, or "guaranteed delivery ... for N" before it.
        gd = _GUARANTEED.search(following[:200])
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
        if not as_of_read:
            as_of = _explicit_as_of(sentence, default_year, today)
            as_of_read = True
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
                reported_by=_reported_by(sentence),
                guaranteed_delivery=guaranteed,
            )
        )
    return out


def _expirations(
    sentences: list[tuple[tuple[int, int], str]], default_year: int | None, today: dt.date | None
) -> list[tuple[tuple[int, int], str, DeadlineMention]]:
    """Where the document says the offer (or an offering period) expired: (sentence position,
    words naming what expired, deadline)."""
    out: list[tuple[tuple[int, int], str, DeadlineMention]] = []
    for idx, sentence in sentences:
        for m in _EXPIRED.finditer(sentence):
            subject = _CLAUSE_START.sub("", _ASIDE.sub(" ", sentence[max(0, m.start() - 200) : m.start()]))
            if not _EXPIRED_SUBJECT.search(subject) or _NOT_OFFER_EXPIRY.search(subject[-60:]):
                continue
            tail = sentence[m.end() : m.end() + 160]
            found = find_deadlines(tail, default_year, today)
            if found and found[0].start == 0 and found[0].date is not None:
                out.append((idx, subject.lower(), found[0]))
    return out


def _expiry_as_of(
    idx: tuple[int, int], sentence: str, expirations: list[tuple[tuple[int, int], str, DeadlineMention]]
) -> DeadlineMention | None:
    q = _AT_EXPIRY.search(sentence)
    if q is None or not expirations:
        return None
    which = (q.group("which") or "").lower()
    wanted = [w for w in _PERIOD_WORDS if w in which]
    cands = [e for e in expirations if all(w in e[1] for w in wanted)] or expirations
    # The same sentence first, then the nearest one before, then the first one after.
    same = [e for e in cands if e[0] == idx]
    earlier = [e for e in cands if e[0] < idx]
    pick = same[0] if same else earlier[-1] if earlier else cands[0]
    return pick[2]


def extract_tendered(doc: Document) -> tuple[TenderedCount, ...]:
    """All distinct tendered counts in ``doc``."""
    text = doc.text
    year = context_year(text)
    today = document_date(text)
    expirations: list[tuple[tuple[int, int], str, DeadlineMention]] | None = None
    out: list[TenderedCount] = []
    index: dict[tuple[object, bool], int] = {}
    for pos, sentence in doc.sentences_at("tender", "deposit", "guaranteed delivery"):
        if not _TENDER.search(sentence) and not _GUARANTEED.search(sentence):
            continue
        for count in tendered_in_sentence(sentence, year, today):
            if count.percent is None:
                after = doc.sentence_after(pos)
                rm = _REPRESENTS.match(after) if after else None
                if rm:
                    count = replace(count, percent=float(rm.group("pct")))
            if count.as_of_date is None and _AT_EXPIRY.search(sentence):
                if expirations is None:
                    expirations = _expirations(doc.sentences_at("expire"), year, today)
                exp = _expiry_as_of(pos, sentence, expirations)
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
