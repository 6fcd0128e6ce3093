from __future__ import annotations

from scheduleto.containers.text import read_text
from scheduleto.document import CHECKED, UNCHECKED, split_sentences
from scheduleto.normalize import normalize_fragment


def test_tab_split_words_are_joined() -> None:
    assert normalize_fragment("Chec\tk the box") == "Check the box"
    assert normalize_fragment("Check the foll\towing box") == "Check the following box"
    # A tab after punctuation separates cells and stays.
    assert "\t" in normalize_fragment("If applicable,\tcheck the appropriate box")


def test_one_read_as_l_is_repaired() -> None:
    assert normalize_fragment("subject to Rule 14d-l.") == "subject to Rule 14d-1."
    assert normalize_fragment("Section 14(d)(1) or 13(e)(l)") == "Section 14(d)(1) or 13(e)(1)"
    assert normalize_fragment("Rule 14d-l(d) (Cross-Border)") == "Rule 14d-1(d) (Cross-Border)"


def test_latex_marks_become_tokens() -> None:
    assert normalize_fragment("\\boxtimes\tissuer").split("\t")[0].strip() == CHECKED
    assert normalize_fragment("results of the tender offer. \\Box").endswith(UNCHECKED + " ")
    assert normalize_fragment("\u25a1 Check").strip().startswith(UNCHECKED)


def test_text_box_spellings() -> None:
    for checked in ("[X]", "[x]", "/X/", "(X)", "\u2612", "\u2611", "\u2714"):
        assert CHECKED in normalize_fragment(f"{checked} issuer tender offer"), checked
    for unchecked in ("[ ]", "/ /", "( )", "\u2610", "\u25a1", "\u2751"):
        assert UNCHECKED in normalize_fragment(f"{unchecked} issuer tender offer"), unchecked
    # An exhibit code is never a box.
    assert CHECKED not in normalize_fragment("(a)(5)(X) Press release")


def test_escaped_dollar_and_superscript() -> None:
    assert normalize_fragment("up to \\$50,000,000") == "up to $50,000,000"
    assert normalize_fragment(" ^{*} Filed herewith.").strip() == "* Filed herewith."


def test_rows_paragraphs_and_offsets() -> None:
    text = "Title line\nsecond line\n\n\tCommon Stock\t\n(a)(1)(A)\tOffer\n"
    d = read_text(text)
    assert [line.is_row for line in d.lines] == [False, True, True]
    assert d.lines[0].lines == ["Title line", "second line"]
    assert d.lines[0].text == "Title line second line"
    assert d.lines[1].cells == ("", "Common Stock", "")
    assert d.lines[2].cells == ("(a)(1)(A)", "Offer")
    assert text[d.lines[2].start : d.lines[2].end] == "(a)(1)(A)\tOffer"
    assert text[d.lines[0].start : d.lines[0].end] == "Title line\nsecond line"


def test_page_markers_dropped() -> None:
    d = read_text("Intro\n<PAGE>\n2\nNext")
    assert [line.text for line in d.lines] == ["Intro", "Next"]


def test_sentences_keep_abbreviations() -> None:
    text = (
        "Computershare Trust Company, N.A., the agent, reported at 5:00 p.m. on May 1, 2023. "
        "The Offer expired. Ault Alliance, Inc. filed it."
    )
    assert split_sentences(text) == [
        "Computershare Trust Company, N.A., the agent, reported at 5:00 p.m. on May 1, 2023.",
        "The Offer expired.",
        "Ault Alliance, Inc. filed it.",
    ]


def test_form_feeds_sgml_tags_and_lone_numbers() -> None:
    assert [line.text for line in read_text("Offer to Purchase\fdated May 1").lines] == [
        "Offer to Purchase dated May 1"
    ]
    assert [line.text for line in read_text("paragraph one.\n\fSCHEDULE TO").lines] == [
        "paragraph one.",
        "SCHEDULE TO",
    ]
    assert [line.text for line in read_text("<PAGE>   Continued text").lines] == ["Continued text"]
    assert [line.text for line in read_text("<CAPTION>Exhibit Index").lines] == ["Exhibit Index"]
    # A page number (followed by a blank line or a page break) goes; an exhibit code stays.
    assert [line.text for line in read_text("Intro\n\n2\n\nNext").lines] == ["Intro", "Next"]
    assert [line.text for line in read_text("107\nFiling Fee Table").lines] == ["107 Filing Fee Table"]
