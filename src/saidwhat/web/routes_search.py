"""Search: the query, facets, the chart, results, exports and "save as watchlist".

Every control is a GET parameter, so a search is a link and the back button works.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import quote

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from saidwhat.errors import NotFoundError, QueryError, SaidwhatError
from saidwhat.events.plover import EVENT_TYPES
from saidwhat.model import STATEMENT_KINDS
from saidwhat.reports.watch import add_watchlist
from saidwhat.search.query import SORTS, SearchFilters, search_statements
from saidwhat.store.desk import list_drafts
from saidwhat.store.facets import PERIODS, facets_and_timeline
from saidwhat.web.base import Desk, action, desk_of, error_page, int_param, page, render, text
from saidwhat.web.charts import bar_chart
from saidwhat.web.downloads import WRITERS, ExportStream

#: URL parameter -> SearchFilters field (``q`` is the full-text query).
FILTER_PARAMS = {
    "q": "text",
    "speaker": "speaker",
    "org": "org",
    "country": "country",
    "role": "role",
    "kind": "kind",
    "source": "source",
    "language": "language",
    "event": "event",
    "since": "since",
    "until": "until",
    "about": "about",
}
PAGE_SIZE = 25
#: Longest value accepted for one search parameter (a query, a name).
MAX_PARAM_CHARS = 1000
#: Pages reachable by paging (deeper results: narrow the search or export it).
MAX_PAGE = 400
FACET_TITLES = {
    "speaker": "Speaker",
    "org": "Organisation",
    "country": "Country",
    "source": "Outlet / source",
    "kind": "Kind",
    "language": "Language",
    "event": "Event type",
}
#: Lines of the inline syntax help (shown under the search box).
SYNTAX_HELP = (
    ('"foreign minister"', "a phrase"),
    ("sanctions AND grain", "both words (also OR, NOT, in capitals)"),
    ("sanction*", "words starting with sanction"),
    ("(crossing OR border) NOT fishing", "grouping"),
    ('"U.S."', "quote terms with punctuation"),
)


def params_of(request: Request) -> dict[str, str]:
    """The search's URL parameters that are set (filters, sort, period)."""
    q = request.query_params
    out = {k: q.get(k, "").strip() for k in (*FILTER_PARAMS, "sort", "period")}
    for k, v in out.items():
        if len(v) > MAX_PARAM_CHARS:
            raise QueryError(f"the {k} parameter is longer than {MAX_PARAM_CHARS} characters")
    return {k: v for k, v in out.items() if v}


def filters_from_params(params: dict[str, str], **extra: Any) -> SearchFilters:
    values = {field: params.get(name) or None for name, field in FILTER_PARAMS.items()}
    sort = params.get("sort") or "rank"
    return SearchFilters(**values, sort=sort, **extra).validate()


@page
def search_page(request: Request, desk: Desk) -> Response:
    params = params_of(request)
    period = params.get("period", "month")
    page_no = int_param(request.query_params.get("page"), "page", default=1)
    page_no = min(max(page_no, 1), MAX_PAGE)
    context: dict[str, Any] = {
        "params": params,
        "period": period,
        "periods": PERIODS,
        "sorts": SORTS,
        "kinds": STATEMENT_KINDS,
        "event_types": EVENT_TYPES,
        "syntax_help": SYNTAX_HELP,
        "facet_titles": FACET_TITLES,
        "page_no": page_no,
        "hits": [],
        "facets": None,
        "chart": None,
        "error": None,
        "drafts": [],
    }
    store = desk.store()
    try:
        filters = filters_from_params(params, limit=PAGE_SIZE, offset=(page_no - 1) * PAGE_SIZE)
        if filters.event:  # as the facet links spell it (validation upper-cases it)
            params["event"] = filters.event
        # Facets and the page of hits are independent queries: run them side by side
        # (each thread has its own connection; SQLite runs without the GIL).
        pending = desk.side_pool.submit(
            lambda: facets_and_timeline(desk.store(), replace(filters), period=period)
        )
        try:
            hits = search_statements(store, filters, highlight=("\x02", "\x03"))
        finally:
            facets = pending.result()
    except (NotFoundError, QueryError) as e:
        # The search form again with the message: a mistyped query is part of searching.
        context["error"] = str(e)
        return render(request, "search.html", **context)
    pages = max(1, -(-facets.total // PAGE_SIZE))
    context.update(
        hits=hits,
        facets=facets,
        chart=bar_chart(facets.timeline, period),
        pages=min(pages, MAX_PAGE),
        drafts=list_drafts(store),
        describe=filters.describe(),
    )
    return render(request, "search.html", **context)


async def export_search(request: Request) -> Response:
    """The current search (every match, not only this page) as CSV or JSON Lines, streamed."""
    fmt = request.path_params["fmt"]
    if fmt not in WRITERS:
        return Response("export as .csv or .jsonl", status_code=404)
    desk = desk_of(request)
    try:
        filters = filters_from_params(params_of(request), limit=None)
        stream = ExportStream(desk.new_store, filters, fmt)
        await stream.start()
    except SaidwhatError as e:
        return error_page(request, e)
    return StreamingResponse(
        stream.body(),
        media_type=stream.media_type,
        headers={"content-disposition": f'attachment; filename="saidwhat-search.{fmt}"'},
    )


@action
def save_watchlist(request: Request, desk: Desk, form: FormData) -> Response:
    name = text(form, "name", required=True, what="watchlist name")
    params = {k: text(form, k) for k in FILTER_PARAMS}
    params = {k: v for k, v in params.items() if v}
    filters = filters_from_params(params)
    wl = add_watchlist(desk.store(), name, filters, replace=bool(text(form, "replace")))
    return RedirectResponse(f"/watchlists/{quote(wl.name, safe='')}", status_code=303)


def routes() -> list[Route]:
    return [
        Route("/search", search_page, methods=["GET"]),
        Route("/search/export.{fmt:str}", export_search, methods=["GET"]),
        Route("/search/watch", save_watchlist, methods=["POST"]),
    ]
