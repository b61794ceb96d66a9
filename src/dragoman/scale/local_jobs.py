"""``dragoman code --jobs N``: code articles on N processes, results in input order.

Ingest stays in the calling process; articles go to a process pool in small chunks and
come back in the order they were sent. Each pool process loads the pipeline once, in
its initializer, into its :data:`_PROCESS` slot (one per process: the pool's only way
to hand state from the initializer to the tasks).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from dragoman.errors import DragomanError
from dragoman.ingest import read_articles
from dragoman.pipeline import Pipeline, code_articles, load_pipeline
from dragoman.records import Article, Input, Result
from dragoman.settings import Settings

Item = Input


@dataclass(slots=True)
class _ProcessSlot:
    pipeline: Pipeline | None = None


_PROCESS = _ProcessSlot()
"""Set by :func:`_load` in each pool process, read by :func:`_code_chunk` there; unused in the parent."""


def _load(settings: Settings) -> None:
    _PROCESS.pipeline = load_pipeline(settings)


def _code_chunk(chunk: list[Item]) -> list[Result]:
    pipeline = _PROCESS.pipeline
    assert pipeline is not None, "pool process started without its initializer"
    return list(code_articles(pipeline, chunk))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def code_parallel(settings: Settings, items: Iterable[Item], jobs: int, chunk_size: int | None = None) -> Iterator[Result]:
    """Code ``items`` on ``jobs`` processes; yields results in input order, keeping a few chunks in flight.

    A chunk is ``nlp.batch_size`` articles unless ``chunk_size`` says otherwise: each
    process parses its chunk as one batch.
    """
    size = chunk_size or max(1, settings.nlp.batch_size)
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[Result]]] = deque()
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_load, initargs=(settings,)) as pool:
            for chunk in _chunks(items, size):
                pending.append(pool.submit(_code_chunk, chunk))
                while len(pending) >= 4 * jobs:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
    except BrokenProcessPool as e:
        raise DragomanError(f"a --jobs worker process died ({e}); out of memory? try fewer --jobs") from e


def code_paths_parallel(
    settings: Settings, paths: Iterable[str], default_date: dt.date | None, stdin: BinaryIO | None, jobs: int,
    skip: Callable[[Article], bool] | None = None, exclude: Iterable[Path] = (),
) -> Iterator[Result]:
    """``api.code`` on ``jobs`` processes: ingest here, code there; same results in the same order."""

    return code_parallel(settings, read_articles(paths, settings.ingest, stdin, default_date, skip, exclude), jobs)
