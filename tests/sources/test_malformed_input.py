"""Malformed input never stops a batch: every reader, fuzzed, gives documents or one-line errors.

For each reader (text/Markdown, HTML, PDF, tweets.js, Telegram result.json,
posts JSONL, feeds) hypothesis writes a malformed input and the batch
``[bad, good]`` is read: nothing may raise, every error must be one line naming
the bad input, and the good document after it must still come out.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources import iter_documents

GOOD = "The harbour master said the northern channel would open in April.\n"
FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)


def fields(*names: str):
    return st.dictionaries(
        st.sampled_from(names), json_values | st.text(max_size=40), max_size=len(names)
    )


tweets_js = st.lists(
    json_values
    | st.fixed_dictionaries(
        {"tweet": fields("full_text", "text", "id", "id_str", "created_at", "lang", "entities")}
    ),
    max_size=5,
).map(lambda items: "window.YTD.tweets.part0 = " + json.dumps(items))
telegram = st.fixed_dictionaries(
    {
        "name": json_values,
        "username": json_values,
        "messages": st.lists(
            json_values | fields("id", "type", "date", "from", "author", "text"), max_size=5
        ),
    }
).map(json.dumps)
jsonl = st.lists(
    st.text(max_size=40)
    | json_values.map(json.dumps)
    | fields("text", "author", "date", "url", "platform", "title", "lang").map(json.dumps),
    max_size=6,
).map("\n".join)
pdf = st.binary(max_size=600).map(lambda b: b"%PDF-1.4\n" + b + b"\ntrailer\n%%EOF\n")
html = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<meta charset='x-bogus-42'>",
            "<article>",
            "<script>",
            "<<",
            "&#0;",
            "\u2028",
        ]
    )
    | st.text(max_size=30),
    max_size=30,
).map("".join)

READERS = {
    "notes.txt": st.binary(max_size=400) | st.text(max_size=200).map(str.encode),
    "notes.md": st.binary(max_size=400),
    "page.html": html.map(str.encode) | st.binary(max_size=400),
    "doc.pdf": pdf | st.binary(max_size=200),
    "tweets.js": tweets_js.map(str.encode),
    "result.json": telegram.map(str.encode),
    "posts.jsonl": jsonl.map(str.encode),
}


def read_batch(bad: Path, good: Path) -> list[Document | SourceError]:
    items = list(iter_documents([str(bad), str(good)], detect=False))
    assert isinstance(items[-1], Document) and items[-1].ref == str(good), items[-1]
    for item in items[:-1]:
        ref = item.ref if isinstance(item, Document) else str(item)
        assert ref.startswith(str(bad)), ref  # every error names the bad input
        if isinstance(item, SourceError):
            assert "\n" not in str(item)
    return items


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("fuzz")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    return d


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_reader_survives_malformed_input(workdir, name):
    @FUZZ
    @given(READERS[name])
    def check(data: bytes) -> None:
        folder = workdir / name.replace(".", "_")
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
        read_batch(folder / name, workdir / "good.txt")

    check()


# The cases of issue 13, each once, by name.
REPORTED = {
    "t/tweets.js": b'window.YTD.tweets.part0 = [{"tweet":{"full_text":12345}}]',
    "tg/result.json": json.dumps(
        {
            "name": "Port news",
            "messages": [
                {"id": 1, "type": "message", "from": {"id": 5}, "text": "Hello there, harbour."}
            ],
        }
    ).encode(),
    "deep/result.json": b"[" * 200_000 + b"]" * 200_000,
    "deep/posts.jsonl": b'{"text": "ok"}\n' + b"[" * 200_000 + b"]" * 200_000 + b"\n",
    "nul/tweets.js": b'window.YTD.tweets.part0 = [{"tweet":{"full_text":"fine","created_at":7,"id_str":{}}}]',
    "j/posts.jsonl": b'{"text": "Quoted post.", "author": {"name": "x"}, "platform": [1], "date": {}}\n',
}


@pytest.mark.parametrize("rel", sorted(REPORTED))
def test_reported_cases(workdir, rel):
    bad = workdir / "reported" / rel
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(REPORTED[rel])
    items = read_batch(bad, workdir / "good.txt")
    if rel == "tg/result.json":
        (doc, _) = items
        assert doc.author == "Port news"  # "from": {...} is no author; the channel is
    if rel == "j/posts.jsonl":
        (doc, _) = items
        assert doc.author is None and doc.platform is None and doc.published is None
    if rel.startswith("deep/"):
        assert any("nested too deeply" in str(i) for i in items if isinstance(i, SourceError))


def test_unreadable_folder_and_path_inside_it(workdir, monkeypatch):
    """A sub-folder os.walk cannot list, and a path whose parent may not be entered.

    Tests run as root here, which may read anything, so the refusal is simulated.
    """
    import saidwhat.sources as sources_pkg
    import saidwhat.sources.files as files_mod

    locked = workdir / "locked"
    (locked / "inner").mkdir(parents=True, exist_ok=True)
    (locked / "a.txt").write_text(GOOD, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        for root, dirs, names in real_walk(top, onerror=onerror, **kw):
            if Path(root).name == "inner":
                onerror(PermissionError(13, "Permission denied", str(root)))
                dirs[:] = []
                continue
            yield root, dirs, names

    monkeypatch.setattr(files_mod.os, "walk", walk)
    real_stat = Path.stat

    def stat(self, *a, **kw):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *a, **kw)

    monkeypatch.setattr(sources_pkg.Path, "stat", stat)
    items = list(
        iter_documents(
            [str(locked), str(locked / "inner" / "secret.txt"), str(workdir / "good.txt")],
            detect=False,
        )
    )
    messages = [str(i) for i in items if isinstance(i, SourceError)]
    assert messages == [
        f"{locked}/inner: cannot read folder: Permission denied",
        f"{locked}/inner/secret.txt: cannot read: Permission denied",
    ]
    assert [i.ref for i in items if isinstance(i, Document)] == [
        f"{locked}/a.txt",
        str(workdir / "good.txt"),
    ]


@pytest.mark.parametrize(
    "arg", ["file:///etc/hostname", "ftp://example.org/a.txt", "javascript:alert(1)"]
)
def test_unsupported_schemes_say_so(arg):
    (err,) = list(iter_documents([arg], detect=False))
    assert isinstance(err, SourceError)
    assert str(err).startswith(f"{arg}: the {arg.split(':')[0]}: scheme is not supported")


@pytest.mark.slow
def test_cli_batch_goes_on_with_one_error_line_each(workdir, tmp_path):
    """The issue's reproduction through the CLI: errors are one line each, never a traceback."""
    from saidwhat.cli.main import cli

    bad = []
    for rel in ("t/tweets.js", "tg/result.json", "deep/result.json"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(REPORTED[rel])
        bad.append(str(p))
    good = str(workdir / "good.txt")
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "x.db"), "ingest", *bad, "javascript:void(0)", good]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    assert len(lines) == 3, lines  # the Telegram export is readable: only three inputs fail
    assert all(line.startswith("saidwhat: error: ") for line in lines)
    for name in (bad[0], bad[2], "javascript:void(0)"):
        assert sum(name in line for line in lines) == 1, name
    assert "2 documents read, 2 stored" in result.stdout


