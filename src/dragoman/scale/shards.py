"""Corpus shards: JSONL, JSONL.gz or Parquet files, each read into Articles.

Reads: a corpus path (a shard file or a folder of them). Adds: :class:`Shard`
records with a stable key and a content digest, and per shard the
:class:`~dragoman.records.Article` or :class:`~dragoman.records.Rejection`
records, in file order, through the ingest stage's record parser.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from dragoman.errors import InputError
from dragoman.ingest import DecodeFailure, DuplicateFinder, check_article, content_id, decode_bytes, jsonl_articles, record_article
from dragoman.records import Article, Input, Rejection
from dragoman.settings import IngestSettings

SHARD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".parquet")


@dataclass(frozen=True, slots=True)
class Shard:
    """One input file of a corpus.

    ``name`` is the path as the user gave it (it prefixes every article's ``source``,
    as the local engine does); ``key`` names the shard's output partitions. ``part``, when
    set, is the range of the file's records this task codes (:func:`split_shards`): then
    ``key`` names the part and ``digest`` covers the range too.
    """

    key: str
    name: str
    path: Path
    digest: str
    part: tuple[int, int] | None = None


def _is_shard(path: Path) -> bool:
    return path.name.lower().endswith(SHARD_SUFFIXES)


def shard_key(name: str) -> str:
    """A file-name-safe, stable key: the readable stem plus a hash of the whole name."""
    stem = re.sub(r"[^A-Za-z0-9]+", "_", Path(name).name).strip("_")[:60] or "shard"
    return f"{stem}-{hashlib.sha1(name.encode('utf-8')).hexdigest()[:8]}"


def file_digest(path: Path) -> str:
    """sha256 of the file's bytes: a changed shard is coded again on resume. A file that cannot
    be read gets a digest that never matches a finished one; reading it then makes its rejection."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError as e:
        return f"unreadable:{e.errno}"
    return h.hexdigest()


def find_shards(corpus: Iterable[str]) -> list[Shard]:
    """The shard files under ``corpus`` (files or folders, folders read recursively and sorted)."""
    found: list[Path] = []
    for raw in corpus:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"corpus {raw!r} does not exist; give shard files or folders of them ({', '.join(SHARD_SUFFIXES)})")
        if path.is_dir():
            found.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and _is_shard(p) and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ))
        elif _is_shard(path):
            found.append(path)
        else:
            raise InputError(f"{raw!r} is not a shard; shards end in {', '.join(SHARD_SUFFIXES)}")
    if not found:
        raise InputError(f"no shards found under {', '.join(corpus)}; shards end in {', '.join(SHARD_SUFFIXES)}")
    shards = [Shard(shard_key(str(p)), str(p), p.resolve(), file_digest(p)) for p in found]
    keys = [s.key for s in shards]
    if len(set(keys)) != len(keys):
        raise InputError("the same shard is listed twice; give each file or folder once")
    return shards


def _jsonl_items(shard: Shard) -> Iterator[Article | Rejection]:
    try:
        data = shard.path.read_bytes()
    except OSError as e:
        yield Rejection(content_id(shard.name), shard.name, "ingest", "unreadable file", f"{shard.name}: cannot read the shard ({e.strerror or e})")
        return
    if shard.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            yield Rejection(content_id(shard.name), shard.name, "ingest", "corrupt gzip", f"{shard.name}: {e}; re-compress the shard")
            return
    decoded = decode_bytes(data, shard.name)
    if isinstance(decoded, DecodeFailure):
        yield Rejection(content_id(shard.name), shard.name, "ingest", decoded.reason, decoded.detail)
        return
    yield from jsonl_articles(decoded, shard.name)


def _parquet_items(shard: Shard) -> Iterator[Article | Rejection]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(shard.path)
    except (OSError, ValueError) as e:
        yield Rejection(content_id(shard.name), shard.name, "ingest", "unreadable parquet", f"{shard.name}: {e}")
        return
    number = 0
    for batch in parquet.iter_batches(batch_size=512):
        for record in batch.to_pylist():
            number += 1
            yield record_article(record, f"{shard.name}:{number}")


def _items(shard: Shard) -> Iterator[Article | Rejection]:
    return _parquet_items(shard) if shard.name.lower().endswith(".parquet") else _jsonl_items(shard)


def read_shard(shard: Shard, settings: IngestSettings, default_date: dt.date | None = None) -> Iterator[Input]:
    """One Article, Rejection or Duplicate per record, in file order (duplicates as in :func:`~dragoman.ingest.read_articles`).

    A part of a shard yields its range of records; the records before it are still read and checked (not coded),
    so a repeat of an earlier part's text is a Duplicate exactly as when the whole file is read at once."""
    first, end = shard.part if shard.part is not None else (0, None)
    finder = DuplicateFinder(settings.dedupe)
    for number, item in enumerate(_items(shard)):
        if end is not None and number >= end:
            return
        item = check_article(item, settings)
        if isinstance(item, Article) and item.date is None and default_date is not None:
            item = replace(item, date=default_date)
        checked = finder.check(item)
        if number >= first:
            yield checked


def split_shards(shards: Iterable[Shard], records_per_task: int) -> list[Shard]:
    """Each shard of more than ``records_per_task`` records as parts of that many (``scale.records_per_task``),
    in file order, so that one large file is many tasks; a smaller shard stays whole. The records are counted
    by reading them (each yields one Article or Rejection)."""
    out: list[Shard] = []
    for shard in shards:
        count = sum(1 for _ in _items(shard))
        if count <= records_per_task:
            out.append(shard)
            continue
        for n, first in enumerate(range(0, count, records_per_task)):
            end = min(count, first + records_per_task)
            out.append(replace(shard, key=f"{shard.key}-part{n:05d}", digest=f"{shard.digest}:{first}-{end}", part=(first, end)))
    return out
