"""Fast stand-ins for case-insensitive searches, exact to the match.

Python's ``re`` tries a pattern that does not open with a literal (``\\b``, a group, any
IGNORECASE pattern) at every position of the text. The extractors avoid that cost with cheap
tests on the lower-cased text: a plain substring test that a match needs, or a literal pattern
marking where a match can start. Lower-casing stands for case-insensitive matching except for
three letters that IGNORECASE takes for ASCII letters while ``str.lower`` does not map them so
(:data:`ODD_CASE`); texts holding them go the slow, exact way.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias

#: U+0130 (lower-cased to two characters), U+0131 and U+017F (taken for "i" and "s").
ODD_CASE = "\u0130\u0131\u017f"
# What they leave in a lower-cased text (U+0130 becomes "i" and a combining dot).
_ODD_CASE_LOWER = "\u0131\u017f\u0307"


def folds_oddly(text: str) -> bool:
    """True when ``text`` holds one of :data:`ODD_CASE`: its lower-cased form cannot stand for it."""
    return not text.isascii() and any(c in text for c in ODD_CASE)


def lowered_oddly(low: str) -> bool:
    """:func:`folds_oddly` for a text already lower-cased (``low``)."""
    return not low.isascii() and any(c in low for c in _ODD_CASE_LOWER)


def may_hold(low: str, word: str) -> bool:
    """False only when a case-insensitive pattern needing ``word`` cannot match the text whose
    lower-cased form is ``low``."""
    return word in low or lowered_oddly(low)


_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold_lower(text: str) -> str:
    """``text`` lower-cased with :data:`ODD_CASE` turned into the ASCII letters case-insensitive
    matching takes them for: a case-insensitive pattern matching ``text`` has its lower-case
    ASCII words in this. Same length as ``text``, so offsets carry over."""
    if folds_oddly(text):
        text = text.translate(_FOLD)
    return text.lower()


def finditer_at(
    pattern: re.Pattern[str],
    text: str,
    starts: re.Pattern[str],
    guide: str | None,
    pos: int = 0,
    endpos: int | None = None,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, trying ``pattern`` only where ``starts`` matches
    in ``guide``.

    ``starts`` must match wherever a (non-empty) match of ``pattern`` starts: ``guide`` is
    ``text`` itself, or :func:`lowered` ``(text)`` with ``starts`` in lower case for a
    case-insensitive pattern. ``guide`` None (an odd text): a plain ``finditer``.
    """
    end = len(text) if endpos is None else endpos
    if guide is None:
        yield from pattern.finditer(text, pos, end)
        return
    at = pos
    while (c := starts.search(guide, at, end)) is not None:
        at = c.start()
        m = pattern.match(text, at, end)
        if m:
            yield m
            at = max(m.end(), at + 1)
        else:
            at += 1


