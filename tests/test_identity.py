from __future__ import annotations

import datetime as dt

from scheduleto.extract.identity import original_filing_date

from .helpers import doc


def test_original_filing_date_from_the_amending_sentence() -> None:
    found = original_filing_date(doc(
        "This Amendment No. 2 amends and supplements the Tender Offer Statement on Schedule TO "
        "filed by Acme Corp. with the Securities and Exchange Commission on March 3, 2021."
    ))
    assert found is not None and found[1] == dt.date(2021, 3, 3)


def test_filed_in_any_case() -> None:
    # The pattern reads "filed" in any case; the quick pre-tests before it must too.
    found = original_filing_date(doc(
        "AMENDMENT NO. 1 TO THE TENDER OFFER STATEMENT ON SCHEDULE TO ORIGINALLY FILED WITH THE "
        "SECURITIES AND EXCHANGE COMMISSION ON JULY 14, 2020."
    ))
    assert found is not None
    assert found[1] == dt.date(2020, 7, 14)
    assert found[0].startswith("AMENDMENT NO. 1")


def test_no_schedule_to_no_date() -> None:
    assert original_filing_date(doc("The Schedule 13D filed on May 1, 2020 is amended.")) is None


def test_filed_in_title_case() -> None:
    found = original_filing_date(doc(
        "Amendment No. 1 to the Tender Offer Statement on Schedule TO Originally Filed With the "
        "SEC On July 14, 2020"
    ))
    assert found is not None and found[1] == dt.date(2020, 7, 14)
