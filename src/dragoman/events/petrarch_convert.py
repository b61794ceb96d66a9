"""Convert the PETRARCH verb dictionaries into a dragoman pattern file.

``python -m dragoman.events.petrarch_convert [--source DIR] [--out FILE]`` reads the PETRARCH-2
dictionary ``CAMEO.2.0.txt`` and the PETRARCH-1 (TABARI-style) dictionary
``CAMEO.verbpatterns.150430.txt`` and writes ``petrarch_patterns.tsv``: only the patterns dragoman's
matcher can carry (a verb, then particles, prepositions, object nouns and actor slots), each with a
CAMEO code of ``cameo.tsv``. Every pattern left out is counted by reason; the counts are printed
and written in docs/event-patterns.md, with the rules ("PETRARCH patterns").

The dictionaries' formats (PETRARCH's ``PETRreader.read_verb_dictionary``):

* ``&NAME`` then ``+WORD`` lines: a synonym set; ``_`` joins the words of a phrase, a final ``_``
  (on the word or the label) means "no plural".
* ``--- NAME [CODE] ---``: a block of synonymous verbs; CODE is the code of the bare verbs.
* a verb line: ``SAY {SAYS SAID}`` (irregular forms), ``EXPRESS [0110]`` (own code),
  ``+CLEAR_UP`` (the ``+`` word is the verb, the others are its particles).
* ``- PRE * POST [CODE] # comment``: a pattern of every verb of the block; ``*`` is the verb.
  PETRARCH-2: a bare word is the head of a noun phrase, ``{A B}`` a noun phrase with head B,
  ``(P N)`` a prepositional phrase. PETRARCH-1: words in order, ``_`` joins adjacent words, a space
  lets words intervene, ``^`` skips a noun phrase, ``%`` is a compound actor.
  Both: ``+`` target, ``$`` source, ``&NAME`` a synonym set, ``[A:B]`` A from source to target
  and B back, ``[---]`` no event.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal, Sequence

from lemminflect import getLemma

from dragoman.errors import DataFileError
from dragoman.events.patterns import parse_pattern

Dialect = Literal["p2", "p1"]
P2_FILE = "CAMEO.2.0.txt"
P1_FILE = "CAMEO.verbpatterns.150430.txt"
DEFAULT_SOURCE = Path("../shared/external/petrarch_dictionaries")
DEFAULT_OUT = Path("src/dragoman/events/data/petrarch_patterns.tsv")

# dropped as redundant: the matcher's gaps and target slots skip them
_ARTICLES = frozenset({"the", "a", "an"})
# negation and modality are the coder's work (docs/event-patterns.md), never a pattern's
_NEGATIONS = frozenset({"not", "no", "never", "n't", "without", "nor"})
_AUXILIARIES = frozenset({"be", "have", "do", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought"})
_AUX_SYNSETS = frozenset({"&AUXVERB1", "&AUXVERB2", "&AUXVERB3", "&TOBEVERB"})
# prepositions, particles and other closed-class words: a pattern of a verb and these alone is a bare verb
_FUNCTION_WORDS = frozenset({
    "about", "above", "across", "after", "against", "ahead", "along", "alongside", "amid", "among", "apart", "around", "as", "aside",
    "at", "away", "back", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "down", "during",
    "for", "forth", "forward", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over", "past",
    "since", "through", "throughout", "to", "toward", "towards", "under", "until", "up", "upon", "via", "with", "within", "together",
    "that", "this", "these", "those", "it", "its", "their", "his", "her", "them", "him", "they", "he", "she", "we", "us", "if",
    "whether", "when", "while", "because", "so", "too", "also", "again", "here", "there", "home", "abroad", "and", "or", "but",
    "each", "other", "one", "another", "all", "any", "some", "more", "most", "such", "own", "which", "who", "what", "how", "why",
})
# roots the coder reads from modality cues ("urged X to", "pledged to", "refused to", "threatened to") around an act
_MODALITY_ROOTS = frozenset({"02", "03", "12", "13"})
_CONJUNCTIONS = frozenset({"and", "or", "but"})
# words after the verb in a carried pattern: more make a clause, not an object
MAX_WORDS_AFTER_VERB = 4


@dataclass(frozen=True, slots=True)
class Verb:
    """One verb of a block: its lemma, the particles after it ("clear up"), its own code."""

    lemma: str
    particles: tuple[str, ...] = ()
    code: str | None = None
    front: tuple[str, ...] = ()  # words before it ("RE_+ARREST"): not carried


@dataclass(frozen=True, slots=True)
class DictPattern:
    """One ``- PRE * POST [CODE]`` line of a block."""

    dialect: Dialect
    block: str
    verbs: tuple[Verb, ...]
    pre: str
    post: str
    code: str
    where: str
    named: tuple[str, ...] = ()  # verbs the comment names as the pattern's origin ("# RUSH"), as lemmas


@dataclass(frozen=True, slots=True)
class Block:
    name: str
    code: str
    verbs: tuple[Verb, ...]
    where: str


@dataclass(slots=True)
class Dictionary:
    dialect: Dialect
    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    patterns: list[DictPattern] = field(default_factory=list)
    transformations: int = 0


@dataclass(frozen=True, slots=True)
class Row:
    id: str
    code: str
    pattern: str
    flags: str
    origin: str


class Skip(Exception):
    """A dictionary pattern dragoman's pattern language cannot carry; the message is the reason."""


