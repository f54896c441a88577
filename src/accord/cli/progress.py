"""The ingest progress bar: files done of all files named, documents per second, time remaining."""

from __future__ import annotations

import re
import time

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

_ARCHIVE_RECORD = re.compile(r"@\d+$")  # "crawl.warc.gz@1234": a record of a file, which counts once


class IngestProgress:
    """A callable for `accord.ingestion.ingest(progress=...)`, shown on standard error while it runs."""

    def __init__(self, console: Console, total_files: int | None):
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.fields[rate]}"),
            console=console,
            transient=True,
        )
        self._task = self._bar.add_task("starting", total=total_files, rate="")
        self._origins: set[str] = set()
        self._started = time.perf_counter()
        self.documents = 0

    def __enter__(self) -> IngestProgress:
        self._bar.start()
        self._started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        self._bar.stop()

    @property
    def elapsed(self) -> float:
        """Seconds since the progress display started."""
        return time.perf_counter() - self._started

    @property
    def rate(self) -> float:
        """Documents done per second so far."""
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0

    def __call__(self, summary, origins: list[str]) -> None:
        self.documents = summary.new + summary.unchanged + summary.failed
        self._origins.update(_ARCHIVE_RECORD.sub("", origin) for origin in origins)
        self._bar.update(
            self._task,
            completed=len(self._origins),
            rate=f"{self.rate:.1f} docs/s",
            description=f"new {summary.new}  unchanged {summary.unchanged}  failed {summary.failed}",
        )
