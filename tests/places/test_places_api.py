from __future__ import annotations

import dragoman.places


def test_public_api_is_pinned() -> None:
    assert sorted(dragoman.places.__all__) == [
        "DateFinder",
        "DateResolution",
        "Gazetteer",
        "GazetteerEntry",
        "Granularity",
        "PlaceFinder",
        "Relation",
        "Tense",
        "date_finder",
        "event_place",
        "find_date_expressions",
        "find_places",
        "gazetteer_sources",
        "load_gazetteer",
        "locative_places",
        "normalise_name",
        "place_finder",
        "resolve_date",
    ]
    for name in dragoman.places.__all__:
        assert hasattr(dragoman.places, name)
