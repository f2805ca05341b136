"""The root ``saidwhat`` command: global options, logging, and the one place errors become exit codes."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field

import click

from saidwhat import __version__
from saidwhat.errors import SaidwhatError, StoreError
from saidwhat.store.db import Store, default_db_path, open_store


@dataclass
class AppContext:
    """What every command gets as ``ctx.obj``."""

    db_path: str
    quiet: bool = False
    _store: Store | None = field(default=None, repr=False)

    def open_store(self, *, write: bool = True) -> Store:
        """The store, opened once per command (and closed when the command ends).

        Read commands pass ``write=False``: the database must exist and is opened
        read-only. Write commands check here, before any work, that they can write.
        """
        if self._store is None:
            self._store = open_store(self.db_path, write=write)
            click.get_current_context().call_on_close(self._close)
        elif write and self._store.readonly:
            raise StoreError("database was opened read-only", source=self._store.path)
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
        except KeyboardInterrupt as e:
            # A command that knows what it kept says so (ingest: "12 documents kept").
            kept = f"; {e.args[0]}" if e.args and isinstance(e.args[0], str) else ""
            click.echo(
                f"saidwhat: interrupted{kept or '; everything committed so far is kept'}", err=True
            )
            ctx.exit(130)
        except BrokenPipeError:
            # `saidwhat quotes | head`: the reader went away; not an error.
            sys.stderr.close()
            ctx.exit(0)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as e:
            # A bug, not bad input: still one line, and the traceback only with -vv.
            if logging.getLogger("saidwhat").isEnabledFor(logging.DEBUG):
                raise
            click.echo(
                f"saidwhat: error: internal error ({type(e).__name__}: {e}); "
                "rerun with -vv for the details and please report it",
                err=True,
            )
            ctx.exit(INTERNAL_ERROR_EXIT)


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


#: Exit code for an unexpected error (sysexits' EX_SOFTWARE).
INTERNAL_ERROR_EXIT = 70


class _LogFormat(logging.Formatter):
    """``saidwhat: warning: <message>``, like the error lines; logger names only with -v."""

    def __init__(self, verbose: int) -> None:
        super().__init__()
        self.verbose = verbose

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        where = f"{record.name}: " if self.verbose else ""
        return f"saidwhat: {record.levelname.lower()}: {where}{text}"


class _OwnRecords(logging.Filter):
    """Third-party libraries (trafilatura, htmldate, pypdf, ...) log their own
    ERROR/WARNING lines about pages saidwhat already reports on; they are shown
    only with -v."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == "saidwhat" or record.name.startswith("saidwhat.")


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (click's test runner swaps it per call)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING
    if quiet:
        level = logging.ERROR
    elif verbose == 1:
        level = logging.INFO
    elif verbose >= 2:
        level = logging.DEBUG
    handler = _StderrHandler()
    handler.setFormatter(_LogFormat(verbose))
    if not verbose:
        handler.addFilter(_OwnRecords())
    root = logging.getLogger()
    # Replaces an earlier call's handler (tests invoke the CLI many times in one process).
    for old in [h for h in root.handlers if getattr(h, "_saidwhat", False)]:
        root.removeHandler(old)
    handler._saidwhat = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)


@click.group(cls=SaidwhatGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    envvar="SAIDWHAT_DB",
    default=None,
    metavar="FILE|URL",
    help="SQLite database file or postgresql://user@host/dbname URL"
    " [default: $SAIDWHAT_DB or ./saidwhat.db].",
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
      saidwhat quotes --speaker Ostrikov --since 2026-05-01
      saidwhat dossier --title "Reactions to the visit" -o dossier.html
    """
    _configure_logging(verbose, quiet)
    ctx.obj = AppContext(db_path=db_path or default_db_path(), quiet=quiet)


def _register_commands() -> None:
    # Imported here, not at module top: the command modules import helpers
    # from the library, and `cli` must exist before they register on it.
    from saidwhat.cli import (
        event_cmds,
        feed_cmds,
        ingest_cmds,
        report_cmds,
        search_cmds,
        store_cmds,
        translate_cmds,
        web_cmds,
    )

    for module in (
        ingest_cmds,
        search_cmds,
        report_cmds,
        feed_cmds,
        store_cmds,
        web_cmds,
        event_cmds,
        translate_cmds,
    ):
        module.register(cli)


_register_commands()


def main() -> None:
    cli(prog_name="saidwhat")
