"""Bulk runs against odd inputs and environments: names that are not UTF-8, values no typed
table holds, two runs on one output folder, retrying failures, a full disk, misused options."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import scheduleto
from scheduleto.bulk.core import BulkResult, ItemError
from scheduleto.bulk.output import OutputConflict, OutputSet
from scheduleto.cli import main
from scheduleto.export.tables import TableValueError
from scheduleto.source import display_path

from .conftest import SEED


def _bulk(*args: str) -> int:
    return main(["bulk", *args, "--workers", "1", "-q"])


def _summary(out: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((out / "summary.json").read_text())
    return data


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]



def test_display_path_writes_raw_bytes_of_a_name_as_escapes() -> None:
    assert display_path("/a/b.txt") == "/a/b.txt"
    assert display_path("/a/caf\u00e9.txt") == "/a/caf\u00e9.txt"
    assert display_path(os.fsdecode(b"/a/b\xffname.txt")) == "/a/b\\xffname.txt"
    assert display_path("/a/\ud800.txt") == "/a/\\ud800.txt"


def test_a_file_name_that_is_not_utf8_is_parsed_and_written(inputs: Path, tmp_path: Path) -> None:
    raw = os.fsencode(inputs) + b"/b\xffname.txt"
    try:
        with open(raw, "wb") as fh:
            fh.write(SEED.read_bytes())
    except OSError:  # pragma: no cover - a file system that refuses such names
        pytest.skip("the file system refuses names that are not UTF-8")
    out = tmp_path / "out"
    assert _bulk(str(inputs), "-o", str(out), "--format", "jsonl,csv") == 0
    assert _summary(out)["parsed"] == 4
    paths = {str(r["source"]["path"]) for r in _lines(out / "filings.jsonl")}  # type: ignore[index]
    assert f"{inputs}/b\\xffname.txt" in paths
    assert "b\\xffname.txt" in (out / "filings.csv").read_text(encoding="utf-8")
    # resume matches the same names: nothing new
    assert _bulk(str(inputs), "-o", str(out), "--resume") == 0
    assert _summary(out)["parsed"] == 0
    # and `scheduleto parse` writes it too
    target = tmp_path / "one.json"
    assert main(["parse", os.fsdecode(raw), "-o", str(target)]) == 0
    assert json.loads(target.read_text())["source"]["path"].endswith("b\\xffname.txt")


def _huge_amendment(tmp_path: Path) -> BulkResult:
    filing = replace(scheduleto.parse(SEED), amendment_number=10**20)
    return BulkResult(str(tmp_path / "f.txt"), None, filing.source.sha256, filing=filing)


def test_an_integer_beyond_64_bits_fails_its_filing_not_the_parquet_part(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    result = _huge_amendment(tmp_path)
    out = OutputSet(tmp_path / "out", ["jsonl", "parquet"])
    written = out.add(result)
    out.close()
    assert written.status == "failed"
    assert written.error is not None and written.error.type == "TableValueError"
    assert "filings.amendment_number" in written.error.message
    assert "100000000000000000000" in written.error.message
    assert (tmp_path / "out" / "filings.jsonl").read_text() == ""
    [record] = _lines(tmp_path / "out" / "errors.jsonl")
    assert record["error_type"] == "TableValueError"
    assert "traceback" not in record  # an expected failure, said in full by its message
    # JSON alone holds any integer
    out = OutputSet(tmp_path / "jsonl", ["jsonl"])
    assert out.add(result) is result
    out.close()
    [line] = _lines(tmp_path / "jsonl" / "filings.jsonl")
    assert line["amendment_number"] == 10**20


def test_to_pandas_names_an_integer_beyond_64_bits(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    result = _huge_amendment(tmp_path)
    assert scheduleto.to_tables([result])["filings"][0]["amendment_number"] == 10**20
    with pytest.raises(TableValueError, match=r"amendment_number .* is 100000000000000000000"):
        scheduleto.to_pandas([result])


def test_two_runs_cannot_write_one_output_folder(tmp_path: Path) -> None:
    first = OutputSet(tmp_path / "out", ["jsonl"])
    with pytest.raises(OutputConflict, match=f"another scheduleto bulk run \\(process {os.getpid()}\\)"):
        OutputSet(tmp_path / "out", ["jsonl"], resume=True)
    first.close()
    OutputSet(tmp_path / "out", ["jsonl"], resume=True).close()  # free again


def test_retry_failed_parses_failures_again(inputs: Path, tmp_path: Path) -> None:
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert _bulk(str(inputs), "-o", str(out)) == 1
    assert (_summary(out)["parsed"], _summary(out)["failed"]) == (3, 1)
    assert _bulk(str(inputs), "-o", str(out), "--resume") == 0
    assert _summary(out)["already_done"] == 4
    # the failed input is tried again (and fails again here); the parsed ones are not
    assert _bulk(str(inputs), "-o", str(out), "--resume", "--retry-failed") == 1
    assert (_summary(out)["parsed"], _summary(out)["failed"], _summary(out)["already_done"]) == (0, 1, 3)
    (inputs / "empty.txt").write_bytes(SEED.read_bytes())  # new content: parsed on any resume
    assert _bulk(str(inputs), "-o", str(out), "--resume") == 0
    assert _summary(out)["parsed"] == 1


def test_misused_options_are_usage_errors_that_leave_no_folder(
    inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _bulk("-", "-o", str(out)) == 2
    assert "not standard input" in capsys.readouterr().err
    assert _bulk(str(inputs), "-o", str(out), "--retry-failed") == 2
    assert "goes with --resume" in capsys.readouterr().err
    assert _bulk(str(inputs), "-o", str(out), "--forms", " ") == 2
    assert not out.exists()
    with pytest.raises(ValueError, match="between 1 and 256"):
        scheduleto.parse_many([str(inputs)], workers=100_000)
    # a form that is no Schedule TO is allowed, with a warning
    assert _bulk(str(inputs), "-o", str(out), "--forms", "SC TO-T,FOO") == 0
    assert "--forms FOO: not a Schedule TO form type" in capsys.readouterr().err
    assert _summary(out)["skipped"] == 3


def test_exclude_may_be_one_pattern(inputs: Path) -> None:
    results = list(scheduleto.parse_many(inputs, workers=1, exclude="f1*"))
    assert sorted(Path(r.source).name for r in results) == ["f0.txt", "f2.txt"]


def test_other_output_folders_and_links_to_folders_are_not_read(inputs: Path, tmp_path: Path) -> None:
    assert _bulk(str(inputs), "-o", str(inputs / "old-run")) == 0
    (inputs / "linked").symlink_to(inputs / "old-run")
    out = tmp_path / "out"
    assert _bulk(str(inputs), "-o", str(out)) == 1
    assert (_summary(out)["parsed"], _summary(out)["skipped"], _summary(out)["failed"]) == (3, 0, 1)
    [error] = _lines(out / "errors.jsonl")
    assert error["source"] == str(inputs / "linked")
    assert "a link to a folder: not followed" in str(error["message"])


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4_000, 4_000))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file size limit")
def test_a_full_disk_stops_the_run_with_its_own_status(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(Path(scheduleto.__file__).parents[1])}
    proc = subprocess.run(
        [sys.executable, "-m", "scheduleto", "bulk", str(inputs), "-o", str(out), "--workers", "1", "-q"],
        preexec_fn=_limit_file_size,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 3, proc.stderr
    assert "cannot write the output" in proc.stderr and "--resume" in proc.stderr
    assert _bulk(str(inputs), "-o", str(out), "--resume") == 0
    assert len(_lines(out / "filings.jsonl")) == 3


def test_archives_are_told_by_their_content_when_the_name_is_wrong(tmp_path: Path) -> None:
    import io
    import tarfile

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "text-named.zip").write_bytes(SEED.read_bytes())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        info = tarfile.TarInfo("inner/seed.txt")
        info.size = len(SEED.read_bytes())
        tar.addfile(info, io.BytesIO(SEED.read_bytes()))
    (folder / "tar-named.gz").write_bytes(buf.getvalue())
    (folder / "broken.zip").write_bytes(b"\x00\x01\x02 not an archive")
    results = {(Path(r.source).name, r.member): r for r in scheduleto.parse_many(folder, workers=1)}
    assert sorted(results) == [("broken.zip", None), ("tar-named.gz", "inner/seed.txt"), ("text-named.zip", None)]
    assert results[("text-named.zip", None)].status == "parsed"
    assert results[("tar-named.gz", "inner/seed.txt")].status == "parsed"
    broken = results[("broken.zip", None)]
    assert broken.status == "failed" and broken.error is not None and broken.error.type == "ArchiveError"


def test_an_input_parsed_on_a_retry_is_done_for_the_next_retry(tmp_path: Path) -> None:
    filing = scheduleto.parse(SEED)
    key, sha = (str(tmp_path / "f.txt"), None), filing.source.sha256
    failed = BulkResult(key[0], None, sha, error=ItemError("WorkerCrashed", "worker died"))
    out = OutputSet(tmp_path / "out", ["jsonl"])
    out.add(failed)
    out.close()
    out = OutputSet(tmp_path / "out", ["jsonl"], resume=True, retry_failed=True)
    assert not out.is_done(key, sha)  # retried
    out.add(BulkResult(key[0], None, sha, filing=filing))
    out.close()
    out = OutputSet(tmp_path / "out", ["jsonl"], resume=True, retry_failed=True)
    assert out.is_done(key, sha)  # parsed on the retry: not parsed a second time
    out.close()
    assert len(_lines(tmp_path / "out" / "filings.jsonl")) == 1


def test_an_input_path_given_that_is_not_utf8_is_run(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path) + b"/in\xffdir"
    try:
        os.mkdir(folder)
    except OSError:  # pragma: no cover - a file system that refuses such names
        pytest.skip("the file system refuses names that are not UTF-8")
    with open(folder + b"/seed.txt", "wb") as fh:
        fh.write(SEED.read_bytes())
    out = tmp_path / "out"
    assert _bulk(os.fsdecode(folder), "-o", str(out)) == 0
    assert _summary(out)["parsed"] == 1
    run = json.loads((out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()[0])["run"]
    assert run["inputs"] == [f"{tmp_path}/in\\xffdir"]
