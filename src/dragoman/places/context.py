"""Date and place of an event from its sentence: the expression nearest the trigger, the
locative attached to it, the dateline for a statement."""

from __future__ import annotations

import datetime as dt
from typing import Callable, Protocol, Sequence

from spacy.tokens import Span as DocSpan

from dragoman.places.attachment import DATELINE_EXCEPTIONS, attached_place, is_statement, token_at
from dragoman.places.dateline import dateline_place
from dragoman.places.dates import Tense, find_date_expressions, resolve_date
from dragoman.places.finder import event_place, place_phrases
from dragoman.places.gazetteer import Gazetteer
from dragoman.places.tense import tense_at, tense_of
from dragoman.records import Article, Place

DateFinder = Callable[[DocSpan, int], dt.date | None]


class PlaceFinder(Protocol):
    """An event's place from its sentence, the trigger's offset, the spans of its own actors,
    its CAMEO code (``None``: treated as a material act) and its source's country."""

    def __call__(
        self, sentence: DocSpan, anchor: int, exclude: Sequence[tuple[int, int]] = (), code: str | None = None,
        source_country: str | None = None,
    ) -> Place | None: ...


def date_finder(article: Article) -> DateFinder:
    """Return a function giving an event's date: the sentence's date expression nearest
    the trigger at ``anchor`` (a character offset), else ``None`` (the article date applies).
    An expression inside a clause that modifies a noun and does not hold the trigger dates that
    clause, not the event ("Crimea, seized in 2014").

    A date without a year is resolved with the tense of the verb the expression depends
    on in the parse, or of the trigger with tags but no parse (:mod:`dragoman.places.tense`): "was arrested on
    May 12" is before the article, "will meet on Friday" after it."""

    def date_of(sentence: DocSpan, anchor: int) -> dt.date | None:
        found = [(span, resolved) for span, resolved in find_date_expressions(sentence.text, sentence.start_char, article)
                 if not _in_modifier_clause(sentence, span.start, span.end, anchor)]
        if not found:
            return None
        span, resolved = min(found, key=lambda pair: abs(pair[0].start - anchor))
        if resolved.relation == "since" and _ongoing(sentence, anchor):
            return None  # "have been fighting militants since June": still going on at the article's date
        tense = _tense_of_date(sentence, span.start, span.end, anchor)
        if tense is None:
            return resolved.date
        assert article.date is not None  # find_date_expressions found something
        again = resolve_date(span.text, article.date, tense)
        return again.date if again is not None else resolved.date

    return date_of


def _ongoing(sentence: DocSpan, anchor: int) -> bool:
    """Is the trigger a present perfect progressive ("have been fighting"), an act that goes on?"""
    trigger = token_at(sentence, anchor)
    if trigger is None or trigger.tag_ != "VBG":
        return False
    auxiliaries = [c.lower_ for c in trigger.children if c.dep_ == "aux"]
    return "been" in auxiliaries and any(a in {"have", "has", "'ve"} for a in auxiliaries)


_MODIFIER_CLAUSES = frozenset({"acl", "acl:relcl", "relcl"})


def _in_modifier_clause(sentence: DocSpan, start: int, end: int, anchor: int) -> bool:
    """Is the date expression inside a clause that modifies a noun and does not hold the trigger
    ("urged that sanctions remain as long as Russia holds Crimea, seized in 2014": 2014 dates the
    seizure, not the appeal)?"""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    expression = doc.char_span(start, end, alignment_mode="expand")
    trigger = token_at(sentence, anchor)
    if expression is None or len(expression) == 0 or trigger is None:
        return False
    token = expression.root
    for _ in range(12):
        if token.dep_ in _MODIFIER_CLAUSES:
            # "sanctions imposed in March": a clause on the trigger noun itself dates it
            return not (token.left_edge.i <= trigger.i <= token.right_edge.i or token.head.i == trigger.i)
        if token.head is token:
            return False
        token = token.head
    return False


def _tense_of_date(sentence: DocSpan, start: int, end: int, anchor: int) -> Tense | None:
    """The tense of the verb the date expression depends on in the parse ("said Sunday"); of the
    trigger when there is no parse (tags only)."""
    doc = sentence.doc
    if not doc.has_annotation("TAG"):
        return None
    if doc.has_annotation("DEP"):
        expression = doc.char_span(start, end, alignment_mode="expand")
        if expression is not None and len(expression) > 0:
            return tense_at(expression.root)
    trigger = token_at(sentence, anchor)
    return tense_of(trigger) if trigger is not None else None


def place_finder(article: Article, gazetteer: Gazetteer) -> PlaceFinder:
    """Return a function giving an event's place.

    With a dependency parse: the place phrase attached to the trigger's predicate
    (:func:`dragoman.places.attachment.attached_place`); without one, the place phrase
    of the trigger's clause (:func:`dragoman.places.finder.event_place`), for material
    acts only. A statement (CAMEO roots 01–05, 10–13, but not a visit) with no locative
    of its own takes the article's dateline place (:func:`dragoman.places.dateline.dateline_place`)
    when its source belongs to the dateline's country: a dateline says where the reporter filed from,
    so "China accused the U.S." under a WASHINGTON dateline did not happen in Washington.
    Never one of the spans in ``exclude`` (the event's own source and target)."""
    dateline = dateline_place(article, gazetteer)

    def place_of(
        sentence: DocSpan, anchor: int, exclude: Sequence[tuple[int, int]] = (), code: str | None = None,
        source_country: str | None = None,
    ) -> Place | None:
        statement = code is not None and is_statement(code)
        trigger = token_at(sentence, anchor)
        if trigger is not None and sentence.doc.has_annotation("DEP"):
            phrases = place_phrases(sentence.text, sentence.start_char, article, gazetteer)
            place = attached_place(trigger, phrases, exclude, statement)
        elif statement:
            place = None  # without a parse "France said ... in Syria" cannot be told from "said in Paris"
        else:
            place = event_place(sentence.text, sentence.start_char, article, gazetteer, anchor, exclude)
        if place is None and statement and code not in DATELINE_EXCEPTIONS and dateline is not None and dateline.country == source_country:
            return dateline
        return place

    return place_of
