"""The root ``saidwhat`` command: global options, logging, and the one place errors become exit codes."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field

import click

from saidwhat import __version__
from saidwhat.errors import SaidwhatError
from saidwhat.store.db import Store, default_db_path, open_store


@dataclass
class AppContext:
    """What every command gets as ``ctx.obj``."""

    db_path: str
    quiet: bool = False
    _store: Store | None = field(default=None, repr=False)

    def open_store(self) -> Store:
        """The store, opened once per command (and closed when the command ends)."""
        if self._store is None:
            self._store = open_store(self.db_path)
            click.get_current_context().call_on_close(self._close)
        return self._store

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class SaidwhatGroup(click.Group):
    """Turns every :class:`SaidwhatError` into one line on stderr and an exit code."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # `--db FILE` is a global option, but people type it after the command
        # (`saidwhat quotes --db desk.db`): move it to the front.
        return super().parse_args(ctx, _hoist_db_option(args))

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SaidwhatError as e:
            click.echo(f"saidwhat: error: {e}", err=True)
            ctx.exit(e.exit_code)
        except KeyboardInterrupt:
            click.echo("saidwhat: interrupted; everything committed so far is kept", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            # `saidwhat quotes | head`: the reader went away; not an error.
            sys.stderr.close()
            ctx.exit(0)


def _hoist_db_option(args: list[str]) -> list[str]:
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg == "--db" and i + 1 < len(args):
            front += [arg, args[i + 1]]
            i += 2
            continue
        if arg.startswith("--db="):
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    elif verbose == 1:
        level = logging.INFO
    elif verbose >= 2:
        level = logging.DEBUG
    logging.basicConfig(level=level, format="saidwhat: %(levelname)s: %(name)s: %(message)s")


@click.group(cls=SaidwhatGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="SAIDWHAT_DB",
    default=None,
    metavar="FILE",
    help="SQLite database file [default: $SAIDWHAT_DB or ./saidwhat.db].",
)
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bars.")
@click.version_option(__version__, prog_name="saidwhat")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, verbose: int, quiet: bool) -> None:
    """Who said what, about whom, when, where, and in which source.

    \b
    Example:
      saidwhat ingest examples/corpus
      saidwhat quotes --speaker Lavrov --since 2026-05-01
      saidwhat dossier --title "Reactions to the visit" -o dossier.html
    """
    _configure_logging(verbose, quiet)
    ctx.obj = AppContext(db_path=db_path or default_db_path(), quiet=quiet)


def _register_commands() -> None:
    # Imported here, not at module top: the command modules import helpers
    # from the library, and `cli` must exist before they register on it.
    from saidwhat.cli import feed_cmds, ingest_cmds, report_cmds, search_cmds, translate_cmds

    for module in (ingest_cmds, search_cmds, report_cmds, feed_cmds, translate_cmds):
        module.register(cli)


_register_commands()


def main() -> None:
    cli(prog_name="saidwhat")
