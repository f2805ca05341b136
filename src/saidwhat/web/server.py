"""Starting the desk under uvicorn (after the checks that may refuse to start it)."""

from __future__ import annotations

from pathlib import Path

import click

from saidwhat.store.db import open_store
from saidwhat.web.app import check_config, create_app
from saidwhat.web.base import DeskConfig


def serve_desk(
    db_path: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    read_only: bool = False,
    token: str | None = None,
    data_dir: Path | None = None,
    quiet: bool = False,
) -> None:
    import uvicorn

    config = DeskConfig(
        db_path=db_path,
        host=host,
        port=port,
        read_only=read_only,
        token=token,
        data_dir=data_dir,
    )
    check_config(config)
    # Open (and migrate) the store once now, so a bad --db fails here with one line.
    probe = open_store(db_path)
    db_shown = probe.path  # a PostgreSQL URL without its password
    probe.close()
    app = create_app(config)
    shown = f"[{host}]" if ":" in host else host
    mode = " (read-only)" if read_only else ""
    click.echo(
        f"saidwhat desk on http://{shown}:{port}/{mode} over {db_shown}; Ctrl-C stops it", err=True
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning" if quiet else "info",
        access_log=not quiet,
        server_header=False,
    )
