"""Resolution: a recognised reference to the actor it names — knowledge-base person in office on the
article's date, country, government body, organisation or group — with CAMEO sector and code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...kb import KnowledgeBase, Tenure, Title, role_words_fit, short_names, strip_the, title_fits
from .references import Reference

# Which office names a person who holds two at once: head of state, of government, foreign, IGO head,
# defence (DM), interior (IM).
POSITION_ORDER = {"HOS": 0, "HOG": 1, "FM": 2, "HEAD": 3, "DM": 4, "IM": 5}


@dataclass(eq=False)
class ActorDraft:
    """An actor being assembled: its identity `key`, what it is, and the mentions found so far."""

    key: tuple
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    code: str | None = None
    kb_id: str | None = None
    shorts: set[str] = field(default_factory=set)  # names a later surname-only mention may use
    mentions: list[tuple[int, int]] = field(default_factory=list)


def cameo_code(country: str | None, sector: str | None) -> str | None:
    """The CAMEO actor code: country then sector ("CHNGOV"), or whichever is known."""
    if country and sector:
        return f"{country}{sector}"
    return country or None


class Resolver:
    """Built once per process from the knowledge base: turns one reference into the actor it names."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.leader_roles = set(kb.phrases.get("leader", {}))
        self.generic_heads = set(kb.phrases.get("generic-head", {}))

    # --- people -----------------------------------------------------------------------------

    def person(self, ref: Reference, day: date | None, context_country: str | None = None) -> ActorDraft:
        """`context_country`: the one country the sentence names, for a titled person nobody else places."""
        title = _closest_title(ref.titles)
        candidates = list(self.kb.people(ref.head.text))
        if not candidates and ref.head.label_ == "SHORT":
            candidates = list(self.kb.short_names.get(ref.head.text, []))
        candidates = self._filter(candidates, ref, title)
        chosen, in_office = self._pick(candidates, day, surname_only=ref.head.label_ == "SHORT")
        if chosen is not None:
            return self._from_tenure(chosen, in_office, title, ref)
        name = ref.name or ref.head.text
        country = ref.countries[0] if ref.countries else None
        if country is None and ref.org is None and title is not None and title.kind == "title":
            country = context_country
        org = self.kb.organizations.get(ref.org) if ref.org else None
        sector = "ELI" if ref.former and title else (title.sector if title else None)
        if org is not None:
            country, sector = None, "IGO"
        role = _role_text(title, ref.former)
        code = org.code if org is not None else cameo_code(country, sector)
        words = name.split()
        return ActorDraft(
            ("person", name),
            name,
            "person",
            country,
            sector,
            role,
            code,
            shorts={words[-1]} if len(words) > 1 else set(),
        )

    def _filter(self, candidates: list[Tenure], ref: Reference, title: Title | None) -> list[Tenure]:
        if ref.countries:
            narrowed = [t for t in candidates if t.country in ref.countries]
            candidates = narrowed or ([] if ref.head.label_ == "SHORT" else candidates)
        if ref.org:
            candidates = [t for t in candidates if t.org == ref.org] or candidates
        if title is not None and title.kind == "title" and title.role:
            narrowed = [t for t in candidates if role_words_fit(title, t)] or [
                t for t in candidates if title_fits(title, t)
            ]
            candidates = narrowed or ([] if ref.head.label_ == "SHORT" else candidates)
        return candidates

    def _pick(self, candidates: list[Tenure], day: date | None, surname_only: bool) -> tuple[Tenure | None, bool]:
        if not candidates:
            return None, False
        if day is None:
            # Undated text: take the latest office the person held, described as held.
            current = [t for t in candidates if t.end is None]
            pool = current or sorted(candidates, key=lambda t: t.start, reverse=True)[:1]
            return _best(pool), True
        holding = [t for t in candidates if t.holds_on(day)]
        if holding:
            people = {t.name for t in holding}
            if surname_only and len(people) > 1:
                return None, False  # two office holders share the surname: do not guess
            return _best(holding), True
        people = {t.name for t in candidates}
        if surname_only and len(people) > 1:
            return None, False
        before = [t for t in candidates if t.end is not None and t.end <= day]
        if before:
            return max(before, key=lambda t: t.end or date.min), False  # every `before` has an end
        return min(candidates, key=lambda t: t.start), False

    def _from_tenure(self, t: Tenure, in_office: bool, title: Title | None, ref: Reference) -> ActorDraft:
        org = self.kb.organizations.get(t.org) if t.org else None
        role: str | None
        sector: str | None
        if in_office:
            role = t.role
            if org is not None:
                sector = "IGO"
            elif title is not None and title.kind == "title":
                sector = title.sector
            else:  # no title in the text: the office's own ("Shoigu" in 2015 is a defence minister, MIL)
                sector = self.kb.position_sector(t.position)
        elif title is not None and title.kind == "title" and title_fits(title, t):
            role, sector = f"former {t.role}", "ELI"
        else:
            role, sector = (title.role if title else None), (title.sector if title else None)
        country = None if org else t.country
        code = org.code if org else cameo_code(country, sector)
        # every tenure of the person counts: "Lula" is an alias on only some rows
        shorts = set(short_names(t)).union(*(short_names(other) for other in self.kb.people(t.name)))
        return ActorDraft(("person", t.kb_id), t.name, "person", country, sector, role, code, t.kb_id, shorts)

    # --- offices, groups, bodies, organisations, countries ------------------------------------

    def office(self, ref: Reference, iso: str, day: date | None) -> ActorDraft:
        """ "Montenegro's prime minister": the person who held the office then, when the KB knows."""
        title = _closest_title(ref.titles)
        if title is not None and title.role and day is not None and not ref.former:
            holders = self.kb.holders(iso, title, day)
            if len({h.name for h in holders}) == 1:
                return self._from_tenure(holders[0], True, title, ref)
        country = self.kb.country(iso)
        role = _role_text(title, ref.former)
        name = f"{title.role if title and title.role else 'Official'} of {country.name if country else iso}"
        sector = "ELI" if ref.former else (title.sector if title else "GOV")
        return ActorDraft(("office", iso, role), name, "person", iso, sector, role, cameo_code(iso, sector))

    def group(self, ref: Reference, iso: str) -> ActorDraft:
        """ "Chinese delegations", "Thai police": a country's group, with the sector its nouns give."""
        sector = _group_sector(ref.titles, self.generic_heads)
        noun = _singular(ref.head.root.lemma_.lower() if ref.head.root.lemma_ else ref.head.text.lower())
        country = self.kb.country(iso)
        adjective = country.adjective if country else iso
        return ActorDraft(
            ("group", iso, sector, noun), f"{adjective} {noun}", "group", iso, sector, None, cameo_code(iso, sector)
        )

    def body(self, ref: Reference, context_country: str | None) -> ActorDraft:
        """A government body: a proper one from the KB ("Kremlin"), else a generic one ("Foreign Ministry")
        of the nationality before it or the dateline's country."""
        body = self.kb.body(ref.head.text)
        if body is not None:
            iso = body.country or (ref.countries[0] if ref.countries else context_country)
            sector, base = body.sector, body.name
            proper = body.country is not None
        else:
            title = _closest_title(ref.titles)
            iso = ref.countries[0] if ref.countries else context_country
            sector, base, proper = (title.sector if title else "GOV"), ref.head.root.lemma_.lower(), False
        country = self.kb.country(iso)
        name = base if proper or country is None else f"{country.adjective} {base}"
        return ActorDraft(
            ("body", iso, name),
            name,
            "organization",
            iso,
            sector,
            None,
            cameo_code(iso, sector),
            f"body:{base.lower().replace(' ', '-')}" if body is not None else None,
        )

    def organization(self, ref: Reference, context_country: str | None = None) -> ActorDraft:
        """A KB organisation, or one spaCy found: placed in the sentence's only country, if any."""
        org = self.kb.organizations.get(ref.org) if ref.org else None
        if org is None:
            text = strip_the(ref.head.text)
            return ActorDraft(("uorg", text), text, "organization", context_country, None, None, context_country)
        return ActorDraft(
            ("org", org.id), org.name, "organization", org.country, org.sector, None, org.code, f"org:{org.id}"
        )

    def country(self, iso: str) -> ActorDraft:
        """A country as an actor in its own right."""
        c = self.kb.country(iso)
        return ActorDraft(("country", iso), c.name if c else iso, "country", iso, None, None, iso, f"country:{iso}")

    def government(self, iso: str) -> ActorDraft:
        """A capital acting for its country's government: "Washington said", "Beijing described"."""
        c = self.kb.country(iso)
        name = c.capital if c and c.capital else iso
        return ActorDraft(("capital", iso), name, "country", iso, "GOV", None, f"{iso}GOV", f"country:{iso}:government")

    def noun_group(self, ref: Reference, iso: str) -> ActorDraft:
        """ "Iraqi youths", "British aircraft": a nationality's group; the sector when the noun says it."""
        lemma = ref.head.root.lemma_.lower()
        title = self.kb.titles.get(ref.head.root.lower_) or self.kb.titles.get(lemma)
        sector = title.sector if title is not None else None
        country = self.kb.country(iso)
        name = f"{country.adjective if country else iso} {lemma}"
        return ActorDraft(("group", iso, sector, lemma), name, "group", iso, sector, None, cameo_code(iso, sector))

    def led_government(self, ref: Reference, leader: ActorDraft) -> ActorDraft:
        """ "the Trump administration": the government of the leader's country, named as written."""
        assert ref.governs is not None  # the recogniser sets it on every person-body reference
        noun = ref.governs.text.lower()
        surname = leader.name.split()[-1] if leader.kb_id else ref.head.text
        name = f"{surname} {noun}"
        iso = leader.country
        return ActorDraft(("led", name), name, "organization", iso, "GOV", None, cameo_code(iso, "GOV"))

    def people(self, ref: Reference, iso: str) -> ActorDraft:
        """ "the Palestinians": a people, coded to the country it belongs to or lives in."""
        return ActorDraft(("people", iso), ref.head.text, "group", iso, None, None, iso)


def _closest_title(titles: list[Title]) -> Title | None:
    for t in reversed(titles):
        if t.kind == "title":
            return t
    return titles[-1] if titles else None


def _group_sector(titles: list[Title], generic_heads: set[str]) -> str:
    """ "government officials" -> GOV, "army officers" -> MIL: a generic head takes its modifier's sector."""
    head = titles[-1] if titles else None
    if head is None:
        return "GOV"
    if head.phrase in generic_heads and len(titles) > 1:
        return titles[-2].sector
    return head.sector


def _role_text(title: Title | None, former: bool) -> str | None:
    if title is None or title.kind != "title" or not title.role:
        return None
    return f"former {title.role}" if former else title.role


def _best(tenures: list[Tenure]) -> Tenure:
    return min(tenures, key=lambda t: (POSITION_ORDER.get(t.position, 9), -t.start.toordinal()))


def _singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
