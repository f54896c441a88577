"""GDELT 2.0 event TSV: written by `accord export events --format gdelt`, read back with the csv module
under GDELT's own 61 column names, and checked field by field against the database."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from accord.cli import app
from accord.export.cameo_actors import cameo_actor, cameo_country
from accord.export.gdelt import COLUMNS, split_actor_code

from ..conftest import SHARED

pytestmark = pytest.mark.model
runner = CliRunner()
COLUMNS_FILE = SHARED / "reference" / "gdelt" / "gdelt2_event_columns_61.txt"


@pytest.fixture
def gdelt_columns() -> list[str]:
    if not COLUMNS_FILE.exists():
        pytest.skip(f"GDELT's column list is not at {COLUMNS_FILE} (../shared is absent)")
    names = [line.strip() for line in COLUMNS_FILE.read_text().splitlines() if line.strip()]
    assert len(names) == 61
    return names


def read_tsv(data: str, names: list[str]) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(data), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == 61 for row in rows)
    return [dict(zip(names, row)) for row in rows]


def first_reports(db) -> dict[int, dict]:
    """Per merged event, the first report's actor codes, sentence position and document, by plain SQL."""
    query = text("""
        SELECT g.pk, sa.code AS s_code, sa.sector AS s_sector, ta.code AS t_code, ta.sector AS t_sector,
               d.url, d.origin, e.sentence_start,
               (SELECT s.start_char FROM sentences s WHERE s.doc_pk = e.doc_pk AND s.idx = 0) AS opening
        FROM event_groups g
        JOIN events e ON e.doc_pk = g.first_doc_pk AND e.event_id = g.first_event_id
        JOIN documents d ON d.pk = g.first_doc_pk
        LEFT JOIN actors sa ON sa.doc_pk = e.doc_pk AND sa.actor_id = e.source
        LEFT JOIN actors ta ON ta.doc_pk = e.doc_pk AND ta.actor_id = e.target""")
    with db.store.engine.connect() as conn:
        return {r.pk: dict(r._mapping) for r in conn.execute(query)}


def mean_tones(db) -> dict[int, float]:
    """Per merged event, the mean tone of the documents that report it, by plain SQL."""
    query = text("""
        SELECT m.group_pk, AVG(d.tone) AS tone
        FROM (SELECT DISTINCT group_pk, doc_pk FROM event_members) m JOIN documents d ON d.pk = m.doc_pk
        GROUP BY m.group_pk""")
    with db.store.engine.connect() as conn:
        return {r.group_pk: r.tone for r in conn.execute(query)}


