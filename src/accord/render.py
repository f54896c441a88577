"""Human-readable views of contract objects and listings for the terminal (rich)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from .precision import shown_date


def documents_table(rows: list[dict[str, Any]], total: int, offset: int, width: int = 80) -> Table:
    """The `accord docs` listing; publisher and actor counts appear when the terminal is wide enough."""
    wide = width >= 120
    table = Table(
        title=f"documents {offset + 1}-{offset + len(rows)} of {total}" if rows else "no documents",
        title_justify="left",
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("id", max_width=22, overflow="ellipsis", no_wrap=True)
    table.add_column("title", ratio=1, overflow="fold")
    if wide:
        table.add_column("publisher", max_width=24, overflow="ellipsis", no_wrap=True)
        table.add_column("actors", justify="right", no_wrap=True)
    table.add_column("quotes", justify="right", no_wrap=True)
    table.add_column("events", justify="right", no_wrap=True)
    for r in rows:
        cells = [str(r["pk"]), (r["published"] or "")[:10], r["id"], r["title"] or ""]
        if wide:
            cells += [r["publisher"] or "", str(r["actors"])]
        table.add_row(*cells, str(r["quotes"]), str(r["events"]))
    return table


def provenance_line(row: dict[str, Any]) -> str:
    return (
        f"#{row['pk']}  from {row['origin']} ({row['reader']} reader), ingested "
        f"{row['ingested_at']:%Y-%m-%d %H:%M} by {row['pipeline_version']}, key {row['doc_key'][:16]}"
    )


def tone_line(tone: dict[str, Any]) -> str:
    """A document's GDELT-style tone figures in one line."""
    return (
        f"{tone['tone']:+.2f} GDELT-style tone (positive {tone['positive']:.2f}%, negative {tone['negative']:.2f}%, "
        f"polarity {tone['polarity']:.2f}, pronouns {tone['self_group_density']:.2f}%, {tone['word_count']:,} words)"
    )


def print_extraction(console: Console, c: dict[str, Any]) -> None:
    dateline = c.get("dateline") or {}
    console.rule(f"[bold]{c.get('title') or c['id']}")
    meta = [
        ("id", c["id"]),
        ("published", c["published"]),
        ("document date", c["document_date"]),
        ("publisher", c["publisher"]),
        ("sources", ", ".join(c["sources"]) or None),
        ("categories", ", ".join(c["categories"]) or None),
        ("url", c["url"]),
        ("dateline", " / ".join(str(v) for v in (dateline.get("place"), dateline.get("date")) if v) or None),
        ("anchor date", c["anchor_date"]),
        ("language", c["language"]),
    ]
    for label, value in meta:
        if value:
            console.print(f"[dim]{label:>13}[/] {value}", highlight=False)
    console.print(
        f"[dim]{'text':>13}[/] {len(c['text']):,} characters, {len(c['sentences'])} sentences: {_cut(c['text'], 160)}",
        highlight=False,
    )
    found = ", ".join(f"{len(c[k])} {k}" for k in ("actors", "quotes", "events", "times", "places"))
    console.print(f"[dim]{'found':>13}[/] {found}", highlight=False)
    if c.get("tone"):
        console.print(f"[dim]{'tone':>13}[/] {tone_line(c['tone'])}", highlight=False)
    if c["actors"]:
        t = Table("id", "name", "kind", "code", "role", "mentions", title="actors", title_justify="left")
        for a in c["actors"]:
            said = list(dict.fromkeys(m["text"] for m in a["mentions"]))
            t.add_row(
                a["id"],
                a["name"],
                a["kind"],
                a["code"] or "",
                a["role"] or "",
                f"{len(a['mentions'])}: " + _cut(" · ".join(said), 60),
            )
        console.print(t)
    if c["quotes"]:
        t = Table("id", "kind", "speaker", "quote", title="quotes", title_justify="left")
        for q in c["quotes"]:
            t.add_row(q["id"], q["kind"], (q["speaker"] or {}).get("text", ""), _cut(q["text"], 90))
        console.print(t)
    if c["events"]:
        t = Table("id", "cameo", "source", "target", "status", "date", "trigger", title="events", title_justify="left")
        for e in c["events"]:
            t.add_row(
                e["id"],
                e["cameo"],
                e["source"] or "",
                e["target"] or "",
                e["status"],
                shown_date(e["date"], e["date_end"], e.get("date_precision")),
                e["trigger"]["text"],
            )
        console.print(t)
    for w in c["warnings"]:
        console.print(f"[yellow]warning:[/] {w}", highlight=False)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
