"""Ingest: read text, HTML, JSON, JSONL, folders and stdin into Articles.

Reads: paths and byte streams. Adds: :class:`~dragoman.records.Article` records
(text verbatim), :class:`~dragoman.records.Rejection` records for bad inputs and
:class:`~dragoman.records.Duplicate` records for repeats of an earlier (text, date).
"""

from dragoman.ingest.decoding import DecodeFailure, decode_bytes
from dragoman.ingest.dedupe import DuplicateFinder, identity, mark_duplicates
from dragoman.ingest.formats import content_id, jsonl_articles, parse_date, record_article
from dragoman.ingest.outlets import outlet_of
from dragoman.ingest.sources import check_article, display_name, estimate_inputs, parse_bytes, read_articles, read_inputs

__all__ = [
    "DecodeFailure", "DuplicateFinder", "check_article", "content_id", "decode_bytes", "display_name", "estimate_inputs", "identity", "jsonl_articles", "mark_duplicates",
    "outlet_of", "parse_bytes", "parse_date", "read_articles", "read_inputs", "record_article",
]
