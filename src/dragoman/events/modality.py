"""Negation and modality: what a pattern match means in its clause.

"would never sell drones to Russia" is a refusal (12x), "threatened to" a threat (13x),
"called on"/"urged"/"expect X to" an appeal (02x), "will"/"plans to" an intention (03x);
hypotheticals and questions are not events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span as DocSpan

from dragoman.events.matcher import PatternMatch
from dragoman.events.words import EventWords

Modality = Literal["fact", "negated", "refusal", "threat", "appeal", "intent", "hypothetical"]

_OBLIGATION = frozenset({"must", "obliged"})
_OBLIGATION_NOUNS = frozenset({"responsibility", "duty", "obligation"})
_NEGATORS = frozenset({"not", "n't", "never", "no", "nor", "neither", "without"})
_FAIL = frozenset({"fail", "failed", "fails", "failing"})
_REFUSAL = frozenset({"refuse", "refused", "refuses", "refusing", "refusal", "decline", "declined", "declines", "declining", "reject", "rejected", "rejects", "rejecting", "resist", "resisted"})
_THREAT = frozenset({"threaten", "threatened", "threatens", "threatening", "threat", "threats", "warn", "warned", "warns", "ultimatum"})
_APPEAL = frozenset({"urge", "urged", "urges", "urging", "expect", "expected", "expects", "expecting", "ask", "asked", "asks", "asking", "appeal", "appealed", "demand", "demanded", "demands", "press", "pressed", "pressing", "want", "wants", "wanted", "called", "call", "calls", "calling"})
_INTENT = frozenset({"will", "'ll", "would", "sworn", "swore", "swear", "plan", "plans", "planned", "planning", "pledge", "pledged", "pledges", "promise", "promised", "promises", "vow", "vowed", "vows", "intend", "intends", "intended", "offer", "offered", "offers", "ready", "willing", "prepared", "agree", "agreed", "agrees", "going",
                     "seek", "seeks", "seeking", "sought", "readiness", "willingness", "decision", "determination", "intention"})
_APPEAL_THAT = frozenset({"demand", "demanded", "demands", "demanding", "urge", "urged", "urges", "urging", "ask", "asked", "asks", "insist", "insisted", "insists", "request", "requested", "requests"})
_HYPOTHETICAL = frozenset({"if", "whether", "could", "might", "may", "should", "must", "unless", "perhaps", "possibly", "considering", "consider", "mulling",
                           "opportunity", "opportunities", "chance", "chances", "hope", "hopes", "hoping"})
_CLAUSE_STOPS = frozenset({";", ":", ".", "—", "–", "but", "while", "although", "though", "because", "since", "despite", "after", "before", "which", "that", "who", "as"})
WINDOW = 7


@dataclass(frozen=True, slots=True)
class ModalityReading:
    modality: Modality
    cue_token: int | None  # the token of the modal cue (for appeal targets)


def read_modality(doc: Doc, anchor: int, sent_start: int, anchor_is_cue: bool) -> ModalityReading:
    """Look back from the anchor through its clause for negation and modal cues."""
    sent = doc[anchor].sent
    if sent.text.rstrip().rstrip("”\"’").endswith("?"):
        return ModalityReading("hypothetical", None)
    negated = obliged = False
    found: ModalityReading | None = None
    i = anchor - 1
    steps = 0
    while i >= sent_start and steps < WINDOW:
        word = doc[i].lower_
        if word in _CLAUSE_STOPS and not (word == "that" and i + 1 < len(doc) and doc[i + 1].i == anchor):
            if word == "that" and found is None and not anchor_is_cue:
                # "demanded that its partners refuse ...": the clause is what was asked for
                cue = next((k for k in range(i - 1, max(sent_start, i - 3) - 1, -1) if doc[k].lower_ in _APPEAL_THAT), None)
                if cue is not None:
                    found = ModalityReading("appeal", cue)
            break
        if word == "interest" and i == anchor - 2 and doc[anchor - 1].lower_ == "in":
            # "has an interest in attacking Egypt": a motive, not the act
            return ModalityReading("hypothetical", i)
        if word == "without" and i >= anchor - 2:
            # "agreed to resign without returning to Kyrgyzstan": a circumstance, neither the act nor a refusal
            return ModalityReading("hypothetical", i)
        if word in _OBLIGATION or (word in _OBLIGATION_NOUNS and i + 1 < len(doc) and doc[i + 1].lower_ == "to"):
            obliged = True  # "must", "has a responsibility to press"
        stopped_short = word == "short" and i + 1 < len(doc) and doc[i + 1].lower_ == "of" and doc[i - 1].lemma_.lower() in {"stop", "fall"}
        if word in _NEGATORS or stopped_short or (word in _FAIL and i + 1 < len(doc) and doc[i + 1].lower_ == "to"):
            negated = True  # "failed to reach agreement", "stopped short of expressing support": not done
        elif found is None and not anchor_is_cue:
            if word in _REFUSAL:
                found = ModalityReading("refusal", i)
            elif word in _THREAT:
                found = ModalityReading("threat", i)
            elif word in _APPEAL and not (word in {"called", "call", "calls", "calling"} and not (i + 1 < len(doc) and doc[i + 1].lower_ in {"on", "for", "upon"})):
                found = ModalityReading("appeal", i)
            elif word in _HYPOTHETICAL:
                found = ModalityReading("hypothetical", i)
            elif word in _INTENT:
                found = ModalityReading("intent", i)
        i -= 1
        steps += 1
    if obliged and (found is None or found.modality == "intent"):
        # "the US must be ready to mediate": what someone must do is the content of a demand, coded as the demand
        return ModalityReading("hypothetical", None)
    if negated and (found is None or found.modality in {"intent", "fact"}):
        return ModalityReading("negated", None)
    if negated and found is not None and found.modality == "refusal":
        return ModalityReading("fact", None)  # "did not refuse": leave as the plain event
    return found or ModalityReading("fact", None)


def recode(code: str, modality: Modality) -> str | None:
    """The CAMEO code a match yields under a modality; ``None`` when it is no event."""
    root = int(code[:2])
    if modality == "fact":
        return code
    if modality == "hypothetical":
        return None
    if modality in {"negated", "refusal"}:
        if root >= 9:
            return None if modality == "negated" else "120"
        if code.startswith("057"):
            return "127"
        return {3: "120", 4: "125", 6: "1211" if code.startswith("061") else "121", 7: "1212" if code.startswith("072") else "122", 8: "124"}.get(root)
    if modality == "threat":
        if root in {13}:
            return code
        if root == 16:
            return "131"
        if root == 17:
            return "137"
        if root >= 18:
            return "138"
        return "130"
    if modality == "appeal":
        if root == 2:
            return code
        return {3: "026", 4: "026", 5: "022", 6: "021", 7: "023", 8: "025"}.get(root, "020")
    if modality == "intent":
        if root <= 3 or 9 <= root <= 13:
            return code  # a stated appeal or statement is still one; 09-13 are verbal already
        if root == 14:
            return "133"
        if root == 15:
            return "138"
        if root == 16:
            return "131"
        if root == 17:
            return "137"
        if root >= 18:
            return "138"
        return {4: "036", 5: "032", 6: "031", 7: "033", 8: "035"}.get(root, "030")
    return code


def _object_of_rejection(doc: Doc, start: int, sent_start: int, words: EventWords) -> bool:
    """Is the noun phrase at ``start`` the object of a rejecting verb ("rejected a fresh US offer")?"""
    for k in range(start - 1, max(sent_start, start - 6) - 1, -1):
        if doc[k].lemma_.lower() in words.rejecting and doc[k].tag_.startswith("VB"):
            return True
        if doc[k].tag_ not in words.noun_phrase_tags:
            return False
    return False


def _inside_rejected_object(doc: Doc, anchor: int, words: EventWords) -> bool:
    """By the parse: is the noun inside what a verb rejects or opposes ("rejected a US offer to host a
    summit for peace between ...", "is opposed to French mediation in peace negotiations with Syria")?"""
    token = doc[anchor]
    for _ in range(8):
        if token.head is token:
            return False
        token = token.head
        if token.lemma_.lower() in words.rejecting or token.lower_ in {"opposed", "oppose", "opposes", "opposing"}:
            return True
        if token.pos_ in {"VERB", "AUX"} and not (token.tag_ in {"VB", "VBG"} and token.dep_ in {"acl", "xcomp", "advcl"}):
            return False  # a finite clause of its own: "rejected claims that troops shelled the town"
    return False


def read_match_modality(doc: Doc, match: PatternMatch, sent: DocSpan, words: EventWords) -> ModalityReading:
    """The match's modality; a nominal event takes only negation, hypotheses and appeals
    ("under threat from sanctions" is no threat event)."""
    reading = read_modality(doc, match.anchor, sent.start, anchor_is_cue=False)
    cue = reading.cue_token
    before = match.start - 1
    if before > sent.start and doc[before].lower_ == "of" and any(doc[k].lemma_.lower() in words.alleging for k in range(max(sent.start, before - 5), before)):
        return ModalityReading("hypothetical", None)  # "accused Darfur rebels of violating the ceasefire": an allegation, coded as the accusation
    if "noun" in match.pattern.flags and reading.modality in {"refusal", "threat"} and cue is not None and cue + 1 < match.anchor and doc[cue + 1].lower_ == "to":
        # "refused to commit to any assistance to the US", "threatened to launch an offensive in its war with Iraq":
        # the noun is part of what was refused or threatened, which the verb's own match codes
        return ModalityReading("hypothetical", None)
    if ("noun" in match.pattern.flags and (_object_of_rejection(doc, match.start, sent.start, words) or _inside_rejected_object(doc, match.anchor, words))) or (
        reading.modality == "appeal" and cue is not None and _object_of_rejection(doc, cue, sent.start, words)
    ):
        # "rejected a United Nations appeal for deploying troops", "rejected an Indian proposal": the appeal
        # or offer is what was rejected, coded by the rejection's own match
        return ModalityReading("hypothetical", None)
    if "noun" in match.pattern.flags and reading.modality not in {"fact", "negated", "hypothetical", "appeal"}:
        return ModalityReading("fact", None)
    if reading.modality == "intent" and any(t.lower_ == "unless" for t in doc[match.end : sent.end]):
        return ModalityReading("threat", reading.cue_token)  # "will withdraw its force unless ...": a conditional threat
    return reading
