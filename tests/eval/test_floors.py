"""The figures of every gold corpus stay at or above their floors in tests/eval/baseline.toml.

A corpus whose files are absent, or whose data changed (digest differs from the file's), is
skipped; `dragoman baseline update` re-bases it (docs/eval.md). Floors live only in the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.eval import ARTICLE, evaluate, gold_kind
from dragoman.eval.baseline import Corpus, check_floors, corpus_digest, load_baseline
from dragoman.pipeline import Pipeline

from .gold_coder import GoldCoder

BASELINE = Path(__file__).with_name("baseline.toml")
CORPORA = load_baseline(BASELINE).corpora


@pytest.mark.external
@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_figures_keep_their_floors(corpus: Corpus, pipeline: Pipeline, shared: Path, gold_coder: GoldCoder) -> None:
    if not pipeline.nlp.has_parser:
        pytest.skip("the floors are measured with the trained model")
    paths = corpus.paths(shared)
    absent = [p for p in paths if not p.is_file()]
    if absent:
        pytest.skip(f"{corpus.name}: {absent[0]} absent")
    digest = corpus_digest(paths)
    if digest != corpus.sha256:
        pytest.skip(f"{corpus.name}: data changed (sha256 {digest[:12]}…, {BASELINE.name} has {corpus.sha256[:12] or 'none'}); "
                    f"floors must be re-based: dragoman baseline update {corpus.name}")
    if gold_kind(paths[0]) == ARTICLE:
        report = gold_coder.report(paths, corpus.limit)
    else:
        report = evaluate(paths, pipeline, corpus.limit)
    below = check_floors(corpus, report)
    assert not below, "\n".join(below)
