"""Text repairs shared by every reader: box glyphs to tokens, extraction artefacts, spacing."""

from __future__ import annotations

import re
import unicodedata

from .vocab import ARTEFACT_REPAIRS, TEXT_BOXES, UNICODE_BOXES

_TEXT_BOXES = tuple((re.compile(p), tok) for p, tok in TEXT_BOXES)
_REPAIRS = tuple((re.compile(p), r) for p, r in ARTEFACT_REPAIRS)
_UNICODE_BOX_RE = re.compile("[" + "".join(re.escape(c) for c in UNICODE_BOXES) + "]")
# A tab (or soft hyphen run) inside a word: "Chec<TAB>k", "foll<TAB>owing".
_SPLIT_WORD = re.compile(r"(?<=[a-z])\t+(?=[a-z])")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-"})
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00b4": "'"})


def box_tokens(text: str) -> str:
    """Replace every box glyph or text spelling of a box with the CHECKED/UNCHECKED token."""
    text = _UNICODE_BOX_RE.sub(lambda m: f" {UNICODE_BOXES[m.group(0)]} ", text)
    for pattern, token in _TEXT_BOXES:
        text = pattern.sub(f" {token} ", text)
    return text


def repair(text: str) -> str:
    """Undo extraction artefacts (``\\$``, ``^{*}``, ``14d-l``...) and unify quotes and dashes."""
    text = _ZERO_WIDTH.sub("", text)
    text = text.translate(_DASHES).translate(_QUOTES)
    for pattern, replacement in _REPAIRS:
        text = pattern.sub(replacement, text)
    return text


def normalize_fragment(text: str) -> str:
    """Everything a reader does to a run of text, but for splitting cells: NFC, repairs, tokens.

    Tabs are kept (they separate cells); other white space is collapsed to single spaces.
    """
    text = unicodedata.normalize("NFC", text)
    text = repair(text)
    text = box_tokens(text)
    text = _SPLIT_WORD.sub("", text)
    return _SPACES.sub(" ", text)
