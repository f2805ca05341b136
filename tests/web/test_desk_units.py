"""The desk without a browser: security rules, facet counts, charts, drafts, feed health."""

from __future__ import annotations

import os
import re
import subprocess
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from desk_helpers import serve_command

from saidwhat.errors import UsageError
from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.db import open_store
from saidwhat.store.desk import feed_health
from saidwhat.store.facets import facets_and_timeline
from saidwhat.web.app import create_app
from saidwhat.web.base import DeskConfig, contained
from saidwhat.web.charts import bar_chart, fill_gaps
from saidwhat.web.drafts import move_section, move_statement, ordered_dossier

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

LOCAL = "http://127.0.0.1:8000"


@pytest.fixture(scope="module")
def store(desk_db):
    s = open_store(desk_db)
    yield s
    s.close()


def client(db: Path, **config) -> TestClient:
    return TestClient(create_app(DeskConfig(db_path=str(db), **config)), base_url=LOCAL)


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"text": "border OR crossing"},
        {"speaker": "Ostrikov"},
        {"kind": "direct", "since": "2026-05", "until": "2026-06"},
        {"source": "Northwire", "about": "Hallen"},
        {"language": "en", "org": "ministry"},
        {"country": "nowhere"},
    ],
)
def test_facet_counts_agree_with_the_search(store, filters):
    f = SearchFilters(**filters, limit=None)
    hits = search_statements(store, f)
    facets = facets_and_timeline(store, SearchFilters(**filters), period="day")
    assert facets.total == len(hits)
    assert sum(n for _, n in facets.timeline) == sum(1 for h in hits if h.day)
    kinds = {fv.value: fv.count for fv in facets.facets["kind"]}
    for kind, n in kinds.items():
        assert n == sum(1 for h in hits if h.kind == kind)
    for fv in facets.facets["speaker"]:
        assert fv.count == sum(1 for h in hits if f"#{h.person_id}" == fv.value)


