"""Bulk parsing: inputs of every kind, outputs, error log, interruption and resume, indexes."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import scheduleto
from scheduleto.bulk.cli import BulkJob
from scheduleto.bulk.core import BulkResult, ItemError, process_bytes
from scheduleto.bulk.engine import EngineOptions, run_items
from scheduleto.bulk.inputs import iter_inputs, read_index
from scheduleto.cli import main

from .conftest import CORPUS

SEED = Path(scheduleto.example_path()).read_text(encoding="utf-8")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


# --------------------------------------------------------------------------------------------
# A generated corpus
# --------------------------------------------------------------------------------------------


def variant(i: int) -> str:
    """The seed with a different tendered count and trailing white space: not byte-identical."""
    return SEED.replace("13,292,651", f"{13_000_000 + i * 7919:,}") + "\n" * (i % 3 + 1)


def full_submission(i: int, form: str = "SC TO-I/A", body: str | None = None) -> str:
    """A full-submission text (``<SEC-HEADER>`` with KEY: value lines) around a document."""
    acc = f"0009999999-23-{i:06d}"
    body = variant(i) if body is None else body
    return f"""<SEC-DOCUMENT>{acc}.txt : 20230501
<SEC-HEADER>{acc}.hdr.sgml : 20230501
<ACCEPTANCE-DATETIME>20230501160102
ACCESSION NUMBER:\t\t{acc}
CONFORMED SUBMISSION TYPE:\t{form}
PUBLIC DOCUMENT COUNT:\t\t1
FILED AS OF DATE:\t\t20230501
DATE AS OF CHANGE:\t\t20230501

SUBJECT COMPANY:\t

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tAULT ALLIANCE, INC.
\t\tCENTRAL INDEX KEY:\t\t\t0000896493
\t\tSTATE OF INCORPORATION:\t\t\tDE

\tFILING VALUES:
\t\tFORM TYPE:\t\t{form}
\t\tSEC ACT:\t\t1934 Act
\t\tSEC FILE NUMBER:\t005-{i:05d}
</SEC-HEADER>
<DOCUMENT>
<TYPE>{form}
<SEQUENCE>1
<FILENAME>doc{i}.txt
<DESCRIPTION>{form}
<TEXT>
{body}
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


def nc_file(i: int, form: str = "SC TO-I/A", body: str | None = None) -> str:
    """A daily-feed style tag SGML submission (``<SUBMISSION>``, value tags not closed)."""
    acc = f"0008888888-23-{i:06d}"
    body = variant(i) if body is None else body
    return (
        f"<SUBMISSION>\n<ACCESSION-NUMBER>{acc}\n<TYPE>{form}\n<PUBLIC-DOCUMENT-COUNT>1\n"
        "<FILING-DATE>20230501\n<SUBJECT-COMPANY>\n<COMPANY-DATA>\n<CONFORMED-NAME>AULT ALLIANCE, INC.\n"
        f"<CIK>0000896493\n</COMPANY-DATA>\n<FILING-VALUES>\n<FORM-TYPE>{form}\n<FILE-NUMBER>005-{i:05d}\n"
        f"</FILING-VALUES>\n</SUBJECT-COMPANY>\n<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<FILENAME>d{i}.txt\n"
        f"<TEXT>\n{body}\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n"
    )


def _tar_gz(path: Path, members: list[tuple[str, bytes]]) -> None:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            tar.addfile(info, io.BytesIO(data))


def _corrupt_zip_member(path: Path, name: str) -> None:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    raw = bytearray(path.read_bytes())
    # local header: 30 bytes + name + extra, then the compressed data
    name_len = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    for k in range(start + 20, start + 60):
        raw[k] ^= 0x5A
    path.write_bytes(bytes(raw))


EXPECTED: dict[str, Any] = {}


