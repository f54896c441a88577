"""Trigger lexicon coverage (kb/triggers.tsv) as a table of (name, sentence, expected events), in the style
of test_events.py; the name is the case's pytest id. An expected event is (CAMEO code prefix, source actor
name or None, target actor name or None, status): some event must start with that code and have those
actors and status. An empty list means no event may be coded. Each case exercises a verb or noun row (with
its object, particle or preposition condition); the negative cases guard the conditions that keep the
broad verbs ("force", "take", "talk") from coding everyday language."""

import pytest

from accord.model import Document

from .event_cases import D, check_events

pytestmark = pytest.mark.model

CASES = [
    # 03 accept a settlement formula / a future withdrawal is an intention
    (
        "kenya-accepted-proposal",
        "Kenya accepted a proposal for ending its border dispute with Somalia.",
        [("037", "Kenya", None, "occurred")],
    ),
    (
        "moldova-accepted-plan",
        "Moldova accepted the plan of the European Union.",
        [("037", "Moldova", "European Union", "occurred")],
    ),
    (
        "iraq-accepted-compromise",
        "Iraq accepted the compromise proposed by Turkey.",
        [("037", "Iraq", None, "occurred")],
    ),
    (
        "egypt-evacuate-positions",
        "Egypt will evacuate its positions in the Sinai.",
        [("035", "Egypt", None, "planned")],
    ),
    (
        "nepal-evacuate-injured",
        "Nepal will evacuate the injured from the earthquake zone.",
        [("033", "Nepal", None, "planned")],
    ),
    # 06 material cooperation
    (
        "pakistan-sharing-expertise",
        "Pakistan has been sharing expertise with Sri Lanka.",
        [("060", "Pakistan", "Sri Lanka", "occurred")],
    ),
    (
        "cuba-exchanged-expertise",
        "Cuba exchanged expertise with Venezuela.",
        [("060", "Cuba", "Venezuela", "occurred")],  # mutual: one row, in the text's order
    ),
    (
        "russia-transferred-technology",
        "Russia transferred technology to India.",
        [("060", "Russia", "India", "occurred")],
    ),
    (
        "japan-launched-naval",
        "Japan launched naval exercises with Australia.",
        [("062", "Japan", "Australia", "occurred")],
    ),
    # 07 aid
    (
        "red-cross-evacuated",
        "The Red Cross evacuated the wounded from Mariupol.",
        [("073", "International Committee of the Red Cross", None, "occurred")],
    ),
    ("canada-shipped-aid", "Canada shipped aid to Haiti.", [("070", "Canada", "Haiti", "occurred")]),
    ("britain-rushed-food", "Britain rushed food to Gaza.", [("073", "United Kingdom", None, "occurred")]),
    ("germany-cancelled-debt", "Germany cancelled the debt of Zambia.", [("071", "Germany", None, "occurred")]),
    (
        "imf-approved-loan",
        "The IMF approved a loan to Egypt.",
        [("071", "International Monetary Fund", "Egypt", "occurred")],
    ),
    # 08 concessions and retreat
    (
        "government-bahrain-enhanced",
        "The government of Bahrain enhanced political freedoms.",
        [("0811", "Bahraini Government", None, "occurred")],
    ),
    ("sudan-eased-curfew", "Sudan eased the curfew in Khartoum.", [("0813", "Sudan", None, "occurred")]),
    (
        "nigerian-unions-postponed",
        "Nigerian unions postponed the strike.",
        [("082", "Nigerian union", None, "occurred")],
    ),
    (
        "opposition-georgia-cancelled",
        "The opposition in Georgia cancelled the rally.",
        [("082", "Georgian opposition", None, "occurred")],
    ),
    (
        "israel-evacuated-settlements",
        "Israel evacuated its settlements in the Gaza Strip.",
        [("0874", "Israel", None, "occurred")],
    ),
    # 12 reject, renege, flout
    ("brazil-denied-permit", "Brazil denied the permit for the mine.", [("120", "Brazil", None, "occurred")]),
    (
        "venezuela-reneged-commitment",
        "Venezuela reneged on its commitment to hold elections.",
        [("12", "Venezuela", None, "occurred")],
    ),
    (
        "colombian-rebels-violated",
        "Colombian rebels violated the curfew.",
        [("128", "Colombian rebel", None, "occurred")],
    ),
    (
        "hungary-breached-eu",
        "Hungary breached the EU sanctions against Russia.",
        [("128", "Hungary", None, "occurred")],
    ),
    # 14 protest: a hunger strike is not a military strike; obstruction
    (
        "palestinian-prisoners-began",
        "Palestinian prisoners began a hunger strike on Monday.",
        [("142", "Palestinian prisoner", None, "occurred")],
    ),
    (
        "indian-farmers-blocked",
        "Indian farmers blocked transport into Delhi.",
        [("144", "Indian farmer", None, "occurred")],
    ),
    # 15 force posture (and "strengthen ties" stays diplomatic)
    ("russia-strengthened-forces", "Russia strengthened its forces in Belarus.", [("154", "Russia", None, "occurred")]),
    (
        "united-states-increased",
        "The United States increased its troops in Poland.",
        [("154", "United States", None, "occurred")],
    ),
    ("china-launched-military", "China launched military exercises near Taiwan.", [("150", "China", None, "occurred")]),
    ("russia-strengthened-ties", "Russia strengthened ties with China.", [("050", "Russia", "China", "occurred")]),
    # 16 reduce relations: cut supplies, halt imports, force out an agency
    (
        "united-nations-reduced",
        "The United Nations reduced food rations to Sudan.",
        [("1623", "United Nations", "Sudan", "occurred")],
    ),
    ("russia-cut-gas", "Russia cut gas supplies to Moldova.", [("162", "Russia", "Moldova", "occurred")]),
    ("japan-halted-imports", "Japan halted imports from China.", [("163", "Japan", "China", "occurred")]),
    (
        "mali-forced-french",
        "Mali forced the French aid agency out of the country.",
        [("1663", "Mali", None, "occurred")],
    ),
    ("ecuador-shut-embassy", "Ecuador shut its embassy in Mexico.", [("161", "Ecuador", None, "occurred")]),
    # 17 coerce
    ("chad-forced-out", "Chad forced out French journalists.", [("174", "Chad", "French journalist", "occurred")]),
    (
        "belarusian-police-prevented",
        "Belarusian police prevented the demonstration in Minsk.",
        [("1721", "Belarusian Police", None, "occurred")],
    ),
    (
        "egypt-ordered-newspaper",
        "Egypt ordered the newspaper Al-Masry to suspend publication.",
        [("1721", "Egypt", None, "occurred")],
    ),
    (
        "hackers-north-korea",
        "Hackers from North Korea defaced South Korean government websites.",
        [("171", "North Korea", "South Korean Government", "occurred")],
    ),
    (
        "iranian-police-broke",
        "Iranian police broke up the protest in Tehran.",
        [("175", "Iranian Police", None, "occurred")],
    ),
    # 18-20 violence named by its weapon, territory taken, mass expulsion
    (
        "suicide-attack-afghan",
        "A suicide attack on the Afghan parliament killed ten people.",
        [("1831", None, None, "occurred")],
    ),
    (
        "hezbollah-launched-rocket",
        "Hezbollah launched a rocket attack on Israel.",
        [("194", "Hezbollah", "Israel", "occurred")],
    ),
    (
        "russia-launched-artillery",
        "Russia launched an artillery barrage on Kharkiv.",
        [("194", "Russia", None, "occurred")],
    ),
    (
        "indian-army-launched",
        "The Indian army launched artillery fire against Pakistani positions.",
        [("194", "Indian Army", None, "occurred")],
    ),
    (
        "syrian-troops-captured",
        "Syrian troops captured a rebel stronghold near Aleppo.",
        [("192", "Syrian troop", None, "occurred")],
    ),
    (
        "ukrainian-forces-liberated",
        "Ukrainian forces liberated the town of Kherson.",
        [("192", "Ukrainian force", None, "occurred")],
    ),
    ("azerbaijan-shut-border", "Azerbaijan shut the border with Armenia.", [("191", "Azerbaijan", None, "occurred")]),
    (
        "myanmar-army-forced",
        "The Myanmar army forced out the Rohingya villagers from Rakhine.",
        [("201", "Burmese Army", None, "occurred")],
    ),
    # conflict reporting (issue 15): groups a report names without a nationality take the sentence's country
    (
        "gunmen-attacked-station",
        "Gunmen attacked a police station in Kenya on Monday.",
        [("180", "Kenyan gunman", None, "occurred")],
    ),
    ("mob-lynched-men", "A mob lynched two men in Bangladesh.", [("1823", "Bangladeshi mob", None, "occurred")]),
    (
        "bombers-blew-themselves-up",
        "Two suicide bombers blew themselves up outside a mosque in Kabul.",
        [("1831", "Afghan bomber", None, "occurred")],
    ),
    ("rioters-set-fire", "Rioters set fire to shops in Nairobi.", [("1712", "Kenyan rioter", None, "occurred")]),
    (
        "protesters-set-ablaze",
        "Protesters in Nigeria set cars ablaze.",
        [("1712", "Nigerian protester", None, "occurred")],
    ),
    (
        "militants-hurled-grenade",
        "Militants hurled a grenade at a Pakistani army post.",
        [("183", "Pakistani militant", "Pakistani Army", "occurred")],
    ),
    (
        "protesters-chanted-slogans",
        "Chilean protesters chanted slogans outside the presidential palace.",
        [("141", "Chilean protester", None, "occurred")],
    ),
    (
        "workers-strike-for",
        "Peruvian workers went on strike for higher wages.",
        [("143", "Peruvian worker", None, "occurred")],
    ),
    # one-sided killing by a civilian crowd is unconventional violence (18), as by irregulars
    ("mob-killed-men", "A mob killed two men in Bangladesh.", [("180", "Bangladeshi mob", None, "occurred")]),
    (
        "protesters-lit-fires",
        "Protesters lit fires outside the parliament in Athens.",
        [("145", "Greek protester", None, "occurred")],
    ),
    # territory regained, taken over, driven out of, vacated, withdrawn from
    (
        "iraqi-forces-regained-control",
        "Iraqi forces regained control of three villages near Mosul.",
        [("192", "Iraqi force", None, "occurred")],
    ),
    (
        "sudanese-troops-recovered-town",
        "Sudanese troops recovered the town of Bara from the rebels.",
        [("192", "Sudanese troop", None, "occurred")],
    ),
    (
        "fighters-took-over-villages",
        "Kurdish fighters took over two villages in Syria.",
        [("192", None, None, "occurred")],
    ),
    (
        "syrian-troops-drove-out",
        "Syrian troops drove the militants out of the town.",
        [("190", "Syrian troop", None, "occurred")],
    ),
    (
        "armenian-forces-vacated",
        "Armenian forces vacated the district.",
        [("0874", "Armenian force", None, "occurred")],
    ),
    (
        "ukrainian-forces-withdrew-from",
        "Ukrainian forces withdrew from the town of Bakhmut.",
        [("0874", "Ukrainian force", None, "occurred")],
    ),
    # the instrument refines the violence code
    (
        "russian-forces-killed-artillery",
        "Russian forces killed three civilians with artillery in Kharkiv.",
        [("194", "Russian force", None, "occurred")],
    ),
    # aid counted in money; property returned
    ("japan-provided-million", "Japan provided $5 million to Nepal.", [("071", "Japan", "Nepal", "occurred")]),
    (
        "italy-returned-paintings",
        "Italy returned the stolen paintings to Greece.",
        [("0842", "Italy", "Greece", "occurred")],
    ),
    ("iran-withdrew-from-deal", "Iran withdrew from the nuclear deal.", []),
    ("company-regained-footing", "The company regained its footing after the merger.", []),
    # the conditions hold back the broad verbs
    ("scandal-forced-boris", "The scandal forced Boris Johnson out of office.", []),
    ("german-government-took", "The German government took a tough position on migration.", []),
    ("barack-obama-gave", "Barack Obama gave a talk on race in Chicago.", []),
    # conflict news: fighting and destruction as reporters name them (issue 15)
    (
        "troops-and-rebels-clashed",
        "Sudanese troops and rebels clashed near the border on Sunday.",
        [("190", "Sudanese troop", "Sudanese rebel", "occurred")],
    ),
    (
        "troops-skirmished",
        "Armenian and Azerbaijani troops skirmished along the border.",
        [("190", "Armenian troop", "Azerbaijani troop", "occurred")],
    ),
    (
        "police-gunmen-shootout",
        "Israeli police killed two gunmen in a shootout in Jenin.",
        [("193", "Israeli Police", "Israeli gunman", "occurred")],
    ),
    (
        "jets-air-strikes-on",
        "Turkish jets carried out air strikes on Kurdish positions in Iraq.",
        [("195", "Turkish jet", "Iraq", "occurred")],
    ),
    (
        "forces-destroyed-depot",
        "Ukrainian forces destroyed a Russian ammunition depot near Kherson.",
        [("190", "Ukrainian force", None, "occurred")],
    ),
    (
        "rioters-ransacked-offices",
        "Rioters ransacked the offices of the ruling party in Dhaka.",
        [("1712", "Bangladeshi rioter", "Bangladesh", "occurred")],
    ),
    (
        "rioters-put-shops-ablaze",
        "Nigerian rioters put several shops ablaze.",
        [("1712", "Nigerian rioter", None, None)],
    ),
]


@pytest.mark.parametrize("text, expected", [pytest.param(text, expected, id=name) for name, text, expected in CASES])
def test_lexicon_cases(pipeline, text, expected):
    check_events(pipeline, text, expected)


def test_hunger_strike_is_not_armed_combat(pipeline):
    ex = pipeline.extract_one(
        Document(id="case", text="Turkish prisoners began a hunger strike on Tuesday.", published=D)
    )
    assert ex.events and all(e.cameo.startswith("14") for e in ex.events), [e.cameo for e in ex.events]


def test_lexicon_rows_are_well_formed():
    """Every trigger row names a CAMEO code of the codebook (or "-", a use that is no event), and no two rows
    share all their conditions."""
    from accord.config import Settings
    from accord.kb import load_kb

    kb = load_kb(tuple(Settings().actor_files))
    seen = set()
    for (lemma, pos), rows in kb.triggers.items():
        assert pos in ("VERB", "NOUN")
        for row in rows:
            assert row.cameo in kb.cameo or row.cameo == "-", (lemma, row.cameo)
            key = (lemma, pos, row.particle, row.objects, row.prep)
            assert key not in seen, f"duplicate conditions for {key}"
            seen.add(key)
