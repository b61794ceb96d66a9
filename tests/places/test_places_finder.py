from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dragoman.places import Gazetteer, event_place, find_places
from dragoman.records import Article, Place


def _places(text: str, gazetteer: Gazetteer, prefix: str = "") -> tuple[Place, ...]:
    article = Article("doc-1", prefix + text, "test")
    return find_places(text, len(prefix), article, gazetteer)


def _names(text: str, gazetteer: Gazetteer) -> list[tuple[str, str | None]]:
    return [(p.name, p.country) for p in _places(text, gazetteer)]


def test_in_tehran(gazetteer: Gazetteer) -> None:
    (place,) = _places("Iranian officials met in Tehran on Monday.", gazetteer)
    assert place.country == "IRN"
    assert abs(place.lat - 35.7) < 0.2 and abs(place.lon - 51.4) < 0.2


def test_summit_in_madrid(gazetteer: Gazetteer) -> None:
    assert _names("Leaders gathered at a NATO summit in Madrid.", gazetteer) == [("Madrid", "ESP")]


def test_coordinated_places(gazetteer: Gazetteer) -> None:
    places = _places("Turkish-backed fighters shelled positions in Tel Rifaat and Manbij.", gazetteer)
    assert [p.span.text for p in places if p.span] == ["Tel Rifaat", "Manbij"]
    assert {p.country for p in places} == {"SYR"}


def test_list_of_cities(gazetteer: Gazetteer) -> None:
    names = _names("Fighting raged in Kyiv, Kharkiv and Odesa on Tuesday.", gazetteer)
    assert [n for n, _ in names] == ["Kyiv", "Kharkiv", "Odesa"]


def test_to_and_from(gazetteer: Gazetteer) -> None:
    assert _names("He flew from Kyiv to Istanbul.", gazetteer) == [("Kyiv", "UKR"), ("Istanbul", "TUR")]


def test_black_sea(gazetteer: Gazetteer) -> None:
    (place,) = _places("Ships in the Black Sea were hit.", gazetteer)
    assert place.name == "Black Sea"


def test_direction_and_head_noun(gazetteer: Gazetteer) -> None:
    (syria,) = _places("Strikes hit targets in northern Syria.", gazetteer)
    assert syria.country == "SYR" and syria.span is not None and syria.span.text == "northern Syria"
    (town,) = _places("Protests erupted in the northern Syrian town of Tel Rifaat.", gazetteer)
    assert town.span is not None and town.span.text == "Tel Rifaat"


def test_north_korea_is_not_korea_plus_direction(gazetteer: Gazetteer) -> None:
    assert _names("Missiles were fired from North Korea.", gazetteer) == [("North Korea", "PRK")]


@pytest.mark.parametrize(
    "text",
    [
        "Turkey hosted talks with Russia.",  # an actor, not a place
        "A Washington-based think tank published a report.",
        "She spoke to Paris Hilton near Jordan Peterson.",  # person names equal to places
        "He met officials at the White House.",
        "The deal was signed at NATO headquarters.",
        "Elections are due in May.",
        "Officials close to Biden said so.",
    ],
)
def test_false_places(gazetteer: Gazetteer, text: str) -> None:
    assert _names(text, gazetteer) == []


def test_spans_point_into_article_text(gazetteer: Gazetteer) -> None:
    prefix = "First sentence here. "
    places = _places("Talks were held in Madrid.", gazetteer, prefix=prefix)
    (place,) = places
    assert place.span is not None
    assert place.span.doc_id == "doc-1"
    assert (prefix + "Talks were held in Madrid.")[place.span.start:place.span.end] == "Madrid"


def test_event_place_picks_the_clause_locative(gazetteer: Gazetteer) -> None:
    text = "Erdogan hosted talks in Istanbul; later he flew to Ankara."
    article = Article("d", text, "test")
    place = event_place(text, 0, article, gazetteer, anchor=text.index("hosted"))
    assert place is not None and place.name == "Istanbul"
    later = event_place(text, 0, article, gazetteer, anchor=text.index("flew"))
    assert later is not None and later.name == "Ankara"


def test_event_place_before_the_anchor(gazetteer: Gazetteer) -> None:
    text = "In Tehran, protesters clashed with police."
    article = Article("d", text, "test")
    place = event_place(text, 0, article, gazetteer, anchor=text.index("clashed"))
    assert place is not None and place.country == "IRN"


def test_event_place_none_without_locative(gazetteer: Gazetteer) -> None:
    text = "Turkey hosted talks with a Washington-based group."
    article = Article("d", text, "test")
    assert event_place(text, 0, article, gazetteer, anchor=text.index("hosted")) is None


def test_event_place_prefers_locative_over_direction(gazetteer: Gazetteer) -> None:
    text = "Troops who came from Moscow attacked a base in Kharkiv."
    article = Article("d", text, "test")
    place = event_place(text, 0, article, gazetteer, anchor=text.index("attacked"))
    assert place is not None and place.name == "Kharkiv"


_WORDS = st.sampled_from(
    ["in", "at", "Tehran", "Madrid", "and", ",", "the", "Black", "Sea", "northern", "Syria",
     "to", "Paris", "Hilton", "Kyiv", "met", "talks", "-based", "Washington", "of", "city", " "]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.text(max_size=8))
def test_spans_always_match_the_article(gazetteer: Gazetteer, words: list[str], prefix: str) -> None:
    text = " ".join(words)
    article = Article("h", prefix + text, "test")
    for place in find_places(text, len(prefix), article, gazetteer):
        assert place.span is not None
        assert article.text[place.span.start:place.span.end] == place.span.text


def test_the_place_an_attack_is_on(gazetteer: Gazetteer) -> None:
    assert _names("Jets carried out airstrikes on Kharkiv overnight.", gazetteer) == [("Kharkiv", "UKR")]
    assert _names("The assault against Kharkiv began.", gazetteer) == [("Kharkiv", "UKR")]


def test_on_after_other_words_is_no_place(gazetteer: Gazetteer) -> None:
    assert _names("The minister commented on Kharkiv's mayor.", gazetteer) == []
