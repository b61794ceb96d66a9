"""Actors: find every actor mention and resolve it to a coded actor.

Reads the Doc (tokens, sentences; entities when the model has them), the removed
spans and ``Article.date``. Adds ``actors``: :class:`~dragoman.records.ActorMention`
records for names, dated titles, countries, capitals, regions, organisations, sector phrases,
groups, unknown persons, surnames, pronouns and "his counterpart"; generic actors
("protesters", "ethnic Albanians") get the country the text implies (``actors/implied.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from spacy.language import Language
from spacy.tokens import Doc

from dragoman.actors.chains import assign_entities, entities_of
from dragoman.actors.appositions import resolve_appositions
from dragoman.actors.compass import resolve_compass
from dragoman.actors.cities import city_places, relocate_capitals
from dragoman.actors.descriptions import Description, load_descriptions, resolve_descriptions
from dragoman.actors.implied import imply_countries
from dragoman.actors.knowledge import KnowledgeBase, knowledge_sources, load_knowledge
from dragoman.actors.orgs import OrgHeads, find_unknown_orgs, load_org_heads
from dragoman.actors.naming import SectorNames, load_sector_names, name_sector_actors
from dragoman.actors.profile import ActorProfile, DatedRole, KnownPerson, actor_profile
from dragoman.actors.persons import PersonWords, find_unknown_persons, load_person_words, with_given_names
from dragoman.actors.pronouns import resolve_pronouns
from dragoman.actors.resolve import person_actor, resolve_named, title_holder
from dragoman.actors.terms import TermIndex, load_term_index
from dragoman.knowledge.cache import BuildCache
from dragoman.places import Gazetteer
from dragoman.records import ActorMention, Article, RemovedSpan

__all__ = [
    "ActorProfile", "ActorResources", "DatedRole", "KnownPerson", "KnowledgeBase", "SectorNames", "actor_profile", "entities_of", "knowledge_sources",
    "load_actor_resources", "load_knowledge", "load_sector_names", "person_actor", "resolve_mentions", "title_holder",
]


@dataclass(frozen=True, slots=True)
class ActorResources:
    """The knowledge base and its phrase matcher, loaded once per process."""

    kb: KnowledgeBase
    index: TermIndex
    person_words: PersonWords
    """Words around people's names (``actors/data/person_words.tsv``)."""
    sector_names: SectorNames
    descriptions: Mapping[str, tuple[Description, ...]]
    """Definite descriptions that refer back ("the group"; ``actors/data/descriptions.tsv``)."""
    """Names of sector actors ("Syrian government"; ``actors/data/sector_names.tsv``)."""
    gazetteer: Gazetteer | None = None
    """Cities after "in"/"at"… become places of their country (``actors/cities.py``); None: KB places only."""
    org_heads: OrgHeads = OrgHeads(frozenset())
    """Head nouns of organisation names the KB does not know (``actors/data/org_heads.tsv``; ``actors/orgs.py``)."""


def load_actor_resources(nlp: Language, user_file: Path | None = None, gazetteer: Gazetteer | None = None, cache: BuildCache | None = None,
                         tokenizer: str = "") -> ActorResources:
    """The knowledge base (with ``user_file``) and its term index, from ``cache`` when it holds them
    (the index also needs ``tokenizer``, the digest of what ``nlp``'s tokenizer was loaded from)."""
    kb = load_knowledge(user_file, cache=cache)
    index = load_term_index(kb, nlp, gazetteer.__contains__ if gazetteer is not None else None, cache, knowledge_sources(user_file), tokenizer)
    return ActorResources(kb, index, with_given_names(load_person_words(), kb), load_sector_names(), load_descriptions(), gazetteer, load_org_heads())


def resolve_mentions(doc: Doc, article: Article, removed: tuple[RemovedSpan, ...], resources: ActorResources, pronoun_window: int = 3) -> tuple[ActorMention, ...]:
    """Every actor mention of the article, sorted by position."""
    named = resolve_named(doc, article, removed, resources.kb, resources.index)
    named, orgs = find_unknown_orgs(doc, article, removed, named, resources.org_heads)
    named += orgs
    named += find_unknown_persons(doc, article, removed, named, resources.kb, resources.person_words)
    if resources.gazetteer is not None:
        named += city_places(doc, article, removed, named, resources.kb, resources.gazetteer)
        named = relocate_capitals(doc, named, resources.kb, resources.gazetteer)
    named.sort(key=lambda m: m.span.start)
    named = imply_countries(doc, named, resources.kb.countries, resources.sector_names)
    pronouns = resolve_pronouns(doc, article, removed, named, resources.kb, pronoun_window,
                                resources.person_words.speech | resources.person_words.verbal_act)
    mentions = tuple(resolve_descriptions(doc, article, removed, [*named, *pronouns], resources.kb, resources.descriptions,
                                           resources.person_words.speech))
    mentions = tuple(resolve_compass(doc, article, removed, list(mentions)))
    mentions = tuple(resolve_appositions(doc, article, removed, list(mentions), resources.person_words, resources.kb.titles))
    return assign_entities(name_sector_actors(mentions, resources.kb.countries, resources.sector_names))
