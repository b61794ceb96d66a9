"""The Phoenix actor dictionary converter (``dragoman.actors.phoenix_convert``).

Hand-written entries in the Phoenix format; the shipped ``*.phoenix.tsv`` files are checked for
their headers and codes, and re-made from the dictionaries in ../shared (skipped without them).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path

import pytest

from dragoman.actors.knowledge import KnowledgeBase, load_knowledge
from dragoman.actors.phoenix_convert import Converter, convert_folder
from dragoman.actors.phoenix_dictionary import parse_date, read_actors, read_agents
from dragoman.actors.phoenix_names import org_case, person_case
from dragoman.actors.phoenix_roles import CodeReader, timeline
from dragoman.actors.phoenix_rows import ACTOR_FILES, AGENTS_FILE

COUNTRIES_TEXT = """\
# a comment line
EGYPT_  [EGY]
+EGYPTIAN
+CAIRO_

# Presidents
HOSNI_MUBARAK_  # CountryInfo.txt
+MUBARAK_
+PRESIDENT_HOSNI_MUBARAK
\t[EGYELI 460101-811007]
\t[EGYGOV 811014-110211]
\t[EGYELI]
ZYGMUNT_QUARTERFIELD_
+ZYGMUNT_QUARTERFIELD_III
+QUARTERFIELD_
\t[EGYELI 19270101-700101]
\t[EGYGOVBUS 700101-751231] # PM
\t[EGYELI]
LEONID_BARSUKOVICH_
LEONID_I._BARSUKOVICH
SOVIET_LEADER_LEONID_BARSUKOVICH
\t[USRGOV 641014-821110]
ABDUL_XOMBRA_
\t[EGYGOV >140608]
ABDUL_XOMBRA_
\t[SYRGOV >140608]
KHODAIDAD_
\t[AFGGOVCOP 071001-100131]
BROKEN_DATES_PERSON_
\t[EGYGOV 9008223-911221]
\t[EGYGOV 20121207-20120802]
"""

INTERNATIONAL_TEXT = """\
UNITED_NATIONS_ [IGOUNO]
NORDIC_WIDGET_COUNCIL_ [IGOUNOWDG] # not a real body
+NWC
KOFI_ANNAN_\t[IGOUNO 970101-061231] [ELI]# IGOrulers.txt
XAVIER_PLOMBIERES_\t[IGOUNOWDG >990304]
ZYXCO_HOLDINGS_ [MNCUSA]
"""

MILNONSTATE_TEXT = """\
ARMED_FRONT_OF_ZYXLAND_(AFZ)_ [EGYREB] #  kkl 21 Mar 13
+ZYXLAND_ARMED_FRONT_
ACCOLTA_ZYXIANA_CORSA_ [FRAREB] #  kkl 21 Mar 13
"""

AGENTS_TEXT = """\
!PERSON! = MAN, MEN
TROOP {} [~MIL]
GUN!PERSON! [~UAF]
RESERVIST [~MIL]
MARAUDER {MARAUDERS} [~UAF]
FARMER [~AGR]
ARMY_CHIEF [~MIL]
"""


@pytest.fixture(scope="module")
def own() -> KnowledgeBase:
    return load_knowledge(imported=False)


def test_dates_and_two_digit_years() -> None:
    assert parse_date("811014") == dt.date(1981, 10, 14)
    assert parse_date("110211") == dt.date(2011, 2, 11)
    assert parse_date("300101") == dt.date(1930, 1, 1)  # the pivot: yy >= 30 is 19yy
    assert parse_date("290101") == dt.date(2029, 1, 1)
    assert parse_date("19270101") == dt.date(1927, 1, 1)
    with pytest.raises(ValueError):
        parse_date("9008223")


def test_reader_entries_aliases_codes_and_comments() -> None:
    entries = read_actors(COUNTRIES_TEXT, "Phoenix.Countries.actors.txt")
    by_name = {e.names[0]: e for e in entries}
    mubarak = by_name["HOSNI_MUBARAK_"]
    assert mubarak.names == ("HOSNI_MUBARAK_", "MUBARAK_", "PRESIDENT_HOSNI_MUBARAK")
    assert mubarak.comment == "CountryInfo.txt"
    assert [(r.code, r.start, r.end, r.dated) for r in mubarak.restrictions] == [
        ("EGYELI", dt.date(1946, 1, 1), dt.date(1981, 10, 7), True),
        ("EGYGOV", dt.date(1981, 10, 14), dt.date(2011, 2, 11), True),
        ("EGYELI", None, None, False),
    ]
    # primary phrases with no code between them share the codes that follow (PETRARCH's reading)
    assert by_name["LEONID_BARSUKOVICH_"].names == ("LEONID_BARSUKOVICH_", "LEONID_I._BARSUKOVICH", "SOVIET_LEADER_LEONID_BARSUKOVICH")
    assert by_name["EGYPT_"].restrictions[0].code == "EGY"
    assert by_name["ZYGMUNT_QUARTERFIELD_"].restrictions[1].comment == "PM"
    broken = by_name["BROKEN_DATES_PERSON_"]
    assert not broken.restrictions and len(broken.problems) == 2
    # codes on the phrase line itself, several of them
    intl = {e.names[0]: e for e in read_actors(INTERNATIONAL_TEXT, "Phoenix.International.actors.txt")}
    assert [(r.code, r.dated) for r in intl["KOFI_ANNAN_"].restrictions] == [("IGOUNO", True), ("ELI", False)]
    assert intl["XAVIER_PLOMBIERES_"].restrictions[0].start == dt.date(1999, 3, 4)


def test_agents_with_substitutions_and_plurals() -> None:
    agents = read_agents(AGENTS_TEXT)
    assert [(a.phrase, a.code, a.plural_given, a.plurals) for a in agents] == [
        ("TROOP", "MIL", True, ()), ("GUNMAN", "UAF", True, ()), ("GUNMEN", "UAF", True, ()), ("RESERVIST", "MIL", False, ()),
        ("MARAUDER", "UAF", True, ("MARAUDERS",)), ("FARMER", "AGR", False, ()), ("ARMY_CHIEF", "MIL", False, ()),
    ]


def test_news_case() -> None:
    assert person_case("ABDEL_FATTAH_EL_SISI") == "Abdel Fattah el-Sisi"
    assert person_case("ABDEL_FATTAH_EL-SISI") == "Abdel Fattah el-Sisi"
    assert person_case("OSAMA_BIN_LADEN_") == "Osama bin Laden"
    assert person_case("JAVIER_DE_CUELLAR_") == "Javier de Cuellar"
    assert person_case("GEORGE_W._BUSH") == "George W. Bush"
    assert person_case("R.K._PACHAURI_") == "R.K. Pachauri"
    assert person_case("JOHN_MCCLOY_") == "John McCloy"
    assert person_case("MIGUEL_D'ESCOTO_BROCKMANN_") == "Miguel D'Escoto Brockmann"
    assert person_case("ZIA-UL-HAQ") == "Zia-ul-Haq"
    assert person_case("JUAN_CARLOS_I") == "Juan Carlos I"
    assert org_case("UN_HIGH_COMMISSION_FOR_REFUGEES_", {"UN": "UN"}) == ("UN High Commission for Refugees", ())
    assert org_case("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_") == ("Aden Abyan Islamic Army", ("AAIA",))
    assert org_case("AL-AQSA_MARTYRS_BRIGADES_") == ("al-Aqsa Martyrs Brigades", ())
    assert org_case("IAEA_") == ("IAEA", ())
    assert org_case("THE_UNITED_NATIONS_") == ("United Nations", ())


def test_timeline_fills_gaps_with_the_default_and_skips_early_elite_years() -> None:
    codes = CodeReader(frozenset({"EGY", "RUS", "AFG"}))
    entries = {e.names[0]: e for e in read_actors(COUNTRIES_TEXT, "Phoenix.Countries.actors.txt")}
    periods, problems = timeline(entries["HOSNI_MUBARAK_"].restrictions, codes, {})
    assert not problems
    assert [(p.org, p.sector, p.start, p.end) for p in periods] == [
        ("EGY", "ELI", dt.date(1946, 1, 1), dt.date(1981, 10, 14)),  # 1981-10-08..13, between the ranges: the default ELI
        ("EGY", "GOV", dt.date(1981, 10, 14), dt.date(2011, 2, 12)),  # Phoenix ends are included: end is the next day
        ("EGY", "ELI", dt.date(2011, 2, 12), None),
    ]
    # an ELI default does not reach back before a first range that starts before 1950; a comment that is a title gives the title
    periods, _ = timeline(entries["ZYGMUNT_QUARTERFIELD_"].restrictions, codes, {"pm": "prime minister"})
    assert periods[0].start == dt.date(1927, 1, 1)
    assert [(p.sector, p.title) for p in periods] == [("ELI", ""), ("GOVBUS", "prime minister"), ("ELI", "")]
    # a state that ended is coded as its continuator
    periods, _ = timeline(entries["LEONID_BARSUKOVICH_"].restrictions, codes, {})
    assert [(p.org, p.sector) for p in periods] == [("RUS", "GOV")]


def test_converter_on_a_sample(own: KnowledgeBase) -> None:
    converter = Converter(own)
    texts = {"Phoenix.Countries.actors.txt": COUNTRIES_TEXT, "Phoenix.International.actors.txt": INTERNATIONAL_TEXT,
             "Phoenix.MilNonState.actors.txt": MILNONSTATE_TEXT}
    result = converter.convert(texts, AGENTS_TEXT)
    people = {p.name: p for p in result.people}
    # the country entry is no actor; Mubarak is dragoman's own person: written (the loader merges), titled alias cut to the name
    assert "Egypt" not in people
    mubarak = people["Hosni Mubarak"]
    assert mubarak.id == "phx-hosni-mubarak" and "Mubarak" in mubarak.aliases  # one-word alias kept: dragoman knows him
    assert "President Hosni Mubarak" not in mubarak.aliases
    # a person dragoman does not know keeps no one-word alias
    quarterfield = people["Zygmunt Quarterfield"]
    assert quarterfield.aliases == ("Zygmunt Quarterfield III",) and quarterfield.country == "EGY"
    assert "Leonid Barsukovich" in people and "Soviet Leader Leonid Barsukovich" not in people["Leonid Barsukovich"].aliases
    # a name two Phoenix people share names neither; a one-word name alone is no name
    assert "Abdul Xombra" not in people and "Khodaidad" not in people
    roles = [(r.org, r.sector, r.office, r.start) for r in result.roles if r.person == "phx-leonid-barsukovich"]
    assert roles == [("RUS", "GOV", "other", dt.date(1964, 10, 14))]
    # organisations: the UN is dragoman's own (by code and name); a new IGO keeps its code; its head's role points at it
    orgs = {o.name: o for o in result.orgs}
    assert "United Nations" not in orgs
    assert orgs["Nordic Widget Council"].code == "IGOUNOWDG" and orgs["Nordic Widget Council"].aliases == ("NWC",)
    plombieres = [r for r in result.roles if r.person == "phx-xavier-plombieres"]
    assert [(r.org, r.sector) for r in plombieres] == [("IGOUNOWDG", "IGO")]
    annan = [(r.org, r.sector) for r in result.roles if r.person == "phx-kofi-annan"]
    assert annan == [("IGOUNO", "IGO")]  # the undated [ELI] names no country: left out
    # armed groups get dragoman-style codes (country + sector + tag) and their bracketed abbreviation as an alias
    front = orgs["Armed Front of Zyxland"]
    assert front.kind == "group" and front.code.startswith("EGYREB") and len(front.code) == 9 and "AFZ" in front.aliases
    assert orgs["Accolta Zyxiana Corsa"].kind == "group"  # an undated MilNonState entry named like a person is a group
    assert not any("Zyxco" in o.name for o in result.orgs)  # companies are out of scope
    # agent words: state and armed sectors only, with plurals; known words, society sectors and titles left out
    assert {(s.word, s.sector) for s in result.sectors} == {("reservist", "MIL"), ("reservists", "MIL"), ("marauder", "UAF"), ("marauders", "UAF")}
    report = "\n".join(converter.report.lines())
    assert "company or media list" in report and "date restriction that cannot be read" in report


SHIPPED = ("people.phoenix.tsv", "roles.phoenix.tsv", "orgs.phoenix.tsv")


def _shipped(name: str) -> str:
    return resources.files("dragoman.actors").joinpath("data", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_files_name_their_source_licence_and_command(name: str) -> None:
    head = "\n".join(line for line in _shipped(name).splitlines()[:8] if line.startswith("#"))
    assert "openeventdata/petrarch2" in head and "676801cd9cb2924bbbad09f86d15c9323e7097bf" in head
    assert "MIT" in head and "NOTICE" in head
    assert "python -m dragoman.actors.phoenix_convert" in head
    notice = _shipped("NOTICE")
    assert "Phoenix" in notice and "Permission is hereby granted" in notice


def test_shipped_files_parse_and_point_at_known_codes() -> None:
    kb = load_knowledge()
    imported_people = {line.split("\t", 1)[0] for line in _shipped("people.phoenix.tsv").splitlines()
                       if line and not line.startswith("#") and not line.startswith("id\t")}
    assert len(imported_people) > 15_000 and all(pid.startswith("phx-") for pid in imported_people)
    rows = [line.split("\t") for line in _shipped("roles.phoenix.tsv").splitlines() if line and not line.startswith(("#", "person\t"))]
    assert rows and all(len(cells) == 7 for cells in rows)
    for person, _title, office, org, sector, start, end in rows:
        assert person in imported_people and office == "other" and sector
        assert org in kb.countries or org in kb.organizations, (person, org)
        assert not (start and end) or start < end
    for code in kb.imported & set(kb.organizations):
        assert kb.organizations[code].kind in {"igo", "group", "organization"}
        assert kb.organizations[code].country is None or kb.organizations[code].country in kb.countries


def test_shipped_files_are_reproduced(shared: Path) -> None:
    source = shared / "external" / "petrarch_dictionaries"
    if not all((source / name).is_file() for name in (*ACTOR_FILES, AGENTS_FILE)):
        pytest.skip("the Phoenix dictionaries are absent")
    files, _ = convert_folder(source)
    assert sorted(files) == sorted(SHIPPED)
    for name, text in files.items():
        assert text == _shipped(name), f"{name} differs from a fresh conversion: run `make dictionaries`"
