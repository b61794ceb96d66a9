"""A description in apposition to a person's name is that person (docs/actors.md, rule ``person.apposition``).

"Kabulov, the Russian president's special envoy to Afghanistan, said ...", "James Baker, secretary of
state, agreed", "Champa Patel, Amnesty International's director for Southeast Asia, said": the noun
phrase between the commas after a person's name refers to that person. It becomes a mention of the
person's chain; the mentions inside it (the Russian president, Amnesty International) stay as they are.
"""

from __future__ import annotations

from typing import Mapping

from spacy.tokens import Doc

from dragoman.actors.persons import PersonWords
from dragoman.records import ActorMention, Article, MentionSource, RemovedSpan

STAGE = "actors.appositions.v1"

_NAMES = frozenset({MentionSource.PERSON, MentionSource.SURNAME, MentionSource.TITLE})
_STOPS = frozenset({",", ".", ";", ":", "”", "“", "\"", "—", "–", "(", ")"})
_CLAUSE = frozenset({"who", "whose", "which", "from", "of", "and", "or", "but", "said", "says"})
_POSSESSIVE = frozenset({"'s", "’s"})
_LONGEST = 14


def _opens(doc: Doc, k: int, stop: int, words: PersonWords, titles: Mapping[str, str]) -> bool:
    """Does the phrase ``k:stop`` open like a description of a person: "the ...", "a ...", a title ("secretary of
    state"), a job word, or an owner's possessive ("Amnesty International's director")?"""
    first = doc[k].lower_
    if first in _CLAUSE:
        return False
    if first in words.apposition or first in words.job or first in words.role:
        return True
    if any(doc[k:k + w].text.lower() in titles for w in (1, 2, 3) if k + w <= stop):
        return True
    owner = next((j for j in range(k, min(stop, k + 5)) if doc[j].text in _POSSESSIVE), None)
    return owner is not None and owner > k and all(doc[j].text[:1].isupper() for j in range(k, owner)) and owner + 1 < stop \
        and doc[owner + 1].is_lower


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_RELATIVE = frozenset({"who", "whose"})


def _has_clause(doc: Doc, k: int, stop: int) -> bool:
    """Is ``k:stop`` a clause or a thing rather than a description of a person: a finite verb outside a "who"
    clause ("the first boat rescued on Friday was turned around twice"), or a "that"/"which" clause ("an
    organization that monitors ...")?"""
    for j in range(k, stop):
        if doc[j].lower_ in {"that", "which"}:
            return True  # "an organization that monitors ...": a thing, not a person
        if doc[j].lower_ in _RELATIVE:
            return False
        if doc[j].tag_ in _FINITE:
            return True
    return False


def _plural_head(doc: Doc, k: int, stop: int) -> bool:
    """Is the head of ``k:stop`` (its last word before a preposition or the end) plural: people or things, not one person?"""
    end = next((j for j in range(k + 1, stop) if doc[j].pos_ == "ADP" or doc[j].lower_ in _RELATIVE), stop)
    return doc[end - 1].tag_ in {"NNS", "NNPS"}


def _owner(doc: Doc, last: int | None) -> bool:
    """Is the mention ending at token ``last`` followed by a possessive ("the Russian president's")?"""
    return last is not None and last + 1 < len(doc) and doc[last + 1].text in _POSSESSIVE


def resolve_appositions(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], mentions: list[ActorMention],
                        words: PersonWords, titles: Mapping[str, str]) -> list[ActorMention]:
    """The mentions with each person's apposition added as a mention of that person."""
    token_at_end = {t.idx + len(t.text): t.i for t in doc}
    # people inside a description make it a list ("Obama, Biden and Kerry"), unless they own it ("the Russian president's envoy")
    persons_at = {m.span.start for m in mentions if m.actor.kind == "person" and not _owner(doc, token_at_end.get(m.span.end))}
    added: list[ActorMention] = []
    for m in mentions:
        if m.actor.kind != "person" or m.found_by not in _NAMES:
            continue
        last = token_at_end.get(m.span.end)
        if last is None or last + 2 >= len(doc) or doc[last + 1].text != ",":
            continue
        k = last + 2
        stop = k
        while stop < len(doc) and stop - k <= _LONGEST and doc[stop].text not in _STOPS and not (stop > k and doc[stop].is_sent_start):
            stop += 1
        if stop >= len(doc) or doc[stop].text not in {",", "."} or stop - k < 2 or stop - k > _LONGEST:
            continue
        if not _opens(doc, k, stop, words, titles) or _has_clause(doc, k, stop) or _plural_head(doc, k, stop):
            continue
        if stop + 1 < len(doc) and doc[stop].text == "," and doc[stop + 1].lower_ in {"and", "or"}:
            continue  # "Haider al-Abadi, the Iraqi Security Forces, and our partners": a list
        span = article.token_span(doc, k, stop)
        if any(span.start <= p < span.end for p in persons_at) or any(r.span.start < span.end and span.start < r.span.end for r in removed):
            continue  # "Obama, Biden and Kerry", or a person of its own inside: a list, not a description
        added.append(ActorMention(span, m.actor, "person.apposition", STAGE, MentionSource.DEFINITE, antecedent=m.span))
    return sorted([*mentions, *added], key=lambda x: x.span.start) if added else mentions
