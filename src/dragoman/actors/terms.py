"""One phrase table over every name, alias, adjective, capital, title and sector word."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import AbstractSet, Any, Callable, Collection, Literal, Mapping, cast

from spacy.language import Language
from spacy.tokens import Doc, Token

from dragoman.actors.knowledge import KnowledgeBase
from dragoman.knowledge.cache import BuildCache
from dragoman.ranges import Covered

TermKind = Literal["person", "org", "country", "capital", "region", "adjective", "group", "title", "sector"]
# When one stretch of text is several kinds of term, the first kind here wins.
KIND_PRIORITY: tuple[TermKind, ...] = ("person", "org", "country", "capital", "region", "group", "adjective", "title", "sector")
_CASED: frozenset[str] = frozenset({"person", "org", "country", "capital", "region", "adjective", "group"})


@dataclass(frozen=True, slots=True)
class Term:
    """What a matched phrase may stand for."""

    kind: TermKind
    key: str


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int  # token index
    end: int
    terms: tuple[Term, ...]

    def best(self) -> Term:
        return min(self.terms, key=lambda t: KIND_PRIORITY.index(t.kind))

    def of_kind(self, kind: TermKind) -> Term | None:
        return next((t for t in self.terms if t.kind == kind), None)


@dataclass(frozen=True, slots=True)
class PhraseTable:
    """Phrases as tuples of lower-cased tokens, keyed by their first token. Finds every occurrence
    of every phrase in a Doc, as spaCy's ``PhraseMatcher`` on ``LOWER`` does, but without putting
    the phrases' words into the vocabulary: for the 30,000 names of the imported people that cost
    seconds of lexeme creation at start-up."""

    by_first: Mapping[str, tuple[tuple[str, ...], ...]]

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        lowers = [t.lower_ for t in doc]
        found = []
        for i, word in enumerate(lowers):
            for phrase in self.by_first.get(word, ()):
                end = i + len(phrase)
                if end <= len(lowers) and tuple(lowers[i:end]) == phrase:
                    found.append((i, end))
        return found


_PLAIN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def phrase_tokens(phrase: str, nlp: Language, special: Collection[str] = frozenset()) -> tuple[str, ...]:
    """The phrase's tokens as the pipeline's tokenizer makes them. Words of letters (and hyphens
    between letters, which the English tokenizer splits off) are split here without the tokenizer
    unless one of its ``special`` cases covers them ("Im" → "I" "m"); anything else goes through it."""
    out: list[str] = []
    for word in phrase.split():
        if not _PLAIN_WORD.fullmatch(word) or word in special:
            return tuple(t.text for t in nlp.make_doc(phrase))
        parts = word.split("-")
        for k, part in enumerate(parts):
            if k:
                out.append("-")
            out.append(part)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TermIndex:
    """The phrase table plus what each matched phrase means."""

    matcher: PhraseTable
    meanings: Mapping[str, tuple[Term, ...]]  # lower-cased phrase -> terms
    lower_names: frozenset[str] = frozenset()  # names the KB itself writes in lower case ("al-Qaeda")
    near: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)  # one-letter variants of long country names
    is_place: Callable[[str], bool] | None = None  # a real place name is no misspelling ("Columbia"); None: no variants
    near_longest: int = 0  # the length of the longest key of ``near``

    def to_table(self) -> tuple[object, ...]:
        """The index as plain dicts and tuples (for the start-up cache, knowledge/cache.py): every
        term once, as (kind, key), and the meanings and variants by term number; ``is_place`` is
        not kept (the caller gives it again to :meth:`from_table`)."""
        number: dict[Term, int] = {}
        terms: list[tuple[str, str]] = []

        def of(term: Term) -> int:
            n = number.get(term)
            if n is None:
                n = number[term] = len(terms)
                terms.append((term.kind, term.key))
            return n

        return (dict(self.matcher.by_first), terms, {k: tuple(map(of, v)) for k, v in self.meanings.items()}, self.lower_names,
                {k: tuple(map(of, v)) for k, v in self.near.items()}, self.near_longest)

    @classmethod
    def from_table(cls, table: object, is_place: Callable[[str], bool] | None = None) -> "TermIndex":
        """The index :meth:`to_table` wrote, with ``is_place`` (raises ValueError, TypeError, KeyError or IndexError on a foreign table)."""
        by_first, rows, meanings, lower_names, near, near_longest = cast(tuple[Any, ...], table)
        if not isinstance(lower_names, frozenset) or not isinstance(near_longest, int):
            raise TypeError("not a term index table")
        terms = [Term(kind, key) for kind, key in rows]
        return cls(PhraseTable(by_first), {k: tuple(map(terms.__getitem__, v)) for k, v in meanings.items()}, lower_names,
                   {k: tuple(map(terms.__getitem__, v)) for k, v in near.items()}, is_place, near_longest)

    def find(self, doc: Doc) -> list[TermMatch]:
        """Longest non-overlapping matches, cased kinds only where the text is capitalised."""
        raw: list[TermMatch] = []
        for start, end in self.matcher(doc):
            span = doc[start:end]
            terms = self.meanings.get(span.text.lower()) or self.meanings.get(" ".join(t.lower_ for t in span))
            if not terms:
                continue
            first = span[0].text
            capitalised = first[:1].isupper() or first[:1].isdigit() or (first.lower() == "the" and len(span) > 1 and span[1].text[:1].isupper()) or span.text in self.lower_names
            usable = tuple(t for t in terms if t.kind not in _CASED or capitalised)
            if usable:
                raw.append(TermMatch(start, end, usable))
        raw.extend(self._misspelt(doc, raw))
        chosen: list[TermMatch] = []
        taken = Covered(len(doc))  # the tokens of the matches chosen so far
        # longest first, a leading "the" not counted: "the West Bank" is "West Bank", not "the West" + "Bank"
        for match in sorted(raw, key=lambda m: (-(m.end - m.start - (doc[m.start].lower_ == "the")), m.start)):
            if taken.overlaps(match.start, match.end):
                continue
            chosen.append(match)
            taken.add(match.start, match.end)
        return sorted(chosen, key=lambda m: m.start)


    def _misspelt(self, doc: Doc, found: list[TermMatch]) -> list[TermMatch]:
        """Country names and adjectives written one letter off ("Afganistan", "Ethopia",
        "Phillippines"): a capitalised word of seven letters or more that no KB term covers and
        the model does not take for an organisation or a person."""
        if not self.near or self.is_place is None:
            return []
        covered = {i for m in found for i in range(m.start, m.end)}
        out = []
        in_long_entity: set[int] | None = None  # the tokens of entities of several tokens, listed once if asked
        for token in doc:
            text = token.text
            # a word more than one letter longer than every variant key is one letter off none of them
            if token.i in covered or not _NEAR_MIN <= len(text) <= self.near_longest + 1 or not text.isalpha() or not text[:1].isupper():
                continue
            terms = {t for key in _one_letter_keys(text.lower()) for t in self.near.get(key, ())}
            # the gazetteer is asked only about words one letter from a country name
            if len({t.key for t in terms}) != 1:
                continue
            if in_long_entity is None:
                in_long_entity = {i for e in doc.ents if len(e) > 1 for i in range(e.start, e.end)}
            if not _in_other_name(token, in_long_entity) and not self.is_place(text):
                out.append(TermMatch(token.i, token.i + 1, tuple(sorted(terms, key=lambda t: t.kind))))
        return out


_NEAR_MIN = 7


def _in_other_name(token: Token, in_long_entity: AbstractSet[int]) -> bool:
    """A person's name, or one word of a longer organisation name ("Columbia University");
    ``in_long_entity``: the tokens of the Doc's entities of more than one token."""
    if token.ent_type_ == "PERSON":
        return True
    return token.ent_type_ == "ORG" and token.i in in_long_entity


