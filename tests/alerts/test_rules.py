"""Which merged events an alert matches, as a table of cases (one real SQLite store holding every
case's event), and the checks on typed-in values: each bad value is a message naming its option."""

from __future__ import annotations

import pytest

from accord.alerts import DEFAULT_STATUSES, Alert
from accord.errors import BadFilter
from accord.store import Store
from accord.store import alerts as sql

from .events import add_event

USA_CHN = {"source_country": "USA", "target_country": "CHN", "source_name": "United States", "target_name": "China"}
CHN_JPN = {"target_country": "JPN", "target_name": "Japan", "target_key": "country:JPN"}
XI_TRUMP = {"source_name": "Xi Jinping", "target_name": "Donald Trump"}
MEETING = {"cameo": "044", "cameo_root": "04", "goldstein": 6.0, "quad_class": 2}  # Meet at a neutral venue
THREAT = {"cameo": "138", "cameo_root": "13", "goldstein": -7.0, "quad_class": 3}

# (case, alert options as typed, the event's fields over a CHN -> USA 190 occurred event, matches)
CASES = [
    ("dyad as given", {"dyad": "CHN-USA"}, {}, True),
    ("dyad the other way round", {"dyad": "CHN-USA"}, USA_CHN, True),
    ("dyad with another side", {"dyad": "CHN-USA"}, CHN_JPN, False),
    ("dyad by actor names", {"dyad": "Donald Trump-Xi Jinping"}, XI_TRUMP, True),
    ("dyad by a name the event lacks", {"dyad": "Wang Yi-Donald Trump"}, XI_TRUMP, False),
    ("quad among those given", {"quad": "3,4"}, {}, True),
    ("quad not among those given", {"quad": "3,4"}, MEETING, False),
    ("code prefix", {"code": "19"}, {}, True),
    ("code full", {"code": "138"}, THREAT, True),
    ("code another root", {"code": "19"}, THREAT, False),
    ("actor as source", {"actor": "CHN"}, {}, True),
    ("actor as target", {"actor": "USA"}, {}, True),
    ("actor absent", {"actor": "RUS"}, {}, False),
    ("actor by name", {"actor": "xi jinping"}, XI_TRUMP, True),
    ("goldstein at the minimum", {"min_goldstein": "6"}, MEETING, True),
    ("goldstein below the minimum", {"min_goldstein": "6.5"}, MEETING, False),
    ("goldstein at most", {"max_goldstein": "-7"}, THREAT, True),
    ("goldstein above the maximum", {"max_goldstein": "-8"}, THREAT, False),
    ("one article, one asked", {"min_articles": "1", "dyad": "CHN-USA"}, {}, True),
    ("one article, two asked", {"min_articles": "2"}, {}, False),
    ("three articles, two asked", {"min_articles": "2"}, {"num_articles": 3}, True),
    ("planned alerts by default", {"dyad": "CHN-USA"}, {"status": "planned"}, True),
    ("negated does not by default", {"dyad": "CHN-USA"}, {"status": "negated"}, False),
    ("hypothetical does not by default", {"dyad": "CHN-USA"}, {"status": "hypothetical"}, False),
    ("historical does not by default", {"dyad": "CHN-USA"}, {"status": "historical"}, False),
    ("negated when asked", {"dyad": "CHN-USA", "status": "negated"}, {"status": "negated"}, True),
    ("only negated asked", {"dyad": "CHN-USA", "status": "negated"}, {}, False),
    ("every condition met", {"dyad": "USA-CHN", "quad": "4", "code": "1", "max_goldstein": "-5"}, {}, True),
    ("every condition but one", {"dyad": "USA-CHN", "quad": "4", "code": "18", "max_goldstein": "-5"}, {}, False),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('rules') / 'rules.db'}") as store:
        yield store


@pytest.mark.parametrize(("options", "event", "matches"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_which_events_an_alert_matches(store, options, event, matches):
    group = add_event(store, **event)
    alert = Alert.parse(**options)
    row = alert.to_row() | {"pk": 0}  # no notification is recorded for alert 0: every match is unnotified
    with store.engine.connect() as conn:
        assert (group in sql.unnotified_matches(conn, row)) is matches


def test_default_statuses_leave_out_what_did_not_happen():
    assert DEFAULT_STATUSES == ("occurred", "planned")


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"dyad": "CHN"}, "--dyad: two sides joined by '-', such as CHN-USA, not 'CHN'"),
        ({"dyad": "CHN-USA-RUS"}, "--dyad: two sides"),
        ({"quad": "5"}, "--quad: must be from 1 to 4, not 5"),
        ({"quad": "3,x"}, "--quad: must be a whole number, not 'x'"),
        ({"code": "19a"}, "--code: must be a CAMEO code or prefix"),
        ({"min_goldstein": "high"}, "--min-goldstein: must be a number from -10 to 10"),
        ({"max_goldstein": "-11"}, "--max-goldstein: must be from -10 to 10"),
        ({"min_goldstein": "5", "max_goldstein": "1"}, "--min-goldstein: 5.0 is above --max-goldstein 1.0"),
        ({"min_articles": "0"}, "--min-articles: must be from 1 to 1000000, not 0"),
        ({"status": "occurred,rumoured"}, "--status: each must be one of occurred, planned"),
        ({"dyad": "CHN-USA", "webhook": "ftp://example.org/x"}, "--webhook: must be an http:// or https:// URL"),
        ({"dyad": "CHN-USA", "webhook": "http:///path"}, "--webhook: must be an http:// or https:// URL"),
        ({}, "alert: give at least one condition"),
        ({"webhook": "http://127.0.0.1:9/hook"}, "alert: give at least one condition"),
    ],
)
def test_bad_values_are_messages_naming_the_option(options, says):
    with pytest.raises(BadFilter) as caught:
        Alert.parse(**options)
    assert says in str(caught.value)


def test_a_jsonl_file_must_be_writable(tmp_path):
    with pytest.raises(BadFilter, match="is a folder"):
        Alert.parse(dyad="CHN-USA", jsonl=str(tmp_path))
    relative = Alert.parse(dyad="CHN-USA", jsonl=str(tmp_path / "new" / "alerts.jsonl"))
    assert relative.jsonl == str(tmp_path / "new" / "alerts.jsonl")


def test_an_alert_describes_itself_and_keeps_its_values():
    alert = Alert.parse(dyad="CHN-USA", quad="4, 3", code="19", min_articles="2", status="negated,occurred")
    assert alert.quads == (3, 4) and alert.statuses == ("occurred", "negated")
    assert alert.describe() == "CHN-USA, QuadClass 3 or 4, CAMEO 19*, at least 2 articles, status occurred or negated"
    back = Alert.from_row(alert.to_row() | {"pk": 7, "created_at": None})
    assert back.to_row() == alert.to_row() and back.id == 7
