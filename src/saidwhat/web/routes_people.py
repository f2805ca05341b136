"""Speakers: the list, a profile, and corrections (merge, split, rename, as the CLI stores them)."""

from __future__ import annotations

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from saidwhat.errors import UsageError
from saidwhat.search.people import list_people, merge_people, person_profile, split_person
from saidwhat.store.desk import aliases_with_origin, latest_of_person, per_week, rename_person
from saidwhat.web.base import Desk, action, page, render, text
from saidwhat.web.charts import bar_chart

#: People listed per page of the speaker list.
PEOPLE_LIMIT = 200


@page
def people_page(request: Request, desk: Desk) -> Response:
    search = request.query_params.get("search", "").strip() or None
    people = list_people(desk.store(), search=search, limit=PEOPLE_LIMIT)
    return render(request, "people.html", people=people, search=search or "", limit=PEOPLE_LIMIT)


@page
def person_page(request: Request, desk: Desk) -> Response:
    store = desk.store()
    pid = request.path_params["pid"]
    profile = person_profile(store, f"#{pid}")
    return render(
        request,
        "person.html",
        profile=profile,
        p=profile.person,
        aliases=aliases_with_origin(store, pid),
        chart=bar_chart(per_week(store, pid), "week"),
        latest=latest_of_person(store, pid),
        message=request.query_params.get("done"),
    )


def _back(pid: int, message: str) -> RedirectResponse:
    from urllib.parse import quote

    return RedirectResponse(f"/people/{pid}?done={quote(message)}", status_code=303)


@action
def rename(request: Request, desk: Desk, form: FormData) -> Response:
    pid = request.path_params["pid"]
    new_pid, name = rename_person(desk.store(), f"#{pid}", text(form, "name", required=True))
    return _back(new_pid, f"renamed to {name}")


@action
def merge(request: Request, desk: Desk, form: FormData) -> Response:
    pid = request.path_params["pid"]
    other = text(form, "other", required=True, what="person to merge in (a name or #id)")
    r = merge_people(desk.store(), f"#{pid}", other)
    return _back(
        r.person_id,
        f"merged {r.removed_name} (#{r.removed_id}) into {r.name}: {r.statements} statements moved",
    )


@action
def split(request: Request, desk: Desk, form: FormData) -> Response:
    pid = request.path_params["pid"]
    aliases = [a for a in form.getlist("alias") if isinstance(a, str) and a.strip()]
    if not aliases:
        raise UsageError("tick at least one alias to split off")
    r = split_person(desk.store(), f"#{pid}", aliases, new_name=text(form, "name") or None)
    return _back(
        r.person_id,
        f"split {', '.join(r.aliases)} off {r.from_name}: {r.statements} statements moved",
    )


def routes() -> list[Route]:
    return [
        Route("/people", people_page, methods=["GET"]),
        Route("/people/{pid:int}", person_page, methods=["GET"]),
        Route("/people/{pid:int}/rename", rename, methods=["POST"]),
        Route("/people/{pid:int}/merge", merge, methods=["POST"]),
        Route("/people/{pid:int}/split", split, methods=["POST"]),
    ]
