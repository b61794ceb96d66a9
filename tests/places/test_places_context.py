"""Place and date of coded events end to end: the coder passes the CAMEO code, the place finder
picks the predicate's locative or, for a statement, the dateline (hand-written articles)."""

from __future__ import annotations

import datetime as dt

from dragoman.pipeline import Pipeline, code_article
from dragoman.places.context import place_finder
from dragoman.records import Article, CodedArticle, Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    coded = code_article(pipeline, Article("t", text, "test", date=dt.date(2018, 5, 1)))
    assert isinstance(coded, CodedArticle)
    return coded.events


def _places(events: tuple[Event, ...], root: str) -> set[str | None]:
    return {e.place.name if e.place else None for e in events if e.root == root}


def test_statement_takes_the_dateline_not_the_place_it_names(pipeline: Pipeline) -> None:
    events = _events(pipeline, "KABUL, Afghanistan — The Afghan government condemned the Iranian attack in Herat.")
    assert _places(events, "11") == {"Kabul"}


def test_a_foreign_statement_is_not_placed_at_the_dateline(pipeline: Pipeline) -> None:
    # the dateline says where the reporter filed from, not where Iran spoke
    events = _events(pipeline, "KABUL, Afghanistan — Iran condemned the Afghan attack in Herat.")
    assert _places(events, "11") == {None}


def test_statement_with_a_locative_of_its_own(pipeline: Pipeline) -> None:
    events = _events(pipeline, "KABUL, Afghanistan — Iran condemned the Afghan attack in Herat in a statement in Tehran.")
    assert _places(events, "11") == {"Tehran"}


def test_material_act_keeps_its_own_place(pipeline: Pipeline) -> None:
    events = _events(pipeline, "WASHINGTON (Reuters) - Police arrested five protesters at a rally in Cairo.")
    assert _places(events, "17") == {"Cairo"}


def test_material_act_without_a_place_does_not_take_the_dateline(pipeline: Pipeline) -> None:
    events = _events(pipeline, "WASHINGTON (Reuters) - Egyptian police arrested five protesters.")
    assert _places(events, "17") == {None}


def test_place_finder_by_code(pipeline: Pipeline) -> None:
    # the dateline is read from Article.text, not from the parsed sentences: a dateline the
    # clean stage removed (a span of its own) still counts
    text = "KABUL, Afghanistan — Iran condemned the attack in Herat."
    article = Article("t", text, "test", date=dt.date(2018, 5, 1))
    doc = pipeline.nlp.nlp(text)
    sentence = next(s for s in doc.sents if "condemned" in s.text)
    place_of = place_finder(article, pipeline.gazetteer)
    place = place_of(sentence, text.index("condemned"), (), "111", "AFG")
    assert place is not None and place.name == "Kabul"
    assert place_of(sentence, text.index("condemned"), (), "111", "IRN") is None  # Iran did not speak in Kabul
    assert place_of(sentence, text.index("condemned"), (), "042") is None  # a visit is where the visitor goes
    place = place_of(sentence, text.index("condemned"), ())  # no code: a material act, placed in its object
    assert place is not None and place.name == "Herāt"


def test_a_date_in_a_clause_on_another_noun_does_not_date_the_event(pipeline: Pipeline) -> None:
    # "agreed to on Tuesday" dates the truce, not Russia's blame; a date of the blame's own clause dates it
    blame = [e for e in _events(pipeline, "Russia blamed the rebels for breaking the truce agreed to on Tuesday.") if e.root == "11"]
    assert blame and all(e.date == dt.date(2018, 5, 1) for e in blame)
    dated = [e for e in _events(pipeline, "Russia blamed the rebels on Monday for breaking the truce.") if e.root == "11"]
    assert dated and all(e.date == dt.date(2018, 4, 30) for e in dated)
