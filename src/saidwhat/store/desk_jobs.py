"""The desk's background jobs (ingests, feed polls) kept in the store.

A job's row is written when it is queued, when it starts and when it ends, so
the job list and each file's errors survive a restart of the server. Progress
while a job runs is shown from memory (writing it would compete with the
ingest's own transactions). A job that was waiting or running in a server that
is gone is marked failed at the next start, saying so.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass, field
from typing import Any

from saidwhat.store.db import Store

#: Jobs kept (older ones are removed when a new one is queued).
KEEP_JOBS = 200
#: What an interrupted job says.
INTERRUPTED = (
    "the server stopped before this job finished; what it had stored stays stored:"
    " run it again to finish it (stored documents are skipped as duplicates)"
)
_COLUMNS = "id, kind, title, state, created, started, finished, figures, errors, message, owner"


@dataclass
class JobRecord:
    id: str
    kind: str  # 'ingest' or 'poll'
    title: str
    state: str = "waiting"  # waiting, running, done, failed
    created: str = ""
    started: str | None = None
    finished: str | None = None
    figures: dict[str, object] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # one line per file or entry
    message: str | None = None
    owner: str = ""  # the server process that runs it: host:pid


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def save_job(store: Store, job: JobRecord) -> None:
    """Insert or update ``job``; a new job pushes out the oldest beyond :data:`KEEP_JOBS`."""
    values = (
        job.id,
        job.kind,
        job.title,
        job.state,
        job.created,
        job.started,
        job.finished,
        json.dumps(job.figures, ensure_ascii=False, default=str),
        json.dumps(job.errors, ensure_ascii=False),
        job.message,
        job.owner,
    )
    with store.transaction() as conn:
        conn.execute(
            f"INSERT INTO desk_jobs ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET state = excluded.state,"
            " started = excluded.started, finished = excluded.finished,"
            " figures = excluded.figures, errors = excluded.errors, message = excluded.message",
            values,
        )
        conn.execute(
            "DELETE FROM desk_jobs WHERE id NOT IN"
            " (SELECT id FROM desk_jobs ORDER BY created DESC, id DESC LIMIT ?)",
            (KEEP_JOBS,),
        )


def _record(row: Any) -> JobRecord:
    return JobRecord(
        id=row[0],
        kind=row[1],
        title=row[2],
        state=row[3],
        created=row[4],
        started=row[5],
        finished=row[6],
        figures=json.loads(row[7] or "{}"),
        errors=json.loads(row[8] or "[]"),
        message=row[9],
        owner=row[10] or "",
    )


def get_job(store: Store, job_id: str) -> JobRecord | None:
    rows = store.query(f"SELECT {_COLUMNS} FROM desk_jobs WHERE id = ?", (job_id,))
    return _record(rows[0]) if rows else None


def recent_jobs(
    store: Store, *, kind: str | None = None, limit: int = KEEP_JOBS
) -> list[JobRecord]:
    """The newest jobs first (of ``kind`` when given)."""
    where, params = ("WHERE kind = ? ", [kind]) if kind else ("", [])
    rows = store.query(
        f"SELECT {_COLUMNS} FROM desk_jobs {where}ORDER BY created DESC, id DESC LIMIT ?",
        (*params, limit),
    )
    return [_record(r) for r in rows]


def _alive(owner: str) -> bool:
    """Whether ``owner`` (host:pid) may still be running: only this host's can be checked."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True
    if owner == this_process():
        return True
    if int(pid) <= 0:  # kill(0) would signal our own process group
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def mark_interrupted(store: Store, finished: str) -> int:
    """Mark failed the unfinished jobs whose server process is gone; returns how many."""
    rows = store.query("SELECT id, owner FROM desk_jobs WHERE state IN ('waiting', 'running')")
    gone = [job_id for job_id, owner in rows if not _alive(owner or "")]
    if gone:
        with store.transaction() as conn:
            for job_id in gone:
                conn.execute(
                    "UPDATE desk_jobs SET state = 'failed', message = ?, finished = ? WHERE id = ?",
                    (INTERRUPTED, finished, job_id),
                )
    return len(gone)
