"""Who an event is aimed at, and the (source, target) pairs it is coded for: a party inside or
after the match, else the place it happens; never the source itself (one chain, its own pronoun,
a state acting on its own organ)."""

from __future__ import annotations

from typing import Sequence

from dragoman.events.matcher import PatternMatch, SentenceView, mentions_from
from dragoman.events.policy import CodingPolicy
from dragoman.events.voices import same_actor
from dragoman.events.words import EventWords
from dragoman.records import ActorMention, MentionRole, MentionSource


def _reporting_between(view: SentenceView, anchor: int, place: int, words: EventWords) -> bool:
    """Is the place in a reporting clause apart from the event ("..., officials in Nairobi said")?"""
    if place < anchor:
        return any(view.lower(k) in words.reporting for k in range(place, anchor))
    commas = [k for k in range(anchor, place) if view.lower(k) == ","]
    return bool(commas) and any(view.lower(k) in words.reporting for k in range(commas[-1], view.end))


def place_target(view: SentenceView, match: PatternMatch, sources: tuple[ActorMention, ...], words: EventWords) -> tuple[ActorMention, ...]:
    """A target of last resort: the country where the event happens ("lifted a curfew in Montenegro")."""
    # the source's own country counts too: PLOVER codes "lifted the curfew in West Darfur" SDN→SDN
    # ... but not one in the reporting clause: "killing 20 people, relief officials in Nairobi said"
    places = [(i, m) for i, ms in view.mentions_at.items() for m in ms if m.role is MentionRole.PLACE and not _reporting_between(view, match.anchor, i, words)]
    if not places:
        return ()
    after = [p for p in places if p[0] >= match.anchor]
    i, m = min(after or places, key=lambda p: abs(p[0] - match.anchor))
    return (m,)


def object_target(view: SentenceView, match: PatternMatch, sources: tuple[ActorMention, ...], code: str, words: EventWords, policy: CodingPolicy) -> tuple[ActorMention, ...]:
    """For a pattern with no target slot: a mention inside the match ("purchases of Russian oil")
    or right after it ("threats to freeze their membership"). A threat with no party of its own
    is aimed at the party of its condition ("threatened to stop talks if the United States ...")."""
    own = {(s.actor.code, s.actor.name) for s in sources} | {s.actor.country for s in sources}

    def foreign(m: ActorMention) -> bool:
        # "strengthened its forces": a pronoun of the source itself is no target
        return m not in sources and (m.actor.code, m.actor.name) not in own and not (m.found_by is MentionSource.PRONOUN and m.actor.country in own)

    def own_organ(m: ActorMention) -> bool:
        # "The South fired dozens of rounds of artillery": the source's own army names no target
        return bool(sources) and all(is_self(s, m, words.state_organs) for s in sources)

    inside = tuple(m for i in range(match.anchor + 1, match.end) for m in view.mentions_at.get(i, ()) if foreign(m))
    if inside:
        return inside[:1]
    # an appeal, intention, concession, demand, refusal, threat or protest names its addressee later in the clause:
    # "promised to continue aid to Mozambique", "threatened to cut off electricity to Nakhichevan",
    # "demanding political autonomy from Serbian authorities", "in protest against abuses by the security forces"
    # an announced intention ("announced it will host talks ... with Egypt") reaches as far as its new code allows
    reach = max(policy.reach[match.pattern.code[:2]], policy.reach.get(code[:2], 0))
    limit = min(view.end, match.end + reach)
    if code == "010":
        # a statement is aimed at whom it addresses, not at the actors of what it states: "the government
        # announced that borders with Syria and Iraq would be closed" names no addressee (a comment on
        # someone, 012-019, "worried the Venezuelan government would ...", is about them)
        anchor = view.doc[match.anchor]
        content = [c.left_edge.i for c in anchor.children if c.dep_ == "ccomp" and c.i > anchor.i]
        content += [k for k in range(match.end, limit) if view.lower(k) == "that" and view.doc[k].dep_ == "mark"][:1]
        limit = min([limit, *content])
    placed = False
    i = match.end
    while i < limit:
        token = view.doc[i]
        if token.is_punct and token.text not in {"“", "”", "\""} and not (token.text == "-" and not view.doc[i - 1].whitespace_):
            break  # an in-word hyphen ("war-torn") does not end the clause
        if view.lower(i) in words.subordinators and (view.lower(i) != "as" or view.doc[i].dep_ == "mark"):
            if code[:2] == "13" and view.lower(i) in {"if", "unless"} and not placed and limit < match.end + 2 * reach:
                limit = min(view.end, i + reach)  # "threatened to hold a strike unless Israel rescinded ..."
                i += 1
                continue
            break  # "threatened to ban voting in Jerusalem if Hamas ran": the place is the target, Hamas is in another clause
        sides = _the_sides(view, i, sources, words)
        if sides:
            return sides  # "facilitating talks between the warring sides as Armenia and Azerbaijan accuse each other"
        placed = placed or any(m.role is MentionRole.PLACE for m in view.mentions_at.get(i, ()))
        for m in view.mentions_at.get(i, ()):
            if foreign(m) and m.role is not MentionRole.PLACE:
                if own_organ(m):
                    return ()
                # the whole coordination: "to Iran, Libya, North Korea and Sudan"
                chains = mentions_from(view, i)
                # (a bare sector word followed by its examples, "extremists like IS", stands for them)
                listed = tuple(n for n in chains[0][0] if foreign(n) and n.role is not MentionRole.PLACE) \
                    if chains and (m in chains[0][0] or m.found_by is MentionSource.SECTOR) else ()
                return listed or (m,)
        i += 1
    return ()


