"""The tense of an event from its trigger in the parse: what picks the year of "May 12".

Only clear morphology counts: a finite past verb ("attacked", "did attack"), a
perfect ("has attacked", "had met"), a past passive or progressive ("was
attacked", "was meeting") are past; "will"/"shall" + verb is future. Modals
("would", "could", "may"), infinitives ("agreed to meet"), present tenses
("meets on Friday" may be a schedule) and bare participles ("talks, held on
...", "scheduled for ...") say nothing, and the date resolver then takes the
nearest occurrence. A noun trigger takes the tense of the verb it is the subject
or object of ("held talks", "the attack killed"); a trigger without a tagger
has no tense. :func:`tense_at` gives the tense of the verb a word (a date
expression) depends on.
"""

from __future__ import annotations

from spacy.tokens import Token

from dragoman.places.dates import Tense

__all__ = ["tense_at", "tense_of"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MODAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca", "'d", "to"})
_PAST_AUX = frozenset({"did", "had", "has", "have", "'ve", "was", "were"})
_AUX_DEPS = frozenset({"aux", "auxpass", "aux:pass"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "nsubj:pass", "obj", "dobj"})


def tense_of(trigger: Token) -> Tense | None:
    """``"past"``, ``"future"`` or ``None`` (unknown) for the event whose trigger is ``trigger``."""
    verb = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        if trigger.dep_ not in _ARGUMENT_DEPS or trigger.head.pos_ not in ("VERB", "AUX") or trigger.head.i == trigger.i:
            return None
        verb = trigger.head
    if not verb.tag_.startswith("VB"):
        return None
    auxiliaries = [child.lower_ for child in verb.children if child.dep_ in _AUX_DEPS]
    if any(word in _FUTURE_AUX for word in auxiliaries):
        return "future"
    if any(word in _MODAL_AUX for word in auxiliaries):
        return None
    if any(child.dep_ == "mark" and child.lower_ == "to" for child in verb.children):
        return None  # UD marks the infinitive's "to" as mark: "agreed to meet on May 12"
    if any(word in _PAST_AUX for word in auxiliaries):
        return "past"
    if verb.tag_ == "VBD" and not auxiliaries:
        return "past"
    return None


def tense_at(word: Token) -> Tense | None:
    """The tense of the verb ``word`` belongs to: its nearest verbal ancestor ("said" for "Sunday"
    in "said Sunday it would ..."), or ``None`` when there is none."""
    for _ in range(len(word.doc)):
        if word.pos_ in ("VERB", "AUX") and word.tag_.startswith("VB"):
            return tense_of(word)
        if word.head.i == word.i:
            return None
        word = word.head
    return None
