"""Person blocks of the cover: the authorised person and counsel copied.

A block arrives as physical lines (cells and ``<br>`` kept apart where the source had them,
or everything on one line in flattened text). Each line is cut into typed parts (name, title,
organisation, address, phone); parts are then grouped into people: names that come before a
shared organisation/address/phone all get it ("Kenneth A. Schlesinger, Esq. Spencer G. Feldman,
Esq. Olshan Frome Wolosky LLP ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..caseless import folds_oddly, may_hold
from ..document import collapse
from ..model import Contact
from ..vocab import COUNTRIES, ORG_SUFFIX, PHONE, TITLE_WORDS

_PHONE = re.compile(PHONE)
_PHONE_LABEL = re.compile(r"\b(?:Tel(?:ephone)?|Phone|Telecopy|Fax|Facsimile)\s*(?:No\.?)?\s*:?\s*$", re.I)
_FAX_LABEL = re.compile(r"\b(?:Fax|Facsimile|Telecopy|Telecopier)\b\s*(?:No\.?)?\s*:?\s*$", re.I)
_ADDRESS_START = re.compile(
    r"(?:(?<=\s)|^)(?:\d+[A-Za-z]?(?:-\d+)?\s+(?=[A-Z0-9])(?!(?:Inc|LLC|LLP)\b)|P\.?\s?O\.?\s+Box\b"
    r"|(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Fifteen|Twenty)\s+[A-Z]\w+\s+(?:[A-Z]\w+\s+)?(?:Street|Avenue|Plaza|Center|Centre|Place|Square|Drive|Way|Park|Road|Lane|Boulevard)\b"
    r"|(?i:c/o)\b|Suite\s+\d)"
)
_ORG_END = re.compile(rf"(?:^|\s|,)(?:{ORG_SUFFIX})(?=\s|$|,)")
_ESQ_NAME = re.compile(
    r"((?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][\w'’-]*\.?(?:\s+[A-Z]\.)*(?:\s+(?:de|van|von|der|di|la|le)\b)?\s+[A-Z][\w'’-]*(?:,?\s+(?:Jr|Sr|II|III)\.?)?),?\s+Esq(?:uire|s)?\.?(?=\s|$|,)",
    re.IGNORECASE,
)
_CITY_STATE = re.compile(r"\b[A-Z][a-zA-Z. ]+,\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+\d{5}(?:-\d{4})?\b")
_TRAILING_PUNCT = " ,;"
# "Brooks Lindberg Partners Group ..., LLC": a first name, initials, a last name.
_LEADING_PERSON = re.compile(r"^(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][a-zA-Z'’-]+(?:\s+[A-Z]\.)*\s+[A-Z][a-zA-Z'’-]+\b(?!,?\s+(?:Inc|LLC|Ltd|Corp)\b)")
_DIGIT = re.compile(r"\d")
# _PHONE is slow to search. Every match starts with one of _PHONE_START and holds a "+" or
# _PHONE_DIGITS (its last seven digits); both are fast scans.
_PHONE_START = re.compile(r"[+(\d]")
_PHONE_DIGITS = re.compile(r"\d{3}[\s.-]\d{4}")
# Words one of which every _PHONE_LABEL or _FAX_LABEL match holds, lower-cased.
_LABEL_WORDS = ("tel", "phone", "fax", "facs")
_DIGIT_OR_COMMA = re.compile(r"\d|,")
_LONE_AND = re.compile(r"^(?:and|&)$", re.I)
_LEADING_AND = re.compile(r"^(?:and|&)\s+", re.I)
_CARE_OF = re.compile(r"(?i:c/o)\s+(.*)$")


def _esq_name(text: str) -> re.Match[str] | None:
    return _ESQ_NAME.search(text) if may_hold(text.lower(), "esq") else None


def _esq_names(text: str) -> list[re.Match[str]]:
    """``list(_ESQ_NAME.finditer(text))``, without searching past the last "Esq"."""
    if folds_oddly(text):
        return list(_ESQ_NAME.finditer(text))
    lower = text.lower()
    found: list[re.Match[str]] = []
    pos = 0
    while lower.find("esq", pos) >= 0:
        m = _ESQ_NAME.search(text, pos)
        if m is None:
            break
        found.append(m)
        pos = m.end()
    return found


def _phone_start(text: str) -> int:
    """Where a _PHONE match may start first in ``text``, or -1 when none can match."""
    if "+" not in text and _PHONE_DIGITS.search(text) is None:
        return -1
    first = _PHONE_START.search(text)
    return first.start() if first else -1


def _phone(text: str) -> re.Match[str] | None:
    """The first phone number in ``text``."""
    start = _phone_start(text)
    return _PHONE.search(text, start) if start >= 0 else None


def _phones(text: str) -> list[re.Match[str]]:
    """``list(_PHONE.finditer(text))``."""
    start = _phone_start(text)
    return list(_PHONE.finditer(text, start)) if start >= 0 else []


def _may_label(text: str) -> bool:
    """False when ``text`` holds no _PHONE_LABEL or _FAX_LABEL."""
    lower = text.lower()
    return any(w in lower for w in _LABEL_WORDS) or folds_oddly(text)


@dataclass
class _Person:
    names: list[str] = field(default_factory=list)
    titles: list[str | None] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    org: list[str] = field(default_factory=list)
    address: list[str] = field(default_factory=list)
    phone: str | None = None

    def has_tail(self) -> bool:
        return bool(self.address or self.phone)


def is_title(text: str) -> bool:
    """True when every word of ``text`` is a job-title word ("Senior Vice President")."""
    return _is_title(text)


def _is_title(text: str) -> bool:
    words = text.split()
    if not words or words[0].lower().strip(",") in {"and", "of", "the", "&", "for"}:
        return False
    for word in words:
        w = word.lower().strip(",")
        if w not in TITLE_WORDS and w != "&":
            return False
    return True


def _split_head(text: str, expect_name: bool = False) -> list[tuple[str, str]]:
    """Cut the part before an address into (kind, text) parts: name, title, org."""
    parts: list[tuple[str, str]] = []
    text = text.strip(_TRAILING_PUNCT)
    if not text:
        return parts
    esq = _esq_names(text)
    if esq:
        pos = 0
        for m in esq:
            pre = _LONE_AND.sub("", text[pos : m.start()].strip(_TRAILING_PUNCT))
            if pre:
                parts.extend(_split_head(pre))
            parts.append(("name", collapse(m.group(0)).rstrip(",")))
            pos = m.end()
        rest = _LEADING_AND.sub("", text[pos:].strip(_TRAILING_PUNCT))
        if rest and rest.lower() not in {"and", "&"}:
            parts.extend(_split_head(rest))
        return parts
    if _is_title(text):
        return [("title", text)]
    if _ORG_END.search(text) and _ORG_END.search(text.split()[-1] if text.split() else ""):
        # "Henry Nisser President & General Counsel Ault Alliance, Inc."
        tokens = text.split()
        name: list[str] = []
        i = 0
        while i < len(tokens) and tokens[i].lower().strip(",") not in TITLE_WORDS and len(name) < 4:
            name.append(tokens[i])
            i += 1
        title: list[str] = []
        if i < len(tokens) and tokens[i].lower().strip(",") not in {"and", "&", "of", "the"}:
            while i < len(tokens) and (tokens[i].lower().strip(",") in TITLE_WORDS):
                title.append(tokens[i])
                i += 1
        org = tokens[i:]
        if title and name and org:
            parts.append(("name", " ".join(name).rstrip(",")))
            parts.append(("title", " ".join(title).rstrip(",")))
            parts.append(("org", " ".join(org)))
            return parts
        lead = _LEADING_PERSON.match(text) if expect_name else None
        if lead and _ORG_END.search(text[lead.end() :]):
            return [("name", lead.group(0).strip()), ("org", text[lead.end() :].strip(" ,"))]
        return [("org", text)]
    lead = _LEADING_PERSON.match(text) if expect_name else None
    if lead and _ORG_END.search(text[lead.end() :]):
        # "Beat Kraehenmann Roche Holding Ltd Grenzacherstrasse": a name, then the rest.
        return [("name", lead.group(0).strip()), ("org", text[lead.end() :].strip(" ,"))]
    # "Henry Nisser, President" or "Henry Nisser"
    if "," in text:
        head, _, tail = text.partition(",")
        if _is_title(tail):
            return [("name", head.strip()), ("title", tail.strip())]
    tokens = text.split()
    for i in range(1, len(tokens)):
        if _is_title(" ".join(tokens[i:])) and tokens[i][0].isupper():
            return [("name", " ".join(tokens[:i]).rstrip(",")), ("title", " ".join(tokens[i:]))]
    return [("name" if _looks_like_person(text) else "org", text)]


_PERSON = re.compile(
    r"^(?!(?:The|A|An|One|Two|Three)\s)(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|la|le|di)){1,4}"
    r"(?:,?\s+(?:Jr|Sr|II|III|IV)\.?)?$"
)


def _continues_address(text: str) -> bool:
    """A line after an address that belongs to it: a city/postcode line or a country."""
    if "Esq" in text or _ORG_END.search(text):
        return False
    return bool(_DIGIT_OR_COMMA.search(text)) or text.strip(" .").lower() in COUNTRIES


def _looks_like_person(text: str) -> bool:
    """A person's name: two to five capitalised words, no '&', no company words."""
    return bool(_PERSON.match(text)) and "&" not in text and not _ORG_END.search(text)


