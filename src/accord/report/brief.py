"""A brief on a pair of countries or actors as one self-contained HTML file: summary counts, a chart,
a timeline with evidence, each side's quotations and an appendix of every report.

The file opens anywhere without a network: CSS and the SVG chart are inline, fonts are the system's,
and nothing is loaded from any address. Every piece of text from the store goes through html.escape,
since article text may itself contain markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from ..analytics.records import EventRecord, QuoteRecord
from ..analytics.series import dyad_series
from ..errors import UsageError
from ..store.filters import is_country_code
from .charts import QUAD_LABELS, series_svg

if TYPE_CHECKING:
    from ..api import Database

WEEKLY_UP_TO_DAYS = 120  # a longer period is charted by month
QUOTES_PER_SIDE = 8

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2330;
margin:0 auto;max-width:72rem;padding:1.5rem 2rem 3rem;line-height:1.45;background:#fff}
h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d5d9e0;
padding-bottom:.3rem}h3{font-size:1.02rem;margin:1.2rem 0 .4rem}
.period{color:#556;margin:0}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.card{border:1px solid #d5d9e0;border-radius:6px;padding:.5rem .8rem;min-width:8.5rem}
.card b{display:block;font-size:1.3rem}.card span{color:#556;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #e3e6eb;padding:.35rem .45rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}td.num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}
mark{background:#ffe58a;padding:0 .1em}
svg{max-width:100%;height:auto}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.7rem;border-left:3px solid #d5d9e0;color:#2b3140}
.who{color:#556;font-size:.85rem}.muted{color:#778}
ol.reports li{margin-bottom:.6rem}
footer{margin-top:3rem;border-top:1px solid #d5d9e0;padding-top:.6rem;color:#667;font-size:.8rem}
"""


def write_brief(db: Database, dyad: tuple[str, str], since: str | None, until: str | None, path: str | Path) -> Path:
    """Write the brief on `dyad` (both directions) between `since` and `until` to `path`; returns the path."""
    events = db.events(dyad=dyad, since=since, until=until, reports=True)
    page = render_brief(db, dyad, since, until, events)
    target = Path(path)
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


def render_brief(
    db: Database, dyad: tuple[str, str], since: str | None, until: str | None, events: list[EventRecord]
) -> str:
    """The brief's HTML text for events already fetched (with their reports)."""
    a, b = (_side_name(side) for side in dyad)
    title = f"{a} and {b}: relations brief"
    dated = sorted(e.date for e in events if e.date)
    first = since or (dated[0] if dated else None)
    last = until or (max((e.date_end or e.date) for e in events if e.date) if dated else None)
    by = _period_unit(first, last)
    documents = _documents(db, events)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # even if some text escaped escaping, the page could run no script and load nothing
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="period">{escape(_period_text(first, last, len(events) - len(dated)))}</p>',
        "</header>",
        _summary(events),
        _chart(events, by, f"{dyad[0]}-{dyad[1]}"),
        _timeline(events),
        _quotes(db, dyad, events),
        _appendix(events, documents),
        _footer(db),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


# --- sections ------------------------------------------------------------------------------------------


def _summary(events: list[EventRecord]) -> str:
    quads = [sum(1 for e in events if e.quad_class == q) for q in (1, 2, 3, 4)]
    total = len(events)
    mean = f"{sum(e.goldstein for e in events) / total:+.2f}" if total else "–"
    index = f"{(quads[0] + quads[1] - quads[2] - quads[3]) / total:+.2f}" if total else "–"
    report_docs = {r.document for e in events for r in e.reports} or {e.document for e in events if e.document}
    stories = {e.story for e in events if e.story is not None}
    cards = [("events", str(total))]
    cards += [(label, str(n)) for label, n in zip(QUAD_LABELS, quads)]
    cards += [
        ("mean Goldstein", mean),
        ("cooperation index", index),
        ("documents", str(len(report_docs))),
        ("stories", str(len(stories))),
    ]
    body = "".join(
        f'<div class="card"><b>{escape(value)}</b><span>{escape(label)}</span></div>' for label, value in cards
    )
    note = (
        "Each event counts once however many articles reported it. Cooperation index: (cooperative "
        "− conflictual events) / all events, from −1 to 1. Goldstein: CAMEO's −10 to +10 weight."
    )
    return (
        f'<section id="summary"><h2>Summary</h2><div class="cards">{body}</div>'
        f'<p class="muted">{escape(note)}</p></section>'
    )


def _chart(events: list[EventRecord], by: str, label: str) -> str:
    points = dyad_series(events, by)
    svg = inline_svg(series_svg(points, f"{label} by {by}")) if points else ""
    body = svg or '<p class="muted">No dated events to chart.</p>'
    return f'<section id="chart"><h2>{escape(f"Events and cooperation index by {by}")}</h2>{body}</section>'


def _timeline(events: list[EventRecord]) -> str:
    head = (
        "<tr><th>Date</th><th>Source → target</th><th>Event</th><th>Status</th><th>Place</th>"
        "<th>Articles / sources</th><th>Evidence</th></tr>"
    )
    rows = []
    for e in _in_order(events):
        rows.append(
            "<tr>"
            f'<td class="date"><a href="#event-{e.id}">{escape(_when(e))}</a></td>'
            f"<td>{escape(_dyad_text(e))}</td>"
            f'<td>{escape(e.cameo_name or "")} <span class="muted">({escape(e.cameo)})</span></td>'
            f"<td>{escape(e.status)}</td>"
            f"<td>{escape(e.place or '')}</td>"
            f'<td class="num">{e.num_articles} / {e.num_sources}</td>'
            f"<td>{marked(e.evidence or '', e.trigger)}</td>"
            "</tr>"
        )
    if not rows:
        return '<section id="timeline"><h2>Timeline</h2><p class="muted">No events for this pair.</p></section>'
    return f'<section id="timeline"><h2>Timeline</h2><table>{head}{"".join(rows)}</table></section>'


