"""Assertion: does the article assert the act a pattern matched, or only mention it?

Real articles are mostly background, plans, hypotheticals and what someone else said. Only
what the article reports as having happened is an event (../shared/gold/CODING.md). This step
reads the dependency parse from the event's trigger up through the predicates that govern it,
as in Saurí and Pustejovsky's De Facto: source-introducing predicates ("said", "believes",
"plans", "is scheduled to"), modal and future auxiliaries, ``if``/``unless`` clauses, habitual
adverbs ("has long threatened"), purpose clauses and nouns of plans ("a plan to attack"). Its
word lists live in ``events/data/assertion.tsv`` (docs/assertion.md).

Negation, refusals, threats and appeals are read by :mod:`dragoman.events.modality`, which
recodes the act (a refusal is 12, a threat 13); this step decides only whether the reading
is asserted at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Mapping, get_args

from lemminflect import getInflection
from spacy.tokens import Doc, Token

from dragoman.knowledge import packaged_text, read_rows, user_text

Assertion = Literal["asserted", "announced", "attributed", "reported", "belief", "planned", "conditional", "possible", "negated", "question", "habitual", "background"]
LexiconClass = Literal["report", "claim", "belief", "plan", "announce", "modal", "future", "condition", "habitual", "purpose", "prospective", "prospect"]
_CLASSES: frozenset[str] = frozenset(get_args(LexiconClass))

EMITTED: frozenset[Assertion] = frozenset({"asserted", "announced", "attributed"})
"""Assertion values coded as events by default (the rest are kept only for ``explain``)."""

# the dependency relations through which a predicate governs the clause of the act
_GOVERNED = frozenset({"xcomp", "ccomp", "csubj", "advcl", "acl", "acl:relcl", "parataxis"})
_INHERITED = frozenset({"conj", "compound"})  # a conjunct shares its head's modality: "could attack and seize ships"
_ARGUMENT = frozenset({"obj", "obl", "nsubj", "nsubj:pass", "nmod"})  # an event noun's place in its verb's clause
_SPEECH_MODALS = frozenset({"would"})  # "said it would attack": future in the past, an announced act
_MAX_DEPTH = 6


@dataclass(frozen=True, slots=True)
class AssertionLexicon:
    """Word classes of ``assertion.tsv``: class name -> lemmas."""

    words: Mapping[str, frozenset[str]]

    def has(self, cls: LexiconClass, lemma: str) -> bool:
        return lemma in self.words.get(cls, frozenset())


@dataclass(frozen=True, slots=True)
class AssertionReading:
    """What the article does with a candidate act, the token that says so and why."""

    value: Assertion
    cue: int | None
    reason: str
    speaker: int | None = None  # token of the reporting predicate's subject, for ``reported``/``announced``

    @property
    def emitted(self) -> bool:
        return self.value in EMITTED


ASSERTED = AssertionReading("asserted", None, "no governing cue")


def load_assertion_lexicon(path: Path | None = None) -> AssertionLexicon:
    """Read ``assertion.tsv`` (packaged, or ``path``); a bad row is an error naming file and line."""
    text = packaged_text("dragoman.events", "assertion.tsv") if path is None else user_text(path, "assertion file")
    words: dict[str, set[str]] = {}
    for row in read_rows(text, "assertion.tsv" if path is None else str(path), ("word", "class")):
        word, cls = row["word"].lower(), row["class"]
        if not word or " " in word:
            raise row.error(f"'word' must be one lower-case lemma, found {row['word']!r}")
        if cls not in _CLASSES:
            raise row.error(f"class {cls!r} is not one of {', '.join(sorted(_CLASSES))}; fix the class column")
        words.setdefault(cls, set()).add(word)
    return AssertionLexicon({k: frozenset(v) for k, v in words.items()})


def _given_to_prospect(token: Token, lexicon: AssertionLexicon) -> Token | None:
    """"consideration is being given to a summit", "thought was given to talks": the prospect noun that is the
    passive subject of the verb the event noun is the "to" object of, or None."""
    if token.pos_ != "NOUN" or token.dep_ not in {"obl", "pobj"}:
        return None
    verb = token.head if token.dep_ == "obl" else token.head.head
    case = next((c for c in token.children if c.dep_ == "case"), None) if token.dep_ == "obl" else token.head
    if case is None or case.lower_ != "to" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return next((c for c in verb.children if c.dep_ in {"nsubj:pass", "nsubjpass"} and lexicon.has("prospect", _lemma(c))), None)


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _subject(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in {"nsubj", "nsubj:pass", "csubj"}), None)


def _own_cue(token: Token, lexicon: AssertionLexicon) -> tuple[str, Token] | None:
    """A modal, future, condition or habitual word attached to this predicate."""
    for child in token.children:
        lemma = _lemma(child)
        if child.dep_ in {"aux", "aux:pass"}:
            if lexicon.has("modal", lemma) or lexicon.has("modal", child.lower_):
                return ("modal", child)
            if lexicon.has("future", lemma) or child.lower_ == "'ll":
                return ("future", child)
            if child.lower_ == "going" or (lemma == "be" and any(g.lower_ == "going" for g in token.children)):
                return ("future", child)
        elif child.dep_ == "mark" and lexicon.has("condition", lemma):
            return ("condition", child)
        elif child.dep_ == "advmod" and lexicon.has("habitual", lemma):
            return ("habitual", child)
    return None


def described_noun(verb: Token) -> Token | None:
    """The common noun a present participle right after it describes ("networks working with Iran", "forces
    supporting the regime"), whatever the parse made of it; None when the participle has an auxiliary
    ("are working") or follows no common noun ("troops in Syria fighting alongside": a name ends a phrase of place)."""
    if verb.tag_ != "VBG" or verb.i <= verb.sent.start or any(c.dep_ in {"aux", "aux:pass", "auxpass"} for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    return before if before.tag_ in {"NN", "NNS"} else None


def _standing(token: Token, lexicon: AssertionLexicon, material: bool) -> str | None:
    """A state rather than an act: a participle describing its noun ("forces supporting the regime",
    "rebels allied with the West"; a passive participle with its agent, "a drone shot down by a jet",
    is an act), or a material act in the simple present outside reported speech ("troops leave the
    Philippines", "he works with the armed forces": habits, captions, headlines)."""
    if token.dep_ == "acl" and token.sent.root.pos_ not in {"VERB", "AUX"}:
        return None  # "Liberian riot police used tear gas ...": a parse with no verb at its root took the verb for a participle
    if token.tag_ == "VBG" and token.dep_ == "ROOT" and not any(c.dep_ in {"aux", "aux:pass"} for c in token.children):
        return "a gerund with no auxiliary names the act as a topic (\"objections to Finland joining NATO\")"
    after_comma = token.i > token.sent.start and token.doc[token.i - 1].text == ","
    if token.tag_ == "VBG" and not after_comma and (token.dep_ == "acl" or (token.dep_ != "ROOT" and described_noun(token) is not None)):
        # (", accusing South Korea of plotting" is a participial clause of the sentence, often parsed as acl;
        # "companies supporting the militias" right after its noun, whatever the parse hung it on)
        return "a present participle describing its noun"
    if token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ in {"obl:agent", "obl"} and any(g.lower_ == "by" for g in c.children) for c in token.children):
        return "a past participle describing its noun, with no agent"
    if material and token.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "aux:pass"} for c in token.children) \
            and not lexicon.has("report", _lemma(token)) and token.dep_ in {"ROOT", "conj", "ccomp", "acl:relcl", "relcl"} and token.head.tag_ not in {"VBD", "VBN"} \
            and token.lower_ not in getInflection(_lemma(token), "VBD"):
        # ("settlers set fire": a past form equal to the present is read as past)
        return "a material act in the simple present"
    return None


