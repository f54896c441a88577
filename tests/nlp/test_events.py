"""Event coding as a table of (name, sentence, expected events); the name is the case's pytest id. An
expected event is (CAMEO code prefix, source actor name or None, target actor name or None, status): some
event must start with that code and have those actors and status. An empty list means no event may be
coded."""

import pytest

from accord.model import Document

from .event_cases import D, check_events

pytestmark = pytest.mark.model
CN, US, RU, UA = "China", "United States", "Russia", "Ukraine"

CASES = [
    # 01 make public statement (only explicit optimistic/pessimistic comments; never plain "said")
    (
        "rubio-expressed-optimism",
        "Rubio expressed optimism about the talks.",
        [("01", "Marco Rubio", None, "occurred")],
    ),
    ("china-talks-useful", "China said the talks were useful.", []),
    ("wang-monday-ties", "Wang said on Monday that ties were stable.", []),
    ("russia-expressed-pessimism", "Russia expressed pessimism about the peace plan.", [("01", RU, None, "occurred")]),
    ("india-declined-comment", "India declined to comment on the report.", [("01", "India", None, None)]),
    ("peru-declined-to-say", "Peru declined to say when the border would reopen.", [("011", "Peru", None, None)]),
    ("chad-blamed-boko-haram", "Chad blamed Boko Haram for the bombing.", [("112", "Chad", "Boko Haram", None)]),
    (
        "shabaab-claimed-raid",
        "Al-Shabaab claimed responsibility for the raid on the airport.",
        [("015", "al-Shabab", None, None)],
    ),
    ("iran-declined-to-sign", "Iran declined to sign the accord.", [("12", "Iran", None, "occurred")]),
    ("cuomo-declined-to-resign", "Governor Andrew Cuomo declined to resign.", [("12", "Andrew Cuomo", None, None)]),
    (
        "japan-expressed-concern",
        "Japan expressed concern over the missile launch.",
        [("01", "Japan", None, "occurred")],
    ),
    # 02 appeal
    (
        "united-nations-appealed",
        "The United Nations appealed to Israel to allow aid.",
        [("02", "United Nations", "Israel", "occurred")],
    ),
    ("france-urged-iran", "France urged Iran to resume talks.", [("02", "France", "Iran", "occurred")]),
    ("egypt-called-hamas", "Egypt called on Hamas to release the hostages.", [("02", "Egypt", "Hamas", "occurred")]),
    ("kenya-asked-ethiopia", "Kenya asked Ethiopia for help.", [("02", "Kenya", "Ethiopia", "occurred")]),
    (
        "pakistan-requested-meeting",
        "Pakistan requested a meeting with India.",
        [("02", "Pakistan", "India", "occurred")],
    ),
    ("brazil-appealed-calm", "Brazil appealed for calm.", [("02", "Brazil", None, "occurred")]),
    # 03 express intent to cooperate
    (
        "jordan-britain-agreed",
        "Jordan and Britain have agreed to hold joint military exercises.",
        [("03", "Jordan", "United Kingdom", None)],
    ),
    ("hungary-offered-host", "Hungary offered to host the summit.", [("03", "Hungary", None, None)]),
    ("germany-pledged-send", "Germany pledged to send aid to Ukraine.", [("03", "Germany", UA, None)]),
    ("turkey-promised-support", "Turkey promised to support Azerbaijan.", [("03", "Turkey", "Azerbaijan", None)]),
    ("qatar-vowed-cooperate", "Qatar vowed to cooperate with the investigation.", [("03", "Qatar", None, None)]),
    ("chile-agreed-cooperate", "Chile agreed to cooperate with Peru on fisheries.", [("03", "Chile", "Peru", None)]),
    # 04 consult
    (
        "wang-made-remarks",
        "Wang made the remarks during a phone conversation with Marco Rubio.",
        [("041", "Wang Yi", "Marco Rubio", "occurred")],
    ),
    (
        "modi-spoke-phone",
        "Modi spoke by phone with Putin on Friday.",
        [("041", "Narendra Modi", "Vladimir Putin", "occurred")],
    ),
    ("lavrov-met-rubio", "Lavrov met Rubio in Riyadh.", [("04", "Sergei Lavrov", "Marco Rubio", "occurred")]),
    (
        "china-india-held",
        "China and India held talks on the border.",
        [("04", CN, "India", "occurred")],  # a mutual event is one row, in the text's order
    ),
    ("macron-visited-china", "Macron visited China in April.", [("042", "Emmanuel Macron", CN, "occurred")]),
    (
        "indonesia-hosted-australian",
        "Indonesia hosted the Australian prime minister.",
        [("043", "Indonesia", "Anthony Albanese", "occurred")],
    ),
    (
        "qatar-mediated-between",
        "Qatar mediated between Israel and Hamas.",
        [("045", "Qatar", "Israel", "occurred"), ("045", "Qatar", "Hamas", "occurred")],
    ),
    (
        "chinese-us-delegations",
        "Chinese and US delegations concluded two days of trade discussions in Malaysia.",
        [("04", None, None, "occurred")],
    ),
    ("iran-united-states", "Iran and the United States negotiated in Oman.", [("046", "Iran", US, "occurred")]),
    ("xi-meet-trump", "Xi will meet Trump in Busan.", [("036", "Xi Jinping", "Donald Trump", "planned")]),
    (
        "expected-meeting-between",
        "An expected meeting between Xi and Trump was announced.",
        [("036", "Xi Jinping", "Donald Trump", "planned")],
    ),
    ("putin-plans-visit", "Putin plans to visit North Korea.", [("03", "Vladimir Putin", "North Korea", "planned")]),
    (
        "zelensky-did-not-meet",
        "Zelensky did not meet Putin.",
        [("04", "Volodymyr Zelensky", "Vladimir Putin", "negated")],
    ),
    # 05 engage in diplomatic cooperation
    ("trump-praised-xi", "Trump praised Xi after the meeting.", [("051", "Donald Trump", "Xi Jinping", "occurred")]),
    ("brazil-welcomed-agreement", "Brazil welcomed the agreement.", [("05", "Brazil", None, "occurred")]),
    (
        "eu-mercosur-signed",
        "The EU and Mercosur signed a trade agreement.",
        [("057", "European Union", None, "occurred")],
    ),
    (
        "armenia-azerbaijan-signed",
        "Armenia and Azerbaijan signed a peace deal.",
        [("057", "Armenia", "Azerbaijan", "occurred")],
    ),
    (
        "spain-recognised-palestine",
        "Spain recognised Palestine as a state.",
        [("054", "Spain", "Palestine", "occurred")],
    ),
    ("japan-apologized-south", "Japan apologized to South Korea.", [("055", "Japan", "South Korea", "occurred")]),
    (
        "france-defended-algeria",
        "France defended Algeria against the criticism.",
        [("05", "France", "Algeria", "occurred")],
    ),
    ("india-endorsed-candidate", "India endorsed the candidate of Brazil.", [("05", "India", None, "occurred")]),
    # 06 engage in material cooperation
    ("russia-belarus-cooperated", "Russia and Belarus cooperated on air defence.", [("06", RU, "Belarus", "occurred")]),
    ("kenya-shared-intelligence", "Kenya shared intelligence with Somalia.", [("06", "Kenya", "Somalia", "occurred")]),
    ("peru-shared-evidence", "Peru shared evidence with Bolivia.", [("064", "Peru", "Bolivia", "occurred")]),
    (
        "chile-sent-condolence-message",
        "Chile sent a condolence message to Peru.",
        [("018", "Chile", "Peru", "occurred")],
    ),
    (
        "vietnam-cambodia-held",
        "Vietnam and Cambodia held joint military exercises.",
        [("06", "Vietnam", "Cambodia", None)],
    ),
    (
        "germany-france-cooperated",
        "Germany and France cooperated on energy.",
        [("06", "Germany", "France", "occurred")],
    ),
    ("australia-trained-papua", "Australia trained Papua New Guinea troops.", [("06", "Australia", None, "occurred")]),
    (
        "singapore-exchanged-information",
        "Singapore exchanged information with Malaysia.",
        [("06", "Singapore", "Malaysia", "occurred")],
    ),
    # 07 provide aid
    ("japan-provided-aid", "Japan provided aid to Myanmar.", [("07", "Japan", "Myanmar", "occurred")]),
    (
        "ghana-deployed-peacekeeping",
        "Ghana is deploying 200 troops to the UN peacekeeping mission in Lebanon.",
        [("074", "Ghana", None, None)],
    ),
    (
        "saudi-arabia-sent",
        "Saudi Arabia sent humanitarian aid to Sudan.",
        [("07", "Saudi Arabia", "Sudan", "occurred")],
    ),
    ("united-states-gave", "The United States gave military aid to Ukraine.", [("07", US, UA, "occurred")]),
    ("china-donated-vaccines", "China donated vaccines to Cambodia.", [("07", CN, "Cambodia", "occurred")]),
    (
        "britain-granted-asylum",
        "Britain granted asylum to the dissidents.",
        [("07", "United Kingdom", None, "occurred")],
    ),
    (
        "eu-provided-economic",
        "The EU provided economic aid to Jordan.",
        [("07", "European Union", "Jordan", "occurred")],
    ),
    # 08 yield
    ("turkey-lifted-blockade", "Turkey lifted its blockade of Armenia.", [("087", "Turkey", "Armenia", "occurred")]),
    ("israel-released-palestinian", "Israel released Palestinian prisoners.", [("08", "Israel", None, "occurred")]),
    ("russia-returned-ukrainian", "Russia returned Ukrainian children to Ukraine.", [("08", RU, None, "occurred")]),
    ("india-pakistan-agreed", "India and Pakistan agreed to a ceasefire.", [("0", "India", "Pakistan", None)]),
    (
        "thailand-cambodia-declared",
        "Thailand and Cambodia declared a ceasefire.",
        [("08", "Thailand", "Cambodia", "occurred")],
    ),
    ("israel-withdrew-troops", "Israel withdrew its troops from Lebanon.", [("08", "Israel", "Lebanon", "occurred")]),
    ("china-eased-restrictions", "China eased restrictions on rare earth exports.", [("08", CN, None, "occurred")]),
    ("russia-lifted-blockade", "Russia lifted the blockade of Ukrainian ports.", [("08", RU, None, "occurred")]),
    ("united-states-lifted", "The United States lifted sanctions on Syria.", [("08", US, "Syria", "occurred")]),
    # 09 investigate
    (
        "united-nations-investigated",
        "The United Nations investigated the attack on the convoy.",
        [("09", "United Nations", None, "occurred")],
    ),
    ("icc-opened-investigation", "The ICC opened an investigation into Israel.", [("09", None, "Israel", "occurred")]),
    ("poland-investigated-russia", "Poland investigated Russia over the sabotage.", [("09", "Poland", RU, "occurred")]),
    ("iaea-inspected-iran", "The IAEA inspected Iran's nuclear sites.", [("09", None, None, "occurred")]),
    ("france-probed-cyberattack", "France probed the cyberattack from Russia.", [("09", "France", None, "occurred")]),
    ("brazil-investigated-mining", "Brazil investigated the mining company.", [("09", "Brazil", None, "occurred")]),
    # 10 demand
    (
        "ukraine-demanded-return",
        "Ukraine demanded the return of its territory from Russia.",
        [("10", UA, RU, "occurred")],
    ),
    ("china-demanded-apology", "China demanded an apology from Japan.", [("10", CN, "Japan", "occurred")]),
    ("iran-demanded-israel", "Iran demanded that Israel stop the strikes.", [("10", "Iran", None, "occurred")]),
    (
        "protesters-demanded-resignation",
        "The protesters demanded the resignation of the Serbian government.",
        [("10", None, None, "occurred")],
    ),
    (
        "venezuela-demanded-compensation",
        "Venezuela demanded compensation from the United States.",
        [("10", "Venezuela", US, "occurred")],
    ),
    ("russia-insisted-nato", "Russia insisted that NATO withdraw.", [("10", RU, None, "occurred")]),
    # 11 disapprove
    ("china-criticized-japan", "China criticized Japan over Taiwan.", [("111", CN, "Japan", "occurred")]),
    ("russia-accused-ukraine", "Russia accused Ukraine of attacking civilians.", [("112", RU, UA, "occurred")]),
    ("india-condemned-attack", "India condemned the attack by Pakistan.", [("11", "India", None, "occurred")]),
    ("iran-denounced-united", "Iran denounced the United States.", [("11", "Iran", US, "occurred")]),
    ("turkey-blamed-syria", "Turkey blamed Syria for the bombing.", [("112", "Turkey", "Syria", "occurred")]),
    (
        "germany-complained-chinese",
        "Germany complained about Chinese subsidies.",
        [("11", "Germany", None, "occurred")],
    ),
    ("israel-condemned-egypt", "Israel was condemned by Egypt.", [("11", "Egypt", "Israel", "occurred")]),
    # 12 reject
    ("israel-rejected-ceasefire", "Israel rejected the ceasefire proposal.", [("12", "Israel", None, "occurred")]),
    ("russia-refused-sign", "Russia refused to sign the agreement.", [("12", RU, None, None)]),
    (
        "north-korea-rejected",
        "North Korea rejected talks with South Korea.",
        [("12", "North Korea", "South Korea", "occurred")],
    ),
    ("hungary-vetoed-eu", "Hungary vetoed the EU sanctions package.", [("12", "Hungary", None, "occurred")]),
    ("china-denied-accusations", "China denied the accusations by the Philippines.", [("12", CN, None, "occurred")]),
    ("ukraine-rejected-russian", "Ukraine rejected the Russian demand.", [("12", UA, None, "occurred")]),
    # 13 threaten
    ("russia-threatened-moldova", "Russia threatened Moldova with sanctions.", [("13", RU, "Moldova", "occurred")]),
    (
        "north-korea-threatened",
        "North Korea threatened to attack South Korea.",
        [("13", "North Korea", "South Korea", None)],
    ),
    ("iran-warned-israel", "Iran warned Israel against further strikes.", [("13", "Iran", "Israel", "occurred")]),
    ("china-threatened-taiwan", "China threatened Taiwan with military action.", [("13", CN, "Taiwan", "occurred")]),
    ("trump-threatened-tariffs", "Trump threatened tariffs on Canada.", [("13", "Donald Trump", "Canada", "occurred")]),
    ("turkey-warned-greece", "Turkey warned Greece over the islands.", [("13", "Turkey", "Greece", "occurred")]),
    # 14 protest
    (
        "serbian-students-protested",
        "Serbian students protested against the government.",
        [("14", None, None, "occurred")],
    ),
    (
        "thousands-kenyans-demonstrated",
        "Thousands of Kenyans demonstrated in Nairobi.",
        [("14", None, None, "occurred")],
    ),
    (
        "georgian-protesters-rallied",
        "Georgian protesters rallied outside parliament.",
        [("14", None, None, "occurred")],
    ),
    ("prisoners-rioted-jail", "Prisoners rioted at the jail in Haiti.", [("14", None, None, None)]),
    ("french-farmers-protested", "French farmers protested against the trade deal.", [("14", None, None, "occurred")]),
    ("palestinians-went-hunger", "Palestinians went on a hunger strike in Israel.", [("14", None, None, None)]),
    # 15 exhibit force posture
    ("russia-deployed-troops", "Russia deployed troops to the border with Ukraine.", [("15", RU, None, "occurred")]),
    ("china-mobilized-warships", "China mobilized warships near Taiwan.", [("15", CN, None, "occurred")]),
    (
        "north-korea-put-army-alert",
        "North Korea put its army on high alert.",
        [("15", "North Korea", None, "occurred")],
    ),
    ("india-raised-alert", "India raised the alert level of its forces.", [("15", "India", None, "occurred")]),
    ("israel-massed-troops", "Israel massed troops on the border of Lebanon.", [("15", "Israel", None, "occurred")]),
    (
        "nato-mobilized-forces",
        "NATO mobilized forces in Poland.",
        [("15", "North Atlantic Treaty Organization", None, "occurred")],
    ),
    # 16 reduce relations
    ("united-states-imposed", "The United States imposed sanctions on Russia.", [("163", US, RU, "occurred")]),
    ("canada-expelled-indian", "Canada expelled Indian diplomats.", [("16", "Canada", None, "occurred")]),
    ("niger-broke-off", "Niger broke off diplomatic relations with Ukraine.", [("16", "Niger", UA, "occurred")]),
    ("eu-imposed-embargo", "The EU imposed an embargo on Syria.", [("163", "European Union", "Syria", "occurred")]),
    (
        "russia-suspended-participation",
        "Russia suspended its participation in the treaty.",
        [("16", RU, None, "occurred")],
    ),
    ("china-halted-imports", "China halted imports from Japan.", [("16", CN, "Japan", "occurred")]),
    # 17 coerce
    ("iran-arrested-french", "Iran arrested a French citizen.", [("173", "Iran", None, "occurred")]),
    ("russian-police-detained", "Russian police detained protesters in Moscow.", [("173", None, None, "occurred")]),
    (
        "zambia-extradited-militant",
        "Zambia extradited the militant to Britain.",
        [("063", "Zambia", "United Kingdom", "occurred")],
    ),  # CAMEO: judicial cooperation
    ("united-states-deported", "The United States deported migrants to Venezuela.", [("17", US, None, "occurred")]),
    ("israel-seized-aid", "Israel seized the aid ship.", [("17", "Israel", None, "occurred")]),
    ("belarus-jailed-opposition", "Belarus jailed the opposition leader.", [("17", "Belarus", None, "occurred")]),
    # 18 assault
    ("gunmen-abducted-aid", "Gunmen abducted aid workers in Sudan.", [("18", None, None, "occurred")]),
    ("hamas-killed-israeli", "Hamas killed Israeli soldiers.", [("18", "Hamas", None, None)]),
    ("suicide-bomber-attacked", "A suicide bomber attacked a market in Pakistan.", [("18", None, None, "occurred")]),
    ("militants-kidnapped-nigerian", "Militants kidnapped the Nigerian students.", [("18", None, None, "occurred")]),
    (
        "rebels-assassinated-governor",
        "The rebels assassinated the governor of Darfur.",
        [("18", None, None, "occurred")],
    ),
    ("israel-assassinated-hamas", "Israel assassinated a Hamas commander.", [("18", "Israel", None, "occurred")]),
    # 19 fight
    ("russia-attacked-ukraine", "Russia attacked Ukraine on Tuesday.", [("19", RU, UA, "occurred")]),
    ("israel-bombed-gaza", "Israel bombed Gaza overnight.", [("19", "Israel", None, "occurred")]),
    ("pakistan-shelled-indian", "Pakistan shelled Indian positions.", [("19", "Pakistan", None, "occurred")]),
    (
        "thailand-launched-airstrikes",
        "Thailand launched airstrikes on Cambodia.",
        [("19", "Thailand", "Cambodia", "occurred")],
    ),
    ("india-fought-pakistan", "India fought Pakistan in Kashmir.", [("19", "India", "Pakistan", "occurred")]),
    ("russia-invaded-ukraine", "Russia invaded Ukraine.", [("19", RU, UA, "occurred")]),
    ("sudanese-rebels-shelled", "Sudanese rebels shelled the city of Juba.", [("19", None, None, "occurred")]),
    # 20 unconventional mass violence
    ("syria-used-chemical", "Syria used chemical weapons against civilians.", [("20", "Syria", None, "occurred")]),
    ("militia-carried-out-massacre", "The militia carried out a massacre in Darfur.", [("20", None, None, "occurred")]),
    (
        "regime-committed-genocide",
        "The regime committed genocide against the minority.",
        [("20", None, None, "occurred")],
    ),
    (
        "serbian-forces-carried",
        "Serbian forces carried out ethnic cleansing in Kosovo.",
        [("20", None, None, "occurred")],
    ),
    ("north-korea-tested", "North Korea tested a nuclear weapon.", [("20", "North Korea", None, None)]),
    ("army-used-cluster", "The army used cluster bombs against villages in Myanmar.", [("20", None, None, "occurred")]),
    # passive voice, compound actors, reported events, hypotheticals
    ("ukraine-attacked-russia", "Ukraine was attacked by Russia.", [("19", RU, UA, "occurred")]),
    (
        "sanctions-imposed-iran",
        "Sanctions were imposed on Iran by the European Union.",
        [("163", "European Union", "Iran", "occurred")],
    ),
    ("russian-chinese-warships", "Russian and Chinese warships held joint drills.", [("06", None, None, None)]),
    ("washington-two-sides", "Washington said the two sides had reached an agreement.", [("0", None, None, None)]),
    (
        "china-retaliate-if",
        "China would retaliate if the United States imposed tariffs.",
        [("1", CN, None, "hypothetical")],
    ),
    # framed actions: one event at the frame's code
    (
        "libya-offered-hand",
        "Libya has offered to hand over the two suspects to Britain.",
        [("03", "Libya", "United Kingdom", "planned")],
    ),
    (
        "france-threatened-impose",
        "France threatened to impose sanctions on Germany.",
        [("1312", "France", "Germany", "occurred")],
    ),
    (
        "syria-willing-withdraw",
        "Syria says it is willing to withdraw its troops from Lebanon.",
        [("0356", "Syria", "Lebanon", "planned")],
    ),
    (
        "iraq-allow-return",
        "Iraq said it would allow the return of weapons inspectors.",
        [("035", "Iraq", None, "planned")],
    ),
    (
        "nigeria-announced-withdraw",
        "Nigeria announced that it will withdraw its troops from Chad unless the fighting stops.",
        [("13", "Nigeria", "Chad", None)],
    ),
    (
        "syria-not-accept",
        "Syria says it will not accept any more refugees from Iraq.",
        [("12", "Syria", None, "occurred")],
    ),
    (
        "prc-demanded-united",
        "The PRC demanded that the United States cancel the sale.",
        [("10", CN, "United States", "occurred")],
    ),
    (
        "red-cross-us-forces-must",
        "The Red Cross said US forces must ensure security.",
        [("10", None, None, "occurred")],
    ),
    (
        "turkey-refused-commit",
        "Turkey refused to commit troops to the mission in Iraq.",
        [("12", "Turkey", None, "occurred")],
    ),
    (
        "pakistan-rejected-offer",
        "Pakistan rejected an offer from Afghanistan for direct talks.",
        [("125", "Pakistan", None, "occurred")],
    ),
    (
        "ethnic-albanians-sworn",
        "Ethnic Albanians have sworn to fight the Macedonian army.",
        [("138", None, None, "planned")],
    ),
    (
        "nato-tighten-blockade",
        "NATO said it would tighten the blockade of Serbia.",
        [("1381", "North Atlantic Treaty Organization", "Serbia", "planned")],
    ),
    # the instrument refines the general violence codes
    (
        "three-us-soldiers",
        "Three US soldiers were killed by a roadside bomb in Iraq.",
        [("1833", None, None, "occurred")],
    ),
    (
        "two-palestinian-suicide",
        "Two Palestinian suicide bombers killed 23 Israelis.",
        [("1831", None, None, "occurred")],
    ),
    # background nouns and words inside names are not events
    (
        "syria-withdrew-troops",
        "Syria withdrew its troops from Lebanon after fifteen years of occupation.",
        [("0874", "Syria", "Lebanon", "occurred")],
    ),
    (
        "amnesty-international-accused",
        "Amnesty International accused Egypt of torture.",
        [("112", None, "Egypt", "occurred")],
    ),
    # who the target is: mediation and hosting act on the pair, a complaint on the one complained of, a threat
    # on the one whose act is its condition, a demand on the agent of the object ("an admission by Moscow")
    (
        "qatar-launched-mediation",
        "Qatar launched a mediation effort between the Emirates and Saudi Arabia.",
        [("045", "Qatar", "United Arab Emirates", "occurred"), ("045", "Qatar", "Saudi Arabia", "occurred")],
    ),
    (
        "norway-offered-host",
        "Norway offered to host a meeting between Armenia and Azerbaijan.",
        [("036", "Norway", "Armenia", "planned"), ("036", "Norway", "Azerbaijan", "planned")],
    ),
    (
        "lebanon-complained-united",
        "Lebanon complained to the United Nations over Israel's air raids.",
        [("114", "Lebanon", "Israel", "occurred")],
    ),
    (
        "russia-threatened-end",
        "Russia threatened to end the talks if the United States deploys the missiles.",
        # the condition is part of the threat (its target), not an event of its own
        [("13", "Russia", US, "occurred")],
    ),
    (
        "poland-demanded-admission",
        "Poland demanded an admission by Moscow that Soviet forces killed Polish officers.",
        [("10", "Poland", "Moscow", "occurred")],
    ),
    ("germany-sent-troops", "Germany sent troops to Lithuania.", [("154", "Germany", "Lithuania", "occurred")]),
    ("iran-charged-iraq", "Iran charged that Iraq had used chemical weapons.", [("112", "Iran", "Iraq", "occurred")]),
    ("company-released-statement", "The company released a statement on Monday.", []),
    ("stocks-rallied-new", "Stocks rallied in New York.", []),
    # unnamed participants filled by convention (kb/participants.tsv): the place, home, the unnamed hand
    (
        "israeli-troops-remained",
        "Israeli troops remained on alert in the West Bank.",
        [("15", "Israeli troop", "Palestine", "occurred")],
    ),
    (
        "thousands-kenyan-teachers",
        "Thousands of Kenyan teachers demonstrated in Nairobi on Monday.",
        [("141", "Kenyan teacher", "Kenya", "occurred")],
    ),
    (
        "egyptian-police-detained",
        "Egyptian police detained dozens of people overnight.",
        [("173", "Egyptian Police", "Egypt", "occurred")],
    ),
    (
        "car-bomb-killed",
        "A car bomb killed four Turkish soldiers near Diyarbakir.",
        [("183", "Turkey", "Turkish soldier", "occurred")],
    ),
    # nobody named: protest and violence coded by the place alone (kb/conventions.tsv, unnamed-*-roots)
    (
        "demonstrations-held-in-lahore",
        "Demonstrations were held in Lahore on Friday.",
        [("14", "Pakistan", None, "occurred")],
    ),
    (
        "roadside-bombing-near-kandahar",
        "A roadside bombing near Kandahar wrecked a market on Sunday.",
        [("18", None, "Afghanistan", "occurred")],
    ),
    # violence with a crowd as a party: a riot, or repression when security forces use it on the crowd
    (
        "rioters-clashed-with-police",
        "Egyptian rioters clashed with police in Cairo.",
        [("145", "Egyptian rioter", "Police", "occurred")],
    ),
    (
        "police-attacked-protesters",
        "Bangladeshi police attacked the protesters in Rangpur.",
        [("175", "Bangladeshi Police", "Bangladeshi protester", "occurred")],
    ),
    (
        "protesters-defied-ban",
        "Kenyan protesters defied a ban on rallies in Kisumu.",
        [("141", "Kenyan protester", None, "occurred")],
    ),
    (
        "demonstrators-urged-government",
        "Thousands of Serbian demonstrators urged the government to resign.",
        [("141", "Serbian demonstrator", None, "occurred")],
    ),
    ("rioters-fought-with-officers", "Rioters fought with officers before dawn.", [("145", None, None, "occurred")]),
    # nobody named and no place: still coded, with no participant
    ("shelling-resumed-overnight", "Heavy shelling resumed overnight.", [("19", None, None, "occurred")]),
    ("journalist-was-abducted", "A journalist was abducted on Monday.", [("18", None, None, "occurred")]),
    (
        "activists-were-arrested",
        "Over 2,000 activists have been arrested in the district.",
        [("173", None, None, "occurred")],
    ),
    ("houses-torched-in-jos", "Several houses were torched in Jos on Monday.", [("1712", None, "Nigeria", "occurred")]),
    (
        "warehouse-exploded-near-tianjin",
        "Nine people were killed when a chemical warehouse exploded near Tianjin.",
        [],
    ),
    (
        "hamas-threatened-resume",
        "Hamas threatened to resume attacks in Israel.",
        [("13", "Hamas", "Israel", "occurred")],
    ),
    (
        "japan-pledged-send",
        "Japan pledged to send aid to flood victims in Pakistan.",
        [("03", "Japan", "Pakistan", "planned")],
    ),
    (
        "hamas-threatened-monday",
        "Hamas threatened on Monday to resume its activities in Israel.",
        [("13", "Hamas", "Israel", "occurred")],
    ),
    # one-sided violence by irregulars is CAMEO 18, by armed forces 19; joint exercises are cooperation
    (
        "syrian-troops-killed",
        "Syrian troops killed five rebels near Idlib.",
        [("19", "Syrian troop", None, "occurred")],
    ),
    (
        "hezbollah-guerrillas-killed",
        "Hezbollah guerrillas killed two Israeli soldiers.",
        [("18", "Hezbollah", "Israeli soldier", "occurred")],
    ),
    ("india-france-held", "India and France held joint naval exercises.", [("062", "India", "France", "occurred")]),
    ("china-held-military", "China held military drills near Taiwan.", [("15", "China", "Taiwan", "occurred")]),
    (
        "thousands-kenyans-demonstrated-friday",
        "Thousands of Kenyans demonstrated in Nairobi on Friday.",
        [("141", "Kenyans", "Kenya", "occurred")],
    ),
    (
        "irish-guerrillas-wounded",
        "Irish guerrillas wounded two British soldiers in a bomb attack.",
        [("183", "Irish guerrilla", "British soldier", "occurred")],
    ),
    # history told as background: dated by the text more than a year (kb/conventions.tsv, history-days) before
    # the report (these cases are anchored 2025-10-27); a range counts by its end
    (
        "us-sanctions-china-1989",
        "In 1989 the United States imposed sanctions on China.",
        [("163", US, CN, "historical")],
    ),
    ("us-invaded-iraq-2003", "In 2003 the United States invaded Iraq.", [("19", US, "Iraq", "historical")]),
    ("russia-criticised-monday", "On Monday Russia criticised Ukraine.", [("111", RU, UA, "occurred")]),
    ("russia-criticised-last-month", "Last month Russia criticised Ukraine.", [("111", RU, UA, "occurred")]),
    # a natural force, a disaster or a disease as the doer: no political event (kb/phrases.tsv natural-cause)
    ("earthquake-struck-chile", "A strong earthquake struck Chile on Sunday.", []),
    ("flood-killed-villagers", "Floods killed dozens of villagers in Bangladesh.", []),
    ("virus-hit-italy", "The virus hit Italy hardest in March.", []),
    (
        "us-attacked-iraq-in-january",
        "In January 2025 the United States attacked Iraq.",
        [("19", US, "Iraq", "occurred")],
    ),
]


