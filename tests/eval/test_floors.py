"""Accuracy floors measured with `dragoman eval`: a score may rise, never silently drop.

Floors are the figures reached when they were last raised (see docs/eval.md); raise them
when a change improves a score, never lower them to make a run green.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.eval import evaluate
from dragoman.pipeline import Pipeline


def _gold(shared: Path, *parts: str) -> Path:
    path = shared.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"{path} absent")
    return path


def test_seed_floors(pipeline: Pipeline, shared: Path) -> None:
    report = evaluate(_gold(shared, "seed", "tehran_summit_2022.gold.json"), pipeline)
    assert report["events"]["required_recall"]["recall"] >= 1.0
    assert report["events"]["precision"]["precision"] >= 0.94
    assert report["quotes"]["recall"] == 1.0 and report["quotes"]["precision"] == 1.0
    assert report["boilerplate"]["f1"] == 1.0
    assert report["actors"]["right"] == report["actors"]["total"]


def test_plover_floors(pipeline: Pipeline, shared: Path) -> None:
    report = evaluate(_gold(shared, "external", "plover_gsr_cameo.jsonl"), pipeline)
    assert report["plover"]["f1"] >= 0.72  # bar 0.70
    assert report["cameo_root"]["f1"] >= 0.72
    assert report["actor_country_coverage"] >= 0.97


def test_cameo_examples_floor(pipeline: Pipeline, shared: Path) -> None:
    report = evaluate(_gold(shared, "external", "cameo_manual_examples.jsonl"), pipeline)
    assert report["root_accuracy"] >= 0.83
