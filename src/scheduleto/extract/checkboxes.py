"""The eight cover-page checkboxes, in three states.

The cover is read as one stream of *segments* (table cells, physical lines, ``|``-separated
parts of text renderings); an empty table cell is kept as an explicit marker. For each canonical
key the box wording (``vocab.CHECKBOX_PATTERNS``, matched across line breaks) is found, in the
order printed. Its mark is, in this order:

1. a box token in the text just before the wording, on the same segment (``☒ issuer tender...``);
2. the previous non-empty segment when it is a mark on its own (a token, or a lone letter of the
   box column such as ``x``/``o``/``þ``/``¨`` in old filings);
3. a token right after the wording (``...results of the tender offer: ☐``), unless that token
   opens the next box;
4. an empty cell just before the wording: the mark was lost in conversion -> unchecked.

Otherwise the box wording stands with no mark at all and the state is ``None``, as it is when the
wording is not found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..caseless import Word, finditer_starts, lowered_as, search_words, word_starts
from ..document import BOX_TOKENS, CHECKED, UNCHECKED, Document
from ..model import CHECKBOX_KEYS, Checkboxes
from ..vocab import CHECKBOX_BOUNDARIES, CHECKBOX_PATTERNS, LONE_LETTER_BOXES, compile_table
from .cover import cover_end

_PATTERNS = compile_table(CHECKBOX_PATTERNS)
_BOUNDARY = re.compile(CHECKBOX_BOUNDARIES, re.IGNORECASE)


def _words(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words))


# The words (lower-cased) one of which every match of each pattern starts with. A pattern that
# does not start with a literal is tried at every position of the stream; trying it only where
# one of its words stands gives the same matches, much faster.
_FIRST_WORDS: dict[str, re.Pattern[str]] = {
    "preliminary_communication": _words("check", "the", "filing"),
    "third_party_tender_offer": _words("third"),
    "issuer_tender_offer": _words("issuer"),
    "going_private": _words("going"),
    "schedule_13d_amendment": _words("amendment"),
    "final_amendment": _words("check", "final"),
    "cross_border_issuer": _words("rule"),
    "cross_border_third_party": _words("rule"),
}
_BOUNDARY_FIRST_WORDS = _words("any", "relates", "relied", "previously", "date")
# Frequent first words are looked for with what follows them in the patterns ("the filing"):
# far fewer places to try.
_FOLLOWED: dict[str, Word] = {"the": re.compile(r"the\s+filing"), "any": re.compile(r"any\s+part")}


def _search_words(words: re.Pattern[str]) -> tuple[Word, ...]:
    """The words of a _FIRST_WORDS pattern, as caseless.search_words takes them."""
    return tuple(_FOLLOWED.get(w, w) for w in words.pattern.split("|"))


_SEARCH_WORDS = {key: _search_words(words) for key, words in _FIRST_WORDS.items()}
_BOUNDARY_SEARCH_WORDS = _search_words(_BOUNDARY_FIRST_WORDS)
EMPTY_CELL = "\ue000"
_TOKEN = re.compile(f"[{CHECKED}{UNCHECKED}]")
_LONE_LETTER = re.compile(
    "(?:^|\\s)(" + "|".join(re.escape(k) for k in LONE_LETTER_BOXES) + r")\s*$"
)
_AFTER = re.compile(rf"[\s.:;,)\n|]{{0,8}}([{CHECKED}{UNCHECKED}])")
_AFTER_LETTER = re.compile(
    r"[\s.:;,)]{0,4}(" + "|".join(re.escape(k) for k in LONE_LETTER_BOXES) + r")(?=[ \t]*(?:\n|$))"
)
# A token this close before the next box's wording belongs to that box.
_NEXT_WORDING_GAP = 24


@dataclass(frozen=True)
class CheckboxResult:
    """The boxes and anything odd seen while reading them."""

    checkboxes: Checkboxes
    warnings: tuple[str, ...]


def box_stream(doc: Document, limit: int) -> str:
    """The first ``limit`` lines as segments joined by newlines, empty cells as a marker."""
    return _box_stream(doc, limit)[0]


def _box_stream(doc: Document, limit: int) -> tuple[str, str | None]:
    """:func:`box_stream` and its :func:`~scheduleto.caseless.lowered` form, lower-cased a
    segment at a time (most are ASCII, and a paragraph's is at hand in ``doc.texts_lower``)."""
    parts: list[str] = []
    lows: list[str] = []
    texts, texts_lower = doc.texts, doc.texts_lower
    for i, line in enumerate(doc.lines[:limit]):
        cells = line.cells
        if line.is_row:
            for cell in cells:
                if cell.strip():
                    part = cell.replace("\n", " ")
                    parts.append(part)
                    lows.append(part.lower())
                else:
                    parts.append(EMPTY_CELL)
                    lows.append(EMPTY_CELL)
        elif len(cells) == 1 and "\n" not in cells[0]:
            # The paragraph's physical lines are its text (Line.lines would make the same).
            if texts[i]:
                parts.append(texts[i])
                lows.append(texts_lower[i])
        else:
            for part in line.lines:
                parts.append(part)
                lows.append(part.lower())
    text = "\n".join(parts)
    low = "\n".join(lows)
    # "|" separates cells in text renderings of tables.
    if doc.format == "text":
        text, low = text.replace("|", "\n"), low.replace("|", "\n")
    return text, lowered_as(text, low)


def _state(token: str) -> bool:
    return token == CHECKED


def extract_checkboxes(doc: Document) -> CheckboxResult:
    """Read the eight boxes from the cover of ``doc``."""
    limit = min(len(doc.lines), cover_end(doc) + 60)
    stream, lower = _box_stream(doc, limit)
    found: list[tuple[int, int, str]] = []
    for key in CHECKBOX_KEYS:
        m = search_words(_PATTERNS[key], stream, _SEARCH_WORDS[key], lower)
        if m:
            found.append((m.start(), m.end(), key))
    found.sort()
    if _marks_follow_wording(stream, found):
        # This cover draws every mark after its wording ("... Rule 14d-1. ☒"): read it so.
        states_after: dict[str, bool | None] = dict.fromkeys(CHECKBOX_KEYS)
        for _start, end, key in found:
            am = _AFTER.match(stream, end)
            states_after[key] = _state(am.group(1)) if am else None
        return CheckboxResult(Checkboxes(**states_after), ())
    starts = [s for s, _e, _k in found]
    # Where a boundary can start before the last wording (found once: the gaps are read in order).
    bounds = word_starts(lower, _BOUNDARY_SEARCH_WORDS, 0, starts[-1]) if lower is not None and found else []
    states: dict[str, bool | None] = dict.fromkeys(CHECKBOX_KEYS)
    consumed = -1
    prev_end = 0
    for i, (start, end, key) in enumerate(found):
        floor = max(prev_end, consumed)
        gap = (
            _BOUNDARY.finditer(stream, floor, start)
            if lower is None
            else finditer_starts(_BOUNDARY, stream, bounds, floor, start)
        )
        for bm in gap:
            floor = max(floor, bm.end())
        next_start = starts[i + 1] if i + 1 < len(starts) else len(stream) + _NEXT_WORDING_GAP + 1
        state, used = _read_mark(stream, floor, start, end, next_start)
        states[key] = state
        if used is not None:
            consumed = used
        prev_end = max(end, consumed)
    return CheckboxResult(Checkboxes(**states), ())


def _marks_follow_wording(stream: str, found: list[tuple[int, int, str]]) -> bool:
    """True when no box has a mark before its wording and at least two have one right after."""
    if len(found) < 2:
        return False
    after = 0
    prev_end = 0
    for start, end, _key in found:
        segments = stream[prev_end:start].split("\n")
        previous = next((s.strip() for s in reversed(segments[:-1]) if s.strip()), "")
        if (
            _TOKEN.search(segments[-1])
            or _LONE_LETTER.search(segments[-1])
            or previous in BOX_TOKENS
            or previous in LONE_LETTER_BOXES
        ):
            return False
        after += _AFTER.match(stream, end) is not None
        prev_end = end
    return after >= 2 and after >= len(found) - 1


def _read_mark(stream: str, floor: int, start: int, end: int, next_start: int) -> tuple[bool | None, int | None]:
    before = stream[floor:start]
    segments = before.split("\n")
    same = segments[-1]
    tokens = _TOKEN.findall(same)
    if tokens:
        return _state(tokens[-1]), None
    lone = _LONE_LETTER.search(same)
    if lone and same.strip() == lone.group(1):
        return LONE_LETTER_BOXES[lone.group(1)] == CHECKED, None
    previous = next((s.strip() for s in reversed(segments[:-1]) if s.strip()), "")
    if previous in BOX_TOKENS:
        return _state(previous), None
    if previous in LONE_LETTER_BOXES:
        return LONE_LETTER_BOXES[previous] == CHECKED, None
    if lone:
        return LONE_LETTER_BOXES[lone.group(1)] == CHECKED, None
    am = _AFTER.match(stream, end)
    if am:
        token_end = am.end()
        gap = stream[token_end:next_start]
        opens_next = next_start - token_end <= _NEXT_WORDING_GAP and bool(
            re.fullmatch(r"[\s\ue000]*", gap)
        )
        if not opens_next:
            return _state(am.group(1)), token_end
    lm = _AFTER_LETTER.match(stream, end)
    if lm:
        return LONE_LETTER_BOXES[lm.group(1)] == CHECKED, lm.end()
    if previous == EMPTY_CELL or same.strip() == EMPTY_CELL:
        return False, None
    return None, None
