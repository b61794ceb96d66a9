"""The baseline file of floors: for every gold corpus, its digest and the floors of its figures.

The file (``tests/eval/baseline.toml`` in the repository, docs/eval.md) holds one table per
corpus::

    [seed]
    files = ["seed/tehran_summit_2022.gold.json"]   # relative to ../shared, scored as one set
    limit = 100                                     # optional: only the first N records
    sha256 = "…"                                    # of the files' bytes, concatenated in order

    [seed.floors]
    "events_cameo_root.recall" = 1.0                # a dotted path into `dragoman eval --json`

A figure below its floor is a regression. :func:`rebase` turns measured figures into new floors
and refuses to lower one unless the corpus's digest changed (the data changed, so the old floors
say nothing about it).
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any, Mapping, Sequence

from dragoman.errors import DataFileError

__all__ = [
    "Baseline", "Corpus", "Rebased", "check_floors", "corpus_digest", "figure", "load_baseline",
    "rebase", "render_baseline",
]

# The figures a new corpus gets floors for, by the kind of gold (eval.gold_kind). A corpus
# already in the file keeps the metrics its floors table lists.
DEFAULT_METRICS: Mapping[str, tuple[str, ...]] = {
    "article": (
        "events_cameo_root.recall", "events_cameo_root.precision", "events_cameo_root.f1",
        "quotes_direct.recall", "quotes_direct.precision", "quotes_direct.speaker_acc",
        "quotes_direct_mixed.recall", "quotes_direct_mixed.precision", "quotes_direct_mixed.speaker_acc",
        "quotes_indirect.recall", "quotes_indirect.precision", "quotes_indirect.speaker_acc",
        "boilerplate.removed", "boilerplate.precision", "actors.accuracy",
    ),
    "plover": ("plover.precision", "plover.recall", "plover.f1", "cameo_root.f1", "actor_country_coverage"),
    "cameo_examples": ("root_accuracy",),
    "quotes": (
        "quotes_direct_mixed.recall", "quotes_direct_mixed.precision", "quotes_direct_mixed.speaker_acc",
        "quotes_indirect.recall", "quotes_indirect.precision",
        "quotes_indirect_speech.recall", "quotes_indirect_speech.precision", "quotes_indirect_speech.speaker_acc",
    ),
}
_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_HEX = re.compile(r"^[0-9a-f]{64}$")
HEADER = """\
# Floors of dragoman's accuracy figures, one table per gold corpus (docs/eval.md).
#   files   gold files under ../shared, scored together as one set
#   limit   only the first N records (optional)
#   sha256  digest of the files' bytes concatenated in order (`cat FILES | sha256sum`)
#   floors  "dotted.path" into `dragoman eval --json` = the lowest figure accepted
# tests/eval/test_floors.py fails when a figure is below its floor and skips a corpus whose
# digest differs. Rewrite with `dragoman baseline update` (it raises floors to today's figures,
# rounded down to 2 decimals, and refuses to lower one unless the corpus's digest changed).
"""

Floor = float | int


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    files: tuple[str, ...]
    sha256: str  # "" for a corpus added by hand and not measured yet
    floors: Mapping[str, Floor] = field(default_factory=dict)
    limit: int | None = None

    def paths(self, shared: Path) -> list[Path]:
        return [shared / f for f in self.files]


@dataclass(frozen=True, slots=True)
class Baseline:
    corpora: tuple[Corpus, ...]

    def get(self, name: str) -> Corpus | None:
        return next((c for c in self.corpora if c.name == name), None)


@dataclass(frozen=True, slots=True)
class Rebased:
    """The outcome of :func:`rebase`: the new baseline, what changed, and the refusals."""

    baseline: Baseline
    changes: tuple[str, ...]
    refused: tuple[str, ...]  # figures below their floor on unchanged data: nothing may be written


def _corpus(name: str, table: Any, where: str) -> Corpus:
    if not _NAME.match(name):
        raise DataFileError(f"{where}: corpus name {name!r} must be letters, digits, '_' or '-'")
    if not isinstance(table, dict):
        raise DataFileError(f"{where}: [{name}] must be a table")
    unknown = set(table) - {"files", "sha256", "limit", "floors"}
    if unknown:
        raise DataFileError(f"{where}: [{name}] has unknown keys {sorted(unknown)}")
    files = table.get("files")
    if not isinstance(files, list) or not files or not all(isinstance(f, str) and f for f in files):
        raise DataFileError(f"{where}: [{name}] needs 'files', a non-empty list of paths under ../shared")
    sha = table.get("sha256", "")
    if not isinstance(sha, str) or (sha and not _HEX.match(sha)):
        raise DataFileError(f"{where}: [{name}] 'sha256' must be 64 lower-case hex digits (or \"\" for a new corpus)")
    limit = table.get("limit")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool) or limit < 1):
        raise DataFileError(f"{where}: [{name}] 'limit' must be a positive integer")
    floors = table.get("floors", {})
    if not isinstance(floors, dict):
        raise DataFileError(f"{where}: [{name}.floors] must be a table")
    for metric, value in floors.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise DataFileError(f"{where}: [{name}.floors] {metric!r} must be a number >= 0, not {value!r}")
    return Corpus(name, tuple(files), sha, dict(floors), limit)


def load_baseline(path: Path) -> Baseline:
    """Read and check the baseline file; errors name the file and the corpus."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise DataFileError(f"{path}: baseline file not found") from e
    except tomllib.TOMLDecodeError as e:
        raise DataFileError(f"{path}: {e}") from e
    return Baseline(tuple(_corpus(name, table, str(path)) for name, table in data.items()))


