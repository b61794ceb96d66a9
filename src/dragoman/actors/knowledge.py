"""The actor knowledge base: countries, organisations, people with dated roles.

Read from the TSV files in ``actors/data`` (schema in ``docs/actors-kb.md``) plus an
optional user file whose rows add to or override the packaged ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from dragoman.errors import DataFileError

OFFICES = frozenset({"hos", "hog", "fm", "dm", "supreme", "igo_head", "group_leader", "other"})


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    status: str
    leader_office: str


@dataclass(frozen=True, slots=True)
class Organization:
    code: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    gender: str | None


@dataclass(frozen=True, slots=True)
class Role:
    person: str
    title: str
    office: str
    org: str
    sector: str
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class SectorWord:
    word: str
    sector: str
    kind: str


@dataclass(frozen=True, slots=True)
class GroupTerm:
    term: str
    code: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    country: str


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """All actor knowledge, indexed for lookups. Built by :func:`load_knowledge`."""

    countries: Mapping[str, Country]
    organizations: Mapping[str, Organization]
    people: Mapping[str, Person]
    roles: tuple[Role, ...]
    titles: Mapping[str, str]
    sectors: Mapping[str, SectorWord]
    groups: Mapping[str, GroupTerm]
    regions: Mapping[str, Region]
    people_by_first_word: Mapping[str, tuple[tuple[str, Person], ...]]  # name_key's first word -> (key, person)
    roles_by_org: Mapping[str, tuple[Role, ...]]
    roles_by_person: Mapping[str, tuple[Role, ...]]

    @property
    def bloc_codes(self) -> frozenset[str]:
        """Codes of groups that span many states ("the West", "Arabs"): never placed in one country."""
        return frozenset(g.code for g in self.groups.values() if g.kind == "bloc")

    def holders(self, org: str, day: dt.date, *, office: str | None = None, title: str | None = None) -> list[Person]:
        """People holding ``office`` (or ``title``) of ``org`` on ``day``."""
        found: list[Person] = []
        for role in self.roles_by_org.get(org, ()):
            if office is not None and role.office != office:
                continue
            if title is not None and role.title != title:
                continue
            if role.holds_on(day) and role.person in self.people and self.people[role.person] not in found:
                found.append(self.people[role.person])
        return found

    def role_on(self, person_id: str, day: dt.date | None) -> Role | None:
        """The person's main role on ``day`` (the highest office), or their latest role."""
        roles = self.roles_by_person.get(person_id, ())
        if not roles:
            return None
        rank = {"hos": 0, "hog": 1, "supreme": 0, "igo_head": 2, "fm": 3, "dm": 4, "group_leader": 5, "other": 6}
        current = [r for r in roles if day is None or r.holds_on(day)]
        if current:
            return min(current, key=lambda r: rank.get(r.office, 9))
        dated = [r for r in roles if r.start is not None]
        if day is not None:
            past = [r for r in dated if r.start is not None and r.start <= day]
            if past:
                return max(past, key=lambda r: (r.start, -rank.get(r.office, 9)))
        return max(dated, key=lambda r: (r.start, -rank.get(r.office, 9))) if dated else roles[0]


_NAME_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "ul"})


def name_key(name: str) -> str:
    """A person's name folded for lookups: lower case, no accents, hyphens or dots, no Arabic
    article ("Omar al-Bashir" and "Omar El Bashir" are both "omar bashir")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().replace("-", " ").replace(".", " ")
    return " ".join(w for w in plain.split() if w not in _NAME_ARTICLES)


def _split(cell: str | None) -> tuple[str, ...]:
    if not cell:
        return ()
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _date(cell: str | None, where: str) -> dt.date | None:
    if not cell or not cell.strip():
        return None
    raw = cell.strip()
    try:
        if len(raw) == 4:
            return dt.date(int(raw), 1, 1)
        if len(raw) == 7:
            return dt.date(int(raw[:4]), int(raw[5:7]), 1)
        return dt.date.fromisoformat(raw)
    except ValueError as e:
        raise DataFileError(f"{where}: bad date {raw!r}; use YYYY-MM-DD, YYYY-MM or YYYY") from e


def _rows(text: str, where: str, required: Iterable[str]) -> Iterator[tuple[str, dict[str, str]]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = set(required) - set(reader.fieldnames or ())
    if missing:
        raise DataFileError(f"{where}: missing columns {sorted(missing)}; see docs/actors-kb.md")
    for number, row in enumerate(reader, start=2):
        yield f"{where} row {number}", {k: (v or "").strip() for k, v in row.items() if k is not None}


def _packaged_files(prefix: str) -> list[tuple[str, str]]:
    folder: Traversable = resources.files("dragoman.actors").joinpath("data")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".tsv") and (entry.name == f"{prefix}.tsv" or entry.name.startswith(f"{prefix}.")):
            out.append((entry.name, entry.read_text(encoding="utf-8")))
    return out


_COLUMNS = {
    "countries": ("iso3", "name", "aliases", "adjectives", "capital", "status", "leader_office"),
    "orgs": ("code", "name", "aliases", "kind", "country", "sector"),
    "people": ("id", "name", "aliases", "country", "gender"),
    "roles": ("person", "title", "office", "org", "sector", "start", "end"),
    "titles": ("surface", "title"),
    "sectors": ("word", "sector", "kind"),
    "groups": ("term", "code", "name", "kind"),
    "regions": ("name", "aliases", "country"),
}


def _user_sections(path: Path) -> dict[str, list[tuple[str, str]]]:
    """A user file holds one or more sections, each starting with ``[countries]`` etc."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise DataFileError(f"actors file {path}: cannot read it ({e})") from e
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1]
            if current not in _COLUMNS:
                raise DataFileError(f"actors file {path}: unknown section [{current}]; allowed: {', '.join(sorted(_COLUMNS))}")
            sections.setdefault(current, [])
            continue
        if current is None:
            if stripped and not stripped.startswith("#"):
                raise DataFileError(f"actors file {path}: text before the first [section] header")
            continue
        sections[current].append(line)
    return {name: [(f"{path} [{name}]", "\n".join(lines))] for name, lines in sections.items()}