def lemma_of(word: str) -> str:
    """The lemma of a dictionary word: its noun reading first ("sanctions" → sanction), else its
    verb reading ("said" → say), else the word itself (prepositions, unknown words)."""
    w = word.lower()
    for upos in ("NOUN", "VERB"):
        found = getLemma(w, upos=upos, lemmatize_oov=False)
        if found:
            return str(found[0])
    return w


def verb_lemma(word: str) -> str:
    w = word.lower()
    found = getLemma(w, upos="VERB", lemmatize_oov=False)
    return str(found[0]) if found else w


def _only_verb(word: str) -> bool:
    """A word with a verb reading and no noun reading ("took", "supplied"): a second verb."""
    w = word.lower()
    return not getLemma(w, upos="NOUN", lemmatize_oov=False) and bool(getLemma(w, upos="VERB", lemmatize_oov=False)) and w not in _AUXILIARIES


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].split(";", 1)[0].rstrip()


_CODE = re.compile(r"\[([^\]]*)\]\s*$")


def parse_verb_line(text: str) -> Verb | None:
    """``SAY {SAYS SAID}``, ``EXPRESS [0110]``, ``+CLEAR_UP``, ``RE_+ARREST``, ``+GUN_DOWN {...} [193]``."""
    code = None
    m = _CODE.search(text)
    if m:
        code = m.group(1).strip()
        text = text[: m.start()]
    text = re.sub(r"\{[^}]*\}", " ", text).strip()
    if not text:
        return None
    head = text.split()[0]
    if "_" not in head:
        return Verb(verb_lemma(head.lstrip("+")), (), code)
    parts = head.split("_")
    at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    verb = parts[at].lstrip("+")
    return Verb(verb_lemma(verb), tuple(p.lower() for p in parts[at + 1:] if p), code, tuple(p.lower() for p in parts[:at] if p))


