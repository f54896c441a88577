"""What an alert asks for: the sides, QuadClasses, CAMEO prefix, actor, Goldstein bounds, number of
articles and event statuses a merged event must have to be told of, and where to tell it. `Alert.parse`
checks typed-in values (the CLI's options, the API's JSON) and says which one is wrong."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlparse

from ..errors import BadFilter
from ..store.filters import STATUSES, UNREALISED_STATUSES, Status, cameo, parse_dyad, text, whole

# By default an alert tells of what happened or is announced: not of what did not happen (negated,
# hypothetical) nor of history the text tells as background.
DEFAULT_STATUSES = tuple(s for s in STATUSES if s not in UNREALISED_STATUSES and s != Status.historical.value)
ANY = "any event"


@dataclass(frozen=True)
class Alert:
    """One alert. Empty fields match anything; a merged event must meet every field that is set."""

    dyad: tuple[str, str] | None = None  # either direction; a side is an ISO-3 code or an actor's name
    quads: tuple[int, ...] = ()
    code: str | None = None  # CAMEO code or prefix
    actor: str | None = None  # on either side
    min_goldstein: float | None = None
    max_goldstein: float | None = None
    min_articles: int = 1
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    webhook: str | None = None
    jsonl: str | None = None  # an absolute path; None: the notifications file setting
    id: int | None = None
    created_at: str | None = None
    raised: int = 0  # notifications raised so far

    @classmethod
    def parse(
        cls,
        dyad: str | None = None,
        quad: str | None = None,
        code: str | None = None,
        actor: str | None = None,
        min_goldstein: str | float | None = None,
        max_goldstein: str | float | None = None,
        min_articles: str | int | None = None,
        status: str | None = None,
        webhook: str | None = None,
        jsonl: str | None = None,
        prefix: str = "--",
    ) -> Alert:
        """An alert from typed-in values, each checked; a message names the option: `prefix` + its name
        ("--min-goldstein"), or with no prefix the field as JSON spells it ("min_goldstein")."""

        def name(option: str) -> str:
            return prefix + option if prefix else option.replace("-", "_")

        low, high = _goldstein(min_goldstein, name("min-goldstein")), _goldstein(max_goldstein, name("max-goldstein"))
        if low is not None and high is not None and low > high:
            raise BadFilter(name("min-goldstein"), f"{low} is above {name('max-goldstein')} {high}")
        alert = cls(
            dyad=parse_dyad(text(dyad), name("dyad")),
            quads=_quads(quad, name("quad")),
            code=cameo(code, name("code")),
            actor=text(actor),
            min_goldstein=low,
            max_goldstein=high,
            min_articles=whole(_typed(min_articles), name("min-articles"), 1, 1_000_000) or 1,
            statuses=_statuses(status, name("status")),
            webhook=_webhook(webhook, name("webhook")),
            jsonl=_jsonl(jsonl, name("jsonl")),
        )
        if alert.describe() == ANY:
            raise BadFilter(
                "alert",
                f"give at least one condition: {name('dyad')}, {name('quad')}, {name('code')}, {name('actor')}, "
                f"{name('min-goldstein')}, {name('max-goldstein')}, {name('min-articles')} or {name('status')}",
            )
        return alert

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Alert:
        """An alert as the store holds it (accord.store.alerts)."""
        created = row.get("created_at")
        return cls(
            dyad=(row["dyad_a"], row["dyad_b"]) if row["dyad_a"] and row["dyad_b"] else None,
            quads=tuple(row["quads"] or ()),
            code=row["code"],
            actor=row["actor"],
            min_goldstein=row["min_goldstein"],
            max_goldstein=row["max_goldstein"],
            min_articles=row["min_articles"],
            statuses=tuple(row["statuses"]),
            webhook=row["webhook"],
            jsonl=row["jsonl"],
            id=row["pk"],
            created_at=_iso(created),
            raised=row.get("raised") or 0,
        )

    def to_row(self) -> dict[str, Any]:
        """The store's columns of this alert (without its number and time)."""
        return {
            "dyad_a": self.dyad[0] if self.dyad else None,
            "dyad_b": self.dyad[1] if self.dyad else None,
            "quads": list(self.quads),
            "code": self.code,
            "actor": self.actor,
            "min_goldstein": self.min_goldstein,
            "max_goldstein": self.max_goldstein,
            "min_articles": self.min_articles,
            "statuses": list(self.statuses),
            "webhook": self.webhook,
            "jsonl": self.jsonl,
        }

    def to_dict(self) -> dict[str, Any]:
        """The alert as JSON-ready values, with its description."""
        out = asdict(self)
        out["dyad"] = "-".join(self.dyad) if self.dyad else None
        out["quads"], out["statuses"] = list(self.quads), list(self.statuses)
        return {"id": out.pop("id"), "description": self.describe(), **out}

    def describe(self) -> str:
        """The conditions in a line: "CHN-USA, QuadClass 3 or 4, CAMEO 19*, at least 2 articles"."""
        parts = []
        if self.dyad:
            parts.append("-".join(self.dyad))
        if self.actor:
            parts.append(f"actor {self.actor}")
        if self.quads:
            parts.append("QuadClass " + " or ".join(map(str, self.quads)))
        if self.code:
            parts.append(f"CAMEO {self.code}*")
        if self.min_goldstein is not None:
            parts.append(f"Goldstein >= {self.min_goldstein:g}")
        if self.max_goldstein is not None:
            parts.append(f"Goldstein <= {self.max_goldstein:g}")
        if self.min_articles > 1:
            parts.append(f"at least {self.min_articles} articles")
        if self.statuses != DEFAULT_STATUSES:
            parts.append("status " + " or ".join(self.statuses))
        return ", ".join(parts) or ANY


