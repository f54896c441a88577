"""`accord watch`: follow the stored sources round after round (`loop`), each round fetching what is due
and ingesting its new items (`round`); each round's ingest fires the alerts, as `accord ingest` does."""

from .loop import watch
from .round import RoundSummary, SourceReport, run_round

__all__ = ["watch", "run_round", "RoundSummary", "SourceReport"]
