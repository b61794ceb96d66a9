"""What the knowledge base knows of an actor code: its name, kind and country, and the dated roles behind it.

A code is a state (``TUR``), a state's sector (``TURGOV``: the state's code and a sector code of
``sector_codes.tsv``), an organisation (``orgs*.tsv``) or a group term's code (``groups.tsv``). Its
roles are the offices held in that state (of that sector) or organisation, newest first; and the
people the store names under the code (``Recep Tayyip Erdogan`` for ``TURGOV``) are looked up by
name, each with every role the knowledge base gives them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from dragoman.actors.knowledge import KnowledgeBase, Person, Role, name_key
from dragoman.actors.naming import SectorNames


@dataclass(frozen=True, slots=True)
class DatedRole:
    """An office someone held: the person (id and name), the title, the office kind, the state or organisation
    and sector, and the days it began and ended (``None``: not known, or still held)."""

    person_id: str
    person: str
    title: str
    office: str
    org: str
    sector: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person the store names under the code, as the knowledge base knows them."""

    id: str
    name: str
    country: str | None
    roles: tuple[DatedRole, ...]


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """The knowledge base's entry for ``code`` (``known`` is false when it has none): its name, kind (state,
    sector, an organisation's kind, group), country and country name, sector code and label, the roles held
    in it (newest first, at most a few dozen) and the people named under it."""

    code: str
    known: bool
    name: str | None
    kind: str | None
    country: str | None
    country_name: str | None
    sector: str | None
    sector_label: str | None
    roles: tuple[DatedRole, ...]
    people: tuple[KnownPerson, ...]


def _dated(kb: KnowledgeBase, role: Role) -> DatedRole:
    person = kb.people.get(role.person)
    return DatedRole(role.person, person.name if person else role.person, role.title, role.office, role.org, role.sector, role.start, role.end)


def _newest_first(roles: Iterable[Role]) -> list[Role]:
    return sorted(roles, key=lambda r: (r.end is not None, -(r.end or dt.date.max).toordinal(), -(r.start or dt.date.min).toordinal(), r.person))


def _person(kb: KnowledgeBase, name: str) -> Person | None:
    key = name_key(name)
    words = key.split()
    if not words:
        return None
    for k, person in kb.people_by_first_word.get(words[0], ()):
        if k == key:
            return person
    return None


def actor_profile(kb: KnowledgeBase, sectors: SectorNames, code: str, people_names: Iterable[str] = (), roles: int = 40) -> ActorProfile:
    """The knowledge base's entry for ``code`` and the dated roles behind it; ``people_names`` are names the
    store gives mentions of the code (persons among them are looked up)."""
    code = code.upper()
    name = kind = country = country_name = sector = sector_label = None
    held: list[Role] = []
    if code in kb.countries:
        c = kb.countries[code]
        name, kind, country, country_name = c.name, "state" if c.status == "state" else c.status, code, c.name
        held = list(kb.roles_by_org.get(code, ()))
    elif code in kb.organizations:
        org = kb.organizations[code]
        name, kind, country, sector = org.name, org.kind, org.country, org.sector
        country_name = kb.countries[org.country].name if org.country is not None and org.country in kb.countries else None
        held = list(kb.roles_by_org.get(code, ()))
    elif code[:3] in kb.countries and len(code) > 3:
        c = kb.countries[code[:3]]
        sector = code[3:]
        label = sectors.labels.get(sector)
        if label is not None:
            name, kind, country, country_name, sector_label = sectors.name(c, sector), "sector", c.iso3, c.name, label
            held = [r for r in kb.roles_by_org.get(c.iso3, ()) if r.sector == sector]
    if name is None:
        group = next((g for g in kb.groups.values() if g.code == code), None)
        if group is not None:
            name, kind = group.name, group.kind
    people = []
    seen: set[str] = set()
    for written in people_names:
        person = _person(kb, written)
        if person is None or person.id in seen:
            continue
        seen.add(person.id)
        people.append(KnownPerson(person.id, person.name, person.country, tuple(_dated(kb, r) for r in _newest_first(kb.roles_by_person.get(person.id, ())))))
    return ActorProfile(
        code, name is not None, name, kind, country, country_name, sector, sector_label,
        tuple(_dated(kb, r) for r in _newest_first(held)[:roles]), tuple(people),
    )
