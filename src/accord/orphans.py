"""Worker processes end when the process that started them dies, even by `kill -9`, instead of living on
as orphans holding a model's memory: Linux sends them SIGKILL when their parent goes
(prctl PR_SET_PDEATHSIG), and, on any system, a watchdog thread ends them once their parent pid changes."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_INTERVAL = 1.0  # seconds between the watchdog's looks at the parent


def die_with_parent(parent_pid: int) -> None:
    """Make this process end when `parent_pid`, the process that started it, ends."""
    if sys.platform.startswith("linux"):
        _kernel_kills_on_parent_death()
    if os.getppid() != parent_pid:  # the parent died before we could ask to follow it
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="accord-parent-watch", daemon=True).start()


def _kernel_kills_on_parent_death() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl: the watchdog alone does it
        pass


def _watch(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
