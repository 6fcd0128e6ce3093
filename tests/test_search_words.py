"""The word-guided searches give what the plain searches give (scheduleto.caseless and the
extractors' uses of them)."""

from __future__ import annotations

import random
import re

from scheduleto.caseless import finditer_starts, lowered, lowered_as, search_words, word_starts
from scheduleto.document import Document, Line
from scheduleto.extract import checkboxes, cover, offer

PATTERN = re.compile(r"\b(?:final|issuer)\s+(?:amendment|tender)\b|\bthe\s+filing\b", re.IGNORECASE)
WORDS: tuple[str | re.Pattern[str], ...] = ("final", "issuer", re.compile(r"the\s+filing"))
TEXTS = (
    "Final Amendment; ISSUER TENDER offer and final   amendment. The  Filing",
    "no match here, the final word",
    "the ıssuer tender offer (dotless i matches under IGNORECASE)",
    "FİNAL AMENDMENT with a dotted capital I",
    "",
)


def _random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pieces = ["final", "amendment", "issuer", "tender", "the", "filing", " ", "  ", "\n", "x", "(", ")",
              "Final", "AMENDMENT", "Σ", "ı", "İ", ".", "Amendment No. 2", "(Final Amendment)"]  # fmt: skip
    return ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40))) for _ in range(count)]


def test_search_words_gives_the_first_match() -> None:
    for text in (*TEXTS, *_random_texts(1, 400)):
        for pos in (0, 3):
            want = PATTERN.search(text, pos)
            got = search_words(PATTERN, text, WORDS, lowered(text), pos)
            assert (got.span() if got else None) == (want.span() if want else None), (text, pos)


def test_finditer_starts_gives_the_matches_of_finditer() -> None:
    for text in (*TEXTS, *_random_texts(2, 400)):
        low = lowered(text)
        if low is None:
            continue
        for pos, end in ((0, len(text)), (2, len(text) - 3)):
            want = [m.span() for m in PATTERN.finditer(text, pos, max(pos, end))]
            starts = word_starts(low, WORDS)
            assert [m.span() for m in finditer_starts(PATTERN, text, starts, pos, max(pos, end))] == want


def test_lowered_as_joined_pieces() -> None:
    for text in (*TEXTS, *_random_texts(3, 200), "ΑΣ\nb", "aΣ'\nx", "a\nΣb"):
        pieces = text.split("\n")
        assert lowered_as(text, "\n".join(p.lower() for p in pieces)) == lowered(text)


def test_heading_anchors_end_as_finditer() -> None:
    segments = [
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nSCHEDULE TO\n(Rule 14d-100)\nTender Offer Statement\n"
        "under Section 14(d)(1) or 13(e)(1) of the Securities Exchange Act of 1934\n(Amendment No. 2)\nACME INC.",
        "SCHEDULE TO-I/13E-3\n \n (Final Amendment)\nFoo",
        "Amendment No. 3 to\nSCHEDULE TO\n(Final Amendment)\nBar Corp.",
        "\n  (Amendment No. 1)  \n\nThe Company",
        "(Amendment No. 1) to Schedule 13E-3 (Amendment No. 4)",
        "Final Amendment\nAMENDMENT NO. 2 (FINAL AMENDMENT)\nx",
        *_random_texts(4, 300),
    ]
    for segment in segments:
        want = max((a.end() for a in cover._HEADING_ANCHORS.finditer(segment)), default=0)
        low = lowered(segment)
        assert cover._headings_end(segment, low) == want, segment
        assert cover._headings_end(segment, None) == want


def _definition_reference(text: str) -> dict[str, str]:
    """defined_terms as it read before: the definition searched from the last non-name character."""
    out: dict[str, str] = {}
    for dm in offer._TERM.finditer(text):
        term = offer.collapse(dm.group("term"))
        if term in out:
            continue
        window = text[max(0, dm.start() - 160) : dm.end()]
        tail = offer._TERM_ENDING.search(window)
        stop = offer._BEFORE_NAME.match(window, 0, tail.start()) if tail else None
        m = offer._DEFINITION.search(window, stop.end() if stop else 0)
        if not m:
            continue
        full = offer._LEAD_WORDS.sub("", offer.collapse(m.group("full")))
        if full and full != term and len(full) > len(term) // 2:
            out[term] = full
    return out


def test_defined_terms_read_from_the_last_word_that_cannot_be_in_a_name() -> None:
    texts = [
        'its 10.00% Series H Cumulative Redeemable Perpetual Preferred Stock ("Series H Preferred Stock")',
        'the 6.50% Convertible Senior Notes due 2028 (the "Notes") and xNotes Of And ("Of And")',
        'a Delaware corporation ("Ault" or the "Company"). The exchange offer (the "Offer")',
        "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen (“Thirteen”)",
        'an indirect wholly-owned subsidiary of Ultimate Parent ("Parent"), and Harmony Row Acquisition Co. ("Purchaser")',
        'A B C D E F G H I J K L M N ("Letters") and 5% Notes due of and 2030 ("Five")',
    ]
    rng = random.Random(5)
    words = ["Series", "of", "and", "due", "the", "10.00%", "Stock", "x", "A1", "Ünd", "b-c", "2028"]
    for _ in range(300):
        name = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 16)))
        texts.append(f'{name} ("{rng.choice(words)} {rng.choice(words)}")')
    for text in texts:
        want = _definition_reference(text)
        assert offer.defined_terms(text) == want, text
        for term in want:
            assert offer._defined_as(text, term) == want[term]


def _box_stream_reference(doc: Document, limit: int) -> str:
    """box_stream as it read before (every paragraph through Line.lines)."""
    parts: list[str] = []
    for line in doc.lines[:limit]:
        if line.is_row:
            parts.extend(c.replace("\n", " ") if c.strip() else checkboxes.EMPTY_CELL for c in line.cells)
        else:
            parts.extend(line.lines)
    text = "\n".join(parts)
    return text.replace("|", "\n") if doc.format == "text" else text


def test_box_stream_guide_is_the_lowered_stream() -> None:
    lines = (
        Line(("SCHEDULE TO",)),
        Line(("", "☐", "Check the box if the filing relates solely to preliminary communications"), is_row=True),
        Line(("ΑΣ | x\nFinal  Amendment",)),
        Line(("İssuer tender offer",)),
        Line(("  a  b ", "\n"), is_row=True),
        Line(("",)),
        Line(("☒ third-party tender offer subject to Rule 14d-1.",)),
    )
    for fmt in ("html", "text"):
        for cut in range(len(lines) + 1):
            doc = Document(lines[:cut], format=fmt)
            stream, low = checkboxes._box_stream(doc, cut)
            assert stream == _box_stream_reference(doc, cut)
            assert low == lowered(stream)