def read_dictionary(text: str, dialect: Dialect, name: str) -> Dictionary:
    """Read a PETRARCH verb dictionary: synsets, verb blocks, patterns (see the module docstring)."""
    out = Dictionary(dialect)
    synset: str | None = None
    block: str | None = None
    block_code = "---"
    verbs: list[Verb] = []
    block_where = ""

    def close_block() -> None:
        if block is not None:
            out.blocks.append(Block(block, block_code, tuple(verbs), block_where))

    block_patterns: list[tuple[str, str, str, str, tuple[str, ...]]] = []  # (pre, post, code, where, named)

    def flush_patterns() -> None:
        for pre, post, code, where, named in block_patterns:
            out.patterns.append(DictPattern(dialect, block or "", tuple(verbs), pre, post, code, where, named))
        block_patterns.clear()

    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        if raw.startswith("#") or not raw.strip():
            synset = None if not raw.strip() else synset
            continue
        if raw.startswith("~"):
            out.transformations += 1
            continue
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("---"):
            flush_patterns()
            close_block()
            synset = None
            head = raw.strip("- \t\n").split("#", 1)[0]
            m = re.search(r"\[([^\]]*)\]", head)
            block_code = m.group(1).strip() if m else "---"
            block = re.sub(r"\[[^\]]*\]", "", head).strip().strip("-").strip() or "unnamed"
            verbs = []
            block_where = where
            continue
        if raw.startswith("&"):
            synset = line.strip().rstrip("_")
            out.synsets[synset] = ()
            continue
        if raw.startswith("+") and synset is not None:
            member = line[1:].strip()
            if member:
                out.synsets[synset] += (member,)
            continue
        synset = None
        if raw.startswith("-"):
            m = _CODE.search(line)
            if block is None:
                continue
            named = origin_verbs(raw.split("#", 1)[1]) if "#" in raw else ()
            if m is None:
                block_patterns.append((line[1:].strip(), "", "", where, named))  # no code: reported as such
                continue
            body = line[1 : m.start()]
            pre, star, post = body.partition("*")
            block_patterns.append((pre.strip(), post.strip() if star else "\0", m.group(1).strip(), where, named))
            continue
        if block is not None:
            verb = parse_verb_line(_strip_comment(line))
            if verb is not None:
                verbs.append(verb)
    flush_patterns()
    close_block()
    return out


def origin_verbs(comment: str) -> tuple[str, ...]:
    """The verbs a pattern's comment names as where it was found: "# RUSH", "# SAY <lrp 02 Aug 2005>",
    "# ANNOUNCE <ab> , ANNOUNCE" → lemmas; coder initials in <...> and remarks in (...) are skipped."""
    text = re.sub(r"<[^>]*>|\([^)]*\)", " ", comment)
    out: list[str] = []
    for token in re.findall(r"[A-Z][A-Z+_'-]+", text):
        for part in token.replace("+", "").split("_"):
            if len(part) > 1:
                lemma = verb_lemma(part)
                if lemma not in out:
                    out.append(lemma)
    return tuple(out)


def _synset_words(members: Sequence[str]) -> tuple[list[str], int]:
    """The single-word members of a synset as lemmas; the count of multi-word members left out."""
    words: list[str] = []
    left = 0
    for member in members:
        m = member.strip().rstrip("_")
        if "_" in m or " " in m:
            left += 1
            continue
        lemma = lemma_of(m)
        if lemma not in words:
            words.append(lemma)
    return words, left


