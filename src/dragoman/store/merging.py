"""Events and mentions: which coded reports are one event. The rules, in one place (docs/store.md).

A *mention* is one event coded from one article (a row of ``events``, with its evidence). Mentions are one
*event* (a row of ``event_groups``) when

1. they have the same **merge key** (:func:`merge_key`): the same source actor, the same target actor (or
   both have none) and the same CAMEO root. An actor is its code, else its country; a person is also its
   name, so two people under one code (``USAGOV`` Kerry, ``USAGOV`` Carter) are two actors, and a person is
   never the state or office whose code it has;
2. their CAMEO codes are **compatible** (:func:`compatible_codes`): the same code, or one a parent of the
   other (:func:`parent_codes`: 04 and 040 of 042, 042 of 0421), never two siblings (042, 043);
3. their **dates** fit one window: every date of an event is at most ``window`` days after its first date
   (``store.merge_window_days``, 1 by default: so an event spans two days at most). A stored date is a day
   (the coder dates an event from its sentence, else by its article); mentions without a date (of an
   undated article) are a day of their own: they group with each other, never with a dated mention;
4. their **places** are compatible: the same country, or one of them has no place.

:func:`cluster` makes the groups of one merge key, greedily in a canonical order: by date, the most specific
code first, a mention with a place before one without, then by the mention's stable identity (article id,
offsets, code). Each mention joins the event it fits with the most mentions so far (among equals, the one
made first), and fitting is checked against the event as it stands (its first date, its most specific code,
its place), so every member fits every other: a report without a place, or with a parent code, joins the
most reported of the events it could belong to. The order is a function of the mentions alone: the groups
do not depend on the order articles were coded or written in.

An event's id (:func:`event_id`) is a hash of its merge key and of its first mention's identity (that order's
first), so it stays the same across runs, re-codings and stores as long as that first mention does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence


def _folded(name: str) -> str:
    """A name compared across articles: case and diacritics dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def actor_key(code: str | None, country: str | None, name: str | None, kind: str | None) -> str:
    """An actor as the merge key sees it: its code (else its country), and a person's name after a ``/``."""
    base = code or country or ""
    if kind == "person" and name:
        return f"{base}/{_folded(name)}"
    return base


def merge_key(source: str, target: str | None, root: str) -> str:
    """The key of rule 1, from the :func:`actor_key` of each side (``None``: no target) and the CAMEO root."""
    return json.dumps([source, target, root], ensure_ascii=False)


def merge_key_prefix(source: str, target: str | None) -> str:
    """What every :func:`merge_key` of this source and target starts with, whatever the root."""
    return merge_key(source, target, "")[: -len('""]')]


def read_merge_key(key: str) -> tuple[str, str | None, str]:
    """``(source, target, root)`` of a :func:`merge_key`."""
    source, target, root = json.loads(key)
    return str(source), None if target is None else str(target), str(root)


def parent_codes(code: str) -> frozenset[str]:
    """The codes ``code`` merges with as a child: its prefixes of two digits or more (0421 → 042, 04) and its
    root's "not specified" code (04 + 0 = 040), which is the parent of every other code of the root."""
    root = code[:2]
    parents = {code[:n] for n in range(2, len(code))}
    if len(code) > 3 or (len(code) == 3 and code != root + "0"):
        parents.add(root + "0")
    parents.discard(code)
    return frozenset(parents)


def compatible_codes(a: str, b: str) -> bool:
    """Rule 2: the same code, or one a parent of the other."""
    return a == b or a in parent_codes(b) or b in parent_codes(a)


def code_depth(code: str) -> int:
    """How specific a code is: 0 a root (04), 1 its "not specified" code (040), 2 a code (042), 3 a sub-code (0421)."""
    if len(code) <= 2:
        return 0
    if len(code) == 3:
        return 1 if code.endswith("0") else 2
    return 3


@dataclass(frozen=True, slots=True)
class Mention:
    """What grouping reads of one stored mention (a row of ``events`` and its article)."""

    row_id: int                 # events.id: changes when the article is coded again; not part of the identity
    article_id: str
    date: str | None
    cameo: str
    root: str
    plover: str | None
    goldstein: float
    quad_class: int
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    evidence_start: int
    evidence_end: int
    evidence_text: str
    rule: str
    confidence: float
    source_text: str
    source_name: str | None
    source_code: str | None
    source_country: str | None
    source_start: int | None
    target_text: str | None
    target_name: str | None
    target_code: str | None
    target_country: str | None
    target_start: int | None
    report_date: str | None     # the article's date
    outlet: str                 # who published the article (``articles.outlet``), else the input it came from
    group_id: str | None = None  # the event it belongs to now (``None`` while it has none)
    identity: str = field(init=False)
    """The same for the same coded mention in every run: article, evidence, code, source and target offsets."""
    day: int | None = field(init=False)
    """``date`` as a day number (``None``: undated)."""

    def __post_init__(self) -> None:
        parts = (self.article_id, self.evidence_start, self.evidence_end, self.cameo, self.source_start, self.source_text,
                 self.target_start, self.target_text)
        object.__setattr__(self, "identity", "\x1f".join("" if p is None else str(p) for p in parts))
        object.__setattr__(self, "day", dt.date.fromisoformat(self.date).toordinal() if self.date else None)


