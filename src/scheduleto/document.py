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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any, Generic, TypeVar, overload

from .caseless import lowered_oddly

#: Token standing for a checked box, whatever the source drew (☒, Wingdings ``x``, ``[X]``...).
CHECKED = "\u2612"
#: Token standing for an empty box (☐, Wingdings ``¨``, ``[ ]``, ``\\Box``...).
UNCHECKED = "\u2610"
BOX_TOKENS = frozenset({CHECKED, UNCHECKED})
#: What joins the separate lines an extractor reads as one text (:meth:`Document.lines_with`): not
#: white space and not a word character, so no pattern's ``\s`` or ``\w`` reads two lines as one
#: sentence, and it has no case (:func:`scheduleto.caseless.lowered_as`).
LINE_JOIN = "\x00"

_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
#: The white space :func:`collapse` can leave in its result (ASCII control characters in a
#: line that needs no other change); it makes every other run of white space one space.
KEPT_SPACE = "\v\f\x1c\x1d\x1e\x1f"


def collapse(text: str) -> str:
    """Collapse runs of white space to one space and strip the ends."""
    # Most text arrives already collapsed: test for the rare case before rewriting.
    # isprintable() is False for every white space character but the plain space.
    if ("  " not in text and "\n" not in text and "\t" not in text and "\r" not in text) and (
        text.isascii() or text.isprintable() or _ODD_SPACE.search(text) is None
    ):
        return text.strip()
    # str.split() and re's \s agree on white space: this is re.sub(r"\s+", " ", text).strip().
    return " ".join(text.split())


_T = TypeVar("_T")


class _Lazy(Generic[_T]):
    """:func:`functools.cached_property` without its lock (Python 3.11 takes one on every first
    access, and a document has thousands of lines). The value goes into the instance dict, which
    attribute look-ups read before this descriptor."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _Lazy[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | _Lazy[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


def _text_of(cells: tuple[str, ...]) -> str:
    if len(cells) == 1:
        return collapse(cells[0])
    return collapse(" ".join([c for c in cells if c]))


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
        fields["text"] = _text_of(cells)  # every line's text gets read (Document.texts)

    @classmethod
    def of_parts(
        cls, cells: tuple[str, ...], parts: list[str], start: int, end: int, is_row: bool = False
    ) -> Line:
        """A line whose :attr:`lines` the reader already has: ``parts`` must be what
        :attr:`lines` would give, and ``" ".join(parts)`` what :attr:`text` would give."""
        line = cls.__new__(cls)
        line.__dict__.update(
            cells=cells, start=start, end=end, is_row=is_row, text=" ".join(parts), lines=parts
        )
        return line

    @_Lazy
    def text(self) -> str:
        """The line's text: non-empty cells joined by one space, white space collapsed."""
        return _text_of(self.cells)

    @_Lazy
    def lines(self) -> list[str]:
        """The line's text split where the source broke lines (cells and ``<br>``)."""
        cells = self.cells
        if len(cells) == 1 and "\n" not in cells[0]:
            text = self.text  # the cell collapsed
            return [text] if text else []
        out: list[str] = []
        for cell in cells:
            if "\n" in cell:
                out.extend([part for part in map(collapse, cell.split("\n")) if part])
            elif cell:
                part = collapse(cell)
                if part:
                    out.append(part)
        return out


@dataclass(frozen=True)
class Document:
    """A normalised document (see module docstring)."""

    lines: tuple[Line, ...]
    source: str = ""
    format: str = "text"
    title: str | None = None
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @_Lazy
    def text(self) -> str:
        """All lines' text, one line per :class:`Line`."""
        return "\n".join(self.texts)

    @_Lazy
    def texts(self) -> tuple[str, ...]:
        """Each line's :attr:`Line.text`, computed once."""
        return tuple([line.text for line in self.lines])

    @_Lazy
    def texts_lower(self) -> tuple[str, ...]:
        """Each line's text lower-cased, for cheap keyword tests before a pattern runs."""
        if not self.lines:
            return ()
        # A line's text holds no newline, and lower-casing ends every context (final sigma)
        # at one: the lines of the lower-cased text are the lower-cased lines.
        return tuple(self._lower_index[0].split("\n"))

    @_Lazy
    def _lower_index(self) -> tuple[str, list[int]]:
        """All lines lower-cased in one string, and where each line starts in it."""
        text = self.text
        low = text.lower()
        # Lower-casing keeps every length but where a letter becomes two ("İ").
        lines = self.texts if len(low) == len(text) else low.split("\n")
        return low, list(accumulate([len(t) + 1 for t in lines], initial=0))

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
        """The lines holding any of ``keywords`` (lower-case), joined by :data:`LINE_JOIN`.

        Extractors run their patterns on this instead of the whole text: a pattern that needs
        "up to" cannot match a line without it.
        """
        key = "lines_with:" + "\x00".join(keywords)
        cached = self._cache.get(key)
        if isinstance(cached, str):
            return cached
        texts = self.texts
        out = LINE_JOIN.join(texts[i] for i in self.lines_matching(keywords))
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

    @_Lazy
    def sentence_list(self) -> tuple[tuple[int, str], ...]:
        """``(line_index, sentence)`` for every sentence of every line."""
        return tuple((i, s) for i in range(len(self.lines)) for s in self.line_sentences(i))

    @_Lazy
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
    "INC|CORP|CO|LTD|COS|BROS|NO|NOS|"  # all-capital headings and names ("AMENDMENT NO. 1")
    "[A-Z]"
)
# Group 1 is the break after the end mark (opening with the mark keeps the scan fast).
_SENTENCE_END = re.compile(r"[.!?]([\"”’)]*\s+)(?=[\"“(]?[A-Z0-9])")
_PERIOD_END = re.compile(r"\.([\"”’)]*\s+)(?=[\"“(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations such as ``Inc.`` and ``p.m.``."""
    if len(text) < 2:
        return [text] if text else []
    parts: list[str] = []
    last = 0
    for m in _sentence_ends(text):
        # A lookbehind cannot be variable width, so check the abbreviation by hand.
        mark = m.start(1)
        if text[mark - 1] == "." and _ends_with_abbreviation(text, last, mark):
            continue
        parts.append(text[last : m.end()].strip())
        last = m.end()
    tail = text[last:].strip()
    if tail:
        parts.append(tail)
    return parts


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """``_SENTENCE_END.finditer(text)``, by a pattern opening with a literal (a faster scan) when
    the only end mark in ``text`` is the period."""
    if "!" in text or "?" in text:
        return _SENTENCE_END.finditer(text)
    return _PERIOD_END.finditer(text)


def _unescape(pattern: str) -> str:
    return re.sub(r"\\(.)", r"\1", pattern)


_ABBREVIATION_WORDS = frozenset(_unescape(a) for a in _ABBREVIATIONS.split("|") if a != "[A-Z]")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]")


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, which ends with a period, ends with an abbreviation: the word
    before the period (after the last white space, "(" or ",") is one of ``_ABBREVIATIONS`` or
    initials ("U.S.", "J.P.")."""
    # Such a word is at most seven characters long: the eight before the period tell.
    chunk = text[max(start, end - 9) : end - 1]
    if not chunk or chunk[-1].isspace():
        return False
    word = chunk.rsplit(None, 1)[-1]
    word = word[max(word.rfind("("), word.rfind(",")) + 1 :]
    if word in _ABBREVIATION_WORDS:
        return True
    if len(word) == 1:
        return "A" <= word <= "Z"
    return _INITIALS.fullmatch(word) is not None
