"""Commands over coded events: ``events`` (list, export, recode) and ``tone`` (A toward B over time)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from saidwhat.cli.output import FORMATS, emit, format_option
from saidwhat.cli.search_cmds import filter_options, filters_from
from saidwhat.errors import UsageError

EVENT_FORMATS = (*FORMATS, "plover")
TABLE_COLUMNS = ("date", "event", "mode", "aux", "actor", "recipient", "span", "source")


@click.command("events")
@filter_options
@click.option(
    "--type", "types", multiple=True, metavar="TYPE", help="PLOVER type, e.g. ACCUSE (repeatable)."
)
@click.option("--actor", metavar="NAME", help="Actor's name, surname or country contains NAME.")
@click.option("--recipient", metavar="NAME", help="Recipient's name, surname or country.")
@click.option("--realised", is_flag=True, help="Leave out negated and hypothetical events.")
@click.option("--recode", is_flag=True, help="Code every stored document again, then list.")
@format_option(
    choices=EVENT_FORMATS,
    help="table, json, jsonl, csv, or plover (PLOVER JSON records, one a line, with cite_info).",
)
@click.pass_obj
def events_cmd(
    app,
    types: tuple[str, ...],
    actor: str | None,
    recipient: str | None,
    realised: bool,
    recode: bool,
    fmt: str,
    **kwargs: Any,
) -> None:
    """PLOVER events coded from statements and the actions they report.

    The search filters (--speaker, --since/--until, --source, QUERY …) select the
    statements whose events are listed; --type, --actor and --recipient filter the
    events. Without --limit, 50 are shown.

    \b
    Example:
      saidwhat events --type ACCUSE --since 2026-05
      saidwhat events --speaker Zhelezova --format plover > zhelezova.jsonl
      saidwhat events --recode
    """
    from saidwhat.events.query import ROW_COLUMNS, search_events, to_plover, to_row

    store = app.open_store()
    if recode:
        from saidwhat.events.service import recode_store

        report = recode_store(store)
        click.echo(
            f"recoded {report.documents} documents: {report.events} events"
            + (
                f"; {report.skipped} skipped (no lexicon for their language)"
                if report.skipped
                else ""
            ),
            err=True,
        )
    filters = filters_from(kwargs, limit=50)
    rows = search_events(
        store,
        filters,
        types=list(types),
        actor=actor,
        recipient=recipient,
        realised_only=realised,
    )
    if fmt == "plover":
        emit((to_plover(r) for r in rows), "jsonl")
        return
    records = [to_row(r) for r in rows]
    if fmt == "table":
        emit(records, fmt, TABLE_COLUMNS, wide=("span",))
    else:
        emit(records, fmt, ROW_COLUMNS if fmt == "csv" else None)


@click.command("tone")
@click.argument("actor", metavar="[A", required=False)
@click.argument("recipient", metavar="B]", required=False)
@click.option(
    "--by", type=click.Choice(("day", "week", "month")), default="week", show_default=True
)
@click.option("--since", metavar="DATE", help="On or after DATE.")
@click.option("--until", metavar="DATE", help="On or before DATE (inclusive).")
@click.option("--both", is_flag=True, help="Both directions: A toward B and B toward A.")
@click.option(
    "--level",
    type=click.Choice(("person", "country")),
    default="country",
    show_default=True,
    help="Without A and B: list pairs of people or of countries.",
)
@click.option(
    "--limit", type=click.IntRange(1), default=20, help="Without A and B: at most N pairs."
)
@click.option("-o", "--output", metavar="FILE.svg", help="Write the chart as SVG to FILE.")
@format_option(help="table (with the statements behind each point), json, jsonl or csv.")
@click.pass_obj
def tone_cmd(
    app,
    actor: str,
    recipient: str,
    by: str,
    since: str | None,
    until: str | None,
    both: bool,
    level: str,
    limit: int,
    output: str | None,
    fmt: str,
) -> None:
    """Tone of A toward B over time: mean stance (PLOVER score / 10) per period, with counts.

    A and B are people (any part of the name), organisations or countries; a
    country covers every actor of that country. Without A and B, lists the
    pairs with the most events (people or countries, --level).

    \b
    Example:
      saidwhat tone Ostrikov Hallen --by week
      saidwhat tone Arkhavia Vessia --by month -o tone.svg
      saidwhat tone --level person
    """
    from dataclasses import asdict

    from saidwhat.events.chart import render_svg
    from saidwhat.events.tone import tone_series
    from saidwhat.search.query import normalise_date

    since = normalise_date(since, "since") if since else None
    until = normalise_date(until, "until") if until else None
    if actor is None or recipient is None:
        if actor is not None:
            raise UsageError("give two actors (saidwhat tone A B), or none to list the pairs")
        from saidwhat.events.tone import pairs

        rows = pairs(app.open_store(), level=level, since=since, until=until, limit=limit)
        emit(rows, fmt, ("actor", "recipient", "events", "stance", "first", "last"), title="pairs")
        return
    series = tone_series(
        app.open_store(), actor, recipient, by=by, since=since, until=until, both_ways=both
    )
    if output:
        path = Path(output)
        if path.suffix.lower() != ".svg":
            raise UsageError(f"{output}: the chart is written as SVG; name the file *.svg")
        try:
            path.write_text(render_svg(series), encoding="utf-8")
        except OSError as e:
            raise UsageError(f"{output}: cannot write the chart ({e.strerror})") from e
        click.echo(f"wrote the chart to {output}", err=True)
    if fmt == "table":
        rows = [
            {"period": p.period, "events": p.count, "stance": p.stance, "score": p.score}
            for p in series.points
        ]
        emit(rows, "table", title=f"{actor} → {recipient}, by {by}")
        for p in series.points:
            click.echo(f"\n{p.period}:")
            for ev in p.evidence:
                click.echo(
                    f"  {ev.day} {ev.event:<9} {ev.stance:+.2f} {ev.actor} → {ev.recipient}: "
                    f"{ev.text} [{ev.source or ev.doc}]"
                )
        if series.unrealised:
            click.echo(f"\n({series.unrealised} negated or hypothetical events left out)")
        return
    if fmt == "csv":
        emit(
            (
                {"period": p.period, "events": p.count, "stance": p.stance, "score": p.score}
                for p in series.points
            ),
            "csv",
        )
        return
    data = [asdict(p) for p in series.points]
    if fmt == "json":
        json.dump(
            {"actor": actor, "recipient": recipient, "by": by, "points": data},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        emit(data, "jsonl")


def register(cli: click.Group) -> None:
    for command in (events_cmd, tone_cmd):
        cli.add_command(command)
