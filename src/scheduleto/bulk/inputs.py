"""Enumerate input items: files, directories, archives and EDGAR indexes, streamed.

Every input yields items one at a time; nothing is extracted to disk and no archive is held in
memory (tar archives are read as a stream, zip members one by one, a ``.gz`` file decompressed
as it is read). An item is an :class:`InputItem` (the bytes of a file or archive member, with
its identity) or, when it cannot be read, a ready :class:`~scheduleto.bulk.core.BulkResult`
recording the failure.

Accepted inputs:

- a file (any name: the container is told from the content);
- a directory, walked recursively in name order (hidden names skipped, symlinked directories
  not followed). In the ``sec-edgar-downloader`` layout
  (``sec-edgar-filings/<ticker|CIK>/<FORM>/<accession>/full-submission.txt``) only
  ``full-submission.txt`` is read from an accession folder: ``primary-document.*`` beside it is
  a copy of one of its documents;
- ``.zip``; ``.tar``, ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tar.xz`` (e.g. daily-feed
  ``YYYYMMDD.nc.tar.gz``); a single ``.gz`` file;
- an EDGAR ``form.idx``, ``master.idx`` or ``company.idx`` given as an input: its rows of the
  selected forms are resolved against a local root (``idx_root``, default: the index's folder).
  An ``.idx`` met while walking a directory is recorded as skipped, not read.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import IO

from ..source import MAX_BYTES
from .core import (
    DEFAULT_FORMS,
    SNIFF_BYTES,
    BulkResult,
    ItemError,
    classify,
    displayable_names,
    normalize_form,
    skipped,
)

__all__ = [
    "IndexRow",
    "InputItem",
    "archive_kind",
    "iter_archive",
    "iter_fileobj",
    "iter_inputs",
    "read_index",
    "select_dir_files",
]


@cache
def archive_errors() -> tuple[type[BaseException], ...]:
    """The errors a corrupt or truncated archive raises while being read."""
    import tarfile
    import zipfile
    import zlib

    return (
        tarfile.TarError,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        RuntimeError,
        NotImplementedError,
        ValueError,
        KeyError,
    )


_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")
_ACCESSION = re.compile(r"(\d{10}-\d{2}-\d{6})")


@dataclass(frozen=True)
class InputItem:
    """The bytes of one file or archive member, with its identity ``(source, member)``."""

    source: str
    member: str | None
    data: bytes

    def __post_init__(self) -> None:
        displayable_names(self)  # the names of the BulkResult the item becomes

    @property
    def key(self) -> tuple[str, str | None]:
        """``(source, member)``."""
        return (self.source, self.member)


Item = InputItem | BulkResult


def archive_kind(name: str) -> str | None:
    """``"zip"``, ``"tar"``, ``"gzip"``, ``"idx"`` or ``None`` (a plain file), from the name."""
    lower = name.lower()
    if lower.endswith(".zip"):
        return "zip"
    if lower.endswith(_TAR_SUFFIXES):
        return "tar"
    if lower.endswith(".gz"):
        return "gzip"
    if lower.endswith(".idx"):
        return "idx"
    return None


def _fail(source: str, member: str | None, kind: str, message: str) -> BulkResult:
    return BulkResult(source, member, None, error=ItemError(kind, message))


def _archive_error(source: str, member: str | None, exc: BaseException, where: str) -> BulkResult:
    text = str(exc) or type(exc).__name__
    return _fail(source, member, "ArchiveError", f"{where}: {type(exc).__name__}: {text}")


def select_dir_files(names: Sequence[str]) -> list[str]:
    """The file names of one folder to read: all but hidden ones, in order; in a
    ``sec-edgar-downloader`` accession folder only ``full-submission.txt``."""
    visible = sorted(n for n in names if not n.startswith("."))
    if "full-submission.txt" in visible:
        return ["full-submission.txt"]
    return visible


#: The error recorded for a FIFO, socket or broken link: never opened (a FIFO would block).
NOT_REGULAR = "not a regular file (FIFO, socket or broken link)"
LINKED_DIR = "a link to a folder: not followed (give the folder itself as an input to read it)"


def _excluded(path: str, patterns: Sequence[str], root: str) -> bool:
    """True when the file's name, its path under the input directory ``root`` or its absolute
    path matches one of the glob ``patterns``."""
    if not patterns:
        return False
    names = (os.path.basename(path), os.path.relpath(path, root), path)
    return any(fnmatch.fnmatch(name, p) for p in patterns for name in names)


class _Reader:
    def __init__(
        self,
        *,
        forms: frozenset[str],
        exclude: Sequence[str],
        skip_dirs: Iterable[str],
        idx_root: str | None,
        max_bytes: int,
    ) -> None:
        self.forms = forms
        self.exclude = tuple(exclude)
        self.skip_dirs = {os.path.realpath(d) for d in skip_dirs}
        self.idx_root = idx_root
        self.max_bytes = max_bytes
        # files already read: an input given twice (or inside a directory also given) is read once
        self.read: set[str] = set()

    # -- top level -------------------------------------------------------------------------

    def source(self, given: str | os.PathLike[str]) -> Iterator[Item]:
        path = os.path.abspath(os.fspath(given))
        try:
            is_dir = os.path.isdir(path)
            exists = is_dir or os.path.exists(path)
        except OSError as exc:  # pragma: no cover - odd file systems
            yield _fail(path, None, "SourceError", f"cannot stat: {exc}")
            return
        if not exists:
            yield _fail(path, None, "SourceError", "no such file or directory")
        elif is_dir:
            yield from self.walk(path, path)
        elif archive_kind(path) == "idx":
            root = (
                os.path.abspath(os.fspath(self.idx_root))
                if self.idx_root
                else os.path.dirname(path)
            )
            yield from self.index(path, root)
        else:
            yield from self.file(path)

    def walk(self, directory: str, root: str) -> Iterator[Item]:
        # The output directory given as an input (or inside one): read the inputs there, never
        # the files this tool writes.
        own = os.path.realpath(directory) in self.skip_dirs
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError as exc:
            yield _fail(
                directory, None, "SourceError", f"cannot list directory: {exc.strerror or exc}"
            )
            return
        # The output folder of another bulk run too: its manifest says so.
        own = own or _holds_bulk_output(entries)
        files: dict[str, os.DirEntry[str]] = {}
        dirs: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                if own and _is_output(entry.name):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if not entry.name.startswith("."):
                        dirs.append(entry)
                elif entry.is_file():
                    files[entry.name] = entry
                elif entry.is_dir():  # a link to a folder: not followed (no loops)
                    if not entry.name.startswith("."):
                        yield _fail(entry.path, None, "SourceError", LINKED_DIR)
                else:  # a FIFO, a socket, a dangling link: recorded, never opened
                    yield _fail(entry.path, None, "SourceError", NOT_REGULAR)
            except OSError:  # pragma: no cover - entry vanished
                continue
        for name in select_dir_files(list(files)):
            path = files[name].path
            if _excluded(path, self.exclude, root):
                continue
            yield from self.file(path)
        for entry in sorted(dirs, key=lambda e: e.name):
            yield from self.walk(entry.path, root)

    def file(self, path: str) -> Iterator[Item]:
        real = os.path.realpath(path)
        if real in self.read:
            return
        self.read.add(real)
        try:
            fh = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            yield _fail(path, None, "SourceError", _os_message(exc))
            return
        with fh:
            try:
                size: int | None = os.fstat(fh.fileno()).st_size
            except OSError:  # pragma: no cover
                size = None
            try:
                yield from iter_fileobj(
                    path, fh, size=size, forms=self.forms, max_bytes=self.max_bytes
                )
            except OSError as exc:  # a plain file that cannot be read (EIO, ...)
                yield _fail(path, None, "SourceError", _os_message(exc))

    # -- EDGAR indexes ---------------------------------------------------------------------

    def index(self, path: str, root: str) -> Iterator[Item]:
        try:
            rows = read_index(path)
        except (OSError, ValueError) as exc:
            yield _fail(path, None, "SourceError", f"cannot read the EDGAR index: {exc}")
            return
        finder = _IndexFinder(root)
        seen: set[str] = set()
        for row in rows:
            if normalize_form(row.form_type) not in self.forms or row.filename in seen:
                continue
            seen.add(row.filename)
            found = finder.find(row)
            if found is None:
                expected = os.path.join(root, row.filename)
                yield _fail(
                    expected,
                    None,
                    "SourceError",
                    f"listed in {os.path.basename(path)} ({row.form_type}, {row.company}, "
                    f"filed {row.date_filed}) but not found under {root}",
                )
                continue
            yield from self.file(found)


def _os_message(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a filing file"
    return f"cannot read: {exc.strerror or exc}"


def _oversize(
    source: str,
    member: str | None,
    head: bytes,
    size: int | None,
    limit: int,
    forms: frozenset[str],
    what: str = "",
) -> BulkResult:
    """An item over ``limit`` bytes: skipped when its header names another form, else failed.

    ``size`` is the real size when the file system or the archive says it, ``None`` when the
    item was read only until it passed the limit (a stream, a decompressed ``.gz``).
    """
    form, selected = classify(head, forms)
    if not selected:
        return skipped(source, member, None, form, forms)
    if size is None:
        message = f"{what}more than {limit:,} bytes (the limit)"
    else:
        message = f"{what}{size:,} bytes, over the {limit:,}-byte limit"
    return _fail(source, member, "SourceError", message)


def iter_fileobj(
    source: str,
    fileobj: IO[bytes],
    *,
    name: str | None = None,
    size: int | None = None,
    forms: frozenset[str] = DEFAULT_FORMS,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Item]:
    """Yield the items of one opened file: itself, or its members when it is an archive.

    The kind is told from ``name`` (default ``source``): ``.zip``, tar, ``.gz``; an ``.idx``
    met here is recorded as skipped. ``size`` (when known) lets an oversized file be refused, or
    skipped by its header, without reading it all. Read errors of a plain file propagate.
    """
    kind = archive_kind(name or source)
    if kind in ("zip", "tar", "gzip") and fileobj.seekable():
        kind = _archive_kind_of(fileobj, kind)  # the name says archive: does the content?
    if kind in ("zip", "tar", "gzip"):
        yield from iter_archive(source, fileobj, kind, max_bytes=max_bytes, forms=forms)
        return
    if kind == "idx":
        yield BulkResult(
            source,
            None,
            None,
            error=ItemError(
                "NotScheduleTOError",
                "an EDGAR index file (form/master/company.idx), not a filing: scheduleto bulk "
                "and parse_many read the filings it lists when the index itself is an input",
                skipped=True,
            ),
        )
        return
    if size is not None and size > max_bytes:
        yield _oversize(source, None, fileobj.read(SNIFF_BYTES), size, max_bytes, forms)
        return
    data = fileobj.read(max_bytes + 1)
    if len(data) > max_bytes:  # read only up to the limit: the real size is not known
        yield _oversize(source, None, data[:SNIFF_BYTES], None, max_bytes, forms)
        return
    yield InputItem(source, None, data)


def _archive_kind_of(fileobj: IO[bytes], by_name: str) -> str | None:
    """The kind of archive the first bytes of a file named as one show (None: not an archive,
    read it as a plain file). A ``.gz`` holding a tar is a tar. The file is rewound."""
    start = fileobj.tell()
    head = fileobj.read(512)
    kind: str | None = by_name
    try:
        if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
            kind = "zip"
        elif head[257:262] == b"ustar":
            kind = "tar"
        elif head.startswith(b"\x1f\x8b"):
            if by_name != "tar":
                import gzip

                fileobj.seek(start)
                with contextlib.suppress(*archive_errors()):
                    inner = gzip.GzipFile(fileobj=fileobj, mode="rb").read(262)
                    kind = "tar" if inner[257:262] == b"ustar" else "gzip"
        elif head.startswith((b"BZh", b"\xfd7zXZ\x00")):
            kind = "tar" if by_name == "tar" else None
        elif not head.startswith(b"\x00") and b"\x00" not in head[:64]:
            kind = None  # text, say: not an archive at all
    finally:
        fileobj.seek(start)
    return kind


def iter_archive(
    source: str,
    fileobj: IO[bytes],
    kind: str,
    *,
    max_bytes: int = MAX_BYTES,
    forms: frozenset[str] = DEFAULT_FORMS,
) -> Iterator[Item]:
    """Yield the items of an archive read from ``fileobj`` (``kind``: zip, tar or gzip).

    Corrupt members and truncated archives become failure records (type ``ArchiveError``); the
    members before the damage are still yielded.
    """
    if kind == "zip":
        yield from _iter_zip(source, fileobj, max_bytes, forms)
    elif kind == "tar":
        yield from _iter_tar(source, fileobj, max_bytes, forms)
    elif kind == "gzip":
        yield _read_gzip(source, fileobj, max_bytes, forms)
    else:  # pragma: no cover - caller error
        raise ValueError(f"unknown archive kind {kind!r}")


def _iter_zip(
    source: str, fileobj: IO[bytes], max_bytes: int, forms: frozenset[str]
) -> Iterator[Item]:
    import zipfile

    try:
        archive = zipfile.ZipFile(fileobj)
    except archive_errors() as exc:
        yield _archive_error(source, None, exc, "cannot open the zip archive")
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = info.filename
            if not info.flag_bits & 0x800:  # no UTF-8 flag: Info-ZIP still wrote UTF-8 names
                with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
                    name = name.encode("cp437").decode("utf-8")
            base = name.rstrip("/").rsplit("/", 1)[-1]
            if base.startswith(".") or name.startswith("__MACOSX/"):
                continue
            try:
                with archive.open(info) as member:
                    if info.file_size > max_bytes:
                        head = member.read(SNIFF_BYTES)
                        yield _oversize(source, name, head, info.file_size, max_bytes, forms)
                        continue
                    data = member.read(max_bytes + 1)
            except archive_errors() as exc:
                yield _archive_error(source, name, exc, "corrupt zip member")
                continue
            if len(data) > max_bytes:  # more than the member's header said
                yield _oversize(source, name, data[:SNIFF_BYTES], None, max_bytes, forms)
                continue
            yield InputItem(source, name, data)


def _iter_tar(
    source: str, fileobj: IO[bytes], max_bytes: int, forms: frozenset[str]
) -> Iterator[Item]:
    import tarfile

    try:
        archive = tarfile.open(fileobj=fileobj, mode="r|*")  # noqa: SIM115 - closed below
    except archive_errors() as exc:
        yield _archive_error(source, None, exc, "cannot open the tar archive")
        return
    last: str | None = None
    with archive:
        while True:
            try:
                info = archive.next()
            except archive_errors() as exc:
                where = (
                    f"archive truncated or corrupt after member {last!r}"
                    if last
                    else "corrupt tar archive"
                )
                yield _archive_error(source, None, exc, where)
                return
            if info is None:
                return
            if info.issym() or info.islnk():
                yield _fail(source, info.name, "SourceError", "a link inside the archive: not followed")
                continue
            if not info.isfile():
                continue
            name = info.name
            base = name.rstrip("/").rsplit("/", 1)[-1]
            if base.startswith("."):
                continue
            try:
                member = archive.extractfile(info)
                if member is None:  # pragma: no cover - isfile() members always have data
                    continue
                if info.size > max_bytes:
                    head = member.read(SNIFF_BYTES)
                    yield _oversize(source, name, head, info.size, max_bytes, forms)
                    last = name
                    continue
                data = member.read()
                if len(data) != info.size:
                    raise EOFError(f"member holds {len(data):,} of {info.size:,} bytes")
            except archive_errors() as exc:
                yield _archive_error(source, name, exc, "corrupt or truncated tar member")
                return
            last = name
            yield InputItem(source, name, data)


def _read_gzip(source: str, fileobj: IO[bytes], max_bytes: int, forms: frozenset[str]) -> Item:
    import gzip

    try:
        with gzip.GzipFile(fileobj=fileobj, mode="rb") as stream:
            data = stream.read(max_bytes + 1)
    except archive_errors() as exc:
        return _archive_error(source, None, exc, "corrupt or truncated gzip file")
    if len(data) > max_bytes:  # decompressed only up to the limit: the real size is not known
        return _oversize(source, None, data[:SNIFF_BYTES], None, max_bytes, forms, "decompressed, ")
    return InputItem(source, None, data)


def _is_output(name: str) -> bool:
    """A file or folder ``scheduleto bulk`` writes in its output directory."""
    from ..export.tables import TABLES
    from .output import OUTPUT_FILES

    base = name[: -len(".csv")] if name.endswith(".csv") else name
    return name in OUTPUT_FILES or base in TABLES or name.endswith(".tmp")


def _holds_bulk_output(entries: Sequence[os.DirEntry[str]]) -> bool:
    """True for the output folder of a ``scheduleto bulk`` run: its manifest says so."""
    from .output import MANIFEST, is_manifest

    return any(e.name == MANIFEST and is_manifest(e.path) for e in entries)


def iter_inputs(
    sources: Iterable[str | os.PathLike[str]],
    *,
    forms: frozenset[str] = DEFAULT_FORMS,
    exclude: Sequence[str] = (),
    skip_dirs: Iterable[str] = (),
    idx_root: str | os.PathLike[str] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[InputItem | BulkResult]:
    """Yield the items of every source, in order (see the module docstring for what is read).

    ``exclude`` holds glob patterns matched against the names of files found in directories,
    their paths relative to the directory given and their absolute paths;
    ``skip_dirs`` directories are not walked (the output directory); ``forms`` selects the rows
    of EDGAR indexes. Unreadable inputs are yielded as failure results, never raised.
    """
    reader = _Reader(
        forms=forms,
        exclude=exclude,
        skip_dirs=skip_dirs,
        idx_root=os.fspath(idx_root) if idx_root is not None else None,
        max_bytes=max_bytes,
    )
    for given in sources:
        yield from reader.source(given)


# --------------------------------------------------------------------------------------------
# EDGAR full-index files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexRow:
    """One row of an EDGAR ``form.idx`` / ``master.idx`` / ``company.idx``."""

    form_type: str
    company: str
    cik: str
    date_filed: str
    filename: str

    @property
    def accession(self) -> str | None:
        """The accession number in the file name, if any."""
        m = _ACCESSION.search(os.path.basename(self.filename))
        return m.group(1) if m else None


_FIXED_ROW = re.compile(
    r"^(?P<left>.*?)\s+(?P<cik>\d{1,10})\s+(?P<date>\d{4}-?\d{2}-?\d{2})\s+(?P<file>\S+)\s*$"
)


def read_index(path: str | os.PathLike[str]) -> list[IndexRow]:
    """Read an EDGAR index: pipe-separated ``master.idx`` or fixed-width ``form.idx``/``company.idx``.

    Raises:
        ValueError: the file is not an EDGAR index.
    """
    with open(path, encoding="latin-1") as fh:
        lines = fh.read().splitlines()
    rows: list[IndexRow] = []
    if any(line.startswith("CIK|Company Name|Form Type") for line in lines[:40]):
        for line in lines:
            parts = line.split("|")
            if len(parts) == 5 and parts[0].strip().isdigit():
                cik, company, form, date, filename = (p.strip() for p in parts)
                rows.append(IndexRow(form, company, cik, date, filename))
        return rows
    header_at = next(
        (i for i, line in enumerate(lines[:60]) if "File Name" in line and "CIK" in line), None
    )
    if header_at is None:
        raise ValueError("no 'CIK|Company Name|Form Type' or 'Form Type ... File Name' header")
    header = lines[header_at]
    form_col = header.find("Form Type")
    company_col = header.find("Company Name")
    if form_col < 0 or company_col < 0:
        raise ValueError("the index header has no Form Type or Company Name column")
    for line in lines[header_at + 1 :]:
        m = _FIXED_ROW.match(line)
        if m is None:
            continue
        left = m.group("left")
        if form_col < company_col:
            form, company = left[:company_col], left[company_col:]
        else:
            company, form = left[:form_col], left[form_col:]
        rows.append(
            IndexRow(
                form.strip(), company.strip(), m.group("cik"), m.group("date"), m.group("file")
            )
        )
    return rows


class _IndexFinder:
    """Resolve index rows to local files under a root, trying the usual layouts."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._by_accession: dict[str, str] | None = None

    def find(self, row: IndexRow) -> str | None:
        name = row.filename.replace("\\", "/").lstrip("/")
        accession = row.accession
        candidates = [
            os.path.join(self.root, name),
            os.path.join(self.root, name.removeprefix("edgar/")),
            os.path.join(self.root, os.path.basename(name)),
            os.path.join(self.root, row.cik, os.path.basename(name)),
        ]
        if accession:
            form_dir = row.form_type.strip()
            for cik in (row.cik, row.cik.zfill(10)):
                for base in (os.path.join(self.root, "sec-edgar-filings"), self.root):
                    candidates.append(
                        os.path.join(base, cik, form_dir, accession, "full-submission.txt")
                    )
        for candidate in candidates:
            if os.path.isfile(candidate):
                return candidate
        if accession:
            return self._lookup().get(accession)
        return None

    def _lookup(self) -> dict[str, str]:
        if self._by_accession is None:
            found: dict[str, str] = {}
            for dirpath, dirnames, filenames in os.walk(self.root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                if "full-submission.txt" in filenames:
                    m = _ACCESSION.fullmatch(os.path.basename(dirpath))
                    if m:
                        found.setdefault(m.group(1), os.path.join(dirpath, "full-submission.txt"))
                    continue
                for filename in sorted(filenames):
                    m = _ACCESSION.match(filename)
                    if m and archive_kind(filename) is None:
                        found.setdefault(m.group(1), os.path.join(dirpath, filename))
            self._by_accession = found
        return self._by_accession
