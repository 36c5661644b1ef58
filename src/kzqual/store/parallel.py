"""Preparing act files in worker processes while the main process opens the store and writes.

An ingest is mostly CPU: reading and cleaning the text, parsing, extracting posts, building rows
(:mod:`kzqual.store.prepare`).  On a machine with more than one core, :func:`start` forks worker
processes that prepare the files (the biggest first: it takes longest) while the caller goes on
importing SQLAlchemy, migrating the database and writing the acts already prepared.  Writes stay
in the caller, one transaction per act, in the order the files were given, so the registry ends
up exactly as after a serial ingest.

This module imports nothing heavy: the CLI imports it and forks before it loads the database
layer.  ``KZQUAL_INGEST_WORKERS`` sets the number of workers (0: prepare in-process); unset, two
workers when two cores are free right now, else none (on a busy machine the serial path wins).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from kzqual.store.prepare import PreparedFile, prepare_file

MAX_WORKERS = 2  # two big files dominate the bundled acts; more workers only add start-up cost


def busy_cores() -> int:
    """How many other processes are running right now (the least of a few samples of the
    kernel's ``procs_running``, less this process): a machine that is busy already gains nothing
    from more processes (measured: a second worker only adds its start-up and pickling)."""
    import time

    samples = []
    for _ in range(3):
        try:
            with open("/proc/stat", "rb") as fh:
                line = next(x for x in fh if x.startswith(b"procs_running"))
            samples.append(int(line.split()[1]) - 1)
        except (OSError, StopIteration, ValueError, IndexError):
            return 0  # not Linux: assume idle
        time.sleep(0.001)
    return max(0, min(samples))


def worker_count(n_files: int) -> int:
    """How many worker processes to use for ``n_files`` files (0: prepare in-process).

    ``KZQUAL_INGEST_WORKERS`` decides when set.  Otherwise up to :data:`MAX_WORKERS`, but none
    when fewer than two cores are free: the workers' own start-up (imports, pickling) is then
    pure cost, and the serial path is faster; and none in a process running other threads."""
    if n_files < 2:
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if cores < 2:
        return 0
    env = os.environ.get("KZQUAL_INGEST_WORKERS", "").strip()
    if env:
        try:
            return min(max(0, int(env)), n_files, cores)
        except ValueError:
            pass
    if cores - busy_cores() < 2:
        return 0
    # Forking a process that runs other threads (a server, a test's live server) can leave a
    # child waiting forever on a lock one of them held; the CLI's ingest is single-threaded.
    import threading

    if threading.active_count() > 1:
        return 0
    return min(MAX_WORKERS, n_files, cores)


class Prefetch:
    """Files being prepared by a process pool; :meth:`get` hands them back by position.

    If the pool breaks (a worker killed, out of memory), the files not yet received are prepared
    in the calling process instead: the ingest still completes the same way.
    """

    def __init__(self, files: Sequence[Path], workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.files = [Path(f) for f in files]
        self._pool = ProcessPoolExecutor(max_workers=workers,
                                         mp_context=multiprocessing.get_context("fork"))
        # The biggest file first (it takes longest: one worker starts on it at once), then the
        # others in the order they are written, so the next act to write is ready soonest.
        biggest = max(range(len(self.files)), key=lambda i: _size(self.files[i]))
        order = [biggest, *(i for i in range(len(self.files)) if i != biggest)]
        try:
            self._futures = {i: self._pool.submit(prepare_file, str(self.files[i])) for i in order}
        except BaseException:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise

    def get(self, i: int) -> PreparedFile:
        future = self._futures.pop(i)
        try:
            return future.result()
        except Exception:  # noqa: BLE001 - the pool broke (BrokenProcessPool, pickling): go on here
            return prepare_file(str(self.files[i]))

    def close(self) -> None:
        """Stop the pool.  Results nobody asked for (the caller failed, e.g. on a bad database)
        are not waited for: their workers are stopped."""
        if self._futures:
            for future in self._futures.values():
                future.cancel()
            # ProcessPoolExecutor cannot stop a running job; its worker processes can be
            for proc in list((getattr(self._pool, "_processes", None) or {}).values()):
                proc.terminate()
            self._futures.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Prefetch:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def start(files: Sequence[Path], workers: int | None = None) -> Prefetch | None:
    """Start preparing ``files`` in worker processes; None when it is not worth it (one file, one
    core, ``KZQUAL_INGEST_WORKERS=0``) or not possible (no ``fork`` here, no processes allowed):
    the caller then prepares each file itself."""
    n = worker_count(len(files)) if workers is None else min(workers, len(files))
    if n <= 0:
        return None
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    try:
        return Prefetch(files, n)
    except (OSError, ValueError, RuntimeError, ImportError):
        return None
