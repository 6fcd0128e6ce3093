"""Bulk parsing: many filings from directories, archives and EDGAR indexes, in parallel.

Python API::

    import scheduleto

    results = list(scheduleto.parse_many(["sec-edgar-filings/", "20250110.nc.tar.gz"], workers=4))
    tables = scheduleto.to_tables(results)          # {"filings": [...], "parties": [...], ...}
    frames = scheduleto.to_pandas(results)          # the same as pandas DataFrames

Command line: ``scheduleto bulk INPUT... -o DIR [--format jsonl|csv|parquet] [--resume]``.

The submodules are imported on first use, so ``import scheduleto`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .core import DEFAULT_FORMS, BulkResult, ItemError, process_bytes
    from .engine import parse_many
    from .inputs import InputItem, iter_inputs

__all__ = [
    "DEFAULT_FORMS",
    "BulkResult",
    "InputItem",
    "ItemError",
    "iter_inputs",
    "parse_many",
    "process_bytes",
]

_LAZY = {
    "parse_many": "engine",
    "DEFAULT_FORMS": "core",
    "BulkResult": "core",
    "ItemError": "core",
    "process_bytes": "core",
    "InputItem": "inputs",
    "iter_inputs": "inputs",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{module}"), name)
