"""The knowledge base as data: built-in files load and hang together; user files extend them."""

import pytest

from accord.errors import UsageError
from accord.kb import KnowledgeBase, builtin_files, load_kb, short_names
from accord.kb.tables import read_table

from ..conftest import ROOT

DATA = ROOT / "src" / "accord" / "kb"


def test_builtin_files_load_with_every_kind():
    kb = load_kb()
    assert len(kb.countries) >= 200
    assert len(kb.organizations) >= 80
    assert len(kb.tenures) >= 600
    assert {"HOS", "HOG", "FM", "HEAD", "DM", "IM"} <= {t.position for t in kb.tenures}
    assert kb.country_names["U.S."] == "USA" and kb.country_names["America"] == "USA"
    assert kb.demonyms["Emirati"] == ["ARE"]
    assert kb.capitals["Beijing"] == "CHN"
    assert kb.org_names["APEC"] == "apec"


def test_every_official_names_a_known_country_or_organisation():
    kb = load_kb()
    for t in kb.tenures:
        assert (t.country in kb.countries) or (t.org in kb.organizations), t
        assert t.end is None or t.start < t.end, t


def _cameo_types() -> set[str]:
    """CAMEO's agent type codes (kb/codes/cameo_actors.tsv, from the CAMEO actor codebook)."""
    table = read_table(DATA / "codes" / "cameo_actors.tsv")
    assert table is not None
    return {r.fields["code"] for r in table.rows() if r.fields["kind"] == "type"}


@pytest.mark.parametrize("name", ["organizations.tsv", "parties.tsv"])
def test_organisation_rows_are_well_formed(name):
    """Every organisation and party row: an id no other row of either file has, a CAMEO agent type as its
    sector, a country that countries.tsv knows (or none), and a code that starts with that country."""
    kb = load_kb()
    types = _cameo_types()
    ids = [r.fields["id"] for f in ("organizations.tsv", "parties.tsv") for r in read_table(DATA / f).rows()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    table = read_table(DATA / name)
    assert table is not None
    for row in table.rows():
        r = row.fields
        assert r["sector"] in types, (row.number, r["id"], r["sector"])
        assert not r["country"] or r["country"] in kb.countries, (row.number, r["id"], r["country"])
        assert not r["country"] or r["code"].startswith(r["country"] + r["sector"]), (row.number, r["id"])
        assert r["name"].strip() and all(a.strip() == a and a for a in r["aliases"].split("|") if r["aliases"])


def test_parties_ngos_and_armed_groups_by_country():
    """Parties of many countries, each PTY (GOV only for a one-party state's ruling party); NGOs; armed
    groups by country; no bare name several countries' parties share."""
    kb = load_kb()
    parties = [o for o in kb.organizations.values() if o.sector == "PTY"]
    assert len(parties) >= 250 and len({o.country for o in parties}) >= 70
    assert {o.id for o in kb.organizations.values() if o.code[3:6] == "GOV" and o.id in {"ccp", "wpk", "cpv"}} == {
        "ccp",
        "wpk",
        "cpv",
    }
    assert sum(o.sector == "NGO" for o in kb.organizations.values()) >= 40
    armed = [o for o in kb.organizations.values() if o.sector in ("REB", "SEP", "MIL", "CRM") and o.country]
    assert len(armed) >= 100 and len({o.country for o in armed}) >= 35
    for surface, org in [("BJP", "bjp"), ("GOP", "us-republicans"), ("Amnesty International", "amnesty")]:
        assert kb.org_id(surface) == org
    for ambiguous in (
        "Labour Party",
        "Labour",
        "Democrats",
        "Democratic Party",
        "Conservatives",
        "Conservative Party",
        "Liberals",
        "Liberal Party",
        "Greens",
        "the Left",
        "Left Party",
        "People's Party",
        "Workers' Party",
        "PDP",
        "DPP",
        "BNP",
        "PPP",
        "NDP",
        "APC",
        "PTI",
    ):
        org = kb.org_id(ambiguous)
        assert org is None or kb.organizations[org].sector != "PTY", ambiguous


@pytest.mark.parametrize(
    "name, shorts",
    [
        ("Xi Jinping", {"Xi"}),
        ("Marco Rubio", {"Rubio"}),
        ("Bashar al-Assad", {"al-Assad", "Assad"}),
        ("Recep Tayyip Erdoğan", {"Erdoğan", "Erdogan"}),
    ],
)
def test_short_names(name, shorts):
    kb = load_kb()
    (tenure, *_) = kb.people(name)
    assert shorts <= short_names(tenure)


def test_offices_by_kind_have_their_sector_and_holders():
    """Defence (DM) and interior (IM) ministers are a kind of office like heads of state: the titles
    naming them give their sector, and a title with a country finds the holder on a date."""
    from datetime import date

    kb = load_kb()
    assert {"DM", "IM"} <= {t.position for t in kb.tenures}
    assert kb.position_sector("DM") == "MIL"
    assert kb.position_sector("IM") == "GOV" and kb.position_sector("FM") == "GOV"
    cases = [
        ("defense secretary", "USA", date(2005, 3, 1), "Donald Rumsfeld"),
        ("defence minister", "RUS", date(2016, 1, 1), "Sergei Shoigu"),
        ("home secretary", "GBR", date(2012, 6, 1), "Theresa May"),
        ("interior minister", "DEU", date(2016, 1, 1), "Thomas de Maizière"),
        ("foreign minister", "CHN", date(2000, 1, 1), "Tang Jiaxuan"),
        ("secretary of state", "USA", date(1995, 1, 1), "Warren Christopher"),
    ]
    for phrase, iso, day, name in cases:
        assert [t.name for t in kb.holders(iso, kb.titles[phrase], day)] == [name], (phrase, iso, day)


def test_user_file_adds_people(tmp_path):
    kb = KnowledgeBase()
    for path in builtin_files():
        kb.add_file(path)
    kb.add_file(ROOT / "docs" / "examples" / "my-actors.tsv")
    (t,) = kb.people("Ana Example")
    assert t.country == "PRT" and t.role == "Foreign Minister"


@pytest.mark.parametrize(
    "content, message",
    [
        ("who\twhat\nx\ty\n", "first line must be one of"),
        ("name\taliases\tcountry\tposition\trole\tstart\tend\nA B\t\tPRT\tFM\tFM\t2020-13-01\t\n", "month"),
        ("name\taliases\tcountry\tsector\nA\tB\n", "has 2 fields"),
    ],
)
def test_bad_user_files_are_usage_errors(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content)
    with pytest.raises(UsageError, match=message):
        KnowledgeBase().add_file(path)


@pytest.mark.model
def test_actors_option_reaches_the_extractor(tmp_path):
    import json

    from typer.testing import CliRunner

    from accord.cli import app

    story = tmp_path / "story.txt"
    story.write_text("Portuguese Foreign Minister Ana Example met her Spanish counterpart in Madrid.")
    result = CliRunner().invoke(
        app,
        [
            "extract",
            "--published",
            "2031-02-01",
            "--actors",
            str(ROOT / "docs" / "examples" / "my-actors.tsv"),
            str(story),
        ],
    )
    assert result.exit_code == 0, result.output
    actors = json.loads(result.stdout)["actors"]
    ana = next(a for a in actors if a["name"] == "Ana Example")
    assert ana["kb_id"] == "person:ana-example" and ana["role"] == "Foreign Minister"
