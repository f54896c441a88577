"""The `accord` command: a thin Typer layer over the library. Exit codes: 0 all inputs went in,
1 some inputs failed (each named with its reason), 2 usage error, 130 interrupted (Ctrl-C), 143
terminated (SIGTERM).

The global options (--db, --version) are declared once, in `_global_options`, and taken both before the
command's name (`accord --db x.db ingest …`) and after it (`accord ingest --db x.db …`), where each
command's --help shows them. Given in both places, the one after the command's name wins: it is parsed
last, so it is the one closest to what the command does.
"""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from ..config import db_url_from
from ..version import __version__

DB_HELP = "Database: a SQLAlchemy URL or a SQLite file path [env ACCORD_DB; default sqlite:///accord.db]"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accord {__version__}")
        raise typer.Exit()


def _db_after_command(ctx: typer.Context, value: str | None) -> None:
    """--db after a command's name: parsed after the one before it, whose value it replaces."""
    if value is not None:
        ctx.ensure_object(dict)["db"] = db_url_from(value)


def _global_options(
    db: str | None = typer.Option(None, "--db", help=DB_HELP, callback=_db_after_command, expose_value=False),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, expose_value=False, help="Print the version."
    ),
) -> None:
    """The global options as every command takes them after its name (their callbacks do the work)."""


class AccordGroup(TyperGroup):
    """accord's command group: every command also takes the global options after its name."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        shared = typer.Typer(add_completion=False)
        shared.command()(_global_options)
        options = typer.main.get_command(shared).params
        for command in self.commands.values():
            taken = {name for param in command.params for name in getattr(param, "opts", ())}
            command.params += [option for option in options if not taken & set(getattr(option, "opts", ()))]


app = typer.Typer(
    cls=AccordGroup,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="accord: political event data from news articles, offline, with evidence for every row.",
)


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Options for every command, before or after its name: the database, and --version."""
    ctx.obj = {"db": db_url_from(db)}


def main() -> None:
    """The `accord` console script."""
    app()


from . import alerts, documents, exports, queries, sources, spark, web  # noqa: E402,F401  (each module registers its commands on `app`)
