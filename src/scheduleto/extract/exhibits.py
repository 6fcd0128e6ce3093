"""The Item 12 exhibit index.

Rows are lines (or table rows) that start with an exhibit code: ``(a)(1)(A)``, ``(a)(5)(D)*``,
``99.(A)(5)(C)``, ``107``, ``(d)(2)``. The index may be printed twice (under Item 12 and as an
"EXHIBIT INDEX"): it is one list, one entry per code, in the order first printed. A row is
*filed herewith* when it carries a ``*`` footnote mark that the filing explains as "Filed
herewith" (or says so in the row); it is *incorporated by reference* when the row says
"incorporated ... by reference (to|from) X" or "Previously filed".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from ..caseless import fold_lower
from ..document import Document, collapse
from ..model import Exhibit

_CODE = re.compile(
    r"^\s*(?P<code>(?:Exhibit\s+)?(?:(?:EX-)?99\.?\s*)?(?:\(\s*[a-hA-H]\s*\)(?:\s*\(\s*[0-9lIivxA-Za-z]{1,5}\s*\)){0,3}"
    r"|\(\s*[a-h]\s*\)|107|\d{1,3}(?:\.\d{1,2})?(?=\s|\*|$)))"
    r"(?P<marks>\s*[*†‡+#]+)?(?P<rest>.*)$"
)
_INDEX_HEADING = re.compile(
    r"^(?:Item\s+12\.?|ITEM\s+12\b|EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS|Exhibits?\s*$)", re.I
)
# Every heading holds one of these, lower-cased (document text has its white space collapsed).
_HEADING_WORDS = ("item 12", "exhibit")
_INDEX_END = re.compile(r"^(?:Item\s+13\b|SIGNATURES?\b|After\s+due\s+inquiry)", re.I)
_INCORPORATED = re.compile(
    r"\(?\s*(?:(?:which\s+(?:was|is)\s+)?(?:previously\s+filed\s+(?:as\s+[^;()]*?\s+)?(?:with|to|as|on)\s+)?"
    r"incorporated\s+(?:herein\s+)?by\s+reference\s+(?:to|from|herein\s+to)\s+(?P<ref>(?:[^()]|\([^()]*\))+?)"
    r"|(?P<prev>previously\s+filed(?:\s+(?:with|as|on)\s+(?:[^()]|\([^()]*\))+?)?))\s*(?:\)|$|\.\s*$)",
    re.IGNORECASE,
)
# _INCORPORATED matches start with an optional "(", white space and one of these words.
_INCORPORATED_WORDS = ("which", "previously", "incorporated")
_HEREWITH = re.compile(
    r"\bfiled\s+herewith\b|\bfurnished\s+herewith\b|\bincluded\s+herewith\b", re.I
)
_MARKS = ("*", "†", "‡", "#")
_FOOTNOTE = re.compile(r"^\s*(?P<marks>[*†‡#]+)\s*(?P<text>[A-Za-z(].+)$")
_MARKS_ONLY = re.compile(r"[*†‡#]+")
_PREVIOUSLY = re.compile(
    r"previously\s+filed|filed\s+previously|incorporated\s+(?:herein\s+)?by\s+reference", re.I
)
_NO_EXHIBIT = re.compile(
    r"^(?:Not\s+applicable|None|N/?A|Exhibits?|Filing\s+Fee\s+Exhibits?|Description)\.?$", re.I
)
_ADDING = re.compile(
    r"\badding\s+(?:the\s+following|thereto)|\bfollowing\s+exhibits?\s+(?:are|is)\s+(?:filed|added)",
    re.I,
)
_CODE_FIXES = (
    (re.compile(r"\(l\)"), "(1)"),
    (re.compile(r"\s+"), ""),
)
_EXHIBIT_PREFIX = re.compile(r"^Exhibit\s+", re.I)
# A footnote mark ending a description: "Press Release ...*".
_TRAILING_MARKS = "*†‡"
_WORD = re.compile(r"[A-Za-z]{3}")
_NUMBERED = re.compile(r"\d{1,3}(?:\.\d+)?")
# Numbered exhibit codes that are Schedule TO exhibits (99.1, 10.2...), not page numbers.
_NUMBERED_EXHIBIT = re.compile(r"^(?:99|10|2|4|5|8|23|24|25)")


@dataclass(frozen=True)
class ExhibitResult:
    """The exhibit index and anything odd seen while reading it."""

    exhibits: tuple[Exhibit, ...]
    warnings: tuple[str, ...]


@lru_cache(maxsize=1024)
def normalize_code(code: str) -> str:
    """``(a)(l)(A)`` -> ``(a)(1)(A)``; white space removed; ``Exhibit`` prefix dropped."""
    code = _EXHIBIT_PREFIX.sub("", code.strip())
    for pattern, repl in _CODE_FIXES:
        code = pattern.sub(repl, code)
    return code


def _entries(doc: Document, i: int) -> list[tuple[str, str]]:
    """Line ``i`` as (first cell, text) entries: a table row, or each physical text line (its
    own first cell). The rest of the row is ``text[len(first) + 1 :]``.

    A paragraph is taken apart into its physical lines, so "Item 12. Exhibits." followed by
    rows without a blank line (or with ``<br>`` between them) is read like separate lines.
    """
    line = doc.lines[i]
    if line.is_row:
        # A row's text is its non-blank cells, white space collapsed, joined by spaces.
        text = doc.texts[i]
        if text:
            for cell in line.cells:
                first = collapse(cell) if cell else ""
                if first:
                    return [(first, text)]
        return []
    return [(t, t) for t in doc.lines[i].lines]


def _index_rows(
    doc: Document, heading_lines: list[int]
) -> tuple[list[tuple[re.Match[str], str, str]], bool]:
    """The rows of every exhibit index that start with a code: (``_CODE`` match, rest of the
    row, normalised code); and whether the document looks cut short inside an index.

    Cut short means: the text ends inside an index whose codes are only the first ones of an
    index printed before it (the second printing stopped early). A complete filing that simply
    ends with its exhibit index gives no warning.
    """
    out: list[tuple[re.Match[str], str, str]] = []
    sections: list[list[str]] = []
    in_index = False
    headings = set(heading_lines)
    i = heading_lines[0] if heading_lines else len(doc.lines)
    while i < len(doc.lines):
        heading_line = i in headings
        for first, text in _entries(doc, i):
            if heading_line and _INDEX_HEADING.match(text):
                in_index = True
                sections.append([])
                continue
            if in_index and _INDEX_END.match(text):
                in_index = False
                continue
            if not in_index:
                continue
            m = _CODE.match(first)
            if m:
                code = normalize_code(m.group("code"))
                out.append((m, text[len(first) + 1 :], code))
                if sections:
                    sections[-1].append(code)
        i += 1
        if not in_index:  # outside an index, only a heading matters: go to the next one
            k = bisect_left(heading_lines, i)
            i = heading_lines[k] if k < len(heading_lines) else len(doc.lines)
    cut_short = False
    if in_index and len(sections) >= 2 and sections[-1]:
        last = sections[-1]
        earlier = next((sec for sec in reversed(sections[:-1]) if len(sec) > len(last)), None)
        cut_short = earlier is not None and earlier[: len(last)] == last
    return out, cut_short


def _adds_exhibits(doc: Document, heading_lines: list[int]) -> bool:
    """An amendment whose Item 12 says it adds the exhibits listed (so they are filed with it)."""
    for i in heading_lines:
        if _INDEX_HEADING.match(doc.texts[i]):
            window = " ".join(doc.texts[i : i + 3])
            low = fold_lower(window)
            if ("adding" in low or "following" in low) and _ADDING.search(window):
                return True
    return False


def _footnotes(doc: Document) -> dict[str, str]:
    """The footnote legend: ``{"*": "Filed herewith.", "**": "Previously filed ..."}``."""
    notes: dict[str, str] = {}
    for i in doc.lines_matching(_MARKS):  # (no letter in a mark: no case to fold)
        line = doc.lines[i]
        if line.is_row:
            cells = [c.strip() for c in line.cells if c.strip()]
            texts = [" ".join(cells)] if cells and _MARKS_ONLY.fullmatch(cells[0]) else cells
        else:
            texts = line.lines
        for text in texts:
            m = _FOOTNOTE.match(text)
            if m and len(m.group("text")) < 250:
                notes.setdefault(m.group("marks"), m.group("text"))
    return notes


def _incorporated(description: str) -> re.Match[str] | None:
    """``_INCORPORATED.search(description)``, from where a match can first start."""
    low = fold_lower(description)
    found = [p for p in (low.find(w) for w in _INCORPORATED_WORDS) if p >= 0]
    if not found:
        return None
    start = len(description[: min(found)].rstrip())
    if start and description[start - 1] == "(":
        start -= 1
    return _INCORPORATED.search(description, start)


def extract_exhibits(doc: Document) -> ExhibitResult:
    """Read the exhibit index of ``doc``."""
    notes = _footnotes(doc)
    herewith_marks = {mark for mark, text in notes.items() if _HEREWITH.search(text)}
    previous_marks = {mark: text for mark, text in notes.items() if _PREVIOUSLY.search(text)}
    heading_lines = doc.lines_matching_caseless(_HEADING_WORDS)
    adding = _adds_exhibits(doc, heading_lines)
    by_code: dict[str, Exhibit] = {}
    warnings: list[str] = []
    rows, ends_inside = _index_rows(doc, heading_lines)
    if ends_inside:
        warnings.append("the document ends inside the exhibit index: it may be cut short")
    for m, rest, code in rows:
        if code in by_code:  # the index printed again: its first printing stands
            continue
        marks = (m.group("marks") or "").strip()
        description = collapse((m.group("rest") + " " + rest).strip())
        # A trailing footnote mark on the description: "Press Release ...*".
        if description.endswith(tuple(_TRAILING_MARKS)):
            without = description.rstrip(_TRAILING_MARKS)
            marks = marks or description[len(without) :]
            description = without.rstrip()
        if not description or not _WORD.search(description) or _NO_EXHIBIT.match(description):
            continue
        description = description.rstrip(" .")
        if _NUMBERED.fullmatch(code) and code != "107" and not _NUMBERED_EXHIBIT.match(code):
            continue
        incorporated: str | None = None
        im = _incorporated(description)
        if im:
            incorporated = collapse(im.group("ref") or im.group("prev") or "").rstrip(".") or None
            if im.group("prev") and incorporated:
                incorporated = incorporated[0].upper() + incorporated[1:]
            # The description's white space is collapsed already but where the two parts meet.
            before, after = description[: im.start()].rstrip(), description[im.end() :].lstrip()
            description = f"{before} {after}".strip(" .;,")
        if marks in previous_marks and incorporated is None:
            incorporated = previous_marks[marks].rstrip(".")
        says_herewith = "herewith" in fold_lower(description)
        if marks and marks in notes:
            herewith = marks in herewith_marks  # the filing's own legend decides
        else:
            herewith = bool(
                (marks and not notes and marks == "*")
                or (says_herewith and _HEREWITH.search(description))
                # Unmarked rows where the only legend says which rows were filed before.
                or (not marks and incorporated is None and previous_marks and not herewith_marks)
                or (adding and not marks and incorporated is None and not notes)
            )
        if herewith:
            if says_herewith:
                description = collapse(_HEREWITH.sub("", description))
            description = description.strip(" .;,()")
        by_code[code] = Exhibit(code, description, herewith, incorporated)
    return ExhibitResult(tuple(by_code.values()), tuple(warnings))
