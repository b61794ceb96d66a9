"""Protests (CAMEO 14) by crowds placed in a country and aimed at the party the article protests.

CAMEO codes a protest against the actor protested: "thousands marched in Tokyo" in an article about
protests against a foreign leader is a protest of the civilians of Japan against that leader, not
against Japan. Two readings:

- :func:`article_protest_target`: the one party the article's protests are aimed at, read from its
  protest words ("several protests ... against the inauguration of X", "a rally against X",
  "protesting X", "anti-X sentiments" near a protest word; a title "... Take Stand Against X");
  ``None`` unless one party has more than half the votes, and two at least (one in the lead counts twice).
- :func:`held_crowds`: the crowds of a protest noun that the sentence says took place in places
  ("there were demonstrations in A, B and C", "protests were held in several cities, including A
  and B"): the civilians of each place's country, one per country.
"""

from __future__ import annotations

from collections import Counter
import re
from typing import Sequence

from spacy.tokens import Token

from dragoman.events.matcher import SentenceView
from dragoman.events.votes import clear_winner
from dragoman.events.words import EventWords
from dragoman.records import Actor, ActorMention, MentionRole, MentionSource, Span

HELD_RULE = "crowd.held"
_PLACE_NAMES = frozenset({MentionSource.COUNTRY, MentionSource.CAPITAL, MentionSource.CITY, MentionSource.REGION})
_TITLE_WORD = re.compile(r"[\w’'.-]+")
_PLACE_PREPOSITIONS = frozenset({"in", "across", "throughout"})
# one "against X" may be one protest among others: the article must say it twice (title included), or once in
# its lead (its first sentences), which says what the article is about
_MIN_VOTES = 2
_LEAD = 2
_LEAD_WEIGHT = 2
_CUE_WINDOW = 8  # tokens from a protest word to its "against"
_TARGET_WINDOW = 8  # tokens from "against" to the party it names


def civilians(place: ActorMention, span: Span, name: str, rule: str) -> ActorMention:
    """The civilians (CVL) of the place's country, as the source of a crowd's protest, named after
    the place ("Civilians of Texas", as the actors stage names a sector by its place)."""
    country = place.actor.country or ""
    actor = Actor(code=f"{country}CVL", name=f"Civilians of {name or country}", country=country, kind="organization", sector="CVL")
    return ActorMention(span, actor, rule, "events.rules.v1", MentionSource.SECTOR)


def _aimed(view: SentenceView, first: int, last: int, words: EventWords) -> ActorMention | None:
    """The first party (no place) named from token ``first`` up to ``last``, within one phrase."""
    for k in range(first, min(last, view.end)):
        token = view.doc[k]
        if token.is_punct and token.text not in {"-", "–"}:
            return None
        if k > first and view.lower(k) in words.subordinators:
            return None
        found = [m for m in view.mentions_at.get(k, ()) if m.role is not MentionRole.PLACE and m.actor.code]
        if found:
            return found[0]
    return None


def _protest_word(token: Token, words: EventWords) -> bool:
    return token.lemma_.lower() in words.protest_cues or token.lower_ in words.protest_cues


def _cue_before(view: SentenceView, k: int, cues: set[int]) -> bool:
    """Is a protest word among the few tokens before token ``k``, with no punctuation between?"""
    for c in range(k - 1, max(view.start, k - _CUE_WINDOW) - 1, -1):
        if c in cues:
            return True
        if view.doc[c].is_punct:
            return False
    return False


def protest_votes(view: SentenceView, words: EventWords) -> list[ActorMention]:
    """The parties one sentence says protests are aimed at: "protests ... against X", "protesting X",
    "anti-X" in a sentence with a protest word."""
    doc = view.doc
    cues = {k for k in range(view.start, view.end) if _protest_word(doc[k], words)}
    if not cues:
        return []
    out: list[ActorMention] = []
    for k in range(view.start, view.end):
        word = view.lower(k)
        if word == "against" and _cue_before(view, k, cues):
            found = _aimed(view, k + 1, k + 1 + _TARGET_WINDOW, words)
        elif word == "anti" and k + 2 < view.end and doc[k + 1].text in {"-", "–"}:
            found = next((m for m in view.mentions_at.get(k + 2, ()) if m.role is not MentionRole.PLACE and m.actor.code), None)
        elif k in cues and doc[k].pos_ == "VERB" and doc[k].lemma_.lower() == "protest":
            objects = [c for c in doc[k].children if c.dep_ in {"dobj", "obj"}]
            found = _aimed(view, objects[0].left_edge.i, objects[0].right_edge.i + 1, words) if objects else None
        else:
            continue
        if found is not None:
            out.append(found)
    return out


