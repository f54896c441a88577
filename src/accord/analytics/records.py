"""Typed answers the Python API returns, each convertible to a dict and, in lists, to a pandas frame."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Records(list, Generic[T]):
    """A list of records with `.to_pandas()` (when pandas is installed) and `.to_dicts()`."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self]

    def to_pandas(self):
        try:
            import pandas
        except ModuleNotFoundError:
            raise ModuleNotFoundError("to_pandas() needs pandas: pip install pandas") from None
        return pandas.DataFrame(self.to_dicts())


@dataclass
class _Record:
    """What every record shares: itself as a plain dict."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report(_Record):
    """One document's report of a merged event, with its evidence."""

    document: str
    title: str | None
    published: str | None
    source: str | None
    cameo: str
    status: str
    date: str | None
    evidence: str
    trigger: str
    rule: str
    confidence: float


@dataclass
class EventRecord(_Record):
    """One real-world event: merged reports, GDELT-style counts, and the first report as evidence."""

    id: int
    date: str | None
    date_end: str | None
    date_basis: str
    date_precision: str | None  # day | week | month | year | decade | century; None: not known
    source: str | None
    source_country: str | None
    target: str | None
    target_country: str | None
    cameo: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    status: str
    place: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    num_mentions: int
    num_sources: int
    num_articles: int
    story: int | None
    document: str | None
    evidence: str | None
    trigger: str | None
    rule: str | None
    confidence: float | None
    avg_tone: float | None = None  # mean GDELT-style tone of the reporting documents
    reports: list[Report] = field(default_factory=list)


@dataclass
class QuoteRecord(_Record):
    text: str
    kind: str
    speaker: str | None
    speaker_text: str | None
    country: str | None
    cue: str | None
    document: str
    title: str | None
    date: str | None
    story: int | None


@dataclass
class ActorRecord(_Record):
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    code: str | None
    documents: int
    events: int


@dataclass
class SeriesPoint(_Record):
    """One period of a dyad's relations."""

    period: str  # 2025-10-27 (day), 2025-W44 (week) or 2025-10 (month)
    start: str  # the period's first day
    events: int
    verbal_cooperation: int  # QuadClass 1
    material_cooperation: int  # 2
    verbal_conflict: int  # 3
    material_conflict: int  # 4
    mean_goldstein: float | None
    cooperation_index: float | None  # (cooperative - conflictual) / all, from -1 to 1
    mean_tone: float | None = None  # GDELT-style tone of the documents reporting the period's events


@dataclass
class Edge(_Record):
    source: str
    target: str
    events: int
    cooperative: int
    conflictual: int
    mean_goldstein: float


@dataclass
class StoryRecord(_Record):
    id: int
    title: str | None
    first_date: str | None
    last_date: str | None
    num_documents: int
    documents: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Framing(_Record):
    """How each side characterised a story or event: its speakers' quotations, grouped by country."""

    sides: dict[str, list[QuoteRecord]]
