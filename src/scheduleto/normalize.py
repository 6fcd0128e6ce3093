"""Text repairs shared by every reader: box glyphs to tokens, extraction artefacts, spacing."""

from __future__ import annotations

import re
import unicodedata

from .vocab import ARTEFACT_REPAIRS, TEXT_BOXES, UNICODE_BOXES


def _guarded(table: tuple[tuple[str, str, str], ...]) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    return tuple((re.compile(p), r, tuple(g.split("|"))) for p, r, g in table)


_TEXT_BOXES = _guarded(tuple((p, f" {tok} ", g) for p, tok, g in TEXT_BOXES))
_REPAIRS = _guarded(ARTEFACT_REPAIRS)
_UNICODE_BOX_RE = re.compile("[" + "".join(re.escape(c) for c in UNICODE_BOXES) + "]")
# A tab inside a word: "Chec<TAB>k", "foll<TAB>owing".
_SPLIT_WORD = re.compile(r"\t+(?<=[a-z]\t)(?=[a-z])")
# Runs of two or more spaces, or any other kind of space, become one plain space.
_OTHER_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_ASCII_SPACES = re.compile(r"  +")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_UNIFY = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",
          "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00b4": "'"}  # fmt: skip
_UNIFY_RE = re.compile("[" + "".join(_UNIFY) + "]")


def _apply(text: str, table: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]) -> str:
    for pattern, replacement, guards in table:
        if any(g in text for g in guards):
            text = pattern.sub(replacement, text)
    return text


def box_tokens(text: str) -> str:
    """Replace every box glyph or text spelling of a box with the CHECKED/UNCHECKED token."""
    text = _UNICODE_BOX_RE.sub(lambda m: f" {UNICODE_BOXES[m.group(0)]} ", text)
    return _apply(text, _TEXT_BOXES)


def repair(text: str) -> str:
    """Undo extraction artefacts (``\\$``, ``^{*}``, ``14d-l``...) and unify quotes and dashes."""
    text = _ZERO_WIDTH.sub("", text)
    text = _UNIFY_RE.sub(lambda m: _UNIFY[m.group(0)], text)
    return _apply(text, _REPAIRS)


def normalize_fragment(text: str) -> str:
    """Everything a reader does to a run of text, but for splitting cells: NFC, repairs, tokens.

    Tabs are kept (they separate cells); other white space is collapsed to single spaces.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = repair(text)
    text = box_tokens(text)
    if "\t" in text:
        text = _SPLIT_WORD.sub("", text)
    if not text.isascii():
        text = _OTHER_SPACES.sub(" ", text)
    return _ASCII_SPACES.sub(" ", text)
