"""The output directory of a bulk run: outputs, error log and the resume manifest.

Layout of ``DIR``:

``filings.jsonl``          one contract JSON object per filing (``--format jsonl``)
``<table>.csv``            the flat tables (``--format csv``), see :mod:`scheduleto.export.tables`
``<table>/part-NNNNN.parquet``  the flat tables as Parquet datasets (``--format parquet``);
                           ``pandas.read_parquet("DIR/filings")`` reads all parts
``errors.jsonl``           one line per skipped or failed input: source, member, sha256,
                           status (``skipped``/``failed``), error_type, message, form_type
``manifest.jsonl``         the inputs done (source, member, sha256, status) and checkpoints
``summary.json``           counts of the last run

Commit protocol. Outputs are appended in whole lines (text) or whole parts (Parquet). At each
checkpoint the text files are ``fsync``-ed, the current Parquet parts renamed into place, and
only then are the inputs they hold appended to the manifest, followed by a checkpoint line
recording every text file's size and every committed part, and the manifest is ``fsync``-ed.
``--resume`` trusts only what precedes the last checkpoint line: it cuts each text file back to
its recorded size and deletes parts not recorded, so an input is never written twice, whatever
moment a crash happened at.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..export.tables import TABLES, check_typed, record_rows
from ..export.writers import (
    PART_RE,
    CsvTableWriter,
    JsonlWriter,
    ParquetTableWriter,
    atomic_write_bytes,
    fsync_dir,
)
from .core import BulkResult, failure

__all__ = ["FORMATS", "ManifestState", "OutputConflict", "OutputSet", "load_manifest"]

FORMATS = ("jsonl", "csv", "parquet")
MANIFEST = "manifest.jsonl"
ERRORS = "errors.jsonl"
FILINGS = "filings.jsonl"
SUMMARY = "summary.json"
#: The files a run writes in its folder (besides the tables).
OUTPUT_FILES = (MANIFEST, ERRORS, FILINGS, SUMMARY)

Key = tuple[str, "str | None"]


def done_digest(key: Key, sha: str | None) -> bytes:
    """A compact identity of a done input (path, member, content digest): 16 bytes in memory."""
    source, member = key
    text = f"{source}\0{member if member is not None else ''}\0{sha or ''}"
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).digest()


def is_manifest(path: str | os.PathLike[str]) -> bool:
    """True for a manifest this module wrote: it opens with the run's line (see :class:`OutputSet`)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(8) == b'{"run":{'
    except OSError:
        return False


class OutputConflict(Exception):
    """The output directory holds a previous run that the options do not allow to touch."""


@dataclass
class ManifestState:
    """What the manifest's last checkpoint says was committed."""

    done: set[bytes] = field(default_factory=set)
    #: The inputs done that failed (a subset of ``done``).
    failed: set[bytes] = field(default_factory=set)
    sizes: dict[str, int] = field(default_factory=dict)
    parts: dict[str, list[str]] = field(default_factory=dict)
    formats: list[str] | None = None
    run: dict[str, Any] = field(default_factory=dict)
    committed: int = 0
    entries: int = 0


def load_manifest(path: str | os.PathLike[str]) -> ManifestState:
    """Read a manifest up to its last complete checkpoint line."""
    state = ManifestState()
    pending: list[tuple[Key, str | None, bool]] = []
    pending_formats: list[str] | None = None
    pending_run: dict[str, Any] = {}
    offset = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break  # a torn last line
            offset += len(raw)
            try:
                entry = json.loads(raw)
            except ValueError:
                break
            if not isinstance(entry, dict):
                break
            if "checkpoint" in entry:
                cp = entry["checkpoint"]
                for key, sha, failed in pending:
                    digest = done_digest(key, sha)
                    state.done.add(digest)
                    if failed:
                        state.failed.add(digest)
                    else:  # done since (a --retry-failed run parsed it)
                        state.failed.discard(digest)
                state.entries += len(pending)
                pending.clear()
                state.sizes = {str(k): int(v) for k, v in (cp.get("files") or {}).items()}
                state.parts = {str(k): list(v) for k, v in (cp.get("parts") or {}).items()}
                if pending_formats is not None:
                    state.formats = pending_formats
                    state.run = pending_run
                state.committed = offset
            elif "run" in entry:
                pending_formats = list(entry["run"].get("formats") or [])
                pending_run = dict(entry["run"])
            elif "source" in entry:
                pending.append(
                    (
                        (entry["source"], entry.get("member")),
                        entry.get("sha256"),
                        entry.get("status") == "failed",
                    )
                )
    return state


def _check_committed(directory: Path, state: ManifestState) -> None:
    """Refuse to resume when files the manifest committed are gone or shorter (deleted by hand):
    resuming would write around a hole, or fill it with NUL bytes."""
    problems = [
        name
        for name, size in state.sizes.items()
        if size > 0 and (not (directory / name).is_file() or (directory / name).stat().st_size < size)
    ]
    problems += [
        f"{table}/{part}"
        for table, parts in state.parts.items()
        for part in parts
        if not (directory / table / part).is_file()
    ]
    if problems:
        raise OutputConflict(
            f"{directory} no longer holds what its manifest committed ({', '.join(problems[:4])} "
            "missing or cut); start again with --overwrite"
        )


def _owned(directory: Path) -> list[Path]:
    names = [*OUTPUT_FILES, *(f"{t}.csv" for t in TABLES)]
    found = [directory / n for n in names if (directory / n).exists()]
    for table in TABLES:
        sub = directory / table
        if sub.is_dir() and any(
            PART_RE.match(p.name) or p.name.endswith(".tmp") for p in sub.iterdir()
        ):
            found.append(sub)
    return found


LOCK = ".scheduleto-bulk.lock"


def _lock(directory: Path) -> IO[str] | None:
    """Hold a lock on the output directory for the run: two runs would write everything twice.

    Raises:
        OutputConflict: another run holds it.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX: no lock
        return None
    fh = open(directory / LOCK, "a+", encoding="utf-8")  # noqa: SIM115 - held for the run
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.seek(0)
        holder = fh.read().strip()
        fh.close()
        raise OutputConflict(
            f"{directory} is being written by another scheduleto bulk run"
            + (f" (process {holder})" if holder else "")
            + "; wait for it to end, or choose another -o"
        ) from None
    fh.truncate(0)
    fh.write(str(os.getpid()))
    fh.flush()
    return fh


def _unlock(fh: IO[str] | None) -> None:
    if fh is not None:
        fh.close()  # closing the file releases the lock


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        if path.is_dir():
            for child in path.iterdir():
                if PART_RE.match(child.name) or child.name.endswith(".tmp"):
                    child.unlink()
            with contextlib.suppress(OSError):
                path.rmdir()
        else:
            path.unlink()


class OutputSet:
    """The writers of one run, with the manifest and the commit protocol (see module docs)."""

    def __init__(
        self,
        directory: str | os.PathLike[str],
        formats: Sequence[str],
        *,
        resume: bool = False,
        retry_failed: bool = False,
        overwrite: bool = False,
        part_size: int = 10_000,
        commit_seconds: float = 2.0,
        run_info: Mapping[str, Any] | None = None,
    ) -> None:
        unknown = [f for f in formats if f not in FORMATS]
        if unknown or not formats:
            raise ValueError(f"unknown format(s) {unknown}; expected some of {FORMATS}")
        self.directory = Path(directory)
        self.formats = [f for f in FORMATS if f in formats]
        self.part_size = max(1, part_size)
        self.commit_seconds = commit_seconds
        self.directory.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.directory)
        try:
            self._open(resume, retry_failed, overwrite, run_info)
        except BaseException:
            _unlock(self._lock)
            raise

    def _open(
        self,
        resume: bool,
        retry_failed: bool,
        overwrite: bool,
        run_info: Mapping[str, Any] | None,
    ) -> None:
        manifest_path = self.directory / MANIFEST
        state = ManifestState()
        existing = _owned(self.directory)
        if overwrite:
            _remove(existing)
        elif resume and manifest_path.exists():
            state = load_manifest(manifest_path)
            if state.formats is not None and sorted(state.formats) != sorted(self.formats):
                raise OutputConflict(
                    f"{self.directory} holds a run written as {','.join(state.formats)}; "
                    f"resume it with --format {','.join(state.formats)}"
                )
            old_forms = state.run.get("forms")
            new_forms = (run_info or {}).get("forms")
            if old_forms is not None and new_forms is not None and sorted(old_forms) != sorted(new_forms):
                raise OutputConflict(
                    f"{self.directory} holds a run that kept the forms {', '.join(old_forms)}; "
                    "resume it with the same --forms, or use --overwrite"
                )
            _check_committed(self.directory, state)
            if retry_failed:
                state.done -= state.failed
        elif existing:
            names = ", ".join(p.name for p in existing[:4])
            raise OutputConflict(
                f"{self.directory} already holds bulk output ({names}); "
                "use --resume to continue that run or --overwrite to replace it"
            )
        self.state = state
        resuming = resume and manifest_path.exists()
        sizes = state.sizes if resuming else {}

        def cut(name: str) -> int | None:
            return sizes.get(name, 0) if resuming else None

        self.manifest = JsonlWriter(
            manifest_path, truncate_to=state.committed if resuming else None
        )
        self.errors = JsonlWriter(self.directory / ERRORS, truncate_to=cut(ERRORS))
        self.filings = (
            JsonlWriter(self.directory / FILINGS, truncate_to=cut(FILINGS))
            if "jsonl" in self.formats
            else None
        )
        self.csv: dict[str, CsvTableWriter] = {}
        if "csv" in self.formats:
            for table, cols in TABLES.items():
                name = f"{table}.csv"
                self.csv[table] = CsvTableWriter(self.directory / name, cols, truncate_to=cut(name))
        self.parquet: dict[str, ParquetTableWriter] = {}
        if "parquet" in self.formats:
            for table in TABLES:
                self.parquet[table] = ParquetTableWriter(
                    self.directory / table,
                    table,
                    committed=state.parts.get(table, []) if resuming else [],
                )
        fsync_dir(self.directory)
        self._pending: list[dict[str, Any]] = []
        self._pending_filings = 0
        self._last_commit = time.monotonic()
        self._last_flush = self._last_commit
        self.checkpoints = 0
        run = {
            "started": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "formats": self.formats,
        } | dict(run_info or {})
        self.manifest.write({"run": run})
        self.checkpoint()

    # -- resume ------------------------------------------------------------------------------

    def is_done(self, key: Key, sha: str | None) -> bool:
        """True when an earlier run committed this input with the same content digest."""
        return done_digest(key, sha) in self.state.done

    # -- writing -----------------------------------------------------------------------------

    def add(self, result: BulkResult) -> BulkResult:
        """Buffer one result's outputs; return it (or a failure if it could not be written)."""
        if result.filing is not None:
            try:
                record = result.to_dict()
                rows = record_rows(record) if (self.csv or self.parquet) else {}
                if self.parquet:  # a value Parquet cannot hold fails this filing, not a part
                    for table, table_rows in rows.items():
                        check_typed(table, table_rows)
                line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
            except Exception as exc:
                result = failure(
                    result.source, result.member, result.sha256, exc, kind=type(exc).__name__
                )
            else:
                if self.filings is not None:
                    self.filings.file.write(line)
                for table, table_rows in rows.items():
                    if table_rows:
                        if table in self.csv:
                            self.csv[table].write_rows(table_rows)
                        if table in self.parquet:
                            self.parquet[table].add_rows(table_rows)
                self._pending_filings += 1
        if result.filing is None:
            self.errors.write(result.error_record())
        self._pending.append(
            {
                "source": result.source,
                "member": result.member,
                "sha256": result.sha256,
                "status": result.status,
            }
        )
        return result

    def maybe_checkpoint(self) -> bool:
        """Flush text outputs every second; commit when due. Return True if committed."""
        now = time.monotonic()
        if not self._pending:
            return False
        if self.parquet:
            due = (
                self._pending_filings >= self.part_size
                or len(self._pending) >= 50_000
                or now - self._last_commit >= max(self.commit_seconds, 300.0)
            )
        else:
            due = len(self._pending) >= 5_000 or now - self._last_commit >= self.commit_seconds
        if due:
            self.checkpoint()
            return True
        if now - self._last_flush >= 1.0:
            self._flush_text()
            self._last_flush = now
        return False

    def _text_writers(self) -> list[JsonlWriter | CsvTableWriter]:
        out: list[JsonlWriter | CsvTableWriter] = [self.errors]
        if self.filings is not None:
            out.append(self.filings)
        out.extend(self.csv.values())
        return out

    def _flush_text(self) -> None:
        for writer in self._text_writers():
            writer.flush()

    def checkpoint(self, *, final: bool = False) -> None:
        """Commit everything added so far (see the module docstring for the order)."""
        sizes: dict[str, int] = {}
        for writer in self._text_writers():
            writer.sync()
            sizes[writer.file.path.name] = writer.size
        parts: dict[str, list[str]] = {}
        for table, pw in self.parquet.items():
            pw.commit_part(force=final and not pw.parts)
            parts[table] = list(pw.parts)
        for entry in self._pending:
            self.manifest.write(entry)
        checkpoint: dict[str, Any] = {"files": sizes}
        if parts:
            checkpoint["parts"] = parts
        self.manifest.write({"checkpoint": checkpoint})
        self.manifest.sync()
        self._pending.clear()
        self._pending_filings = 0
        self._last_commit = self._last_flush = time.monotonic()
        self.checkpoints += 1

    def close(self, *, commit: bool = True, summary: Mapping[str, Any] | None = None) -> None:
        """Commit (unless ``commit`` is false: a forced stop) and close every file."""
        try:
            if commit:
                self.checkpoint(final=True)
                if summary is not None:
                    text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
                    atomic_write_bytes(self.directory / SUMMARY, text.encode("utf-8"))
        finally:
            for pw in self.parquet.values():
                pw.abort()
            writers = [self.manifest, *self._text_writers()]
            for writer in writers:
                with contextlib.suppress(OSError):
                    if commit:
                        writer.close()
                    else:
                        writer.file.discard()
            _unlock(self._lock)
            self._lock = None
