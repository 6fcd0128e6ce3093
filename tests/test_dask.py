"""scheduleto.dask: the same records as parse_many, on the synchronous scheduler and a cluster."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

import scheduleto

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")
pytest.importorskip("dask.dataframe")
pytest.importorskip("fsspec")

from scheduleto.dask import expand_paths, read_filings, to_dataframe  # noqa: E402

SEED = Path(scheduleto.example_path()).read_text(encoding="utf-8")

TEN_K = """<SEC-DOCUMENT>0000000001-23-000001.txt : 20230501
<SEC-HEADER>0000000001-23-000001.hdr.sgml : 20230501
ACCESSION NUMBER:\t\t0000000001-23-000001
CONFORMED SUBMISSION TYPE:\t10-K
PUBLIC DOCUMENT COUNT:\t\t1
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-K
<TEXT>
Annual report
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask") / "in"
    (root / "a").mkdir(parents=True)
    for i in range(6):
        (root / "a" / f"seed_{i}.txt").write_text(SEED + "\n" * (i + 1), encoding="utf-8")
    (root / "a" / "10k.txt").write_text(TEN_K, encoding="utf-8")
    (root / "a" / "empty.txt").write_bytes(b"")
    (root / "a" / ".hidden.txt").write_text(SEED, encoding="utf-8")
    acc = root / "sec-edgar-filings" / "X" / "SC TO-I" / "0000000002-23-000001"
    acc.mkdir(parents=True)
    (acc / "full-submission.txt").write_text(SEED.replace("2023", "2023 "), encoding="utf-8")
    (acc / "primary-document.html").write_text("<html></html>", encoding="utf-8")
    with zipfile.ZipFile(root / "bundle.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x/one.txt", SEED + " ")
        zf.writestr("x/10k.txt", TEN_K)
    return root


def _records(results: Any) -> list[tuple[Any, ...]]:
    out = []
    for r in results:
        data = r.to_dict() if r.filing else r.error_record()
        out.append((r.source, r.member, r.sha256, r.status, repr(sorted(data.items()))))
    return sorted(out)


def test_expand_paths_walks_like_parse_many(tree: Path) -> None:
    refs = expand_paths(str(tree))
    labels = [label for _, _, label in refs]
    assert str(tree / "a" / ".hidden.txt") not in labels
    assert not any(label.endswith("primary-document.html") for label in labels)
    assert len(labels) == 8 + 1 + 1  # 8 in a/, the downloader folder, the zip
    globbed = expand_paths(str(tree / "a" / "seed_*.txt"))
    assert len(globbed) == 6


def test_bag_matches_parse_many_sync(tree: Path) -> None:
    with dask.config.set(scheduler="synchronous"):
        bag = read_filings(str(tree), files_per_partition=3)
        results = bag.compute()
        filings = to_dataframe(bag, "filings").compute()
        errors = to_dataframe(bag, "errors").compute()
        exhibits = to_dataframe(str(tree), "exhibits").compute()
    expected = list(scheduleto.parse_many(tree, workers=1))
    assert _records(results) == _records(expected)
    assert sum(r.status == "parsed" for r in results) == 6 + 1 + 1
    assert len(filings) == 8 and set(filings["form_type"]) == {"SC TO-I/A"}
    assert sorted(errors["status"]) == ["failed", "skipped", "skipped"]
    assert len(exhibits) == 8 * 13
    with pytest.raises(ValueError, match="unknown table"):
        to_dataframe(bag, "nope")


def test_bag_on_a_local_cluster(tree: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = client.compute(read_filings(str(tree), files_per_partition=2)).result()
    expected = list(scheduleto.parse_many(tree, workers=1))
    assert _records(results) == _records(expected)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_and_broken_link_are_recorded_not_opened(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "seed.txt").write_text(SEED, encoding="utf-8")
    os.mkfifo(root / "pipe.txt")  # opening it would block until a writer comes
    (root / "gone.txt").symlink_to(tmp_path / "missing.txt")
    with dask.config.set(scheduler="synchronous"):
        results = read_filings(str(root)).compute()
    expected = list(scheduleto.parse_many(root, workers=1))
    assert _records(results) == _records(expected)
    failed = sorted((Path(r.source).name, r.error.message) for r in results if r.status == "failed" and r.error)
    assert failed == [
        ("gone.txt", "not a regular file (FIFO, socket or broken link)"),
        ("pipe.txt", "not a regular file (FIFO, socket or broken link)"),
    ]
    assert [r.status for r in results if r.filing] == ["parsed"]
