"""Chooses the place each candidate names: "Paris, Texas" pairs first, then the dateline and the
other places of the document (their countries and divisions), then size."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .candidates import Candidate
from .gazetteer import Entry, Gazetteer, NameHit, fold

PAIR_BONUS = 5.0  # "Paris, Texas": the city lies in the division that follows it
SAME_COUNTRY_BONUS = 1.5  # another mention in the document lies in the same country
SAME_ADMIN1_BONUS = 1.5  # ... or in the same first-level division
DATELINE_BONUS = 1.0  # the dateline's country
CLEAR_MARGIN = 1.0  # a choice made without context votes for its country only when this far ahead


@dataclass
class Context:
    """What the rest of the document says about where it is; counts are per surface form so that a
    mention does not vote for itself."""

    countries: dict[str, Counter] = field(default_factory=dict)  # ISO-3 -> surface key -> mentions
    admin1: dict[str, Counter] = field(default_factory=dict)

    def add(self, key: str, entry: Entry) -> None:
        if entry.country:
            self.countries.setdefault(entry.country, Counter())[key] += 1
        if entry.admin1:
            self.admin1.setdefault(entry.admin1, Counter())[key] += 1

    @staticmethod
    def others(votes: dict[str, Counter], value: str | None, key: str) -> int:
        if not value or value not in votes:
            return 0
        counts = votes[value]
        return sum(counts.values()) - counts.get(key, 0)


def prior(hit: NameHit) -> float:
    """How likely a name means this place before context: countries, then divisions and big cities."""
    e = hit.entry
    if e.feature == "country":
        base = min(9.0, max(7.0, math.log10(e.population + 1)))
    elif e.feature == "admin1":
        base = 6.0
    elif e.feature == "city":
        base = math.log10(max(e.population, 1000)) + (0.3 if e.capital else 0.0)
    elif e.kind == "continent":
        base = 8.0
    elif e.kind == "county":
        base = 5.0
    else:
        base = 6.5
    return base - hit.penalty


def _related(inner: Entry, outer: Entry) -> bool:
    """Does `inner` lie in `outer` (a division or a country)?"""
    if inner is outer or outer.feature not in ("admin1", "country"):
        return False
    if outer.feature == "admin1":
        return bool(inner.admin1) and inner.admin1 == outer.admin1 and inner.feature != "admin1"
    return inner.country == outer.country


def _pair_bonuses(doc: Doc, cands: list[Candidate]) -> dict[tuple[int, int], float]:
    """(candidate index, id of entry) -> bonus, for "Paris, Texas" and "Tbilisi, Georgia"."""
    bonus: dict[tuple[int, int], float] = {}
    for n in range(len(cands) - 1):
        a, b = cands[n], cands[n + 1]
        if b.first != a.last + 1 or doc[a.last].text != ",":
            continue
        for ha in a.hits:
            for hb in b.hits:
                if _related(ha.entry, hb.entry):
                    bonus[(n, id(ha.entry))] = PAIR_BONUS
                    bonus[(n + 1, id(hb.entry))] = PAIR_BONUS
    return bonus


def resolve_dateline(place: str | None, gaz: Gazetteer) -> Entry | None:
    """The place a dateline names ("BEIJING", "Paris, Texas")."""
    if not place:
        return None
    parts = [p.strip() for p in place.split(",") if p.strip()]
    hits = gaz.lookup(parts[0]) or gaz.lookup(parts[0].title())
    if not hits:
        return None
    region = gaz.lookup(parts[1]) if len(parts) > 1 else []

    def score(hit: NameHit) -> float:
        return prior(hit) + (PAIR_BONUS if any(_related(hit.entry, r.entry) for r in region) else 0.0)

    return max(hits, key=score).entry


def choose(doc: Doc, cands: list[Candidate], dateline: Entry | None) -> list[Entry | None]:
    """The chosen entry of each candidate (None when the gazetteer has no option). A first round
    without context votes only where it is clear; the second resolves everything with those votes,
    the third with the second's choices."""
    pairs = _pair_bonuses(doc, cands)
    keys = [fold(c.text) for c in cands]

    def pick(ctx: Context | None) -> list[tuple[Entry | None, float]]:
        picked: list[tuple[Entry | None, float]] = []
        for n, cand in enumerate(cands):
            scores = sorted(
                ((_score(h, n, keys[n], pairs, ctx, dateline), i) for i, h in enumerate(cand.hits)), reverse=True
            )
            if not scores:
                picked.append((None, 0.0))
                continue
            margin = scores[0][0] - scores[1][0] if len(scores) > 1 else float("inf")
            picked.append((cand.hits[scores[0][1]].entry, margin))
        return picked

    def context(picked: list[tuple[Entry | None, float]], min_margin: float) -> Context:
        ctx = Context()
        for key, (entry, margin) in zip(keys, picked):
            if entry is not None and margin >= min_margin:
                ctx.add(key, entry)
        return ctx

    second = pick(context(pick(None), CLEAR_MARGIN))
    return [entry for entry, _ in pick(context(second, 0.0))]


def _score(hit: NameHit, n: int, key: str, pairs: dict, ctx: Context | None, dateline: Entry | None) -> float:
    e = hit.entry
    s = prior(hit) + pairs.get((n, id(e)), 0.0)
    if dateline is not None and e.country and e.country == dateline.country:
        s += DATELINE_BONUS
        if e.admin1 and e.admin1 == dateline.admin1 and e is not dateline:
            s += DATELINE_BONUS
    if ctx is not None:
        if Context.others(ctx.countries, e.country, key):
            s += SAME_COUNTRY_BONUS
        if Context.others(ctx.admin1, e.admin1, key):
            s += SAME_ADMIN1_BONUS
    return s