def test_large_match_sets_are_counted_on_a_sample(store, monkeypatch):
    import saidwhat.store.facets as facets_module

    exact = facets_and_timeline(store, SearchFilters(), period="month")
    monkeypatch.setattr(facets_module, "EXACT_MAX", 20)
    monkeypatch.setattr(facets_module, "SAMPLE_TARGET", 30)
    monkeypatch.setattr(facets_module, "_CACHE", type(facets_module._CACHE)())
    sampled = facets_and_timeline(store, SearchFilters(), period="month")
    assert sampled.total == exact.total  # the total stays exact
    assert sampled.estimated and sampled.sample_every == -(-exact.total // 30)
    k = sampled.sample_every
    ids = [h.id for h in search_statements(store, SearchFilters(limit=None))]
    assert sum(n for _, n in sampled.timeline) == k * sum(1 for i in ids if i % k == 0)
    assert not exact.estimated


def test_a_facet_value_narrows_to_its_count(store):
    facets = facets_and_timeline(store, SearchFilters(text="border"))
    for name, field in (("speaker", "speaker"), ("kind", "kind"), ("source", "source")):
        fv = facets.facets[name][0]
        narrowed = SearchFilters(text="border", **{field: fv.value}, limit=None)
        assert len(search_statements(store, narrowed)) == fv.count, (name, fv)


def test_cached_facets_follow_a_commit(tmp_path, desk_db):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(desk_db, db)
    s = open_store(db)
    before = facets_and_timeline(s, SearchFilters(kind="qa"))
    with s.transaction() as conn:
        conn.execute("UPDATE statements SET kind = 'qa' WHERE kind = 'direct'")
    after = facets_and_timeline(s, SearchFilters(kind="qa"))
    direct = len(search_statements(s, SearchFilters(kind="qa", limit=None)))
    assert after.total == direct > before.total
    s.close()


def test_week_and_month_periods_add_up(store):
    by = {
        p: facets_and_timeline(store, SearchFilters(), period=p) for p in ("day", "week", "month")
    }
    totals = {p: sum(n for _, n in f.timeline) for p, f in by.items()}
    assert len(set(totals.values())) == 1
    assert all(
        datetime.fromisoformat(w).weekday() == 0 for w, _ in by["week"].timeline
    )  # weeks are named by their Monday


def test_chart_fills_missing_periods_with_zero():
    assert fill_gaps([("2026-01", 2), ("2026-04", 1)], "month") == [
        ("2026-01", 2), ("2026-02", 0), ("2026-03", 0), ("2026-04", 1),
    ]  # fmt: skip
    weeks = fill_gaps([("2026-05-04", 1), ("2026-05-25", 3)], "week")
    assert [w for w, _ in weeks] == ["2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25"]
    chart = bar_chart([("2026-05-01", 4), ("2026-05-03", 2)], "day")
    assert [b.count for b in chart.bars] == [4, 0, 2] and chart.max_count == 4
    tallest = max(chart.bars, key=lambda b: b.height)
    assert tallest.y == pytest.approx(0) and chart.bars[1].height == 0


def test_downloads_cannot_leave_their_folder(tmp_path):
    assert contained(tmp_path, "a.csv") == (tmp_path / "a.csv").resolve()
    for bad in ("../a.csv", "/etc/passwd", "sub/a.csv", "..", "", "."):
        with pytest.raises(UsageError):
            contained(tmp_path, bad)


def test_draft_moves_keep_every_statement():
    speaker = {1: "A", 2: "B", 3: "A", 4: "C"}
    assert move_statement([1, 2, 3, 4], speaker, 3, -1) == [3, 1, 2, 4]
    assert move_statement([1, 3, 2, 4], speaker, 1, -1) == [1, 3, 2, 4]  # already first
    assert move_section([1, 3, 2, 4], speaker, 4, -1) == [1, 3, 4, 2]
    assert move_section([1, 3, 2, 4], speaker, 1, 1) == [2, 1, 3, 4]


def test_ordered_dossier_follows_the_draft_and_renumbers_citations(store):
    hits = search_statements(store, SearchFilters(text="crossing", limit=6))
    hits = list(reversed(hits))
    dossier = ordered_dossier(hits, "T", "intro")
    assert dossier.description == "intro"
    order = [q.statement_id for s in dossier.sections for q in s.quotes]
    firsts = [s.quotes[0].statement_id for s in dossier.sections]
    ids = [h.id for h in hits]
    assert firsts == sorted(firsts, key=ids.index)
    assert sorted(order) == sorted(ids)
    numbers = [q.citation for s in dossier.sections for q in s.quotes]
    assert numbers == list(range(1, len(ids) + 1))
    assert [c.statement_id for c in dossier.citations] == order


def test_feed_health_warns_only_when_silent_beyond_the_usual_interval(tmp_path):
    s = open_store(tmp_path / "f.db")
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with s.transaction() as conn:
        for fid, url in ((1, "https://a.example/rss"), (2, "https://b.example/rss")):
            conn.execute(
                "INSERT INTO feeds (id, url, added_at) VALUES (?, ?, ?)",
                (fid, url, (now - timedelta(days=60)).isoformat()),
            )
        conn.execute("INSERT INTO feeds (id, url, added_at) VALUES (3, 'https://c.example', ?)",
                     ((now - timedelta(hours=2)).isoformat(),))  # fmt: skip
        # Feed 1: hourly until 2 hours ago (fine). Feed 2: hourly until 3 days ago (silent).
        for fid, last_h in ((1, 2), (2, 72)):
            for i in range(10):
                t = now - timedelta(hours=last_h + i)
                conn.execute(
                    "INSERT INTO feed_entries (feed_id, entry_id, status, seen_at)"
                    " VALUES (?, ?, 'ingested', ?)",
                    (fid, f"e{i}", t.isoformat()),
                )
    health = feed_health(s, now=now)
    assert health[1].warning is None
    assert health[2].warning == "silent for 3 days; it usually brings something every 1 h"
    assert health[2].usual_interval_h == pytest.approx(1.0)
    assert health[3].warning is None  # added 2 hours ago: too early to tell
    later = feed_health(s, now=now + timedelta(days=2))
    assert later[3].warning == "nothing received since it was added 2 days ago"
    s.close()


def _token(c: TestClient, path: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', c.get(path).text).group(1)


def test_merge_and_split_from_the_speaker_page(desk_db, tmp_path):
    import sqlite3

    db = tmp_path / "people.db"
    with sqlite3.connect(desk_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    c = client(db)
    s = open_store(db)
    keep = s.query("SELECT person_id FROM aliases WHERE alias = 'Margit Hallen'")[0][0]
    other = s.query("SELECT person_id FROM aliases WHERE alias = 'Lukas Brandt'")[0][0]
    n_keep, n_other = (
        len(search_statements(s, SearchFilters(speaker=f"#{i}", limit=None))) for i in (keep, other)
    )
    r = c.post(
        f"/people/{keep}/merge",
        data={"other": "Lukas Brandt", "csrf": _token(c, f"/people/{keep}")},
    )
    assert r.status_code == 200 and f"{n_other} statements moved" in r.text
    assert len(search_statements(s, SearchFilters(speaker=f"#{keep}", limit=None))) == (
        n_keep + n_other
    )
    r = c.post(
        f"/people/{keep}/split",
        data={"alias": "Lukas Brandt", "csrf": _token(c, f"/people/{keep}")},
    )
    assert r.status_code == 200 and "split Lukas Brandt off Margit Hallen" in r.text
    back = s.query("SELECT person_id FROM aliases WHERE alias = 'Lukas Brandt'")[0][0]
    assert back != keep
    assert len(search_statements(s, SearchFilters(speaker=f"#{back}", limit=None))) >= 1
    s.close()


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


ARTICLE = """<html><head><title>Ferry line to reopen</title></head><body><article>
<h1>Ferry line to reopen</h1><p>PORT HESK, June 8, 2026 (Northwire) - The ferry line between
Port Hesk and Velda will reopen in July, the harbour authority said on Monday.</p>
<p>"The ferry will carry freight again before the harvest," harbour master Anja Telling said.</p>
<p>"We have waited six years for this," said Tomas Verle, who runs a haulage firm in the town.</p>
</article></body></html>"""


@pytest.fixture
def feed_site():
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_port}"
            if self.path == "/feed.xml":
                body = (
                    '<?xml version="1.0"?><rss version="2.0"><channel><title>Hesk News</title>'
                    f"<link>{base}/</link><item><title>Ferry line to reopen</title>"
                    f"<link>{base}/ferry.html</link><guid>ferry-1</guid>"
                    "<pubDate>Mon, 08 Jun 2026 09:00:00 GMT</pubDate></item></channel></rss>"
                ).encode()
                ctype = "application/rss+xml"
            elif self.path == "/ferry.html":
                body, ctype = ARTICLE.encode(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_add_and_poll_a_feed_now(desk_db, tmp_path, feed_site):
    import sqlite3

    db = tmp_path / "feeds.db"
    with sqlite3.connect(desk_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    c = client(db)
    url = feed_site + "/feed.xml"
    r = c.post("/feeds", data={"url": url, "csrf": _token(c, "/feeds")})
    assert r.status_code == 200 and url in r.text
    fid = re.search(r'action="/feeds/(\d+)/poll"', r.text).group(1)
    r = c.post(f"/feeds/{fid}/poll", data={"csrf": _token(c, "/feeds")}, follow_redirects=False)
    job_id = r.headers["location"].rsplit("/", 1)[1]
    job = c.app.state.desk.jobs.wait(job_id, timeout=120)
    assert job.state == "done", (job.message, job.errors)
    assert job.figures["ingested"] == 1 and not job.errors
    page = c.get(f"/jobs/{job_id}").text
    assert "ingested" in page and "refresh" not in page
    feeds = c.get("/feeds").text
    assert "Hesk News" in feeds and "ok" in feeds
    assert "harvest" in c.get("/search?q=ferry").text


def test_dossier_downloads_as_markdown_and_html(desk_db, tmp_path):
    import sqlite3

    db = tmp_path / "dossier.db"
    with sqlite3.connect(desk_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    c = client(db)
    s = open_store(db)
    ids = [h.id for h in search_statements(s, SearchFilters(text="fishermen", limit=3))]
    s.close()
    token = _token(c, "/search")
    r = c.post(
        "/dossiers/add",
        data={"sid": [str(i) for i in ids], "new_dossier": "Fish", "csrf": token},
    )
    assert r.status_code == 200 and "Dossier: Fish" in r.text
    md = c.get("/dossiers/Fish/download.md")
    assert md.headers["content-disposition"] == 'attachment; filename="Fish.md"'
    assert md.text.startswith("# Fish") and f"{len(ids)} statements by" in md.text
    html = c.get("/dossiers/Fish/download.html")
    assert html.text.startswith("<!doctype html>") or "<html" in html.text[:200]
    assert "<script" not in html.text.lower()
    assert not list(c.app.state.desk.download_dir.iterdir())  # nothing left behind
    assert c.get("/dossiers/Fish/download.exe").status_code == 400


def test_search_parameters_are_bounded_and_checked(desk_db):
    c = client(desk_db)
    r = c.get("/search", params={"q": "x" * 1001})
    assert r.status_code == 400 and "longer than 1000 characters" in r.text
    r = c.get("/search", params={"q": "border", "period": "decade"})
    assert "unknown period" in r.text
    r = c.get("/search", params={"since": "May 2026"})
    assert "is not an ISO date" in r.text
    assert c.get("/search", params={"page": "two"}).status_code == 400


def test_ingest_pasted_urls(desk_db, tmp_path, feed_site):
    import sqlite3

    db = tmp_path / "urls.db"
    with sqlite3.connect(desk_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    c = client(db, data_dir=tmp_path / "data")
    urls = f"{feed_site}/ferry.html\nftp://files.example/story.txt\n{feed_site}/missing.html"
    r = c.post(
        "/ingest",
        data={"urls": urls, "csrf": _token(c, "/ingest")},
        files={"files": ("", b"", "application/octet-stream")},
        follow_redirects=False,
    )
    job = c.app.state.desk.jobs.wait(r.headers["location"].rsplit("/", 1)[1], timeout=120)
    assert job.state == "done" and job.figures["stored"] == 1
    assert job.errors[0] == "ftp://files.example/story.txt: not an http(s) URL"
    assert "missing.html" in job.errors[1] and "404" in job.errors[1]
    assert "harvest" in c.get("/search?q=ferry").text


def test_download_the_current_search_as_csv_and_jsonl(desk_db, store):
    import csv
    import io
    import json

    c = client(desk_db)
    params = {"q": "border OR crossing", "kind": "direct", "period": "week", "page": "2"}
    expected = search_statements(
        store, SearchFilters(text="border OR crossing", kind="direct", limit=None)
    )
    r = c.get("/search/export.csv", params=params)
    assert r.headers["content-disposition"] == 'attachment; filename="saidwhat-search.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [int(row["statement_id"]) for row in rows] == [h.id for h in expected]
    assert {"quote", "speaker", "outlet", "url", "published", "quote_start"} <= set(rows[0])
    r = c.get("/search/export.jsonl", params=params)
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert [x["statement_id"] for x in lines] == [h.id for h in expected]
    assert c.get("/search/export.xml", params=params).status_code == 404
    assert not list(c.app.state.desk.download_dir.iterdir())
