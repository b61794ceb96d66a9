"""Match compiled patterns against the tokens of one sentence: the sentence's view (its mentions by
token), passive verbs, and the best match at each anchor (the first step of the events coder)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from spacy.tokens import Doc, Span as DocSpan, Token

from dragoman.events.patterns import Element, Pattern, PatternSet
from dragoman.events.words import EventWords
from dragoman.records import ActorMention, MentionRole, MentionSource

# "that" is left out: "warned that Greece would ..." opens a clause, Greece is no target
_DETERMINERS = frozenset({"the", "a", "an", "this", "these", "those", "both", "fellow", "neighbouring", "neighboring", "some", "all"})
# participles the tagger may read as verbs before an actor: "outgoing Prime Minister Iyad Allawi", "the besieged Bosnian town"
_PREMODIFIERS = frozenset({"outgoing", "incoming", "ousted", "deposed", "exiled", "acting", "interim", "embattled", "besieged", "ruling", "governing", "striking", "visiting", "retired"})
_GAP_STOPS = frozenset({";", ":", "“", "”", "\"", "(", ")", "—"})
_COORD = frozenset({"and", ",", "or"})
_POSSESSIVES = frozenset({"his", "her", "its", "their"})
_QUANTITY = frozenset({"up", "to", "about", "around", "nearly", "almost", "more", "than", "over", "several", "many", "dozen", "dozens", "hundreds", "thousands", "of", "some", "handful", "couple", "least", "at"})
_FILLER_STOPS = frozenset({".", ";", ":", ",", "!", "?", "(", ")"})
# "killed the deputy chief of [Hezbollah]", "jailed 52 members of [the movement]": a part or person
# of an actor stands for it in the target slot
_PART_OF = frozenset({
    "member", "members", "leader", "leaders", "leadership", "chief", "head", "deputy", "office", "offices", "headquarters",
    "position", "positions", "home", "homes", "base", "bases", "camp", "camps", "embassy", "consulate", "village", "villages",
    "town", "towns", "part", "parts", "territory", "stronghold", "strongholds", "rights", "property", "properties", "assets",
    "citizen", "citizens", "residents", "supporters", "representatives", "delegation", "units", "ships", "vessels", "convoy",
})
# head nouns of a group of actors before its listed members: "other ASEAN nations, including Vietnam"
_GROUP_HEADS = frozenset({"nations", "countries", "states", "members", "allies", "governments", "partners", "powers", "neighbors", "neighbours"})
_PLACE_HEADS = frozenset({"capital", "city", "town", "port", "village", "province", "region", "district", "enclave"})
MAX_GAP = 4
MAX_FILLER = 2


@dataclass(frozen=True, slots=True)
class PatternMatch:
    pattern: Pattern
    anchor: int  # token index of the anchor
    start: int  # first token of the match
    end: int  # token after the match
    targets: tuple[ActorMention, ...]
    sources: tuple[ActorMention, ...]


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence's tokens with the actor mentions that start at each token."""

    doc: Doc
    start: int
    end: int
    mentions_at: Mapping[int, tuple[ActorMention, ...]]
    mention_end: Mapping[int, int]  # id(mention) -> token after it
    words: Sequence[str]  # lower-cased token texts of the whole doc, computed once per doc
    open_slots: bool = False  # code readings: an actor slot may be any short noun phrase
    located: bool = False  # a pattern flagged ``located``: a target slot may name a thing in a place

    def lower(self, i: int) -> str:
        return self.words[i]


def _quantity_word(view: SentenceView, j: int) -> bool:
    """A word of a quantity before an actor; "to", "of" and "at" only inside one ("up to 16",
    "dozens of", "at least"), so that "return to Geneva" does not read Geneva as an object."""
    word = view.lower(j)
    if word not in _QUANTITY:
        return False
    if word == "to":
        return j > view.start and view.lower(j - 1) == "up"
    if word == "of":
        return j > view.start and (view.lower(j - 1) in _QUANTITY or view.doc[j - 1].like_num)
    if word == "at":
        return j + 1 < view.end and view.lower(j + 1) == "least"
    return True


