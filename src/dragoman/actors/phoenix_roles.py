"""Phoenix codes and date restrictions as dragoman roles: who held which code on which days.

A Phoenix code is a country (``EGY``) or scope (``IGO``, ``NGO``, ``IMG``) followed by three-letter
parts: ``EGYGOVMIL`` is Egypt + ``GOVMIL``. A person's dated restrictions become one period each;
where two overlap, the one that started later holds (Phoenix ranges include both ends, so
successive ranges share their boundary day, which goes to the later one); the undated default
code fills the days between and after the dated ranges, and the days before the first one, except
when the default is ``ELI`` and the first range starts before 1950 (Phoenix starts elite periods
at a birth year or at "since ever" dates such as 19270101). The null code ``[---]`` holds its
days with no role. So a person has at most one code on any day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from dragoman.actors.phoenix_dictionary import Restriction

# Country codes of states that no longer exist, or older CAMEO spellings, and the code dragoman uses
# (states that ended are coded as their continuator, docs/actors-kb.md).
LEGACY_COUNTRIES = {"USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB", "FRY": "SRB", "CSK": "CZE", "KSV": "XKX",
                    "DDR": "DEU", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD", "BRM": "MMR"}
# Scopes of regional and international groups in the MilNonState file: no one country.
SCOPES = frozenset({"IMG", "INT", "MEA", "SAS", "WEU", "SEA", "EAF", "LAM", "CFR", "ASA", "AFR", "SAF", "EEU", "EUR",
                    "CAS", "NAF", "WAF", "SAM", "KKL", "EIN", "NMR", "ANG", "BUD", "WST"})
GROUP_SECTORS = ("REB", "INS", "UAF", "CRM")
_ORG_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "OPP", "BUS", "CVL", "LAB", "MED", "NGO", "EDU", "REL",
                          "HLH", "AGR", "ELI", "REF", "ENV"})
_ELI_BEFORE = dt.date(1950, 1, 1)
_STATUS = frozenset({"UNR", "OCC", "AUT"})  # unrecognised, occupied, autonomous: a status of the place itself


@dataclass(frozen=True, slots=True)
class Period:
    """One code held from ``start`` (None: since ever) to ``end`` (exclusive; None: still)."""

    code: str
    org: str  # ISO3 of the country, or the Phoenix code itself when no country starts it
    sector: str  # the code's rest ("GOV", "GOVMIL", "ELI"); empty for a bare country code
    start: dt.date | None
    end: dt.date | None
    title: str = ""


class CodeReader:
    """Splits Phoenix codes against dragoman's countries."""

    # CAMEO agent and role parts: anything else after a country is a territory ("GBRVGB", "FRAGUF")
    SECTOR_PARTS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "MED", "EDU", "BUS", "CRM", "CVL",
                              "AGR", "DEV", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "REF", "MOD", "RAD", "INS", "SEP", "UAF",
                              "NGO", "NGM", "UNR", "OCC", "AUT", "MUS", "CHR", "JEW", "BUD", "HIN", "REL", "SET", "IMG", "MNC"})

    def __init__(self, countries: frozenset[str]) -> None:
        self.countries = countries

    def is_place_code(self, code: str) -> bool:
        """A country code with nothing after it but a territory or a status (``EGY``, ``GBRVGB``,
        ``UKRUNR``; also a country dragoman lacks: ``AIA``): the entry is a place, not an actor."""
        code = self.normalise(code)
        if len(code) == 3:
            return code not in SCOPES | self.SECTOR_PARTS | {"IGO", "NGO", "MNC", "MED", "IMG"}
        split = self.country_of(code)
        return split is not None and split[1] in {"", *_STATUS}

    def normalise(self, code: str) -> str:
        code = code.upper()
        return LEGACY_COUNTRIES.get(code[:3], code[:3]) + code[3:]

    def country_of(self, code: str) -> tuple[str, str] | None:
        """(ISO3, the code's rest) when a country of dragoman's starts the code; a territory part
        after it is the country when dragoman knows it ("GBRVGB" → VGB), else left out."""
        code = self.normalise(code)
        if code[:3] not in self.countries:
            return None
        country, rest = code[:3], code[3:]
        if rest[:3] and rest[:3] not in self.SECTOR_PARTS:
            territory = LEGACY_COUNTRIES.get(rest[:3], rest[:3])
            country = territory if territory in self.countries else country
            rest = rest[3:]
        return country, rest

    def person_country(self, restrictions: Iterable[Restriction]) -> str | None:
        found: Counter[str] = Counter()
        for r in restrictions:
            if r.code is not None and (split := self.country_of(r.code)) is not None:
                found[split[0]] += 1
        return found.most_common(1)[0][0] if found else None

    def org_shape(self, code: str, file: str) -> tuple[str | None, str | None, str | None, str | None]:
        """(kind, country, sector, code base) of an organisation with this code; kind None: unknown."""
        code = self.normalise(code)
        blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
        group_sector = next((b for b in blocks[1:] if b in GROUP_SECTORS), None)
        if code.startswith("IGO"):
            return "igo", None, "IGO", code
        if code.startswith("NGO"):
            split = self.country_of(code[3:])
            return ("organization", split[0], "NGO", f"{split[0]}NGO") if split else ("organization", None, "NGO", "NGO")
        split = self.country_of(code)
        armed = group_sector is not None or file.startswith("Phoenix.MilNonState")
        if split is not None:
            country, rest = split
            if armed:
                sector = group_sector or "REB"
                return "group", country, sector, f"{country}{sector}"
            sector = rest[:3] if rest[:3] in _ORG_SECTORS else "GOV"
            return "organization", country, sector, f"{country}{sector}"
        if code[:3] in SCOPES and armed:
            sector = group_sector or "REB"
            return "group", None, sector, f"IMG{sector}"
        return None, None, None, None


