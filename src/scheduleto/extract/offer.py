"""The offer's terms: cash or exchange, the offer document, what is sought and for what.

Defined terms are resolved: "three shares of Series H Preferred Stock" names the security the
filing defined as ``10.00% Series H Cumulative Redeemable Perpetual Preferred Stock ("Series H
Preferred Stock")``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..dates import find_dates
from ..document import Document, collapse
from ..model import ExchangeRatio, OfferKind, OfferTerms, PriceRange
from ..numbers import NUMBER, WORD_NUMBER, parse_money, parse_number

_TERM = re.compile(r"\(\s*(?:the\s+)?[\"“](?P<term>[^\"”]{2,60})[\"”]\s*\)")
_DEFINITION = re.compile(
    r"(?P<full>(?:\d+(?:\.\d+)?%\s+)?(?:(?:[A-Z0-9][\w.%&'-]*|due|of|and)\s+){0,10}?[A-Z0-9][\w.&'-]*)\s*\(\s*(?:the\s+)?[\"“](?P<term>[^\"”]{2,60})[\"”]\s*\)$"
)
_DOC_TITLE = re.compile(
    r"(?P<title>(?:(?:Amended|Restated|Supplemented|Revised|Second|Third|and)\s+)*Offer\s+to\s+(?:Purchase|Exchange)"
    r"(?:\s+for\s+Cash)?)(?:,?\s+dated\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}))?",
)
_UP_TO = re.compile(
    rf"\b(?:purchase|acquire|exchange|buy)\s+(?:for\s+cash\s+)?up\s+to\s+(?P<num>{NUMBER}(?:\s+million)?)\s+(?:(?:of\s+(?:its|the)\s+)?(?:outstanding\s+|issued\s+and\s+outstanding\s+)?)"
    r"(?:shares|Shares|units|Units)(?:\s+of\s+(?:its\s+|the\s+Company's\s+)?(?P<sec>(?:[\w.%&'-]+\s+){0,6}?(?:Stock|Shares|Units|stock|shares)))?",
)
_SOUGHT = re.compile(
    r"\b(?:to\s+purchase|to\s+exchange|to\s+acquire|offer\s+for)\s+(?:for\s+cash\s+)?(?:any\s+and\s+)?all\s+(?:of\s+the\s+)?(?:issued\s+and\s+)?outstanding\s+"
    r"(?P<sec>(?:shares\s+of\s+)?(?:[A-Z0-9][\w.%&'-]*\s+){0,6}?(?:Stock|Shares|Units|Notes|stock|shares|ADSs))",
)
_SOUGHT_TERM = re.compile(
    r"\b(?:re)?purchase\s+(?:any\s+and\s+)?(?:all\s+(?:of\s+)?)?the\s+(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\b"
)
_RATIO = re.compile(
    rf"(?P<t>{NUMBER}|{WORD_NUMBER})\s+(?:shares|Shares)\s+of\s+(?:the\s+Company's\s+)?(?P<tsec>(?:[A-Z0-9][\w.%&'-]*\s+){{0,6}}?(?:Stock|Shares))\s+for\s+(?:each\s+)?"
    rf"(?P<r>{NUMBER}|{WORD_NUMBER})\s+(?:shares?|Shares?)\s+of\s+(?:its\s+|the\s+Company's\s+)?(?P<rsec>(?:[A-Z0-9][\w.%&'-]*\s+){{0,8}}?(?:Stock|Shares|Notes))",
)
_AGGREGATE = re.compile(rf"up\s+to\s+(?P<amt>\$\s*{NUMBER}(?:\s+(?:million|billion))?)\s+(?:in\s+)?aggregate", re.I)
_PRICE = re.compile(
    rf"(?:at\s+a\s+(?:purchase\s+|cash\s+)?price\s+of|\bat|\bfor)\s+(?P<price>(?:US|U\.S\.\s*)?\$\s*{NUMBER})"
    r"(?:\s+net)?(?:\s+in\s+cash)?,?\s+per\s+(?:share|Share|unit|Unit|Common\s+Share|ADS|American\s+Depositary\s+Share)\b",
)
# Sentences that report what happened or was proposed, not the offer's terms.
_NOT_TERMS = re.compile(
    r"\b(?:accepted|repurchased|purchased|implied\s+value|proposal|proposed|closing\s+price|last\s+reported|traded)\b",
    re.IGNORECASE,
)
_OFFER_WORD = re.compile(r"\boffer\b", re.IGNORECASE)
_PER_SHARE = r"(?:\s+(?:net\s+)?per\s+(?:share|Share|ADS|unit|Unit))?"
_MONEY = rf"(?:US|U\.S\.\s*)?\$\s*{NUMBER}"
_RANGE = re.compile(
    rf"not\s+(?:greater|more)\s+than\s+(?P<max>{_MONEY}){_PER_SHARE},?\s+(?:nor|and\s+not|or)\s+less\s+than\s+(?P<min>{_MONEY})"
    rf"|not\s+less\s+than\s+(?P<min2>{_MONEY}){_PER_SHARE},?\s+(?:and\s+)?(?:not\s+)?(?:greater|more)\s+than\s+(?P<max2>{_MONEY})"
    rf"|price\s+range\s+of\s+(?P<min3>{_MONEY})\s+to\s+(?P<max3>{_MONEY})"
    rf"|(?:at\s+)?prices?\s+(?:of\s+)?between\s+(?P<min4>{_MONEY})\s+and\s+(?P<max4>{_MONEY})",
    re.I,
)
_LEAD_WORDS = re.compile(r"^(?:(?:its|the|of|our|and|due|The|Its|Our|outstanding|all|Company's|Company’s)\s+)+")


def defined_terms(text: str) -> dict[str, str]:
    """Map each defined term to what it stands for: ``{"Series H Preferred Stock": "10.00% ..."}``."""
    out: dict[str, str] = {}
    # Find the cheap part first ('("Term")'), then read the name just before it.
    for dm in _TERM.finditer(text):
        term = collapse(dm.group("term"))
        if term in out:
            continue
        m = _DEFINITION.search(text[max(0, dm.start() - 160) : dm.end()])
        if not m:
            continue
        full = _LEAD_WORDS.sub("", collapse(m.group("full")))
        if full and full != term and len(full) > len(term) // 2:
            out[term] = full
    return out


def _security(text: str, terms: dict[str, str]) -> str:
    text = _LEAD_WORDS.sub("", collapse(text))
    return terms.get(text, text)


def extract_offer(doc: Document) -> OfferTerms:
    """Read the offer's terms from ``doc``."""
    text = "\n".join(doc.texts)
    terms = defined_terms(text)
    title = None
    doc_date = None
    tm = None
    for tm in _DOC_TITLE.finditer(doc.lines_with("offer to")):
        if tm.group("date"):
            break
    if tm:
        title = collapse(tm.group("title"))
        if tm.group("date"):
            found = find_dates(tm.group("date"))
            doc_date = found[0].date if found else None
    kind: OfferKind | None = None
    kind_text = doc.lines_with("offer to", "exchange offer", "cash")
    if re.search(r"\bOffer\s+to\s+Exchange\b|\bexchange\s+offer\b", kind_text, re.I):
        kind = OfferKind.EXCHANGE
    elif re.search(
        r"\bOffer\s+to\s+Purchase\b|\bin\s+cash\b|\bsolely\s+of\s+cash\b|\bfor\s+cash\b|\bcash\s+tender\s+offer\b",
        kind_text,
        re.I,
    ):
        kind = OfferKind.CASH
    max_shares = None
    sought = None
    um = _UP_TO.search(doc.lines_with("up to"))
    if um:
        value = parse_number(um.group("num"))
        max_shares = int(value) if value is not None else None
        if um.group("sec"):
            sought = _security(um.group("sec"), {})  # as printed: holders know their own class
    else:
        sm = _SOUGHT.search(doc.lines_with("outstanding"))
        if sm:
            sought = _security(re.sub(r"^shares\s+of\s+", "", sm.group("sec")), {})
        else:
            # "obligated to purchase all of the Notes": a defined term names the security.
            dm = _SOUGHT_TERM.search(doc.lines_with("purchase"))
            if dm and dm.group("term") in terms:
                sought = terms[dm.group("term")]
    ratio = None
    rm = _RATIO.search("\n".join(t for t in doc.lines_with("shares").split("\n") if " for " in t))
    if rm:
        t = parse_number(rm.group("t"))
        r = parse_number(rm.group("r"))
        if t is not None and r is not None:
            ratio = ExchangeRatio(t, r, _security(rm.group("rsec"), terms))
    aggregate = None
    am = _AGGREGATE.search(doc.lines_with("aggregate"))
    if am:
        aggregate = parse_money(am.group("amt"))
    price: Decimal | None = None
    if kind != OfferKind.EXCHANGE:
        for _i, sentence in doc.sentences_with("$"):
            if not _OFFER_WORD.search(sentence) or _NOT_TERMS.search(sentence):
                continue
            pm = _PRICE.search(sentence)
            if pm:
                price = parse_money(pm.group("price"))
                break
    price_range = None
    rg = _RANGE.search(doc.lines_with("than", "range", "between"))
    if rg:
        lo = parse_money(rg.group("min") or rg.group("min2") or rg.group("min3") or rg.group("min4") or "")
        hi = parse_money(rg.group("max") or rg.group("max2") or rg.group("max3") or rg.group("max4") or "")
        if lo is not None and hi is not None:
            price_range = PriceRange(lo, hi)
    return OfferTerms(
        kind=kind,
        document_title=title,
        document_date=doc_date,
        securities_sought=sought,
        max_shares=max_shares,
        price=price,
        price_range=price_range,
        exchange_ratio=ratio,
        aggregate_amount=aggregate,
    )
