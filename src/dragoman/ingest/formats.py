"""Parsers for the input formats: plain text, HTML, JSON and JSONL."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Iterator, Mapping

from dragoman.records import Article, JsonScalar, Rejection

_KNOWN_FIELDS = frozenset({"id", "text", "title", "date", "url"})


def content_id(text: str) -> str:
    """The default article id: a short hash of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> dt.date | None:
    """Read an article date: ISO dates and datetimes; anything else is ``None``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    raw = value.strip()
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def text_article(text: str, source: str, date: dt.date | None = None) -> Article:
    return Article(id=content_id(text), text=text, source=source, date=date)


def html_article(html: str, source: str) -> Article | Rejection:
    """Extract the main text, title and date of an HTML page with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return Rejection(content_id(html), source, "ingest", "no article text", f"{source}: trafilatura found no main text in the HTML")
    title = getattr(doc, "title", None)
    return Article(
        id=content_id(text),
        text=text,
        source=source,
        title=title or None,
        date=parse_date(getattr(doc, "date", None)),
        url=getattr(doc, "url", None) or None,
    )


def _scalar(value: object) -> JsonScalar:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_article(record: Mapping[str, object], source: str) -> Article | Rejection:
    """Turn one JSON object into an Article (``text`` required)."""
    given_id = record.get("id")
    text = record.get("text")
    doc_id = str(given_id) if given_id not in (None, "") else None
    if not isinstance(text, str):
        found = "no 'text' field" if text is None else f"'text' is {type(text).__name__}, not a string"
        return Rejection(doc_id or source, source, "ingest", "missing text", f"{source}: {found}; each record needs a string 'text'")
    title = record.get("title")
    url = record.get("url")
    metadata = {k: _scalar(v) for k, v in record.items() if k not in _KNOWN_FIELDS}
    return Article(
        id=doc_id or content_id(text),
        text=text,
        source=source,
        title=title if isinstance(title, str) and title else None,
        date=parse_date(record.get("date")),
        url=url if isinstance(url, str) and url else None,
        metadata=metadata,
    )


def jsonl_articles(text: str, source: str) -> Iterator[Article | Rejection]:
    """One article per non-blank line; a broken line is a rejection naming its number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejection(where, where, "ingest", "invalid JSON line", f"{source} line {number}: {e.msg} at column {e.colno}")
            continue
        if not isinstance(record, dict):
            yield Rejection(where, where, "ingest", "invalid JSON line", f"{source} line {number}: expected an object, found {type(record).__name__}")
            continue
        yield record_article(record, where)


def json_articles(text: str, source: str) -> Iterator[Article | Rejection]:
    """A JSON file holding one object with ``text``, or a list of such objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Rejection(source, source, "ingest", "invalid JSON", f"{source}: {e.msg} at line {e.lineno} column {e.colno}")
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        where = source if len(items) == 1 else f"{source}[{index}]"
        if not isinstance(item, dict):
            yield Rejection(where, where, "ingest", "invalid JSON", f"{where}: expected an object with 'text', found {type(item).__name__}")
            continue
        yield record_article(item, where)
