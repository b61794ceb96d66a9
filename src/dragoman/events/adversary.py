"""Force acts with no named target, aimed at the adversary the article establishes for their source.

"Iraqi forces retook the airport", "the military has been placed on high alert", "launching
airstrikes": CAMEO codes a force act against the party it is aimed at, which the sentence often
leaves to the article. When the article's other coded force events say whom the source fights, an
act of the source with no target is aimed at that party:

- a *vote*: every event of a root marked ``vote`` or ``both`` in ``roots.tsv`` (coerce, assault,
  fight, mass violence) with a target tells that its source and its target are adversaries, both
  ways ("X shelled Y": Y is X's adversary and X is Y's);
- a *party*: a state and its organs are one party (Iraq, the Iraqi army, Baghdad's forces: the
  state's country); any other actor (an armed group, civilians, a person) is its own;
- the *adversary* of a party: the party with more than half of its votes, and two at least (one
  event tells one encounter, not who the enemy is);
- an event of a root marked ``aim`` or ``both`` (force posture, assault, fight, mass violence) with
  no target takes the adversary of its source's party, as the mention that most often stands for it
  in the votes. No adversary, no change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from dragoman.events.merging import Merging
from dragoman.events.votes import clear_winner
from dragoman.events.policy import CodingPolicy
from dragoman.events.words import EventWords
from dragoman.records import Actor, ActorMention, Event, MentionRole, MentionSource

_MIN_VOTES = 2
# a reading that says the act may not have happened tells no enmity: "did not attack", "might strike", "did X attack?"
_NO_VOTE = frozenset({"negated", "possible", "question"})
RULE_SUFFIX = "adversary"


def party(actor: Actor, organs: frozenset[str]) -> str:
    """The side an actor fights on: a state's country for the state and its organs (government,
    military, police ...), else the actor itself."""
    if actor.country and (actor.code == actor.country or (actor.sector or "")[:3] in organs and (actor.code or "").startswith(actor.country)):
        return actor.country
    return f"{actor.code}|{actor.name}"


def adversaries(events: Iterable[Event], policy: CodingPolicy, words: EventWords) -> dict[str, ActorMention]:
    """The adversary of each party the article's force events establish one for, by party. ``events``
    are every reading of the article, asserted or not ("they fired 36 shells at KPA posts", said the
    North's agency: whatever its truth, the North's enemy is the South)."""
    organs = words.state_organs
    votes: dict[str, Counter[str]] = {}
    mentions: dict[str, Counter[tuple[str | None, str | None]]] = {}
    named: dict[tuple[str | None, str | None], ActorMention] = {}
    for e in events:
        if e.target is None or e.root not in policy.adversary_votes or e.assertion in _NO_VOTE:
            continue
        a, b = party(e.source.actor, organs), party(e.target.actor, organs)
        if a == b:
            continue
        for side, other, mention in ((a, b, e.target), (b, a, e.source)):
            votes.setdefault(side, Counter())[other] += 1
            key = (mention.actor.code, mention.actor.name)
            mentions.setdefault(other, Counter())[key] += 1
            named.setdefault(key, mention)
    out: dict[str, ActorMention] = {}
    for side, counted in votes.items():
        counted = _generic_folded(counted, {p: [named[k] for k in mentions[p]] for p in counted}, words)
        top = clear_winner(counted, _MIN_VOTES)
        if top is not None:
            # the mention that most often stands for the adversary, a name before a place or a pronoun
            key = max(mentions[top], key=lambda k: (mentions[top][k], named[k].role is not MentionRole.PLACE, named[k].found_by is not MentionSource.PRONOUN))
            out[side] = named[key]
    return out


def _generic_folded(counted: Counter[str], seen: Mapping[str, list[ActorMention]], words: EventWords) -> Counter[str]:
    """The votes, those for armed groups known only by a sector word ("militants", "insurgents") counted
    for the one armed group the votes name, when they name exactly one ("Iraqi forces seized an IS
    warehouse ... firefights with militants": the militants are IS's)."""
    def armed(p: str, generic: bool) -> bool:
        return all(words.armed_group(m.actor) and (m.found_by is MentionSource.SECTOR) is generic for m in seen[p])

    groups = [p for p in counted if armed(p, False)]
    generic = [p for p in counted if armed(p, True)]
    if len(groups) != 1 or not generic:
        return counted
    folded = Counter({p: n for p, n in counted.items() if p not in generic})
    folded[groups[0]] += sum(counted[p] for p in generic)
    return folded


def aimless(e: Event) -> bool:
    """Does the event name no party it is aimed at: no target, or only where it happens in the source's own
    country ("Iraqi forces retook the airport in Mosul", "... the western areas of Iraq's second city")?"""
    if e.target is None:
        return True
    own = e.source.actor.country
    return own is not None and e.target.actor.country == own and (e.target.role is MentionRole.PLACE or e.target.actor.code == own)


def aim_at_adversaries(events: Sequence[Event], found: Mapping[str, ActorMention], policy: CodingPolicy, organs: frozenset[str]) -> list[Event]:
    """The events, those of an ``aim`` root that name no party (:func:`aimless`) aimed at their source's
    adversary in ``found`` (:func:`adversaries`; rule ``...+adversary``); an aimed event that repeats one
    already coded (same source, target, code and date) adds its evidence to it, as events merge in the coder."""
    merging = Merging()
    for e in events:
        if e.root in policy.adversary_aims and aimless(e):
            enemy = found.get(party(e.source.actor, organs))
            if enemy is not None and party(enemy.actor, organs) != party(e.source.actor, organs):
                e = replace(e, target=enemy, rule=f"{e.rule}+{RULE_SUFFIX}")
        merging.add(e, same_evidence=True)
    return list(merging.events().values())
