"""The offer's terms: cash or exchange, the offer document, what is sought and for what.

Defined terms are resolved: "three shares of Series H Preferred Stock" names the security the
filing defined as ``10.00% Series H Cumulative Redeemable Perpetual Preferred Stock ("Series H
Preferred Stock")``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..caseless import lowered, lowered_as, search_at, search_words
from ..dates import find_dates
from ..document import LINE_JOIN, Document, collapse
from ..model import ExchangeRatio, OfferKind, OfferTerms, PriceRange
from ..numbers import NUMBER, WORD_NUMBER, parse_money, parse_number

# A pattern _X_AT finds (in the lower-cased text for a case-insensitive _X) every place a match
# of _X can start: see caseless.search_at. A tuple _X_AT holds the words every match of _X starts
# with: see caseless.search_words.
_TERM = re.compile(r"\(\s*(?:the\s+)?[\"“](?P<term>[^\"”]{2,60})[\"”]\s*\)")
_TERM_ENDING = re.compile(_TERM.pattern + "$")
# Up to the last character a defined name cannot hold (see _DEFINITION's "full" part): no
# definition starts before it.
_BEFORE_NAME = re.compile(r"(?s).*[^\w.%&'\s-]")
_DEFINITION = re.compile(
    r"(?P<full>(?:\d+(?:\.\d+)?%\s+)?(?:(?:[A-Z0-9][\w.%&'-]*|due|of|and)\s+){0,10}?[A-Z0-9][\w.&'-]*)\s*\(\s*(?:the\s+)?[\"“](?P<term>[^\"”]{2,60})[\"”]\s*\)$"
)
_DEFINITION_AT = re.compile(r"[A-Z\d]|due|of|and")
# What the words of a _DEFINITION name are: at most _NAME_WORDS (a percentage, ten words and a
# last one), each opening with one of _NAME_FIRST or being one of _NAME_LINKS.
_NAME_WORDS = 12
_NAME_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NAME_LINKS = frozenset({"due", "of", "and"})
_DOC_TITLE = re.compile(
    r"(?P<title>\b(?:(?:Amended|Restated|Supplemented|Revised|Second|Third|and)\s+)*Offer\s+to\s+(?:Purchase|Exchange)"
    r"(?:\s+for\s+Cash)?)\b(?:,?\s+dated\s+(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}))?",
)
# Up to the last character that is not a letter or a space: no title starts before it.
_BEFORE_TITLE = re.compile(r"(?s).*[^A-Za-z\s]")
_EXCHANGE_KIND = re.compile(r"\bOffer\s+to\s+Exchange\b|\bexchange\s+offer\b", re.I)
_EXCHANGE_KIND_AT = ("offer", "exchange")
_CASH_KIND = re.compile(
    r"\bOffer\s+to\s+Purchase\b|\bin\s+cash\b|\bsolely\s+of\s+cash\b|\bfor\s+cash\b|\bcash\s+tender\s+offer\b",
    re.I,
)
_CASH_KIND_AT = re.compile(r"offer|in\s+cash|solely|for\s+cash|cash")
_UP_TO = re.compile(
    rf"\b(?:purchase|acquire|exchange|buy)\s+(?:for\s+cash\s+)?up\s+to\s+(?P<num>{NUMBER}(?:\s+million)?)\s+(?:(?:of\s+(?:its|the)\s+)?(?:outstanding\s+|issued\s+and\s+outstanding\s+)?)"
    r"(?:shares|Shares|units|Units)(?:\s+of\s+(?:its\s+|the\s+Company's\s+)?(?P<sec>(?:[\w.%&'-]+\s+){0,6}?(?:Stock|Shares|Units|stock|shares)))?",
)
_UP_TO_AT = ("purchase", "acquire", "exchange", "buy")
_SOUGHT = re.compile(
    r"\b(?:to\s+purchase|to\s+exchange|to\s+acquire|offer\s+for)\s+(?:for\s+cash\s+)?(?:any\s+and\s+)?all\s+(?:of\s+the\s+)?(?:issued\s+and\s+)?outstanding\s+"
    r"(?P<sec>(?:shares\s+of\s+)?(?:[A-Z0-9][\w.%&'-]*\s+){0,6}?(?:Stock|Shares|Units|Notes|stock|shares|ADSs))",
)
_SOUGHT_AT = re.compile(r"to\s+(?:purchase|exchange|acquire)|offer\s+for")
_SOUGHT_TERM = re.compile(
    r"\b(?:re)?purchase\s+(?:any\s+and\s+)?(?:all\s+(?:of\s+)?)?the\s+(?P<term>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\b"
)
_SOUGHT_TERM_AT = ("repurchase", "purchase")
_RATIO = re.compile(
    rf"(?P<t>{NUMBER}|{WORD_NUMBER})\s+(?:shares|Shares)\s+of\s+(?:the\s+Company's\s+)?(?P<tsec>(?:[A-Z0-9][\w.%&'-]*\s+){{0,6}}?(?:Stock|Shares))\s+for\s+(?:each\s+)?"
    rf"(?P<r>{NUMBER}|{WORD_NUMBER})\s+(?:shares?|Shares?)\s+of\s+(?:its\s+|the\s+Company's\s+)?(?P<rsec>(?:[A-Z0-9][\w.%&'-]*\s+){{0,8}}?(?:Stock|Shares|Notes))",
)
# Every exchange ratio holds "for [each] N share(s) of ": a cheap test before _RATIO. What stands
# before that in a ratio holds only word characters, spaces and ".,%&'-": _BEFORE_RATIO finds the
# last other character, before which no ratio starts.
_RATIO_HINT = re.compile(r"for\s+(?:each\s+)?\S+\s+(?:shares?|Shares?)\s+of\s")
_BEFORE_RATIO = re.compile(r"(?s).*[^\w.,%&'\s-]")
_AGGREGATE = re.compile(rf"up\s+to\s+(?P<amt>\$\s*{NUMBER}(?:\s+(?:million|billion))?)\s+(?:in\s+)?aggregate", re.I)
_AGGREGATE_AT = re.compile(r"up\s+to\s+\$")
_PRICE = re.compile(
    rf"(?:at\s+a\s+(?:purchase\s+|cash\s+)?price\s+of|\bat|\bfor)\s+(?P<price>(?:US|U\.S\.\s*)?\$\s*{NUMBER})"
    r"(?:\s+net)?(?:\s+in\s+cash)?,?\s+per\s+(?:share|Share|unit|Unit|Common\s+Share|ADS|American\s+Depositary\s+Share)\b",
)
# Up to the last character that is neither a letter, a period nor a space: a price match that
# reaches the first "$" starts after it.
_BEFORE_PRICE = re.compile(r"(?s).*[^A-Za-z.\s]")
_PRICE_AT = ("at", "for")
# Sentences that report what happened or was proposed, not the offer's terms.
_NOT_TERMS = re.compile(
    r"\b(?:accepted|repurchased|purchased|implied\s+value|proposal|proposed|closing\s+price|last\s+reported|traded)\b",
    re.IGNORECASE,
)
_NOT_TERMS_AT = ("accepted", "repurchased", "purchased", "implied", "propos", "closing", "last", "traded")
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
_RANGE_AT = re.compile(r"not\s|price|at\s+price")
# Every _RANGE match stands in lines holding one of these.
_RANGE_WORDS = ("than", "range", "between")
_LEAD_WORDS = re.compile(r"^(?:(?:its|the|of|our|and|due|The|Its|Our|outstanding|all|Company's|Company’s)\s+)+")


def defined_terms(text: str) -> dict[str, str]:
    """Map each defined term to what it stands for: ``{"Series H Preferred Stock": "10.00% ..."}``."""
    out: dict[str, str] = {}
    # Find the cheap part first ('("Term")'), then read the name just before it.
    for dm in _TERM.finditer(text):
        term = collapse(dm.group("term"))
        if term in out:
            continue
        full = _definition(text, dm, term)
        if full:
            out[term] = full
    return out


def _defined_as(text: str, term: str) -> str | None:
    """``defined_terms(text).get(term)``, reading only the definitions of ``term``."""
    for dm in _TERM.finditer(text):
        if collapse(dm.group("term")) == term:
            full = _definition(text, dm, term)
            if full:
                return full
    return None


def _definition(text: str, dm: re.Match[str], term: str) -> str | None:
    """What the '("Term")' at ``dm`` defines ``term`` as, if it is a definition."""
    window = text[max(0, dm.start() - 160) : dm.end()]
    # The name stands right before the earliest '("...")' that ends the window and holds
    # name characters only: no match starts before the last other character.
    tail = _TERM_ENDING.search(window)
    start = 0
    if tail:
        stop = _BEFORE_NAME.match(window, 0, tail.start())
        start = _name_start(window, stop.end() if stop else 0, tail.start())
    m = search_at(_DEFINITION, window, _DEFINITION_AT, window, start)
    if not m:
        return None
    full = _LEAD_WORDS.sub("", collapse(m.group("full")))
    if full and full != term and len(full) > len(term) // 2:
        return full
    return None


def _name_start(window: str, start: int, end: int) -> int:
    """No _DEFINITION match in ``window`` starts before the returned offset (at or after
    ``start``), given that ``window[start:end]`` holds name characters only and a match starting
    before ``end`` runs up to the "(" at ``end``.

    Such a match covers whole words but its first (it may start inside that one): at most
    :data:`_NAME_WORDS` words, each but the first opening with an upper-case letter or a digit
    or being one of :data:`_NAME_LINKS`. It starts in the last word that is not so, if any.
    """
    part = window[start:end]
    at = len(part)
    for n, word in enumerate(reversed(part.split())):
        at = part.rfind(word, 0, at)
        if n + 1 == _NAME_WORDS or (word[0] not in _NAME_FIRST and word not in _NAME_LINKS):
            return start + at
    return start


def _security(text: str) -> str:
    return _LEAD_WORDS.sub("", collapse(text))


def _offer_price(doc: Document) -> Decimal | None:
    """The price per share a sentence stating the offer's terms gives."""
    texts, lows = doc.texts, doc.texts_lower
    for i in doc.lines_matching(("$",)):
        # Split into sentences only a line that can hold "offer" and "$... per share".
        if "per" not in texts[i] or "offer" not in lows[i]:
            continue
        for sentence in doc.line_sentences(i):
            dollar = sentence.find("$")
            if dollar < 0 or not _OFFER_WORD.search(sentence):
                continue
            if search_words(_NOT_TERMS, sentence, _NOT_TERMS_AT, lowered(sentence)):
                continue
            stop = _BEFORE_PRICE.match(sentence, 0, dollar)
            pm = search_words(_PRICE, sentence, _PRICE_AT, sentence, stop.end() if stop else 0)
            if pm:
                return parse_money(pm.group("price"))
    return None


