"""Golden test: every value contract.md lists for the seed filing."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

import scheduleto
from scheduleto import OfferKind, ScheduleTO

from .conftest import SEED


@pytest.fixture(scope="module")
def filing() -> ScheduleTO:
    return scheduleto.parse(SEED)


@pytest.fixture(scope="module")
def data(filing: ScheduleTO) -> dict:
    return json.loads(filing.to_json())


def test_identity(data: dict) -> None:
    assert data["schema_version"] == "1"
    assert data["form_type"] == "SC TO-I/A"
    assert data["amendment_number"] == 2
    assert data["original_filing_date"] == "2023-03-31"
    assert data["header"] is None
    assert data["documents"] == []
    assert data["source"]["format"] == "text"
    assert len(data["source"]["sha256"]) == 64


def test_cover(data: dict) -> None:
    assert data["subject_company"] == "AULT ALLIANCE, INC."
    assert data["filing_persons"] == [{"name": "AULT ALLIANCE, INC.", "role": "Offeror"}]
    assert data["securities_class"] == "Common Stock"
    assert data["cusips"] == ["09175M101"]


def test_checkboxes(data: dict) -> None:
    assert data["checkboxes"] == {
        "preliminary_communication": False,
        "third_party_tender_offer": False,
        "issuer_tender_offer": True,
        "going_private": False,
        "schedule_13d_amendment": False,
        "final_amendment": False,
        "cross_border_issuer": False,
        "cross_border_third_party": False,
    }


def test_authorized_person_and_copies(data: dict) -> None:
    assert data["authorized_person"] == {
        "name": "Henry Nisser",
        "title": "President & General Counsel",
        "organization": "Ault Alliance, Inc.",
        "address": "11411 Southern Highlands Pkwy #240 Las Vegas, NV 89141",
        "phone": "(949) 444-5464",
    }
    names = [c["name"] for c in data["copies_to"]]
    assert names == ["Kenneth A. Schlesinger, Esq.", "Spencer G. Feldman, Esq."]
    for c in data["copies_to"]:
        assert c["organization"] == "Olshan Frome Wolosky LLP"
        assert c["address"] == "1325 Avenue of the Americas New York, New York 10019"
        assert c["phone"] == "(212) 451-2300"


def test_offer(data: dict) -> None:
    assert data["offer"] == {
        "kind": "exchange",
        "document_title": "Amended and Restated Offer to Exchange",
        "document_date": "2023-04-20",
        "securities_sought": "Common Stock",
        "max_shares": 333333333,
        "price": None,
        "price_range": None,
        "exchange_ratio": {
            "tendered": 200,
            "received": 3,
            "received_security": "10.00% Series H Cumulative Redeemable Perpetual Preferred Stock",
        },
        "aggregate_amount": "50000000",
    }


def test_expiration(data: dict, filing: ScheduleTO) -> None:
    exp = data["expiration"]
    assert exp["previous"]["date"] == "2023-04-28"
    assert exp["previous"]["at"] == "2023-04-29T00:00:00-04:00"
    assert exp["new"]["date"] == "2023-05-17"
    assert exp["new"]["at"] == "2023-05-18T00:00:00-04:00"
    assert "extend the expiration date" in exp["evidence"]
    assert filing.expiration is not None and filing.expiration.new is not None
    assert str(filing.expiration.new.at) == "2023-05-18 00:00:00-04:00"
    assert filing.expiration.new.date == dt.date(2023, 5, 17)


def test_tendered(data: dict) -> None:
    assert len(data["tendered"]) == 1
    t = data["tendered"][0]
    assert t["shares"] == 13292651
    assert t["approximate"] is True
    assert t["securities"] == "Common Stock"
    assert t["as_of_date"] == "2023-04-28"
    assert t["as_of"] == "2023-04-29T00:00:00-04:00"
    assert t["reported_by"] == "Computershare Trust Company, N.A."
    assert "13,292,651" in t["evidence"]


def test_results_absent(data: dict) -> None:
    assert data["results"] is None


def test_exhibits(data: dict) -> None:
    codes = [e["code"] for e in data["exhibits"]]
    assert codes == [
        "(a)(1)(A)", "(a)(1)(B)", "(a)(1)(C)", "(a)(1)(D)", "(a)(1)(E)", "(a)(1)(F)",
        "(a)(1)(G)", "(a)(5)(A)", "(a)(5)(B)", "(a)(5)(C)", "(a)(5)(D)", "(a)(6)(A)", "107",
    ]  # fmt: skip
    herewith = [e["code"] for e in data["exhibits"] if e["filed_herewith"]]
    assert herewith == ["(a)(5)(D)"]
    for e in data["exhibits"]:
        if e["code"] != "(a)(5)(D)":
            assert e["incorporated_by_reference"]
        else:
            assert e["incorporated_by_reference"] is None
    first = data["exhibits"][0]
    assert first["description"] == "Offer to Exchange, dated March 31, 2023"
    assert first["incorporated_by_reference"] == "the Original Schedule TO, filed on March 31, 2023"


def test_signatures(data: dict) -> None:
    assert data["signatures"] == [
        {
            "entity": "Ault Alliance, Inc.",
            "name": "Henry Nisser",
            "title": "President and General Counsel",
            "date": "2023-05-01",
        }
    ]


def test_press_releases(data: dict) -> None:
    assert data["press_releases"] == [
        {
            "date": "2023-05-01",
            "location": "LAS VEGAS",
            "headline": "Ault Alliance Announces Extension of Pending Exchange Offer",
        }
    ]


def test_no_warnings_on_the_complete_seed(data: dict) -> None:
    assert data["warnings"] == []


def test_python_types(filing: ScheduleTO) -> None:
    assert filing.offer.kind is OfferKind.EXCHANGE
    assert filing.offer.aggregate_amount == Decimal("50000000")
    assert filing.expiration is not None and filing.expiration.new is not None
    at = filing.expiration.new.at
    assert at is not None and at.utcoffset() == dt.timedelta(hours=-4)
    assert filing.is_amendment


def test_built_in_example_is_the_seed() -> None:
    assert scheduleto.parse(scheduleto.example_path()).to_dict()["cusips"] == ["09175M101"]
