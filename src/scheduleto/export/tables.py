"""Flatten parsed filings into linked flat tables (for CSV, Parquet and pandas).

:func:`to_tables` turns filings into a ``dict`` of tables, each a list of rows (``dict`` of
column -> plain JSON value, exactly the contract's JSON forms: ISO dates and instants, money as
decimal strings). Every table has a fixed column list (:data:`TABLES`), in a fixed order, so
files written by different runs line up. The tables are linked by ``filing_id``: the accession
number when the submission header gives one, else the source path (``path!member`` for a
member of an archive).

=================  ==========================================================================
table              one row per
=================  ==========================================================================
``filings``        filing: scalar fields, one column per checkbox, offer terms, expiration
                   previous/new date/time/instant, results, header dates and CIKs, source path
                   / member / sha256
``parties``        filing person on the cover, SUBJECT COMPANY / FILED BY block of the header,
                   counsel copied (``party_type`` says which)
``cusips``         CUSIP on the cover
``exhibits``       row of the exhibit index
``tendered``       tendered-count report
``documents``      ``<DOCUMENT>`` of the submission
``signatures``     signature block
``press_releases`` press release carried in the filing
=================  ==========================================================================

:func:`to_pandas` gives the same tables as :class:`pandas.DataFrame` objects with typed columns
(nullable integers and booleans, ``datetime64`` dates, UTC instants); it needs the optional
``pandas`` extra (``pip install 'scheduleto[pandas]'``).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..model import CHECKBOX_KEYS, ScheduleTO

if TYPE_CHECKING:  # pragma: no cover
    from ..bulk.core import BulkResult

__all__ = [
    "COLUMN_KINDS",
    "TABLES",
    "MissingDependencyError",
    "TableValueError",
    "check_typed",
    "filing_id",
    "filing_record",
    "require",
    "to_pandas",
    "to_tables",
]

Row = dict[str, Any]

#: Column kinds: how a column is typed in Parquet and pandas (CSV holds the JSON text form).
#: ``decimal`` columns (money, fractional share counts) stay exact decimal strings.
KINDS = ("str", "int", "float", "bool", "date", "datetime", "decimal")


def _cols(spec: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        kind = kind or "str"
        assert kind in KINDS, kind
        out.append((name, kind))
    return tuple(out)


_FILINGS = _cols(
    "filing_id accession_number source_path source_member sha256 source_format schema_version "
    "form_type amendment_number:int subject_company securities_class cusips "
    + " ".join(f"{key}:bool" for key in CHECKBOX_KEYS)
    + " authorized_person_name authorized_person_title authorized_person_organization "
    "authorized_person_address authorized_person_phone original_filing_date:date "
    "offer_kind offer_document_title offer_document_date:date offer_securities_sought "
    "offer_max_shares:int offer_price:decimal offer_price_min:decimal offer_price_max:decimal "
    "offer_exchange_tendered:float offer_exchange_received:float offer_exchange_received_security "
    "offer_aggregate_amount:decimal "
    "expiration_previous_date:date expiration_previous_time expiration_previous_at:datetime "
    "expiration_new_date:date expiration_new_time expiration_new_at:datetime expiration_evidence "
    "results_shares_accepted:decimal results_price:decimal "
    "results_proration_factor_percent:float results_evidence expired_or_terminated "
    "header_form_type filed_date:date acceptance_datetime:datetime public_document_count:int "
    "period:date group_members subject_cik subject_name subject_file_number filer_cik filer_name "
    "tendered_count:int exhibit_count:int document_count:int warnings"
)
_PARTIES = _cols(
    "filing_id seq:int party_type name role cik sic irs_number state_of_incorporation "
    "fiscal_year_end form_type file_number film_number title organization address phone "
    "business_street1 business_street2 business_city business_state business_zip business_phone"
)
_CUSIPS = _cols("filing_id seq:int cusip")
_EXHIBITS = _cols(
    "filing_id seq:int code description filed_herewith:bool incorporated_by_reference"
)
_TENDERED = _cols(
    "filing_id seq:int shares:decimal approximate:bool percent:float securities "
    "as_of_date:date as_of:datetime reported_by guaranteed_delivery:bool evidence"
)
_DOCUMENTS = _cols("filing_id seq:int type sequence:int filename description")
_SIGNATURES = _cols("filing_id seq:int entity name title date:date")
_PRESS = _cols("filing_id seq:int date:date location headline")

#: Table name -> ((column, kind), ...) in output order. Column lists are stable: new columns are
#: only ever appended.
COLUMN_KINDS: dict[str, tuple[tuple[str, str], ...]] = {
    "filings": _FILINGS,
    "parties": _PARTIES,
    "cusips": _CUSIPS,
    "exhibits": _EXHIBITS,
    "tendered": _TENDERED,
    "documents": _DOCUMENTS,
    "signatures": _SIGNATURES,
    "press_releases": _PRESS,
}

#: Table name -> column names, in output order.
TABLES: dict[str, tuple[str, ...]] = {
    name: tuple(col for col, _ in spec) for name, spec in COLUMN_KINDS.items()
}


class MissingDependencyError(ImportError):
    """An optional dependency (pandas, pyarrow, dask) is not installed; the message says which extra."""


def require(module: str, extra: str, what: str) -> Any:
    """Import ``module`` or raise :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(
            f"{what} needs the optional package {module.split('.')[0]!r}: "
            f"pip install 'scheduleto[{extra}]'"
        ) from exc


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


