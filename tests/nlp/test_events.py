"""Event coding as a table of (sentence, expected events). An expected event is (CAMEO code prefix,
source actor name or None, target actor name or None, status): some event must start with that code
and have those actors and status. An empty list means no event may be coded."""

import pytest

from accord.model import Document

from .event_cases import D, check_events

pytestmark = pytest.mark.model
CN, US, RU, UA = "China", "United States", "Russia", "Ukraine"

CASES = [
    # 01 make public statement (only explicit optimistic/pessimistic comments; never plain "said")
    ("Rubio expressed optimism about the talks.", [("01", "Marco Rubio", None, "occurred")]),
    ("China said the talks were useful.", []),
    ("Wang said on Monday that ties were stable.", []),
    ("Russia expressed pessimism about the peace plan.", [("01", RU, None, "occurred")]),
    ("India declined to comment on the report.", [("01", "India", None, None)]),
    ("Japan expressed concern over the missile launch.", [("01", "Japan", None, "occurred")]),
    # 02 appeal
    ("The United Nations appealed to Israel to allow aid.", [("02", "United Nations", "Israel", "occurred")]),
    ("France urged Iran to resume talks.", [("02", "France", "Iran", "occurred")]),
    ("Egypt called on Hamas to release the hostages.", [("02", "Egypt", "Hamas", "occurred")]),
    ("Kenya asked Ethiopia for help.", [("02", "Kenya", "Ethiopia", "occurred")]),
    ("Pakistan requested a meeting with India.", [("02", "Pakistan", "India", "occurred")]),
    ("Brazil appealed for calm.", [("02", "Brazil", None, "occurred")]),
    # 03 express intent to cooperate
    ("Jordan and Britain have agreed to hold joint military exercises.", [("03", "Jordan", "United Kingdom", None)]),
    ("Hungary offered to host the summit.", [("03", "Hungary", None, None)]),
    ("Germany pledged to send aid to Ukraine.", [("03", "Germany", UA, None)]),
    ("Turkey promised to support Azerbaijan.", [("03", "Turkey", "Azerbaijan", None)]),
    ("Qatar vowed to cooperate with the investigation.", [("03", "Qatar", None, None)]),
    ("Chile agreed to cooperate with Peru on fisheries.", [("03", "Chile", "Peru", None)]),
    # 04 consult
    ("Wang made the remarks during a phone conversation with Marco Rubio.", [("041", "Wang Yi", "Marco Rubio", "occurred")]),
    ("Modi spoke by phone with Putin on Friday.", [("041", "Narendra Modi", "Vladimir Putin", "occurred")]),
    ("Lavrov met Rubio in Riyadh.", [("04", "Sergei Lavrov", "Marco Rubio", "occurred")]),
    ("China and India held talks on the border.", [("04", CN, "India", "occurred"), ("04", "India", CN, "occurred")]),
    ("Macron visited China in April.", [("042", "Emmanuel Macron", CN, "occurred")]),
    ("Indonesia hosted the Australian prime minister.", [("043", "Indonesia", "Anthony Albanese", "occurred")]),
    ("Qatar mediated between Israel and Hamas.", [("045", "Qatar", "Israel", "occurred"), ("045", "Qatar", "Hamas", "occurred")]),
    ("Chinese and US delegations concluded two days of trade discussions in Malaysia.",
     [("04", None, None, "occurred")]),
    ("Iran and the United States negotiated in Oman.", [("046", "Iran", US, "occurred")]),
    ("Xi will meet Trump in Busan.", [("036", "Xi Jinping", "Donald Trump", "planned")]),
    ("An expected meeting between Xi and Trump was announced.", [("036", "Xi Jinping", "Donald Trump", "planned")]),
    ("Putin plans to visit North Korea.", [("03", "Vladimir Putin", "North Korea", "planned")]),
    ("Zelensky did not meet Putin.", [("04", "Volodymyr Zelensky", "Vladimir Putin", "negated")]),
    # 05 engage in diplomatic cooperation
    ("Trump praised Xi after the meeting.", [("051", "Donald Trump", "Xi Jinping", "occurred")]),
    ("Brazil welcomed the agreement.", [("05", "Brazil", None, "occurred")]),
    ("The EU and Mercosur signed a trade agreement.", [("057", "European Union", None, "occurred")]),
    ("Armenia and Azerbaijan signed a peace deal.", [("057", "Armenia", "Azerbaijan", "occurred")]),
    ("Spain recognised Palestine as a state.", [("054", "Spain", "Palestine", "occurred")]),
    ("Japan apologized to South Korea.", [("055", "Japan", "South Korea", "occurred")]),
    ("France defended Algeria against the criticism.", [("05", "France", "Algeria", "occurred")]),
    ("India endorsed the candidate of Brazil.", [("05", "India", None, "occurred")]),
    # 06 engage in material cooperation
    ("Russia and Belarus cooperated on air defence.", [("06", RU, "Belarus", "occurred")]),
    ("Kenya shared intelligence with Somalia.", [("06", "Kenya", "Somalia", "occurred")]),
    ("Vietnam and Cambodia held joint military exercises.", [("06", "Vietnam", "Cambodia", None)]),
    ("Germany and France cooperated on energy.", [("06", "Germany", "France", "occurred")]),
    ("Australia trained Papua New Guinea troops.", [("06", "Australia", None, "occurred")]),
    ("Singapore exchanged information with Malaysia.", [("06", "Singapore", "Malaysia", "occurred")]),
    # 07 provide aid
    ("Japan provided aid to Myanmar.", [("07", "Japan", "Myanmar", "occurred")]),
    ("Saudi Arabia sent humanitarian aid to Sudan.", [("07", "Saudi Arabia", "Sudan", "occurred")]),
    ("The United States gave military aid to Ukraine.", [("07", US, UA, "occurred")]),
    ("China donated vaccines to Cambodia.", [("07", CN, "Cambodia", "occurred")]),
    ("Britain granted asylum to the dissidents.", [("07", "United Kingdom", None, "occurred")]),
    ("The EU provided economic aid to Jordan.", [("07", "European Union", "Jordan", "occurred")]),
    # 08 yield
    ("Israel released Palestinian prisoners.", [("08", "Israel", None, "occurred")]),
    ("Russia returned Ukrainian children to Ukraine.", [("08", RU, None, "occurred")]),
    ("India and Pakistan agreed to a ceasefire.", [("0", "India", "Pakistan", None)]),
    ("Thailand and Cambodia declared a ceasefire.", [("08", "Thailand", "Cambodia", "occurred")]),
    ("Israel withdrew its troops from Lebanon.", [("08", "Israel", "Lebanon", "occurred")]),
    ("China eased restrictions on rare earth exports.", [("08", CN, None, "occurred")]),
    ("Russia lifted the blockade of Ukrainian ports.", [("08", RU, None, "occurred")]),
    ("The United States lifted sanctions on Syria.", [("08", US, "Syria", "occurred")]),
    # 09 investigate
    ("The United Nations investigated the attack on the convoy.", [("09", "United Nations", None, "occurred")]),
    ("The ICC opened an investigation into Israel.", [("09", None, "Israel", "occurred")]),
    ("Poland investigated Russia over the sabotage.", [("09", "Poland", RU, "occurred")]),
    ("The IAEA inspected Iran's nuclear sites.", [("09", None, None, "occurred")]),
    ("France probed the cyberattack from Russia.", [("09", "France", None, "occurred")]),
    ("Brazil investigated the mining company.", [("09", "Brazil", None, "occurred")]),
    # 10 demand
    ("Ukraine demanded the return of its territory from Russia.", [("10", UA, RU, "occurred")]),
    ("China demanded an apology from Japan.", [("10", CN, "Japan", "occurred")]),
    ("Iran demanded that Israel stop the strikes.", [("10", "Iran", None, "occurred")]),
    ("The protesters demanded the resignation of the Serbian government.", [("10", None, None, "occurred")]),
    ("Venezuela demanded compensation from the United States.", [("10", "Venezuela", US, "occurred")]),
    ("Russia insisted that NATO withdraw.", [("10", RU, None, "occurred")]),
    # 11 disapprove
    ("China criticized Japan over Taiwan.", [("111", CN, "Japan", "occurred")]),
    ("Russia accused Ukraine of attacking civilians.", [("112", RU, UA, "occurred")]),
    ("India condemned the attack by Pakistan.", [("11", "India", None, "occurred")]),
    ("Iran denounced the United States.", [("11", "Iran", US, "occurred")]),
    ("Turkey blamed Syria for the bombing.", [("112", "Turkey", "Syria", "occurred")]),
    ("Germany complained about Chinese subsidies.", [("11", "Germany", None, "occurred")]),
    ("Israel was condemned by Egypt.", [("11", "Egypt", "Israel", "occurred")]),
    # 12 reject
    ("Israel rejected the ceasefire proposal.", [("12", "Israel", None, "occurred")]),
    ("Russia refused to sign the agreement.", [("12", RU, None, None)]),
    ("North Korea rejected talks with South Korea.", [("12", "North Korea", "South Korea", "occurred")]),
    ("Hungary vetoed the EU sanctions package.", [("12", "Hungary", None, "occurred")]),
    ("China denied the accusations by the Philippines.", [("12", CN, None, "occurred")]),
    ("Ukraine rejected the Russian demand.", [("12", UA, None, "occurred")]),
    # 13 threaten
    ("Russia threatened Moldova with sanctions.", [("13", RU, "Moldova", "occurred")]),
    ("North Korea threatened to attack South Korea.", [("13", "North Korea", "South Korea", None)]),
    ("Iran warned Israel against further strikes.", [("13", "Iran", "Israel", "occurred")]),
    ("China threatened Taiwan with military action.", [("13", CN, "Taiwan", "occurred")]),
    ("Trump threatened tariffs on Canada.", [("13", "Donald Trump", "Canada", "occurred")]),
    ("Turkey warned Greece over the islands.", [("13", "Turkey", "Greece", "occurred")]),
    # 14 protest
    ("Serbian students protested against the government.", [("14", None, None, "occurred")]),
    ("Thousands of Kenyans demonstrated in Nairobi.", [("14", None, None, "occurred")]),
    ("Georgian protesters rallied outside parliament.", [("14", None, None, "occurred")]),
    ("Prisoners rioted at the jail in Haiti.", [("14", None, None, None)]),
    ("French farmers protested against the trade deal.", [("14", None, None, "occurred")]),
    ("Palestinians went on a hunger strike in Israel.", [("14", None, None, None)]),
    # 15 exhibit force posture
    ("Russia deployed troops to the border with Ukraine.", [("15", RU, None, "occurred")]),
    ("China mobilized warships near Taiwan.", [("15", CN, None, "occurred")]),
    ("North Korea put its army on high alert.", [("15", "North Korea", None, "occurred")]),
    ("India raised the alert level of its forces.", [("15", "India", None, "occurred")]),
    ("Israel massed troops on the border of Lebanon.", [("15", "Israel", None, "occurred")]),
    ("NATO mobilized forces in Poland.", [("15", "North Atlantic Treaty Organization", None, "occurred")]),
    # 16 reduce relations
    ("The United States imposed sanctions on Russia.", [("163", US, RU, "occurred")]),
    ("Canada expelled Indian diplomats.", [("16", "Canada", None, "occurred")]),
    ("Niger broke off diplomatic relations with Ukraine.", [("16", "Niger", UA, "occurred")]),
    ("The EU imposed an embargo on Syria.", [("163", "European Union", "Syria", "occurred")]),
    ("Russia suspended its participation in the treaty.", [("16", RU, None, "occurred")]),
    ("China halted imports from Japan.", [("16", CN, "Japan", "occurred")]),
    # 17 coerce
    ("Iran arrested a French citizen.", [("173", "Iran", None, "occurred")]),
    ("Russian police detained protesters in Moscow.", [("173", None, None, "occurred")]),
    ("Zambia extradited the militant to Britain.", [("063", "Zambia", "United Kingdom", "occurred")]),  # CAMEO: judicial cooperation
    ("The United States deported migrants to Venezuela.", [("17", US, None, "occurred")]),
    ("Israel seized the aid ship.", [("17", "Israel", None, "occurred")]),
    ("Belarus jailed the opposition leader.", [("17", "Belarus", None, "occurred")]),
    # 18 assault
    ("Gunmen abducted aid workers in Sudan.", [("18", None, None, "occurred")]),
    ("Hamas killed Israeli soldiers.", [("18", "Hamas", None, None)]),
    ("A suicide bomber attacked a market in Pakistan.", [("18", None, None, "occurred")]),
    ("Militants kidnapped the Nigerian students.", [("18", None, None, "occurred")]),
    ("The rebels assassinated the governor of Darfur.", [("18", None, None, "occurred")]),
    ("Israel assassinated a Hamas commander.", [("18", "Israel", None, "occurred")]),
    # 19 fight
    ("Russia attacked Ukraine on Tuesday.", [("19", RU, UA, "occurred")]),
    ("Israel bombed Gaza overnight.", [("19", "Israel", None, "occurred")]),
    ("Pakistan shelled Indian positions.", [("19", "Pakistan", None, "occurred")]),
    ("Thailand launched airstrikes on Cambodia.", [("19", "Thailand", "Cambodia", "occurred")]),
    ("India fought Pakistan in Kashmir.", [("19", "India", "Pakistan", "occurred")]),
    ("Russia invaded Ukraine.", [("19", RU, UA, "occurred")]),
    ("Sudanese rebels shelled the city of Juba.", [("19", None, None, "occurred")]),
    # 20 unconventional mass violence
    ("Syria used chemical weapons against civilians.", [("20", "Syria", None, "occurred")]),
    ("The militia carried out a massacre in Darfur.", [("20", None, None, "occurred")]),
    ("The regime committed genocide against the minority.", [("20", None, None, "occurred")]),
    ("Serbian forces carried out ethnic cleansing in Kosovo.", [("20", None, None, "occurred")]),
    ("North Korea tested a nuclear weapon.", [("20", "North Korea", None, None)]),
    ("The army used cluster bombs against villages in Myanmar.", [("20", None, None, "occurred")]),
    # passive voice, compound actors, reported events, hypotheticals
    ("Ukraine was attacked by Russia.", [("19", RU, UA, "occurred")]),
    ("Sanctions were imposed on Iran by the European Union.", [("163", "European Union", "Iran", "occurred")]),
    ("Russian and Chinese warships held joint drills.", [("06", None, None, None)]),
    ("Washington said the two sides had reached an agreement.", [("0", None, None, None)]),
    ("China would retaliate if the United States imposed tariffs.", [("1", CN, None, "hypothetical")]),
    # framed actions: one event at the frame's code
    ("Libya has offered to hand over the two suspects to Britain.", [("03", "Libya", "United Kingdom", "planned")]),
    ("France threatened to impose sanctions on Germany.", [("1312", "France", "Germany", "occurred")]),
    ("Syria says it is willing to withdraw its troops from Lebanon.", [("0356", "Syria", "Lebanon", "planned")]),
    ("Iraq said it would allow the return of weapons inspectors.", [("035", "Iraq", None, "planned")]),
    ("Nigeria announced that it will withdraw its troops from Chad unless the fighting stops.",
     [("13", "Nigeria", "Chad", None)]),
    ("Syria says it will not accept any more refugees from Iraq.", [("12", "Syria", None, "occurred")]),
    ("The PRC demanded that the United States cancel the sale.", [("10", CN, "United States", "occurred")]),
    ("The Red Cross said US forces must ensure security.", [("10", None, None, "occurred")]),
    ("Turkey refused to commit troops to the mission in Iraq.", [("12", "Turkey", None, "occurred")]),
    ("Pakistan rejected an offer from Afghanistan for direct talks.", [("125", "Pakistan", None, "occurred")]),
    ("Ethnic Albanians have sworn to fight the Macedonian army.", [("138", None, None, "planned")]),
    ("NATO said it would tighten the blockade of Serbia.", [("1381", "North Atlantic Treaty Organization", "Serbia", "planned")]),
    # the instrument refines the general violence codes
    ("Three US soldiers were killed by a roadside bomb in Iraq.", [("1833", None, None, "occurred")]),
    ("Two Palestinian suicide bombers killed 23 Israelis.", [("1831", None, None, "occurred")]),
    # background nouns and words inside names are not events
    ("Syria withdrew its troops from Lebanon after fifteen years of occupation.", [("0874", "Syria", "Lebanon", "occurred")]),
    ("Amnesty International accused Egypt of torture.", [("112", None, "Egypt", "occurred")]),
    # who the target is: mediation and hosting act on the pair, a complaint on the one complained of, a threat
    # on the one whose act is its condition, a demand on the agent of the object ("an admission by Moscow")
    ("Qatar launched a mediation effort between the Emirates and Saudi Arabia.",
     [("045", "Qatar", "United Arab Emirates", "occurred"), ("045", "Qatar", "Saudi Arabia", "occurred")]),
    ("Norway offered to host a meeting between Armenia and Azerbaijan.",
     [("036", "Norway", "Armenia", "planned"), ("036", "Norway", "Azerbaijan", "planned")]),
    ("Lebanon complained to the United Nations over Israel's air raids.", [("114", "Lebanon", "Israel", "occurred")]),
    ("Russia threatened to end the talks if the United States deploys the missiles.",
     [("13", "Russia", US, "occurred"), ("154", US, None, "hypothetical")]),
    ("Poland demanded an admission by Moscow that Soviet forces killed Polish officers.",
     [("10", "Poland", "Moscow", "occurred")]),
    ("Germany sent troops to Lithuania.", [("154", "Germany", "Lithuania", "occurred")]),
    ("Iran charged that Iraq had used chemical weapons.", [("112", "Iran", "Iraq", "occurred")]),
    ("The company released a statement on Monday.", []),
    ("Stocks rallied in New York.", []),
    # unnamed participants filled by convention (kb/participants.tsv): the place, home, the unnamed hand
    ("Israeli troops remained on alert in the West Bank.", [("15", "Israeli troop", "Palestine", "occurred")]),
    ("Thousands of Kenyan teachers demonstrated in Nairobi on Monday.", [("141", "Kenyan teacher", "Kenya", "occurred")]),
    ("Egyptian police detained dozens of people overnight.", [("173", "Egyptian Police", "Egypt", "occurred")]),
    ("A car bomb killed four Turkish soldiers near Diyarbakir.", [("183", "Turkey", "Turkish soldier", "occurred")]),
    ("Hamas threatened to resume attacks in Israel.", [("13", "Hamas", "Israel", "occurred")]),
    ("Japan pledged to send aid to flood victims in Pakistan.", [("03", "Japan", "Pakistan", "planned")]),
    ("Hamas threatened on Monday to resume its activities in Israel.", [("13", "Hamas", "Israel", "occurred")]),
    # one-sided violence by irregulars is CAMEO 18, by armed forces 19; joint exercises are cooperation
    ("Syrian troops killed five rebels near Idlib.", [("19", "Syrian troop", None, "occurred")]),
    ("Hezbollah guerrillas killed two Israeli soldiers.", [("18", "Hezbollah", "Israeli soldier", "occurred")]),
    ("India and France held joint naval exercises.", [("062", "India", "France", "occurred")]),
    ("China held military drills near Taiwan.", [("15", "China", "Taiwan", "occurred")]),
    ("Thousands of Kenyans demonstrated in Nairobi on Friday.", [("141", "Kenyans", "Kenya", "occurred")]),
    ("Irish guerrillas wounded two British soldiers in a bomb attack.",
     [("183", "Irish guerrilla", "British soldier", "occurred")]),
]


