"""Names for sector actors: "Government of Syria" for SYRGOV, "Armed forces of Turkey" for TURMIL.

A mention resolved to a part of a state ("Damascus", "Russian forces", "the ministry") carries the
country's code plus a sector; its name says both, from ``actors/data/sector_names.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Mapping

from dragoman.actors.knowledge import Country
from dragoman.knowledge import packaged_text, read_rows
from dragoman.records import ActorMention


@dataclass(frozen=True, slots=True)
class SectorNames:
    """Sector code -> label ("GOV" -> "government")."""

    labels: Mapping[str, str]
    ministries: Mapping[str, str] = field(default_factory=dict)
    """Field word -> ministry name ("foreign" -> "Ministry of Foreign Affairs"; ``data/ministry_names.tsv``)."""

    branches: Mapping[str, str] = field(default_factory=dict)
    """Phrase -> name of a naval or air branch ("navy" -> "Navy"; ``data/branch_names.tsv``)."""

    def branch(self, text: str) -> str | None:
        """The naval or air branch a military mention's words name ("the Indonesian navy"), or None."""
        words = " " + " ".join(re.findall(r"[a-z]+", text.lower())) + " "
        return next((name for phrase, name in self.branches.items() if f" {phrase} " in words), None)

    def ministry(self, text: str) -> str | None:
        """The ministry a mention's words name ("Foreign Ministry", "ministry of the interior"), or None."""
        words = re.findall(r"[a-z]+", text.lower())
        for k, w in enumerate(words):
            if w not in {"ministry", "ministries"}:
                continue
            before = self.ministries.get(words[k - 1]) if k > 0 else None
            after = words[k + 1 : k + 4]
            if after[:1] == ["of"]:
                rest = [x for x in after[1:] if x != "the"]
                before = before or (self.ministries.get(rest[0]) if rest else None)
            if before is not None:
                return before
        return None

    def name(self, country: Country, sector: str, region: str | None = None) -> str | None:
        label = self.labels.get(sector)
        if label is None:
            return None
        return f"{label[:1].upper()}{label[1:]} of {region or _with_article(country)}"


_TAKES_THE = frozenset({"Republic", "Islands", "Emirates", "Kingdom", "States"})


def _with_article(country: Country) -> str:
    """"the United States", "the Netherlands" (a plural name listed with "the" among its aliases), "Syria", "Ukraine"."""
    words = country.name.split()
    # a plural name the KB also lists with "the" ("the Netherlands", "the Philippines"); not "the Ukraine", an old usage
    listed = country.name.endswith("s") and any(a.lower() == f"the {country.name.lower()}" for a in country.aliases)
    return f"the {country.name}" if listed or words[0] == "United" or words[-1] in _TAKES_THE else country.name


def load_sector_names(known_sectors: frozenset[str] | None = None) -> SectorNames:
    """Read ``sector_names.tsv``; a duplicate sector or an empty label is an error naming the line."""
    labels: dict[str, str] = {}
    for row in read_rows(packaged_text("dragoman.actors", "sector_names.tsv"), "sector_names.tsv", ("sector", "label")):
        if not row["label"]:
            raise row.error("empty label")
        if row["sector"] in labels:
            raise row.error(f"sector {row['sector']} is listed twice")
        if known_sectors is not None and row["sector"] not in known_sectors:
            raise row.error(f"sector {row['sector']} is used by no sector word or role; check the code")
        labels[row["sector"]] = row["label"]
    ministries: dict[str, str] = {}
    for row in read_rows(packaged_text("dragoman.actors", "ministry_names.tsv"), "ministry_names.tsv", ("word", "name")):
        if not re.fullmatch(r"[a-z]+", row["word"]) or not row["name"].startswith("Ministry of "):
            raise row.error("a ministry row is a lower-case field word and a name starting 'Ministry of '")
        if row["word"] in ministries:
            raise row.error(f"field word {row['word']!r} is listed twice")
        ministries[row["word"]] = row["name"]
    branches: dict[str, str] = {}
    for row in read_rows(packaged_text("dragoman.actors", "branch_names.tsv"), "branch_names.tsv", ("phrase", "name")):
        if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", row["phrase"]) or not row["name"]:
            raise row.error("a branch row is lower-case words and a name")
        if row["phrase"] in branches:
            raise row.error(f"phrase {row['phrase']!r} is listed twice")
        branches[row["phrase"]] = row["name"]
    return SectorNames(labels, ministries, branches)


def name_sector_actors(mentions: tuple[ActorMention, ...], countries: Mapping[str, Country], names: SectorNames) -> tuple[ActorMention, ...]:
    """Rename the mentions of a state's sector that carry the bare country name."""
    out = []
    for m in mentions:
        actor = m.actor
        country = countries.get(actor.country or "")
        if (actor.person_id is None and actor.sector and country is not None and actor.name == country.name
                and actor.kind in {"state", "group", "organization"} and actor.code == f"{country.iso3}{actor.sector}"):
            organ = names.ministry(m.span.text) or (names.branch(m.span.text) if actor.sector == "MIL" else None)
            named = f"{organ} of {_with_article(country)}" if organ is not None else names.name(country, actor.sector)
            if named is not None:
                m = replace(m, actor=replace(actor, name=named))
        out.append(m)
    return tuple(out)
