"""The normalised document's keyword index and sentence splitting (scheduleto.document)."""

from __future__ import annotations

from scheduleto.document import Document, Line, split_sentences


def make(*texts: str) -> Document:
    return Document(tuple(Line((t,), 10 * k, 10 * k + 9) for k, t in enumerate(texts)))


DOC = make(
    "The Offer expired at 5:00 p.m. on May 18, 2023. The Offer was not extended.",
    "Exhibit Index",
    "Shares tendered: 1,000. Offer, offer, OFFER.",
    "Nothing here.",
)


def test_lines_matching_gives_each_line_once_in_order() -> None:
    assert DOC.lines_matching(("offer",)) == [0, 2]
    assert DOC.lines_matching(("exhibit", "tendered", "offer")) == [0, 1, 2]
    assert DOC.lines_matching(("absent",)) == []
    # keywords are matched against the lower-cased text
    assert DOC.lines_matching(("nothing here",)) == [3]


def test_lines_with_joins_the_matching_lines() -> None:
    assert DOC.lines_with("exhibit", "nothing") == "Exhibit Index\x00Nothing here."


def test_sentences_at_and_after() -> None:
    found = DOC.sentences_at("extended")
    assert found == [((0, 1), "The Offer was not extended.")]
    assert DOC.sentence_after((0, 1)) == "Exhibit Index"
    assert DOC.sentences_with("tendered") == [(2, "Shares tendered: 1,000.")]


def test_split_sentences_keeps_abbreviations() -> None:
    text = "Acme Inc. bought shares from J. Smith at 5:00 p.m. on May 1. It paid $10. The U.S.A. rules apply."
    assert split_sentences(text) == [
        "Acme Inc. bought shares from J. Smith at 5:00 p.m. on May 1.",
        "It paid $10.",
        "The U.S.A. rules apply.",
    ]


def test_physical_lines_of_paragraphs_rows_and_empty_lines() -> None:
    doc = Document((
        Line(("One paragraph.",), 0, 14),
        Line(("First line\nsecond line",), 15, 37),
        Line(("Cell a", "Cell b"), 38, 50),
        Line(("",), 51, 51),
    ))
    assert [line.lines for line in doc.lines] == [
        ["One paragraph."], ["First line", "second line"], ["Cell a", "Cell b"], []
    ]
    assert doc.texts == ("One paragraph.", "First line second line", "Cell a Cell b", "")
