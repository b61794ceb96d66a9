"""The actor knowledge base: countries, organisations, people with dated roles.

Read from the TSV files in ``actors/data`` (schema in ``docs/actors-kb.md``) plus an
optional user file whose rows add to or override the packaged ones.

Imported files (``<section>.<source>.tsv`` with ``source`` in :data:`IMPORTED_SOURCES`, e.g.
``people.phoenix.tsv``, converted from another project's dictionaries) rank below dragoman's own
files and the user file: an own row replaces an imported row with the same key; an own person
replaces every imported person that shares a name of two words or more with it (by
:func:`name_key`, when their countries agree or one is unknown) and takes over that person's
names as aliases and its roles, but only for the days none of its own roles holds, and of an
imported role that runs into an own one only the part before it (the import is older).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, fields, replace
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import starmap
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping, Sequence, TypeVar, cast, overload

from dragoman.errors import DataFileError
from dragoman.knowledge import Row, packaged_text, read_rows, tables, user_text
from dragoman.knowledge.cache import BuildCache

OFFICES = frozenset({"hos", "hog", "fm", "dm", "supreme", "igo_head", "group_leader", "other"})
IMPORTED_SOURCES: frozenset[str] = frozenset({"phoenix"})
"""Middle name parts of packaged files converted from other projects (``people.phoenix.tsv``)."""


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
    roles: Sequence[Role]
    titles: Mapping[str, str]
    sectors: Mapping[str, SectorWord]
    groups: Mapping[str, GroupTerm]
    regions: Mapping[str, Region]
    people_by_first_word: Mapping[str, tuple[tuple[str, Person], ...]]  # name_key's first word -> (key, person)
    roles_by_org: Mapping[str, tuple[Role, ...]]
    roles_by_person: Mapping[str, tuple[Role, ...]]
    imported: frozenset[str] = frozenset()  # ids of people and codes of organisations read from imported files

    def to_table(self) -> tuple[object, ...]:
        """The knowledge base as plain tuples, lists and dicts (for the start-up cache, knowledge/cache.py):
        every record once, as the tuple of its fields (dates as day numbers); the indexes by people's
        ids and roles' numbers."""
        person_key = {id(p): k for k, p in self.people.items()}
        role_number = {id(r): n for n, r in enumerate(self.roles)}

        def records(table: Mapping[str, Any]) -> tuple[list[str], list[tuple[object, ...]]]:
            return list(table), [_fields(r) for r in table.values()]

        return (
            records(self.countries), records(self.organizations), {k: _fields(p) for k, p in self.people.items()},
            [(r.person, r.title, r.office, r.org, r.sector, _day(r.start), _day(r.end)) for r in self.roles],
            dict(self.titles), records(self.sectors), records(self.groups), records(self.regions),
            {k: [(key, person_key[id(p)]) for key, p in found] for k, found in self.people_by_first_word.items()},
            {k: [role_number[id(r)] for r in found] for k, found in self.roles_by_org.items()},
            {k: [role_number[id(r)] for r in found] for k, found in self.roles_by_person.items()},
            self.imported,
        )

    @classmethod
    def from_table(cls, table: object) -> "KnowledgeBase":
        """The knowledge base :meth:`to_table` wrote (raises ValueError, TypeError, KeyError or IndexError on a foreign table).

        People and roles stay rows until they are asked for (:class:`_Made`, :class:`_MadeRoles`): a
        start makes the few an article needs, not the 20,000 people and 32,000 roles of the table."""
        (countries, orgs, people_rows, role_rows, titles, sectors, groups, regions,
         by_first, by_org, by_person, imported) = cast(tuple[Any, ...], table)
        if not all(isinstance(t, dict) for t in (people_rows, titles, by_first, by_org, by_person)) or not isinstance(role_rows, list):
            raise TypeError("not a knowledge base table")
        if not isinstance(imported, frozenset):
            raise TypeError(f"imported is a {type(imported).__name__}, not a frozenset")
        people: _Made[Person] = _Made(people_rows, lambda row: Person(*row))
        roles = _MadeRoles(role_rows)

        def named(found: list[tuple[str, str]]) -> tuple[tuple[str, Person], ...]:
            return tuple([(key, people[pid]) for key, pid in found])

        def held(found: list[int]) -> tuple[Role, ...]:
            return tuple(map(roles.__getitem__, found))

        return cls(
            countries=_records(Country, countries),
            organizations=_records(Organization, orgs),
            people=people,
            roles=roles,
            titles=dict(titles),
            sectors=_records(SectorWord, sectors),
            groups=_records(GroupTerm, groups),
            regions=_records(Region, regions),
            people_by_first_word=_Made(by_first, named),
            roles_by_org=_Made(by_org, held),
            roles_by_person=_Made(by_person, held),
            imported=imported,
        )

    @property
    def bloc_codes(self) -> frozenset[str]:
        """Codes (their first three letters) of groups that span many states ("the West", "Arabs",
        "Islamist militants"): never placed in one country."""
        return frozenset(g.code[:3] for g in self.groups.values() if g.kind in {"bloc", "armed"})

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


