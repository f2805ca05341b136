"""``saidwhat serve``: the web desk."""

from __future__ import annotations

import os
from pathlib import Path

import click

#: The environment variable holding the desk's password (required off 127.0.0.1).
TOKEN_ENV = "SAIDWHAT_DESK_TOKEN"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--read-only", is_flag=True, help="Refuse every change (for sharing a desk).")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where uploaded files are kept [default: saidwhat-uploads next to the database].",
)
@click.pass_obj
def serve(app, host: str, port: int, read_only: bool, data_dir: Path | None) -> None:
    """Serve the desk: search, statements, documents, speakers, dossiers, watchlists, feeds.

    Listens on 127.0.0.1 unless --host says otherwise; any other address needs a
    password in $SAIDWHAT_DESK_TOKEN (the desk refuses to start without one).

    To share a desk read-only on the network:
    SAIDWHAT_DESK_TOKEN=... saidwhat serve --host 0.0.0.0 --port 8080 --read-only

    \b
    Example:
      saidwhat --db desk.db serve
    """
    from saidwhat.web.server import serve_desk

    serve_desk(
        app.db_path,
        host=host,
        port=port,
        read_only=read_only,
        token=os.environ.get(TOKEN_ENV) or None,
        data_dir=data_dir,
        quiet=app.quiet,
    )


def register(cli: click.Group) -> None:
    cli.add_command(serve)
