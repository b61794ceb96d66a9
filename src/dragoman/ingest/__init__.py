"""Ingest: read text, HTML, JSON, JSONL, folders and stdin into Articles.

Reads: paths and byte streams. Adds: :class:`~dragoman.records.Article` records
(text verbatim) and :class:`~dragoman.records.Rejection` records for bad inputs.
"""

from dragoman.ingest.formats import content_id, parse_date
from dragoman.ingest.sources import check_article, read_articles, read_inputs

__all__ = ["check_article", "content_id", "parse_date", "read_articles", "read_inputs"]
