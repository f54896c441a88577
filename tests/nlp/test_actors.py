"""Actor extraction, as a table of (sentence, article date, expected actors, mentions that must not be
actors). An expected actor is (mention text, name or None, country, sector): some actor must have that
mention with that name (when given), country and sector."""

import pytest

from accord.model import Document

pytestmark = pytest.mark.model

CASES = [
    # --- countries: names, aliases, compounds ---------------------------------------------------
    (
        "China and the United States agreed to extend the truce.",
        "2025-05-12",
        [("China", "China", "CHN", None), ("United States", "United States", "USA", None)],
        [],
    ),
    (
        "The U.S. imposed new tariffs on Mexico.",
        "2025-03-04",
        [("U.S.", "United States", "USA", None), ("Mexico", "Mexico", "MEX", None)],
        [],
    ),
    (
        "Britain and France pledged support to Ukraine.",
        "2025-03-02",
        [("Britain", None, "GBR", None), ("France", None, "FRA", None), ("Ukraine", None, "UKR", None)],
        [],
    ),
    ("US-China relations have improved.", "2025-10-27", [("US", None, "USA", None), ("China", None, "CHN", None)], []),
    (
        "Türkiye offered to host talks between Russia and Ukraine.",
        "2025-05-10",
        [("Türkiye", "Turkey", "TUR", None), ("Russia", None, "RUS", None), ("Ukraine", None, "UKR", None)],
        [],
    ),
    (
        "Côte d'Ivoire recalled its ambassador from Burkina Faso.",
        "2024-02-01",
        [("Côte d'Ivoire", None, "CIV", None), ("Burkina Faso", None, "BFA", None)],
        [],
    ),
    (
        "The DRC accused Rwanda of backing the rebels.",
        "2025-01-28",
        [("DRC", None, "COD", None), ("Rwanda", None, "RWA", None)],
        [],
    ),
    (
        "Kenya and Ethiopia signed a border agreement.",
        "2024-06-01",
        [("Kenya", None, "KEN", None), ("Ethiopia", None, "ETH", None)],
        [],
    ),
    ("Peru expelled the Bolivian ambassador.", "2023-05-01", [("Peru", None, "PER", None)], []),
    (
        "Nepal asked Bhutan to resume the talks.",
        "2024-09-01",
        [("Nepal", None, "NPL", None), ("Bhutan", None, "BTN", None)],
        [],
    ),
    (
        "Sri Lanka established diplomatic ties with Cuba.",
        "2024-09-01",
        [("Sri Lanka", None, "LKA", None), ("Cuba", None, "CUB", None)],
        [],
    ),
    (
        "Mongolia and Kazakhstan held consultations on energy.",
        "2024-09-01",
        [("Mongolia", None, "MNG", None), ("Kazakhstan", None, "KAZ", None)],
        [],
    ),
    (
        "Guatemala and Honduras reopened their border.",
        "2024-09-01",
        [("Guatemala", None, "GTM", None), ("Honduras", None, "HND", None)],
        [],
    ),
    # --- demonyms and groups ---------------------------------------------------------------------
    (
        "Chinese and US delegations concluded two days of trade discussions.",
        "2025-10-27",
        [
            ("Chinese and US delegations", "Chinese delegation", "CHN", "GOV"),
            ("Chinese and US delegations", None, "USA", "GOV"),
        ],
        [],
    ),
    (
        "Senior Hungarian and Romanian officials met in Budapest.",
        "2024-04-01",
        [
            ("Senior Hungarian and Romanian officials", None, "HUN", "GOV"),
            ("Senior Hungarian and Romanian officials", None, "ROU", "GOV"),
        ],
        ["Budapest"],
    ),
    ("Israeli troops entered the town.", "2024-04-01", [("Israeli troops", None, "ISR", "MIL")], []),
    (
        "Palestinian protesters gathered at the checkpoint.",
        "2024-04-01",
        [("Palestinian protesters", None, "PSE", "CVL")],
        [],
    ),
    ("Thai police arrested the suspects.", "2024-04-01", [("Thai police", None, "THA", "COP")], []),
    ("Colombian rebels released the hostages.", "2024-04-01", [("Colombian rebels", None, "COL", "REB")], []),
    ("Kenyan lawmakers rejected the finance bill.", "2024-06-25", [("Kenyan lawmakers", None, "KEN", "LEG")], []),
    ("A Jordanian official confirmed the visit.", "2024-04-01", [("Jordanian official", None, "JOR", "GOV")], []),
    (
        "Chilean government officials were questioned.",
        "2024-04-01",
        [("Chilean government officials", None, "CHL", "GOV")],
        [],
    ),
    ("The Nigerian government lifted the curfew.", "2024-04-01", [("Nigerian government", None, "NGA", "GOV")], []),
    ("The Palestinians rejected the plan.", "2024-04-01", [("Palestinians", None, "PSE", None)], []),
    ("Burundian militiamen attacked the camp.", "2024-04-01", [("Burundian militiamen", None, "BDI", None)], []),
    # --- capitals and bodies as agents ---------------------------------------------------------
    (
        "Washington said the two sides had reached a framework.",
        "2025-10-27",
        [("Washington", "Washington", "USA", "GOV")],
        [],
    ),
    ("Moscow rejected the proposal on Tuesday.", "2025-03-11", [("Moscow", None, "RUS", "GOV")], []),
    ("Beijing described the outcome as a preliminary consensus.", "2025-10-27", [("Beijing", None, "CHN", "GOV")], []),
    ("Talks were held in Beijing on Monday.", "2025-10-27", [], ["Beijing"]),
    ("The summit in Seoul ended without a statement.", "2025-10-27", [], ["Seoul"]),
    (
        "The Kremlin said Putin was ready to meet.",
        "2025-08-01",
        [("Kremlin", "Kremlin", "RUS", "GOV"), ("Putin", "Vladimir Putin", "RUS", "GOV")],
        [],
    ),
    ("The White House confirmed the visit.", "2025-10-27", [("White House", "White House", "USA", "GOV")], []),
    ("The State Department issued a travel warning.", "2025-10-27", [("State Department", None, "USA", "GOV")], []),
    ("The Pentagon sent more troops.", "2025-06-01", [("Pentagon", None, "USA", "MIL")], []),
    ("Downing Street welcomed the deal.", "2025-05-08", [("Downing Street", None, "GBR", "GOV")], []),
    ("The Élysée denied the report.", "2025-05-08", [("Élysée", None, "FRA", "GOV")], []),
    (
        "China's Foreign Ministry said the talks were useful.",
        "2025-10-27",
        [("China's Foreign Ministry", "Chinese Foreign Ministry", "CHN", "GOV")],
        [],
    ),
    (
        "The Indian Foreign Ministry summoned the envoy.",
        "2025-05-08",
        [("Indian Foreign Ministry", None, "IND", "GOV")],
        [],
    ),
    # --- international organisations -------------------------------------------------------
    ("NATO allies agreed to raise spending.", "2025-06-25", [("NATO", None, None, "IGO")], []),
    ("The United Nations appealed for aid.", "2025-06-25", [("United Nations", None, None, "IGO")], []),
    (
        "The U.N. Security Council adopted a resolution.",
        "2025-06-25",
        [("U.N. Security Council", None, None, "IGO")],
        [],
    ),
    (
        "The IMF approved a loan to Pakistan.",
        "2025-05-09",
        [("IMF", None, None, "IGO"), ("Pakistan", None, "PAK", None)],
        [],
    ),
    (
        "ASEAN leaders welcomed Timor-Leste as a member.",
        "2025-10-26",
        [("ASEAN leaders", None, None, "IGO"), ("Timor-Leste", None, "TLS", None)],
        [],
    ),
    (
        "The World Health Organization declared an emergency.",
        "2024-08-14",
        [("World Health Organization", None, None, "IGO")],
        [],
    ),
    (
        "The European Union imposed sanctions on Belarus.",
        "2024-08-14",
        [("European Union", None, None, "IGO"), ("Belarus", None, "BLR", None)],
        [],
    ),
    (
        "The African Union suspended Niger.",
        "2023-08-22",
        [("African Union", None, None, "IGO"), ("Niger", None, "NER", None)],
        [],
    ),
    ("Hamas released four hostages.", "2025-01-25", [("Hamas", None, "PSE", "REB")], []),
    # --- ethnic groups live where they live; "anti-"/"pro-" name a stance, not a nationality -----
    (
        "Serb forces killed three ethnic Albanians in southeastern Serbia.",
        "1999-03-05",
        [("Albanians", None, "SRB", None)],
        [],
    ),
    (
        "Ethnic Albanian guerrillas operating in Macedonia laid down their arms.",
        "2001-09-20",
        [("Albanian guerrillas", None, "MKD", "REB")],
        [],
    ),
    ("An anti-Syria journalist was killed in Beirut.", "2005-06-02", [], ["Syria"]),
    (
        "Anti-Syria protesters rallied in Beirut on Monday.",
        "2005-03-01",
        [("protesters", None, "LBN", "CVL")],
        ["Syria"],
    ),
    ("Pro-Russian separatists attacked the town.", "2014-06-02", [], ["Russian"]),
    (
        "Nicaragua's Sandinista government ordered the newspaper to close.",
        "1986-06-27",
        [("Nicaragua's Sandinista government", None, "NIC", "GOV")],
        [],
    ),
    (
        "Ankara's Cankaya district administration denied the request.",
        "2005-05-05",
        [("Ankara's Cankaya district administration", None, "TUR", "GOV")],
        [],
    ),
    (
        "Vietnamese-led forces launched artillery fire against the camps.",
        "1985-01-05",
        [("Vietnamese-led forces", None, "VNM", "MIL")],
        [],
    ),
    ("Iranian-backed militias attacked the base.", "2024-01-05", [], ["Iranian"]),
    # --- people in the knowledge base, by date -------------------------------------------------
    (
        "Chinese Foreign Minister Wang Yi spoke with Marco Rubio.",
        "2025-10-27",
        [("Chinese Foreign Minister Wang Yi", "Wang Yi", "CHN", "GOV"), ("Marco Rubio", "Marco Rubio", "USA", "GOV")],
        [],
    ),
    (
        "President Trump met the Japanese prime minister.",
        "2019-05-27",
        [("President Trump", "Donald Trump", "USA", "GOV"), ("Japanese prime minister", "Shinzo Abe", "JPN", "GOV")],
        [],
    ),
    (
        "President Trump met the Japanese prime minister.",
        "2025-10-28",
        [
            ("President Trump", "Donald Trump", "USA", "GOV"),
            ("Japanese prime minister", "Sanae Takaichi", "JPN", "GOV"),
        ],
        [],
    ),
    ("Secretary Rubio arrived in Kuala Lumpur.", "2025-07-10", [("Secretary Rubio", "Marco Rubio", "USA", "GOV")], []),
    ("Secretary Rubio arrived in Kuala Lumpur.", "2019-07-10", [], []),
    (
        "Israeli Prime Minister Benjamin Netanyahu spoke to reporters.",
        "2024-04-01",
        [("Israeli Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu", "ISR", "GOV")],
        [],
    ),
    ("Zelensky thanked European leaders.", "2025-03-02", [("Zelensky", "Volodymyr Zelensky", "UKR", "GOV")], []),
    (
        "Lula and Modi discussed trade.",
        "2025-07-07",
        [("Lula", None, "BRA", "GOV"), ("Modi", "Narendra Modi", "IND", "GOV")],
        [],
    ),
    (
        "UN Secretary-General António Guterres called for a ceasefire.",
        "2024-04-01",
        [("UN Secretary-General António Guterres", "António Guterres", None, "IGO")],
        [],
    ),
    (
        "The president of Armenia visited Paris.",
        "2024-04-01",
        [("president of Armenia", "Vahagn Khachaturyan", "ARM", "GOV")],
        ["Paris"],
    ),
    ("Montenegro's prime minister resigned.", "2024-04-01", [("Montenegro's prime minister", None, "MNE", "GOV")], []),
    (
        "Former President Joe Biden spoke at the event.",
        "2025-06-01",
        [("Former President Joe Biden", "Joe Biden", "USA", "ELI")],
        [],
    ),
    # --- people outside the knowledge base, by title -------------------------------------------
    (
        "Georgian President Eduard Shevardnadze met the envoy.",
        "1999-04-01",
        [("Georgian President Eduard Shevardnadze", "Eduard Shevardnadze", "GEO", "GOV")],
        [],
    ),
    (
        "Kyrgyz Prime Minister Nikolai Tanaev received the observers.",
        "2004-04-01",
        [("Kyrgyz Prime Minister Nikolai Tanaev", None, "KGZ", "GOV")],
        [],
    ),
    (
        "Lebanon's new President Elias Hrawi asked for help.",
        "1989-11-25",
        [("Lebanon's new President Elias Hrawi", "Elias Hrawi", "LBN", "GOV")],
        [],
    ),
    (
        "Malian General Assimi Goita spoke on television.",
        "2021-06-01",
        [("Malian General Assimi Goita", "Assimi Goita", "MLI", "MIL")],
        [],
    ),
    ("King Hassan of Morocco hosted the meeting.", "1990-01-01", [("King Hassan of Morocco", None, "MAR", "GOV")], []),
    # --- coreference ------------------------------------------------------------------------
    (
        "US Secretary of State Marco Rubio arrived on Monday. Rubio said the talks were useful.",
        "2025-10-27",
        [("Rubio", "Marco Rubio", "USA", "GOV")],
        [],
    ),
    (
        "Chinese Foreign Minister Wang Yi spoke first. He underlined that ties were stable.",
        "2025-10-27",
        [("He", "Wang Yi", "CHN", "GOV")],
        [],
    ),
    (
        "Georgian President Eduard Shevardnadze met the envoy. Shevardnadze said he was hopeful.",
        "1999-04-01",
        [("Shevardnadze", "Eduard Shevardnadze", "GEO", "GOV")],
        [],
    ),
    (
        "Chinese President Xi Jinping will meet US President Donald Trump. The two leaders will discuss trade.",
        "2025-10-27",
        [("The two leaders", "Xi Jinping", "CHN", "GOV"), ("The two leaders", "Donald Trump", "USA", "GOV")],
        [],
    ),
    (
        "China and India held talks. Both sides agreed to ease tensions.",
        "2024-10-21",
        [("Both sides", "China", "CHN", None), ("Both sides", "India", "IND", None)],
        [],
    ),
    (
        "Chinese President Xi Jinping spoke with US President Donald Trump. Both nations should cooperate.",
        "2025-10-27",
        [("Both nations", "China", "CHN", None), ("Both nations", "United States", "USA", None)],
        [],
    ),
    # --- disambiguation ------------------------------------------------------------------------
    (
        "Georgia and Armenia signed a transit deal.",
        "2024-04-01",
        [("Georgia", "Georgia", "GEO", None), ("Armenia", None, "ARM", None)],
        [],
    ),
    (
        "Voters in Atlanta said Georgia would decide the Senate race, the county officials said.",
        "2024-11-01",
        [],
        ["Georgia"],
    ),
    ("Officials in Washington state reported the outbreak.", "2024-11-01", [], ["Washington"]),
    ("The Washington Post reported the talks.", "2024-11-01", [], ["Washington"]),
    # --- the small model's known mistakes ------------------------------------------------------
    (
        "Wang made the remarks during a phone conversation with US Secretary of State Marco Rubio.",
        "2025-10-27",
        [("Wang", "Wang Yi", "CHN", "GOV"), ("US Secretary of State Marco Rubio", "Marco Rubio", "USA", "GOV")],
        ["State"],
    ),
    # --- office holders by kind: defence and interior ministers, foreign ministers since 1990 -------
    ("Shoigu said the exercises would continue.", "2016-09-01", [("Shoigu", "Sergei Shoigu", "RUS", "MIL")], []),
    (
        "The French defence minister visited the troops in Mali.",
        "2014-01-20",
        [("French defence minister", "Jean-Yves Le Drian", "FRA", "MIL")],
        [],
    ),
    ("Primakov flew to Baghdad on Tuesday.", "1997-11-10", [("Primakov", "Yevgeny Primakov", "RUS", "GOV")], []),
    (
        "Home Secretary Theresa May announced new powers for the police.",
        "2013-05-01",
        [("Home Secretary Theresa May", "Theresa May", "GBR", "GOV")],
        [],
    ),
    ("Gates said the surge was working.", "2007-09-10", [("Gates", "Robert Gates", "USA", "MIL")], []),
    (
        "Iran's interior minister said the vote count was over.",
        "2017-05-21",
        [("Iran's interior minister", "Abdolreza Rahmani Fazli", "IRN", "GOV")],
        [],
    ),
    # two office holders named Ivanov in 2002 (foreign and defence): not guessed between
    ("Ivanov said Moscow would not yield.", "2002-05-01", [("Moscow", None, "RUS", "GOV")], ["Ivanov"]),
    # a month is no office holder's surname
    ("Talks resumed in May.", "2014-03-01", [], ["May"]),
    # a place after "in" is no office holder's surname (Ricardo Lagos, Chile's president 2000-2006)
    ("Police in Lagos arrested 20 protesters.", "2003-10-27", [], ["Lagos"]),
    ("Talks in Malaysia ended on Sunday.", "2025-10-27", [], ["Malaysia"]),
    # a surname inside a longer place name is no person (Boris Johnson, UK prime minister 2019-2022)
    ("Flooding hit Johnson City on Tuesday.", "2020-03-01", [], ["Johnson"]),
    ("The leaders met in South Korea.", "2025-10-27", [], ["South Korea"]),
    # --- parties (PTY whichever side they are on; GOV for a one-party state's ruling party) -------
    (
        "The BJP accused the Congress party of corruption.",
        "2024-05-01",
        [("BJP", "Bharatiya Janata Party", "IND", "PTY"), ("Congress party", "Indian National Congress", "IND", "PTY")],
        [],
    ),
    (
        "The AfD attacked the SPD and the CDU on Monday.",
        "2025-02-01",
        [("SPD", None, "DEU", "PTY"), ("CDU", None, "DEU", "PTY"), ("AfD", "Alternative for Germany", "DEU", "PTY")],
        [],
    ),
    ("Likud attacked Yesh Atid.", "2023-03-01", [("Likud", None, "ISR", "PTY"), ("Yesh Atid", None, "ISR", "PTY")], []),
    (
        "The African National Congress met the Democratic Alliance.",
        "2024-06-01",
        [("African National Congress", None, "ZAF", "PTY"), ("Democratic Alliance", None, "ZAF", "PTY")],
        [],
    ),
    (
        "ZANU-PF accused the MDC of violence.",
        "2008-06-01",
        [("ZANU-PF", None, "ZWE", "PTY"), ("MDC", None, "ZWE", "PTY")],
        [],
    ),
    ("The GOP blocked the bill.", "2024-05-01", [("GOP", "US Republican Party", "USA", "PTY")], []),
    ("The Chinese Communist Party warned Taipei.", "2024-05-01", [("Chinese Communist Party", None, "CHN", "GOV")], []),
    (
        "Pakistan Tehreek-e-Insaf protested the ruling.",
        "2024-05-01",
        [("Pakistan Tehreek-e-Insaf", None, "PAK", "PTY")],
        [],
    ),
    # the longer name wins: Algeria's party, not France's National Rally
    (
        "The National Rally for Democracy backed the president.",
        "2019-03-01",
        [("National Rally for Democracy", None, "DZA", "PTY")],
        [],
    ),
    ("The Yellow Vests blocked roads across France.", "2019-01-12", [("Yellow Vests", None, "FRA", "OPP")], []),
    # --- NGOs: international ones have no country, national ones their own --------------------------
    (
        "Amnesty International and Médecins Sans Frontières condemned the strikes.",
        "2024-05-01",
        [("Amnesty International", None, None, "NGO"), ("Médecins Sans Frontières", None, None, "NGO")],
        [],
    ),
    ("Greenpeace criticised the plan.", "2024-05-01", [("Greenpeace", None, None, "NGO")], []),
    (
        "The Palestine Red Crescent Society evacuated the wounded.",
        "2024-05-01",
        [("Palestine Red Crescent Society", None, "PSE", "NGO")],
        [],
    ),
    # --- armed groups by country --------------------------------------------------------------------
    ("The TTP claimed the attack.", "2024-05-01", [("TTP", "Tehrik-i-Taliban Pakistan", "PAK", "REB")], []),
    (
        "The Balochistan Liberation Army attacked a train.",
        "2025-03-11",
        [("Balochistan Liberation Army", None, "PAK", "SEP")],
        [],
    ),
    ("The New People's Army ambushed soldiers.", "2024-05-01", [("New People's Army", None, "PHL", "REB")], []),
    (
        "The Kachin Independence Army seized a town.",
        "2024-05-01",
        [("Kachin Independence Army", None, "MMR", "REB")],
        [],
    ),
    ("The Azov Brigade repelled an assault.", "2024-05-01", [("Azov Brigade", None, "UKR", "MIL")], []),
    (
        "The Sinaloa Cartel fought the CJNG.",
        "2024-05-01",
        [("Sinaloa Cartel", None, "MEX", "CRM"), ("CJNG", None, "MEX", "CRM")],
        [],
    ),
    ("ADF rebels attacked a village.", "2024-05-01", [("ADF rebels", "Allied Democratic Forces", "COD", "REB")], []),
    (
        "The Popular Mobilization Forces entered the town.",
        "2017-10-16",
        [("Popular Mobilization Forces", None, "IRQ", "MIL")],
        [],
    ),
]


