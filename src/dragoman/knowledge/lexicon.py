"""The word lists several stages share, each concept in one data file of ``knowledge/data``.

* ``titles.tsv``: title and honorific words, with the lists that read them (speaker-name edges, the
  NER name convention, honorifics, heading detection, offices);
* ``time_words.tsv``: weekdays, months and other time words, with the lists that read them.

A stage asks for one list by name (``title_words("honorific")``); the names are the ``*_LISTS``
below, and the file's header comment says what each list is for and who reads it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Mapping

from dragoman.knowledge.tables import packaged_text, read_rows
from dragoman.knowledge.words import packaged_word_lists

TITLE_LISTS = ("name_edge", "not_in_name", "honorific", "heading", "office")
TIME_LISTS = ("not_actor", "place_stop", "clause_time", "not_name", "dictionary")
OFFICE_CLASSES = ("hos", "hog", "fm", "dm", "supreme", "igo_head", "group_leader", "other")


def title_words(name: str) -> frozenset[str]:
    """The words of one list of ``titles.tsv`` (one of :data:`TITLE_LISTS`)."""
    return frozenset(packaged_word_lists("dragoman.knowledge", "titles.tsv", TITLE_LISTS)[name])


@lru_cache(maxsize=None)
def title_offices() -> Mapping[str, str]:
    """The ``office`` list of ``titles.tsv``: a bare title and the office class it names, in file order."""
    offices = set(packaged_word_lists("dragoman.knowledge", "titles.tsv", TITLE_LISTS)["office"])
    found: dict[str, str] = {}
    for row in read_rows(packaged_text("dragoman.knowledge", "titles.tsv"), "titles.tsv", ("word", "lists", "office")):
        if row["word"] in offices:
            if row["office"] not in OFFICE_CLASSES:
                raise row.error(f"office {row['office']!r} is not one of {', '.join(OFFICE_CLASSES)}")
            found[row["word"]] = row["office"]
        elif row["office"]:
            raise row.error("an office is given but the word is not on the office list; add 'office' to its lists")
    return found


def time_words(name: str) -> frozenset[str]:
    """The words of one list of ``time_words.tsv`` (one of :data:`TIME_LISTS`)."""
    return frozenset(packaged_word_lists("dragoman.knowledge", "time_words.tsv", TIME_LISTS)[name])
