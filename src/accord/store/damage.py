"""What is wrong with a SQLite file that cannot be used, told in one line: the file, the problem, what to
do. SQLite's own errors (`file is not a database`, `database disk image is malformed`, `attempt to write
a readonly database`) become StoreErrors (exit 2) wherever they surface: on open, in a migration, or in
the middle of a query over a file damaged past its first pages."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine

from ..errors import StoreError

# SQLite's primary result codes (https://sqlite.org/rescode.html) -> (what is wrong, what to do)
_PROBLEMS = {
    26: ("is not a SQLite database", "give the right --db, or move the file away to start a new store"),
    11: ("is corrupted", "restore it from a backup, or move it away and ingest the inputs again"),
    8: ("is read-only", "give write access to the file and its folder, or use a command that only reads"),
    14: ("cannot be opened", "check that the path and its folder exist and are readable"),
    23: ("cannot be read (permission denied)", "give read access to the file and its folder"),
}


def translate_errors(engine: Engine, path: str | None) -> None:
    """Make `engine` raise a StoreError naming `path` for a SQLite file that is not a database, is
    corrupted, read-only or unreadable (other databases' errors are left as they are)."""
    if path is None:
        return

    @event.listens_for(engine, "handle_error")
    def _explain(context) -> None:
        error = context.original_exception
        code = getattr(error, "sqlite_errorcode", None)
        if code is None or (code & 0xFF) not in _PROBLEMS:
            return
        problem, remedy = _PROBLEMS[code & 0xFF]
        raise StoreError(f"the database {path} {problem} ({error}): {remedy}") from None
