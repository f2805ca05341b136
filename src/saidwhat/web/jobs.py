"""Background jobs (ingest an upload, poll feeds) with progress a page can show.

One job runs at a time (SQLite has one writer); the others wait in order. Each
job has its own store connection in its own thread. Jobs live in memory: a
restarted server forgets finished ones, while what they stored stays stored.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from saidwhat.errors import SaidwhatError
from saidwhat.store.db import Store, open_store

log = logging.getLogger(__name__)

#: Finished jobs remembered for their pages.
KEEP_JOBS = 200


@dataclass
class Job:
    id: str
    kind: str  # 'ingest' or 'poll'
    title: str
    state: str = "waiting"  # waiting, running, done, failed
    started: str | None = None
    finished: str | None = None
    figures: dict[str, object] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # one line per file or entry
    message: str | None = None

    @property
    def running(self) -> bool:
        return self.state in ("waiting", "running")


Work = Callable[[Store, Job], None]


class Jobs:
    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._writer = threading.Lock()

    def start(self, kind: str, title: str, work: Work, *, errors: list[str] = ()) -> Job:
        job = Job(secrets.token_hex(8), kind, title, errors=list(errors))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        threading.Thread(target=self._run, args=(job, work), daemon=True).start()
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def _run(self, job: Job, work: Work) -> None:
        with self._writer:
            job.state = "running"
            job.started = _now()
            store = None
            try:
                store = open_store(self.db_path)
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
