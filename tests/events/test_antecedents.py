"""Event nouns that refer back: a verbal act about "the attack" is aimed at whoever attacked."""

from __future__ import annotations

import datetime as dt

from dragoman.events.antecedents import load_event_nouns
from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle


def _events(pipeline: Pipeline, text: str) -> list[tuple[str | None, str | None, str, str]]:
    coded = code_article(pipeline, Article("a", text, "test", date=dt.date(2016, 5, 1)))
    assert isinstance(coded, CodedArticle)
    return [(e.source.actor.code, e.target.actor.code if e.target else None, e.root, e.rule) for e in coded.events]


def test_a_condemned_act_gives_the_condemnation_its_target(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Russian warplanes bombed rebel positions in Aleppo on Monday. Turkey condemned the attack on Tuesday. "
                               "The United States imposed sanctions on Iran. Iran denounced the sanctions.")
    assert ("TUR", "RUSMIL", "11", "condemn.stmt+antecedent") in events
    assert ("IRN", "USA", "11", "denounce.stmt+antecedent") in events


def test_no_earlier_act_of_that_kind_no_target(pipeline: Pipeline) -> None:
    events = _events(pipeline, "The United States imposed sanctions on Iran. Turkey condemned the attack on Tuesday.")
    assert not [e for e in events if e[3].endswith("+antecedent")]


def test_event_nouns_name_cameo_roots() -> None:
    nouns = load_event_nouns()
    assert nouns.roots["sanction"] == frozenset({"16"}) and "19" in nouns.roots["attack"]
