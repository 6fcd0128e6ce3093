"""Parse a corpus with dask: paths or globs (local or any fsspec URL) to a bag or a dataframe.

Needs the optional ``dask`` extra (``pip install 'scheduleto[dask]'``)::

    from scheduleto.dask import read_filings, to_dataframe

    bag = read_filings("s3://my-bucket/edgar/**/*.txt", storage_options={"anon": True})
    bag = bag.persist()                                # parse once, build several tables
    filings = to_dataframe(bag, "filings")             # a dask DataFrame, typed like to_pandas()
    parties = to_dataframe(bag, "parties")
    errors = to_dataframe(bag, "errors")               # skipped and failed inputs, with reasons

Each file is read by the worker that parses it (archives are streamed there member by member)
and every item goes through :func:`scheduleto.bulk.process_bytes`, the function
:func:`scheduleto.parse_many` uses, so both give the same results for the same inputs.
Directories are walked with the same rules (hidden names skipped; only ``full-submission.txt``
in a ``sec-edgar-downloader`` accession folder). EDGAR ``.idx`` files are not read here
(they are recorded as skipped); select with :func:`scheduleto.bulk.inputs.read_index` first.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from typing import Any

from .bulk.core import BulkResult, ItemError, normalize_forms, process_bytes
from .bulk.inputs import NOT_REGULAR, InputItem, iter_fileobj, select_dir_files
from .export.tables import COLUMN_KINDS, frame, require, to_tables
from .source import MAX_BYTES

__all__ = ["ERROR_COLUMNS", "expand_paths", "parse_file", "read_filings", "to_dataframe"]

#: Columns of the ``errors`` table of :func:`to_dataframe`.
ERROR_COLUMNS = ("source", "member", "sha256", "status", "error_type", "message", "form_type")

#: A file to read: (fsspec filesystem, path in it, label used as the result's ``source``).
FileRef = tuple[Any, str, str]


def _is_local(fs: Any) -> bool:
    protocol = fs.protocol
    protocols = (protocol,) if isinstance(protocol, str) else tuple(protocol)
    return "file" in protocols or "local" in protocols


def _label(fs: Any, path: str) -> str:
    if _is_local(fs):
        return os.path.abspath(path)
    name: str = fs.unstrip_protocol(path)
    return name


def _hidden(path: str, root: str) -> bool:
    rel = path[len(root) :].strip("/") if path.startswith(root) else path
    return any(part.startswith(".") for part in rel.split("/")[:-1])


def expand_paths(
    urlpath: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    storage_options: dict[str, Any] | None = None,
) -> list[FileRef]:
    """Expand paths, globs and directories (walked recursively) into the files to read."""
    fsspec = require("fsspec", "dask", "scheduleto.dask")
    paths = [urlpath] if isinstance(urlpath, (str, os.PathLike)) else list(urlpath)
    out: list[FileRef] = []
    for given in paths:
        fs, _, expanded = fsspec.core.get_fs_token_paths(
            os.fspath(given), storage_options=storage_options or {}
        )
        for path in sorted(expanded):
            if fs.isdir(path):
                root = path.rstrip("/")
                by_dir: dict[str, list[str]] = {}
                for found in fs.find(root):
                    if _hidden(found, root):
                        continue
                    if _not_regular(fs, found):  # recorded whatever its name, as parse_many does
                        out.append((fs, found, _label(fs, found)))
                        continue
                    folder, _, name = found.rpartition("/")
                    by_dir.setdefault(folder, []).append(name)
                for folder in sorted(by_dir, key=lambda d: d.split("/")):
                    for name in select_dir_files(by_dir[folder]):
                        full = f"{folder}/{name}"
                        out.append((fs, full, _label(fs, full)))
            else:
                out.append((fs, path, _label(fs, path)))
    return out


def _not_regular(fs: Any, path: str) -> bool:
    """True for a local path that is no regular file (a FIFO, a socket, a broken link)."""
    if not _is_local(fs):
        return False
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return os.path.islink(path)
    except OSError:
        return False  # opening it tells what is wrong


def parse_file(
    ref: FileRef,
    *,
    forms: frozenset[str] | None = None,
    strict: bool = True,
    max_bytes: int = MAX_BYTES,
) -> list[BulkResult]:
    """Read one file (an archive: each member) and select/parse each item; never raises.

    A local FIFO, socket or broken link is recorded as a ``SourceError``, never opened.
    """
    fs, path, label = ref
    chosen = forms or normalize_forms(None)
    results: list[BulkResult] = []
    if _not_regular(fs, path):
        return [BulkResult(label, None, None, error=ItemError("SourceError", NOT_REGULAR))]
    try:
        with fs.open(path, "rb") as fh:
            size = getattr(fh, "size", None)
            for item in iter_fileobj(
                label, fh, name=path, size=size, forms=chosen, max_bytes=max_bytes
            ):
                if isinstance(item, InputItem):
                    results.append(
                        process_bytes(
                            item.source, item.member, item.data, forms=chosen, strict=strict
                        )
                    )
                else:
                    results.append(item)
    except OSError as exc:
        message = "permission denied" if isinstance(exc, PermissionError) else f"cannot read: {exc}"
        results.append(BulkResult(label, None, None, error=ItemError("SourceError", message)))
    return results


def _parse_partition(
    refs: Iterable[FileRef], forms: frozenset[str], strict: bool
) -> list[BulkResult]:
    out: list[BulkResult] = []
    for ref in refs:
        out.extend(parse_file(ref, forms=forms, strict=strict))
    return out


def read_filings(
    urlpath: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    forms: Iterable[str] | str | None = None,
    strict: bool = True,
    storage_options: dict[str, Any] | None = None,
    files_per_partition: int = 64,
) -> Any:
    """A :class:`dask.bag.Bag` of :class:`~scheduleto.bulk.BulkResult`, one per input item.

    ``urlpath``: local paths, globs or fsspec URLs (``s3://``, ``gcs://``, ...), or a list of
    them; directories are walked. The listing happens here, the reading and parsing on the
    workers, ``files_per_partition`` files per task.
    """
    db = require("dask.bag", "dask", "scheduleto.dask")
    chosen = normalize_forms(forms)
    refs = expand_paths(urlpath, storage_options=storage_options)
    if not refs:
        return db.from_sequence([], npartitions=1)
    npartitions = max(1, -(-len(refs) // max(1, files_per_partition)))
    bag = db.from_sequence(refs, npartitions=npartitions)
    return bag.map_partitions(_parse_partition, chosen, strict)


def _error_frame(results: Iterable[BulkResult]) -> Any:
    pd = require("pandas", "dask", "scheduleto.dask")
    rows = [r.error_record() for r in results if r.filing is None]
    data = {col: pd.Series([row.get(col) for row in rows], dtype="object") for col in ERROR_COLUMNS}
    return pd.DataFrame(data, columns=list(ERROR_COLUMNS))


def _table_frame(results: Iterable[BulkResult], table: str) -> Any:
    if table == "errors":
        return _error_frame(results)
    return frame(table, to_tables(results)[table])


def to_dataframe(
    source: Any,
    table: str = "filings",
    **kwargs: Any,
) -> Any:
    """One table of the parsed filings as a :class:`dask.dataframe.DataFrame`.

    ``source`` is a bag from :func:`read_filings` (``persist()`` it first when building several
    tables) or what :func:`read_filings` accepts (``kwargs`` are passed to it). ``table`` is one
    of :data:`scheduleto.export.tables.TABLES` or ``"errors"`` (skipped and failed inputs).
    Columns are typed as by :func:`scheduleto.to_pandas`.
    """
    dd = require("dask.dataframe", "dask", "scheduleto.dask")
    dask = require("dask", "dask", "scheduleto.dask")
    db = require("dask.bag", "dask", "scheduleto.dask")
    if table != "errors" and table not in COLUMN_KINDS:
        raise ValueError(f"unknown table {table!r}; expected one of {[*COLUMN_KINDS, 'errors']}")
    bag = source if isinstance(source, db.Bag) else read_filings(source, **kwargs)
    meta = _table_frame([], table)
    parts = [dask.delayed(_table_frame)(part, table) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)