# Cases the coder does not get right yet. Strict: a case that starts passing must be taken off this list,
# so the list only ever shrinks.
NOT_YET = {
    "ukraine-demanded-return",
    "china-denied-accusations",
    "syria-used-chemical",
    "north-korea-tested",
    "army-used-cluster",
    "washington-two-sides",
    "china-retaliate-if",
}


def _params():
    for name, text, expected in CASES:
        marks = [pytest.mark.xfail(strict=True, reason="event coder in progress")] if name in NOT_YET else []
        yield pytest.param(text, expected, id=name, marks=marks)


def test_case_names_are_unique_and_not_yet_names_cases():
    names = [name for name, _, _ in CASES]
    assert len(set(names)) == len(names)
    assert NOT_YET <= set(names)


@pytest.mark.parametrize("text, expected", list(_params()))
def test_event_cases(pipeline, text, expected):
    check_events(pipeline, text, expected)


def test_a_venue_is_not_a_participant(pipeline):
    """Meetings and statements are never given their venue as a target; material actions are."""
    ex = pipeline.extract_one(
        Document(
            id="v",
            text="Putin and Xi met in Geneva. Rubio criticised Iran in Paris. "
            "Iran threatened to retaliate, the minister said in Oslo.",
            published=D,
        )
    )
    assert not any(a.country in ("CHE", "FRA", "NOR") for a in ex.actors)
    assert {e.cameo[:2] for e in ex.events} == {"04", "11", "13"}


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Kenyan teachers demonstrated in Nairobi on Monday, demanding higher pay from the government.",
        "Georgian protesters rallied outside parliament to demand new elections.",
        "French farmers blocked roads calling for lower fuel taxes.",
    ],
)
def test_what_a_protest_demands_is_its_topic(pipeline, text):
    """PLOVER codes a protest once; the demand it makes is its topic, not a second event."""
    ex = pipeline.extract_one(Document(id="p", text=text, published=D))
    roots = [e.cameo[:2] for e in ex.events]
    assert "14" in roots and "10" not in roots and "02" not in roots, roots


