"""``saidwhat translate``: a reader's own translation of a stored statement."""

from __future__ import annotations

import click


@click.command()
@click.argument("statement_id", type=int)
@click.argument("text")
@click.option(
    "--language", default="en", show_default=True, help="Language of the translation (ISO code)."
)
@click.pass_obj
def translate(app, statement_id: int, text: str, language: str) -> None:
    """Add your translation of statement STATEMENT_ID; dossiers show it beside the original.

    Statement ids are in `show DOC --format json` ("statements"[].id) and in HTML dossiers
    (anchors `#statement-ID`). A second translation replaces the first.

    \b
    Example:
      saidwhat translate 42 "We did not come here to pretend." --language en
    """
    from saidwhat.store.translations import set_translation

    set_translation(app.open_store(), statement_id, text, language)
    click.echo(f"statement {statement_id}: translation ({language}) saved")


def register(cli: click.Group) -> None:
    cli.add_command(translate)
