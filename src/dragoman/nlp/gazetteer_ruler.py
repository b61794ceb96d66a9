"""An entity ruler after the statistical NER, fed by dragoman's own knowledge.

:func:`gazetteer_patterns` turns the actor knowledge base and the places gazetteer
into spaCy ruler patterns (``{"label": ..., "pattern": ..., "id": ...}``, the
EntityRuler format); :func:`add_gazetteer_ruler` puts a ruler holding any such
patterns after ``ner``. A caller may pass its own patterns, or put them over the
derived ones with :func:`merge_patterns` (a user pattern replaces a derived one
with the same phrase); :func:`load_user_patterns` reads them from a JSONL file.

Where the labels come from (the conventions of ``docs/model.md``, shared with the
training data through :mod:`dragoman.nlp.labels`):

* countries.tsv: name and aliases → GPE (LOC by the GPE/LOC rule: "Solomon
  Islands", "West Bank"), adjectives and demonyms → NORP, capitals → GPE;
* orgs.tsv: name and aliases → ORG (aliases with no capital letter, such as
  "world body", are descriptions, not names, and are left out), except plural
  group words, which name people: "Democrats", "Republicans" → NORP;
* people*.tsv: name and aliases → PERSON, leading titles removed ("King Charles
  III" → "Charles III"), since titles are not part of PERSON spans (a one-word
  rest such as "King Salman" → "Salman" is dropped: the KB lists single names only
  where they are unambiguous);
* people and organisations of imported files (``*.phoenix.tsv``, ``KnowledgeBase.imported``)
  are left out: their 30,000 names cost seconds of start-up in the ruler, the model
  labels most of them itself, and the actor matcher finds them either way;
* groups.tsv: single terms → NORP ("Kurds", "Sunni"); terms that need their
  article ("the West") are left out;
* the gazetteer: countries, capitals, US states and packaged regions → GPE or LOC
  by the rule, seas → LOC, other cities → GPE when they have at least
  ``min_city_population`` inhabitants and their name is not a word of a known
  person's name ("Austin", "Florence").

The ruler is spaCy's ``span_ruler``, with its phrase matcher replaced by :class:`_OrthPhrases`, a
table of each phrase's tokens that finds what spaCy's ``PhraseMatcher`` on ``ORTH`` finds (every
occurrence of every phrase) without putting the phrases' 30,000 words and labels into the
vocabulary: that took seconds at every start. The phrases' tokens (:class:`TokenizedPatterns`)
come from the pipeline's tokenizer once and are kept in the start-up cache
(:func:`load_ruler_patterns`, knowledge/cache.py).

Every phrase is matched case-sensitively (spaCy ``ORTH``) as written, plus an
all-capitals form for headlines: "Turkey" but not "turkey", "US" but not "us".
Without a word-frequency list there is no telling which names are also common
words ("Chad", "Nice", "Mobile", "Reading"), and edited news capitalises names.
A leading "the" is dropped from every phrase, as in the NER training data. A
phrase that two sources label differently ("Georgia" is GPE either way, but a
surface that is both a PERSON and a GPE) is ambiguous and left to the model.

Overlaps (:func:`add_gazetteer_ruler`'s ``prefer``): among the ruler's matches the
longest wins. Against the model's entities the default, ``"longer"``, keeps
whichever of two overlapping spans is longer and gives ties to the ruler: a KB
name replaces a shorter or equally long model entity ("Turkish" ORG → NORP,
"Erdogan" GPE → PERSON) but never cuts into a longer one ("University of
California" stays ORG around "California"), unless the model only added title
words, which are never part of a name ("President Putin" → "Putin").
``"ruler"`` always overwrites, ``"model"`` only fills gaps. Model entities that
touch no match are kept.
"""

from __future__ import annotations

import json
from bisect import bisect_right
import unicodedata
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any, Iterable, Literal, Sequence, cast

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import SpanRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dragoman.actors import KnowledgeBase, load_knowledge
from dragoman.errors import DataFileError
from dragoman.knowledge import data_lines, tables, user_text
from dragoman.knowledge.cache import BuildCache
from dragoman.nlp import labels
from dragoman.nlp.labels import TITLES, is_plural_group_word, place_label
from dragoman.places import Gazetteer, load_gazetteer
from dragoman.settings import NlpSettings

