"""The desk through its ASGI app (no browser): sessions, CSRF, read-only, passwords, headers, limits, contrast."""

from __future__ import annotations

import os
import re
import subprocess
import warnings
from pathlib import Path

from desk_helpers import serve_command

from saidwhat.web.app import create_app
from saidwhat.web.base import DeskConfig

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

LOCAL = "http://127.0.0.1:8000"


def client(db: Path, **config) -> TestClient:
    return TestClient(create_app(DeskConfig(db_path=str(db), **config)), base_url=LOCAL)


def _token(c: TestClient, path: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', c.get(path).text).group(1)


# --- security ---------------------------------------------------------------------------


def _action_routes(app) -> list[str]:
    paths = []
    for route in app.routes:
        if "POST" in (getattr(route, "methods", None) or ()):
            path = route.path
            path = re.sub(r"\{[a-z_]+:int\}", "1", path)
            paths.append(re.sub(r"\{[a-z_]+\}", "x", path))
    return paths


def test_every_post_route_refuses_a_request_without_csrf(desk_db):
    c = client(desk_db)
    assert c.get("/search").status_code == 200  # gets a session cookie
    paths = _action_routes(c.app)
    assert len(paths) >= 15
    for path in paths:
        r = c.post(path, data={"name": "x", "url": "https://a.example/rss"})
        assert r.status_code == 403, path
        assert "CSRF" in r.text


def test_csrf_token_is_bound_to_the_session(desk_db):
    a, b = client(desk_db), client(desk_db)
    page = a.get("/feeds").text
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    b.get("/feeds")
    r = b.post("/feeds", data={"url": "https://stolen.example/rss", "csrf": token})
    assert r.status_code == 403


def test_read_only_desk_refuses_changes_and_shows_no_forms(desk_db):
    c = client(desk_db, read_only=True)
    page = c.get("/feeds")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert token is None and "read-only" in page.text
    r = c.post("/feeds", data={"url": "https://a.example/rss"})
    assert r.status_code == 403 and "read-only" in r.text
    assert c.get("/search?q=border").status_code == 200


def test_password_protects_every_page(desk_db):
    c = client(desk_db, token="s3cret-token")
    r = c.get("/search?q=border", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=/search")
    login = c.get("/login").text
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', login).group(1)
    bad = c.post("/login", data={"password": "nope", "csrf": token, "next": "/feeds"})
    assert bad.status_code == 403
    ok = c.post(
        "/login",
        data={"password": "s3cret-token", "csrf": token, "next": "https://evil.example/"},
        follow_redirects=False,
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/search"  # no open redirect
    assert "HttpOnly" in ok.headers["set-cookie"] and "SameSite=Strict" in ok.headers["set-cookie"]
    assert c.get("/search?q=border").status_code == 200
    feed = c.get("/watchlists/none/atom.xml", headers={"Authorization": "Bearer s3cret-token"})
    assert feed.status_code == 404  # authorised: the watchlist does not exist


def test_loopback_desk_rejects_a_foreign_host_header(desk_db):
    c = client(desk_db)
    assert c.get("/search", headers={"Host": "evil.example"}).status_code == 400
    assert c.get("/search", headers={"Host": "localhost:8000"}).status_code == 200


def test_security_headers(desk_db):
    r = client(desk_db).get("/search")
    csp = r.headers["content-security-policy"]
    assert "script-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "HttpOnly" in r.headers["set-cookie"]


def test_upload_larger_than_the_limit_is_refused(desk_db):
    c = client(desk_db, max_upload_bytes=1000)
    page = c.get("/ingest").text
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    r = c.post(
        "/ingest", data={"csrf": token}, files={"files": ("big.txt", b"x" * 5000, "text/plain")}
    )
    assert r.status_code == 413 and "larger than" in r.text


def test_serving_beyond_loopback_without_a_password_refuses_to_start(desk_db):
    env = {k: v for k, v in os.environ.items() if k != "SAIDWHAT_DESK_TOKEN"}
    result = subprocess.run(
        serve_command(desk_db, "--host", "0.0.0.0", "--port", "1"),
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "saidwhat: error: refusing to serve on 0.0.0.0 without a password: set"
        " SAIDWHAT_DESK_TOKEN (or serve on 127.0.0.1)"
    )


# --- accessibility ----------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_desk_colours_pass_wcag_aa():
    from saidwhat.web.highlight import SPEAKER_COLOURS

    css = (Path(__file__).resolve().parents[2] / "src/saidwhat/web/static/desk.css").read_text()
    var = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    pairs = [
        ("ink", "bg"), ("muted", "bg"), ("link", "bg"), ("link", "panel"), ("muted", "panel"),
        ("warn", "warn-bg"), ("err", "bg"),
    ]  # fmt: skip
    for fg, bg in pairs:
        assert _contrast(var[fg], var[bg]) >= 4.5, (fg, bg)
    assert _contrast("#ffffff", "#13294b") >= 4.5  # the navigation bar
    for tint in SPEAKER_COLOURS:  # highlighted text is #111 on each speaker's tint
        assert _contrast("#111111", tint) >= 4.5, tint
        assert f"background: {tint}" in css
    assert re.search(r":focus-visible\s*\{\s*outline:\s*3px solid", css)