# Cases the coder does not get right yet. Strict: a case that starts passing must be taken off this list,
# so the list only ever shrinks.
NOT_YET = {65, 82, 93, 114, 116, 118, 127, 128, 131, 132, 136, 137}


def _params():
    for n, (text, expected) in enumerate(CASES):
        marks = [pytest.mark.xfail(strict=True, reason="event coder in progress")] if n in NOT_YET else []
        yield pytest.param(text, expected, id=f"{n:03d}-{text[:40]}", marks=marks)


@pytest.mark.parametrize("text, expected", list(_params()))
def test_event_cases(pipeline, text, expected):
    check_events(pipeline, text, expected)


def test_a_venue_is_not_a_participant(pipeline):
    """Meetings and statements are never given their venue as a target; material actions are."""
    ex = pipeline.extract_one(Document(id="v", text="Putin and Xi met in Geneva. Rubio criticised Iran in Paris. "
                                       "Iran threatened to retaliate, the minister said in Oslo.", published=D))
    assert not any(a.country in ("CHE", "FRA", "NOR") for a in ex.actors)
    assert {e.cameo[:2] for e in ex.events} == {"04", "11", "13"}


@pytest.mark.parametrize("text", [
    "Thousands of Kenyan teachers demonstrated in Nairobi on Monday, demanding higher pay from the government.",
    "Georgian protesters rallied outside parliament to demand new elections.",
    "French farmers blocked roads calling for lower fuel taxes.",
])
def test_what_a_protest_demands_is_its_topic(pipeline, text):
    """PLOVER codes a protest once; the demand it makes is its topic, not a second event."""
    ex = pipeline.extract_one(Document(id="p", text=text, published=D))
    roots = [e.cameo[:2] for e in ex.events]
    assert "14" in roots and "10" not in roots and "02" not in roots, roots