def test_a_background_event_keeps_its_own_date(pipeline):
    """ "since their meeting in Busan on Oct. 30" dates the meeting (not coded), never the call."""
    text = (
        "Xi Jinping and Donald Trump spoke by phone on Monday. It was the first conversation between the two "
        "leaders since their meeting in Busan on Oct. 30."
    )
    ex = pipeline.extract_one(Document(id="b", text=text, published="2025-11-24"))
    assert ex.events and all(e.date != "2025-10-30" for e in ex.events), [(e.cameo, e.date) for e in ex.events]


@pytest.mark.parametrize(
    "text, status",
    [
        ("In 1948 Stalin blockaded Berlin.", "historical"),
        ("In the 1990s Russia criticised Ukraine.", "historical"),
        ("Since 2004 Russia has criticised Ukraine.", "occurred"),
        ("On Monday Russia criticised Ukraine.", "occurred"),
        ("Last month Russia criticised Ukraine.", "occurred"),
        ("Russia criticised Ukraine.", "occurred"),
        # the year sits in a clause of the same time ("when", "while") hanging on the event's clause
        ("When the war began in 1939, Britain blockaded Germany.", "historical"),
        ("While the crisis went on last month, Russia criticised Ukraine.", "occurred"),
    ],
)
def test_history_told_as_background_is_marked_historical(pipeline, text, status):
    """An event the text dates more than a year before the report (a 2005 one here) is history, kept but
    marked; its status had it been news stays in the rule. A range counts by its end."""
    ex = pipeline.extract_one(Document(id="h", text=text, published="2005-03-01"))
    assert [e.status for e in ex.events] == [status], [(e.cameo, e.status, e.date, e.date_end) for e in ex.events]
    if status == "historical":
        assert ex.events[0].rule.endswith("+occurred->historical")


