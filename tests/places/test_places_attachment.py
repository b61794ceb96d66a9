"""The event's place from the parse: the locative attached to its predicate (hand-written sentences)."""

from __future__ import annotations

import pytest

from dragoman.nlp import parse_article
from dragoman.pipeline import Pipeline
from dragoman.places.attachment import attached_place, is_statement, token_at
from dragoman.places.finder import place_phrases
from dragoman.records import Article


def _place(pipeline: Pipeline, text: str, trigger: str, statement: bool = False, exclude: str | None = None) -> str | None:
    article = Article("t", text, "test")
    doc = parse_article(pipeline.nlp, article, ())
    sentence = next(iter(doc.sents))
    anchor = text.index(trigger)
    token = token_at(sentence, anchor)
    assert token is not None
    phrases = place_phrases(sentence.text, sentence.start_char, article, pipeline.gazetteer)
    own = [(text.index(exclude), text.index(exclude) + len(exclude))] if exclude else []
    place = attached_place(token, phrases, own, statement)
    return place.name if place is not None else None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Kerry met Lavrov in Geneva on Tuesday.", "met", "Geneva"),
        ("Police arrested five protesters at a rally in Cairo.", "arrested", "Cairo"),  # the rally's place
        ("Militants attacked a base near Mogadishu.", "attacked", "Mogadishu"),  # inside the object
        ("Protesters gathered in London to protest the visit.", "protest", "London"),  # purpose infinitive
        ("The minister is in London to meet his British counterpart.", "meet", "London"),
        ("Iran wants to hold talks in Oman.", "talks", "Oman"),  # noun trigger, xcomp
    ],
)
def test_locative_of_the_predicate(pipeline: Pipeline, text: str, trigger: str, expected: str) -> None:
    assert _place(pipeline, text, trigger) == expected


def test_reporting_clause_place_is_not_the_reported_act(pipeline: Pipeline) -> None:
    # "officials in Nairobi" say where the officials are; the attack is in the complement clause
    text = "Officials in Nairobi said militants attacked a base near Mogadishu."
    assert _place(pipeline, text, "attacked") == "Mogadishu"
    text = "Officials in Nairobi said militants attacked a government base."
    assert _place(pipeline, text, "attacked") is None


def test_statement_is_not_placed_where_its_content_is(pipeline: Pipeline) -> None:
    text = "France said it would send troops to Syria."
    assert _place(pipeline, text, "said", statement=True) is None


def test_statement_is_not_placed_at_its_topic(pipeline: Pipeline) -> None:
    # the condemnation is not in Herat: that is where the attack was
    assert _place(pipeline, "Iran condemned the attack in Herat.", "condemned", statement=True) is None
    # nor at the speaker's own location given as a modifier of the speaker
    assert _place(pipeline, "Officials in Nairobi criticized Uganda.", "criticized", statement=True) is None


def test_statement_with_its_own_locative(pipeline: Pipeline) -> None:
    assert _place(pipeline, "The minister spoke in Tehran about the attack in Herat.", "spoke", statement=True) == "Tehran"


def test_topic_inside_the_scene_is_not_the_place(pipeline: Pipeline) -> None:
    text = "Police detained protesters in Moscow during a rally against the war in Crimea."
    assert _place(pipeline, text, "detained") == "Moscow"


def test_coordinated_act_is_not_placed_by_the_other_conjunct(pipeline: Pipeline) -> None:
    text = "Police arrested five men in Kabul and seized weapons."
    assert _place(pipeline, text, "seized") is None


def test_own_actor_is_no_place(pipeline: Pipeline) -> None:
    text = "Iran sold drones to Russia."
    assert _place(pipeline, text, "sold", exclude="Russia") is None


def test_statement_roots() -> None:
    assert is_statement("010") and is_statement("0431") and is_statement("112") and is_statement("130")
    assert not is_statement("141") and not is_statement("190") and not is_statement("0871")
