"""Quotes: direct, indirect and mixed quotations with their speakers.

Reads the parsed doc (tokens, sentences; the dependency parse when present), the
article text, the removed spans and the actor mentions; adds :class:`Quote` records.
One module per approach: ``marks`` pairs quotation marks, ``direct`` attributes quoted
segments, ``indirect`` finds reported clauses, ``mixed`` widens a quoted phrase to the
clause that carries it, ``speakers`` finds a cue's speaker (``descriptions`` when the text
gives a description, not a name), ``cues`` loads the reporting-cue lexicon (``data/cues.tsv``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.quotes.cues import CueLexicon, load_cues
from dragoman.quotes.direct import Found, extract_direct
from dragoman.quotes.indirect import extract_indirect
from dragoman.quotes.layout import Layout
from dragoman.quotes.marks import find_segments
from dragoman.quotes.mixed import widen_mixed
from dragoman.quotes.speakers import SpeakerContext
from dragoman.records import ActorMention, Article, Quote, RemovedSpan

STAGE = "quotes.rules.v1"

__all__ = ["STAGE", "CueLexicon", "extract_quotes", "load_cues"]


def _absorbed(phrase: Found, clauses: list[Found]) -> bool:
    return phrase.kind == "mixed" and any(c.kind == "mixed" and c.span.contains(phrase.span.start, phrase.span.end) for c in clauses)


def _outside_removed(found: Found, removed: tuple[RemovedSpan, ...]) -> bool:
    return not any(r.span.overlaps(found.span) for r in removed)


def extract_quotes(
    doc: Doc,
    article: Article,
    removed: tuple[RemovedSpan, ...],
    mentions: tuple[ActorMention, ...],
    cues: CueLexicon,
) -> tuple[Quote, ...]:
    """Every quotation in the article, in text order, each with its speaker or ``None``.

    ``doc`` comes from ``dragoman.nlp.parse_article`` (blank or trained pipeline);
    ``mentions`` from the actors stage (may be empty: capitalised names next to a cue
    then become ``quote.unknown-person`` speakers).
    """
    if len(doc) == 0:
        return ()
    layout = Layout.of(doc)
    ctx = SpeakerContext(doc, article, tuple(sorted(mentions, key=lambda m: m.span.start)), cues, cues.titles, STAGE)
    skipped = [(r.span.start, r.span.end) for r in removed]
    segments = find_segments(article.text, layout.sentence_ends, skipped)
    direct, used_cues = extract_direct(ctx, layout, segments)
    quoted = [(s.open_at, s.outer_end) for s in segments]
    clauses = extract_indirect(ctx, layout, quoted, direct, used_cues)
    kept = widen_mixed(ctx, layout, [f for f in direct if not _absorbed(f, clauses)] + clauses)
    kept = [f for f in kept if _outside_removed(f, removed)]
    kept.sort(key=lambda f: (f.span.start, f.span.end))
    return tuple(Quote(f.span, f.kind, f.speaker, f.cue, STAGE) for f in kept)
