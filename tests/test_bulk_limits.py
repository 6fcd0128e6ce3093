"""Inputs over the size limit: the message says the real size, or that the limit was passed."""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

import scheduleto
from scheduleto import SourceError
from scheduleto.bulk.core import BulkResult
from scheduleto.bulk.inputs import iter_fileobj, iter_inputs

from .conftest import SEED

LIMIT = 1000


def _only_failure(items: list[object]) -> BulkResult:
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, BulkResult) and item.error is not None
    assert item.status == "failed" and item.error.type == "SourceError"
    return item


def test_oversized_gz_says_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "filing.txt.gz"
    path.write_bytes(gzip.compress(SEED.read_bytes()))
    item = _only_failure(list(iter_inputs([path], max_bytes=LIMIT)))
    assert item.error is not None
    assert item.error.message == "decompressed, more than 1,000 bytes (the limit)"


def test_oversized_stream_without_size_says_more_than_the_limit() -> None:
    item = _only_failure(list(iter_fileobj("stdin", io.BytesIO(SEED.read_bytes()), max_bytes=LIMIT)))
    assert item.error is not None
    assert item.error.message == "more than 1,000 bytes (the limit)"


def test_oversized_file_and_zip_member_say_their_real_size(tmp_path: Path) -> None:
    size = SEED.stat().st_size
    item = _only_failure(list(iter_inputs([SEED], max_bytes=LIMIT)))
    assert item.error is not None
    assert item.error.message == f"{size:,} bytes, over the 1,000-byte limit"
    archive = tmp_path / "filings.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SEED, "seed.txt")
    item = _only_failure(list(iter_inputs([archive], max_bytes=LIMIT)))
    assert item.error is not None
    assert item.error.message == f"{size:,} bytes, over the 1,000-byte limit"


def test_oversized_stream_in_parse_says_more_than_the_limit() -> None:
    with pytest.raises(SourceError, match=r"more than 1,000 bytes \(the limit\)"):
        scheduleto.parse(io.BytesIO(SEED.read_bytes()), max_bytes=LIMIT)
