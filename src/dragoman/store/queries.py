"""Read queries over the store: events by filter, articles with their spans, quotes, full-text search.

Every function takes an open connection (read-only is enough) and returns frozen records;
the CLI (``dragoman query ...``), the exports and the HTTP API all call these.
An actor given as ``X`` matches a side whose CAMEO-style code or whose country is ``X``
(``TUR`` matches ``TURGOV`` through its country, ``TURGOV`` matches only that code).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, fields
from typing import Any, Generic, Iterator, Literal, Mapping, TypeVar

from dragoman.store.aggregates import UNIT_ALIASES, UNIT_TABLES, row_count, walking_pays

T = TypeVar("T")
SearchKind = Literal["articles", "quotes"]
Unit = Literal["events", "mentions"]
"""What a query counts or lists: ``events`` (the mentions of one act merged: ``event_groups``) or ``mentions``
(every event coded from every article: ``events``). docs/store.md, "Events and mentions"."""
UNITS: tuple[Unit, ...] = ("events", "mentions")


@dataclass(frozen=True, slots=True)
class DyadCount:
    """A country dyad, its number of events and their mean Goldstein score."""

    source: str
    target: str
    events: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """Counts: ``mentions`` are actor mentions, ``events`` every coded event (each report of an act), ``merged_events``
    the events they make once the reports of one act are merged; the top dyads count coded events."""

    articles: int
    rejections: int
    mentions: int
    events: int
    quotes: int
    top_dyads: tuple[DyadCount, ...]
    merged_events: int


def summarize(conn: sqlite3.Connection, top: int = 10) -> StoreSummary:
    """Counts (kept by the summary tables, ``store/aggregates.py``), and the most frequent country dyads with their mean Goldstein."""
    from dragoman.store.tallies import mean, tally_source

    counts = {str(name): int(n) for name, n in conn.execute("SELECT name, n FROM row_counts")}
    source, params = tally_source(EventFilter())
    dyads = conn.execute(
        f"SELECT source_country, target_country, sum(n), sum(g) FROM {source}"
        " WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
        " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
        [*params, top],
    ).fetchall()
    rejections = int(conn.execute("SELECT count(*) FROM rejections").fetchone()[0])
    return StoreSummary(counts["articles"], rejections, counts["mentions"], counts["events"], counts["quotes"],
                        tuple(DyadCount(a, b, int(n), round(mean(g, n) or 0.0, 2)) for a, b, n, g in dyads), counts["event_groups"])


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results: ``items[0]`` is result number ``offset`` of ``total``."""

    items: tuple[T, ...]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to select; every field left ``None`` selects all."""

    actor: str | None = None          # code or country on either side
    source: str | None = None         # code or country of the source
    target: str | None = None         # code or country of the target
    country: str | None = None        # country of either side
    code: str | None = None           # CAMEO code, exact
    root: str | None = None           # CAMEO root (two digits)
    quad_class: int | None = None     # 1 verbal cooperation .. 4 material conflict
    start: dt.date | None = None      # first day, inclusive
    end: dt.date | None = None        # last day, inclusive
    place: str | None = None          # place name (any case) or place country
    article_id: str | None = None
    plover: str | None = None         # PLOVER event type, exact (CONSULT, ASSAULT ...)


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event, or one mention of it. A mention row is one event coded from one article (``id``, its evidence); an
    event row is what its mentions say, with the evidence of the most confident one (``id`` is that mention's).
    Both carry their event's id and counts: ``mentions`` (coded reports), ``articles``, ``sources`` (distinct
    outlets) and the dates of the first and last article reporting it."""

    id: int
    article_id: str
    date: str | None
    source_text: str
    source_name: str | None
    source_code: str | None
    source_country: str | None
    target_text: str | None
    target_name: str | None
    target_code: str | None
    target_country: str | None
    cameo: str
    cameo_name: str | None
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
    event_id: str | None = None     # None only for a mention written before its event (never in a committed store)
    mentions: int = 1
    articles: int = 1
    sources: int = 1
    first_report: str | None = None
    last_report: str | None = None


