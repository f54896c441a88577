"""Dyad series and networks from merged events: buckets, QuadClass counts, the cooperation index."""

import pytest

from accord.analytics.network import network
from accord.analytics.records import EventRecord
from accord.analytics.series import dyad_series, period_of


def event(day, quad, goldstein, source="China", target="United States", sc="CHN", tc="USA", status="occurred"):
    return EventRecord(
        id=1,
        date=day,
        date_end=None,
        date_basis="text",
        date_precision="day",
        source=source,
        source_country=sc,
        target=target,
        target_country=tc,
        cameo="040",
        cameo_name="",
        plover=None,
        plover_mode=None,
        quad_class=quad,
        goldstein=goldstein,
        status=status,
        place=None,
        place_country=None,
        lat=None,
        lon=None,
        num_mentions=1,
        num_sources=1,
        num_articles=1,
        story=None,
        document=None,
        evidence=None,
        trigger=None,
        rule=None,
        confidence=None,
    )


EVENTS = [
    event("2025-10-27", 1, 1.0),
    event("2025-10-28", 4, -10.0),
    event("2025-10-29", 1, 3.0),
    event("2025-11-03", 3, -4.0),
    event(None, 1, 1.0),
]


def test_monthly_series_counts_each_quad_and_computes_the_index():
    series = dyad_series(EVENTS, "month")
    october, november = series
    assert series.undated == 1  # the undated event is in no period, but counted
    assert (october.period, october.events, october.verbal_cooperation, october.material_conflict) == (
        "2025-10",
        3,
        2,
        1,
    )
    assert october.cooperation_index == pytest.approx((2 - 1) / 3, abs=1e-3)
    assert october.mean_goldstein == pytest.approx(-2.0)
    assert (november.period, november.verbal_conflict, november.cooperation_index) == ("2025-11", 1, -1.0)


@pytest.mark.parametrize(
    "status, counted",
    [("occurred", True), ("planned", True), ("historical", True), ("negated", False), ("hypothetical", False)],
)
def test_negated_and_hypothetical_events_are_not_counted_in_a_period(status, counted):
    series = dyad_series([event("2025-10-27", 1, 1.0), event("2025-10-28", 4, -10.0, status=status)], "month")
    (october,) = series
    assert october.events == (2 if counted else 1)
    assert october.material_conflict == (1 if counted else 0)
    assert series.unrealised == (0 if counted else 1)


@pytest.mark.parametrize(
    "day, by, label, start",
    [
        ("2025-10-29", "week", "2025-W44", "2025-10-27"),
        ("2025-01-01", "week", "2025-W01", "2024-12-30"),
        ("2025-10-29", "day", "2025-10-29", "2025-10-29"),
        ("2025-10-29", "month", "2025-10", "2025-10-01"),
    ],
)
def test_periods(day, by, label, start):
    from datetime import date

    got_label, got_start = period_of(date.fromisoformat(day), by)
    assert (got_label, got_start.isoformat()) == (label, start)


def test_unknown_period_is_an_error():
    with pytest.raises(ValueError):
        dyad_series(EVENTS, "year")


def test_network_weights_links_and_folds_countries():
    edges = network(EVENTS + [event("2025-10-30", 2, 6.0, source="Xi Jinping", target="Donald Trump")], "country")
    (edge,) = edges
    assert (edge.source, edge.target, edge.events, edge.cooperative, edge.conflictual) == ("CHN", "USA", 6, 4, 2)
    by_actor = network(EVENTS + [event("2025-10-30", 2, 6.0, source="Xi Jinping", target="Donald Trump")])
    assert [(e.source, e.events) for e in by_actor] == [("China", 5), ("Xi Jinping", 1)]


def test_mean_tone_counts_each_reporting_document_once():
    one, two, three = event("2025-10-27", 1, 1.0), event("2025-10-28", 4, -10.0), event("2025-11-03", 3, -4.0)
    two.id, three.id = 2, 3
    # documents 10 and 11 report events 1 and 2 (10 reports both); document 12 reports event 3
    tones = {1: {10: -2.0, 11: 4.0}, 2: {10: -2.0}, 3: {12: -1.5}}
    october, november = dyad_series([one, two, three], "month", tones)
    assert october.mean_tone == 1.0  # (-2 + 4) / 2, not (-2 + 4 - 2) / 3
    assert november.mean_tone == -1.5
    assert dyad_series([one], "month")[0].mean_tone is None  # without tones
