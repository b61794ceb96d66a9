"""The packaged knowledge base loads and is consistent."""

from __future__ import annotations

import collections
import datetime as dt
import pycountry
from dragoman.actors import load_knowledge
from dragoman.actors.knowledge import OFFICES

KB = load_knowledge()


def test_sizes() -> None:
    assert sum(1 for c in KB.countries.values() if c.status == "member") == 193
    assert len(KB.people) >= 1500
    assert len(KB.organizations) >= 300


def test_every_role_points_to_a_person_and_an_existing_state_or_org() -> None:
    for role in KB.roles:
        assert role.person in KB.people, role
        assert role.org in KB.countries or role.org in KB.organizations, role
        assert role.office in OFFICES


def test_iso3_codes_are_valid() -> None:
    for iso3, country in KB.countries.items():
        assert len(iso3) == 3 and iso3.isupper()
        if country.status == "member":
            assert pycountry.countries.get(alpha_3=iso3) is not None, iso3


def test_people_and_org_countries_exist() -> None:
    for person in KB.people.values():
        assert person.country is None or person.country in KB.countries or person.country in KB.organizations, person
    for org in KB.organizations.values():
        assert org.country is None or org.country in KB.countries, org


def test_no_overlapping_terms_of_one_office() -> None:
    terms: dict[tuple[str, str], list] = collections.defaultdict(list)
    for role in KB.roles:
        if role.office != "other":
            terms[(role.org, role.office)].append(role)
    for key, roles in terms.items():
        roles.sort(key=lambda r: r.start or dt.date.min)
        for a, b in zip(roles, roles[1:]):
            if a.person == b.person:
                continue
            assert a.end is not None and (b.start is None or a.end <= b.start), (key, a, b)


def test_dates_are_ordered() -> None:
    for role in KB.roles:
        if role.start and role.end:
            assert role.start <= role.end, role
