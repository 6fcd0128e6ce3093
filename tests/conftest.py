"""Shared test helpers: fixture paths and the optional real corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed.txt"
#: Real EDGAR files shared beside the repository (``../shared/corpus``, or the folder named by
#: ``SCHEDULETO_CORPUS``); tests using them skip when it is absent.
CORPUS = Path(
    os.environ.get("SCHEDULETO_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus"
)

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder of three variants of the seed filing (f0.txt, f1.txt, f2.txt) for bulk runs."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"f{i}.txt").write_text(SEED.read_text().replace("13,292,651", f"13,292,65{i}"))
    return folder
