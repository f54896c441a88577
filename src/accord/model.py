"""The data accord passes between stages: a read `Document` and its `Extraction` (contract "accord/1").

Readers make Documents; the pipeline turns each into an Extraction; the store and every interface read
Extractions. All offsets are Python string indices into `Document.text`, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_ID = "accord/1"


@dataclass(frozen=True)
class Dateline:
    """The "PLACE, DATE —" opening of a news body."""

    place: str | None
    date: str | None  # YYYY-MM-DD


@dataclass(kw_only=True)
class ArticleFields:
    """The article metadata a reader finds and the contract carries through unchanged."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    sources: list[str] = field(default_factory=list)
    published: str | None = None  # YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS
    document_date: str | None = None  # YYYY-MM-DDTHH:MM:SS
    crawled: str | None = None  # YYYY-MM-DDTHH:MM:SS (UTC): when a web archive (WARC) fetched the page
    categories: list[str] = field(default_factory=list)
    language: str | None = "en"
    # how sure the language detector is of `language` (0-1); None when the text was too short to judge
    language_confidence: float | None = None
    dateline: Dateline | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(kw_only=True)
class Document(ArticleFields):
    """One article as read from its source: body text plus metadata, before any NLP."""

    # Provenance, not part of the contract output.
    origin: str = ""  # path, "path#item-3", "path:line 7" or "<stdin>"
    reader: str = ""  # which reader made it: headered, plain, html, feed, jsonl
    stated_language: str | None = None  # the language the input itself gave (JSON Lines, HTML metadata)


@dataclass
class Failure:
    """An input that could not become a Document, with a reason a user can act on."""

    origin: str
    reason: str
    reader: str | None = None


@dataclass
class Skipped:
    """A part of an input that is not an article and is passed over on purpose, not a failure: a WARC
    request, metadata or revisit record, or a response that is not an HTML page. `reason` is a short
    category ("request record", "non-HTML response") that summaries count by."""

    origin: str
    reason: str
    reader: str | None = None


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Mention(Span):
    pass


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | country | organization | group
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    code: str | None = None
    kb_id: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Speaker:
    actor: str | None
    start: int
    end: int
    text: str


@dataclass
class Quote:
    id: str
    start: int
    end: int
    text: str
    kind: str  # direct | partial | indirect
    speaker: Speaker | None = None
    cue: Span | None = None


@dataclass
class SentenceRef:
    start: int
    end: int


@dataclass
class Event:
    id: str
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    source: str | None
    target: str | None
    status: str  # occurred | planned | negated | hypothetical | historical
    date: str | None
    date_end: str | None
    date_basis: str  # text | anchor
    date_precision: str | None  # day | week | month | year | decade | century (src/accord/precision.py)
    place: str | None
    sentence: SentenceRef
    trigger: Span
    quote: str | None
    rule: str
    confidence: float

    @property
    def mutual(self) -> bool:
        """A mutual event (met, negotiated, signed): the source and target are the two parties in the
        order the text names them, and the event is one row, not one each way (see `is_mutual`)."""
        return is_mutual(self.rule)


MUTUAL_MARK = "+mutual"  # the end of a mutual event's rule


def is_mutual(rule: str | None) -> bool:
    """Does an event's rule say it is mutual? The direction of such an event carries no meaning, so
    undirected dyad queries and the merge of reports across documents read it both ways."""
    return rule is not None and rule.endswith(MUTUAL_MARK)


@dataclass
class TimeExpr:
    id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    range: list[str] | None = None


@dataclass
class Place:
    id: str
    start: int
    end: int
    text: str
    name: str
    country: str | None
    feature: str  # country | admin1 | city | other
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass
class Tone:
    """A document's GDELT-style tone (GDELT's GKG V2Tone figures; see accord.nlp.tone): percentages of
    its words, from -100 to 100 for `tone` and 0 to 100 for the others."""

    tone: float  # positive minus negative words
    positive: float
    negative: float  # a positive number, as GDELT writes it
    polarity: float  # positive + negative
    activity_density: float | None  # not computed: GDELT's word list is not public
    self_group_density: float  # pronouns
    word_count: int


@dataclass(kw_only=True)
class Extraction(ArticleFields):
    """Everything accord found in one document: the contract object."""

    anchor_date: str | None = None
    sentences: list[SentenceRef] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    tone: Tone | None = None  # None until the pipeline computes it

    @classmethod
    def from_document(cls, doc: Document) -> Extraction:
        shared = {f.name: getattr(doc, f.name) for f in fields(ArticleFields)}
        for name in ("sources", "categories", "warnings"):
            shared[name] = list(shared[name])
        return cls(**shared)

    def to_dict(self) -> dict[str, Any]:
        """The contract object, keys in the contract's order."""
        body = plain(self)
        out: dict[str, Any] = {"schema": SCHEMA_ID}
        for key in CONTRACT_KEYS[1:]:
            out[key] = body[key]
        return out


def plain(value: Any) -> Any:
    """`dataclasses.asdict` for the contract's values, at a fraction of its cost: dataclasses become dicts
    and lists new lists, recursively; the leaves (strings, numbers, None) are immutable, so they are
    shared instead of deep-copied. The store converts every extraction it writes."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    names = _field_names.get(type(value))
    if names is None:
        if not is_dataclass(value):
            return value
        names = _field_names[type(value)] = tuple(f.name for f in fields(value))
    return {name: plain(getattr(value, name)) for name in names}


_field_names: dict[type, tuple[str, ...]] = {}


CONTRACT_KEYS = (
    "schema",
    "id",
    "title",
    "url",
    "publisher",
    "sources",
    "published",
    "document_date",
    "crawled",
    "categories",
    "language",
    "language_confidence",
    "dateline",
    "anchor_date",
    "text",
    "sentences",
    "actors",
    "quotes",
    "events",
    "times",
    "places",
    "tone",
    "warnings",
)
