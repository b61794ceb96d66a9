"""Where and when: offline geocoding and event-date resolution.

Stage functions read a sentence (text plus its offset in ``Article.text``)
and return records whose spans point into ``Article.text``. The gazetteer is
a heavy collaborator: build it once with :func:`load_gazetteer` and pass it in.

- :func:`find_places` / :func:`locative_places` / :func:`event_place`: prepositional place phrases
  ("in Tehran", "at a NATO summit in Madrid") geocoded to :class:`Place`.
- :func:`find_date_expressions` / :func:`resolve_date`: date expressions
  ("last week", "since late February") resolved against the article date.
- :func:`date_finder` / :func:`place_finder`: an event's date and place from its sentence,
  for the events stage.
"""

from __future__ import annotations

from dragoman.places.context import DateFinder, PlaceFinder, date_finder, place_finder
from dragoman.places.dates import DateResolution, Granularity, Relation, Tense, find_date_expressions, resolve_date
from dragoman.places.finder import event_place, find_places, locative_places
from dragoman.places.gazetteer import Gazetteer, GazetteerEntry, gazetteer_sources, load_gazetteer, normalise_name

__all__ = [
    "DateFinder",
    "DateResolution",
    "Gazetteer",
    "GazetteerEntry",
    "Granularity",
    "PlaceFinder",
    "Relation",
    "Tense",
    "date_finder",
    "event_place",
    "find_date_expressions",
    "find_places",
    "gazetteer_sources",
    "load_gazetteer",
    "locative_places",
    "normalise_name",
    "place_finder",
    "resolve_date",
]
