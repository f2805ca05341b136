"""``saidwhat copy``: move a store between SQLite files and PostgreSQL databases."""

from __future__ import annotations

import click

from saidwhat.cli.output import emit, format_option


@click.command("copy")
@click.option("--from", "source", required=True, metavar="FILE|URL", help="The store to copy.")
@click.option(
    "--to", "target", required=True, metavar="FILE|URL", help="A new, empty store to fill."
)
@format_option()
@click.pass_obj
def copy_cmd(app, source: str, target: str, fmt: str) -> None:
    """Copy a whole store (ids kept) into a new SQLite file or PostgreSQL database.

    The target must be empty; the copy is one transaction, so it is complete or absent.
    Either side may be a PostgreSQL URL (postgresql://desk@db.example.org/desk).

    \b
    Example:
      saidwhat copy --from desk.db --to backup.db
    """
    from saidwhat.store.copy import copy_store

    report = copy_store(source, target)
    rows = [{"table": t, "rows": n} for t, n in report.rows.items()]
    emit(rows, fmt, columns=("table", "rows"), title=f"copied {report.source} to {report.target}")


def register(cli: click.Group) -> None:
    cli.add_command(copy_cmd)
