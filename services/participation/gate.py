"""Writers of one SQLite database in line: the write gate and the group commit (``db.Database`` uses both).

SQLite lets one writer at a time hold the write lock. Its busy handler makes the others wait by sleeping
1, 2, 5 … 100 ms and trying again, so under 50 concurrent clients the lock stood idle while the waiters
slept (measured: mean wait 25 ms, p95 110 ms for a 3 ms transaction). :class:`WriteGate` queues the
writers instead (a thread lock in the process, ``flock`` between processes) and the next one goes as soon
as the last one committed. With ``synchronous=FULL`` every COMMIT waits for an fsync of the WAL;
:class:`GroupCommit` lets the writers queued at the same moment share one transaction and one fsync.
"""
from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from .db import Database

LOGGER = logging.getLogger(__name__)
_R = TypeVar("_R")


class _Job:
    __slots__ = ("done", "error", "result", "work")

    def __init__(self, work: Callable[[Connection], Any]):
        self.work, self.done = work, False
        self.result: Any = None
        self.error: BaseException | None = None


class GroupCommit:
    """Group commit: with ``synchronous=FULL`` every COMMIT waits for an fsync of the WAL (2–4 ms here,
    more on a busy disk), and with one statement per transaction that fsync is the ceiling of the whole
    participation. Writers of the same process queue their work; the first becomes the leader, opens one
    transaction (write gate, ``BEGIN IMMEDIATE``), runs every queued work — each in a SAVEPOINT when there
    are several, so one failing work does not take the others with it — and commits once. Every writer
    returns only after that COMMIT returned (a receipt is never shown for a statement not on disk); when
    the COMMIT fails, every work of the group gets the error."""

    def __init__(self, db: Database):
        self.db = db
        self._cond = threading.Condition(threading.Lock())
        self._queue: list[_Job] = []
        self._leading = False
        _GROUPS.add(self)

    def _reset(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._queue, self._leading = [], False

    def run(self, work: Callable[[Connection], _R]) -> _R:
        job = _Job(work)
        with self._cond:
            self._queue.append(job)
            while self._leading and not job.done:
                self._cond.wait()
            if not job.done:
                self._leading = True
        if not job.done:
            try:
                self._lead()
            finally:
                with self._cond:
                    self._leading = False
                    self._cond.notify_all()
        if job.error is not None:
            raise job.error
        return job.result

    def _lead(self) -> None:
        batch: list[_Job] = []
        try:
            with self.db.write() as conn:
                with self._cond:  # taken once the write lock is ours: whoever queued meanwhile comes along
                    batch, self._queue = self._queue, []
                if len(batch) == 1:
                    batch[0].result = batch[0].work(conn)
                else:
                    for job in batch:
                        savepoint = conn.begin_nested()
                        try:
                            job.result = job.work(conn)
                            savepoint.commit()
                        except Exception as exc:  # noqa: BLE001 - handed to the job's own thread
                            savepoint.rollback()
                            job.error, job.result = exc, None
        except BaseException as exc:  # noqa: BLE001 - BEGIN or COMMIT failed (or the one work raised): nothing stored
            with self._cond:
                batch = batch or self._queue[:]
                self._queue = [j for j in self._queue if j not in batch]
            for job in batch:
                if job.error is None:
                    job.error, job.result = exc, None
        finally:
            for job in batch:
                job.done = True


_GATES: weakref.WeakSet[WriteGate] = weakref.WeakSet()
_GATE_BY_FILE: dict[str, WriteGate] = {}
_GATES_LOCK = threading.Lock()
_GROUPS: weakref.WeakSet[GroupCommit] = weakref.WeakSet()


class WriteGate:
    """The queue in front of SQLite's write lock: one writer of a database at a time, woken as soon as the
    previous one is done (SQLite's busy handler would sleep up to 100 ms between tries).

    In the process a ``threading.Lock``; between processes (gunicorn workers, the CLI) an exclusive
    ``flock`` on a lock file next to the database. The kernel drops the flock of a process that dies. The
    flock is tried without blocking, between tries the waiter sleeps 0.1 ms growing to 1 ms, so a waiter
    still gives up after ``timeout`` seconds like the busy timeout (``database is locked``) instead of
    hanging behind a stuck writer. Re-entrant per thread (a nested ``write()`` does not queue again)."""

    def __init__(self, path: Path | None, timeout: float = 60.0):
        self.path, self.timeout = path, timeout
        self._local = threading.local()
        self._reset()
        _GATES.add(self)

    @classmethod
    def for_file(cls, path: Path) -> WriteGate:
        """The one gate of this process for ``path`` (every engine or limiter of one file shares it, so
        their threads queue at the thread lock, not by polling the flock)."""
        key = str(path.resolve())
        with _GATES_LOCK:
            gate = _GATE_BY_FILE.get(key)
            if gate is None:
                gate = _GATE_BY_FILE[key] = cls(path)
            return gate

    def _reset(self) -> None:
        """Fresh state (also in a forked child: the parent's lock and file description are not its own;
        closing the inherited descriptor leaves the parent's flock alone)."""
        old = getattr(self, "_fd", None)
        if old is not None:
            with contextlib.suppress(OSError):
                os.close(old)
        self._lock = threading.Lock()
        self._fd: int | None = None

    def _file(self) -> int | None:
        if self.path is not None and self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
            except OSError as exc:  # e.g. a read-only folder: writers fall back to SQLite's busy handler
                LOGGER.warning("write gate %s unavailable (%s); SQLite's busy timeout orders the writers",
                               self.path, exc)
                self.path = None
        return self._fd

    @contextmanager
    def hold(self) -> Iterator[None]:
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield
            finally:
                self._local.depth -= 1
            return
        deadline = time.monotonic() + self.timeout
        if not self._lock.acquire(timeout=self.timeout):
            raise _locked()
        try:
            fd = self._file()
            if fd is not None:
                _flock(fd, deadline)
            self._local.depth = 1
            try:
                yield
            finally:
                self._local.depth = 0
                if fd is not None:
                    import fcntl
                    fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            self._lock.release()


def _flock(fd: int, deadline: float) -> None:
    import fcntl
    pause = 0.0001
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise _locked() from None
            time.sleep(pause)
            pause = min(pause * 2, 0.001)


def _locked() -> Exception:
    import sqlite3
    return sqlite3.OperationalError("database is locked (another writer held the write gate too long)")


def _after_fork() -> None:
    global _GATES_LOCK
    _GATES_LOCK = threading.Lock()
    for gate in list(_GATES):
        gate._reset()
    for group in list(_GROUPS):
        group._reset()


os.register_at_fork(after_in_child=_after_fork)
