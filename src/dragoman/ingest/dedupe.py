"""Duplicate inputs: the same text on the same date is coded once, and each repeat is reported.

An article's identity is its text *and* its date: a wire story printed on two days is two
articles and is coded twice; the same text with the same date (or both undated) is one article
given twice. The repeat becomes a :class:`~dragoman.records.Duplicate` naming the id of the first,
so it is visible in the output and the store instead of silently missing. ``ingest.dedupe =
false`` codes every input.

An id names one article: a later input with an id already used in the run for a different text
or date is a Rejection ("duplicate id") naming the source of the first, never a silent
overwrite in the store. This holds with ``ingest.dedupe = false`` too (which codes a repeat of
the same id, text and date again, and stores it once).
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from dragoman.records import Article, Duplicate, Input, Rejection

log = logging.getLogger(__name__)


def identity(article: Article) -> bytes:
    """The key two inputs must share to be the same article: a hash of (text, date)."""
    h = hashlib.sha256(article.text.encode("utf-8"))
    h.update(b"\0" + (article.date.isoformat() if article.date else "").encode("ascii"))
    return h.digest()


@dataclass(slots=True)
class DuplicateFinder:
    """The first id seen for each identity in one run; later inputs with that identity are duplicates."""

    enabled: bool = True
    first: dict[bytes, str] = field(default_factory=dict)
    owners: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    """The identity and source of the first article with each id."""

    def check(self, item: Input) -> Input:
        if not isinstance(item, Article):
            return item
        key = identity(item)
        first = self.first.get(key)
        if self.enabled and first is not None:
            log.info("%s: same text and date as article %s, coded once", item.source, first)
            return Duplicate(item.id, item.source, first)
        owner = self.owners.setdefault(item.id, (key, item.source))
        if owner[0] != key:
            return Rejection(item.id, item.source, "ingest", "duplicate id",
                             f"{item.source}: the id {item.id!r} is already the id of {owner[1]} (a different text or date) in this run; give each article its own id")
        if self.enabled:
            self.first[key] = item.id
        return item


def mark_duplicates(items: Iterable[Article | Rejection], enabled: bool = True) -> Iterator[Input]:
    """``items`` with every repeat of an earlier (text, date) replaced by a Duplicate record."""
    finder = DuplicateFinder(enabled)
    for item in items:
        yield finder.check(item)
