"""The command line, run in-process through ``main`` and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scheduleto.cli import main

from .conftest import SEED


def test_example_prints_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["example"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["subject_company"] == "AULT ALLIANCE, INC."


def test_parse_without_files_parses_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--pretty"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n  ")
    assert json.loads(out)["cusips"] == ["09175M101"]


def test_bad_inputs_fail_one_line_each_others_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tenk = tmp_path / "tenk.txt"
    tenk.write_text("FORM 10-K\nANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)\nApple Inc.\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "img.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    half = tmp_path / "half.txt"
    text = SEED.read_text()
    half.write_text(text[: len(text) // 2])
    status = main(["parse", str(tenk), str(empty), str(png), str(half), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert status == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 3
    assert "tenk.txt" in errors[0] and "10-K" in errors[0]
    assert "empty.txt" in errors[1] and "empty" in errors[1]
    assert "img.png" in errors[2] and "PNG" in errors[2]
    assert "Traceback" not in captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert len(rows) == 1
    assert rows[0]["subject_company"] == "AULT ALLIANCE, INC."
    assert rows[0]["press_releases"] == []
    assert any("cut short" in w for w in rows[0]["warnings"])


def test_several_files_json_is_an_array(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert main(["parse", str(SEED), str(SEED), "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert isinstance(data, list) and len(data) == 2


def test_stdin_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "scheduleto.cli", "parse", "-"],
        input=SEED.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["source"]["path"] is None
    assert data["amendment_number"] == 2


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("scheduleto ")
    with pytest.raises(SystemExit):
        main(["parse", "--help"])
    assert "examples:" in capsys.readouterr().out


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().out


def test_an_internal_error_is_one_line_and_the_others_still_parse(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import scheduleto.cli as cli

    real = cli.parse

    def flaky(source: object, **kwargs: object) -> object:
        if str(source).endswith("boom.txt"):
            raise RuntimeError("unexpected")
        return real(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "parse", flaky)
    status = main(["parse", "boom.txt", str(SEED), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert status == 1
    assert "boom.txt: internal error (RuntimeError: unexpected)" in captured.err
    assert "Traceback" not in captured.err
    assert len(captured.out.splitlines()) == 1


def test_output_to_a_directory_or_from_a_closed_stdin_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["parse", str(SEED), "-o", str(tmp_path)]) == 1
    assert f"cannot write {tmp_path}: it is a directory" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["parse", "-"]) == 1
    assert "no standard input" in capsys.readouterr().err


def test_pretty_json_lines_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["parse", str(SEED), "--format", "jsonl", "--pretty"])
    assert stop.value.code == 2
    assert "one object per line" in capsys.readouterr().err
