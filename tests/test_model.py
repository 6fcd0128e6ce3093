from __future__ import annotations

import dataclasses
import json

import pytest

import scheduleto
from scheduleto import Checkboxes, ScheduleTO

from .conftest import SEED


def test_round_trip_through_json() -> None:
    filing = scheduleto.parse(SEED)
    data = json.loads(filing.to_json())
    again = ScheduleTO.from_dict(data)
    assert again == filing
    assert again.to_dict() == data


def test_model_is_frozen() -> None:
    filing = scheduleto.parse(SEED)
    with pytest.raises(dataclasses.FrozenInstanceError):
        filing.subject_company = "X"  # type: ignore[misc]


def test_contract_key_order() -> None:
    keys = list(scheduleto.parse(SEED).to_dict())
    assert keys[:4] == ["schema_version", "form_type", "amendment_number", "subject_company"]
    assert keys[-2:] == ["source", "warnings"]


def test_checkbox_get_validates_key() -> None:
    boxes = Checkboxes(issuer_tender_offer=True)
    assert boxes.get("issuer_tender_offer") is True
    assert boxes.get("final_amendment") is None
    with pytest.raises(KeyError):
        boxes.get("nope")


def test_from_dict_rejects_wrong_types() -> None:
    data = scheduleto.parse(SEED).to_dict()
    data["amendment_number"] = "two"
    with pytest.raises((TypeError, ValueError)):
        ScheduleTO.from_dict(data)


def test_enums_become_plain_strings() -> None:
    data = scheduleto.parse(SEED).to_dict()
    assert type(data["offer"]["kind"]) is str
    assert type(data["source"]["format"]) is str