def filing_record(item: BulkResult | ScheduleTO | Mapping[str, Any]) -> dict[str, Any] | None:
    """Return the contract JSON object of a filing (``None`` for a failed or skipped input).

    ``item`` is a :class:`~scheduleto.bulk.BulkResult`, a :class:`~scheduleto.ScheduleTO` or a
    contract dict already (for example a line of ``filings.jsonl``). Bulk results add
    ``source.member`` (the member inside an archive, or ``None``).
    """
    if isinstance(item, ScheduleTO):
        return item.to_dict()
    if isinstance(item, Mapping):
        if "schema_version" not in item or "source" not in item:
            raise ValueError(
                "a dict given to to_tables() must be a filing's JSON object (a line of "
                f"filings.jsonl, with 'schema_version' and 'source'); got keys {sorted(item)[:8]}"
            )
        return dict(item)
    to_dict = getattr(item, "to_dict", None)
    if to_dict is None or not hasattr(item, "filing"):
        raise TypeError(
            "to_tables() takes BulkResult objects, ScheduleTO objects or filing dicts, "
            f"not {type(item).__name__}"
        )
    if item.filing is None:
        return None  # a skipped or failed input
    record: dict[str, Any] = to_dict()
    return record


def filing_id(record: Mapping[str, Any]) -> str:
    """The key linking a filing's rows: accession number, else ``path`` or ``path!member``."""
    header = record.get("header") or {}
    accession = header.get("accession_number") if isinstance(header, Mapping) else None
    if accession:
        return str(accession)
    source = record.get("source") or {}
    path = source.get("path")
    member = source.get("member")
    if path and member:
        return f"{path}!{member}"
    if path:
        return str(path)
    if member:
        return f"!{member}"
    return f"sha256:{source.get('sha256')}"