class Converter:
    """Turns dictionary patterns into dragoman pattern texts; counts what it leaves out."""

    def __init__(self, synsets: dict[str, tuple[str, ...]]) -> None:
        self.synsets = synsets

    def word(self, raw: str) -> str | None:
        """One dictionary word or synset as a dragoman element (None: drop it, e.g. an article)."""
        if raw.startswith("&"):
            name = raw.rstrip("_")
            if name in _AUX_SYNSETS:
                raise Skip("auxiliary or modal verb in the pattern")
            if name not in self.synsets:
                raise Skip("synset not defined")
            words, _ = _synset_words(self.synsets[name])
            if not words:
                raise Skip("synset has only multi-word members")
            if any(w in _AUXILIARIES for w in words):
                raise Skip("auxiliary or modal verb in the pattern")
            return "|".join(words)
        w = raw.lower()
        if w in _ARTICLES:
            return None
        if w in _NEGATIONS:
            raise Skip("negation in the pattern (the coder reads negation)")
        lemma = lemma_of(w)
        if lemma in _AUXILIARIES or w in _AUXILIARIES:
            raise Skip("auxiliary or modal verb in the pattern")
        if _only_verb(w):
            raise Skip("a second verb after the verb (a clause, not an object)")
        return lemma

    def post_p2(self, post: str) -> list[str]:
        """PETRARCH-2: ``AID``, ``{ARMS SHIPMENT}``, ``(TO BORDER)``, ``(TO +)``, ``+``, ``$``."""
        tokens = re.sub(r"([(){}])", r" \1 ", post).split()
        out: list[str] = []
        in_pp = False
        pp_first = False  # the next word is the preposition
        after_prep = False  # the last element was the preposition
        in_np = False
        for tok in tokens:
            if tok == "(":
                in_pp, pp_first = True, True
                continue
            if tok == ")":
                in_pp = after_prep = False
                continue
            if tok == "{":
                in_np = True
                out.append("*")
                continue
            if tok == "}":
                in_np = False
                continue
            if tok in {"+", "$"}:
                if not after_prep:
                    out.append("*")
                out.append(tok)
                after_prep = False
                continue
            if tok in {"^", "%"}:
                raise Skip("compound actor % or ^ in a PETRARCH-2 pattern")
            parts = [p for p in tok.split("_") if p]
            elems = [e for e in (self.word(p) for p in parts) if e is not None]
            if not elems:
                continue
            if in_pp and pp_first:
                out += ["*"] + elems  # the preposition
                pp_first, after_prep = False, True
                continue
            if not in_np:
                out.append("*")
            out += elems
            after_prep = False
        return out

    def post_p1(self, post: str) -> list[str]:
        """PETRARCH-1: words in order; ``_`` joins adjacent words, a space lets words intervene."""
        if "%" in post.split():
            raise Skip("compound actor % in the pattern")
        out: list[str] = ["*"]
        for tok in post.split():
            if tok == "^":
                out.append("*")
                continue
            if tok in {"+", "$"}:
                out += [tok, "*"]
                continue
            parts = [p for p in tok.split("_") if p]
            for p in parts:
                if p in {"+", "$"}:
                    out.append(p)
                elif p == "^":
                    out.append("*")
                elif p == "%":
                    raise Skip("compound actor % in the pattern")
                else:
                    e = self.word(p)
                    if e is not None:
                        out.append(e)
            out.append("*")
        return out

    def elements(self, dialect: Dialect, pre: str, post: str) -> list[str]:
        pre_tokens = pre.split()
        if any(t != "$" for t in pre_tokens):
            if any(t not in {"$", "+", "^", "%"} for t in pre_tokens):
                raise Skip("words before the verb (a subject constraint)")
            raise Skip("an actor slot other than the source before the verb")
        out = self.post_p2(post) if dialect == "p2" else self.post_p1(post)
        return tidy(out)


def tidy(elements: list[str]) -> list[str]:
    """Collapse repeated gaps, drop trailing gaps and every gap right before a slot."""
    out: list[str] = []
    for e in elements:
        if e == "*" and (not out or out[-1] == "*"):
            if not out:
                out.append(e)
            continue
        out.append(e)
    while out and out[-1] == "*":
        out.pop()
    # "kill +", "withdraw * troop from +": a slot skips determiners, adjectives and quantities itself
    return [e for i, e in enumerate(out) if not (e == "*" and i + 1 < len(out) and out[i + 1] in {"+", "$"})]


@dataclass(frozen=True, slots=True)
class CodeTable:
    codes: frozenset[str]

    def resolve(self, raw: str) -> tuple[str, str]:
        """(code, flags) for a dictionary code; raises Skip with the reason it cannot be used."""
        if raw == "":
            raise Skip("no code")
        if "!" in raw:
            raise Skip("code with the '!' marker")
        if raw.replace("-", "") == "":
            raise Skip("null code --- (no event)")
        flags = ""
        if ":" in raw:
            forward, back = raw.split(":", 1)
            if not forward:
                raise Skip("only a reverse code [:B] (target to source)")
            if back == forward:
                flags = "reciprocal"
            raw = forward
        if not raw.isdigit():
            raise Skip("code not a number")
        if raw in self.codes:
            return raw, flags
        if len(raw) == 4 and raw[:3] in self.codes:
            return raw[:3], flags  # counted by the caller as mapped to its parent
        raise Skip("code not in CAMEO 1.1b3")


