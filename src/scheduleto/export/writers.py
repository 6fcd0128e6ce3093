"""Writers for bulk output: JSON Lines, CSV tables and Parquet tables, crash-safe.

Two ways of writing are offered:

- :func:`write_tables` writes finished tables at once, each file atomically (a temporary name,
  ``fsync``, ``os.replace``): a reader never sees half a file.
- the streaming writers (:class:`AppendFile`, :class:`JsonlWriter`, :class:`CsvTableWriter`,
  :class:`ParquetTableWriter`) used by ``scheduleto bulk``. Text files are append-only and are
  only ever extended by whole lines (each flush is one ``write`` of complete lines); their
  committed sizes are recorded by the caller (the bulk manifest), so an uncommitted tail left by
  a crash is cut off on ``--resume``. Parquet tables are directories of parts
  (``<table>/part-00000.parquet``), each part written under a temporary name and renamed into
  place only when complete, so no half-written Parquet file ever carries a final name.

Parquet needs ``pyarrow`` (``pip install 'scheduleto[parquet]'``), imported only when used.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .tables import COLUMN_KINDS, TABLES, require, typed_columns

__all__ = [
    "AppendFile",
    "CsvTableWriter",
    "JsonlWriter",
    "ParquetTableWriter",
    "arrow_schema",
    "atomic_write_bytes",
    "fsync_dir",
    "write_tables",
]

PART_RE = re.compile(r"^part-(\d{5,})\.parquet$")


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """``fsync`` a directory so a rename or a new file in it survives a crash (POSIX only)."""
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(os.fspath(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on directories
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same directory, fsync, replace."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(target.parent)


# --------------------------------------------------------------------------------------------
# Streaming text files
# --------------------------------------------------------------------------------------------


class AppendFile:
    """An append-only text file written in whole chunks.

    ``write`` buffers text in memory; ``flush`` appends the buffer with one ``os.write`` loop (so
    the file grows by complete lines); ``sync`` flushes and ``fsync``\\ s. ``size`` is the number of
    bytes on disk after the last flush. ``truncate_to`` (given on opening) first cuts the file to
    a committed size, dropping a tail a crash left behind.
    """

    def __init__(self, path: str | os.PathLike[str], *, truncate_to: int | None = None) -> None:
        self.path = Path(path)
        created = not self.path.exists()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        if truncate_to is not None:
            os.ftruncate(self._fd, truncate_to)
        self.size = os.fstat(self._fd).st_size
        self._buffer: list[str] = []
        self._buffered = 0
        self.created = created

    @property
    def buffered(self) -> int:
        """Characters waiting in memory."""
        return self._buffered

    def write(self, text: str) -> None:
        """Buffer ``text`` (complete lines)."""
        self._buffer.append(text)
        self._buffered += len(text)

    def flush(self) -> None:
        """Append the buffered text to the file."""
        if not self._buffer:
            return
        data = "".join(self._buffer).encode("utf-8")
        self._buffer.clear()
        self._buffered = 0
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self.size += len(data)

    def sync(self) -> None:
        """Flush and ``fsync`` the file."""
        self.flush()
        os.fsync(self._fd)

    def discard(self) -> None:
        """Close without writing the buffer (a forced stop: the tail is not committed)."""
        self._buffer.clear()
        self._buffered = 0
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def close(self) -> None:
        """Flush and close (without ``fsync``; call :meth:`sync` first to commit)."""
        if self._fd < 0:
            return
        try:
            self.flush()
        finally:
            os.close(self._fd)
            self._fd = -1


class _AppendingWriter:
    """What the line writers share: an :class:`AppendFile` and its commit operations."""

    file: AppendFile

    def flush(self) -> None:
        """Append buffered lines to the file."""
        self.file.flush()

    def sync(self) -> None:
        """Flush and fsync."""
        self.file.sync()

    def close(self) -> None:
        """Flush and close."""
        self.file.close()

    @property
    def size(self) -> int:
        """Bytes on disk after the last flush."""
        return self.file.size


class JsonlWriter(_AppendingWriter):
    """One JSON object per line, appended through an :class:`AppendFile`."""

    def __init__(self, path: str | os.PathLike[str], *, truncate_to: int | None = None) -> None:
        self.file = AppendFile(path, truncate_to=truncate_to)

    def write(self, obj: Mapping[str, Any]) -> None:
        """Buffer one object as a line of compact JSON (UTF-8, not ASCII-escaped)."""
        self.file.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")


def _csv_text(rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows(rows)
    return buf.getvalue()


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


class CsvTableWriter(_AppendingWriter):
    """A table as CSV (header row first), appended through an :class:`AppendFile`.

    Values are the JSON forms of :func:`~scheduleto.export.tables.to_tables`: ISO dates and
    instants, decimal strings, ``true``/``false``, empty for ``None``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        columns: Sequence[str],
        *,
        truncate_to: int | None = None,
    ) -> None:
        self.columns = tuple(columns)
        self.file = AppendFile(path, truncate_to=truncate_to)
        if self.file.size == 0:
            self.file.write(_csv_text([self.columns]))

    def write_rows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Buffer rows (dicts keyed by column)."""
        cols = self.columns
        text = _csv_text([_csv_value(row.get(c)) for c in cols] for row in rows)
        if text:
            self.file.write(text)


# --------------------------------------------------------------------------------------------
# Parquet
# --------------------------------------------------------------------------------------------


def _pa() -> Any:
    return require("pyarrow", "parquet", "Parquet output")


def arrow_schema(table: str) -> Any:
    """The :mod:`pyarrow` schema of a table (see :data:`~scheduleto.export.tables.COLUMN_KINDS`)."""
    pa = _pa()
    types = {
        "str": pa.string(),
        "decimal": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "datetime": pa.timestamp("us", tz="UTC"),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMN_KINDS[table]])


def arrow_table(table: str, rows: Iterable[Mapping[str, Any]]) -> Any:
    """Rows of ``table`` as a typed :class:`pyarrow.Table`."""
    pa = _pa()
    schema = arrow_schema(table)
    columns = typed_columns(table, rows)
    arrays = [pa.array(columns[f.name], type=f.type) for f in schema]
    return pa.Table.from_arrays(arrays, schema=schema)


class ParquetTableWriter:
    """A table as a directory of Parquet parts (``part-00000.parquet``, ...).

    Rows are converted to Arrow every ``row_group_rows`` rows and written as a row group into the
    current part's temporary file (``.part-NNNNN.parquet.tmp``), so memory stays bounded;
    :meth:`commit_part` closes it, ``fsync``\\ s it and renames it to its final name. A crash
    leaves at most a temporary file, which :meth:`discard_uncommitted` removes.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        table: str,
        *,
        row_group_rows: int = 2000,
        committed: Sequence[str] | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.table = table
        self.row_group_rows = row_group_rows
        self.schema = arrow_schema(table)
        self.directory.mkdir(parents=True, exist_ok=True)
        if committed is not None:
            self.discard_uncommitted(committed)
        self.parts: list[str] = sorted(p.name for p in self.directory.glob("part-*.parquet"))
        numbers = [int(m.group(1)) for p in self.parts if (m := PART_RE.match(p))]
        self._next = max(numbers, default=-1) + 1
        self._rows: list[Mapping[str, Any]] = []
        self._writer: Any = None
        self._tmp: Path | None = None
        self._part_rows = 0

    def discard_uncommitted(self, committed: Sequence[str]) -> None:
        """Delete temporary files and parts not in ``committed`` (left by a crash)."""
        keep = set(committed)
        for path in self.directory.iterdir():
            if path.name.endswith(".tmp") or (PART_RE.match(path.name) and path.name not in keep):
                with contextlib.suppress(OSError):
                    path.unlink()

    @property
    def pending_rows(self) -> int:
        """Rows added since the last committed part."""
        return self._part_rows + len(self._rows)

    def add_rows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Add rows to the current part."""
        self._rows.extend(rows)
        if len(self._rows) >= self.row_group_rows:
            self._write_group()

    def _write_group(self) -> None:
        if not self._rows:
            return
        pq = require("pyarrow.parquet", "parquet", "Parquet output")
        if self._writer is None:
            self._tmp = self.directory / f".part-{self._next:05d}.parquet.tmp"
            self._writer = pq.ParquetWriter(str(self._tmp), self.schema, compression="zstd")
        self._writer.write_table(arrow_table(self.table, self._rows))
        self._part_rows += len(self._rows)
        self._rows = []

    def commit_part(self, *, force: bool = False) -> str | None:
        """Finish the current part and give it its final name; return that name.

        Returns ``None`` when nothing was added since the last part, unless ``force`` (used to
        leave one schema-only part in an otherwise empty table, so it can be read).
        """
        self._write_group()
        if self._writer is None:
            if not force:
                return None
            pq = require("pyarrow.parquet", "parquet", "Parquet output")
            self._tmp = self.directory / f".part-{self._next:05d}.parquet.tmp"
            self._writer = pq.ParquetWriter(str(self._tmp), self.schema, compression="zstd")
        assert self._tmp is not None
        self._writer.close()
        self._writer = None
        with open(self._tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        name = f"part-{self._next:05d}.parquet"
        os.replace(self._tmp, self.directory / name)
        fsync_dir(self.directory)
        self._tmp = None
        self._next += 1
        self._part_rows = 0
        self.parts.append(name)
        return name

    def abort(self) -> None:
        """Drop the current uncommitted part."""
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()
            self._writer = None
        if self._tmp is not None:
            with contextlib.suppress(OSError):
                self._tmp.unlink()
            self._tmp = None
        self._rows = []
        self._part_rows = 0


# --------------------------------------------------------------------------------------------
# Whole tables at once
# --------------------------------------------------------------------------------------------


def write_tables(
    tables: Mapping[str, Sequence[Mapping[str, Any]]],
    directory: str | os.PathLike[str],
    *,
    format: str = "csv",
) -> list[Path]:
    """Write the output of :func:`~scheduleto.export.tables.to_tables` to ``directory``.

    ``format`` is ``"csv"`` (``<table>.csv``) or ``"parquet"`` (``<table>.parquet``, needs
    ``pip install 'scheduleto[parquet]'``). Each file is written atomically. Returns the paths.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, rows in tables.items():
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}; expected one of {sorted(TABLES)}")
        if format == "csv":
            cols = TABLES[name]
            text = _csv_text([cols]) + _csv_text([_csv_value(r.get(c)) for c in cols] for r in rows)
            path = out / f"{name}.csv"
            atomic_write_bytes(path, text.encode("utf-8"))
        elif format == "parquet":
            pq = require("pyarrow.parquet", "parquet", "Parquet output")
            pa = _pa()
            sink = pa.BufferOutputStream()
            pq.write_table(arrow_table(name, rows), sink, compression="zstd")
            path = out / f"{name}.parquet"
            atomic_write_bytes(path, sink.getvalue().to_pybytes())
        else:
            raise ValueError(f"unknown format {format!r}; expected 'csv' or 'parquet'")
        written.append(path)
    return written
