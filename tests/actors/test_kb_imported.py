"""Imported knowledge files (``*.phoenix.tsv``) under dragoman's own: which rows win, how people
merge, which imported roles survive; and the phrase table that matches the 30,000 names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher

from dragoman.actors.knowledge import Person, Role, is_imported, load_knowledge, merge_imported
from dragoman.actors.terms import PhraseTable, phrase_tokens


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _role(person: str, org: str, sector: str, start: str | None, end: str | None, office: str = "other") -> Role:
    return Role(person, "", office, org, sector, _day(start), _day(end))


def test_imported_files_by_name() -> None:
    assert is_imported("people.phoenix.tsv") and is_imported("orgs.phoenix.tsv")
    assert not is_imported("people.europe_americas.tsv") and not is_imported("people.tsv")


def test_own_person_wins_aliases_are_joined_and_imported_roles_fill_only_the_gaps() -> None:
    own = {"hosni-mubarak": Person("hosni-mubarak", "Hosni Mubarak", ("Mubarak",), "EGY", "m")}
    own_roles = [_role("hosni-mubarak", "EGY", "GOV", "1981-10-14", "2011-02-11", office="hos")]
    imported = {
        "phx-hosni-mubarak": Person("phx-hosni-mubarak", "Hosni Mubarak", ("Husni Mubarak", "Mubarak"), "EGY", None),
        "phx-other": Person("phx-other", "Zygmunt Quarterfield", (), "EGY", None),
        # same name, another country: not the same person
        "phx-namesake": Person("phx-namesake", "Hosni Mubarak", (), "SYR", None),
    }
    imported_roles = [
        _role("phx-hosni-mubarak", "EGY", "ELI", "1946-01-01", "1981-10-14"),
        _role("phx-hosni-mubarak", "EGY", "GOV", "1981-10-14", "2011-02-12"),
        _role("phx-hosni-mubarak", "EGY", "ELI", "2011-02-12", None),
        _role("phx-other", "EGY", "GOV", "2000-01-01", None),
    ]
    people, roles = merge_imported(own, own_roles, imported, imported_roles)
    assert list(people) == ["hosni-mubarak", "phx-other", "phx-namesake"]  # own first; the twin is gone
    mubarak = people["hosni-mubarak"]
    assert (mubarak.name, mubarak.country, mubarak.gender) == ("Hosni Mubarak", "EGY", "m")
    assert mubarak.aliases == ("Mubarak", "Husni Mubarak")
    his = [(r.sector, r.office, r.start, r.end) for r in roles if r.person == "hosni-mubarak"]
    assert his == [
        ("GOV", "hos", dt.date(1981, 10, 14), dt.date(2011, 2, 11)),  # the own role first
        ("ELI", "other", dt.date(1946, 1, 1), dt.date(1981, 10, 14)),  # before it
        ("ELI", "other", dt.date(2011, 2, 12), None),  # after it
    ]  # the imported GOV role overlapped the own one: gone
    assert [r.person for r in roles].count("phx-other") == 1


def test_an_imported_role_running_into_an_own_one_stops_where_it_starts() -> None:
    own = {"joe-biden": Person("joe-biden", "Joe Biden", (), "USA", "m")}
    own_roles = [_role("joe-biden", "USA", "GOV", "2009-01-20", "2017-01-20"), _role("joe-biden", "USA", "GOV", "2021-01-20", "2025-01-20", "hos")]
    imported = {"phx-joe-biden": Person("phx-joe-biden", "Joseph Biden", ("Joe Biden",), "USA", None)}
    # Phoenix (2014): senator since 1973, vice-president "since 2009, still"
    imported_roles = [_role("phx-joe-biden", "USA", "LEG", "1973-01-03", "2009-01-15"), _role("phx-joe-biden", "USA", "GOV", "2009-01-20", None)]
    _, roles = merge_imported(own, own_roles, imported, imported_roles)
    kept = [(r.sector, r.start, r.end) for r in roles if r.office == "other" and r.sector != "GOV"]
    assert kept == [("LEG", dt.date(1973, 1, 3), dt.date(2009, 1, 15))]
    assert not any(r.start == dt.date(2017, 1, 20) for r in roles)  # no imported GOV between the own terms


def test_one_word_names_never_link_people() -> None:
    own = {"george-w-bush": Person("george-w-bush", "George W. Bush", ("Bush",), "USA", "m")}
    imported = {"phx-george-h-w-bush": Person("phx-george-h-w-bush", "George H. W. Bush", ("Bush",), "USA", None)}
    people, _ = merge_imported(own, [], imported, [])
    assert set(people) == {"george-w-bush", "phx-george-h-w-bush"}


def test_the_packaged_kb_merges_phoenix_people_under_own_ones() -> None:
    kb = load_knowledge()
    own = load_knowledge(imported=False)
    assert set(own.people) <= set(kb.people) and len(kb.people) > len(own.people) + 15_000
    assert not any(pid.startswith("phx-") for pid in own.people)
    sisi = kb.people["abdel-fattah-el-sisi"]
    assert sisi.name == own.people["abdel-fattah-el-sisi"].name
    assert set(own.people["abdel-fattah-el-sisi"].aliases) < set(sisi.aliases)
    assert "phx-abdel-fattah-el-sisi" not in kb.people
    # Sisi's own roles are kept; Phoenix adds his army years before them
    assert kb.role_on("abdel-fattah-el-sisi", dt.date(2020, 1, 1)).office == "hos"  # type: ignore[union-attr]
    army = kb.role_on("abdel-fattah-el-sisi", dt.date(2000, 1, 1))
    assert army is not None and (army.org, army.sector) == ("EGY", "MIL")
    # own orgs win over imported rows; imported ones are marked
    assert all(code not in own.organizations for code in kb.imported & set(kb.organizations))


def test_a_user_file_person_replaces_an_imported_one(tmp_path: Path) -> None:
    kb = load_knowledge()
    twin = next(p for p in kb.people.values() if p.id.startswith("phx-") and " " in p.name and p.country == "JOR")
    user = tmp_path / "actors.tsv"
    user.write_text(
        "[people]\nid\tname\taliases\tcountry\tgender\n"
        f"zz-twin\t{twin.name}\t\tJOR\tm\n"
        "[roles]\nperson\ttitle\toffice\torg\tsector\tstart\tend\n"
        "zz-twin\tenvoy\tother\tJOR\tGOV\t\t\n",
        encoding="utf-8",
    )
    merged = load_knowledge(user)
    assert twin.id not in merged.people and merged.people["zz-twin"].gender == "m"
    assert {r.person for r in merged.roles if r.person in (twin.id, "zz-twin")} == {"zz-twin"}
    assert all(r.title == "envoy" for r in merged.roles_by_person["zz-twin"])  # the own role covers every day


def test_phrase_table_matches_as_spacy_phrase_matcher_does() -> None:
    nlp = spacy.blank("en")
    phrases = ["Abdel Fattah el-Sisi", "el-Sisi", "U.S.", "U.S. Army", "Im Chhunlim", "al-Qaeda", "Sisi", "the West Bank", "West"]
    special = frozenset(nlp.tokenizer.rules or ())
    for phrase in phrases:
        assert phrase_tokens(phrase, nlp, special) == tuple(t.text for t in nlp.make_doc(phrase))
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        tokens = tuple(t.lower() for t in phrase_tokens(phrase, nlp, special))
        by_first.setdefault(tokens[0], []).append(tokens)
    table = PhraseTable({k: tuple(v) for k, v in by_first.items()})
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("KB", [nlp.make_doc(p) for p in phrases])
    doc = nlp("President Abdel Fattah El-Sisi met U.S. Army officers; Im Chhunlim and AL-QAEDA in the West Bank, west of Sisi.")
    assert sorted(table(doc)) == sorted((s, e) for _, s, e in matcher(doc))