def test_a_background_event_keeps_its_own_date(pipeline):
    """"since their meeting in Busan on Oct. 30" dates the meeting (not coded), never the call."""
    text = ("Xi Jinping and Donald Trump spoke by phone on Monday. It was the first conversation between the two "
            "leaders since their meeting in Busan on Oct. 30.")
    ex = pipeline.extract_one(Document(id="b", text=text, published="2025-11-24"))
    assert ex.events and all(e.date != "2025-10-30" for e in ex.events), [(e.cameo, e.date) for e in ex.events]


def test_a_compound_trigger_is_one_event(pipeline):
    """"a bomb attack": the bomb is part of the attack, not a second event."""
    ex = pipeline.extract_one(Document(id="c", text="Irish guerrillas wounded two British soldiers in a bomb attack.",
                                       published=D))
    assert len(ex.events) == 1, [(e.cameo, e.trigger.text) for e in ex.events]


def test_a_toll_is_part_of_the_attack(pipeline):
    """"shelled the city, killing 20": one event, the shelling."""
    ex = pipeline.extract_one(Document(id="t", text="Sudanese rebels shelled Juba, killing about 20 people.", published=D))
    assert [e.cameo for e in ex.events] == ["194"]


def test_filled_participants_say_so(pipeline):
    ex = pipeline.extract_one(Document(id="f", text="Israeli troops remained on alert in the West Bank.", published=D))
    (event,) = ex.events
    target = next(a for a in ex.actors if a.id == event.target)
    assert target.mentions == [] and target.kind == "country"
    assert event.rule.endswith("+target:place West Bank") and event.confidence < 0.6