def _get(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def _deadline(row: Row, prefix: str, deadline: Any) -> None:
    row[f"{prefix}_date"] = _get(deadline, "date")
    row[f"{prefix}_time"] = _get(deadline, "time")
    row[f"{prefix}_at"] = _get(deadline, "at")


def _filing_row(rec: Mapping[str, Any], fid: str) -> Row:
    source = rec.get("source") or {}
    header = rec.get("header") or {}
    offer = rec.get("offer") or {}
    boxes = rec.get("checkboxes") or {}
    person = rec.get("authorized_person") or {}
    expiration = rec.get("expiration") or {}
    results = rec.get("results") or {}
    subjects = header.get("subject_companies") or []
    filers = header.get("filed_by") or []
    subject = subjects[0] if subjects else {}
    filer = filers[0] if filers else {}
    row: Row = {
        "filing_id": fid,
        "accession_number": header.get("accession_number"),
        "source_path": source.get("path"),
        "source_member": source.get("member"),
        "sha256": source.get("sha256"),
        "source_format": source.get("format"),
        "schema_version": rec.get("schema_version"),
        "form_type": rec.get("form_type"),
        "amendment_number": rec.get("amendment_number"),
        "subject_company": rec.get("subject_company"),
        "securities_class": rec.get("securities_class"),
        "cusips": " ".join(rec.get("cusips") or ()) or None,
    }
    for key in CHECKBOX_KEYS:
        row[key] = boxes.get(key)
    for key in ("name", "title", "organization", "address", "phone"):
        row[f"authorized_person_{key}"] = person.get(key)
    row["original_filing_date"] = rec.get("original_filing_date")
    price_range = offer.get("price_range") or {}
    ratio = offer.get("exchange_ratio") or {}
    row.update(
        offer_kind=offer.get("kind"),
        offer_document_title=offer.get("document_title"),
        offer_document_date=offer.get("document_date"),
        offer_securities_sought=offer.get("securities_sought"),
        offer_max_shares=offer.get("max_shares"),
        offer_price=offer.get("price"),
        offer_price_min=price_range.get("min"),
        offer_price_max=price_range.get("max"),
        offer_exchange_tendered=ratio.get("tendered"),
        offer_exchange_received=ratio.get("received"),
        offer_exchange_received_security=ratio.get("received_security"),
        offer_aggregate_amount=offer.get("aggregate_amount"),
    )
    _deadline(row, "expiration_previous", expiration.get("previous"))
    _deadline(row, "expiration_new", expiration.get("new"))
    row["expiration_evidence"] = expiration.get("evidence")
    row.update(
        results_shares_accepted=results.get("shares_accepted"),
        results_price=results.get("price"),
        results_proration_factor_percent=results.get("proration_factor_percent"),
        results_evidence=results.get("evidence"),
        expired_or_terminated=rec.get("expired_or_terminated"),
        header_form_type=header.get("form_type"),
        filed_date=header.get("filed_date"),
        acceptance_datetime=header.get("acceptance_datetime"),
        public_document_count=header.get("public_document_count"),
        period=header.get("period"),
        group_members=_json_list(header.get("group_members")),
        subject_cik=subject.get("cik"),
        subject_name=subject.get("name"),
        subject_file_number=subject.get("file_number"),
        filer_cik=filer.get("cik"),
        filer_name=filer.get("name"),
        tendered_count=len(rec.get("tendered") or ()),
        exhibit_count=len(rec.get("exhibits") or ()),
        document_count=len(rec.get("documents") or ()),
        warnings=_json_list(rec.get("warnings")),
    )
    return row


def _json_list(values: Any) -> str | None:
    if not values:
        return None
    return json.dumps(list(values), ensure_ascii=False)


def _party_rows(rec: Mapping[str, Any], fid: str) -> list[Row]:
    rows: list[Row] = []

    def add(party_type: str, values: Mapping[str, Any]) -> None:
        row: Row = {"filing_id": fid, "seq": len(rows) + 1, "party_type": party_type}
        for col in TABLES["parties"][3:]:
            if col.startswith("business_"):
                row[col] = _get(values, "business_address", col[len("business_") :])
            else:
                row[col] = values.get(col)
        rows.append(row)

    for party in rec.get("filing_persons") or ():
        add("filing_person", party)
    header = rec.get("header") or {}
    for company in header.get("subject_companies") or ():
        add("subject_company", company)
    for company in header.get("filed_by") or ():
        add("filed_by", company)
    for contact in rec.get("copies_to") or ():
        add("copies_to", contact)
    return rows


def _list_rows(
    fid: str, table: str, items: Iterable[Any], pick: Callable[[Any], Mapping[str, Any]]
) -> list[Row]:
    cols = TABLES[table][2:]
    rows: list[Row] = []
    for n, item in enumerate(items, 1):
        values = pick(item)
        row: Row = {"filing_id": fid, "seq": n}
        for col in cols:
            row[col] = values.get(col)
        rows.append(row)
    return rows


def _same(item: Any) -> Mapping[str, Any]:
    return item if isinstance(item, Mapping) else {}


def record_rows(record: Mapping[str, Any]) -> dict[str, list[Row]]:
    """Flatten one contract JSON object into its rows of every table (see :data:`TABLES`)."""
    fid = filing_id(record)
    return {
        "filings": [_filing_row(record, fid)],
        "parties": _party_rows(record, fid),
        "cusips": _list_rows(fid, "cusips", record.get("cusips") or (), lambda c: {"cusip": c}),
        "exhibits": _list_rows(fid, "exhibits", record.get("exhibits") or (), _same),
        "tendered": _list_rows(fid, "tendered", record.get("tendered") or (), _same),
        "documents": _list_rows(fid, "documents", record.get("documents") or (), _same),
        "signatures": _list_rows(fid, "signatures", record.get("signatures") or (), _same),
        "press_releases": _list_rows(
            fid, "press_releases", record.get("press_releases") or (), _same
        ),
    }


def to_tables(
    results: Iterable[BulkResult | ScheduleTO | Mapping[str, Any]],
) -> dict[str, list[dict[str, Any]]]:
    """Flatten filings into linked flat tables: ``{table name: [row, ...]}``.

    ``results`` may hold :class:`~scheduleto.bulk.BulkResult` objects (as yielded by
    :func:`scheduleto.parse_many`; failed and skipped inputs are left out), parsed
    :class:`~scheduleto.ScheduleTO` objects, or contract dicts (lines of ``filings.jsonl``).
    Every table of :data:`TABLES` is present, possibly empty; every row has exactly the table's
    columns, in order, with JSON values (``None`` for unknown).
    """
    if isinstance(results, (str, bytes, os.PathLike)):
        raise TypeError(
            "to_tables() takes parsed results, not a path: read the file first, e.g. "
            "[json.loads(line) for line in open(path)] for filings.jsonl"
        )
    if isinstance(results, (ScheduleTO, Mapping)):
        results = [results]  # one filing
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    for item in results:
        record = filing_record(item)
        if record is None:
            continue
        for name, rows in record_rows(record).items():
            tables[name].extend(rows)
    return tables


# --------------------------------------------------------------------------------------------
# Typed values (Parquet, pandas)
# --------------------------------------------------------------------------------------------


def to_date(value: Any) -> dt.date | None:
    """A contract date (``YYYY-MM-DD``) as :class:`datetime.date` (``None`` when unreadable)."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def to_datetime(value: Any) -> dt.datetime | None:
    """A contract instant (ISO 8601 with offset) as an aware UTC :class:`datetime.datetime`."""
    if value is None:
        return None
    try:
        moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def to_int(value: Any) -> int | None:
    """An integer value, or ``None`` (a fractional number is not an integer)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def to_float(value: Any) -> float | None:
    """A number as ``float``, or ``None``."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def to_bool(value: Any) -> bool | None:
    """A boolean, or ``None``."""
    return value if isinstance(value, bool) else None


def to_str(value: Any) -> str | None:
    """A string (numbers as their decimal text), or ``None``."""
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "str": to_str,
    "decimal": to_str,
    "int": to_int,
    "float": to_float,
    "bool": to_bool,
    "date": to_date,
    "datetime": to_datetime,
}


_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


class TableValueError(ValueError):
    """A value that a typed table (Parquet, pandas) cannot hold: an integer beyond 64 bits."""


def check_typed(table: str, rows: Iterable[Mapping[str, Any]]) -> None:
    """Raise :class:`TableValueError` if a row of ``table`` has an integer no 64-bit column holds.

    The JSON values of :func:`to_tables` have no such limit; Parquet and pandas columns do, and
    would otherwise fail (a whole Parquet part at once) or be cut.
    """
    ints = [name for name, kind in COLUMN_KINDS[table] if kind == "int"]
    for row in rows:
        for name in ints:
            value = to_int(row.get(name))
            if value is not None and not _INT64_MIN <= value <= _INT64_MAX:
                raise TableValueError(
                    f"{table}.{name} of {row.get('filing_id')} is {value}, beyond what a 64-bit "
                    "integer column holds (only JSON output, --format jsonl or to_tables(), can keep it)"
                )


def typed_columns(table: str, rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Any]]:
    """Columns of ``table`` as lists of typed Python values (dates, UTC datetimes, ...).

    Raises:
        TableValueError: an integer beyond 64 bits (see :func:`check_typed`).
    """
    rows = list(rows)
    check_typed(table, rows)
    spec = COLUMN_KINDS[table]
    columns: dict[str, list[Any]] = {name: [] for name, _ in spec}
    convs = [(name, columns[name], CONVERTERS[kind]) for name, kind in spec]
    for row in rows:
        for name, values, conv in convs:
            values.append(conv(row.get(name)))
    return columns


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> Any:
    """One table as a typed :class:`pandas.DataFrame` (needs the ``pandas`` extra)."""
    pd = require("pandas", "pandas", "to_pandas()")
    columns = typed_columns(table, rows)
    data: dict[str, Any] = {}
    for name, kind in COLUMN_KINDS[table]:
        values = columns[name]
        if kind == "int":
            data[name] = pd.array(values, dtype="Int64")
        elif kind == "bool":
            data[name] = pd.array(values, dtype="boolean")
        elif kind == "float":
            data[name] = pd.array(
                [float("nan") if v is None else v for v in values], dtype="float64"
            )
        elif kind == "date":
            data[name] = pd.to_datetime(pd.Series(values, dtype="object"), errors="coerce")
            data[name] = data[name].astype("datetime64[ns]")
        elif kind == "datetime":
            series = pd.to_datetime(pd.Series(values, dtype="object"), utc=True, errors="coerce")
            data[name] = series.astype("datetime64[ns, UTC]")
        else:
            data[name] = pd.Series(values, dtype="object")
    df = pd.DataFrame(data, columns=list(TABLES[table]))
    return df


def to_pandas(
    results: Iterable[BulkResult | ScheduleTO | Mapping[str, Any]],
) -> dict[str, Any]:
    """Like :func:`to_tables` but each table a typed :class:`pandas.DataFrame`.

    Integers are nullable ``Int64``, booleans nullable ``boolean``, dates ``datetime64[ns]``,
    instants ``datetime64[ns, UTC]``, money and fractional share counts exact decimal strings
    (``pd.to_numeric`` them when floats will do). Needs ``pip install 'scheduleto[pandas]'``.
    """
    require("pandas", "pandas", "to_pandas()")
    tables = to_tables(results)
    return {name: frame(name, rows) for name, rows in tables.items()}