__all__ = [
    "RULER_NAME",
    "Prefer",
    "RulerPattern",
    "TokenizedPatterns",
    "add_gazetteer_ruler",
    "gazetteer_patterns",
    "load_ruler_patterns",
    "load_user_patterns",
    "merge_patterns",
    "ruler_patterns",
]

RULER_NAME = "gazetteer_ruler"
Prefer = Literal["longer", "ruler", "model"]
RulerPattern = dict[str, str | list[dict[str, object]]]
"""One pattern in spaCy's EntityRuler format: ``label``, ``pattern`` (a phrase or a
list of token dicts) and an optional ``id`` (CAMEO code, person id)."""

_DEFAULT_CITY_POPULATION = 1_000_000
_GAZETTEER_POPULATION = 15_000  # the smallest city file still holds every city the ruler keeps

# Priority of a source when two disagree: written forms from the knowledge base and
# the gazetteer beat generated variants (all capitals, ASCII folds).
_WRITTEN, _VARIANT = 0, 1


def gazetteer_patterns(
    kb: KnowledgeBase | None,
    gazetteer: Gazetteer | None = None,
    *,
    min_city_population: int = _DEFAULT_CITY_POPULATION,
) -> list[RulerPattern]:
    """Ruler patterns from the actor knowledge base and the places gazetteer.

    Either source may be ``None``. The result is deterministic (sorted by phrase)
    and holds one pattern per phrase; see the module docstring for the labels.
    """
    found: dict[str, dict[str, tuple[int, str]]] = {}  # phrase → label → (priority, id)

    def add(name: str, label: str, ident: str) -> None:
        phrase = _phrase(name)
        if not phrase or not any(ch.isupper() for ch in phrase):
            return
        for form, priority in _forms(phrase):
            labels = found.setdefault(form, {})
            old = labels.get(label)
            if old is None or priority < old[0]:
                labels[label] = (priority, ident)

    person_words: set[str] = set()
    if kb is not None:
        for country in kb.countries.values():
            for name in (country.name, *country.aliases):
                add(name, place_label(_phrase(name).split()), country.iso3)
            for adjective in country.adjectives:
                add(adjective, "NORP", country.iso3)
            for capital in country.capitals:
                add(capital, place_label(_phrase(capital).split()), country.iso3)
        for org in kb.organizations.values():
            if org.code in kb.imported:
                continue
            for name in (org.name, *org.aliases):
                add(name, "NORP" if is_plural_group_word(_phrase(name)) else "ORG", org.code)
        for person in kb.people.values():
            if person.id in kb.imported:
                continue
            for name in (person.name, *person.aliases):
                untitled = _without_titles(name)
                if untitled:
                    add(untitled, "PERSON", person.id)
                    person_words.update(untitled.split())
        for group in kb.groups.values():
            if not group.term.lower().startswith("the ") and " " not in group.term:
                add(group.term, "NORP", group.code)
    if gazetteer is not None:
        for entry in gazetteer.entries():
            if entry.kind == "city" and (entry.population < min_city_population or entry.name in person_words):
                continue
            label = "LOC" if entry.kind == "sea" else place_label(_phrase(entry.name).split())
            add(entry.name, label, entry.country or "")

    patterns: list[RulerPattern] = []
    for phrase in sorted(found):
        labels = found[phrase]
        best = min(priority for priority, _ in labels.values())
        winners = [(label, ident) for label, (priority, ident) in labels.items() if priority == best]
        if len(winners) != 1:
            continue  # two sources disagree on the label: ambiguous, left to the model
        winner, ident = winners[0]
        patterns.append({"label": winner, "pattern": phrase, "id": ident})
    return patterns


