"""Shared fixtures: the pipeline is loaded once per test session; ../shared is optional."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.pipeline import Pipeline, load_pipeline
from dragoman.settings import load_settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return load_pipeline(load_settings())


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone has none)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    path = shared / "seed" / "tehran_summit_2022.txt"
    if not path.is_file():
        pytest.skip("seed article absent")
    return path.read_text(encoding="utf-8")
