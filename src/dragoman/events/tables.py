"""dragoman's CAMEO table: names, Goldstein weights, QuadClass and PLOVER types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping

from dragoman.errors import DataFileError
from dragoman.knowledge import packaged_text, read_rows


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


def load_cameo_table() -> CameoTable:
    codes: dict[str, CameoCode] = {}
    for row in read_rows(packaged_text("dragoman.events", "cameo.tsv"), "cameo.tsv", ("code", "name", "goldstein", "quad_class")):
        if not row["code"].isdigit() or not 2 <= len(row["code"]) <= 4:
            raise row.error(f"CAMEO code {row['code']!r} must be 2 to 4 digits")
        try:
            codes[row["code"]] = CameoCode(row["code"], row["name"], float(row["goldstein"]), int(row["quad_class"]), row["plover"] or None, row["plover_mode"] or None)
        except ValueError as e:
            raise row.error(f"bad number ({e}); goldstein is a decimal from -10 to 10, quad_class 1 to 4") from e
    return CameoTable(codes, _load_manual(codes))


def _load_manual(codes: Mapping[str, CameoCode]) -> dict[str, str]:
    types = {entry.plover for entry in codes.values() if entry.plover}
    manual: dict[str, str] = {}
    for row in read_rows(packaged_text("dragoman.events", "plover_manual.tsv"), "plover_manual.tsv", ("key", "plover")):
        key, kind = row["key"], row["plover"]
        if not key or kind not in types:
            raise row.error(f"bad row: the key is a CAMEO code or pattern id, the plover type one of {', '.join(sorted(t for t in types if t))}")
        if key[0].isdigit() and key not in codes:
            raise row.error(f"{key!r} is not a CAMEO code in cameo.tsv")
        manual[key] = kind
    return manual