def ruler_patterns(settings: NlpSettings, kb: KnowledgeBase | None = None, gazetteer: Gazetteer | None = None) -> list[RulerPattern]:
    """The patterns ``nlp.gazetteer_ruler`` uses: the knowledge base and gazetteer (the
    packaged ones unless the caller has them loaded already, as ``load_pipeline`` has),
    with the JSONL file named by ``nlp.ruler_patterns`` (if any) on top."""
    patterns = gazetteer_patterns(
        kb if kb is not None else load_knowledge(),
        gazetteer if gazetteer is not None else load_gazetteer(_GAZETTEER_POPULATION),
    )
    if settings.ruler_patterns:
        patterns = merge_patterns(patterns, load_user_patterns(Path(settings.ruler_patterns)))
    return patterns


@dataclass(frozen=True, slots=True)
class TokenizedPatterns:
    """Ruler patterns with each phrase's tokens as the pipeline's tokenizer makes them (``None`` for a
    token pattern): what :func:`add_gazetteer_ruler` needs, and what the start-up cache keeps."""

    patterns: list[RulerPattern]
    tokens: list[tuple[str, ...] | None]

    @classmethod
    def of(cls, nlp: Language, patterns: Sequence[RulerPattern]) -> "TokenizedPatterns":
        """Tokenize the phrases with ``nlp``'s tokenizer (as the span ruler would, the model not run)."""
        return cls(list(patterns), [tuple(t.text for t in nlp.make_doc(p["pattern"])) if isinstance(p["pattern"], str) else None for p in patterns])

    def to_table(self) -> tuple[object, ...]:
        """The patterns and tokens as they are (for the start-up cache, knowledge/cache.py)."""
        return self.patterns, self.tokens

    @classmethod
    def from_table(cls, table: object) -> "TokenizedPatterns":
        """The patterns :meth:`to_table` wrote (raises ValueError, TypeError, KeyError or IndexError on a foreign table)."""
        patterns, tokens = cast(tuple[Any, ...], table)
        if not isinstance(patterns, list) or not isinstance(tokens, list) or len(patterns) != len(tokens):
            raise ValueError("not a table of tokenized ruler patterns")
        return cls(patterns, tokens)


def load_ruler_patterns(
    settings: NlpSettings,
    nlp: Language,
    kb: KnowledgeBase,
    gazetteer: Gazetteer,
    cache: BuildCache | None = None,
    sources: tuple[list[Path], str] = ([], ""),
    tokenizer: str = "",
) -> TokenizedPatterns:
    """:func:`ruler_patterns` of ``kb`` and ``gazetteer``, tokenized by ``nlp``: read from ``cache`` when it
    holds them built from the same files (``sources``: what the knowledge base and the gazetteer were
    read from) and the same tokenizer (``tokenizer``, :attr:`~dragoman.nlp.NlpBackend.tokenizer_digest`;
    empty, as when either is unknown, builds them)."""
    def build() -> TokenizedPatterns:
        return TokenizedPatterns.of(nlp, ruler_patterns(settings, kb, gazetteer))

    inputs, params = sources
    if cache is None or not inputs or not tokenizer:
        return build()
    here = Path(__file__)
    own = [here, Path(labels.__file__), *sorted(p for p in here.parent.joinpath("data").iterdir() if p.is_file()),
           *sorted(p for p in Path(tables.__file__).parent.joinpath("data").iterdir() if p.is_file())]
    user = [Path(settings.ruler_patterns)] if settings.ruler_patterns else []
    try:
        key = cache.key([*own, *inputs, *user], f"{params}\0{tokenizer}\0{_DEFAULT_CITY_POPULATION}")
    except OSError:  # a user file that cannot be read: the build says so, naming it
        return build()
    return cache.get("ruler", key, build, TokenizedPatterns.to_table, TokenizedPatterns.from_table)


def merge_patterns(base: Iterable[RulerPattern], override: Iterable[RulerPattern]) -> list[RulerPattern]:
    """``base`` with ``override`` on top: an override phrase replaces a base pattern with the same phrase.

    Token patterns (lists) are kept from both sides.
    """
    extra = list(override)
    replaced = {p["pattern"] for p in extra if isinstance(p["pattern"], str)}
    return [p for p in base if not (isinstance(p["pattern"], str) and p["pattern"] in replaced)] + extra


