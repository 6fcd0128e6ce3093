"""Submissions cut short outside their main document: every cut names what is missing."""

from __future__ import annotations

import pytest

import scheduleto
from scheduleto import EmptyDocumentError

from .conftest import CORPUS, needs_corpus

TXT = CORPUS / "submissions" / "0001104659-25-002604.txt"
NC = CORPUS / "submissions" / "0001104659-25-002604.nc"
HDR = CORPUS / "edgar" / "ebull_nuvl_sctot_hdr.sgml"

EXHIBIT_OPEN = "document 2 (EX-99.(A)(5)(C)) is not closed (no </TEXT> or </DOCUMENT>): the file may be cut short"
UUENCODED_OPEN = "document 3 (GRAPHIC) is not closed (no </TEXT> or </DOCUMENT>): the file may be cut short"
MAIN_OPEN = "document 1 (SC TO-T/A) is not closed (no </TEXT> or </DOCUMENT>): the file may be cut short"
CUT_HEADER_ONLY = "header only: the file is cut short, so only the submission header was read"


def _envelope_open(tag: str, found: int | None = None) -> str:
    of = f" and holds {found} of the 2 documents its header announces" if found is not None else ""
    return f"the submission is not closed (no </{tag}>){of}: the file may be cut short"


def _raw(tag: str) -> bytes:
    """The CVR Energy SC TO-T/A as a full submission (.txt) or a daily-feed file (.nc)."""
    return (TXT if tag == "SEC-DOCUMENT" else NC).read_bytes()


def _cut_warnings(data: bytes) -> list[str]:
    return [w for w in scheduleto.parse(data).warnings if "cut short" in w or "not closed" in w]


def _with_uuencoded_attachment(raw: bytes, close: bytes) -> bytes:
    """The submission with a third document, a uuencoded image, before its closing tag."""
    graphic = (
        b"<DOCUMENT>\n<TYPE>GRAPHIC\n<SEQUENCE>3\n<FILENAME>logo.jpg\n<DESCRIPTION>GRAPHIC\n<TEXT>\n"
        b"begin 644 logo.jpg\n" + b"M_]C_X  02D9)1@ ! 0$ 8 !@  #_VP!#  (! 0(! 0(\"@(\"@(\"@,%`P,#`P8$\n" * 40
        + b"`\nend\n</TEXT>\n</DOCUMENT>\n"
    )
    return raw.replace(close, graphic + close)


@needs_corpus
@pytest.mark.parametrize("tag", ["SEC-DOCUMENT", "SUBMISSION"])
def test_complete_submission_has_no_cut_warning(tag: str) -> None:
    raw = _raw(tag)
    assert _cut_warnings(raw) == []
    assert _cut_warnings(_with_uuencoded_attachment(raw, f"</{tag}>".encode())) == []


@needs_corpus
@pytest.mark.parametrize("tag", ["SEC-DOCUMENT", "SUBMISSION"])
def test_cut_inside_the_exhibit(tag: str) -> None:
    raw = _raw(tag)
    cut = raw[: raw.index(b"<TYPE>EX-99") + 3000]
    filing = scheduleto.parse(cut)
    assert filing.subject_company == "CVR ENERGY, INC."
    assert _cut_warnings(cut) == [EXHIBIT_OPEN, _envelope_open(tag)]


@needs_corpus
@pytest.mark.parametrize("tag", ["SEC-DOCUMENT", "SUBMISSION"])
def test_cut_inside_a_uuencoded_attachment(tag: str) -> None:
    raw = _with_uuencoded_attachment(_raw(tag), f"</{tag}>".encode())
    cut = raw[: raw.index(b"begin 644") + 200]
    assert _cut_warnings(cut) == [UUENCODED_OPEN, _envelope_open(tag)]


@needs_corpus
@pytest.mark.parametrize("tag", ["SEC-DOCUMENT", "SUBMISSION"])
def test_cut_before_the_closing_envelope_tag(tag: str) -> None:
    raw = _raw(tag)
    assert _cut_warnings(raw[: raw.rindex(f"</{tag}>".encode())]) == [_envelope_open(tag)]


@needs_corpus
@pytest.mark.parametrize("tag", ["SEC-DOCUMENT", "SUBMISSION"])
def test_cut_between_documents_counts_them(tag: str) -> None:
    raw = _raw(tag)
    cut = raw[: raw.index(b"</DOCUMENT>") + len(b"</DOCUMENT>")]
    filing = scheduleto.parse(cut)
    assert [d.type for d in filing.documents] == ["SC TO-T/A"]
    assert _cut_warnings(cut) == [_envelope_open(tag, found=1)]


@needs_corpus
@pytest.mark.parametrize("tag", ["SEC-DOCUMENT", "SUBMISSION"])
def test_cut_right_after_the_main_text_tag_says_so(tag: str) -> None:
    raw = _raw(tag)
    filing = scheduleto.parse(raw[: raw.index(b"<TEXT>") + len(b"<TEXT>\n")])
    assert filing.accession_number == "0001104659-25-002604"
    assert list(filing.warnings) == [CUT_HEADER_ONLY, MAIN_OPEN, _envelope_open(tag, found=1)]


@needs_corpus
def test_header_file() -> None:
    raw = HDR.read_bytes()
    assert scheduleto.parse(raw).warnings == (
        "header only: the file holds the submission header but no document text",
    )
    cut = scheduleto.parse(raw[: raw.rindex(b"</SEC-HEADER>")])
    assert cut.warnings == (
        CUT_HEADER_ONLY,
        "the header is not closed (no </SEC-HEADER>): the file may be cut short",
    )


def test_cut_submission_with_no_text_document_says_so() -> None:
    with pytest.raises(EmptyDocumentError, match="no text document; it looks cut short: document 1"):
        scheduleto.parse(b"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>1\n<TEXT>\n")


def test_document_wrapping_a_copy_of_its_wrapper_is_not_cut(seed_text: str) -> None:
    # An unclosed <DOCUMENT> followed by another is malformed, not cut: no truncation warning.
    sub = (
        "<SEC-DOCUMENT>0001213900-23-035000.txt : 20230501\n<SEC-HEADER>\n"
        "ACCESSION NUMBER:\t\t0001213900-23-035000\nCONFORMED SUBMISSION TYPE:\tSC TO-I/A\n"
        "PUBLIC DOCUMENT COUNT:\t\t1\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>SC TO-I/A\n<TEXT>\n"
        "<DOCUMENT>\n<TYPE>SC TO-I/A\n<TEXT>\n" + seed_text + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    filing = scheduleto.parse_text(sub)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    assert not any("cut short" in w for w in filing.warnings)
    assert any("cut short" in w for w in scheduleto.parse_text(sub[: sub.rindex("</SEC-DOCUMENT>")]).warnings)