def test_a_compound_trigger_is_one_event(pipeline):
    """ "a bomb attack": the bomb is part of the attack, not a second event."""
    ex = pipeline.extract_one(
        Document(id="c", text="Irish guerrillas wounded two British soldiers in a bomb attack.", published=D)
    )
    assert len(ex.events) == 1, [(e.cameo, e.trigger.text) for e in ex.events]


TOPICS = [
    ("rejected-agreement", "Peru rejected the border withdrawal agreement.", {"12"}),
    ("violated-ceasefire", "Armenian forces violated the ceasefire.", {"19"}),
    ("lifted-sanctions", "Canada lifted its sanctions on Venezuela.", {"08"}),
    ("cancelled-visit", "Japan cancelled a planned visit to Seoul.", {"16"}),
    ("harm-decried-stays", "Hungary decried the looting of shops in Budapest.", {"11", "14"}),
    ("blockade-lifted", "Turkey lifted its blockade of Armenia.", {"08"}),
    ("protest-postponed", "Kenyan teachers agreed to postpone the strike.", {"03"}),
    ("rally-as-setting-stays", "Soldiers clashed with students during a rally in Dhaka.", {"19", "14"}),
]


@pytest.mark.parametrize("text,roots", [c[1:] for c in TOPICS], ids=[c[0] for c in TOPICS])
def test_an_event_noun_an_act_is_about_is_its_topic(pipeline, text, roots):
    """ "rejected the withdrawal agreement" is a rejection, not a withdrawal too: an event noun in an act's
    object is its topic. Harm done stays an event, and so does an event noun in the act's setting."""
    ex = pipeline.extract_one(Document(id="t", text=text, published=D))
    assert {e.cameo[:2] for e in ex.events} == roots, [(e.cameo, e.trigger.text) for e in ex.events]


