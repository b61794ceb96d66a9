from __future__ import annotations

import pytest

from dragoman.nlp import load_blank
from dragoman.quotes import load_cues
from dragoman.settings import NlpSettings


@pytest.fixture(scope="session")
def backend():
    return load_blank(NlpSettings())


@pytest.fixture(scope="session")
def cues():
    return load_cues()
