from __future__ import annotations

import datetime as dt

from scheduleto.extract.press import extract_press_releases
from scheduleto.extract.signatures import extract_signatures

from .conftest import FIXTURES
from .helpers import doc


def test_several_signature_blocks_with_shared_date() -> None:
    text = """SIGNATURE

After due inquiry and to the best of my knowledge and belief, I certify that the information set forth in this statement is true, complete and correct.

Dated: January 10, 2025

ICAHN ENTERPRISES HOLDINGS L.P.
By: Icahn Enterprises G.P. Inc., its general partner
By: /s/ Ted Papapostolou
Name: Ted Papapostolou
Title: Chief Financial Officer

/s/ Carl C. Icahn
CARL C. ICAHN
"""
    sigs = extract_signatures(doc(text))
    assert sigs[0].entity == "ICAHN ENTERPRISES HOLDINGS L.P."
    assert sigs[0].name == "Ted Papapostolou"
    assert sigs[0].title == "Chief Financial Officer"
    assert all(s.date == dt.date(2025, 1, 10) for s in sigs)
    assert sigs[-1].name == "Carl C. Icahn"


def test_flattened_signature_block() -> None:
    text = "SIGNATURES\nAcme Corp. By: /s/ Jane Roe Name: Jane Roe Title: Chief Executive Officer Date: June 2, 2020"
    (sig,) = extract_signatures(doc(text))
    assert (sig.entity, sig.name, sig.title, sig.date) == (
        "Acme Corp.", "Jane Roe", "Chief Executive Officer", dt.date(2020, 6, 2))  # fmt: skip


def test_no_signatures() -> None:
    assert extract_signatures(doc("Nothing signed here.")) == ()


def test_press_release_fragment() -> None:
    (pr,) = extract_press_releases(doc((FIXTURES / "seed_press_release.txt").read_text()))
    assert pr.location == "LAS VEGAS" and pr.date == dt.date(2023, 5, 1)
    assert pr.headline == "Ault Alliance Announces Extension of Pending Exchange Offer"


def test_prnewswire_dateline() -> None:
    text = "FOR IMMEDIATE RELEASE\n\nIcahn Announces Final Results of Tender Offer\n\nNEW YORK, Jan. 10, 2025 /PRNewswire/ -- Icahn Enterprises announced today..."
    (pr,) = extract_press_releases(doc(text))
    assert pr.location == "NEW YORK"
    assert pr.date == dt.date(2025, 1, 10)
    assert pr.headline == "Icahn Announces Final Results of Tender Offer"


def test_unlabelled_title_under_the_signature() -> None:
    text = "SIGNATURE\nAcme Corp.\nBy: /s/ John Smith\nChief Executive Officer\nDate: June 2, 2020\n"
    (sig,) = extract_signatures(doc(text))
    assert (sig.name, sig.title) == ("John Smith", "Chief Executive Officer")


def test_datelines_after_a_line_break_with_ampersand_and_day_first_dates() -> None:
    cases = {
        "Acme Announces Extension\nNEW YORK, March 5, 2026 /PRNewswire/ -- Acme announced today...": (
            "NEW YORK", "Acme Announces Extension"),
        "Acme Announces Results\n\nSAN FRANCISCO & NEW YORK--(BUSINESS WIRE)--March 5, 2026-- Acme...": (
            "SAN FRANCISCO & NEW YORK", "Acme Announces Results"),
        "Genmab Completes Offer\n\nCOPENHAGEN, Denmark, 5 March 2026 \u2013 Genmab announced today...": (
            "COPENHAGEN, Denmark", "Genmab Completes Offer"),
    }  # fmt: skip
    for text, (location, headline) in cases.items():
        (pr,) = extract_press_releases(doc(text))
        assert (pr.location, pr.headline, pr.date) == (location, headline, dt.date(2026, 3, 5))
