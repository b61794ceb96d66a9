"""Frozen records passed between the stages.

Every derived record points back into ``Article.text`` through :class:`Span`
offsets; nothing downstream of ingest ever rewrites the text.
"""

from __future__ import annotations

import datetime as dt
import dataclasses
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterator, Literal, Mapping, Protocol, Union

JsonScalar = Union[str, int, float, bool, None]
ActorKind = Literal["person", "state", "organization", "igo", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
QuoteMode = Literal["speech", "writing", "thought"]
"""How a quote reached the text: said, written (wrote, tweeted, a statement), or thought/believed."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, text kept verbatim."""

    id: str
    text: str
    source: str
    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    metadata: Mapping[str, JsonScalar] = field(default_factory=dict, hash=False, compare=False)
    outlet: str | None = None
    """The news outlet that published it (a site name or a web domain: ``ingest/outlets.py``); ``None`` when unknown.
    ``source`` is where dragoman read it from (a file, a line of one), never the outlet."""

    def span(self, start: int, end: int) -> "Span":
        """The span of the text from character ``start`` to ``end``."""
        return Span(self.id, start, end, self.text[start:end])

    def token_span(self, tokens: "Tokens", start: int, end: int) -> "Span":
        """The span of the tokens ``start`` to ``end`` (exclusive) of a parse of this text: from the first token's
        first character to the last token's last."""
        last = tokens[end - 1]
        return self.span(tokens[start].idx, last.idx + len(last.text))


class Token(Protocol):
    """What :meth:`Article.token_span` reads of a token (a spaCy ``Token``)."""

    @property
    def idx(self) -> int: ...
    @property
    def text(self) -> str: ...


class Tokens(Protocol):
    """A parse's tokens by index (a spaCy ``Doc``)."""

    def __getitem__(self, i: int, /) -> Token: ...


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    text: str

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """A run of boilerplate to skip, with the reason the cleaner gave.

    ``place`` is the place a dateline names ("KABUL, Afghanistan" of "KABUL, Afghanistan —"),
    for the statements of the article; ``None`` for every other kind of run.
    """

    span: Span
    reason: str
    stage: str
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor identity: a CAMEO-style code plus canonical name."""

    code: str | None
    name: str | None
    country: str | None
    kind: ActorKind
    sector: str | None = None
    person_id: str | None = None
    affiliation: str | None = None


class MentionRole(StrEnum):
    """What a mention stands for in its sentence."""

    ACTOR = "actor"  # someone who acts or is acted on
    PLACE = "place"  # where something happens ("in Syria", "in Tehran"): never an event's source, no chain
    PENDING = "pending"  # its country is still to be found from the text around it (actors/implied.py)


class MentionSource(StrEnum):
    """The words a mention was found from (the first part of its ``rule``)."""

    COUNTRY = "country"  # a country's name: "Syria"
    ADJECTIVE = "adjective"  # a country's adjective or demonym: "Syrian", "Albanians"
    CAPITAL = "capital"  # a capital for its government: "Damascus"
    CITY = "city"  # another city of the gazetteer, as a place
    REGION = "region"  # a region, as a place: "the West Bank"
    GROUP = "group"  # a group of people or a bloc: "Kurds", "the West", "Iraqi Kurds"
    ORG = "org"  # an organisation's name: "NATO"
    PERSON = "person"  # a person's name, known or not
    SURNAME = "surname"  # a part of the name of a person named before: "Mr. Kim", "Serraj"
    TITLE = "title"  # a title with or without the name: "President Joe Biden", "the Turkish president"
    SECTOR = "sector"  # a bare sector word: "police", "rebels"
    ETHNIC = "ethnic"  # "ethnic Albanians"
    DEMONYM = "demonym"  # a people placed by a phrase after it: "the Albanians of southern Serbia"
    DEFINITE = "definite"  # a definite description referring back: "the group", "the country"
    PRONOUN = "pronoun"  # a pronoun referring back: "he", "its", "they"
    SPEAKER_NAME = "speaker-name"  # a speaker's name the quotes stage built (no KB entry)
    SPEAKER_DESCRIPTION = "speaker-description"  # a speaker the quotes stage described: "a spokesman"
    SPEAKER_PRONOUN = "speaker-pronoun"  # "he added": the previous quote's speaker again (not a PRONOUN of the actors stage)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor in the text and what it resolved to.

    ``found_by`` and ``role`` say what the mention is; stages test them, never ``rule``, which is
    provenance only (the name of the rule that made it, shown in the output). ``possessive``
    marks the owner pronouns ("his", "her", "its", "their").
    """

    span: Span
    actor: Actor
    rule: str
    stage: str
    found_by: MentionSource
    role: MentionRole = MentionRole.ACTOR
    antecedent: Span | None = None
    entity: int | None = None
    possessive: bool = False
    """The article's entity chain this mention belongs to (``actors/chains.py``); None for places."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor as the article refers to it throughout: every mention of one chain."""

    id: int
    actor: Actor
    mentions: int
    first: Span


@dataclass(frozen=True, slots=True)
class Place:
    """A geocoded place name."""

    name: str
    country: str | None
    lat: float
    lon: float
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event with the evidence and the pattern that produced it."""

    source: ActorMention
    target: ActorMention | None
    cameo: str
    root: str
    plover: str
    goldstein: float
    quad_class: int
    date: dt.date | None
    place: Place | None
    evidence: tuple[Span, ...]
    rule: str
    confidence: float
    stage: str
    assertion: str = "asserted"  # events/assertion.py: asserted, announced, or (emitted only on request) reported, planned, ...
    assertion_reason: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation with its speaker (``None`` when it cannot be recovered).

    ``about`` are the article's actor mentions inside the quotation, the speaker's own chain left
    out (``quotes/about.py``): what the quote is about ("what did Erdogan say about Russia").
    """

    span: Span
    kind: QuoteKind
    speaker: ActorMention | None
    cue: Span | None
    stage: str
    mode: QuoteMode = "speech"
    about: tuple[ActorMention, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input or article that could not be coded, kept as data."""

    doc_id: str
    source: str
    stage: str
    reason: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An input article with the same text and date as an earlier one: reported, not coded again.

    ``duplicate_of`` is the id of the earlier article (the one that was coded).
    """

    doc_id: str
    source: str
    duplicate_of: str


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """Everything dragoman extracted from one article."""

    article: Article
    removed: tuple[RemovedSpan, ...]
    actors: tuple[ActorMention, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]


Input = Union[Article, Rejection, Duplicate]
"""What ingest yields: an article to code, or an input that will not be coded (and says why)."""

Result = Union[CodedArticle, Rejection, Duplicate]
"""What coding yields, one per input, in input order."""


def spans_of(record: object) -> Iterator[Span]:
    """Every :class:`Span` inside ``record`` (a record, a tuple of records, nested at any depth), in
    field order; an :class:`Article` holds none (the spans point into it)."""
    if isinstance(record, Span):
        yield record
    elif isinstance(record, tuple):
        for value in record:
            yield from spans_of(value)
    elif dataclasses.is_dataclass(record) and not isinstance(record, (type, Article)):
        for f in dataclasses.fields(record):
            yield from spans_of(getattr(record, f.name))
