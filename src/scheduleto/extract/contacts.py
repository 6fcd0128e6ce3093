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
    words = [w.lower().strip(",") for w in text.split()]
    return (
        bool(words)
        and words[0] not in {"and", "of", "the", "&", "for"}
        and all(w in TITLE_WORDS or w == "&" for w in words)
    )


def _split_head(text: str, expect_name: bool = False) -> list[tuple[str, str]]:
    """Cut the part before an address into (kind, text) parts: name, title, org."""
    parts: list[tuple[str, str]] = []
    text = text.strip(_TRAILING_PUNCT)
    if not text:
        return parts
    esq = list(_ESQ_NAME.finditer(text))
    if esq:
        pos = 0
        for m in esq:
            pre = re.sub(r"^(?:and|&)$", "", text[pos : m.start()].strip(_TRAILING_PUNCT), flags=re.I)
            if pre:
                parts.extend(_split_head(pre))
            parts.append(("name", collapse(m.group(0)).rstrip(",")))
            pos = m.end()
        rest = re.sub(r"^(?:and|&)\s+", "", text[pos:].strip(_TRAILING_PUNCT), flags=re.I)
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
    return bool(re.search(r"\d|,", text)) or text.strip(" .").lower() in COUNTRIES


def _looks_like_person(text: str) -> bool:
    """A person's name: two to five capitalised words, no '&', no company words."""
    return bool(_PERSON.match(text)) and "&" not in text and not _ORG_END.search(text)


def _split_line(line: str, expect_name: bool = False) -> list[tuple[str, str]]:
    """Cut one physical line into typed parts."""
    parts: list[tuple[str, str]] = []
    phones = list(_PHONE.finditer(line))
    phone_text = None
    if phones:
        # A fax number after a "Fax" label is not the phone.
        for m in phones:
            if not _FAX_LABEL.search(line[: m.start()]):
                phone_text = m.group(0)
                break
        cut = phones[0].start()
        label = _PHONE_LABEL.search(line[:cut])
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
    phones = list(_PHONE.finditer(line))
    if phones:
        head = line[: phones[0].start()]
        label = _PHONE_LABEL.search(head)
        head = head[: label.start()] if label else head
        if _FAX_LABEL.search(line[: phones[0].start()]):
            return [("address", head.strip(_TRAILING_PUNCT))] if head.strip(_TRAILING_PUNCT) else []
        out = _classify(head.strip(_TRAILING_PUNCT), seen_address) if head.strip(_TRAILING_PUNCT) else []
        return [*out, ("phone", phones[0].group(0))]
    if line.lower() in {"and", "&"}:
        return []
    co = re.match(r"(?i:c/o)\s+(.*)$", line)
    if co:
        rest = co.group(1).strip()
        return [("org", rest)] if _ORG_END.search(rest) and not re.search(r"\d", rest) else [("address", line)]
    if _ADDRESS_START.match(line) and not _ESQ_NAME.search(line):
        return [("address", line)]
    if _ESQ_NAME.search(line):
        return _split_head(line)
    if _is_title(line):
        return [("title", line)]
    if seen_address and _continues_address(line):
        return [("address", line)]
    if _looks_like_person(line):
        return [("name", line)]
    has_digit = bool(re.search(r"\d", line))
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
        for line in lines:
            seen = any(k == "address" for k, _ in parts) and not any(k == "phone" for k, _ in parts[-1:])
            parts.extend(_classify(line, seen))
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