def _fields(record: object) -> tuple[object, ...]:
    """A record's fields in order (tuples of strings stay tuples: marshal keeps them)."""
    return tuple(getattr(record, f.name) for f in fields(cast(Any, record)))


_R = TypeVar("_R")


def _records(kind: Callable[..., _R], table: tuple[list[str], list[tuple[object, ...]]]) -> dict[str, _R]:
    keys, rows = table
    return dict(zip(keys, starmap(kind, rows), strict=True))


def _day(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


class _Made(Mapping[str, _R]):
    """Records kept as the rows of the start-up cache's table, each made the first time it is asked for."""

    __slots__ = ("_rows", "_make", "_made")

    def __init__(self, rows: Mapping[str, Any], make: Callable[[Any], _R]) -> None:
        self._rows = rows
        self._make = make
        self._made: dict[str, _R] = {}

    def __getitem__(self, key: str) -> _R:
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._make(self._rows[key])
        return made

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


class _MadeRoles(Sequence[Role]):
    """The roles kept as the rows of the start-up cache's table (dates as day numbers), each made the first time it is asked for."""

    __slots__ = ("_rows", "_made")

    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows
        self._made: list[Role | None] = [None] * len(rows)

    def _role(self, n: int) -> Role:
        role = self._made[n]
        if role is None:
            person, title, office, org, sector, start, end = self._rows[n]
            role = self._made[n] = Role(person, title, office, org, sector, None if start is None else dt.date.fromordinal(start),
                                        None if end is None else dt.date.fromordinal(end))
        return role

    @overload
    def __getitem__(self, i: int) -> Role: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Role]: ...

    def __getitem__(self, i: int | slice) -> Role | Sequence[Role]:
        if isinstance(i, slice):
            return tuple(map(self._role, range(len(self._rows))[i]))
        return self._role(range(len(self._rows))[i])  # negative numbers as a tuple reads them; IndexError past the end

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Role]:
        return map(self._role, range(len(self._rows)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)


_NAME_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "ul"})


def name_key(name: str) -> str:
    """A person's name folded for lookups: lower case, no accents, hyphens or dots, no Arabic
    article ("Omar al-Bashir" and "Omar El Bashir" are both "omar bashir")."""
    plain = name if name.isascii() else unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join([w for w in plain.lower().replace("-", " ").replace(".", " ").split() if w not in _NAME_ARTICLES])


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


def is_imported(file_name: str) -> bool:
    """``people.phoenix.tsv`` is imported (converted from another project), ``people.europe.tsv`` is dragoman's own."""
    parts = file_name.split(".")
    return len(parts) == 3 and parts[2] == "tsv" and parts[1] in IMPORTED_SOURCES


@dataclass(frozen=True, slots=True)
class _Source:
    """One file (or one section of a user file) of a KB section, where its text starts, and whether it is imported."""

    name: str
    text: str
    first_line: int = 1
    imported: bool = False


def _packaged_files(prefix: str, *, imported: bool) -> list[_Source]:
    """The packaged files of one section: dragoman's own first, then the imported ones (when wanted)."""
    folder: Traversable = resources.files("dragoman.actors").joinpath("data")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".tsv") and (entry.name == f"{prefix}.tsv" or entry.name.startswith(f"{prefix}.")):
            if is_imported(entry.name) and not imported:
                continue
            found.append((is_imported(entry.name), entry.name, entry))
    return [_Source(name, entry.read_text(encoding="utf-8"), 1, is_imported(name)) for _, name, entry in sorted(found, key=lambda f: (f[0], f[1]))]


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


