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

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .core import DEFAULT_FORMS, BulkResult, ItemError, process_bytes
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


def parse_many(
    sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    ordered: bool = False,
    forms: Iterable[str] | str | None = None,
    strict: bool = True,
    idx_root: str | os.PathLike[str] | None = None,
    exclude: Iterable[str] = (),
    chunk_size: int = 8,
) -> Iterator[BulkResult]:
    """Parse many filings in parallel, yielding one :class:`BulkResult` per input item.

    ``sources`` are paths, in any mix: files, directories (walked recursively, including the
    ``sec-edgar-downloader`` layout), ``.zip``, ``.tar``/``.tar.gz``/``.tgz`` (e.g. daily-feed
    ``YYYYMMDD.nc.tar.gz``), single ``.gz`` files, and EDGAR ``form.idx``/``master.idx`` files
    whose rows of the selected forms are resolved against ``idx_root`` (default: the index's
    folder). Archives are streamed, never extracted.

    Items whose EDGAR header names another form than ``forms`` (default: SC TO-T, SC TO-T/A,
    SC TO-I, SC TO-I/A, SC TO-C) are skipped without being parsed; bare documents are parsed and
    recorded as skipped when the parser refuses them. Nothing is raised for a bad input: each
    result has either ``filing`` or ``error`` (see :class:`BulkResult`, :class:`ItemError`).

    ``workers`` (default ``os.cpu_count()``) worker processes parse chunks of ``chunk_size``
    items; ``workers=1`` parses in this process. Results come as they are ready, or in input
    order with ``ordered=True``. ``exclude`` holds glob patterns of file names to leave out.

    Example::

        for result in scheduleto.parse_many(["sec-edgar-filings/"], workers=4):
            if result.filing:
                print(result.filing.subject_company)
            else:
                print(result.label, result.status, result.error.message)
    """
    from .engine import parse_many as _parse_many

    return _parse_many(
        sources,
        workers=workers,
        ordered=ordered,
        forms=forms,
        strict=strict,
        idx_root=idx_root,
        exclude=exclude,
        chunk_size=chunk_size,
    )
