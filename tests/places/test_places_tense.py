"""Tense of an event from the parse, and what it does to dates without a year (hand-written sentences)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Token

from dragoman.nlp import parse_article
from dragoman.pipeline import Pipeline, trace
from dragoman.places.tense import tense_at, tense_of
from dragoman.records import Article, Event


def _token(pipeline: Pipeline, text: str, word: str) -> Token:
    doc = parse_article(pipeline.nlp, Article("t", text, "test"), ())
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Police arrested five protesters.", "arrested", "past"),
        ("Police have arrested five protesters.", "arrested", "past"),
        ("Five protesters were arrested.", "arrested", "past"),
        ("Police will arrest the protesters.", "arrest", "future"),
        ("Police would arrest the protesters.", "arrest", None),
        ("Iran agreed to meet France.", "meet", None),
        ("Iran meets France.", "meets", None),
        ("Iran held talks with France.", "talks", "past"),  # a noun takes its verb's tense
    ],
)
def test_tense_of(pipeline: Pipeline, text: str, word: str, expected: str | None) -> None:
    assert tense_of(_token(pipeline, text, word)) == expected


def test_tense_at_climbs_to_the_verb(pipeline: Pipeline) -> None:
    assert tense_at(_token(pipeline, "Kerry met Lavrov on Tuesday.", "Tuesday")) == "past"
    assert tense_at(_token(pipeline, "Kerry will meet Lavrov on Tuesday.", "Tuesday")) == "future"


def _events(pipeline: Pipeline, text: str, date: str) -> tuple[Event, ...]:
    # dates are resolved for every candidate act; planned and background ones are kept visible here
    traced = trace(pipeline, Article("t", text, "test", date=dt.date.fromisoformat(date)))
    assert traced.rejection is None
    return traced.candidates


@pytest.mark.parametrize(
    ("text", "article_date", "expected"),
    [
        ("Kerry met Lavrov in Geneva on May 12.", "2018-05-01", "2017-05-12"),  # past: before the article
        ("Kerry will meet Lavrov in Geneva on May 12.", "2018-05-01", "2018-05-12"),
        ("Kerry met Lavrov in Geneva on Dec. 30.", "2017-01-02", "2016-12-30"),
        ("Iraq will hold talks with Iran on Jan. 3.", "2016-12-29", "2017-01-03"),
        ("Kerry will meet Lavrov in Geneva on Friday.", "2022-07-20", "2022-07-22"),  # a Wednesday
        ("Kerry met Lavrov in Geneva on Friday.", "2022-07-20", "2022-07-15"),
    ],
)
def test_event_date_follows_the_tense(pipeline: Pipeline, text: str, article_date: str, expected: str) -> None:
    events = _events(pipeline, text, article_date)
    assert events and {e.date.isoformat() for e in events if e.date} == {expected}
