"""The typed model of a parsed Schedule TO filing.

Every class is a frozen dataclass; lists are tuples so a parsed filing cannot be changed by
accident. ``to_dict()`` gives exactly the JSON output contract (schema version
:data:`SCHEMA_VERSION`) and ``from_dict()`` rebuilds the object from it.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from decimal import Decimal

from .codec import JSONValue, Serializable

SCHEMA_VERSION = "1"

#: Canonical checkbox keys, in the order the cover page prints them.
CHECKBOX_KEYS: tuple[str, ...] = (
    "preliminary_communication",
    "third_party_tender_offer",
    "issuer_tender_offer",
    "going_private",
    "schedule_13d_amendment",
    "final_amendment",
    "cross_border_issuer",
    "cross_border_third_party",
)

SCHEDULE_TO_FORMS: frozenset[str] = frozenset(
    {"SC TO-T", "SC TO-T/A", "SC TO-I", "SC TO-I/A", "SC TO-C"}
)


class OfferKind(str, enum.Enum):
    """What holders receive: cash (an offer to purchase) or securities (an offer to exchange)."""

    CASH = "cash"
    EXCHANGE = "exchange"


class OfferOutcome(str, enum.Enum):
    """How an offer ended, when the filing says so."""

    EXPIRED = "expired"
    TERMINATED = "terminated"
    SUBSEQUENT_OFFERING_PERIOD = "subsequent_offering_period"


class SourceFormat(str, enum.Enum):
    """The container a filing was read from."""

    TEXT = "text"
    HTML = "html"
    SGML = "sgml"


@dataclass(frozen=True)
class Party(Serializable):
    """A filing person named on the cover, with the role printed beside it."""

    name: str
    role: str | None = None


@dataclass(frozen=True)
class Contact(Serializable):
    """A person on the cover: the one authorised to receive notices, or counsel copied."""

    name: str | None = None
    title: str | None = None
    organization: str | None = None
    address: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Checkboxes(Serializable):
    """The eight cover-page boxes: ``True`` checked, ``False`` unchecked, ``None`` not found."""

    preliminary_communication: bool | None = None
    third_party_tender_offer: bool | None = None
    issuer_tender_offer: bool | None = None
    going_private: bool | None = None
    schedule_13d_amendment: bool | None = None
    final_amendment: bool | None = None
    cross_border_issuer: bool | None = None
    cross_border_third_party: bool | None = None

    def get(self, key: str) -> bool | None:
        """Return the state of the box named by a canonical key (see :data:`CHECKBOX_KEYS`)."""
        if key not in CHECKBOX_KEYS:
            raise KeyError(f"unknown checkbox key {key!r}; expected one of {CHECKBOX_KEYS}")
        value: bool | None = getattr(self, key)
        return value


@dataclass(frozen=True)
class Deadline(Serializable):
    """An expiration deadline: the date and time as printed, and the exact instant."""

    date: dt.date | None
    time: str | None = None
    at: dt.datetime | None = None


@dataclass(frozen=True)
class ExpirationChange(Serializable):
    """A change of the offer's expiration (an extension), with the sentence it came from."""

    previous: Deadline | None
    new: Deadline | None
    evidence: str


@dataclass(frozen=True)
class TenderedCount(Serializable):
    """A count of securities tendered so far, as reported by the depositary or agent."""

    shares: int | Decimal
    approximate: bool
    evidence: str
    percent: float | None = None
    securities: str | None = None
    as_of_date: dt.date | None = None
    as_of: dt.datetime | None = None
    reported_by: str | None = None
    guaranteed_delivery: bool = False


@dataclass(frozen=True)
class Results(Serializable):
    """Final results of the offer: shares accepted for payment, price, proration."""

    evidence: str
    shares_accepted: int | Decimal | None = None
    price: Decimal | None = None
    proration_factor_percent: float | None = None


@dataclass(frozen=True)
class PriceRange(Serializable):
    """A Dutch-auction price range."""

    min: Decimal
    max: Decimal


@dataclass(frozen=True)
class ExchangeRatio(Serializable):
    """``tendered`` securities sought are exchanged for ``received`` of ``received_security``."""

    tendered: Decimal = field(metadata={"json": "number"})
    received: Decimal = field(metadata={"json": "number"})
    received_security: str | None = None


@dataclass(frozen=True)
class OfferTerms(Serializable):
    """The offer's main terms as the filing states them."""

    kind: OfferKind | None = None
    document_title: str | None = None
    document_date: dt.date | None = None
    securities_sought: str | None = None
    max_shares: int | None = None
    price: Decimal | None = None
    price_range: PriceRange | None = None
    exchange_ratio: ExchangeRatio | None = None
    aggregate_amount: Decimal | None = None