def _user_sections(path: Path) -> dict[str, list[_Source]]:
    """A user file holds one or more sections, each starting with ``[countries]`` etc. Each section's
    text keeps the file's line numbers (the other sections' lines are blank in it)."""
    text = user_text(path, "actors file")
    lines = text.splitlines()
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1]
            if current not in _COLUMNS:
                raise DataFileError(f"{path}:{number}: unknown section [{current}]; allowed: {', '.join(sorted(_COLUMNS))}")
            sections.setdefault(current, [""] * len(lines))
            continue
        if current is None:
            if stripped and not stripped.startswith("#"):
                raise DataFileError(f"{path}:{number}: text before the first [section] header; start the file with e.g. [people]")
            continue
        sections[current][number - 1] = line
    return {name: [_Source(str(path), "\n".join(kept))] for name, kept in sections.items()}


def linking_keys(person: Person, key: Callable[[str], str] = name_key) -> set[str]:
    """The :func:`name_key` of every name of two words or more: a one-word name never links two records."""
    return {k for k in (key(n) for n in (person.name, *person.aliases)) if " " in k}


def countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def merge_imported(own_people: Mapping[str, Person], own_roles: Iterable[Role],
                   imported_people: Mapping[str, Person], imported_roles: Iterable[Role],
                   key: Callable[[str], str] = name_key) -> tuple[dict[str, Person], list[Role]]:
    """Imported people and roles under dragoman's own (see the module docstring).

    Returns the people (own first, then the imported ones no own person replaced) and the roles
    (own first, then the imported ones, clipped to the days the person's own roles leave free)."""
    by_key: dict[str, list[str]] = {}
    for pid, person in imported_people.items():
        if pid in own_people:
            continue  # same id: the own row replaces it outright
        for k in linking_keys(person, key):
            by_key.setdefault(k, []).append(pid)
    replaced: dict[str, str] = {pid: pid for pid in imported_people if pid in own_people}  # imported id -> own id
    people: dict[str, Person] = {}
    for own in own_people.values():
        found = {pid for k in linking_keys(own, key) for pid in by_key.get(k, ())
                 if countries_agree(own.country, imported_people[pid].country) and pid not in replaced}
        seen = {n.lower() for n in (own.name, *own.aliases)}
        aliases = list(own.aliases)
        for pid in sorted(found):
            replaced[pid] = own.id
            for name in (imported_people[pid].name, *imported_people[pid].aliases):
                if name.lower() not in seen:
                    seen.add(name.lower())
                    aliases.append(name)
        people[own.id] = replace(own, aliases=tuple(aliases)) if len(aliases) != len(own.aliases) else own
    for pid, person in imported_people.items():
        if pid not in replaced:
            people[pid] = person
    own_list = list(own_roles)
    own_by_person: dict[str, list[Role]] = {}
    for role in own_list:
        own_by_person.setdefault(role.person, []).append(role)
    kept: list[Role] = []
    for role in imported_roles:
        pid = replaced.get(role.person, role.person)
        if pid not in people:
            continue
        moved = replace(role, person=pid) if pid != role.person else role
        kept.extend(_outside(moved, own_by_person.get(pid, [])) if pid in own_people else [moved])
    return people, own_list + kept


def _overlap(a: Role, b: Role) -> bool:
    return (a.start is None or b.end is None or a.start < b.end) and (b.start is None or a.end is None or b.start < a.end)


def _outside(role: Role, others: Sequence[Role]) -> list[Role]:
    """The parts of ``role``'s period that none of ``others`` covers (ends exclusive, None open), and
    none after the start of the first of ``others`` it overlaps: an imported period that runs into
    an own role is out of date from there on (Phoenix's "since 2009, still" for a vice-president the
    own rows end in 2017)."""
    starts = [o.start for o in others if _overlap(role, o)]
    if starts:
        if any(s is None for s in starts):
            return []
        first = min(s for s in starts if s is not None)
        if role.start is not None and first <= role.start:
            return []
        role = replace(role, end=first)
    pieces: list[tuple[dt.date | None, dt.date | None]] = [(role.start, role.end)]
    for other in others:
        cut: list[tuple[dt.date | None, dt.date | None]] = []
        for start, end in pieces:
            if not _overlap(replace(role, start=start, end=end), other):
                cut.append((start, end))
                continue
            if other.start is not None and (start is None or start < other.start):
                cut.append((start, other.start))
            if other.end is not None and (end is None or other.end < end):
                cut.append((other.end, end))
        pieces = cut
    return [replace(role, start=start, end=end) for start, end in pieces]