def _purpose_object(clause: Token, verb: Token, lexicon: AssertionLexicon) -> Token | None:
    """"launched an offensive to retake the town", where the parse hangs "to retake" on the verb: the
    verb's object before the infinitive is a noun of a plan or attempt, whose aim the clause states."""
    if not any(c.lower_ == "to" and c.dep_ in {"mark", "aux"} for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ in {"obj", "dobj"} and c.i < clause.i and lexicon.has("purpose", _lemma(c))), None)


def read_assertion(doc: Doc, anchor: int, lexicon: AssertionLexicon, material: bool = False) -> AssertionReading:
    """Climb from the trigger through the predicates governing it and read the first cue that
    decides its status. ``announced`` marks an act stated as intended by its own announcer
    ("said it will host talks"); ``reported`` an act someone else is said to have done.
    ``material``: the act is a material one (CAMEO 04 and 06-20), for which the simple present is a habit."""
    token = doc[anchor]
    if token.sent.text.rstrip().rstrip("”\"’)").endswith("?"):
        return AssertionReading("question", None, "the sentence is a question")
    standing = _standing(token, lexicon, material)
    if standing is not None:
        return AssertionReading("habitual", token.i, standing)
    prospect = next((c for c in token.children if c.dep_ in {"amod", "compound"} and lexicon.has("prospective", c.lower_)), None)
    if token.pos_ in {"NOUN", "PROPN"} and prospect is not None:
        return AssertionReading("planned", prospect.i, f"a {prospect.text} {token.text}, not yet held")
    if token.pos_ == "NOUN" and token.dep_ in {"nmod", "obl"} and lexicon.has("prospect", _lemma(token.head)) \
            and any(c.dep_ == "case" and c.lower_ in {"of", "for"} for c in token.children) \
            and not any(c.dep_ == "det" and c.lower_ not in {"a", "an"} for c in token.children):
        return AssertionReading("planned", token.head.i, f"{token.head.text} of {token.text}, not yet held")
    given = _given_to_prospect(token, lexicon)
    if given is not None:
        return AssertionReading("planned", given.i, f"{given.text} given to {token.text}, not yet held")
    future: Token | None = None
    current = token
    for _ in range(_MAX_DEPTH):
        cue = _own_cue(current, lexicon)
        if cue is not None:
            kind, word = cue
            if kind == "condition":
                return AssertionReading("conditional", word.i, f"'{word.text}' clause")
            if kind == "habitual":
                return AssertionReading("habitual", word.i, f"habitual '{word.text}'")
            if kind == "modal" and word.lower_ not in _SPEECH_MODALS:
                return AssertionReading("possible", word.i, f"modal '{word.text}'")
            if future is None:
                future = word  # will/would: an intent if someone announced it, else a plan or a condition
        relation, head = current.dep_, current.head
        if head is current:
            break
        if relation in _INHERITED or (current.pos_ in {"NOUN", "PROPN"} and relation in _ARGUMENT and head.pos_ in {"VERB", "AUX"}):
            current = head  # "will host talks": an event noun takes the status of the verb it is an argument of
            continue
        if relation not in _GOVERNED:
            break
        lemma = _lemma(head)
        if lexicon.has("report", lemma) or lexicon.has("claim", lemma) or lexicon.has("announce", lemma):
            speaker = _subject(head)
            at = speaker.i if speaker is not None else None
            if future is not None or lexicon.has("announce", lemma):
                return AssertionReading("announced", head.i, f"announced with '{head.text}'", at)
            if lexicon.has("claim", lemma):
                return AssertionReading("reported", head.i, f"claimed with '{head.text}'", at)
            return AssertionReading("attributed", head.i, f"attributed with '{head.text}'", at)
        if lexicon.has("belief", lemma):
            return AssertionReading("belief", head.i, f"belief of '{head.text}'")
        if lexicon.has("plan", lemma) and (relation in {"xcomp", "ccomp"} or head.pos_ in {"VERB", "ADJ"}):
            return AssertionReading("planned", head.i, f"planned with '{head.text}'")
        if relation == "acl" and head.pos_ == "NOUN" and lexicon.has("purpose", lemma):
            return AssertionReading("planned", head.i, f"the {head.text} to do it")
        plan_noun = _purpose_object(current, head, lexicon) if relation == "advcl" else None
        if plan_noun is not None:
            return AssertionReading("planned", plan_noun.i, f"the {plan_noun.text} to do it")
        current = head
    top = current
    for child in top.children:
        # "Russia attacked the town, officials said": the reporting clause is a parataxis of the act
        # ... but "as Armenia and Azerbaijan accuse each other of violating it": a claim with an object of its own is an act of its own
        own_object = lexicon.has("claim", _lemma(child)) and any(c.dep_ in {"obj", "dobj"} for c in child.children)
        if child.dep_ in {"parataxis", "advcl"} and child.i > anchor and not own_object \
                and (lexicon.has("report", _lemma(child)) or lexicon.has("claim", _lemma(child))):
            speaker = _subject(child)
            value: Assertion = "reported" if lexicon.has("claim", _lemma(child)) else "attributed"
            return AssertionReading(value, child.i, f"{value} with '{child.text}'", speaker.i if speaker is not None else None)
    if future is not None:
        if future.lower_ in _SPEECH_MODALS:
            return AssertionReading("conditional", future.i, f"'{future.text}' outside reported speech")
        return AssertionReading("planned", future.i, f"future '{future.text}'")
    return ASSERTED


def according_to(doc: Doc, anchor: int) -> int | None:
    """The token after "according to" in the anchor's sentence, if the act is attributed that way."""
    sent = doc[anchor].sent
    for t in sent:
        if t.lower_ == "according" and t.i + 2 < sent.end and doc[t.i + 1].lower_ == "to" and not (t.i <= anchor <= t.i + 2):
            return t.i + 2
    return None


def is_background(when: dt.date | None, article_date: dt.date | None, days: int) -> bool:
    """An act the text dates more than ``days`` before the article: history, not news."""
    return when is not None and article_date is not None and (article_date - when).days > days
