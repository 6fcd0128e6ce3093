from __future__ import annotations

from scheduleto.extract.exhibits import extract_exhibits, normalize_code

from .conftest import FIXTURES
from .helpers import doc


def test_seed_index_printed_twice_is_one_list(seed_text: str) -> None:
    exhibits = extract_exhibits(doc(seed_text)).exhibits
    assert len(exhibits) == 13
    assert len({e.code for e in exhibits}) == 13


def test_seed_exhibit_fragment() -> None:
    exhibits = extract_exhibits(doc((FIXTURES / "seed_exhibits.txt").read_text())).exhibits
    assert [e.code for e in exhibits][:3] == ["(a)(1)(A)", "(a)(1)(B)", "(a)(1)(C)"]
    d = {e.code: e for e in exhibits}
    assert d["(a)(5)(D)"].filed_herewith
    assert d["(a)(5)(A)"].incorporated_by_reference == "the Company's Schedule TO-C filed on March 20, 2023"


def test_fixed_width_text_table_with_footnotes() -> None:
    text = """Item 12. Exhibits.

(a)(1)(A)    Offer to Purchase, dated June 1, 2020.*
(a)(1)(B)    Letter of Transmittal.*
(a)(5)(A)    Press Release, dated June 1, 2020 (incorporated by reference to Exhibit 99.1 to the Company's Current Report on Form 8-K filed on June 1, 2020).
(b)          Not applicable.
(d)(1)       Merger Agreement. Previously filed.
107          Filing Fee Table.**

*  Filed herewith.
** Previously filed.

Item 13. Information Required by Schedule 13E-3.
"""
    exhibits = extract_exhibits(doc(text)).exhibits
    d = {e.code: e for e in exhibits}
    # "(b) Not applicable." is no exhibit.
    assert list(d) == ["(a)(1)(A)", "(a)(1)(B)", "(a)(5)(A)", "(d)(1)", "107"]
    assert d["(a)(1)(A)"].filed_herewith and d["(a)(1)(A)"].description == "Offer to Purchase, dated June 1, 2020"
    assert not d["107"].filed_herewith
    assert d["(a)(5)(A)"].incorporated_by_reference == (
        "Exhibit 99.1 to the Company's Current Report on Form 8-K filed on June 1, 2020"
    )
    assert d["(d)(1)"].incorporated_by_reference == "Previously filed"
    assert not d["(d)(1)"].filed_herewith


def test_two_column_rows_with_star_in_code_cell() -> None:
    text = "EXHIBIT INDEX\nExhibit No.\tDescription\n(a)(1)(A)*\tOffer to Purchase\n(a)(5)(B)\tPress release (incorporated herein by reference to the Schedule TO-C filed on May 1, 2024)\n\n* Filed herewith\n"
    exhibits = extract_exhibits(doc(text)).exhibits
    assert [(e.code, e.filed_herewith) for e in exhibits] == [("(a)(1)(A)", True), ("(a)(5)(B)", False)]
    assert exhibits[1].incorporated_by_reference == "the Schedule TO-C filed on May 1, 2024"


def test_code_normalisation() -> None:
    assert normalize_code("(a)(l)(A)") == "(a)(1)(A)"
    assert normalize_code("Exhibit (a) (5) (B)") == "(a)(5)(B)"


def test_index_rows_inside_a_paragraph() -> None:
    """Rows that follow the heading without a blank line (or after <br>) are still rows."""
    text = "Item 12. Exhibits.\n(a)(1)(A) Offer to Purchase.*\n(a)(5)(A) Press Release.*\n\n* Filed herewith.\n"
    exhibits = extract_exhibits(doc(text)).exhibits
    assert [(e.code, e.filed_herewith) for e in exhibits] == [("(a)(1)(A)", True), ("(a)(5)(A)", True)]


def test_ending_with_a_complete_index_is_not_cut_short() -> None:
    text = "Item 12. Exhibits.\n\n(a)(1)(A)\tOffer to Purchase\n(a)(5)(A)\tPress Release\n\nSIGNATURE\n\nEXHIBIT INDEX\n\n(a)(5)(A)\tPress Release\n"
    assert extract_exhibits(doc(text)).warnings == ()
    # The second printing stopping after the first rows of the first one is a cut.
    cut = "Item 12. Exhibits.\n\n(a)(1)(A)\tOffer\n(a)(5)(A)\tRelease\n\nSIGNATURE\n\nEXHIBIT INDEX\n\n(a)(1)(A)\tOffer\n"
    assert extract_exhibits(doc(cut)).warnings == ("the document ends inside the exhibit index: it may be cut short",)
