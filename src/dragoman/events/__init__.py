"""Events: CAMEO and PLOVER coding from patterns, actors, negation and modality.

Reads the Doc's sentences (and dependency parse when present), the actor mentions,
the quotes and ``Article.date``. Adds :class:`~dragoman.records.Event` records with
evidence spans, the pattern id as ``rule`` and a confidence.
"""

from __future__ import annotations

from pathlib import Path

from dragoman.errors import DataFileError
from dragoman.knowledge.cache import BuildCache

from dragoman.events.assertion import load_assertion_lexicon
from dragoman.events.speech import load_polarity
from dragoman.events.antecedents import load_event_nouns
from dragoman.events.coder import CodeReading, EventResources, code_events, code_readings
from dragoman.events.modality import read_modality, recode
from dragoman.events.patterns import PatternSet, load_patterns
from dragoman.events.policy import load_coding_policy
from dragoman.events.words import load_event_words
from dragoman.events.tables import CameoTable, load_cameo_table

__all__ = ["CameoTable", "CodeReading", "EventResources", "code_readings", "PatternSet", "code_events", "load_cameo_table", "load_event_resources", "load_patterns", "read_modality", "recode"]


def load_event_resources(user_patterns: Path | None = None, emit_unasserted: bool = False, one_sided: str = "all",
                         petrarch: bool = False, cache: BuildCache | None = None) -> EventResources:
    """The event patterns (compiled, from ``cache`` when it holds them) and the tables and lexicons the coder reads."""
    cameo = load_cameo_table()
    patterns = load_patterns(user_patterns, petrarch, cameo.codes, cache)
    ids = {p.id for p in patterns.patterns}
    unknown = sorted(k for k in cameo.manual if not k[0].isdigit() and k not in ids)
    if unknown:
        raise DataFileError(f"plover_manual.tsv names patterns that do not exist: {', '.join(unknown)}")
    return EventResources(patterns, cameo, load_assertion_lexicon(), load_polarity(), load_event_nouns(), load_event_words(), load_coding_policy(),
                          emit_unasserted, one_sided)
