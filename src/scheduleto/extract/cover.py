"""The cover page: subject company, filing persons, class, CUSIPs, authorised person, copies.

Each cover value stands above (before) its caption. The cover is read as one stream of physical
lines; a value is the stretch of stream between the previous caption (or heading) and its own
caption. That works the same for table layouts, paragraph layouts and text flattened to one
line. Only the first cover is read: a Schedule 13D cover printed after it is not the TO's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import cusip as cusip_mod
from ..caseless import folds_oddly
from ..document import BOX_TOKENS, Document, collapse
from ..model import Contact, Party
from ..vocab import (
    CAPTIONS,
    COPIES_TO,
    COVER_END,
    FILER_ROLE_CAPTION,
    ORG_SUFFIX,
    PERSON_CONNECTORS,
    ROLE_WORDS,
    compile_table,
)
from .contacts import parse_contacts

_CAPTIONS = compile_table(CAPTIONS)
_HEADING_ANCHORS = re.compile(
    r"Securities\s+Exchange\s+Act\s+of\s+1934(?:\s*,?\s*as\s+amended)?|"
    r"\(\s*(?:Final\s+)?Amendment\s+No\.?[^)]*\)|\(\s*Final\s+Amendment\s*\)|"
    r"\(\s*Rule\s+1[34][de]-\d+[^)]*\)|SCHEDULE\s+TO(?:-[CIT])?\b(?:\s*/\s*13E-?3)?|"
    r"\bSCHEDULE\s+13E-?3\b|(?:AMENDMENT\s+NO\.?\s*\d+(?:\s+TO)?(?:\s*\(\s*FINAL\s+AMENDMENT\s*\))?)|"
    r"^\s*\(?Amendment\s+No\.?\s*\d+\)?\s*$|^\s*\(?\s*Final\s+Amendment\s*\)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# Words one of which every _HEADING_ANCHORS match holds, lower-cased.
_HEADING_WORDS = ("1934", "amendment", "rule", "schedule")
# What a _HEADING_ANCHORS match starts with (lower-cased), but for the two whole-line ones: they
# start at a line start followed by white space and "(" up to one of _HEADING_LINE_WORDS.
_HEADING_STARTS = ("(", "securities", "schedule", "amendment")
_HEADING_LINE_WORDS = ("amendment", "final")
_COPIES = re.compile(COPIES_TO, re.IGNORECASE)
_FILER_ROLE = re.compile(FILER_ROLE_CAPTION, re.IGNORECASE | re.MULTILINE)
_COVER_END = re.compile(COVER_END, re.IGNORECASE)
_ROLE_PAIR = re.compile(
    rf"(?P<name>[^()]+?(?:\([^()]*\)[^()]*?)*?)\s*\((?P<role>[^()]*(?:{ROLE_WORDS})[^()]*)\)",
    re.IGNORECASE,
)
_NA = re.compile(r"^\s*(?:N/?A|None|Not\s+Applicable|-+)\s*\.?$", re.IGNORECASE)
_BODY_START = re.compile(
    r"^(?:This\s+(?:Amendment|Tender\s+Offer\s+Statement|Schedule\s+TO|Final\s+Amendment)|"
    r"Items?\s+1\b|ITEM\s+1\.|INTRODUCTORY\s+STATEMENT)",
    re.IGNORECASE,
)
# The letters _BODY_START can match first (İ and ı fold onto i when case is ignored).
_BODY_START_LETTERS = frozenset("TtIi\u0130\u0131")
_MAX_COVER_LINES = 400


@dataclass(frozen=True)
class CoverFields:
    """What the cover page holds."""

    subject_company: str | None
    filing_persons: tuple[Party, ...]
    securities_class: str | None
    cusips: tuple[str, ...]
    authorized_person: Contact | None
    copies_to: tuple[Contact, ...]
    merged_caption: bool
    warnings: tuple[str, ...]


def cover_end(doc: Document) -> int:
    """Index of the first line after the cover page (the body's first line)."""
    texts = doc.texts
    for i in range(4, min(len(texts), _MAX_COVER_LINES)):
        text = texts[i]
        if text[:1] in _BODY_START_LETTERS and _BODY_START.match(text):
            return i
    return min(len(doc.lines), _MAX_COVER_LINES)


def cover_stream(doc: Document) -> str:
    """The cover's physical lines joined by newlines (cells, ``<br>`` and ``|`` kept apart)."""
    out: list[str] = []
    # identify() (head_text) has read the first lines' Line.lines already: they are at hand.
    for line in doc.lines[: cover_end(doc)]:
        out.extend(line.lines)
    text = "\n".join(out)
    # In text renderings of tables "|" separates cells; in HTML it is a printed character.
    return text.replace("|", "\n") if doc.format == "text" else text


def _headings_end(segment: str, low: str | None) -> int:
    """Where the last _HEADING_ANCHORS match in ``segment`` ends (0: none), as ``finditer``
    finds them; trying the pattern only where a match can start when ``low`` is the segment
    lower-cased (None: it is not a guide, see caseless.lowered)."""
    if low is None:
        return max((a.end() for a in _HEADING_ANCHORS.finditer(segment)), default=0)
    starts: set[int] = set()
    for word in _HEADING_STARTS:
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    for word in _HEADING_LINE_WORDS:
        at = low.find(word)
        while at >= 0:
            k = at
            while k > 0 and (low[k - 1] == "(" or low[k - 1].isspace()):
                k -= 1
            starts.update(p for p in range(k, at + 1) if p == 0 or low[p - 1] == "\n")
            at = low.find(word, at + 1)
    end = 0
    free = 0  # matches do not overlap
    for at in sorted(starts):
        if at >= free:
            a = _HEADING_ANCHORS.match(segment, at)
            if a:
                end = free = a.end()
    return end


_RULE = re.compile(r"^[-_=*•·]{3,}\s*|\s*[-_=*]{3,}$")
# The characters a _RULE match starts or ends the line with.
_RULE_FIRST = "-_=*•·"
_RULE_LAST = "-_=*"
_PUNCTUATION_ONLY = re.compile(r"[-_=*.•·\s]+")


# White space other than a space or a line break.
_ODD_SPACE = re.compile(r"[^\S \n]")


def _clean_value(text: str) -> list[str]:
    for token in BOX_TOKENS:
        if token in text:
            text = text.replace(token, "")
    # Lines whose only white space is single spaces need no more than stripping (see collapse).
    plain = "  " not in text and (text.isascii() or _ODD_SPACE.search(text) is None)
    plain = plain and "\t" not in text and "\r" not in text
    lines = []
    for raw in text.split("\n"):
        line = raw.strip() if plain else collapse(raw)
        if line[:1] in _RULE_FIRST or line[-1:] in _RULE_LAST:
            line = _RULE.sub("", line)
        line = line.strip(" ;:")
        if line and not _PUNCTUATION_ONLY.fullmatch(line):
            lines.append(line)
    return lines


_CONNECTOR = re.compile(PERSON_CONNECTORS, re.IGNORECASE)
# Words one of which every _CONNECTOR match holds, lower-cased (no letter of them folds oddly).
_CONNECTOR_WORDS = ("of", "and", "&")
_SUFFIX_WORD = re.compile(rf"^{ORG_SUFFIX},?$")
# ", " or ";" after an organisation suffix ends one name: "FUND, LP, MACKENZIE FUND 2, LP".
_AFTER_SUFFIX = re.compile(rf"(?<=[\s,])((?i:{ORG_SUFFIX}))\s*[,;]\s+(?=[A-Z])(?!(?i:{ORG_SUFFIX})(?:[\s,;]|$))")
_SEMICOLON = re.compile(r"\s*;\s*(?:and\s+)?")
_AND_AFTER_SUFFIX = re.compile(rf"(\b(?i:{ORG_SUFFIX}))\s+(?:and|AND|&)\s+(?=[A-Z])")
_EDGE_AND = re.compile(r"^(?:and|&)\s+|\s+(?:and|&)$", re.IGNORECASE)
_AND_ONLY = re.compile(r"(?:and|&)", re.IGNORECASE)
_NOT_A_ROLE = re.compile(r"identifying|status|other\s+person\b.*issuer", re.IGNORECASE)
_ROLE_SINGULAR = {"offerors": "Offeror", "bidders": "Bidder", "purchasers": "Purchaser",
                  "issuers": "Issuer", "filing persons": "Filing Person"}  # fmt: skip


def _split_names(chunk: str) -> list[str]:
    """Cut a run of filing persons printed without roles into names."""
    parts: list[str] = []
    # Each pattern runs only on text holding the characters it needs.
    marked = _SEMICOLON.sub("\u0001", chunk) if ";" in chunk else chunk
    if "and" in marked or "AND" in marked or "&" in marked:
        marked = _AND_AFTER_SUFFIX.sub(lambda m: m.group(1) + "\u0001", marked)
    for piece in marked.split("\u0001"):
        lower = piece.lower()
        subs = _CONNECTOR.split(piece) if any(w in lower for w in _CONNECTOR_WORDS) else [piece]
        for sub in subs:
            if "," in sub or ";" in sub:
                sub = _AFTER_SUFFIX.sub(lambda m: m.group(1) + "\u0000", sub)
            for name in sub.split("\u0000"):
                parts.extend(_split_on_suffix(name))
    out = []
    for name in parts:
        name = name.strip(" ,;")
        lower = name.lower()
        if "and" in lower or "&" in lower:
            name = _EDGE_AND.sub("", name)
        name = name.strip(" ,;")
        if name and name.lower() not in {"and", "&"}:
            out.append(name)
    return out


def _split_on_suffix(text: str) -> list[str]:
    """"Robertson Acquisition Corporation Cendant Corporation" -> two names."""
    tokens = text.split()
    is_suffix = [_SUFFIX_WORD.match(tok) is not None for tok in tokens]
    suffixes_after = sum(is_suffix)  # suffix words after the current token
    out: list[str] = []
    current: list[str] = []
    for i, tok in enumerate(tokens):
        current.append(tok)
        suffixes_after -= is_suffix[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt
            and is_suffix[i]
            and not is_suffix[i + 1]
            and nxt[0].isupper()
            and nxt.lower() not in {"of", "and"}
            and suffixes_after > 0
            and len(current) > 1
        ):
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def _balance(lines: list[str]) -> list[str]:
    """Join lines while a parenthesis is open, and lone words broken off a name."""
    out: list[str] = []
    for line in lines:
        if out and (out[-1].count("(") > out[-1].count(")") or (
            " " not in out[-1] and not out[-1].endswith((",", ")")) and line[:1].isupper()
            and not _CONNECTOR.fullmatch(out[-1])
        )):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _parties(lines: list[str], caption_role: str | None) -> list[Party]:
    chunks: list[str] = []
    for line in _balance(lines):
        if _CONNECTOR.fullmatch(line.strip()) or _AND_ONLY.fullmatch(line.strip()):
            chunks.append("")  # a connector line separates persons
            continue
        if (chunks and chunks[-1] and line.startswith("(") and _ROLE_PAIR.fullmatch("x " + line)) or (chunks and chunks[-1] and (line[0].islower() and not _CONNECTOR.match(line))):
            chunks[-1] += " " + line
        else:
            chunks.append(line)
    out: list[Party] = []
    for chunk in (c for c in chunks if c):
        # Tried at every position (and slow there), the pattern needs "(".
        pairs = list(_ROLE_PAIR.finditer(chunk)) if "(" in chunk else []
        if pairs:
            for m in pairs:
                for name in _split_names(m.group("name")):
                    out.append(Party(collapse(name), collapse(m.group("role"))))
            continue
        for name in _split_names(chunk):
            out.append(Party(name, caption_role))
    return out


def _caption_role(text: str | None) -> str | None:
    """"(Names of Filing Persons - Offerors)" -> "Offeror"; the generic wording gives None."""
    if not text:
        return None
    role = text.strip(" ()—–-")
    if not role or _NOT_A_ROLE.search(role):
        return None
    role = collapse(role)
    return _ROLE_SINGULAR.get(role.lower(), role)


def extract_cover(doc: Document) -> CoverFields:
    """Read the cover page fields of ``doc`` (see module docstring)."""
    stream = cover_stream(doc)
    warnings: list[str] = []
    found: dict[str, re.Match[str]] = {}
    for key in ("subject_and_filer", "subject", "class", "cusip", "authorized"):
        m = _CAPTIONS[key].search(stream)
        if m:
            found[key] = m
    if "subject_and_filer" in found and "subject" in found:
        if found["subject"].start() == found["subject_and_filer"].start():
            del found["subject"]
        else:
            del found["subject_and_filer"]
    filer_matches = list(_CAPTIONS["filers"].finditer(stream))
    if not filer_matches and "subject_and_filer" not in found:
        filer_matches = list(_FILER_ROLE.finditer(stream))
    if filer_matches:
        found["filers"] = filer_matches[0]
    anchors = sorted(list(found.values()) + filer_matches[1:], key=lambda m: m.start())

    def value_before(m: re.Match[str] | None) -> list[str] | None:
        if m is None:
            return None
        start = max((a.end() for a in anchors if a.end() <= m.start()), default=0)
        segment = stream[start : m.start()]
        low = None if folds_oddly(segment) else segment.lower()
        if low is None or any(w in low for w in _HEADING_WORDS):
            segment = segment[_headings_end(segment, low) :]
        return _clean_value(segment)

    merged = "subject_and_filer" in found
    subject_lines = value_before(found.get("subject_and_filer" if merged else "subject"))
    subject = collapse(" ".join(subject_lines)) if subject_lines else None
    persons: list[Party] = []
    if merged and subject:
        m = found["subject_and_filer"]
        role = m.group("role") or m.group("role2")
        persons = [Party(subject, _caption_role(role))]
    else:
        for fm in filer_matches:
            filer_lines = value_before(fm)
            role = fm.groupdict().get("frole")
            if filer_lines:
                persons.extend(_parties(filer_lines, _caption_role(role)))
    class_lines = value_before(found.get("class"))
    cusip_lines = value_before(found.get("cusip"))
    if class_lines and not cusip_lines:
        # Class and CUSIP side by side in two columns interleave their lines.
        moved = [line for line in class_lines if cusip_mod.CUSIP_PATTERN.fullmatch(line)]
        if moved:
            class_lines = [line for line in class_lines if line not in moved]
            cusip_lines = moved
    securities_class = collapse(" ".join(class_lines)) if class_lines else None
    cusips: list[str] = []
    if cusip_lines:
        joined = " ".join(cusip_lines)
        if not _NA.match(joined):
            cusips = cusip_mod.find_cusips(joined)
        for c in cusips:
            if len(c) != 9:
                warnings.append(f"CUSIP {c} has {len(c)} characters, not 9 (kept as printed)")
            elif not cusip_mod.is_valid(c):
                warnings.append(f"CUSIP {c} fails its check digit")
    authorized: Contact | None = None
    auth_lines = value_before(found.get("authorized"))
    copies: list[Contact] = []
    if auth_lines:
        # "Copy to:" printed above the caption, with the authorised person first.
        for i, line in enumerate(auth_lines):
            cm = _COPIES.match(line)
            if cm and i > 0:
                copies = parse_contacts([line[cm.end() :], *auth_lines[i + 1 :]])
                auth_lines = auth_lines[:i]
                break
        contacts = parse_contacts(auth_lines)
        authorized = contacts[0] if contacts else None
    if "authorized" in found and not copies:
        tail = stream[found["authorized"].end() :]
        cm = _COPIES.match(tail.lstrip())
        if cm:
            tail = tail.lstrip()[cm.end() :]
            end = _COVER_END.search(tail)
            block = tail[: end.start()] if end else tail[:2000]
            copies = parse_contacts(_clean_value(block))
    for key, label in (("subject", "subject company"), ("class", "class of securities"),
                       ("cusip", "CUSIP")):  # fmt: skip
        if key not in found and not (key == "subject" and merged):
            warnings.append(f"cover caption for the {label} not found")
    return CoverFields(
        subject_company=subject,
        filing_persons=tuple(persons),
        securities_class=securities_class,
        cusips=tuple(cusips),
        authorized_person=authorized,
        copies_to=tuple(copies),
        merged_caption=merged,
        warnings=tuple(warnings),
    )
