"""Flat tables from parsed filings: to_tables, to_pandas, write_tables."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import pytest

import scheduleto
from scheduleto.export.tables import (
    COLUMN_KINDS,
    TABLES,
    MissingDependencyError,
    filing_id,
    record_rows,
    require,
)
from scheduleto.export.writers import write_tables


@pytest.fixture(scope="module")
def seed() -> scheduleto.ScheduleTO:
    return scheduleto.parse(scheduleto.example_path())


def test_tables_have_stable_columns(seed: scheduleto.ScheduleTO) -> None:
    tables = scheduleto.to_tables([seed])
    assert list(tables) == [
        "filings",
        "parties",
        "cusips",
        "exhibits",
        "tendered",
        "documents",
        "signatures",
        "press_releases",
    ]
    for name, rows in tables.items():
        assert tuple(TABLES[name]) == tuple(c for c, _ in COLUMN_KINDS[name])
        assert TABLES[name][0] == "filing_id"
        for row in rows:
            assert tuple(row) == TABLES[name]
    empty = scheduleto.to_tables([])
    assert set(empty) == set(TABLES) and not any(empty.values())


def test_filings_row_of_the_seed(seed: scheduleto.ScheduleTO) -> None:
    [row] = scheduleto.to_tables([seed])["filings"]
    assert row["filing_id"] == seed.source.path  # no header: keyed by the source path
    assert row["accession_number"] is None
    assert row["sha256"] == seed.source.sha256
    assert row["form_type"] == "SC TO-I/A"
    assert row["amendment_number"] == 2
    assert row["subject_company"] == "AULT ALLIANCE, INC."
    assert row["cusips"] == "09175M101"
    assert row["issuer_tender_offer"] is True
    assert row["third_party_tender_offer"] is False
    assert row["final_amendment"] is False
    assert row["authorized_person_name"] == "Henry Nisser"
    assert row["original_filing_date"] == "2023-03-31"
    assert row["offer_kind"] == "exchange"
    assert row["offer_max_shares"] == 333333333
    assert row["offer_exchange_tendered"] == 200 and row["offer_exchange_received"] == 3
    assert row["offer_aggregate_amount"] == "50000000"
    assert row["expiration_previous_date"] == "2023-04-28"
    assert row["expiration_previous_at"] == "2023-04-29T00:00:00-04:00"
    assert row["expiration_new_date"] == "2023-05-17"
    assert row["expiration_new_at"] == "2023-05-18T00:00:00-04:00"
    assert row["tendered_count"] == 1 and row["exhibit_count"] == 13 and row["document_count"] == 0
    assert row["results_evidence"] is None and row["filed_date"] is None


def test_child_tables_of_the_seed(seed: scheduleto.ScheduleTO) -> None:
    tables = scheduleto.to_tables([seed])
    fid = seed.source.path
    exhibits = tables["exhibits"]
    assert [e["code"] for e in exhibits][:3] == ["(a)(1)(A)", "(a)(1)(B)", "(a)(1)(C)"]
    assert [e["seq"] for e in exhibits] == list(range(1, 14))
    assert [e["code"] for e in exhibits if e["filed_herewith"]] == ["(a)(5)(D)"]
    assert all(e["filing_id"] == fid for e in exhibits)
    [tendered] = tables["tendered"]
    assert tendered["shares"] == 13292651 and tendered["approximate"] is True
    assert tendered["reported_by"] == "Computershare Trust Company, N.A."
    assert [c["cusip"] for c in tables["cusips"]] == ["09175M101"]
    parties = tables["parties"]
    assert [(p["party_type"], p["name"]) for p in parties] == [
        ("filing_person", "AULT ALLIANCE, INC."),
        ("copies_to", "Kenneth A. Schlesinger, Esq."),
        ("copies_to", "Spencer G. Feldman, Esq."),
    ]
    assert parties[0]["role"] == "Offeror"
    assert parties[1]["organization"] == "Olshan Frome Wolosky LLP"
    assert tables["documents"] == []
    [signature] = tables["signatures"]
    assert signature["name"] == "Henry Nisser" and signature["date"] == "2023-05-01"
    [press] = tables["press_releases"]
    assert press["location"] == "LAS VEGAS"


def test_contract_dicts_and_bulk_results_give_the_same_rows(seed: scheduleto.ScheduleTO) -> None:
    as_dict = json.loads(json.dumps(seed.to_dict()))
    assert scheduleto.to_tables([as_dict]) == scheduleto.to_tables([seed])
    [result] = scheduleto.parse_many(scheduleto.example_path(), workers=1)
    tables = scheduleto.to_tables([result])
    assert tables["filings"][0]["source_member"] is None
    assert tables["filings"][0]["filing_id"] == result.source
    # an archive member is keyed path!member; a header's accession number wins
    record = dict(
        as_dict, source={"path": "/x/a.zip", "member": "b.txt", "sha256": "0", "format": "text"}
    )
    assert filing_id(record) == "/x/a.zip!b.txt"
    assert (
        filing_id(dict(record, header={"accession_number": "0001-23-000001"})) == "0001-23-000001"
    )
    assert record_rows(record)["filings"][0]["source_member"] == "b.txt"


def test_to_pandas_types(seed: scheduleto.ScheduleTO) -> None:
    pd = pytest.importorskip("pandas")
    frames = scheduleto.to_pandas([seed])
    assert set(frames) == set(TABLES)
    filings = frames["filings"]
    assert list(filings.columns) == list(TABLES["filings"])
    assert str(filings["amendment_number"].dtype) == "Int64"
    assert str(filings["issuer_tender_offer"].dtype) == "boolean"
    assert filings.loc[0, "expiration_new_at"] == pd.Timestamp("2023-05-18 04:00", tz="UTC")
    assert filings.loc[0, "original_filing_date"] == pd.Timestamp("2023-03-31")
    assert filings.loc[0, "offer_aggregate_amount"] == "50000000"
    assert pd.isna(filings.loc[0, "filed_date"])
    assert len(frames["exhibits"]) == 13
    empty = scheduleto.to_pandas([])
    assert (
        list(empty["tendered"].columns) == list(TABLES["tendered"]) and len(empty["tendered"]) == 0
    )


def test_write_tables_csv_and_parquet(seed: scheduleto.ScheduleTO, tmp_path: Path) -> None:
    tables = scheduleto.to_tables([seed])
    paths = write_tables(tables, tmp_path / "csv", format="csv")
    assert {p.name for p in paths} == {f"{t}.csv" for t in TABLES}
    with open(tmp_path / "csv" / "exhibits.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 13 and rows[0]["filed_herewith"] == "false"
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    write_tables(tables, tmp_path / "pq", format="parquet")
    filings = pd.read_parquet(tmp_path / "pq" / "filings.parquet")
    assert filings.loc[0, "expiration_new_date"] == dt.date(2023, 5, 17)
    assert filings.loc[0, "amendment_number"] == 2
    with pytest.raises(ValueError, match="unknown format"):
        write_tables(tables, tmp_path / "x", format="xlsx")


def test_missing_optional_dependency_names_the_extra(
    seed: scheduleto.ScheduleTO, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(MissingDependencyError, match=r"pip install 'scheduleto\[parquet\]'"):
        require("surely_not_installed_module", "parquet", "Parquet output")
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"scheduleto\[pandas\]"):
        scheduleto.to_pandas([seed])


def test_to_tables_rejects_what_is_not_results(seed: scheduleto.ScheduleTO) -> None:
    assert len(scheduleto.to_tables(seed)["filings"]) == 1  # one filing alone is accepted
    with pytest.raises(TypeError, match="not a path"):
        scheduleto.to_tables("out/filings.jsonl")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="schema_version"):
        scheduleto.to_tables([{}])
    with pytest.raises(TypeError, match="not int"):
        scheduleto.to_tables([1])  # type: ignore[list-item]
