"""Sizes in messages, in one unit everywhere: MiB (2**20 bytes, the unit of the default 20 MiB limit),
or plain bytes below one MiB, so a limit reads the same in the CLI, the web API and the docs."""

from __future__ import annotations

MIB = 1024 * 1024


def byte_size(n: int) -> str:
    """`n` bytes for a person: "20 MiB", "1.5 MiB" (one decimal, none when whole), or "2,000 bytes"."""
    if n >= MIB:
        return f"{n / MIB:.1f}".removesuffix(".0") + " MiB"
    return "1 byte" if n == 1 else f"{n:,} bytes"


def sizes_apart(size: int, limit: int) -> tuple[str, str]:
    """A size and the limit it is compared with, in exact bytes when rounding would make them read alike
    ("20 MiB, over the size limit of 20 MiB")."""
    shown = byte_size(size), byte_size(limit)
    if shown[0] == shown[1] and size != limit:
        return f"{size:,} bytes", f"{limit:,} bytes"
    return shown