def load_cameo_codes() -> frozenset[str]:
    text = resources.files("dragoman.events").joinpath("data", "cameo.tsv").read_text(encoding="utf-8")
    return frozenset(l.split("\t", 1)[0] for l in text.splitlines()[1:] if l.strip() and not l.startswith("#"))


@dataclass(frozen=True, slots=True)
class HandWritten:
    """What dragoman's own pattern files cover: (anchor lemma, rest) keys, verb anchors, noun anchors."""

    keys: frozenset[tuple[str, str]]
    verbs: frozenset[str]
    nouns: frozenset[str]


def hand_written() -> HandWritten:
    """Read the hand-written ``patterns*.tsv`` (every one but the converted file)."""
    folder = resources.files("dragoman.events").joinpath("data")
    keys: set[tuple[str, str]] = set()
    verbs: set[str] = set()
    nouns: set[str] = set()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not (entry.name.startswith("patterns") and entry.name.endswith(".tsv")) or entry.name == DEFAULT_OUT.name:
            continue
        for line in entry.read_text(encoding="utf-8").splitlines()[1:]:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                continue
            elems = cols[2].split()
            at = next((i for i, e in enumerate(elems) if not e.startswith(("(", "~", "*", "+", "$", "'", "’"))), None)
            if at is None:
                continue
            rest = _key(elems[:at] + ["@"] + elems[at + 1:])
            for word in elems[at].split("|"):
                keys.add((word.lower(), rest))
                if len(cols) < 4 or "noun" not in cols[3].split("|"):
                    verbs.add(word.lower())
                else:
                    nouns.add(word.lower())
    return HandWritten(frozenset(keys), frozenset(verbs), frozenset(nouns))


def _key(elements: Sequence[str]) -> str:
    return " ".join("|".join(sorted(e.lower().split("|"))) for e in elements)


@dataclass
class Report:
    read: Counter[str] = field(default_factory=Counter)
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)
    notes: Counter[tuple[str, str]] = field(default_factory=Counter)
    converted: Counter[str] = field(default_factory=Counter)
    kept: Counter[str] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        out = []
        for d in ("p2", "p1"):
            out.append(f"{d}: read {self.read[d]} (patterns {self.read[d + ' patterns']}, verb entries {self.read[d + ' verbs']}, "
                       f"transformations {self.read[d + ' transformations']}), converted {self.converted[d]}, kept {self.kept[d]}")
            for (dd, reason), n in sorted(self.dropped.items(), key=lambda kv: (-kv[1], kv[0][1])):
                if dd == d:
                    out.append(f"  dropped {n:5d}  {reason}")
            for (dd, reason), n in sorted(self.notes.items(), key=lambda kv: (-kv[1], kv[0][1])):
                if dd == d:
                    out.append(f"  note    {n:5d}  {reason}")
        return out


@dataclass(frozen=True, slots=True)
class Filter:
    """General shape and code-class rules applied after the conversion (docs/event-patterns.md)."""

    bare_verbs: bool = False  # keep patterns with no object noun and no actor slot after the verb
    statements: bool = False  # keep codes of root 01 (public statements)
    hand_written_verbs: bool = False  # keep patterns on verbs that hand-written patterns already anchor on
    event_nouns: bool = False  # keep patterns whose object is an event noun of a hand-written noun pattern
    modality_roots: bool = False  # keep codes of roots 02, 03, 12, 13 (appeal, intent, refusal, threat)

    def reason(self, code: str, rest: Sequence[str], event_nouns: frozenset[str]) -> str | None:
        if not self.statements and code.startswith("01"):
            return "filter: root 01 statement (too broad for a verb dictionary)"
        if not self.modality_roots and code[:2] in _MODALITY_ROOTS:
            return "filter: root 02/03/12/13 (appeal, intent, refusal, threat: the coder derives them from the cue and the act)"
        if not self.bare_verbs and not any(e in {"+", "$"} or (e != "*" and not set(e.split("|")) <= _FUNCTION_WORDS) for e in rest):
            return "filter: no object noun and no actor slot after the verb (bare verb or verb + preposition)"
        if not self.event_nouns and any(set(e.split("|")) & event_nouns for e in rest):
            return "filter: its object is an event noun dragoman codes itself (launch an attack, attend a meeting)"
        return None


