"""CAMEO actor codes in the GDELT export, checked against facts of the CAMEO actor codebook and GDELT's
lookup tables: knowledge-base organisations and countries as CAMEO codes them, and a real export of
coded sentences read with pandas' defaults as a GDELT user reads the file."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.export.cameo_actors import cameo_actor, cameo_country, codebook, role_religion
from accord.export.gdelt import COLUMNS
from accord.kb import load_kb

from . import ingested

runner = CliRunner()

# kb organisation id -> (Actor1Code, KnownGroupCode, Type1Code, Religion1Code), as the CAMEO codebook has them
ORGANIZATIONS = [
    ("eu", "IGOEUREEC", "EEC", "IGO", ""),
    ("nato", "IGOWSTNAT", "NAT", "IGO", ""),
    ("g7", "IGOBUSGOS", "GOS", "IGO", ""),
    ("un", "IGOUNO", "UNO", "IGO", ""),
    ("unhcr", "IGOUNOREFHCR", "UNO", "IGO", ""),
    ("who", "IGOUNOHLHWHO", "UNO", "IGO", ""),
    ("imf", "IGOBUSIMF", "IMF", "IGO", ""),
    ("world-bank", "IGOUNODEVWBK", "UNO", "IGO", ""),
    ("osce", "IGOEURSCE", "SCE", "IGO", ""),
    ("au", "IGOAFRAFU", "", "IGO", ""),
    ("ecowas", "IGOWAFWAS", "WAS", "IGO", ""),
    ("arab-league", "IGOMEAARL", "ARL", "IGO", ""),
    ("oic", "IGOMOSOIC", "OIC", "IGO", "MOS"),
    ("asean", "IGOSEAASN", "ASN", "IGO", ""),
    ("icc", "IGOJUDICC", "ICC", "IGO", ""),
    ("amnesty", "NGOHRIAMN", "AMN", "NGO", ""),
    ("hrw", "NGOHRIHRW", "HRW", "NGO", ""),
    ("msf", "NGOHLHMSF", "MSF", "NGO", ""),
    ("icrc", "NGOHLHIRC", "IRC", "NGO", ""),
    ("hamas", "PSEREBHMS", "HMS", "REB", ""),
    ("hezbollah", "LBNREBHEZ", "HEZ", "REB", ""),
    ("taliban", "AFGREBTAL", "TAL", "REB", ""),
    ("al-qaeda", "IMGMOSALQ", "ALQ", "IMG", "MOS"),
    ("reuters", "GBRMEDRTR", "", "MED", ""),
    ("kla", "KSVREBKLA", "", "REB", ""),
]


@pytest.mark.parametrize("org_id, code, group, type1, religion", ORGANIZATIONS)
def test_organizations_in_cameo_codes(org_id, code, group, type1, religion):
    org = load_kb().organizations[org_id]
    actor = cameo_actor(org.code, org.country, org.sector)
    assert (actor.code, actor.group, actor.types[0], (actor.religions or ("",))[0]) == (code, group, type1, religion)


@pytest.mark.parametrize(
    "iso3, cameo", [("ROU", "ROM"), ("TLS", "TMP"), ("MNE", "MTN"), ("XKX", "KSV"), ("SRB", "SRB"), ("COD", "COD")]
)
def test_cameo_country_codes(iso3, cameo):
    assert iso3 in load_kb().countries  # accord keeps ISO-3 in its own tables
    assert cameo_country(iso3) == cameo


def test_no_rel_type_and_religion_codes_from_roles():
    book = codebook()
    assert "REL" not in book.types and {"CHR", "CTH", "MOS", "JEW", "BUD", "HIN"} <= book.religions
    assert "EUR" not in book.known_groups  # CAMEO's EUR is Europe, a region
    assert role_religion("Archbishop") == "CHR" and role_religion("former Imam") == "MOS"
    assert role_religion("Pope") == "CTH" and role_religion("Rabbi") == "JEW" and role_religion("Cleric") == ""
    archbishop = cameo_actor("GBRREL", "GBR", "REL", "Archbishop")
    assert (archbishop.code, archbishop.types, archbishop.religions) == ("GBRCHR", (), ("CHR",))
    cleric = cameo_actor("GBRREL", "GBR", "REL", None)
    assert (cleric.code, cleric.types, cleric.religions) == ("GBR", (), ())


SENTENCES = """The European Union criticised Romania on Monday.
NATO condemned the Taliban in Kabul.
Archbishop Justin Welby met Pope Francis in Rome.
The G7 urged Timor-Leste to reform.
Israeli troops attacked Hamas in Gaza.
Amnesty International accused China in Beijing.
"""

# actor name as the export writes it -> (Code, CountryCode, KnownGroupCode, Type1Code, Religion1Code)
EXPECTED_ACTORS = {
    "EUROPEAN UNION": ("IGOEUREEC", "", "EEC", "IGO", ""),
    "ROMANIA": ("ROM", "ROM", "", "", ""),
    "NORTH ATLANTIC TREATY ORGANIZATION": ("IGOWSTNAT", "", "NAT", "IGO", ""),
    "TALIBAN": ("AFGREBTAL", "AFG", "TAL", "REB", ""),
    "GROUP OF SEVEN": ("IGOBUSGOS", "", "GOS", "IGO", ""),
    "EAST TIMOR": ("TMP", "TMP", "", "", ""),
    "HAMAS": ("PSEREBHMS", "PSE", "HMS", "REB", ""),
    "AMNESTY INTERNATIONAL": ("NGOHRIAMN", "", "AMN", "NGO", ""),
}


@pytest.mark.model
def test_gdelt_export_read_with_pandas(store_url, pipeline, tmp_path):
    """A real export of coded sentences, read with pandas' defaults under GDELT's column names."""
    article = tmp_path / "codes.txt"
    article.write_text(SENTENCES, encoding="utf-8")
    db = ingested(store_url, pipeline, (article,))
    try:
        url = db.store.engine.url.render_as_string(hide_password=False)
        result = runner.invoke(app, ["--db", url, "export", "events", "--format", "gdelt"])
    finally:
        db.close()
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(io.StringIO(result.stdout), sep="\t", header=None)
    assert frame.shape[1] == 61
    frame.columns = list(COLUMNS)
    frame = frame.astype(object).where(frame.notna(), "").astype(str)
    found: dict[str, tuple[str, ...]] = {}
    for side in ("Actor1", "Actor2"):
        fields = ["Code", "CountryCode", "KnownGroupCode", "Type1Code", "Religion1Code"]
        for _, row in frame.iterrows():
            found[row[f"{side}Name"]] = tuple(row[f"{side}{f}"] for f in fields)
    for name, expected in EXPECTED_ACTORS.items():
        assert found.get(name) == expected, name
    for column in ("Actor1Type1Code", "Actor1Type2Code", "Actor2Type1Code", "Actor2Type2Code"):
        assert "REL" not in set(frame[column])
    welby = [codes for name, codes in found.items() if "WELBY" in name]
    assert welby and welby[0][4] == "CHR" and welby[0][3] == ""  # no type, religion CHR
    places = dict(zip(frame["ActionGeo_Fullname"], zip(frame["ActionGeo_CountryCode"], frame["ActionGeo_ADM1Code"])))
    assert places.get("Gaza, Palestine") == ("GZ", "GZ")
    assert places.get("Beijing, China") == ("CH", "CH22")
