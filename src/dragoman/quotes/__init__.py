"""Quotes: direct, indirect and mixed quotations with their speakers.

Reads the parsed doc (tokens, sentences; the dependency parse when present), the
article text, the removed spans and the actor mentions; adds :class:`Quote` records.
One module per approach: ``marks`` pairs quotation marks, ``direct`` attributes quoted
segments, ``indirect`` finds reported clauses, ``mixed`` widens a quoted phrase to the
clause that carries it, ``speakers`` finds a cue's speaker (``descriptions`` when the text
gives a description, not a name), ``cues`` loads the reporting-cue lexicon (``data/cues.tsv``);
``about`` lists the actors each quote mentions (run after the quotes are found, with the mentions).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dragoman.quotes.about import add_about
from dragoman.quotes.cues import CueLexicon, load_cues
from dragoman.quotes.direct import Found, extract_direct, is_title, resolve_slot
from dragoman.quotes.indirect import extract_indirect
from dragoman.quotes.layout import Layout
from dragoman.quotes.marks import find_segments
from dragoman.quotes.mixed import widen_mixed
from dragoman.quotes.speakers import SpeakerContext, is_cue_verb, make_span, subject_before
from dragoman.records import ActorMention, Article, Quote, RemovedSpan

STAGE = "quotes.rules.v1"

__all__ = ["STAGE", "CueLexicon", "add_about", "extract_quotes", "load_cues"]


def _absorbed(phrase: Found, clauses: list[Found]) -> bool:
    return phrase.kind == "mixed" and any(c.kind == "mixed" and c.span.contains(phrase.span.start, phrase.span.end) for c in clauses)


def _governed(ctx: SpeakerContext, layout: Layout, found: Found) -> Found:
    """A quotation the rules left without speaker that sits inside the clause of a reporting verb of its
    own sentence ("Rubio said that by refusing ..., Democrats are “saying we weren't at war ...”",
    "“Let me thank the volunteers” for the victory, Sanders said"): that verb's subject speaks."""
    if not ctx.has_parse or found.first_sentence >= len(layout.sent_tokens):
        return found
    lo, hi = layout.sent_tokens[found.first_sentence]
    inner = found.segment.inner_start if found.segment is not None else found.span.start
    first = ctx.doc[layout.token_at(inner)]
    for verb in [first, *first.ancestors]:
        if not (lo <= verb.i < hi) or verb is first or not is_cue_verb(ctx, verb):
            continue
        speaker = resolve_slot(subject_before(ctx, verb.i, lo), None, found.first_sentence, ctx.stage)
        if speaker is not None:
            cue = make_span(ctx.article, verb.idx, verb.idx + len(verb))
            return replace(found, speaker=speaker, cue=cue, cue_i=verb.i)
    return found


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
    phrases = [(s.open_at, s.outer_end) for s in segments if not is_title(article.text, s)]
    clauses = extract_indirect(ctx, layout, quoted, direct, used_cues, phrases)
    kept = widen_mixed(ctx, layout, [f for f in direct if not _absorbed(f, clauses)] + clauses)
    kept = [_governed(ctx, layout, f) if f.speaker is None and f.cue is None and f.kind in {"direct", "mixed"} else f for f in kept]
    kept = [f for f in kept if _outside_removed(f, removed)]
    kept.sort(key=lambda f: (f.span.start, f.span.end))
    return tuple(Quote(f.span, f.kind, f.speaker, f.cue, STAGE) for f in kept)