def test_harm_an_act_is_about_is_not_done_by_its_doer(pipeline):
    """ "Kenya condemned the attack on the embassy": the attack stays an event, but Kenya condemned it and
    did not carry it out; its doer is only one its own phrase names ("Serbia's looting")."""
    ex = pipeline.extract_one(Document(id="h", text="Kenya condemned the attack on the embassy.", published=D))
    names = {a.id: a.name for a in ex.actors}
    found = [(e.cameo, names.get(e.source), names.get(e.target)) for e in ex.events]
    assert any(f[0][:2] == "11" and f[1] == "Kenya" for f in found), found
    assert not any(f[0][:2] == "19" and f[1] == "Kenya" for f in found), found


def test_a_meeting_on_a_visit_is_one_meeting_and_its_venue_no_party(pipeline):
    """ "met X at <a government seat>, on his first visit to <capital>": the meeting is the act (the visit is
    its circumstance), the seat after "at" is its venue, not a target, and the capital of a participant's
    country is no target of its own: one meeting between Japan and the US."""
    text = (
        "On Friday the Japanese prime minister met President George W. Bush at the White House, "
        "on his first official visit to Washington."
    )
    ex = pipeline.extract_one(Document(id="m", text=text, published="2005-03-01"))
    names = {a.id: a.name for a in ex.actors}
    found = [(e.cameo, names.get(e.source), names.get(e.target)) for e in ex.events]
    assert found == [("040", "Junichiro Koizumi", "George W. Bush")], found


