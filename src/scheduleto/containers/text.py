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
from itertools import accumulate

from ..document import KEPT_SPACE, Document, Line, collapse
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


def _physical_lines(text: str) -> tuple[list[str], list[int], str]:
    """The physical lines of ``text`` (without their ends), where each starts, and the lines
    joined by newlines."""
    if "\r" not in text and "\f" not in text:
        bodies = text.split("\n")
        if not bodies[-1]:  # the text ends with a line end (or is empty)
            bodies.pop()
            text = text[:-1]
        starts = list(accumulate([len(b) + 1 for b in bodies], initial=0))
        starts.pop()
        return bodies, starts, text
    bodies, starts = [], []
    for m in _LINE.finditer(text):
        raw = m.group(0)
        if not raw:
            break
        bodies.append(raw.rstrip("\r\n\f"))
        starts.append(m.start())
    return bodies, starts, "\n".join(bodies)


def read_text(text: str, *, base_offset: int = 0, source: str | None = None) -> Document:
    """Build a :class:`Document` from plain or extracted text.

    ``base_offset`` is added to every offset (for a document inside a larger container) and
    ``source`` is the full text the offsets refer to (default: ``text``).
    """
    lines: list[Line] = []
    para: list[str] = []
    para_start = 0
    para_end = 0
    of_parts = Line.of_parts

    bodies, starts, joined = _physical_lines(text)
    # Normalise the whole text in one pass (much faster than line by line); if a repair ever
    # joined two lines, fall back to normalising each line on its own.
    normalized = normalize_fragment(joined).split("\n")
    if len(normalized) != len(bodies):
        normalized = [normalize_fragment(body) for body in bodies]
    # A line's text is its parts joined by a space, unless collapse() left white space in a
    # part that joining would collapse.
    joinable = not any(c in text for c in KEPT_SPACE)

    def flush() -> None:
        nonlocal para
        if para:
            cells = ("\n".join(para),)
            if joinable or len(para) == 1:
                lines.append(of_parts(cells, para, para_start, para_end))
            else:
                lines.append(Line(cells, para_start, para_end))
            para = []

    last = len(bodies) - 1
    for k, fragment in enumerate(normalized):
        body = bodies[k]
        # Page marks and tag-only lines start with "<", "-" or "Page"; page numbers with a digit.
        first = body.lstrip()[:1]
        if first in _MARK_STARTS and (_PAGE_MARK.match(body) or _TAG_ONLY.match(body)):
            flush()
            continue
        if first.isdigit() and _LONE_NUMBER.match(body) and (
            k == last
            or not bodies[k + 1].strip()
            or _PAGE_MARK.match(bodies[k + 1])
            or (k > 0 and _PAGE_MARK.match(bodies[k - 1]))
        ):
            flush()
            continue
        if "<" in fragment:
            fragment = _COLUMN_TAGS.sub(" ", fragment)
        start = base_offset + starts[k]
        if "\t" in fragment and fragment.strip():
            flush()
            cells = tuple([collapse(c) for c in fragment.split("\t")])
            parts = [c for c in cells if c]
            if parts and joinable:
                lines.append(of_parts(cells, parts, start, start + len(body), is_row=True))
            elif parts:
                lines.append(Line(cells, start, start + len(body), is_row=True))
            continue
        stripped = collapse(fragment)
        if not stripped:
            flush()
            continue
        if not para:
            para_start = start
        para.append(stripped)
        para_end = start + len(body)
    flush()
    return Document(tuple(lines), source if source is not None else text, "text")
