"""dragoman's CAMEO table: names, Goldstein weights, QuadClass and PLOVER types."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterator, Mapping

from dragoman.errors import DataFileError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class CameoTable:
    codes: Mapping[str, CameoCode]
    manual: Mapping[str, str] = field(default_factory=dict)  # plover_manual.tsv: code or pattern id -> PLOVER type

    def get(self, code: str) -> CameoCode:
        """The code's entry, falling back to its parent code (``0234`` → ``023`` → ``02``)."""
        for probe in _prefixes(code):
            if probe in self.codes:
                entry = self.codes[probe]
                if probe != code:
                    return CameoCode(code, entry.name, entry.goldstein, entry.quad_class, entry.plover, entry.plover_mode)
                return entry
        raise DataFileError(f"CAMEO code {code!r} is not in cameo.tsv")

    def plover_for(self, code: str, rule: str, fact: bool) -> str:
        """The event's PLOVER type: the manual's type for its pattern (plain facts only) or its code, else the crosswalk."""
        if fact and rule in self.manual:
            return self.manual[rule]
        manual = next((self.manual[probe] for probe in _prefixes(code) if probe in self.manual), None)
        return manual or self.plover_of(code) or ""

    def plover_of(self, code: str) -> str | None:
        for probe in _prefixes(code):
            entry = self.codes.get(probe)
            if entry is not None and entry.plover:
                return entry.plover
        return None


def _prefixes(code: str) -> Iterator[str]:
    """The code and its parents, most specific first: ``0234``, ``023``, ``02``, ``0``."""
    for end in range(len(code), 0, -1):
        yield code[:end]


def _data_rows(name: str) -> csv.DictReader[str]:
    """The rows of a packaged TSV table in ``events/data``; blank and ``#`` lines skipped."""
    text = resources.files("dragoman.events").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return csv.DictReader((l for l in text.splitlines() if l.strip() and not l.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)


def load_cameo_table() -> CameoTable:
    codes: dict[str, CameoCode] = {}
    for row in _data_rows("cameo.tsv"):
        try:
            codes[row["code"]] = CameoCode(row["code"], row["name"], float(row["goldstein"]), int(row["quad_class"]), row.get("plover") or None, row.get("plover_mode") or None)
        except (KeyError, ValueError) as e:
            raise DataFileError(f"cameo.tsv: bad row {row!r}: {e}") from e
    return CameoTable(codes, _load_manual(codes))


def _load_manual(codes: Mapping[str, CameoCode]) -> dict[str, str]:
    types = {entry.plover for entry in codes.values() if entry.plover}
    manual: dict[str, str] = {}
    for row in _data_rows("plover_manual.tsv"):
        key, kind = (row.get("key") or "").strip(), (row.get("plover") or "").strip()
        if not key or kind not in types:
            raise DataFileError(f"plover_manual.tsv: bad row {row!r}")
        if key[0].isdigit() and key not in codes:
            raise DataFileError(f"plover_manual.tsv: {key!r} is not a CAMEO code in cameo.tsv")
        manual[key] = kind
    return manual
