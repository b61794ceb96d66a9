"""Quotes by speaker and by what they are about, in the order they were stored (article by article, each
article's by position), fast over millions of quotes.

A filter is a :class:`QuoteFilter`: its condition written two ways (row by row, for walking the quotes in order
until a page is full; and as a set of ids the indexes build, for a filter few quotes pass), and its exact count from the summary tables (``quote_speakers``, ``about_names``,
``row_counts``: ``store/aggregates.py``) or from covering indexes. :func:`list_quotes` takes whichever way
reads fewer rows, so a page of a common speaker's quotes and a page of a rare one's both come at once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from dragoman.store.aggregates import walking_pays
from dragoman.store.queries import _QUOTE_COLUMNS, Page, QuoteRow, _like, _quote_rows


@dataclass(frozen=True, slots=True)
class _Part:
    row: str                    # over quotes q, one row at a time (EXISTS, uncorrelated IN lists)
    row_params: list[object]
    ids: str                    # SELECT of quote ids (each branch an index's own columns)
    ids_params: list[object]
    branches: tuple[tuple[str, list[object]], ...] = ()  # an about part's conditions over quote_mentions ({m} before columns)


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    """Every part must hold; ``count``, when set, counts the quotes without reading them."""

    parts: tuple[_Part, ...] = ()
    count: tuple[str, list[object]] | None = field(default=None)


_ABOUT_NAMES = "SELECT name FROM about_names WHERE name LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\'"
_SPEAKER_NAMES = "SELECT speaker_name FROM quote_speakers WHERE speaker_name LIKE ? ESCAPE '\\'"
_MAX_NAMES = 500
"""Names found in a summary table are given to the query as values, up to this many (else as a subquery)."""


def _names(conn: sqlite3.Connection, sql: str, params: list[object]) -> tuple[str, list[object]]:
    """``IN (...)``'s list: the names ``sql`` finds, as values (so no row re-reads them), else ``sql`` itself."""
    found = [str(n) for (n,) in conn.execute(f"{sql} LIMIT {_MAX_NAMES + 1}", params)]
    if len(found) > _MAX_NAMES:
        return sql, params
    return ", ".join("?" * len(found)) or "NULL", list(found)


def _speaker(code: str, names: tuple[str, list[object]] | None) -> _Part:
    by_name = f" OR q.speaker_name IN ({names[0]})" if names else ""
    params: list[object] = [code, code, *(names[1] if names else [])]
    ids_by_name = f" UNION SELECT id FROM quotes WHERE speaker_name IN ({names[0]})" if names else ""
    return _Part(f"(q.speaker_code = ? OR q.speaker_country = ?{by_name})", params,
                 f"SELECT id FROM quotes WHERE speaker_code = ? UNION SELECT id FROM quotes WHERE speaker_country = ?{ids_by_name}", params)


def _about(branches: list[tuple[str, list[object]]]) -> _Part:
    """Quotes about an actor: a row of ``quote_mentions`` meets one of ``branches`` (conditions over its columns,
    written with ``{m}`` before each column)."""
    row = " OR ".join(f"({cond.format(m='m.')})" for cond, _ in branches)
    params = [p for _, ps in branches for p in ps]
    ids = " UNION ".join(f"SELECT quote_id FROM quote_mentions WHERE {cond.format(m='')}" for cond, _ in branches)
    return _Part(f"EXISTS (SELECT 1 FROM quote_mentions m WHERE m.quote_id = q.id AND ({row}))", params, ids, params, tuple(branches))


def _count_about(conn: sqlite3.Connection, branches: tuple[tuple[str, list[object]], ...]) -> int:
    """The quotes with a mention meeting one of ``branches``, without building their union: each branch counts
    the quotes its rows name that no earlier branch holds. A row an earlier branch meets is left out on the
    index's own columns; the few rows left are checked against their quote's other mentions (for the earlier
    branches that hold any quote)."""
    total = 0
    earlier: list[tuple[str, list[object]]] = []  # the branches before that hold some quote
    for cond, params in branches:
        sql = f"SELECT count(DISTINCT quote_id) FROM quote_mentions x WHERE {cond.format(m='x.')}"
        args = list(params)
        for prior, prior_params in earlier:
            sql += f" AND NOT coalesce(({prior.format(m='x.')}), 0)"
            args += prior_params
        if earlier:
            held = " OR ".join(f"({prior.format(m='y.')})" for prior, _ in earlier)
            sql += f" AND NOT EXISTS (SELECT 1 FROM quote_mentions y WHERE y.quote_id = x.quote_id AND ({held}))"
            args += [p for _, ps in earlier for p in ps]
        found = int(conn.execute(sql, args).fetchone()[0])
        total += found
        if found:
            earlier.append((cond, params))
    return total


