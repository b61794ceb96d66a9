"""Whose voice states an act: the step between the parse-based assertion reading and the coder.

An act is the article's when nothing governs it, its source's own when the source announces or
reports it, attributed when a neutral voice sources it ("..., the ministry said"), and only reported
when another voice claims, alleges or quotes it (docs/assertion.md).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from dragoman.events.assertion import AssertionLexicon, AssertionReading, according_to, is_background, read_assertion
from dragoman.events.matcher import SentenceView
from dragoman.records import ActorMention, Quote

BACKGROUND_DAYS = 31  # CODING.md: history older than about a month is background, not news
_MATERIAL_ROOTS = frozenset({4, 6, 7, 8, 9, *range(14, 21)})  # consultations and material acts: the simple present is a habit


def same_actor(a: ActorMention, b: ActorMention) -> bool:
    return (a.actor.code, a.actor.name) == (b.actor.code, b.actor.name)


def mention_at_token(view: SentenceView, token: Token) -> ActorMention | None:
    """The actor mention inside the phrase headed by ``token`` (a reporting predicate's subject)."""
    lo, hi = token.left_edge.i, token.right_edge.i
    inside = [m for i, ms in view.mentions_at.items() for m in ms if lo <= i <= hi]
    return min(inside, key=lambda m: abs(view.mention_end[id(m)] - 1 - token.i)) if inside else None


def speaks_for(speaker: ActorMention | None, sources: tuple[ActorMention, ...]) -> bool:
    """Is the reporting voice one of the act's own sources ("Iran said it launched missiles")?
    An unresolved voice is given the benefit of the doubt."""
    if speaker is None or (speaker.actor.code is None and speaker.actor.country is None):
        return True
    return any(same_actor(speaker, s) or (speaker.actor.country is not None and speaker.actor.country == s.actor.country) for s in sources)


def act_assertion(doc: Doc, view: SentenceView, anchor: int, code: str, sources: tuple[ActorMention, ...], quote: Quote | None,
                  dated: dt.date | None, article_date: dt.date | None, lexicon: AssertionLexicon) -> AssertionReading:
    """Whether the article asserts the act at ``anchor`` (CAMEO ``code``, by ``sources``): asserted acts,
    acts announced or self-reported by their own source, and acts attributed to a source with a neutral
    verb are events; what a voice claims, alleges or quotes about another is that voice's act."""
    reading = read_assertion(doc, anchor, lexicon, material=int(code[:2]) in _MATERIAL_ROOTS)
    if reading.value == "asserted":
        attributed = according_to(doc, anchor)
        if attributed is not None:
            reading = AssertionReading("attributed", attributed, "attributed with 'according to'", attributed)
        elif quote is not None:
            return reading if speaks_for(quote.speaker, sources) else AssertionReading("reported", None, "inside a quotation of another voice")
    if reading.value in {"reported", "announced", "attributed"}:
        speaker = mention_at_token(view, doc[reading.speaker]) if reading.speaker is not None else None
        if speaks_for(speaker, sources):
            reading = AssertionReading("announced", reading.cue, reading.reason, reading.speaker)
        elif reading.value != "attributed":
            return AssertionReading("reported", reading.cue, f"{reading.reason}, by another voice", reading.speaker)
    if reading.value in {"asserted", "attributed"} and is_background(dated, article_date, BACKGROUND_DAYS):
        return AssertionReading("background", None, f"dated {dated}, long before the article")
    return reading