def order_key(m: Mention) -> tuple[int, int, bool, str, int]:
    """The canonical order of :func:`cluster` within one date: the most specific code, a place, the identity."""
    return (m.day or 0, -code_depth(m.cameo), m.place_country is None, m.identity, m.row_id)


@dataclass(slots=True, eq=False)
class Cluster:
    """An event being built: its first day, its most specific code, its place country and its members."""

    first_day: int | None
    code: str
    place_country: str | None
    members: list[Mention] = field(default_factory=list)

    def fits(self, m: Mention, window: int) -> bool:
        if self.first_day is not None and (m.day is None or m.day - self.first_day > window):
            return False
        if self.first_day is None and m.day is not None:
            return False
        if not compatible_codes(self.code, m.cameo):
            return False
        return m.place_country is None or self.place_country is None or m.place_country == self.place_country

    def add(self, m: Mention) -> None:
        self.members.append(m)
        if code_depth(m.cameo) > code_depth(self.code):
            self.code = m.cameo
        if self.place_country is None and m.place_country is not None:
            self.place_country = m.place_country


def cluster(mentions: Iterable[Mention], window: int) -> list[Cluster]:
    """The events of mentions that share one merge key (the module's rules); the members of each in canonical order."""
    ordered = sorted(mentions, key=lambda m: (m.day is None, *order_key(m)))
    done: list[Cluster] = []
    open_: list[Cluster] = []
    for m in ordered:
        if m.day is not None:  # events whose window has passed take no more mentions
            keep: list[Cluster] = []
            for c in open_:
                (keep if c.first_day is not None and m.day - c.first_day <= window else done).append(c)
            open_ = keep
        fitting = [c for c in open_ if c.fits(m, window)]
        home = max(fitting, key=lambda c: len(c.members)) if fitting else None  # the most reported; among equals the first made
        if home is None:
            home = Cluster(m.day, m.cameo, m.place_country)
            open_.append(home)
        home.add(m)
    return done + open_


def event_id(key: str, first: Mention) -> str:
    """An event's id: 16 hex digits of a hash of its merge key and its first mention's identity."""
    return hashlib.sha256(f"{key}\x1e{first.identity}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One event (a row of ``event_groups``): what its mentions say, and how often and by whom it was reported.

    The actors, code, Goldstein score and QuadClass come from the most confident mention with the event's most
    specific code, the place from the most confident mention with a place, the evidence from the most confident
    mention of all (ties: the canonical order); ``date`` is the date most mentions give (ties: the earliest)."""

    id: str
    merge_key: str
    source_text: str
    source_name: str | None
    source_code: str | None
    source_country: str | None
    target_text: str | None
    target_name: str | None
    target_code: str | None
    target_country: str | None
    cameo: str
    root: str
    plover: str | None
    goldstein: float
    quad_class: int
    date: str | None
    first_date: str | None
    last_date: str | None
    place_name: str | None
    place_country: str | None
    lat: float | None
    lon: float | None
    mentions: int
    articles: int
    sources: int
    first_report: str | None
    last_report: str | None
    best_mention: int           # events.id of the evidence
    article_id: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    rule: str
    confidence: float


def _best(members: Sequence[Mention]) -> Mention:
    """The most confident member; the first in canonical order among equals (``members`` are in that order)."""
    return max(enumerate(members), key=lambda im: (im[1].confidence, -im[0]))[1]


def merged_event(key: str, c: Cluster) -> MergedEvent:
    members = c.members
    rep = _best([m for m in members if m.cameo == c.code])
    placed = [m for m in members if m.place_name is not None or m.place_country is not None]
    where = _best(placed) if placed else None
    evidence = _best(members)
    dates = Counter(m.date for m in members if m.date)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    reports = sorted(m.report_date for m in members if m.report_date)
    return MergedEvent(
        event_id(key, members[0]), key,
        rep.source_text, rep.source_name, rep.source_code, rep.source_country, rep.target_text, rep.target_name, rep.target_code, rep.target_country,
        c.code, rep.root, rep.plover, rep.goldstein, rep.quad_class,
        date, min(dates) if dates else None, max(dates) if dates else None,
        where.place_name if where else None, where.place_country if where else None, where.lat if where else None, where.lon if where else None,
        len(members), len({m.article_id for m in members}), len({m.outlet for m in members}),
        reports[0] if reports else None, reports[-1] if reports else None,
        evidence.row_id, evidence.article_id, evidence.evidence_start, evidence.evidence_end, evidence.evidence_text, evidence.rule, evidence.confidence,
    )


def merge(key: str, mentions: Iterable[Mention], window: int) -> list[tuple[MergedEvent, list[Mention]]]:
    """The events of one merge key's mentions, each with its members."""
    return [(merged_event(key, c), c.members) for c in cluster(mentions, window)]