_STATUSES = ("member", "observer", "territory")
_LEADER_OFFICES = ("hos", "hog", "supreme")
_ORG_KINDS = ("igo", "group", "organization")
_SECTOR_KINDS = ("state", "group", "organization")
_GROUP_KINDS = ("group", "bloc", "armed")
_GENDERS = ("m", "f")


def _sector_codes() -> frozenset[str]:
    """The CAMEO sector codes of ``sector_codes.tsv``: the only three-letter codes a sector cell may hold."""
    return frozenset(r["code"] for r in read_rows(packaged_text("dragoman.actors", "sector_codes.tsv"), "sector_codes.tsv", ("code",)))


def _check_code(row: Row, column: str, value: str, allowed: Collection[str], what: str = "", *, empty: bool = False) -> None:
    """Refuse a cell that is empty (unless ``empty``) or not in ``allowed`` (when given), naming file, line and the fix."""
    if not value:
        if not empty:
            raise row.error(f"the {column} column is empty; write {what or 'one of ' + ', '.join(sorted(allowed))}")
        return
    if allowed and value not in allowed:
        raise row.error(f"{column} {value!r} is not {what or 'one of ' + ', '.join(sorted(allowed))}")


def _check_sector(row: Row, value: str, codes: frozenset[str], *, empty: bool = False) -> None:
    """A sector cell: one CAMEO sector code (``GOV``) or several run together (``GOVMIL``), each of ``sector_codes.tsv``."""
    if not value and empty:
        return
    parts = [value[i:i + 3] for i in range(0, len(value), 3)]
    if not value or len(value) % 3 or any(p not in codes for p in parts):
        raise row.error(f"sector {value!r} is not a code of sector_codes.tsv ({', '.join(sorted(codes))}) or several run together (GOVMIL)")


def knowledge_sources(user_file: Path | None = None, *, imported: bool = True) -> tuple[list[Path], str]:
    """What :func:`build_knowledge` reads (its own source, the reader's, every packaged data file, the user
    file) and its parameters: the key of the knowledge base in the start-up cache (knowledge/cache.py)."""
    here = Path(__file__)
    data = sorted(p for p in here.parent.joinpath("data").iterdir() if p.is_file())
    return [here, Path(tables.__file__), *data, *([user_file] if user_file is not None else [])], f"imported={imported}"


def load_knowledge(user_file: Path | None = None, *, imported: bool = True, cache: BuildCache | None = None) -> KnowledgeBase:
    """:func:`build_knowledge`, read from ``cache`` when it holds one built from the same files."""
    if cache is None:
        return build_knowledge(user_file, imported=imported)
    try:
        key = cache.key(*knowledge_sources(user_file, imported=imported))
    except OSError:  # a user file that cannot be read: the build says so, naming it
        return build_knowledge(user_file, imported=imported)
    return cache.get("knowledge", key, lambda: build_knowledge(user_file, imported=imported), KnowledgeBase.to_table, KnowledgeBase.from_table)