SUBORDINATE = [
    ("after-clause", "Japan lifted its sanctions on Iran after Tehran apologised to Tokyo.", {"08"}),
    ("until-condition", "France suspended aid to Chad until the junta frees the prisoners.", {"16"}),
    ("purpose", "Germany provided 5 million euros to Jordan to support its schools.", {"07"}),
    (
        "harm-after-stays",
        "The Kenyan president vowed an inquiry after five villagers were murdered by militants.",
        {"03", "18"},
    ),
    ("act-behind-a-toll-stays", "Twelve people were killed after suicide bombers struck a market in Kano.", {"18"}),
    ("only-clause-stays", "After Moscow signed the treaty, crowds cheered.", {"05"}),
    ("in-response-to", "The United Nations imposed sanctions on Iraq in response to its invasion of Kuwait.", {"16"}),
    (
        "purpose-of-a-noun",
        "Putin hosted Abe for talks aimed at establishing diplomatic relations with Tokyo.",
        {"04"},
    ),
    (
        "in-protest-of",
        "Chechen refugees began a hunger strike in protest of the Russian government's refusal to talk.",
        {"14"},
    ),
    ("in-the-wake-of", "Canada expelled two Russian diplomats in the wake of the poisoning of a defector.", {"16"}),
]


@pytest.mark.parametrize("text,roots", [c[1:] for c in SUBORDINATE], ids=[c[0] for c in SUBORDINATE])
def test_a_background_condition_or_purpose_clause_is_not_the_news(pipeline, text, roots):
    """An event in an "after"/"until"/"if" clause or an infinitive of purpose is not the sentence's news when
    the sentence has its own; harm done, the act behind a toll, and a sentence's only event stay."""
    ex = pipeline.extract_one(Document(id="s", text=text, published=D))
    assert {e.cameo[:2] for e in ex.events} == roots, [(e.cameo, e.trigger.text) for e in ex.events]


def test_a_passive_clause_does_not_borrow_the_subject_above(pipeline):
    """ "vowed an inquiry after villagers were murdered by militants": the murder is the militants', not the
    president's; a passive clause's doer is its own agent (or nobody)."""
    text = "The Kenyan president vowed an inquiry after five villagers were murdered by militants."
    ex = pipeline.extract_one(Document(id="p", text=text, published=D))
    names = {a.id: a.name for a in ex.actors}
    sources = {names.get(e.source) for e in ex.events if e.cameo.startswith("18")}
    assert sources and "Mwai Kibaki" not in sources, [(e.cameo, names.get(e.source)) for e in ex.events]


def test_a_pronoun_owner_of_an_event_noun_is_the_clause_subject(pipeline):
    """ "Kenyan police began [their] crackdown": an owner pronoun with no actor of its own is, as a rule, the
    clause's subject; an owner that is neither ("Saturday's attack") names no doer."""
    ex = pipeline.extract_one(
        Document(id="o", text="Kenyan police began their crackdown on the protesters.", published=D)
    )
    names = {a.id: a.name for a in ex.actors}
    assert any(e.cameo_root == "17" and names.get(e.source) == "Kenyan Police" for e in ex.events), [
        (e.cameo, names.get(e.source), names.get(e.target)) for e in ex.events
    ]
    ex = pipeline.extract_one(Document(id="o", text="Rebels postponed Saturday's attack on the town.", published=D))
    assert all(e.source is None for e in ex.events if e.trigger.text == "attack")


