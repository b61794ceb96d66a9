"""Article gold is coded once per test session (the 47 articles take about 20 s), then scored
by every test that needs it (floors, agreement with the reference scorer)."""

from __future__ import annotations

import pytest

from dragoman.pipeline import Pipeline

from .gold_coder import GoldCoder


@pytest.fixture(scope="session")
def gold_coder(pipeline: Pipeline) -> GoldCoder:
    return GoldCoder(pipeline)
