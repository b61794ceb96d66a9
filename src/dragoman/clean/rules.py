"""Boilerplate rules, read from ``clean/data/boilerplate.tsv``."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from dragoman.errors import DataFileError

RuleKind = Literal["segment", "inline", "tail"]
_KINDS: frozenset[str] = frozenset({"segment", "inline", "tail"})


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    id: str
    reason: str
    kind: RuleKind
    pattern: re.Pattern[str]


def load_rules() -> tuple[BoilerplateRule, ...]:
    """Read and compile the packaged boilerplate rules."""
    text = resources.files("dragoman.clean").joinpath("data/boilerplate.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    rules: list[BoilerplateRule] = []
    for row in rows:
        kind = row["kind"]
        if kind not in _KINDS:
            raise DataFileError(f"boilerplate.tsv rule {row['id']!r}: kind {kind!r} not in {sorted(_KINDS)}")
        try:
            pattern = re.compile(row["pattern"], re.IGNORECASE)
        except re.error as e:
            raise DataFileError(f"boilerplate.tsv rule {row['id']!r}: bad regex: {e}") from e
        rules.append(BoilerplateRule(row["id"], row["reason"], kind, pattern))  # type: ignore[arg-type]
    return tuple(rules)
