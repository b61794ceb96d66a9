"""The pipeline's output on article-gold files, coded once per test session (see conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from dragoman.eval import code_gold_articles
from dragoman.eval.articles import GoldArticle, load_article_gold, score_article_gold
from dragoman.pipeline import Pipeline
from dragoman.records import CodedArticle, Rejection


class GoldCoder:
    """The pipeline's output on article-gold files, computed once per file."""

    def __init__(self, pipeline: Pipeline) -> None:
        self._pipeline = pipeline
        self._done: dict[Path, tuple[list[GoldArticle], list[CodedArticle | Rejection]]] = {}

    def coded(self, paths: Sequence[Path], limit: int | None = None) -> tuple[list[GoldArticle], list[CodedArticle | Rejection]]:
        golds: list[GoldArticle] = []
        results: list[CodedArticle | Rejection] = []
        for path in paths:
            if path not in self._done:
                file_golds = load_article_gold([path])
                self._done[path] = (file_golds, code_gold_articles(self._pipeline, file_golds))
            golds += self._done[path][0]
            results += self._done[path][1]
        if limit is not None:
            golds, results = golds[:limit], results[:limit]
        return golds, results

    def report(self, paths: Sequence[Path], limit: int | None = None) -> dict[str, Any]:
        return score_article_gold(*self.coded(paths, limit))
