"""The knowledge base as data: built-in files load and hang together; user files extend them."""

import pytest

from accord.errors import UsageError
from accord.kb import KnowledgeBase, builtin_files, load_kb, short_names

from ..conftest import ROOT


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
