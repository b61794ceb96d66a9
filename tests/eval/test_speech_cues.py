"""dragoman's speech-cue table (eval/data/speech_cues.tsv) lists the reference scorer's forms."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dragoman.eval.articles import load_speech_cues


def _reference_forms(scorer: Path) -> frozenset[str]:
    tree = ast.parse(scorer.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "SPEECH_CUES" for t in node.targets):
            call = node.value
            assert isinstance(call, ast.Call) and isinstance(call.args[0], ast.Call)
            literal = call.args[0].func
            assert isinstance(literal, ast.Attribute) and isinstance(literal.value, ast.Constant)
            return frozenset(str(literal.value.value).split())
    raise AssertionError("no SPEECH_CUES in score.py")


@pytest.mark.external
def test_speech_cues_match_the_reference_scorer(shared: Path) -> None:
    scorer = shared / "gold" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"{scorer} absent")
    assert load_speech_cues() == _reference_forms(scorer)