def test_table_size_and_roots():
    assert len(CASES) >= 120
    roots = {e[0][:2] for _, expected in CASES for e in expected if len(e[0]) >= 2}
    assert {f"{n:02d}" for n in range(1, 21)} <= roots


def test_seed_events(pipeline, seed_path):
    from accord.readers import read_inputs

    (doc,) = list(read_inputs([str(seed_path)], 10**7))
    ex = pipeline.extract_one(doc)
    names = {a.id: a.name for a in ex.actors}
    events = [(e.cameo, names.get(e.source), names.get(e.target), e.status, e.plover, e.plover_mode, e.date)
              for e in ex.events]
    assert ("041", "Wang Yi", "Marco Rubio", "occurred", "CONSULT", "phone", "2025-10-27") in events
    assert any(c == "036" and {s, t} == {"Xi Jinping", "Donald Trump"} and st == "planned"
               for c, s, t, st, *_ in events)
    assert any(c == "046" and st == "occurred" for c, s, t, st, *_ in events)
    assert any(c.startswith(("051", "013")) for c, *_ in events)
    assert all(e.quad_class in (1, 2) for e in ex.events)
    assert not any(e.cameo == "010" for e in ex.events)
    allowed = {"CHN", "USA", "KOR", "MYS", None}
    countries = {a.id: a.country for a in ex.actors}
    assert all(countries.get(e.source) in allowed and countries.get(e.target) in allowed for e in ex.events)
    for e in ex.events:
        assert e.sentence.start <= e.trigger.start and e.trigger.end <= e.sentence.end
        assert e.rule and 0 < e.confidence <= 1


