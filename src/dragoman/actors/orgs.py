"""Organisations the knowledge base does not know (docs/actors.md, "Unknown organisations").

A capitalised run of two or more words ending in an organisation head noun (``data/org_heads.tsv``:
"Civic Party", "Aamaq News Agency"), or with one followed by "for"/"of" and more capitalised words
("Institute for Euro-Atlantic Cooperation"), is an organisation named as written, with no code. A
country, capital or region inside the run is part of the name, not an actor of its own ("International
Syria Support Group"). An acronym in brackets right after the name ("... Group (QCG)") and its later
uses name the same organisation; when the knowledge base knows the acronym ("Kurdistan Workers' Party
(PKK)"), the name is that organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from dragoman.knowledge import packaged_text, read_rows
from dragoman.records import Actor, ActorMention, Article, MentionSource, RemovedSpan, Span

STAGE = "actors.orgs.v1"

_CONNECT = frozenset({"for", "of", "on", "and", "the", "'s", "’s", "&"})
_AFTER_HEAD = frozenset({"for", "of", "on"})
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_WORD = re.compile(r"^(?:[A-Z][\w.’'-]*|\d+(?:st|nd|rd|th))$")
_NAME_PARTS = frozenset({MentionSource.COUNTRY, MentionSource.ADJECTIVE, MentionSource.CAPITAL, MentionSource.CITY, MentionSource.REGION})
"""Mentions that a longer organisation name swallows ("Syria" in "Syria Transition Assistance Response Team")."""
_NOT_FIRST = frozenset({"The", "A", "An", "In", "On", "At", "For", "Of", "And", "But", "By", "With", "From", "To", "As", "If", "When"})


@dataclass(frozen=True, slots=True)
class OrgHeads:
    """Head nouns of organisation names (``actors/data/org_heads.tsv``)."""

    heads: frozenset[str]


def load_org_heads() -> OrgHeads:
    """Read ``org_heads.tsv``; a head that is not one capitalised word is an error naming the line."""
    heads: set[str] = set()
    for row in read_rows(packaged_text("dragoman.actors", "org_heads.tsv"), "org_heads.tsv", ("word",)):
        word = row["word"]
        if not re.fullmatch(r"[A-Z][a-z]+", word):
            raise row.error(f"head {word!r} is not one capitalised word")
        heads.add(word)
    return OrgHeads(frozenset(heads))


def _capital(doc: Doc, i: int) -> bool:
    return bool(_WORD.match(doc[i].text)) and not doc[i].is_punct


def _joined(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is glued to a hyphen before it ("pro-Beijing", "Euro-Atlantic")."""
    return i >= 1 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_


def _run_around(doc: Doc, head: int) -> tuple[int, int] | None:
    """The token range of the organisation name around the head at ``head``, or None when it is no name
    (one word, or a name that runs on into more capitalised words: "Refugee Council Enver Solomon")."""
    start = head
    while start > 0 and not doc[start].is_sent_start and not _joined(doc, start):
        prev = doc[start - 1]
        if _capital(doc, start - 1) and prev.text not in _NOT_FIRST:
            start -= 1
        elif prev.text in {"'s", "’s", "’", "'"} and start >= 2 and _capital(doc, start - 2) and not doc[start - 1].is_sent_start:
            start -= 2
        else:
            break
    while start < head and _joined(doc, start):
        start += 1
    end = head + 1
    if end < len(doc) and _capital(doc, end) and not doc[end].is_sent_start:
        return None
    if end + 1 < len(doc) and doc[end].lower_ in _AFTER_HEAD and not doc[end + 1].is_sent_start:
        k = end + 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        stop = k
        while stop < len(doc) and not (stop > k and doc[stop].is_sent_start) and (
                _capital(doc, stop) or (doc[stop].lower_ in _CONNECT | {"-"} and stop + 1 < len(doc) and _capital(doc, stop + 1))):
            stop += 1
        if stop > k and _capital(doc, stop - 1):
            end = stop
    if end - start < 2:
        return None
    return start, end


def find_unknown_orgs(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], known: list[ActorMention], heads: OrgHeads
                      ) -> tuple[list[ActorMention], list[ActorMention]]:
    """(the known mentions less those inside a new organisation's name, the new organisation mentions)."""
    found: list[ActorMention] = []
    acronyms: dict[str, ActorMention] = {}
    dropped: set[int] = set()
    last_end = -1
    for i, tok in enumerate(doc):
        if tok.text not in heads.heads or i < last_end:
            continue
        run = _run_around(doc, i)
        if run is None:
            continue
        span = article.token_span(doc, *run)
        if any(r.span.start < span.end and span.start < r.span.end for r in removed):
            continue
        inside = [k for k, m in enumerate(known) if m.span.start < span.end and span.start < m.span.end]
        if any(known[k].found_by not in _NAME_PARTS or known[k].span.start < span.start or known[k].span.end > span.end for k in inside):
            continue
        end = run[1]
        acronym = doc[end + 1] if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and _ACRONYM.match(doc[end + 1].text) else None
        known_acronym = next((m for m in known if acronym is not None and m.span.start == acronym.idx and m.actor.code), None)
        dropped.update(inside)
        if known_acronym is not None:
            # "the Kurdistan Workers' Party (PKK)": the name is the organisation its known acronym names
            mention = ActorMention(span, known_acronym.actor, "org.expanded", STAGE, MentionSource.ORG)
        else:
            # "Russian Federal Transport Agency", "Montenegro Municipality Association": an organisation of the state whose
            # adjective or name opens its name, coded as that state as the word alone was
            lead = next((known[k] for k in inside if known[k].span.start == span.start and known[k].actor.country
                         and known[k].found_by in {MentionSource.ADJECTIVE, MentionSource.COUNTRY}), None)
            country = lead.actor.country if lead is not None else None
            mention = ActorMention(span, Actor(country, span.text, country, "organization"), "org.unknown", STAGE, MentionSource.ORG)
            if acronym is not None:
                acronyms[acronym.text] = mention
        found.append(mention)
        last_end = end
    if acronyms:
        taken = [(m.span.start, m.span.end) for m in [*known, *found]]
        for tok in doc:
            first = acronyms.get(tok.text)
            if first is None or tok.idx < first.span.end:
                continue
            span = article.token_span(doc, tok.i, tok.i + 1)
            if any(s < span.end and span.start < e for s, e in taken):
                continue
            found.append(ActorMention(span, first.actor, "org.acronym", STAGE, MentionSource.ORG, antecedent=first.span))
    return [m for k, m in enumerate(known) if k not in dropped], found
