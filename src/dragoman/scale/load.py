"""``dragoman load``: put a Parquet output folder into the SQLite store.

Rows are turned back into records (:func:`~dragoman.scale.parquet.output_records`, through
:mod:`dragoman.store.rows`) and written through the store's single writer, so the database
is the same as ``dragoman code --db`` makes. For analysis the Parquet files can also be
queried in place, e.g. with DuckDB::

    SELECT source_country, target_country, cameo, count(*) AS n
    FROM read_parquet('DIR/events/*.parquet')
    GROUP BY ALL ORDER BY n DESC LIMIT 20;
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from dragoman.records import Duplicate, Rejection
from dragoman.scale.parquet import count_records, output_records
from dragoman.store import write_stream


def load_output(
    out: Path, db: Path, batch_size: int = 500, merge_window_days: int | None = None, progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Write every finished shard of ``out`` into the store at ``db``; returns what was written. The store's writer
    groups the mentions into events as it does for ``dragoman code --db`` (the grouping does not depend on the
    order of the shards), with ``merge_window_days`` (``None``: the default).

    ``progress(done, total)`` is called as records are written (``total`` from the manifest)."""
    counts = {"articles": 0, "rejections": 0, "duplicates": 0, "actors": 0, "events": 0, "quotes": 0}
    total = count_records(out) if progress is not None else 0
    done = 0
    written = write_stream(db, output_records(out), batch_size) if merge_window_days is None else \
        write_stream(db, output_records(out), batch_size, merge_window_days)
    for item in written:
        done += 1
        if progress is not None:
            progress(done, max(total, done))
        if isinstance(item, Rejection):
            counts["rejections"] += 1
        elif isinstance(item, Duplicate):
            counts["duplicates"] += 1
        else:
            counts["articles"] += 1
            counts["actors"] += len(item.actors)
            counts["events"] += len(item.events)
            counts["quotes"] += len(item.quotes)
    return counts
