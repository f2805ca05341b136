"""What every route shares: the desk's settings, a store per thread, templates, forms.

Routes are plain (synchronous) functions run in Starlette's thread pool; each
thread keeps its own SQLite connection, since a connection must stay in the
thread that opened it.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import wraps
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from saidwhat.errors import NotFoundError, SaidwhatError, UsageError
from saidwhat.reports.text import display_ref
from saidwhat.store.db import Store, open_store
from saidwhat.store.desk import make_read_only, tune_for_reading
from saidwhat.web.highlight import mark_snippet
from saidwhat.web.security import Guard

#: Largest request body accepted (uploads included), in bytes.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: Most files in one upload.
MAX_UPLOAD_FILES = 50
#: Threads computing facets beside the search itself.
SIDE_THREADS = 4
#: Most form fields in one request (a dossier of many statements posts one each).
MAX_FORM_FIELDS = 5000
_HTTP = re.compile(r"^https?://[^\s<>\"']+$")


@dataclass
class DeskConfig:
    db_path: str
    host: str = "127.0.0.1"
    port: int = 8000
    read_only: bool = False
    token: str | None = None
    data_dir: Path | None = None  # uploads are kept here (they are the documents' refs)
    max_upload_bytes: int = MAX_UPLOAD_BYTES


@dataclass
class Desk:
    """The running desk: settings, guard, templates and per-thread stores."""

    config: DeskConfig
    guard: Guard
    env: Environment
    download_dir: Path
    _local: threading.local = field(default_factory=threading.local)
    jobs: Any = None
    #: Threads for work a page runs beside its main query (search facets).
    side_pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(SIDE_THREADS, thread_name_prefix="desk-side")
    )

    def store(self) -> Store:
        """This thread's store (opened once per thread)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self.new_store()
        return store

    def new_store(self) -> Store:
        """A new connection, read-only when the desk is; the caller closes it."""
        store = open_store(self.config.db_path)
        tune_for_reading(store)
        if self.config.read_only:
            make_read_only(store)
        return store

    def close(self) -> None:
        self.side_pool.shutdown(wait=False, cancel_futures=True)
        shutil.rmtree(self.download_dir, ignore_errors=True)


def make_env() -> Environment:
    env = Environment(
        loader=PackageLoader("saidwhat.web", "templates"),
        # Everything rendered is escaped: document text and titles are hostile.
        autoescape=select_autoescape(("html", "xml"), default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["marks"] = mark_snippet
    env.filters["when"] = when
    # A local file by its name only: the server's folders are not for the desk's readers.
    env.filters["ref"] = display_ref
    env.globals["query"] = query_string
    return env


def make_download_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="saidwhat-desk-downloads-"))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is http(s), else None (so javascript: and data: are never links)."""
    return url if url and _HTTP.match(url) else None


def when(value: str | None) -> str:
    """An ISO timestamp as ``2026-05-12 08:30 UTC`` (dates and other text as they are)."""
    if not value:
        return ""
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if len(str(value)) <= 10:
        return str(value)
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC)
        return dt.strftime("%Y-%m-%d %H:%M UTC")
    return dt.strftime("%Y-%m-%d %H:%M")


def query_string(params: dict[str, Any], **changes: Any) -> str:
    """``?a=1&b=2`` from ``params`` with ``changes`` applied (None or '' drops a key)."""
    merged = {**params, **changes}
    clean = {k: v for k, v in merged.items() if v not in (None, "")}
    return "?" + urlencode(clean) if clean else "?"


def desk_of(request: Request) -> Desk:
    return request.app.state.desk


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    desk = desk_of(request)
    context.update(
        request=request,
        csrf=request.state.csrf,
        read_only=desk.config.read_only,
        nav=template.split(".")[0].split("_")[0],
    )
    html = desk.env.get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, e: Exception) -> HTMLResponse:
    status = 404 if isinstance(e, NotFoundError) else 400
    return render(request, "error.html", status=status, message=str(e))


def page(func: Callable[..., Response]) -> Callable:
    """A GET route: runs ``func(request, desk)`` in a thread; library errors become a page."""

    @wraps(func)
    async def endpoint(request: Request) -> Response:
        def run() -> Response:
            try:
                return func(request, desk_of(request))
            except SaidwhatError as e:
                return error_page(request, e)

        return await run_in_threadpool(run)

    return endpoint


def action(func: Callable[..., Response]) -> Callable:
    """A state-changing POST route: size limit, CSRF check, then ``func(request, desk, form)``."""

    @wraps(func)
    async def endpoint(request: Request) -> Response:
        desk = desk_of(request)
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return PlainTextResponse("a Content-Length header is required", status_code=411)
        if int(length) > desk.config.max_upload_bytes:
            limit = desk.config.max_upload_bytes // (1024 * 1024)
            return render(
                request,
                "error.html",
                status=413,
                message=f"the upload is larger than {limit} MB; send fewer or smaller files",
            )
        try:
            form = await request.form(max_files=MAX_UPLOAD_FILES, max_fields=MAX_FORM_FIELDS)
        except Exception as e:  # malformed multipart bodies and too many parts
            return render(request, "error.html", status=400, message=f"bad form data: {e}")
        if not desk.guard.check_csrf(request.state.sid, _text(form, "csrf")):
            await form.close()
            return PlainTextResponse(
                "refused: missing or wrong CSRF token; reload the page and try again",
                status_code=403,
            )

        def run() -> Response:
            try:
                return func(request, desk, form)
            except SaidwhatError as e:
                return error_page(request, e)

        try:
            return await run_in_threadpool(run)
        finally:
            await form.close()

    endpoint.is_action = True  # type: ignore[attr-defined]
    return endpoint


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def text(form: FormData, name: str, *, required: bool = False, what: str | None = None) -> str:
    """A text field of ``form``, stripped; UsageError when required and empty."""
    value = _text(form, name).strip()
    if required and not value:
        raise UsageError(f"fill in the {what or name}")
    return value


def int_param(value: str | None, what: str, *, default: int | None = None) -> int:
    if value in (None, ""):
        if default is None:
            raise UsageError(f"{what} is required")
        return default
    if not value.strip().isdigit():
        raise UsageError(f"{what} must be a whole number, not {value!r}")
    return int(value)


def contained(folder: Path, name: str) -> Path:
    """``folder/name``, refusing any name that would leave ``folder`` (.., /, links)."""
    base = folder.resolve()
    candidate = (base / name).resolve()
    if candidate.parent != base or not name or name in (".", ".."):
        raise UsageError(f"bad file name {name!r}")
    return candidate
