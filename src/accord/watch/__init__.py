"""`accord watch`: follow the stored sources round after round (`loop`), each round fetching what is due
and ingesting its new items (`round`); `hooks.after_batch` is called after each round's ingest and linking."""

from .loop import watch
from .round import RoundSummary, SourceReport, run_round

__all__ = ["watch", "run_round", "RoundSummary", "SourceReport"]
