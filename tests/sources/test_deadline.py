"""A server that trickles its headers cannot hold a fetch, an ingest or a feeds poll."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from saidwhat.errors import FetchError
from saidwhat.sources import web
from saidwhat.sources.web import fetch

#: Each byte comes well within the per-read timeout; only a whole-request deadline stops it.
BYTE_EVERY = 0.05
DEADLINE = 1.0


@pytest.fixture(scope="module")
def slowloris():
    """http://127.0.0.1:PORT/ answers with a status line, then one header byte at a time."""
    srv = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n")
            while not stop.is_set():
                conn.sendall(b"X")  # an endless header name
                time.sleep(BYTE_EVERY)

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}"
    stop.set()
    srv.close()


@pytest.fixture
def short_deadline(monkeypatch):
    monkeypatch.setattr(web, "TOTAL_TIMEOUT", DEADLINE)


@pytest.mark.timeout(30)
def test_fetch_stops_at_the_deadline(slowloris, short_deadline, client):
    started = time.monotonic()
    with pytest.raises(FetchError, match=f"no complete answer within {DEADLINE:g}s"):
        fetch(slowloris + "/story.html", client=client)
    assert time.monotonic() - started < DEADLINE + 1.5


@pytest.mark.timeout(60)
def test_feeds_poll_is_not_held(slowloris, short_deadline, tmp_path):
    from saidwhat.cli.main import cli
    from saidwhat.sources.feeds import add_feed
    from saidwhat.store.db import open_store

    db = tmp_path / "slow.db"
    store = open_store(db)
    add_feed(store, slowloris + "/rss.xml")
    store.close()
    started = time.monotonic()
    result = CliRunner().invoke(cli, ["--db", str(db), "feeds", "poll"])
    assert time.monotonic() - started < DEADLINE + 3
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"saidwhat: error: {slowloris}/rss.xml: timed out")


@pytest.mark.timeout(60)
def test_ingest_goes_on_after_a_slow_url(slowloris, short_deadline, tmp_path):
    from saidwhat.sources import iter_documents

    good = tmp_path / "good.txt"
    good.write_text("The mayor said the bridge would reopen.\n", encoding="utf-8")
    started = time.monotonic()
    items = list(iter_documents([slowloris + "/a.html", str(good)], detect=False))
    assert time.monotonic() - started < DEADLINE + 3
    assert "no complete answer" in str(items[0]) and items[1].ref == str(good)