def _the_sides(view: SentenceView, i: int, sources: tuple[ActorMention, ...], words: EventWords) -> tuple[ActorMention, ...]:
    """"the warring sides", "both parties" at token ``i``: the two coordinated actors ("Armenia and Azerbaijan")
    nearest to it in the sentence, of other countries than the sources'; else ()."""
    if view.lower(i) not in words.party_nouns or i == view.start or view.lower(i - 1) not in words.party_modifiers:
        return ()
    own = {m.actor.country for m in sources}
    found: list[tuple[int, ActorMention, ActorMention]] = []
    for k, ms in view.mentions_at.items():
        first = ms[0]
        end = view.mention_end[id(first)]
        if first.role is MentionRole.PLACE or first.actor.country in own or end + 1 >= view.end or view.lower(end) != "and" \
                or end + 1 not in view.mentions_at:
            continue
        second = view.mentions_at[end + 1][0]
        if second.role is not MentionRole.PLACE and second.actor.country not in own | {first.actor.country}:
            found.append((abs(k - i), first, second))
    return min(found, key=lambda f: f[0])[1:] if found else ()


def is_self(source: ActorMention, target: ActorMention, organs: frozenset[str]) -> bool:
    """"Russia's ministry said its fleet ...": a possessive of the source itself; one entity chain; a
    state acting on its own government ("Iranian missile strike ... on Tehran": IRN -> IRNGOV)."""
    if same_actor(source, target) or (source.entity is not None and source.entity == target.entity):
        return True
    if target.found_by in {MentionSource.PRONOUN, MentionSource.DEFINITE} and target.actor.country == source.actor.country:
        return True
    country = source.actor.country
    if target.role is MentionRole.PLACE:
        return False  # "imposed a curfew in Cizre": a domestic act takes its place's country as target (PLOVER's convention)
    if country is None or country != target.actor.country or source.actor.code != country:
        return False
    # the state acting on its own organ ("Iranian missile strike ... on Tehran"); an organ acting on its country
    # ("promised to democratize Serbia") is a domestic event, and a legislator or the opposition on its government a dyad
    return (target.actor.sector or "GOV")[:3] in organs


def others(sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...], organs: frozenset[str]) -> tuple[ActorMention, ...]:
    """The targets, unless every one is a source itself."""
    return () if sources and targets and all(is_self(s, t, organs) for s in sources for t in targets) else targets


def _one_party(a: ActorMention, b: ActorMention) -> bool:
    """Two mentions of one party: the same code, or one country with no sector apart ("his Russian
    counterpart, Sergei Lavrov"); a government and its rebels are two parties."""
    if a.actor.code == b.actor.code:
        return True
    return a.actor.country is not None and a.actor.country == b.actor.country and (a.actor.sector is None or b.actor.sector is None or a.actor.sector == b.actor.sector)


def _each_other(sources: tuple[ActorMention, ...]) -> list[tuple[ActorMention, ActorMention | None]]:
    return [(a, b) for a in sources for b in sources if a is not b and not _one_party(a, b)]


def names_each_other(view: SentenceView, match: PatternMatch) -> bool:
    """Does the act aim at "each other" / "one another" ("Armenia and Azerbaijan accuse each other of
    violating the cease-fire", "traded blame with one another")? Then its coordinated parties are each
    other's targets, whatever the pattern's own kind."""
    for i in range(match.anchor + 1, min(view.end - 1, match.end + 3)):
        if (view.lower(i), view.lower(i + 1)) in _RECIPROCAL_PRONOUNS:
            return True
    return False


_RECIPROCAL_PRONOUNS = frozenset({("each", "other"), ("one", "another")})


def pairs(match: PatternMatch, sources: tuple[ActorMention, ...], targets: tuple[ActorMention, ...], policy: CodingPolicy,
          each_other: bool = False) -> Sequence[tuple[ActorMention, ActorMention | None]]:
    if each_other and not targets:
        return _each_other(sources)
    if "reciprocal" in match.pattern.flags:
        if targets:
            return [(a, b) for a in sources for b in targets] + [(b, a) for a in sources for b in targets]
        # "X and Y met": a reciprocal event needs two parties ("his Russian counterpart, Sergei Lavrov" is one);
        # a longer list ("Britain, China, France, Germany, Russia and the United States met") is a group
        # meeting as one, not fifteen dyads
        return _each_other(sources) if len({(s.actor.code, s.actor.country) for s in sources}) <= 3 else []
    if not targets and len({(s.actor.code, s.actor.country) for s in sources}) == 2 and policy.is_mutual(match.pattern.code):
        # "the United States and Jordan agreed", "X and Y signed a treaty": two coordinated parties with no
        # other named party act on each other (a longer list is a group acting together, not dyads)
        return _each_other(sources)
    return [(a, b) for a in sources for b in (targets or (None,))]