WEIGHED = [
    ("weighing-aid", "Japan is considering sending aid to North Korea.", "North Korea"),
    ("weighing-sanctions", "The Chilean government is considering sanctions against Peru.", "Peru"),
    ("exploring-possibility", "Japan is exploring the possibility of sending aid to Nepal.", "Nepal"),
]


@pytest.mark.parametrize("text,target", [c[1:] for c in WEIGHED], ids=[c[0] for c in WEIGHED])
def test_an_option_weighed_is_one_event_of_weighing(pipeline, text, target):
    """ "is considering sending aid to North Korea" is a policy option weighed (014) with North Korea, not
    also aid sent: the option is what the weighing is about (kb/conventions.tsv frame-weigh)."""
    ex = pipeline.extract_one(Document(id="w", text=text, published=D))
    names = {a.id: a.name for a in ex.actors}
    found = [(e.cameo, names.get(e.target)) for e in ex.events]
    assert found and all(code == "014" for code, _ in found), found
    assert any(t == target for _, t in found), found


CLAIMED = [
    ("claimed-own-attack", "The Houthis claimed that they had attacked the Saudi airport of Abha.", {"01"}),
    (
        "claimed-responsibility-for-killing",
        "The Taliban claimed responsibility for killing two Afghan soldiers.",
        {"01"},
    ),
    ("claimed-another-did-it", "Hamas claimed that Israeli troops had shelled the camp.", {"19"}),
]


@pytest.mark.parametrize("text,roots", [c[1:] for c in CLAIMED], ids=[c[0] for c in CLAIMED])
def test_a_claim_of_ones_own_act_is_a_claim_of_responsibility(pipeline, text, roots):
    """ "X claimed that they had attacked Y" claims X's own act: one event, a claim of responsibility (015)
    framing the attack; a claim that another did it is no claim of responsibility."""
    ex = pipeline.extract_one(Document(id="c", text=text, published=D))
    assert {e.cameo_root for e in ex.events} == roots, [(e.cameo, e.trigger.text) for e in ex.events]


def test_coordinated_passive_verbs_share_patient_and_agent(pipeline):
    """ "A journalist was abducted and tortured by Indian agents": both acts are the agents' on the journalist."""
    text = "A Pakistani journalist was abducted and tortured by Indian agents."
    ex = pipeline.extract_one(Document(id="p", text=text, published=D))
    names = {a.id: a.name for a in ex.actors}
    found = {(e.cameo, names.get(e.source), names.get(e.target)) for e in ex.events}
    assert {
        ("181", "Indian agent", "Journalist of Pakistan"),
        ("1822", "Indian agent", "Journalist of Pakistan"),
    } <= found


FRAME_OWN_TARGET = [
    ("rejected-plan-to-expel", "Peru rejected Chile's plan to expel Bolivian diplomats.", "Chile", "Bolivian diplomat"),
    (
        "denied-request-to-extradite",
        "Germany rejected the Turkish government's request to extradite a critic of President Recep Tayyip Erdogan.",
        "Turkish Government",
        "Recep Tayyip Erdoğan",
    ),
]


@pytest.mark.parametrize(
    "text,target,not_target", [c[1:] for c in FRAME_OWN_TARGET], ids=[c[0] for c in FRAME_OWN_TARGET]
)
def test_a_frame_with_a_target_of_its_own_keeps_it(pipeline, text, target, not_target):
    """ "rejected Chile's plan to expel Bolivian diplomats" is a rejection of Chile: the action inside the
    frame gives the code, but its own target is the frame's only when the frame names none."""
    ex = pipeline.extract_one(Document(id="f", text=text, published=D))
    names = {a.id: a.name for a in ex.actors}
    targets = {names.get(e.target) for e in ex.events if e.cameo_root == "12"}
    assert targets == {target}, [(e.cameo, names.get(e.source), names.get(e.target)) for e in ex.events]
    assert not_target not in targets


TALK = [
    ("pair-from-context", "Putin met Schroeder in Berlin. A spokesman said the two leaders had talked about Iran.", 2),
    ("discussed-with", "The Chinese premier discussed trade with Indian officials.", 1),
    ("one-talker-no-event", "Obama talked about the economy.", 0),
    ("topic-is-no-party", "Blair discussed Afghanistan.", 0),
]


@pytest.mark.parametrize("text,consults", [c[1:] for c in TALK], ids=[c[0] for c in TALK])
def test_talk_is_between_the_talkers_not_with_its_topic(pipeline, text, consults):
    """ "the two leaders had talked about Iran" is a consultation between the two (resolved from the
    sentence before), reported speech or not; what they talked about is no party, and one actor talking
    about something with nobody named is no event (kb/phrases.tsv topic-verb, topic-prep)."""
    ex = pipeline.extract_one(Document(id="t", text=text, published=D))
    names = {a.id: a.name for a in ex.actors}
    found = [(e.cameo, names.get(e.source), names.get(e.target)) for e in ex.events]
    assert len([f for f in found if f[0].startswith("04")]) == consults, found
    assert all(f[2] not in ("Iran", "Afghanistan") for f in found), found


MUTUAL = [
    ("two-named-parties", "Lavrov met Rubio in Riyadh.", [("Sergei Lavrov", "Marco Rubio")]),
    ("coordinated-pair", "China and India held talks on the border.", [(CN, "India")]),
    (
        "three-parties-meet",
        "Kenya, Uganda and Tanzania held talks in Arusha on Friday.",
        [("Kenya", "Uganda"), ("Kenya", "Tanzania")],
    ),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in MUTUAL], ids=[c[0] for c in MUTUAL])
def test_a_mutual_event_is_one_row_per_pair(pipeline, text, expected):
    """ "A met B" is A -> B, never also B -> A; N parties meeting among themselves give N - 1 rows (the
    first-named with each other), not N * (N - 1). The rule says the event is mutual."""
    ex = pipeline.extract_one(Document(id="mutual", text=text, published=D))
    names = {a.id: a.name for a in ex.actors}
    dyads = [(names.get(e.source), names.get(e.target)) for e in ex.events if e.cameo_root in ("03", "04")]
    assert sorted(dyads) == sorted(expected), dyads
    assert all(e.mutual and e.rule.endswith("+mutual") for e in ex.events if e.cameo_root == "04")


def test_a_toll_is_part_of_the_attack(pipeline):
    """ "shelled the city, killing 20": one event, the shelling."""
    ex = pipeline.extract_one(
        Document(id="t", text="Sudanese rebels shelled Juba, killing about 20 people.", published=D)
    )
    assert [e.cameo for e in ex.events] == ["194"]


def test_filled_participants_say_so(pipeline):
    ex = pipeline.extract_one(Document(id="f", text="Israeli troops remained on alert in the West Bank.", published=D))
    (event,) = ex.events
    target = next(a for a in ex.actors if a.id == event.target)
    assert target.mentions == [] and target.kind == "country"
    assert event.rule.endswith("+target:place West Bank") and event.confidence < 0.6