def build_knowledge(user_file: Path | None = None, *, imported: bool = True) -> KnowledgeBase:
    """Read the packaged knowledge base, then the optional user file on top of it.

    ``imported=False`` leaves out the imported files (the converters compare against dragoman's own rows)."""
    sources = {name: _packaged_files(name, imported=imported) for name in _COLUMNS}
    if user_file is not None:
        for name, extra in _user_sections(user_file).items():
            own = [f for f in sources[name] if not f.imported]
            sources[name] = own + extra + [f for f in sources[name] if f.imported]

    def rows(section: str) -> Iterator[tuple[_Source, Row]]:
        for source in sources[section]:
            for row in read_rows(source.text, source.name, _COLUMNS[section], first_line=source.first_line):
                yield source, row

    sector_codes = _sector_codes()
    countries: dict[str, Country] = {}
    for source, r in rows("countries"):
        if source.imported and r["iso3"] in countries:
            continue
        _check_code(r, "iso3", r["iso3"], (), "an iso3 code (3 capitals, e.g. TUR)")
        _check_code(r, "status", r["status"], _STATUSES)
        _check_code(r, "leader_office", r["leader_office"], _LEADER_OFFICES, empty=True)
        countries[r["iso3"]] = Country(r["iso3"], r["name"], _split(r["aliases"]), _split(r["adjectives"]), _split(r["capital"]), r["status"], r["leader_office"] or "hos")
    orgs: dict[str, Organization] = {}
    imported_codes: set[str] = set()
    for source, r in rows("orgs"):
        if source.imported:
            if r["code"] in orgs:
                continue  # dragoman's own row wins
            imported_codes.add(r["code"])
        _check_code(r, "code", r["code"], (), "a CAMEO-style code in capitals (IGOUNO, SYRREB)")
        _check_code(r, "kind", r["kind"], _ORG_KINDS, empty=True)
        _check_code(r, "country", r["country"], countries, "an iso3 from countries.tsv", empty=True)
        _check_sector(r, r["sector"], sector_codes, empty=True)
        orgs[r["code"]] = Organization(r["code"], r["name"], _split(r["aliases"]), r["kind"] or "organization", r["country"] or None, r["sector"] or None)
    people: dict[str, Person] = {}
    imported_people: dict[str, Person] = {}
    for source, r in rows("people"):
        into = imported_people if source.imported else people
        _check_code(r, "id", r["id"], (), "a slug (recep-tayyip-erdogan)")
        _check_code(r, "country", r["country"], countries, "an iso3 from countries.tsv", empty=True)
        _check_code(r, "gender", r["gender"], _GENDERS, empty=True)
        into[r["id"]] = Person(r["id"], r["name"], _split(r["aliases"]), r["country"] or None, r["gender"] or None)
    roles: list[Role] = []
    imported_roles: list[Role] = []
    for source, r in rows("roles"):
        into_roles = imported_roles if source.imported else roles
        if r["office"] not in OFFICES:
            raise r.error(f"office {r['office']!r} not in {sorted(OFFICES)}")
        if r["person"] not in people and r["person"] not in imported_people:
            raise r.error(f"person {r['person']!r} is not an id of a people file; add the person or fix the id")
        if r["org"] not in countries and r["org"] not in orgs:
            raise r.error(f"org {r['org']!r} is neither an iso3 of countries.tsv nor a code of orgs.tsv")
        _check_sector(r, r["sector"], sector_codes, empty=True)
        start, end = _date(r["start"], r.where), _date(r["end"], r.where)
        if start is not None and end is not None and end < start:
            raise r.error(f"end {r['end']!r} is before start {r['start']!r}; swap them or fix the date")
        into_roles.append(Role(r["person"], r["title"].lower(), r["office"], r["org"], r["sector"] or "GOV", start, end))
    keys: dict[str, str] = {}  # name -> name_key, each computed once

    def key_of(name: str) -> str:
        found = keys.get(name)
        if found is None:
            found = keys[name] = name_key(name)
        return found

    own_ids = set(people)
    if imported_people or imported_roles:
        people, roles = merge_imported(people, roles, imported_people, imported_roles, key_of)
    titles: dict[str, str] = {}
    for source, r in rows("titles"):
        if source.imported and r["surface"].lower() in titles:
            continue
        titles[r["surface"].lower()] = r["title"].lower() if not r["title"].startswith("@") else r["title"]
    sectors: dict[str, SectorWord] = {}
    for source, r in rows("sectors"):
        if source.imported and r["word"].lower() in sectors:
            continue  # dragoman's own row wins
        _check_sector(r, r["sector"], sector_codes)
        _check_code(r, "kind", r["kind"], _SECTOR_KINDS, empty=True)
        sectors[r["word"].lower()] = SectorWord(r["word"].lower(), r["sector"], r["kind"] or "state")

    groups: dict[str, GroupTerm] = {}
    for source, r in rows("groups"):
        if source.imported and r["term"] in groups:
            continue
        _check_code(r, "kind", r["kind"], _GROUP_KINDS, empty=True)
        groups[r["term"]] = GroupTerm(r["term"], r["code"], r["name"], r["kind"] or "group")

    regions: dict[str, Region] = {}
    for source, r in rows("regions"):
        if source.imported and r["name"] in regions:
            continue
        if r["country"] not in countries:
            raise r.error(f"region {r['name']!r} has unknown country {r['country']!r}; use an iso3 from countries.tsv")
        regions[r["name"]] = Region(r["name"], _split(r["aliases"]), r["country"])

    by_first: dict[str, list[tuple[str, Person]]] = {}
    for person in people.values():
        for name in (person.name, *person.aliases):
            key = key_of(name)
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
        imported=frozenset(imported_codes | {pid for pid in people if pid in imported_people and pid not in own_ids}),
    )
