"""Date and place of an event from its sentence: the expression nearest the trigger."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from spacy.tokens import Span as DocSpan

from dragoman.places.dates import find_date_expressions
from dragoman.places.finder import find_places
from dragoman.places.gazetteer import Gazetteer
from dragoman.records import Article, Place

DateFinder = Callable[[DocSpan, int], dt.date | None]
PlaceFinder = Callable[[DocSpan, int], Place | None]


def date_finder(article: Article) -> DateFinder:
    """Return a function giving an event's date: the sentence's date expression nearest
    the trigger at ``anchor`` (a character offset), else ``None`` (the article date applies)."""

    def date_of(sentence: DocSpan, anchor: int) -> dt.date | None:
        found = find_date_expressions(sentence.text, sentence.start_char, article)
        if not found:
            return None
        span, resolved = min(found, key=lambda pair: abs(pair[0].start - anchor))
        return resolved.date

    return date_of


def place_finder(article: Article, gazetteer: Gazetteer) -> PlaceFinder:
    """Return a function giving an event's place: the locative nearest the trigger."""

    def place_of(sentence: DocSpan, anchor: int) -> Place | None:
        places = find_places(sentence.text, sentence.start_char, article, gazetteer)
        located = [p for p in places if p.span is not None]
        if not located:
            return None
        return min(located, key=lambda p: abs(p.span.start - anchor) if p.span else 0)

    return place_of
