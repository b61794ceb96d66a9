"""The country a generic actor belongs to, from what the text around it implies.

"Police arrested protesters in Minsk", "ethnic Albanians demonstrated in Serbia",
"President Suharto's government": the actor word names no country, the text does.
Evidence, strongest first:

1. ``place-phrase``: a place phrase right after the mention ("students throughout Indonesia", "officials from Egypt",
   "rebels in Darfur", "the Albanians of southern Serbia");
2. ``sentence-place``: the one country the sentence uses as a place ("in Tehran"); of several, the
   first after the mention;
3. ``sentence-country``: the country the sentence names most often (names, adjectives, capitals,
   organisations and people with a country), when one leads;
4. ``article-country``: the same over the whole article.

Without evidence a bare sector word is dropped, and an ethnic group keeps its own country.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import AbstractSet, Mapping, NamedTuple

from spacy.tokens import Doc

from dragoman.actors.knowledge import Country
from dragoman.actors.locative import BRIDGE_WORDS
from dragoman.actors.naming import SectorNames
from dragoman.ranges import Ranges
from dragoman.records import Actor, ActorMention, MentionRole, MentionSource, Span

NON_STATE_ARMED = frozenset({"REB", "INS", "UAF", "SEP"})
PENDING = ".implied"  # rule suffix (provenance) of a mention made with role PENDING
_PLACE_PREPOSITIONS = frozenset({"in", "throughout", "across", "of", "from", "at", "inside", "within", "around", "near"})
# Kinds whose country says where the story is: states, people, armed groups; not companies, media or NGOs.
_COUNTED = frozenset({"state", "person", "group"})
# How much evidence each kind of pending mention may use (1 = a place phrase only ... 4 = all):
# "the Albanians of southern Serbia" (demonym) and groups ("Kurds") only by where they are said to be.
_LED = frozenset({"led"})
_BACKED = frozenset({"backed", "supported", "sponsored", "trained", "armed", "funded", "allied"})
_DEPTH = {MentionSource.SECTOR: 4, MentionSource.ETHNIC: 4, MentionSource.PERSON: 4, MentionSource.GROUP: 2, MentionSource.DEMONYM: 1}
_PEOPLES = frozenset({MentionSource.ETHNIC, MentionSource.DEMONYM})


def _tokens(doc: Doc, mention: ActorMention) -> tuple[int, int] | None:
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


@dataclass(frozen=True, slots=True)
class _Known:
    """The article's resolved mentions with their token spans, worked out once per article, and
    what a pending mention asks of all of them (the article's country counts) kept once asked."""

    mentions: list[ActorMention]
    located: list[tuple[ActorMention, int, int]]  # (mention, first token, token after), in text order
    starts: dict[int, ActorMention]  # first token -> the first mention starting there
    ends: dict[int, ActorMention]  # token after -> the last mention ending there
    ending: dict[int, list[ActorMention]]  # token after -> every mention ending there, in text order
    by_offset: Ranges[ActorMention]
    leaders: dict[tuple[str, frozenset[str]], str | None]  # (which count, countries left out) -> the article's leading country

    @classmethod
    def of(cls, doc: Doc, mentions: list[ActorMention]) -> _Known:
        known = [m for m in mentions if m.role is not MentionRole.PENDING]
        located = [(m, *where) for m in known if (where := _tokens(doc, m)) is not None]
        starts: dict[int, ActorMention] = {}
        for m, start, _ in located:
            starts.setdefault(start, m)
        return cls(known, located, starts, {end: m for m, _, end in located}, _by_end(located), Ranges(known, _bounds), {})

    def article_leader(self, which: str, exclude: AbstractSet[str]) -> str | None:
        """The article's leading country ("country": of its actors, "place": of its places), once per exclusion."""
        key = (which, frozenset(exclude))
        if key not in self.leaders:
            if which == "place":
                counts = Counter(m.actor.country for m in self.mentions if m.role is MentionRole.PLACE and m.actor.country and m.actor.country not in exclude)
            else:
                counts = _counts(self.mentions, exclude)
            self.leaders[key] = _leader(counts)
        return self.leaders[key]


def _bounds(m: ActorMention) -> tuple[int, int]:
    return m.span.start, m.span.end


def _by_end(located: list[tuple[ActorMention, int, int]]) -> dict[int, list[ActorMention]]:
    out: dict[int, list[ActorMention]] = {}
    for m, _, end in located:
        out.setdefault(end, []).append(m)
    return out


def _counts(mentions: list[ActorMention], exclude: AbstractSet[str]) -> Counter[str]:
    # a named organisation does not count for its country ("CNN"), one the text composes from it does
    # ("North Korea's main news agency" names North Korea)
    return Counter(m.actor.country for m in mentions if m.actor.country and m.actor.country not in exclude
                   and (m.actor.kind in _COUNTED or m.found_by in {MentionSource.COUNTRY, MentionSource.ADJECTIVE}))


def _leader(counts: Counter[str]) -> str | None:
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]


