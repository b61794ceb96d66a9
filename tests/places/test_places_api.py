from __future__ import annotations

import dragoman.places


def test_public_api_is_pinned() -> None:
    assert sorted(dragoman.places.__all__) == [
        "DateResolution",
        "Gazetteer",
        "GazetteerEntry",
        "Granularity",
        "Relation",
        "Tense",
        "event_place",
        "find_date_expressions",
        "find_places",
        "load_gazetteer",
        "locative_places",
        "normalise_name",
        "resolve_date",
    ]
    for name in dragoman.places.__all__:
        assert hasattr(dragoman.places, name)
