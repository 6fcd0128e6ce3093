"""The real EDGAR corpus in ../shared/corpus against values labelled by reading each file.

Expected values live in ``tests/corpus_expected.json`` (written by hand, not by the parser).
A field absent from an entry was not labelled and is not asserted; dicts are compared on the
keys the label gives; ``alternatives`` lists other acceptable values for a dotted path.
Skips cleanly when the corpus is absent.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import scheduleto
from scheduleto import NotScheduleTOError, ScheduleTO

from .conftest import CORPUS, needs_corpus

EXPECTED: dict[str, Any] = json.loads(
    (Path(__file__).parent / "corpus_expected.json").read_text(encoding="utf-8")
)
FIELDS = (
    "form_type", "amendment_number", "subject_company", "filing_persons", "securities_class",
    "cusips", "checkboxes", "authorized_person", "copies_to", "original_filing_date", "offer",
    "expiration", "tendered", "results", "exhibits", "signatures", "press_releases", "header",
    "documents",
)  # fmt: skip
PARSED = [k for k, v in EXPECTED.items() if k != "_about" and not v.get("refuse") and "sc_to_rows" not in v and not v.get("header_only")]
REFUSED = [k for k, v in EXPECTED.items() if k != "_about" and v.get("refuse")]
# Press releases on their own are read leniently (no cover).
LENIENT = {"edgar/sol_swz_ex99a5ii.htm"}


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        value = value.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
        return re.sub(r"\s+", " ", value).strip()
    return value


def matches(expected: Any, actual: Any) -> bool:
    """Subset match: dict keys the label gives, lists element by element, numbers by value."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        # Evidence is audit text: which sentence is quoted is checked by the extractor tests.
        return all(matches(v, actual.get(k)) for k, v in expected.items() if k != "evidence")
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(expected) != len(actual):
            return False
        return all(matches(e, a) for e, a in zip(expected, actual, strict=True))
    if isinstance(expected, str) and isinstance(actual, str):
        if _norm(expected) == _norm(actual):
            return True
        try:  # "18.25" vs "18.250", "12035603.471"
            return Decimal(expected) == Decimal(actual)
        except InvalidOperation:
            return False
    if isinstance(expected, (int, float)) and not isinstance(expected, bool) and isinstance(actual, (int, float, str)):
        try:
            return Decimal(str(expected)) == Decimal(str(actual))
        except InvalidOperation:
            return False
    return bool(expected == actual)


@cache
def parsed(key: str) -> dict[str, Any]:
    filing: ScheduleTO = scheduleto.parse(CORPUS / key, strict=key not in LENIENT)
    return filing.to_dict()


def _acceptable(key: str, field: str) -> list[Any]:
    entry = EXPECTED[key]
    values = [entry[field]]
    values.extend((entry.get("alternatives") or {}).get(field, []))
    return values


def _cases() -> list[Any]:
    out = []
    for key in PARSED:
        for field in FIELDS:
            if field in EXPECTED[key]:
                out.append(pytest.param(key, field, id=f"{key}:{field}"))
    return out


@needs_corpus
@pytest.mark.parametrize(("key", "field"), _cases())
def test_field_matches_label(key: str, field: str) -> None:
    actual = parsed(key)[field]
    entry = EXPECTED[key]
    alternatives = entry.get("alternatives") or {}
    if field in alternatives or any(a.startswith(field + ".") for a in alternatives):
        # Dotted alternatives: substitute each acceptable value at its path.
        candidates = _with_alternatives(entry[field], field, alternatives)
    else:
        candidates = [entry[field]]
    assert any(matches(c, actual) for c in candidates), (
        f"{key} {field}:\n expected {json.dumps(candidates[0], indent=1)[:1500]}\n"
        f"      got {json.dumps(actual, indent=1)[:1500]}"
    )


def _with_alternatives(value: Any, field: str, alternatives: dict[str, list[Any]]) -> list[Any]:
    out = [value]
    for path, options in alternatives.items():
        if path == field:
            out.extend(options)
        elif path.startswith(field + "."):
            for option in options:
                for base in list(out):
                    out.append(_replace(base, path[len(field) + 1 :].split("."), option))
    return out


def _replace(value: Any, path: list[str], new: Any) -> Any:
    if not path:
        return new
    if isinstance(value, dict):
        copy = dict(value)
        copy[path[0]] = _replace(value.get(path[0]), path[1:], new)
        return copy
    if isinstance(value, list) and path[0].isdigit():
        copy_list = list(value)
        i = int(path[0])
        if i < len(copy_list):
            copy_list[i] = _replace(copy_list[i], path[1:], new)
        return copy_list
    return value


@needs_corpus
@pytest.mark.parametrize("key", REFUSED)
def test_other_forms_are_refused_by_name(key: str) -> None:
    with pytest.raises(NotScheduleTOError) as info:
        scheduleto.parse(CORPUS / key)
    want = EXPECTED[key]["form_type"]
    assert info.value.form_type == want or (info.value.form_type or "").replace(" ", "") == want.replace(" ", "")
    assert want.split("/")[0].split()[-1] in str(info.value)


@needs_corpus
def test_cvr_same_result_from_both_containers() -> None:
    txt = parsed("submissions/0001104659-25-002604.txt")
    nc = parsed("submissions/0001104659-25-002604.nc")
    for field in FIELDS:
        if field == "header":
            continue
        assert txt[field] == nc[field], field
    for hkey in ("accession_number", "form_type", "filed_date", "group_members", "subject_companies", "filed_by"):
        assert txt["header"][hkey] == nc["header"][hkey], hkey
    assert txt["header"]["accession_number"] == "0001104659-25-002604"
    assert txt["header"]["filed_date"] == "2025-01-10"
    assert len(txt["header"]["group_members"]) == 6
    assert txt["checkboxes"]["final_amendment"] is True
    assert txt["tendered"][0]["shares"] == 878212
    assert txt["results"]["price"] == "18.25"


@needs_corpus
def test_other_submissions_are_refused_from_the_header_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The documents of a refused submission are never read."""
    import scheduleto.api as api

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("a document was parsed")

    monkeypatch.setattr(api, "read_document", boom)
    for key in REFUSED:
        if key.startswith("submissions/") and EXPECTED[key].get("accession_number"):
            with pytest.raises(NotScheduleTOError):
                scheduleto.parse(CORPUS / key)


HEADER_ONLY = [k for k, v in EXPECTED.items() if k != "_about" and v.get("header_only")]


@needs_corpus
@pytest.mark.parametrize("key", HEADER_ONLY)
def test_header_files(key: str) -> None:
    """Header files of Schedule TO filings give the header; others are refused by their form."""
    entry = EXPECTED[key]
    form = entry["header"]["form_type"]
    if not scheduleto.is_schedule_to_form(form):
        with pytest.raises(NotScheduleTOError) as info:
            scheduleto.parse(CORPUS / key)
        assert info.value.form_type == form
        return
    data = scheduleto.parse(CORPUS / key).to_dict()
    assert data["form_type"] == form
    assert matches(entry["header"], data["header"]), json.dumps(data["header"], indent=1)[:2000]
    if "documents" in entry:
        assert matches(entry["documents"], data["documents"])
    assert any("header only" in w for w in data["warnings"])