def _actors(pipeline, text, published):
    ex = pipeline.extract_one(Document(id="case", text=text, published=published))
    return ex


@pytest.mark.parametrize(
    "text, published, expected, not_actors", CASES, ids=[f"{n:02d}-{c[0][:40]}" for n, c in enumerate(CASES)]
)
def test_actor_cases(pipeline, text, published, expected, not_actors):
    ex = _actors(pipeline, text, published)
    found = [(m.text, a.name, a.country, a.sector) for a in ex.actors for m in a.mentions]
    for mention, name, country, sector in expected:
        hits = [
            f
            for f in found
            if f[0].lower() == mention.lower() and f[2] == country and f[3] == sector and (name is None or f[1] == name)
        ]
        assert hits, f"expected {mention!r} -> {name}, {country}, {sector}; found {found}"
    for mention in not_actors:
        assert not any(mention in f[0] and f[2] for f in found if f[0] == mention), found
    for a in ex.actors:
        for m in a.mentions:
            assert ex.text[m.start : m.end] == m.text


def test_at_least_sixty_cases_and_ten_non_g20_countries():
    g20 = {
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "KOR",
        "TUR",
        "GBR",
        "USA",
    }
    countries = {e[2] for case in CASES for e in case[2] if e[2]}
    assert len(CASES) >= 60
    assert len(countries - g20) >= 10


