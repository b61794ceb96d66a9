"""Hand-built coded articles for the event-merging tests: each event spelled as an :class:`Act`."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from dragoman.records import Actor, ActorMention, Article, CodedArticle, Event, MentionSource, Place, Span

DAY = dt.date(2022, 7, 19)


@dataclass(frozen=True)
class Act:
    """One coded event: source and target codes (a person when a name is given), code, day (offset from DAY; None: undated), place country."""

    source: str = "TURGOV"
    target: str | None = "RUSGOV"
    code: str = "042"
    day: int | None = 0
    place: str | None = None
    confidence: float = 0.9
    source_person: str | None = None
    target_person: str | None = None


def _mention(doc: str, start: int, code: str, person: str | None) -> ActorMention:
    text = person or code
    actor = Actor(code, person or f"name of {code}", code[:3], "person" if person else "state")
    return ActorMention(Span(doc, start, start + len(text), text), actor, "test.rule", "test", MentionSource.PERSON)


def article(doc: str, acts: list[Act], outlet: str | None = "Outlet", day: int | None = 0, source: str | None = None) -> CodedArticle:
    """Article ``doc`` (dated DAY + ``day``), one sentence per act."""
    parts: list[str] = []
    events = []
    pos = 0
    for act in acts:
        src_text = act.source_person or act.source
        tgt_text = (act.target_person or act.target) if act.target else None
        sentence = f"{src_text} acted on {tgt_text or 'nobody'}. "
        src = _mention(doc, pos, act.source, act.source_person)
        tgt = _mention(doc, pos + len(src_text) + 10, act.target, act.target_person) if act.target else None
        evidence = Span(doc, pos, pos + len(sentence) - 2, sentence[:-2])
        place = Place(f"City of {act.place}", act.place, 0.0, 0.0) if act.place else None
        when = None if act.day is None else DAY + dt.timedelta(days=act.day)
        events.append(Event(src, tgt, act.code, act.code[:2], "", 1.0, 1, when, place, (evidence,), "test.pattern", act.confidence, "test"))
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts) or "Nothing happened."
    a = Article(doc, text, source or f"corpus/{doc}.txt", None, None if day is None else DAY + dt.timedelta(days=day),
                metadata={"outlet": outlet} if outlet else {}, outlet=outlet)  # as ingest reads a JSONL record's outlet field
    return CodedArticle(a, (), (), tuple(events), ())


def groups(conn: sqlite3.Connection) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]]]:
    """The store's events (without row ids) and which mention is in which event: equal for equal groupings."""
    events = set(conn.execute(
        "SELECT g.id, g.merge_key, g.cameo, g.date, g.first_date, g.last_date, g.place_country, g.mentions, g.articles, g.sources,"
        " g.first_report, g.last_report, b.article_id, b.evidence_start, g.evidence_text, g.confidence"
        " FROM event_groups g JOIN events b ON b.id = g.best_mention AND b.group_id = g.id"))
    assert len(events) == conn.execute("SELECT count(*) FROM event_groups").fetchone()[0]  # every best mention is a member
    members = set(conn.execute("SELECT group_id, article_id, evidence_start FROM events"))
    return events, members


def event_sizes(conn: sqlite3.Connection) -> list[tuple[int, int, int]]:
    """(mentions, articles, sources) of every event, sorted."""
    return sorted(conn.execute("SELECT mentions, articles, sources FROM event_groups"))
