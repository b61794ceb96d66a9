"""Entity chains: every mention of one actor in an article gets one ``entity`` id.

Mentions join one chain when

* one refers back to the other (a pronoun, a surname, "the president", "the group": the
  mention's ``antecedent`` is the other's span);
* they are the same known person (``person_id``), the same unknown person (same name), the same
  organisation, IGO or armed group (same code), or the same state organ (same code and name:
  "Syrian officials" and "Damascus" are both the Government of Syria).

Places ("in Syria") belong to no chain: they are where things happen, not who acts. Chains are
numbered from 1 in order of their first mention. :func:`entities_of` summarises them: the
chain's identity is the actor of its best-known mention (a coded one, then the longest name).
"""

from __future__ import annotations

from dataclasses import replace

from dragoman.records import Actor, ActorMention, Entity, MentionRole, Span


def _is_place(m: ActorMention) -> bool:
    return m.role is MentionRole.PLACE


def _identity(m: ActorMention) -> tuple[str, ...] | None:
    a = m.actor
    if a.person_id:
        return ("person", a.person_id)
    if a.kind == "person":
        return ("person-name", a.name or m.span.text) if (a.name and " " in a.name) else None
    if a.kind == "state" and a.sector and a.code:
        # one organ of one state or region, however named: "Navy of Greece" and "Armed forces of Greece", "Ministry of
        # Foreign Affairs of Sudan" and "Government of Sudan" (the place after the last "of"); not "Government of West Darfur"
        return (a.kind, a.code, (a.name or "").rsplit(" of ", 1)[-1])
    if a.code:
        return (a.kind, a.code, a.name or "")
    return None


def assign_entities(mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """The mentions with their ``entity`` ids set (same order)."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_span: dict[Span, int] = {}
    by_identity: dict[tuple[str, ...], int] = {}
    for i, m in enumerate(mentions):
        if _is_place(m):
            continue
        by_span.setdefault(m.span, i)
        key = _identity(m)
        if key is not None:
            if key in by_identity:
                union(by_identity[key], i)
            else:
                by_identity[key] = i
    for i, m in enumerate(mentions):
        if m.antecedent is not None and not _is_place(m) and m.antecedent in by_span:
            union(by_span[m.antecedent], i)

    numbers: dict[int, int] = {}
    out = []
    for i, m in enumerate(mentions):
        if _is_place(m) or (m.actor.code is None and m.actor.kind != "person" and m.antecedent is None):
            out.append(replace(m, entity=None))
            continue
        root = find(i)
        numbers.setdefault(root, len(numbers) + 1)
        out.append(replace(m, entity=numbers[root]))
    return tuple(out)


def _rank(a: Actor) -> tuple[int, int]:
    # from what the store keeps (no KB ids), so a loaded article summarises its chains the same way
    return (0 if a.code else 1, -len(a.name or ""))


def entities_of(mentions: tuple[ActorMention, ...]) -> tuple[Entity, ...]:
    """One record per chain, in order of first mention."""
    chains: dict[int, list[ActorMention]] = {}
    for m in sorted(mentions, key=lambda m: m.span.start):
        if m.entity is not None:
            chains.setdefault(m.entity, []).append(m)
    return tuple(
        Entity(number, min((m.actor for m in chain), key=_rank), len(chain), chain[0].span)
        for number, chain in sorted(chains.items())
    )
