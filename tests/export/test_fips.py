"""GDELT's place codes for accord's places: FIPS 10-4 country codes and ADM1 codes from GeoNames' admin1
codes where those are FIPS (Beijing CH22), the country code alone where they are not (Paris FR), and
ISO's Palestine split into the Gaza Strip (GZ) and the West Bank (WE)."""

from __future__ import annotations

import pytest

from accord.export import PlaceInfo
from accord.export.fips import adm1_code, division, fips_code, place_country
from accord.export.gdelt import _geo_fields

# name, ISO-3, feature, lat, lon, GeoNames id -> ActionGeo Type, CountryCode, ADM1Code, FeatureID
PLACES = [
    (("Beijing", "CHN", "city", 39.9075, 116.39723, 1816670), ("4", "CH", "CH22", "1816670")),
    (("Moscow", "RUS", "city", 55.75222, 37.61556, 524901), ("4", "RS", "RS48", "524901")),
    (("Toronto", "CAN", "city", 43.70011, -79.4163, 6167865), ("4", "CA", "CA08", "6167865")),
    (("Paris", "FRA", "city", 48.85341, 2.3488, 2988507), ("4", "FR", "FR", "2988507")),
    (("London", "GBR", "city", 51.50853, -0.12574, 2643743), ("4", "UK", "UK", "2643743")),
    (("Gaza", "PSE", "city", 31.50161, 34.46672, 281133), ("4", "GZ", "GZ", "281133")),
    (("Ramallah", "PSE", "city", 31.89964, 35.20422, 282239), ("4", "WE", "WE", "282239")),
    (("Gaza Strip", "PSE", "other", 31.45, 34.4, None), ("4", "GZ", "GZ", "")),
    (("West Bank", "PSE", "other", 31.95, 35.25, None), ("4", "WE", "WE", "")),
    (("Khan Younis", "PSE", "other", 31.34, 34.3, None), ("4", "GZ", "GZ", "")),
    (("Guangdong", "CHN", "admin1", 23.5, 113.5, None), ("5", "CH", "CH30", "CH30")),
    (("Ontario", "CAN", "admin1", 50.0, -85.0, None), ("5", "CA", "CA08", "CA08")),
    (("Scotland", "GBR", "admin1", 56.5, -4.2, None), ("5", "UK", "UK", "")),
    (("Anchorage", "USA", "city", 61.21806, -149.90028, 5879400), ("3", "US", "USAK", "5879400")),
    (("China", "CHN", "country", 35.0, 105.0, 1814991), ("1", "CH", "CH", "CH")),
]


@pytest.mark.parametrize("place, expected", PLACES)
def test_action_geo_codes(place, expected):
    row = _geo_fields(PlaceInfo(*place))
    assert (row[0], row[2], row[3], row[7]) == expected


def test_fips_pieces():
    assert fips_code("CHN") == "CH" and fips_code("ROU") == "RO" and fips_code(None) == ""
    assert division("Beijing", "CHN", "city", 1816670) == "CN.22"
    assert place_country("Gaza", "PSE", "PS.GZ", None, None) == "GZ"
    assert place_country("Jenin", "PSE", None, 32.46, 35.3) == "WE"  # outside the Gaza Strip's box
    assert adm1_code("CH", "CHN", "CN.22") == "CH22"
    assert adm1_code("FR", "FRA", "FR.11") == "FR"  # GeoNames' French regions are not FIPS codes
    assert adm1_code("CH", "CHN", None) == "CH" and adm1_code("", None, None) == ""
