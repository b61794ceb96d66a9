"""Hard caps of the nlp stage: what no later stage is given whole, however hostile the text.

Every stage's cost is linear in the text, but a linear cost can still be too much, and some
costs are not ours to fix:

* spaCy's tokenizer peels prefixes and suffixes off a run of non-space characters one at a
  time, re-reading the rest of the run each time: a run of 60,000 quotation marks or brackets
  takes minutes. A run longer than ``nlp.max_token_chars`` is never given to the tokenizer: it
  becomes one token, a sentence of its own, and a removed span (reason :data:`LONG_TOKEN`) that
  the later stages skip.
* The statistical components need memory and time for every token: an article of more than
  ``nlp.max_tokens`` tokens is rejected (``ArticleError``, reason "too many tokens") before they
  run: when its runs of non-space characters alone are already too many, before tokenizing, else
  once the pieces tokenized so far (:data:`PIECE_CHARS`) hold too many;
  a longer one than ``nlp.max_parse_tokens`` is given to them a stretch of sentences at a time
  (:func:`dragoman.nlp.pipeline.parse_article`), so that their memory does not grow with it.
* The rules after the nlp stage look at a sentence, or at the pairs of mentions in it, as a
  whole: a sentence of more than ``nlp.max_sentence_tokens`` tokens, or with more than
  ``nlp.max_sentence_entities`` entities (the model's and the entity ruler's), becomes a removed
  span (reasons :data:`LONG_SENTENCE`, :data:`CROWDED_SENTENCE`) that the actors, quotes and
  events stages skip.

The removed spans say which cap and which limit in their reason; the text is never rewritten.
Defaults and how they were chosen: docs/architecture.md, "Linear costs and hard caps".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.errors import ArticleError
from dragoman.ranges import Covered
from dragoman.records import Article, RemovedSpan
from dragoman.settings import NlpSettings

STAGE = "nlp.caps.v1"
LONG_TOKEN = "token longer than nlp.max_token_chars"
LONG_SENTENCE = "sentence longer than nlp.max_sentence_tokens"
CROWDED_SENTENCE = "sentence with more entities than nlp.max_sentence_entities"


@dataclass(frozen=True, slots=True)
class NlpCaps:
    """The limits of :mod:`dragoman.nlp.caps`, read from the ``[nlp]`` settings."""

    token_chars: int
    tokens: int
    sentence_tokens: int
    sentence_entities: int
    parse_tokens: int

    @classmethod
    def of(cls, settings: NlpSettings) -> NlpCaps:
        return cls(settings.max_token_chars, settings.max_tokens, settings.max_sentence_tokens, settings.max_sentence_entities,
                   settings.max_parse_tokens)


def long_runs(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of every run of non-space characters longer than ``max_chars``, in order.

    The look-behind starts a match only where a run starts, so the search is linear (a bare
    ``\\S{n,}`` would retry from every character of every shorter run).
    """
    pattern = re.compile(r"(?<!\S)\S{%d,}" % (max_chars + 1))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def check_token_count(article: Article, tokens: int | None, limit: int) -> None:
    """Raise :class:`ArticleError` when the article has more than ``limit`` tokens.

    With ``tokens`` None, before tokenizing: every run of non-space characters is at least one
    token, so more runs than ``limit`` is already too many.
    """
    count = tokens if tokens is not None else len(article.text.split())
    if count > limit:
        what = f"{count} tokens" if tokens is not None else f"at least {count} tokens"
        raise ArticleError("too many tokens", f"{article.source}: {what}, over the limit of {limit} (nlp.max_tokens)")


PIECE_CHARS = 100_000
"""A text longer than this is tokenized a piece at a time (cut after a space between two words), so
that a text of too many tokens is rejected once its pieces hold more than ``nlp.max_tokens``,
without tokenizing the rest (2 MB of apostrophes are 1.7 million tokens)."""

_CUT = re.compile(r"\S (?=\w)")  # a word, one space, a word: the space is the first word's, the tokenizer's pieces part here


