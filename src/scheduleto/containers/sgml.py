"""EDGAR containers: full submissions, daily-feed ``.nc`` files, ``.hdr.sgml`` and index headers.

Four layouts are read:

- full-submission text (``<SEC-DOCUMENT>``, an ``<SEC-HEADER>`` of ``KEY:<TAB>value`` lines and
  nested blocks, optionally inside a ``-----BEGIN PRIVACY-ENHANCED MESSAGE-----`` wrapper), then
  ``<DOCUMENT>`` blocks;
- tag-style SGML (``<SUBMISSION>`` or ``<SEC-HEADER>`` with ``<ACCESSION-NUMBER>``,
  ``<SUBJECT-COMPANY><COMPANY-DATA><CONFORMED-NAME>...``; value tags are not closed and a file may
  have no line breaks at all), then ``<DOCUMENT>`` blocks;
- ``-index-headers.html`` pages: the tag header inside an HTML comment and the document listing
  HTML-escaped inside ``<PRE>``;
- a single ``<DOCUMENT>``-wrapped file with no header.

Everything is found with compiled regular expressions and ``str.find``; no Python loop runs over
the characters of a document, so multi-megabyte submissions with uuencoded attachments are cheap.
Binary attachments (``begin 644 name``) are listed and flagged, never decoded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape as _html_unescape
from zoneinfo import ZoneInfo

from ..errors import ContainerError
from ..model import Address, DocumentInfo, FormerName, HeaderCompany, SubmissionHeader

__all__ = [
    "RawDocument",
    "Submission",
    "cut_short",
    "looks_like_container",
    "read_submission",
    "sniff_form_type",
]

_EASTERN = ZoneInfo("America/New_York")

#: How much of the start of a text :func:`sniff_form_type` and :func:`looks_like_container` read.
_SNIFF_CHARS = 8192
_LOOKS_CHARS = 16384


@dataclass(frozen=True)
class RawDocument:
    """One ``<DOCUMENT>`` of a container, with its text left exactly as it was.

    ``text`` is the content between ``<TEXT>`` and ``</TEXT>`` (or the body after the metadata
    tags when there is no ``<TEXT>``); ``container[start:end] == text`` for the string passed to
    :func:`read_submission`. ``uuencoded`` marks a binary attachment, which is never decoded.
    """

    type: str | None
    sequence: int | None
    filename: str | None
    description: str | None
    text: str
    start: int
    end: int
    uuencoded: bool
    #: False when neither ``</TEXT>`` nor ``</DOCUMENT>`` closes the document (a cut file).
    complete: bool = True

    def info(self) -> DocumentInfo:
        """Return the document's metadata as the model's :class:`DocumentInfo`."""
        return DocumentInfo(
            type=self.type,
            sequence=self.sequence,
            filename=self.filename,
            description=self.description,
        )


@dataclass(frozen=True)
class Submission:
    """A read container: its header (``None`` when there is none) and its documents in order."""

    header: SubmissionHeader | None
    documents: tuple[RawDocument, ...]


# --------------------------------------------------------------------------------------------
# Cheap checks
# --------------------------------------------------------------------------------------------

#: Envelope tags, looked for in any case (``<document>`` occurs in lower-case filings).
_ENVELOPE_TAGS = (
    "<DOCUMENT>",
    "<SEC-DOCUMENT>",
    "<SEC-HEADER>",
    "<SUBMISSION>",
    "<IMS-DOCUMENT>",
    "<IMS-HEADER>",
    "<ACCESSION-NUMBER>",
    "&LT;SEC-HEADER&GT;",
)
#: Header keys, upper case as EDGAR prints them (prose may say "Accession Number:").
_HEADER_KEYS = ("ACCESSION NUMBER:", "CONFORMED SUBMISSION TYPE:")

_SNIFF_TYPE = re.compile(
    r"^[ \t]*CONFORMED SUBMISSION TYPE:[ \t]*([^\r\n]*?)[ \t]*$"
    r"|<TYPE>[ \t]*([^<\r\n]*?)[ \t]*(?:<|\r|\n|$)"
    r"|&lt;TYPE&gt;[ \t]*([^&<\r\n]*?)[ \t]*(?:&|<|\r|\n|$)",
    re.I | re.M,
)
_SNIFF_FORM_TYPE = re.compile(r"<FORM-TYPE>[ \t]*([^<\r\n]*?)[ \t]*(?:<|\r|\n|$)", re.I)


def looks_like_container(text: str) -> bool:
    """Return True if ``text`` starts like an EDGAR container.

    Only the first few KB are examined: a container has an SEC header (``<SEC-HEADER>``,
    ``ACCESSION NUMBER:`` lines, tag-style ``<ACCESSION-NUMBER>``) or a ``<DOCUMENT>`` /
    ``<SUBMISSION>`` / ``<SEC-DOCUMENT>`` envelope at its top.
    """
    return _has_container_mark(text[:_LOOKS_CHARS])


def _has_container_mark(chunk: str) -> bool:
    if any(key in chunk for key in _HEADER_KEYS):
        return True
    upper = chunk.upper()
    return any(tag in upper for tag in _ENVELOPE_TAGS)


def sniff_form_type(head: str | bytes) -> str | None:
    """Return the form type of a container from its first bytes, or ``None``.

    Reads ``CONFORMED SUBMISSION TYPE:``, the first ``<TYPE>`` (the submission type in tag-style
    files, the document type in a bare ``<DOCUMENT>``) or, failing those, ``<FORM-TYPE>``. Only
    the first few KB are looked at, so it is safe to pass a whole file; ``None`` means the text is
    not a container or names no form.
    """
    if isinstance(head, (bytes, bytearray, memoryview)):
        chunk = bytes(head[:_SNIFF_CHARS]).decode("latin-1")
    else:
        chunk = head[:_SNIFF_CHARS]
    if not _has_container_mark(chunk):
        return None
    m = _SNIFF_TYPE.search(chunk)
    if m is not None:
        value = m.group(1) if m.group(1) is not None else m.group(2)
        if value is None:
            value = _strict_unescape(m.group(3) or "")
        value = " ".join(value.split())
        if value:
            return value
    m2 = _SNIFF_FORM_TYPE.search(chunk)
    if m2 is not None:
        value = " ".join(m2.group(1).split())
        return value or None
    return None


# --------------------------------------------------------------------------------------------
# Reading a container
# --------------------------------------------------------------------------------------------


def read_submission(
    text: str, *, source: str | None = None, header_only: bool = False
) -> Submission:
    """Read an EDGAR container into its header and raw documents.

    ``source`` names the input in error messages. With ``header_only`` the documents are not
    scanned (``documents`` is empty). Malformed input is read as far as it goes (a header with
    no end, a truncated last document); :class:`~scheduleto.errors.ContainerError` is raised
    only when the text holds neither a header nor a document.
    """
    html_mode = _looks_like_html(text)
    first_doc = _find_ci(text, "<DOCUMENT>", 0)
    head_limit = len(text) if first_doc < 0 else first_doc
    header = _read_header(text, head_limit, html_mode)

    documents: tuple[RawDocument, ...] = ()
    if not header_only:
        documents = _documents(text, first_doc, html_mode)

    if header is None and not documents:
        if header_only and first_doc >= 0:
            return Submission(header=None, documents=())
        raise nothing_found(text, source)
    return Submission(header=header, documents=documents)


def nothing_found(text: str, source: str | None = None) -> ContainerError:
    """The error for a text holding neither a readable header nor a document."""
    if looks_like_container(text):
        return ContainerError(
            "EDGAR container holds no readable SEC header and no <DOCUMENT>", source=source
        )
    return ContainerError(
        "not an EDGAR container: no <SEC-HEADER>, <SUBMISSION> or <DOCUMENT> found",
        source=source,
    )


def read_documents(text: str) -> tuple[RawDocument, ...]:
    """The documents of an EDGAR container, without its header (see :func:`read_submission`)."""
    return _documents(text, _find_ci(text, "<DOCUMENT>", 0), _looks_like_html(text))


def _documents(text: str, first_doc: int, html_mode: bool) -> tuple[RawDocument, ...]:
    if first_doc >= 0:
        return tuple(_scan_documents(text, first_doc, _RAW_TAGS))
    if html_mode:
        escaped_first = _find_ci(text, "&lt;DOCUMENT&gt;", 0)
        if escaped_first >= 0:
            return tuple(_scan_documents(text, escaped_first, _ESCAPED_TAGS))
    return ()


#: The envelope a whole container sits in (full submission, 1990s submission, daily feed),
#: and the header (``.hdr.sgml``); raw or HTML-escaped (``-index-headers.html``).
_ENVELOPE_OPEN = re.compile(r"<(SEC-DOCUMENT|IMS-DOCUMENT|SUBMISSION)>", re.I)
_ESC_ENVELOPE_OPEN = re.compile(r"&lt;(SEC-DOCUMENT|IMS-DOCUMENT|SUBMISSION)&gt;", re.I)
_HEADER_OPEN_NAME = re.compile(r"<((?:SEC|IMS)-HEADER)>", re.I)
#: The warning for the main document of a submission that is not closed.
UNCLOSED_DOCUMENT = "the document is not closed (no </TEXT> or </DOCUMENT>): the file may be cut short"


def cut_short(text: str, submission: Submission, primary: RawDocument | None = None) -> tuple[str, ...]:
    """Warnings for a container cut short, naming what is missing; empty when it is complete.

    - ``primary`` (the document parsed) not closed (no ``</TEXT>`` or ``</DOCUMENT>``):
      :data:`UNCLOSED_DOCUMENT`; the last document running unclosed to the end of the file,
      named by sequence and type (an unclosed document followed by another is malformed, not
      cut: a document holding a copy of its own ``<DOCUMENT>`` wrapper, say);
    - an envelope opened at the top (``<SEC-DOCUMENT>``, ``<IMS-DOCUMENT>``, the daily feed's
      ``<SUBMISSION>``) and never closed after the last document, with the number of documents
      found against the header's PUBLIC DOCUMENT COUNT when fewer;
    - a header file (no documents) whose ``<SEC-HEADER>`` is never closed.

    Fewer documents than PUBLIC DOCUMENT COUNT in a closed envelope is not a warning: EDGAR's
    count of XBRL submissions is often one more than the documents the file holds.
    """
    notes: list[str] = []
    documents = submission.documents
    if primary is not None and not primary.complete:
        notes.append(UNCLOSED_DOCUMENT)
    if documents and documents[-1] is not primary and not documents[-1].complete:
        last = documents[-1]
        seq = last.sequence if last.sequence is not None else len(documents)
        what = f"document {seq} ({last.type})" if last.type else f"document {seq}"
        notes.append(f"{what} is not closed (no </TEXT> or </DOCUMENT>): the file may be cut short")
    # An envelope or header opens the file: look only before the first document's text.
    head = text[: min(documents[0].start if documents else len(text), _LOOKS_CHARS)]
    escaped = False
    opened = _ENVELOPE_OPEN.search(head)
    if opened is None and _looks_like_html(text):
        opened, escaped = _ESC_ENVELOPE_OPEN.search(head), True
    if opened is not None:
        name = opened.group(1).upper()
        close = f"&lt;/{name}&gt;" if escaped else f"</{name}>"
        start = documents[-1].end if documents else opened.end()
        if _find_ci(text, close, start) < 0:
            note = f"the submission is not closed (no </{name}>)"
            count = submission.header.public_document_count if submission.header else None
            if count is not None and len(documents) < count:
                note += f" and holds {len(documents)} of the {count} documents its header announces"
            notes.append(note + ": the file may be cut short")
    elif not documents and (header := _HEADER_OPEN_NAME.search(head)) is not None:
        name = header.group(1).upper()
        if _find_ci(text, f"</{name}>", header.end()) < 0:
            notes.append(f"the header is not closed (no </{name}>): the file may be cut short")
    return tuple(notes)


_HTML_START = re.compile(r"[\ufeff\s]*(?:<!DOCTYPE\b|<HTML\b)", re.I)


def _looks_like_html(text: str) -> bool:
    """True for an HTML page (an ``-index-headers.html``), not for a ``<DOCUMENT>`` wrapper."""
    return _HTML_START.match(text, 0, 1024) is not None


def _find_ci(text: str, needle: str, start: int, end: int | None = None) -> int:
    """Case-insensitive ``str.find`` for an ASCII tag: upper and lower case first, regex last."""
    stop = len(text) if end is None else end
    hit = text.find(needle, start, stop)
    # The lower-case spelling wins only if it starts first.
    low = text.find(needle.lower(), start, stop if hit < 0 else hit + len(needle) - 1)
    if low >= 0:
        return low
    if hit >= 0:
        return hit
    return _search_ci(text, needle, start, stop)


def _search_ci(text: str, needle: str, start: int, stop: int) -> int:
    m = _caseless(needle).search(text, start, stop)
    return m.start() if m else -1


@lru_cache(maxsize=64)
def _caseless(needle: str) -> re.Pattern[str]:
    return re.compile(re.escape(needle), re.I)


def _rfind_ci(text: str, needle: str, start: int, end: int) -> int:
    """Case-insensitive ``str.rfind`` for an ASCII tag."""
    hit = text.rfind(needle, start, end)
    # The lower-case spelling wins only if it starts last.
    best = max(hit, text.rfind(needle.lower(), max(start, hit + 1), end))
    if best >= 0:
        return best
    last = -1
    for m in _caseless(needle).finditer(text, start, end):
        last = m.start()
    return last


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tags:
    """The spelling of the document tags: raw SGML or HTML-escaped (index-headers pages)."""

    doc_open: str
    doc_close: str
    text_open: str
    text_close: str
    meta: re.Pattern[str]
    type_soon: re.Pattern[str]
    unescape: bool


_RAW_TAGS = _Tags(
    doc_open="<DOCUMENT>",
    doc_close="</DOCUMENT>",
    text_open="<TEXT>",
    text_close="</TEXT>",
    meta=re.compile(r"\s*<(?!TEXT>)([A-Za-z][A-Za-z0-9\-]*)>([^<\r\n]*)", re.I),
    type_soon=re.compile(r"\s*<TYPE>", re.I),
    unescape=False,
)
_ESCAPED_TAGS = _Tags(
    doc_open="&lt;DOCUMENT&gt;",
    doc_close="&lt;/DOCUMENT&gt;",
    text_open="&lt;TEXT&gt;",
    text_close="&lt;/TEXT&gt;",
    meta=re.compile(
        r"\s*&lt;(?!TEXT&gt;)([A-Za-z][A-Za-z0-9\-]*)&gt;((?:(?!&lt;)[^<\r\n])*)", re.I
    ),
    type_soon=re.compile(r"\s*&lt;TYPE&gt;", re.I),
    unescape=True,
)

_META_KEYS = frozenset({"TYPE", "SEQUENCE", "FILENAME", "DESCRIPTION"})
_MAX_META_TAGS = 16
_UUENCODED = re.compile(r"\s*(?:<PDF>\s*)?begin [0-7]{3,4} \S", re.I)
_TEXT_OPEN_WINDOW = 4096


def _tag_finder(text: str, first: int, tags: _Tags) -> Callable[[str, int], int]:
    """Return ``find(tag, start)`` spelled in the case the container uses for ``<DOCUMENT>``.

    A container writes its tags in one case, so one exact ``str.find`` per tag suffices;
    only when the exact spelling is missing does the search fall back to any case.
    """
    spelled = text[first : first + len(tags.doc_open)]
    if spelled == tags.doc_open:
        convert: Callable[[str], str] = _identity
    elif spelled == tags.doc_open.lower():
        convert = str.lower
    else:
        return lambda needle, start: _find_ci(text, needle, start)

    # A tag not found from ``start`` is not found from any later start either: remember that,
    # so a file of many unclosed documents is not rescanned to its end once per document.
    absent: dict[str, int] = {}

    def find(needle: str, start: int) -> int:
        if needle in absent and start >= absent[needle]:
            return -1
        hit = text.find(convert(needle), start)
        if hit < 0:  # _find_ci, knowing this spelling absent
            hit = text.find(needle.lower() if convert is _identity else needle, start)
            if hit < 0:
                hit = _search_ci(text, needle, start, len(text))
        if hit < 0:
            absent[needle] = min(start, absent.get(needle, start))
        return hit

    return find


def _scan_documents(text: str, first: int, tags: _Tags) -> Iterator[RawDocument]:
    n = len(text)
    open_len = len(tags.doc_open)
    find = _tag_finder(text, first, tags)
    pos = first
    while 0 <= pos < n:
        body_start = pos + open_len
        close = find(tags.doc_close, body_start)
        nxt = find(tags.doc_open, body_start)
        # A <DOCUMENT> before this one's </DOCUMENT> starts a new document only if a <TYPE>
        # follows it; otherwise it is literal text inside this document.
        while nxt >= 0 and (close < 0 or nxt < close):
            if tags.type_soon.match(text, nxt + open_len):
                break
            nxt = find(tags.doc_open, nxt + open_len)
        closed = close >= 0 and (nxt < 0 or close < nxt)
        # An unclosed document (truncated input) runs to the next one or to the end.
        block_end = close if closed else (nxt if nxt >= 0 else n)
        yield _read_document(text, body_start, block_end, tags, closed)
        pos = nxt if nxt >= 0 else n


def _read_document(text: str, start: int, end: int, tags: _Tags, closed: bool = True) -> RawDocument:
    meta: dict[str, str] = {}
    pos = meta_end = start
    for _ in range(_MAX_META_TAGS):
        m = tags.meta.match(text, pos, end)
        if m is None:
            break
        pos = m.end()
        key = m.group(1).upper()
        if key in _META_KEYS:
            value = " ".join(m.group(2).split())
            meta.setdefault(key, _strict_unescape(value) if tags.unescape else value)
            meta_end = pos

    open_at = _find_ci(text, tags.text_open, meta_end, min(end, meta_end + _TEXT_OPEN_WINDOW))
    if open_at >= 0:
        text_start = open_at + len(tags.text_open)
        close_at = _rfind_ci(text, tags.text_close, text_start, end)
        text_end = close_at if close_at >= 0 else end
    else:  # no <TEXT>: the body is whatever follows the metadata tags
        text_start, text_end = meta_end, end

    seq_raw = meta.get("SEQUENCE", "")
    return RawDocument(
        type=meta.get("TYPE") or None,
        sequence=int(seq_raw) if seq_raw.isdigit() else None,
        filename=meta.get("FILENAME") or None,
        description=meta.get("DESCRIPTION") or None,
        text=text[text_start:text_end],
        start=text_start,
        end=text_end,
        uuencoded=_UUENCODED.match(text, text_start, text_end) is not None,
        complete=closed or (open_at >= 0 and close_at >= 0),
    )


# --------------------------------------------------------------------------------------------
# Header
# --------------------------------------------------------------------------------------------

_HEADER_OPEN = re.compile(r"<(?:SEC|IMS)-HEADER>", re.I)
_HEADER_CLOSE = re.compile(r"</(?:SEC|IMS)-HEADER>", re.I)
_SUBMISSION_OPEN = re.compile(r"<SUBMISSION>", re.I)
_SUBMISSION_CLOSE = re.compile(r"</SUBMISSION>", re.I)
_ESC_HEADER_OPEN = re.compile(r"&lt;(?:SEC|IMS)-HEADER&gt;", re.I)
_ESC_HEADER_CLOSE = re.compile(r"&lt;/(?:SEC|IMS)-HEADER&gt;", re.I)
_BARE_HEADER = re.compile(
    r"^[ \t]*(?:ACCESSION NUMBER|CONFORMED SUBMISSION TYPE):|<ACCESSION-NUMBER>", re.M
)
_COLON_STYLE = re.compile(r"^[ \t]*(?:ACCESSION NUMBER|CONFORMED SUBMISSION TYPE):", re.M)
_COLON_ACCESSION = re.compile(r"^[ \t]*ACCESSION NUMBER:", re.M)
_TAG_ACCESSION = re.compile(r"<ACCESSION-NUMBER>", re.I)
_ACCEPTANCE = re.compile(r"<ACCEPTANCE-DATETIME>\s*(\d{8,14})", re.I)
_TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9\-]*)>([^<]*)")
_COLON_LINE = re.compile(r"^[ \t]*([A-Z][A-Z0-9 &/().,'\-]*?)[ \t]*:([ \t]*)(.*?)[ \t]*$")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_SIC_CODE = re.compile(r"\[\s*(\d+)\s*\]")


def _strict_unescape(value: str) -> str:
    """Unescape only complete ``&name;`` / ``&#n;`` entities (``AT&T`` stays as it is)."""
    if "&" not in value:
        return value
    return _ENTITY.sub(lambda m: _html_unescape(m.group(0)), value)


