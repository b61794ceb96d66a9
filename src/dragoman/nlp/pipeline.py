"""Load the spaCy pipeline and parse an article into a Doc."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from dragoman.errors import ArticleError, ModelMissingError
from dragoman.knowledge.cache import digest
from dragoman.nlp.caps import NlpCaps, check_token_count, long_runs, masked_doc
from dragoman.nlp.gazetteer_ruler import add_gazetteer_ruler, ruler_patterns
from dragoman.nlp.sentences import load_abbreviations, set_sentence_starts
from dragoman.records import Article, RemovedSpan
from dragoman.settings import NlpSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NlpBackend:
    """A loaded spaCy pipeline with what dragoman needs to know about it."""

    name: str
    nlp: Language
    abbreviations: frozenset[str]
    caps: NlpCaps
    tokenizer_digest: str = ""
    """A digest of what the tokenizer was loaded from (the start-up cache keeps what is built from its
    tokens under it, knowledge/cache.py); empty when unknown: such things are built every time."""

    @property
    def has_parser(self) -> bool:
        return "parser" in self.nlp.pipe_names

    @property
    def has_ner(self) -> bool:
        return "ner" in self.nlp.pipe_names


def packaged_model_path() -> Path:
    """Where the trained model lives inside the installed package."""
    return Path(str(resources.files("dragoman.nlp").joinpath("model")))


def _model_present(path: Path) -> bool:
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def _tokenizer_digest(files: list[Path], params: str = "") -> str:
    """The digest of the files a tokenizer was loaded from and of spaCy's version; empty if one cannot be read."""
    try:
        return digest(files, f"spacy {spacy.about.__version__}\0{params}")
    except OSError:
        return ""


def load_trained(settings: NlpSettings) -> NlpBackend:
    """The trained dragoman pipeline (tagger, lemmatizer, parser, NER), loaded offline.

    With ``nlp.gazetteer_ruler`` on, an entity ruler fed by the actor knowledge base
    and the places gazetteer follows ``ner`` (:mod:`dragoman.nlp.gazetteer_ruler`).
    """
    path = Path(settings.model) if settings.model else packaged_model_path()
    if not _model_present(path):
        raise ModelMissingError(
            f"no trained spaCy pipeline at {path} (config.cfg and meta.json missing); "
            "build it with `make model`, or pass a pipeline folder in nlp.model"
        )
    nlp = spacy.load(path)
    nlp.max_length = settings.max_chars
    if settings.gazetteer_ruler and "ner" in nlp.pipe_names:
        add_gazetteer_ruler(nlp, ruler_patterns(settings))
    return NlpBackend("nlp.trained.v1", nlp, load_abbreviations(), NlpCaps.of(settings), _tokenizer_digest([path / "config.cfg", path / "tokenizer"]))


def load_blank(settings: NlpSettings) -> NlpBackend:
    """Interim backend: spaCy's English tokenizer plus dragoman's rules, no statistical model."""
    nlp = spacy.blank("en")
    nlp.max_length = settings.max_chars
    return NlpBackend("nlp.blank.v1", nlp, load_abbreviations(), NlpCaps.of(settings), _tokenizer_digest([], "blank en"))


def load_auto(settings: NlpSettings) -> NlpBackend:
    """The trained pipeline when present, else the blank interim one (with a warning)."""
    try:
        return load_trained(settings)
    except ModelMissingError as e:
        if settings.model:
            raise
        log.warning("%s; falling back to the rule-only English pipeline", e)
        return load_blank(settings)


def _segmented_doc(backend: NlpBackend, article: Article, removed: tuple[RemovedSpan, ...]) -> Doc:
    limit = backend.nlp.max_length
    if len(article.text) > limit:  # spaCy's own check raises a bare ValueError (E088)
        raise ArticleError("too long", f"{article.source}: {len(article.text)} characters, over the parser's limit of {limit} (nlp.max_chars)")
    caps = backend.caps
    check_token_count(article, None, caps.tokens)
    runs = long_runs(article.text, caps.token_chars)
    doc = masked_doc(backend.nlp, article.text, runs, caps.tokens, article.source)
    check_token_count(article, len(doc), caps.tokens)
    # a long token is a sentence of its own, as a removed run is
    edges = sorted([(r.span.start, r.span.end) for r in removed] + runs) if runs else [(r.span.start, r.span.end) for r in removed]
    set_sentence_starts(doc, backend.abbreviations, edges)
    return doc


