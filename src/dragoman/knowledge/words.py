"""Plain word lists and word tables: one entry per line, ``#`` comments, real line numbers.

A word list (``.txt``) holds one entry per line (a word or a phrase); a word table (``.tsv``, read
by :func:`read_rows`) holds one entry per row with a column saying which list(s) it belongs to.
Both refuse an empty entry and an entry written twice, naming the file and line.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Mapping

from dragoman.errors import DataFileError
from dragoman.knowledge.tables import packaged_text, read_rows


def data_lines(text: str, source: str) -> Iterator[tuple[str, str]]:
    """(``file:line``, stripped line) of every line that is not blank or a ``#`` comment (also indented)."""
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield f"{source}:{number}", entry


def read_words(text: str, source: str) -> tuple[str, ...]:
    """The entries of a word list in file order: each line stripped; blank and ``#`` lines skipped.
    A repeated entry is an error naming both lines."""
    seen: dict[str, str] = {}
    for where, entry in data_lines(text, source):
        if entry in seen:
            raise DataFileError(f"{where}: {entry!r} is already at {seen[entry]}; delete one of them")
        seen[entry] = where
    return tuple(seen)


def read_word_lists(text: str, source: str, lists: tuple[str, ...], *, word: str = "word",
                    column: str = "lists") -> dict[str, tuple[str, ...]]:
    """The lists of a word table: a ``word`` column and a ``column`` of ``|``-separated list names,
    each one of ``lists``. Returns every list (empty ones too) with its words in file order. An empty
    word, an unknown or missing list name, or a word written twice is an error naming file and line."""
    found: dict[str, list[str]] = {name: [] for name in lists}
    seen: dict[str, str] = {}
    for row in read_rows(text, source, (word, column)):
        entry = row[word]
        if not entry:
            raise row.error(f"empty {word}; write one entry per row")
        if entry in seen:
            raise row.error(f"{entry!r} is already at {seen[entry]}; give one row all its lists ('a|b')")
        seen[entry] = row.where
        names = [n.strip() for n in row[column].split("|") if n.strip()]
        if not names:
            raise row.error(f"{entry!r} names no list; the {column} column takes one or more of {', '.join(lists)}")
        for name in names:
            if name not in found:
                raise row.error(f"unknown list {name!r}; allowed: {', '.join(lists)}")
            found[name].append(entry)
    return {name: tuple(entries) for name, entries in found.items()}


@lru_cache(maxsize=None)
def packaged_words(package: str, name: str) -> tuple[str, ...]:
    """The entries of the word list ``name`` in ``package``'s ``data/`` folder (cached: packaged
    files do not change while dragoman runs)."""
    return read_words(packaged_text(package, name), name)


@lru_cache(maxsize=None)
def packaged_word_lists(package: str, name: str, lists: tuple[str, ...]) -> Mapping[str, tuple[str, ...]]:
    """The lists of the packaged word table ``name`` (see :func:`read_word_lists`), cached."""
    return read_word_lists(packaged_text(package, name), name, lists)
