"""Benchmark of bulk parsing, on a synthetic corpus built at run time.

    python benchmarks/bench_bulk.py            # full run (a few minutes)
    python benchmarks/bench_bulk.py --quick    # smaller run
    python benchmarks/bench_bulk.py --profile  # add a per-stage profile of parse()

The corpus is written to a temporary directory and deleted afterwards: varied copies (numbers,
names, white space changed, so no two files are byte-identical) of the built-in seed filing and,
when ``../shared/corpus`` is present, of its Schedule TO documents and submissions; some are
wrapped in a full-submission SGML envelope as EDGAR serves them. Non-Schedule-TO submissions of
the same sizes (a 10-K header around the same text) measure the cost of skipping.

Printed: filings/s on one process, MB/s, speed-up with 2 workers, our parse time per filing
against a bare ``lxml.html.fromstring(...).text_content()`` on the same documents, the cost of
skipping a submission of another form relative to parsing one, and the peak RSS of a
``scheduleto bulk`` run over 10,000 filings (measured in a child process). Targets: >= 300
filings/s on one core, parse <= 4x bare lxml, skip <= 2 % of a parse, 2 workers >= 1.8x,
peak RSS < 300 MB and flat.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import os
import platform
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import scheduleto
from scheduleto.bulk.core import DEFAULT_FORMS, classify

HERE = Path(__file__).resolve().parent
CORPUS = Path(os.environ.get("SCHEDULETO_CORPUS") or HERE.parents[1] / "shared" / "corpus")

#: Schedule TO documents of the shared corpus used as templates (when present).
CORPUS_TEMPLATES = (
    "edgar/ebull_dsx_sctota.htm",
    "edgar/ebull_iq_sctoi.htm",
    "edgar/ebull_nuvl_sctot.htm",
    "edgar/sol_nfj_sctoc.htm",
    "edgar/sol_swz_sctoia_final.htm",
    "submissions/0001104659-25-002604.txt",
    "submissions/0001104659-25-002604.nc",
)

NAMES = ("ACME HOLDINGS", "NORTHWIND TRADERS", "CONTOSO LTD", "FABRIKAM INC", "TAILSPIN CORP")


# --------------------------------------------------------------------------------------------
# The synthetic corpus
# --------------------------------------------------------------------------------------------


def templates() -> list[tuple[str, str]]:
    """(name, text) of the documents copies are made of."""
    out = [("seed", Path(scheduleto.example_path()).read_text(encoding="utf-8"))]
    if CORPUS.is_dir():
        for rel in CORPUS_TEMPLATES:
            path = CORPUS / rel
            if path.is_file():
                out.append((path.name, path.read_bytes().decode("latin-1")))
    return out


_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


def vary(text: str, rng: random.Random, n: int) -> str:
    """Change a few numbers, a company name and some white space; keep the structure."""
    numbers = _NUMBER.findall(text[:200_000])
    for old in rng.sample(numbers, min(3, len(numbers))):
        value = int(old.replace(",", "")) + rng.randint(1, 999)
        text = text.replace(old, f"{value:,}", 1)
    text = text.replace("Computershare", rng.choice(("Computershare", "Equiniti", "Broadridge")), 1)
    lines = text.split("\n")
    for _ in range(5):
        k = rng.randrange(len(lines))
        if not lines[k].lstrip().startswith("<"):
            lines[k] = lines[k] + " " * rng.randint(1, 3)
    return "\n".join(lines) + f"\n{' ' * (n % 7)}\n"


def envelope(i: int, form: str, body: str) -> str:
    """A full-submission text around one document (as sec-edgar-downloader saves it)."""
    acc = f"0009{i % 1000:06d}-24-{i:06d}"
    company = NAMES[i % len(NAMES)]
    return (
        f"<SEC-DOCUMENT>{acc}.txt : 20240501\n<SEC-HEADER>{acc}.hdr.sgml : 20240501\n"
        f"ACCESSION NUMBER:\t\t{acc}\nCONFORMED SUBMISSION TYPE:\t{form}\nPUBLIC DOCUMENT COUNT:\t\t1\n"
        f"FILED AS OF DATE:\t\t20240501\n\nSUBJECT COMPANY:\t\n\n\tCOMPANY DATA:\t\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{company}\n\t\tCENTRAL INDEX KEY:\t\t\t{1_000_000 + i:010d}\n"
        f"</SEC-HEADER>\n<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<FILENAME>d{i}.htm\n<TEXT>\n{body}\n</TEXT>\n"
        "</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )


def make_filing(
    i: int, tpls: list[tuple[str, str]], rng: random.Random, *, form: str | None = None
) -> bytes:
    """The i-th synthetic Schedule TO (or, with ``form``, a submission of another form)."""
    name, text = tpls[i % len(tpls)]
    body = vary(text, rng, i)
    already_container = body.lstrip().startswith(("<SEC-DOCUMENT", "<SUBMISSION", "<DOCUMENT"))
    if form is not None:
        if already_container:
            body = re.sub(
                r"(CONFORMED SUBMISSION TYPE:\s*|<TYPE>)SC TO-[TI](/A)?",
                rf"\g<1>{form}",
                body,
                count=1,
            )
            return body.encode("latin-1", "replace")
        return envelope(i, form, body).encode("utf-8", "replace")
    if not already_container and i % 2 == 0:
        body = envelope(i, "SC TO-I/A" if name == "seed" else "SC TO-T", body)
    return body.encode("utf-8", "replace")


def primary_size(text: str) -> int:
    """Characters of the Schedule TO document itself (inside its container, if any)."""
    from scheduleto.containers import sgml

    if not sgml.looks_like_container(text):
        return len(text)
    docs = sgml.read_submission(text).documents
    primary = next((d for d in docs if d.type and d.type.startswith("SC TO")), docs[0] if docs else None)
    return len(primary.text) if primary else len(text)


#: The primary-document sizes the targets are stated for ("typical size": 10-60 KB).
TYPICAL_KB = (10, 60)


def is_typical(text: str) -> bool:
    low, high = TYPICAL_KB
    return low * 1000 <= primary_size(text) <= high * 1000


def write_tree(root: Path, count: int, seed: int = 1, *, form: str | None = None) -> list[Path]:
    """Write ``count`` filings as files under ``root``; return their paths."""
    rng = random.Random(seed)
    tpls = templates()
    paths = []
    for i in range(count):
        folder = root / f"{i // 500:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"f{i:06d}.txt"
        path.write_bytes(make_filing(i, tpls, rng, form=form))
        paths.append(path)
    return paths


def write_archives(root: Path, count: int, per_archive: int = 1000) -> list[Path]:
    """Write ``count`` filings as daily-feed style ``.tar.gz`` archives (streamed by bulk)."""
    rng = random.Random(3)
    tpls = templates()
    root.mkdir(parents=True, exist_ok=True)
    archives = []
    for a in range(0, count, per_archive):
        path = root / f"2024{a // per_archive:04d}.nc.tar.gz"
        with tarfile.open(path, "w:gz", compresslevel=1) as tar:
            for i in range(a, min(count, a + per_archive)):
                data = make_filing(i, tpls, rng)
                info = tarfile.TarInfo(f"{i:07d}.nc")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        archives.append(path)
    return archives


# --------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------


def timed_parse_many(paths: list[Path] | list[str], workers: int) -> tuple[float, int, int]:
    """Wall seconds, parsed count and failed count of parse_many over ``paths``."""
    start = time.perf_counter()
    parsed = failed = 0
    for result in scheduleto.parse_many([str(p) for p in paths], workers=workers):
        if result.status == "parsed":
            parsed += 1
        elif result.status == "failed":
            failed += 1
    return time.perf_counter() - start, parsed, failed


def read_only(data: bytes) -> None:
    """The reading stage of a parse alone: decode, container, and the documents parse() reads
    (the primary one and press releases) to normalised Documents."""
    from scheduleto import api
    from scheduleto.containers import sgml
    from scheduleto.source import decode

    text, _ = decode(data)
    if sgml.looks_like_container(text):
        sgml.read_submission(text, header_only=True)
        docs = [d for d in sgml.read_documents(text) if not d.uuencoded and api._has_content(d.text)]
        primary = next((d for d in docs if scheduleto.is_schedule_to_form(d.type)), docs[0])
        for d in docs:
            if d is primary or (d.type and api._PRESS_TYPE.search(d.type)):
                api.read_document(d.text, base_offset=d.start, source=text)
    else:
        api.read_document(text)


def template_table(rounds: int = 6) -> list[tuple[str, int, float, float, float]]:
    """(template, primary-document KB, our ms/filing, of which reading ms, bare lxml ms/filing)
    for each template."""
    import lxml.html

    rng = random.Random(5)
    tpls = templates()
    rows = []
    for k, (name, text) in enumerate(tpls):
        datas = [make_filing(k + len(tpls) * j, tpls, rng) for j in range(4)]
        for data in datas:  # warm up
            scheduleto.parse(data)
        ours = reading = bare = 0.0
        for _ in range(rounds):
            for data in datas:
                t0 = time.perf_counter()
                scheduleto.parse(data)
                t1 = time.perf_counter()
                read_only(data)
                t2 = time.perf_counter()
                lxml.html.fromstring(data.decode("utf-8", "replace")).text_content()
                ours += t1 - t0
                reading += t2 - t1
                bare += time.perf_counter() - t2
        n = rounds * len(datas)
        rows.append((name, primary_size(text) // 1000, 1e3 * ours / n, 1e3 * reading / n, 1e3 * bare / n))
    return rows


def _burn(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def machine_parallelism() -> float:
    """How much faster 2 processes do twice the pure-Python work of one (2.0 on 2 free cores)."""
    from concurrent.futures import ProcessPoolExecutor

    n = 10_000_000
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_burn, [1000, 1000]))
        one = min(_burn(n) for _ in range(2))
        start = time.perf_counter()
        list(pool.map(_burn, [n, n]))
        two = time.perf_counter() - start
    return 2 * one / two


def steady_rate(paths: list[Path], workers: int) -> tuple[float, float]:
    """(filings/s after the first result, seconds to the first result) for parse_many."""
    start = time.perf_counter()
    first = last = 0.0
    count = 0
    for result in scheduleto.parse_many([str(p) for p in paths], workers=workers):
        now = time.perf_counter()
        if count == 0:
            first = now
        last = now
        count += result.status == "parsed"
    return (count - 1) / (last - first), first - start


def per_doc_times(docs: list[bytes]) -> tuple[list[float], list[float]]:
    """Seconds per document: scheduleto.parse and bare lxml text extraction."""
    import lxml.html

    ours: list[float] = []
    bare: list[float] = []
    for data in docs:
        t0 = time.perf_counter()
        scheduleto.parse(data)
        t1 = time.perf_counter()
        lxml.html.fromstring(data.decode("utf-8", "replace")).text_content()
        t2 = time.perf_counter()
        ours.append(t1 - t0)
        bare.append(t2 - t1)
    return ours, bare


def skip_cost(docs: list[bytes]) -> float:
    """Mean seconds the main process spends on an item of another form: sha256 + sniff."""
    start = time.perf_counter()
    for data in docs:
        hashlib.sha256(data).hexdigest()
        form, selected = classify(data, DEFAULT_FORMS)
        assert not selected, form
    return (time.perf_counter() - start) / len(docs)


def _module_of(filename: str) -> str | None:
    if "scheduleto" in filename:
        return filename.split("scheduleto/", 1)[-1].removesuffix(".py")
    return None


def stage_profile(docs: list[bytes], top: int = 12) -> list[tuple[str, float]]:
    """Share of parse() time per stage (module of the library), from cProfile.

    Time spent in C functions (``re``, ``str`` methods, lxml) is charged to the library module
    that called them, so each line is what that stage costs in all.
    """
    prof = cProfile.Profile()
    prof.enable()
    for data in docs:
        scheduleto.parse(data)
    prof.disable()
    stats = pstats.Stats(prof)
    raw = stats.stats  # type: ignore[attr-defined]
    by_module: dict[str, float] = defaultdict(float)
    total = 0.0
    for (filename, _line, _func), (_cc, _nc, tottime, _ct, callers) in raw.items():
        total += tottime
        module = _module_of(filename)
        if module is not None:
            by_module[module] += tottime
            continue
        # a C function or another library: charge it to the library modules calling it
        calls = {k: v for k, v in callers.items() if _module_of(k[0]) is not None}
        spent = sum(v[2] for v in calls.values())
        if not calls or spent <= 0:
            by_module["outside the library"] += tottime
            continue
        for (cfile, _cl, _cf), edge in calls.items():
            by_module[_module_of(cfile) or "?"] += tottime * edge[2] / spent
    ranked = sorted(by_module.items(), key=lambda kv: -kv[1])
    return [(name, secs / total) for name, secs in ranked[:top]]


def hot_functions(docs: list[bytes], top: int = 8) -> list[tuple[str, float]]:
    """The library functions with the most time, their callees included (share of the total)."""
    prof = cProfile.Profile()
    prof.enable()
    for data in docs:
        scheduleto.parse(data)
    prof.disable()
    raw = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values())
    rows = []
    for (filename, line, func), (_cc, _nc, _tt, cumtime, _callers) in raw.items():
        module = _module_of(filename)
        if (
            module is None
            or module in ("api",)
            or func in ("parse", "_parse_loaded", "extract_filing")
        ):
            continue
        rows.append((f"{module}.{func} (line {line})", cumtime / total))
    rows.sort(key=lambda r: -r[1])
    return rows[:top]


def function_profile(docs: list[bytes], top: int = 12) -> str:
    """The top functions by cumulative time inside the library."""
    prof = cProfile.Profile()
    prof.enable()
    for data in docs:
        scheduleto.parse(data)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children[ppid].append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children.get(current, ()))
    return out


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _role(pid: int, main_pid: int) -> str:
    """main, fork server, worker (forked by the fork server) or helper (resource tracker)."""
    if pid == main_pid:
        return "main"
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        ppid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError):
        return "helper"
    if b"forkserver" in cmdline:
        return "fork server" if ppid == main_pid else "worker"
    if b"resource_tracker" in cmdline:
        return "helper"
    return "worker"


def rss_child(inputs: list[Path], out: Path, workers: int) -> tuple[float, float, float, str]:
    """Run ``scheduleto bulk`` in a child process tree, sampling /proc every 0.1 s.

    Returns (seconds, peak RSS MB of the largest process, peak RSS MB of all its processes
    together, the peak of each role: main, fork server, workers).
    """
    cmd = [
        sys.executable,
        "-m",
        "scheduleto.cli",
        "bulk",
        *map(str, inputs),
        "-o",
        str(out),
        "--format",
        "parquet",
        "--workers",
        str(workers),
        "-q",
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    hwm: dict[int, int] = {}
    roles: dict[int, str] = {}
    total_peak = 0
    while proc.poll() is None:
        pids = _descendants(proc.pid) if Path("/proc").is_dir() else []
        total = 0
        for pid in pids:
            if pid not in roles:
                roles[pid] = _role(pid, proc.pid)
            hwm[pid] = max(hwm.get(pid, 0), _status_kb(pid, "VmHWM"))
            total += _status_kb(pid, "VmRSS")
        total_peak = max(total_peak, total)
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if not hwm:  # no /proc: the maximum over children waited for
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        return seconds, peak / 1024.0, float("nan"), "-"
    by_role: dict[str, int] = {}
    for pid, kb in hwm.items():
        by_role[roles[pid]] = max(by_role.get(roles[pid], 0), kb)
    detail = ",".join(
        f"{role.replace(' ', '_')}={kb / 1024:.0f}" for role, kb in sorted(by_role.items())
    )
    return seconds, max(hwm.values()) / 1024.0, total_peak / 1024.0, detail


def rss_measure(n: int, workers: int) -> None:
    """Child entry point: build n filings in archives, bulk-parse them, print the peak RSS."""
    with tempfile.TemporaryDirectory(prefix="scheduleto-rss-") as tmp:
        archives = write_archives(Path(tmp) / "in", n)
        seconds, peak, total, detail = rss_child(archives, Path(tmp) / "out", workers)
        print(f"{seconds:.3f} {peak:.1f} {total:.1f} {detail}")


def measure_rss(n: int, workers: int) -> tuple[float, float, float, str]:
    """Peak RSS (MB) and seconds of a bulk run over n filings, in a fresh child process tree."""
    res = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(n), "--workers", str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, peak, total, detail = res.stdout.split()
    return float(seconds), float(peak), float(total), detail.replace("_", " ").replace(",", ", ")


# --------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smaller run")
    parser.add_argument("--profile", action="store_true", help="print the top functions of parse()")
    parser.add_argument("--rss-child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_measure(args.rss_child, args.workers)
        return

    n_single = 200 if args.quick else 600
    n_double = 400 if args.quick else 1200
    n_rss = (1_000, 2_000) if args.quick else (1_000, 10_000)
    print(f"scheduleto {scheduleto.__version__} bulk benchmark")
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    print(
        f"machine: {cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"
    )
    print(f"templates: {', '.join(name for name, _ in templates())}")
    tmp = Path(tempfile.mkdtemp(prefix="scheduleto-bench-"))
    try:
        files = write_tree(tmp / "single", n_double)
        sizes = [p.stat().st_size for p in files]
        mb = sum(sizes) / 1e6
        print(
            f"corpus: {n_double} Schedule TO files, median {sorted(sizes)[len(sizes) // 2] / 1e3:.0f} KB, "
            f"{sum(sizes) / 1e6:.1f} MB"
        )

        # warm up (imports, caches); then 1 process and 2 workers alternately, best of 2 each
        # (a shared VM is noisy: the best run is the one least disturbed)
        timed_parse_many(files[:20], workers=1)
        part = files  # enough files that pool start-up (a fixed 0.2-0.3 s) weighs little
        ones, twos = [], []
        for _ in range(2):
            ones.append(timed_parse_many(part, workers=1))
            twos.append(timed_parse_many(part, workers=2))
        secs1, parsed1, failed1 = min(ones)
        secs2, parsed2, _ = min(twos)
        rate1 = parsed1 / secs1
        print(
            f"\n1 process : {parsed1} parsed ({failed1} failed) in {secs1:.2f} s = {rate1:.1f} filings/s, "
            f"{mb / secs1:.2f} MB/s   [target >= 300 filings/s]"
        )
        tpls = templates()
        typical_names = {name for name, text in tpls if is_typical(text)}
        typical = [f for i, f in enumerate(part) if tpls[i % len(tpls)][0] in typical_names]
        if typical:
            secs_t, parsed_t, _ = min(timed_parse_many(typical, workers=1) for _ in range(2))
            print(
                f"            typical size only (primary document {TYPICAL_KB[0]}-{TYPICAL_KB[1]} KB: "
                f"{', '.join(sorted(typical_names))}): {parsed_t / secs_t:.1f} filings/s"
            )
        steady2, startup2 = steady_rate(files, workers=2)
        ideal = machine_parallelism()
        print(
            f"2 workers : {parsed2} parsed in {secs2:.2f} s = {secs1 / secs2:.2f}x speed-up (pool start-up "
            f"included)   [target >= 1.8x]"
        )
        print(
            f"            steady state over {len(files)} files {steady2:.1f} filings/s = {steady2 / rate1:.2f}x, "
            f"first result after {startup2:.2f} s; this machine runs 2 pure-Python processes "
            f"{ideal:.2f}x as fast as one (the ceiling here)"
        )

        sample = [p.read_bytes() for p in files[: min(150, len(files))]]
        ours, bare = per_doc_times(sample)
        ratio = sum(ours) / sum(bare)
        print(
            f"vs lxml   : parse {1e3 * sum(ours) / len(ours):.1f} ms/filing, bare lxml.html.fromstring"
            f"().text_content() {1e3 * sum(bare) / len(bare):.2f} ms/filing = {ratio:.1f}x   [target <= 4x]"
        )

        rows = template_table()
        print(
            "            per template: primary KB, parse ms (of which reading: decode, container, "
            "document to lines), bare lxml ms, ratio (reading alone, extraction alone)"
        )
        for name, kb, ours_ms, read_ms, bare_ms in rows:
            print(
                f"              {name:28s} {kb:4d} KB {ours_ms:6.2f} ms ({read_ms:5.2f}) {bare_ms:6.2f} ms "
                f"{ours_ms / bare_ms:6.1f}x ({read_ms / bare_ms:4.1f}x, {(ours_ms - read_ms) / bare_ms:4.1f}x)"
            )
        html_rows = [r for r in rows if r[0] != "seed"]
        typical_rows = [r for r in rows if r[0] in typical_names]
        for label, chosen in (("HTML documents only", html_rows), ("typical size only", typical_rows)):
            if chosen:
                r = sum(x[2] for x in chosen) / sum(x[4] for x in chosen)
                r_read = sum(x[3] for x in chosen) / sum(x[4] for x in chosen)
                print(
                    f"            {label}: {r:.1f}x (reading alone {r_read:.1f}x, extraction alone "
                    f"{r - r_read:.1f}x: with a reader as fast as lxml's own parse, {1 + r - r_read:.1f}x)"
                )

        rng = random.Random(9)
        tpls = templates()
        others = [make_filing(i, tpls, rng, form="10-K") for i in range(len(sample))]
        skip = skip_cost(others)
        mean_parse = sum(ours) / len(ours)
        print(
            f"skip      : {1e6 * skip:.0f} us per submission of another form (sha256 + header sniff) = "
            f"{100 * skip / mean_parse:.2f} % of a parse   [target <= 2 %]"
        )
        other_files = write_tree(tmp / "other", n_single, form="10-K")
        secs_skip, parsed_skip, _ = timed_parse_many(other_files, workers=1)
        print(
            f"            end to end (read from disk, skip, record): {1e6 * secs_skip / n_single:.0f} us per "
            f"file = {100 * (secs_skip / n_single) / (secs1 / len(part)):.2f} % of a parse "
            f"({parsed_skip} parsed)"
        )

        for n in n_rss:
            seconds, peak, total, detail = measure_rss(n, 2)
            print(
                f"peak RSS  : {peak:.0f} MB largest process ({detail} MB), {total:.0f} MB all processes "
                f"together, `scheduleto bulk --format parquet --workers 2` over {n:,} filings in .nc.tar.gz "
                f"archives ({n / seconds:.1f} filings/s)   [target < 300 MB, flat]"
            )

        print("\nwhere parse() spends its time, by module (C calls charged to the calling module):")
        for name, share in stage_profile(sample[:60]):
            print(f"  {100 * share:5.1f} %  {name}")
        print("hottest functions (time including callees):")
        for name, share in hot_functions(sample[:60]):
            print(f"  {100 * share:5.1f} %  {name}")
        if args.profile:
            print(function_profile(sample[:60]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
