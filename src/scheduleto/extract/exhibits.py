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
from dataclasses import dataclass

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
_INDEX_END = re.compile(r"^(?:Item\s+13\b|SIGNATURES?\b|After\s+due\s+inquiry)", re.I)
_INCORPORATED = re.compile(
    r"\(?\s*(?:(?:which\s+(?:was|is)\s+)?(?:previously\s+filed\s+(?:as\s+[^;()]*?\s+)?(?:with|to|as|on)\s+)?"
    r"incorporated\s+(?:herein\s+)?by\s+reference\s+(?:to|from|herein\s+to)\s+(?P<ref>(?:[^()]|\([^()]*\))+?)"
    r"|(?P<prev>previously\s+filed(?:\s+(?:with|as|on)\s+(?:[^()]|\([^()]*\))+?)?))\s*(?:\)|$|\.\s*$)",
    re.IGNORECASE,
)
_HEREWITH = re.compile(
    r"\bfiled\s+herewith\b|\bfurnished\s+herewith\b|\bincluded\s+herewith\b", re.I
)
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


@dataclass(frozen=True)
class ExhibitResult:
    """The exhibit index and anything odd seen while reading it."""

    exhibits: tuple[Exhibit, ...]
    warnings: tuple[str, ...]


def normalize_code(code: str) -> str:
    """``(a)(l)(A)`` -> ``(a)(1)(A)``; white space removed; ``Exhibit`` prefix dropped."""
    code = re.sub(r"^Exhibit\s+", "", code.strip(), flags=re.I)
    for pattern, repl in _CODE_FIXES:
        code = pattern.sub(repl, code)
    return code


def _entries(doc: Document) -> list[tuple[str, str]]:
    """The document as (first cell, rest) entries: a table row, or one physical text line.

    A paragraph is taken apart into its physical lines, so "Item 12. Exhibits." followed by
    rows without a blank line (or with ``<br>`` between them) is read like separate lines.
    """
    out: list[tuple[str, str]] = []
    for line in doc.lines:
        if line.is_row:
            cells = [c for c in (collapse(c.replace("\n", " ")) for c in line.cells) if c]
            if cells:
                out.append((cells[0], " ".join(cells[1:])))
        else:
            out.extend((t, "") for t in line.lines)
    return out


def _index_rows(doc: Document) -> tuple[list[tuple[str, str]], bool]:
    """The rows of every exhibit index, and whether the document looks cut short inside one.

    Cut short means: the text ends inside an index whose codes are only the first ones of an
    index printed before it (the second printing stopped early). A complete filing that simply
    ends with its exhibit index gives no warning.
    """
    out: list[tuple[str, str]] = []
    sections: list[list[str]] = []
    in_index = False
    for first, rest in _entries(doc):
        text = f"{first} {rest}".strip() if rest else first
        if _INDEX_HEADING.match(text):
            in_index = True
            sections.append([])
            continue
        if in_index and _INDEX_END.match(text):
            in_index = False
            continue
        if not in_index:
            continue
        out.append((first, rest))
        m = _CODE.match(first)
        if m and sections:
            sections[-1].append(normalize_code(m.group("code")))
    cut_short = False
    if in_index and len(sections) >= 2 and sections[-1]:
        last = sections[-1]
        earlier = next((sec for sec in reversed(sections[:-1]) if len(sec) > len(last)), None)
        cut_short = earlier is not None and earlier[: len(last)] == last
    return out, cut_short


def _adds_exhibits(doc: Document) -> bool:
    """An amendment whose Item 12 says it adds the exhibits listed (so they are filed with it)."""
    for i, text in enumerate(doc.texts):
        if _INDEX_HEADING.match(text):
            window = " ".join(doc.texts[i : i + 3])
            if _ADDING.search(window):
                return True
    return False


def _footnotes(doc: Document) -> dict[str, str]:
    """The footnote legend: ``{"*": "Filed herewith.", "**": "Previously filed ..."}``."""
    notes: dict[str, str] = {}
    for line in doc.lines:
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


def extract_exhibits(doc: Document) -> ExhibitResult:
    """Read the exhibit index of ``doc``."""
    notes = _footnotes(doc)
    herewith_marks = {mark for mark, text in notes.items() if _HEREWITH.search(text)}
    previous_marks = {mark: text for mark, text in notes.items() if _PREVIOUSLY.search(text)}
    adding = _adds_exhibits(doc)
    by_code: dict[str, Exhibit] = {}
    warnings: list[str] = []
    rows, ends_inside = _index_rows(doc)
    if ends_inside:
        warnings.append("the document ends inside the exhibit index: it may be cut short")
    for first, rest in rows:
        m = _CODE.match(first)
        if not m:
            continue
        code = normalize_code(m.group("code"))
        marks = (m.group("marks") or "").strip()
        description = collapse((m.group("rest") + " " + rest).strip())
        # A trailing footnote mark on the description: "Press Release ...*".
        tail = re.search(r"\s*([*†‡]+)\s*$", description)
        if tail:
            marks = marks or tail.group(1)
            description = description[: tail.start()].rstrip()
        if (
            not description
            or not re.search(r"[A-Za-z]{3}", description)
            or _NO_EXHIBIT.match(description)
        ):
            continue
        description = description.rstrip(" .")
        if (
            re.fullmatch(r"\d{1,3}(?:\.\d+)?", code)
            and code != "107"
            and not re.match(r"^(?:99|10|2|4|5|8|23|24|25)", code)
        ):
            continue
        incorporated: str | None = None
        im = _INCORPORATED.search(description)
        if im:
            incorporated = collapse(im.group("ref") or im.group("prev") or "").rstrip(".") or None
            if im.group("prev") and incorporated:
                incorporated = incorporated[0].upper() + incorporated[1:]
            description = collapse(description[: im.start()] + " " + description[im.end() :]).strip(
                " .;,"
            )
        if marks in previous_marks and incorporated is None:
            incorporated = previous_marks[marks].rstrip(".")
        if marks and marks in notes:
            herewith = marks in herewith_marks  # the filing's own legend decides
        else:
            herewith = bool(
                (marks and not notes and marks == "*")
                or _HEREWITH.search(description)
                # Unmarked rows where the only legend says which rows were filed before.
                or (not marks and incorporated is None and previous_marks and not herewith_marks)
                or (adding and not marks and incorporated is None and not notes)
            )
        if herewith:
            description = collapse(_HEREWITH.sub("", description)).strip(" .;,()")
        exhibit = Exhibit(code, description, herewith, incorporated)
        if code in by_code:
            continue
        by_code[code] = exhibit
    return ExhibitResult(tuple(by_code.values()), tuple(warnings))
