"""Who runs a run: the process id and host recorded with it, and whether that process is still alive,
so that a run left `running` by a killed process can be told from one still going."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime
from pathlib import Path

_SLACK = 2.0  # seconds: a run is recorded just after its process starts, never before


def this_process() -> tuple[int, str]:
    """(pid, host name) of the calling process, as a run records them."""
    return os.getpid(), socket.gethostname()


def alive(pid: int, started_at: datetime | None = None) -> bool:
    """Whether process `pid` of this host exists and, when the run's start is given and the system says
    when the process started (Linux /proc), whether it is the same process and not a later one that
    was given the same pid."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        pass
    began = _start_time(pid)
    if began is None or started_at is None:
        return True
    if started_at.tzinfo is None:  # SQLite gives back the UTC time it was given, without its zone
        started_at = started_at.replace(tzinfo=UTC)
    return began <= started_at.timestamp() + _SLACK


def _start_time(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch), from /proc; None where there is no /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        boot = next(line for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime "))
    except (OSError, StopIteration):
        return None
    fields = stat[stat.rindex(")") + 2 :].split()  # the command name may hold spaces and parentheses
    if fields[:1] == ["Z"]:  # a zombie has ended: only its exit status is left
        return float("inf")
    if len(fields) < 20:
        return None
    return int(boot.split()[1]) + int(fields[19]) / os.sysconf("SC_CLK_TCK")
