"""Eval: score the pipeline against gold files (``dragoman eval``).

Knows article gold (the seed .json and ../shared/gold/*.gold.jsonl: events, quotes,
boilerplate, actors; scored by :mod:`dragoman.eval.articles`) and the JSONL sets in
../shared/external: plover_gsr_cameo, cameo_manual_examples, quotes_polnear_train.
The floors the figures must keep are in tests/eval/baseline.toml (:mod:`dragoman.eval.baseline`).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from dragoman.errors import GoldFormatError, InputError
from dragoman.events import CodeReading, code_readings
from dragoman.eval.articles import GoldArticle, article_input, is_article_gold, load_article_gold, score_article_gold
from dragoman.eval.corpora import score_cameo_examples, score_plover
from dragoman.eval.polnear import evaluate_polnear
from dragoman.ingest import check_article, content_id, parse_date, record_article
from dragoman.pipeline import Pipeline, code_article, code_articles, trace
from dragoman.records import Duplicate, Article, CodedArticle, Quote, Rejection

__all__ = ["ARTICLE", "code_gold_articles", "evaluate", "gold_kind"]

ARTICLE = "article"


def _records(path: Path, limit: int | None) -> Iterator[Mapping[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        lines = (json.loads(line) for line in handle if line.strip())
        yield from itertools.islice(lines, limit)


def _article(record: Mapping[str, Any], source: str) -> Article:
    text = record.get("text")
    if not isinstance(text, str):
        raise GoldFormatError(f"{source}: gold record {record.get('id')!r} has no 'text'")
    return Article(str(record.get("id") or content_id(text)), text, source, record.get("title"), parse_date(record.get("date")))


def gold_kind(path: Path) -> str:
    """What a gold file holds, read from its shape: article, quotes, cameo_examples or plover."""
    if not path.is_file():
        raise InputError(f"gold file {path} does not exist")
    if path.suffix == ".json":
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise GoldFormatError(f"{path}: invalid JSON ({e.msg} at line {e.lineno})") from e
        if not isinstance(gold, dict) or "text" not in gold:
            raise GoldFormatError(f"{path}: expected one object with 'text' and gold 'events'/'quotes'")
        return ARTICLE
    if path.suffix != ".jsonl":
        raise GoldFormatError(f"{path}: gold files are .json (one article) or .jsonl (a gold set)")
    first = next(_records(path, 1), None)
    if first is None:
        raise GoldFormatError(f"{path}: empty gold file")
    if is_article_gold(first):
        return ARTICLE
    if "quotes" in first:
        return "quotes"
    if first.get("ontology") == "CAMEO":
        return "cameo_examples"
    if "events" in first:
        return "plover"
    raise GoldFormatError(f"{path}: records have neither 'events' nor 'quotes'; not a gold set dragoman knows")


def code_gold_articles(pipeline: Pipeline, golds: Sequence[GoldArticle]) -> list[CodedArticle | Rejection]:
    """Code the gold articles as ``dragoman code --format jsonl`` codes a file of their id, text and date."""
    items = (check_article(record_article(article_input(g), f"gold:{g.id}"), pipeline.settings.ingest) for g in golds)
    return [r for r in code_articles(pipeline, items) if not isinstance(r, Duplicate)]  # gold items are never duplicates: no dedupe here


def evaluate(gold_paths: Path | Sequence[Path], pipeline: Pipeline, limit: int | None = None) -> dict[str, Any]:
    """Run the pipeline over gold files and score them; the kind of gold is read from their shape.

    Several files are scored together (as one file) when they are all article gold.
    """
    paths = [gold_paths] if isinstance(gold_paths, Path) else list(gold_paths)
    if not paths:
        raise InputError("no gold file given")
    kinds = [gold_kind(p) for p in paths]
    if kinds.count(ARTICLE) == len(paths):
        golds = load_article_gold(paths, limit)
        return {"gold": [str(p) for p in paths], "kind": ARTICLE, **score_article_gold(golds, code_gold_articles(pipeline, golds))}
    if len(paths) > 1:
        raise InputError("several gold files are scored together only when all are article gold; give one file of another kind")
    return _evaluate_set(paths[0], kinds[0], pipeline, limit)


def _evaluate_set(gold_path: Path, kind: str, pipeline: Pipeline, limit: int | None) -> dict[str, Any]:
    source = str(gold_path)

    def code(record: Mapping[str, Any]) -> CodedArticle | None:
        result = code_article(pipeline, _article(record, source))
        return result if isinstance(result, CodedArticle) else None

    if kind == "quotes":
        def coded(record: Mapping[str, Any]) -> CodedArticle | Rejection:
            return code_article(pipeline, _article(record, source))
        return {"gold": source, "kind": "quotes", **evaluate_polnear(_records(gold_path, limit), coded, source)}
    if kind == "cameo_examples":
        def readings(record: Mapping[str, Any]) -> tuple[CodeReading, ...]:
            t = trace(pipeline, _article(record, source), until="actors")
            if t.rejection is not None:
                return ()
            return code_readings(t.parsed, t.article, t.removed, pipeline.events, t.actors)
        return {"gold": source, "kind": "cameo_examples", **score_cameo_examples(_records(gold_path, limit), code, readings)}
    return {"gold": source, "kind": "plover", **score_plover(_records(gold_path, limit), code)}