def _title_match(text: str, pos: int) -> re.Match[str] | None:
    """``_DOC_TITLE.search(text, pos)``, scanning only the words before the first "Offer to
    Purchase/Exchange": a title is that, after words such as "Amended and Restated" at most."""
    offer = text.find("Offer", pos)
    while offer >= 0 and not _DOC_TITLE.match(text, offer):
        offer = text.find("Offer", offer + 1)
    if offer < 0:
        return None
    stop = _BEFORE_TITLE.match(text, pos, offer)
    return _DOC_TITLE.search(text, stop.end() if stop else pos)


def extract_offer(doc: Document) -> OfferTerms:
    """Read the offer's terms from ``doc``."""
    text = doc.text
    title = None
    doc_date = None
    tm = None
    title_text = doc.lines_with("offer to")
    pos = 0
    while (next_tm := _title_match(title_text, pos)) is not None:
        tm = next_tm
        if tm.group("date"):
            break
        pos = tm.end()
    if tm:
        title = collapse(tm.group("title"))
        if tm.group("date"):
            found = find_dates(tm.group("date"))
            doc_date = found[0].date if found else None
    kind: OfferKind | None = None
    texts = doc.texts
    # doc.lines_with("offer to", "exchange offer", "cash"), reusing the scan for "offer to" above
    # and the lines' lower-cased texts.
    kind_index = sorted(
        {*doc.lines_matching(("offer to",)), *doc.lines_matching(("exchange offer",)), *doc.lines_matching(("cash",))}
    )
    kind_text = LINE_JOIN.join([texts[i] for i in kind_index])
    kind_low = lowered_as(kind_text, LINE_JOIN.join([doc.texts_lower[i] for i in kind_index]))
    if (kind_low is None or "exchange" in kind_low) and search_words(
        _EXCHANGE_KIND, kind_text, _EXCHANGE_KIND_AT, kind_low
    ):
        kind = OfferKind.EXCHANGE
    elif search_at(_CASH_KIND, kind_text, _CASH_KIND_AT, kind_low):
        kind = OfferKind.CASH
    max_shares = None
    sought = None
    up_to = doc.lines_with("up to")
    um = search_words(_UP_TO, up_to, _UP_TO_AT, up_to)
    if um:
        value = parse_number(um.group("num"))
        max_shares = int(value) if value is not None else None
        if um.group("sec"):
            sought = _security(um.group("sec"))  # as printed: holders know their own class
    else:
        outstanding = doc.lines_with("outstanding")
        sm = search_at(_SOUGHT, outstanding, _SOUGHT_AT, outstanding)
        if sm:
            sought = _security(re.sub(r"^shares\s+of\s+", "", sm.group("sec")))
        else:
            # "obligated to purchase all of the Notes": a defined term names the security.
            purchase = doc.lines_with("purchase")
            dm = search_words(_SOUGHT_TERM, purchase, _SOUGHT_TERM_AT, purchase)
            if dm:
                sought = _defined_as(text, dm.group("term"))
    ratio = None
    ratio_text = LINE_JOIN.join([texts[i] for i in doc.lines_matching(("shares",)) if " for " in texts[i]])
    rm = None
    hint = _RATIO_HINT.search(ratio_text)
    if hint:
        stop = _BEFORE_RATIO.match(ratio_text, 0, hint.start())
        rm = _RATIO.search(ratio_text, stop.end() if stop else 0)
    if rm:
        t = parse_number(rm.group("t"))
        r = parse_number(rm.group("r"))
        if t is not None and r is not None:
            security = _security(rm.group("rsec"))
            ratio = ExchangeRatio(t, r, _defined_as(text, security) or security)
    aggregate = None
    price: Decimal | None = None
    price_range = None
    if "$" in text:  # every amount below is printed with a dollar sign
        # So the lines a pattern reads hold its amount's "$": unless one of the lines holding "$"
        # has the pattern's word, it cannot match.
        dollar_lines = [doc.texts_lower[i] for i in doc.lines_matching(("$",))]
        am = None
        if any("aggregate" in low for low in dollar_lines):
            aggregate_text = doc.lines_with("aggregate")
            am = search_at(_AGGREGATE, aggregate_text, _AGGREGATE_AT, lowered(aggregate_text))
        if am:
            aggregate = parse_money(am.group("amt"))
        if kind != OfferKind.EXCHANGE:
            price = _offer_price(doc)
        rg = None
        if any(w in low for low in dollar_lines for w in _RANGE_WORDS):
            range_text = doc.lines_with(*_RANGE_WORDS)
            rg = search_at(_RANGE, range_text, _RANGE_AT, lowered(range_text))
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
