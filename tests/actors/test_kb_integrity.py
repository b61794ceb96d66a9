"""Integrity of the whole packaged knowledge base: every people*.tsv and roles*.tsv file together.

The other KB tests (tests/actors/test_kb_*.py) check each file's own shape; these check what
only shows when all files are read as one: ids unique across files, every role's person, org and
sector known, dates ordered, and no one in two governments at once. The sector codes are the
documented list in actors/data/sector_codes.tsv.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
from pathlib import Path

import pytest

from dragoman.actors import load_knowledge
from dragoman.actors.knowledge import KnowledgeBase, Role

DATA = Path(__file__).resolve().parents[2] / "src" / "dragoman" / "actors" / "data"

# Personal unions, not a person in two governments: one monarch wears the crowns of several
# states (the Commonwealth realms), and the French president is co-prince of Andorra ex officio.
_CROWNS = frozenset({"king", "queen"})
_EX_OFFICIO_TITLES = frozenset({"co-prince"})


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="module")
def sector_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in _rows(DATA / "sector_codes.tsv"))


def test_sector_code_list_is_well_formed(sector_codes: frozenset[str]) -> None:
    rows = _rows(DATA / "sector_codes.tsv")
    assert len(rows) == len(sector_codes), "a sector code is listed twice"
    for row in rows:
        assert len(row["code"]) == 3 and row["code"].isupper(), row
        assert row["group"] in {"state", "armed", "society", "international"}, row
        assert row["meaning"], row


def test_no_two_people_share_an_id() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(DATA.glob("people*.tsv")):
        for row in _rows(path):
            if row["id"] in seen:
                clashes.append(f"{row['id']}: {seen[row['id']]} and {path.name}")
            seen.setdefault(row["id"], path.name)
    assert not clashes, "ids listed twice (merge the rows into one):\n" + "\n".join(clashes)


def test_every_role_names_a_known_person(kb: KnowledgeBase) -> None:
    missing = [role for role in kb.roles if role.person not in kb.people]
    assert not missing, missing


def test_every_role_org_is_a_country_or_an_org(kb: KnowledgeBase) -> None:
    unknown = [role for role in kb.roles if role.org not in kb.countries and role.org not in kb.organizations]
    assert not unknown, unknown


def _documented(sector: str, codes: frozenset[str]) -> bool:
    """One code, or codes joined as CAMEO does for an organ of an organ ("GOVAGR": the agriculture ministry)."""
    parts = [sector[i : i + 3] for i in range(0, len(sector), 3)]
    return bool(parts) and len(sector) % 3 == 0 and all(p in codes for p in parts)


def test_every_sector_is_a_documented_code(kb: KnowledgeBase, sector_codes: frozenset[str]) -> None:
    bad = [f"role {r.person} {r.title} {r.org}: {r.sector}" for r in kb.roles if not _documented(r.sector, sector_codes)]
    bad += [f"org {o.code}: {o.sector}" for o in kb.organizations.values() if o.sector and not _documented(o.sector, sector_codes)]
    bad += [f"sector word {w.word!r}: {w.sector}" for w in kb.sectors.values() if w.sector not in sector_codes]
    assert not bad, "sectors missing from sector_codes.tsv:\n" + "\n".join(bad)


def test_every_role_starts_before_it_ends(kb: KnowledgeBase) -> None:
    bad = [role for role in kb.roles if role.start is not None and role.end is not None and not role.start < role.end]
    assert not bad, bad


def _state(kb: KnowledgeBase, role: Role) -> str | None:
    if role.org in kb.countries:
        return role.org
    org = kb.organizations.get(role.org)
    return org.country if org else None


def _overlap(a: Role, b: Role) -> bool:
    start = max(a.start or dt.date.min, b.start or dt.date.min)
    end = min(a.end or dt.date.max, b.end or dt.date.max)
    return start < end


def test_no_one_holds_government_roles_in_two_states_at_once(kb: KnowledgeBase) -> None:
    by_person: dict[str, list[tuple[str, Role]]] = collections.defaultdict(list)
    for role in kb.roles:
        state = _state(kb, role) if role.sector == "GOV" else None
        if state is not None:
            by_person[role.person].append((state, role))
    clashes = []
    for person, roles in by_person.items():
        for i, (state_a, a) in enumerate(roles):
            for state_b, b in roles[i + 1 :]:
                if state_a == state_b or not _overlap(a, b):
                    continue
                if (a.title in _CROWNS and b.title in _CROWNS) or {a.title, b.title} & _EX_OFFICIO_TITLES:
                    continue
                clashes.append(f"{person}: {a.title} of {state_a} {a.start}..{a.end} and {b.title} of {state_b} {b.start}..{b.end}")
    assert not clashes, "\n".join(clashes)
