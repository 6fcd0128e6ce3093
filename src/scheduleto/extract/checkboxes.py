"""The eight cover-page checkboxes, in three states.

For each canonical key the box wording (``vocab.CHECKBOX_PATTERNS``) is looked for on the cover.
The mark is the nearest box token before the wording on the same physical line, else the token
right after it (the final-amendment box is often drawn after its text), else a token standing
alone on the line just before (a mark in a row of its own). Wording found without any mark is
*unchecked* (the mark was lost in conversion: an empty cell or a leading tab), and a lone ``X``
in the box column of an old text filing counts as a mark. Wording not found at all is ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import BOX_TOKENS, CHECKED, UNCHECKED, Document
from ..model import CHECKBOX_KEYS, Checkboxes
from ..vocab import CHECKBOX_PATTERNS, LONE_LETTER_BOXES, compile_table
from .cover import cover_end

_PATTERNS = compile_table(CHECKBOX_PATTERNS)
_TOKEN = re.compile(f"[{CHECKED}{UNCHECKED}]")
_LONE_LETTER = re.compile(
    "(?:^|\\s)(" + "|".join(re.escape(k) for k in LONE_LETTER_BOXES) + r")\s*$"
)
# How far past the wording a trailing mark may sit ("...tender offer: ☐").
_AFTER_WINDOW = 12


@dataclass(frozen=True)
class CheckboxResult:
    """The boxes and anything odd seen while reading them."""

    checkboxes: Checkboxes
    warnings: tuple[str, ...]


def _state(token: str) -> bool:
    return token == CHECKED


def _physical_lines(doc: Document, limit: int) -> list[tuple[str, tuple[str, ...]]]:
    out: list[tuple[str, tuple[str, ...]]] = []
    for line in doc.lines[:limit]:
        if line.is_row:
            out.append((line.text, line.cells))
        else:
            out.extend((text, (text,)) for text in line.lines)
    return out


def extract_checkboxes(doc: Document) -> CheckboxResult:
    """Read the eight boxes from the cover of ``doc``."""
    # The boxes follow the captions; search a little beyond the cover's end in case the body
    # detection stopped early, but never into a second cover far below.
    limit = min(len(doc.lines), cover_end(doc) + 40)
    lines = _physical_lines(doc, limit)
    states: dict[str, bool | None] = {}
    warnings: list[str] = []
    for key in CHECKBOX_KEYS:
        states[key] = None
        for idx, (text, _cells) in enumerate(lines):
            m = _PATTERNS[key].search(text)
            if not m:
                continue
            states[key] = _read_mark(text, m, lines, idx, key)
            break
    # Two keys can share one line in flattened text; the nearest-mark rule handles that.
    return CheckboxResult(Checkboxes(**states), tuple(warnings))


def _read_mark(
    text: str,
    m: re.Match[str],
    lines: list[tuple[str, tuple[str, ...]]],
    idx: int,
    key: str,
) -> bool:
    before = text[: m.start()]
    # Only the stretch after the previous box wording belongs to this box.
    prev_end = 0
    for other in _PATTERNS.values():
        for om in other.finditer(before):
            prev_end = max(prev_end, om.end())
    own = before[prev_end:]
    tokens = _TOKEN.findall(own)
    if tokens:
        return _state(tokens[-1])
    after = text[m.end() : m.end() + _AFTER_WINDOW + 20]
    am = re.match(r"[\s.:;,)]*([" + CHECKED + UNCHECKED + "])", after)
    if am and len(am.group(0)) <= _AFTER_WINDOW + 2:
        return _state(am.group(1))
    lone = _LONE_LETTER.search(own)
    if lone:
        return LONE_LETTER_BOXES[lone.group(1)] == CHECKED
    if idx > 0:
        prev_text = lines[idx - 1][0].strip()
        if prev_text in BOX_TOKENS:
            return _state(prev_text)
    return False
