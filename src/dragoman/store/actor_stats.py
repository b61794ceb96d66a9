"""Actors as the store knows them: search by name or code, and what one actor does and receives.

An actor is a code (``TURGOV``) or a country (``TUR``); as everywhere in the store, ``TUR`` as an
actor matches a side whose code *or* country is ``TUR`` (:func:`dragoman.store.queries.where_clause`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Literal, Mapping

from dragoman.store.queries import EventFilter, Page, QuoteRow, Unit, _like, cameo_name
from dragoman.store.quote_lists import actor_quote_filter, count_quotes, list_quotes
from dragoman.store.tallies import mean, tally_source


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A coded actor as written in the articles: its code, one of its names, how many mentions say so."""

    code: str
    name: str | None
    country: str | None
    kind: str
    mentions: int


def find_actors(conn: sqlite3.Connection, q: str | None = None, limit: int = 20) -> tuple[ActorMatch, ...]:
    """Actors whose code starts with ``q`` (any case), whose country is ``q``, or whose name has a word starting
    with ``q``; each (code, name) once, the most mentioned first. No ``q``: the most mentioned actors."""
    params: list[object] = []
    where = "code IS NOT NULL"
    if q and q.strip():
        word = q.strip()
        code = word.upper()
        where += " AND ((code >= ? AND code < ?) OR country = ? OR name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')"
        params += [code, code + "\U0010ffff", code, f"{_like(word)}%", f"% {_like(word)}%"]
    rows = conn.execute(  # mention_names: the mentions counted per code, name, country and kind (store/aggregates.py)
        f"SELECT code, name, max(country), max(kind), sum(n) FROM mention_names WHERE {where} GROUP BY code, name ORDER BY 5 DESC, 1, 2 LIMIT ?",
        [*params, limit],
    ).fetchall()
    return tuple(ActorMatch(code, name, country, kind, int(n)) for code, name, country, kind, n in rows)


@dataclass(frozen=True, slots=True)
class NameCount:
    name: str
    mentions: int


@dataclass(frozen=True, slots=True)
class MixCount:
    """Events of one CAMEO root (with its name and QuadClass) that the actor did (``given``) or received."""

    root: str
    name: str | None
    quad_class: int
    given: int
    received: int


@dataclass(frozen=True, slots=True)
class Partner:
    """Another side of the actor's events (its code, or its country when it has none): events each way and
    their mean Goldstein (``None`` when there are none that way)."""

    code: str
    name: str | None
    country: str | None
    given: int
    received: int
    goldstein_given: float | None
    goldstein_received: float | None


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """What the store holds about an actor: its names, its events as source and as target, by CAMEO root and
    by QuadClass (``quad_given[0]`` is verbal cooperation), its main partners, and its quotes."""

    code: str
    names: tuple[NameCount, ...]
    country: str | None
    kind: str | None
    mentions: int
    given: int
    received: int
    mean_goldstein_given: float | None
    mean_goldstein_received: float | None
    quad_given: tuple[int, ...]
    quad_received: tuple[int, ...]
    mix: tuple[MixCount, ...]
    partners: tuple[Partner, ...]
    quotes_by: int
    quotes_about: int
    unit: Unit = "mentions"   # what the event counts count


def _side(prefix: str) -> str:
    return f"({prefix}_code = ? OR {prefix}_country = ?)"


def actor_summary(conn: sqlite3.Connection, code: str, names: Mapping[str, str], f: EventFilter | None = None, partners: int = 15,
                  unit: Unit = "mentions") -> ActorSummary:
    """The actor ``code`` (a code or a country) in the events (or mentions) matching ``f`` (dates, types ...)."""
    code = code.upper()
    base = f or EventFilter()
    name_rows = conn.execute(
        "SELECT name, sum(n) FROM mention_names WHERE (code = ? OR (country = ? AND code = country)) AND name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8",
        (code, code),
    ).fetchall()
    ident = conn.execute(
        "SELECT country, kind, sum(n) FROM mention_names WHERE code = ? GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1", (code,)).fetchone()
    mentions = int(conn.execute("SELECT coalesce(sum(n), 0) FROM mention_names WHERE code = ?", (code,)).fetchone()[0])
    mix: dict[str, list[int]] = {}
    quads = {"given": [0, 0, 0, 0], "received": [0, 0, 0, 0]}
    totals: dict[str, tuple[int, float | None]] = {}
    sources = {"given": tally_source(replace(base, source=code), unit), "received": tally_source(replace(base, target=code), unit)}
    for way, (source, params) in sources.items():
        n_all, g_all = conn.execute(f"SELECT coalesce(sum(n), 0), sum(g) FROM {source}", params).fetchone()
        totals[way] = (int(n_all), mean(g_all, n_all))
        for root, quad, n in conn.execute(f"SELECT root, quad_class, sum(n) FROM {source} GROUP BY 1, 2", params):
            row = mix.setdefault(root, [int(quad), 0, 0])
            row[1 if way == "given" else 2] += int(n)
            if 1 <= int(quad) <= 4:
                quads[way][int(quad) - 1] += int(n)
    mix_rows = tuple(MixCount(root, cameo_name(names, root), q, g, r) for root, (q, g, r) in sorted(mix.items()))
    return ActorSummary(
        code, tuple(NameCount(n, int(c)) for n, c in name_rows), ident[0] if ident else (code if len(code) == 3 else None),
        ident[1] if ident else None, mentions, totals["given"][0], totals["received"][0], totals["given"][1], totals["received"][1],
        tuple(quads["given"]), tuple(quads["received"]), mix_rows, _partners(conn, sources["given"], sources["received"], partners),
        _count_quotes(conn, code, "by"), _count_quotes(conn, code, "about"), unit,
    )


def _partners(conn: sqlite3.Connection, given_from: tuple[str, list[object]], received_from: tuple[str, list[object]], top: int) -> tuple[Partner, ...]:
    ways: list[dict[str, tuple[str | None, str | None, int, float | None]]] = []
    for key, name_col, country_col, (source, params) in (
        ("coalesce(target_code, target_country)", "target_name", "target_country", given_from),
        ("coalesce(source_code, source_country)", "source_name", "source_country", received_from),
    ):
        rows = conn.execute(f"SELECT {key}, max({name_col}), max({country_col}), sum(n), sum(g) FROM {source} WHERE {key} IS NOT NULL GROUP BY 1", params)
        ways.append({k: (nm, c, int(n), mean(g, n)) for k, nm, c, n, g in rows})
    given, received = ways
    out = []
    for k in set(given) | set(received):
        g, r = given.get(k), received.get(k)
        name = (g[0] if g else None) or (r[0] if r else None)
        country = (g[1] if g else None) or (r[1] if r else None)
        out.append(Partner(k, name, country, g[2] if g else 0, r[2] if r else 0, g[3] if g else None, r[3] if r else None))
    out.sort(key=lambda p: (-(p.given + p.received), p.code))
    return tuple(out[:top])


QuoteRole = Literal["by", "about"]
def _count_quotes(conn: sqlite3.Connection, code: str, role: QuoteRole) -> int:
    return count_quotes(conn, actor_quote_filter(code, role))


def actor_quotes(conn: sqlite3.Connection, code: str, role: QuoteRole = "by", limit: int = 20, offset: int = 0) -> Page[QuoteRow]:
    """Quotes whose speaker is the actor (``role="by"``: its code, or its country), or that mention it (``"about"``)."""
    return list_quotes(conn, actor_quote_filter(code, role), limit, offset)
