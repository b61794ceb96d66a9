"""`dragoman explain` shows the acts it did not code, with their assertion and reason."""

from __future__ import annotations

import datetime as dt

from dragoman.api import explain
from dragoman.pipeline import Pipeline
from dragoman.records import Article


def test_explain_shows_unasserted_acts_with_their_reason(pipeline: Pipeline) -> None:
    text = "Russia could impose sanctions on Iran. Russia imposed sanctions on Iran on Monday."
    sentences = explain(pipeline, Article("t", text, "test", date=dt.date(2022, 7, 20)))
    possible, asserted = sentences[0].events, sentences[1].events
    assert possible and possible[0].startswith("(not coded: possible)") and "modal 'could'" in possible[0]
    assert asserted and not asserted[0].startswith("(not coded") and "asserted" in asserted[0]
