"""The seed article: every required gold quote, right speaker, nothing spurious."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import mention, run

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0])


@pytest.fixture(scope="module")
def seed():
    if not (SEED / "tehran_summit_2022.gold.json").is_file():
        pytest.skip("../shared/seed is absent")
    return json.loads((SEED / "tehran_summit_2022.gold.json").read_text(encoding="utf-8"))


def _mentions(text):
    erdogan = "Recep Tayyip Erdogan"
    return [
        mention(text, "Erdogan", erdogan),
        mention(text, "he", erdogan, rule="pronoun.previous"),  # "he told a news conference"
        mention(text, "Ayatollah Ali Khamenei", "Ali Khamenei"),
        mention(text, "Putin", "Vladimir Putin", nth=1),
        mention(text, "Erdogan", erdogan, nth=3),
        mention(text, "The Turkish president", erdogan, rule="title.role"),
        mention(text, "Haluk Bayraktar", "Haluk Bayraktar"),
        mention(text, "Hanna Notte", "Hanna Notte"),
        mention(text, "Aaron Lund", "Aaron Lund"),
        mention(text, "Lund", "Aaron Lund", nth=1),
    ]


@pytest.mark.parametrize("with_mentions", [True, False])
def test_seed_quotes(backend, cues, seed, with_mentions):
    text = seed["text"]
    quotes = run(backend, cues, text, _mentions(text) if with_mentions else ())
    matched = set()
    for gold in seed["quotes"]:
        start = text.index(gold["quote"])
        span = (start, start + len(gold["quote"]))
        hits = [q for q in quotes if _overlap(span, (q.span.start, q.span.end)) >= 0.8]
        if gold["required"]:
            assert hits, gold["quote"]
        for q in hits:
            matched.add(q)
            name = q.speaker.actor.name if q.speaker else None
            if gold["quote"] == "freeze":
                assert name in (None, gold["speaker"])
            elif with_mentions:
                assert name == gold["speaker"], gold["quote"]
            elif name is not None:
                assert name.split()[-1] == gold["speaker"].split()[-1], gold["quote"]
    assert set(quotes) == matched, [q.span.text for q in quotes if q not in matched]
