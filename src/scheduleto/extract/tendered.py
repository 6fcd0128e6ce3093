"""Counts of securities tendered so far ("approximately 13,292,651 shares ... were validly
tendered and not validly withdrawn"), with percentage, as-of instant and reporting agent.

The same count repeated (body and press release) is one entry. Counts tendered through notices
of guaranteed delivery are kept as separate entries flagged ``guaranteed_delivery``.
"""

from __future__ import annotations

import re

from ..dates import context_year, find_deadlines
from ..document import Document, collapse
from ..model import TenderedCount
from ..numbers import SCALED_NUMBER, as_count, parse_number
from ..vocab import AGENT_ROLES, TENDER_VERBS

_COUNT = re.compile(
    rf"(?P<approx>\b(?:approximately|about|roughly|nearly|some|over|more\s+than)\s+)?"
    rf"(?P<num>{SCALED_NUMBER})\s+"
    r"(?P<sec>(?:[A-Z][\w.&'-]*\s+){0,3}?(?:(?:Class\s+[A-Z]\s+)?(?:common|ordinary|preferred)\s+)?"
    r"(?:shares|Shares|SHARES|units|Units|ADSs|ADS|American\s+Depositary\s+Shares|Notes|notes|securities)"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w.%&'-]*\s+){0,6}?(?:(?:Class\s+[A-Z]\s+)?(?:common|Common|COMMON|ordinary|Ordinary|preferred|Preferred)\s+(?:stock|Stock|shares|Shares)|Stock|Shares|Units|Notes))?)",
)
_TENDER = re.compile(TENDER_VERBS, re.IGNORECASE)
_GUARANTEED = re.compile(r"guaranteed\s+delivery", re.IGNORECASE)
_EXCLUDE_BEFORE = re.compile(
    r"(?:\bup\s+to|\baccepted\s+for\s+(?:payment|purchase|exchange)(?:\s+(?:an\s+aggregate\s+of|a\s+total\s+of|all))?|\bpurchase[ds]?|\bmaximum\s+of|\bseeking\s+to\s+(?:purchase|acquire)|\bbuy)\s*$",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"(?:approximately\s+|about\s+)?(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)",
    re.IGNORECASE,
)
_AGENT = re.compile(
    rf"(?P<agent>[A-Z][\w.&'’-]*(?:[ ,]+(?:[A-Z&][\w.&'’-]*|of|and|N\.A\.))*?),?\s+(?:the\s+|as\s+)?(?:{AGENT_ROLES})\b",
)
_AGENT_VERB = re.compile(
    r"(?:according\s+to|reported\s+by|advised\s+by|informed\s+by)\s+(?P<agent>[A-Z][\w.&'’-]*(?:[ ,]+(?:[A-Z&][\w.&'’-]*|of|and|N\.A\.))*)",
)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|at|by)\s+(?:the\s+)?(?:close\s+of\s+business\s+)?(?:on\s+)?$", re.I)


def _securities(phrase: str) -> str | None:
    m = re.search(
        r"(?:Class\s+[A-Z]\s+)?(?:common|ordinary|preferred)\s+(?:stock|shares)", phrase, re.IGNORECASE
    )
    if m:
        return m.group(0)
    m = re.search(r"\b(?:shares|units|ADSs|notes|securities)\b", phrase, re.IGNORECASE)
    return m.group(0) if m else None


def _reported_by(sentence: str) -> str | None:
    m = _AGENT.search(sentence) or _AGENT_VERB.search(sentence)
    if not m:
        return None
    agent = re.sub(r"^(?:The|According\s+to|Additionally|In\s+addition|Also)\s*,?\s+", "", m.group("agent"))
    return agent.strip(" ,") or None


def tendered_in_sentence(sentence: str, default_year: int | None = None) -> list[TenderedCount]:
    """Every tendered count stated in one sentence."""
    out: list[TenderedCount] = []
    matches = list(_COUNT.finditer(sentence))
    for i, m in enumerate(matches):
        nxt = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        following = sentence[m.end() : min(nxt, m.end() + 200)]
        before = sentence[max(0, m.start() - 60) : m.start()]
        if _EXCLUDE_BEFORE.search(before):
            continue
        verb = _TENDER.search(following[:160]) or _TENDER.search(before[-40:])
        if not verb:
            continue
        if re.search(r"\boutstanding\b", following[: verb.start()] if verb.re is _TENDER else ""):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        pct = None
        pm = _PERCENT.search(following)
        if pm and (pm.start() < 120):
            pct = float(pm.group("pct"))
        guaranteed = bool(_GUARANTEED.search(following[:200])) and not re.search(
            r"(?:excluding|not\s+including|does\s+not\s+include|exclusive\s+of)\s+(?:\S+\s+){0,6}$",
            following[: _GUARANTEED.search(following[:200]).start()],  # type: ignore[union-attr]
            re.IGNORECASE,
        )
        as_of_date = None
        as_of = None
        for mention in find_deadlines(sentence, default_year):
            lead = sentence[max(0, mention.start - 40) : mention.start]
            if _AS_OF.search(lead) or re.search(r"\bas\s+of\b", lead, re.I):
                as_of_date, as_of = mention.date, mention.at
                break
        out.append(
            TenderedCount(
                shares=as_count(value),
                approximate=bool(m.group("approx")) or "million" in m.group("num").lower(),
                evidence=sentence,
                percent=pct,
                securities=_securities(m.group("sec")),
                as_of_date=as_of_date,
                as_of=as_of,
                reported_by=_reported_by(sentence),
                guaranteed_delivery=guaranteed,
            )
        )
    return out


def extract_tendered(doc: Document) -> tuple[TenderedCount, ...]:
    """All distinct tendered counts in ``doc``."""
    year = context_year(doc.text)
    out: list[TenderedCount] = []
    seen: set[tuple[object, ...]] = set()
    for _i, sentence in doc.sentences():
        if not _TENDER.search(sentence):
            continue
        for count in tendered_in_sentence(collapse(sentence), year):
            key = (count.shares, count.guaranteed_delivery)
            if key in seen:
                continue
            seen.add(key)
            out.append(count)
    return tuple(out)
