"""Tests for :mod:`scheduleto.containers.sgml`: EDGAR container reading.

Synthetic fixtures live in ``tests/fixtures/sgml``; the corpus tests read the real files in
``../shared/corpus`` and are skipped when it is absent.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from scheduleto.containers.sgml import (
    RawDocument,
    Submission,
    looks_like_container,
    read_documents,
    read_submission,
    sniff_form_type,
)
from scheduleto.errors import ContainerError
from scheduleto.model import Address, DocumentInfo, FormerName, SubmissionHeader

from .conftest import CORPUS, needs_corpus

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sgml"

EASTERN = dt.timezone(dt.timedelta(hours=-5))
EDT = dt.timezone(dt.timedelta(hours=-4))


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="latin-1")


def read_fixture(name: str) -> Submission:
    return read_submission(fixture(name), source=name)


def assert_offsets(text: str, documents: tuple[RawDocument, ...]) -> None:
    for doc in documents:
        assert 0 <= doc.start <= doc.end <= len(text)
        assert text[doc.start : doc.end] == doc.text


def header_of(sub: Submission) -> SubmissionHeader:
    assert sub.header is not None
    return sub.header


# --------------------------------------------------------------------------------------------
# Full-submission text with a PEM wrapper
# --------------------------------------------------------------------------------------------


def test_full_text_header_top_level_fields() -> None:
    h = header_of(read_fixture("full_pem.txt"))
    assert h.accession_number == "0000950123-01-000042"
    assert h.form_type == "SC TO-T/A"
    assert h.filed_date == dt.date(2001, 3, 14)
    assert h.public_document_count == 3
    assert h.period is None
    assert h.acceptance_datetime == dt.datetime(2001, 3, 14, 16, 30, 0, tzinfo=EASTERN)
    assert h.acceptance_datetime is not None
    assert h.acceptance_datetime.tzinfo is not None
    assert h.acceptance_datetime.isoformat() == "2001-03-14T16:30:00-05:00"
    # The third member is a continuation line whose name contains ": ".
    assert h.group_members == (
        "BIDCO ACQUISITION CORP.",
        "JANE Q. PUBLIC",
        "PARENT FUND II: SERIES A",
    )


def test_full_text_two_subject_company_blocks() -> None:
    h = header_of(read_fixture("full_pem.txt"))
    assert len(h.subject_companies) == 2
    first, second = h.subject_companies
    assert first.name == second.name == "ACME WIDGETS INC"
    assert first.cik == "0000123456"
    assert first.sic == "3990"
    assert first.irs_number == "221234567"
    assert first.state_of_incorporation == "DE"
    assert first.fiscal_year_end == "1231"
    assert first.file_number == "005-40001"
    assert (first.form_type, first.film_number) == ("SC 13D/A", "1570001")
    assert (second.form_type, second.film_number) == ("SC TO-T/A", "1570002")
    assert first.business_address == Address(
        street1="100 MAIN STREET",
        street2="SUITE 200",
        city="SPRINGFIELD",
        state="IL",
        zip="62701",
        phone="2175550100",
    )
    assert first.mail_address == Address(
        street1="PO BOX 9", city="SPRINGFIELD", state="IL", zip="62705"
    )


def test_full_text_filed_by_block() -> None:
    h = header_of(read_fixture("full_pem.txt"))
    (filer,) = h.filed_by
    assert filer.name == "BIDCO HOLDINGS LLC"
    assert filer.cik == "0000987654"  # printed unpadded in the fixture, padded to 10 digits
    assert filer.sic is None  # "STANDARD INDUSTRIAL CLASSIFICATION: []"
    assert filer.irs_number == "133334444"  # newer headers say EIN:
    assert filer.state_of_incorporation == "NY"
    assert filer.form_type == "SC TO-T/A"
    assert filer.file_number is None
    assert filer.mail_address is None
    assert filer.business_address is not None
    assert filer.business_address.phone == "(212) 555-0199"
    assert filer.former_names == (
        FormerName("BIDCO PARTNERS L P", dt.date(1999, 6, 30)),
        FormerName("BIDCO & CO", dt.date(1995, 1, 1)),
    )


def test_full_text_documents_and_uuencoded_attachment() -> None:
    text = fixture("full_pem.txt")
    sub = read_submission(text)
    assert [d.info() for d in sub.documents] == [
        DocumentInfo("SC TO-T/A", 1, "d12345sctota.txt", "AMENDMENT NO. 2 TO SCHEDULE TO"),
        DocumentInfo("EX-99.(A)(5)(E)", 2, "d12345ex99a5e.htm", "PRESS RELEASE"),
        DocumentInfo("GRAPHIC", 3, "logo.jpg", "GRAPHIC"),
    ]
    assert [d.uuencoded for d in sub.documents] == [False, False, True]
    assert_offsets(text, sub.documents)
    main, press, graphic = sub.documents
    assert main.text.startswith("\n<PAGE>\n")
    assert "(Name of Subject Company (Issuer))" in main.text
    assert "</TEXT>" not in main.text and "<TYPE>" not in main.text
    assert (
        press.text.strip()
        == "<HTML><BODY><P>BIDCO EXTENDS TENDER OFFER FOR ACME WIDGETS</P></BODY></HTML>"
    )
    assert graphic.text.lstrip().startswith("begin 644 logo.jpg")
    assert graphic.text.rstrip().endswith("end")  # listed, never decoded


def test_header_only_skips_documents() -> None:
    sub = read_submission(fixture("full_pem.txt"), header_only=True)
    assert sub.documents == ()
    assert header_of(sub).accession_number == "0000950123-01-000042"


@pytest.mark.parametrize("name", ["full_pem.txt", "feed_flat.nc", "index_headers.html", "single_document.htm"])
def test_documents_alone_are_those_of_the_full_read(name: str) -> None:
    text = fixture(name)
    assert read_documents(text) == read_submission(text).documents


def test_crlf_line_endings() -> None:
    text = fixture("full_pem.txt").replace("\n", "\r\n")
    sub = read_submission(text)
    h = header_of(sub)
    assert h.form_type == "SC TO-T/A"
    assert h.subject_companies[1].film_number == "1570002"
    assert h.group_members[-1] == "PARENT FUND II: SERIES A"
    assert [d.sequence for d in sub.documents] == [1, 2, 3]
    assert sub.documents[0].filename == "d12345sctota.txt"
    assert sub.documents[2].uuencoded
    assert_offsets(text, sub.documents)


# --------------------------------------------------------------------------------------------
# Tag-style SGML (daily feed .nc), with and without line breaks
# --------------------------------------------------------------------------------------------


def test_tag_style_header() -> None:
    h = header_of(read_fixture("feed_lines.nc"))
    assert h.accession_number == "0001234567-24-000007"
    assert h.form_type == "SC TO-T"
    assert h.filed_date == dt.date(2024, 4, 2)
    assert h.public_document_count == 2
    assert h.acceptance_datetime == dt.datetime(2024, 4, 2, 7, 15, 2, tzinfo=EDT)
    assert h.group_members == ("EXAMPLE MERGER SUB, INC.", "EXAMPLE PARENT HOLDINGS LTD")
    (subject,) = h.subject_companies
    assert subject.name == "Example Therapeutics, Inc."
    assert subject.cik == "0001555001"
    assert subject.sic == "2834"
    assert subject.file_number == "005-90001"
    assert subject.film_number == "24800001"
    assert subject.business_address == Address(
        street1="1 INNOVATION WAY",
        street2="FLOOR 7",
        city="CAMBRIDGE",
        state="MA",
        zip="02142",
        phone="617-555-0100",
    )
    assert subject.former_names == (FormerName("Example Bio Corp", dt.date(2015, 1, 5)),)
    (filer,) = h.filed_by
    assert (filer.name, filer.cik, filer.state_of_incorporation) == (
        "Big Pharma plc",
        "0001999001",
        "X0",
    )
    assert filer.business_address is not None
    assert filer.business_address.city == "LONDON"
    assert filer.business_address.state is None  # only <PROVINCE-COUNTRY> is given
    assert filer.business_address.zip == "EC1A 1AA"


def test_tag_style_documents() -> None:
    text = fixture("feed_lines.nc")
    sub = read_submission(text)
    assert [d.info() for d in sub.documents] == [
        DocumentInfo("SC TO-T", 1, "d55501dsctot.htm", "SC TO-T"),
        DocumentInfo("EX-99.(A)(1)(A)", 2, "d55501dex99a1a.htm", "OFFER TO PURCHASE"),
    ]
    assert not any(d.uuencoded for d in sub.documents)
    assert_offsets(text, sub.documents)
    assert "<P>Offer to Purchase for Cash</P>" in sub.documents[1].text


def test_tag_style_without_line_breaks_matches_lines() -> None:
    flat_text = fixture("feed_flat.nc")
    assert "\n" not in flat_text
    flat = read_submission(flat_text)
    lines = read_fixture("feed_lines.nc")
    assert flat.header == lines.header
    assert [d.info() for d in flat.documents] == [d.info() for d in lines.documents]
    assert (
        flat.documents[0].text
        == "<HTML><BODY><P>SCHEDULE TO</P><P>Example Therapeutics, Inc.</P></BODY></HTML>"
    )
    assert_offsets(flat_text, flat.documents)


def test_hdr_sgml_tag_header_inside_sec_header() -> None:
    text = (
        "<SEC-HEADER>0001234567-24-000007.hdr.sgml : 20240402\n"
        + fixture("feed_lines.nc").split("<SUBMISSION>\n", 1)[1].split("<DOCUMENT>", 1)[0]
        + "</SEC-HEADER>\n"
    )
    sub = read_submission(text)
    assert sub.documents == ()
    assert sub.header == read_fixture("feed_lines.nc").header


# --------------------------------------------------------------------------------------------
# -index-headers.html
# --------------------------------------------------------------------------------------------


def test_index_headers_html_header_from_comment() -> None:
    h = header_of(read_fixture("index_headers.html"))
    assert h.accession_number == "0001234567-24-000099"
    assert h.form_type == "SC TO-C"
    assert h.filed_date == dt.date(2024, 5, 15)
    assert h.acceptance_datetime == dt.datetime(2024, 5, 15, 16, 5, 1, tzinfo=EDT)
    (subject,) = h.subject_companies
    assert (subject.name, subject.cik, subject.sic) == (
        "Smith & Jones Retail Corp",
        "0000777001",
        "5331",
    )
    (filer,) = h.filed_by
    assert filer.name == "Value Partners & Co. LP"  # "&amp;" unescaped
    assert filer.cik == "0000888002"


def test_index_headers_html_escaped_document_listing() -> None:
    text = fixture("index_headers.html")
    sub = read_submission(text)
    assert [d.info() for d in sub.documents] == [
        DocumentInfo("SC TO-C", 1, "d77001dsctoc.htm", "SC TO-C"),
        DocumentInfo("EX-99.1", 2, "d77001dex991.htm", "Q&A FOR EMPLOYEES"),
    ]
    assert_offsets(text, sub.documents)
    assert 'href="d77001dex991.htm"' in sub.documents[1].text


def test_index_headers_html_without_comment_reads_escaped_pre() -> None:
    text = re.sub(r"<!--.*?-->", "", fixture("index_headers.html"), flags=re.S)
    h = header_of(read_submission(text))
    assert h == header_of(read_fixture("index_headers.html"))


# --------------------------------------------------------------------------------------------
# A single <DOCUMENT>-wrapped file
# --------------------------------------------------------------------------------------------


def test_single_document_file() -> None:
    text = fixture("single_document.htm")
    sub = read_submission(text)
    assert sub.header is None
    (doc,) = sub.documents
    assert doc.info() == DocumentInfo(
        "SC TO-I/A", 1, "sctoia.htm", "AMENDMENT NO. 1 TO SCHEDULE TO"
    )
    assert not doc.uuencoded
    assert_offsets(text, sub.documents)
    # An inline SVG <text> element does not end the document text early.
    assert doc.text.rstrip().endswith("</html>")
    assert "EXAMPLE MUNICIPAL FUND" in doc.text


def test_single_document_lower_case_tags() -> None:
    text = fixture("single_document.htm")
    for tag in ("DOCUMENT", "TYPE", "SEQUENCE", "FILENAME", "DESCRIPTION", "TEXT"):
        text = text.replace(f"<{tag}>", f"<{tag.lower()}>").replace(
            f"</{tag}>", f"</{tag.lower()}>"
        )
    sub = read_submission(text)
    (doc,) = sub.documents
    assert doc.type == "SC TO-I/A"
    assert doc.sequence == 1
    assert doc.text.rstrip().endswith("</html>")
    assert_offsets(text, sub.documents)


def test_header_only_on_bare_document_returns_no_header() -> None:
    assert read_submission(fixture("single_document.htm"), header_only=True) == Submission(None, ())


# --------------------------------------------------------------------------------------------
# Malformed input
# --------------------------------------------------------------------------------------------


def test_header_without_end_and_truncated_document() -> None:
    full = fixture("full_pem.txt")
    text = full.replace("</SEC-HEADER>\n", "")
    cut = text.index("BIDCO EXTENDS")
    text = text[:cut]
    sub = read_submission(text, source="cut.txt")
    h = header_of(sub)
    assert h.accession_number == "0000950123-01-000042"
    assert len(h.subject_companies) == 2
    assert len(h.filed_by) == 1
    assert [d.type for d in sub.documents] == ["SC TO-T/A", "EX-99.(A)(5)(E)"]
    last = sub.documents[-1]
    assert last.end == len(text)
    assert last.text.endswith("<HTML><BODY><P>")
    assert_offsets(text, sub.documents)


def test_unclosed_document_followed_by_next_document() -> None:
    text = (
        "<DOCUMENT>\n<TYPE>SC TO-T\n<SEQUENCE>1\n<TEXT>\nfirst body\n"
        "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<TEXT>\nsecond body\n</TEXT>\n</DOCUMENT>\n"
    )
    sub = read_submission(text)
    assert [(d.type, d.text.strip()) for d in sub.documents] == [
        ("SC TO-T", "first body"),
        ("EX-99.1", "second body"),
    ]


def test_literal_document_tag_inside_text_does_not_split() -> None:
    text = (
        "<DOCUMENT>\n<TYPE>SC TO-I\n<SEQUENCE>1\n<TEXT>\n<PRE>quoted &lt;x&gt; <DOCUMENT> marker"
        "</PRE>\n</TEXT>\n</DOCUMENT>\n"
    )
    (doc,) = read_submission(text).documents
    assert "<DOCUMENT> marker" in doc.text


def test_document_without_text_tag_uses_body() -> None:
    text = "<DOCUMENT>\n<TYPE>SC TO-C\n<SEQUENCE>x\n<HTML><P>body</P></HTML>\n</DOCUMENT>\n"
    (doc,) = read_submission(text).documents
    assert doc.type == "SC TO-C"
    assert doc.sequence is None  # not a number
    assert doc.text.strip() == "<HTML><P>body</P></HTML>"


def test_repeated_header_keeps_the_complete_copy() -> None:
    one = (
        "<ACCEPTANCE-DATETIME>20240313150033\n\n"
        "ACCESSION NUMBER:\t\t0001234567-24-000123\n\n"
        "CONFORMED SUBMISSION TYPE:\tSC TO-I\n\n"
        "FILED AS OF DATE:\t\t20240313\n\n\n"
        "SUBJECT COMPANY:\n\n\n\tCOMPANY DATA:\n\n"
        "\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE FUND\n\n"
    )
    rest = (
        "\t\tCENTRAL INDEX KEY:\t\t\t0001100001\n\n"
        "\tFILING VALUES:\n\n\t\tFORM TYPE:\t\tSC TO-I\n\n"
        "\t\tSEC FILE NUMBER:\t005-11111\n\n"
        "FILED BY:\n\n\tCOMPANY DATA:\n\n\t\tCOMPANY CONFORMED NAME:\t\t\tEXAMPLE FUND\n\n"
    )
    text = one + "\n" + one + rest  # first copy cut short, then the whole header again
    h = header_of(read_submission(text))
    assert h.accession_number == "0001234567-24-000123"
    assert h.filed_date == dt.date(2024, 3, 13)
    assert h.acceptance_datetime == dt.datetime(2024, 3, 13, 15, 0, 33, tzinfo=EDT)
    (subject,) = h.subject_companies
    assert (subject.name, subject.cik, subject.file_number) == (
        "EXAMPLE FUND",
        "0001100001",
        "005-11111",
    )
    assert [c.name for c in h.filed_by] == ["EXAMPLE FUND"]


def test_ims_header_and_bad_values() -> None:
    text = (
        "<SEC-DOCUMENT>x\n<IMS-HEADER>\nACCESSION NUMBER:\t0000000001-94-000001\n"
        "CONFORMED SUBMISSION TYPE:\tSC 14D1\nPUBLIC DOCUMENT COUNT:\tmany\n"
        "FILED AS OF DATE:\t19941399\n</IMS-HEADER>\n"
    )
    h = header_of(read_submission(text))
    assert h.accession_number == "0000000001-94-000001"
    assert h.form_type == "SC 14D1"
    assert h.public_document_count is None
    assert h.filed_date is None  # month 13: not a date


def test_not_a_container_raises_container_error_naming_source() -> None:
    with pytest.raises(ContainerError) as info:
        read_submission("<html><body><p>Offer to Purchase</p></body></html>", source="plain.htm")
    assert "plain.htm" in str(info.value)
    assert info.value.source == "plain.htm"


def test_empty_envelope_raises_container_error() -> None:
    with pytest.raises(ContainerError, match=r"empty\.txt"):
        read_submission("<SEC-DOCUMENT>0000000000-00-000000.txt : 20000101\n", source="empty.txt")
    with pytest.raises(ContainerError):
        read_submission("")


# --------------------------------------------------------------------------------------------
# sniff_form_type / looks_like_container
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("full_pem.txt", "SC TO-T/A"),
        ("feed_lines.nc", "SC TO-T"),
        ("feed_flat.nc", "SC TO-T"),
        ("index_headers.html", "SC TO-C"),
        ("single_document.htm", "SC TO-I/A"),
    ],
)
def test_sniff_fixtures(name: str, form: str) -> None:
    text = fixture(name)
    assert sniff_form_type(text) == form
    assert sniff_form_type(text.encode("latin-1")) == form
    assert looks_like_container(text)
    sub = read_submission(text)
    assert (sub.header.form_type if sub.header else sub.documents[0].type) == form


def test_sniff_reads_only_the_head() -> None:
    head = fixture("feed_flat.nc")[:200]
    assert sniff_form_type(head) == "SC TO-T"
    late = "x" * 20000 + "<SUBMISSION><TYPE>SC TO-I"
    assert sniff_form_type(late) is None
    assert not looks_like_container(late)


def test_sniff_non_containers() -> None:
    assert sniff_form_type("<html><body>Tender Offer Statement</body></html>") is None
    assert sniff_form_type(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3") is None
    assert sniff_form_type("") is None
    assert not looks_like_container("CIK|Company Name|Form Type|Date Filed|Filename")
    # A header with no type at all is a container without a form type.
    assert sniff_form_type("<SUBMISSION>\n<ACCESSION-NUMBER>0001234567-24-000001\n") is None


# --------------------------------------------------------------------------------------------
# The shared corpus
# --------------------------------------------------------------------------------------------

CVR_MEMBERS = (
    "AMERICAN ENTERTAINMENT PROPERTIES CORP.",
    "BECKTON CORP.",
    "CARL C. ICAHN",
    "ICAHN ENTERPRISES G.P. INC.",
    "ICAHN ENTERPRISES L.P.",
    "IEP ENERGY HOLDING LLC",
)


def corpus_text(*parts: str) -> str:
    return CORPUS.joinpath(*parts).read_text(encoding="latin-1")


@needs_corpus
@pytest.mark.parametrize("name", ["0001104659-25-002604.txt", "0001104659-25-002604.nc"])
def test_corpus_cvr_header(name: str) -> None:
    text = corpus_text("submissions", name)
    sub = read_submission(text, source=name)
    h = header_of(sub)
    assert h.accession_number == "0001104659-25-002604"
    assert h.form_type == "SC TO-T/A"
    assert h.filed_date == dt.date(2025, 1, 10)
    assert h.public_document_count == 2
    assert h.group_members == CVR_MEMBERS
    assert [(c.name, c.cik, c.sic, c.form_type) for c in h.subject_companies] == [
        ("CVR ENERGY INC", "0001376139", "2911", "SC 13D/A"),
        ("CVR ENERGY INC", "0001376139", "2911", "SC TO-T/A"),
    ]
    assert [c.file_number for c in h.subject_companies] == ["005-83522", "005-83522"]
    (filer,) = h.filed_by
    assert (filer.name, filer.cik) == ("ICAHN ENTERPRISES HOLDINGS L.P.", "0001034563")
    assert filer.former_names == (
        FormerName("AMERICAN REAL ESTATE HOLDINGS L P", dt.date(1998, 3, 11)),
    )
    assert [d.info() for d in sub.documents] == [
        DocumentInfo("SC TO-T/A", 1, "tm252901d1_sctota.htm", "SC TO-T/A"),
        DocumentInfo("EX-99.(A)(5)(C)", 2, "tm252901d1_ex99-a5c.htm", "EX-99.(A)(5)(C)"),
    ]
    assert_offsets(text, sub.documents)
    assert "CVR ENERGY" in sub.documents[0].text


@needs_corpus
def test_corpus_cvr_twins_agree() -> None:
    txt = read_submission(corpus_text("submissions", "0001104659-25-002604.txt"))
    nc = read_submission(corpus_text("submissions", "0001104659-25-002604.nc"))
    # The .txt header carries <ACCEPTANCE-DATETIME>; the daily-feed .nc does not.
    assert header_of(txt).acceptance_datetime == dt.datetime(
        2025, 1, 10, 17, 15, 38, tzinfo=EASTERN
    )
    assert header_of(nc).acceptance_datetime is None
    assert dataclasses.replace(header_of(txt), acceptance_datetime=None) == nc.header
    assert [d.info() for d in txt.documents] == [d.info() for d in nc.documents]


def _corpus_files() -> list[str]:
    if not CORPUS.exists():
        return []
    return sorted(p.name for p in (CORPUS / "submissions").iterdir())


@needs_corpus
@pytest.mark.parametrize("name", _corpus_files())
def test_corpus_sniff_agrees_with_read(name: str) -> None:
    text = corpus_text("submissions", name)
    sniffed = sniff_form_type(text.encode("latin-1")[:4096])
    assert sniff_form_type(text) == sniffed
    if name.endswith(".idx"):
        assert sniffed is None
        assert not looks_like_container(text)
        with pytest.raises(ContainerError):
            read_submission(text, source=name)
        return
    assert looks_like_container(text)
    sub = read_submission(text, source=name)
    read_form = sub.header.form_type if sub.header else sub.documents[0].type
    assert sniffed is not None
    assert sniffed == read_form
    assert_offsets(text, sub.documents)
    for doc in sub.documents:
        if doc.uuencoded:
            assert re.match(r"\s*begin [0-7]{3} ", doc.text)


@needs_corpus
def test_corpus_expected_forms_and_attachments() -> None:
    expected = {
        "0000899681-95-000096.txt": "S-3/A",  # no header at all: the first document's type
        "0000950129-95-001652.txt": "24F-2NT",
        "0001094891-00-000193.txt": "4",
        "0001193125-10-145855.nc": "424B5",
        "0001193125-24-100942.txt": "485APOS",
        "0001398344-24-000491.nc": "D/A",
        "header_with_double_newlines.txt": "485APOS",
    }
    for name, form in expected.items():
        assert sniff_form_type(corpus_text("submissions", name)) == form, name
    sub = read_submission(corpus_text("submissions", "0001193125-10-145855.nc"))
    assert [(d.type, d.uuencoded) for d in sub.documents] == [("424B5", False)] + [
        ("GRAPHIC", True)
    ] * 4
    assert read_submission(corpus_text("submissions", "0000899681-95-000096.txt")).header is None


@needs_corpus
def test_corpus_header_with_double_newlines() -> None:
    sub = read_submission(corpus_text("submissions", "header_with_double_newlines.txt"))
    h = header_of(sub)
    assert sub.documents == ()
    assert h.accession_number == "0001193125-24-066744"
    assert h.form_type == "485APOS"
    assert h.public_document_count == 7
    assert h.filed_date == dt.date(2024, 3, 13)
    # Two FILER blocks (1940 Act and 1933 Act), each read once although the header repeats.
    assert [(c.name, c.file_number) for c in h.filed_by] == [
        ("iSHARES TRUST", "811-09729"),
        ("iSHARES TRUST", "333-92935"),
    ]
    assert h.filed_by[0].former_names == (FormerName("ISHARES TRUST", dt.date(1999, 12, 13)),)


HDR_EXPECTED = [
    # file, accession, form, subject (name, cik), filer (name, cik), group members, subject count
    (
        "ebull_nuvl_sctot_hdr.sgml",
        "0001193125-26-280246",
        "SC TO-T",
        ("Nuvalent, Inc.", "0001861560"),
        ("GSK plc", "0001131399"),
        0,
        1,
    ),
    (
        "ebull_dsx_sctota_hdr.sgml",
        "0001104659-26-079410",
        "SC TO-T/A",
        ("GENCO SHIPPING & TRADING LTD", "0001326200"),
        ("DIANA SHIPPING INC.", "0001318885"),
        1,
        2,
    ),
    (
        "ebull_iq_sctoi_hdr.sgml",
        "0001193125-26-043648",
        "SC TO-I",
        ("iQIYI, Inc.", "0001722608"),
        ("iQIYI, Inc.", "0001722608"),
        0,
        1,
    ),
    (
        "ebull_lpro_sc14d9_hdr.sgml",
        "0001193125-26-286952",
        "SC 14D9",
        ("Open Lending Corp", "0001806201"),
        ("Open Lending Corp", "0001806201"),
        0,
        1,
    ),
    (
        "ebull_bally_sc13e3_hdr.sgml",
        "0001213900-24-073431",
        "SC 13E3",
        ("Bally's Corp", "0001747079"),
        ("Bally's Corp", "0001747079"),
        7,
        1,
    ),
    (
        "radar_acv_sctot_hdr.html",
        "0001193125-26-393827",
        "SC TO-T",
        ("ACV Auctions Inc.", "0001637873"),
        ("COPART INC", "0000900075"),
        1,
        1,
    ),
    (
        "radar_jcp_bdc_sctoi_hdr.html",
        "0001193125-26-410644",
        "SC TO-I",
        ("Jefferies Credit Partners BDC Inc.", "0001959604"),
        ("Jefferies Credit Partners BDC Inc.", "0001959604"),
        0,
        1,
    ),
    (
        "radar_soundthinking_sctoc_hdr.html",
        "0001140361-26-037933",
        "SC TO-C",
        ("SOUNDTHINKING, INC.", "0001351636"),
        ("Transom Capital Fund IV, L.P.", "0001934933"),
        4,
        1,
    ),
]


@needs_corpus
@pytest.mark.parametrize(
    ("name", "accession", "form", "subject", "filer", "members", "subjects"), HDR_EXPECTED
)
def test_corpus_header_files(
    name: str,
    accession: str,
    form: str,
    subject: tuple[str, str],
    filer: tuple[str, str],
    members: int,
    subjects: int,
) -> None:
    text = corpus_text("edgar", name)
    assert sniff_form_type(text) == form
    h = header_of(read_submission(text, source=name))
    assert h.accession_number == accession
    assert h.form_type == form
    assert h.acceptance_datetime is not None
    assert h.acceptance_datetime.date() == h.filed_date
    assert len(h.subject_companies) == subjects
    assert all((c.name, c.cik) == subject for c in h.subject_companies)
    assert [(c.name, c.cik) for c in h.filed_by] == [filer]
    assert len(h.group_members) == members


@needs_corpus
def test_corpus_header_details() -> None:
    bally = header_of(read_submission(corpus_text("edgar", "ebull_bally_sc13e3_hdr.sgml")))
    assert bally.public_document_count == 72
    assert bally.acceptance_datetime == dt.datetime(2024, 8, 28, 17, 21, 48, tzinfo=EDT)
    assert [f.name for f in bally.subject_companies[0].former_names] == [
        "Twin River Worldwide Holdings, Inc.",
        "Bally's Corp",
        "Twin River Worldwide Holdings, Inc.",
    ]
    dsx = header_of(read_submission(corpus_text("edgar", "ebull_dsx_sctota_hdr.sgml")))
    assert dsx.group_members == ("4 DRAGON MERGER SUB INC.",)
    assert [c.form_type for c in dsx.subject_companies] == ["SC 13D/A", "SC TO-T/A"]
    assert dsx.subject_companies[0].file_number == "005-81128"
    acv = read_submission(corpus_text("edgar", "radar_acv_sctot_hdr.html"))
    assert header_of(acv).group_members == ("APPLE MERGER SUB, INC.",)
    assert header_of(acv).subject_companies[0].sic == "7389"
    assert len(acv.documents) == 27  # the HTML-escaped listing in <PRE>
    assert acv.documents[0].info() == DocumentInfo("SC TO-T", 1, "d160557dsctot.htm", "SC TO-T")


@needs_corpus
@pytest.mark.parametrize("name", [n for n, *_ in HDR_EXPECTED if n.startswith("radar_")])
def test_corpus_index_headers_comment_and_pre_agree(name: str) -> None:
    text = corpus_text("edgar", name)
    without_comment = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    assert read_submission(without_comment).header == read_submission(text).header


def _edgar_documents() -> list[str]:
    if not CORPUS.exists():
        return []
    return sorted(p.name for p in (CORPUS / "edgar").glob("*.htm"))


@needs_corpus
@pytest.mark.parametrize("name", _edgar_documents())
def test_corpus_single_documents(name: str) -> None:
    text = corpus_text("edgar", name)
    sub = read_submission(text, source=name)
    assert sub.header is None
    (doc,) = sub.documents
    assert doc.type is not None
    assert sniff_form_type(text) == doc.type
    assert doc.filename is not None
    assert not doc.uuencoded
    assert_offsets(text, sub.documents)
    assert doc.text.strip()
