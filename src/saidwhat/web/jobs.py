"""Background jobs (ingest an upload, poll feeds) with progress a page can show.

One job runs at a time (SQLite has one writer); the others wait in order. Each
job has its own store connection in its own thread. A job is stored
(:mod:`saidwhat.store.desk_jobs`) when it is queued, started and ended, so the
job list and each file's errors survive a restart; a running job's progress
figures are read from memory while this server runs it.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from saidwhat.errors import SaidwhatError
from saidwhat.store.db import Store
from saidwhat.store.desk_jobs import (
    JobRecord,
    get_job,
    mark_interrupted,
    recent_jobs,
    save_job,
    this_process,
)

log = logging.getLogger(__name__)


class Job(JobRecord):
    """A job as pages show it."""

    @property
    def running(self) -> bool:
        return self.state in ("waiting", "running")


def _job(record: JobRecord | None) -> Job | None:
    return None if record is None else Job(**vars(record))


Work = Callable[[Store, Job], None]


class Jobs:
    """The jobs of this desk: started here, listed from the store."""

    def __init__(self, open_store: Callable[[], Store], *, writable: bool = True) -> None:
        self._open_store = open_store
        self._live: dict[str, Job] = {}  # queued or running in this process
        self._lock = threading.Lock()
        self._writer = threading.Lock()
        if writable:
            with self._open_store() as store:
                n = mark_interrupted(store, _now())
            if n:
                log.warning("%d desk job(s) of a stopped server marked as interrupted", n)

    def _save(self, job: Job) -> None:
        with self._open_store() as store:
            save_job(store, job)

    def start(self, kind: str, title: str, work: Work, *, errors: list[str] = ()) -> Job:
        job = Job(
            secrets.token_hex(8),
            kind,
            title,
            created=datetime.now(UTC).isoformat(),  # to the microsecond: the list's order
            errors=list(errors),
            owner=this_process(),
        )
        self._save(job)  # a store that cannot record the job refuses it here, as an error page
        with self._lock:
            self._live[job.id] = job
        threading.Thread(target=self._run, args=(job, work), daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            live = self._live.get(job_id)
        if live is not None:
            return live
        with self._open_store() as store:
            return _job(get_job(store, job_id))

    def recent(self, kind: str | None = None, limit: int = 50) -> list[Job]:
        with self._open_store() as store:
            jobs = [_job(r) for r in recent_jobs(store, kind=kind, limit=limit)]
        with self._lock:
            return [self._live.get(j.id, j) for j in jobs]

    def _run(self, job: Job, work: Work) -> None:
        with self._writer:
            job.state = "running"
            job.started = _now()
            store = None
            try:
                self._save(job)
                store = self._open_store()
                work(store, job)
                job.state = "done"
            except SaidwhatError as e:
                job.state = "failed"
                job.message = str(e)
            except Exception as e:  # a bug must still end the job visibly, not hang its page
                log.exception("job %s failed", job.id)
                job.state = "failed"
                job.message = f"internal error: {type(e).__name__}: {e}"
            finally:
                job.finished = _now()
                if store is not None:
                    store.close()
                self._finish(job)

    def _finish(self, job: Job) -> None:
        try:
            self._save(job)
        except SaidwhatError as e:
            # The job ran and its documents are stored; only its record could not be
            # updated (the store is locked or gone). This server still shows it.
            log.error("job %s ended but could not be recorded: %s", job.id, e)
            return
        with self._lock:
            self._live.pop(job.id, None)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """For tests and scripts: block until the job ends (or ``timeout``)."""
        import time

        end = time.monotonic() + timeout
        while time.monotonic() < end:
            job = self.get(job_id)
            if job is None or not job.running:
                return job
            time.sleep(0.05)
        return self.get(job_id)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