def load_user_patterns(path: Path) -> list[RulerPattern]:
    """Read ruler patterns from a JSONL file: one ``{"label", "pattern", "id"?}`` object per line.

    ``pattern`` is a phrase (matched case-sensitively) or a list of spaCy token
    dicts (``[{"LOWER": "hamas"}]``). Blank lines and lines starting with ``#`` are
    skipped. Raises :class:`DataFileError` naming the line of a malformed entry.
    """
    out: list[RulerPattern] = []
    for where, line in data_lines(user_text(path, "ruler patterns file"), str(path)):
        try:
            raw = json.loads(line)
        except ValueError as e:
            raise DataFileError(f"{where}: not a JSON object ({e})") from e
        out.append(_checked_pattern(raw, where))
    return out


def add_gazetteer_ruler(
    nlp: Language,
    patterns: Sequence[RulerPattern] | TokenizedPatterns,
    *,
    name: str = RULER_NAME,
    prefer: Prefer = "longer",
) -> SpanRuler:
    """Add a ruler holding ``patterns`` after ``ner`` (or last) and return it.

    The ruler writes ``doc.ents`` (``ent_id_`` is the pattern's ``id``); phrases are
    matched on ``ORTH``. ``prefer`` decides overlaps with the model's entities (see
    the module docstring). Phrase patterns not yet tokenized are tokenized with the
    pipeline's tokenizer only (the packaged 23,000 take about 1.5 s; :func:`load_ruler_patterns`
    keeps them tokenized in the start-up cache).
    """
    ruler = cast(
        SpanRuler,
        nlp.add_pipe(
            "span_ruler",
            name=name,
            after="ner" if "ner" in nlp.pipe_names else None,
            config={"spans_key": None, "annotate_ents": True, "phrase_matcher_attr": "ORTH", "overwrite": False, "validate": True},
        ),
    )
    ruler.ents_filter = partial(_merge_entities, prefer=prefer)
    tokenized = patterns if isinstance(patterns, TokenizedPatterns) else TokenizedPatterns.of(nlp, patterns)
    phrases = _OrthPhrases()
    strings = nlp.vocab.strings
    # what SpanRuler.add_patterns does, with the phrases' tokens going into _OrthPhrases instead of
    # Docs into a PhraseMatcher (tests/core/test_gazetteer_ruler.py checks the two find the same)
    for entry, tokens in zip(tokenized.patterns, tokenized.tokens, strict=True):
        label, ident = cast(str, entry["label"]), cast(str, entry.get("id", ""))
        match_label = repr((label, ident))
        match_id = strings.as_int(match_label)
        ruler._match_label_id_map[match_id] = {"label": label, "id": ident}
        if tokens is None:
            ruler.matcher.add(match_label, [cast(list[dict[str, Any]], entry["pattern"])])
        else:
            phrases.add(match_id, tokens)
        ruler._patterns.append(entry)
    ruler.phrase_matcher = cast(PhraseMatcher, phrases)  # the ruler only calls it on a Doc
    return ruler


class _OrthPhrases:
    """The span ruler's phrase matcher on ``ORTH``: phrases as tuples of token hashes, keyed by their
    first token. Finds, as spaCy's ``PhraseMatcher`` does, every occurrence of every phrase (overlapping
    ones too) as ``(match_id, start, end)``, without making a Doc of each phrase, which put every word
    of every phrase and every label into the vocabulary at each start."""

    __slots__ = ("_by_first",)

    def __init__(self) -> None:
        self._by_first: dict[int, list[tuple[tuple[int, ...], int]]] = {}

    def add(self, match_id: int, tokens: Sequence[str]) -> None:
        """Find ``tokens`` (as the tokenizer made them; an empty phrase is never found) as ``match_id``."""
        if tokens:
            orths = tuple(map(get_string_id, tokens))
            self._by_first.setdefault(orths[0], []).append((orths, match_id))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        orths: list[int] = doc.to_array(ORTH).tolist()
        n = len(orths)
        found = []
        for i, orth in enumerate(orths):
            for phrase, match_id in self._by_first.get(orth, ()):
                end = i + len(phrase)
                if end <= n and (end == i + 1 or tuple(orths[i:end]) == phrase):
                    found.append((match_id, i, end))
        return found