def _split_line(line: str, expect_name: bool = False) -> list[tuple[str, str]]:
    """Cut one physical line into typed parts."""
    parts: list[tuple[str, str]] = []
    phones = _phones(line)
    phone_text = None
    if phones:
        labelled = _may_label(line)
        # A fax number after a "Fax" label is not the phone.
        for m in phones:
            if not (labelled and _FAX_LABEL.search(line[: m.start()])):
                phone_text = m.group(0)
                break
        cut = phones[0].start()
        label = _PHONE_LABEL.search(line[:cut]) if labelled else None
        line = line[: label.start() if label else cut]
    line = line.strip(_TRAILING_PUNCT)
    address = None
    am = _ADDRESS_START.search(line)
    if am:
        address = line[am.start() :].strip(_TRAILING_PUNCT)
        line = line[: am.start()]
    elif _CITY_STATE.search(line) and not _ORG_END.search(line):
        address, line = line.strip(_TRAILING_PUNCT), ""
    parts.extend(_split_head(line, expect_name))
    if address:
        parts.append(("address", address))
    if phone_text:
        parts.append(("phone", phone_text))
    return parts


def _classify(line: str, seen_address: bool) -> list[tuple[str, str]]:
    """Type one line of a block printed a part per line (the usual layout)."""
    phone = _phone(line)
    if phone:
        head = line[: phone.start()]
        labelled = _may_label(head)
        label = _PHONE_LABEL.search(head) if labelled else None
        fax = _FAX_LABEL.search(head) if labelled else None
        head = (head[: label.start()] if label else head).strip(_TRAILING_PUNCT)
        if fax:
            return [("address", head)] if head else []
        out = _classify(head, seen_address) if head else []
        return [*out, ("phone", phone.group(0))]
    if line.lower() in {"and", "&"}:
        return []
    co = _CARE_OF.match(line)
    if co:
        rest = co.group(1).strip()
        return [("org", rest)] if _ORG_END.search(rest) and not _DIGIT.search(rest) else [("address", line)]
    esq = _esq_name(line)
    if esq is None and _ADDRESS_START.match(line):
        return [("address", line)]
    if esq:
        return _split_head(line)
    if _is_title(line):
        return [("title", line)]
    if seen_address and _continues_address(line):
        return [("address", line)]
    if _looks_like_person(line):
        return [("name", line)]
    has_digit = bool(_DIGIT.search(line))
    if (_ORG_END.search(line) or "&" in line) and not has_digit:
        return [("org", line)]
    if has_digit or _CITY_STATE.search(line) or line.strip(" .").lower() in COUNTRIES:
        return [("address", line)]
    if "," in line:
        head, _, tail = line.partition(",")
        if _is_title(tail) and _looks_like_person(head.strip()):
            return [("name", head.strip()), ("title", tail.strip())]
    return [("address" if seen_address else "org", line)]