def quote_filter(conn: sqlite3.Connection, speaker: str | None = None, about: str | None = None) -> QuoteFilter:
    """:func:`dragoman.store.queries.find_quotes`'s filter: a speaker by code, country or part of a name (any case);
    what a quote is about by a code's start, a country, or a word's start of a name (any case)."""
    parts: list[_Part] = []
    count: tuple[str, list[object]] | None = None
    if speaker:
        parts.append(_speaker(speaker.upper(), _names(conn, _SPEAKER_NAMES, [f"%{_like(speaker)}%"])))
        if not about:
            count = ("SELECT coalesce(sum(n), 0) FROM quote_speakers WHERE speaker_code = ? OR speaker_country = ? OR speaker_name LIKE ? ESCAPE '\\'",
                     [speaker.upper(), speaker.upper(), f"%{_like(speaker)}%"])
    if about:
        code = about.upper()
        names, params = _names(conn, _ABOUT_NAMES, [f"{_like(about)}%", f"% {_like(about)}%"])
        parts.append(_about([("{m}country = ?", [code]), ("{m}code >= ? AND {m}code < ?", [code, code + "\U0010ffff"]),
                             (f"{{m}}name COLLATE NOCASE IN ({names})", params)]))
    if not parts:
        count = ("SELECT n FROM row_counts WHERE name = 'quotes'", [])
    return QuoteFilter(tuple(parts), count)


def actor_quote_filter(code: str, role: str) -> QuoteFilter:
    """The quotes an actor said (``by``: its code or its country as the speaker's) or that mention it (``about``)."""
    code = code.upper()
    if role == "by":
        return QuoteFilter((_speaker(code, None),), ("SELECT coalesce(sum(n), 0) FROM quote_speakers WHERE speaker_code = ? OR speaker_country = ?", [code, code]))
    return QuoteFilter((_about([("{m}country = ?", [code]), ("{m}code = ?", [code])]),))


WALK_MARGIN = 4
"""Walk the quotes in order only when the expected walk is this many times shorter than the matches (matches
cluster: the quotes of one speaker in one article sit together)."""


def id_condition(f: QuoteFilter) -> tuple[str, list[object]]:
    """`` WHERE ...`` (or ``""``) over ``quotes q`` and its parameters: the first part (a speaker's, the narrower as a
    rule) as a set of ids the indexes build, every other tested on those quotes alone."""
    if not f.parts:
        return "", []
    first, *rest = f.parts
    return (" WHERE " + " AND ".join([f"q.id IN ({first.ids})", *(p.row for p in rest)]),
            [*first.ids_params, *(x for p in rest for x in p.row_params)])


QUOTE_COLUMNS = ", ".join(f"q.{c.strip()}" for c in _QUOTE_COLUMNS.split(","))
"""The columns of a :class:`QuoteRow` but ``about``, over ``quotes q``."""


def count_quotes(conn: sqlite3.Connection, f: QuoteFilter) -> int:
    if f.count is not None:
        sql, params = f.count
    elif len(f.parts) == 1 and f.parts[0].branches:
        return _count_about(conn, f.parts[0].branches)
    elif len(f.parts) == 1:
        sql, params = f"SELECT count(*) FROM ({f.parts[0].ids})", f.parts[0].ids_params
    else:
        where, params = id_condition(f)
        sql = f"SELECT count(*) FROM quotes q{where}"
    return int(conn.execute(sql, params).fetchone()[0])


def list_quotes(conn: sqlite3.Connection, f: QuoteFilter, limit: int, offset: int) -> Page[QuoteRow]:
    """A page of the quotes ``f`` selects, in the order they were stored, with their exact total."""
    total = count_quotes(conn, f)
    if f.parts and walking_pays(conn, "quotes", total, offset, limit, WALK_MARGIN):
        # common: walk the quotes in order, testing each, until the page is full
        where = " WHERE " + " AND ".join(p.row for p in f.parts)
        params = [x for p in f.parts for x in p.row_params]
    else:
        where, params = id_condition(f)
    rows = conn.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes q{where} ORDER BY q.id LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
    return Page(_quote_rows(conn, rows), total, limit, offset)
