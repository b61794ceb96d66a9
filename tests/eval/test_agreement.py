"""Agreement check: `dragoman eval` on article gold gives the reference scorer's figures.

The pipeline's output on the gold (coded once per session) is written as `dragoman code
--format jsonl` writes it, scored by ../shared/gold/score.py, and compared metric by metric
with dragoman's own scorer (eval/articles.py). Skips without ../shared.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Mapping

import pytest

from dragoman.contract import article_to_json, rejection_to_json
from dragoman.eval.articles import score_article_gold
from dragoman.eval.polnear import evaluate_polnear
from dragoman.ingest import parse_date
from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Rejection

from .gold_coder import GoldCoder


def _reference(shared: Path, gold_files: list[Path], coder: GoldCoder, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    scorer = shared / "gold" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"{scorer} absent")
    golds, results = coder.coded(gold_files)
    gold = tmp_path / ("gold.json" if len(gold_files) == 1 and gold_files[0].suffix == ".json" else "gold.jsonl")
    gold.write_bytes(b"".join(p.read_bytes() for p in gold_files))
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as handle:
        for item in results:
            row = article_to_json(item) if isinstance(item, CodedArticle) else rejection_to_json(item)
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    run = subprocess.run([sys.executable, str(scorer), "score", str(gold), str(pred)], capture_output=True, text=True, timeout=300, check=True)
    return json.loads(run.stdout), score_article_gold(golds, results)


def _assert_agree(reference: dict[str, Any], ours: dict[str, Any]) -> None:
    assert ours["rejected"] == 0  # score.py counts a rejected article as coded
    for section, value in reference.items():
        assert section in ours, f"score.py reports {section}, dragoman does not"
        if isinstance(value, dict):
            for metric, figure in value.items():
                assert ours[section].get(metric) == figure, f"{section}.{metric}: score.py {figure}, dragoman {ours[section].get(metric)}"
        else:
            assert ours[section] == value, section


@pytest.mark.external
def test_article_gold_agrees_with_reference_scorer(shared: Path, gold_coder: GoldCoder, tmp_path: Path) -> None:
    files = sorted((shared / "gold").glob("*.gold.jsonl"))
    if not files:
        pytest.skip("no article gold in ../shared/gold")
    _assert_agree(*_reference(shared, files, gold_coder, tmp_path))


@pytest.mark.external
def test_seed_agrees_with_reference_scorer(shared: Path, gold_coder: GoldCoder, tmp_path: Path) -> None:
    seed = shared / "seed" / "tehran_summit_2022.gold.json"
    if not seed.is_file():
        pytest.skip(f"{seed} absent")
    _assert_agree(*_reference(shared, [seed], gold_coder, tmp_path))


@pytest.mark.external
def test_polnear_agrees_with_reference_scorer(shared: Path, pipeline: Pipeline, tmp_path: Path) -> None:
    # dragoman eval's PolNeAR figures are score.py's on the same output (first 20 articles).
    source = shared / "external" / "quotes_polnear_train.jsonl"
    scorer = shared / "gold" / "score.py"
    if not source.is_file() or not scorer.is_file():
        pytest.skip("PolNeAR or score.py absent")
    gold = tmp_path / "polnear.jsonl"
    with source.open(encoding="utf-8") as handle:
        gold.write_text("".join(itertools.islice(handle, 20)), encoding="utf-8")
    outputs: list[CodedArticle | Rejection] = []

    def code(record: Mapping[str, Any]) -> CodedArticle | Rejection:
        outputs.append(code_article(pipeline, Article(str(record["id"]), str(record["text"]), str(gold), record.get("title"), parse_date(record.get("date")))))
        return outputs[-1]

    ours = evaluate_polnear((json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()), code)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(article_to_json(o) if isinstance(o, CodedArticle) else rejection_to_json(o)) + "\n" for o in outputs), encoding="utf-8")
    run = subprocess.run([sys.executable, str(scorer), "score", str(gold), str(pred)], capture_output=True, text=True, timeout=300, check=True)
    reference = json.loads(run.stdout)
    assert "quotes_indirect_speech" in reference
    _assert_agree(reference, {**ours, "records": ours["articles"], "coded": ours["articles"]})
