""""the North", "the South": a divided country's half named before (docs/actors.md, rule ``definite.compass``).

In an article that names North Korea or South Sudan, "the North" / "the South" (capitalised, after
"the", no name following) is the latest country named before whose name starts with that word.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dragoman.records import ActorMention, Article, MentionRole, MentionSource, RemovedSpan

STAGE = "actors.compass.v1"

_COMPASS = frozenset({"North", "South", "East", "West"})
"""Compass words that open the names of divided countries ("North Korea", "South Sudan", "East Timor")."""


def resolve_compass(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions with "the North"/"the South" added where a country of that name was named before."""
    taken = [(m.span.start, m.span.end) for m in mentions] + [(r.span.start, r.span.end) for r in removed]
    states = sorted((m for m in mentions if m.actor.kind == "state" and m.actor.sector is None and m.actor.country
                     and m.found_by in {MentionSource.COUNTRY, MentionSource.ADJECTIVE} and (m.actor.name or "").split()[:1]
                     and (m.actor.name or "").split()[0] in _COMPASS), key=lambda m: m.span.start)
    if not states:
        return mentions
    added: list[ActorMention] = []
    for tok in doc:
        if tok.text not in _COMPASS or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and (nxt.text[:1].isupper() or nxt.text in {"-", "–"} or nxt.lower_ == "of"):
            continue  # "the North Atlantic", "the South-East", "the north of Syria"
        span = article.token_span(doc, tok.i - 1, tok.i + 1)
        if any(s < span.end and span.start < e for s, e in taken):
            continue
        earlier = [m for m in states if m.span.end <= span.start and (m.actor.name or "").split()[0] == tok.text]
        if not earlier:
            continue
        antecedent = earlier[-1]
        actor = replace(antecedent.actor)
        added.append(ActorMention(span, actor, "definite.compass", STAGE, MentionSource.DEFINITE, MentionRole.ACTOR, antecedent=antecedent.span))
    return sorted([*mentions, *added], key=lambda m: m.span.start) if added else mentions