def test_seed_events_are_dated_and_located(pipeline, seed_path):
    """When and where (issue 6): the talks over the weekend in Malaysia, the planned meeting in South
    Korea, the phone call on the day of 'on Monday'; the Beijing dateline is no event's place."""
    from accord.readers import read_inputs

    (doc,) = list(read_inputs([str(seed_path)], 10**7))
    ex = pipeline.extract_one(doc)
    places = {p.id: p for p in ex.places}
    where = {e.cameo: (e.date, e.date_end, e.date_basis, places[e.place].country if e.place else None)
             for e in ex.events}
    assert where["046"] == ("2025-10-25", "2025-10-26", "text", "MYS")
    assert where["041"][0] == "2025-10-27" and where["041"][3] is None
    meeting = [e for e in ex.events if e.cameo == "036" and e.trigger.text == "meeting"]
    assert meeting and all(places[e.place].country == "KOR" for e in meeting)
    assert not any(e.place and places[e.place].name == "Beijing" for e in ex.events)
    times = {t.text: (t.type, t.value, t.range) for t in ex.times}
    assert times["Monday"] == ("DATE", "2025-10-27", ["2025-10-27", "2025-10-27"])
    assert times["the weekend"] == ("DATE", "2025-W43-WE", ["2025-10-25", "2025-10-26"])
    assert times["two days"] == ("DURATION", "P2D", None)
    assert ex.dateline.date == "2025-10-27"  # "Beijing, October 27, 2025 —" is read into the dateline
    named = {p.text: (p.country, p.feature) for p in ex.places}
    assert named["South Korea"] == ("KOR", "country") and named["Seoul"] == ("KOR", "city")
    assert named["Malaysia"] == ("MYS", "country")


def test_statements_are_coded_010_only_behind_the_gdelt_option():
    from accord.config import Settings
    from accord.nlp import Pipeline

    text = 'China said the talks were useful. "We will keep talking," Wang Yi said on Monday.'
    plain = Pipeline(Settings()).extract_one(Document(id="s", text=text, published=D))
    assert not any(e.cameo == "010" for e in plain.events)
    gdelt = Pipeline(Settings(statement_events=True)).extract_one(Document(id="s", text=text, published=D))
    statements = [e for e in gdelt.events if e.cameo == "010"]
    names = {a.id: a.name for a in gdelt.actors}
    assert {names[e.source] for e in statements} == {"China", "Wang Yi"}
    assert all(e.quote and e.trigger.text == "said" and e.rule.startswith("statement:") for e in statements)
