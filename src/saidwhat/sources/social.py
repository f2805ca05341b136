"""Social media exports: X/Twitter archives, Telegram Desktop channel exports, JSONL posts.

Each post becomes one Document (``ref`` = ``<path>#<n>``, n 1-based). A file in
an unexpected shape is one SourceError saying what was expected.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from saidwhat.errors import SourceError
from saidwhat.model import Document
from saidwhat.sources.dates import normalise_iso
from saidwhat.sources.encoding import decode_text
from saidwhat.sources.files import read_bytes

log = logging.getLogger(__name__)

_PLATFORM_HOSTS = {
    "x.com": "X",
    "twitter.com": "X",
    "t.me": "Telegram",
    "facebook.com": "Facebook",
    "vk.com": "VK",
    "instagram.com": "Instagram",
    "youtube.com": "YouTube",
    "bsky.app": "Bluesky",
    "threads.net": "Threads",
}


def _read_json_text(path: Path, ref: str, max_bytes: int) -> str:
    return decode_text(read_bytes(path, ref, max_bytes), ref)


# -- X / Twitter archive -------------------------------------------------------


def _strip_js_assignment(text: str, ref: str, expected: str) -> Any:
    """Parse ``window.YTD.x.part0 = [...]`` (or plain JSON)."""
    body = text.strip()
    if body.startswith("window."):
        eq = body.find("=")
        body = body[eq + 1 :].strip().rstrip(";") if eq > 0 else ""
    try:
        return json.loads(body)
    except json.JSONDecodeError as e:
        raise SourceError(
            f"not valid JSON at line {e.lineno} column {e.colno}; expected {expected}",
            source=ref,
        ) from None
    except RecursionError:
        raise SourceError(
            f"JSON nested too deeply to read; expected {expected}", source=ref
        ) from None


def _str(value: Any) -> str | None:
    """A field that should be text: the string, a number as text, else None (never a repr)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _archive_user(path: Path) -> tuple[str | None, str | None]:
    """(username, display name) from a sibling account.js, if there is one."""
    acc = path.with_name("account.js")
    if not acc.is_file():
        return None, None
    try:
        data = _strip_js_assignment(acc.read_text(encoding="utf-8-sig"), str(acc), "account.js")
        account = data[0]["account"]
        return _str(account.get("username")), _str(account.get("accountDisplayName"))
    except (SourceError, OSError, UnicodeDecodeError, LookupError, TypeError, AttributeError):
        log.warning("%s: could not read the account name; using the folder name", acc)
        return None, None


def _tweet_date(value: Any) -> str | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y").isoformat()
    except ValueError:
        return normalise_iso(value)


def read_tweets_js(path: Path, ref: str, max_bytes: int) -> Iterator[Document | SourceError]:
    """An X/Twitter archive ``tweets.js``: one Document per tweet."""
    expected = 'an X archive tweets.js (window.YTD.tweets.part0 = [{"tweet": {...}}, ...])'
    data = _strip_js_assignment(_read_json_text(path, ref, max_bytes), ref, expected)
    if not isinstance(data, list):
        raise SourceError(f"top level is {type(data).__name__}; expected {expected}", source=ref)
    username, display = _archive_user(path)
    if not username:
        folder = path.resolve().parent
        if folder.name.lower() == "data" and folder.parent != folder:
            folder = folder.parent
        username = folder.name or None
    n_ok = n_bad = 0
    for n, item in enumerate(data, 1):
        tweet = item.get("tweet", item) if isinstance(item, dict) else None
        if not isinstance(tweet, dict) or not ("full_text" in tweet or "text" in tweet):
            n_bad += 1
            yield SourceError(f"item {n} is not a tweet; expected {expected}", source=f"{ref}#{n}")
            continue
        raw = tweet.get("full_text") or tweet.get("text") or ""
        if not isinstance(raw, str):
            n_bad += 1
            yield SourceError(
                f"item {n}: full_text is {_json_type(raw)}, not a string; expected {expected}",
                source=f"{ref}#{n}",
            )
            continue
        text = html.unescape(raw)
        if not text.strip():
            continue
        tid = _str(tweet.get("id_str")) or _str(tweet.get("id"))
        n_ok += 1
        yield Document(
            text=text,
            ref=f"{ref}#{n}",
            url=f"https://x.com/{username}/status/{tid}" if username and tid else None,
            published=_tweet_date(tweet.get("created_at")),
            language=_lang(tweet.get("lang")),
            author=display or username,
            outlet=None,
            format="tweet",
            platform="X",
            metadata={
                k: v
                for k, v in (
                    ("id", tid),
                    ("username", username),
                    ("retweet", text.startswith("RT @")),
                )
                if v
            },
        )
    if not n_ok and not n_bad and data:  # (the errors already said why)
        log.warning("%s: no tweets with text", ref)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")


