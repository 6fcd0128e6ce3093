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
from ..document import BOX_TOKENS, Document, collapse
from ..model import Contact, Party
from ..vocab import CAPTIONS, COPIES_TO, COVER_END, ROLE_WORDS, compile_table
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
_COPIES = re.compile(COPIES_TO, re.IGNORECASE)
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
    for i, text in enumerate(doc.texts[:_MAX_COVER_LINES]):
        if i > 3 and _BODY_START.match(text):
            return i
    return min(len(doc.lines), _MAX_COVER_LINES)


def cover_stream(doc: Document) -> str:
    """The cover's physical lines joined by newlines (cells and ``<br>`` kept apart)."""
    out: list[str] = []
    for line in doc.lines[: cover_end(doc)]:
        out.extend(line.lines)
    return "\n".join(out)


def _clean_value(text: str) -> list[str]:
    lines = []
    for raw in text.split("\n"):
        line = collapse("".join(ch for ch in raw if ch not in BOX_TOKENS))
        line = line.strip(" ,;:")
        if line and not re.fullmatch(r"[-_=*.\s]+", line):
            lines.append(line)
    return lines


def _parties(lines: list[str]) -> list[Party]:
    chunks: list[str] = []
    for line in lines:
        if (chunks and (line[0].islower() or (line.startswith("(") and not chunks[-1].endswith(")")))) or (chunks and line.startswith("(") and _ROLE_PAIR.fullmatch("x " + line)):
            chunks[-1] += " " + line
        else:
            chunks.append(line)
    out: list[Party] = []
    for chunk in chunks:
        pairs = list(_ROLE_PAIR.finditer(chunk))
        if pairs:
            for m in pairs:
                name = re.sub(r"^(?:and|&|,)\s+", "", m.group("name").strip(" ,;"), flags=re.I)
                if name:
                    out.append(Party(collapse(name), collapse(m.group("role"))))
            continue
        for name in re.split(r"\s*;\s*", chunk):
            name = re.sub(r"^(?:and|&)\s+", "", name.strip(" ,"), flags=re.I)
            if name and name.lower() not in {"and", "&"}:
                out.append(Party(name, None))
    return out


def extract_cover(doc: Document) -> CoverFields:
    """Read the cover page fields of ``doc`` (see module docstring)."""
    stream = cover_stream(doc)
    warnings: list[str] = []
    found: dict[str, re.Match[str]] = {}
    pos = 0
    order = ("subject_and_filer", "subject", "filers", "class", "cusip", "authorized")
    for key in order:
        if key == "subject" and "subject_and_filer" in found:
            continue
        m = _CAPTIONS[key].search(stream, pos)
        if m:
            found[key] = m
            pos = m.end()
    if "subject" in found and "subject_and_filer" not in found:
        # "(Name of Subject Company (Issuer))" can also match the merged caption's head.
        merged_match = _CAPTIONS["subject_and_filer"].search(stream)
        if merged_match and merged_match.start() == found["subject"].start():
            found["subject_and_filer"] = merged_match
            del found["subject"]

    def value_before(key: str) -> list[str] | None:
        m = found.get(key)
        if m is None:
            return None
        start = 0
        for other in found.values():
            if other.end() <= m.start():
                start = max(start, other.end())
        segment = stream[start : m.start()]
        anchors = [a.end() for a in _HEADING_ANCHORS.finditer(segment)]
        if anchors:
            segment = segment[max(anchors) :]
        return _clean_value(segment)

    merged = "subject_and_filer" in found
    subject_lines = value_before("subject_and_filer" if merged else "subject")
    subject = collapse(" ".join(subject_lines)) if subject_lines else None
    persons: list[Party] = []
    if merged and subject:
        role_match = found["subject_and_filer"].group("role")
        persons = [Party(subject, collapse(role_match) if role_match else None)]
    else:
        filer_lines = value_before("filers")
        if filer_lines:
            persons = _parties(filer_lines)
    class_lines = value_before("class")
    securities_class = collapse(" ".join(class_lines)) if class_lines else None
    cusips: list[str] = []
    cusip_lines = value_before("cusip")
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
    auth_lines = value_before("authorized")
    if auth_lines:
        contacts = parse_contacts(auth_lines)
        authorized = contacts[0] if contacts else None
    copies: list[Contact] = []
    if "authorized" in found:
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
