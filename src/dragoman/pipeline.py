"""The only module that knows the stage order.

ingest → clean → nlp → actors → quotes → events (with places and dates) → records.
Heavy resources are loaded once into a :class:`Pipeline` and passed down.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from dragoman.actors import ActorResources, load_actor_resources, resolve_mentions
from dragoman.clean import BoilerplateRule, find_boilerplate, load_rules
from dragoman.errors import DragomanError
from dragoman.events import EventResources, code_events, load_event_resources
from dragoman.ingest import read_inputs
from dragoman.nlp import NlpBackend, parse_article
from dragoman.places import Gazetteer, load_gazetteer
from dragoman.places.context import DateFinder, PlaceFinder, date_finder, place_finder
from dragoman.quotes import CueLexicon, extract_quotes, load_cues
from dragoman.records import Article, CodedArticle, Rejection, RemovedSpan
from dragoman.registry import nlp_factory
from dragoman.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Pipeline:
    """Everything loaded once per process: models, dictionaries, gazetteer."""

    settings: Settings
    nlp: NlpBackend
    boilerplate: tuple[BoilerplateRule, ...]
    actors: ActorResources
    events: EventResources
    cues: CueLexicon
    gazetteer: Gazetteer


def _optional_path(value: str) -> Path | None:
    return Path(value) if value else None


def load_pipeline(settings: Settings) -> Pipeline:
    """Load every stage's resources as the settings say."""
    start = time.perf_counter()
    nlp = nlp_factory(settings.nlp.backend)(settings.nlp)
    pipeline = Pipeline(
        settings=settings,
        nlp=nlp,
        boilerplate=load_rules(),
        actors=load_actor_resources(nlp.nlp, _optional_path(settings.actors.user_file)),
        events=load_event_resources(_optional_path(settings.events.user_patterns)),
        cues=load_cues(settings.quotes.user_cues or None),
        gazetteer=load_gazetteer(settings.places.min_population),
    )
    log.info("pipeline loaded in %.2fs (nlp backend %s)", time.perf_counter() - start, nlp.name)
    return pipeline


def _stages(pipeline: Pipeline, article: Article) -> CodedArticle:
    settings = pipeline.settings
    removed: tuple[RemovedSpan, ...] = find_boilerplate(article, pipeline.boilerplate) if settings.clean.enabled else ()
    doc = parse_article(pipeline.nlp, article, removed)
    mentions = resolve_mentions(doc, article, removed, pipeline.actors, settings.actors.pronoun_window)
    quotes = extract_quotes(doc, article, removed, mentions, pipeline.cues)
    date_of: DateFinder = date_finder(article)
    place_of: PlaceFinder = place_finder(article, pipeline.gazetteer)
    events = code_events(doc, article, removed, mentions, quotes, pipeline.events, date_of, place_of)
    events = tuple(e for e in events if e.confidence >= settings.events.min_confidence)
    return CodedArticle(article, removed, mentions, events, quotes)


def code_article(pipeline: Pipeline, article: Article) -> CodedArticle | Rejection:
    """Run every stage on one article; a failure becomes a Rejection, never an exception."""
    try:
        return _stages(pipeline, article)
    except (DragomanError, ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as e:
        log.exception("article %s failed", article.id)
        return Rejection(article.id, article.source, "pipeline", "internal error", f"{type(e).__name__}: {e}")


def code_inputs(pipeline: Pipeline, paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[CodedArticle | Rejection]:
    """Ingest the paths and code each article, in input order."""
    for item in read_inputs(paths, pipeline.settings.ingest, stdin):
        if isinstance(item, Rejection):
            yield item
        else:
            yield code_article(pipeline, item)
