"""scheduleto: parse SEC Schedule TO tender-offer filings into typed Python objects.

Quick start::

    import scheduleto

    filing = scheduleto.parse("full-submission.txt")     # path, bytes or binary stream
    filing.subject_company, filing.checkboxes.final_amendment, filing.expiration.new.at
    filing.to_dict()                                       # the JSON output contract

    scheduleto.parse_text(passage, strict=False)           # a fragment: cover, paragraph, release

Errors derive from :class:`ScheduleTOError`.
"""

from __future__ import annotations

from .api import is_schedule_to_form, parse, parse_text
from .bulk import parse_many
from .errors import (
    ContainerError,
    DecodeError,
    EmptyDocumentError,
    NotScheduleTOError,
    ScheduleTOError,
    SourceError,
)
from .export.tables import to_pandas, to_tables
from .model import (
    CHECKBOX_KEYS,
    SCHEMA_VERSION,
    Address,
    Checkboxes,
    Contact,
    Deadline,
    DocumentInfo,
    ExchangeRatio,
    Exhibit,
    ExpirationChange,
    FormerName,
    HeaderCompany,
    OfferKind,
    OfferOutcome,
    OfferTerms,
    Party,
    PressRelease,
    PriceRange,
    Results,
    ScheduleTO,
    Signature,
    Source,
    SourceFormat,
    SubmissionHeader,
    TenderedCount,
)

__version__ = "0.1.0"

__all__ = [
    "CHECKBOX_KEYS",
    "SCHEMA_VERSION",
    "Address",
    "Checkboxes",
    "Contact",
    "ContainerError",
    "Deadline",
    "DecodeError",
    "DocumentInfo",
    "EmptyDocumentError",
    "ExchangeRatio",
    "Exhibit",
    "ExpirationChange",
    "FormerName",
    "HeaderCompany",
    "NotScheduleTOError",
    "OfferKind",
    "OfferOutcome",
    "OfferTerms",
    "Party",
    "PressRelease",
    "PriceRange",
    "Results",
    "ScheduleTO",
    "ScheduleTOError",
    "Signature",
    "Source",
    "SourceError",
    "SourceFormat",
    "SubmissionHeader",
    "TenderedCount",
    "__version__",
    "example_path",
    "is_schedule_to_form",
    "parse",
    "parse_many",
    "parse_text",
    "to_pandas",
    "to_tables",
]


def example_path() -> str:
    """Path of the built-in example filing (the seed: Ault Alliance, SC TO-I/A No. 2)."""
    from importlib.resources import files

    return str(files("scheduleto") / "data" / "seed.txt")