def _after_article(view: SentenceView, k: int) -> int:
    """The token after a definite article at ``k`` (none there: ``k``)."""
    return k + 1 if k + 1 < view.end and view.lower(k) == "the" and k not in view.mentions_at else k


_LINKED = frozenset({"linked", "tied", "connected", "close", "loyal", "affiliated"})


def _linked_to(view: SentenceView, j: int) -> list[tuple[tuple[ActorMention, ...], int]]:
    """"sanctions on 13 individuals and 12 entities linked to Tehran's missile program": people or
    bodies named only by their tie to an actor stand for that actor."""
    for k in range(j, min(view.end - 2, j + 7)):
        if view.doc[k].is_punct and view.doc[k].text != "-":
            return []
        if view.lower(k) in _LINKED and view.lower(k + 1) == "to":
            start = _after_article(view, k + 2)
            return mentions_from(view, start) if start in view.mentions_at else []
    return []


def _located_in(view: SentenceView, j: int) -> list[tuple[tuple[ActorMention, ...], int]]:
    """"fired artillery rounds at a loudspeaker in South Korea": a thing named by a short noun phrase
    of no actor stands for the place it is said to be in (a country, a city or a region)."""
    k = j
    while k < min(view.end, j + 4) and view.doc[k].pos_ in {"DET", "ADJ", "NOUN", "NUM"} and k not in view.mentions_at:
        k += 1
    if k == j or k + 1 >= view.end or view.doc[k - 1].pos_ != "NOUN" or view.lower(k) not in {"in", "inside"}:
        return []
    start = _after_article(view, k + 1)
    found = [(ms, end) for ms, end in (mentions_from(view, start) if start in view.mentions_at else []) if all(m.role is MentionRole.PLACE for m in ms)]
    return found


def _actor_start(view: SentenceView, i: int) -> int:
    """The token an actor slot at ``i`` starts at, past what stands before the actor: determiners, quantities and
    adjectives ("the", "five Panamanian officers", "up to 16 Russian advisers", "war-torn Mozambique"), a part of
    the actor ("the offices of"), a place head ("the regional capital Juba"), a modifier of the actor's head."""
    j = i
    for _ in range(5):
        if j >= view.end or j in view.mentions_at:
            break
        word = view.lower(j)
        if word in _PART_OF and j + 1 < view.end and view.lower(j + 1) == "of":
            j += 2
        elif word in _PART_OF and j + 2 < view.end and view.lower(j + 1) in _PART_OF and view.lower(j + 2) == "of":
            j += 1  # "the deputy chief of"
        elif word in _PLACE_HEADS and j + 1 in view.mentions_at:
            j += 1  # "shelled the southern regional capital Juba": the place named in apposition
        elif _modifies_actor_head(view, j):
            j += 1  # "arm the struggling unity government": a participle or noun modifying the actor's head
        elif word in _DETERMINERS or word in _PREMODIFIERS or _quantity_word(view, j) or view.doc[j].like_num or view.doc[j].tag_ in {"JJ", "JJR", "JJS"} or (word == "-" and not view.doc[j - 1].whitespace_):
            j += 1
        else:
            break
    return j


def _modifies_actor_head(view: SentenceView, j: int) -> bool:
    """Is token ``j`` a noun or participle modifying a later noun that a mention ends on?"""
    token = view.doc[j]
    if token.dep_ not in {"compound", "amod"} or token.tag_ not in {"NN", "VBG", "VBN"} or token.head.i <= j:
        return False
    return any(view.mention_end[id(m)] == token.head.i + 1 for k in range(j + 1, token.head.i + 1) for m in view.mentions_at.get(k, ()))


