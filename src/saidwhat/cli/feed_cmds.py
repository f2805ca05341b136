"""``saidwhat feeds``: subscribe to RSS/Atom feeds and poll them (from cron)."""

from __future__ import annotations

import sys
from collections.abc import Iterable

import click

from saidwhat.cli.output import emit, format_option
from saidwhat.model import Document


@click.group()
def feeds() -> None:
    """Subscribe to news feeds and ingest their new articles.

    \b
    Example:
      saidwhat feeds add https://example.org/world/rss.xml
      saidwhat feeds poll            # from cron: */30 * * * *
      saidwhat feeds list
    """


@feeds.command("add")
@click.argument("url")
@format_option()
@click.pass_obj
def add_cmd(app, url: str, fmt: str) -> None:
    """Subscribe to the RSS or Atom feed at URL (adding it twice is harmless).

    The feed is fetched once to check that it is one and to say what it holds;
    its entries are ingested by `feeds poll`. A URL that is not a feed is not
    subscribed.

    \b
    Example:
      saidwhat feeds add https://example.org/world/rss.xml
    """
    from saidwhat.sources.feeds import add_feed, preview_feed

    found = preview_feed(url)
    feed = add_feed(app.open_store(), url, title=found.title)
    n = found.entries
    click.echo(
        f"feed {feed.id}: {found.title or '(untitled)'}: {n} entr{'y' if n == 1 else 'ies'}"
        + (f", newest {found.newest[:10]}" if found.newest else "")
        + (f", {n - found.with_links} without a link" if found.with_links < n else "")
        + "; run `saidwhat feeds poll` to ingest them",
        err=True,
    )
    row = {**feed.to_dict(), "entries_found": n, "newest": found.newest}
    emit([row], fmt, columns=("id", "title", "url", "entries_found", "newest"), title="feed added")


@feeds.command("list")
@format_option()
@click.pass_obj
def list_cmd(app, fmt: str) -> None:
    """List subscribed feeds with the outcome of their last poll.

    \b
    Example:
      saidwhat feeds list
      saidwhat feeds list --format json
    """
    from saidwhat.sources.feeds import list_feeds

    rows = [f.to_dict() for f in list_feeds(app.open_store(write=False))]
    emit(
        rows,
        fmt,
        columns=(
            "id",
            "title",
            "url",
            "entries",
            "failed_entries",
            "last_polled",
            "last_status",
            "last_error",
        ),
        wide=("url", "last_error"),
        title="feeds",
    )


@feeds.command("remove")
@click.argument("feed")
@click.pass_obj
def remove_cmd(app, feed: str) -> None:
    """Unsubscribe from FEED (its id or URL); ingested documents stay.

    \b
    Example:
      saidwhat feeds remove 1
    """
    from saidwhat.sources.feeds import remove_feed

    removed = remove_feed(app.open_store(), feed)
    click.echo(f"removed feed {removed.id}: {removed.url}", err=True)


@feeds.command("poll")
@click.argument("only", nargs=-1, metavar="[FEED...]")
@click.option(
    "--max-bytes",
    type=click.IntRange(1024),
    default=None,
    help="Largest article body to download, in bytes [default: 50 MB].",
)
@format_option()
@click.pass_obj
def poll_cmd(app, only: tuple[str, ...], max_bytes: int | None, fmt: str) -> None:
    """Fetch every feed (or only FEED ids/URLs) and ingest its new entries.

    Safe to run from cron: unchanged feeds cost one conditional request and
    each entry is ingested once. An entry that fails is retried later with
    back-off (1 h, 2 h, 4 h, ...; given up after 6 tries). Exits 1 if any feed
    or entry failed; the others are still polled.

    \b
    Example:
      saidwhat feeds poll
      saidwhat feeds poll 1 --format json
    """
    from saidwhat.ingest import ingest_documents
    from saidwhat.sources.feeds import poll_feeds
    from saidwhat.sources.files import MAX_BYTES

    store = app.open_store()

    def ingest(docs: Iterable[Document]) -> object:
        # Extraction errors are in the report; poll_feeds reads back what was stored.
        return ingest_documents(store, docs)

    report = poll_feeds(
        store, ingest, max_bytes=max_bytes or MAX_BYTES, feeds=list(only) if only else None
    )
    rows = [
        {
            "feed": r.feed_id,
            "url": r.url,
            "status": r.status,
            "new": r.new_entries,
            "retried": r.retried,
            "waiting": r.waiting,
            "ingested": r.ingested,
            "failed": r.failed,
            "error": r.error,
        }
        for r in report.feeds
    ]
    for r in report.feeds:
        if r.error:
            click.echo(f"saidwhat: error: {r.error}", err=True)
        for message in r.entry_errors:
            click.echo(f"saidwhat: error: entry failed: {message}", err=True)
    emit(rows, fmt, wide=("url", "error"), title="feeds polled")
    if not report.ok:
        sys.exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(feeds)