_SHARED = tuple(f.name for f in fields(EventRow))[: [f.name for f in fields(EventRow)].index("event_id")]
_COUNTS = ("g.id", "coalesce(g.mentions, 1)", "coalesce(g.articles, 1)", "coalesce(g.sources, 1)", "g.first_report", "g.last_report")
_SELECT: Mapping[Unit, str] = {
    "mentions": ", ".join([f"e.{n}" for n in _SHARED if n != "cameo_name"] + list(_COUNTS)),
    "events": ", ".join(["g.best_mention"] + [f"g.{n}" for n in _SHARED[1:] if n != "cameo_name"] + list(_COUNTS)),
}
FROM: Mapping[Unit, str] = {"mentions": "events e LEFT JOIN event_groups g ON g.id = e.group_id", "events": "event_groups g"}
"""The rows of each unit, ``e`` a mention and ``g`` its event (:func:`where_clause` names columns of ``e`` or ``g``;
the tables and aliases: ``aggregates.UNIT_TABLES``, ``UNIT_ALIASES``)."""


def check_unit(unit: str) -> Unit:
    if unit not in UNITS:
        raise ValueError(f"unit must be 'events' or 'mentions', not {unit!r}")
    return "events" if unit == "events" else "mentions"


Ways = Mapping[str, tuple[str, ...]]
"""How a side can match an actor ``X`` (upper case): by ``code``, ``country`` or both (the default); see
:func:`dragoman.store.tallies.actor_ways`."""


def where_clause(f: EventFilter, unit: Unit = "mentions", alias: str | None = None, ways: Ways | None = None) -> tuple[str, list[object]]:
    """``WHERE ...`` (or ``""``) and its parameters for an :class:`EventFilter` over the rows of ``unit``
    (``events e`` for mentions, ``event_groups g`` for events: see :data:`FROM`), or over the rows named ``alias``
    that have their columns (``event_tallies``; no ``article_id`` there). ``ways`` leaves out the ways no stored
    row matches an actor (the same rows, a condition the indexes serve better)."""
    t = f"{alias or UNIT_ALIASES[unit]}."

    def side(prefix: str, actor: str) -> tuple[str, list[object]]:
        columns = (ways or {}).get(actor, ("code", "country"))
        return "(" + " OR ".join(f"{t}{prefix}_{c} = ?" for c in columns) + ")", [actor] * len(columns)

    parts: list[str] = []
    params: list[object] = []
    if f.actor:
        (s, sp), (g, gp) = side("source", f.actor.upper()), side("target", f.actor.upper())
        parts.append(f"({s} OR {g})")
        params += [*sp, *gp]
    for prefix, actor in (("source", f.source), ("target", f.target)):
        if actor:
            cond, more = side(prefix, actor.upper())
            parts.append(cond)
            params += more
    if f.country:
        parts.append(f"({t}source_country = ? OR {t}target_country = ?)")
        params += [f.country.upper()] * 2
    if f.code:
        parts.append(f"{t}cameo = ?")
        params.append(f.code)
    if f.root:
        parts.append(f"{t}root = ? AND {t}cameo >= ? AND {t}cameo < ?")  # a code starts with its root: the range lets events_cameo serve it
        params += [f.root, f.root, f.root + "\U0010ffff"]
    if f.quad_class is not None:
        parts.append(f"{t}quad_class = ?")
        params.append(f.quad_class)
    if f.start:
        parts.append(f"{t}date >= ?")
        params.append(f.start.isoformat())
    if f.end:
        parts.append(f"{t}date <= ?")
        params.append(f.end.isoformat())
    if f.place:
        parts.append(f"({t}place_name = ? COLLATE NOCASE OR {t}place_country = ?)")
        params += [f.place, f.place.upper()]
    if f.article_id:
        parts.append("g.id IN (SELECT group_id FROM events WHERE article_id = ?)" if unit == "events" else "e.article_id = ?")
        params.append(f.article_id)
    if f.plover:
        parts.append(f"{t}plover = ?")
        params.append(f.plover.upper())
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def cameo_name(names: Mapping[str, str], code: str) -> str | None:
    """The name of ``code``, or of its nearest parent code (``1212`` → ``121``)."""
    probe = code
    while probe:
        if probe in names:
            return names[probe]
        probe = probe[:-1]
    return None


_CAMEO_AT = [f.name for f in fields(EventRow)].index("cameo_name")


def _event_row(row: tuple[object, ...], names: Mapping[str, str]) -> EventRow:
    values = list(row)
    values.insert(_CAMEO_AT, cameo_name(names, str(values[_CAMEO_AT - 1])))
    return EventRow(*values)  # type: ignore[arg-type]  # columns are listed in field order


EventSort = Literal["date", "-date", "goldstein", "-goldstein", "cameo", "-cameo", "quad_class", "-quad_class", "confidence", "-confidence",
                   "source", "-source", "target", "-target"]
