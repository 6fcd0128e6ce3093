"""Plain and extracted text to the normalised document.

Rules:
- a physical line holding a tab is a table row: its tab-separated parts become cells;
- other lines are grouped into paragraphs at blank lines, each paragraph one :class:`Line`
  whose single cell keeps the physical lines apart with ``\\n``;
- ``<PAGE>`` markers and form feeds end a paragraph and are dropped;
- every line goes through :func:`scheduleto.normalize.normalize_fragment`.
"""

from __future__ import annotations

import re

from ..document import Document, Line, collapse
from ..normalize import normalize_fragment

# A form feed ends a line too (a page break inside a line must not glue two words).
_LINE = re.compile(r"[^\r\n\f]*(?:\r\n|\r|\n|\f|$)")
_PAGE_MARK = re.compile(r"^\s*(?:<PAGE>\s*\d*|</?PRE>|-\s*\d+\s*-|Page\s+\d+(?:\s+of\s+\d+)?)\s*$", re.I)
_MARK_STARTS = frozenset("<-pP")
# A lone number is a page number when a page break or a blank line follows it.
_LONE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_TAG_ONLY = re.compile(
    r"^\s*(?:</?(?:PAGE|PRE|TEXT|DOCUMENT|HTML|BODY|TYPE|SEQUENCE|FILENAME|DESCRIPTION|TABLE|CAPTION|FN)\b[^>]*>\s*)+$"
    r"|^\s*(?:<[SC]>\s*)+$",
    re.I,
)
# SGML markup that may open a line of text: "<S>", "<C>", "<PAGE>", "<CAPTION>", "<FN>".
_COLUMN_TAGS = re.compile(r"</?(?:[SC]|PAGE|CAPTION|FN|TABLE)>", re.I)


def read_text(text: str, *, base_offset: int = 0, source: str | None = None) -> Document:
    """Build a :class:`Document` from plain or extracted text.

    ``base_offset`` is added to every offset (for a document inside a larger container) and
    ``source`` is the full text the offsets refer to (default: ``text``).
    """
    lines: list[Line] = []
    para: list[str] = []
    para_start = 0
    para_end = 0

    def flush() -> None:
        nonlocal para
        if para:
            lines.append(Line(("\n".join(para),), para_start, para_end))
            para = []

    spans: list[tuple[int, int, str]] = []
    pos = 0
    for m in _LINE.finditer(text):
        raw = m.group(0)
        if not raw:
            break
        body = raw.rstrip("\r\n\f")
        spans.append((base_offset + pos, base_offset + pos + len(body), body))
        pos += len(raw)
    # Normalise the whole text in one pass (much faster than line by line); if a repair ever
    # joined two lines, fall back to normalising each line on its own.
    normalized = normalize_fragment("\n".join(body for _s, _e, body in spans)).split("\n")
    if len(normalized) != len(spans):
        normalized = [normalize_fragment(body) for _s, _e, body in spans]
    for k, ((start, end, body), fragment) in enumerate(zip(spans, normalized, strict=True)):
        # Page marks and tag-only lines start with "<", "-" or "Page"; page numbers with a digit.
        first = body.lstrip()[:1]
        if first in _MARK_STARTS and (_PAGE_MARK.match(body) or _TAG_ONLY.match(body)):
            flush()
            continue
        if first.isdigit() and _LONE_NUMBER.match(body) and (
            k + 1 == len(spans)
            or not spans[k + 1][2].strip()
            or _PAGE_MARK.match(spans[k + 1][2])
            or (k > 0 and _PAGE_MARK.match(spans[k - 1][2]))
        ):
            flush()
            continue
        if "<" in fragment:
            fragment = _COLUMN_TAGS.sub(" ", fragment)
        if "\t" in fragment and fragment.strip():
            flush()
            cells = tuple(collapse(c) for c in fragment.split("\t"))
            if any(cells):
                lines.append(Line(cells, start, end, is_row=True))
            continue
        stripped = collapse(fragment)
        if not stripped:
            flush()
            continue
        if not para:
            para_start = start
        para.append(stripped)
        para_end = end
    flush()
    return Document(tuple(lines), source if source is not None else text, "text")
