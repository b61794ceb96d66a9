"""The only module that knows the stage order.

ingest → clean → nlp → actors → quotes → events (with places and dates) → records.
Heavy resources are loaded once into a :class:`Pipeline` and passed down. :func:`trace` runs the
stages on one article and keeps what each returned; :func:`code_article`, :func:`code_articles`,
``dragoman explain``, eval and the tests are built on it, so the settings reach every one of them.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Literal, Mapping

from spacy.tokens import Doc

from dragoman.actors import ActorResources, knowledge_sources, load_actor_resources, resolve_mentions
from dragoman.clean import CleanRules, find_boilerplate, load_rules
from dragoman.errors import ArticleError, DragomanError
from dragoman.events import EventResources, code_events, load_event_resources
from dragoman.ingest import read_articles
from dragoman.ingest.invisible import Visible, restore, visible_text
from dragoman.knowledge.cache import open_cache
from dragoman.nlp import NlpBackend, add_gazetteer_ruler, capped_spans, load_ruler_patterns, parse_article, parse_articles, with_capped
from dragoman.places import DateFinder, Gazetteer, PlaceFinder, date_finder, gazetteer_sources, load_gazetteer, place_finder
from dragoman.quotes import CueLexicon, add_about, emitted_by_default, extract_quotes, load_cues
from dragoman.records import ActorMention, Article, CodedArticle, Event, Input, Quote, Rejection, RemovedSpan, Result
from dragoman.registry import nlp_factory
from dragoman.settings import Settings

log = logging.getLogger(__name__)

Stage = Literal["clean", "nlp", "actors", "quotes", "events"]
STAGES: tuple[Stage, ...] = ("clean", "nlp", "actors", "quotes", "events")
"""The order in which the stages run on an article (ingest runs before, on the inputs)."""


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
    cache = open_cache(settings.cache.enabled, settings.cache.dir)
    gazetteer = load_gazetteer(settings.places.min_population, cache)
    actors_file = _optional_path(settings.actors.user_file)
    actors = load_actor_resources(nlp.nlp, actors_file, gazetteer if settings.actors.city_places else None, cache, nlp.tokenizer_digest)
    if settings.nlp.gazetteer_ruler and nlp.has_ner:
        (kb_inputs, kb_params), (gazetteer_inputs, gazetteer_params) = knowledge_sources(actors_file), gazetteer_sources(settings.places.min_population)
        sources = ([*kb_inputs, *gazetteer_inputs], f"{kb_params}\0{gazetteer_params}")
        add_gazetteer_ruler(nlp.nlp, load_ruler_patterns(settings.nlp, nlp.nlp, actors.kb, gazetteer, cache, sources, nlp.tokenizer_digest))
    pipeline = Pipeline(
        settings=settings,
        nlp=nlp,
        boilerplate=load_rules(),
        actors=actors,
        events=load_event_resources(_optional_path(settings.events.user_patterns), settings.events.unasserted, settings.events.one_sided,
                                     settings.events.petrarch_patterns, cache),
        cues=load_cues(settings.quotes.user_cues or None),
        gazetteer=gazetteer,
    )
    log.info("pipeline loaded in %.2fs (nlp backend %s)", time.perf_counter() - start, nlp.name)
    return pipeline


@dataclass(frozen=True, slots=True)
class Trace:
    """What each stage returned for one article, up to the last stage run or the one that failed.

    ``stages`` are the stages that ran to their end, in order; a stage that failed is named by
    ``rejection.stage``. ``events`` are the events the settings emit (what :func:`code_article`
    returns); ``candidates`` every act the events stage considered, as if ``events.unasserted``
    were on and ``events.one_sided`` were "all", before ``events.min_confidence`` (what
    ``dragoman explain`` shows as not coded); empty when traced with ``candidates=False``.
    ``quotes`` are the quotes the settings emit; ``thoughts`` the reported thoughts they leave out
    (``quotes.thought``), which the events stage still reads.

    ``article`` is what the stages read: the input without its invisible characters
    (ingest/invisible.py), and every span of the trace points into its text; :attr:`result`
    moves them back onto the text the user gave (``visible.original``).
    """

    article: Article
    visible: Visible
    stages: tuple[Stage, ...] = ()
    removed: tuple[RemovedSpan, ...] = ()
    doc: Doc | None = None
    actors: tuple[ActorMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    thoughts: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    candidates: tuple[Event, ...] = ()
    rejection: Rejection | None = None

    @property
    def parsed(self) -> Doc:
        """The Doc of the nlp stage (the trace must have run it)."""
        if self.doc is None:
            raise ValueError(f"the trace of {self.article.id} has no Doc: the nlp stage did not run")
        return self.doc

    @property
    def result(self) -> CodedArticle | Rejection:
        """The Rejection, or the coded article of a trace that ran every stage."""
        if self.rejection is not None:
            return self.rejection
        if self.stages != STAGES:
            raise ValueError(f"the trace of {self.article.id} stopped after {self.stages[-1:] or 'no stage'}; it is no coded article")
        return restore(CodedArticle(self.article, self.removed, self.actors, self.events, self.quotes), self.visible)


def _clean(pipeline: Pipeline, t: Trace, candidates: bool) -> Trace:
    return replace(t, removed=find_boilerplate(t.article, pipeline.boilerplate) if pipeline.settings.clean.enabled else ())


def _nlp(pipeline: Pipeline, t: Trace, candidates: bool) -> Trace:
    return _parsed(pipeline, t, parse_article(pipeline.nlp, t.article, t.removed))


def _parsed(pipeline: Pipeline, t: Trace, doc: Doc) -> Trace:
    """The trace with its Doc, and with the removed spans of the nlp stage's caps (long tokens,
    sentences too long or too crowded) that the later stages skip."""
    return replace(t, doc=doc, removed=with_capped(t.removed, capped_spans(doc, t.article, t.removed, pipeline.nlp.caps)))


def _actors(pipeline: Pipeline, t: Trace, candidates: bool) -> Trace:
    return replace(t, actors=resolve_mentions(t.parsed, t.article, t.removed, pipeline.actors, pipeline.settings.actors.pronoun_window))


def _quotes(pipeline: Pipeline, t: Trace, candidates: bool) -> Trace:
    # every attribution, thought included: the events stage reads them all to tell what the article
    # asserts from what someone believes; the output keeps what the settings emit
    found = extract_quotes(t.parsed, t.article, t.removed, t.actors, pipeline.cues, thought=True)
    emitted = [pipeline.settings.quotes.thought or emitted_by_default(q) for q in found]
    kept = tuple(q for q, e in zip(found, emitted) if e)
    # what each quote is about: the actors' mentions inside it, once the quotes are known
    return replace(t, quotes=add_about(kept, t.actors), thoughts=tuple(q for q, e in zip(found, emitted) if not e))


def _attributions(t: Trace) -> tuple[Quote, ...]:
    """The quotes and the reported thoughts the output leaves out, in text order."""
    return tuple(sorted(t.quotes + t.thoughts, key=lambda q: (q.span.start, q.span.end)))


def _events(pipeline: Pipeline, t: Trace, candidates: bool) -> Trace:
    date_of: DateFinder = date_finder(t.article)
    place_of: PlaceFinder = place_finder(t.article, pipeline.gazetteer)

    def coded(resources: EventResources) -> tuple[Event, ...]:
        return code_events(t.parsed, t.article, t.removed, t.actors, _attributions(t), resources, date_of, place_of)

    floor = pipeline.settings.events.min_confidence
    events = tuple(e for e in coded(pipeline.events) if e.confidence >= floor)
    every = coded(replace(pipeline.events, emit_unasserted=True, one_sided="all")) if candidates else ()
    return replace(t, events=events, candidates=every)


_STEPS: Mapping[Stage, Callable[[Pipeline, Trace, bool], Trace]] = {
    "clean": _clean, "nlp": _nlp, "actors": _actors, "quotes": _quotes, "events": _events,
}


def _rejection(article: Article, stage: Stage, e: DragomanError) -> Rejection:
    log.warning("article %s rejected by the %s stage: %s", article.id, stage, e)
    if isinstance(e, ArticleError):
        return Rejection(article.id, article.source, stage, e.reason, str(e))
    return Rejection(article.id, article.source, stage, "failed", f"{type(e).__name__}: {e}")


def _run(pipeline: Pipeline, t: Trace, until: Stage, candidates: bool) -> Trace:
    """Run the stages after ``t.stages`` through ``until``."""
    if t.rejection is not None:
        return t
    for stage in STAGES[len(t.stages) : STAGES.index(until) + 1]:
        try:
            t = _STEPS[stage](pipeline, t, candidates)
        except DragomanError as e:  # a bad article; any other exception is a bug and propagates
            return replace(t, rejection=_rejection(t.article, stage, e))
        t = replace(t, stages=(*t.stages, stage))
    return t


def trace(pipeline: Pipeline, article: Article, until: Stage = "events", candidates: bool = True) -> Trace:
    """Run the stages on ``article`` in order, through ``until``, keeping what each returned.

    A stage that raises a :class:`~dragoman.errors.DragomanError` (a bad article: text longer
    than ``nlp.max_chars``, say) ends the trace with a Rejection naming that stage; any other
    exception is a bug in dragoman and propagates. ``candidates`` also codes the acts the
    settings do not emit (:attr:`Trace.candidates`): the events stage then runs twice.
    """
    visible = visible_text(article)
    return _run(pipeline, Trace(visible.article, visible), until, candidates)


def advance(pipeline: Pipeline, t: Trace, until: Stage = "events", candidates: bool = False) -> Trace:
    """Go on with a trace: run the stages after ``t.stages`` through ``until`` (as :func:`trace` does), so a caller
    can time or inspect each stage."""
    return _run(pipeline, t, until, candidates)


def code_article(pipeline: Pipeline, article: Article) -> CodedArticle | Rejection:
    """Run every stage on one article; a bad article becomes a Rejection naming its stage."""
    return trace(pipeline, article, candidates=False).result


def _code_batch(pipeline: Pipeline, articles: list[Article]) -> list[CodedArticle | Rejection]:
    cleaned = [trace(pipeline, a, "clean", False) for a in articles]
    ready = [t for t in cleaned if t.rejection is None]
    try:
        docs = iter(parse_articles(pipeline.nlp, [(t.article, t.removed) for t in ready], pipeline.settings.nlp.batch_size))
    except DragomanError:
        # one bad article must not take its batch-mates down: parse them one by one
        return [_run(pipeline, t, "events", False).result for t in cleaned]
    parsed = (replace(_parsed(pipeline, t, next(docs)), stages=(*t.stages, "nlp")) if t.rejection is None else t for t in cleaned)
    return [_run(pipeline, t, "events", False).result for t in parsed]


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
