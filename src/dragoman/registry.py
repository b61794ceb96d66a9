"""The one registry: versioned names of stages that have real alternatives.

Filled here and only here (no registration on import). Keep ``.v1`` when ``.v2`` lands.
"""

from __future__ import annotations

from typing import Callable, Mapping

from dragoman.errors import SettingsError
from dragoman.nlp import NlpBackend, load_auto, load_blank, load_trained
from dragoman.settings import NlpSettings

NlpFactory = Callable[[NlpSettings], NlpBackend]

NLP_BACKENDS: Mapping[str, NlpFactory] = {
    "nlp.auto.v1": load_auto,
    "nlp.trained.v1": load_trained,
    "nlp.blank.v1": load_blank,
}


def nlp_factory(name: str) -> NlpFactory:
    try:
        return NLP_BACKENDS[name]
    except KeyError as e:
        raise SettingsError(f"unknown NLP backend {name!r}; registered: {', '.join(sorted(NLP_BACKENDS))}") from e