def _read_header(text: str, limit: int, html_mode: bool) -> SubmissionHeader | None:
    region: str | None = None
    m = _HEADER_OPEN.search(text, 0, limit)
    if m is not None:
        close = _HEADER_CLOSE.search(text, m.end(), limit)
        region = text[m.end() : close.start() if close else limit]
    else:
        m = _SUBMISSION_OPEN.search(text, 0, limit)
        if m is not None:
            close = _SUBMISSION_CLOSE.search(text, m.end(), limit)
            region = text[m.end() : close.start() if close else limit]
        elif html_mode and (esc := _ESC_HEADER_OPEN.search(text, 0, limit)) is not None:
            close = _ESC_HEADER_CLOSE.search(text, esc.end(), limit)
            region = _strict_unescape(text[esc.end() : close.start() if close else limit])
            html_mode = False  # already unescaped
        elif _BARE_HEADER.search(text, 0, min(limit, _LOOKS_CHARS)) is not None:
            region = text[:limit]
    if region is None:
        return None
    header = _parse_header(region, html_mode)
    return None if header == SubmissionHeader() else header


def _parse_header(region: str, html_mode: bool) -> SubmissionHeader:
    clean: Callable[[str], str] = _strict_unescape if html_mode else _identity
    builder = _HeaderBuilder(clean)
    acceptance = _ACCEPTANCE.search(region)
    if _COLON_STYLE.search(region) is not None:
        body = _best_copy(region, _COLON_ACCESSION)
        _feed_colon(builder, body)
    else:
        body = _best_copy(region, _TAG_ACCESSION)
        _feed_tags(builder, body)
    if acceptance is not None:
        builder.values.setdefault("acceptance", acceptance.group(1))
    return builder.build()


