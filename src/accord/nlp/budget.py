"""The per-document budget: how long one document may take and how much memory it may add, checked
between the parse windows of a long text and between the extractor stages, so that one huge document
becomes a recorded failure instead of stalling its batch. When a long text's windows are parsed by
several worker processes, each piece of its work checks the one clock started for the whole document
(time.monotonic is the system's, the same in every process) and the memory its own process added."""

from __future__ import annotations

import os
import resource
import sys
import time

from ..errors import OverBudget

_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 4096 / 2**20


def resident_mb() -> float:
    """This process's resident memory now (Linux: /proc/self/statm), else its peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * _PAGE_MB
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024


class Budget:
    """One document's allowance, started when its work starts (or at `started`, a time.monotonic() reading
    taken when the document's work began in another process): `seconds` of wall time and `mb` of memory
    added to this process from now (0 turns a limit off)."""

    def __init__(self, seconds: float, mb: float, started: float | None = None):
        self.seconds = seconds
        self.mb = mb
        self.started = time.monotonic() if started is None else started
        self.base_mb = resident_mb() if mb else 0.0

    def check(self, stage: str) -> None:
        """Raise OverBudget, naming the stage reached, if the document has used up its time or memory."""
        elapsed = time.monotonic() - self.started
        if self.seconds and elapsed > self.seconds:
            raise OverBudget(
                f"over the per-document time budget: {elapsed:.0f} s at {stage}, limit {self.seconds:g} s "
                "(ACCORD_DOC_SECONDS / --doc-seconds)"
            )
        if self.mb:
            added = resident_mb() - self.base_mb
            if added > self.mb:
                raise OverBudget(
                    f"over the per-document memory budget: {added:.0f} MB added at {stage}, limit "
                    f"{self.mb:g} MB (ACCORD_DOC_MB / --doc-mb)"
                )
