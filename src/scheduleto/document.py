"""The normalised document: the one representation every reader produces.

Readers (plain or extracted text, HTML, SGML containers) turn their input into a
:class:`Document`: a sequence of :class:`Line` objects. A line is a paragraph or a table row; a
table row keeps its cells apart. Text is normalised (white space collapsed, extraction artefacts
repaired) and every checkbox mark, whatever glyph drew it, is one of two explicit tokens,
:data:`CHECKED` or :data:`UNCHECKED`. Each line keeps the character offsets of the stretch of
source text it came from, so a value can be traced back.

Extractors read only this representation; they never see HTML or SGML.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

from .caseless import lowered_oddly

#: Token standing for a checked box, whatever the source drew (☒, Wingdings ``x``, ``[X]``...).
CHECKED = "\u2612"
#: Token standing for an empty box (☐, Wingdings ``¨``, ``[ ]``, ``\\Box``...).
UNCHECKED = "\u2610"
BOX_TOKENS = frozenset({CHECKED, UNCHECKED})

_WS = re.compile(r"\s+")


_ODD_SPACE = re.compile(r"\s\s|[^\S ]")


def collapse(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    # Most text arrives already collapsed: test for the rare case before rewriting.
    plain = "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text
    if plain and (text.isascii() or _ODD_SPACE.search(text) is None):
        return text.strip()
    return _WS.sub(" ", text).strip()


@dataclass(frozen=True, init=False)
class Line:
    """A paragraph or a table row of the normalised document.

    ``cells`` holds the row's cells (a paragraph has one). A cell may hold ``\\n`` where the
    source broke the line inside it (``<br>``). ``start``/``end`` are offsets into
    :attr:`Document.source`.
    """

    cells: tuple[str, ...]
    start: int = 0
    end: int = 0
    is_row: bool = False

    def __init__(self, cells: tuple[str, ...], start: int = 0, end: int = 0, is_row: bool = False) -> None:
        # Readers make thousands of lines per filing: set the fields straight into the instance
        # dict, not through the frozen class's object.__setattr__ (four times slower).
        fields = self.__dict__
        fields["cells"] = cells
        fields["start"] = start
        fields["end"] = end
        fields["is_row"] = is_row

    @cached_property
    def text(self) -> str:
        """The line's text: non-empty cells joined by one space, white space collapsed."""
        return collapse(" ".join(c for c in self.cells if c))

    @cached_property
    def lines(self) -> list[str]:
        """The line's text split where the source broke lines (cells and ``<br>``)."""
        out: list[str] = []
        for cell in self.cells:
            out.extend(part for part in (collapse(p) for p in cell.split("\n")) if part)
        return out


