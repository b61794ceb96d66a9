"""Fuzzing ingest and the whole pipeline with hypothesis (issue 17).

`make test` runs each property briefly; `make fuzz` runs them long (``FUZZ_EXAMPLES``) and the
atheris harnesses of ``fuzz/`` beside them. The properties:

- ingest: any bytes, read as any format, give Articles and Rejections and never raise; every
  Article has visible text and an id within ``ingest.max_id_chars``;
- the pipeline: any text gives a coded article or a Rejection, never an exception; every span
  is a stretch of the text the user gave;
- invisible characters change nothing: a text with soft hyphens, zero-width and bidi marks
  sprinkled in codes to the same actors, events and quotes as the text without them, with spans
  that cover the same visible words.
"""

from __future__ import annotations

import json
import os
from typing import Any

import regex
from hypothesis import HealthCheck, given, settings, strategies as st

from dragoman.ingest import check_article, parse_bytes
from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Rejection, Span, spans_of
from dragoman.settings import IngestSettings

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
INGEST = IngestSettings(max_bytes=200_000)
KINDS = (None, "text", "html", "json", "jsonl")

# words that reach every stage: actors, titles, cues, event verbs, quotes, dates, places
WORDS = (
    "Iran", "Iraq", "Turkey", "Russia", "Erdogan", "President", "Mr.", "Putin", "the", "minister", "said", "told", "condemned",
    "met", "with", "in", "Tehran", "on", "Monday", "July", "2022", "he", "she", "they", "its", "police", "rebels", "killed",
    "\u201c", "\u201d", '"', "'", ",", ".", ";", ":", "(", ")", "-", "\u2014", "\n", "\n\n", "not", "will", "would", "if",
    "Advertisement", "Read", "more", "Click", "here", "@", "#", "http://x.co/a", "AP", "—", "KABUL,", "Afghanistan",
)
INVISIBLE = ("\xad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u202a", "\u202c", "\u2066", "\u2069", "\u180e")
_INVISIBLE = regex.compile(r"\p{Cf}")

news_like = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join)
any_text = st.text(max_size=400)


def _check_spans(coded: CodedArticle) -> None:
    text = coded.article.text
    for span in spans_of(coded):
        assert 0 <= span.start <= span.end <= len(text), span
        assert span.text == text[span.start : span.end], span


@FUZZ
@given(data=st.binary(max_size=2000), kind=st.sampled_from(KINDS))
def test_ingest_never_raises_on_bytes(data: bytes, kind: str | None) -> None:
    for item in parse_bytes(data, "fuzz", kind):
        item = check_article(item, INGEST)
        assert isinstance(item, (Article, Rejection))
        if isinstance(item, Article):
            assert _INVISIBLE.sub("", item.text).strip() and len(item.id) <= INGEST.max_id_chars
        else:
            assert item.reason and item.detail


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(["id", "text", "date", "title", "url", "x"]) | st.text(max_size=5), children, max_size=5),
    max_leaves=30,
)


@FUZZ
@given(records=st.lists(json_values, max_size=5), text=news_like)
def test_ingest_never_raises_on_json_records(records: list[Any], text: str) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + [json.dumps({"text": text, "date": "2022-07-19"})]
    for kind, data in (("jsonl", "\n".join(lines)), ("json", json.dumps(records))):
        for item in parse_bytes(data.encode("utf-8"), "fuzz", kind):
            assert isinstance(check_article(item, INGEST), (Article, Rejection))


def _code(pipeline: Pipeline, text: str) -> CodedArticle | Rejection:
    import datetime as dt

    return code_article(pipeline, Article("fuzz", text, "fuzz", date=dt.date(2022, 7, 19)))


@FUZZ
@given(text=st.one_of(news_like, any_text))
def test_pipeline_never_raises_and_spans_point_into_the_text(pipeline: Pipeline, text: str) -> None:
    coded = _code(pipeline, text)
    if isinstance(coded, CodedArticle):
        assert coded.article.text == text
        _check_spans(coded)
    else:
        assert coded.reason


def _sprinkle(text: str, where: list[int], marks: list[str]) -> str:
    out = list(text)
    for position, mark in sorted(zip(where, marks), reverse=True):
        out.insert(min(position, len(out)), mark)
    return "".join(out)


def _visible(span: Span) -> str:
    return _INVISIBLE.sub("", span.text)


def _summary(coded: CodedArticle) -> tuple[object, ...]:
    """What the article says, by visible text: actors, events and quotes."""
    return (
        [(_visible(m.span), m.actor.code) for m in coded.actors],
        [(e.source.actor.code, e.cameo, e.target.actor.code if e.target else None, [_visible(s) for s in e.evidence]) for e in coded.events],
        [(_visible(q.span), q.kind, q.speaker.actor.code if q.speaker else None) for q in coded.quotes],
    )


@FUZZ
@given(text=news_like, where=st.lists(st.integers(min_value=0, max_value=800), min_size=1, max_size=12), marks=st.lists(st.sampled_from(INVISIBLE), min_size=12, max_size=12))
def test_invisible_characters_change_nothing(pipeline: Pipeline, text: str, where: list[int], marks: list[str]) -> None:
    hidden = _sprinkle(text, where, marks)
    plain, sprinkled = _code(pipeline, text), _code(pipeline, hidden)
    if isinstance(plain, Rejection) or isinstance(sprinkled, Rejection):
        assert type(plain) is type(sprinkled)
        return
    assert sprinkled.article.text == hidden
    _check_spans(sprinkled)
    assert _summary(sprinkled) == _summary(plain)
