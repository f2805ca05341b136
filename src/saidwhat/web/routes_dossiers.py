"""The dossier builder: drafts, statements added from searches, order, preview, downloads."""

from __future__ import annotations

import re
import secrets
from urllib.parse import quote

from starlette.background import BackgroundTask
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from saidwhat.errors import SaidwhatError, UsageError
from saidwhat.reports.dossier import render, write_dossier
from saidwhat.store import desk as drafts_store
from saidwhat.web.base import Desk, action, contained, page, text
from saidwhat.web.base import render as render_page
from saidwhat.web.drafts import move_section, move_statement, ordered_dossier, speaker_key
from saidwhat.web.security import PREVIEW_CSP

#: Dossier names: letters, digits, spaces and a few marks (they appear in URLs and file names).
_NAME = re.compile(r"^[\w][\w .:@+-]{0,99}$")
#: Names that are routes of their own.
_RESERVED = ("add",)
_MEDIA = {
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


def _url(name: str, suffix: str = "") -> str:
    return f"/dossiers/{quote(name, safe='')}{suffix}"


def _check_name(name: str) -> str:
    if not _NAME.match(name) or name in _RESERVED:
        raise UsageError(
            f"bad dossier name {name!r}; use letters, digits, spaces and . : @ + - (up to 100)"
        )
    return name


@page
def dossiers_page(request: Request, desk: Desk) -> Response:
    return render_page(request, "dossiers.html", drafts=drafts_store.list_drafts(desk.store()))


@action
def create(request: Request, desk: Desk, form: FormData) -> Response:
    name = _check_name(text(form, "name", required=True, what="dossier name"))
    title = text(form, "title") or name
    drafts_store.save_draft(desk.store(), name, title, text(form, "intro"))
    return RedirectResponse(_url(name), status_code=303)


@action
def add_from_search(request: Request, desk: Desk, form: FormData) -> Response:
    """Statements ticked in the search results go to an existing or a new dossier."""
    store = desk.store()
    ids = []
    for value in form.getlist("sid"):
        if not isinstance(value, str) or not value.isdigit():
            raise UsageError(f"bad statement id {value!r}")
        ids.append(int(value))
    if not ids:
        raise UsageError("tick at least one statement to add to the dossier")
    name = text(form, "new_dossier") or text(form, "dossier")
    if not name:
        raise UsageError("choose a dossier or name a new one")
    _check_name(name)
    if text(form, "new_dossier"):
        drafts_store.save_draft(store, name, name)
    drafts_store.add_to_draft(store, name, ids)
    return RedirectResponse(_url(name), status_code=303)


def _hits(desk: Desk, draft: drafts_store.Draft):
    return drafts_store.hits_by_ids(desk.store(), draft.statement_ids)


@page
def builder(request: Request, desk: Desk) -> Response:
    draft = drafts_store.get_draft(desk.store(), request.path_params["name"])
    hits = _hits(desk, draft)
    sections: list[tuple[str, list]] = []
    for h in hits:
        key = speaker_key(h)
        if not sections or sections[-1][0] != key:
            sections.append((key, []))
        sections[-1][1].append(h)
    return render_page(
        request,
        "dossier.html",
        draft=draft,
        sections=sections,
        url=_url(draft.name),
        summary=ordered_dossier(hits, draft.title, draft.intro).summary_line if hits else None,
    )


@action
def update(request: Request, desk: Desk, form: FormData) -> Response:
    name = request.path_params["name"]
    drafts_store.get_draft(desk.store(), name)
    drafts_store.save_draft(
        desk.store(), name, text(form, "title", required=True), text(form, "intro")
    )
    return RedirectResponse(_url(name), status_code=303)


@action
def move(request: Request, desk: Desk, form: FormData) -> Response:
    name = request.path_params["name"]
    store = desk.store()
    draft = drafts_store.get_draft(store, name)
    sid_text = text(form, "sid")
    if not sid_text.isdigit():
        raise UsageError("which statement? (sid)")
    sid = int(sid_text)
    delta = {"up": -1, "down": 1}.get(text(form, "dir"))
    if delta is None:
        raise UsageError("move up or down")
    speaker_of = {h.id: speaker_key(h) for h in _hits(desk, draft)}
    mover = move_section if text(form, "what") == "section" else move_statement
    drafts_store.reorder_draft(store, name, mover(draft.statement_ids, speaker_of, sid, delta))
    return RedirectResponse(_url(name) + f"#s{sid}", status_code=303)


@action
def remove(request: Request, desk: Desk, form: FormData) -> Response:
    name = request.path_params["name"]
    sid = text(form, "sid")
    if not sid.isdigit():
        raise UsageError("which statement? (sid)")
    drafts_store.remove_from_draft(desk.store(), name, int(sid))
    return RedirectResponse(_url(name), status_code=303)


@action
def delete(request: Request, desk: Desk, form: FormData) -> Response:
    drafts_store.delete_draft(desk.store(), request.path_params["name"])
    return RedirectResponse("/dossiers", status_code=303)


def _dossier(desk: Desk, name: str):
    draft = drafts_store.get_draft(desk.store(), name)
    return draft, ordered_dossier(_hits(desk, draft), draft.title, draft.intro)


@page
def preview(request: Request, desk: Desk) -> Response:
    """The dossier exactly as the HTML download renders it (its own CSS, no script)."""
    _, dossier = _dossier(desk, request.path_params["name"])
    response = HTMLResponse(render(dossier, "html"))
    response.headers["content-security-policy"] = PREVIEW_CSP
    return response


@page
def download(request: Request, desk: Desk) -> Response:
    fmt = request.path_params["fmt"]
    if fmt not in _MEDIA:
        raise UsageError("download a dossier as .md, .html or .pdf")
    draft, dossier = _dossier(desk, request.path_params["name"])
    path = contained(desk.download_dir, f"dossier-{secrets.token_hex(8)}.{fmt}")
    try:
        write_dossier(dossier, path, fmt)
    except SaidwhatError:
        path.unlink(missing_ok=True)
        raise
    safe = re.sub(r"[^\w.-]+", "-", draft.name).strip("-") or "dossier"
    return FileResponse(
        path,
        media_type=_MEDIA[fmt],
        filename=f"{safe}.{fmt}",
        background=BackgroundTask(path.unlink, missing_ok=True),
    )


def routes() -> list[Route]:
    return [
        Route("/dossiers", dossiers_page, methods=["GET"]),
        Route("/dossiers", create, methods=["POST"]),
        Route("/dossiers/add", add_from_search, methods=["POST"]),
        Route("/dossiers/{name}", builder, methods=["GET"]),
        Route("/dossiers/{name}", update, methods=["POST"]),
        Route("/dossiers/{name}/move", move, methods=["POST"]),
        Route("/dossiers/{name}/remove", remove, methods=["POST"]),
        Route("/dossiers/{name}/delete", delete, methods=["POST"]),
        Route("/dossiers/{name}/preview", preview, methods=["GET"]),
        Route("/dossiers/{name}/download.{fmt}", download, methods=["GET"]),
    ]