@dataclass(frozen=True)
class Document:
    """A normalised document (see module docstring)."""

    lines: tuple[Line, ...]
    source: str = ""
    format: str = "text"
    title: str | None = None
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def text(self) -> str:
        """All lines' text, one line per :class:`Line`."""
        return "\n".join(line.text for line in self.lines)

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """Each line's :attr:`Line.text`, computed once."""
        return tuple(line.text for line in self.lines)

    @cached_property
    def texts_lower(self) -> tuple[str, ...]:
        """Each line's text lower-cased, for cheap keyword tests before a pattern runs."""
        return tuple(t.lower() for t in self.texts)

    @cached_property
    def _lower_index(self) -> tuple[str, list[int]]:
        """All lines lower-cased in one string, and where each line starts in it."""
        starts = list(accumulate((len(t) + 1 for t in self.texts_lower), initial=0))
        return "\n".join(self.texts_lower), starts

    def lines_matching(self, keywords: tuple[str, ...]) -> list[int]:
        """Indexes of the lines holding any of ``keywords`` (lower-case), in order.

        A scan of the whole lower-cased text per keyword instead of a test per line.
        """
        key = "lines_matching:" + "\x00".join(keywords)
        cached = self._cache.get(key)
        if isinstance(cached, list):
            return cached
        text, starts = self._lower_index
        find = text.find
        hits: set[int] = set()
        for keyword in keywords:  # str.find is many times faster than a pattern of alternatives
            pos = find(keyword)
            while pos >= 0:
                i = bisect_right(starts, pos) - 1
                hits.add(i)
                pos = find(keyword, starts[i + 1])  # go on from the next line
        found = sorted(hits)
        self._cache[key] = found
        return found

    def lines_matching_caseless(self, keywords: tuple[str, ...]) -> list[int]:
        """:meth:`lines_matching` for the words of a case-insensitive pattern: every line when
        the text holds a letter that pattern would take for an "i" or "s" (see
        :mod:`scheduleto.caseless`) and a word has one."""
        text = self._lower_index[0]
        if lowered_oddly(text) and any("i" in w or "s" in w for w in keywords):
            return list(range(len(self.lines)))
        return self.lines_matching(keywords)

    def lines_with(self, *keywords: str) -> str:
        """The lines holding any of ``keywords`` (lower-case), joined by newlines.

        Extractors run their patterns on this instead of the whole text: a pattern that needs
        "up to" cannot match a line without it.
        """
        key = "lines_with:" + "\x00".join(keywords)
        cached = self._cache.get(key)
        if isinstance(cached, str):
            return cached
        texts = self.texts
        out = "\n".join(texts[i] for i in self.lines_matching(keywords))
        self._cache[key] = out
        return out

    def line_sentences(self, index: int) -> list[str]:
        """The sentences of line ``index``, split once and kept."""
        cache = self._cache.setdefault("line_sentences", {})
        assert isinstance(cache, dict)
        found = cache.get(index)
        if found is None:
            found = cache[index] = split_sentences(self.texts[index])
        result: list[str] = found
        return result

    @cached_property
    def sentence_list(self) -> tuple[tuple[int, str], ...]:
        """``(line_index, sentence)`` for every sentence of every line."""
        return tuple((i, s) for i in range(len(self.lines)) for s in self.line_sentences(i))

    @cached_property
    def sentences_lower(self) -> tuple[str, ...]:
        """Each sentence of :attr:`sentence_list` lower-cased."""
        return tuple(sentence.lower() for _i, sentence in self.sentence_list)

    def sentences_at(self, *keywords: str) -> list[tuple[tuple[int, int], str]]:
        """``((line, k), sentence)`` for the sentences holding any of ``keywords`` (lower-case).

        Only lines holding a keyword are split into sentences, so an extractor that needs a few
        sentences does not pay for splitting the whole document. Positions sort in text order.
        """
        has = _keywords(keywords).search
        out: list[tuple[tuple[int, int], str]] = []
        for i in self.lines_matching(keywords):
            for k, sentence in enumerate(self.line_sentences(i)):
                if has(sentence.lower()):
                    out.append(((i, k), sentence))
        return out

    def sentences_with(self, *keywords: str) -> list[tuple[int, str]]:
        """``(line_index, sentence)`` for the sentences holding any of ``keywords`` (lower-case)."""
        return [(pos[0], sentence) for pos, sentence in self.sentences_at(*keywords)]

    def sentence_after(self, position: tuple[int, int]) -> str | None:
        """The sentence following the one at ``position`` (see :meth:`sentences_at`)."""
        line, k = position
        here = self.line_sentences(line)
        if k + 1 < len(here):
            return here[k + 1]
        for i in range(line + 1, len(self.lines)):
            nxt = self.line_sentences(i)
            if nxt:
                return nxt[0]
        return None

    def sentences(self) -> Iterator[tuple[int, str]]:
        """Yield ``(line_index, sentence)`` for every sentence of every line."""
        return iter(self.sentence_list)

    def find(self, pattern: re.Pattern[str], start: int = 0) -> int | None:
        """Return the index of the first line at or after ``start`` whose text matches."""
        for i in range(start, len(self.lines)):
            if pattern.search(self.texts[i]):
                return i
        return None

    def slice(self, start: int, end: int | None = None) -> Document:
        """A document made of lines ``start:end`` of this one (same source)."""
        return Document(self.lines[start:end], self.source, self.format, self.title)

    def __len__(self) -> int:
        return len(self.lines)


@lru_cache(maxsize=256)
def _keywords(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern finding any of ``keywords`` (a C-speed scan instead of a Python loop)."""
    return re.compile("|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True)))


# Abbreviations after which a period does not end a sentence.
_ABBREVIATIONS = (
    "Inc|Corp|Co|Ltd|Cos|Bros|No|Nos|Nr|Esq|Mr|Mrs|Ms|Dr|Jr|Sr|St|Ave|Blvd|N\\.A|U\\.S|p\\.m|a\\.m|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|approx|L\\.P|L\\.L\\.C|S\\.A|N\\.V|"
    "P\\.O|Ste|Fl|Rd|Pkwy|Inc\\.\\)|e\\.g|i\\.e|etc|U\\.S\\.A|Mass|Calif|Del|Cal|Ltd\\.\\)|plc|"
    "[A-Z]"
)
# Group 1 is the break after the end mark (opening with the mark keeps the scan fast).
_SENTENCE_END = re.compile(r"[.!?]([\"”’)]*\s+)(?=[\"“(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations such as ``Inc.`` and ``p.m.``."""
    if len(text) < 2:
        return [text] if text else []
    parts: list[str] = []
    last = 0
    for m in _SENTENCE_END.finditer(text):
        # A lookbehind cannot be variable width, so check the abbreviation by hand.
        before = text[last : m.start(1)]
        if _ends_with_abbreviation(before):
            continue
        parts.append(text[last : m.end()].strip())
        last = m.end()
    tail = text[last:].strip()
    if tail:
        parts.append(tail)
    return parts


_ABBREV_TAIL = re.compile(rf"(?:^|[\s(,])(?:{_ABBREVIATIONS})\.$|(?:^|[\s(,])(?:[A-Z]\.){{2,4}}$")


def _ends_with_abbreviation(text: str) -> bool:
    # A match is at most ten characters long and ends the text: search only the tail ("^" does
    # not match at a search position, so a cut inside the text cannot fake a start).
    return bool(_ABBREV_TAIL.search(text, max(0, len(text) - 16)))
