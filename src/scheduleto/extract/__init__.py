"""Extractors: one module per concern, each a pure function of a normalised :class:`Document`.

:func:`extract_filing` runs them all and assembles the :class:`~scheduleto.model.ScheduleTO`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ..model import (
    DocumentInfo,
    OfferOutcome,
    ScheduleTO,
    Source,
    SubmissionHeader,
    TenderedCount,
)
from .checkboxes import extract_checkboxes
from .cover import extract_cover
from .exhibits import extract_exhibits
from .expiration import extract_expiration
from .identity import Identity, derive_form_type, identify, original_filing_date
from .offer import extract_offer
from .press import extract_press_releases
from .results import ResultsInfo, extract_results
from .signatures import extract_signatures
from .tendered import extract_tendered

__all__ = ["Identity", "extract_filing", "identify"]


@dataclass(frozen=True)
class Context:
    """What the container knows about the filing, beyond the primary document."""

    source: Source
    header: SubmissionHeader | None = None
    documents: tuple[DocumentInfo, ...] = ()
    form_type: str | None = None


def extract_filing(
    doc: Document,
    context: Context,
    *,
    exhibits: Sequence[Document] = (),
    identity: Identity | None = None,
    fragment: bool = False,
    derive_form: bool = True,
) -> ScheduleTO:
    """Run every extractor over ``doc`` (and event extractors over press-release ``exhibits``)."""
    warnings: list[str] = []
    identity = identity or identify(doc)
    cover = extract_cover(doc)
    warnings.extend(cover.warnings if not fragment or cover.subject_company else ())
    boxes = extract_checkboxes(doc)
    warnings.extend(boxes.warnings)
    exhibit_result = extract_exhibits(doc)
    warnings.extend(exhibit_result.warnings)
    signatures = extract_signatures(doc)
    original = original_filing_date(doc)
    offer = extract_offer(doc)

    # Dates printed with an implausible year, left unread by the event extractors.
    unread: list[str] = []
    expiration = extract_expiration(doc, unread=unread)
    tendered: list[TenderedCount] = list(extract_tendered(doc, unread=unread))
    results_info = extract_results(doc)
    press = list(extract_press_releases(doc))
    for ex in exhibits:
        if expiration is None:
            expiration = extract_expiration(ex, unread=unread)
        seen = {(t.shares, t.guaranteed_delivery) for t in tendered}
        tendered.extend(
            t for t in extract_tendered(ex, unread=unread) if (t.shares, t.guaranteed_delivery) not in seen
        )
        if results_info.results is None or results_info.outcome is None:
            more = extract_results(ex)
            results_info = ResultsInfo(
                results_info.results or more.results, results_info.outcome or more.outcome
            )
        press.extend(p for p in extract_press_releases(ex) if p not in press)
    warnings.extend(
        f"date {printed!r} has no plausible year: left unread" for printed in dict.fromkeys(unread)
    )
    if expiration is not None:
        for deadline in (expiration.new, expiration.previous):
            # A date and a time but no instant: the time's zone is not one the table knows.
            if deadline is not None and deadline.date and deadline.time and deadline.at is None:
                warnings.append(f"expiration time {deadline.time!r}: time zone not known, 'at' left null")

    amendment = identity.amendment_number is not None or identity.final_amendment_heading
    if context.form_type:
        form_type: str | None = context.form_type
    elif derive_form:
        form_type = derive_form_type(identity, boxes.checkboxes, cover.merged_caption, amendment)
    else:
        # Lenient reading never infers the type: only a printed EDGAR type line counts.
        form_type = identity.edgar_type if identity.edgar_type else None
    if form_type is None and not fragment:
        warnings.append("form type could not be told from the cover (no SGML header, no box checked)")
    if not fragment:
        if not exhibit_result.exhibits and form_type != "SC TO-C":
            warnings.append("no exhibit index (Item 12) found")
        if not signatures and form_type != "SC TO-C":
            warnings.append("no signature block found")
        if all(boxes.checkboxes.get(k) is None for k in ("issuer_tender_offer", "third_party_tender_offer")):
            warnings.append("cover checkboxes not found")
    outcome = OfferOutcome(results_info.outcome) if results_info.outcome else None
    return ScheduleTO(
        source=context.source,
        form_type=form_type,
        amendment_number=identity.amendment_number,
        subject_company=cover.subject_company,
        filing_persons=cover.filing_persons,
        securities_class=cover.securities_class,
        cusips=cover.cusips,
        checkboxes=boxes.checkboxes,
        authorized_person=cover.authorized_person,
        copies_to=cover.copies_to,
        original_filing_date=original[1] if original and amendment else None,
        offer=offer,
        expiration=expiration,
        tendered=tuple(tendered),
        results=results_info.results,
        expired_or_terminated=outcome,
        exhibits=exhibit_result.exhibits,
        signatures=signatures,
        press_releases=tuple(press),
        header=context.header,
        documents=context.documents,
        warnings=tuple(warnings),
    )