def _one_letter_keys(word: str) -> set[str]:
    """The word and every form with one letter deleted: two words share a key when one letter
    inserted, deleted or replaced turns one into the other. Quadratic in the word's length: only
    for the KB's names and for words no longer than them plus one (``TermIndex.near_longest``)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


_ARABIC_ARTICLE = re.compile(r"\b(?:[Aa]l|[Ee]l|[Aa]d|[Aa]sh|[Aa]z)-(?=\w)")


def _without_article(name: str) -> str:
    """A name without its Arabic article: "Haider al-Abadi" -> "Haider Abadi"."""
    return _ARABIC_ARTICLE.sub("", name)


def load_term_index(kb: KnowledgeBase, nlp: Language, is_place: Callable[[str], bool] | None = None, cache: BuildCache | None = None,
                    sources: tuple[list[Path], str] = ([], ""), tokenizer: str = "") -> TermIndex:
    """:func:`build_term_index`, read from ``cache`` when it holds one built from the same knowledge
    base (``sources``: what it was read from, :func:`~dragoman.actors.knowledge.knowledge_sources`) and
    the same tokenizer (``tokenizer``: :attr:`~dragoman.nlp.NlpBackend.tokenizer_digest`; empty, as
    when either is unknown, builds it)."""
    inputs, params = sources
    if cache is None or not inputs or not tokenizer:
        return build_term_index(kb, nlp, is_place)
    try:
        key = cache.key([Path(__file__), *inputs], f"{params}\0{tokenizer}")
    except OSError:
        return build_term_index(kb, nlp, is_place)
    return cache.get("terms", key, lambda: build_term_index(kb, nlp, is_place), TermIndex.to_table, lambda t: TermIndex.from_table(t, is_place))


def build_term_index(kb: KnowledgeBase, nlp: Language, is_place: Callable[[str], bool] | None = None) -> TermIndex:
    """Compile every KB surface form into one phrase table on lower-cased tokens."""
    meanings: dict[str, list[Term]] = {}
    surfaces: dict[str, str] = {}  # lower-cased key -> the phrase as written (the tokenizer is case-sensitive)

    def add(phrase: str, term: Term) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        key = phrase.lower()
        surfaces.setdefault(key, phrase)
        bucket = meanings.setdefault(key, [])
        if term not in bucket:
            bucket.append(term)

    for person in kb.people.values():
        term = Term("person", person.id)
        for name in (person.name, *person.aliases):
            add(name, term)
            bare = _without_article(name)
            if bare != name and len(bare.split()) >= 2:
                add(bare, term)  # "Haider al-Abadi" is written "Haider Abadi" too
    for org in kb.organizations.values():
        term = Term("org", org.code)
        for name in (org.name, *org.aliases):
            add(name, term)
    for country in kb.countries.values():
        for name in (country.name, *country.aliases):
            add(name, Term("country", country.iso3))
        for capital in country.capitals:
            add(capital, Term("capital", country.iso3))
        for adjective in country.adjectives:
            add(adjective, Term("adjective", country.iso3))
    for region in kb.regions.values():
        for name in (region.name, *region.aliases):
            add(name, Term("region", region.name))
    for group in kb.groups.values():
        add(group.term, Term("group", group.term))
    for surface in kb.titles:
        add(surface, Term("title", surface))
    for word in kb.sectors:
        add(word, Term("sector", word))

    by_first: dict[str, list[tuple[str, ...]]] = {}
    special = frozenset(getattr(nlp.tokenizer, "rules", None) or ())
    for phrase in surfaces.values():
        tokens = tuple(t.lower() for t in phrase_tokens(phrase, nlp, special))
        if tokens and tokens not in by_first.setdefault(tokens[0], []):
            by_first[tokens[0]].append(tokens)
    matcher = PhraseTable({first: tuple(found) for first, found in by_first.items()})
    near: dict[str, set[Term]] = {}
    for key, terms in meanings.items():
        if len(key) >= _NEAR_MIN and key.isalpha():
            for term in terms:
                if term.kind in {"country", "adjective"}:
                    for variant in _one_letter_keys(key):
                        near.setdefault(variant, set()).add(term)
    lower_names = frozenset(p for p in surfaces.values() if p[:1].islower() and any(t.kind in _CASED for t in meanings[p.lower()]))
    return TermIndex(matcher, {k: tuple(v) for k, v in meanings.items()}, lower_names, {k: tuple(v) for k, v in near.items()}, is_place,
                     max(map(len, near), default=0))
