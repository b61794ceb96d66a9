"""`trace` runs the stages in the order pipeline.py knows, with the settings, and keeps each result."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dragoman.errors import ArticleError
from dragoman.pipeline import STAGES, Pipeline, code_article, trace
from dragoman.records import Article, CodedArticle

TEXT = (
    "Russia could impose sanctions on Iran. Russia imposed sanctions on Iran on Monday. "
    "“We will answer,” Iran's foreign minister said.\n\nSign up for our newsletter to get the latest news."
)


def _article() -> Article:
    return Article("t", TEXT, "test", date=dt.date(2022, 7, 20))


def _with(pipeline: Pipeline, **sections: dict[str, object]) -> Pipeline:
    settings = pipeline.settings
    for name, values in sections.items():
        settings = dataclasses.replace(settings, **{name: dataclasses.replace(getattr(settings, name), **values)})
    return dataclasses.replace(pipeline, settings=settings)


def test_a_trace_keeps_each_stage_and_code_article_is_its_result(pipeline: Pipeline) -> None:
    t = trace(pipeline, _article())
    assert t.stages == STAGES and t.rejection is None
    assert t.removed and t.doc is not None and t.actors and t.quotes and t.events
    assert t.result == code_article(pipeline, _article())
    # the candidates hold what the settings do not emit: the possible sanctions of the first sentence
    assert {e.assertion for e in t.candidates} - {e.assertion for e in t.events} == {"possible"}


def test_a_trace_stops_where_asked(pipeline: Pipeline) -> None:
    t = trace(pipeline, _article(), until="actors")
    assert t.stages == ("clean", "nlp", "actors") and t.actors and not t.quotes and not t.events
    with pytest.raises(ValueError, match="stopped after"):
        t.result


def test_the_settings_reach_every_stage_of_a_trace(pipeline: Pipeline) -> None:
    assert not trace(_with(pipeline, clean={"enabled": False}), _article()).removed
    article = Article("p", "Angela Merkel arrived in Paris on Monday. The talks lasted all day. She said no.", "test", date=dt.date(2016, 5, 1))
    seen = {m.span.text: m.actor.name for m in trace(pipeline, article, until="actors").actors}
    assert seen.get("She") == "Angela Merkel"  # two sentences back, within the default window of 3
    blind = {m.span.text: m.actor.name for m in trace(_with(pipeline, actors={"pronoun_window": 1}), article, until="actors").actors}
    assert blind.get("She") != "Angela Merkel"


def test_a_failing_stage_is_named_in_the_rejection(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    import dragoman.pipeline as stages

    def broken(*args: object, **kwargs: object) -> object:
        raise ArticleError("no quotes", "the quotes stage could not read this")

    monkeypatch.setattr(stages, "extract_quotes", broken)
    t = trace(pipeline, _article())
    assert t.stages == ("clean", "nlp", "actors") and t.actors
    assert t.rejection is not None and t.rejection.stage == "quotes" and t.rejection.reason == "no quotes"
    assert t.result == t.rejection
    assert not isinstance(code_article(pipeline, _article()), CodedArticle)