def convert(p2_text: str, p1_text: str, policy: Filter = Filter()) -> tuple[list[Row], Report]:
    """Convert both dictionaries (PETRARCH-2 first, so its pattern wins a duplicate)."""
    codes = CodeTable(load_cameo_codes())
    own = hand_written()
    seen: set[tuple[str, str]] = set()
    report = Report()
    rows: list[Row] = []
    used_ids: Counter[str] = Counter()

    for dialect, text, name in (("p2", p2_text, P2_FILE), ("p1", p1_text, P1_FILE)):
        d: Dialect = "p2" if dialect == "p2" else "p1"
        dic = read_dictionary(text, d, name)
        conv = Converter(dic.synsets)
        if dic.transformations:
            report.dropped[(d, "verb transformation rule (not a pattern)")] += dic.transformations
            report.read[d] += dic.transformations
            report.read[d + " transformations"] += dic.transformations
        items: list[tuple[str, str, tuple[Verb, ...], str, str, str]] = []  # (block, code, verbs, pre, post, where)
        block_lemmas: dict[str, set[str]] = {b.name: {v.lemma for v in b.verbs} for b in dic.blocks}
        for block in dic.blocks:
            for verb in block.verbs:
                report.read[d] += 1
                report.read[d + " verbs"] += 1
                items.append((block.name, verb.code or block.code, (verb,), "", "", block.where))
        for p in dic.patterns:
            report.read[d] += 1
            report.read[d + " patterns"] += 1
            verbs = p.verbs
            named = [v for v in p.verbs if v.lemma in p.named]
            if named:
                verbs = tuple(named)  # the verb the pattern was written for, not its whole synonym block
                if len(named) < len(p.verbs):
                    report.notes[(d, "pattern kept to the verbs its comment names (not the whole synonym block)")] += 1
            elif p.named and not (set(p.named) & block_lemmas.get(p.block, set())):
                report.notes[(d, "comment names no verb of the block: pattern applies to every verb of the block")] += 1
            items.append((p.block, p.code, verbs, p.pre, p.post, p.where))
        for block_name, raw_code, verbs, pre, post, where in items:
            try:
                if post == "\0":
                    raise Skip("no * (verb position) in the pattern")
                code, flags = codes.resolve(raw_code)
                rest = conv.elements(d, pre, post)
                if len(raw_code.split(":")[0]) == 4 and code != raw_code.split(":")[0]:
                    report.notes[(d, f"code {raw_code.split(':')[0]} not in CAMEO 1.1b3: mapped to its parent {code}")] += 1
                if ":" in raw_code and "reciprocal" not in flags:
                    report.notes[(d, "paired code [A:B]: kept A, the reverse event B left out")] += 1
                if sum(1 for e in rest if e not in {"*", "+", "$"}) > MAX_WORDS_AFTER_VERB:
                    raise Skip(f"more than {MAX_WORDS_AFTER_VERB} words after the verb (a clause, not an object)")
                anchors_simple = [v for v in verbs if not v.particles and not v.front]
                multi = [v for v in verbs if v.particles and not v.front and not _CONJUNCTIONS & set(v.particles)]
                if not anchors_simple and not multi:
                    raise Skip("multi-word verb with a word before it or a conjunction (RE_+ARREST, SHOT_AND)")
            except Skip as e:
                report.dropped[(d, str(e))] += 1
                continue
            report.converted[d] += 1  # the pattern language carries it; the filters and the duplicate check follow
            if "$" in rest:
                flags = "|".join(f for f in (flags, "source_after") if f)  # the source follows the verb
            reason = policy.reason(code, rest, own.nouns)
            if reason is not None:
                report.dropped[(d, reason)] += 1
                continue
            groups: list[tuple[list[str], list[str]]] = []
            lemmas = []
            for v in anchors_simple:
                if v.lemma not in lemmas:
                    lemmas.append(v.lemma)
            if lemmas:
                groups.append((lemmas, []))
            for v in multi:
                groups.append(([v.lemma], list(v.particles)))
            emitted = False
            covered = 0
            for lemmas_g, particles in groups:
                elements = particles + rest
                key_rest = _key(["@"] + elements)
                fresh = []
                for lemma in lemmas_g:
                    k = (lemma, key_rest)
                    if k in own.keys:
                        report.notes[(d, "verb left out of a pattern: same as a hand-written pattern")] += 1
                        continue
                    if not policy.hand_written_verbs and lemma in own.verbs:
                        covered += 1
                        continue
                    if k in seen:
                        report.notes[(d, "verb left out of a pattern: same as an earlier converted pattern")] += 1
                        continue
                    seen.add(k)
                    fresh.append(lemma)
                if not fresh:
                    continue
                text_ = " ".join(["|".join(fresh)] + elements)
                literal = [e.split("|")[0] for e in elements if e not in {"*", "+", "$"}][:3]
                base = ".".join([d, _slug(block_name)] + ([_slug(w) for w in literal] or ["verb"]))
                used_ids[base] += 1
                pid = base if used_ids[base] == 1 else f"{base}.{used_ids[base]}"
                try:
                    parse_pattern(pid, code, text_, flags, where)
                except DataFileError:
                    report.notes[(d, "pattern not expressible (odd characters): left out")] += 1
                    continue
                rows.append(Row(pid, code, text_, flags, where))
                emitted = True
            if emitted:
                report.kept[d] += 1
            elif covered:
                report.dropped[(d, "filter: its verbs all have hand-written patterns (dragoman's own coding wins)")] += 1
            else:
                report.dropped[(d, "duplicate of a hand-written or earlier converted pattern")] += 1
    return rows, report


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def render(rows: Sequence[Row]) -> str:
    """The pattern file: the four columns of the hand-written files (the file's provenance and licence are in
    data/NOTICE, the rules and counts in docs/event-patterns.md; ``Row.origin`` is printed with ``--origins``)."""
    lines = ["id\tcode\tpattern\tflags"]
    lines += [f"{r.id}\t{r.code}\t{r.pattern}\t{r.flags}" for r in rows]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dragoman.events.petrarch_convert", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder holding the PETRARCH dictionaries")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="pattern file to write")
    parser.add_argument("--origins", action="store_true", help="also print each row's dictionary file:line")
    parser.add_argument("--bare-verbs", action="store_true", help="keep bare-verb patterns (left out by default)")
    parser.add_argument("--statements", action="store_true", help="keep root-01 statement patterns (left out by default)")
    parser.add_argument("--modality-roots", action="store_true", help="keep root 02/03/12/13 patterns (left out by default)")
    parser.add_argument("--event-nouns", action="store_true", help="keep patterns whose object is a hand-written event noun (left out by default)")
    parser.add_argument("--hand-written-verbs", action="store_true", help="keep patterns on verbs dragoman's own patterns anchor on (left out by default)")
    args = parser.parse_args(argv)
    try:
        p2 = (args.source / P2_FILE).read_text(encoding="utf-8")
        p1 = (args.source / P1_FILE).read_text(encoding="utf-8")
    except OSError as e:
        print(f"cannot read the PETRARCH dictionaries in {args.source}: {e}", file=sys.stderr)
        return 2
    rows, report = convert(p2, p1, Filter(bare_verbs=args.bare_verbs, statements=args.statements, hand_written_verbs=args.hand_written_verbs, event_nouns=args.event_nouns, modality_roots=args.modality_roots))
    args.out.write_text(render(rows), encoding="utf-8")
    print("\n".join(report.lines()))
    if args.origins:
        print("\n".join(f"{r.id}\t{r.origin}" for r in rows))
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
