"""Sessions, login, CSRF tokens, read-only mode and security headers for the desk.

Stateless: a session is a random id in an HMAC-signed, HttpOnly, SameSite=Strict
cookie; the CSRF token and the "logged in" mark are HMACs of that id under a
secret made when the server starts (restarting the server ends every session).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import quote

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "sw_session"
AUTH_COOKIE = "sw_auth"
#: Paths anyone may open without logging in.
PUBLIC_PATHS = ("/login", "/static/")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
LOOPBACK_NAMES = ("localhost",)

#: No script at all: the desk works with plain links and forms.
CSP = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:;"
    " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: The dossier preview is the renderer's own HTML, with its inline <style>; still no script.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
    " form-action 'none'; frame-ancestors 'self'; sandbox"
)
HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "SAMEORIGIN",
    "cross-origin-opener-policy": "same-origin",
}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Guard:
    """The server's secret, and the password (token) if one is required."""

    secret: bytes
    token: str | None
    read_only: bool
    loopback_only: bool

    @classmethod
    def create(cls, token: str | None, read_only: bool, loopback_only: bool) -> Guard:
        return cls(secrets.token_bytes(32), token or None, read_only, loopback_only)

    def _mac(self, what: str, sid: str) -> str:
        return hmac.new(self.secret, f"{what}:{sid}".encode(), hashlib.sha256).hexdigest()

    def new_session(self) -> str:
        sid = secrets.token_urlsafe(18)
        return f"{sid}.{self._mac('sid', sid)}"

    def session_id(self, cookie: str | None) -> str | None:
        if not cookie or "." not in cookie:
            return None
        sid, mac = cookie.rsplit(".", 1)
        return sid if hmac.compare_digest(mac, self._mac("sid", sid)) else None

    def csrf_token(self, sid: str) -> str:
        return self._mac("csrf", sid)

    def check_csrf(self, sid: str | None, token: str | None) -> bool:
        return bool(sid and token) and hmac.compare_digest(str(token), self.csrf_token(sid))

    def auth_mark(self, sid: str) -> str:
        return self._mac("auth", sid)

    def password_ok(self, given: str) -> bool:
        if self.token is None:
            return True
        return hmac.compare_digest(given.encode(), self.token.encode())


def _cookie_header(name: str, value: str, *, secure: bool, max_age: int | None = None) -> str:
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Strict"]
    if secure:
        parts.append("Secure")
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    return "; ".join(parts)


class SecurityMiddleware:
    """Session cookie, login wall, read-only refusal, Host check and security headers."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header is treated as none
            cookies = SimpleCookie()
        raw = cookies[SESSION_COOKIE].value if SESSION_COOKIE in cookies else None
        sid = self.guard.session_id(raw)
        set_cookie = None
        secure = scope.get("scheme") == "https"
        if sid is None:
            raw = self.guard.new_session()
            sid = self.guard.session_id(raw)
            set_cookie = _cookie_header(SESSION_COOKIE, raw, secure=secure)
        scope.setdefault("state", {})
        scope["state"]["sid"] = sid
        scope["state"]["csrf"] = self.guard.csrf_token(sid)
        scope["state"]["read_only"] = self.guard.read_only
        path = scope.get("path", "")
        method = scope.get("method", "GET")

        refusal = self._refusal(headers, cookies, sid, path, method)
        if refusal is not None:
            response: Response = refusal
            if set_cookie:
                response.headers.append("set-cookie", set_cookie)
            await self._send_with_headers(response, scope, receive, send)
            return

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                hdrs = message.setdefault("headers", [])
                names = {k.lower() for k, _ in hdrs}
                if b"content-security-policy" not in names:
                    hdrs.append((b"content-security-policy", CSP.encode()))
                for k, v in HEADERS.items():
                    if k.encode() not in names:
                        hdrs.append((k.encode(), v.encode()))
                if set_cookie:
                    hdrs.append((b"set-cookie", set_cookie.encode()))
            await send(message)

        await self.app(scope, receive, send_wrapped)

    def _refusal(
        self, headers: Headers, cookies: SimpleCookie, sid: str, path: str, method: str
    ) -> Response | None:
        if self.guard.loopback_only:
            # A page on another site must not reach the desk through a DNS name
            # that resolves to 127.0.0.1 (DNS rebinding).
            host = headers.get("host", "").rsplit(":", 1)[0] if headers.get("host") else ""
            if host.startswith("["):
                host = host.split("]")[0] + "]"
            if not is_loopback(host):
                return PlainTextResponse("unknown Host header", status_code=400)
        if self.guard.read_only and method not in SAFE_METHODS:
            return PlainTextResponse(
                "this desk is read-only (saidwhat serve --read-only)", status_code=403
            )
        if self.guard.token is not None and not path.startswith(PUBLIC_PATHS):
            mark = cookies[AUTH_COOKIE].value if AUTH_COOKIE in cookies else ""
            bearer = headers.get("authorization", "")
            ok = hmac.compare_digest(mark, self.guard.auth_mark(sid)) or (
                bearer.startswith("Bearer ") and self.guard.password_ok(bearer[7:])
            )
            if not ok:
                if method in SAFE_METHODS:
                    return RedirectResponse("/login?next=" + quote(path), status_code=303)
                return PlainTextResponse("log in first", status_code=401)
        return None

    async def _send_with_headers(
        self, response: Response, scope: Scope, receive: Receive, send: Send
    ) -> None:
        response.headers["content-security-policy"] = CSP
        for k, v in HEADERS.items():
            response.headers[k] = v
        await response(scope, receive, send)


def login_cookie(guard: Guard, sid: str, *, secure: bool) -> str:
    return _cookie_header(AUTH_COOKIE, guard.auth_mark(sid), secure=secure)


def logout_cookie(*, secure: bool) -> str:
    return _cookie_header(AUTH_COOKIE, "", secure=secure, max_age=0)


Handler = Callable[..., Awaitable[Response]]