def test_seed_actors(pipeline, seed_path):
    from accord.readers import read_inputs

    (doc,) = list(read_inputs([str(seed_path)], 10**7))
    ex = pipeline.extract_one(doc)
    by_name = {a.name: a for a in ex.actors}
    expect = {
        "Xi Jinping": ("CHN", "GOV", "President"),
        "Donald Trump": ("USA", "GOV", "President"),
        "Wang Yi": ("CHN", "GOV", "Foreign Minister"),
        "Marco Rubio": ("USA", "GOV", "Secretary of State"),
        "White House": ("USA", "GOV", None),
        "Chinese Foreign Ministry": ("CHN", "GOV", None),
        "Washington": ("USA", "GOV", None),
        "Beijing": ("CHN", "GOV", None),
        "Asia-Pacific Economic Cooperation": (None, "IGO", None),
        "Chinese delegation": ("CHN", "GOV", None),
        "American delegation": ("USA", "GOV", None),
        "China": ("CHN", None, None),
        "United States": ("USA", None, None),
    }
    for name, (country, sector, role) in expect.items():
        assert name in by_name, (name, sorted(by_name))
        a = by_name[name]
        assert (a.country, a.sector, a.role) == (country, sector, role), a
    assert {a.country for a in ex.actors} <= {"CHN", "USA", None}
    wang = [m.text for m in by_name["Wang Yi"].mentions]
    assert wang.count("Wang") == 4 and "He" in wang
    he = next(m for m in by_name["Wang Yi"].mentions if m.text == "He")
    assert ex.text[he.start :].startswith("He underlined")
    assert "Rubio" in [m.text for m in by_name["Marco Rubio"].mentions]
    assert [m.text for m in by_name["Washington"].mentions] == ["Washington"]
    last_sentence = ex.text.rindex("Washington said")
    assert by_name["Washington"].mentions[0].start == last_sentence
    assert by_name["Beijing"].mentions[0].start > last_sentence
    assert "APEC" in [m.text for m in by_name["Asia-Pacific Economic Cooperation"].mentions]
    for place in ("South Korea", "Seoul", "Malaysia"):
        assert not any(m.text == place for a in ex.actors for m in a.mentions), place


