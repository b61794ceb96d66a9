"""Eval gates through the whole pipeline (clean → nlp → actors → quotes): the seed article's
quotes, one by one. Skips when ../shared is absent. The PolNeAR floors (first 100 articles)
are in tests/eval/baseline.toml with the other floors (docs/eval.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Quote


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0])


def _quotes(pipeline: Pipeline, article: Article) -> tuple[Quote, ...]:
    coded = code_article(pipeline, article)
    assert isinstance(coded, CodedArticle), coded
    return coded.quotes


@pytest.mark.external
def test_seed_through_pipeline(pipeline: Pipeline, shared: Path):
    gold = json.loads((shared / "seed" / "tehran_summit_2022.gold.json").read_text(encoding="utf-8"))
    text = gold["text"]
    quotes = _quotes(pipeline, Article("seed", text, "seed"))
    matched = set()
    for g in gold["quotes"]:
        start = text.index(g["quote"])
        span = (start, start + len(g["quote"]))
        hits = [q for q in quotes if _overlap(span, (q.span.start, q.span.end)) >= 0.8]
        if g["required"]:
            assert hits, g["quote"]
        for q in hits:
            matched.add(q)
            name = q.speaker.actor.name if q.speaker else None
            if g["quote"] == "freeze":
                assert name in (None, g["speaker"])
            elif g["required"]:
                assert name == g["speaker"], (g["quote"], name)
    assert set(quotes) == matched, [q.span.text for q in quotes if q not in matched]


@pytest.mark.model
def test_hand_cases_with_dependency_parse(pipeline: Pipeline, cues):
    """The DEP paths (nsubj / ccomp) give the same speakers as the token rules."""
    from .helpers import run, speaker_of
    from .test_direct import NAMED_CASES

    if not pipeline.nlp.has_parser:
        pytest.skip("no trained pipeline with a parser")
    for text, quote, speaker in NAMED_CASES:
        quotes = run(pipeline.nlp, cues, text)
        assert speaker_of(quotes, quote).split()[-1] == speaker.split()[-1], text  # type: ignore[union-attr]
