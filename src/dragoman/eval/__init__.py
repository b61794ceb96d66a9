"""Eval: score the pipeline against gold files (``dragoman eval``).

Knows the seed gold JSON (one article: events, quotes, boilerplate, actors) and the JSONL
sets in ../shared/external: plover_gsr_cameo, cameo_manual_examples, quotes_polnear_train.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any, Iterator, Mapping

from dragoman.clean import find_boilerplate
from dragoman.errors import GoldFormatError, InputError
from dragoman.events import CodeReading, code_readings
from dragoman.actors import resolve_mentions
from dragoman.nlp import parse_article
from dragoman.eval.corpora import score_cameo_examples, score_plover
from dragoman.eval.polnear import evaluate_polnear
from dragoman.eval.seed import score_article
from dragoman.ingest import content_id, parse_date
from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Quote

__all__ = ["evaluate"]


def _records(path: Path, limit: int | None) -> Iterator[Mapping[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        lines = (json.loads(line) for line in handle if line.strip())
        yield from itertools.islice(lines, limit)


def _article(record: Mapping[str, Any], source: str) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        raise GoldFormatError(f"{source}: gold record {record.get('id')!r} has no 'text'")
    return Article(str(record.get("id") or content_id(text)), text, source, record.get("title"), parse_date(record.get("date")))


def evaluate(gold_path: Path, pipeline: Pipeline, limit: int | None = None) -> dict[str, Any]:
    """Run the pipeline over a gold file and score it; the kind of gold is read from its shape."""
    if not gold_path.is_file():
        raise InputError(f"gold file {gold_path} does not exist")
    source = str(gold_path)

    def code(record: Mapping[str, Any]) -> CodedArticle | None:
        result = code_article(pipeline, _article(record, source))
        return result if isinstance(result, CodedArticle) else None

    if gold_path.suffix == ".json":
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "text" not in gold:
            raise GoldFormatError(f"{gold_path}: expected one object with 'text' and gold 'events'/'quotes'")
        coded = code(gold)
        if coded is None:
            raise GoldFormatError(f"{gold_path}: the pipeline rejected the gold article")
        return {"gold": source, "kind": "article", **score_article(gold, coded)}
    if gold_path.suffix != ".jsonl":
        raise GoldFormatError(f"{gold_path}: gold files are .json (one article) or .jsonl (a gold set)")
    first = next(_records(gold_path, 1), None)
    if first is None:
        raise GoldFormatError(f"{gold_path}: empty gold file")
    if "quotes" in first:
        def quotes_of(article: Article) -> tuple[Quote, ...]:
            result = code_article(pipeline, article)
            return result.quotes if isinstance(result, CodedArticle) else ()
        return {"gold": source, "kind": "quotes", **evaluate_polnear(_records(gold_path, limit), quotes_of)}
    if first.get("ontology") == "CAMEO":
        def readings(record: Mapping[str, Any]) -> tuple[CodeReading, ...]:
            article = _article(record, source)
            removed = find_boilerplate(article, pipeline.boilerplate)
            doc = parse_article(pipeline.nlp, article, removed)
            mentions = resolve_mentions(doc, article, removed, pipeline.actors)
            return code_readings(doc, article, removed, pipeline.events, mentions)
        return {"gold": source, "kind": "cameo_examples", **score_cameo_examples(_records(gold_path, limit), code, readings)}
    if "events" in first:
        return {"gold": source, "kind": "plover", **score_plover(_records(gold_path, limit), code)}
    raise GoldFormatError(f"{gold_path}: records have neither 'events' nor 'quotes'; not a gold set dragoman knows")