def test_gdelt_tsv_matches_the_database(db, gdelt_columns, tmp_path):
    assert list(COLUMNS) == gdelt_columns
    out = tmp_path / "events.tsv"
    result = runner.invoke(app, ["--db", db_url(db), "export", "events", "--format", "gdelt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    events = {e.id: e for e in db.events() if e.status not in ("negated", "hypothetical")}
    assert f"wrote {len(events)} events" in result.stderr and str(out) in result.stderr
    rows = read_tsv(out.read_text(encoding="utf-8"), gdelt_columns)
    assert [int(r["GLOBALEVENTID"]) for r in rows] == list(events)
    firsts = first_reports(db)
    avg_tones = mean_tones(db)
    roots = 0
    for row in rows:
        e, first = events[int(row["GLOBALEVENTID"])], firsts[int(row["GLOBALEVENTID"])]
        day_of = e.date or "-".join((row["DATEADDED"][:4], row["DATEADDED"][4:6], row["DATEADDED"][6:8]))
        year, month, day = (int(p) for p in day_of.split("-"))
        assert row["SQLDATE"] == day_of.replace("-", "")
        assert row["MonthYear"] == day_of[:7].replace("-", "") and row["Year"] == day_of[:4]
        assert row["FractionDate"] == f"{year + (month * 30 + day) / 365:.4f}"
        for n, name, country, code, sector in (
            (1, e.source, e.source_country, first["s_code"], first["s_sector"]),
            (2, e.target, e.target_country, first["t_code"], first["t_sector"]),
        ):
            assert row[f"Actor{n}Name"] == (name or "").upper()
            assert row[f"Actor{n}CountryCode"] == cameo_country(country)  # CAMEO's code: ISO-3 but ROM, TMP…
            if name:
                actor = cameo_actor(code or (country or "") + (sector or ""), country, sector)
                assert row[f"Actor{n}Code"] == actor.code
                assert row[f"Actor{n}Type1Code"] == (actor.types[0] if actor.types else "")
                assert row[f"Actor{n}Type1Code"] != "REL"  # CAMEO has no religious type
            assert row[f"Actor{n}EthnicCode"] == ""
        assert row["EventCode"] == e.cameo and row["EventBaseCode"] == e.cameo[:3]
        assert row["EventRootCode"] == e.cameo[:2]
        assert int(row["QuadClass"]) == e.quad_class and float(row["GoldsteinScale"]) == e.goldstein
        assert (int(row["NumMentions"]), int(row["NumSources"]), int(row["NumArticles"])) == (
            e.num_mentions,
            e.num_sources,
            e.num_articles,
        )
        assert float(row["AvgTone"]) == pytest.approx(avg_tones[e.id], abs=1e-4)
        is_root = first["sentence_start"] == first["opening"]
        assert row["IsRootEvent"] == ("1" if is_root else "0")
        roots += is_root
        for column, value in (("ActionGeo_Lat", e.lat), ("ActionGeo_Long", e.lon)):
            assert (row[column] == "") if value is None else (float(row[column]) == value)
        assert row["Actor1Geo_Type"] == row["Actor2Geo_Type"] == "0" and row["Actor1Geo_Fullname"] == ""
        assert len(row["DATEADDED"]) == 14 and row["DATEADDED"].isdigit()
        assert row["SOURCEURL"] == (first["url"] or first["origin"])
    assert roots > 0
    assert any(r["SOURCEURL"].startswith("https://") for r in rows)  # the feed items carry their URL


def test_header_and_dyad_filter(db, gdelt_columns):
    result = runner.invoke(
        app, ["--db", db_url(db), "export", "events", "--format", "gdelt", "--header", "--dyad", "CHN-USA"]
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == gdelt_columns
    rows = read_tsv("\n".join(lines[1:]), gdelt_columns)
    assert rows and {int(r["GLOBALEVENTID"]) for r in rows} == {e.id for e in db.events(dyad=("CHN", "USA"))}
    for row in rows:
        assert {row["Actor1CountryCode"], row["Actor2CountryCode"]} == {"CHN", "USA"}


def test_action_geo_from_the_places_table(db, gdelt_columns):
    """Places written into three events: a world city, a US city and a country, with GDELT's codes."""
    from accord.export.gdelt import gdelt_rows

    chosen = [e.id for e in db.events()][:3]
    places = [
        ("Geneva", "CHE", "city", 46.20222, 6.14569, 2660646),
        ("Anchorage", "USA", "city", 61.21806, -149.90028, 5879400),
        ("China", "CHN", "country", 35.0, 105.0, 1814991),
    ]
    with db.store.engine.begin() as conn:
        for pk, (name, country, feature, lat, lon, geonames_id) in zip(chosen, places):
            doc_pk, event_id = conn.execute(
                text("SELECT first_doc_pk, first_event_id FROM event_groups WHERE pk = :pk"), {"pk": pk}
            ).one()
            place_id = f"p9{pk}"
            conn.execute(
                text(
                    "INSERT INTO places (doc_pk, place_id, start_char, end_char, text, name, country, "
                    "feature, lat, lon, geonames_id) VALUES (:doc, :pid, 0, 1, :name, :name, :country, "
                    ":feature, :lat, :lon, :gid)"
                ),
                {
                    "doc": doc_pk,
                    "pid": place_id,
                    "name": name,
                    "country": country,
                    "feature": feature,
                    "lat": lat,
                    "lon": lon,
                    "gid": geonames_id,
                },
            )
            conn.execute(
                text("UPDATE events SET place = :pid WHERE doc_pk = :doc AND event_id = :eid"),
                {"pid": place_id, "doc": doc_pk, "eid": event_id},
            )
            conn.execute(
                text(
                    "UPDATE event_groups SET place_name = :name, place_country = :country, lat = :lat, "
                    "lon = :lon WHERE pk = :pk"
                ),
                {"name": name, "country": country, "lat": lat, "lon": lon, "pk": pk},
            )
    rows = {int(r[0]): dict(zip(gdelt_columns, r)) for r in gdelt_rows(db)}
    geneva, anchorage, china = (rows[pk] for pk in chosen)
    geo = [
        "ActionGeo_Type",
        "ActionGeo_Fullname",
        "ActionGeo_CountryCode",
        "ActionGeo_ADM1Code",
        "ActionGeo_Lat",
        "ActionGeo_Long",
        "ActionGeo_FeatureID",
    ]
    assert [geneva[c] for c in geo] == ["4", "Geneva, Switzerland", "SZ", "SZ", "46.20222", "6.14569", "2660646"]
    assert [anchorage[c] for c in geo] == [
        "3",
        "Anchorage, United States",
        "US",
        "USAK",
        "61.21806",
        "-149.90028",
        "5879400",
    ]
    assert [china[c] for c in geo] == ["1", "China", "CH", "CH", "35.0", "105.0", "CH"]


@pytest.mark.parametrize(
    "code, country, sector, expected",
    [
        ("IGOAPC", None, "IGO", ("", ["IGO"])),  # APC is accord's own group code, not CAMEO's
        ("IGOEUREEC", None, "IGO", ("EEC", ["IGO"])),  # EUR is a region: no known group, no type
        ("CODREBM23", "COD", "REB", ("", ["REB"])),
        ("CHNGOV", "CHN", "GOV", ("", ["GOV"])),
        ("USAGOVMIL", "USA", "GOV", ("", ["GOV", "MIL"])),
        ("FRA", "FRA", None, ("", [])),
    ],
)
def test_actor_code_parts(code, country, sector, expected):
    assert split_actor_code(code, country, sector) == expected


@pytest.mark.parametrize(
    "args, message",
    [
        (["export", "quotes", "--format", "gdelt"], "events only"),
        (["export", "actors", "--format", "plover"], "events only"),
        (["export", "events", "--format", "parquet"], "standard output"),
        (["export", "events", "--format", "csv", "--header"], "--header"),
        (["export", "events", "--dyad", "CHN"], "--dyad"),
        (["export", "events", "--since", "Octember"], "--since"),
    ],
)
def test_usage_errors(args, message, tmp_path):
    result = runner.invoke(app, ["--db", str(tmp_path / "empty.db"), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def db_url(db) -> str:
    return db.store.engine.url.render_as_string(hide_password=False)
