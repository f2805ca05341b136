"""Commands that write reports: ``dossier`` and the ``watch`` group (watchlists, Atom feeds)."""

from __future__ import annotations

import sys
from typing import Any

import click

from saidwhat.cli.output import emit, format_option, plural
from saidwhat.cli.search_cmds import filter_options, filters_from


@click.command()
@filter_options
@click.option("--title", required=True, metavar="TITLE", help="The dossier's title.")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="File to write: .md, .html or .pdf.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("md", "html", "pdf")),
    default=None,
    help="Format [default: from the file name].",
)
@click.option(
    "--order",
    type=click.Choice(("importance", "time")),
    default="importance",
    show_default=True,
    help="Speakers by statement count, or by when they first spoke.",
)
@click.option(
    "--generated",
    metavar="TEXT",
    default=None,
    help="A date line to print (nothing by default, so reruns give identical files).",
)
@click.pass_obj
def dossier(
    app, title: str, output: str, fmt: str | None, order: str, generated: str | None, **kwargs: Any
) -> None:
    """Compile matching statements into a dossier grouped by speaker, with citations.

    Takes the same filters as `quotes`; every matching statement is included
    unless --limit is given.

    \b
    Example:
      saidwhat dossier --title "Reactions to the foreign minister's visit" \\
          --about Ostrikov --since 2026-05-01 --until 2026-05-31 -o reactions.html
      saidwhat dossier crossing --title "The crossing" --order time -o crossing.pdf
    """
    from saidwhat.reports.dossier import build_dossier, format_for, write_dossier
    from saidwhat.search.query import search_statements

    filters = filters_from(kwargs, limit=None)
    fmt = format_for(output, fmt)
    store = app.open_store(write=False)
    hits = search_statements(store, filters)
    from saidwhat.store.translations import annotate_hits

    annotate_hits(store, hits)  # each quote's language and the reader's translation
    if not hits:
        click.echo("saidwhat: warning: no statements match; the dossier is empty", err=True)
    report = build_dossier(
        hits, title, order=order, description=filters.describe() or None, generated=generated
    )
    path = write_dossier(report, output, fmt)
    click.echo(f"wrote {path}: {report.summary_line}")


@click.group()
def watch() -> None:
    """Watchlists: saved searches, published as Atom feeds.

    \b
    Example:
      saidwhat watch add ostrikov --speaker "Sergey Ostrikov"
      saidwhat watch list
      saidwhat watch feed ostrikov -o ostrikov.xml
    """


@watch.command("add")
@click.argument("name")
@filter_options
@click.option("--replace", is_flag=True, help="Overwrite a watchlist of the same name.")
@click.pass_obj
def watch_add(app, name: str, replace: bool, **kwargs: Any) -> None:
    """Save the filters as watchlist NAME.

    \b
    Example:
      saidwhat watch add grain '"grain deal" OR "grain corridor"' --since 2026-01-01
      saidwhat watch add ostrikov --speaker Ostrikov --replace
    """
    from saidwhat.reports.watch import add_watchlist

    wl = add_watchlist(app.open_store(), name, filters_from(kwargs), replace=replace)
    click.echo(f"watchlist {wl.name}: {wl.filters.describe()}")


@watch.command("list")
@format_option()
@click.pass_obj
def watch_list(app, fmt: str) -> None:
    """List the watchlists and their filters.

    \b
    Example:
      saidwhat watch list --format json
    """
    from saidwhat.reports.watch import list_watchlists

    rows = []
    for wl in list_watchlists(app.open_store(write=False)):
        row = wl.to_row()
        if fmt != "table":
            row["filters"] = wl.filters.to_dict()
        rows.append(row)
    emit(rows, fmt, ("name", "filters", "created"), title="watchlists")


@watch.command("feed")
@click.argument("name")
@click.option("-o", "--output", metavar="FILE", default="-", help="File to write; - for stdout.")
@click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="Entries.")
@click.option("--self-url", metavar="URL", help="Where the feed will be published (rel=self).")
@click.pass_obj
def watch_feed(app, name: str, output: str, limit: int, self_url: str | None) -> None:
    """Write watchlist NAME as an Atom 1.0 feed, newest statements first.

    \b
    Example:
      saidwhat watch feed ostrikov -o feed.xml
    """
    from saidwhat.reports import watch as w

    store = app.open_store(write=False)
    if output == "-":
        sys.stdout.buffer.write(w.watch_feed(store, name, limit=limit, self_url=self_url))
        sys.stdout.flush()
        return
    n = w.write_feed(store, name, output, limit=limit, self_url=self_url)
    click.echo(f"wrote {output}: {plural(n, 'entry', 'entries')}", err=True)


@watch.command("remove")
@click.argument("name")
@click.pass_obj
def watch_remove(app, name: str) -> None:
    """Delete watchlist NAME.

    \b
    Example:
      saidwhat watch remove ostrikov
    """
    from saidwhat.reports.watch import remove_watchlist

    remove_watchlist(app.open_store(), name)
    click.echo(f"removed watchlist {name}")


def register(cli: click.Group) -> None:
    for command in (dossier, watch):
        cli.add_command(command)
