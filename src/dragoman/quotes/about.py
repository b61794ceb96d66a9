"""What each quotation is about: the actors it mentions.

Reads the quotes of :func:`~dragoman.quotes.extract_quotes` and the actor mentions of the actors
stage; sets :attr:`Quote.about`. A quote is about every mention whose span lies inside the quote's
span and that is resolved (it has an entity chain, or a code: places count, "about Syria"),
except the speaker's own: a mention of the speaker's entity chain, the speaker mention itself,
and a first-person pronoun, which in a quotation is the speaker. A pronoun the actors stage
resolved ("they" → Russia) counts as the entity it was resolved to.
"""

from __future__ import annotations

from dataclasses import replace

from dragoman.ranges import Ranges
from dragoman.records import ActorMention, MentionSource, Quote

# closed-class grammar, not a lexicon: the speaker speaking of themselves
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
_PRONOUNS = frozenset({MentionSource.PRONOUN, MentionSource.SPEAKER_PRONOUN})


def _resolved(m: ActorMention) -> bool:
    return m.entity is not None or m.actor.code is not None


def _is_speaker(m: ActorMention, speaker: ActorMention | None) -> bool:
    if m.found_by in _PRONOUNS and m.span.text.lower() in _FIRST_PERSON:
        return True
    if speaker is None:
        return False
    return m.span.overlaps(speaker.span) or (speaker.entity is not None and m.entity == speaker.entity)


def mentioned_actors(quote: Quote, mentions: Ranges[ActorMention]) -> tuple[ActorMention, ...]:
    """The resolved mentions inside ``quote``, in text order, the speaker's own left out
    (``mentions``: the article's, indexed by offset once for all the quotes)."""
    # a mention inside the quote starts inside it (or at its end, when empty)
    near = mentions.starting(quote.span.start, quote.span.end + 1)
    inside = [m for m in near if quote.span.contains(m.span.start, m.span.end) and _resolved(m) and not _is_speaker(m, quote.speaker)]
    return tuple(sorted(inside, key=lambda m: (m.span.start, m.span.end)))


def _bounds(mention: ActorMention) -> tuple[int, int]:
    return mention.span.start, mention.span.end


def add_about(quotes: tuple[Quote, ...], mentions: tuple[ActorMention, ...]) -> tuple[Quote, ...]:
    """The quotes, each with :attr:`Quote.about` set from the article's ``mentions``."""
    indexed = Ranges(mentions, _bounds)
    return tuple(replace(q, about=mentioned_actors(q, indexed)) for q in quotes)
