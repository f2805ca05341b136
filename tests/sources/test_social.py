"""Social exports: one document per post, the poster as author, unexpected shapes named."""

from __future__ import annotations

import json

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources import iter_documents

TWEETS = [
    {
        "tweet": {
            "id_str": "1001",
            "full_text": "The harbour vote was a victory for common sense &amp; for the islands.",
            "created_at": "Wed May 10 14:03:11 +0000 2017",
            "lang": "en",
        }
    },
    {"tweet": {"id_str": "1002", "full_text": "", "created_at": "Wed May 10 15:00:00 +0000 2017"}},
    {
        "tweet": {
            "id_str": "1003",
            "full_text": "RT @ferryunion: We are not done talking.",
            "created_at": "Thu May 11 09:00:00 +0000 2017",
        }
    },
]


def _write_tweets(folder, items=TWEETS, account=True):
    folder.mkdir(parents=True, exist_ok=True)
    body = "window.YTD.tweets.part0 = " + json.dumps(items, indent=2)
    (folder / "tweets.js").write_text(body, encoding="utf-8")
    if account:
        acc = [{"account": {"username": "halvorsen_ines", "accountDisplayName": "Ines Halvorsen"}}]
        (folder / "account.js").write_text("window.YTD.account.part0 = " + json.dumps(acc))
    return folder / "tweets.js"


def _docs(*inputs):
    return list(iter_documents([str(i) for i in inputs]))


def test_tweets_js_with_account(tmp_path):
    path = _write_tweets(tmp_path / "archive" / "data")
    docs = _docs(path)
    assert [d.ref for d in docs] == [f"{path}#1", f"{path}#3"]
    first = docs[0]
    assert first.text == "The harbour vote was a victory for common sense & for the islands."
    assert first.format == "tweet" and first.platform == "X"
    assert first.author == "Ines Halvorsen"
    assert first.url == "https://x.com/halvorsen_ines/status/1001"
    assert first.published == "2017-05-10T14:03:11+00:00"
    assert first.language == "en"
    assert docs[1].metadata["retweet"] is True


def test_tweets_js_author_from_folder(tmp_path):
    path = _write_tweets(tmp_path / "peskov_archive" / "data", account=False)
    doc = _docs(path)[0]
    assert doc.author == "peskov_archive"
    assert doc.url == "https://x.com/peskov_archive/status/1001"


def test_tweets_js_found_in_a_folder_walk(tmp_path):
    _write_tweets(tmp_path / "arch")
    (tmp_path / "arch" / "notes.txt").write_text("The spokesman said nothing new today.\n")
    items = _docs(tmp_path / "arch")
    assert [i.format for i in items] == ["txt", "tweet", "tweet"]


def test_tweets_js_wrong_shape(tmp_path):
    p = tmp_path / "tweets.js"
    p.write_text('window.YTD.tweets.part0 = {"tweets": []}')
    (err,) = _docs(p)
    assert isinstance(err, SourceError)
    assert str(p) in str(err) and "expected an X archive tweets.js" in str(err)
    p.write_text("window.YTD.tweets.part0 = [{")
    (err,) = _docs(p)
    assert "not valid JSON" in str(err)


TELEGRAM = {
    "name": "Harbour Watch",
    "type": "public_channel",
    "id": 1234,
    "messages": [
        {"id": 1, "type": "service", "date": "2017-05-10T10:00:00", "action": "create_channel"},
        {
            "id": 2,
            "type": "message",
            "date": "2017-05-10T14:03:11",
            "from": "Harbour Watch",
            "text": "Council chair: “We cannot keep the boats running on goodwill.”",
        },
        {
            "id": 3,
            "type": "message",
            "date": "2017-05-11T08:00:00",
            "text": [
                "Read the ",
                {"type": "link", "text": "full statement"},
                " from the union.",
            ],
        },
        {"id": 4, "type": "message", "date": "2017-05-11T09:00:00", "text": "", "photo": "x.jpg"},
    ],
}


def test_telegram_export(tmp_path):
    p = tmp_path / "result.json"
    p.write_text(json.dumps(TELEGRAM, ensure_ascii=False), encoding="utf-8")
    docs = _docs(p)
    assert [d.ref for d in docs] == [f"{p}#2", f"{p}#3"]
    assert docs[0].author == "Harbour Watch" and docs[0].platform == "Telegram"
    assert docs[0].format == "telegram" and docs[0].published == "2017-05-10T14:03:11"
    assert docs[0].url is None  # the export does not give the channel's username
    assert docs[1].text == "Read the full statement from the union."


def test_telegram_with_username_gets_urls(tmp_path):
    p = tmp_path / "result.json"
    p.write_text(json.dumps({**TELEGRAM, "username": "harbourwatch"}))
    assert _docs(p)[0].url == "https://t.me/harbourwatch/2"


def test_telegram_wrong_shape(tmp_path):
    p = tmp_path / "result.json"
    p.write_text(json.dumps({"about": "x", "chats": {"list": []}}))
    (err,) = _docs(p)
    assert isinstance(err, SourceError)
    assert "whole-account export" in str(err) and "Telegram Desktop channel export" in str(err)


def test_jsonl_posts(tmp_path):
    p = tmp_path / "posts.jsonl"
    lines = [
        {
            "text": "The ferry must run.",
            "author": "Tomas V",
            "date": "2024-03-07",
            "url": "https://x.com/tv/status/9",
        },
        {
            "text": "We will appeal.",
            "author": "Ines H",
            "date": "2024-03-08T10:00:00Z",
            "platform": "Mastodon",
        },
        "",
        {"author": "nobody"},
        {"text": "Last one", "author": "A", "url": "https://t.me/chan/5"},
    ]
    p.write_text("\n".join(json.dumps(x) if x else "" for x in lines) + "\n{broken\n")
    items = _docs(p)
    kinds = [(type(i).__name__, i.ref if isinstance(i, Document) else i.source) for i in items]
    assert kinds == [
        ("Document", f"{p}#1"),
        ("Document", f"{p}#2"),
        ("SourceError", f"{p}#4"),
        ("Document", f"{p}#5"),
        ("SourceError", f"{p}#6"),
    ]
    a, b, _, c, _ = items
    assert (a.platform, a.author, a.published, a.format) == ("X", "Tomas V", "2024-03-07", "post")
    assert (b.platform, b.published) == ("Mastodon", "2024-03-08T10:00:00+00:00")
    assert c.platform == "Telegram"
    assert 'no "text"' in str(items[2])


def test_jsonl_that_is_not_jsonl_is_one_error(tmp_path):
    p = tmp_path / "export.jsonl"
    p.write_text("id,text\n1,hello\n2,world\n")
    (err,) = _docs(p)
    assert isinstance(err, SourceError)
    assert err.source == str(p) and "expected JSON Lines" in str(err)
