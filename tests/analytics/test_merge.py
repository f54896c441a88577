"""The merge rule, case by case: when two reports are one event (analytics/merge.py)."""

import pytest

from accord.analytics.merge import GroupSpan, Report, actor_key, same_event


def report(date="2025-10-22", date_end=None, basis="text", place=None, story=None):
    return Report(
        doc_pk=1,
        event_id="e1",
        source_key="state:USA",
        target_key="state:RUS",
        cameo="163",
        cameo_root="16",
        status="occurred",
        date=date,
        date_end=date_end,
        date_basis=basis,
        place_country=place,
        story_pk=story,
    )


def group(date="2025-10-22", date_end=None, place=None, stories=()):
    return GroupSpan(pk=1, date=date, date_end=date_end, place_country=place, story_pks=set(stories))


CASES = [
    # (group, report, same event?)
    (group(), report(), True),
    (group(), report(date="2025-10-23"), False),  # a day apart, both dated by the text
    (group(), report(date="2025-10-23", basis="anchor"), True),  # published the next day
    (group(), report(date="2025-10-24", basis="anchor"), False),
    (group(date="2025-10-20", date_end="2025-10-22"), report(date="2025-10-21"), True),  # inside a range
    (group(date="2025-10-25", date_end="2025-10-26"), report(date="2025-10-27", basis="anchor"), True),
    (group(place="MYS"), report(place="MYS"), True),
    (group(place="MYS"), report(place="KOR"), False),  # different countries
    (group(place="MYS"), report(), True),  # one has no place
    (group(date=None, stories=(3,)), report(date=None, story=3), True),  # undated: same story only
    (group(date=None, stories=(3,)), report(date=None, story=4), False),
    (group(), report(date=None, story=None), False),
]


@pytest.mark.parametrize("g, r, expected", CASES)
def test_same_event(g, r, expected):
    assert same_event(g, r) is expected


@pytest.mark.parametrize(
    "args, key",
    [
        (("country:USA", "country", "USA", None, "United States"), "state:USA"),
        (("country:USA:government", "country", "USA", "GOV", "Washington"), "state:USA"),
        (("body:government", "organization", "USA", "GOV", "American Government"), "state:USA"),
        ((None, "organization", "USA", "GOV", "American administration"), "state:USA"),
        (("body:navy", "organization", "USA", "MIL", "American Navy"), "body:navy:USA"),
        (("body:navy", "organization", "JPN", "MIL", "Japanese Navy"), "body:navy:JPN"),
        (("person:xi-jinping", "person", "CHN", "GOV", "Xi Jinping"), "person:xi-jinping"),
        ((None, "group", "CHN", "GOV", "Chinese delegation"), "group:CHN:GOV:chinese delegation"),
        ((None, None, None, None, None), ""),
    ],
)
def test_actor_identity(args, key):
    assert actor_key(*args) == key
