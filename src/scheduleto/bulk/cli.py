"""``scheduleto bulk``: parse a corpus into JSON Lines, CSV or Parquet tables."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any

from .. import __version__
from ..export.tables import MissingDependencyError, require
from ..source import display_path
from .core import DEFAULT_FORMS, BulkResult, normalize_forms
from .engine import EngineOptions, RunStats, check_workers, run_items
from .inputs import iter_inputs
from .output import FORMATS, MANIFEST, OutputConflict, OutputSet, load_manifest

__all__ = ["BulkJob", "add_bulk_parser", "run_bulk"]

_DESCRIPTION = """\
Parse every Schedule TO among INPUTs into DIR. INPUTs may be files, directories (walked
recursively, e.g. sec-edgar-filings/), .zip, .tar, .tar.gz/.tgz (e.g. daily-feed
YYYYMMDD.nc.tar.gz) and .gz files, and EDGAR form/master/company.idx indexes (their Schedule TO
rows are read from --idx-root). Archives are streamed, never extracted. Inputs whose EDGAR
header names another form are skipped without being parsed.
"""

_EPILOG = """\
output (in DIR):
  filings.jsonl                 one JSON object per filing (--format jsonl)
  TABLE.csv                     flat tables (--format csv): filings, parties, cusips,
                                exhibits, tendered, documents, signatures, press_releases,
                                linked by filing_id (accession number, else source path)
  TABLE/part-NNNNN.parquet      the same tables as Parquet datasets (--format parquet;
                                pandas.read_parquet("DIR/filings") reads every part)
  errors.jsonl                  every input skipped (another form) or failed, with the reason
  manifest.jsonl, summary.json  inputs done (for --resume) and the counts of the last run

exit status:
  0    the run completed and no input failed (inputs of other forms are skipped, not failed)
  1    the run completed but some inputs failed (listed in DIR/errors.jsonl)
  2    usage error, a missing optional dependency, or DIR holds another run (or is in use)
  3    stopped: the output could not be written (disk full...); continue with --resume
  130  interrupted (Ctrl-C) or 143 terminated: what was written is intact; continue the run
       with --resume (a second Ctrl-C stops at once; --resume then drops the unfinished tail)

examples:
  scheduleto bulk sec-edgar-filings/ -o out
  scheduleto bulk 20250110.nc.tar.gz 20250113.nc.tar.gz -o out --format parquet --workers 8
  scheduleto bulk form.idx --idx-root /data/edgar -o out --format csv,jsonl
  scheduleto bulk sec-edgar-filings/ -o out --resume
