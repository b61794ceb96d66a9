"""Build articles, docs and hand-made mentions for the quotes tests."""

from __future__ import annotations

import re

import pytest

from dragoman.nlp import parse_article
from dragoman.pipeline import Pipeline
from dragoman.quotes import extract_quotes
from dragoman.records import Actor, ActorMention, Article, MentionSource, Quote, RemovedSpan, Span


# what the hand-made mentions of the tests are, by the family of their rule
_FOUND_BY = {"pronoun": MentionSource.PRONOUN, "title": MentionSource.TITLE, "adjective": MentionSource.ADJECTIVE}


def mention(text: str, surface: str, name: str, kind: str = "person", rule: str = "kb", nth: int = 0) -> ActorMention:
    found = [m.start() for m in re.finditer(rf"\b{re.escape(surface)}\b", text)]
    start = found[nth]
    span = Span("t", start, start + len(surface), surface)
    found_by = MentionSource.SURNAME if rule == "person.surname" else _FOUND_BY.get(rule.split(".")[0], MentionSource.PERSON)
    return ActorMention(span, Actor(code=None, name=name, country=None, kind=kind), rule, "actors.test", found_by)  # type: ignore[arg-type]


def run(backend, cues, text: str, mentions=(), removed: tuple[RemovedSpan, ...] = ()) -> tuple[Quote, ...]:
    article = Article("t", text, "test")
    doc = parse_article(backend, article, removed)
    quotes = extract_quotes(doc, article, removed, tuple(mentions), cues)
    for q in quotes:
        assert text[q.span.start : q.span.end] == q.span.text
    return quotes


def texts(quotes: tuple[Quote, ...], kind: str | None = None) -> list[str]:
    return [q.span.text for q in quotes if kind is None or q.kind == kind]


def speaker_of(quotes: tuple[Quote, ...], fragment: str) -> str | None:
    for q in quotes:
        if fragment in q.span.text:
            return q.speaker.actor.name if q.speaker else None
    raise AssertionError(f"no quote containing {fragment!r} in {texts(quotes)}")


def parser(pipeline: Pipeline):
    """The trained nlp backend, or skip the test when the pipeline has no parser."""
    if not pipeline.nlp.has_parser:
        pytest.skip("no trained pipeline with a parser")
    return pipeline.nlp
