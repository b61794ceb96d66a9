"""CAMEO coding policy: what each root allows, read from ``events/data/roots.tsv``, and the
rules that change a code or drop an event once its actors are known.

* a verbal root (01-05, 10-13) needs a target under ``events.one_sided = "material"``, and a
  passive verbal act with no "by" agent has no known source;
* a mutual root (03-06, 19, less mediation 045) read of two coordinated parties with no other
  party is coded both ways ("the United States and Jordan agreed");
* a violent root (18-20) may take an attack noun as its subject ("a roadside bombing killed"),
  whose weapon refines a generic killing or attack (``coding_words.tsv``: attack-noun, bomb-kind);
* the target is searched ``reach`` tokens after the match;
* a visit (042) of troops is a deployment: peacekeeping (074) or a show of force (154);
* a material root read from a verb with a content clause ("conceded that ...") is speech, no act;
* a statement (01) with no addressee, or to the press or "his/her" own people, is no event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Mapping

from spacy.tokens import Doc, Span as DocSpan, Token

from dragoman.events.words import EventWords
from dragoman.knowledge import packaged_text, read_rows
from dragoman.records import ActorMention, Event, MentionRole

_FILE = "roots.tsv"
_ADVERSARY = frozenset({"vote", "aim", "both", "no"})
_CONTENT_MARKS = frozenset({"that", "whether", "if"})
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "expl"})


@dataclass(frozen=True, slots=True)
class CodingPolicy:
    """The per-root policy of ``roots.tsv``."""

    verbal: frozenset[str]
    mutual: frozenset[str]
    not_mutual: tuple[str, ...]  # codes of mutual roots done to others: mediation
    violent: frozenset[str]
    reach: Mapping[str, int]  # root -> tokens after the match a target may stand
    adversary_votes: frozenset[str] = frozenset()  # roots whose events with a target tell whom their source fights
    adversary_aims: frozenset[str] = frozenset()  # roots whose events with no target take the source's adversary (events/adversary.py)

    def unaddressed_statement(self, code: str, targets: tuple[ActorMention, ...]) -> bool:
        """A statement with no addressee, or to the press or to "his"/"her" own people, is not a dyadic event."""
        return code.startswith("01") and (not targets or all(t.actor.sector == "MED" or (t.possessive and t.actor.kind == "person") for t in targets))

    def is_mutual(self, code: str) -> bool:
        return code[:2] in self.mutual and not code.startswith(self.not_mutual)

    def speaks_not_acts(self, code: str, anchor: Token) -> bool:
        """Is a material code read from a verb that here takes a content clause ("Obama conceded
        that Iran might cheat", "accepted that the talks failed")? Then the verb reports speech
        or thought, not the material act its pattern names. The clause must follow the verb at once,
        opened by "that"/"whether"/"if" or a pronoun subject ("conceded it was wrong"): a parse that
        hangs a later clause on the verb ("expelled inspectors ... after officials alleged") is none."""
        if code[:2] in self.verbal:
            return False
        doc = anchor.doc
        if anchor.i + 1 >= len(doc):
            return False
        first = doc[anchor.i + 1]
        opens = (first.dep_ == "mark" and first.lower_ in _CONTENT_MARKS) or (first.dep_ in _CLAUSE_SUBJECTS and first.pos_ == "PRON")
        return opens and any(c.dep_ == "ccomp" and c.left_edge.i == first.i for c in anchor.children)

    def allows_one_sided(self, event: Event, setting: str) -> bool:
        """May this event stand without a target under ``events.one_sided`` ("none", "material", "all")?"""
        return setting == "all" or (setting == "material" and event.root not in self.verbal)


def _yes(value: str, where: str) -> bool:
    if value not in {"yes", "no"}:
        raise ValueError(f"{where}: expected yes or no, found {value!r}")
    return value == "yes"


def load_coding_policy() -> CodingPolicy:
    verbal: set[str] = set()
    mutual: set[str] = set()
    violent: set[str] = set()
    not_mutual: list[str] = []
    reach: dict[str, int] = {}
    votes: set[str] = set()
    aims: set[str] = set()
    for row in read_rows(packaged_text("dragoman.events", _FILE), _FILE, ("root", "verbal", "mutual", "not_mutual", "violent", "reach", "adversary")):
        root = row["root"]
        if len(root) != 2 or not root.isdigit() or not row["reach"].isdigit():
            raise row.error(f"expected a two-digit CAMEO root and a number of tokens, found {root!r}, {row['reach']!r}")
        try:
            flags = [_yes(row[column], row.where) for column in ("verbal", "mutual", "violent")]
        except ValueError as e:
            raise row.error(str(e)) from e
        for flag, into in zip(flags, (verbal, mutual, violent)):
            if flag:
                into.add(root)
        not_mutual += [c.strip() for c in row["not_mutual"].split(",") if c.strip()]
        reach[root] = int(row["reach"])
        adversary = row["adversary"]
        if adversary not in _ADVERSARY:
            raise row.error(f"adversary: expected one of {', '.join(sorted(_ADVERSARY))}, found {adversary!r}")
        if adversary in {"vote", "both"}:
            votes.add(root)
        if adversary in {"aim", "both"}:
            aims.add(root)
    return CodingPolicy(frozenset(verbal), frozenset(mutual), tuple(not_mutual), frozenset(violent), reach, frozenset(votes), frozenset(aims))


def weapon_code(words: EventWords, subject_lemma: str, modifiers: list[str]) -> str | None:
    """The code an attack noun's weapon gives ("roadside bombing": 1833), None for none."""
    code = words.attack_nouns.get(subject_lemma)
    if code == "183":
        kinds = [words.bomb_kinds[w] for w in modifiers if w in words.bomb_kinds]
        code = kinds[0] if kinds else code
    return code


def _is_troops(words: EventWords, mention: ActorMention) -> bool:
    said = mention.span.text.lower().split()
    return bool(said) and said[-1] in words.troops


def _peacekeeping(doc: Doc, sent: DocSpan, mention: ActorMention) -> bool:
    before = doc.text[max(sent.start_char, mention.span.start - 30) : mention.span.end].lower()
    return "peacekeep" in before


def deployment_code(words: EventWords, doc: Doc, sent: DocSpan, code: str, sources: tuple[ActorMention, ...]) -> str:
    """"Bangladeshi peacekeeping troops arrived in Sierra Leone": a visit (042) of troops is a
    deployment, of peacekeepers (074) or a show of force (154)."""
    if code == "042" and all(_is_troops(words, s) for s in sources):
        return "074" if any(_peacekeeping(doc, sent, s) for s in sources) else "154"
    return code


def drop_subsumed(events: list[Event]) -> list[Event]:
    """A generic "agreed to"/"is willing to" (030, no target) says nothing more than the event it
    introduces ("willing to help defend Saudi Arabia"): keep the specific one only. A demand that
    states a protest's purpose ("staged demonstrations to demand reforms") is part of the protest (14)."""
    kept: list[Event] = []
    addressee: dict[int, ActorMention] = {}
    for e in events:
        same = [o for o in events if o is not e and o.source.actor.code == e.source.actor.code and o.source.actor.name == e.source.actor.name]
        if e.target is None and e.cameo == "030" and any(abs(o.evidence[0].start - e.evidence[0].start) < 200 for o in same):
            continue
        if e.target is None and any(o.target is not None and (o.root == e.root or (o.plover and o.plover == e.plover)) and abs(o.evidence[0].start - e.evidence[0].start) < 200 for o in same):
            # "threatened ... issued an ultimatum to Ecuador", "shelled Juba ..., killing about 20 people":
            # the targeted event of the same root or PLOVER type says it all
            continue
        protests = [o for o in same if o.root == "14" and o.evidence[0].start <= e.evidence[0].start < o.evidence[0].end + 60]
        if e.root in {"02", "10"} and protests:
            for o in protests:  # the demand's addressee is the protest's target: "demonstrated calling for independence from Iraq"
                if e.target is not None and (e.target.actor.code or e.target.actor.country) and (o.target is None or o.target.role is MentionRole.PLACE):
                    addressee.setdefault(id(o), e.target)
            continue
        kept.append(e)
    return [replace(e, target=addressee[id(e)]) if id(e) in addressee else e for e in kept]