def _iso(value: datetime | None) -> str | None:
    """A stored time in ISO form with its zone (SQLite gives it back without: it was UTC)."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat(timespec="seconds")


def _typed(value: str | int | float | None) -> str | None:
    return None if value is None else str(value)


def _quads(value: str | None, name: str) -> tuple[int, ...]:
    """QuadClasses separated by commas: "3,4"."""
    found = []
    for part in (text(value) or "").replace(" ", ",").split(","):
        if part.strip():
            number = whole(part, name, 1, 4)
            if number not in found:
                found.append(number)
    return tuple(sorted(n for n in found if n is not None))


def _goldstein(value: str | float | None, name: str) -> float | None:
    raw = text(_typed(value))
    if raw is None:
        return None
    try:
        number = float(raw)
    except ValueError:
        raise BadFilter(name, f"must be a number from -10 to 10, not {raw!r}") from None
    if not -10 <= number <= 10:
        raise BadFilter(name, f"must be from -10 to 10 (the Goldstein scale), not {raw}")
    return number


def _statuses(value: str | None, name: str) -> tuple[str, ...]:
    """Event statuses separated by commas, in the contract's order; none given: DEFAULT_STATUSES."""
    given = [part.strip() for part in (text(value) or "").split(",") if part.strip()]
    for status in given:
        if status not in STATUSES:
            raise BadFilter(name, f"each must be one of {', '.join(STATUSES)}, not {status!r}")
    return tuple(s for s in STATUSES if s in given) or DEFAULT_STATUSES


def _webhook(value: str | None, name: str) -> str | None:
    url = text(value)
    if url is None:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise BadFilter(name, f"must be an http:// or https:// URL, not {url!r}")
    return url


def _jsonl(value: str | None, name: str) -> str | None:
    """The file as an absolute path (an ingest run from another folder writes the same file); its folder
    must exist or be creatable, and the file writable."""
    path = text(value)
    if path is None:
        return None
    path = os.path.abspath(os.path.expanduser(path))
    if os.path.isdir(path):
        raise BadFilter(name, f"{path} is a folder; give a file such as {os.path.join(path, 'alerts.jsonl')}")
    folder = os.path.dirname(path)
    existing = folder
    while not os.path.isdir(existing):
        existing = os.path.dirname(existing)
    if not os.access(existing, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise BadFilter(name, f"{path} cannot be written (permission denied)")
    return path
