"""Transcripts: "PENCE: Well, I think ..." — each turn is a direct quote of the speaker its label names.

A paragraph that opens with an upper-case label and a colon ("PENCE:", "SEN. KAINE:", "MR. LAVROV:")
is a turn when the article holds at least two such paragraphs (a transcript, not a dateline or a
heading). The turn's words after the colon are the quote; the label is the speaker: the article's
actor mention whose name ends with the label's last word ("Mike Pence" for "PENCE"), else a
person named by the label. One-letter labels ("Q:", "A:") are interviewer and interviewee: their
turns are quotes without a speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.quotes.direct import Found
from dragoman.quotes.layout import Layout
from dragoman.quotes.speakers import SpeakerContext
from dragoman.ranges import Ranges
from dragoman.records import Actor, ActorMention, MentionSource, RemovedSpan

_LABEL = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.'’\- ]{0,40}?):[ \t]+(?=\S)")
_MIN_TURNS = 2


@dataclass(frozen=True, slots=True)
class _Turn:
    label: tuple[int, int]
    words: tuple[int, int]


def _turns(text: str, removed: tuple[RemovedSpan, ...]) -> list[_Turn]:
    turns: list[_Turn] = []
    skipped = Ranges(removed, lambda r: (r.span.start, r.span.end))
    for match in _LABEL.finditer(text):
        start = match.end()
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        label = match.span(1)
        if not skipped.overlaps(label[0], end) and end > start:
            turns.append(_Turn(label, (start, end)))
    return turns


def _people_by_surname(ctx: SpeakerContext) -> dict[str, ActorMention]:
    """The first person mention of each last name (lower-cased), in text order."""
    out: dict[str, ActorMention] = {}
    for mention in ctx.mentions:
        parts = (mention.actor.name or "").lower().split()
        if mention.actor.kind == "person" and parts:
            out.setdefault(parts[-1], mention)
    return out


def _speaker(ctx: SpeakerContext, label: tuple[int, int], by_surname: dict[str, ActorMention]) -> ActorMention | None:
    text = ctx.article.text[label[0]:label[1]]
    words = [w.strip(".") for w in text.split() if w.strip(".")]
    if not words or len(words[-1]) < 2:
        return None  # "Q:", "A:"
    last = words[-1].lower()
    mention = by_surname.get(last)
    if mention is not None:
        return ActorMention(ctx.article.span(*label), mention.actor, "quote.transcript-label", ctx.stage,
                            MentionSource.SPEAKER_NAME, antecedent=mention.span, entity=mention.entity)
    name = " ".join(w.capitalize() for w in words if w.lower() not in ctx.titles and w.capitalize() + "." not in ctx.titles)
    if not name:
        return None
    return ActorMention(ctx.article.span(*label), Actor(None, name, None, "person"), "quote.transcript-label", ctx.stage,
                        MentionSource.SPEAKER_NAME)


def extract_turns(ctx: SpeakerContext, layout: Layout, removed: tuple[RemovedSpan, ...]) -> list[Found]:
    """The turns of a transcript in the article, each a direct quote; none when the article is no transcript."""
    turns = _turns(ctx.article.text, removed)
    if len(turns) < _MIN_TURNS:
        return []
    out: list[Found] = []
    by_surname = _people_by_surname(ctx)
    for turn in turns:
        a, b = turn.words
        first, last = layout.sentence_of(a), layout.sentence_of(b - 1)
        out.append(Found(ctx.article.span(a, b), "direct", _speaker(ctx, turn.label, by_surname), None, first, last))
    return out
