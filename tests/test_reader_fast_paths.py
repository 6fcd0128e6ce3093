"""The shortcuts of the document, the text reader, identify() and the SGML reader give what the
plain code gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from scheduleto.caseless import lowered
from scheduleto.containers import sgml
from scheduleto.containers.text import read_text
from scheduleto.document import (
    _ABBREVIATIONS,
    KEPT_SPACE,
    Document,
    Line,
    collapse,
    split_sentences,
)
from scheduleto.extract.identity import _TO_HEADING, _flatten, _has_heading, _head_lower, head_text

_SPACES = [" ", "  ", "\t", "\n", "\r", "\v", "\f", "\x1c", "\x1f", "\x85", "\xa0", "\u2003", "\u2028"]
_WORDS = ["a", "Inc", "U.S", "\u2610", "\xad", "\uf0fe", "Offer", "\u0130", "\u017f", "\u03a3"]


def _plain_collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@given(st.lists(st.sampled_from(_SPACES + _WORDS), max_size=12))
def test_collapse_is_the_pattern_but_for_control_spaces_in_a_plain_line(tokens: list[str]) -> None:
    text = "".join(tokens)
    plain = not any(s in text for s in ("  ", "\n", "\t", "\r"))
    if plain and text.isascii():
        assert collapse(text) == text.strip()  # KEPT_SPACE characters stay (as they always did)
    else:
        assert collapse(text) == _plain_collapse(text)
    assert not any(c in collapse(text) for c in "\n\t\r")


def _plain_lines(line: Line) -> list[str]:
    out: list[str] = []
    for cell in line.cells:
        out.extend(part for part in (collapse(p) for p in cell.split("\n")) if part)
    return out


_LINE_TOKENS = ["Page 2", "<PAGE>", "12", "- 3 -", "\t", "\n", "\n\n", "\r\n", "\f", "\v", "\x1c",
                "Tender Offer", "  ", "\u2610 Check", "<S>", "word", "\u0130", ".", "\\Box"]  # fmt: skip


@given(st.lists(st.sampled_from(_LINE_TOKENS), max_size=30))
def test_text_reader_lines_are_their_cells_read_the_general_way(tokens: list[str]) -> None:
    text = "".join(tokens)
    doc = read_text(text, base_offset=5)
    for line in doc.lines:
        fresh = Line(line.cells, line.start, line.end, line.is_row)
        assert line.text == fresh.text == collapse(" ".join(c for c in line.cells if c))
        assert line.lines == fresh.lines == _plain_lines(fresh)
        assert text[line.start - 5 : line.end - 5].strip()
    assert doc.texts_lower == tuple(t.lower() for t in doc.texts)
    low, starts = doc._lower_index
    assert low == "\n".join(doc.texts_lower)
    assert starts[:-1] == [len("\n".join(doc.texts_lower[:i])) + (i > 0) for i in range(len(doc.lines))]


_SENTENCE_END = re.compile(r"[.!?]([\"”’)]*\s+)(?=[\"“(]?[A-Z0-9])")
_ABBREV_TAIL = re.compile(rf"(?:^|[\s(,])(?:{_ABBREVIATIONS})\.$|(?:^|[\s(,])(?:[A-Z]\.){{2,4}}$")


def _plain_split(text: str) -> list[str]:
    if len(text) < 2:
        return [text] if text else []
    parts, last = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[last : m.start(1)]
        if _ABBREV_TAIL.search(before, max(0, len(before) - 16)):
            continue
        parts.append(text[last : m.end()].strip())
        last = m.end()
    tail = text[last:].strip()
    return [*parts, tail] if tail else parts


_SENTENCE_TOKENS = ["Inc", "Corp", "U.S", "U.S.A", "A", "J.P", "A.B.C.D", "A.B.C.D.E", "approx", "Inc.)",
                    "(Inc", "x,Inc", "the", "Offer", "2023", "p.m", "No", "NO", "INC", "NOTE", "L.L.C", "XInc", "Ltd.)", " ",
                    "  ", "\xa0", "(", ",", ". ", '." ', ".) ", "! ", "? ", ".", ".\u2003", "The", "1",
                    '"Q', "(B", "\u201cC", "x"]  # fmt: skip


@given(st.lists(st.sampled_from(_SENTENCE_TOKENS), max_size=30))
def test_sentences_split_as_the_pattern_splits(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert split_sentences(text) == _plain_split(text)


_HEAD_TOKENS = ["SCHEDULE TO", "Schedule TO is", "\n", " ", "*", "(", "Tender Offer Statement under",
                "Section 14(d)(1)", "Amendment No. 2", "(Final Amendment)", "\u017fchedule", "\u0130",
                "word", "\v", "\u2610", "schedule", "tender"]  # fmt: skip


@given(st.lists(st.lists(st.sampled_from(_HEAD_TOKENS), max_size=6), max_size=12))
def test_head_shortcuts_give_what_the_patterns_give(cells: list[list[str]]) -> None:
    doc = Document(tuple(Line(("".join(c), "x\n" + "".join(c[::-1]))) for c in cells))
    head = head_text(doc)
    low = _head_lower(doc, head)
    assert low == lowered(head)
    assert _has_heading(head, low) == (_TO_HEADING.search(head) is not None)
    if not any(c in head for c in KEPT_SPACE):
        assert _flatten(head) == " ".join(head.split())


def test_tags_are_found_in_any_case_first_spelling_first() -> None:
    text = "x <Document> y <document> z <DOCUMENT> w </TEXT> </text> </Text>"
    assert sgml._find_ci(text, "<DOCUMENT>", 0) == text.index("<document>")
    assert sgml._find_ci(text, "<DOCUMENT>", 0, text.index("<document>")) == text.index("<Document>")
    assert sgml._find_ci(text, "<DOCUMENT>", text.index(" z")) == text.index("<DOCUMENT>")
    assert sgml._rfind_ci(text, "</TEXT>", 0, len(text)) == text.index("</text>")
    assert sgml._rfind_ci(text, "</TEXT>", 0, text.index("</text>")) == text.index("</TEXT>")
    assert sgml._rfind_ci(text, "</TEXT>", 0, text.index("</TEXT>")) == -1
    assert sgml._find_ci(text, "<TEXT>", 0) == -1
