"""``dragoman explain-event ID``: which mentions make an event, and why they are one event (the rules of
:mod:`dragoman.store.merging`, applied to what the store holds), and which events near it were kept apart, and why."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Mapping

from dragoman.settings import StoreSettings
from dragoman.store.grouping import mentions_where, stored_window
from dragoman.store.merging import Mention, compatible_codes, merge_key_prefix, order_key, parent_codes, read_merge_key
from dragoman.store.queries import EventRow, event_mentions, get_event

NEAR_DAYS = 7
"""Events of the same source and target (any CAMEO code) whose dates come within this many days of an explained
event's are listed with the reason they are apart."""


@dataclass(frozen=True, slots=True)
class ExplainedMention:
    """One mention of the event: the coded report, its article's outlet and date, and how it fits the event."""

    mention: EventRow
    outlet: str | None          # None: the article has no known outlet (its input counts as its source)
    report_date: str | None
    first: bool                 # the event's first mention: the event's id is derived from it
    evidence: bool              # the most confident mention: the event shows its evidence
    fits: str


@dataclass(frozen=True, slots=True)
class ApartEvent:
    """An event of the same source and target near this one, and why its mentions are not this event's."""

    event: EventRow
    why: str


@dataclass(frozen=True, slots=True)
class EventExplanation:
    event: EventRow
    merge_source: str           # the source as the merge key sees it: code (else country), "/name" for a person
    merge_target: str | None    # the same for the target; None: events without a target
    merge_root: str
    window_days: int            # store.merge_window_days the store was grouped with
    reasons: tuple[str, ...]    # why the mentions are one event, rule by rule
    mentions: tuple[ExplainedMention, ...]
    apart: tuple[ApartEvent, ...]


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _code_fit(code: str, event_code: str) -> str:
    if code == event_code:
        return f"code {code} (the event's)"
    return f"code {code}, a parent of the event's {event_code}"


def _fits(m: Mention, event: EventRow, first: str | None) -> str:
    if m.date is None:
        when = "undated, as every mention of this event"
    elif first is None or m.date == first:
        when = f"dated {m.date}, the event's first date"
    else:
        when = f"dated {m.date}, {_days(first, m.date)} day(s) after the first, {first}"
    where = f"place {m.place_name or '?'} ({m.place_country or 'no country'})" if m.place_name or m.place_country else "no place"
    return f"{_code_fit(m.cameo, event.cameo)}; {when}; {where}"


def _reasons(event: EventRow, members: list[Mention], outlets: Mapping[str, str | None], window: int, key: tuple[str, str | None, str]) -> list[str]:
    source, target, root = key
    shown_target = repr(target) if target is not None else "(none)"
    out = [f"same source {source!r}, same target {shown_target}, same CAMEO root {root} (the merge key: code, else country; a person also by name)"]
    codes = Counter(m.cameo for m in members)
    parents = sorted(c for c in codes if c != event.cameo)
    out.append("codes " + ", ".join(f"{c} ×{n}" for c, n in sorted(codes.items())) + (
        f": {', '.join(parents)} {'is a parent' if len(parents) == 1 else 'are parents'} of {event.cameo}" if parents else ": one code"))
    dates = sorted({m.date for m in members if m.date})
    if not dates:
        out.append("no dates: the undated mentions of one merge key and compatible codes and places are one event")
    else:
        span = _days(dates[0], dates[-1])
        out.append(f"dates {dates[0]}" + (f" to {dates[-1]}: {span} day(s) after the first" if span else ": all the same day")
                   + f", within the window of {window} day(s) (store.merge_window_days)")
    places = Counter(m.place_country or "none" for m in members)
    out.append("places " + ", ".join(f"{p} ×{n}" for p, n in sorted(places.items())) + ": one country, or no place")
    named = sorted({o for o in outlets.values() if o})
    out.append(f"{event.mentions} mention(s) in {event.articles} article(s) from {event.sources} source(s)"
               + (f"; outlets: {', '.join(named)}" if named else "; no article names its outlet (each input counts as a source)"))
    return out


def _why_apart(event: EventRow, other: EventRow, window: int, first_date: str | None) -> str:
    if event.root != other.root:
        return f"CAMEO root {other.root}, this event's is {event.root}"
    if not compatible_codes(event.cameo, other.cameo):
        return f"code {other.cameo} is neither {event.cameo} nor a parent or child of it ({', '.join(sorted(parent_codes(event.cameo))) or 'none'} are its parents)"
    if event.place_country and other.place_country and event.place_country != other.place_country:
        return f"place country {other.place_country}, this event's is {event.place_country}"
    if (event.date is None) != (other.date is None):
        return "one is undated, the other dated: undated mentions never join dated ones"
    if first_date is not None and other.date is not None and abs(gap := _days(first_date, other.date)) > window:
        return f"its date {other.date} is {abs(gap)} day(s) {'after' if gap > 0 else 'before'} this event's first date {first_date}, more than the window of {window} day(s)"
    return f"its mentions' dates do not fit this event's window: an event spans at most {window + 1} day(s) from its first date"


def explain_event(conn: sqlite3.Connection, event_id: str, names: Mapping[str, str] | None = None) -> EventExplanation | None:
    """The event ``event_id`` explained; ``None`` when the store has no such event."""
    event = get_event(conn, event_id, names)
    if event is None:
        return None
    merge_key, first_date, last_date = conn.execute("SELECT merge_key, first_date, last_date FROM event_groups WHERE id = ?", (event_id,)).fetchone()
    window = stored_window(conn)
    window = StoreSettings().merge_window_days if window is None else window
    members = sorted(mentions_where(conn, "e.group_id = ?", (event_id,)), key=order_key)
    ids = sorted({m.article_id for m in members})
    articles = {aid: (outlet, date) for aid, outlet, date in conn.execute(
        f"SELECT id, outlet, date FROM articles WHERE id IN ({', '.join('?' * len(ids))})", ids)}
    rows = {r.id: r for r in event_mentions(conn, event_id, names)}
    explained = tuple(
        ExplainedMention(rows[m.row_id], articles[m.article_id][0], articles[m.article_id][1], i == 0, m.row_id == event.id, _fits(m, event, first_date))
        for i, m in enumerate(members)
    )
    key = read_merge_key(merge_key)
    reasons = _reasons(event, members, {aid: o for aid, (o, _) in articles.items()}, window, key)
    dyad = merge_key_prefix(key[0], key[1])  # the same source and target, any root: the index's range
    same = "merge_key >= ? AND merge_key < ? AND id <> ?"
    if first_date is None:
        near = conn.execute(f"SELECT id FROM event_groups WHERE {same} AND date IS NULL ORDER BY id", (dyad, dyad + "\uffff", event_id))
    else:
        lo = (dt.date.fromisoformat(first_date) - dt.timedelta(days=NEAR_DAYS)).isoformat()
        hi = (dt.date.fromisoformat(last_date) + dt.timedelta(days=NEAR_DAYS)).isoformat()
        near = conn.execute(f"SELECT id FROM event_groups WHERE {same} AND date BETWEEN ? AND ? ORDER BY date, id", (dyad, dyad + "\uffff", event_id, lo, hi))
    apart = tuple(ApartEvent(other, _why_apart(event, other, window, first_date)) for (oid,) in near.fetchall() if (other := get_event(conn, oid, names)) is not None)
    return EventExplanation(event, key[0], key[1], key[2], window, tuple(reasons), explained, apart)
