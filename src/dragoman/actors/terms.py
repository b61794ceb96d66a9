"""One phrase matcher over every name, alias, adjective, capital, title and sector word."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Mapping

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from dragoman.actors.knowledge import KnowledgeBase

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
class TermIndex:
    """The matcher plus what each matched phrase means."""

    matcher: PhraseMatcher
    meanings: Mapping[str, tuple[Term, ...]]  # lower-cased phrase -> terms
    lower_names: frozenset[str] = frozenset()  # names the KB itself writes in lower case ("al-Qaeda")

    def find(self, doc: Doc) -> list[TermMatch]:
        """Longest non-overlapping matches, cased kinds only where the text is capitalised."""
        raw: list[TermMatch] = []
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            terms = self.meanings.get(span.text.lower()) or self.meanings.get(" ".join(t.lower_ for t in span))
            if not terms:
                continue
            first = span[0].text
            capitalised = first[:1].isupper() or first[:1].isdigit() or (first.lower() == "the" and len(span) > 1 and span[1].text[:1].isupper()) or span.text in self.lower_names
            usable = tuple(t for t in terms if t.kind not in _CASED or capitalised)
            if usable:
                raw.append(TermMatch(start, end, usable))
        chosen: list[TermMatch] = []
        # longest first, a leading "the" not counted: "the West Bank" is "West Bank", not "the West" + "Bank"
        for match in sorted(raw, key=lambda m: (-(m.end - m.start - (doc[m.start].lower_ == "the")), m.start)):
            if any(match.start < c.end and c.start < match.end for c in chosen):
                continue
            chosen.append(match)
        return sorted(chosen, key=lambda m: m.start)


def build_term_index(kb: KnowledgeBase, nlp: Language) -> TermIndex:
    """Compile every KB surface form into one PhraseMatcher on lower-cased text."""
    meanings: dict[str, list[Term]] = {}
    surfaces: dict[str, str] = {}  # lower-cased key -> the phrase as written (the tokenizer is case-sensitive)

    def add(phrase: str, term: Term) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        surfaces.setdefault(phrase.lower(), phrase)
        bucket = meanings.setdefault(phrase.lower(), [])
        if term not in bucket:
            bucket.append(term)

    for person in kb.people.values():
        for name in (person.name, *person.aliases):
            add(name, Term("person", person.id))
    for org in kb.organizations.values():
        for name in (org.name, *org.aliases):
            add(name, Term("org", org.code))
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

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = list(surfaces.values())
    for start in range(0, len(phrases), 1000):
        chunk = phrases[start : start + 1000]
        matcher.add("KB", [nlp.make_doc(phrase) for phrase in chunk])
    lower_names = frozenset(p for p in surfaces.values() if p[:1].islower() and any(t.kind in _CASED for t in meanings[p.lower()]))
    return TermIndex(matcher, {k: tuple(v) for k, v in meanings.items()}, lower_names)
