"""The PLOVER vocabulary of accord's codes (kb/plover.tsv, kb/plover_actors.tsv): every sector the knowledge
base gives an actor has a PLOVER sector, media is never PLOVER's MED, and international actors get the
manual's entity codes."""

from __future__ import annotations

from accord.export.plover_vocabulary import PloverVocabulary
from accord.kb import load_kb

# PLOVER manual 2.0, table 5.2.
PLOVER_SECTORS = set(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)


def test_every_sector_the_knowledge_base_gives_has_a_plover_sector():
    kb = load_kb()
    vocabulary = PloverVocabulary.from_kb(kb)
    given = {t.sector for t in kb.titles.values()} | {o.sector for o in kb.organizations.values()}
    given |= {b.sector for b in kb.bodies.values()} | {"ELI", "GOV"}  # former officials, capitals
    for sector in given:
        assert vocabulary.sector(sector) in PLOVER_SECTORS, sector
    assert vocabulary.sector("MED") == "JRN" and vocabulary.sector("HLH") == "MED"
    assert [s for s in given if vocabulary.sector(s) == "MED"] == [s for s in given if s == "HLH"]
    assert vocabulary.sector(None) is None


def test_entity_codes_of_countries_and_international_actors():
    kb = load_kb()
    vocabulary = PloverVocabulary.from_kb(kb)
    assert vocabulary.entity_code("USA", "USAGOV", "GOV") == "USA"
    assert vocabulary.entity_code("XKX", "XKX", None) == "KOS"
    by_id = {o.id: o for o in kb.organizations.values()}
    for org_id, code in (("un", "UNO"), ("unsc", "UNO"), ("icj", "UNO"), ("eu", "EUR"), ("european-parliament", "EUR")):
        org = by_id[org_id]
        assert vocabulary.entity_code(org.country, org.code, org.sector) == code, org_id
    for org_id, code in (("nato", "IGO"), ("imf", "IGO"), ("icrc", "NGO"), ("isis", "IMG")):
        org = by_id[org_id]
        assert vocabulary.entity_code(org.country, org.code, org.sector) == code, org_id
    assert all(
        vocabulary.entity_code(o.country, o.code, o.sector) for o in kb.organizations.values()
    )  # every organisation has a 3-letter code in PLOVER
    assert vocabulary.quad("CONCEDE") == ("VERBAL COOPERATION", 1)
    assert vocabulary.quad("SANCTION") == ("MATERIAL CONFLICT", 4)
