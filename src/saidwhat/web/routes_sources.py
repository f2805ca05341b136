"""Ingest (uploads and URLs), feeds with their health, watchlists, and job progress pages."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from urllib.parse import quote

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from saidwhat.errors import UsageError
from saidwhat.reports.watch import get_watchlist, list_watchlists, remove_watchlist, watch_feed
from saidwhat.reports.watch import watch_hits as library_watch_hits
from saidwhat.sources.files import SUPPORTED_EXTENSIONS
from saidwhat.sources.web import is_url
from saidwhat.store.desk import feed_health, last_visits, mark_visited
from saidwhat.web.base import Desk, action, contained, page, render, text
from saidwhat.web.jobs import Job

#: Most URLs pasted at once.
MAX_URLS = 100
#: Matches listed on a watchlist's page (and counted as new since the last visit).
WATCH_LIMIT = 100
_SAFE_NAME = re.compile(r"[^\w.-]+")


# --- ingest ---------------------------------------------------------------------------


@page
def ingest_page(request: Request, desk: Desk) -> Response:
    jobs = desk.jobs.recent("ingest")
    return render(
        request,
        "ingest.html",
        jobs=jobs,
        extensions=sorted(SUPPORTED_EXTENSIONS),
        max_mb=desk.config.max_upload_bytes // (1024 * 1024),
    )


def _upload_dir(desk: Desk) -> Path:
    base = desk.config.data_dir or Path(desk.config.db_path).resolve().parent / "saidwhat-uploads"
    folder = base / "uploads" / secrets.token_hex(6)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@action
def ingest_upload(request: Request, desk: Desk, form: FormData) -> Response:
    """Save the uploaded files of a supported type, then ingest them with the URLs in a job."""
    errors: list[str] = []
    inputs: list[str] = []
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    folder = _upload_dir(desk) if files else None
    for f in files:
        name = _SAFE_NAME.sub("-", Path(f.filename).name).strip(".-")[:120] or "upload"
        suffix = Path(name).suffix.lower()
        if suffix not in SUPPORTED_EXTENSIONS:
            kinds = ", ".join(sorted(SUPPORTED_EXTENSIONS))
            errors.append(f"{f.filename}: not a supported file type; upload one of {kinds}")
            continue
        target = contained(folder, name)
        n = 1
        while target.exists():
            n += 1
            target = contained(folder, f"{Path(name).stem}-{n}{suffix}")
        with open(target, "wb") as out:
            f.file.seek(0)
            while chunk := f.file.read(1 << 20):
                out.write(chunk)
        inputs.append(str(target))
    urls = [u.strip() for u in text(form, "urls").splitlines() if u.strip()]
    if len(urls) > MAX_URLS:
        raise UsageError(f"paste at most {MAX_URLS} URLs at once")
    for u in urls:
        if is_url(u):
            inputs.append(u)
        else:
            errors.append(f"{u}: not an http(s) URL")
    if not inputs and not errors:
        raise UsageError("choose files to upload or paste URLs")
    title = ", ".join(Path(i).name if not is_url(i) else i for i in inputs) or "nothing to ingest"

    def work(store, job: Job) -> None:
        from saidwhat.ingest import ingest_paths

        def progress(report) -> None:
            job.figures = report.as_dict()

        if not inputs:
            return
        report = ingest_paths(store, inputs, progress=progress)
        job.figures = report.as_dict()
        job.errors.extend(report.errors)

    job = desk.jobs.start("ingest", title, work, errors=errors)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@page
def job_page(request: Request, desk: Desk) -> Response:
    job = desk.jobs.get(request.path_params["job_id"])
    if job is None:
        return render(
            request, "error.html", status=404, message="no such job (only the latest 200 are kept)"
        )
    return render(request, "job.html", job=job)


# --- feeds ----------------------------------------------------------------------------


@page
def feeds_page(request: Request, desk: Desk) -> Response:
    from saidwhat.sources.feeds import list_feeds

    store = desk.store()
    feeds = list_feeds(store)
    health = feed_health(store)
    jobs = desk.jobs.recent("poll", limit=5)
    return render(request, "feeds.html", feeds=feeds, health=health, jobs=jobs)


@action
def add_feed(request: Request, desk: Desk, form: FormData) -> Response:
    from saidwhat.sources.feeds import add_feed as library_add_feed

    library_add_feed(desk.store(), text(form, "url", required=True, what="feed URL"))
    return RedirectResponse("/feeds", status_code=303)


@action
def remove_feed(request: Request, desk: Desk, form: FormData) -> Response:
    from saidwhat.sources.feeds import remove_feed as library_remove_feed

    library_remove_feed(desk.store(), request.path_params["feed_id"])
    return RedirectResponse("/feeds", status_code=303)


@action
def poll_feed(request: Request, desk: Desk, form: FormData) -> Response:
    """Poll one feed now (or all of them, for feed id 0), as `saidwhat feeds poll` does."""
    from saidwhat.sources.feeds import get_feed

    feed_id = request.path_params["feed_id"]
    only = None if feed_id == 0 else [get_feed(desk.store(), feed_id).id]

    def work(store, job: Job) -> None:
        from saidwhat.ingest import ingest_documents
        from saidwhat.sources.feeds import poll_feeds

        report = poll_feeds(store, lambda docs: ingest_documents(store, docs), feeds=only)
        job.figures = {
            "feeds": len(report.feeds),
            "new entries": sum(r.new_entries for r in report.feeds),
            "ingested": report.ingested,
            "failed": sum(r.failed for r in report.feeds),
        }
        for r in report.feeds:
            if r.error:
                job.errors.append(r.error)
            job.errors.extend(r.entry_errors)

    job = desk.jobs.start(
        "poll", "poll " + ("all feeds" if only is None else f"feed {feed_id}"), work
    )
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


# --- watchlists -----------------------------------------------------------------------


def _new_since(hits, last: str | None) -> set[int]:
    return {h.id for h in hits if last is None or (h.ingested_at or "") > last}


@page
def watchlists_page(request: Request, desk: Desk) -> Response:
    store = desk.store()
    visits = last_visits(store)
    rows = []
    for wl in list_watchlists(store):
        hits = library_watch_hits(store, wl.name, limit=WATCH_LIMIT)
        rows.append((wl, len(_new_since(hits, visits.get(wl.id))), visits.get(wl.id)))
    return render(request, "watchlists.html", rows=rows, limit=WATCH_LIMIT)


@page
def watchlist_page(request: Request, desk: Desk) -> Response:
    store = desk.store()
    wl = get_watchlist(store, request.path_params["name"])
    last = last_visits(store).get(wl.id)
    hits = library_watch_hits(store, wl.name, limit=WATCH_LIMIT)
    new = _new_since(hits, last)
    if not desk.config.read_only:
        mark_visited(store, wl.id)
    params = {k: v for k, v in wl.filters.to_dict().items() if k not in ("sort", "limit", "offset")}
    if "text" in params:
        params["q"] = params.pop("text")
    return render(
        request,
        "watchlist.html",
        wl=wl,
        hits=hits,
        new=new,
        last=last,
        search_params=params,
        atom=f"/watchlists/{quote(wl.name, safe='')}/atom.xml",
    )


@page
def watchlist_atom(request: Request, desk: Desk) -> Response:
    name = request.path_params["name"]
    self_url = str(request.url)
    body = watch_feed(desk.store(), name, limit=WATCH_LIMIT, self_url=self_url)
    return Response(body, media_type="application/atom+xml; charset=utf-8")


@action
def watchlist_remove(request: Request, desk: Desk, form: FormData) -> Response:
    remove_watchlist(desk.store(), request.path_params["name"])
    return RedirectResponse("/watchlists", status_code=303)


def routes() -> list[Route]:
    return [
        Route("/ingest", ingest_page, methods=["GET"]),
        Route("/ingest", ingest_upload, methods=["POST"]),
        Route("/jobs/{job_id}", job_page, methods=["GET"]),
        Route("/feeds", feeds_page, methods=["GET"]),
        Route("/feeds", add_feed, methods=["POST"]),
        Route("/feeds/{feed_id:int}/remove", remove_feed, methods=["POST"]),
        Route("/feeds/{feed_id:int}/poll", poll_feed, methods=["POST"]),
        Route("/watchlists", watchlists_page, methods=["GET"]),
        Route("/watchlists/{name}", watchlist_page, methods=["GET"]),
        Route("/watchlists/{name}/atom.xml", watchlist_atom, methods=["GET"]),
        Route("/watchlists/{name}/remove", watchlist_remove, methods=["POST"]),
    ]