def parse_article(backend: NlpBackend, article: Article, removed: tuple[RemovedSpan, ...] = ()) -> Doc:
    """Tokenize, set news-aware sentence boundaries, then run the statistical components.

    Reads ``Article.text`` and the removed spans (their edges become sentence breaks).
    Returns a Doc whose token offsets index ``Article.text`` directly; raises
    :class:`~dragoman.errors.ArticleError` for a text longer than ``nlp.max_chars`` or of more
    tokens than ``nlp.max_tokens``. A run of non-space characters longer than
    ``nlp.max_token_chars`` is one token and one sentence (:mod:`dragoman.nlp.caps`; the
    removed spans that say so come from :func:`~dragoman.nlp.caps.capped_spans`).
    """
    doc = _segmented_doc(backend, article, removed)
    if len(doc) > backend.caps.parse_tokens:
        return _parsed_in_stretches(backend, doc)
    for _, component in backend.nlp.pipeline:
        doc = component(doc)
    return doc


def _stretches(doc: Doc, size: int) -> list[tuple[int, int]]:
    """Token ranges of whole sentences, each of at most ``size`` tokens; a longer sentence is cut
    every ``size`` tokens."""
    out: list[tuple[int, int]] = []
    start = 0
    sentences = [(s.start, s.end) for s in doc.sents]
    for a, b in sentences:
        if b - start > size and a > start:
            out.append((start, a))
            start = a
        while b - start > size:
            out.append((start, start + size))
            start += size
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def _parsed_in_stretches(backend: NlpBackend, doc: Doc) -> Doc:
    """The statistical components run on a long Doc a stretch of whole sentences at a time
    (``nlp.max_parse_tokens``): their memory grows with the tokens they see at once (about 20 KB a
    token for the packaged model). The stretches are joined again (every annotation kept) and the
    Doc's own sentence starts set back (a sentence cut in two stays one)."""
    starts = doc.to_array([SENT_START])
    pieces = [doc[a:b].as_doc() for a, b in _stretches(doc, backend.caps.parse_tokens)]
    for _, component in backend.nlp.pipeline:
        pieces = [component(piece) for piece in pieces]  # one stretch at a time
    joined = Doc.from_docs(pieces, ensure_whitespace=False)
    joined.from_array([SENT_START], starts)  # type: ignore[arg-type]
    return joined


def parse_articles(
    backend: NlpBackend, items: Sequence[tuple[Article, tuple[RemovedSpan, ...]]], batch_size: int = 8
) -> list[Doc]:
    """:func:`parse_article` over several articles at once, one Doc per item, in order.

    The statistical components see the Docs in batches of ``batch_size`` (their matrix
    work is cheaper per word in batches) and of at most ``nlp.max_parse_tokens`` tokens; the
    result equals parsing each article alone.
    """
    docs = [_segmented_doc(backend, article, removed) for article, removed in items]
    out: list[Doc] = []
    batch: list[Doc] = []
    limit = backend.caps.parse_tokens

    def flush() -> None:
        stream: Iterable[Doc] = list(batch)
        for _, component in backend.nlp.pipeline:
            pipe = getattr(component, "pipe", None)
            stream = pipe(stream, batch_size=batch_size) if pipe is not None else map(component, stream)
        out.extend(stream)
        batch.clear()

    # a batch holds at most batch_size Docs and nlp.max_parse_tokens tokens; a longer Doc goes alone, in stretches
    for doc in docs:
        if len(doc) > limit:
            flush()
            out.append(_parsed_in_stretches(backend, doc))
            continue
        if batch and (len(batch) >= batch_size or sum(map(len, batch)) + len(doc) > limit):
            flush()
        batch.append(doc)
    flush()
    return out
