"""The HTML reader: structure, box marks, hidden content, offsets; then the real corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from scheduleto.containers.html import read_html
from scheduleto.document import CHECKED, UNCHECKED, Document, Line

from .conftest import CORPUS, needs_corpus

C, U = CHECKED, UNCHECKED


def rows(doc: Document) -> list[tuple[str, ...]]:
    return [line.cells for line in doc.lines if line.is_row]


def texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines]


# --------------------------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------------------------


def test_blocks_are_paragraphs_and_inline_elements_join() -> None:
    doc = read_html(
        "<html><body><p>UNITED <b>STATES</b></p><div><div><p>SECURITIES AND <i>EXCHANGE</i>"
        "<font size=2> COMMISSION</font></p></div></div><h1>SCHEDULE TO</h1>"
        "<center>(Amendment No.&nbsp;18)</center></body></html>"
    )
    assert texts(doc) == [
        "UNITED STATES",
        "SECURITIES AND EXCHANGE COMMISSION",
        "SCHEDULE TO",
        "(Amendment No. 18)",
    ]
    assert doc.format == "html"
    assert not any(line.is_row for line in doc.lines)


def test_text_between_blocks_is_its_own_paragraph() -> None:
    doc = read_html("<div>Genco Shipping<p>(Name of Subject Company)</p>Diana Shipping Inc.</div>")
    assert texts(doc) == ["Genco Shipping", "(Name of Subject Company)", "Diana Shipping Inc."]


def test_rows_keep_cells_apart_and_empty_cells() -> None:
    doc = read_html(
        "<table><tr><td>(a)(5)(X)</td><td>&nbsp;</td><td>Press Release, dated June 30, 2026</td></tr>"
        "<tr><td>&nbsp;</td><td> </td><td></td></tr>"  # spacer row: dropped
        "<tr><th>Exhibit No.</th><th>Description</th></tr></table>"
    )
    assert rows(doc) == [
        ("(a)(5)(X)", "", "Press Release, dated June 30, 2026"),
        ("Exhibit No.", "Description"),
    ]


def test_br_becomes_newline_in_cells_and_paragraphs() -> None:
    doc = read_html(
        "<table><tr><td>Philip Richter<br>Fried, Frank, Harris<BR/>One New York Plaza</td>"
        "<td>Edward S. Horton<br/><br/>Seward &amp; Kissel LLP</td></tr></table>"
        "<p>TENDER OFFER STATEMENT<br>OF THE SECURITIES EXCHANGE ACT OF 1934</p>"
    )
    assert doc.lines[0].cells == (
        "Philip Richter\nFried, Frank, Harris\nOne New York Plaza",
        "Edward S. Horton\nSeward & Kissel LLP",
    )
    assert doc.lines[1].cells == ("TENDER OFFER STATEMENT\nOF THE SECURITIES EXCHANGE ACT OF 1934",)
    assert doc.lines[1].lines == ["TENDER OFFER STATEMENT", "OF THE SECURITIES EXCHANGE ACT OF 1934"]


def test_blocks_inside_a_cell_are_joined_by_newlines() -> None:
    doc = read_html(
        "<table><tr><td>2</td><td><p>CHECK THE APPROPRIATE BOX</p></td>"
        "<td><p>(a) &#9744;</p><p>(b) &#9746;</p></td></tr></table>"
    )
    assert rows(doc) == [("2", "CHECK THE APPROPRIATE BOX", f"(a) {U}\n(b) {C}")]


def test_layout_cell_holding_paragraphs_gives_paragraphs() -> None:
    doc = read_html(
        "<table><tr><td><p><b>UNITED STATES</b></p><p><b>SECURITIES AND EXCHANGE COMMISSION</b></p>"
        "</td></tr><tr><td><b>WASHINGTON, D.C. 20549</b></td></tr></table>"
    )
    assert [(line.cells, line.is_row) for line in doc.lines] == [
        (("UNITED STATES",), False),
        (("SECURITIES AND EXCHANGE COMMISSION",), False),
        (("WASHINGTON, D.C. 20549",), True),
    ]


def test_nested_table_rows_are_their_own_lines() -> None:
    doc = read_html(
        "<table><tr><td>Item 4.</td><td>"
        "<table><tr><td>(a)</td><td>Not applicable.</td></tr>"
        "<tr><td>(b)</td><td>See Offer to Purchase.</td></tr></table>"
        "</td><td>after</td></tr></table>"
    )
    assert rows(doc) == [
        ("Item 4.", ""),
        ("(a)", "Not applicable."),
        ("(b)", "See Offer to Purchase."),
        ("after",),
    ]
    assert doc.text.count("Not applicable.") == 1


def test_head_script_style_are_dropped_and_title_kept() -> None:
    doc = read_html(
        "<html><head><title> SC&nbsp;TO-T </title><style>p {color: red}</style>"
        "<script>var x = 1;</script></head><body><p>Offer</p><script>alert(1)</script></body></html>"
    )
    assert texts(doc) == ["Offer"]
    assert doc.title == "SC TO-T"
    assert read_html("<html><head><TITLE></TITLE></head><body><p>x</p></body></html>").title is None


def test_page_markers_and_rules_end_paragraphs() -> None:
    doc = read_html("<body><p>first page text</p><PAGE>second page<hr>after rule</body>")
    assert texts(doc) == ["first page text", "second page", "after rule"]


# --------------------------------------------------------------------------------------------
# Box marks
# --------------------------------------------------------------------------------------------


def test_unicode_box_cover_rows() -> None:
    doc = read_html(
        "<table>"
        "<tr><td>&#9746;</td><td>Check the box if the filing relates solely to preliminary "
        "communications made before the commencement of a tender offer.</td></tr>"
        "<tr><td>&nbsp;</td><td>&#9744;&#8201;</td><td>third-party tender offer subject to Rule 14d-1.</td></tr>"
        "<tr><td></td><td>&#x2610;</td><td>issuer tender offer subject to Rule 13e-4.</td></tr>"
        "<tr><td>\u2612</td><td>going-private transaction subject to Rule 13e-3.</td></tr>"
        "</table>"
    )
    assert rows(doc) == [
        (C, "Check the box if the filing relates solely to preliminary communications made before the commencement of a tender offer."),
        ("", U, "third-party tender offer subject to Rule 14d-1."),
        ("", U, "issuer tender offer subject to Rule 13e-4."),
        (C, "going-private transaction subject to Rule 13e-3."),
    ]


def test_wingdings_font_tag_and_style() -> None:
    doc = read_html(
        '<table><tr><td><font face="Wingdings">x</font></td><td>third-party tender offer</td></tr>'
        '<tr><td><font face="Wingdings">&#168;</font></td><td>issuer tender offer</td></tr>'
        '<tr><td><font style="font-family: Wingdings">&#120;</font></td><td>going-private</td></tr>'
        '<tr><td style="font-family: Wingdings; font-size: 10pt">&#168;</td><td>13D</td></tr>'
        '<tr><td><span style="FONT-FAMILY:WINGDINGS">\u00a8</span></td><td>cross-border</td></tr>'
        "</table>"
    )
    assert [r[0] for r in rows(doc)] == [C, U, C, U, U]


def test_wingdings_letters_and_font_variants() -> None:
    html = (
        '<p><font face="Wingdings">&#254;</font> a</p>'  # þ
        '<p><font face="Wingdings">&#253;</font> b</p>'  # ý
        '<p><font face="Wingdings">o</font> c</p>'
        '<p><font face="Wingdings">q</font> d</p>'
        "<p><span style=\"font-family: 'Wingdings 2', serif\">x</span> e</p>"
        '<p><span style="font: bold 10pt/12pt Wingdings">x</span> f</p>'
        '<p style="font-family: Webdings"><b>q</b> g</p>'  # inherited by descendants
        '<p><font face="Wingdings">\n            &#168;&nbsp;\n        </font>h</p>'
    )
    assert texts(read_html(html)) == [
        *(f"{C} a", f"{C} b", f"{U} c", f"{U} d", f"{C} e", f"{C} f", f"{U} g", f"{U} h"),
    ]


def test_box_letters_outside_symbol_fonts_stay_letters() -> None:
    doc = read_html(
        '<table><tr><td>x</td><td>o</td><td><font face="Times New Roman">q</font></td></tr></table>'
        '<p style="font-family: Wingdings"><font style="font-family: Times New Roman">x</font> y</p>'
        '<p><font face="Arial, Wingdings">x</font> z</p>'  # only the first family counts
        '<p><font face="Wingdings">Section</font> (not a box run)</p>'
        "<p>caf&eacute; &amp; co</p>"
    )
    assert rows(doc) == [("x", "o", "q")]
    assert texts(doc)[1:] == ["x y", "x z", "Section (not a box run)", "café & co"]


def test_mark_after_the_text_in_the_same_paragraph() -> None:
    doc = read_html(
        "<p>Check the following box if the filing is a final\namendment reporting the results "
        'of the tender offer: <font style="font-family: Wingdings">&#168;</font></p>'
        "<p>Check the following box if the filing is a final amendment reporting the results "
        "of the tender offer:&#8194;&#9746; </p>"
    )
    assert texts(doc) == [
        f"Check the following box if the filing is a final amendment reporting the results of the tender offer: {U}",
        f"Check the following box if the filing is a final amendment reporting the results of the tender offer: {C}",
    ]


def test_lost_mark_leaves_an_empty_leading_cell() -> None:
    doc = read_html(
        "<table><tr><td><img src='box.gif'></td><td>third-party tender offer subject to Rule 14d-1.</td></tr>"
        "<tr><td>&nbsp;</td><td>&#9746;</td><td>issuer tender offer subject to Rule 13e-4.</td></tr></table>"
    )
    assert rows(doc) == [
        ("", "third-party tender offer subject to Rule 14d-1."),
        ("", C, "issuer tender offer subject to Rule 13e-4."),
    ]


# --------------------------------------------------------------------------------------------
# Markup of every era
# --------------------------------------------------------------------------------------------


def test_upper_case_tags() -> None:
    doc = read_html(
        '<HTML><BODY><P ALIGN="center"><B>SCHEDULE TO</B></P>'
        '<TABLE><TR><TD WIDTH="5%"><FONT FACE="WINGDINGS">&#120;</FONT></TD>'
        "<TD>issuer tender offer subject to Rule 13e-4.</TD></TR></TABLE></BODY></HTML>"
    )
    assert texts(doc)[0] == "SCHEDULE TO"
    assert rows(doc) == [(C, "issuer tender offer subject to Rule 13e-4.")]


def test_xhtml_with_namespaces_and_declaration() -> None:
    doc = read_html(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en"><head><title>sc to-i</title></head>\n'
        "<body><p>Offer to Purchase</p><table><tr><td>&#9744;</td><td>going-private</td></tr></table>"
        "</body></html>"
    )
    assert texts(doc) == ["Offer to Purchase", f"{U} going-private"]
    assert doc.title == "sc to-i"
    assert doc.lines[0].start == doc.source.index("<body>")  # the declaration kept its line


def test_inline_xbrl_hidden_header_is_dropped() -> None:
    doc = read_html(
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">'
        '<body><div style="display: none"><ix:header><ix:hidden>'
        '<ix:nonNumeric name="dei:EntityRegistrantName">HIDDEN NAME</ix:nonNumeric>'
        "</ix:hidden><ix:resources>CONTEXT JUNK</ix:resources></ix:header></div>tail kept"
        "<ix:header><ix:hidden>ALSO HIDDEN</ix:hidden></ix:header>"
        '<p>Subject: <ix:nonNumeric name="dei:EntityRegistrantName">Acme Corp.</ix:nonNumeric></p>'
        '<p style="DISPLAY:NONE">hidden paragraph</p>'
        '<table><tr><td><ix:nonFraction name="ffd:FeeAmt" scale="0">1,234.00</ix:nonFraction></td></tr></table>'
        "</body></html>"
    )
    assert "HIDDEN" not in doc.text and "JUNK" not in doc.text and "hidden paragraph" not in doc.text
    assert texts(doc) == ["tail kept", "Subject: Acme Corp.", "1,234.00"]


def test_broken_markup() -> None:
    doc = read_html(
        "<p>unclosed paragraph<p>second <b>bold <i>italic</p>"
        "<TABLE><TD>&#9746;<TD>cell without row</TABLE>"
        "<table><tr><td>a<td>b<tr><td>c</table>"
        "<font face=Wingdings>x</font>after"
    )
    assert texts(doc)[:2] == ["unclosed paragraph", "second bold italic"]
    assert rows(doc) == [(C, "cell without row"), ("a", "b"), ("c",)]
    assert texts(doc)[-1] == f"{C} after"


def test_pre_block_goes_through_the_text_reader() -> None:
    body = (
        "SCHEDULE TO\n(Amendment No. 2)\n\n"
        "[X]  third-party tender offer subject to Rule 14d-1.\n"
        "[ ]  issuer tender offer subject to Rule 13e-4.\n\n"
        "Item 12.\tExhibits\n"
    )
    html = f"<HTML><BODY>\n<P>Before</P>\n<PRE>\n{body}</PRE>\n</BODY></HTML>"
    doc = read_html(html)
    assert texts(doc) == [
        "Before",
        "SCHEDULE TO (Amendment No. 2)",
        f"{C} third-party tender offer subject to Rule 14d-1. {U} issuer tender offer subject to Rule 13e-4.",
        "Item 12. Exhibits",
    ]
    assert doc.lines[3].is_row and doc.lines[3].cells == ("Item 12.", "Exhibits")
    schedule = doc.lines[1]
    assert html[schedule.start : schedule.end].startswith("SCHEDULE TO")


def test_entities() -> None:
    doc = read_html(
        "<p>&#9746;&nbsp;one &#9744; two &#x2610; three &#x2612; four</p>"
        "<p>&#8220;Offer&#8221; &amp; &lt;Merger&gt; &#8212; 5&#8201;%</p>"
    )
    assert texts(doc) == [f"{C} one {U} two {U} three {C} four", '"Offer" & <Merger> \u2014 5 %']


def test_document_without_markup_is_read_as_text() -> None:
    text = "<PAGE>\n\n                 SCHEDULE TO\n\n[X]\tissuer tender offer\n"
    doc = read_html(text)
    assert doc.format == "text"
    assert rows(doc) == [(C, "issuer tender offer")]


def test_empty_documents() -> None:
    assert read_html("").lines == ()
    assert read_html("<html><body>  </body></html>").lines == ()
    assert read_html("<!-- only a comment --><html></html>").lines == ()


def test_beautifulsoup_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise ValueError("lxml refused the document")

    monkeypatch.setattr(etree, "fromstring", refuse)
    doc = read_html(
        "<html><head><title>t</title></head><body>\n<p>Hello <b>there</b></p>\n"
        "<table><tr><td><font face='Wingdings'>&#168;</font></td><td>issuer</td></tr></table>\n"
        "<div style='display:none'>gone</div><ix:header>gone too</ix:header></body></html>"
    )
    assert [line.cells for line in doc.lines] == [("Hello there",), (U, "issuer")]
    assert doc.lines[1].start == doc.source.index("<table>")


# --------------------------------------------------------------------------------------------
# Offsets
# --------------------------------------------------------------------------------------------


def test_offsets_point_at_the_source_lines() -> None:
    html = (
        "<html>\n<body>\n"
        '<p style="x">UNITED STATES</p>\n'
        "<p>Check the following box if the filing is a final\n"
        "amendment reporting the results of the tender offer: &#9744;</p>\n"
        "<table>\n<tr>\n  <td>&#9746;</td>\n  <td>issuer tender offer</td></tr>\n</table>\n"
        "</body></html>"
    )
    doc = read_html(html)
    united, final, row = doc.lines
    assert html[united.start : united.end] == '<p style="x">UNITED STATES</p>'
    assert html[final.start : final.end].startswith("<p>Check the following box")
    assert "tender offer: &#9744;</p>" in html[final.start : final.end]
    assert html[row.start : row.end].startswith("<tr>")
    assert "issuer tender offer" in html[row.start : row.end]


def test_base_offset_and_source() -> None:
    head = "<DOCUMENT>\n<TYPE>SC TO-T\n<TEXT>\n"
    html = "<html><body>\n<p>Offer</p>\n</body></html>\n"
    source = head + html + "</TEXT>\n</DOCUMENT>\n"
    doc = read_html(html, base_offset=len(head), source=source)
    assert doc.source is source
    (line,) = doc.lines
    assert source[line.start : line.end] == "<p>Offer</p>"


def test_single_line_offsets() -> None:
    doc = read_html("<p>a</p>")
    assert isinstance(doc.lines[0], Line) and doc.lines[0].start == 0 and doc.lines[0].end == 8


def test_offsets_past_libxml2_line_counter() -> None:
    # libxml2 stops counting source lines at 65535; the reader finds the tags itself.
    n = 66_000
    html = "<html><body>\n" + "".join(f"<p>para {i}</p>\n" for i in range(n))
    html += "<table>\n<tr><td>last row</td></tr>\n</table></body></html>"
    doc = read_html(html)
    assert len(doc.lines) == n + 1
    for line in (doc.lines[65_533], doc.lines[65_534], doc.lines[n - 1], doc.lines[n]):
        assert html[line.start : line.end].startswith(f"<p>{line.text}</p>" if not line.is_row else "<tr>")


# --------------------------------------------------------------------------------------------
# The real corpus
# --------------------------------------------------------------------------------------------

_EDGAR = CORPUS / "edgar"
_HTML_FILES = sorted(_EDGAR.glob("*.htm")) if _EDGAR.is_dir() else []
_TEXT_BLOCK = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S | re.I)

#: The eight Schedule TO boxes, in cover order.
BOXES = (
    r"relates solely to preliminary communications",
    r"third[- ]party tender offer subject to Rule 14d-1\.",
    r"issuer tender offer subject to Rule 13e-4\.",
    r"going-private transaction subject to Rule 13e-3",
    r"amendment to Schedule 13D under Rule 13d-2",
    r"final amendment reporting the results of the tender offer",
    r"Rule 13e-4\(i\) \(Cross-Border Issuer",
    r"Rule 14d-1\(d\) \(Cross-Border Third-Party",
)


def read_corpus(name: str) -> Document:
    """Read a corpus file, taking only what is between <TEXT> and </TEXT> (or the end)."""
    source = (_EDGAR / name).read_text(encoding="latin-1")
    match = _TEXT_BLOCK.search(source)
    assert match
    return read_html(match.group(1), base_offset=match.start(1), source=source)


def cover_boxes(doc: Document) -> list[str | None]:
    """The mark of each of the eight boxes: the token in the first line holding its text."""
    marks: list[str | None] = []
    for phrase in BOXES:
        index = doc.find(re.compile(phrase, re.I))
        if index is None:
            marks.append(None)
            continue
        tokens = [c for c in doc.texts[index] if c in (C, U)]
        marks.append(tokens[0] if len(tokens) == 1 else None)
    return marks


@needs_corpus
@pytest.mark.parametrize("path", _HTML_FILES, ids=[p.name for p in _HTML_FILES])
def test_corpus_files_read_cleanly(path: Path) -> None:
    doc = read_corpus(path.name)
    assert len(doc.lines) > 5
    for line in doc.lines:
        assert 0 <= line.start <= line.end <= len(doc.source)
        for cell in line.cells:
            assert not re.search(r"[\x1d\x1e]|^\s|\s$|  ", cell), (path.name, cell)
    assert "Wingdings" not in doc.text and "display:" not in doc.text


@needs_corpus
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ebull_dsx_sctota.htm", [U, C, U, U, C, U, U, U]),
        ("ebull_iq_sctoi.htm", [U, U, C, U, U, U, U, U]),
        ("sol_nfj_sctoc.htm", [C, U, C, U, U, U, U, U]),
        ("sol_swz_sctoia_final.htm", [U, U, C, U, U, C, U, U]),
        # The filing lists "Third-party tender offer" twice and has no issuer tender offer box.
        ("ebull_nuvl_sctot.htm", [U, C, None, U, U, U, U, U]),
    ],
)
def test_corpus_cover_boxes(name: str, expected: list[str | None]) -> None:
    assert cover_boxes(read_corpus(name)) == expected


@needs_corpus
def test_corpus_dsx_cover_rows() -> None:
    doc = read_corpus("ebull_dsx_sctota.htm")
    cover = rows(doc)
    assert (U, "Check the box if the filing relates solely to preliminary communications made before the commencement of a tender offer.") in cover
    assert ("", C, "third-party tender offer subject to Rule 14d-1.") in cover
    assert ("", U, "issuer tender offer subject to Rule 13e-4.") in cover
    assert ("", U, "going-private transaction subject to Rule 13e-3.") in cover
    assert ("", C, "amendment to Schedule 13D under Rule 13d-2.") in cover
    assert ("", U, "Rule 13e-4(i) (Cross-Border Issuer Tender Offer)") in cover
    assert ("", U, "Rule 14d-1(d) (Cross-Border Third-Party Tender Offer)") in cover
    assert f"the results of the tender offer: {U}" in doc.text
    # The 13D cover pages inside the amendment, and the exhibit index.
    assert ("2", "CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP", f"(a) {U}\n(b) {C}") in cover
    assert ("(a)(5)(X)", "", "Press Release of Diana Shipping Inc., dated June 30, 2026") in cover
    # Offsets lead back to the source.
    third = next(line for line in doc.lines if "third-party tender offer" in line.text)
    assert "third-party tender offer subject to Rule&nbsp;14d-1." in doc.source[third.start : third.end]
    assert texts(doc)[:3] == ["UNITED STATES", "SECURITIES AND EXCHANGE COMMISSION", "Washington, D.C. 20549"]


@needs_corpus
def test_corpus_other_layouts() -> None:
    bally = read_corpus("ebull_bally_sc13e3.htm")
    assert (f"a. {C}", "The filing of solicitation materials or an information statement subject to Regulation 14A, Regulation 14C or Rule 13e-3(c) under the Securities Exchange Act of 1934.") in rows(bally)
    swz = read_corpus("sol_swz_sctoia_final.htm")
    assert ("107", "Filing Fee Table***") in rows(swz)
    assert "TENDER OFFER STATEMENT UNDER SECTION 14(d)(1) OR 13(e)(1)\nOF THE SECURITIES EXCHANGE ACT OF 1934" in [
        line.cells[0] for line in swz.lines
    ]
    iq = read_corpus("ebull_iq_sctoi.htm")
    assert iq.title == "SC TO-I"
    assert ("(a)(5)(A)*", "", "Press Release issued by the Company, dated as of February 10, 2026.") in rows(iq)
    lisata = read_corpus("edgartools_lisata_sc14d9.htm")
    assert (U, "Check the box if the filing relates solely to preliminary communications made before the commencement of a tender offer.") in rows(lisata)
    text_filing = read_corpus("magis_hnfsa_sc13e3.htm")
    assert text_filing.format == "text"
    assert f"c. {C} A tender offer." in text_filing.texts


def test_unclosed_paragraphs_nested_very_deep_lose_nothing() -> None:
    for n in (600, 1500):
        html = "<HTML><BODY>" + "".join(f"<P><FONT SIZE=2>Paragraph {k}." for k in range(n)) + "<P>END</BODY></HTML>"
        doc = read_html(html)
        assert len(doc.lines) == n + 1
        assert doc.lines[0].text == "Paragraph 0." and doc.lines[-1].text == "END"


def test_hidden_block_with_control_character_and_dotted_capital_i() -> None:
    doc = read_html('<html><body><p>İstanbul</p><div style="display:\fnone">HIDDEN</div><p>kept</p></body></html>')
    assert [line.text for line in doc.lines] == ["İstanbul", "kept"]


def test_hidden_element_whose_tail_holds_a_control_character_entity() -> None:
    # lxml keeps "&#29;" from the parser but refuses it when the tail is moved: no ValueError,
    # the hidden text is dropped and the tail read in place (control characters are kept, as
    # everywhere else in the text).
    doc = read_html(
        "<html><body><p>Before <span style='display:none'>hidden</span>&#29;after "
        "<b style='display:none'>gone</b>&#1;end</p></body></html>"
    )
    assert [line.text for line in doc.lines] == ["Before \x1dafter \x01end"]


def test_nesting_past_the_parser_limit_before_any_text_is_read_flat() -> None:
    # libxml2 drops everything past its nesting limit: here that is the whole text
    html = "<html><body>" + "<div>" * 5000 + "<p>SCHEDULE TO</p><p>Tender offer statement</p></body></html>"
    doc = read_html(html)
    assert [line.text for line in doc.lines] == ["SCHEDULE TO", "Tender offer statement"]