"""


def _formats(text: str) -> list[str]:
    chosen = [f.strip().lower() for f in text.split(",") if f.strip()]
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown format {','.join(bad) or text!r}; choose from {', '.join(FORMATS)} (comma list allowed)"
        )
    return chosen


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def add_bulk_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``bulk`` sub-command to the ``scheduleto`` parser."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "bulk",
        help="parse a corpus (directories, archives, EDGAR indexes) into JSONL/CSV/Parquet",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, archives, .idx")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    p.add_argument(
        "--format",
        type=_formats,
        default=None,
        metavar="FMT",
        help="jsonl (default; with --resume: the formats of the run resumed), csv, parquet, or "
        "a comma list such as jsonl,parquet",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        default=None,
        metavar="N",
        help=f"worker processes (default: the number of CPUs, {os.cpu_count()}); 1 parses in-process",
    )
    p.add_argument(
        "--ordered", action="store_true", help="write results in input order (deterministic output)"
    )
    p.add_argument(
        "--forms",
        default=None,
        metavar="LIST",
        help="form types to keep, comma separated (default: SC TO-T,SC TO-T/A,SC TO-I,SC TO-I/A,SC TO-C)",
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--resume",
        action="store_true",
        help="continue the run in DIR: inputs already done (same path, member and sha256) are skipped",
    )
    mode.add_argument(
        "--overwrite", action="store_true", help="replace the bulk output already in DIR"
    )
    p.add_argument(
        "--retry-failed",
        action="store_true",
        help="with --resume: parse again the inputs that failed (not those skipped as other forms)",
    )
    p.add_argument(
        "--idx-root",
        metavar="DIR",
        help="where the files listed in .idx inputs are (default: the index's folder); the EDGAR "
        "path (edgar/data/CIK/ACCESSION.txt), CIK/ACCESSION.txt, ACCESSION.txt and "
        "sec-edgar-filings/CIK/FORM/ACCESSION/full-submission.txt are tried",
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out files whose name or path matches GLOB (repeatable)",
    )
    p.add_argument(
        "--chunk-size",
        type=_positive,
        default=8,
        metavar="N",
        help="inputs per task sent to a worker (default 8)",
    )
    p.add_argument(
        "--part-size",
        type=_positive,
        default=10_000,
        metavar="N",
        help="filings per Parquet part; also how often a Parquet run commits (default 10000)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary line")
    p.set_defaults(handler=run_bulk)
    return p


class BulkJob:
    """One ``scheduleto bulk`` run: inputs -> engine -> outputs, with progress and stop handling."""

    def __init__(
        self,
        inputs: Sequence[str],
        output: str,
        *,
        formats: Sequence[str] = ("jsonl",),
        workers: int | None = None,
        ordered: bool = False,
        forms: str | Sequence[str] | None = None,
        resume: bool = False,
        retry_failed: bool = False,
        overwrite: bool = False,
        idx_root: str | None = None,
        exclude: Sequence[str] = (),
        chunk_size: int = 8,
        part_size: int = 10_000,
        quiet: bool = True,
        on_result: Callable[[BulkJob, BulkResult], None] | None = None,
    ) -> None:
        self.inputs = list(inputs)
        self.output = output
        self.formats = list(formats)
        self.workers = check_workers(workers)
        self.ordered = ordered
        self.forms = normalize_forms(forms)
        self.resume = resume
        self.retry_failed = retry_failed
        self.overwrite = overwrite
        self.idx_root = idx_root
        self.exclude = list(exclude)
        self.chunk_size = chunk_size
        self.part_size = part_size
        self.quiet = quiet
        self.on_result = on_result
        self.stats = RunStats()
        self.stop_signal: int | None = None
        self.interrupted = False

    def request_stop(self, signum: int = int(signal.SIGINT)) -> None:
        """Ask the run to stop cleanly after the current result."""
        self.stop_signal = signum

    def _should_stop(self) -> bool:
        return self.stop_signal is not None

    def run(self) -> int:
        """Run to the end (or a stop); return the exit status. Raises OutputConflict, ValueError."""
        if "parquet" in self.formats:
            require("pyarrow.parquet", "parquet", "--format parquet")
        stats = self.stats
        out = OutputSet(
            self.output,
            self.formats,
            resume=self.resume,
            retry_failed=self.retry_failed,
            overwrite=self.overwrite,
            part_size=self.part_size,
            run_info={
                "version": __version__,
                "forms": sorted(self.forms),
                "inputs": [display_path(os.path.abspath(i)) for i in self.inputs],
            },
        )
        try:
            bar = _progress(self.quiet)
        except BaseException:  # (tqdm missing): release the output folder
            out.close(commit=False)
            raise
        last_postfix = 0.0
        items = iter_inputs(
            self.inputs,
            forms=self.forms,
            exclude=self.exclude,
            skip_dirs=[self.output],
            idx_root=self.idx_root,
        )
        options = EngineOptions(
            forms=self.forms,
            workers=self.workers,
            ordered=self.ordered,
            chunk_size=self.chunk_size,
        )

        def tick() -> None:
            nonlocal last_postfix
            if bar is None:
                return
            bar.update(1)
            now = time.monotonic()
            if now - last_postfix >= 0.5:
                last_postfix = now
                postfix = {"parsed": stats.parsed, "skipped": stats.skipped, "failed": stats.failed}
                if stats.resumed:
                    postfix["done"] = stats.resumed
                bar.set_postfix(postfix, refresh=False)

        results = run_items(
            items,
            options,
            stats=stats,
            is_done=out.is_done,
            on_resumed=tick,
            should_stop=self._should_stop,
        )
        commit = True
        try:
            for result in results:
                written = out.add(result)
                if written is not result:  # could not be written: now a failure
                    stats.parsed -= 1
                    stats.count(written)
                tick()
                out.maybe_checkpoint()
                if self.on_result is not None:
                    self.on_result(self, written)
                if self._should_stop():
                    break
        except BaseException:
            commit = False
            raise
        finally:
            close = getattr(results, "close", None)
            if close is not None:
                close()
            if bar is not None:
                bar.set_postfix(
                    {"parsed": stats.parsed, "skipped": stats.skipped, "failed": stats.failed},
                    refresh=True,
                )
                bar.close()
            self.interrupted = self.stop_signal is not None
            out.close(commit=commit, summary=self.summary() if commit else None)
        if not self.quiet:
            print(f"scheduleto bulk: {self.summary_line()}", file=sys.stderr)
        if self.interrupted:
            return 128 + int(self.stop_signal or signal.SIGINT)
        return 1 if stats.failed else 0

    def summary(self) -> dict[str, Any]:
        """Counts of the run, as written to ``summary.json``."""
        s = self.stats
        return {
            "parsed": s.parsed,
            "skipped": s.skipped,
            "failed": s.failed,
            "already_done": s.resumed,
            "seconds": round(time.monotonic() - s.started, 3),
            "bytes_read": s.bytes,
            "interrupted": self.interrupted,
            "skipped_forms": dict(s.skipped_forms.most_common()),
            "failed_types": dict(s.failed_types.most_common()),
            "formats": self.formats,
            "workers": self.workers,
        }

    def summary_line(self) -> str:
        """``parsed 812, skipped 120 (other forms), failed 3 in 41.2 s``."""
        s = self.stats
        seconds = time.monotonic() - s.started
        line = f"parsed {s.parsed}, skipped {s.skipped} (other forms), failed {s.failed} in {seconds:.1f} s"
        if s.resumed:
            line += f"; {s.resumed} already done"
        if s.failed:
            line += f"; see {os.path.join(self.output, 'errors.jsonl')}"
        if self.interrupted:
            line += "; interrupted: continue with --resume"
        return line


def _progress(quiet: bool) -> Any:
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(
        unit=" files",
        desc="bulk",
        file=sys.stderr,
        mininterval=0.5,
        dynamic_ncols=True,
        smoothing=0.05,
    )


def _usage_error(message: str) -> int:
    print(f"scheduleto bulk: {message}", file=sys.stderr)
    return 2


def _resumed_formats(output: str) -> list[str] | None:
    """The formats of the run recorded in ``output``'s manifest, if there is one."""
    manifest = os.path.join(output, MANIFEST)
    if not os.path.isfile(manifest):
        return None
    try:
        return load_manifest(manifest).formats
    except (OSError, ValueError):
        return None  # OutputSet says what is wrong with it