@pytest.mark.parametrize(
    "text",
    ["The Libyan National Army attacked Tripoli.", "The Sudanese Armed Forces shelled the market."],
)
def test_a_name_grown_over_a_body_is_one_actor(pipeline, text):
    """A nationality that grows over the body after it ("Libyan" + "National Army") names one actor: the
    body inside it is no second actor."""
    ex = _actors(pipeline, text, "2024-04-01")
    spans = [(m.start, m.end) for a in ex.actors for m in a.mentions]
    nested = [(s, o) for s in spans for o in spans if s != o and s[0] <= o[0] and o[1] <= s[1]]
    assert not nested, [(a.name, [m.text for m in a.mentions]) for a in ex.actors]


def test_an_acronym_in_parentheses_after_a_name_is_the_same_actor(pipeline):
    """ "the Libyan National Army (LNA)": the acronym, there and later, is a mention of the army, not an
    organisation of its own; initials that do not fit ("New York (CNN)") stay apart."""
    ex = _actors(pipeline, "The Libyan National Army (LNA) agreed to lift the blockade.", "2024-04-01")
    assert [(a.country, [m.text for m in a.mentions]) for a in ex.actors] == [("LBY", ["Libyan National Army", "LNA"])]
    ex = _actors(pipeline, "New York (CNN) Macron rejected the plan.", "2024-04-01")
    assert "CNN" in {a.name for a in ex.actors}