def _place_phrase(doc: Doc, end: int, starts: dict[int, ActorMention], exclude: AbstractSet[str]) -> ActorMention | None:
    """"rebels in Darfur", "Albanians of southern Serbia": the place (with a country) of a place phrase right after."""
    if end >= len(doc) or doc[end].lower_ not in _PLACE_PREPOSITIONS:
        return None
    if doc[end].lower_ == "from" and doc.has_annotation("DEP") and doc[end].head.head.i != end - 1:
        return None  # "withdraw its troops from Lebanon": the verb's source, not where the troops are from
    k = end + 1
    while k < len(doc) and k - end <= 4:
        hit = starts.get(k)
        if hit is not None:
            stop = doc.char_span(hit.span.start, hit.span.end, alignment_mode="expand")
            if stop is not None and stop.end < len(doc) and doc[stop.end].text in {"-", "–"}:
                k = stop.end + 2  # "the Israeli-occupied West Bank": a modifier, not the place
                continue
            if hit.actor.country and hit.actor.kind in {"state", "group"} and hit.actor.country not in exclude:
                return hit
            return None
        if doc[k].lower_ not in BRIDGE_WORDS:
            return None
        k += 1
    return None


def _title_adjective(doc: Doc, start: int, ending: Mapping[int, list[ActorMention]], exclude: AbstractSet[str]) -> ActorMention | None:
    """"Nigerian junior foreign minister Dubem Oniya": the state named right before the person's title
    (``ending``: the mentions by the token after them, in text order)."""
    k = start - 1
    while k >= 0 and start - k <= 4 and ((doc[k].is_lower and doc[k].is_alpha) or doc[k].text == "-"):
        k -= 1
    if k < 0 or k == start - 1:
        return None
    for m in ending.get(k + 1, ()):
        if m.actor.kind == "state" and m.actor.country and m.actor.country not in exclude:
            return m
    return None


class Implied(NamedTuple):
    """The country the text implies for a mention, the kind of evidence, and for a place phrase its place."""

    country: str
    evidence: str
    place: ActorMention | None = None


def implied_country(doc: Doc, mention: ActorMention, known: _Known, exclude: AbstractSet[str] = frozenset(), depth: int = 4) -> Implied | None:
    """The country, evidence (and place) for a generic mention, or None when the text implies none;
    ``depth`` is how many of the four kinds of evidence may be used."""
    where = _tokens(doc, mention)
    if where is None:
        return None
    start, end = where
    if start >= 3 and doc[start - 2].text == "-" and doc[start - 1].lower_ in _LED | _BACKED:
        # "Saudi-led forces" are that state's; "US-backed forces" are not the backer's
        patron = known.ends.get(start - 2)
        if patron is not None and patron.actor.country and patron.actor.kind == "state":
            if doc[start - 1].lower_ in _LED and patron.actor.country not in exclude:
                return Implied(patron.actor.country, "led-by")
            exclude = {*exclude, patron.actor.country}
    place = _place_phrase(doc, end, known.starts, exclude)
    if place is not None and place.actor.country:
        return Implied(place.actor.country, "place-phrase", place)
    if depth < 2:
        return None
    adjective = _title_adjective(doc, start, known.ending, exclude) if mention.actor.kind == "person" else None
    if adjective is not None and adjective.actor.country:
        return Implied(adjective.actor.country, "title-adjective")
    sent = doc[start].sent
    in_sentence = known.by_offset.starting(sent.start_char, sent.end_char)
    # (start, country) of the sentence's places
    sentence_places = [(m.span.start, m.actor.country) for m in in_sentence if m.role is MentionRole.PLACE and m.actor.country and m.actor.country not in exclude]
    places = {country for _, country in sentence_places}
    if len(places) == 1:
        return Implied(places.pop(), "sentence-place")
    # of several, "Muslims in America ..., after terrorists killed 130 people in Paris": the first place
    # after the mention (its own clause's); none after: the evidence below decides
    after = [p for p in sentence_places if p[0] >= mention.span.end]
    if len(places) > 1 and after:
        return Implied(min(after)[1], "sentence-place")
    # a state the sentence names acts on armed groups more often than it owns them ("Russia bombed rebels"):
    # non-state armed actors skip the sentence's leading country for the article's
    armed = mention.actor.sector in NON_STATE_ARMED
    found = _leader(_counts(in_sentence, exclude)) if depth >= 3 and not armed else None
    if found:
        return Implied(found, "sentence-country")
    if depth >= 4 and armed:
        # rebels and militants belong where the article's fighting is: its leading place, not its leading actor
        # ("Russia" and "Turkey" as actors in a story about Aleppo)
        found = known.article_leader("place", exclude)
        if found:
            return Implied(found, "article-place")
    found = known.article_leader("country", exclude) if depth >= 4 else None
    if found:
        return Implied(found, "article-country")
    return None