"""An events list's order: a column, ``-`` first for descending; ties by date and then id in the same direction
(``-date``: newest first, ties by id). Each order has an index that serves both directions (schema.sql, ``*_sort_*``)."""
_SORT_COLUMNS = {"date": "{a}.date", "goldstein": "{a}.goldstein", "cameo": "{a}.cameo", "quad_class": "{a}.quad_class", "confidence": "{a}.confidence",
                 "source": "coalesce({a}.source_code, {a}.source_country)", "target": "coalesce({a}.target_code, {a}.target_country)"}
_SORT_INDEXES = {"date": "date", "goldstein": "sort_goldstein", "cameo": "cameo", "quad_class": "sort_quad", "confidence": "sort_confidence",
                 "source": "sort_source", "target": "sort_target"}
"""The index (``TABLE_NAME``) whose order each sort is."""


def _order(sort: str, alias: str) -> str:
    column = _SORT_COLUMNS.get(sort.removeprefix("-"))
    if column is None:
        raise ValueError(f"sort must be one of {', '.join(sorted(_SORT_COLUMNS))}, each optionally with '-' first, not {sort!r}")
    column = column.format(a=alias)
    if column == f"{alias}.date":
        return f"{alias}.date DESC, {alias}.id" if sort.startswith("-") else f"{alias}.date, {alias}.id"
    way = "DESC" if sort.startswith("-") else "ASC"
    return f"{column} {way}, {alias}.date {way}, {alias}.id {way}"


def find_events(
    conn: sqlite3.Connection, f: EventFilter, limit: int = 100, offset: int = 0, names: Mapping[str, str] | None = None,
    unit: Unit = "mentions", sort: str = "-date",
) -> Page[EventRow]:
    """Events (``unit="events"``) or their mentions matching ``f``, newest first unless ``sort`` names another order (:data:`EventSort`)."""
    from dragoman.store.tallies import actor_ways, tally_source

    unit = check_unit(unit)
    alias = UNIT_ALIASES[unit]
    order = _order(sort, alias)  # a bad order is refused first
    ways = {x.upper(): actor_ways(conn, x.upper(), unit) for x in (f.actor, f.source, f.target) if x}
    where, params = where_clause(f, unit, ways=ways)
    source, count_params = tally_source(f, unit)
    total = int(conn.execute(f"SELECT coalesce(sum(n), 0) FROM {source}", count_params).fetchone()[0])
    table = UNIT_TABLES[unit]
    rows_from = FROM[unit]
    if (where or sort.removeprefix("-") != "date") and walking_pays(conn, table, total, offset, limit):
        index = f"{table}_{_SORT_INDEXES[sort.removeprefix('-')]}"  # the sort's own index, walked until the page is full
        rows_from = rows_from.replace(f"{table} {alias}", f"{table} {alias} INDEXED BY {index}", 1)
    rows = conn.execute(
        f"SELECT {_SELECT[unit]} FROM {rows_from}{where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return Page(tuple(_event_row(r, names or {}) for r in rows), total, limit, offset)


def iter_events(conn: sqlite3.Connection, f: EventFilter, names: Mapping[str, str] | None = None, chunk: int = 5000,
                unit: Unit = "mentions") -> Iterator[EventRow]:
    """All events (``unit="events"``, by date then id) or mentions (by id) matching ``f``, read ``chunk`` rows at a time (for exports)."""
    unit = check_unit(unit)
    where, params = where_clause(f, unit)
    order = "g.date, g.id" if unit == "events" else "e.id"
    cur = conn.execute(f"SELECT {_SELECT[unit]} FROM {FROM[unit]}{where} ORDER BY {order}", params)
    while batch := cur.fetchmany(chunk):
        yield from (_event_row(r, names or {}) for r in batch)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)")
HEADLINE_CHARS = 160


def headline(title: str | None, text: str) -> str:
    """What to call an article: its title, else its first sentence (cut at :data:`HEADLINE_CHARS` with …)."""
    if title and title.strip():
        return " ".join(title.split())
    first = " ".join(text[: HEADLINE_CHARS * 4].split())
    end = _SENTENCE_END.search(first)
    if end is not None:
        first = first[: end.end()]
    return first if len(first) <= HEADLINE_CHARS else first[: HEADLINE_CHARS - 1].rstrip() + "…"