@dataclass(frozen=True)
class Exhibit(Serializable):
    """One row of the Item 12 exhibit index."""

    code: str
    description: str
    filed_herewith: bool
    incorporated_by_reference: str | None = None


@dataclass(frozen=True)
class Signature(Serializable):
    """A signature block."""

    entity: str | None = None
    name: str | None = None
    title: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class PressRelease(Serializable):
    """A press release carried in the filing (usually exhibit (a)(5))."""

    date: dt.date | None = None
    location: str | None = None
    headline: str | None = None


@dataclass(frozen=True)
class Address(Serializable):
    """A business or mail address from the submission header."""

    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class FormerName(Serializable):
    """A former conformed name of a company, with the date it changed."""

    name: str
    date_changed: dt.date | None = None


@dataclass(frozen=True)
class HeaderCompany(Serializable):
    """A SUBJECT COMPANY or FILED BY block of the submission header."""

    name: str | None = None
    cik: str | None = None
    sic: str | None = None
    irs_number: str | None = None
    state_of_incorporation: str | None = None
    fiscal_year_end: str | None = None
    form_type: str | None = None
    file_number: str | None = None
    film_number: str | None = None
    business_address: Address | None = None
    mail_address: Address | None = None
    former_names: tuple[FormerName, ...] = ()


@dataclass(frozen=True)
class SubmissionHeader(Serializable):
    """The EDGAR submission header (``<SEC-HEADER>`` or tag-style SGML)."""

    accession_number: str | None = None
    form_type: str | None = None
    filed_date: dt.date | None = None
    acceptance_datetime: dt.datetime | None = None
    public_document_count: int | None = None
    period: dt.date | None = None
    group_members: tuple[str, ...] = ()
    subject_companies: tuple[HeaderCompany, ...] = ()
    filed_by: tuple[HeaderCompany, ...] = ()


@dataclass(frozen=True)
class DocumentInfo(Serializable):
    """One ``<DOCUMENT>`` of a submission."""

    type: str | None = None
    sequence: int | None = None
    filename: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Source(Serializable):
    """Where a filing was read from."""

    path: str | None
    sha256: str
    format: SourceFormat


@dataclass(frozen=True)
class ScheduleTO(Serializable):
    """A parsed Schedule TO filing (statement, amendment or pre-commencement communication)."""

    source: Source
    form_type: str | None = None
    amendment_number: int | None = None
    subject_company: str | None = None
    filing_persons: tuple[Party, ...] = ()
    securities_class: str | None = None
    cusips: tuple[str, ...] = ()
    checkboxes: Checkboxes = field(default_factory=Checkboxes)
    authorized_person: Contact | None = None
    copies_to: tuple[Contact, ...] = ()
    original_filing_date: dt.date | None = None
    offer: OfferTerms = field(default_factory=OfferTerms)
    expiration: ExpirationChange | None = None
    tendered: tuple[TenderedCount, ...] = ()
    results: Results | None = None
    exhibits: tuple[Exhibit, ...] = ()
    signatures: tuple[Signature, ...] = ()
    press_releases: tuple[PressRelease, ...] = ()
    expired_or_terminated: OfferOutcome | None = None
    header: SubmissionHeader | None = None
    documents: tuple[DocumentInfo, ...] = ()
    warnings: tuple[str, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, JSONValue]:
        """Return the contract's JSON object, keys in the contract's order."""
        raw = super().to_dict()
        return {key: raw[key] for key in _CONTRACT_ORDER if key in raw} | {
            key: value for key, value in raw.items() if key not in _CONTRACT_ORDER
        }

    @property
    def is_amendment(self) -> bool:
        """True for an amendment (form type ending in ``/A`` or an amendment number)."""
        return bool(self.amendment_number) or (self.form_type or "").endswith("/A")

    @property
    def accession_number(self) -> str | None:
        """The accession number from the submission header, if there was one."""
        return self.header.accession_number if self.header else None


_CONTRACT_ORDER: tuple[str, ...] = (
    "schema_version",
    "form_type",
    "amendment_number",
    "subject_company",
    "filing_persons",
    "securities_class",
    "cusips",
    "checkboxes",
    "authorized_person",
    "copies_to",
    "original_filing_date",
    "offer",
    "expiration",
    "tendered",
    "results",
    "expired_or_terminated",
    "exhibits",
    "signatures",
    "press_releases",
    "header",
    "documents",
    "source",
    "warnings",
)
