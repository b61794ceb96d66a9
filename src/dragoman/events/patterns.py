"""Event patterns: read ``patterns*.tsv``, compile lemmas into their inflected forms.

Syntax (docs/event-patterns.md): ``word``, ``a|b``, ``(opt)``, ``*``, ``+`` (target),
``$`` (source), ``~neg``, ``'s``. The first word element is the anchor.
"""

from __future__ import annotations

from functools import lru_cache
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any, Collection, Literal, Mapping, cast

from lemminflect import getAllInflections, getAllInflectionsOOV

from dragoman.errors import DataFileError
from dragoman.events.tables import load_cameo_table
from dragoman.knowledge import read_rows, tables, user_text
from dragoman.knowledge.cache import BuildCache

ElementKind = Literal["word", "gap", "target", "source", "neg", "possessive"]
FLAGS = frozenset({"reciprocal", "noun", "passive", "source_after", "intransitive", "object", "no_predicate", "political_target", "held", "unaddressed", "located", "aimed", "finite"})


@dataclass(frozen=True, slots=True)
class Element:
    kind: ElementKind
    forms: frozenset[str] = frozenset()
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    code: str
    text: str
    elements: tuple[Element, ...]
    flags: frozenset[str]
    anchor: int  # index of the anchor element

    @property
    def specificity(self) -> int:
        return sum(1 for e in self.elements if e.kind in {"word", "target", "source"} and not e.optional)


