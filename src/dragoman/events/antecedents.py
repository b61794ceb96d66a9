"""Event nouns that refer back: "condemned the launch" is aimed at whoever launched.

A verbal act (CAMEO 01-05, 10-13) that found no actor to aim at, whose verb's object is an event
noun of ``data/event_nouns.tsv`` ("the launch", "the sanctions", "the deal") with no actor of its
own ("Iran's launch" is handled by the patterns), takes as target the source of the latest act the
article reported before it, within :data:`WINDOW` sentences, whose CAMEO root the noun may name,
and whose source is not the speaker's own state. Nothing found: the act stays without a target.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from spacy.tokens import Doc, Token

from dragoman.knowledge import packaged_text, read_rows
from dragoman.records import Event

WINDOW = 4
"""How many sentences back an event noun may find the act it names."""

_VERBAL = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
_OBJECT_DEPS = frozenset({"obj", "dobj", "nsubj:pass"})  # "criticized it as a bad deal": "deal" (obl) is a verdict, not the object
_OWNER_DEPS = frozenset({"nmod:poss", "poss", "compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class EventNouns:
    """Noun lemma -> the CAMEO roots of the acts it may name."""

    roots: Mapping[str, frozenset[str]]


def load_event_nouns() -> EventNouns:
    """Read ``event_nouns.tsv``; a root that is not two digits 01-20 is an error naming the line."""
    out: dict[str, frozenset[str]] = {}
    for row in read_rows(packaged_text("dragoman.events", "event_nouns.tsv"), "event_nouns.tsv", ("noun", "roots")):
        roots = frozenset(r.strip() for r in row["roots"].split("|") if r.strip())
        if not row["noun"] or not roots or any(not (r.isdigit() and len(r) == 2 and 1 <= int(r) <= 20) for r in roots):
            raise row.error(f"need a noun and CAMEO roots 01-20 separated by |, found {row['noun']!r} {row['roots']!r}")
        out[row["noun"]] = roots
    return EventNouns(out)


def _event_noun(doc: Doc, event: Event, nouns: EventNouns) -> Token | None:
    """The event noun that a verb of the act's evidence takes as object ("Turkey condemned | the attack")."""
    span = doc.char_span(event.evidence[0].start, event.evidence[0].end, alignment_mode="expand")
    if span is None:
        return None
    for verb in span:
        if verb.pos_ != "VERB":
            continue
        for token in verb.children:
            if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns.roots or token.dep_ not in _OBJECT_DEPS:
                continue
            if any(_owner(c) for c in token.children):
                continue  # "Iran's launch", "the Russian strikes": the act's owner is named, the patterns take it
            return token
    return None


def _owner(c: Token) -> bool:
    """Does this child of an event noun name the act's owner ("Iran's", "Russian", "by Iran"), not a
    circumstance ("on Friday", "in March")?"""
    if c.dep_ not in _OWNER_DEPS or not (c.pos_ in {"PROPN", "ADJ"} and c.text[:1].isupper() or c.ent_type_):
        return False
    cases = {k.lower_ for k in c.children if k.dep_ == "case"}
    return c.dep_ != "nmod" or not cases or bool(cases & _OWNER_CASES)


_OWNER_CASES = frozenset({"of", "by", "from", "'s", "’s"})


def aim_at_antecedents(doc: Doc, events: list[Event], nouns: EventNouns) -> list[Event]:
    """``events`` with the verbal acts that name an earlier act by a noun aimed at that act's source."""
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    token_at = {t.idx: t.i for t in doc}

    def sentence(e: Event) -> int:
        i = token_at.get(e.evidence[0].start)
        if i is None:
            span = doc.char_span(e.evidence[0].start, e.evidence[0].end, alignment_mode="expand")
            i = span.start if span is not None else 0
        return sent_of.get(i, 0)

    ordered = sorted(events, key=lambda e: e.evidence[0].start)
    out = []
    for event in ordered:
        if event.target is not None or event.root not in _VERBAL:
            out.append(event)
            continue
        noun = _event_noun(doc, event, nouns)
        if noun is None:
            out.append(event)
            continue
        here, roots = sentence(event), nouns.roots[noun.lemma_.lower()]
        speaker = event.source.actor.country
        earlier = [
            e for e in ordered
            if e.evidence[0].start < event.evidence[0].start and e.root in roots and 0 <= here - sentence(e) <= WINDOW
            and e.source.actor.country is not None and e.source.actor.country != speaker
        ]
        if not earlier:
            out.append(event)
            continue
        act = earlier[-1]
        out.append(replace(event, target=act.source, rule=f"{event.rule}+antecedent"))
    return out