def _quotes(db: Database, dyad: tuple[str, str], events: list[EventRecord]) -> str:
    sides: dict[str, list[QuoteRecord]] = {}
    seen: set[tuple[str, str]] = set()
    for story in sorted({e.story for e in events if e.story is not None}):
        for side, said in db.framing(story=story).sides.items():
            for quote in said:
                key = (side, " ".join(quote.text.lower().split()))
                if key not in seen:
                    seen.add(key)
                    sides.setdefault(side, []).append(quote)
    if not sides:
        return (
            '<section id="quotes"><h2>What each side said</h2><p class="muted">No quotations in the '
            "stories of these events.</p></section>"
        )
    order = [s for s in dyad if s in sides] + sorted(s for s in sides if s not in dyad)
    blocks = []
    for side in order:
        said = sides[side]
        items = "".join(
            f'<li><blockquote>{escape(q.text.strip())}</blockquote><span class="who">{escape(_said_by(q))}</span></li>'
            for q in said[:QUOTES_PER_SIDE]
        )
        more = len(said) - QUOTES_PER_SIDE
        extra = f'<p class="muted">and {more} more.</p>' if more > 0 else ""
        blocks.append(f"<h3>{escape(_side_name(side))}</h3><ul>{items}</ul>{extra}")
    return f'<section id="quotes"><h2>What each side said</h2>{"".join(blocks)}</section>'


def _appendix(events: list[EventRecord], documents: dict[str, dict]) -> str:
    blocks = []
    for e in _in_order(events):
        items = []
        for r in e.reports:
            doc = documents.get(r.document, {})
            facts = [
                r.document,
                r.title or "",
                doc.get("publisher") or r.source or "",
                r.published or "",
                doc.get("url") or "",
            ]
            items.append(
                f'<li><span class="who">{escape(" · ".join(f for f in facts if f))}</span>'
                f"<blockquote>{marked(r.evidence, r.trigger)}</blockquote></li>"
            )
        heading = f"#{e.id} {_when(e)}: {_dyad_text(e)}, {e.cameo_name or e.cameo}"
        blocks.append(
            f'<article id="event-{e.id}"><h3>{escape(heading)}</h3><ol class="reports">{"".join(items)}</ol></article>'
        )
    body = "".join(blocks) or '<p class="muted">No events.</p>'
    return f'<section id="evidence"><h2>Evidence: every report of every event</h2>{body}</section>'


def _footer(db: Database) -> str:
    from ..version import __version__

    made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = f"accord {__version__} · database {db.name} · written {made}"
    return f"<footer>{escape(text)}</footer>"


# --- pieces ------------------------------------------------------------------------------------------------


def marked(sentence: str, trigger: str | None) -> str:
    """The sentence escaped, with the trigger word (its first whole-word occurrence) in <mark>."""
    sentence = " ".join(sentence.split())
    found = None
    if trigger:
        found = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", sentence, re.IGNORECASE)
    if found is None:
        return escape(sentence)
    return (
        escape(sentence[: found.start()])
        + "<mark>"
        + escape(found.group(0))
        + "</mark>"
        + escape(sentence[found.end() :])
    )


def inline_svg(svg: str) -> str:
    """Matplotlib's SVG made fit for inline use: no comments, metadata or namespace addresses (an
    <svg> inside HTML needs none), so the page holds no address of any kind."""
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    return re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", svg)


def _documents(db: Database, events: list[EventRecord]) -> dict[str, dict]:
    """Publisher and URL of the documents behind the reports, by document id."""
    return db.document_sources(sorted({r.document for e in events for r in e.reports}))


def _in_order(events: Iterable[EventRecord]) -> list[EventRecord]:
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def _when(e: EventRecord) -> str:
    if not e.date:
        return "undated"
    return f"{e.date} – {e.date_end}" if e.date_end and e.date_end != e.date else e.date


def _dyad_text(e: EventRecord) -> str:
    def side(name: str | None, country: str | None) -> str:
        if not name:
            return "?"
        return f"{name} ({country})" if country and country != name else name

    return f"{side(e.source, e.source_country)} → {side(e.target, e.target_country)}"


def _said_by(q: QuoteRecord) -> str:
    who = q.speaker or q.speaker_text or "unnamed speaker"
    return " · ".join(p for p in (who, q.title or q.document, q.date or "") if p)


def _side_name(side: str) -> str:
    if is_country_code(side):
        from ..kb import load_kb

        country = load_kb().countries.get(side)
        if country:
            return country.name
    return side


def _period_unit(first: str | None, last: str | None) -> str:
    if not first or not last:
        return "week"
    span = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days
    return "week" if span <= WEEKLY_UP_TO_DAYS else "month"


def _period_text(first: str | None, last: str | None, undated: int) -> str:
    text = f"{first} to {last}" if first and last else "no dated events"
    if undated:
        text += f"; {undated} undated event{'s' if undated != 1 else ''} listed but not charted"
    return text
