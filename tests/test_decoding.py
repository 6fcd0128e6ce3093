"""Decoding input bytes: UTF-8, stray Windows-1252 bytes, single-byte files, and the warnings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import scheduleto
from scheduleto import DecodeError, EmptyDocumentError
from scheduleto.source import decode

from .conftest import CORPUS, needs_corpus

NUVALENT = CORPUS / "edgar" / "ebull_nuvl_sctot.htm"


def _utf8_then_windows_1252() -> bytes:
    """The Nuvalent cover: first half UTF-8 (an accented name, the box glyphs), second half with
    Windows-1252 smart quotes and bullets, and 'café' in Windows-1252 between them."""
    raw = NUVALENT.read_bytes()
    first, second = raw[: len(raw) // 2], raw[len(raw) // 2 :]
    first = first.replace(b"NUVALENT, INC.", "NUVALÉNT, INC.".encode())
    first = first.replace(b"&#9744;", "☐".encode()).replace(b"&#9746;", "☒".encode())
    second = second.replace(b"&#8220;", b"\x93").replace(b"&#8221;", b"\x94").replace(b"&#149;", b"\x95")
    return first + b" caf\xe9 " + second


@needs_corpus
def test_utf8_with_stray_windows_1252_bytes_keeps_the_utf8() -> None:
    data = _utf8_then_windows_1252()
    stray = data.count(b"\x93") + data.count(b"\x94") + data.count(b"\x95") + 1
    text, encoding = decode(data)
    assert encoding == f"utf-8, with {stray} bytes that were not valid UTF-8 read as windows-1252"
    assert "NUVALÉNT, INC." in text and "☒" in text and "☐" in text
    assert " café " in text and "\u201c" in text and "\u2022" in text
    assert "Ã" not in text and "\ufffd" not in text
    filing = scheduleto.parse(data)
    assert filing.subject_company == "NUVALÉNT, INC."
    assert filing.checkboxes.third_party_tender_offer is True
    assert filing.checkboxes.preliminary_communication is False
    assert filing.checkboxes.going_private is False
    assert filing.warnings[0] == f"input is not valid UTF-8; decoded as {encoding}"


def test_utf8_seed_with_windows_1252_quotes(seed_text: str) -> None:
    # More stray bytes than UTF-8 characters: still UTF-8 with the stray bytes read apart.
    half = len(seed_text) // 2
    second = seed_text[half:].replace('"', "\u201d")
    raw = seed_text[:half].encode("utf-8") + second.encode("cp1252")
    stray = sum(ch > "\x7f" for ch in second)
    assert stray > sum(ch > "\x7f" for ch in seed_text[:half]) > 0
    filing = scheduleto.parse(raw)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    assert filing.checkboxes.issuer_tender_offer is True
    assert filing.checkboxes.preliminary_communication is False
    assert filing.press_releases[0].location == "LAS VEGAS"
    assert filing.warnings[0] == (
        f"input is not valid UTF-8; decoded as utf-8, with {stray} bytes that were not valid "
        "UTF-8 read as windows-1252"
    )
    assert decode(raw)[0] == seed_text[:half] + second


def test_windows_1252_file_reads_as_before_and_warns(seed_text: str) -> None:
    data = seed_text.replace("\u2013", "-").replace("\u25a1", "[ ]").replace("\u201c", '"')
    data = data.replace('"Offer"', "\u201cOffer\u201d").replace("AULT", "AULT\u00c9", 1)
    raw = data.encode("cp1252")
    assert decode(raw) == (data, "windows-1252")
    filing = scheduleto.parse(raw)
    assert filing.warnings[0] == "input is not valid UTF-8; decoded as windows-1252"


def test_latin_1_file_reads_as_before() -> None:
    raw = "Société Générale: 5 % à 10 ° ±".encode("latin-1")
    assert decode(raw) == ("Société Générale: 5 % à 10 ° ±", "windows-1252")


@needs_corpus
def test_cp1250_is_not_guessed_but_warned() -> None:
    # Central European text is read as Windows-1252 (no reliable way to tell them apart): the
    # warning names the encoding used, so the wrong letter is never silent.
    raw = NUVALENT.read_bytes().replace(b"NUVALENT, INC.", "ČEZ, INC.".encode("cp1250"))
    filing = scheduleto.parse(raw)
    assert filing.subject_company == "ÈEZ, INC."
    assert filing.warnings[0] == "input is not valid UTF-8; decoded as windows-1252"


def test_c1_controls_do_not_make_a_file_utf8() -> None:
    # C2 93 is valid UTF-8 (a C1 control) but in Windows-1252 it is 'Â' and a quote.
    assert decode(b"\xc2\x93quoted\xc2\x94 caf\xe9") == ("Â\u201cquotedÂ\u201d café", "windows-1252")


def test_undefined_windows_1252_bytes_become_replacement_characters() -> None:
    text, encoding = decode("☐ box ".encode() + b"\x81 and \x93q\x94")
    assert text == "☐ box \ufffd and \u201cq\u201d"
    assert encoding == (
        "utf-8, with 3 bytes that were not valid UTF-8 read as windows-1252 (1 undefined there, "
        "replaced by U+FFFD)"
    )


def test_utf8_cut_inside_its_last_character() -> None:
    raw = "☒ Third-party tender offer \u201cquoted\u201d".encode()
    text, encoding = decode(raw[:-1])
    assert text == "☒ Third-party tender offer \u201cquoted\ufffd"
    assert encoding == "utf-8, with its last character cut short (replaced by U+FFFD)"
    # A lone lead byte at the end is a Windows-1252 letter like any other stray byte.
    assert decode("☒ caf".encode() + b"\xe9") == ("☒ café", "utf-8, with 1 byte that was not valid UTF-8 read as windows-1252")


def test_valid_utf8_gives_no_warning(seed_text: str) -> None:
    assert decode(seed_text.encode()) == (seed_text, "utf-8")
    assert decode(b"\xef\xbb\xbf" + seed_text.encode()) == (seed_text, "utf-8")
    filing = scheduleto.parse(seed_text.encode())
    assert not any("UTF-8" in w for w in filing.warnings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_decoded_with_a_warning(seed_text: str, codec: str) -> None:
    raw = seed_text.encode(codec)
    assert decode(raw) == (seed_text, f"{codec} (no byte-order mark: told from its NUL bytes)")
    filing = scheduleto.parse(raw)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    assert filing.checkboxes.issuer_tender_offer is True
    assert filing.warnings[0] == (
        f"input is not valid UTF-8; decoded as {codec} (no byte-order mark: told from its NUL bytes)"
    )
    # Cut inside its last character (an odd number of bytes): the half character is replaced.
    text, encoding = decode(raw[:-1])
    assert text == seed_text[:-1] + "\ufffd"
    assert encoding == f"{codec} (no byte-order mark: told from its NUL bytes; undecodable bytes replaced by U+FFFD)"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(seed_text: str, codec: str) -> None:
    raw = seed_text.encode(codec)  # the platform's byte order, with its mark
    text, encoding = decode(raw)
    assert text == seed_text
    assert encoding.startswith(codec) and encoding.endswith("(byte-order mark)")
    filing = scheduleto.parse(raw)
    assert filing.subject_company == "AULT ALLIANCE, INC."
    assert filing.warnings[0] == f"input is not valid UTF-8; decoded as {encoding}"


def test_nul_bytes_that_are_not_utf16_are_still_binary() -> None:
    # Every other byte NUL, but the others are control bytes: 16-bit numbers, not text.
    with pytest.raises(DecodeError, match=r"looks like UTF-16-LE .* does not decode to text"):
        scheduleto.parse(bytes(b for n in range(1, 256) for b in (n, 0)) * 4)
    with pytest.raises(DecodeError, match=r"binary data \(NUL bytes\)"):
        scheduleto.parse(b"SCHEDULE TO\x00\x00\x00\x01 tender offer " * 20)


@pytest.mark.parametrize(
    ("data", "mark"),
    [
        (b"\xff\xfe", "UTF-16-LE"),
        (b"\xfe\xff", "UTF-16-BE"),
        (b"\xef\xbb\xbf", "UTF-8"),
        (b"\xff\xfe\x00\x00", "UTF-32-LE"),
        (b"\x00\x00\xfe\xff", "UTF-32-BE"),
    ],
)
def test_byte_order_mark_alone_is_an_empty_document(data: bytes, mark: str) -> None:
    with pytest.raises(EmptyDocumentError, match=f"only a byte-order mark \\({mark}\\)"):
        scheduleto.parse(data)


def test_byte_order_mark_and_white_space_is_an_empty_document() -> None:
    for data in (" \n\t ".encode("utf-16"), b"\xef\xbb\xbf \r\n", " \n".encode("utf-16-le")):
        with pytest.raises(EmptyDocumentError, match="only white space"):
            scheduleto.parse(data)


def test_bulk_counts_a_byte_order_mark_alone_as_failed_not_skipped(tmp_path: Path, seed_text: str) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xff\xfe")
    (tmp_path / "utf16.txt").write_bytes(seed_text.encode("utf-16-le"))
    results = {Path(r.source).name: r for r in scheduleto.parse_many(tmp_path, workers=1)}
    bom = results["bom.txt"]
    assert bom.status == "failed" and bom.error is not None
    assert bom.error.type == "EmptyDocumentError"
    assert "only a byte-order mark (UTF-16-LE)" in bom.error.message
    utf16 = results["utf16.txt"].filing
    assert utf16 is not None and utf16.subject_company == "AULT ALLIANCE, INC."


def test_windows_1252_with_byte_pairs_that_look_like_utf8_stays_windows_1252() -> None:
    # "É" then a no-break space, "É" then a closing quote: valid 2-byte UTF-8 by accident.
    data = "Offer for NESTL\u00c9\u00a0S.A. by \u201cSOCI\u00c9T\u00c9\u201d, caf\u00e9 cr\u00e8me".encode("cp1252")
    assert decode(data) == ("Offer for NESTL\u00c9\u00a0S.A. by \u201cSOCI\u00c9T\u00c9\u201d, caf\u00e9 cr\u00e8me", "windows-1252")


@pytest.mark.parametrize(
    ("codec", "text"),
    [("gb2312", "中国石油天然气股份有限公司要约收购报告书"), ("windows-1250", "Skupina ČEZ, a.s. nabízí odkup akcií společnosti")],
)
def test_an_encoding_the_document_declares_is_used(codec: str, text: str) -> None:
    html = f'<html><head><meta charset="{codec}"></head><body><p>{text}</p></body></html>'
    decoded, encoding = decode(html.encode(codec))
    assert decoded == html
    assert encoding == f"{codecs.lookup(codec).name} (declared by the document)"

def test_a_declared_encoding_the_bytes_do_not_fit_is_ignored() -> None:
    raw = b'<html><head><meta charset="gb2312"></head><body><p>\x93quoted\x94 caf\xe9</p></body></html>'
    assert decode(raw) == (raw.decode("cp1252"), "windows-1252")


@pytest.mark.parametrize("codec", ["hex", "base64", "rot13", "zlib", "undefined", "cp037", "utf-7"])
def test_a_declared_codec_that_is_no_ascii_text_encoding_is_ignored(codec: str) -> None:
    raw = f'<html><head><meta charset="{codec}"></head><body><p>Caf\xe9 \x93q\x94</p></body></html>'.encode("latin-1")
    assert decode(raw) == (raw.decode("cp1252"), "windows-1252")


def test_utf8_cut_inside_a_wide_character_with_few_others_stays_utf8() -> None:
    raw = "<p>Café Fund</p>".encode()
    for tail in (b"\xe2\x82", b"\xf0\x9f\x98"):
        assert decode(raw + tail) == (
            "<p>Café Fund</p>\ufffd",
            "utf-8, with its last character cut short (replaced by U+FFFD)",
        )