def render_baseline(baseline: Baseline) -> str:
    """The baseline as TOML (the header comment above, then one table per corpus)."""
    lines = [HEADER]
    for c in baseline.corpora:
        lines.append(f"[{c.name}]")
        lines.append("files = [" + ", ".join(json.dumps(f) for f in c.files) + "]")
        if c.limit is not None:
            lines.append(f"limit = {c.limit}")
        lines.append(f'sha256 = "{c.sha256}"')
        lines.append("")
        lines.append(f"[{c.name}.floors]")
        for metric, value in c.floors.items():
            lines.append(f"{json.dumps(metric)} = {value!r}")
        lines.append("")
    return "\n".join(lines)


def corpus_digest(paths: Sequence[Path]) -> str:
    """sha256 of the files' bytes, concatenated in order."""
    digest = hashlib.sha256()
    for path in paths:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def figure(report: Mapping[str, Any], metric: str) -> float | int | None:
    """The figure at a dotted path of an eval report ("events_cameo_root.recall"); None if absent."""
    node: Any = report
    for part in metric.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, (int, float)) and not isinstance(node, bool) else None


def check_floors(corpus: Corpus, report: Mapping[str, Any]) -> list[str]:
    """The figures below their floor (or missing from the report), one line each."""
    out = []
    for metric, floor in corpus.floors.items():
        value = figure(report, metric)
        if value is None:
            out.append(f"{corpus.name}: {metric} is missing from the report (floor {floor})")
        elif value < floor:
            out.append(f"{corpus.name}: {metric} = {value} is below its floor {floor}")
    return out


def floor_of(value: float | int) -> Floor:
    """A new floor: a count as it is, a share rounded down to 2 decimals."""
    if isinstance(value, int):
        return value
    return float(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR))


def rebase(baseline: Baseline, measured: Mapping[str, tuple[str, str, Mapping[str, Any]]]) -> Rebased:
    """New floors from measured figures: ``measured`` maps a corpus name to (digest, gold kind, report).

    On unchanged data a floor only rises (to the figure rounded down), and a figure below its
    floor is refused. When the digest changed, the floors are today's figures, lower or not.
    Corpora not measured are kept as they are.
    """
    corpora = []
    changes: list[str] = []
    refused: list[str] = []
    for c in baseline.corpora:
        if c.name not in measured:
            corpora.append(c)
            continue
        digest, kind, report = measured[c.name]
        metrics = list(c.floors) or list(DEFAULT_METRICS.get(kind, ()))
        rebased = digest != c.sha256
        floors: dict[str, Floor] = {}
        for metric in metrics:
            value = figure(report, metric)
            old = c.floors.get(metric)
            if value is None:
                if old is not None and not rebased:
                    refused.append(f"{c.name}: {metric} is missing from the report (floor {old})")
                continue  # a figure with no value (no speaker scored) gets no floor
            if old is not None and not rebased and value < old:
                refused.append(f"{c.name}: {metric} = {value} is below its floor {old}")
                continue
            new = floor_of(value) if rebased or old is None else max(old, floor_of(value))
            floors[metric] = new
            if new != old:
                changes.append(f"{c.name}: {metric} {old if old is not None else '(none)'} -> {new}")
        if rebased:
            changes.append(f"{c.name}: data changed ({c.sha256[:12] or 'new'} -> {digest[:12]}), floors re-based on today's figures")
        corpora.append(replace(c, sha256=digest, floors=floors))
    return Rebased(Baseline(tuple(corpora)), tuple(changes), tuple(refused))
