"""The desk through its ASGI app (no browser): corrections, feeds, downloads, ingest."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from saidwhat.search.query import SearchFilters, search_statements
from saidwhat.store.db import open_store
from saidwhat.web.app import create_app
from saidwhat.web.base import DeskConfig

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

LOCAL = "http://127.0.0.1:8000"


def client(db: Path, **config) -> TestClient:
    return TestClient(create_app(DeskConfig(db_path=str(db), **config)), base_url=LOCAL)


@pytest.fixture(scope="module")
def store(desk_db):
    s = open_store(desk_db)
    yield s
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

    # A new server over the same store lists the job, with each URL's error.
    again = client(db, data_dir=tmp_path / "data")
    assert job.id in again.get("/ingest").text
    page = again.get(f"/jobs/{job.id}").text
    assert "done" in page and "ftp://files.example/story.txt: not an http(s) URL" in page
    assert "missing.html" in page


def test_a_job_of_a_stopped_server_is_marked_interrupted(tmp_path):
    from saidwhat.store.desk_jobs import INTERRUPTED, JobRecord, get_job, save_job

    db = tmp_path / "jobs.db"
    with open_store(db) as s:
        # The process that ran these jobs is gone (one that has just ended).
        import socket
        import subprocess
        import sys

        ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                               capture_output=True, text=True, check=True)  # fmt: skip
        gone = f"{socket.gethostname()}:{ended.stdout.strip()}"
        for i, state in enumerate(("running", "waiting", "done")):
            save_job(s, JobRecord(f"j{i}", "ingest", f"job {i}", state, f"2026-06-0{i + 1}",
                                  errors=["a.txt: bad"], owner=gone))  # fmt: skip
        save_job(s, JobRecord("far", "ingest", "elsewhere", "running", "2026-06-04",
                              owner="another-host:123"))  # fmt: skip
    c = client(db)
    with open_store(db) as s:
        assert [get_job(s, j).state for j in ("j0", "j1", "j2", "far")] == [
            "failed", "failed", "done", "running"]  # fmt: skip
        assert get_job(s, "j0").message == INTERRUPTED and get_job(s, "j0").errors == ["a.txt: bad"]
    assert "the server stopped before this job finished" in c.get("/jobs/j0").text
    assert c.get("/jobs/nope").status_code == 404


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


def test_downloads_are_the_cli_export_byte_for_byte(desk_db, tmp_path):
    from saidwhat.reports.export import export_statements

    c = client(desk_db, read_only=True)
    for fmt in ("csv", "jsonl"):
        cli_file = tmp_path / f"cli.{fmt}"
        with open_store(desk_db) as s:
            export_statements(s, SearchFilters(text="crossing", limit=None), str(cli_file), fmt)
        r = c.get(f"/search/export.{fmt}", params={"q": "crossing"})
        assert r.status_code == 200
        assert r.content == cli_file.read_bytes() and r.content.count(b"\n") > 2


def test_a_bad_query_is_a_page_not_a_download(desk_db):
    r = client(desk_db).get("/search/export.csv", params={"q": '"unbalanced'})
    assert r.status_code == 400 and "double quote is not closed" in r.text
    assert "attachment" not in r.headers.get("content-disposition", "")


def test_downloads_stream_through_a_bounded_queue(desk_db, monkeypatch):
    """The producer runs at most QUEUE_CHUNKS chunks ahead of a reader that stops reading."""
    import time

    import anyio

    import saidwhat.web.downloads as downloads
    from saidwhat.reports.export import write_csv
    from saidwhat.search.query import iter_statements

    monkeypatch.setattr(downloads, "CHUNK_BYTES", 512)
    monkeypatch.setattr(downloads, "QUEUE_CHUNKS", 2)
    monkeypatch.setattr(downloads, "STOP_CHECK_S", 0.05)
    stream = downloads.ExportStream(lambda: open_store(desk_db), SearchFilters(limit=None), "csv")

    async def read_some() -> tuple[bytes, int]:
        await stream.start()
        body = stream.body()
        first = await body.__anext__()
        time.sleep(0.5)  # the reader stalls; the producer must wait for it
        stalled_at = stream.chunks_sent
        rest = [chunk async for chunk in body]
        return first + b"".join(rest), stalled_at

    # In a thread of its own: Playwright's sync API may hold this thread's event loop.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        data, stalled_at = pool.submit(anyio.run, read_some).result()
    assert stalled_at <= 2 + 2  # the queue, the chunk read and the one being put
    assert stream.chunks_sent > 10 * stalled_at
    with open_store(desk_db) as s:
        import io

        out = io.StringIO(newline="")
        write_csv(iter_statements(s, SearchFilters(limit=None)), out)
    assert data == out.getvalue().encode("utf-8")


def test_the_search_page_runs_the_search_once(desk_db, monkeypatch):
    """Facets and chart count with their own queries: the ranked search runs once a page."""
    from saidwhat.store import facets
    from saidwhat.store.statements import Statements

    built = []
    real = Statements.build
    monkeypatch.setattr(
        Statements, "build", lambda self, *a, **k: built.append(1) or real(self, *a, **k)
    )
    monkeypatch.setattr(facets, "_CACHE", type(facets._CACHE)())
    r = client(desk_db).get(
        "/search", params={"q": "border", "source": "Northwire", "period": "week"}
    )
    assert r.status_code == 200 and 'class="facets"' in r.text
    assert len(built) == 1


def test_a_reader_who_leaves_stops_the_download(desk_db, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    import anyio

    import saidwhat.web.downloads as downloads

    monkeypatch.setattr(downloads, "CHUNK_BYTES", 256)
    monkeypatch.setattr(downloads, "QUEUE_CHUNKS", 1)
    monkeypatch.setattr(downloads, "STOP_CHECK_S", 0.05)
    stream = downloads.ExportStream(lambda: open_store(desk_db), SearchFilters(limit=None), "jsonl")

    async def read_one_then_leave() -> None:
        await stream.start()
        body = stream.body()
        await body.__anext__()
        await body.aclose()

    with ThreadPoolExecutor(1) as pool:
        pool.submit(anyio.run, read_one_then_leave).result()
    stream._thread.join(timeout=10)
    assert not stream._thread.is_alive()
    assert stream.chunks_sent < 10  # it stopped long before the end