def parse_contacts(lines: list[str]) -> list[Contact]:
    """Parse a person block (physical lines) into contacts, one per named person."""
    lines = [collapse(x) for x in lines if x.strip()]
    if len(lines) > 3 and sum(" " not in x for x in lines) >= 0.4 * len(lines):
        # A rendering that broke the block into one or two words a line: read it as one line.
        lines = [" ".join(lines)]
    if len(lines) == 1:
        parts = _split_line(lines[0], expect_name=True)
    else:
        parts = []
        seen_address = False
        for line in lines:
            seen = seen_address and not (parts and parts[-1][0] == "phone")
            found = _classify(line, seen)
            seen_address = seen_address or any(k == "address" for k, _ in found)
            parts.extend(found)
    people: list[_Person] = []
    current = _Person()
    last_kind = ""
    for kind, text in parts:
        if not text:
            continue
        if kind in ("name", "org") and current.address and not current.phone and _continues_address(text):
            kind = "address"  # "United Kingdom", "Brentford, Middlesex TW8 9GS"
        if kind in ("org", "title") and last_kind == "title":
            # A title broken over two lines: "Chief Legal Officer &" / "Secretary ...".
            if current.titles and current.titles[-1] and current.titles[-1].endswith(("&", " and", ",")):
                current.titles[-1] += " " + text
                continue
            if current.title and current.title[-1].endswith(("&", " and", ",")):
                current.title[-1] += " " + text
                continue
        if kind == "name":
            if current.has_tail() or (current.org and current.names):
                people.append(current)
                current = _Person()
            current.names.append(text)
            current.titles.append(None)
        elif kind == "title":
            if current.titles and current.titles[-1] is None:
                current.titles[-1] = text
            else:
                current.title.append(text)
        elif kind == "org":
            if current.has_tail():
                people.append(current)
                current = _Person()
            current.org.append(text)
        elif kind == "address":
            current.address.append(text)
        elif kind == "phone" and current.phone is None:
            current.phone = text
        last_kind = kind
    if current.names or current.org or current.has_tail():
        people.append(current)
    out: list[Contact] = []
    for p in people:
        org = " ".join(p.org) or None
        address = collapse(" ".join(p.address)) or None
        shared_title = ", ".join(p.title) or None
        if not p.names:
            out.append(Contact(None, shared_title, org, address, p.phone))
        for name, title in zip(p.names, p.titles, strict=True):
            out.append(Contact(name, title or shared_title, org, address, p.phone))
    return out