def test_the_compiled_name_patterns_match_as_the_names_do(pipeline):
    """The lexicon's matchers hold each name as its tokens' hashes (kept compiled between runs); matchers
    given the same names as Docs, spaCy's documented way, find the same spans in the demo corpus."""
    from spacy.matcher import PhraseMatcher

    from accord.kb import load_kb
    from accord.nlp.actors.lexicon import Lexicon, surface_lists
    from accord.readers import read_inputs

    from ..conftest import DEMO

    nlp = pipeline.nlp
    lexicon = Lexicon(nlp, load_kb())
    reference = {"ORTH": PhraseMatcher(nlp.vocab, attr="ORTH"), "LOWER": PhraseMatcher(nlp.vocab, attr="LOWER")}
    for attr, label, surfaces in surface_lists(lexicon.kb):
        reference[attr].add(label, [nlp.make_doc(s) for s in surfaces])
    texts = [d.text for d in read_inputs([str(DEMO)], 20_000_000) if isinstance(d, Document)]
    found = 0
    for doc in nlp.pipe(texts):
        assert sorted(lexicon.exact(doc)) == sorted(reference["ORTH"](doc))
        assert sorted(lexicon.lower(doc)) == sorted(reference["LOWER"](doc))
        found += len(lexicon.exact(doc)) + len(lexicon.lower(doc))
    assert found > 100


@pytest.mark.parametrize(
    "text, short",
    [
        ("The Labour Party won the vote.", "Labour"),
        ("The Democrats blocked the bill.", "Democrats"),
        ("The Conservatives and the Liberals formed a coalition.", "Conservatives"),
        ("The Conservatives and the Liberals formed a coalition.", "Liberals"),
        ("The Greens left the government.", "Greens"),
        ("The Democratic Party chose a new leader.", "Democratic Party"),
        ("The People's Party won the election.", "People's Party"),
    ],
)
def test_a_party_name_many_countries_share_gets_no_country_alone(pipeline, text, short):
    """ "Labour", "the Democrats", "the Greens": several countries' parties; with no country in view, the
    actor stays without one (no guess), whereas a country-qualified form is placed ("British Labour Party")."""
    ex = _actors(pipeline, text, "2024-05-01")
    assert not [(m.text, a.country) for a in ex.actors for m in a.mentions if short in m.text and a.country]
    ex = _actors(pipeline, "The British Labour Party and the US Democrats signed a pledge.", "2024-05-01")
    placed = {(a.name, a.country, a.sector) for a in ex.actors}
    assert {("British Labour Party", "GBR", "PTY"), ("US Democratic Party", "USA", "PTY")} <= placed