def mentions_from(view: SentenceView, i: int) -> list[tuple[tuple[ActorMention, ...], int]]:
    """Readings of the actor slot at token i: the coordination first ("Russia and Ukraine"),
    then each shorter one, so that "between $ and +" can split a coordination.
    A possessive pronoun before a mention ("his counterpart") stands for that mention."""
    j = _actor_start(view, i)
    if j not in view.mentions_at:
        return _linked_to(view, j) or (_located_in(view, j) if view.located else [])
    first = view.mentions_at[j][0]
    end = view.mention_end[id(first)]
    if first.found_by is MentionSource.PRONOUN and view.lower(j) in _POSSESSIVES and end in view.mentions_at:
        first = view.mentions_at[end][0]
        end = view.mention_end[id(first)]
    if first.found_by is MentionSource.SECTOR and end + 1 < view.end and (
            view.lower(end) == "like" or (view.lower(end) == "such" and view.lower(end + 1) == "as")):
        # "extremists like IS", "groups such as al-Shabab": the named examples are the actors meant
        named = mentions_from(view, end + 1 if view.lower(end) == "like" else end + 2)
        if named:
            return named
    if first.found_by is MentionSource.SECTOR and end + 1 < view.end and view.lower(end) in {"from", "of"}:
        # "officials from Egypt, Turkey and Jordan": the people of a sector stand for each country listed
        listed = mentions_from(view, _after_article(view, end + 1)) if _after_article(view, end + 1) in view.mentions_at else []
        if listed and len(listed[0][0]) > 1 and listed[0][0][0].actor.country == first.actor.country:
            return [((first,) + listed[0][0][1:], listed[0][1]), ((first,), end)]
    chain: list[tuple[ActorMention, ...]] = [(first,)]
    ends = [end]
    while end + 1 < view.end and view.lower(end) in _COORD and (start := _after_article(view, end + 1)) in view.mentions_at:
        nxt = view.mentions_at[start][0]  # "South Korea and [the] United States"
        after = view.mention_end[id(nxt)]
        if nxt.found_by is MentionSource.PRONOUN and view.lower(start) in _POSSESSIVES and after in view.mentions_at:
            nxt = view.mentions_at[after][0]  # "President Kagame and his Rwandan Patriotic Front"
            after = view.mention_end[id(nxt)]
        if view.lower(end) == "," and not (after < view.end and view.lower(after) in _COORD):
            break  # a comma joins a list ("X, Y and Z"), not a new clause ("X, the Post said")
        chain.append(chain[-1] + (nxt,))
        end = view.mention_end[id(nxt)]
        ends.append(end)
    included = _included(view, end)
    if included:
        # "other ASEAN nations, including Vietnam": the members named stand beside their group
        chain.append(chain[-1] + included[0])
        ends.append(included[1])
    return list(reversed(list(zip(chain, ends))))


def _included(view: SentenceView, end: int) -> tuple[tuple[ActorMention, ...], int] | None:
    """The members listed after a group ("Gulf states, including Qatar and Oman"; "..., such as X"),
    past the group's head nouns; None when none follow."""
    k = end
    while k < view.end and k - end < 2 and view.lower(k) in _GROUP_HEADS:
        k += 1
    if k + 1 >= view.end or view.lower(k) != ",":
        return None
    after = [view.lower(i) for i in range(k + 1, min(k + 3, view.end))]
    start = k + 2 if after[:1] == ["including"] else k + 3 if after == ["such", "as"] else None
    if start is None or start >= view.end or _after_article(view, start) not in view.mentions_at:
        return None
    readings = mentions_from(view, _after_article(view, start))
    return readings[0] if readings else None


