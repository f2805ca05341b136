"""Commands that query the store: ``quotes``, ``speakers`` (the people registry) and ``export``.

Each command parses its options, calls one library function and formats the
result; errors are turned into messages by ``saidwhat.cli.main``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from saidwhat.cli.output import emit, format_option, plural
from saidwhat.errors import UsageError
from saidwhat.model import STATEMENT_KINDS, Statement
from saidwhat.search.query import PROVENANCE_FIELDS, SORTS, SearchFilters

#: Columns of `quotes` in machine formats: the extract contract plus provenance.
QUOTE_COLUMNS = ("doc", *Statement.CONTRACT_FIELDS, *PROVENANCE_FIELDS)
#: Columns of the `quotes` table on a terminal.
TABLE_COLUMNS = ("speaker", "role", "date", "source", "snippet")

_FILTER_KEYS = (
    "query",
    "text",
    "speaker",
    "org",
    "country",
    "role",
    "kind",
    "source",
    "since",
    "until",
    "about",
    "event",
    "sort",
    "limit",
    "offset",
)


def filter_options(func: Callable) -> Callable:
    """The search filters shared by quotes, export, dossier and watch add.

    Adds an optional QUERY argument (FTS5 syntax) and the filter options; turn
    them into a SearchFilters with :func:`filters_from`.
    """
    options = [
        click.argument("query", required=False, metavar="[QUERY]"),
        click.option(
            "--text", metavar="QUERY", help="Full-text query (the same as the QUERY argument)."
        ),
        click.option("--speaker", metavar="NAME", help="Said by this person (any alias, or #id)."),
        click.option("--org", metavar="ORG", help="Speaker's organisation contains ORG."),
        click.option("--country", metavar="COUNTRY", help="Speaker's country is COUNTRY."),
        click.option("--role", metavar="ROLE", help="Speaker's role contains ROLE."),
        click.option("--kind", type=click.Choice(STATEMENT_KINDS), help="Kind of statement."),
        click.option("--source", metavar="SOURCE", help="Cited from / published by SOURCE."),
        click.option(
            "--since", metavar="DATE", help="On or after DATE (2024-05-01, 2024-05, 2024)."
        ),
        click.option("--until", metavar="DATE", help="On or before DATE (inclusive)."),
        click.option(
            "--about", metavar="ENTITY", help="Quotes that mention ENTITY (a person's aliases too)."
        ),
        click.option(
            "--event",
            metavar="TYPE",
            help="Statements coded with this PLOVER event type (ACCUSE, CONSULT, ...).",
        ),
        click.option(
            "--sort",
            type=click.Choice(SORTS),
            default=None,
            help="rank (best match; newest first without a QUERY), date or -date.",
        ),
        click.option("--limit", type=click.IntRange(0), default=None, help="At most N statements."),
        click.option("--offset", type=click.IntRange(0), default=0, help="Skip the first N."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filters_from(kwargs: dict[str, Any], *, limit: int | None = None) -> SearchFilters:
    """Pop the filter options from ``kwargs`` into a validated SearchFilters.

    ``limit`` is the command's default when ``--limit`` is not given.
    """
    values = {k: kwargs.pop(k, None) for k in _FILTER_KEYS}
    query, text = values.pop("query"), values.pop("text")
    if query and text and query != text:
        raise UsageError("give the search text once: as QUERY or as --text, not both")
    text = query or text
    given_limit = values.pop("limit")
    return SearchFilters(
        text=text,
        sort=values.pop("sort") or "rank",
        limit=given_limit if given_limit is not None else limit,
        offset=values.pop("offset") or 0,
        **values,
    ).validate()


# --- quotes ---------------------------------------------------------------------------


@click.command()
@filter_options
@format_option()
@click.pass_obj
def quotes(app, fmt: str, **kwargs: Any) -> None:
    """Find statements: full text (FTS5 syntax) and filters, best match first.

    QUERY takes phrases in double quotes, AND/OR/NOT and prefix* terms. Without
    --limit, 20 statements are shown.

    \b
    Example:
      saidwhat quotes crossing --speaker "Sergei Ostrikov" --since 2026-05-01
      saidwhat quotes '"grain deal" OR sanction*' --format jsonl
      saidwhat quotes --about Ostrikov --sort -date --limit 50
    """
    from saidwhat.search.query import search_statements

    filters = filters_from(kwargs, limit=20)
    hits = search_statements(app.open_store(write=False), filters)
    if fmt == "table":
        rows = [
            {
                "speaker": h.speaker_display or "(unattributed)",
                "role": h.role,
                "date": h.day,
                "source": "(source missing)" if h.source_missing else (h.source or h.outlet),
                "snippet": h.snippet,
            }
            for h in hits
        ]
        emit(rows, fmt, TABLE_COLUMNS, wide=("snippet",))
        return
    emit((h.to_contract() for h in hits), fmt, QUOTE_COLUMNS)


# --- export ---------------------------------------------------------------------------


@click.command("export")
@filter_options
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    default="-",
    help="File to write (.csv, .jsonl, .parquet); - for stdout.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("csv", "jsonl", "parquet")),
    default=None,
    help="Format [default: from the file name; jsonl on stdout].",
)
@click.pass_obj
def export_cmd(app, output: str, fmt: str | None, **kwargs: Any) -> None:
    """Export matching statements with every provenance field (all of them by default).

    \b
    Example:
      saidwhat export --since 2026-05-01 -o may.parquet
      saidwhat export --speaker Ostrikov --format csv > ostrikov.csv
    """
    from saidwhat.reports.export import export_statements

    filters = filters_from(kwargs, limit=None)
    if output == "-" and fmt is None:
        fmt = "jsonl"
    n = export_statements(app.open_store(write=False), filters, output, fmt)
    if output != "-":
        click.echo(f"exported {plural(n, 'statement')} to {output}", err=True)


# --- speakers -------------------------------------------------------------------------

LIST_COLUMNS = ("id", "name", "statements", "roles", "organisation", "country", "aliases")


@click.group(invoke_without_command=True)
@click.option("--search", metavar="TEXT", help="Only names or aliases containing TEXT.")
@click.option(
    "--min", "min_statements", type=click.IntRange(0), default=0, help="At least N statements."
)
@click.option("--limit", type=click.IntRange(0), default=None, help="At most N people.")
@format_option()
@click.pass_context
def speakers(
    ctx: click.Context, search: str | None, min_statements: int, limit: int | None, fmt: str
) -> None:
    """The people registry: who is quoted, how often, under which names.

    Without a subcommand, lists people, most quoted first.

    \b
    Example:
      saidwhat speakers --limit 20
      saidwhat speakers show "Sergei Ostrikov"
      saidwhat speakers merge "Sergey Ostrikov" "S. Ostrikov"
    """
    if ctx.invoked_subcommand is not None:
        return
    from saidwhat.search.people import list_people

    people = list_people(
        ctx.obj.open_store(write=False), search=search, min_statements=min_statements, limit=limit
    )
    rows = [p.to_row() for p in people]
    if fmt != "table":
        for row, p in zip(rows, people, strict=True):
            row["aliases"], row["roles"] = p.aliases, p.roles
    emit(rows, fmt, LIST_COLUMNS if fmt in ("table", "csv") else None, title="speakers")


@speakers.command("show")
@click.argument("name")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="Rows per list.")
@format_option()
@click.pass_obj
def speakers_show(app, name: str, top: int, fmt: str) -> None:
    """A person's profile: roles, statements per month, outlets, who and what they talk about.

    \b
    Example:
      saidwhat speakers show Ostrikov
      saidwhat speakers show "#3" --format json
    """
    from dataclasses import asdict

    from saidwhat.search.people import person_profile

    profile = person_profile(app.open_store(write=False), name, top=top)
    if fmt != "table":
        data = asdict(profile)
        emit([data], fmt)
        return
    p = profile.person
    emit([p.to_row()], "table", LIST_COLUMNS, title=p.name)
    emit(
        [{"role": r.role, "date": r.date, "document": r.title or r.doc} for r in profile.roles],
        "table",
        title="roles as stated",
    )
    emit([{"month": m, "statements": n} for m, n in profile.per_month], "table", title="per month")
    emit([{"outlet": o, "statements": n} for o, n in profile.outlets], "table", title="outlets")
    talks = [{"person": n_, "mentions": c} for n_, c in profile.people_mentioned]
    talks += [{"term": t, "mentions": c} for t, c in profile.terms]
    if talks:
        emit(talks, "table", ("person", "term", "mentions"), title="talks about")


@speakers.command("import")
@click.argument("file", type=click.Path(dir_okay=False), metavar="FILE.csv")
@click.pass_obj
def speakers_import(app, file: str) -> None:
    """Import a registry CSV: name, aliases, role, organisation, country.

    Aliases (and roles) are |-separated. The import is all or nothing; its aliases
    take precedence when later documents are resolved to people.

    \b
    Example:
      saidwhat speakers import registry.csv
      (registry.csv:  name,aliases,role,organisation,country
                      Sergey Ostrikov,Ostrikov|Sergei Ostrikov,Foreign Minister,Foreign Ministry,Arkhavia)
    """
    from saidwhat.search.registry import import_registry

    r = import_registry(app.open_store(), file)
    click.echo(
        f"imported {file}: {plural(r.created, 'person', 'people')} created, {r.updated} updated, "
        f"{plural(r.aliases, 'alias', 'aliases')} and {plural(r.roles, 'role')} added"
    )


@speakers.command("export")
@click.option(
    "-o", "--output", metavar="FILE.csv", default="-", help="File to write; - for stdout."
)
@click.pass_obj
def speakers_export(app, output: str) -> None:
    """Export the registry as CSV (the format `speakers import` reads).

    \b
    Example:
      saidwhat speakers export -o registry.csv
    """
    from saidwhat.search.registry import export_registry

    store = app.open_store(write=False)
    if output == "-":
        export_registry(store, sys.stdout)
    else:
        n = export_registry(store, output)
        click.echo(f"exported {plural(n, 'person', 'people')} to {output}", err=True)


@speakers.command("merge")
@click.argument("keep", metavar="A")
@click.argument("other", metavar="B")
@click.pass_obj
def speakers_merge(app, keep: str, other: str) -> None:
    """Merge B into A: B's statements, roles and aliases move to A; B is deleted.

    The aliases are kept as manual corrections, so later documents naming B
    are attributed to A.

    \b
    Example:
      saidwhat speakers merge "Sergey Ostrikov" "S. Ostrikov"
      saidwhat speakers merge "#3" "#4"
    """
    from saidwhat.search.people import merge_people

    r = merge_people(app.open_store(), keep, other)
    click.echo(
        f"merged {r.removed_name} (#{r.removed_id}) into {r.name} (#{r.person_id}): "
        f"{plural(r.statements, 'statement')}, {plural(r.aliases, 'alias', 'aliases')} moved"
    )


@speakers.command("split")
@click.argument("name")
@click.option(
    "--alias",
    "aliases",
    multiple=True,
    required=True,
    metavar="ALIAS",
    help="Alias to move (repeatable).",
)
@click.option(
    "--name", "new_name", metavar="NEW", help="Name of the new person [default: longest alias]."
)
@click.pass_obj
def speakers_split(app, name: str, aliases: tuple[str, ...], new_name: str | None) -> None:
    """Split aliases (and the statements made under them) off NAME into a new person.

    \b
    Example:
      saidwhat speakers split "Sergey Ostrikov" --alias "Pavel Ostrikov"
    """
    from saidwhat.search.people import split_person

    r = split_person(app.open_store(), name, list(aliases), new_name=new_name)
    click.echo(
        f"split {', '.join(r.aliases)} off {r.from_name} (#{r.from_id}) as {r.name} "
        f"(#{r.person_id}): {plural(r.statements, 'statement')} moved"
    )


def register(cli: click.Group) -> None:
    for command in (quotes, speakers, export_cmd):
        cli.add_command(command)