def get_event(conn: sqlite3.Connection, event_id: str, names: Mapping[str, str] | None = None) -> EventRow | None:
    """The event ``event_id`` (an events-view row), or ``None`` when the store has none."""
    row = conn.execute(f"SELECT {_SELECT['events']} FROM event_groups g WHERE g.id = ?", (event_id,)).fetchone()
    return None if row is None else _event_row(row, names or {})


def event_mentions(conn: sqlite3.Connection, event_id: str, names: Mapping[str, str] | None = None) -> tuple[EventRow, ...]:
    """The mentions of the event ``event_id``, by date, article and offset."""
    rows = conn.execute(f"SELECT {_SELECT['mentions']} FROM {FROM['mentions']} WHERE e.group_id = ? ORDER BY e.date, e.article_id, e.evidence_start, e.id",
                        (event_id,)).fetchall()
    return tuple(_event_row(r, names or {}) for r in rows)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str | None
    date: str | None
    source: str
    events: int
    quotes: int
    mentions: int
    headline: str = ""    # the title, else the first sentence (:func:`headline`)


@dataclass(frozen=True, slots=True)
class RemovedRow:
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class MentionRow:
    id: int
    start: int
    end: int
    text: str
    name: str | None
    code: str | None
    country: str | None
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class QuoteMentionRow:
    """An actor a quote is about: its entity chain in the article (``None`` for a place), identity and span."""

    entity: int | None
    code: str | None
    name: str | None
    country: str | None
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class QuoteRow:
    id: int
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    speaker_text: str | None
    speaker_name: str | None
    speaker_code: str | None
    speaker_country: str | None
    cue_start: int | None
    cue_end: int | None
    cue_text: str | None
    mode: str | None = None  # speech, writing or thought (None: stored before schema 5, speech)
    about: tuple[QuoteMentionRow, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article's verbatim text with everything found in it (offsets index ``text``)."""

    id: str
    title: str | None
    date: str | None
    source: str
    url: str | None
    text: str
    coded_at: str
    removed: tuple[RemovedRow, ...]
    mentions: tuple[MentionRow, ...]
    events: tuple[EventRow, ...]
    quotes: tuple[QuoteRow, ...]
    headline: str = ""    # the title, else the first sentence (:func:`headline`)


_QUOTE_COLUMNS = ", ".join(f'"{f.name}"' for f in fields(QuoteRow) if f.name != "about")
_ABOUT_COLUMNS = ", ".join(f'"{f.name}"' for f in fields(QuoteMentionRow))


def _quote_rows(conn: sqlite3.Connection, rows: list[Any]) -> tuple[QuoteRow, ...]:
    """Quote rows (columns of ``_QUOTE_COLUMNS``) with the actors each is about."""
    about: dict[int, list[QuoteMentionRow]] = {}
    ids: list[int] = [r[0] for r in rows]
    for start in range(0, len(ids), 500):  # under SQLite's limit on parameters
        chunk = ids[start : start + 500]
        cursor = conn.execute(
            f"SELECT quote_id, {_ABOUT_COLUMNS} FROM quote_mentions WHERE quote_id IN ({', '.join('?' * len(chunk))}) ORDER BY quote_id, id", chunk)
        for quote_id, *values in cursor:
            about.setdefault(quote_id, []).append(QuoteMentionRow(*values))
    return tuple(QuoteRow(*r, about=tuple(about.get(i, ()))) for r, i in zip(rows, ids))  # type: ignore[misc]  # r: the columns but about


def article_summary(r: Any) -> ArticleSummary:
    """An :class:`ArticleSummary` from a row of id, title, date, source, three counts and the text's start (``_HEAD_SQL``)."""
    return ArticleSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], headline(r[1], r[7] or ""))


def list_articles(conn: sqlite3.Connection, limit: int = 100, offset: int = 0) -> Page[ArticleSummary]:
    """Articles, newest first (undated last), with their counts."""
    total = row_count(conn, "articles")
    rows = conn.execute(
        "SELECT a.id, a.title, a.date, a.source,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id),"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),"
        " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id),"
        f" {_HEAD_SQL}"
        " FROM articles a ORDER BY a.date DESC, a.id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return Page(tuple(article_summary(r) for r in rows), total, limit, offset)


_HEAD_SQL = f"CASE WHEN trim(coalesce(a.title, '')) = '' THEN substr(a.text, 1, {HEADLINE_CHARS * 4}) END"
"""The start of an article's text when it has no title, for :func:`headline` (``a`` is ``articles``)."""


