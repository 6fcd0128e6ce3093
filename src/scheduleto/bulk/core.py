"""Per-input results and the per-input function shared by :func:`parse_many`, the CLI and dask.

An input item is the bytes of one file, or of one member of an archive, with its identity:
``source`` (the file's path) and ``member`` (the name inside the archive, ``None`` for a plain
file). :func:`process_bytes` turns an item into a :class:`BulkResult`: a parsed filing, a skip
(another form: decided from the SGML header without parsing the body, or refused by the parser
for a bare document) or a failure (the reason recorded, never raised).
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..api import _parse_bytes
from ..errors import NotScheduleTOError, ScheduleTOError
from ..model import SCHEDULE_TO_FORMS, ScheduleTO
from ..source import display_path

__all__ = [
    "DEFAULT_FORMS",
    "BulkResult",
    "ItemError",
    "Status",
    "classify",
    "failure",
    "normalize_form",
    "normalize_forms",
    "process_bytes",
    "skipped",
]

#: The forms selected by default: every Schedule TO type.
DEFAULT_FORMS: frozenset[str] = frozenset(SCHEDULE_TO_FORMS)

Status = Literal["parsed", "skipped", "failed"]

#: How much of the start of an item the form-type sniffer reads.
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class ItemError:
    """Why an input gave no filing.

    ``type`` is the exception class name (``NotScheduleTOError``, ``DecodeError``,
    ``EmptyDocumentError``, ``SourceError``, ``ContainerError``; ``ArchiveError`` for a corrupt
    archive or member; ``WorkerCrashed`` when a worker process died on the input; any other name
    is an unexpected exception, with a short ``traceback``). ``skipped`` is true when the input
    is simply another form (not a failure); ``form_type`` names that form when known.
    """

    type: str
    message: str
    form_type: str | None = None
    skipped: bool = False
    traceback: str | None = None


def displayable_names(item: Any) -> None:
    """Make a frozen item's ``source`` and ``member`` names writable as UTF-8, in place.

    A name holding bytes that are not UTF-8 (a file name's raw bytes) would stop every writer
    (JSON, CSV, Parquet); such bytes become ``\\xNN`` (see :func:`~scheduleto.source.display_path`).
    """
    if not item.source.isascii():
        object.__setattr__(item, "source", display_path(item.source))
    if item.member is not None and not item.member.isascii():
        object.__setattr__(item, "member", display_path(item.member))


@dataclass(frozen=True)
class BulkResult:
    """The outcome for one input item: either ``filing`` or ``error`` is set.

    ``source`` is the path of the file read (absolute), ``member`` the name of the member inside
    an archive (``None`` for a plain file), ``sha256`` the digest of the item's bytes (``None`` if
    they could not be read).
    """

    source: str
    member: str | None
    sha256: str | None
    filing: ScheduleTO | None = None
    error: ItemError | None = None

    def __post_init__(self) -> None:
        displayable_names(self)

    @property
    def status(self) -> Status:
        """``"parsed"``, ``"skipped"`` (another form) or ``"failed"``."""
        if self.filing is not None:
            return "parsed"
        if self.error is not None and self.error.skipped:
            return "skipped"
        return "failed"

    @property
    def key(self) -> tuple[str, str | None]:
        """The item's identity: ``(source, member)``."""
        return (self.source, self.member)

    def to_dict(self) -> dict[str, Any]:
        """The filing's contract JSON object, with ``source.member`` added.

        Raises:
            ValueError: the result holds no filing (see :meth:`error_record`).
        """
        if self.filing is None:
            raise ValueError(f"{self.label}: no filing ({self.status})")
        record = self.filing.to_dict()
        source = dict(record.get("source") or {})
        record["source"] = {
            "path": source.get("path", self.source),
            "member": self.member,
            "sha256": source.get("sha256", self.sha256),
            "format": source.get("format"),
        } | {k: v for k, v in source.items() if k not in {"path", "member", "sha256", "format"}}
        return record

    def error_record(self) -> dict[str, Any]:
        """The line of ``errors.jsonl`` for a skipped or failed input."""
        err = self.error or ItemError("Unknown", "no error recorded")
        record: dict[str, Any] = {
            "source": self.source,
            "member": self.member,
            "sha256": self.sha256,
            "status": self.status,
            "error_type": err.type,
            "message": err.message,
            "form_type": err.form_type,
        }
        if err.traceback:
            record["traceback"] = err.traceback
        return record

    @property
    def label(self) -> str:
        """``source`` or ``source!member``, for messages."""
        return f"{self.source}!{self.member}" if self.member else self.source