def _title_word_is_cue(word: str, words: EventWords) -> bool:
    lower = word.lower()
    return any(form in words.protest_cues for form in (lower, lower[:-1], lower[:-2]))  # "Protesters", "Marches"


def title_votes(title: str | None, mentions: Sequence[ActorMention], words: EventWords) -> list[ActorMention]:
    """The party a title with a protest word names after "against" or "anti-" ("Protesters Across Globe
    Take Stand Against Trump"), as the text's mention of it: one whose words are the title's or end
    with them ("Donald Trump")."""
    if not title:
        return []
    tokens = _TITLE_WORD.findall(title)
    if not any(_title_word_is_cue(t, words) for t in tokens):
        return []
    named = [m for m in mentions if m.role is not MentionRole.PLACE and m.actor.code]
    for k, token in enumerate(tokens):
        lower = token.lower()
        after = tokens[k + 1 : k + 5] if lower == "against" else [token[5:]] if lower.startswith("anti-") else []
        if after and after[0].lower() == "the":
            after = after[1:]
        for n in range(len(after), 0, -1):
            phrase = " ".join(after[:n]).lower()
            found = next((m for m in named if m.span.text.lower() == phrase or m.span.text.lower().endswith(" " + phrase)), None)
            if found is not None:
                return [found]
    return []


def article_protest_target(views: Sequence[SentenceView], words: EventWords, titled: Sequence[ActorMention] = ()) -> ActorMention | None:
    """The party the article's protests are aimed at, when one party has more than half the votes and
    two at least (the title's vote, ``titled``, among them; a vote in the lead counts twice)."""
    votes: list[tuple[ActorMention, int]] = [(m, 1) for m in titled]
    for k, view in enumerate(views):
        votes += [(m, _LEAD_WEIGHT if k < _LEAD else 1) for m in protest_votes(view, words)]
    if not votes:
        return None
    counts: Counter[tuple[str | None, str | None]] = Counter()
    for m, weight in votes:
        counts[(m.actor.code, m.actor.name)] += weight
    key = clear_winner(counts, _MIN_VOTES)
    return None if key is None else next(m for m, _ in votes if (m.actor.code, m.actor.name) == key)


def _held(anchor: Token, words: EventWords) -> Token | None:
    """The verb that says the protest noun took place: "there were protests", "protests were held",
    "protests erupted"; the noun itself when it is counted ("one of seven rallies across Germany");
    else None (ClearNLP or UD labels)."""
    head = anchor.head
    if any(c.dep_ == "nummod" and c.tag_ == "CD" for c in anchor.children):
        return anchor  # "in one of seven rallies across Germany": counted protests took place
    if anchor.dep_ in {"attr", "nsubj"} and head.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in head.children):
        return head
    if anchor.dep_ in {"nsubjpass", "nsubj:pass", "nsubj"} and head.lemma_.lower() in words.protest_held:
        passive = any(c.dep_ in {"auxpass", "aux:pass"} for c in head.children)
        if passive or anchor.dep_ == "nsubj" and not any(c.dep_ in {"dobj", "obj"} for c in head.children):
            return head
    return None


def _place_phrases(token: Token) -> list[Token]:
    """The "in"/"across" phrases on a token: the preposition (ClearNLP) or the noun it marks (UD)."""
    out = [c for c in token.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS]
    out += [c for c in token.children if c.dep_ in {"obl", "nmod"} and any(k.dep_ == "case" and k.lower_ in _PLACE_PREPOSITIONS for k in c.children)]
    return out


def place_name(mention: ActorMention) -> bool:
    """Does the mention name a place (a country, a capital, a city, a region), whatever it stands for?"""
    return mention.role is MentionRole.PLACE or mention.found_by in _PLACE_NAMES


def held_crowds(view: SentenceView, anchor: Token, words: EventWords) -> tuple[ActorMention, ...]:
    """The civilians of each country where the sentence says the protest took place, one per country:
    the places in the "in" phrase of the noun or of the verb that holds it."""
    verb = _held(anchor, words)
    if verb is None:
        return ()
    out: list[ActorMention] = []
    seen: set[str] = set()
    for phrase in _place_phrases(anchor) + _place_phrases(verb):
        for k in range(phrase.left_edge.i, phrase.right_edge.i + 1):
            for m in view.mentions_at.get(k, ()):
                country = m.actor.country
                if country is None or country in seen or not place_name(m):
                    continue
                seen.add(country)
                out.append(civilians(m, m.span, (m.actor.name if m.role is MentionRole.PLACE else None) or m.span.text, HELD_RULE))
    return tuple(out)
