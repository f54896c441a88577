"""The `accord` command: a thin Typer layer over the library. Exit codes: 0 all inputs went in,
1 some inputs failed (each named with its reason), 2 usage error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)."""

from __future__ import annotations

import typer

from ..config import db_url_from
from ..version import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="accord: political event data from news articles, offline, with evidence for every row.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accord {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        help="Database: a SQLAlchemy URL or a SQLite file path [env ACCORD_DB; default sqlite:///accord.db]",
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Options for every command: the database, and --version."""
    ctx.obj = {"db": db_url_from(db)}


def main() -> None:
    """The `accord` console script."""
    app()


from . import documents, exports, queries, web  # noqa: E402,F401  (each module registers its commands on `app`)
