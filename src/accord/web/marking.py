"""Article text with its extraction marked up: `<mark class="actor|quote|trigger|time|place">` around
each span, and everything else (text, labels, ids) escaped with html.escape, so an article containing
markup is shown as text. Spans may nest or overlap; the output is always well nested (a span crossing
another's end is closed and reopened around it)."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

KINDS = ("quote", "actor", "place", "time", "trigger")  # outermost first when two spans coincide
EXTRAS = frozenset({"source", "target", "direct", "partial", "indirect"})


@dataclass(frozen=True)
class Mark:
    """One span to highlight. `kind` and `extras` become CSS classes (only known names are allowed);
    `label` becomes the tooltip and `ref` a data attribute, both escaped."""

    start: int
    end: int
    kind: str
    label: str | None = None
    ref: str | None = None
    extras: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "label": self.label,
            "ref": self.ref,
            "extras": list(self.extras),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mark:
        return cls(d["start"], d["end"], d["kind"], d.get("label"), d.get("ref"), tuple(d.get("extras", ())))


def _open_tag(mark: Mark) -> str:
    classes = " ".join([mark.kind, *(e for e in mark.extras if e in EXTRAS)])
    attrs = f' class="{classes}"'
    if mark.ref:
        attrs += f' data-ref="{html.escape(mark.ref, quote=True)}"'
    if mark.label:
        attrs += f' title="{html.escape(mark.label, quote=True)}"'
    return f"<mark{attrs}>"


def mark_text(text: str, marks: Iterable[Mark]) -> Markup:
    """`text` as HTML with `marks` highlighted; spans out of range, empty or of an unknown kind are dropped."""
    valid = [m for m in marks if m.kind in KINDS and 0 <= m.start < m.end <= len(text)]
    opening: dict[int, list[Mark]] = defaultdict(list)
    for m in valid:
        opening[m.start].append(m)
    for starts in opening.values():  # longer spans outside shorter ones; ties by KINDS order
        starts.sort(key=lambda m: (-m.end, KINDS.index(m.kind)))
    boundaries = sorted({m.start for m in valid} | {m.end for m in valid})
    out: list[str] = []
    stack: list[Mark] = []
    position = 0
    for point in boundaries:
        out.append(html.escape(text[position:point]))
        position = point
        if any(m.end == point for m in stack):
            reopen: list[Mark] = []
            while any(m.end == point for m in stack):
                top = stack.pop()
                out.append("</mark>")
                if top.end != point:
                    reopen.append(top)
            for m in reversed(reopen):
                out.append(_open_tag(m))
                stack.append(m)
        for m in opening.get(point, ()):
            out.append(_open_tag(m))
            stack.append(m)
    out.append(html.escape(text[position:]))
    return Markup("".join(out))


# --- marks from a stored extraction (the contract object) ------------------------------------------------


def _actor_label(actor: dict[str, Any]) -> str:
    extra = actor.get("code") or actor.get("country")
    return f"{actor.get('name')} ({extra})" if extra else str(actor.get("name"))


def document_marks(extraction: dict[str, Any]) -> list[Mark]:
    """Every actor mention, quotation, event trigger, time and place of a document."""
    marks: list[Mark] = []
    actors = {a["id"]: a for a in extraction.get("actors", [])}
    for actor in actors.values():
        for mention in actor.get("mentions", []):
            marks.append(Mark(mention["start"], mention["end"], "actor", _actor_label(actor), actor["id"]))
    for quote in extraction.get("quotes", []):
        speaker = quote.get("speaker") or {}
        who = actors.get(speaker.get("actor") or "", {}).get("name") or speaker.get("text") or "unattributed"
        marks.append(
            Mark(
                quote["start"],
                quote["end"],
                "quote",
                f"{quote['kind']} quotation: {who}",
                quote["id"],
                (quote["kind"],),
            )
        )
    for event in extraction.get("events", []):
        trigger = event["trigger"]
        marks.append(Mark(trigger["start"], trigger["end"], "trigger", _event_label(event), event["id"]))
    for time in extraction.get("times", []):
        marks.append(Mark(time["start"], time["end"], "time", f"{time['type']} {time['value']}", time["id"]))
    for place in extraction.get("places", []):
        where = f"{place['name']} ({place['country']})" if place.get("country") else place["name"]
        marks.append(Mark(place["start"], place["end"], "place", where, place["id"]))
    return marks


def _event_label(event: dict[str, Any]) -> str:
    return f"CAMEO {event['cameo']} ({event['status']}, QuadClass {event['quad_class']})"


def find_event(extraction: dict[str, Any], event_id: str) -> dict[str, Any] | None:
    return next((e for e in extraction.get("events", []) if e["id"] == event_id), None)


def sentence_marks(extraction: dict[str, Any], event: dict[str, Any]) -> tuple[str, list[Mark]]:
    """An event's sentence and, relative to it, its trigger, every actor mention (the event's source
    and target flagged), and the times and places inside it."""
    start, end = event["sentence"]["start"], event["sentence"]["end"]
    raw = extraction["text"][start:end]
    start += len(raw) - len(raw.lstrip())  # the stored span may carry the paragraph break
    sentence = raw.strip()
    end = start + len(sentence)
    roles = {ref: role for ref, role in ((event.get("source"), "source"), (event.get("target"), "target")) if ref}
    marks: list[Mark] = []
    for m in document_marks(extraction):
        if m.kind == "quote" or not (start <= m.start and m.end <= end):
            continue
        if m.kind == "trigger" and m.ref != event["id"]:
            continue
        extras = (roles[m.ref],) if m.kind == "actor" and m.ref in roles else ()
        marks.append(Mark(m.start - start, m.end - start, m.kind, m.label, m.ref, extras))
    return sentence, marks