def normalize_form(form: str) -> str:
    """Canonical spelling of a form type: upper case, single spaces (``sc to-t/a`` -> ``SC TO-T/A``)."""
    return " ".join(form.upper().split())


def normalize_forms(forms: Iterable[str] | str | None) -> frozenset[str]:
    """Normalise a selection of forms (``None``: :data:`DEFAULT_FORMS`; a string: comma list)."""
    if forms is None:
        return DEFAULT_FORMS
    if isinstance(forms, str):
        forms = forms.split(",")
    chosen = frozenset(normalize_form(f) for f in forms if f.strip())
    if not chosen:
        raise ValueError("no form types selected")
    return chosen


def classify(data: bytes, forms: frozenset[str]) -> tuple[str | None, bool]:
    """Read the form type from the first bytes; return ``(form, selected)``.

    ``form`` is ``None`` when the item has no EDGAR header (bare HTML or text): such an item is
    selected, and the parser decides.
    """
    from ..containers.sgml import sniff_form_type

    form = sniff_form_type(data[:SNIFF_BYTES])
    if form is None:
        return None, True
    form = normalize_form(form)
    return form, form in forms


def skipped(
    source: str, member: str | None, sha: str | None, form: str | None, forms: frozenset[str]
) -> BulkResult:
    """The result for an item whose header names a form not selected."""
    if form is not None and form in DEFAULT_FORMS:
        message = f"form type {form!r} is not among the selected forms"
    else:
        message = f"not a Schedule TO: the submission header says form type {form!r}"
    return BulkResult(
        source, member, sha, error=ItemError("NotScheduleTOError", message, form, skipped=True)
    )


#: Failures that are no bug of ours (no traceback is recorded for them).
_EXPECTED_FAILURES = frozenset({"TableValueError"})


def failure(
    source: str, member: str | None, sha: str | None, exc: BaseException, *, kind: str | None = None
) -> BulkResult:
    """The result for an item that raised ``exc``."""
    if isinstance(exc, ScheduleTOError):
        return BulkResult(source, member, sha, error=ItemError(kind or exc.kind, exc.message))
    if type(exc).__name__ in _EXPECTED_FAILURES:  # said in full by its message
        return BulkResult(source, member, sha, error=ItemError(kind or type(exc).__name__, str(exc)))
    tb = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-3))
    message = str(exc) or type(exc).__name__
    return BulkResult(
        source,
        member,
        sha,
        error=ItemError(kind or type(exc).__name__, message, traceback=tb[-2000:]),
    )


def process_bytes(
    source: str,
    member: str | None,
    data: bytes,
    *,
    forms: frozenset[str] = DEFAULT_FORMS,
    strict: bool = True,
    sha256: str | None = None,
    sniff: bool = True,
) -> BulkResult:
    """Select and parse one input item; never raises for a bad input.

    The form type is read from the first bytes (``sniff``): another form is skipped without
    parsing the body. An item without a header is parsed, and recorded as skipped when the parser
    refuses it (:class:`~scheduleto.errors.NotScheduleTOError`). Any exception becomes a failure
    record (type, message and, for unexpected ones, a short traceback).
    """
    sha = sha256 or hashlib.sha256(data).hexdigest()
    try:
        if sniff:
            form, selected = classify(data, forms)
            if not selected:
                return skipped(source, member, sha, form, forms)
        # The bytes were read under the reader's own limit (parse_many's max_bytes).
        filing = _parse_bytes(data, sha, strict=strict, max_bytes=None)
    except NotScheduleTOError as exc:
        form_type = normalize_form(exc.form_type) if exc.form_type else None
        return BulkResult(
            source, member, sha, error=ItemError(exc.kind, exc.message, form_type, skipped=True)
        )
    except Exception as exc:
        return failure(source, member, sha, exc)
    try:
        if filing.form_type and normalize_form(filing.form_type) not in forms:
            return skipped(source, member, sha, normalize_form(filing.form_type), forms)
        filing = replace(filing, source=replace(filing.source, path=source))
    except Exception as exc:
        return failure(source, member, sha, exc)
    return BulkResult(source, member, sha, filing=filing)