def _lang(code: Any) -> str | None:
    """A platform's language tag, if it is a real ISO 639-1 code ('und', 'qme' are not)."""
    return code if isinstance(code, str) and len(code) == 2 and code.isalpha() else None


# -- Telegram Desktop export ---------------------------------------------------


def _telegram_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else (_str(part.get("text")) or "")
            for part in value
            if isinstance(part, str | dict)
        )
    return ""


def read_telegram_json(path: Path, ref: str, max_bytes: int) -> Iterator[Document | SourceError]:
    """A Telegram Desktop channel export (``result.json``): one Document per message."""
    expected = 'a Telegram Desktop channel export (result.json with "name" and "messages")'
    data = _strip_js_assignment(_read_json_text(path, ref, max_bytes), ref, expected)
    if not isinstance(data, dict) or not isinstance(data.get("messages"), list):
        hint = ""
        if isinstance(data, dict) and "chats" in data:
            hint = " (this is a whole-account export: export a single channel instead)"
        raise SourceError(f"unexpected shape{hint}; expected {expected}", source=ref)
    channel = _str(data.get("name"))
    username = _str(data.get("username")) or _str(data.get("channel_username"))
    if username:
        username = username.lstrip("@") or None
    for n, msg in enumerate(data["messages"], 1):
        if not isinstance(msg, dict):
            yield SourceError(f"item {n} is not a message object", source=f"{ref}#{n}")
            continue
        if msg.get("type", "message") != "message":
            continue  # service messages: joins, pins, title changes
        text = _telegram_text(msg.get("text"))
        if not text.strip():
            continue  # media without a caption
        mid = _str(msg.get("id"))
        date = _str(msg.get("date"))
        yield Document(
            text=text,
            ref=f"{ref}#{n}",
            url=f"https://t.me/{username}/{mid}" if username and mid else None,
            published=normalise_iso(date) if date else None,
            # "from" can be null or an object in odd exports: only a name is an author.
            author=_str(msg.get("from")) or _str(msg.get("author")) or channel,
            format="telegram",
            platform="Telegram",
            metadata={k: v for k, v in (("id", mid), ("channel", channel)) if v is not None},
        )


# -- generic JSONL -------------------------------------------------------------


def platform_from_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    except ValueError:  # "http://[": not a URL a platform could be read from
        return None
    return _PLATFORM_HOSTS.get(host)


def read_jsonl(path: Path, ref: str, max_bytes: int) -> Iterator[Document | SourceError]:
    """One post per line: ``{"text", "author", "date", "url", "platform"?}``."""
    text = _read_json_text(path, ref, max_bytes)
    n_posts = 0
    # Line errors are held back until the first good post: a file that is not
    # JSONL at all gets one error, not one per line.
    pending: list[SourceError] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        item_ref = f"{ref}#{n}"
        try:
            post = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            why = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            err = SourceError(
                f"line {n} is not valid JSON ({why}); expected one post object per line",
                source=item_ref,
            )
            yield from _hold(err, pending, n_posts)
            continue
        if not isinstance(post, dict) or not isinstance(post.get("text"), str):
            err = SourceError(
                f'line {n} has no "text" string; expected {{"text", "author", "date", "url"}}',
                source=item_ref,
            )
            yield from _hold(err, pending, n_posts)
            continue
        if not post["text"].strip():
            continue
        url = _str(post.get("url"))
        date = _str(post.get("date"))
        n_posts += 1
        yield from pending
        pending.clear()
        yield Document(
            text=post["text"],
            ref=item_ref,
            url=url,
            published=normalise_iso(date) if date else None,
            author=_str(post.get("author")),
            language=_lang(post.get("language") or post.get("lang")),
            format="post",
            platform=_str(post.get("platform")) or platform_from_url(url),
            title=_str(post.get("title")),
        )
    if pending:
        raise SourceError(
            f"no line is a post ({pending[0].args[0].split(': ', 1)[-1]}); expected JSON Lines, "
            'one {"text", "author", "date", "url", "platform"} object per line',
            source=ref,
        )
    if not n_posts:
        log.warning("%s: no posts with text", ref)


def _hold(err: SourceError, pending: list[SourceError], n_posts: int) -> list[SourceError]:
    if n_posts:
        return [err]
    pending.append(err)
    return []
