"""Cities and towns after a locative preposition as places of their country.

The knowledge base knows countries, capitals and regions; the thousands of other
towns a news sentence locates things in ("clashes in Kirkuk", "a rally at Cizre")
come from the places gazetteer. Each such phrase becomes a ``city.place`` mention of
its country, exactly like "in Tehran" (``capital.place``): events never take a place
as a source of an active verb, only as the source of a passive one or as a target of
last resort, and generic actors of the sentence ("protesters", "police") take its
country (``actors/implied.py``). Only phrases after a locative preposition ("in",
"at", "near", …) count — "to Lagos" is a direction, "Reading" alone is a verb — and
a phrase that overlaps a mention already found (a KB name) is left to that mention.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dragoman.actors.knowledge import KnowledgeBase
from dragoman.places import Gazetteer, locative_places
from dragoman.ranges import Covered, Ranges
from dragoman.records import Actor, ActorMention, Article, MentionRole, MentionSource, RemovedSpan

STAGE = "actors"


def city_places(
    doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], found: list[ActorMention], kb: KnowledgeBase, gazetteer: Gazetteer,
) -> list[ActorMention]:
    """``city.place`` mentions for gazetteer places in locative phrases that no mention in ``found`` covers."""
    taken = Covered(len(article.text), [(m.span.start, m.span.end) for m in found])
    skip = Covered(len(article.text), ((r.span.start, r.span.end) for r in removed))
    out: list[ActorMention] = []
    for sent in doc.sents:
        if skip.at(sent.start_char):
            continue
        for place in locative_places(sent.text, sent.start_char, article, gazetteer):
            span, iso = place.span, place.country
            if span is None or iso is None or iso not in kb.countries:
                continue
            if taken.overlaps(span.start, span.end):
                continue
            state = kb.countries[iso]
            out.append(ActorMention(span, Actor(iso, state.name, iso, "state", None), "city.place", STAGE, MentionSource.CITY, MentionRole.PLACE))
            taken.add(span.start, span.end)
    return out


_RIVAL_SHARE = 0.1  # a same-name city must have at least this share of the capital's population


def relocate_capitals(doc: Doc, found: list[ActorMention], kb: KnowledgeBase, gazetteer: Gazetteer) -> list[ActorMention]:
    """A capital's name that is also a city of another country named in the same sentence is that
    city: "militias in Tripoli ... the north Lebanese port" is Tripoli, Lebanon, not Libya's capital."""
    out = list(found)
    by_offset = Ranges(found, lambda m: (m.span.start, m.span.end))
    for n, mention in enumerate(found):
        if mention.found_by is not MentionSource.CAPITAL or mention.actor.country is None:
            continue
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if span is None:
            continue
        bounds = (span.sent.start_char, span.sent.end_char)
        named = {m.actor.country for m in by_offset.starting(*bounds) if m is not mention
                 and m.found_by in {MentionSource.COUNTRY, MentionSource.ADJECTIVE} and m.actor.country is not None}
        if mention.actor.country in named:
            continue  # "Libyan officials said" keeps Libya's Tripoli
        capital = gazetteer.lookup(mention.span.text, country=mention.actor.country)
        # only a city of a size to be confused with the capital: Tripoli, Lebanon, not London, Ontario
        floor = capital.population * _RIVAL_SHARE if capital is not None else 0
        homes = [c for c in sorted(named) if c in kb.countries and (entry := gazetteer.lookup(mention.span.text, country=c)) is not None
                 and entry.kind != "country" and entry.population >= floor]
        if len(homes) != 1:
            continue
        home, old = homes[0], mention.actor.country
        code = home + mention.actor.code[len(old):] if mention.actor.code and mention.actor.code.startswith(old) else home
        out[n] = replace(mention, actor=replace(mention.actor, code=code, name=kb.countries[home].name, country=home))
    return out