def _identity(value: str) -> str:
    return value


def _best_copy(region: str, accession: re.Pattern[str]) -> str:
    """Some headers hold the header twice (the first copy cut short): keep the longest copy."""
    starts = [m.start() for m in accession.finditer(region)]
    if len(starts) < 2:
        return region
    bounds = [0, *starts[1:], len(region)]
    pieces = [region[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
    return max(pieces, key=len)


# Block names (colon style with spaces, tag style with hyphens) -> role in the header.
_COMPANY_BLOCKS: dict[str, str | None] = {
    "SUBJECT COMPANY": "subject",
    "FILED BY": "filed_by",
    "FILER": "filed_by",
    # Other roles open a company block too (so their fields go nowhere else) but are not kept.
    "REPORTING OWNER": None,
    "ISSUER": None,
    "SERIAL COMPANY": None,
    "DEPOSITOR": None,
    "SECURITIZER": None,
}
_SUB_BLOCKS: dict[str, str] = {
    "COMPANY DATA": "data",
    "OWNER DATA": "data",
    "FILING VALUES": "values",
    "BUSINESS ADDRESS": "business",
    "MAIL ADDRESS": "mail",
    "FORMER COMPANY": "former",
    "FORMER NAME": "former",
}
# Header-level fields: canonical name for each spelling.
_HEADER_FIELDS: dict[str, str] = {
    "ACCESSION NUMBER": "accession",
    "CONFORMED SUBMISSION TYPE": "form_type",
    "TYPE": "form_type",
    "PUBLIC DOCUMENT COUNT": "count",
    "CONFORMED PERIOD OF REPORT": "period",
    "PERIOD": "period",
    "FILED AS OF DATE": "filed",
    "FILING DATE": "filed",
    "ACCEPTANCE DATETIME": "acceptance",
    "GROUP MEMBERS": "group_member",
}
_COMPANY_FIELDS: dict[str, str] = {
    "COMPANY CONFORMED NAME": "name",
    "CONFORMED NAME": "name",
    "CENTRAL INDEX KEY": "cik",
    "CIK": "cik",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic",
    "ASSIGNED SIC": "sic",
    "IRS NUMBER": "irs_number",
    "EIN": "irs_number",
    "STATE OF INCORPORATION": "state_of_incorporation",
    "FISCAL YEAR END": "fiscal_year_end",
    "FORM TYPE": "form_type",
    "SEC FILE NUMBER": "file_number",
    "FILE NUMBER": "file_number",
    "FILM NUMBER": "film_number",
}
_ADDRESS_FIELDS: dict[str, str] = {
    "STREET 1": "street1",
    "STREET1": "street1",
    "STREET 2": "street2",
    "STREET2": "street2",
    "CITY": "city",
    "STATE": "state",
    "ZIP": "zip",
    "BUSINESS PHONE": "phone",
    "PHONE": "phone",
}
_FORMER_FIELDS: dict[str, str] = {
    "FORMER CONFORMED NAME": "name",
    "DATE OF NAME CHANGE": "date",
    "DATE CHANGED": "date",
}
_KNOWN_KEYS = frozenset(
    {
        *_COMPANY_BLOCKS,
        *_SUB_BLOCKS,
        *_HEADER_FIELDS,
        *_COMPANY_FIELDS,
        *_ADDRESS_FIELDS,
        *_FORMER_FIELDS,
        "DATE AS OF CHANGE",
        "SEC ACT",
        "ORGANIZATION NAME",
        "ITEM INFORMATION",
    }
)


@dataclass
class _CompanyDraft:
    role: str | None
    fields: dict[str, str] = field(default_factory=dict)
    business: dict[str, str] = field(default_factory=dict)
    mail: dict[str, str] = field(default_factory=dict)
    former: list[dict[str, str]] = field(default_factory=list)


class _HeaderBuilder:
    """Collects header events from either header style and builds a :class:`SubmissionHeader`."""

    def __init__(self, clean: Callable[[str], str]) -> None:
        self.clean = clean
        self.values: dict[str, str] = {}
        self.group_members: list[str] = []
        self.companies: list[_CompanyDraft] = []
        self.company: _CompanyDraft | None = None
        self.block: str | None = None
        self.last_key: str | None = None

    def open_block(self, name: str) -> bool:
        """Open a block if ``name`` is one; return False when it is not a block name."""
        if name in _COMPANY_BLOCKS:
            self.company = _CompanyDraft(role=_COMPANY_BLOCKS[name])
            self.companies.append(self.company)
            self.block = None
            return True
        sub = _SUB_BLOCKS.get(name)
        if sub is not None:
            self.block = sub
            if sub == "former" and self.company is not None:
                self.company.former.append({})
            return True
        return False

    def close_block(self, name: str) -> None:
        if name in _COMPANY_BLOCKS:
            self.company = None
            self.block = None
        elif name in _SUB_BLOCKS:
            self.block = None

    def add(self, key: str, raw_value: str) -> None:
        value = " ".join(self.clean(raw_value).split())
        self.last_key = key
        if not value:
            return
        top = _HEADER_FIELDS.get(key)
        if top is not None:
            if top == "group_member":
                self.group_members.append(value)
            else:
                self.values.setdefault(top, value)
            return
        company = self.company
        if company is None:
            return
        if self.block in ("business", "mail"):
            name = _ADDRESS_FIELDS.get(key)
            if name is not None:
                target = company.business if self.block == "business" else company.mail
                target.setdefault(name, value)
            return
        if self.block == "former":
            name = _FORMER_FIELDS.get(key)
            if name is not None:
                if not company.former:
                    company.former.append({})
                company.former[-1].setdefault(name, value)
            return
        name = _COMPANY_FIELDS.get(key)
        if name is not None:
            company.fields.setdefault(name, value)

    def continuation(self, line: str) -> None:
        """A line with no key: another group member after ``GROUP MEMBERS:``, else ignored."""
        if self.last_key == "GROUP MEMBERS":
            value = " ".join(self.clean(line).split())
            if value:
                self.group_members.append(value)

    def build(self) -> SubmissionHeader:
        v = self.values
        subjects = tuple(_company(c) for c in self.companies if c.role == "subject")
        filers = tuple(_company(c) for c in self.companies if c.role == "filed_by")
        count = v.get("count", "")
        return SubmissionHeader(
            accession_number=v.get("accession"),
            form_type=v.get("form_type"),
            filed_date=_date(v.get("filed")),
            acceptance_datetime=_datetime(v.get("acceptance")),
            public_document_count=int(count) if count.isdigit() else None,
            period=_date(v.get("period")),
            group_members=tuple(self.group_members),
            subject_companies=subjects,
            filed_by=filers,
        )


def _feed_colon(builder: _HeaderBuilder, region: str) -> None:
    for raw in region.splitlines():
        stripped = raw.strip()
        if not stripped or stripped.startswith("<"):
            continue
        m = _COLON_LINE.match(raw)
        if m is not None:
            key, sep, value = m.group(1).replace("-", " "), m.group(2), m.group(3)
            # A key is followed by a tab (EDGAR's layout) or nothing; "FUND: SERIES A" is text.
            if key in _KNOWN_KEYS or not value or "\t" in sep:
                if not value and builder.open_block(key):
                    builder.last_key = key
                    continue
                builder.add(key, value)
                continue
        builder.continuation(stripped)


def _feed_tags(builder: _HeaderBuilder, region: str) -> None:
    for m in _TAG_TOKEN.finditer(region):
        closing, name, value = m.group(1), m.group(2).upper(), m.group(3)
        key = name.replace("-", " ")
        if closing:
            builder.close_block(key)
            continue
        if not value.strip() and builder.open_block(key):
            continue
        builder.add(key, value)


def _company(draft: _CompanyDraft) -> HeaderCompany:
    f = draft.fields
    return HeaderCompany(
        name=f.get("name"),
        cik=_cik(f.get("cik")),
        sic=_sic(f.get("sic")),
        irs_number=f.get("irs_number"),
        state_of_incorporation=f.get("state_of_incorporation"),
        fiscal_year_end=f.get("fiscal_year_end"),
        form_type=f.get("form_type"),
        file_number=f.get("file_number"),
        film_number=f.get("film_number"),
        business_address=_address(draft.business),
        mail_address=_address(draft.mail),
        former_names=tuple(
            FormerName(name=fn["name"], date_changed=_date(fn.get("date")))
            for fn in draft.former
            if fn.get("name")
        ),
    )


def _address(values: dict[str, str]) -> Address | None:
    if not values:
        return None
    return Address(
        street1=values.get("street1"),
        street2=values.get("street2"),
        city=values.get("city"),
        state=values.get("state"),
        zip=values.get("zip"),
        phone=values.get("phone"),
    )


def _cik(value: str | None) -> str | None:
    if value is None:
        return None
    return value.zfill(10) if value.isdigit() and len(value) <= 10 else value


def _sic(value: str | None) -> str | None:
    """``PETROLEUM REFINING [2911]`` -> ``2911``; a bare code is kept; no code gives None."""
    if value is None:
        return None
    if value.isdigit():
        return value
    m = _SIC_CODE.search(value)
    return m.group(1) if m else None


def _date(value: str | None) -> dt.date | None:
    if value is None or len(value) != 8 or not value.isdigit():
        return None
    try:
        return dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def _datetime(value: str | None) -> dt.datetime | None:
    """``YYYYMMDDHHMMSS`` (Eastern time, as EDGAR prints it) -> tz-aware datetime."""
    if value is None or not value.isdigit() or len(value) not in (8, 12, 14):
        return None
    hour, minute, second = (int(value[i : i + 2] or 0) for i in (8, 10, 12))
    try:
        return dt.datetime(
            int(value[:4]), int(value[4:6]), int(value[6:8]), hour, minute, second, tzinfo=_EASTERN
        )
    except ValueError:
        return None
