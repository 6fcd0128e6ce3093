"""Guards of `scheduleto bulk`: resuming a damaged run, changed options, output inside an input."""

from __future__ import annotations

from pathlib import Path

import pytest

from scheduleto.cli import main


def _bulk(*args: str) -> int:
    return main(["bulk", *args, "--workers", "1", "-q"])


def test_resume_refuses_when_committed_output_was_deleted(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _bulk(str(inputs), "-o", str(out)) == 0
    (out / "filings.jsonl").unlink()
    assert _bulk(str(inputs), "-o", str(out), "--resume") == 2
    assert "no longer holds what its manifest committed" in capsys.readouterr().err
    assert not (out / "filings.jsonl").exists() or b"\x00" not in (out / "filings.jsonl").read_bytes()


def test_resume_refuses_other_forms(inputs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert _bulk(str(inputs), "-o", str(out), "--forms", "SC TO-T") == 0
    assert _bulk(str(inputs), "-o", str(out), "--resume") == 2
    assert "same --forms" in capsys.readouterr().err
    assert _bulk(str(inputs), "-o", str(out), "--resume", "--forms", "SC TO-T") == 0


def test_output_directory_inside_the_inputs_is_not_read(inputs: Path) -> None:
    assert _bulk(str(inputs), "-o", str(inputs)) == 0
    assert len((inputs / "filings.jsonl").read_text().splitlines()) == 3
    assert (inputs / "errors.jsonl").read_text() == ""
    assert _bulk(str(inputs), "-o", str(inputs), "--resume") == 0
    assert len((inputs / "filings.jsonl").read_text().splitlines()) == 3


def test_output_that_is_a_file_or_unwritable_is_a_usage_error(inputs: Path, tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    assert _bulk(str(inputs), "-o", str(target)) == 2
