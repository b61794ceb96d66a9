"""The baseline file of floors (eval/baseline.py) and `dragoman baseline update`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dragoman import cli
from dragoman.cli import main
from dragoman.errors import DataFileError
from dragoman.eval.baseline import (
    DEFAULT_METRICS, Baseline, Corpus, check_floors, corpus_digest, figure, floor_of, load_baseline, rebase, render_baseline,
)
from dragoman.pipeline import Pipeline

DIGEST = "a" * 64
REPORT: dict[str, Any] = {"events_cameo_root": {"recall": 0.456, "precision": 0.5}, "boilerplate": {"removed": 3}, "speaker": None}


def corpus(**floors: float) -> Corpus:
    return Corpus("c", ("gold/c.jsonl",), DIGEST, {k.replace("__", "."): v for k, v in floors.items()})


def test_render_and_load_round_trip(tmp_path: Path) -> None:
    baseline = Baseline((corpus(events_cameo_root__recall=0.45, boilerplate__removed=3), Corpus("p", ("a.jsonl", "b.jsonl"), "", {}, 100)))
    path = tmp_path / "baseline.toml"
    path.write_text(render_baseline(baseline), encoding="utf-8")
    assert load_baseline(path) == baseline
    assert isinstance(load_baseline(path).corpora[0].floors["boilerplate.removed"], int)


@pytest.mark.parametrize("text, message", [
    ('[c]\nsha256 = ""\n', "needs 'files'"),
    ('[c]\nfiles = ["x"]\nsha256 = "abc"\n', "64 lower-case hex"),
    ('[c]\nfiles = ["x"]\nsha256 = ""\n[c.floors]\n"a.b" = "high"\n', "must be a number"),
    ('[c]\nfiles = ["x"]\nlimit = 0\n', "positive integer"),
    ('[c]\nfiles = ["x"]\nfloor = 1\n', "unknown keys"),
    ('[c\n', "baseline.toml"),
])
def test_malformed_baseline_names_file_and_corpus(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "baseline.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_baseline(path)


def test_figure_and_check_floors() -> None:
    assert figure(REPORT, "events_cameo_root.recall") == 0.456
    assert figure(REPORT, "speaker.accuracy") is None
    c = corpus(events_cameo_root__recall=0.46, events_cameo_root__precision=0.5, speaker__accuracy=0.8)
    assert check_floors(c, REPORT) == [
        "c: events_cameo_root.recall = 0.456 is below its floor 0.46",
        "c: speaker.accuracy is missing from the report (floor 0.8)",
    ]


def test_new_floors_are_rounded_down() -> None:
    assert floor_of(0.29) == 0.29 and floor_of(0.456) == 0.45 and floor_of(0.999) == 0.99 and floor_of(3) == 3


def test_update_raises_floors_and_never_lowers_them_on_unchanged_data() -> None:
    baseline = Baseline((corpus(events_cameo_root__recall=0.40, events_cameo_root__precision=0.5),))
    raised = rebase(baseline, {"c": (DIGEST, "article", REPORT)})
    assert not raised.refused
    assert raised.baseline.corpora[0].floors == {"events_cameo_root.recall": 0.45, "events_cameo_root.precision": 0.5}
    # a hand-set floor above today's figure rounded down is kept, not lowered
    kept = rebase(Baseline((corpus(events_cameo_root__recall=0.456),)), {"c": (DIGEST, "article", REPORT)})
    assert kept.baseline.corpora[0].floors == {"events_cameo_root.recall": 0.456} and not kept.changes
    refused = rebase(Baseline((corpus(events_cameo_root__recall=0.50),)), {"c": (DIGEST, "article", REPORT)})
    assert refused.refused == ("c: events_cameo_root.recall = 0.456 is below its floor 0.5",)


def test_update_rebases_when_the_data_changed() -> None:
    baseline = Baseline((corpus(events_cameo_root__recall=0.50), Corpus("other", ("o.jsonl",), DIGEST, {"x": 1.0})))
    result = rebase(baseline, {"c": ("b" * 64, "article", REPORT)})
    assert not result.refused
    assert result.baseline.corpora[0] == Corpus("c", ("gold/c.jsonl",), "b" * 64, {"events_cameo_root.recall": 0.45})
    assert result.baseline.corpora[1] == baseline.corpora[1]  # not measured: kept


def test_new_corpus_gets_the_default_metrics_of_its_kind() -> None:
    result = rebase(Baseline((Corpus("new", ("n.jsonl",), ""),)), {"new": (DIGEST, "article", REPORT)})
    floors = result.baseline.corpora[0].floors
    assert floors == {"events_cameo_root.recall": 0.45, "events_cameo_root.precision": 0.5, "boilerplate.removed": 3}
    assert set(floors) <= set(DEFAULT_METRICS["article"])


ARTICLE = {
    "id": "b1", "date": "2024-05-06",
    "text": "Russia and China held talks in Beijing on Monday. The United States criticised Iran on Tuesday.",
    "events": [{"source": "RUS", "target": "CHN", "roots": ["04"], "required": True, "evidence": "held talks"},
               {"source": "USA", "target": "IRN", "roots": ["11"], "required": True, "evidence": "criticised"}],
    "quotes": [], "actors": {"Russia": "Russia"}, "boilerplate": [],
}


def _baseline_file(tmp_path: Path, digest: str, floor: float) -> Path:
    gold = tmp_path / "shared" / "gold" / "b.gold.jsonl"
    gold.parent.mkdir(parents=True)
    gold.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    path = tmp_path / "baseline.toml"
    sha = corpus_digest([gold]) if digest == "same" else digest
    path.write_text(render_baseline(Baseline((Corpus("b", ("gold/b.gold.jsonl",), sha, {"actors.accuracy": floor}),))), encoding="utf-8")
    return path


@pytest.mark.model
def test_update_command_refuses_to_lower_a_floor(tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    if not pipeline.nlp.has_parser:
        pytest.skip("the floors are measured with the trained model")
    monkeypatch.setattr(cli, "load_pipeline", lambda settings: pipeline)  # the session's pipeline, not a fresh load
    path = _baseline_file(tmp_path, "same", 2.0)  # no figure reaches 2.0
    before = path.read_text(encoding="utf-8")
    argv = ["baseline", "update", "--file", str(path), "--shared", str(tmp_path / "shared")]
    assert main(argv) == 1
    assert path.read_text(encoding="utf-8") == before
    # the same floor on changed data is re-based on today's figure
    path.write_text(before.replace(load_baseline(path).corpora[0].sha256, "0" * 64), encoding="utf-8")
    capsys.readouterr()
    assert main(["baseline", "check", "--file", str(path), "--shared", str(tmp_path / "shared")]) == 0
    assert "b: skipped" in capsys.readouterr().out  # data changed: no verdict until re-based
    assert main(argv) == 0
    rebased = load_baseline(path).corpora[0]
    assert rebased.sha256 == corpus_digest([tmp_path / "shared" / "gold" / "b.gold.jsonl"]) and rebased.floors["actors.accuracy"] <= 1.0
    assert main(["baseline", "check", "--file", str(path), "--shared", str(tmp_path / "shared")]) == 0
