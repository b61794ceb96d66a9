"""Batched coding (``code_articles``) gives exactly what coding one article at a time gives."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dragoman.errors import ArticleError
from dragoman.ingest import read_inputs
from dragoman.nlp import parse_article, parse_articles
from dragoman.pipeline import Pipeline, code_article, code_articles
from dragoman.records import Article, CodedArticle, Rejection

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _articles(pipeline: Pipeline) -> list[Article | Rejection]:
    items = list(read_inputs([str(EXAMPLES)], pipeline.settings.ingest))
    extra = [
        Article("b1", "Turkey condemned the Syrian army's shelling of Idlib on Monday.", "test"),
        Article("b2", "Iran and Russia signed an energy deal. “We will cooperate,” Putin said.", "test"),
        Rejection("r1", "test", "ingest", "empty", "no text"),
        Article("b3", "Germany urged China to release the detained journalists.", "test"),
    ]
    return [*items, *extra]


def _docs_equal(a: Doc, b: Doc) -> bool:
    def view(d: Doc) -> list[tuple[str, str, str, int, str, str, bool]]:
        return [(t.text, t.tag_, t.pos_, t.head.i, t.dep_, t.ent_type_, bool(t.is_sent_start)) for t in d]

    return view(a) == view(b)


def test_parse_articles_equals_one_by_one(pipeline: Pipeline) -> None:
    articles = [i for i in _articles(pipeline) if isinstance(i, Article)]
    batched = parse_articles(pipeline.nlp, [(a, ()) for a in articles], batch_size=3)
    assert len(batched) == len(articles)
    for article, doc in zip(articles, batched):
        assert _docs_equal(doc, parse_article(pipeline.nlp, article))


@pytest.mark.parametrize("batch_size", [1, 2, 8])
def test_code_articles_equals_code_article_in_order(pipeline: Pipeline, batch_size: int) -> None:
    items = _articles(pipeline)
    p = dataclasses.replace(pipeline, settings=dataclasses.replace(
        pipeline.settings, nlp=dataclasses.replace(pipeline.settings.nlp, batch_size=batch_size)))
    results = list(code_articles(p, items))
    assert len(results) == len(items)
    for item, result in zip(items, results):
        if isinstance(item, Rejection):
            assert result is item
            continue
        alone = code_article(pipeline, item)
        assert isinstance(result, CodedArticle) and isinstance(alone, CodedArticle)
        assert result.article.id == item.id
        assert result.events == alone.events
        assert result.quotes == alone.quotes
        assert result.actors == alone.actors


def _failing_actors(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    import dragoman.pipeline as stages

    real = stages.resolve_mentions

    def flaky(doc: Doc, article: Article, *args: object, **kwargs: object) -> object:
        if article.id == "bad":
            raise error
        return real(doc, article, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(stages, "resolve_mentions", flaky)


BATCH = [
    Article("ok1", "Russia expelled two Polish diplomats.", "test"),
    Article("bad", "This one breaks in the actors stage.", "test"),
    Article("ok2", "Japan hosted South Korea's foreign minister.", "test"),
]


def test_a_failing_article_does_not_sink_its_batch(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    _failing_actors(monkeypatch, ArticleError("unreadable", "boom"))
    results = list(code_articles(pipeline, BATCH))
    assert [type(r).__name__ for r in results] == ["CodedArticle", "Rejection", "CodedArticle"]
    bad = results[1]
    assert isinstance(bad, Rejection) and bad.doc_id == "bad" and bad.stage == "actors" and bad.reason == "unreadable" and "boom" in bad.detail


def test_a_bug_in_a_stage_is_not_swallowed(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    _failing_actors(monkeypatch, TypeError("boom"))
    with pytest.raises(TypeError, match="boom"):
        list(code_articles(pipeline, BATCH))


def test_a_text_longer_than_the_parser_takes_is_rejected_by_the_nlp_stage(pipeline: Pipeline) -> None:
    nlp = pipeline.nlp.nlp  # the session's pipeline: its limit is put back below
    limit = nlp.max_length
    nlp.max_length = 40
    try:
        results = list(code_articles(pipeline, [BATCH[0], Article("long", "Russia expelled two Polish diplomats on Monday morning.", "test")]))
    finally:
        nlp.max_length = limit
    assert isinstance(results[0], CodedArticle)
    long = results[1]
    assert isinstance(long, Rejection) and long.stage == "nlp" and long.reason == "too long" and "nlp.max_chars" in long.detail
