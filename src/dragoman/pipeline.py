"""The only module that knows the stage order.

ingest → clean → nlp → actors → quotes → events (with places and dates) → records.
Heavy resources are loaded once into a :class:`Pipeline` and passed down.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from spacy.tokens import Doc

from dragoman.actors import ActorResources, load_actor_resources, resolve_mentions
from dragoman.clean import CleanRules, find_boilerplate, load_rules
from dragoman.errors import DragomanError
from dragoman.events import EventResources, code_events, load_event_resources
from dragoman.ingest import read_articles
from dragoman.nlp import NlpBackend, parse_article, parse_articles
from dragoman.nlp.gazetteer_ruler import add_gazetteer_ruler, ruler_patterns
from dragoman.places import Gazetteer, load_gazetteer
from dragoman.places.context import DateFinder, PlaceFinder, date_finder, place_finder
from dragoman.quotes import CueLexicon, extract_quotes, load_cues
from dragoman.records import Article, CodedArticle, Input, Rejection, RemovedSpan, Result
from dragoman.registry import nlp_factory
from dragoman.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Everything loaded once per process: models, dictionaries, gazetteer."""

    settings: Settings
    nlp: NlpBackend
    boilerplate: CleanRules
    actors: ActorResources
    events: EventResources
    cues: CueLexicon
    gazetteer: Gazetteer


def _optional_path(value: str) -> Path | None:
    return Path(value) if value else None


def load_pipeline(settings: Settings) -> Pipeline:
    """Load every stage's resources as the settings say."""
    start = time.perf_counter()
    # the entity ruler is fed from the knowledge base and gazetteer loaded here (with the
    # user's --actors entries), not from a second copy the backend would load itself
    nlp = nlp_factory(settings.nlp.backend)(replace(settings.nlp, gazetteer_ruler=False))
    gazetteer = load_gazetteer(settings.places.min_population)
    actors = load_actor_resources(nlp.nlp, _optional_path(settings.actors.user_file), gazetteer if settings.actors.city_places else None)
    if settings.nlp.gazetteer_ruler and nlp.has_ner:
        add_gazetteer_ruler(nlp.nlp, ruler_patterns(settings.nlp, actors.kb, gazetteer))
    pipeline = Pipeline(
        settings=settings,
        nlp=nlp,
        boilerplate=load_rules(),
        actors=actors,
        events=load_event_resources(_optional_path(settings.events.user_patterns), settings.events.unasserted, settings.events.one_sided,
                                     settings.events.petrarch_patterns),
        cues=load_cues(settings.quotes.user_cues or None),
        gazetteer=gazetteer,
    )
    log.info("pipeline loaded in %.2fs (nlp backend %s)", time.perf_counter() - start, nlp.name)
    return pipeline


def _removed(pipeline: Pipeline, article: Article) -> tuple[RemovedSpan, ...]:
    return find_boilerplate(article, pipeline.boilerplate) if pipeline.settings.clean.enabled else ()


def _after_nlp(pipeline: Pipeline, article: Article, removed: tuple[RemovedSpan, ...], doc: Doc) -> CodedArticle:
    settings = pipeline.settings
    mentions = resolve_mentions(doc, article, removed, pipeline.actors, settings.actors.pronoun_window)
    quotes = extract_quotes(doc, article, removed, mentions, pipeline.cues)
    date_of: DateFinder = date_finder(article)
    place_of: PlaceFinder = place_finder(article, pipeline.gazetteer)
    events = code_events(doc, article, removed, mentions, quotes, pipeline.events, date_of, place_of)
    events = tuple(e for e in events if e.confidence >= settings.events.min_confidence)
    return CodedArticle(article, removed, mentions, events, quotes)


def _rejection(article: Article, e: Exception) -> Rejection:
    log.exception("article %s failed", article.id)
    return Rejection(article.id, article.source, "pipeline", "internal error", f"{type(e).__name__}: {e}")


_FAILURES = (DragomanError, ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError)
"""What a stage may raise on a bad article; anything else is a bug in dragoman and propagates."""


def code_article(pipeline: Pipeline, article: Article) -> CodedArticle | Rejection:
    """Run every stage on one article; a failure becomes a Rejection, never an exception."""
    try:
        removed = _removed(pipeline, article)
        return _after_nlp(pipeline, article, removed, parse_article(pipeline.nlp, article, removed))
    except _FAILURES as e:
        return _rejection(article, e)


def _code_batch(pipeline: Pipeline, articles: list[Article]) -> list[CodedArticle | Rejection]:
    cleaned: list[tuple[Article, tuple[RemovedSpan, ...]]] = []
    try:
        cleaned = [(a, _removed(pipeline, a)) for a in articles]
        docs = parse_articles(pipeline.nlp, cleaned, pipeline.settings.nlp.batch_size)
    except _FAILURES:
        # one bad article must not take its batch-mates down: code them one by one
        return [code_article(pipeline, a) for a in articles]
    out: list[CodedArticle | Rejection] = []
    for (article, removed), doc in zip(cleaned, docs):
        try:
            out.append(_after_nlp(pipeline, article, removed, doc))
        except _FAILURES as e:
            out.append(_rejection(article, e))
    return out


def code_articles(pipeline: Pipeline, items: Iterable[Input]) -> Iterator[Result]:
    """Code a stream of articles (rejections and duplicates pass through), in input order.

    Articles are parsed ``nlp.batch_size`` at a time, which is what makes the
    statistical components fast; each result equals :func:`code_article` on its own.
    """
    size = max(1, pipeline.settings.nlp.batch_size)
    pending: list[Input] = []
    articles: list[Article] = []

    def flush() -> Iterator[Result]:
        coded = iter(_code_batch(pipeline, articles))
        for i in pending:
            yield next(coded) if isinstance(i, Article) else i
        pending.clear()
        articles.clear()

    for item in items:
        pending.append(item)
        if isinstance(item, Article):
            articles.append(item)
            if len(articles) >= size:
                yield from flush()
    if pending:
        yield from flush()


def code_inputs(pipeline: Pipeline, paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Result]:
    """Ingest the paths and code each article, in input order (a repeat of an earlier text and date is a Duplicate)."""
    yield from code_articles(pipeline, read_articles(paths, pipeline.settings.ingest, stdin))
