"""Store: SQLite with provenance (schema in schema.sql); one writer, a transaction per batch."""

from dragoman.store.queries import StoreSummary, summarize
from dragoman.store.writer import Store, connect, write_stream

__all__ = ["Store", "StoreSummary", "connect", "summarize", "write_stream"]