def load_knowledge(user_file: Path | None = None) -> KnowledgeBase:
    """Read the packaged knowledge base, then the optional user file on top of it."""
    sources = {name: _packaged_files(name) for name in _COLUMNS}
    if user_file is not None:
        for name, extra in _user_sections(user_file).items():
            sources[name] = sources[name] + extra

    countries: dict[str, Country] = {}
    for where_file, text in sources["countries"]:
        for where, r in _rows(text, where_file, _COLUMNS["countries"]):
            countries[r["iso3"]] = Country(r["iso3"], r["name"], _split(r["aliases"]), _split(r["adjectives"]), _split(r["capital"]), r["status"], r["leader_office"] or "hos")
    orgs: dict[str, Organization] = {}
    for where_file, text in sources["orgs"]:
        for where, r in _rows(text, where_file, _COLUMNS["orgs"]):
            orgs[r["code"]] = Organization(r["code"], r["name"], _split(r["aliases"]), r["kind"] or "organization", r["country"] or None, r["sector"] or None)
    people: dict[str, Person] = {}
    for where_file, text in sources["people"]:
        for where, r in _rows(text, where_file, _COLUMNS["people"]):
            people[r["id"]] = Person(r["id"], r["name"], _split(r["aliases"]), r["country"] or None, r["gender"] or None)
    roles: list[Role] = []
    for where_file, text in sources["roles"]:
        for where, r in _rows(text, where_file, _COLUMNS["roles"]):
            if r["office"] not in OFFICES:
                raise DataFileError(f"{where}: office {r['office']!r} not in {sorted(OFFICES)}")
            roles.append(Role(r["person"], r["title"].lower(), r["office"], r["org"], r["sector"] or "GOV", _date(r["start"], where), _date(r["end"], where)))
    titles: dict[str, str] = {}
    for where_file, text in sources["titles"]:
        for where, r in _rows(text, where_file, _COLUMNS["titles"]):
            titles[r["surface"].lower()] = r["title"].lower() if not r["title"].startswith("@") else r["title"]
    sectors: dict[str, SectorWord] = {}
    for where_file, text in sources["sectors"]:
        for where, r in _rows(text, where_file, _COLUMNS["sectors"]):
            sectors[r["word"].lower()] = SectorWord(r["word"].lower(), r["sector"], r["kind"] or "state")

    groups: dict[str, GroupTerm] = {}
    for where_file, text in sources["groups"]:
        for where, r in _rows(text, where_file, _COLUMNS["groups"]):
            groups[r["term"]] = GroupTerm(r["term"], r["code"], r["name"], r["kind"] or "group")

    regions: dict[str, Region] = {}
    for where_file, text in sources["regions"]:
        for where, r in _rows(text, where_file, _COLUMNS["regions"]):
            if r["country"] not in countries:
                raise DataFileError(f"{where}: region {r['name']!r} has unknown country {r['country']!r}; use an iso3 from countries.tsv")
            regions[r["name"]] = Region(r["name"], _split(r["aliases"]), r["country"])

    by_first: dict[str, list[tuple[str, Person]]] = {}
    for person in people.values():
        for name in (person.name, *person.aliases):
            key = name_key(name)
            if " " in key:
                by_first.setdefault(key.split()[0], []).append((key, person))

    by_org: dict[str, list[Role]] = {}
    by_person: dict[str, list[Role]] = {}
    for role in roles:
        by_org.setdefault(role.org, []).append(role)
        by_person.setdefault(role.person, []).append(role)
    return KnowledgeBase(
        countries=countries,
        organizations=orgs,
        people=people,
        roles=tuple(roles),
        titles=titles,
        sectors=sectors,
        groups=groups,
        regions=regions,
        people_by_first_word={k: tuple(v) for k, v in by_first.items()},
        roles_by_org={k: tuple(v) for k, v in by_org.items()},
        roles_by_person={k: tuple(v) for k, v in by_person.items()},
    )