def comment_title(comment: str, titles: Mapping[str, str]) -> str:
    """A restriction's comment that is exactly a title of titles.tsv ("# PM", "# Foreign Minister")."""
    surface = comment.strip().rstrip(".").lower()
    if surface not in titles:
        return ""
    title = titles[surface]
    return surface if title.startswith("@") else title


def timeline(restrictions: Sequence[Restriction], codes: CodeReader, titles: Mapping[str, str]) -> tuple[list[Period], list[str]]:
    """A person's periods (module docstring) and the reasons any code was left out."""
    problems: list[str] = []
    dated = [(r, i) for i, r in enumerate(restrictions) if r.dated]
    defaults = [r for r in restrictions if not r.dated]
    if len(defaults) > 1:
        problems += ["a second undated (default) code: the first one is used"] * (len(defaults) - 1)
    default = defaults[0].code if defaults else None

    def end_of(r: Restriction) -> dt.date | None:
        return r.end + dt.timedelta(days=1) if r.end is not None else None  # Phoenix ends are included

    bounds = sorted({d for r, _ in dated for d in (r.start, end_of(r)) if d is not None})
    edges: list[dt.date | None] = [None, *bounds, None]
    first_start = min((r.start for r, _ in dated if r.start is not None), default=None)
    open_start = any(r.start is None for r, _ in dated)
    eli_default = default is not None and (split := codes.country_of(default)) is not None and split[1] == "ELI"
    raw: list[tuple[str | None, str, dt.date | None, dt.date | None]] = []  # (code, title, start, end)
    for a, b in zip(edges, edges[1:]):
        covering = []
        for r, i in dated:
            e = end_of(r)
            if (r.start is None or (a is not None and r.start <= a)) and (e is None or (b is not None and b <= e)):
                covering.append((r, i))
        if covering:
            r, _ = max(covering, key=lambda ri: (ri[0].start or dt.date.min, ri[1]))
            raw.append((r.code, comment_title(r.comment, titles), a, b))
            continue
        if default is None:
            continue
        before_first = bool(dated) and not open_start and first_start is not None and b is not None and b <= first_start
        if before_first and eli_default and first_start is not None and first_start < _ELI_BEFORE:
            continue
        raw.append((default, "", a, b))
    periods: list[Period] = []
    for code, title, start, end in raw:
        if code is None:
            continue
        normal = codes.normalise(code)
        split = codes.country_of(normal)
        if split is None and normal[:3] not in {"IGO", "NGO", "IMG"} | SCOPES:
            problems.append("a sector without a country ([ELI], [MED])" if normal[:3] in CodeReader.SECTOR_PARTS
                            else f"a country code dragoman does not know ({normal[:3]})")
            continue
        org, sector = split if split is not None else (normal, "")
        last = periods[-1] if periods else None
        if last is not None and last.code == normal and last.title == title and last.end == start:
            periods[-1] = Period(normal, org, sector, last.start, end, title)
        else:
            periods.append(Period(normal, org, sector, start, end, title))
    return periods, problems
