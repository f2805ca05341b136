"""The desk as an ASGI application: routes, static files, login, error pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from saidwhat.errors import UsageError
from saidwhat.web import routes_docs, routes_dossiers, routes_people, routes_search, routes_sources
from saidwhat.web.base import (
    Desk,
    DeskConfig,
    action,
    make_download_dir,
    make_env,
    page,
    render,
    text,
)
from saidwhat.web.jobs import Jobs
from saidwhat.web.security import (
    Guard,
    SecurityMiddleware,
    is_loopback,
    login_cookie,
    logout_cookie,
)


def home(request: Request) -> Response:
    return RedirectResponse("/search", status_code=303)


@page
def login_page(request: Request, desk: Desk) -> Response:
    return render(request, "login.html", next=_local_path(request.query_params.get("next")))


def _local_path(value: str | None) -> str:
    """Only a path on this desk may be the target after login (no open redirect)."""
    if not value:
        return "/search"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or not value.startswith("/") or value.startswith("//"):
        return "/search"
    return value


@action
def login(request: Request, desk: Desk, form) -> Response:
    if not desk.guard.password_ok(text(form, "password")):
        return render(
            request, "login.html", status=403, next=_local_path(text(form, "next")), failed=True
        )
    response = RedirectResponse(_local_path(text(form, "next")), status_code=303)
    secure = request.url.scheme == "https"
    response.headers.append(
        "set-cookie", login_cookie(desk.guard, request.state.sid, secure=secure)
    )
    return response


@action
def logout(request: Request, desk: Desk, form) -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.headers.append("set-cookie", logout_cookie(secure=request.url.scheme == "https"))
    return response


async def not_found(request: Request, exc: HTTPException) -> Response:
    message = "no such page" if exc.status_code == 404 else (exc.detail or "request refused")
    if "csrf" not in request.state._state:  # e.g. a malformed request before the middleware
        return Response(message, status_code=exc.status_code)
    return render(request, "error.html", status=exc.status_code, message=message)


def _lifespan(desk: Desk):
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            desk.close()

    return lifespan


def check_config(config: DeskConfig) -> None:
    """Refuse a desk that anyone on the network could open without a password."""
    if not is_loopback(config.host) and not config.token:
        raise UsageError(
            f"refusing to serve on {config.host} without a password: set SAIDWHAT_DESK_TOKEN"
            " (or serve on 127.0.0.1)"
        )


def create_app(config: DeskConfig) -> Starlette:
    check_config(config)
    guard = Guard.create(config.token, config.read_only, loopback_only=is_loopback(config.host))
    desk = Desk(config, guard, make_env(), make_download_dir())
    desk.jobs = Jobs(desk.new_store, writable=not config.read_only)
    static = StaticFiles(packages=[("saidwhat.web", "static")])
    routes = [
        Route("/", home, methods=["GET"]),
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        *routes_search.routes(),
        *routes_docs.routes(),
        *routes_people.routes(),
        *routes_dossiers.routes(),
        *routes_sources.routes(),
        Mount("/static", app=static, name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityMiddleware, guard=guard)],
        exception_handlers={HTTPException: not_found},
        lifespan=_lifespan(desk),
    )
    app.state.desk = desk
    return app
