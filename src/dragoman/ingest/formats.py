"""Parsers for the input formats: plain text, HTML, JSON and JSONL."""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import re
from typing import Iterator, Mapping

from dragoman.ingest.outlets import outlet_of
from dragoman.records import Article, JsonScalar, Rejection

_KNOWN_FIELDS = frozenset({"id", "text", "title", "date", "url"})
_ISO_SHAPE = re.compile(r"\d{4}-?\d{2}-?\d{2}(?:[T ]|$)")
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2}))?")


def content_id(text: str, date: dt.date | None = None) -> str:
    """The default article id: a short hash of the text (and of the date, when there is one, so
    that one text printed on two days is two articles with two ids)."""
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    if date is not None:
        h.update(b"\0" + date.isoformat().encode("ascii"))
    return h.hexdigest()[:16]


class DateError(ValueError):
    """A date field that holds no date: an impossible one ("2016-13-45"), a number, or words."""


def parse_date(value: object) -> dt.date | None:
    """Read an article date: ``None`` when there is none (absent, null, empty).

    ISO 8601 dates and datetimes ("2016-04-11", "20160411", "2016-04-11T09:30:00Z"), the dates
    of e-mail and RSS headers ("Mon, 11 Apr 2016 09:30:00 GMT") and, through dateparser, dates
    written out with day, month and year ("April 11, 2016"). A year or a month alone ("2015",
    "2015-12") names no day: ``None``, and :func:`record_article` keeps the value in the
    metadata. Anything else raises :class:`DateError`: an impossible date is never silently an
    undated article.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise DateError(f"the date is a {type(value).__name__} ({str(value)[:40]}), not a date string; give an ISO date (YYYY-MM-DD)")
    raw = value.strip()
    partial = _PARTIAL.fullmatch(raw)
    if partial:
        if partial["month"] and not 1 <= int(partial["month"]) <= 12:
            raise DateError(f"{raw!r} is not a possible month")
        return None
    if _ISO_SHAPE.match(raw):
        try:
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        try:
            return dt.date.fromisoformat(raw[:10])
        except ValueError as e:
            raise DateError(f"{raw[:40]!r} is not a possible date ({e})") from None
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _written_date(raw)


def _written_date(raw: str) -> dt.date:
    """A date written with a month's name and a year ("April 11, 2016", "11 avril 2016"); an
    all-digit date other than ISO ("04/11/2016") is ambiguous between day and month: refused."""
    if not (_MONTH_WORD.search(raw) and _YEAR.search(raw)):
        raise DateError(f"{raw[:40]!r} is not a date dragoman can read; give an ISO date (YYYY-MM-DD)")
    import dateparser

    found = dateparser.parse(raw[:100], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
                                             "PARSERS": ["custom-formats", "absolute-time"]})
    if found is None:
        raise DateError(f"{raw[:40]!r} is not a date dragoman can read; give an ISO date (YYYY-MM-DD)")
    day: dt.date = found.date()
    return day


def text_article(text: str, source: str, date: dt.date | None = None) -> Article:
    return Article(id=content_id(text, date), text=text, source=source, date=date)


def html_article(html: str, source: str) -> Article | Rejection:
    """Extract the main text, title and date of an HTML page with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return Rejection(content_id(html), source, "ingest", "no article text", f"{source}: trafilatura found no main text in the HTML")
    title = getattr(doc, "title", None)
    try:
        date = parse_date(getattr(doc, "date", None))
    except DateError as e:
        return Rejection(content_id(text), source, "ingest", "invalid date", f"{source}: {e}")
    url = getattr(doc, "url", None) or None
    sitename = getattr(doc, "sitename", None)
    metadata: dict[str, JsonScalar] = {"sitename": sitename} if isinstance(sitename, str) and sitename.strip() else {}
    return Article(
        id=content_id(text, date),
        text=text,
        source=source,
        title=title or None,
        date=date,
        url=url,
        metadata=metadata,
        outlet=outlet_of(url, metadata),
    )


def _scalar(value: object) -> JsonScalar:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def record_article(record: Mapping[str, object], source: str) -> Article | Rejection:
    """Turn one JSON object into an Article (``text`` required)."""
    given_id = record.get("id")
    text = record.get("text")
    if isinstance(given_id, (dict, list)):
        return Rejection(source, source, "ingest", "invalid id", f"{source}: 'id' is a {type(given_id).__name__}; give a string or a number")
    doc_id = str(given_id) if given_id not in (None, "") else None
    if not isinstance(text, str):
        found = "no 'text' field" if text is None else f"'text' is {type(text).__name__}, not a string"
        return Rejection(doc_id or source, source, "ingest", "missing text", f"{source}: {found}; each record needs a string 'text'")
    try:
        date = parse_date(record.get("date"))
    except DateError as e:
        return Rejection(doc_id or content_id(text), source, "ingest", "invalid date", f"{source}: {e}")
    title = record.get("title")
    url = record.get("url")
    metadata = {k: _scalar(v) for k, v in record.items() if k not in _KNOWN_FIELDS}
    given = record.get("date")
    if date is None and isinstance(given, str) and given.strip():  # a year or a month alone, kept
        metadata["date"] = given.strip()
    kept_url = url if isinstance(url, str) and url else None
    return Article(
        id=doc_id or content_id(text, date),
        text=text,
        source=source,
        title=title if isinstance(title, str) and title else None,
        date=date,
        url=kept_url,
        metadata=metadata,
        outlet=outlet_of(kept_url, metadata),
    )


def _too_deep(source: str, reason: str) -> Rejection:
    return Rejection(source, source, "ingest", reason, f"{source}: JSON nested too deeply to read (Python's recursion limit); flatten the record")


def lines_of(text: str) -> Iterator[tuple[int, str]]:
    """The numbered lines of a JSONL text: split at line feeds only (RFC 8259 lets a JSON string
    hold U+2028, U+0085 or a form feed raw; :meth:`str.splitlines` would split there)."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.removesuffix("\r")


def jsonl_articles(text: str, source: str) -> Iterator[Article | Rejection]:
    """One article per non-blank line; a broken line is a rejection naming its number."""
    for number, line in lines_of(text):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Rejection(where, where, "ingest", "invalid JSON line", f"{source} line {number}: {e.msg} at column {e.colno}")
            continue
        except RecursionError:
            yield _too_deep(where, "invalid JSON line")
            continue
        if not isinstance(record, dict):
            yield Rejection(where, where, "ingest", "invalid JSON line", f"{source} line {number}: expected an object, found {type(record).__name__}")
            continue
        yield _record(record, where)


def _record(record: Mapping[str, object], source: str) -> Article | Rejection:
    try:
        return record_article(record, source)
    except RecursionError:  # a metadata field nested deeper than json.dumps can write
        return _too_deep(source, "invalid JSON")


def json_articles(text: str, source: str) -> Iterator[Article | Rejection]:
    """A JSON file holding one object with ``text``, or a list of such objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        yield Rejection(source, source, "ingest", "invalid JSON", f"{source}: {e.msg} at line {e.lineno} column {e.colno}")
        return
    except RecursionError:
        yield _too_deep(source, "invalid JSON")
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        where = source if len(items) == 1 else f"{source}[{index}]"
        if not isinstance(item, dict):
            yield Rejection(where, where, "ingest", "invalid JSON", f"{where}: expected an object with 'text', found {type(item).__name__}")
            continue
        yield _record(item, where)
