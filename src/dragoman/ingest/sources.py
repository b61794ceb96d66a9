"""Walk paths (files, folders, stdin) and yield articles or rejections."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from dragoman.errors import InputError
from dragoman.ingest.decoding import DecodeFailure, decode_bytes, looks_binary
from dragoman.ingest.formats import content_id, html_article, json_articles, jsonl_articles, text_article
from dragoman.ingest.dedupe import DuplicateFinder
from dragoman.ingest.invisible import has_visible_text
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
        first = text.lstrip().split("\n", 1)[0] if text.strip() else ""
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


def parse_bytes(data: bytes, name: str, kind: str | None = None) -> Iterator[Article | Rejection]:
    """The articles in ``data`` read as ``kind`` ("html", "jsonl", "json", "text"; ``None``: sniffed),
    or Rejections saying why not. Never raises on any bytes (tests/core/test_fuzz.py)."""
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


def display_name(path: Path | str) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not UTF-8
    (kept by the file system as surrogates) are written as ``\\xNN``."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _rejected(name: str, reason: str, detail: str) -> Rejection:
    return Rejection(content_id(name), name, "ingest", reason, f"{name}: {detail}")


def _os_reason(e: OSError) -> str:
    return e.strerror or type(e).__name__


def _entries(folder: Path, excluded: frozenset[Path], seen: set[tuple[int, int]]) -> Iterator[Path | Rejection]:
    """The files under ``folder`` in sorted order, hidden names left out; a folder that cannot be
    listed, a broken or looping link, and anything that is not a regular file is a Rejection."""
    try:
        children = sorted(folder.iterdir())
    except OSError as e:
        yield _rejected(display_name(folder), "unreadable folder", f"cannot list the folder ({_os_reason(e)})")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        yield from _entry(child, excluded, seen)


def _entry(path: Path, excluded: frozenset[Path], seen: set[tuple[int, int]]) -> Iterator[Path | Rejection]:
    name = display_name(path)
    try:
        info = path.stat()  # follows links
    except OSError as e:
        what = "link loop" if e.errno == errno.ELOOP else "broken link" if path.is_symlink() else "unreadable file"
        yield _rejected(name, what, f"cannot reach the file ({_os_reason(e)})")
        return
    if stat.S_ISDIR(info.st_mode):
        key = (info.st_dev, info.st_ino)
        if key in seen:
            yield _rejected(name, "link loop", "this folder was already read (a link leads back into it); read once")
            return
        seen.add(key)
        yield from _entries(path, excluded, seen)
    elif not stat.S_ISREG(info.st_mode):
        yield _rejected(name, "not a regular file", "a pipe, socket or device is not read (it may never end); save the text to a file")
    elif path.resolve() in excluded:
        yield _rejected(name, "output store", "this is the store this run writes (--db); it is not read as an input")
    else:
        yield path


def _read_path(path: Path, settings: IngestSettings) -> Iterator[Article | Rejection]:
    name = display_name(path)
    kind = _kind_of(path)
    limit = settings.max_bytes
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            # JSONL files hold many articles; each is checked on its own below.
            if kind != "jsonl" and size > 4 * limit:
                yield _rejected(name, "too large", f"{size} bytes, over the limit of {limit} (ingest.max_bytes)")
                return
            data = f.read()
    except OSError as e:
        yield _rejected(name, "unreadable file", f"cannot read the file ({_os_reason(e)})")
        return
    yield from parse_bytes(data, name, kind)


def check_article(item: Article | Rejection, settings: IngestSettings) -> Article | Rejection:
    """Reject an article whose text is empty or over ``ingest.max_bytes``; pass everything else."""
    if isinstance(item, Rejection):
        return item
    if len(item.id) > settings.max_id_chars:
        return Rejection(item.id[: settings.max_id_chars] + "…", item.source, "ingest", "id too long",
                         f"{item.source}: the id has {len(item.id)} characters, over the limit of {settings.max_id_chars} (ingest.max_id_chars)")
    if not has_visible_text(item.text):
        return Rejection(item.id, item.source, "ingest", "empty text", f"{item.source}: the text is empty, whitespace or invisible characters only")
    size = len(item.text.encode("utf-8"))
    if size > settings.max_bytes:
        return Rejection(item.id, item.source, "ingest", "too large", f"{item.source}: {size} bytes of text, over the limit of {settings.max_bytes} (ingest.max_bytes)")
    return item


def read_inputs(
    paths: Iterable[str], settings: IngestSettings, stdin: BinaryIO | None = None, exclude: Iterable[Path] = (),
) -> Iterator[Article | Rejection]:
    """Yield one Article or Rejection per input article, in a stable order.

    ``paths`` are files, folders (read recursively, sorted; hidden names left out) or ``-`` for
    stdin. Every input is yielded, repeats too: :func:`read_articles` marks duplicates. Every
    input problem is a Rejection and reading goes on: a file or folder that cannot be read, a
    broken or looping link, a pipe or device, a file in ``exclude`` (the run's own store).
    A path that does not exist raises :class:`InputError` before anything is read.
    """
    excluded = frozenset(p.resolve() for p in exclude)
    resolved: list[str | Path] = []
    for raw in paths:
        if raw == "-":
            resolved.append("-")
            continue
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise InputError(f"input {display_name(raw)!r} does not exist; give files, folders or '-' for stdin")
        resolved.append(path)
    for entry in resolved:
        if entry == "-":
            if stdin is None:
                raise InputError("'-' given but no standard input is available")
            items: Iterator[Article | Rejection] = parse_bytes(stdin.read(), "-", None)
        else:
            assert isinstance(entry, Path)
            items = _read_entries(_entry(entry, excluded, set()), settings)
        for item in items:
            yield check_article(item, settings)


def _read_entries(entries: Iterable[Path | Rejection], settings: IngestSettings) -> Iterator[Article | Rejection]:
    for entry in entries:
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield from _read_path(entry, settings)


def read_articles(
    paths: Iterable[str], settings: IngestSettings, stdin: BinaryIO | None = None,
    default_date: dt.date | None = None, skip: Callable[[Article], bool] | None = None, exclude: Iterable[Path] = (),
) -> Iterator[Input]:
    """:func:`read_inputs` as ``dragoman code`` reads them: ``default_date`` fills in undated
    articles, a repeat of an earlier (text, date) becomes a Duplicate (``ingest.dedupe``), and
    articles ``skip`` accepts (e.g. already stored ones) are left out. Duplicates are found
    before skipping, so a resumed run reports the same duplicates as a whole one."""
    finder = DuplicateFinder(settings.dedupe)
    for item in read_inputs(paths, settings, stdin, exclude):
        if isinstance(item, Article) and default_date is not None and item.date is None:
            item = replace(item, date=default_date)
        checked = finder.check(item)
        if isinstance(checked, Article) and skip is not None and skip(checked):
            continue
        yield checked


def estimate_inputs(paths: Iterable[str], exclude: Iterable[Path] = ()) -> int | None:
    """About how many articles ``paths`` hold, for a progress bar, without parsing them: a JSONL file counts
    its non-blank lines, any other file one (a JSON array or a rejected file may differ). ``None`` when
    ``-`` (stdin) is among the paths or a path does not exist (reading will say so)."""
    excluded = frozenset(p.resolve() for p in exclude)
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        if not path.exists():
            return None
        for entry in _entry(path, excluded, set()):
            if isinstance(entry, Rejection):
                total += 1
            elif _kind_of(entry) == "jsonl":
                total += _lines(entry)
            else:
                total += 1
    return total


def _lines(path: Path) -> int:
    try:
        with path.open("rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 1
