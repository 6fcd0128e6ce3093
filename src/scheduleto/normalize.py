"""Text repairs shared by every reader: box glyphs to tokens, extraction artefacts, spacing."""

from __future__ import annotations

import re
import unicodedata

from .document import BOX_TOKENS
from .vocab import ARTEFACT_REPAIRS, TEXT_BOXES, UNICODE_BOXES

# A guard of several characters costs a full scan of the text (a single character is found by
# memchr, many times faster): a rare character of the guard is looked for first.
_COMMON = frozenset("()-/.,;:'\"$%&")
_Guard = tuple[str, str | None]  # (guard, a rare character of it)
_Table = tuple[tuple[re.Pattern[str], str, tuple[_Guard, ...]], ...]


def _rare_char(guard: str) -> str | None:
    if len(guard) < 2:
        return None
    return next((c for c in guard if not c.isalnum() and not c.isspace() and c not in _COMMON), None)


def _guarded(table: tuple[tuple[str, str, str], ...]) -> _Table:
    return tuple((re.compile(p), r, tuple((g, _rare_char(g)) for g in gs.split("|"))) for p, r, gs in table)


_TEXT_BOXES = _guarded(tuple((p, f" {tok} ", g) for p, tok, g in TEXT_BOXES))
_REPAIRS = _guarded(ARTEFACT_REPAIRS)
# A tab inside a word: "Chec<TAB>k", "foll<TAB>owing".
# (One tab between two letters; the pattern opens with its literal, which keeps the scan fast.)
_SPLIT_WORD = re.compile(r"\t(?<=[a-z]\t)(?=[a-z])")
_ASCII_SPACES = re.compile(r"  +")

# Single characters rewritten one for one. Each table is applied at its step of
# normalize_fragment, with str.replace for the characters one scan found in the text.
_ZERO_WIDTH = dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", "")
_UNIFY = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
          "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00b4": "'"}  # fmt: skip
# Box tokens are box glyphs too: pad them first, so no glyph is padded twice.
_GLYPHS = dict(
    sorted(((g, f" {tok} ") for g, tok in UNICODE_BOXES.items()), key=lambda kv: kv[0] not in BOX_TOKENS)
)
# Any other kind of space becomes one plain space.
_OTHER_SPACES = dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " ")
_SPECIAL_CHARS = tuple(dict.fromkeys(c for table in (_ZERO_WIDTH, _UNIFY, _GLYPHS, _OTHER_SPACES) for c in table))


def _special_in(text: str) -> set[str]:
    """The characters of the tables above that occur in ``text``."""
    # One substring test per character: a character wider than the text's widest is ruled out
    # at once, the others are found by memchr; a character-class scan is several times slower.
    return {c for c in _SPECIAL_CHARS if c in text}


def _replace_chars(text: str, table: dict[str, str], present: set[str]) -> str:
    for char, replacement in table.items():
        if char in present:
            text = text.replace(char, replacement)
    return text


def _apply(text: str, table: _Table) -> str:
    # Several entries share a guard: test each guard once until a substitution changes the text.
    seen: dict[str, bool] = {}
    for pattern, replacement, guards in table:
        for g, rare in guards:
            found = seen.get(g)
            if found is None:
                found = seen[g] = (rare is None or rare in text) and g in text
            if found:
                text, n = pattern.subn(replacement, text)
                if n:
                    seen.clear()
                break
    return text


def box_tokens(text: str) -> str:
    """Replace every box glyph or text spelling of a box with the CHECKED/UNCHECKED token."""
    if not text.isascii():
        text = _replace_chars(text, _GLYPHS, _special_in(text))
    return _apply(text, _TEXT_BOXES)


def repair(text: str) -> str:
    """Undo extraction artefacts (``\\$``, ``^{*}``, ``14d-l``...) and unify quotes and dashes."""
    if not text.isascii():
        present = _special_in(text)
        text = _replace_chars(_replace_chars(text, _ZERO_WIDTH, present), _UNIFY, present)
    return _apply(text, _REPAIRS)


def normalize_fragment(text: str) -> str:
    """Everything a reader does to a run of text, but for splitting cells: NFC, repairs, tokens.

    Tabs are kept (they separate cells); other white space is collapsed to single spaces.
    """
    present: set[str] = set()
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        # One scan finds the special characters; the steps below replace only those.
        present = _special_in(text)
        text = _replace_chars(_replace_chars(text, _ZERO_WIDTH, present), _UNIFY, present)
    text = _apply(text, _REPAIRS)
    if present:
        text = _replace_chars(text, _GLYPHS, present)
    text = _apply(text, _TEXT_BOXES)
    if "\t" in text:
        text = _SPLIT_WORD.sub("", text)
    if present:
        text = _replace_chars(text, _OTHER_SPACES, present)
    return _ASCII_SPACES.sub(" ", text)