def search_at(
    pattern: re.Pattern[str], text: str, starts: re.Pattern[str], guide: str | None, pos: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` the way :func:`finditer_at` looks (first match)."""
    return next(finditer_at(pattern, text, starts, guide, pos), None)


#: What :func:`search_words` and :func:`word_starts` look for: a word (found with ``str.find``),
#: or a pattern opening with a literal (found about as fast) for a frequent word that starts a
#: match only when more follows ("the" of "the filing").
Word: TypeAlias = str | re.Pattern[str]


def _find(word: Word, guide: str, pos: int, endpos: int) -> int:
    """Where ``word`` first stands in ``guide[pos:endpos]`` (an offset into ``guide``), or -1."""
    if isinstance(word, str):
        return guide.find(word, pos, endpos)
    m = word.search(guide, pos, endpos)
    return -1 if m is None else m.start()


def search_words(
    pattern: re.Pattern[str], text: str, words: tuple[Word, ...], guide: str | None, pos: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text, pos)``, trying ``pattern`` only where one of ``words`` stands in
    ``guide``.

    Every match of ``pattern`` must start where one of ``words`` stands (or, for a pattern among
    them, matches): ``guide`` is ``text`` itself, or :func:`lowered` ``(text)`` with lower-case
    ``words`` for a case-insensitive pattern. ``guide`` None (an odd text): a plain search. Where
    :func:`search_at` would scan for a pattern of alternatives (tried at every position), this
    scans for each word on its own, with ``str.find``.
    """
    if guide is None:
        return pattern.search(text, pos)
    best: re.Match[str] | None = None
    limit = len(guide)  # only a start before the best one found can do better
    for word in words:
        # A word must start before ``limit``; a pattern may need what follows.
        end = limit + len(word) - 1 if isinstance(word, str) else len(guide)
        at = _find(word, guide, pos, end)
        while 0 <= at < limit:
            m = pattern.match(text, at)
            if m:
                best, limit = m, at
                break
            at = _find(word, guide, at + 1, end)
    return best


def word_starts(guide: str, words: tuple[Word, ...], pos: int = 0, endpos: int | None = None) -> list[int]:
    """Where one of ``words`` stands in ``guide`` (whole between ``pos`` and ``endpos``), in order."""
    end = len(guide) if endpos is None else endpos
    found: set[int] = set()
    for word in words:
        at = _find(word, guide, pos, end)
        while at >= 0:
            found.add(at)
            at = _find(word, guide, at + 1, end)
    return sorted(found)


def finditer_starts(
    pattern: re.Pattern[str], text: str, starts: list[int], pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, pos, endpos)`` for a pattern that matches no empty string, trying
    it only at ``starts`` (in order; they must hold every place a match can start, as
    :func:`word_starts` gives them for the words every match starts with)."""
    end = len(text) if endpos is None else endpos
    free = pos  # where the next match may start: matches do not overlap
    for at in starts[bisect_left(starts, pos) :]:
        if at >= end:
            return
        if at >= free:
            m = pattern.match(text, at, end)
            if m:
                yield m
                free = m.end()


def lowered(text: str) -> str | None:
    """``text`` lower-cased, when every character keeps its offset and every character that a
    case-insensitive pattern takes for an ASCII letter becomes that letter; else None.

    A case-insensitive pattern then matches ``text`` where its lower-cased, case-sensitive form
    matches this, at the same offsets. Only U+0130 (lower-cased to two characters), U+0131 and
    U+017F (taken for "i" and "s") break this.
    """
    return lowered_as(text, text.lower())


def lowered_as(text: str, low: str) -> str | None:
    """:func:`lowered` ``(text)`` when ``low`` is ``text.lower()`` (as lower-cased pieces of
    ``text`` joined where ``text`` joins them with a character that has no case, such as a
    newline: ``str.lower`` reads no context across it)."""
    if len(low) != len(text) or (not text.isascii() and ("\u0131" in text or "\u017f" in text)):
        return None
    return low


@dataclass(frozen=True)
class Folded:
    """A text with its :func:`lowered` form."""

    text: str
    low: str | None

    @classmethod
    def of(cls, text: str) -> Folded:
        return cls(text, lowered(text))

    def slice(self, start: int, end: int) -> Folded:
        """The part ``start:end`` (as ``text[start:end]``)."""
        start = max(0, start)
        return Folded(self.text[start:end], self.low[start:end] if self.low is not None else None)


# Inline flags and ranges across cases do not survive lower-casing a pattern.
_NOT_LOWERABLE = re.compile(r"\(\?[aiLmsux-]|[A-Z]-[a-z]|[a-z]-[A-Z]")
_UNESCAPED_UPPER = re.compile(r"\\.|\(\?P|[A-Z]+")


class Caseless:
    """A case-insensitive pattern, run as a lower-cased, case-sensitive pattern on the lowered
    text when both allow it: literals are then compared directly, several times faster.

    Methods take a :class:`Folded` text and give what the case-insensitive pattern gives on it.
    ``needs``: words (lower-case) one of which every match holds, a cheaper test than the pattern.
    """

    def __init__(self, pattern: str, needs: tuple[str, ...] = ()) -> None:
        self.pattern = re.compile(pattern, re.IGNORECASE)
        self.needs = needs
        self._fast: re.Pattern[str] | None = None
        if _NOT_LOWERABLE.search(pattern) is None and all(
            c.isascii() or c.lower() == c.upper() for c in pattern
        ):
            # Lower-case all but escapes (\S stays \S) and named groups.
            self._fast = re.compile(_UNESCAPED_UPPER.sub(_lower_unescaped, pattern))

    def _on(self, text: Folded) -> tuple[re.Pattern[str] | None, str]:
        """The pattern to run and the string to run it on (None: it cannot match)."""
        if text.low is None:
            return self.pattern, text.text
        if self.needs and not any(word in text.low for word in self.needs):
            return None, text.low
        if self._fast is None:
            return self.pattern, text.text
        return self._fast, text.low

    def found(self, text: Folded, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether the pattern occurs in ``text`` (between ``pos`` and ``endpos``)."""
        pattern, string = self._on(text)
        return pattern is not None and pattern.search(string, pos, endpos) is not None

    def matches_at(self, text: Folded, pos: int) -> bool:
        """Whether the pattern matches at ``pos``."""
        pattern, string = self._on(text)
        return pattern is not None and pattern.match(string, pos) is not None

    def first(self, text: Folded) -> int | None:
        """Where the pattern first occurs (None: nowhere)."""
        pattern, string = self._on(text)
        m = None if pattern is None else pattern.search(string)
        return None if m is None else m.start()

    def spans(self, text: Folded, pos: int = 0) -> list[tuple[int, int]]:
        """Where the pattern occurs (at or after ``pos``), as ``finditer`` finds it."""
        pattern, string = self._on(text)
        return [] if pattern is None else [m.span() for m in pattern.finditer(string, pos)]

    def search(self, text: Folded) -> re.Match[str] | None:
        """The first match, as the case-insensitive pattern gives it (with its groups)."""
        pattern, string = self._on(text)
        m = None if pattern is None else pattern.search(string)
        return m if m is None or pattern is self.pattern else self.pattern.match(text.text, m.start())


def _lower_unescaped(m: re.Match[str]) -> str:
    return m.group() if m.group()[0] in "\\(" else m.group().lower()
