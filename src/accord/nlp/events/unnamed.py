"""Participants the text leaves unnamed, filled as CAMEO coders fill them (conventions in
kb/participants.tsv): the place of a material action stands for the party it is done to ("troops on
alert in the West Bank" → Palestine), coercion and protest with nobody named on the receiving end are
done at home ("Egyptian police arrested 12" → Egypt), and violence by an unnamed hand is coded to the
place ("a roadside bomb near Samarra" → Iraq). An event naming nobody at all is the place's for the roots
kb/conventions.tsv lists ("protests took place in Batsari" → Nigeria as source), when it has a place. A filled participant is a country actor of the document;
the event's rule says which convention filled it and from what."""

from __future__ import annotations

from ...kb import ALL_SECTORS, KnowledgeBase, Unnamed
from ...model import Actor, Extraction


class UnnamedParticipants:
    """Fills one document's unnamed sources and targets; creates at most one country actor per country."""

    def __init__(self, kb: KnowledgeBase, ex: Extraction):
        self.kb = kb
        self.ex = ex
        self.actors = {a.id: a for a in ex.actors}
        # places come from the event's setting, which already skips modifiers ("the Iraqi city of Basra");
        # a nationality word is never a party's place either
        self.places = {p.id: p for p in ex.places if p.text not in kb.demonyms}

    def fill(
        self,
        code: str,
        sources: list[str],
        targets: list[str],
        place_id: str | None,
        framed_action: bool = False,
        place_is_target: bool = False,
    ) -> tuple[list[str], list[str], str]:
        """(sources, targets, rule note) for an event of `code` (the action's code when it is framed)
        with its place (the framed action's, when `framed_action`). Only one missing side is filled, and
        only when the other side is named. `place_is_target`: the trigger's lexicon row names its target
        with "in" ("opened an embassy in Tehran"), whatever the code's row says."""
        rule = self.kb.unnamed_rule(code)
        if place_is_target:
            rule = Unnamed("1", rule.target_home if rule else None, rule.source_place if rule else False)
        if rule is None or bool(sources) == bool(targets):
            return sources, targets, ""
        place = self.places.get(place_id) if place_id else None
        if not targets:
            by_place = rule.target_place == "1" or (rule.target_place == "action" and framed_action)
            if by_place and place is not None and place.country:
                return sources, self._country(place.country, exclude=sources), f"target:place {place.text}"
            home = self._home(sources, rule.target_home) if place is None else None
            if home:
                return sources, self._country(home, exclude=sources), "target:home"
        elif rule.source_place and place is not None and place.country:
            return self._country(place.country, exclude=targets), targets, f"source:place {place.text}"
        return sources, targets, ""

    def placed_alone(self, place_id: str | None, as_source: bool) -> tuple[list[str], list[str], str]:
        """(sources, targets, rule note) for an event naming nobody, by the place alone: the place's country
        as its source (a protest) or its target (violence); nothing when the place has no country."""
        place = self.places.get(place_id) if place_id else None
        if place is None or not place.country:
            return [], [], ""
        country = self._country(place.country, exclude=[])
        if as_source:
            return country, [], f"source:place {place.text}"
        return [], country, f"target:place {place.text}"

    def _home(self, sources: list[str], sectors) -> str | None:
        """The sources' one country, when their sector acts at home under this convention."""
        if sectors is None:
            return None
        actors = [self.actors[s] for s in sources if s in self.actors]
        countries = {a.country for a in actors}
        if len(countries) != 1 or None in countries:
            return None
        if any(a.kind == "country" for a in actors):
            return None  # "Egypt arrested …": a country cannot be its own counterpart
        if sectors != ALL_SECTORS and not all(a.sector in sectors for a in actors):
            return None
        return countries.pop()

    def _country(self, iso3: str, exclude: list[str]) -> list[str]:
        """The document's actor for the country `iso3` itself, created when the text never names it;
        nothing when that actor is the event's other side."""
        actor = next(
            (a for a in self.ex.actors if a.kind == "country" and a.country == iso3 and a.sector is None), None
        )
        if actor is None:
            country = self.kb.country(iso3)
            if country is None:
                return []
            taken = {a.id for a in self.ex.actors}
            number = len(taken) + 1
            while f"a{number}" in taken:
                number += 1
            actor = Actor(
                id=f"a{number}",
                name=country.name,
                kind="country",
                country=iso3,
                code=iso3,
                kb_id=f"country:{iso3}",
                mentions=[],
            )
            self.ex.actors.append(actor)
            self.actors[actor.id] = actor
        return [] if actor.id in exclude else [actor.id]
