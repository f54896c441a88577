"""PLOVER's vocabulary for accord's codes: the quad category of a PLOVER type (kb/plover.tsv) and the PLOVER
entity code and sector of an actor (kb/plover_actors.tsv), as the PLOVER export writes them.

accord's actors carry CAMEO sectors (agent types), where MED is media; PLOVER's MED is health, so every
sector goes through the table, never through as it is. An actor with no country gets the manual's entity
code for international actors: UNO for the United Nations, EUR for the European Union, IGO, NGO, MNC or
IMG otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..kb import KnowledgeBase
from ..kb.knowledge import QUAD_CATEGORIES


@dataclass(frozen=True)
class PloverVocabulary:
    """The lookups of one export, built once from the knowledge base."""

    quads: dict[str, str]  # PLOVER type -> quad category text
    sectors: dict[str, str]  # CAMEO sector -> PLOVER sector
    countries: dict[str, str]  # accord country code -> PLOVER's, where they differ
    organizations: dict[str, str]  # CAMEO actor code of a UN or EU body -> UNO or EUR
    international: dict[str, str]  # CAMEO code prefix or sector of an actor with no country -> entity code
    country_names: dict[str, str]  # ISO-3 -> the knowledge base's name of the country
    contexts: dict[str, list[str]]  # CAMEO code -> PLOVER contexts

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> PloverVocabulary:
        actors = kb.plover_actors
        by_id = actors.get("organization", {})
        organizations = {org.code: by_id[org.id] for org in kb.organizations.values() if org.id in by_id and org.code}
        return cls(
            quads=dict(kb.plover_types),
            sectors=dict(actors.get("sector", {})),
            countries=dict(actors.get("country", {})),
            organizations=organizations,
            international=dict(actors.get("international", {})),
            country_names={iso3: c.name for iso3, c in kb.countries.items()},
            contexts={code: list(names) for code, names in kb.plover_contexts.items()},
        )

    def quad(self, plover_type: str) -> tuple[str | None, int | None]:
        """The type's quad category as text ("VERBAL COOPERATION") and as the manual numbers it (1-4)."""
        text = self.quads.get(plover_type)
        return text, (QUAD_CATEGORIES.index(text) + 1 if text else None)

    def context(self, cameo: str | None) -> list[str]:
        """The PLOVER contexts of a CAMEO code (kb/plover_contexts.tsv), empty when the table gives none."""
        return list(self.contexts.get(cameo, [])) if cameo else []

    def country(self, country: str | None) -> str | None:
        """A country code as PLOVER writes it (ISO 3166 alpha-3, Kosovo KOS)."""
        return self.countries.get(country, country) if country else None

    def country_name(self, country: str | None) -> str | None:
        return self.country_names.get(country) if country else None

    def entity_code(self, country: str | None, cameo_code: str | None, sector: str | None) -> str | None:
        """The 3-letter code of an actor: its country, else the code of the international actor it is."""
        if country:
            return self.country(country)
        if cameo_code and cameo_code in self.organizations:
            return self.organizations[cameo_code]
        for key in (cameo_code[:3] if cameo_code else None, sector):
            if key and key in self.international:
                return self.international[key]
        return None

    def sector(self, sector: str | None) -> str | None:
        """The PLOVER sector of a CAMEO sector (media MED is JRN, health HLH is MED), None without a row."""
        return self.sectors.get(sector) if sector else None