def _merge_entities(entities: Iterable[Span], matches: Iterable[Span], *, prefer: Prefer) -> list[Span]:
    """The ruler's ``ents_filter``: model entities and ruler matches without overlaps.

    Each side is free of overlaps (``doc.ents``, ``filter_spans``) and sorted, so the spans of the
    other side a span overlaps are found by bisection, not by a scan of matches × entities.
    """
    kept_matches = filter_spans(matches)
    model = list(entities)
    if prefer == "model":
        kept_matches = [m for m in kept_matches if not _overlapping(m, model)]
    elif prefer == "longer":
        kept_matches = [m for m in kept_matches if not any(len(e) > len(m) and not _only_titles_around(e, m) for e in _overlapping(m, model))]
    kept_model = [e for e in model if not _overlapping(e, kept_matches)]
    return sorted(kept_model + kept_matches)


def _overlapping(span: Span, others: list[Span]) -> list[Span]:
    """The spans of ``others`` (sorted, without overlaps) that share a token with ``span``, in order."""
    k = bisect_right(others, span.start, key=lambda o: o.end)  # the first one ending after span starts
    out = []
    while k < len(others) and others[k].start < span.end:
        out.append(others[k])
        k += 1
    return out


def _only_titles_around(entity: Span, match: Span) -> bool:
    """``entity`` holds ``match`` plus title words only ("President Putin" around "Putin")."""
    if not (entity.start <= match.start and match.end <= entity.end):
        return False
    doc = entity.doc
    # lazily, stopping at the first other word: a huge entity must not be listed for every match in it
    rest = chain(range(entity.start, match.start), range(match.end, entity.end))
    return all(doc[i].lower_ in TITLES for i in rest)


def _phrase(name: str) -> str:
    """The phrase as matched: single spaces, no leading "the"."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _forms(phrase: str) -> list[tuple[str, int]]:
    """The phrase as written, its ASCII fold ("Düsseldorf" → "Dusseldorf") and its all-capitals form."""
    forms = [(phrase, _WRITTEN)]
    if not phrase.isascii():
        folded = "".join(ch for ch in unicodedata.normalize("NFKD", phrase) if not unicodedata.combining(ch))
        if folded != phrase:
            forms.append((folded, _VARIANT))
    if len(phrase) > 2 and phrase.upper() != phrase:
        forms.append((phrase.upper(), _VARIANT))
    return forms


def _without_titles(name: str) -> str:
    """A person's name without leading titles, or empty.

    Empty when what is left is not a name ("Prince of Wales") or is one word
    where a title was removed ("King Salman" → "Salman"): the knowledge base lists
    a single name only when it is unambiguous, and removing a title must not
    create one.
    """
    words = _phrase(name).split()
    titled = False
    while words and words[0].lower() in TITLES:
        words, titled = words[1:], True
    if not words or not words[0][:1].isupper() or (titled and len(words) < 2):
        return ""
    return " ".join(words)


def _checked_pattern(raw: object, where: str) -> RulerPattern:
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: expected an object with 'label' and 'pattern', found {type(raw).__name__}")
    label, pattern, ident = raw.get("label"), raw.get("pattern"), raw.get("id", "")
    if not isinstance(label, str) or not label:
        raise DataFileError(f"{where}: 'label' must be a non-empty string, found {label!r}")
    if not isinstance(ident, str):
        raise DataFileError(f"{where}: 'id' must be a string, found {ident!r}")
    if isinstance(pattern, str) and pattern.strip():
        return {"label": label, "pattern": pattern, "id": ident}
    if isinstance(pattern, list) and pattern and all(isinstance(t, dict) for t in pattern):
        return {"label": label, "pattern": [cast(dict[str, object], t) for t in pattern], "id": ident}
    raise DataFileError(
        f"{where}: 'pattern' must be a phrase or a non-empty list of token objects "
        f"(spaCy EntityRuler format), found {pattern!r}"
    )