def masked_doc(nlp: Language, text: str, runs: Sequence[tuple[int, int]], limit: int | None = None, source: str = "") -> Doc:
    """Tokenize ``text``, each of ``runs`` (runs of non-space characters) as one token of its own;
    with ``limit``, raise :class:`ArticleError` as soon as the tokens are more.

    The tokenizer splits a text at white space and tokenizes the pieces one by one, so a text cut
    into pieces is tokenized exactly as it is whole where a piece ends after the space that follows
    a word (spaCy keeps it as the word's ``whitespace_``) and the next starts with a word; a run
    starts after white space and its piece starts after the run's trailing space. A text of no run
    and at most :data:`PIECE_CHARS` characters (every real article) goes to the tokenizer whole.
    Token offsets still index ``text``.
    """
    if not runs and len(text) <= PIECE_CHARS:
        return nlp.make_doc(text)
    docs: list[Doc] = []
    count = 0

    def add(doc: Doc) -> None:
        nonlocal count
        docs.append(doc)
        count += len(doc)
        if limit is not None and count > limit:
            raise ArticleError("too many tokens", f"{source}: more than {limit} tokens (nlp.max_tokens); tokenizing stopped at {count}")

    at = 0
    for start, end in [*runs, (len(text), len(text))]:
        while start - at > PIECE_CHARS and (cut := _CUT.search(text, at + PIECE_CHARS, start)) is not None:
            add(nlp.make_doc(text[at : cut.start() + 2]))
            at = cut.start() + 2
        if start > at:
            add(nlp.make_doc(text[at:start]))
        if start == len(text):
            break
        spaced = text[end : end + 1] == " "
        add(Doc(nlp.vocab, words=[text[start:end]], spaces=[spaced]))
        at = end + 1 if spaced else end
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    assert doc.text == text, "masked tokenization must keep the text"  # offsets into Article.text
    return doc


def capped_spans(doc: Doc, article: Article, removed: Iterable[RemovedSpan], caps: NlpCaps) -> tuple[RemovedSpan, ...]:
    """The removed spans the caps add to ``removed``: each long token, then each sentence too long
    or with too many entities, in text order; none starts inside a span already removed."""
    skip = Covered(len(article.text), ((r.span.start, r.span.end) for r in removed))
    out: list[RemovedSpan] = []
    for start, end in long_runs(article.text, caps.token_chars):
        if not skip.at(start):
            out.append(RemovedSpan(article.span(start, end), f"{LONG_TOKEN} ({caps.token_chars})", STAGE))
            skip.add(start, end)
    entities_at = [0] * (len(doc) + 1)  # entities starting before each token
    for entity in doc.ents:
        entities_at[entity.start + 1] += 1
    for i in range(len(doc)):
        entities_at[i + 1] += entities_at[i]
    for sent in doc.sents:
        if skip.at(sent.start_char):
            continue
        if len(sent) > caps.sentence_tokens:
            reason = f"{LONG_SENTENCE} ({len(sent)} > {caps.sentence_tokens} tokens)"
        elif entities_at[sent.end] - entities_at[sent.start] > caps.sentence_entities:
            reason = f"{CROWDED_SENTENCE} ({entities_at[sent.end] - entities_at[sent.start]} > {caps.sentence_entities})"
        else:
            continue
        end = sent.end_char
        while end > sent.start_char and article.text[end - 1].isspace():
            end -= 1
        out.append(RemovedSpan(article.span(sent.start_char, end), reason, STAGE))
    return tuple(sorted(out, key=lambda r: r.span.start))


def with_capped(removed: tuple[RemovedSpan, ...], capped: tuple[RemovedSpan, ...]) -> tuple[RemovedSpan, ...]:
    """``removed`` and the spans the caps added, in text order."""
    if not capped:
        return removed
    return tuple(sorted(removed + capped, key=lambda r: (r.span.start, -r.span.end)))
