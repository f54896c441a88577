"""Rich tables for the analyst listings (events, quotes, actors, stories, series, network)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from ..precision import shown_date

QUAD = {1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict"}


def _table(title: str, *columns: tuple[str, dict]) -> Table:
    table = Table(title=title, title_justify="left")
    for name, options in columns:
        table.add_column(name, **options)
    return table


def events_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        f"{len(rows)} events" if rows else "no events",
        ("#", {"justify": "right", "no_wrap": True}),
        ("date", {"no_wrap": True}),
        ("who, what, whom", {"ratio": 2, "min_width": 28}),
        ("art/src", {"justify": "right", "no_wrap": True}),
        ("evidence", {"ratio": 3, "min_width": 30, "overflow": "fold"}),
    )
    for r in rows:
        when = (
            shown_date(r["date"], r.get("date_end"), r.get("date_precision")).replace("..", "\n..").replace(" (", "\n(")
        )
        what = f"{r['cameo']} {r['cameo_name']}"
        details = " · ".join(x for x in (r["status"], r.get("place") or "") if x)
        who = f"{_who(r['source'], r['source_country']) or '?'} -> {_who(r['target'], r['target_country']) or '-'}"
        t.add_row(
            str(r["id"]),
            when,
            f"{who}\n{what}\n{details}",
            f"{r['num_articles']}/{r['num_sources']}",
            _short((r.get("evidence") or "").strip(), 220),
        )
    return t


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def reports_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        f"{len(rows)} reports",
        ("document", {"max_width": 28}),
        ("source", {"max_width": 20}),
        ("published", {"no_wrap": True}),
        ("code", {}),
        ("trigger", {}),
        ("evidence", {"ratio": 1, "overflow": "fold"}),
    )
    for r in rows:
        t.add_row(
            r["document"],
            r["source"] or "",
            (r["published"] or "")[:10],
            r["cameo"],
            r["trigger"],
            r["evidence"].strip(),
        )
    return t


def quotes_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        f"{len(rows)} quotations" if rows else "no quotations",
        ("date", {"no_wrap": True}),
        ("speaker", {"max_width": 26}),
        ("country", {"no_wrap": True}),
        ("kind", {"no_wrap": True}),
        ("quotation", {"ratio": 1, "overflow": "fold"}),
        ("document", {"max_width": 22}),
    )
    for r in rows:
        t.add_row(
            r["date"] or "",
            r["speaker"] or r["speaker_text"] or "",
            r["country"] or "",
            r["kind"],
            r["text"],
            r["document"],
        )
    return t


def actors_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        f"{len(rows)} actors" if rows else "no actors",
        ("name", {"max_width": 40}),
        ("kind", {}),
        ("country", {}),
        ("sector", {}),
        ("CAMEO", {}),
        ("documents", {"justify": "right"}),
        ("events", {"justify": "right"}),
    )
    for r in rows:
        t.add_row(
            r["name"],
            r["kind"],
            r["country"] or "",
            r["sector"] or "",
            r["code"] or "",
            str(r["documents"]),
            str(r["events"]),
        )
    return t


def stories_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        f"{len(rows)} stories" if rows else "no stories",
        ("#", {"justify": "right"}),
        ("first", {"no_wrap": True}),
        ("last", {"no_wrap": True}),
        ("documents", {"justify": "right"}),
        ("title", {"ratio": 1, "overflow": "fold"}),
    )
    for r in rows:
        t.add_row(str(r["id"]), r["first_date"] or "", r["last_date"] or "", str(r["num_documents"]), r["title"] or "")
    return t


def story_documents_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        f"{len(rows)} documents",
        ("#", {"justify": "right"}),
        ("published", {"no_wrap": True}),
        ("publisher", {"max_width": 24}),
        ("relation", {}),
        ("similarity", {"justify": "right"}),
        ("title", {"ratio": 1, "overflow": "fold"}),
    )
    for r in rows:
        t.add_row(
            str(r["pk"]),
            (r["published"] or "")[:10],
            r["publisher"] or "",
            r["relation"],
            f"{r['similarity']:.2f}",
            r["title"] or r["id"],
        )
    return t


def series_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        "cooperation-conflict series",
        ("period", {"no_wrap": True}),
        ("events", {"justify": "right"}),
        *((QUAD[q], {"justify": "right"}) for q in (1, 2, 3, 4)),
        ("mean Goldstein", {"justify": "right"}),
        ("index", {"justify": "right"}),
        ("tone", {"justify": "right"}),
    )
    t.caption = "tone: mean GDELT-style tone of the documents reporting the events (VADER word list)"
    t.caption_justify = "left"
    for r in rows:
        t.add_row(
            r["period"],
            str(r["events"]),
            str(r["verbal_cooperation"]),
            str(r["material_cooperation"]),
            str(r["verbal_conflict"]),
            str(r["material_conflict"]),
            f"{r['mean_goldstein']:+.2f}",
            f"{r['cooperation_index']:+.2f}",
            "" if r.get("mean_tone") is None else f"{r['mean_tone']:+.2f}",
        )
    return t


def network_table(rows: list[dict[str, Any]]) -> Table:
    t = _table(
        f"{len(rows)} links",
        ("source", {}),
        ("target", {}),
        ("events", {"justify": "right"}),
        ("cooperative", {"justify": "right"}),
        ("conflictual", {"justify": "right"}),
        ("mean Goldstein", {"justify": "right"}),
    )
    for r in rows:
        t.add_row(
            r["source"],
            r["target"],
            str(r["events"]),
            str(r["cooperative"]),
            str(r["conflictual"]),
            f"{r['mean_goldstein']:+.2f}",
        )
    return t


def _who(name: str | None, country: str | None) -> str:
    if not name:
        return ""
    return f"{name} ({country})" if country and country != name else name
