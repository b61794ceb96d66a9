"""An event's place from the dependency parse: the locative attached to its predicate.

The place phrases of the sentence (:func:`dragoman.places.finder.place_phrases`)
are candidates; one is the event's place only when the parse links it to the
event's *predicate*: the trigger, the verb a noun trigger is the subject or
object of ("launched an attack", "the attack killed"), and the verbs it is an
open complement of ("wanted to meet"). From the place name the path climbs head
by head to a predicate word; it may not cross a clause boundary (a
complement, adverbial or relative clause, parataxis, or a coordinated verb).
The last step of the path sets the tier:

0. attached to the predicate itself: "met in Geneva", "arrested protesters at
   a rally in Cairo" (the rally's place is the arrest's);
1. inside its object: "attacked a base near Mogadishu";
2. inside its subject: "a car bomb in Kabul killed five".

So "Officials in Nairobi said militants attacked a base" does not place the
attack in Nairobi (the path from Nairobi reaches "said", outside the attack's
clause), and "France said it would send troops to Syria" does not place the
statement in Syria. A statement (see :func:`is_statement`) takes tier 0 only:
"condemned the attack in Kabul" and "officials in Nairobi said" say where the
attack or the officials were, not where the words were spoken. The best
candidate is the lowest tier, then a locative ("in", "at"…) before a direction
("to", "from"), then the nearest to the trigger; the event's own actors
(``exclude``) are never its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from dragoman.places.finder import PlacePhrase
from dragoman.records import Place

__all__ = ["DATELINE_EXCEPTIONS", "STATEMENT_ROOTS", "attached_place", "is_statement", "token_at"]

STATEMENT_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
"""CAMEO roots of verbal acts (cooperation 01–05, conflict 10–13): said somewhere, about anywhere."""
DATELINE_EXCEPTIONS = frozenset({"042"})
"""Verbal codes whose place is never the dateline: a visit (042) happens where the visitor goes."""

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "csubj", "expl"})
_OBJECT_DEPS = frozenset({"obj", "dobj", "iobj", "dative", "attr", "oprd"})
_CLAUSE_DEPS = frozenset({
    "ccomp", "advcl", "acl", "relcl", "acl:relcl", "parataxis", "csubj", "csubjpass", "list", "discourse",
})
_VERB_POS = frozenset({"VERB", "AUX"})
_PURPOSE_DEPS = frozenset({"advcl", "acl"})
_TOPIC_CASES = frozenset({"against", "about", "over", "regarding", "concerning", "into", "for", "toward", "towards"})
"""Prepositions of a topic: a place inside "a rally against the war in Crimea" is the war's."""
_STATEMENT_TOPIC_CASES = frozenset({"on"})
"""Topic prepositions for a statement only ("talks on the fighting in Aleppo"); an attack "on a base in Kabul" is there."""
_NOUN_POS = frozenset({"NOUN", "PROPN"})


def is_statement(code: str) -> bool:
    """Whether a CAMEO code is a verbal act (roots 01–05, 10–13)."""
    return code[:2] in STATEMENT_ROOTS


def token_at(sentence: DocSpan, offset: int) -> Token | None:
    """The token of ``sentence`` covering the character ``offset`` (of the whole text)."""
    for token in sentence:
        if token.idx <= offset < token.idx + max(1, len(token.text)):
            return token
    return None


def attached_place(
    trigger: Token,
    phrases: Sequence[PlacePhrase],
    exclude: Sequence[tuple[int, int]] = (),
    statement: bool = False,
) -> Place | None:
    """The place phrase the parse attaches to the predicate of ``trigger`` (see the module docstring)."""
    predicate = _Predicate.of(trigger)
    topics = _TOPIC_CASES | (_STATEMENT_TOPIC_CASES if statement else frozenset())
    best: tuple[int, int, int, Place] | None = None
    for phrase in phrases:
        span = phrase.place.span
        if span is None or any(span.start < end and start < span.end for start, end in exclude):
            continue
        root = _root_in(trigger.doc, span.start, span.end)
        if root is None:
            continue
        tier = _tier(root, predicate, topics)
        if tier is None or (statement and tier > 0):
            continue
        distance = span.start - trigger.idx if span.start >= trigger.idx else trigger.idx - span.end
        key = (tier, 0 if phrase.locative else 1, distance)
        if best is None or key < best[:3]:
            best = (*key, phrase.place)
    return best[3] if best is not None else None


@dataclass(frozen=True, slots=True)
class _Predicate:
    """Token indices of the words carrying the trigger's clause, and of the verb whose subject
    a coordinated trigger verb shares ("Militants in X stormed a prison and killed guards")."""

    words: frozenset[int]
    shared_subject: int | None

    @classmethod
    def of(cls, trigger: Token) -> "_Predicate":
        words = [trigger]
        word = trigger
        if word.pos_ in _NOUN_POS and word.dep_ in _SUBJECT_DEPS | _OBJECT_DEPS and word.head.pos_ in _VERB_POS:
            word = word.head
            words.append(word)
        # "wanted to meet", "is in London to meet", "a rally to protest": the clause above an
        # open complement or a purpose infinitive is the same scene
        while word.head.i != word.i and (word.dep_ == "xcomp" or (word.dep_ in _PURPOSE_DEPS and _is_infinitive(word))):
            word = word.head
            words.append(word)
        shared = None
        if word.dep_ == "conj" and word.pos_ in _VERB_POS and not any(c.dep_ in _SUBJECT_DEPS for c in word.children):
            shared = word.head.i
        return cls(frozenset(t.i for t in words), shared)


def _is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ in ("mark", "aux") for c in verb.children)


def _topic_case(word: Token) -> str | None:
    """The preposition introducing ``word`` ("against" in "a rally against the war"), if any."""
    for child in word.children:
        if child.dep_ == "case":
            return child.lower_
    if word.dep_ == "pobj":
        return word.head.lower_
    return None


def _root_in(doc: Doc, start: int, end: int) -> Token | None:
    """The token of the place name whose head lies outside it."""
    found = doc.char_span(start, end, alignment_mode="expand")
    if found is None or len(found) == 0:
        return None
    return found.root


def _tier(word: Token, predicate: _Predicate, topics: frozenset[str]) -> int | None:
    """The tier of the path from ``word`` up to a predicate word, or ``None`` if none is reached
    without leaving the clause or passing through a topic ("a rally against the war in Crimea";
    not a name: "rallied against Maduro in Caracas" is the parser hanging the rally's place on the name)."""
    last = ""
    for step in range(len(word.doc)):  # a tree is at most that deep
        if word.i in predicate.words:
            break
        if word.i == predicate.shared_subject:
            return 2 if last in _SUBJECT_DEPS else None
        head = word.head
        dep = word.dep_
        if head.i == word.i or dep in _CLAUSE_DEPS or (dep == "conj" and word.pos_ in _VERB_POS):
            return None
        if step > 0 and word.pos_ != "PROPN" and _topic_case(word) in topics:
            return None
        last = dep
        word = head
    else:
        return None
    if last in _SUBJECT_DEPS:
        return 2
    if last in _OBJECT_DEPS:
        return 1
    return 0
