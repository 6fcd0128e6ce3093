"""The bulk engine: select items cheaply in the main process, parse them in a process pool.

The main process enumerates input items (:mod:`scheduleto.bulk.inputs`), hashes each one, skips
those already done (``--resume``), reads the form type from the first bytes and records the
items of other forms at once, without sending them anywhere. Items to parse are sent to worker
processes in chunks; results come back as they are ready (or in input order with
``ordered=True``). At most a few chunks per worker are in flight, so memory stays bounded
whatever the size of the corpus.

A worker never raises for an input (every exception becomes a failure record). If a worker
process dies (a crash in a C extension, the OOM killer), the pool is rebuilt and the items that
were in flight are retried one at a time, so the one that kills its worker is recorded as
``WorkerCrashed`` and the run goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..source import MAX_BYTES
from .core import DEFAULT_FORMS, BulkResult, ItemError, classify, failure, process_bytes, skipped
from .inputs import InputItem, iter_inputs

if TYPE_CHECKING:  # pragma: no cover - imported lazily: ``import scheduleto`` stays fast
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["EngineOptions", "RunStats", "parse_many", "run_items"]

#: A task sent to a worker: (sequence number, source, member, bytes, sha256).
Task = tuple[int, str, "str | None", bytes, str]
#: An optional replacement of :func:`process_bytes` (tests use it to crash a worker).
ParseHook = Callable[..., BulkResult]


@dataclass(frozen=True)
class EngineOptions:
    """How :func:`run_items` works: forms to keep, parse strictness, parallelism, chunking."""

    forms: frozenset[str] = DEFAULT_FORMS
    strict: bool = True
    workers: int = 1
    ordered: bool = False
    chunk_size: int = 8
    chunk_bytes: int = 4 * 1024 * 1024
    max_pending: int | None = None
    parse_hook: ParseHook | None = None


@dataclass
class RunStats:
    """Counters of a run, updated as results are produced."""

    parsed: int = 0
    skipped: int = 0
    failed: int = 0
    resumed: int = 0
    bytes: int = 0
    skipped_forms: Counter[str] = field(default_factory=Counter)
    failed_types: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)

    @property
    def seen(self) -> int:
        """Items accounted for (including those done by an earlier run)."""
        return self.parsed + self.skipped + self.failed + self.resumed

    def count(self, result: BulkResult) -> None:
        """Count one result."""
        status = result.status
        if status == "parsed":
            self.parsed += 1
        elif status == "skipped":
            self.skipped += 1
            form = result.error.form_type if result.error else None
            self.skipped_forms[form or "unrecognised"] += 1
        else:
            self.failed += 1
            self.failed_types[result.error.type if result.error else "Unknown"] += 1


def _mp_context() -> Any:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has imported the parser once, instead of each importing
    # it (~0.15 s): the first result comes 3x sooner. A failed preload is ignored by
    # multiprocessing, and the worker then imports as before.
    context.set_forkserver_preload([__name__])
    return context


#: Seconds between a worker's checks that the main process is still there.
WATCH_INTERVAL = 1.0


def _init_worker(main_pid: int) -> None:
    # Ctrl-C reaches the whole process group: the main process decides, workers carry on.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A main process killed outright (kill -9, the OOM killer) cannot stop its pool, and the
    # workers would wait for tasks forever (they hold their own queue's write end): each worker
    # watches the main process and exits when it is gone.
    watchdog = threading.Thread(
        target=_exit_when_gone, args=(main_pid,), name="scheduleto-watchdog", daemon=True
    )
    watchdog.start()


def _alive(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie, killed but not yet reaped, is gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's process took the pid
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rpartition(b")")[2].split()[:1] != [b"Z"]
    except OSError:  # no /proc (macOS): the signal test alone
        return True


def _exit_when_gone(pid: int) -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if not _alive(pid):
            os._exit(1)


def _work(
    tasks: list[Task], forms: frozenset[str], strict: bool, hook: ParseHook | None
) -> list[tuple[int, BulkResult]]:
    out: list[tuple[int, BulkResult]] = []
    func = hook or process_bytes
    for seq, source, member, data, sha in tasks:
        try:
            result = func(source, member, data, forms=forms, strict=strict, sha256=sha, sniff=False)
        except Exception as exc:
            result = failure(source, member, sha, exc)
        out.append((seq, result))
    return out


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold Ctrl-C back while worker processes start.

    A process inherits the signal mask: started with SIGINT blocked, the fork server and the
    workers never see a Ctrl-C meant for the main process (a fork server still importing would
    die of it with a traceback, and the pool with it). The main process gets the signal, if any
    came, when the block is lifted.
    """
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - Windows
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class _Pool:
    """A process pool that can be killed and rebuilt."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self._executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=_mp_context(),
                initializer=_init_worker,
                initargs=(os.getpid(),),
            )
        return self._executor

    def submit(self, tasks: list[Task], options: EngineOptions) -> Future[list[tuple[int, BulkResult]]]:
        """Send ``tasks`` to a worker (starting the pool or a worker if needed)."""
        if self._executor is None:
            # multiprocessing's resource tracker blocks SIGINT while it starts its process and
            # then unblocks it: started inside the block below, it would lift it too early.
            from multiprocessing import resource_tracker

            resource_tracker.ensure_running()
        with _sigint_blocked():
            return self.get().submit(_work, tasks, options.forms, options.strict, options.parse_hook)

    def kill(self) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        processes = list(getattr(executor, "_processes", {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            if proc.is_alive():
                proc.terminate()
        for proc in processes:
            proc.join(timeout=5)

    def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)


class _Runner:
    def __init__(
        self,
        options: EngineOptions,
        stats: RunStats,
        is_done: Callable[[tuple[str, str | None], str | None], bool] | None,
        on_resumed: Callable[[], None] | None,
        should_stop: Callable[[], bool] | None,
    ) -> None:
        self.options = options
        self.stats = stats
        self.is_done = is_done
        self.on_resumed = on_resumed
        self.should_stop = should_stop or (lambda: False)
        self.seq = 0
        self.next_emit = 0
        self.ready: dict[int, BulkResult] = {}

    # -- selection in the main process -----------------------------------------------------

    def prepare(self, item: InputItem | BulkResult) -> BulkResult | Task | None:
        """A ready result, a task for a worker, or None (done by an earlier run)."""
        key = item.key
        if isinstance(item, BulkResult):
            if self.is_done is not None and self.is_done(key, item.sha256):
                self._resumed()
                return None
            return item
        data = item.data
        self.stats.bytes += len(data)
        sha = hashlib.sha256(data).hexdigest()
        if self.is_done is not None and self.is_done(key, sha):
            self._resumed()
            return None
        try:
            form, selected = classify(data, self.options.forms)
        except Exception as exc:
            return failure(item.source, item.member, sha, exc)
        if not selected:
            return skipped(item.source, item.member, sha, form, self.options.forms)
        seq = self.seq
        self.seq += 1
        return (seq, item.source, item.member, data, sha)

    def _resumed(self) -> None:
        self.stats.resumed += 1
        if self.on_resumed is not None:
            self.on_resumed()

    def number(self, result: BulkResult) -> tuple[int, BulkResult]:
        seq = self.seq
        self.seq += 1
        return seq, result

    def emit(self, seq: int, result: BulkResult) -> list[BulkResult]:
        """Results that can be yielded now (all of them, or the next in order)."""
        if not self.options.ordered:
            return [result]
        self.ready[seq] = result
        out: list[BulkResult] = []
        while self.next_emit in self.ready:
            out.append(self.ready.pop(self.next_emit))
            self.next_emit += 1
        return out

    # -- in-process --------------------------------------------------------------------------

    def prepared(self, items: Iterable[InputItem | BulkResult]) -> Iterator[BulkResult | Task]:
        """The items ready to parse (or results already known), until a stop is asked for."""
        for item in items:
            if self.should_stop():
                return
            prepared = self.prepare(item)
            if prepared is not None:
                yield prepared

    def run_serial(self, items: Iterable[InputItem | BulkResult]) -> Iterator[BulkResult]:
        opts = self.options
        for prepared in self.prepared(items):
            if isinstance(prepared, BulkResult):
                yield prepared
                continue
            [(_, result)] = _work([prepared], opts.forms, opts.strict, opts.parse_hook)
            yield result

    # -- process pool ------------------------------------------------------------------------

    def run_pool(self, items: Iterable[InputItem | BulkResult]) -> Iterator[BulkResult]:
        from concurrent.futures import FIRST_COMPLETED, CancelledError, wait
        from concurrent.futures.process import BrokenProcessPool

        opts = self.options
        pool = _Pool(opts.workers)
        max_pending = opts.max_pending or max(2, opts.workers * 3)
        max_ready = 20_000
        pending: dict[Future[list[tuple[int, BulkResult]]], list[Task]] = {}
        chunk: list[Task] = []
        chunk_bytes = 0
        suspects: list[Task] = []
        completed = False

        def submit(tasks: list[Task]) -> None:
            try:
                pending[pool.submit(tasks, opts)] = tasks
            except (BrokenProcessPool, OSError, EOFError):  # the pool broke, or could not start
                suspects.extend(tasks)

        def collect(done: Iterable[Future[list[tuple[int, BulkResult]]]]) -> list[BulkResult]:
            out: list[BulkResult] = []
            for fut in done:
                tasks = pending.pop(fut)
                try:
                    results = fut.result()
                except (BrokenProcessPool, CancelledError):
                    suspects.extend(tasks)
                    continue
                except Exception as exc:
                    results = [
                        (t[0], failure(t[1], t[2], t[4], exc, kind="WorkerError")) for t in tasks
                    ]
                for seq, result in results:
                    out.extend(self.emit(seq, result))
            return out

        def drain(block_until: Callable[[], bool]) -> Iterator[BulkResult]:
            """Wait for completions until ``block_until()`` is false (or a stop is asked)."""
            while pending and block_until():
                if self.should_stop():
                    return
                done, _ = wait(list(pending), timeout=0.25, return_when=FIRST_COMPLETED)
                yield from collect(done)
                if suspects:
                    yield from isolate()

        def isolate() -> Iterator[BulkResult]:
            """The pool broke: retry every item that was in flight alone, in a fresh pool."""
            for fut in list(pending):
                suspects.extend(pending.pop(fut))
            pool.kill()
            while suspects:
                if self.should_stop():
                    return
                task = suspects.pop(0)
                try:
                    fut = pool.submit([task], opts)
                except (BrokenProcessPool, OSError, EOFError) as exc:
                    if self.should_stop():
                        return
                    pool.kill()
                    result = failure(task[1], task[2], task[4], exc, kind="WorkerError")
                    yield from self.emit(task[0], result)
                    continue
                while True:
                    if self.should_stop():
                        return
                    done, _ = wait([fut], timeout=0.25)
                    if done:
                        break
                try:
                    [(seq, result)] = fut.result()
                except (BrokenProcessPool, CancelledError):
                    pool.kill()
                    seq = task[0]
                    result = BulkResult(
                        task[1],
                        task[2],
                        task[4],
                        error=ItemError(
                            "WorkerCrashed", "the worker process died while parsing this input"
                        ),
                    )
                except Exception as exc:
                    seq, result = (
                        task[0],
                        failure(task[1], task[2], task[4], exc, kind="WorkerError"),
                    )
                yield from self.emit(seq, result)

        try:
            for prepared in self.prepared(items):
                if isinstance(prepared, BulkResult):
                    yield from self.emit(*self.number(prepared))
                else:
                    chunk.append(prepared)
                    chunk_bytes += len(prepared[3])
                    if len(chunk) >= opts.chunk_size or chunk_bytes >= opts.chunk_bytes:
                        submit(chunk)
                        chunk, chunk_bytes = [], 0
                if suspects and not self.should_stop():
                    yield from isolate()
                yield from drain(lambda: len(pending) >= max_pending or len(self.ready) > max_ready)
                if self.should_stop():
                    return
            if self.should_stop():  # the items stopped because a stop was asked for
                return
            if chunk:
                submit(chunk)
                chunk = []
            yield from drain(lambda: True)
            if suspects and not self.should_stop():
                yield from isolate()
            completed = not self.should_stop()
        finally:
            if completed:
                pool.close()
            else:
                pool.kill()


def run_items(
    items: Iterable[InputItem | BulkResult],
    options: EngineOptions,
    *,
    stats: RunStats | None = None,
    is_done: Callable[[tuple[str, str | None], str | None], bool] | None = None,
    on_resumed: Callable[[], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[BulkResult]:
    """Select and parse ``items``, yielding one :class:`BulkResult` per item.

    ``stats`` counts the results as the caller receives them. ``is_done(key, sha256)`` tells
    items done by an earlier run (counted in ``stats.resumed``, not yielded). ``should_stop()``
    is polled between items and while waiting: when it turns true the run ends at once, results
    in flight are dropped and the workers are stopped. Closing the generator early stops the
    workers too.
    """
    stats = stats if stats is not None else RunStats()
    runner = _Runner(options, stats, is_done, on_resumed, should_stop)
    results = runner.run_serial(items) if options.workers <= 1 else runner.run_pool(items)
    return _counted(results, stats)


def _counted(results: Iterator[BulkResult], stats: RunStats) -> Iterator[BulkResult]:
    """Count each result as the caller receives it (not when it arrives from a worker)."""
    try:
        for result in results:
            stats.count(result)
            yield result
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()


def parse_many(
    sources: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    ordered: bool = False,
    forms: Iterable[str] | str | None = None,
    strict: bool = True,
    idx_root: str | os.PathLike[str] | None = None,
    exclude: Iterable[str] = (),
    chunk_size: int = 8,
    max_bytes: int = MAX_BYTES,
) -> Iterator[BulkResult]:
    """Parse many filings in parallel, yielding one :class:`BulkResult` per input item.

    ``sources`` are paths, in any mix: files, directories (walked recursively, including the
    ``sec-edgar-downloader`` layout), ``.zip``, ``.tar``/``.tar.gz``/``.tgz`` (e.g. daily-feed
    ``YYYYMMDD.nc.tar.gz``), single ``.gz`` files, and EDGAR ``form.idx``/``master.idx`` files
    whose rows of the selected forms are resolved against ``idx_root`` (default: the index's
    folder). Archives are streamed, never extracted.

    Items whose EDGAR header names another form than ``forms`` (default: SC TO-T, SC TO-T/A,
    SC TO-I, SC TO-I/A, SC TO-C) are skipped without being parsed; bare documents are parsed and
    skipped when the parser refuses them. Nothing is raised for a bad input: each result has
    either ``filing`` or ``error`` (see :class:`BulkResult` and :class:`ItemError`).

    ``workers`` (default ``os.cpu_count()``) worker processes parse chunks of ``chunk_size``
    items; ``workers=1`` parses in this process. Results come as they are ready, or in input
    order with ``ordered=True``. ``exclude`` holds glob patterns of file names to leave out.

    Example::

        for result in scheduleto.parse_many(["sec-edgar-filings/"], workers=4):
            if result.filing:
                print(result.filing.subject_company)
            else:
                print(result.label, result.status, result.error.message)
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    if isinstance(exclude, str):  # one pattern, not its characters
        exclude = [exclude]
    chosen = _forms(forms)
    n = check_workers(workers)
    options = EngineOptions(
        forms=chosen, strict=strict, workers=n, ordered=ordered, chunk_size=max(1, chunk_size)
    )
    items = iter_inputs(
        list(sources), forms=chosen, exclude=tuple(exclude), idx_root=idx_root, max_bytes=max_bytes
    )
    return run_items(items, options)


#: More worker processes than this is a mistake (each holds a parser: ~40 MB).
MAX_WORKERS = 256


def check_workers(workers: int | None) -> int:
    """The number of worker processes to start: ``workers``, or the machine's cores for None.

    Raises:
        ValueError: fewer than 1 or more than :data:`MAX_WORKERS`.
    """
    n = (os.cpu_count() or 1) if workers is None else workers
    if not 1 <= n <= MAX_WORKERS:
        raise ValueError(f"workers must be between 1 and {MAX_WORKERS}, got {n}")
    return n


def _forms(forms: Iterable[str] | str | None) -> frozenset[str]:
    from .core import normalize_forms

    return normalize_forms(forms)
