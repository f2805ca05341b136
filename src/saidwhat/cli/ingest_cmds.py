"""Commands that read documents: ``ingest``, ``extract``, ``show`` and ``stats``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from saidwhat.cli.output import emit, format_option, plural
from saidwhat.errors import SourceError, UsageError
from saidwhat.model import Statement
from saidwhat.store import inspect


@contextmanager
def _progress(enabled: bool, total: int | None = None) -> Iterator:
    """Progress callbacks ``(per batch, per long document)``: live bars on a terminal,
    with ETA when the total number of documents is known."""
    if not enabled:
        yield None, None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn()]
    if total is not None:
        columns += [MofNCompleteColumn(), TimeRemainingColumn()]
    with Progress(
        *columns, TimeElapsedColumn(), transient=True, console=Console(stderr=True)
    ) as bar:
        task = bar.add_task("loading the language model", total=total)
        doc_task = None

        def update(report) -> None:
            bar.update(
                task,
                completed=report.documents + report.unreadable,
                description=(
                    f"{plural(report.statements, 'statement')}, "
                    f"{plural(len(report.errors), 'error')}"
                ),
            )

        def section(doc, done: int, total: int) -> None:
            # one bar for the long document being extracted, gone when it is done
            nonlocal doc_task
            if doc_task is None:
                doc_task = bar.add_task("", total=total)
            bar.update(
                doc_task,
                total=total,
                completed=done,
                description=f"{doc.ref}: {done / 1e6:.1f} of {total / 1e6:.1f} M characters",
            )
            if done >= total:
                bar.remove_task(doc_task)
                doc_task = None

        yield update, section


def _settings(max_bytes: int | None, max_seconds: float | None):
    """Extraction settings with the per-document limits given on the command line."""
    from saidwhat.extraction.settings import Limits, Settings

    limits = Limits()
    if max_bytes is not None:
        limits.max_bytes = max_bytes
    if max_seconds is not None:
        limits.max_seconds = max_seconds
    return Settings(limits=limits)


def limit_options(f):
    """``--max-bytes`` and ``--max-seconds``: per-document limits of the extractor."""
    f = click.option(
        "--max-seconds",
        type=click.FloatRange(min=0, min_open=True),
        default=None,
        help="Stop extracting a document after this many seconds (error naming it; "
        "default: SAIDWHAT_MAX_SECONDS, else no limit).",
    )(f)
    return click.option(
        "--max-bytes",
        type=click.IntRange(min=1),
        default=None,
        help="Refuse documents whose text is larger than this many bytes "
        "(default: SAIDWHAT_MAX_BYTES, else 50 MB).",
    )(f)


def _summary(path: str, f: dict) -> str:
    return (
        f"{path}: {plural(f['documents'], 'document')} read, {f['stored']} stored"
        f" ({plural(f['statements'], 'statement')}), {f['duplicates']} already stored,"
        f" {plural(f['near_duplicates'], 'near-duplicate')}, {f['unsupported']} in unsupported"
        f" languages, {plural(f['errors'], 'error')}"
    )


def _kept(report) -> str:
    """What an interrupted ingest kept, for the Ctrl-C line."""
    if report is None:
        return "nothing was stored yet"
    return (
        f"{plural(report.stored, 'new document')} stored before it "
        f"({plural(report.statements, 'statement')}) {'is' if report.stored == 1 else 'are'} kept;"
        " run the same command again to go on (stored documents are skipped)"
    )


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for extraction (each loads the model once).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 1024),
    default=None,
    help="Extract on a local Dask cluster of this many worker processes.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Extract on the running Dask cluster at ADDRESS (tcp://HOST:8786).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 10_000),
    default=None,
    help="Files or URLs per Dask task (with --workers/--scheduler) [16].",
)
@limit_options
@format_option()
@click.pass_obj
def ingest(
    app,
    inputs: tuple[str, ...],
    jobs: int,
    workers: int | None,
    scheduler: str | None,
    batch_size: int | None,
    fmt: str,
    max_bytes: int | None,
    max_seconds: float | None,
) -> None:
    """Read files, folders and URLs; extract and store their statements.

    Re-ingesting the same document changes nothing; an interrupted ingest keeps
    every document it finished. With --workers or --scheduler the extraction
    runs on a Dask cluster and this process stores the results (a remote
    cluster must see the same paths, e.g. on a shared file system).

    \b
    Example:
      saidwhat ingest examples/corpus
      saidwhat --db desk.db ingest news/ https://example.org/story.html --jobs 2
      saidwhat --db desk.db ingest news/ --workers 2
    """
    distributed = workers is not None or scheduler is not None
    if workers is not None and scheduler is not None:
        raise UsageError(
            "give --workers (a local cluster) or --scheduler (a running one), not both"
        )
    if distributed and jobs > 1:
        raise UsageError("--jobs is for one machine; with --workers/--scheduler leave it out")
    if batch_size is not None and not distributed:
        raise UsageError("--batch-size goes with --workers or --scheduler")
    from saidwhat.sources import count_documents

    store = app.open_store()
    show_bar = not app.quiet and sys.stderr.isatty()
    settings = _settings(max_bytes, max_seconds)
    latest: list = [None]  # the running report, for the Ctrl-C line
    with _progress(show_bar, count_documents(inputs) if show_bar else None) as (bar, section):

        def progress(report) -> None:
            latest[0] = report
            if bar:
                bar(report)

        try:
            if distributed:
                from saidwhat.scale.client import DEFAULT_BATCH, ingest_distributed

                report = ingest_distributed(
                    store,
                    inputs,
                    workers=workers,
                    scheduler=scheduler,
                    batch_size=batch_size or DEFAULT_BATCH,
                    progress=progress,
                )
            else:
                from saidwhat.ingest import ingest_paths

                report = ingest_paths(
                    store,
                    inputs,
                    jobs=jobs,
                    progress=progress,
                    settings=settings,
                    doc_progress=section,
                )
        except KeyboardInterrupt:
            raise KeyboardInterrupt(_kept(latest[0])) from None
    for message in report.errors:
        click.echo(f"saidwhat: error: {message}", err=True)
    if fmt == "table":
        click.echo(_summary(store.path, report.as_dict()))
    else:
        emit([report.as_dict()], fmt)
    if report.errors:
        # The rest of the batch was stored; the exit code still tells scripts.
        sys.exit(1)


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH_OR_URL...")
@limit_options
@format_option()
def extract(
    inputs: tuple[str, ...], fmt: str, max_bytes: int | None, max_seconds: float | None
) -> None:
    """Print the statements found in files, folders or URLs (no database).

    With --format jsonl, prints one JSON object per statement and nothing else
    on standard output (the extract contract in the README).

    \b
    Example:
      saidwhat extract examples/corpus/01-wire-ostrikov-velda.txt
      saidwhat extract examples/corpus/13-herald-embassy-reception.html --format jsonl
    """
    from saidwhat.extract import extract_inputs

    errors: list[str] = []
    settings = _settings(max_bytes, max_seconds)

    def rows(section):
        for item in extract_inputs(inputs, settings=settings, on_progress=section):
            if isinstance(item, SourceError):
                errors.append(str(item))
                click.echo(f"saidwhat: error: {item}", err=True)
                continue
            doc, extraction = item
            for st in extraction.statements:
                yield st.to_contract(doc.ref, doc.text)

    live = sys.stderr.isatty()
    with _progress(live) as (_, section):
        # on a terminal, rows are gathered under the live bar and printed after it
        found = list(rows(section)) if live else rows(None)
    # Programs get every contract field, `doc` first; people get a readable table.
    columns = ("speaker", "role", "kind", "date", "source", "quote")
    if fmt == "csv":
        columns = ("doc", *Statement.CONTRACT_FIELDS, "fragments", "text")
    emit(found, fmt, columns=columns, wide=("quote",))
    if errors:
        sys.exit(1)


@click.command()
@click.argument("doc")
@format_option()
@click.pass_obj
def show(app, doc: str, fmt: str) -> None:
    """Show a stored document: provenance, copies and statements.

    DOC is a document id, the path or URL it was ingested from, or a URL of any copy.

    \b
    Example:
      saidwhat show 3
      saidwhat show examples/corpus/01-wire-ostrikov-velda.txt --format json
    """
    info = inspect.document_details(app.open_store(write=False), doc)
    if fmt != "table":
        emit([info], fmt)
        return
    d = info["document"]
    for key in ("id", "title", "outlet", "url", "published", "language", "ref", "status"):
        click.echo(f"{key:>10}: {d.get(key) or ''}")
    if len(info["copies"]) > 1:
        click.echo("    copies:")
        for c in info["copies"]:
            click.echo(f"            {c['match']}: {c['outlet'] or ''} {c['url'] or c['ref']}")
    emit(
        info["statements"],
        "table",
        columns=("speaker", "role", "kind", "date", "source", "quote"),
        wide=("quote",),
    )


@click.command()
@format_option()
@click.pass_obj
def stats(app, fmt: str) -> None:
    """Counts of documents, statements by kind, people and feeds in the store.

    \b
    Example:
      saidwhat stats
      saidwhat --db desk.db stats --format json
    """
    figures = inspect.store_stats(app.open_store(write=False))
    if fmt == "table":
        emit([{"what": k, "count": v} for k, v in figures.items()], fmt)
    else:
        emit([figures], fmt)


def register(cli: click.Group) -> None:
    for command in (ingest, extract, show, stats):
        cli.add_command(command)
