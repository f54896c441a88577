"""The read side's filters (accord.store.filters): one declaration, checked values, messages that
name the field as the caller spelt it."""

import pytest

from accord.errors import BadFilter, UsageError
from accord.store.filters import (
    STATUSES,
    ActorFilter,
    EventFilter,
    QuoteFilter,
    Status,
    StoryFilter,
    day,
    is_country_code,
    iso_day,
    parse_dyad,
    whole,
)


@pytest.mark.parametrize(
    "value, pair",
    [
        ("CHN-USA", ("CHN", "USA")),
        (" CHN - USA ", ("CHN", "USA")),
        ("Xi Jinping-Donald Trump", ("Xi Jinping", "Donald Trump")),
        ("CHN/USA", ("CHN", "USA")),  # the Python API's other spelling
        (("CHN", "USA"), ("CHN", "USA")),
        (["CHN", "USA"], ("CHN", "USA")),
        (None, None),
    ],
)
def test_a_dyad_is_two_sides(value, pair):
    assert parse_dyad(value) == pair


@pytest.mark.parametrize("value", ["CHN", "", "CHN-USA-RUS", "-"])
def test_a_dyad_of_other_than_two_sides_names_the_field(value):
    with pytest.raises(BadFilter, match=r"^--dyad: two sides joined by '-', such as CHN-USA, not "):
        parse_dyad(value, "--dyad")


def test_bad_filter_is_a_usage_error_and_a_value_error():
    with pytest.raises(BadFilter) as caught:
        whole("x", "quad", 1, 4)
    assert isinstance(caught.value, UsageError) and isinstance(caught.value, ValueError)
    assert caught.value.exit_code == 2
    assert (caught.value.name, caught.value.problem) == ("quad", "must be a whole number, not 'x'")
    assert str(caught.value) == "quad: must be a whole number, not 'x'"


def test_blank_text_is_no_filter_but_a_blank_date_option_is_an_error():
    assert day("  ", "since") is None and EventFilter.parse(dyad=" ") == EventFilter()
    assert iso_day("27 October 2025", "--since") == "2025-10-27"
    with pytest.raises(BadFilter, match="^--since: the date is empty; use YYYY-MM-DD$"):
        iso_day("", "--since")


def test_event_filter_parses_typed_in_text():
    f = EventFilter.parse(
        dyad="CHN-USA", actor=" Xi ", since="2025-10-01", code="04", quad="2", status="planned", story="3"
    )
    assert f == EventFilter(
        dyad=("CHN", "USA"), actor="Xi", since="2025-10-01", code="04", quad=2, status="planned", story=3
    )
    assert f.as_form() == {
        "dyad": "CHN-USA",
        "actor": "Xi",
        "since": "2025-10-01",
        "code": "04",
        "quad": "2",
        "status": "planned",
        "story": "3",
    }


@pytest.mark.parametrize("value, wanted", [(None, False), ("", False), ("on", True), ("True", True), ("0", False)])
def test_historical_events_are_asked_for_by_a_yes_or_no(value, wanted):
    """A ticked checkbox sends "on"; a link built from the form carries "True"."""
    f = EventFilter.parse(historical=value)
    assert f.historical is wanted
    assert EventFilter.parse(**f.as_form()) == f


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("quad", "5", "quad: must be from 1 to 4, not 5"),
        ("status", "done", "status: must be one of occurred, planned, negated, hypothetical, historical, not 'done'"),
        ("code", "abc", "code: must be a CAMEO code or prefix of up to 4 digits (04, 0871), not 'abc'"),
        ("story", "0", "story: must be from 1 to 2147483647, not 0"),
        ("historical", "maybe", "historical: must be true or false, not 'maybe'"),
    ],
)
def test_event_filter_refuses_what_it_cannot_use(field, value, message):
    with pytest.raises(BadFilter) as caught:
        EventFilter.parse(**{field: value})
    assert str(caught.value) == message


def test_the_other_filters_parse_and_show_as_forms():
    assert QuoteFilter.parse(speaker="Wang", country="chn").as_form() == {"speaker": "Wang", "country": "CHN"}
    assert ActorFilter.parse(country="usa") == ActorFilter(country="USA")
    assert StoryFilter.parse(None) == StoryFilter(1) and StoryFilter.parse("2").min_documents == 2
    with pytest.raises(BadFilter, match="^country: must be an ISO-3 country code"):
        ActorFilter.parse(country="China")


def test_the_status_list_and_the_side_rule():
    assert (
        STATUSES == tuple(s.value for s in Status) == ("occurred", "planned", "negated", "hypothetical", "historical")
    )
    assert is_country_code("CHN") and not is_country_code("chn") and not is_country_code("Xi")


@pytest.mark.parametrize("value", [str(2**63), str(2**64), str(-(2**63) - 1)])
def test_whole_numbers_stay_within_what_a_database_stores(value):
    from accord.store.filters import MAX_INTEGER, store_number, whole

    with pytest.raises(BadFilter, match=f"^offset: must be from 0 to {MAX_INTEGER}, not {value}$|^offset: must be 0"):
        whole(value, "offset", 0)
    with pytest.raises(BadFilter, match="must be from"):
        whole(value, "id")
    assert whole(str(MAX_INTEGER), "offset", 0) == MAX_INTEGER
    assert store_number(value) is None and store_number("²") is None and store_number("12") == 12