def get_article(conn: sqlite3.Connection, article_id: str, names: Mapping[str, str] | None = None) -> ArticleView | None:
    """One article and its spans, or ``None`` when the store has no such id."""
    row = conn.execute("SELECT id, title, date, source, url, text, coded_at FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    removed = tuple(RemovedRow(*r) for r in conn.execute('SELECT start, "end", text, reason FROM removed WHERE article_id = ? ORDER BY start', (article_id,)))
    mentions = tuple(MentionRow(*r) for r in conn.execute(
        'SELECT id, start, "end", text, name, code, country, kind, rule FROM mentions WHERE article_id = ? ORDER BY start, id', (article_id,)))
    events = find_events(conn, EventFilter(article_id=article_id), limit=100_000, names=names).items
    quotes = _quote_rows(conn, conn.execute(f"SELECT {_QUOTE_COLUMNS} FROM quotes WHERE article_id = ? ORDER BY start, id", (article_id,)).fetchall())
    aid, title, date, source, url, text, coded_at = row
    return ArticleView(aid, title, date, source, url, text, coded_at, removed, mentions, tuple(sorted(events, key=lambda e: (e.evidence_start, e.id))), quotes,
                       headline(title, text))


def _like(text: str) -> str:
    """``text`` as a literal inside a LIKE pattern (with ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_quotes(conn: sqlite3.Connection, speaker: str | None = None, limit: int = 100, offset: int = 0, about: str | None = None) -> Page[QuoteRow]:
    """Quotes, by speaker when one is given (a code, a country, or part of a name in any case), and by what they
    are about: a quote mentions an actor whose code starts with ``about`` (``RUS`` matches ``RUSGOV``), whose
    country is ``about``, or whose name has a word starting with it in any case (``putin``, ``Erdo``); in the
    order they were stored (``store/quote_lists.py``)."""
    from dragoman.store.quote_lists import list_quotes, quote_filter

    return list_quotes(conn, quote_filter(conn, speaker, about), limit, offset)


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: SearchKind
    article_id: str
    quote_id: int | None
    title: str | None
    date: str | None
    speaker_name: str | None
    snippet: str          # plain text; the matched words are wrapped in « and »
    headline: str = ""    # the article's title, else its first sentence (:func:`headline`)


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word a quoted term, all required.

    Quoting makes FTS5 operators (``AND``, ``NEAR``, ``*``, ``"``, ``:``) plain words, so no
    input can cause a syntax error.
    """
    visible = "".join(" " if unicodedata.category(ch) in {"Cc", "Cs"} else ch for ch in text)  # FTS5 stops a string at NUL
    return " ".join('"' + w.replace('"', '""') + '"' for w in visible.split())


RANK_WINDOW = 2000
"""Search ranks at most the newest this many matches (or as many as the page needs): ranking costs every match."""


def search(conn: sqlite3.Connection, text: str, kind: SearchKind = "articles", limit: int = 20, offset: int = 0) -> Page[SearchHit]:
    """Full-text search over article titles and texts, or over quotes, best match first among the newest
    :data:`RANK_WINDOW` matches (the most recently stored; all of them when there are fewer)."""
    query = fts_query(text)
    if not query:
        return Page((), 0, limit, offset)
    fts = "articles_fts" if kind == "articles" else "quotes_fts"
    total = int(conn.execute(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH ?", (query,)).fetchone()[0])
    window = max(RANK_WINDOW, offset + limit)
    floor = 0
    if total > window:
        floor = int(conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?", (query, window - 1)).fetchone()[0])
    if kind == "articles":
        rows = conn.execute(
            "SELECT a.id, NULL, a.title, a.date, NULL, snippet(articles_fts, 1, '«', '»', '…', 16), " + _HEAD_SQL +
            " FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
            " WHERE articles_fts MATCH ? AND articles_fts.rowid >= ? ORDER BY rank LIMIT ? OFFSET ?",
            (query, floor, limit, offset),
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT q.article_id, q.id, a.title, a.date, q.speaker_name, snippet(quotes_fts, 0, '«', '»', '…', 24), " + _HEAD_SQL +
            " FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id"
            " WHERE quotes_fts MATCH ? AND quotes_fts.rowid >= ? ORDER BY rank LIMIT ? OFFSET ?",
            (query, floor, limit, offset),
        ).fetchall()
    return Page(tuple(SearchHit(kind, r[0], r[1], r[2], r[3], r[4], r[5], headline(r[2], r[6] or "")) for r in rows), total, limit, offset)