feed_bodies = st.one_of(
    st.binary(max_size=300),
    st.lists(
        st.sampled_from(
            [
                '<?xml version="1.0"?>',
                "<rss version='2.0'><channel>",
                "<title>",
                "</title>",
                "<item>",
                "</item>",
                "<link>",
                "</link>",
                "<guid>",
                "</guid>",
                "http://[",
                "javascript:alert(1)",
                "http://127.0.0.1:9/x.html",
                "<![CDATA[",
                "]]>",
                "&bogus;",
                "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
                "&a;",
                "<content:encoded>",
            ]
        )
        | st.text(max_size=20),
        max_size=40,
    ).map(lambda parts: "".join(parts).encode()),
)


def test_feed_reader_survives_malformed_feeds(site, client, tmp_path_factory):
    from saidwhat.sources.feeds import add_feed, poll_feeds
    from saidwhat.store.db import open_store
    from saidwhat.store.documents import store_document

    store = open_store(tmp_path_factory.mktemp("feedfuzz") / "f.db")
    bad = add_feed(store, site.url("/feeds/fuzz.xml"))
    good = add_feed(store, site.url("/feeds/atom.xml"))

    def ingest(docs):
        for doc in docs:
            store_document(store, doc, None)

    @FUZZ
    @given(feed_bodies)
    def check(body: bytes) -> None:
        site.server.state.fuzz_body = body
        store.conn.execute("DELETE FROM feed_entries")
        store.conn.execute("UPDATE feeds SET etag = NULL, last_modified = NULL")
        store.conn.commit()
        report = poll_feeds(store, ingest, client=client, feeds=[bad.id, good.id])
        results = {r.feed_id: r for r in report.feeds}
        assert results[good.id].status == "ok"
        bad_result = results[bad.id]
        for message in [bad_result.error or "", *bad_result.entry_errors]:
            assert "\n" not in message
        if bad_result.status == "error":
            assert bad_result.error.startswith(bad.url)

    try:
        check()
    finally:
        store.close()
