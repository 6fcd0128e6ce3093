"""Reading input: paths or bytes to text, with clear errors for what is not text.

Bytes are decoded as UTF-8 when they are valid UTF-8 (one strict decode, nothing more). A
UTF-16 or UTF-32 byte-order mark is honoured, and UTF-16 without a mark is recognised by its
NUL bytes. Bytes that are not valid UTF-8 are read in one of three ways:

- in the encoding the document declares (``<meta charset>``, an XML declaration), when that is
  an ASCII-compatible text encoding other than UTF-8, Latin-1 or Windows-1252 and the bytes fit it;
- as a UTF-8 document with stray bytes (text pasted from a Windows-1252 source, two files
  joined) when it holds a valid UTF-8 character of three or four bytes, or more valid 2-byte
  ones than stray bytes: the UTF-8 stays UTF-8 and only the stray bytes are read as
  Windows-1252 (an input that ends inside a UTF-8 character, a cut file, gets U+FFFD for it);
- otherwise as a single-byte encoding, read by BeautifulSoup's ``UnicodeDammit`` with
  Windows-1252 first (the smart quotes of old text filings; a Latin-1 file reads the same).

Any input that was not valid UTF-8 is reported by the encoding returned with the text, which
the parser turns into a warning. Binary files are recognised by their magic numbers, NUL bytes
and control characters.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import DecodeError, EmptyDocumentError, SourceError

#: Inputs larger than this are refused (a Schedule TO submission is rarely above 20 MB).
MAX_BYTES = 256 * 1024 * 1024

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip file"),
    (b"BZh", "a bzip2 file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an MS Office (OLE) file"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)


_ARCHIVES = frozenset({"a ZIP archive", "a gzip file"})
_IS_DIRECTORY = "is a directory, not a filing file (scheduleto bulk reads folders)"

# Control bytes that text never holds (tab, line ends, form feed and escape are allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or (13 < b < 32 and b != 27))
_CONTROL_CHARS: dict[int, None] = dict.fromkeys(_CONTROL_BYTES)
#: How much of the start of the input the binary and UTF-16 checks look at.
_HEAD = 8192

#: Byte-order marks, UTF-32 before UTF-16 (FF FE 00 00 starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def display_path(path: str) -> str:
    """``path`` as text that any UTF-8 writer accepts.

    A file name holding bytes that are not UTF-8 reaches Python with lone surrogates in it
    (``os.fsdecode``); JSON, CSV and Parquet writers refuse those. Such bytes are written as
    ``\\xNN`` instead, so the name stays readable and recognisable.
    """
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = path.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            return path.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return path


def _windows_1252(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes UTF-8 could not decode as Windows-1252.

    Each byte gives one character; the five bytes Windows-1252 leaves undefined give U+FFFD.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("cp1252", "replace"), exc.end


codecs.register_error("scheduleto.windows-1252", _windows_1252)
#: UTF-8 continuation bytes, and the bytes that start a multi-byte character.
_CONTINUATION = range(0x80, 0xC0)
_LEAD = range(0xC2, 0xF5)


@dataclass(frozen=True)
class Loaded:
    """Decoded input text with where it came from."""

    text: str
    sha256: str
    path: str | None
    encoding: str


def read_bytes(source: str | os.PathLike[str] | bytes | BinaryIO, *, max_bytes: int = MAX_BYTES) -> tuple[bytes, str | None]:
    """Return the raw bytes of ``source`` and its path (None for bytes and streams)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        if len(source) > max_bytes:
            raise SourceError(f"input is {len(source):,} bytes, over the {max_bytes:,}-byte limit")
        return bytes(source), None
    if (
        isinstance(source, str)
        and ("\n" in source or len(source) > 4096 or source.lstrip()[:1] == "<")
        and not os.path.exists(source)
    ):
        raise SourceError(
            "this looks like the text of a filing, not a path: use scheduleto.parse_text(text)"
        )
    if isinstance(source, str) and not source.strip():
        raise SourceError("the path is empty")
    if not isinstance(source, (str, os.PathLike)):
        if not hasattr(source, "read"):
            raise TypeError(
                f"expected a file path (str or os.PathLike), bytes or a binary stream, "
                f"not {type(source).__name__}"
            )
        data = source.read(max_bytes + 1)
        if not isinstance(data, bytes):
            raise SourceError("stream must be opened in binary mode ('rb')")
        name = getattr(source, "name", None)
        path = display_path(name) if isinstance(name, str) else None
        if len(data) > max_bytes:
            raise SourceError(f"input is more than {max_bytes:,} bytes (the limit)", source=path)
        return data, path
    file_path = Path(os.fspath(source))
    label = display_path(str(file_path))
    try:
        size = file_path.stat().st_size
        if file_path.is_dir():
            raise SourceError(_IS_DIRECTORY, source=label)
        if size > max_bytes:
            raise SourceError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit", source=label)
        # Read no more than the limit: a device or a pipe (/dev/zero) reports a size of 0.
        with file_path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise SourceError(f"input is larger than {max_bytes:,} bytes", source=label)
        return data, label
    except FileNotFoundError:
        raise SourceError("no such file", source=label) from None
    except PermissionError:
        raise SourceError("permission denied", source=label) from None
    except IsADirectoryError:
        raise SourceError(_IS_DIRECTORY, source=label) from None
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror or exc}", source=label) from None


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` is, or None when it looks like text."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    head = data[:_HEAD]
    if b"\x00" in head:
        # UTF-16 and UTF-32 text have NULs too: a byte-order mark, or the NUL pattern of
        # UTF-16, leaves it to the decoder.
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
            return None
        if utf16_without_bom(head) is not None:
            return None
        return "binary data (NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary data (control characters)"
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``head`` is UTF-16 text without a byte-order mark.

    Text in UTF-16 is mostly characters below U+0100, whose high byte is NUL: so nine bytes in
    ten of one parity are NUL and hardly any of the other (a character U+xx00 is rare).
    Binary data with such a pattern is still refused by :func:`decode`, which checks that the
    decoded characters are text.
    """
    pairs = len(head) // 2
    if pairs == 0:
        return None
    even = head[0 : 2 * pairs : 2].count(0)
    odd = head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.9 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.9 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def decode(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """Decode filing bytes to text; return ``(text, encoding)``.

    ``encoding`` is ``"utf-8"`` exactly when the bytes were valid UTF-8 (with or without a
    byte-order mark); otherwise it names how they were read, for a warning.
    """
    if not data.strip():
        raise EmptyDocumentError("input is empty" if not data else "input holds only white space",
                                 source=source)
    kind = sniff_binary(data)
    if kind:
        hint = " (scheduleto bulk reads zip, tar and gzip archives)" if kind in _ARCHIVES else ""
        raise DecodeError(f"not a text or HTML filing: looks like {kind}{hint}", source=source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
        if not data:
            raise EmptyDocumentError("input holds only a byte-order mark (UTF-8)", source=source)
    elif data[:1] in (b"\xff", b"\xfe", b"\x00"):
        for bom, codec in _BOMS:
            if data.startswith(bom):
                text, encoding = _decode_wide(data[len(bom) :], codec, "byte-order mark", source)
                if not text:
                    raise EmptyDocumentError(
                        f"input holds only a byte-order mark ({codec.upper()})", source=source
                    )
                return _not_blank(text, source), encoding
    if b"\x00" in data[:_HEAD]:
        utf16 = utf16_without_bom(data[:_HEAD])
        if utf16 is not None:
            how = "no byte-order mark: told from its NUL bytes"
            text, encoding = _decode_wide(data, utf16, how, source)
            return _not_blank(text, source), encoding
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _decode_not_utf8(data, source)
        return _not_blank(text, source), encoding
    return _not_blank(text, source), "utf-8"


def _not_blank(text: str, source: str | None) -> str:
    if not text or text.isspace():
        raise EmptyDocumentError("input holds only white space", source=source)
    return text


def _decode_wide(data: bytes, codec: str, how: str, source: str | None) -> tuple[str, str]:
    """UTF-16/32 text (after its byte-order mark, if any); bad code units become U+FFFD."""
    try:
        text, replaced = data.decode(codec), False
    except UnicodeDecodeError:  # a cut file (odd length) or a lone surrogate
        text, replaced = data.decode(codec, "replace"), True
    head = text[:_HEAD]
    controls = len(head) - len(head.translate(_CONTROL_CHARS))
    if head and controls / len(head) > 0.05:
        raise DecodeError(
            f"not a text or HTML filing: looks like {codec.upper()} ({how}) but does not decode "
            "to text (control characters)",
            source=source,
        )
    note = "; undecodable bytes replaced by U+FFFD" if replaced else ""
    return text, f"{codec} ({how}{note})"


# An encoding declared in the document's first bytes (<meta charset=...>, an XML declaration).
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Declarations read by the rules below rather than trusted: a file declared Latin-1 or ASCII
# often holds Windows-1252 smart quotes, and one declared UTF-8 here is not valid UTF-8.
_UNTRUSTED = frozenset({"utf-8", "ascii", "latin-1", "cp1252"})
_ASCII_PROBE = '<meta charset="x-1"> Az09'


def _declared(data: bytes) -> str | None:
    """The Python codec of an encoding the document declares, if it is one to trust."""
    m = _DECLARED.search(data, 0, 4096)
    if m is None:
        return None
    try:
        codec = codecs.lookup(m.group(1).decode("ascii")).name
        # A text encoding that writes ASCII as ASCII, as the declaration itself was written
        # (not "hex", "base64", "rot13", nor EBCDIC "cp037").
        if codec in _UNTRUSTED or _ASCII_PROBE.encode(codec) != _ASCII_PROBE.encode("ascii"):
            return None
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    return codec


def _decode_not_utf8(data: bytes, source: str | None) -> tuple[str, str]:
    """Bytes that are not valid UTF-8: a declared encoding, UTF-8 with stray bytes, or a
    single-byte encoding."""
    declared = _declared(data)
    if declared is not None:
        try:
            return data.decode(declared), f"{declared} (declared by the document)"
        except (UnicodeError, LookupError, ValueError):
            pass  # the declaration is wrong: read it as if there were none
    # Is it UTF-8 with stray bytes, or a single-byte encoding where some byte pairs happen to
    # be valid UTF-8? A single-byte text makes a valid 2-byte sequence easily (an upper-case
    # accented letter, then a no-break space or a smart quote: "NESTLÉ S.A." in Windows-1252),
    # a valid 3- or 4-byte one almost never (a lower-case letter and two punctuation marks).
    # So: any valid character of 3 or 4 bytes ("☐", a curly quote), or more valid 2-byte
    # characters than stray bytes, makes it UTF-8; C1 controls (C2 80-9F: never text, but 'Â'
    # and a smart quote in Windows-1252) do not count. All counts are C-speed.
    valid = data.decode("utf-8", "ignore")
    valid_bytes = len(valid.encode("utf-8"))
    stray = len(data) - valid_bytes
    ascii_chars = len(valid.encode("ascii", "ignore"))
    multibyte = len(valid) - ascii_chars
    # valid_bytes = ascii + 2 * two + 3 * three + 4 * four; multibyte = two + three + four
    wide = valid_bytes - ascii_chars - 2 * multibyte  # three + 2 * four
    # (A character cut short at the very end is no stray byte: the file was cut there.)
    cut = _cut_character(data)
    if wide > 0 or multibyte - _c1_controls(data) > stray - cut:  # (no wide ones: all 2-byte)
        text = data.decode("utf-8", "scheduleto.windows-1252")  # a Python call per stray byte
        return _utf8_with_stray_bytes(text, valid, cut)
    from bs4.dammit import UnicodeDammit

    # UnicodeDammit logs a warning when it has to replace bytes; we report that in the
    # filing's warnings instead of on the user's stderr.
    dammit_log = logging.getLogger("bs4.dammit")
    level = dammit_log.level
    dammit_log.setLevel(logging.ERROR)
    try:
        dammit = UnicodeDammit(data, known_definite_encodings=[], user_encodings=["windows-1252"])
    finally:
        dammit_log.setLevel(level)
    if dammit.unicode_markup is None:
        raise DecodeError("bytes could not be decoded in any known encoding", source=source)
    encoding = dammit.original_encoding or "unknown"
    if dammit.contains_replacement_characters:
        encoding += " (undecodable bytes replaced by U+FFFD)"
    return dammit.unicode_markup, encoding


def _c1_controls(data: bytes) -> int:
    """How many C1 control characters (U+0080-U+009F, bytes C2 80-9F) UTF-8 reads in ``data``."""
    if b"\xc2" not in data:
        return 0
    return sum(data.count(bytes((0xC2, low))) for low in range(0x80, 0xA0))


def _utf8_with_stray_bytes(text: str, valid: str, cut: int) -> tuple[str, str]:
    """``text``: UTF-8 with its stray bytes read as Windows-1252; ``valid``: without them;
    ``cut``: the bytes of a character cut short at the very end (see :func:`_cut_character`)."""
    stray = len(text) - len(valid)
    undefined = text.count("\ufffd") - valid.count("\ufffd")
    notes: list[str] = []
    if cut:  # the file ends inside a multi-byte character: it was cut there, not Windows-1252
        undefined -= text[-cut:].count("\ufffd")
        text = text[:-cut] + "\ufffd"
        stray -= cut
        notes.append("with its last character cut short (replaced by U+FFFD)")
    if stray > 0:
        were = "bytes that were" if stray > 1 else "byte that was"
        note = f"with {stray:,} {were} not valid UTF-8 read as windows-1252"
        if undefined:
            note += f" ({undefined:,} undefined there, replaced by U+FFFD)"
        notes.insert(0, note)
    return text, "utf-8, " + " and ".join(notes)


def _cut_character(data: bytes) -> int:
    """The length of an incomplete multi-byte character ending ``data`` (a lead byte and at
    least one continuation byte), else 0."""
    for size in (2, 3):
        tail = data[-size:]
        if len(tail) == size and tail[0] in _LEAD and all(b in _CONTINUATION for b in tail[1:]):
            needed = 2 if tail[0] < 0xE0 else 3 if tail[0] < 0xF0 else 4
            return size if size < needed else 0
    return 0


def load(source: str | os.PathLike[str] | bytes | BinaryIO, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read and decode ``source``."""
    data, path = read_bytes(source, max_bytes=max_bytes)
    text, encoding = decode(data, source=path)
    return Loaded(text, hashlib.sha256(data).hexdigest(), path, encoding)
