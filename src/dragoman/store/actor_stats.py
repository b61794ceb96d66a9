"""Actors as the store knows them: search by name or code, and what one actor does and receives.

An actor is a code (``TURGOV``) or a country (``TUR``); as everywhere in the store, ``TUR`` as an
actor matches a side whose code *or* country is ``TUR`` (:func:`dragoman.store.queries.where_clause`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Literal, Mapping

from dragoman.store.queries import EventFilter, Page, QuoteRow, _QUOTE_COLUMNS, _like, _quote_rows, cameo_name, where_clause


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
    rows = conn.execute(
        f"SELECT code, name, max(country), max(kind), count(*) FROM mentions WHERE {where} GROUP BY code, name ORDER BY 5 DESC, 1, 2 LIMIT ?",
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


def _side(prefix: str) -> str:
    return f"({prefix}_code = ? OR {prefix}_country = ?)"


def _mean(value: float | None) -> float | None:
    return None if value is None else round(float(value), 3)


def actor_summary(conn: sqlite3.Connection, code: str, names: Mapping[str, str], f: EventFilter | None = None, partners: int = 15) -> ActorSummary:
    """The actor ``code`` (a code or a country) in the events matching ``f`` (dates, types ...)."""
    code = code.upper()
    base = f or EventFilter()
    given_where, given_params = where_clause(replace(base, source=code))
    recv_where, recv_params = where_clause(replace(base, target=code))
    name_rows = conn.execute(
        "SELECT name, count(*) FROM mentions WHERE (code = ? OR (country = ? AND code = country)) AND name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8",
        (code, code),
    ).fetchall()
    ident = conn.execute(
        "SELECT country, kind, count(*) FROM mentions WHERE code = ? GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1", (code,)).fetchone()
    mentions = int(conn.execute("SELECT count(*) FROM mentions WHERE code = ?", (code,)).fetchone()[0])
    mix: dict[str, list[int]] = {}
    quads = {"given": [0, 0, 0, 0], "received": [0, 0, 0, 0]}
    totals: dict[str, tuple[int, float | None]] = {}
    for way, where, params in (("given", given_where, given_params), ("received", recv_where, recv_params)):
        n_all, mean = conn.execute(f"SELECT count(*), avg(goldstein) FROM events e{where}", params).fetchone()
        totals[way] = (int(n_all), _mean(mean))
        for root, quad, n in conn.execute(f"SELECT root, quad_class, count(*) FROM events e{where} GROUP BY 1, 2", params):
            row = mix.setdefault(root, [int(quad), 0, 0])
            row[1 if way == "given" else 2] += int(n)
            if 1 <= int(quad) <= 4:
                quads[way][int(quad) - 1] += int(n)
    mix_rows = tuple(MixCount(root, cameo_name(names, root), q, g, r) for root, (q, g, r) in sorted(mix.items()))
    return ActorSummary(
        code, tuple(NameCount(n, int(c)) for n, c in name_rows), ident[0] if ident else (code if len(code) == 3 else None),
        ident[1] if ident else None, mentions, totals["given"][0], totals["received"][0], totals["given"][1], totals["received"][1],
        tuple(quads["given"]), tuple(quads["received"]), mix_rows, _partners(conn, given_where, given_params, recv_where, recv_params, partners),
        _count_quotes(conn, code, "by"), _count_quotes(conn, code, "about"),
    )


def _partners(conn: sqlite3.Connection, given_where: str, given_params: list[object], recv_where: str, recv_params: list[object], top: int) -> tuple[Partner, ...]:
    ways: list[dict[str, tuple[str | None, str | None, int, float | None]]] = []
    for key, name_col, country_col, where, params in (
        ("coalesce(target_code, target_country)", "target_name", "target_country", given_where, given_params),
        ("coalesce(source_code, source_country)", "source_name", "source_country", recv_where, recv_params),
    ):
        cond = (where + " AND " if where else " WHERE ") + f"{key} IS NOT NULL"
        rows = conn.execute(f"SELECT {key}, max({name_col}), max({country_col}), count(*), avg(goldstein) FROM events e{cond} GROUP BY 1", params)
        ways.append({k: (nm, c, int(n), _mean(g)) for k, nm, c, n, g in rows})
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
_QUOTE_WHERE: dict[str, str] = {
    "by": "(speaker_code = ? OR speaker_country = ?)",
    "about": "id IN (SELECT quote_id FROM quote_mentions WHERE code = ? OR country = ?)",
}


def _count_quotes(conn: sqlite3.Connection, code: str, role: QuoteRole) -> int:
    return int(conn.execute(f"SELECT count(*) FROM quotes WHERE {_QUOTE_WHERE[role]}", (code, code)).fetchone()[0])


def actor_quotes(conn: sqlite3.Connection, code: str, role: QuoteRole = "by", limit: int = 20, offset: int = 0) -> Page[QuoteRow]:
    """Quotes whose speaker is the actor (``role="by"``: its code, or its country), or that mention it (``"about"``)."""
    code = code.upper()
    where = _QUOTE_WHERE[role]
    total = _count_quotes(conn, code, role)
    rows = conn.execute(f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE {where} ORDER BY article_id, start LIMIT ? OFFSET ?", (code, code, limit, offset)).fetchall()
    return Page(_quote_rows(conn, rows), total, limit, offset)