def imply_countries(doc: Doc, mentions: list[ActorMention], countries: Mapping[str, Country], names: SectorNames) -> list[ActorMention]:
    """Give each pending mention (role ``PENDING``) the country the text implies.

    A pending mention's actor carries its sector (bare sector words) or its own
    country (an ethnic group: "ethnic Albanians" keep ALB when nothing else is
    said). Mentions of other rules pass through unchanged.
    """
    out: list[ActorMention] = []
    absorbed: set[Span] = set()
    known = _Known.of(doc, mentions)
    everyone: dict[int, list[ActorMention]] | None = None  # all mentions by the token after them, for title adjectives
    adjectives = Ranges([m for m in mentions if m.found_by is MentionSource.ADJECTIVE], lambda m: (m.span.end, m.span.end))
    for mention in mentions:
        if mention.role is not MentionRole.PENDING:
            out.append(mention)
            continue
        prefix = mention.rule.removesuffix(PENDING)
        kind, actor = mention.found_by, mention.actor
        own = {actor.code[:3]} if kind in _PEOPLES and actor.code else set()
        found = implied_country(doc, mention, known, own, _DEPTH[kind])
        if found is None:
            if kind in _PEOPLES and actor.code:
                ethnic = kind is MentionSource.ETHNIC
                out.append(replace(mention, actor=replace(actor, country=actor.code[:3], kind="group" if ethnic else "state"),
                                   rule="ethnic.origin" if ethnic else "adjective.name", role=MentionRole.ACTOR,
                                   found_by=MentionSource.ETHNIC if ethnic else MentionSource.ADJECTIVE))
            elif kind is MentionSource.PERSON:
                out.append(replace(mention, actor=replace(mention.actor, sector=None), rule="person.unknown", role=MentionRole.ACTOR))
            elif kind is not MentionSource.SECTOR:
                out.append(replace(mention, rule=prefix, role=MentionRole.ACTOR))
            continue
        country, evidence, place = found
        if kind is MentionSource.SECTOR:
            code = f"{country}{actor.sector}" if actor.sector else country
            name = countries[country].name if country in countries else country
            if place is not None and place.found_by is MentionSource.REGION and place.actor.name and country in countries and actor.sector:
                # "newspapers in New Jersey": the region names the actor ("Media of New Jersey"), its state the code
                name = names.name(countries[country], actor.sector, place.actor.name) or name
            actor = Actor(code, name, country, actor.kind, actor.sector)
        elif kind is MentionSource.PERSON:
            actor = replace(actor, code=f"{country}{actor.sector or ''}", country=country)
        else:
            actor = replace(actor, country=country)
        out.append(replace(mention, actor=actor, rule=f"{prefix}.{evidence}", role=MentionRole.ACTOR))
        if evidence == "led-by":
            # "Vietnamese-led forces": the adjective is part of the forces, no actor of its own
            absorbed.update(m.span for m in adjectives.starting(mention.span.start - 5, mention.span.start + 1) if m.actor.country == country)
        if evidence == "title-adjective" and (where := _tokens(doc, mention)) is not None:
            if everyone is None:
                everyone = _by_end([(m, *at) for m in mentions if (at := _tokens(doc, m)) is not None])
            adjective = _title_adjective(doc, where[0], everyone, set())
            if adjective is not None and adjective.found_by is MentionSource.ADJECTIVE:
                absorbed.add(adjective.span)
    # the adjective now belongs to the titled person ("Ghanaian deputy trade minister X"): no actor of its own
    return [m for m in out if m.span not in absorbed]