def _forward(view: SentenceView, elements: Sequence[Element], ei: int, ti: int, targets: tuple[ActorMention, ...], sources: tuple[ActorMention, ...], first: bool) -> tuple[int, tuple[ActorMention, ...], tuple[ActorMention, ...]] | None:
    if ei == len(elements):
        return ti, targets, sources
    element = elements[ei]
    if element.kind == "gap":
        for k in range(0, MAX_GAP + 1):
            if k and (ti + k - 1 >= view.end or view.doc[ti + k - 1].text in _GAP_STOPS):
                break
            result = _forward(view, elements, ei + 1, ti + k, targets, sources, False)
            if result is not None:
                return result
        return None
    if element.kind == "neg":
        window = range(ti, min(view.end, ti + MAX_GAP))
        if any(view.lower(i) in element.forms for i in window):
            return None
        return _forward(view, elements, ei + 1, ti, targets, sources, first)
    if element.kind in {"target", "source"}:
        if view.open_slots and ti < view.end and not mentions_from(view, ti):
            for k in range(1, 5):
                if ti + k > view.end or view.doc[ti + k - 1].is_punct:
                    break
                result = _forward(view, elements, ei + 1, ti + k, targets, sources, False)
                if result is not None:
                    return result
            return None
        for mentions, end in (mentions_from(view, ti) if ti < view.end else []):
            if element.kind == "target":
                result = _forward(view, elements, ei + 1, end, targets + mentions, sources, False)
            else:
                result = _forward(view, elements, ei + 1, end, targets, sources + mentions, False)
            if result is not None:
                return result
        return None
    # word or possessive, with up to MAX_FILLER skipped tokens unless right after the anchor's start
    limit = MAX_FILLER
    for skip in range(0, limit + 1):
        i = ti + skip
        if i >= view.end:
            break
        if skip and view.doc[i - 1].text in _FILLER_STOPS:
            break
        if view.lower(i) in element.forms or view.doc[i].text in element.forms:
            result = _forward(view, elements, ei + 1, i + 1, targets, sources, False)
            if result is not None:
                return result
        if skip == 0 and element.optional:
            result = _forward(view, elements, ei + 1, ti, targets, sources, first)
            if result is not None:
                return result
    if element.optional:
        return _forward(view, elements, ei + 1, ti, targets, sources, first)
    return None


def _backward(view: SentenceView, elements: Sequence[Element], anchor_token: int) -> tuple[int, tuple[ActorMention, ...]] | None:
    """Match the elements before the anchor (``$ 's invasion``) right to left."""
    ti = anchor_token
    sources: tuple[ActorMention, ...] = ()
    for element in reversed(elements):
        if element.kind == "possessive" or element.kind == "word":
            if ti - 1 < view.start:
                if element.optional:
                    continue
                return None
            if view.doc[ti - 1].text in element.forms or view.lower(ti - 1) in element.forms:
                ti -= 1
            elif not element.optional:
                return None
        elif element.kind == "source":
            owner = next((m for i in range(view.start, ti) for m in view.mentions_at.get(i, ()) if view.mention_end[id(m)] == ti), None)
            if owner is None:
                return None
            sources += (owner,)
            ti = next(i for i in range(view.start, ti) if owner in view.mentions_at.get(i, ()))
        elif element.kind == "gap":
            continue
        else:
            return None
    return ti, sources


def match_at(view: SentenceView, pattern: Pattern, anchor_token: int) -> PatternMatch | None:
    """Match ``pattern`` with its anchor element on ``anchor_token``."""
    before = pattern.elements[: pattern.anchor]
    start = anchor_token
    if "located" in pattern.flags and not view.located:
        view = replace(view, located=True)
    sources: tuple[ActorMention, ...] = ()
    if before:
        back = _backward(view, before, anchor_token)
        if back is None:
            return None
        start, sources = back
    result = _forward(view, pattern.elements, pattern.anchor + 1, anchor_token + 1, (), sources, True)
    if result is None:
        return None
    end, targets, all_sources = result
    return PatternMatch(pattern, anchor_token, start, end, targets, all_sources)


def sentence_view(doc: Doc, sent: DocSpan, mentions: Sequence[ActorMention], words: Sequence[str] | None = None) -> SentenceView:
    at: dict[int, list[ActorMention]] = {}
    ends: dict[int, int] = {}
    for m in mentions:
        if not (sent.start_char <= m.span.start < sent.end_char):
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        at.setdefault(span.start, []).append(m)
        ends[id(m)] = span.end
    return SentenceView(doc, sent.start, sent.end, {k: tuple(v) for k, v in at.items()}, ends, words if words is not None else [t.lower_ for t in doc])


def is_passive(view: SentenceView, i: int, words: EventWords) -> bool:
    """A past participle after a form of "be" ("was arrested", "has been indicted")."""
    token = view.doc[i]
    if token.tag_ and token.tag_ != "VBN":
        return False
    if view.lower(i) in words.adjectival:
        return False  # "Israel is opposed to French mediation": Israel opposes
    if not token.tag_ and not view.lower(i).endswith(("ed", "en")):
        return False
    j = i - 1
    while j >= view.start and j >= i - 3:
        if view.lower(j) in words.be:
            return True
        if not view.doc[j].is_alpha or view.doc[j].is_punct:
            return False
        j -= 1
    return False