def run_bulk(args: argparse.Namespace) -> int:
    """The handler of ``scheduleto bulk``; returns the exit status."""
    if "-" in args.inputs:
        return _usage_error("bulk reads files, folders, archives and indexes, not standard input ('-')")
    if args.retry_failed and not args.resume:
        return _usage_error("--retry-failed goes with --resume (it retries the failures of that run)")
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        return _usage_error(f"-o {args.output}: is a file; give a directory for the output")
    formats = args.format
    if formats is None:
        formats = (_resumed_formats(args.output) if args.resume else None) or ["jsonl"]
    try:
        job = BulkJob(
            args.inputs,
            args.output,
            formats=formats,
            workers=args.workers,
            ordered=args.ordered,
            forms=args.forms,
            resume=args.resume,
            retry_failed=args.retry_failed,
            overwrite=args.overwrite,
            idx_root=args.idx_root,
            exclude=args.exclude,
            chunk_size=args.chunk_size,
            part_size=args.part_size,
            quiet=args.quiet,
        )
    except ValueError as exc:
        return _usage_error(str(exc))
    try:  # only now: a usage error leaves no empty output directory behind
        os.makedirs(args.output, exist_ok=True)
        if not os.access(args.output, os.W_OK | os.X_OK):
            raise PermissionError(13, "Permission denied")
    except OSError as exc:
        return _usage_error(f"-o {args.output}: cannot write there: {exc.strerror or exc}")
    others = sorted(job.forms - DEFAULT_FORMS)
    if others:  # a typo, or a form the parser refuses: every such filing would be skipped
        print(
            f"scheduleto bulk: warning: --forms {', '.join(others)}: not a Schedule TO form type "
            f"({', '.join(sorted(DEFAULT_FORMS))}); the parser refuses such filings, they will be "
            "skipped",
            file=sys.stderr,
        )

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if job.stop_signal is not None:  # the second time: stop at once
            raise KeyboardInterrupt
        job.request_stop(signum)
        if not args.quiet:
            print("\nscheduleto bulk: stopping (again to stop at once)...", file=sys.stderr)

    previous: dict[int, Any] = {}
    for sig in (int(signal.SIGINT), int(signal.SIGTERM)):
        try:
            previous[sig] = signal.signal(sig, on_signal)
        except ValueError:  # not the main thread: Ctrl-C raises KeyboardInterrupt as usual
            break
    try:
        return job.run()
    except (OutputConflict, MissingDependencyError, ValueError) as exc:
        return _usage_error(str(exc))
    except OSError as exc:  # the output cannot be written (disk full, file size limit...)
        where = f" ({exc.filename})" if exc.filename else ""
        print(
            f"scheduleto bulk: stopped: cannot write the output in {args.output}{where}: "
            f"{exc.strerror or exc}; what was committed is intact: free the space, then continue "
            "with --resume",
            file=sys.stderr,
        )
        return 3
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
