"""Walk paths (files, folders, stdin) and yield articles or rejections."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from dragoman.errors import InputError
from dragoman.ingest.decoding import DecodeFailure, decode_bytes, looks_binary
from dragoman.ingest.formats import content_id, html_article, json_articles, jsonl_articles, text_article
from dragoman.ingest.dedupe import DuplicateFinder
from dragoman.records import Article, Input, Rejection
from dragoman.settings import IngestSettings

_HTML = {".html", ".htm", ".xhtml"}
_JSONL = {".jsonl", ".ndjson"}
_JSON = {".json"}


def _sniff_kind(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return "html"
    if head.startswith("{"):
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        return "jsonl" if first.rstrip().endswith("}") else "json"
    if head.startswith("["):
        return "json"
    return "text"


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in _HTML:
        return "html"
    if suffix in _JSONL:
        return "jsonl"
    if suffix in _JSON:
        return "json"
    return None


def _parse(data: bytes, name: str, kind: str | None) -> Iterator[Article | Rejection]:
    decoded = decode_bytes(data, name)
    if isinstance(decoded, DecodeFailure):
        yield Rejection(content_id(name), name, "ingest", decoded.reason, decoded.detail)
        return
    if looks_binary(decoded):
        yield Rejection(content_id(name), name, "ingest", "binary file", f"{name}: mostly control characters; not a text file")
        return
    kind = kind or _sniff_kind(decoded)
    if kind == "html":
        yield html_article(decoded, name)
    elif kind == "jsonl":
        yield from jsonl_articles(decoded, name)
    elif kind == "json":
        yield from json_articles(decoded, name)
    else:
        yield text_article(decoded, name)


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _read_path(path: Path, settings: IngestSettings) -> Iterator[Article | Rejection]:
    name = str(path)
    kind = _kind_of(path)
    limit = settings.max_bytes
    size = path.stat().st_size
    # JSONL files hold many articles; each is checked on its own below.
    if kind != "jsonl" and size > 4 * limit:
        yield Rejection(content_id(name), name, "ingest", "too large", f"{name}: {size} bytes, over the limit of {limit} (ingest.max_bytes)")
        return
    yield from _parse(path.read_bytes(), name, kind)


def check_article(item: Article | Rejection, settings: IngestSettings) -> Article | Rejection:
    """Reject an article whose text is empty or over ``ingest.max_bytes``; pass everything else."""
    if isinstance(item, Rejection):
        return item
    if not item.text.strip():
        return Rejection(item.id, item.source, "ingest", "empty text", f"{item.source}: the text is empty or whitespace only")
    size = len(item.text.encode("utf-8"))
    if size > settings.max_bytes:
        return Rejection(item.id, item.source, "ingest", "too large", f"{item.source}: {size} bytes of text, over the limit of {settings.max_bytes} (ingest.max_bytes)")
    return item


def read_inputs(paths: Iterable[str], settings: IngestSettings, stdin: BinaryIO | None = None) -> Iterator[Article | Rejection]:
    """Yield one Article or Rejection per input article, in a stable order.

    ``paths`` are files, folders (read recursively, sorted) or ``-`` for stdin. Every input is
    yielded, repeats too: :func:`read_articles` marks duplicates.
    A path that does not exist raises :class:`InputError` before anything is read.
    """
    resolved: list[str | Path] = []
    for raw in paths:
        if raw == "-":
            resolved.append("-")
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"input {raw!r} does not exist; give files, folders or '-' for stdin")
        resolved.append(path)
    for entry in resolved:
        if entry == "-":
            if stdin is None:
                raise InputError("'-' given but no standard input is available")
            items: Iterator[Article | Rejection] = _parse(stdin.read(), "-", None)
        else:
            assert isinstance(entry, Path)
            files = _files_under(entry) if entry.is_dir() else [entry]
            items = (item for f in files for item in _read_path(f, settings))
        for item in items:
            yield check_article(item, settings)


def read_articles(
    paths: Iterable[str], settings: IngestSettings, stdin: BinaryIO | None = None,
    default_date: dt.date | None = None, skip: Callable[[Article], bool] | None = None,
) -> Iterator[Input]:
    """:func:`read_inputs` as ``dragoman code`` reads them: ``default_date`` fills in undated
    articles, a repeat of an earlier (text, date) becomes a Duplicate (``ingest.dedupe``), and
    articles ``skip`` accepts (e.g. already stored ones) are left out. Duplicates are found
    before skipping, so a resumed run reports the same duplicates as a whole one."""
    finder = DuplicateFinder(settings.dedupe)
    for item in read_inputs(paths, settings, stdin):
        if isinstance(item, Article) and default_date is not None and item.date is None:
            item = replace(item, date=default_date)
        checked = finder.check(item)
        if isinstance(checked, Article) and skip is not None and skip(checked):
            continue
        yield checked
