"""The public entry points: :func:`parse` and :func:`parse_text`.

Pipeline: source bytes -> container (SGML envelope / HTML / text) -> normalised document ->
extractors -> :class:`~scheduleto.model.ScheduleTO`.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import TYPE_CHECKING, BinaryIO

from .document import Document
from .errors import ContainerError, EmptyDocumentError, NotScheduleTOError, SourceError
from .extract import Context, extract_filing, identify
from .model import SCHEDULE_TO_FORMS, ScheduleTO, Source, SourceFormat
from .source import MAX_BYTES, decode, load
from .vocab import PRESS_RELEASE_TYPES

if TYPE_CHECKING:
    from .containers.sgml import Submission

# <TABLE>, <S>, <C>, <CAPTION> and <PAGE> also mark up old plain-text filings: not HTML signs.
_HTML_SNIFF = re.compile(
    r"<(?:html|body|p|div|font|br|td|tr|span|center|b|i|u|head|!doctype\s+html|xbrl|ix:)\b", re.IGNORECASE
)
_PRESS_TYPE = re.compile(PRESS_RELEASE_TYPES, re.IGNORECASE)


def is_schedule_to_form(form_type: str | None) -> bool:
    """True for the EDGAR types this library parses (SC TO-T/-I and amendments, SC TO-C)."""
    if not form_type:
        return False
    return re.sub(r"\s+", " ", form_type.strip().upper()) in SCHEDULE_TO_FORMS


def parse(
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    strict: bool = True,
    max_bytes: int = MAX_BYTES,
) -> ScheduleTO:
    """Parse a Schedule TO filing from a file path, raw bytes or a binary stream.

    Any EDGAR container is accepted: a full submission ``.txt``, a daily-feed ``.nc`` file, a
    single ``<DOCUMENT>``, bare HTML, plain or extracted text. The container is told from the
    content, not the file name.

    With ``strict=True`` (the default) an input that is not a Schedule TO raises
    :class:`~scheduleto.errors.NotScheduleTOError`; with ``strict=False`` a fragment (a cover
    page alone, a paragraph of an amendment, a press release) gives whatever it holds, with
    warnings.

    Raises:
        SourceError: the file cannot be read.
        EmptyDocumentError: nothing but white space.
        DecodeError: binary or undecodable input.
        NotScheduleTOError: another form (its ``form_type`` says which).
        ContainerError: a malformed EDGAR container.
    """
    loaded = load(source, max_bytes=max_bytes)
    return _parse_decoded(loaded.text, loaded.encoding, loaded.sha256, loaded.path, strict=strict)


def _parse_bytes(
    data: bytes, sha256: str, *, strict: bool = True, max_bytes: int | None = MAX_BYTES
) -> ScheduleTO:
    """:func:`parse` for bytes whose SHA-256 digest the caller has already computed (bulk work).

    ``max_bytes=None``: the caller has applied its own limit while reading.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise SourceError(f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    text, encoding = decode(data)
    return _parse_decoded(text, encoding, sha256, None, strict=strict)


def _parse_decoded(text: str, encoding: str, sha: str, path: str | None, *, strict: bool) -> ScheduleTO:
    result = _parse_loaded(text, sha, path, strict=strict)
    if encoding != "utf-8":  # every input that was not valid UTF-8 says how it was read
        result = _with_warning(result, f"input is not valid UTF-8; decoded as {encoding}")
    return result


def parse_text(text: str, *, strict: bool = True, path: str | None = None) -> ScheduleTO:
    """Parse a filing already in memory as text (any container, see :func:`parse`)."""
    if not isinstance(text, str):
        what = "bytes: use scheduleto.parse() for raw bytes" if isinstance(text, (bytes, bytearray)) else type(text).__name__
        raise TypeError(f"parse_text() expects the filing as str, not {what}")
    if not text.strip():
        raise EmptyDocumentError("input holds no text", source=path)
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parse_loaded(text, sha, path, strict=strict)


def read_document(text: str, *, base_offset: int = 0, source: str | None = None) -> Document:
    """Turn one document's text (HTML or plain) into the normalised :class:`Document`."""
    if _HTML_SNIFF.search(text[:4096]):
        from .containers.html import read_html

        return read_html(text, base_offset=base_offset, source=source)
    from .containers.text import read_text

    return read_text(text, base_offset=base_offset, source=source)


def _parse_loaded(text: str, sha: str, path: str | None, *, strict: bool) -> ScheduleTO:
    from .containers import sgml

    if sgml.looks_like_container(text):
        try:
            return _parse_container(text, sha, path, strict=strict)
        except ContainerError:
            if strict:
                raise
            # A passage cut from a submission (a header flattened to one line, say).
    doc = read_document(text)
    fmt = SourceFormat.HTML if doc.format == "html" else SourceFormat.TEXT
    return _parse_document(doc, Context(Source(path=path, sha256=sha, format=fmt)), strict=strict, path=path)


def _parse_document(
    doc: Document,
    context: Context,
    *,
    strict: bool,
    path: str | None,
    exhibits: tuple[Document, ...] = (),
) -> ScheduleTO:
    if not doc.lines:
        raise EmptyDocumentError("the document holds no text", source=path)
    identity = identify(doc)
    trusted = is_schedule_to_form(context.form_type)
    fragment = False
    if not identity.is_schedule_to and not trusted:
        if strict:
            found = identity.other_form
            what = f"a {found} filing" if found else "no Schedule TO heading or cover"
            raise NotScheduleTOError(
                f"not a Schedule TO: found {what}; {_EXPECTED} (to read a fragment anyway, pass "
                "strict=False, or --fragments on the command line)",
                source=path,
                form_type=found,
            )
        fragment = True
    result = extract_filing(
        doc, context, exhibits=exhibits, identity=identity, fragment=fragment, derive_form=strict
    )
    # The EDGAR type says Schedule TO, the text has no Schedule TO heading.
    mistyped = None
    if trusted and not identity.is_schedule_to:
        said = (
            f"the submission header says form type {context.form_type!r} but the document's text "
            if context.header is not None and context.header.form_type
            else f"the document's type tag says {context.form_type!r} but its text "
        )
        found = identity.other_form
        mistyped = said + (
            f"reads as form {found!r} (no Schedule TO heading found)"
            if found
            else "has no Schedule TO heading"
        )
    if fragment:
        note = "no Schedule TO heading found: read as a fragment (strict=False)"
        result = _with_warning(result, note)
    elif strict and context.header is None and _holds_nothing(result):
        raise EmptyDocumentError(
            f"{mistyped or 'a Schedule TO heading but nothing else'}: no cover values, boxes, "
            "exhibits, events or signatures were found (pass strict=False to get the empty result "
            "with its warnings)",
            source=path,
        )
    elif mistyped is not None and identity.other_form and not _is_communication(context.form_type):
        result = _with_warning(result, mistyped)
    return result


def _is_communication(form_type: str | None) -> bool:
    """An SC TO-C: a pre-commencement communication, often filed as a copy of another form
    (an 8-K with the Rule 14d-2(b) box checked, a 425, a press release), so another form's text
    is expected there."""
    return form_type is not None and " ".join(form_type.upper().split()) == "SC TO-C"


def _holds_nothing(filing: ScheduleTO) -> bool:
    """True for a parse that found no value at all (a bare heading)."""
    boxes = filing.checkboxes.to_dict().values()
    return (
        all(v is None for v in boxes)
        and not (filing.subject_company or filing.filing_persons or filing.securities_class)
        and not (filing.cusips or filing.exhibits or filing.signatures or filing.press_releases)
        and filing.expiration is None
        and not filing.tendered
        and filing.results is None
    )


def _with_warning(result: ScheduleTO, note: str) -> ScheduleTO:
    from dataclasses import replace

    return replace(result, warnings=(note, *result.warnings))


_TAG = re.compile(r"<[^>]*>")
_EXPECTED = "expected an SC TO-T, SC TO-I, their /A amendments or SC TO-C"


def _has_content(text: str) -> bool:
    """A document with text to read, not an empty stub or a link (index-headers pages)."""
    if len(text) > 4000:
        return True
    return len(_TAG.sub(" ", text).split()) > 30


def _header_only(
    submission: Submission, sha: str, path: str | None, cut: tuple[str, ...] = ()
) -> ScheduleTO:
    """A header file (``.hdr.sgml``, ``-index-headers.html``): the header and document list.

    ``cut`` holds the warnings of a file cut short (a submission cut before any document text
    is read this way too, and says so).
    """
    assert submission.header is not None
    if cut:
        note = "header only: the file is cut short, so only the submission header was read"
    else:
        note = "header only: the file holds the submission header but no document text"
    return ScheduleTO(
        source=Source(path=path, sha256=sha, format=SourceFormat.SGML),
        form_type=submission.header.form_type,
        header=submission.header,
        documents=tuple(d.info() for d in submission.documents),
        warnings=(note, *cut),
    )


def _parse_container(text: str, sha: str, path: str | None, *, strict: bool) -> ScheduleTO:
    from .containers import sgml

    head = sgml.read_submission(text, source=path, header_only=True)
    form = head.header.form_type if head.header else None
    if form and not is_schedule_to_form(form):
        raise NotScheduleTOError(
            f"not a Schedule TO: the submission header says form type {form!r}; {_EXPECTED}",
            source=path,
            form_type=form,
        )
    documents = sgml.read_documents(text)
    if head.header is None and not documents:
        raise sgml.nothing_found(text, path)
    submission = sgml.Submission(header=head.header, documents=documents)
    docs = [d for d in submission.documents if not d.uuencoded and _has_content(d.text)]
    if not docs:
        cut = sgml.cut_short(text, submission)
        if submission.header is not None and is_schedule_to_form(form):
            return _header_only(submission, sha, path, cut)
        message = "the submission holds no text document"
        if cut:
            message += "; it looks cut short: " + "; ".join(cut)
        raise EmptyDocumentError(message, source=path)
    primary = next((d for d in docs if is_schedule_to_form(d.type)), None)
    if primary is None:
        if form is None and docs[0].type and not strict:
            primary = docs[0]
        elif form is None and docs[0].type and not is_schedule_to_form(docs[0].type):
            raise NotScheduleTOError(
                f"not a Schedule TO: the document type is {docs[0].type!r}; {_EXPECTED}",
                source=path,
                form_type=docs[0].type,
            )
        else:
            primary = docs[0]
    doc = read_document(primary.text, base_offset=primary.start, source=text)
    exhibits = tuple(
        read_document(d.text, base_offset=d.start, source=text)
        for d in docs
        if d is not primary and d.type and _PRESS_TYPE.search(d.type)
    )
    form_type = form or (primary.type if is_schedule_to_form(primary.type) else None)
    context = Context(
        source=Source(path=path, sha256=sha, format=SourceFormat.SGML),
        header=submission.header,
        documents=tuple(d.info() for d in submission.documents),
        form_type=form_type,
    )
    result = _parse_document(doc, context, strict=strict, path=path, exhibits=exhibits)
    for note in reversed(sgml.cut_short(text, submission, primary)):
        result = _with_warning(result, note)
    return result
