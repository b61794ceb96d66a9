"""Date and place of an event from its sentence: the expression nearest the trigger."""

from __future__ import annotations

import datetime as dt
from typing import Callable, Protocol, Sequence

from spacy.tokens import Span as DocSpan

from dragoman.places.dates import find_date_expressions
from dragoman.places.finder import event_place
from dragoman.places.gazetteer import Gazetteer
from dragoman.records import Article, Place

DateFinder = Callable[[DocSpan, int], dt.date | None]


class PlaceFinder(Protocol):
    """An event's place from its sentence, the trigger's offset and the spans of its own actors."""

    def __call__(self, sentence: DocSpan, anchor: int, exclude: Sequence[tuple[int, int]] = ()) -> Place | None: ...


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
    """Return a function giving an event's place: the place phrase of the trigger's clause
    (see :func:`dragoman.places.finder.event_place`: locatives before directions, then the nearest),
    never one of the spans in ``exclude`` (the event's own source and target)."""

    def place_of(sentence: DocSpan, anchor: int, exclude: Sequence[tuple[int, int]] = ()) -> Place | None:
        return event_place(sentence.text, sentence.start_char, article, gazetteer, anchor, exclude)

    return place_of