def test_an_event_naming_nobody_is_the_places_at_lower_confidence(pipeline):
    """ "An airstrike hit a school in Homs": nobody named, the place's country is the target, the rule says so."""
    ex = pipeline.extract_one(Document(id="u", text="An airstrike hit a school in Homs on Tuesday.", published=D))
    (event,) = ex.events
    assert event.cameo == "195" and event.source is None
    target = next(a for a in ex.actors if a.id == event.target)
    assert target.country == "SYR" and target.mentions == []
    assert event.rule.endswith("+target:place Homs") and event.confidence < 0.6


def test_an_unnamed_act_beside_a_named_one_of_its_root_is_not_coded_again(pipeline):
    """ "Later the shelling resumed" after "Syrian troops shelled Idlib": the same violence retold, one event."""
    text = "Syrian troops shelled Idlib on Monday. Later the shelling resumed."
    ex = pipeline.extract_one(Document(id="r", text=text, published=D))
    assert [(e.cameo_root, e.rule.endswith("+unnamed")) for e in ex.events] == [("19", False)]


def test_one_unnamed_act_in_a_document(pipeline):
    """Two acts naming nobody in one report are most often one incident told in its parts: the first is coded."""
    text = "Heavy shelling resumed overnight. Two journalists were abducted in the chaos."
    ex = pipeline.extract_one(Document(id="o", text=text, published=D))
    assert [e.cameo_root for e in ex.events] == ["19"]


def test_table_size_and_roots():
    assert len(CASES) >= 120
    roots = {e[0][:2] for _, _, expected in CASES for e in expected if len(e[0]) >= 2}
    assert {f"{n:02d}" for n in range(1, 21)} <= roots


def test_seed_events(pipeline, seed_path):
    from accord.readers import read_inputs

    (doc,) = list(read_inputs([str(seed_path)], 10**7))
    ex = pipeline.extract_one(doc)
    names = {a.id: a.name for a in ex.actors}
    events = [
        (e.cameo, names.get(e.source), names.get(e.target), e.status, e.plover, e.plover_mode, e.date)
        for e in ex.events
    ]
    assert ("041", "Wang Yi", "Marco Rubio", "occurred", "CONSULT", "phone", "2025-10-27") in events
    assert any(
        c == "036" and {s, t} == {"Xi Jinping", "Donald Trump"} and st == "planned" for c, s, t, st, *_ in events
    )
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
    where = {
        e.cameo: (e.date, e.date_end, e.date_basis, places[e.place].country if e.place else None) for e in ex.events
    }
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


def test_event_word_lists_and_conventions_are_data():
    """The coder's word lists (kb/phrases.tsv) and coding conventions (kb/conventions.tsv) load with the
    knowledge base; a user file overrides a convention by its name."""
    from accord.kb import KnowledgeBase, builtin_files, load_kb
    from accord.nlp.events.knowledge import EventKnowledge

    know = EventKnowledge.of(load_kb())
    assert know.irregular_sectors == {"REB", "INS", "SEP", "CVL"} and know.unconventional_violence == "180"
    assert know.meeting_root == "04" and know.intent_to_meet == "036"
    assert know.grievance_preps == ("over", "about") and "thousands" in know.quantity_nouns
    kb = KnowledgeBase()
    for path in builtin_files():
        kb.add_file(path)
    kb.add_file("mine.tsv", "convention\tvalue\nirregular-sectors\tREB|INS\n")
    assert EventKnowledge.of(kb).irregular_sectors == {"REB", "INS"}


# CAMEO codes accusations and protests by their topic (kb/topics.tsv), an attempted assassination apart from
# one carried out (kb/frames.tsv attempt): (name, sentence, the exact codes of its events)
TOPIC_CODES = [
    ("accused-of-corruption", "Kenya's opposition accused the finance minister of corruption.", ["1121"]),
    ("accused-of-torture", "Human rights groups accused the Egyptian government of torture.", ["1122"]),
    ("accused-of-aggression", "Ukraine accused Russia of aggression in the Black Sea.", ["1123"]),
    ("accused-of-war-crimes", "The prosecutor accused Serbian generals of war crimes.", ["1124"]),
    ("accused-of-spying", "China accused the United States of spying on its companies.", ["1125"]),
    ("accused-of-treason", "Iran accused the journalist of espionage and treason.", ["1125"]),
    ("accused-of-lying-stays", "Russia accused Ukraine of lying.", ["112"]),
    (
        "rallied-for-resignation",
        "Opposition supporters demonstrated in Caracas for the president's resignation.",
        ["1411"],
    ),
    ("protested-price-rise", "Thousands of students protested against the fuel price rise in Lagos.", ["1412"]),
    ("protested-tax", "Farmers in Paris protested the new fuel tax.", ["1412"]),
    ("marched-for-rights", "Activists in Cairo marched for the rights of women.", ["1413"]),
    ("demonstrated-for-democracy", "Protesters in Hong Kong demonstrated for democracy.", ["1414"]),
    ("hunger-strike-release", "Jailed activists in Bahrain began a hunger strike to demand their release.", ["1423"]),
    ("strike-for-wages", "Nurses in Nairobi went on strike for higher wages.", ["1432"]),
    (
        "boycott-demanding-resignation",
        "Opposition parties in Bangladesh boycotted the election demanding the resignation of the prime minister.",
        ["1431"],
    ),
    (
        "blocked-demanding-elections",
        "Opposition supporters in Yerevan blocked streets demanding new elections.",
        ["1444"],
    ),
    ("rioted-over-election", "Youths rioted in Kinshasa over the election results.", ["1454"]),
    ("protest-without-topic-stays", "Hundreds of people protested in Minsk.", ["141"]),
    (
        "one-protest-with-its-topic",
        "Students in Ankara held a demonstration on Monday and protested against the new education law.",
        ["1412"],
    ),
    ("tried-to-assassinate", "Taliban gunmen tried to assassinate the Afghan president.", ["185"]),
    ("assassination-attempt", "The Pakistani president survived an assassination attempt in Rawalpindi.", ["185"]),
    ("attempt-on-his-life", "The mayor of Kabul survived an attempt on his life.", ["185"]),
    ("assassinated-stays", "Taliban gunmen assassinated the Afghan president.", ["186"]),
]


@pytest.mark.parametrize("text,codes", [c[1:] for c in TOPIC_CODES], ids=[c[0] for c in TOPIC_CODES])
def test_topic_and_attempt_subcodes(pipeline, text, codes):
    """An accusation or protest whose topic names a kind of change or wrong is coded at CAMEO's child code,
    the word in its rule; one whose topic names none keeps the parent. A failed assassination is 185."""
    ex = pipeline.extract_one(Document(id="s", text=text, published=D))
    assert [e.cameo for e in ex.events] == codes, [(e.cameo, e.rule) for e in ex.events]
    for e in ex.events:
        assert ("+topic:" in e.rule) == (
            len(e.cameo) == 4 and e.cameo[:3] in ("112", "141", "142", "143", "144", "145")
        )