def build_corpus(root: Path) -> dict[str, Any]:
    """Write the test corpus under ``root``; return the expected counts."""
    plain = root / "plain"
    plain.mkdir(parents=True)
    for i in range(120):
        (plain / f"seed_{i:03d}.txt").write_text(variant(i), encoding="utf-8")
    (plain / ".DS_Store").write_bytes(b"\x00\x01junk")
    hidden = root / ".hidden"
    hidden.mkdir()
    (hidden / "ignored.txt").write_text(variant(999), encoding="utf-8")

    for i in range(40):
        acc = f"0009999999-23-{1000 + i:06d}"
        folder = root / "sec-edgar-filings" / "896493" / "SC TO-I" / acc
        folder.mkdir(parents=True)
        (folder / "full-submission.txt").write_text(full_submission(1000 + i), encoding="utf-8")
        (folder / "primary-document.html").write_text(
            "<html><body>copy</body></html>", encoding="utf-8"
        )

    archives = root / "archives"
    archives.mkdir()
    zpath = archives / "bundle.zip"
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for i in range(12):
            zf.writestr(f"subs/{200 + i}.txt", full_submission(200 + i))
        zf.writestr("subs/10k_a.txt", full_submission(220, form="10-K", body="Annual report text"))
        zf.writestr("subs/10k_b.txt", full_submission(221, form="10-K", body="Annual report text"))
        zf.writestr("subs/corrupt.txt", variant(222))
    _corrupt_zip_member(zpath, "subs/corrupt.txt")
    _tar_gz(
        archives / "batch.tar.gz",
        [(f"batch/{300 + i}.nc", nc_file(300 + i).encode()) for i in range(13)]
        + [
            (
                f"batch/8k_{k}.txt",
                full_submission(320 + k, form="8-K", body="Current report").encode(),
            )
            for k in range(2)
        ],
    )

    feeds = root / "feeds"
    feeds.mkdir()
    _tar_gz(
        feeds / "20230501.nc.tar.gz",
        [(f"{400 + i}.nc", nc_file(400 + i).encode()) for i in range(3)]
        + [
            (f"{410 + i}.nc", nc_file(410 + i, form="4", body="<XML>x</XML>").encode())
            for i in range(3)
        ],
    )
    (feeds / "0008888888-23-000450.nc").write_text(nc_file(450), encoding="utf-8")

    broken = root / "broken"
    broken.mkdir()
    (broken / "empty.txt").write_bytes(b"")
    (broken / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    whole = gzip.compress(variant(500).encode())
    (broken / "truncated.txt.gz").write_bytes(whole[: len(whole) // 2])
    blob = random.Random(7).randbytes(200_000)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in [
            ("a.txt", variant(501).encode()),
            ("b.txt", variant(502).encode()),
            ("blob.bin", blob),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    packed = buf.getvalue()
    (broken / "partial.tar.gz").write_bytes(packed[: int(len(packed) * 0.8)])
    failed_types = Counter({"ArchiveError": 3, "EmptyDocumentError": 1, "DecodeError": 1})
    if not IS_ROOT:
        locked = broken / "locked.txt"
        locked.write_text(variant(503), encoding="utf-8")
        locked.chmod(0)
        failed_types["SourceError"] += 1

    other = root / "other"
    other.mkdir()
    for k in range(5):
        (other / f"10k_{k}.txt").write_text(
            full_submission(600 + k, form="10-K", body="Annual"), encoding="utf-8"
        )
    for k in range(3):
        (other / f"8k_{k}.txt").write_text(
            full_submission(610 + k, form="8-K", body="Current"), encoding="utf-8"
        )
    (other / "annual.html").write_text(
        "<html><body><p>ACME Corp. Annual Report to Shareholders.</p><p>Revenue grew.</p></body></html>",
        encoding="utf-8",
    )
    (other / "form.idx").write_text(
        "Form Type   Company Name   CIK   Date Filed  File Name\n", encoding="utf-8"
    )

    parsed = 120 + 40 + 12 + 13 + 3 + 1 + 2
    skipped_forms = Counter({"10-K": 7, "8-K": 5, "4": 3, "unrecognised": 2})
    return {
        "parsed": parsed,
        "skipped": sum(skipped_forms.values()),
        "failed": sum(failed_types.values()),
        "skipped_forms": skipped_forms,
        "failed_types": failed_types,
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("bulk") / "corpus"
    expected = build_corpus(root)
    assert expected["parsed"] + expected["skipped"] + expected["failed"] >= 200
    return root, expected


def _jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _key(rec: dict[str, Any]) -> tuple[str, str | None]:
    if "source" in rec and isinstance(rec["source"], dict):
        return rec["source"]["path"], rec["source"]["member"]
    return rec["source"], rec["member"]


def _check_error_log(out: Path, expected: dict[str, Any]) -> list[dict[str, Any]]:
    errors = _jsonl(out / "errors.jsonl")
    assert Counter(e["status"] for e in errors) == {
        "skipped": expected["skipped"],
        "failed": expected["failed"],
    }
    skipped = Counter(e["form_type"] or "unrecognised" for e in errors if e["status"] == "skipped")
    assert skipped == expected["skipped_forms"]
    assert (
        Counter(e["error_type"] for e in errors if e["status"] == "failed")
        == expected["failed_types"]
    )
    for e in errors:
        assert e["source"] and e["message"] and e["error_type"]
    return errors


def _summary(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    return data


# --------------------------------------------------------------------------------------------
# The CLI on the generated corpus: one run writing every format
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full_run(corpus: tuple[Path, dict[str, Any]], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root, _ = corpus
    out = tmp_path_factory.mktemp("full") / "out"
    status = main(
        ["bulk", str(root), "-o", str(out), "--format", "jsonl,csv,parquet", "--workers", "2", "-q"]
    )
    assert status == 1  # some inputs failed
    return out


def test_bulk_jsonl(corpus: tuple[Path, dict[str, Any]], full_run: Path) -> None:
    root, expected = corpus
    out = full_run
    filings = _jsonl(out / "filings.jsonl")
    assert len(filings) == expected["parsed"]
    errors = _check_error_log(out, expected)
    keys = [_key(f) for f in filings] + [_key(e) for e in errors]
    assert (
        len(keys) == len(set(keys)) == expected["parsed"] + expected["skipped"] + expected["failed"]
    )
    assert not any(
        "primary-document" in k[0] or ".hidden" in k[0] or ".DS_Store" in k[0] for k in keys
    )
    members = {k for k in keys if k[1] is not None}
    assert (str(root / "archives" / "bundle.zip"), "subs/corrupt.txt") in members
    assert (str(root / "broken" / "partial.tar.gz"), "blob.bin") in members
    for f in filings:
        assert f["schema_version"] == "1"
        assert f["form_type"] == "SC TO-I/A"
        assert f["source"]["sha256"] and len(f["source"]["sha256"]) == 64
    zipped = [f for f in filings if f["source"]["member"] and f["source"]["path"].endswith(".zip")]
    assert len(zipped) == 12
    assert all(f["header"]["accession_number"].startswith("0009999999-23-0002") for f in zipped)
    summary = _summary(out)
    assert (summary["parsed"], summary["skipped"], summary["failed"]) == (
        expected["parsed"],
        expected["skipped"],
        expected["failed"],
    )
    assert summary["interrupted"] is False


def test_bulk_csv(corpus: tuple[Path, dict[str, Any]], full_run: Path) -> None:
    _, expected = corpus
    out = full_run

    def rows(table: str) -> list[dict[str, str]]:
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            assert tuple(reader.fieldnames or ()) == scheduleto.export.tables.TABLES[table]
            return list(reader)

    filings = rows("filings")
    assert len(filings) == expected["parsed"]
    assert len({r["filing_id"] for r in filings}) == expected["parsed"]
    assert {r["issuer_tender_offer"] for r in filings} == {"true"}
    assert len(rows("cusips")) == expected["parsed"]
    assert len(rows("exhibits")) == 13 * expected["parsed"]
    assert len(rows("tendered")) == expected["parsed"]
    ids = {r["filing_id"] for r in filings}
    assert {r["filing_id"] for r in rows("exhibits")} == ids
    with_header = [r for r in filings if r["accession_number"]]
    assert len(with_header) == 40 + 12 + 13 + 3 + 1
    assert all(r["filing_id"] == r["accession_number"] for r in with_header)


def test_bulk_parquet(corpus: tuple[Path, dict[str, Any]], full_run: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    _, expected = corpus
    out = full_run
    filings = pd.read_parquet(out / "filings")
    assert len(filings) == expected["parsed"]
    assert str(filings["expiration_new_at"].dtype).startswith("timestamp") or "UTC" in str(
        filings["expiration_new_at"].dtype
    )
    assert set(filings["amendment_number"].dropna().astype(int)) == {2}
    assert len(pd.read_parquet(out / "exhibits")) == 13 * expected["parsed"]
    assert len(pd.read_parquet(out / "tendered")) == expected["parsed"]
    # every table is readable, even one no filing fills
    for table in scheduleto.export.tables.TABLES:
        assert list(pd.read_parquet(out / table).columns) == list(
            scheduleto.export.tables.TABLES[table]
        )
    assert not list(out.glob("*/*.tmp")) and not list(out.glob("*/.*.tmp"))


def test_resume_parses_nothing_new(
    corpus: tuple[Path, dict[str, Any]], full_run: Path, tmp_path: Path
) -> None:
    root, expected = corpus
    out = tmp_path / "out"
    shutil.copytree(full_run, out)
    before = (out / "filings.jsonl").read_bytes()
    errors_before = (out / "errors.jsonl").read_bytes()
    # without --resume the directory is refused
    assert main(["bulk", str(root), "-o", str(out), "-q"]) == 2
    # a different format cannot resume it
    assert main(["bulk", str(root), "-o", str(out), "--resume", "--format", "jsonl", "-q"]) == 2
    # without --format, --resume takes the formats of the run it resumes
    assert main(["bulk", str(root), "-o", str(out), "--resume", "-q", "--workers", "1"]) == 0
    assert _summary(out)["formats"] == ["jsonl", "csv", "parquet"]
    assert _summary(out)["parsed"] == 0
    resume = ["bulk", str(root), "-o", str(out), "--format", "jsonl,csv,parquet", "--resume", "-q"]
    assert main([*resume, "--workers", "2"]) == 0
    summary = _summary(out)
    assert (summary["parsed"], summary["skipped"], summary["failed"]) == (0, 0, 0)
    assert summary["already_done"] == expected["parsed"] + expected["skipped"] + expected["failed"]
    assert (out / "filings.jsonl").read_bytes() == before
    assert (out / "errors.jsonl").read_bytes() == errors_before
    # a changed file is parsed again
    changed = root / "plain" / "seed_000.txt"
    original = changed.read_bytes()
    try:
        changed.write_text(variant(10_000), encoding="utf-8")
        assert main([*resume, "--workers", "1"]) == 0
        assert _summary(out)["parsed"] == 1
    finally:
        changed.write_bytes(original)
    # --overwrite starts afresh
    assert (
        main(["bulk", str(root / "feeds"), "-o", str(out), "--overwrite", "--workers", "1", "-q"])
        == 0
    )
    assert len(_jsonl(out / "filings.jsonl")) == 4
    assert len(_jsonl(out / "errors.jsonl")) == 3
    assert not (out / "filings.csv").exists() and not (out / "filings").exists()


def _assert_complete(out: Path, expected: dict[str, Any]) -> None:
    filings = _jsonl(out / "filings.jsonl")
    errors = _jsonl(out / "errors.jsonl")
    keys = [_key(f) for f in filings] + [_key(e) for e in errors]
    assert len(keys) == len(set(keys)), "an input was written twice"
    assert len(filings) == expected["parsed"]
    _check_error_log(out, expected)


#: The sub-tree the interruption tests run on, and its counts.
PART = ("archives", "feeds", "other", "broken")
PART_EXPECTED = {
    "parsed": 12 + 13 + 4 + 2,
    "skipped": 2 + 2 + 3 + 10,
    "failed": 3 + 2 + (0 if IS_ROOT else 1),
    "skipped_forms": Counter({"10-K": 7, "8-K": 5, "4": 3, "unrecognised": 2}),
    "failed_types": Counter({"ArchiveError": 3, "EmptyDocumentError": 1, "DecodeError": 1})
    + (Counter() if IS_ROOT else Counter({"SourceError": 1})),
}


def test_interrupt_then_resume(corpus: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    root, _ = corpus
    expected = PART_EXPECTED
    inputs = [str(root / p) for p in PART]
    out = tmp_path / "out"
    seen = 0
    workers = 2

    def stop_after_20(job: BulkJob, result: BulkResult) -> None:
        nonlocal seen
        seen += 1
        if seen == 20:
            job.request_stop()

    job = BulkJob(
        inputs, str(out), formats=["jsonl", "csv"], workers=workers, on_result=stop_after_20
    )
    assert job.run() == 128 + signal.SIGINT
    assert job.interrupted
    # what was written is intact and readable, and agrees with the manifest
    filings = _jsonl(out / "filings.jsonl")
    errors = _jsonl(out / "errors.jsonl")
    assert len(filings) + len(errors) == 20
    with open(out / "filings.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(filings)
    assert _summary(out)["interrupted"] is True
    job2 = BulkJob(inputs, str(out), formats=["jsonl", "csv"], workers=workers, resume=True)
    status = job2.run()
    assert status == (1 if job2.stats.failed else 0)
    assert job2.stats.resumed == 20
    assert job2.stats.parsed + job2.stats.skipped + job2.stats.failed == (
        expected["parsed"] + expected["skipped"] + expected["failed"] - 20
    )
    _assert_complete(out, expected)
    with open(out / "filings.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == expected["parsed"]


SLOW_CLI = """
import sys, time
import scheduleto.bulk.engine as engine
from scheduleto.cli import main

def slow(*args, **kwargs):
    time.sleep(0.02)
    return engine.process_bytes(*args, **kwargs)

import scheduleto.bulk.cli as cli
original = cli.EngineOptions
cli.EngineOptions = lambda **kw: original(parse_hook=slow, **kw)
sys.exit(main(sys.argv[1:]))
"""


def _wait_for_output(proc: subprocess.Popen[bytes], path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0:
            return
        if proc.poll() is not None:
            raise AssertionError(f"the run ended before it could be interrupted: {proc.returncode}")
        time.sleep(0.05)
    raise AssertionError("no output appeared")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_signal_subprocess_then_resume(
    corpus: tuple[Path, dict[str, Any]], tmp_path: Path, sig: signal.Signals
) -> None:
    """Ctrl-C stops cleanly (exit 130); even kill -9 leaves a run --resume completes exactly."""
    root, _ = corpus
    out = tmp_path / "out"
    inputs = [str(root / "archives"), str(root / "other"), str(root / "plain")]
    expected = {
        "parsed": 12 + 13 + 120,
        "skipped": 2 + 2 + 10,
        "failed": 1,
        "skipped_forms": Counter({"10-K": 7, "8-K": 5, "unrecognised": 2}),
        "failed_types": Counter({"ArchiveError": 1}),
    }
    args = ["bulk", *inputs, "-o", str(out), "--workers", "1", "--format", "jsonl,parquet"]
    args += ["--part-size", "20", "-q"]
    cmd = [sys.executable, "-m", "scheduleto.cli", *args]
    # the interrupted run parses slowly (20 ms more per filing, in-process), so that the signal
    # lands mid-run however fast the parser is; everything else is the real command
    slow = [sys.executable, "-c", SLOW_CLI, *args]
    proc = subprocess.Popen(slow, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for_output(proc, out / "filings.jsonl")
        proc.send_signal(sig)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    if sig == signal.SIGINT:
        assert proc.returncode == 130, stderr.decode()
        for line in (out / "filings.jsonl").read_text(encoding="utf-8").splitlines():
            json.loads(line)
        pd = pytest.importorskip("pandas")
        assert len(pd.read_parquet(out / "filings")) == len(_jsonl(out / "filings.jsonl"))
    else:
        assert proc.returncode == -signal.SIGKILL
    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=120)
    assert resumed.returncode == 1, resumed.stderr.decode()
    _assert_complete(out, expected)
    pd = pytest.importorskip("pandas")
    parquet = pd.read_parquet(out / "filings")
    assert len(parquet) == expected["parsed"]
    assert (parquet["source_path"] + "!" + parquet["source_member"].fillna("")).is_unique


# --------------------------------------------------------------------------------------------
# Python API, engine
# --------------------------------------------------------------------------------------------


def test_parse_many_ordered_is_deterministic(corpus: tuple[Path, dict[str, Any]]) -> None:
    root, _ = corpus
    inputs = [root / "plain" / f"seed_{i:03d}.txt" for i in range(8)] + [
        root / "archives",
        root / "other",
    ]
    serial = list(scheduleto.parse_many(inputs, workers=1))
    parallel = list(scheduleto.parse_many(inputs, workers=2, ordered=True, chunk_size=3))
    assert [(r.key, r.status, r.sha256) for r in serial] == [
        (r.key, r.status, r.sha256) for r in parallel
    ]
    assert [r.to_dict() for r in serial if r.filing] == [r.to_dict() for r in parallel if r.filing]
    assert Counter(r.status for r in serial) == {
        "parsed": 8 + 25,
        "skipped": 2 + 2 + 10,
        "failed": 1,
    }
    unordered = list(scheduleto.parse_many(inputs, workers=2))
    assert sorted(r.key for r in unordered) == sorted(r.key for r in serial)
    tables = scheduleto.to_tables(serial)
    assert len(tables["filings"]) == 33


def test_parse_many_forms_selection(corpus: tuple[Path, dict[str, Any]]) -> None:
    root, _ = corpus
    results = list(
        scheduleto.parse_many(
            [root / "archives" / "batch.tar.gz", root / "plain" / "seed_001.txt"],
            workers=1,
            forms="SC TO-T, 8-K",
        )
    )
    statuses = Counter(r.status for r in results)
    # the tag-style SC TO-I/A submissions are skipped from their header; the bare text is
    # parsed, then skipped for its form; 8-K is selected but refused by the parser
    assert statuses == {"skipped": 16}
    messages = {r.error.message for r in results if r.error}
    assert any("not among the selected forms" in m for m in messages)


def crashing_hook(source: str, member: str | None, data: bytes, **kwargs: Any) -> BulkResult:
    """A parse function that kills its worker on one input and raises on another."""
    if source.endswith("seed_003.txt"):
        os._exit(3)
    if source.endswith("seed_005.txt"):
        raise RuntimeError("boom")
    return process_bytes(source, member, data, **kwargs)


def test_worker_crash_and_exception_are_recorded(corpus: tuple[Path, dict[str, Any]]) -> None:
    root, _ = corpus
    files = [root / "plain" / f"seed_{i:03d}.txt" for i in range(10)]
    options = EngineOptions(workers=2, ordered=True, chunk_size=4, parse_hook=crashing_hook)
    results = list(run_items(iter_inputs(files), options))
    assert [r.source for r in results] == [str(f) for f in files]
    by_name = {Path(r.source).name: r for r in results}
    assert by_name["seed_003.txt"].error is not None
    assert by_name["seed_003.txt"].error.type == "WorkerCrashed"
    boom = by_name["seed_005.txt"].error
    assert boom is not None and boom.type == "RuntimeError" and boom.message == "boom"
    assert boom.traceback and "crashing_hook" in boom.traceback
    assert sum(r.status == "parsed" for r in results) == 8
    # in-process too: the exception is a record, not a crash of the caller
    serial = list(
        run_items(iter_inputs(files[4:6]), EngineOptions(workers=1, parse_hook=crashing_hook))
    )
    assert [r.status for r in serial] == ["parsed", "failed"]


def test_inputs_identity_and_streaming(corpus: tuple[Path, dict[str, Any]]) -> None:
    root, _ = corpus
    items = list(iter_inputs([root / "feeds"]))
    assert [(Path(i.source).name, i.member) for i in items] == [
        ("0008888888-23-000450.nc", None),
        *[("20230501.nc.tar.gz", f"{n}.nc") for n in (400, 401, 402, 410, 411, 412)],
    ]
    missing = list(iter_inputs([root / "nope.txt"]))
    assert isinstance(missing[0], BulkResult) and missing[0].error is not None
    assert missing[0].error.type == "SourceError"


# --------------------------------------------------------------------------------------------
# EDGAR indexes
# --------------------------------------------------------------------------------------------


def test_idx_selects_and_resolves(tmp_path: Path) -> None:
    root = tmp_path / "edgar"
    (root / "edgar" / "data" / "896493").mkdir(parents=True)
    (root / "edgar" / "data" / "896493" / "0009999999-23-000001.txt").write_text(
        full_submission(1), encoding="utf-8"
    )
    dl = root / "sec-edgar-filings" / "1404655" / "SC TO-T" / "0009999999-23-000002"
    dl.mkdir(parents=True)
    (dl / "full-submission.txt").write_text(full_submission(2), encoding="utf-8")
    (root / "elsewhere").mkdir()
    (root / "elsewhere" / "0009999999-23-000003.txt").write_text(
        full_submission(3), encoding="utf-8"
    )
    (root / "edgar" / "data" / "896493" / "0009999999-23-000009.txt").write_text(
        "10-K", encoding="utf-8"
    )
    header = (
        "Description:           Daily Index of EDGAR Dissemination Feed by Form Type\n"
        "Last Data Received:    May 1, 2023\n \n"
        "Form Type   Company Name                                                  CIK         Date Filed  File Name\n"
        + "-" * 140
        + "\n"
    )

    def row(form: str, company: str, cik: str, acc: str) -> str:
        return f"{form:<12}{company:<62}{cik:<12}20230501    edgar/data/{cik}/{acc}.txt         \n"

    idx = tmp_path / "form.idx"
    idx.write_text(
        header
        + row("10-K", "AULT ALLIANCE, INC.", "896493", "0009999999-23-000009")
        + row("SC 14D9", "SOME TARGET INC", "1111", "0009999999-23-000010")
        + row("SC TO-I/A", "AULT ALLIANCE, INC.", "896493", "0009999999-23-000001")
        + row("SC TO-T", "BIDDER CORP", "1404655", "0009999999-23-000002")
        + row("SC TO-T", "TARGET CO", "77777", "0009999999-23-000002")
        + row("SC TO-C", "SOMEONE  ELSE LLC", "42", "0009999999-23-000003")
        + row("SC TO-T/A", "MISSING INC", "5", "0009999999-23-000004"),
        encoding="latin-1",
    )
    rows = read_index(idx)
    assert (
        len(rows) == 7 and rows[5].company == "SOMEONE  ELSE LLC" and rows[3].form_type == "SC TO-T"
    )
    out = tmp_path / "out"
    assert (
        main(["bulk", str(idx), "--idx-root", str(root), "-o", str(out), "--workers", "1", "-q"])
        == 1
    )
    filings = _jsonl(out / "filings.jsonl")
    assert sorted(f["header"]["accession_number"] for f in filings) == [
        "0009999999-23-000001",
        "0009999999-23-000002",
        "0009999999-23-000003",
    ]
    [error] = _jsonl(out / "errors.jsonl")
    assert error["status"] == "failed" and error["error_type"] == "SourceError"
    assert "0009999999-23-000004" in error["source"] and "MISSING INC" in error["message"]

    master = tmp_path / "master.idx"
    master.write_text(
        "Description:           Master Index of EDGAR Dissemination Feed\n\n"
        "CIK|Company Name|Form Type|Date Filed|Filename\n" + "-" * 80 + "\n"
        "896493|AULT ALLIANCE, INC.|SC TO-I/A|2023-05-01|edgar/data/896493/0009999999-23-000001.txt\n"
        "896493|AULT ALLIANCE, INC.|10-K|2023-05-01|edgar/data/896493/0009999999-23-000009.txt\n",
        encoding="latin-1",
    )
    results = list(scheduleto.parse_many(master, idx_root=root, workers=1))
    assert [r.status for r in results] == ["parsed"]


# --------------------------------------------------------------------------------------------
# The real corpus (skipped when ../shared/corpus is absent)
# --------------------------------------------------------------------------------------------


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_real_corpus_parquet_and_resume(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "out"
    run = [
        sys.executable,
        "-m",
        "scheduleto.cli",
        "bulk",
        str(CORPUS),
        "-o",
        str(out),
        "--format",
        "parquet",
        "-q",
    ]
    first = subprocess.run(run, capture_output=True, timeout=300)
    assert first.returncode in (0, 1), first.stderr.decode()
    import pandas as pd

    parsed = pd.read_parquet(out / "filings")
    errors = _jsonl(out / "errors.jsonl")
    walked = {
        str(p)
        for p in CORPUS.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(CORPUS).parts)
    }
    parsed_sources = set(parsed["source_path"])
    error_sources = {e["source"] for e in errors}
    assert parsed_sources | error_sources == walked
    assert not parsed_sources & error_sources
    for e in errors:
        assert e["status"] in ("skipped", "failed") and e["error_type"] and e["message"]
    other = {e["source"] for e in errors if e["form_type"] == "8-K"}
    assert any(s.endswith("0000943374-24-000509.txt") for s in other)
    assert any(s.endswith("0001104659-25-002604.txt") for s in parsed_sources)
    again = subprocess.run([*run, "--resume"], capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr.decode()
    summary = _summary(out)
    assert (summary["parsed"], summary["skipped"], summary["failed"]) == (0, 0, 0)
    assert summary["already_done"] == len(walked)
    assert len(pd.read_parquet(out / "filings")) == len(parsed)


def test_unreadable_file_is_a_failure_record(
    corpus: tuple[Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permission denied (simulated: the tests may run as root) is recorded, the rest goes on."""
    import builtins

    import scheduleto.bulk.inputs as inputs_module

    root, _ = corpus
    locked = root / "plain" / "seed_002.txt"
    real_open = builtins.open

    def fake_open(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(inputs_module, "open", fake_open, raising=False)
    files = [root / "plain" / f"seed_{i:03d}.txt" for i in range(4)]
    results = list(scheduleto.parse_many(files, workers=1))
    assert [r.status for r in results] == ["parsed", "parsed", "failed", "parsed"]
    error = results[2].error
    assert (
        error is not None and error.type == "SourceError" and error.message == "permission denied"
    )


KILLED_MAIN = """
import os, sys, time
from pathlib import Path
from scheduleto.bulk.engine import EngineOptions, run_items, process_bytes
from scheduleto.bulk.inputs import iter_inputs

def slow(*args, **kwargs):
    with open(os.path.join(sys.argv[1], f"worker-{os.getpid()}"), "w"):
        pass
    time.sleep(0.2)
    return process_bytes(*args, **kwargs)

if __name__ == "__main__":
    for _ in run_items(iter_inputs(sys.argv[2:]), EngineOptions(workers=2, parse_hook=slow)):
        pass
"""


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a zombie (exited, not reaped: its parent may be a container's init) is gone too
        return Path(f"/proc/{pid}/stat").read_bytes().rpartition(b")")[2].split()[0] == b"Z"
    except OSError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_workers_exit_when_the_main_process_is_killed(
    corpus: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    root, _ = corpus
    marks = tmp_path / "marks"
    marks.mkdir()
    script = tmp_path / "killed_main.py"
    script.write_text(KILLED_MAIN, encoding="utf-8")
    files = [str(root / "plain" / f"seed_{i:03d}.txt") for i in range(40)]
    proc = subprocess.Popen([sys.executable, str(script), str(marks), *files])
    try:
        deadline = time.monotonic() + 60
        while len(list(marks.iterdir())) < 2 and time.monotonic() < deadline:
            assert proc.poll() is None, "the run ended before it could be killed"
            time.sleep(0.05)
        workers = [int(p.name.split("-")[1]) for p in marks.iterdir()]
        assert len(workers) == 2
        proc.kill()
        proc.wait(timeout=10)
        deadline = time.monotonic() + 15
        while not all(_gone(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert all(_gone(pid) for pid in workers), "pool workers outlived the killed main process"
    finally:
        if proc.poll() is None:
            proc.kill()


def masks_hook(source: str, member: str | None, data: bytes, **kwargs: Any) -> BulkResult:
    """Parse, and report the blocked-signal masks of this worker and of its parent (the fork server)."""
    result = process_bytes(source, member, data, **kwargs)
    masks = []
    for pid in ("self", str(os.getppid())):
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
        masks.append(next(line.split()[1] for line in status.splitlines() if line.startswith("SigBlk:")))
    return BulkResult(source, member, result.sha256, error=ItemError("Masks", " ".join(masks)))


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_pool_processes_start_with_ctrl_c_held_back(corpus: tuple[Path, dict[str, Any]]) -> None:
    """A Ctrl-C while the pool starts reaches the main process only, not a half-started fork
    server (which would die of it with a traceback, taking the pool with it)."""
    root, _ = corpus
    files = [root / "plain" / f"seed_{i:03d}.txt" for i in range(6)]
    results = list(run_items(iter_inputs(files), EngineOptions(workers=2, chunk_size=1, parse_hook=masks_hook)))
    assert len(results) == 6
    sigint = 1 << (signal.SIGINT - 1)
    for result in results:
        assert result.error is not None and result.error.type == "Masks"
        worker, server = (int(mask, 16) for mask in result.error.message.split())
        assert worker & sigint and server & sigint
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())


@pytest.mark.parametrize(
    ("patterns", "kept"),
    [
        ((), ["a.txt", "drafts/b.txt", "drafts/old/c.txt", "notes.pdf"]),
        (("*.pdf",), ["a.txt", "drafts/b.txt", "drafts/old/c.txt"]),
        (("drafts/*",), ["a.txt", "notes.pdf"]),  # relative to the directory given
        (("*/drafts/old/*", "a.*"), ["drafts/b.txt", "notes.pdf"]),  # absolute path; name
        (("b.txt",), ["a.txt", "drafts/old/c.txt", "notes.pdf"]),
    ],
)
def test_exclude_matches_name_relative_and_absolute_paths(
    tmp_path: Path, patterns: tuple[str, ...], kept: list[str]
) -> None:
    root = tmp_path / "in"
    for rel in ("a.txt", "drafts/b.txt", "drafts/old/c.txt", "notes.pdf"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(b"x")
    items = list(iter_inputs([root], exclude=patterns))
    assert sorted(Path(item.source).relative_to(root).as_posix() for item in items) == kept
