"""Signature blocks after the "SIGNATURE(S)" heading.

A block is an optional entity line ("Ault Alliance, Inc.", "ICAHN PARTNERS LP"), then ``By:``,
``Name:``, ``Title:`` lines; the ``Date:``/``Dated:`` line may stand once for all blocks. In
table layouts these fields come as cells; in flattened text all on one line: both are split on
the field labels.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from ..caseless import folds_oddly
from ..dates import parse_date
from ..document import Document, collapse
from ..model import Signature
from .contacts import is_title

_HEADING = re.compile(r"^\s*SIGNATURES?\s*\.?\s*$|^\s*SIGNATURES?\b(?=.*(?:After\s+due\s+inquiry|certify))", re.I)
_END = re.compile(
    r"^(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|Exhibit\s+(?:No\.|Number)|Item\s+\d+|"
    r"SCHEDULE\s+13D|CUSIP\s+No|Annex\b|FOR\s+IMMEDIATE\s+RELEASE)",
    re.I,
)
_LABEL = re.compile(r"\b(By|Name|Title|Its|Date|Dated)\s*:\s*", re.I)
# Every match holds "after", "certify" or "true" (see _may_certify).
_CERTIFY = re.compile(r"After\s+due\s+inquiry|I\s+certify|true,\s+complete\s+and\s+correct", re.I)
_MAX_LINES = 120
_SIGNED = re.compile(r"^/s/\s*|^\s*s/\s*|_{2,}")
_CHAIN = re.compile(r",?\s+its\s+|\b(?:Inc|LLC|L\.P|LP|Corp|Ltd)\.?(?:\s|,|$)")


@dataclass
class _Block:
    entity: str | None = None
    by: str | None = None
    name: str | None = None
    title: list[str] = field(default_factory=list)
    date: str | None = None

    def empty(self) -> bool:
        return not (self.by or self.name)


def _fields(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (label, value) pairs; text before the first label has label ''."""
    out: list[tuple[str, str]] = []
    matches = list(_LABEL.finditer(text)) if ":" in text else []
    if not matches:
        return [("", text)]
    if matches[0].start() > 0:
        out.append(("", text[: matches[0].start()]))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append((m.group(1).lower(), text[m.end() : end]))
    return out


def _clean_person(text: str) -> str | None:
    text = _SIGNED.sub("", collapse(text)).strip(" ,/")
    return text or None


def _is_entity(text: str) -> bool:
    """A short line naming the signing entity, not a sentence or a date."""
    words = text.split()
    if not words or len(text) > 120 or parse_date(text):
        return False
    return not (len(words) > 8 and text.endswith("."))


def _physical(doc: Document, i: int) -> list[str]:
    line = doc.lines[i]
    if line.is_row:
        return [collapse(c.replace("\n", " ")) for c in line.cells if c.strip()]
    return doc.lines[i].lines


def _physical_from(doc: Document, index: int) -> Iterator[str]:
    for i in range(index, len(doc.lines)):
        yield from _physical(doc, i)


def _heading(doc: Document) -> tuple[int, int, re.Match[str]] | None:
    """(line, its physical line, match) of the first heading."""
    # Only a line holding the word can hold the heading (unless a letter folds oddly).
    if folds_oddly(doc.text):
        candidates: Sequence[int] = range(len(doc.lines))
    else:
        candidates = doc.lines_matching(("signature",))
    for i in candidates:
        for k, text in enumerate(_physical(doc, i)):
            head = _HEADING.match(text)
            if head:
                return i, k, head
    return None


def _may_certify(text: str) -> bool:
    lower = text.lower()
    return "after" in lower or "certify" in lower or "true" in lower or folds_oddly(text)


def _is_chain(value: str) -> bool:
    """``By: Icahn Enterprises G.P. Inc., its general partner``: an entity, not a signer."""
    return bool(_CHAIN.search(value)) and "/s/" not in value


def extract_signatures(doc: Document) -> tuple[Signature, ...]:
    """Read the signature blocks of ``doc``."""
    found = _heading(doc)
    if found is None:
        return ()
    index, k, head = found
    following = _physical_from(doc, index)
    first = next(islice(following, k, None))
    texts = [first[head.end() :].strip()] if head.end() < len(first) else []
    for text in islice(following, _MAX_LINES):
        if _END.match(text):
            break
        texts.append(text)
    blocks: list[_Block] = []
    current = _Block()
    shared_date: str | None = None
    pending: str | None = None  # a label printed in its own cell, its value in the next
    for text in texts:
        if _may_certify(text) and _CERTIFY.search(text):
            continue
        for label, value in _fields(text):
            value = collapse(value)
            if label and not value:
                pending = label
                continue
            if not value:
                continue
            if label == "" and pending:
                label, pending = pending, None
            else:
                pending = None
            if label == "" and (value.startswith("/s/") or value.startswith("s/")):
                label = "by"
            if label == "":
                signer = current.name or current.by
                if signer and value.upper() == signer.upper():
                    continue  # the printed name under "/s/ Name"
                if signer and not current.title and is_title(value):
                    current.title.append(value)  # "Chief Executive Officer" under the name
                    continue
                if _is_entity(value):
                    if current.by or current.name:
                        blocks.append(current)
                        current = _Block()
                    if current.entity is None:
                        current.entity = value
                continue
            if label == "by":
                if _is_chain(value) and not current.name:
                    if current.entity is None:
                        current.entity = value
                    continue
                if current.by or current.name:
                    blocks.append(current)
                    current = _Block()
                current.by = _clean_person(value)
            elif label == "name":
                if current.name:
                    blocks.append(current)
                    current = _Block()
                current.name = _clean_person(value)
            elif label in ("title", "its"):
                current.title.append(value)
            elif label in ("date", "dated"):
                if current.empty() and not blocks:
                    shared_date = value
                elif current.empty() and blocks and blocks[-1].date is None:
                    blocks[-1].date = value
                else:
                    current.date = value
    if not current.empty():
        blocks.append(current)
    out: list[Signature] = []
    parsed: dict[str, dt.date | None] = {}  # blocks often share one date line
    for b in blocks:
        date_text = b.date or shared_date
        if date_text and date_text not in parsed:
            parsed[date_text] = parse_date(date_text)
        out.append(
            Signature(
                entity=b.entity,
                name=b.name or b.by,
                title=collapse(" ".join(b.title)) or None,
                date=parsed[date_text] if date_text else None,
            )
        )
    dates = {s.date for s in out if s.date}
    if len(dates) == 1 and any(s.date is None for s in out):
        only = dates.pop()
        out = [Signature(s.entity, s.name, s.title, s.date or only) for s in out]
    return tuple(out)