@dataclass(frozen=True, slots=True)
class PatternSet:
    patterns: tuple[Pattern, ...]
    by_anchor: Mapping[str, tuple[Pattern, ...]]
    passive_by_anchor: Mapping[str, tuple[Pattern, ...]] = field(default_factory=dict)
    unaddressed: frozenset[str] = field(init=False, default=frozenset())
    """The ids of the patterns flagged ``unaddressed``: their act needs no target ("denied responsibility")."""
    aimed: frozenset[str] = field(init=False, default=frozenset())
    """The ids of the patterns flagged ``aimed``: their act needs the party it is aimed at, named in the sentence
    or the article's adversary of its source ("retook the airport": events/adversary.py)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "unaddressed", frozenset(p.id for p in self.patterns if "unaddressed" in p.flags))
        object.__setattr__(self, "aimed", frozenset(p.id for p in self.patterns if "aimed" in p.flags))

    def to_table(self) -> tuple[object, ...]:
        """The compiled patterns as plain tuples (for the start-up cache, knowledge/cache.py): every
        pattern once, the passive variants apart, and the anchor indexes by pattern number."""
        variants: list[Pattern] = []
        number = {id(p): n for n, p in enumerate(self.patterns)}
        variant_number: dict[int, int] = {}
        for found in self.passive_by_anchor.values():
            for p in found:
                if id(p) not in variant_number:
                    variant_number[id(p)] = len(variants)
                    variants.append(p)
        return ([_pattern_row(p) for p in self.patterns], [_pattern_row(p) for p in variants],
                {form: tuple(number[id(p)] for p in found) for form, found in self.by_anchor.items()},
                {form: tuple(variant_number[id(p)] for p in found) for form, found in self.passive_by_anchor.items()})

    @classmethod
    def from_table(cls, table: object) -> "PatternSet":
        """The patterns :meth:`to_table` wrote (raises ValueError, TypeError, KeyError or IndexError on a foreign table)."""
        rows, variant_rows, by_anchor, passive_by_anchor = cast(tuple[Any, ...], table)
        patterns = [_pattern_of(row) for row in rows]
        variants = [_pattern_of(row) for row in variant_rows]
        return cls(tuple(patterns), {form: tuple(map(patterns.__getitem__, found)) for form, found in by_anchor.items()},
                   {form: tuple(map(variants.__getitem__, found)) for form, found in passive_by_anchor.items()})


def _pattern_row(p: Pattern) -> tuple[object, ...]:
    return p.id, p.code, p.text, [(e.kind, e.forms, e.optional) for e in p.elements], p.flags, p.anchor


def _pattern_of(row: tuple[Any, ...]) -> Pattern:
    pid, code, text, elements, flags, anchor = row
    if not isinstance(flags, frozenset) or not isinstance(anchor, int):
        raise TypeError("not a compiled pattern")
    return Pattern(pid, code, text, tuple(Element(kind, forms, optional) for kind, forms, optional in elements), flags, anchor)


def passive_variant(pattern: Pattern) -> Pattern | None:
    """"arrest +" read in the passive voice ("was arrested by police"): the target slot right
    after the verb is dropped; the coder takes the grammatical subject as the target and the
    "by" agent (or the place of the event) as the source."""
    if "noun" in pattern.flags:
        return None
    elements = list(pattern.elements)
    slot = next((i for i in range(pattern.anchor + 1, len(elements)) if elements[i].kind == "target"), None)
    if slot is None or any(e.kind in {"target", "source"} for e in elements[:pattern.anchor]):
        return None
    del elements[slot]
    return Pattern(f"{pattern.id}.passive", pattern.code, pattern.text, tuple(elements), pattern.flags | {"passive"}, pattern.anchor)


@lru_cache(maxsize=None)
def inflections(lemma: str) -> frozenset[str]:
    """Every surface form of a lemma as verb and noun (``sell`` → sell, sells, sold, selling).
    Cached: a pure function of the lemma, and the converted PETRARCH file repeats its synsets'
    words thousands of times."""
    forms = {lemma}
    if " " in lemma or not lemma.isalpha():
        return frozenset(forms)
    for upos in ("VERB", "NOUN"):
        found = getAllInflections(lemma, upos=upos) or getAllInflectionsOOV(lemma, upos=upos)
        for values in found.values():
            forms.update(v.lower() for v in values)
    return frozenset(forms)


def _element(raw: str, where: str) -> Element:
    if raw == "*":
        return Element("gap")
    if raw == "+":
        return Element("target")
    if raw == "$":
        return Element("source")
    if raw in {"'s", "’s"}:
        return Element("possessive", frozenset({"'s", "’s", "'", "’"}))
    optional = raw.startswith("(") and raw.endswith(")")
    body = raw[1:-1] if optional else raw
    if body.startswith("~"):
        return Element("neg", frozenset(f for w in body[1:].split("|") for f in inflections(w.lower())))
    words = [w for w in body.split("|") if w]
    if not words or not all(w.replace("-", "").replace("'", "").isalnum() for w in words):
        raise DataFileError(f"{where}: cannot read pattern element {raw!r}")
    return Element("word", frozenset(f for w in words for f in inflections(w.lower())), optional)


def parse_pattern(pid: str, code: str, text: str, flags: str, where: str) -> Pattern:
    elements = tuple(_element(raw, where) for raw in text.split())
    anchor = next((i for i, e in enumerate(elements) if e.kind == "word" and not e.optional), None)
    if anchor is None:
        raise DataFileError(f"{where}: pattern {text!r} has no word to anchor on")
    flag_set = frozenset(f for f in flags.split("|") if f)
    unknown = flag_set - FLAGS
    if unknown:
        raise DataFileError(f"{where}: unknown flags {sorted(unknown)}; allowed: {sorted(FLAGS)}")
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise DataFileError(f"{where}: CAMEO code {code!r} must be 2 to 4 digits")
    return Pattern(pid, code, text, elements, flag_set, anchor)


def _read(text: str, name: str, codes: Collection[str]) -> list[Pattern]:
    out = []
    for row in read_rows(text, name, ("id", "code", "pattern")):
        if not row["id"] or not row["code"] or not row["pattern"]:
            raise row.error("id, code and pattern are required")
        if row["code"] not in codes:
            raise row.error(f"CAMEO code {row['code']!r} is not in events/data/cameo.tsv; use one of its codes "
                            "(docs/event-patterns.md) or add the code to the table")
        out.append(parse_pattern(row["id"], row["code"], row["pattern"], row["flags"], row.where))
    return out


PETRARCH_FILE = "petrarch_patterns.tsv"
"""The patterns converted from the PETRARCH dictionaries (``make dictionaries``); read only on request
(``events.petrarch_patterns``): measured, they add no correct event on the article gold (docs/event-patterns.md)."""


def load_patterns(user_file: Path | None = None, petrarch: bool = False, codes: Collection[str] | None = None,
                  cache: BuildCache | None = None) -> PatternSet:
    """:func:`build_patterns`, read from ``cache`` when it holds them compiled from the same files."""
    if codes is None:
        codes = load_cameo_table().codes
    if cache is None:
        return build_patterns(user_file, petrarch, codes)
    here = Path(__file__)
    inputs = [here, Path(tables.__file__), *sorted(p for p in here.parent.joinpath("data").iterdir() if p.is_file()),
              *([user_file] if user_file is not None else [])]
    params = f"petrarch={petrarch}\0lemminflect {version('lemminflect')}\0{' '.join(sorted(codes))}"
    try:
        key = cache.key(inputs, params)
    except OSError:  # a user file that cannot be read: the build says so, naming it
        return build_patterns(user_file, petrarch, codes)
    return cache.get("patterns", key, lambda: build_patterns(user_file, petrarch, codes), PatternSet.to_table, PatternSet.from_table)


def build_patterns(user_file: Path | None = None, petrarch: bool = False, codes: Collection[str] | None = None) -> PatternSet:
    """Read every packaged ``patterns*.tsv`` (and the converted PETRARCH patterns when ``petrarch``)
    plus an optional user file; index by anchor form. Every pattern's code must be one of ``codes``
    (by default the codes of ``cameo.tsv``): a pattern with an unknown code is refused here, at load."""
    if codes is None:
        codes = load_cameo_table().codes
    folder = resources.files("dragoman.events").joinpath("data")
    patterns: list[Pattern] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if (entry.name.startswith("patterns") and entry.name.endswith(".tsv")) or (petrarch and entry.name == PETRARCH_FILE):
            patterns += _read(entry.read_text(encoding="utf-8"), entry.name, codes)
    if user_file is not None:
        patterns += _read(user_text(user_file, "patterns file"), str(user_file), codes)
    seen: dict[str, Pattern] = {}
    for p in patterns:
        seen[p.id] = p  # a user pattern with the same id replaces the packaged one
    index: dict[str, list[Pattern]] = {}
    for p in seen.values():
        for form in p.elements[p.anchor].forms:
            index.setdefault(form, []).append(p)
    passive: dict[str, list[Pattern]] = {}
    for p in seen.values():
        variant = passive_variant(p)
        if variant is not None:
            for form in variant.elements[variant.anchor].forms:
                passive.setdefault(form, []).append(variant)
    return PatternSet(
        tuple(seen.values()),
        {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in index.items()},
        {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in passive.items()},
    )
