"""Decoding input bytes: UTF-8, stray Windows-1252 bytes, single-byte files, and the warnings."""

from __future__ import annotations

import scheduleto
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
