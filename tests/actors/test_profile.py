"""What the knowledge base says of a stored actor code (the actor page of the web UI)."""

from __future__ import annotations

import datetime as dt

import pytest

from dragoman.actors import KnowledgeBase, actor_profile, load_knowledge, load_sector_names
from dragoman.actors.naming import SectorNames


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="module")
def sectors() -> SectorNames:
    return load_sector_names()


def test_a_state_sector_has_its_offices_newest_first(kb: KnowledgeBase, sectors: SectorNames) -> None:
    p = actor_profile(kb, sectors, "turgov", ["Recep Tayyip Erdogan", "Government of Turkey", "Mevlut Cavusoglu"])
    assert p.known and p.code == "TURGOV" and p.name == "Government of Turkey" and p.kind == "sector"
    assert (p.country, p.country_name, p.sector, p.sector_label) == ("TUR", "Turkey", "GOV", "government")
    assert p.roles and all(r.org == "TUR" and r.sector == "GOV" for r in p.roles)
    ends = [r.end for r in p.roles]
    assert ends[: ends.count(None)] == [None] * ends.count(None)  # offices still held come first
    erdogan = next(x for x in p.people if x.name == "Recep Tayyip Erdogan")
    assert any(r.title == "president" and r.start == dt.date(2014, 8, 28) for r in erdogan.roles)
    assert [x.name for x in p.people] == ["Recep Tayyip Erdogan", "Mevlut Cavusoglu"]  # "Government of Turkey" is nobody


def test_states_organisations_groups_and_unknown_codes(kb: KnowledgeBase, sectors: SectorNames) -> None:
    state = actor_profile(kb, sectors, "RUS")
    assert state.known and state.name == "Russia" and state.country == "RUS" and any(r.office == "hos" for r in state.roles)
    qaeda = actor_profile(kb, sectors, "IMGINSAQD")
    assert qaeda.known and qaeda.name == "al-Qaeda" and any(r.person == "Osama bin Laden" for r in qaeda.roles)
    unknown = actor_profile(kb, sectors, "ZZZXXX", ["Nobody Known"])
    assert not unknown.known and unknown.roles == () and unknown.people == ()
