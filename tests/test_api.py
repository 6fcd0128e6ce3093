"""The public API: inputs, strictness, and the error hierarchy."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import scheduleto
from scheduleto import (
    DecodeError,
    EmptyDocumentError,
    NotScheduleTOError,
    ScheduleTOError,
    SourceError,
)

from .conftest import CORPUS, FIXTURES, SEED, needs_corpus


def test_parse_accepts_path_str_bytes_and_stream(seed_text: str) -> None:
    by_path = scheduleto.parse(SEED)
    by_str = scheduleto.parse(str(SEED))
    by_bytes = scheduleto.parse(SEED.read_bytes())
    by_stream = scheduleto.parse(io.BytesIO(SEED.read_bytes()))
    by_text = scheduleto.parse_text(seed_text)
    assert by_path.source.path == str(SEED)
    assert by_bytes.source.path is None
    for other in (by_str, by_bytes, by_stream, by_text):
        assert other.subject_company == by_path.subject_company
        assert other.exhibits == by_path.exhibits
    assert by_bytes.source.sha256 == by_path.source.sha256


def test_missing_file() -> None:
    with pytest.raises(SourceError, match="no such file"):
        scheduleto.parse("/nonexistent/filing.txt")


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match=r"directory, not a filing file \(scheduleto bulk reads folders\)"):
        scheduleto.parse(tmp_path)


def test_empty_and_whitespace() -> None:
    with pytest.raises(EmptyDocumentError, match="empty"):
        scheduleto.parse(b"")
    with pytest.raises(EmptyDocumentError):
        scheduleto.parse(b"   \n\t  ")
    with pytest.raises(EmptyDocumentError):
        scheduleto.parse_text("")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"abc\x00\x01\x02\x03" * 20, "binary"),
    ],
)
def test_binary_input(data: bytes, what: str) -> None:
    with pytest.raises(DecodeError, match=what):
        scheduleto.parse(data)


def test_cp1252_bytes_are_decoded(seed_text: str) -> None:
    data = seed_text.replace("\u2013", "-").replace("\u25a1", "[ ]").replace("\u201c", '"')
    data = data.replace('"Offer"', "\u201cOffer\u201d")
    raw = data.encode("cp1252")
    filing = scheduleto.parse(raw)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    assert filing.checkboxes.preliminary_communication is False


def test_other_form_is_refused_with_its_name() -> None:
    text = "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 10-K\nANNUAL REPORT PURSUANT TO SECTION 13\nApple Inc."
    with pytest.raises(NotScheduleTOError) as info:
        scheduleto.parse_text(text, path="tenk.txt")
    assert info.value.form_type == "10-K"
    assert "10-K" in str(info.value) and "tenk.txt" in str(info.value)
    assert isinstance(info.value, ScheduleTOError)


def test_header_decides_refusal() -> None:
    sub = (
        "<SEC-DOCUMENT>0000000000-24-000001.txt : 20240101\n<SEC-HEADER>0000000000-24-000001.hdr.sgml : 20240101\n"
        "ACCESSION NUMBER:\t\t0000000000-24-000001\nCONFORMED SUBMISSION TYPE:\tSC 14D9\n"
        "PUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20240101\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>SC 14D9\n<SEQUENCE>1\n<TEXT>\nSCHEDULE TO\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    with pytest.raises(NotScheduleTOError) as info:
        scheduleto.parse_text(sub)
    assert info.value.form_type == "SC 14D9"


def test_submission_wrapping_the_seed(seed_text: str) -> None:
    sub = (
        "<SEC-DOCUMENT>0001213900-23-035000.txt : 20230501\n<SEC-HEADER>0001213900-23-035000.hdr.sgml : 20230501\n"
        "ACCESSION NUMBER:\t\t0001213900-23-035000\nCONFORMED SUBMISSION TYPE:\tSC TO-I/A\n"
        "PUBLIC DOCUMENT COUNT:\t\t2\nFILED AS OF DATE:\t\t20230501\n\nSUBJECT COMPANY:\t\n\n"
        "\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tAult Alliance, Inc.\n"
        "\t\tCENTRAL INDEX KEY:\t\t\t0000896493\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>SC TO-I/A\n<SEQUENCE>1\n<FILENAME>ea177.htm\n<TEXT>\n"
        + seed_text
        + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    filing = scheduleto.parse_text(sub)
    assert filing.form_type == "SC TO-I/A"
    assert filing.accession_number == "0001213900-23-035000"
    assert filing.header is not None and filing.header.subject_companies[0].cik == "0000896493"
    assert [d.type for d in filing.documents] == ["SC TO-I/A"]
    assert filing.source.format.value == "sgml"
    assert filing.cusips == ("09175M101",)


def test_half_seed_gives_what_it_has_with_warnings(seed_text: str) -> None:
    half = seed_text[: len(seed_text) // 2]
    # The cut falls inside the second printing of the exhibit index, before the press release.
    filing = scheduleto.parse_text(half)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    assert filing.checkboxes.issuer_tender_offer is True
    assert filing.expiration is not None
    assert len(filing.exhibits) == 13
    assert filing.press_releases == ()
    assert "the document ends inside the exhibit index: it may be cut short" in filing.warnings
    # Cut earlier, inside the first index: what is missing is said.
    early = scheduleto.parse_text(seed_text[: seed_text.index("(a)(1)(D)")])
    assert [e.code for e in early.exhibits] == ["(a)(1)(A)", "(a)(1)(B)", "(a)(1)(C)"]
    assert "no signature block found" in early.warnings


def test_fragments_need_strict_false() -> None:
    text = (FIXTURES / "seed_amendment_paragraph.txt").read_text()
    with pytest.raises(NotScheduleTOError):
        scheduleto.parse_text(text)
    filing = scheduleto.parse_text(text, strict=False)
    assert filing.expiration is not None and filing.expiration.new is not None
    assert filing.tendered[0].shares == 13292651
    assert filing.warnings[0].startswith("no Schedule TO heading found")


def test_cover_fragment_strict_false() -> None:
    cover = (FIXTURES / "seed_cover.txt").read_text()
    filing = scheduleto.parse_text(cover, strict=False)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    # Lenient reading never infers the form type; strict reading derives it from the boxes.
    assert filing.form_type is None
    assert scheduleto.parse_text(cover).form_type == "SC TO-I/A"


def test_press_release_fragment() -> None:
    filing = scheduleto.parse_text((FIXTURES / "seed_press_release.txt").read_text(), strict=False)
    assert filing.press_releases[0].location == "LAS VEGAS"
    assert filing.expiration is not None and filing.expiration.previous is not None
    assert filing.tendered[0].shares == 13292651


def test_damaged_utf8_keeps_utf8_and_warns(seed_text: str) -> None:
    raw = seed_text.encode("utf-8").replace(b"Common Stock", b"Common \x81\x8d Stock", 1)
    filing = scheduleto.parse(raw)
    assert any("not valid UTF-8" in w and "U+FFFD" in w for w in filing.warnings)
    # The rest of the text is still read as UTF-8: the box glyph and the dash survive.
    assert filing.checkboxes.preliminary_communication is False
    assert filing.press_releases[0].location == "LAS VEGAS"


def test_unclosed_document_is_reported(seed_text: str) -> None:
    sub = (
        "<SEC-DOCUMENT>0001213900-23-035000.txt : 20230501\n<SEC-HEADER>\n"
        "ACCESSION NUMBER:\t\t0001213900-23-035000\nCONFORMED SUBMISSION TYPE:\tSC TO-I/A\n"
        "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>SC TO-I/A\n<SEQUENCE>1\n<TEXT>\n" + seed_text[:6000]
    )
    filing = scheduleto.parse_text(sub)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    assert any("may be cut short" in w for w in filing.warnings)


def test_text_filing_with_sgml_table_markup_stays_text(seed_text: str) -> None:
    text = seed_text.replace("Items 1 through 11.\n", "Items 1 through 11.\n<TABLE>\n<S> <C>\nQ1 $1.00\n</TABLE>\n", 1)
    filing = scheduleto.parse_text(text)
    assert filing.source.format.value == "text"
    assert len(filing.exhibits) == 13 and filing.checkboxes.issuer_tender_offer is True


def test_wrong_argument_types() -> None:
    with pytest.raises(TypeError, match="file path"):
        scheduleto.parse(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parse\\(\\) for raw bytes"):
        scheduleto.parse_text(b"SCHEDULE TO")  # type: ignore[arg-type]
    with pytest.raises(SourceError, match="parse_text"):
        scheduleto.parse("SCHEDULE TO\nTender Offer Statement")
    with pytest.raises(SourceError, match="limit"):
        scheduleto.parse(b"x" * 100, max_bytes=10)


def test_bare_heading_is_an_empty_document_in_strict_mode() -> None:
    with pytest.raises(EmptyDocumentError, match="nothing else"):
        scheduleto.parse_text("SCHEDULE TO\n\nTender Offer Statement under Section 14(d)(1)")
    lenient = scheduleto.parse_text("SCHEDULE TO", strict=False)
    assert lenient.subject_company is None and lenient.warnings


def test_a_path_that_looks_like_text_is_read_when_the_file_exists(tmp_path: Path) -> None:
    odd = tmp_path / "new\nline.txt"
    odd.write_bytes(SEED.read_bytes())
    assert scheduleto.parse(str(odd)).subject_company == "AULT ALLIANCE, INC."
    with pytest.raises(SourceError, match="looks like the text of a filing"):
        scheduleto.parse(str(tmp_path / "missing\nline.txt"))


def test_max_bytes_holds_for_a_device_that_reports_no_size() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(SourceError, match="larger than 1,000 bytes"):
        scheduleto.parse("/dev/zero", max_bytes=1000)


@needs_corpus
def test_type_tag_saying_schedule_to_over_another_form_is_parsed_with_a_warning() -> None:
    data = (CORPUS / "edgar" / "ebull_lpro_sc14d9.htm").read_bytes()
    with pytest.raises(NotScheduleTOError):
        scheduleto.parse(data)
    retagged = data.replace(b"<TYPE>SC 14D9", b"<TYPE>SC TO-T", 1)
    for strict in (True, False):
        filing = scheduleto.parse(retagged, strict=strict)
        assert filing.form_type == "SC TO-T"  # the tag is EDGAR's own statement: not refused
        assert filing.subject_company == "OPEN LENDING CORPORATION"
        assert (
            "the document's type tag says 'SC TO-T' but its text reads as form 'SC 14D9' "
            "(no Schedule TO heading found)"
        ) in filing.warnings


_FORM_10K = (
    "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 10-K\nANNUAL REPORT PURSUANT TO SECTION "
    "13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934\nAcme Corp.\n\n"
    + "Acme makes widgets and sells them to customers in many countries around the world. " * 5
)


def _tagged(body: str, tag: str = "SC TO-T") -> str:
    return f"<DOCUMENT>\n<TYPE>{tag}\n<SEQUENCE>1\n<FILENAME>a.txt\n<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n"


def test_type_tag_over_a_10k_says_what_the_text_is() -> None:
    # Was "a Schedule TO heading but nothing else": there is no such heading.
    with pytest.raises(EmptyDocumentError) as info:
        scheduleto.parse_text(_tagged(_FORM_10K))
    assert str(info.value).startswith(
        "the document's type tag says 'SC TO-T' but its text reads as form '10-K' (no Schedule TO "
        "heading found): no cover values, boxes, exhibits, events or signatures were found"
    )
    lenient = scheduleto.parse_text(_tagged(_FORM_10K), strict=False)
    assert lenient.form_type == "SC TO-T"
    assert lenient.warnings[0] == (
        "the document's type tag says 'SC TO-T' but its text reads as form '10-K' (no Schedule TO "
        "heading found)"
    )
    with pytest.raises(EmptyDocumentError, match="its text has no Schedule TO heading: no cover values"):
        scheduleto.parse_text(_tagged("Acme Corp.\n\n" + "Acme makes widgets for customers. " * 10))
    with pytest.raises(EmptyDocumentError, match=r"^a Schedule TO heading but nothing else"):
        scheduleto.parse_text(_tagged("SCHEDULE TO\n\n" + "Acme makes widgets for customers. " * 10))


def test_header_saying_schedule_to_over_another_form_is_a_warning() -> None:
    sub = (
        "<SEC-DOCUMENT>0000000000-24-000001.txt : 20240101\n<SEC-HEADER>0000000000-24-000001.hdr.sgml : 20240101\n"
        "ACCESSION NUMBER:\t\t0000000000-24-000001\nCONFORMED SUBMISSION TYPE:\tSC TO-T\n"
        "PUBLIC DOCUMENT COUNT:\t\t1\nFILED AS OF DATE:\t\t20240101\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>SC 14D9\n<SEQUENCE>1\n<TEXT>\nSCHEDULE 14D-9\n"
        "SOLICITATION/RECOMMENDATION STATEMENT UNDER SECTION 14(d)(4)\n\n"
        + "Acme recommends that holders reject the offer made for their shares. " * 5
        + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    filing = scheduleto.parse_text(sub)
    assert filing.form_type == "SC TO-T"
    assert filing.warnings[0] == (
        "the submission header says form type 'SC TO-T' but the document's text reads as form "
        "'SC 14D9' (no Schedule TO heading found)"
    )


def test_schedule_to_text_under_its_tag_has_no_type_warning(seed_text: str) -> None:
    filing = scheduleto.parse_text(_tagged(seed_text, "SC TO-I/A"))
    assert filing.form_type == "SC TO-I/A"
    assert not any("reads as form" in w or "type tag" in w for w in filing.warnings)


def test_an_archive_given_to_parse_points_to_bulk() -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("a.txt", "x")
    with pytest.raises(DecodeError, match=r"looks like a ZIP archive \(scheduleto bulk reads zip"):
        scheduleto.parse(buf.getvalue())


def test_an_sc_to_c_filed_as_a_copy_of_an_8k_gets_no_type_warning() -> None:
    # A pre-commencement communication is often an 8-K with the Rule 14d-2(b) box checked.
    text = (
        "<DOCUMENT>\n<TYPE>SC TO-C\n<SEQUENCE>1\n<TEXT>\n<html><body>"
        "<p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 8-K</p><p>CURRENT REPORT</p>"
        "<p>ACME HOLDINGS, INC. (Exact name of registrant as specified in its charter)</p>"
        "<p>&#9746; Pre-commencement communications pursuant to Rule 14d-2(b) under the Exchange Act</p>"
        "<p>On May 1, 2024, Acme Holdings, Inc. announced that it intends to commence a tender offer.</p>"
        "</body></html>\n</TEXT>\n</DOCUMENT>\n"
    )
    filing = scheduleto.parse_text(text, strict=False)
    assert filing.form_type == "SC TO-C"
    assert not any("type tag" in w for w in filing.warnings)
    # the same text tagged SC TO-T is warned
    tagged = scheduleto.parse_text(text.replace("SC TO-C", "SC TO-T"), strict=False)
    assert any("type tag says 'SC TO-T' but its text reads as form '8-K'" in w for w in tagged.warnings)