def _tightness(m: PatternMatch) -> tuple[int, int]:
    return (-(m.end - m.start), sum(1 for e in m.pattern.elements if e.kind == "word" and not e.optional))


def _attributive(view: SentenceView, i: int, words: EventWords) -> bool:
    """A participle before its noun ("the occupied West Bank", "from frozen facilities", also inside
    quote marks: 'the "frozen conflict"')."""
    token = view.doc[i]
    if token.tag_ not in {"VBN", "JJ"} or i == view.start or i + 1 >= view.end:
        return False
    before = i - 1
    if view.doc[before].is_quote and before > view.start:
        before -= 1
    after = view.doc[i + 1]
    return view.lower(before) in words.attributive_before and after.pos_ in {"NOUN", "PROPN", "ADJ"}


def _parse_forbids(flags: frozenset[str], verb: Token) -> bool:
    """Does the parse rule out a pattern with these flags at this verb? ``intransitive``: it has an
    object or a that-clause ("demonstrated the unity of ..." is no protest), or is a proper noun ("in March");
    ``object``: it has no
    object ("seeks to retake territory" is no request); ``no_predicate``: two objects, or an object
    and a nominal or adjectival predicate ("calls the Gulen movement a terrorist organization"); ``finite``:
    an infinitive with "to" ("to retake the city")."""
    objects = [c for c in verb.children if c.dep_ in {"obj", "dobj"}]
    if "intransitive" in flags and verb.pos_ == "PROPN":
        return True  # no verb at all: "sanctions imposed in March"
    if "intransitive" in flags and (objects or any(c.dep_ == "ccomp" for c in verb.children)):
        return True
    if "object" in flags and not objects:
        return True
    if "finite" in flags and any(c.lower_ == "to" and c.dep_ in {"aux", "mark"} for c in verb.children):
        return True  # "harder for the army to retake the city": a goal, not an act
    if "no_predicate" in flags and objects:
        predicates = [c for c in verb.children if c.dep_ in {"xcomp", "oprd"} and c.pos_ in {"NOUN", "ADJ", "PROPN"}]
        return len(objects) >= 2 or bool(predicates)
    return False


def best_matches(view: SentenceView, patterns: PatternSet, words: EventWords) -> list[PatternMatch]:
    """The most specific pattern match at each anchor of the sentence, overlapping ones dropped."""
    found: list[PatternMatch] = []
    for i in range(view.start, view.end):
        # a verb pattern on a noun ("state company", "the attack") or on an attributive participle
        # ("the occupied West Bank", "the besieged town"): the tagger and parser say no
        tagged_noun = view.doc[i].pos_ == "NOUN" or _attributive(view, i, words)
        candidates = patterns.by_anchor.get(view.lower(i), ())
        if is_passive(view, i, words):
            candidates = patterns.passive_by_anchor.get(view.lower(i), ()) + candidates
        best: PatternMatch | None = None
        for pattern in candidates:
            if best is not None and pattern.specificity < best.pattern.specificity:
                break  # patterns are sorted most specific first
            if (tagged_noun and "noun" not in pattern.flags) or _parse_forbids(pattern.flags, view.doc[i]):
                continue
            m = match_at(view, pattern, i)
            # among equally specific patterns the shortest match wins ("violating the ceasefire agreement"
            # is about the ceasefire), then the one that names more words ("killed two soldiers": kill * soldier)
            if m is not None and (best is None or (m.pattern.specificity == best.pattern.specificity and _tightness(m) > _tightness(best))):
                best = m
        if best is not None:
            found.append(best)
    found.sort(key=lambda m: (-m.pattern.specificity, -(m.end - m.start), m.anchor))
    kept: list[PatternMatch] = []
    for m in found:
        if any(k.start <= m.anchor < k.end or m.start <= k.anchor < m.end for k in kept):
            continue
        kept.append(m)
    return sorted(kept, key=lambda m: m.anchor)
