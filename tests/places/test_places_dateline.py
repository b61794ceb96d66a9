from __future__ import annotations

import pytest

from dragoman.places import Gazetteer
from dragoman.places.dateline import dateline_place
from dragoman.records import Article


@pytest.mark.parametrize(
    ("text", "name", "country", "span"),
    [
        ("WASHINGTON (Reuters) - The U.S. said on Monday ...", "Washington", "USA", "WASHINGTON"),
        ("KABUL, Afghanistan — Taliban fighters ...", "Kabul", "AFG", "KABUL"),
        ("NEW YORK (AP) — A jury ...", "New York City", "USA", "NEW YORK"),
        ("LONDON, 12 March (AFP) -- Britain ...", "London", "GBR", "LONDON"),
        ("BEIRUT, March 3 — Syria ...", "Beirut", "LBN", "BEIRUT"),
        ("Nairobi (AFP) - Kenya ...", "Nairobi", "KEN", "Nairobi"),  # mixed case with an agency
        ("PARIS, Texas — A man ...", "Paris", "USA", "PARIS"),  # the region picks the country
        ("ONCUPINAR, TURKEY — Refugees ...", "Turkey", "TUR", "TURKEY"),  # unknown village: its country
    ],
)
def test_dateline_place(gazetteer: Gazetteer, text: str, name: str, country: str, span: str) -> None:
    article = Article("d", text, "test")
    place = dateline_place(article, gazetteer)
    assert place is not None and (place.name, place.country) == (name, country)
    assert place.span is not None and place.span.text == span
    assert article.text[place.span.start:place.span.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "The focus was how to combat militants - and where.",  # no capitals
        "Paris - the city of light - hosted talks.",  # mixed case without an agency
        "UNITED NATIONS (AP) — The council ...",  # not a place in the gazetteer
        "NATO — The alliance ...",  # an acronym is no town
        "Saturday, April 4, 2009\n\nPolitical activist ...",  # a date line, not a dateline
        "Officials in KABUL — said nothing.",  # not at the start
    ],
)
def test_no_dateline(gazetteer: Gazetteer, text: str) -> None:
    assert dateline_place(Article("d", text, "test"), gazetteer) is None


def test_dateline_field_when_the_text_has_none(gazetteer: Gazetteer) -> None:
    article = Article("d", "Turkey closed the border.", "test", metadata={"dateline": "ISTANBUL"})
    place = dateline_place(article, gazetteer)
    assert place is not None and place.name == "Istanbul" and place.span is None
    assert dateline_place(Article("d", "x", "test", metadata={"dateline": "WHITE HOUSE"}), gazetteer) is None
