"""Checks over the non-person actor data files (countries, orgs, sectors, titles).

These tests read the TSV files with the csv module only, so they run without the rest of
dragoman. The format is described in docs/actors-kb.md.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "dragoman" / "actors" / "data"

HEADERS = {
    "countries.tsv": ["iso3", "name", "aliases", "adjectives", "capital", "status", "leader_office"],
    "orgs.tsv": ["code", "name", "aliases", "kind", "country", "sector"],
    "sectors.tsv": ["word", "sector", "kind"],
    "titles.tsv": ["surface", "title"],
}

# The documented sector sets (see the comments at the top of orgs.tsv and sectors.tsv).
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
ARMED_SECTORS = {"REB", "INS", "SEP", "UAF", "CRM", "RAD"}
SOCIETY_SECTORS = {
    "OPP", "BUS", "CVL", "LAB", "MED", "NGO", "EDU", "REL", "HLH", "AGR", "ELI", "REF", "ENV",
}
ALL_SECTORS = STATE_SECTORS | ARMED_SECTORS | SOCIETY_SECTORS | {"IGO"}
GROUP_SECTORS = {"REB", "INS", "UAF", "CRM"}
ORG_KINDS = {"igo", "group", "organization"}
SECTOR_KINDS = {"state", "group", "organization"}
STATUSES = {"member", "observer", "territory"}
LEADER_OFFICES = {"hos", "hog", "supreme"}
OFFICE_CLASSES = {"@hos", "@hog", "@fm", "@dm", "@supreme", "@leader"}
# IGO scopes documented at the top of orgs.tsv
IGO_SCOPES = {
    "WST", "EUR", "AFR", "WAF", "EAF", "SAF", "CFR", "ARB", "PGS", "MOS", "ASA", "SEA",
    "SAS", "PAC", "SOV", "AMR", "LAM", "SAM", "CRB", "GLB",
}
# Codes outside ISO 3166-1, each documented in a comment in countries.tsv
NON_ISO_CODES = {"XKX", "XNC", "XAB", "XSO", "XTR", "XSL", "XNK"}


def read(name: str) -> tuple[list[str], list[dict[str, str]]]:
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for number, cells in enumerate(reader, start=2):
        assert len(cells) == len(header), f"{name}: data row {number} has {len(cells)} cells: {cells}"
        rows.append(dict(zip(header, cells)))
    return header, rows


def split(cell: str) -> list[str]:
    return [part for part in cell.split("|") if part]


def norm(text: str) -> str:
    """Case- and accent-insensitive key for duplicate checks."""
    text = unicodedata.normalize("NFKD", text).replace("’", "'")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return read("countries.tsv")[1]


@pytest.fixture(scope="module")
def orgs() -> list[dict[str, str]]:
    return read("orgs.tsv")[1]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_matches_schema(name: str) -> None:
    header, rows = read(name)
    assert header == HEADERS[name]
    assert rows, f"{name} has no rows"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_cells_are_clean(name: str) -> None:
    _, rows = read(name)
    for row in rows:
        for column, cell in row.items():
            assert cell == cell.strip(), f"{name}: stray whitespace in {column}: {cell!r}"
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), (
                f"{name}: empty list item in {column}: {cell!r}"
            )
            parts = split(cell)
            assert all(p == p.strip() for p in parts), f"{name}: padded list item: {cell!r}"
            assert len(parts) == len(set(parts)), f"{name}: repeated list item in {column}: {cell!r}"


# ---------------------------------------------------------------- countries.tsv


def test_iso3_codes_are_unique_three_letter_codes(countries) -> None:
    codes = [row["iso3"] for row in countries]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes), codes
    assert len(codes) == len(set(codes))


def test_exactly_193_un_members(countries) -> None:
    members = [row for row in countries if row["status"] == "member"]
    assert len(members) == 193


def test_observers_and_key_territories_present(countries) -> None:
    by_code = {row["iso3"]: row for row in countries}
    assert by_code["VAT"]["status"] == "observer"
    assert by_code["PSE"]["status"] == "observer"
    for code in ("TWN", "XKX", "ESH", "HKG", "MAC", "GRL", "PRI", "XNC", "XAB", "XSO", "XTR", "XSL"):
        assert by_code[code]["status"] == "territory", code


def test_status_and_leader_office_values(countries) -> None:
    for row in countries:
        assert row["status"] in STATUSES, row
        assert row["leader_office"] in LEADER_OFFICES, row
        assert row["name"], row


def test_codes_agree_with_pycountry(countries) -> None:
    pycountry = pytest.importorskip("pycountry")
    for row in countries:
        code = row["iso3"]
        entry = pycountry.countries.get(alpha_3=code)
        if code in NON_ISO_CODES:
            assert entry is None, f"{code} is now an ISO code; use it as such"
            continue
        assert entry is not None, f"{code} ({row['name']}) is not an ISO 3166-1 alpha-3 code"
        assert entry.alpha_3 == code and entry.numeric.isdigit()
        # the ISO name (short, common or official) must be among our name and aliases
        ours = {norm(n) for n in [row["name"], *split(row["aliases"])]}
        ours |= {norm(n.removeprefix("the ")) for n in ours}
        iso_names = {
            norm(getattr(entry, attr))
            for attr in ("name", "common_name", "official_name")
            if getattr(entry, attr, None)
        }
        iso_names = {re.sub(r"\s*\(.*\)$", "", n).removeprefix("the ") for n in iso_names}  # "Holy See (Vatican City State)"
        iso_names = {n for n in iso_names if "," not in n}  # "Bolivia, Plurinational State of"
        if iso_names:
            assert ours & iso_names, f"{code}: none of {sorted(iso_names)} in {sorted(ours)}"


def test_every_un_member_in_pycountry_is_listed(countries) -> None:
    pycountry = pytest.importorskip("pycountry")
    ours = {row["iso3"] for row in countries}
    # every UN member has an ISO code; spot-check that no sovereign state is missing
    for code in ("AFG", "CIV", "COD", "COG", "PRK", "KOR", "SWZ", "MKD", "TLS", "SSD", "FSM", "STP"):
        assert pycountry.countries.get(alpha_3=code) is not None
        assert code in ours, code


def test_no_alias_names_two_countries(countries) -> None:
    owner: dict[str, str] = {}
    for row in countries:
        for name in {norm(n) for n in [row["name"], *split(row["aliases"])]}:
            assert owner.setdefault(name, row["iso3"]) == row["iso3"], (
                f"{name!r} names both {owner[name]} and {row['iso3']}"
            )


def test_no_adjective_names_two_countries(countries) -> None:
    owner: dict[str, str] = {}
    names = {norm(n): row["iso3"] for row in countries for n in [row["name"], *split(row["aliases"])]}
    for row in countries:
        for adjective in {norm(a) for a in split(row["adjectives"])}:
            assert owner.setdefault(adjective, row["iso3"]) == row["iso3"], (
                f"adjective {adjective!r} for both {owner[adjective]} and {row['iso3']}"
            )
            assert names.get(adjective, row["iso3"]) == row["iso3"], (
                f"adjective {adjective!r} of {row['iso3']} is a name of {names[adjective]}"
            )


def test_no_capital_for_two_countries(countries) -> None:
    owner: dict[str, str] = {}
    for row in countries:
        for capital in {norm(c) for c in split(row["capital"])}:
            assert owner.setdefault(capital, row["iso3"]) == row["iso3"], capital


def test_spot_checks(countries) -> None:
    by_code = {row["iso3"]: row for row in countries}

    def names(code: str) -> set[str]:
        row = by_code[code]
        return {row["name"], *split(row["aliases"])}

    assert {"Türkiye", "Turkiye", "Turkey"} <= names("TUR")
    assert {"US", "U.S.", "USA", "America", "United States of America"} <= names("USA")
    assert {"UK", "Britain", "Great Britain"} <= names("GBR")
    assert {"Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"} <= names("CIV")
    assert {"Burma", "Myanmar"} <= names("MMR")
    assert {"DRC", "DR Congo", "Congo-Kinshasa"} <= names("COD")
    assert {"Congo-Brazzaville", "Republic of the Congo"} <= names("COG")
    assert {"Czechia", "Czech Republic"} <= names("CZE")
    assert {"Swaziland", "Eswatini"} <= names("SWZ")
    assert {"Macedonia", "North Macedonia"} <= names("MKD")
    assert "American" in split(by_code["USA"]["adjectives"])
    assert "Ankara" in split(by_code["TUR"]["capital"])
    assert {"Kyiv", "Kiev"} <= set(split(by_code["UKR"]["capital"]))
    assert by_code["IRN"]["leader_office"] == "supreme"
    assert by_code["USA"]["leader_office"] == "hos"
    assert by_code["GBR"]["leader_office"] == "hog"
    assert by_code["DEU"]["leader_office"] == "hog"
    assert by_code["SAU"]["leader_office"] == "hos"


# ---------------------------------------------------------------- orgs.tsv


def test_org_codes_unique_and_well_formed(orgs) -> None:
    codes = [row["code"] for row in orgs]
    assert len(codes) == len(set(codes)), sorted({c for c in codes if codes.count(c) > 1})
    for code in codes:
        assert re.fullmatch(r"(?:[A-Z0-9]{3}){2,4}", code), code


def test_org_kinds_and_sectors(orgs) -> None:
    for row in orgs:
        assert row["kind"] in ORG_KINDS, row
        assert row["sector"] in ALL_SECTORS, row
        assert row["name"], row
        if row["kind"] == "igo":
            assert row["sector"] == "IGO" and row["country"] == "", row
        if row["kind"] == "group":
            assert row["sector"] in GROUP_SECTORS, row


def test_org_country_is_known(orgs, countries) -> None:
    known = {row["iso3"] for row in countries}
    for row in orgs:
        assert row["country"] == "" or row["country"] in known, row


def test_org_codes_follow_documented_convention(orgs) -> None:
    for row in orgs:
        code, country, sector = row["code"], row["country"], row["sector"]
        if row["kind"] == "igo":
            assert code == "IGOUNO" or (code.startswith("IGO") and (code[3:6] == "UNO" or code[3:6] in IGO_SCOPES)), code
        elif country:
            # <ISO3><SECTOR>[<TAG>...]
            assert code[:3] == country and code[3:6] == sector, row
        elif row["kind"] == "group":
            assert code.startswith("IMG") and code[3:6] == sector, row
        else:
            assert code.startswith("NGO") and sector == "NGO", row


def test_no_org_alias_names_two_orgs(orgs) -> None:
    owner: dict[str, str] = {}
    for row in orgs:
        for alias in {row["name"], *split(row["aliases"])}:
            assert owner.setdefault(alias, row["code"]) == row["code"], (
                f"{alias!r} names both {owner[alias]} and {row['code']}"
            )


def test_org_aliases_do_not_shadow_countries(orgs, countries) -> None:
    country_names = {n for row in countries for n in [row["name"], *split(row["aliases"])]}
    for row in orgs:
        for alias in {row["name"], *split(row["aliases"])}:
            assert alias not in country_names, (alias, row["code"])


def test_core_org_codes(orgs) -> None:
    by_code = {row["code"]: row for row in orgs}
    expected = {
        "IGOUNO": "UN", "IGOWSTNAT": "NATO", "IGOEUREEC": "EU", "IGOAFRAFU": "AU",
        "IGOSEAASN": "ASEAN", "IGOUNOSEC": "UNSC", "IGOUNOIAE": "IAEA", "IGOGLBICC": "ICC",
        "TURREBPKK": "PKK", "PSEINSHAM": "HAMAS", "LBNINSHEZ": "Hizbollah", "IMGINSISI": "ISIS",
        "USAGOV": "the White House", "RUSGOV": "the Kremlin", "USAMIL": "the Pentagon",
        "IRNMILRGC": "IRGC",
    }
    for code, alias in expected.items():
        assert alias in {by_code[code]["name"], *split(by_code[code]["aliases"])}, code


# ---------------------------------------------------------------- sectors.tsv and titles.tsv


def test_sector_words() -> None:
    _, rows = read("sectors.tsv")
    words = [row["word"] for row in rows]
    assert len(words) == len(set(words))
    for row in rows:
        assert row["word"] == row["word"].lower(), row
        assert row["sector"] in ALL_SECTORS - {"IGO"}, row
        assert row["kind"] in SECTOR_KINDS, row
        if row["sector"] in STATE_SECTORS:
            assert row["kind"] == "state", row
        elif row["sector"] in ARMED_SECTORS:
            assert row["kind"] == "group", row
        else:
            assert row["kind"] == "organization", row
    by_word = {row["word"]: row["sector"] for row in rows}
    assert by_word["forces"] == "MIL" and by_word["authorities"] == "GOV"
    assert by_word["rebels"] == "REB" and by_word["police"] == "COP"
    for phrase in ("security forces", "armed forces", "foreign ministry", "defence ministry",
                   "defense ministry", "state media", "state company", "border guards",
                   "intelligence services"):
        assert phrase in by_word, phrase


def test_titles() -> None:
    _, rows = read("titles.tsv")
    surfaces = [row["surface"].casefold() for row in rows]
    assert len(surfaces) == len(set(surfaces))
    for row in rows:
        title = row["title"]
        assert row["surface"] and title, row
        if title.startswith("@"):
            assert title in OFFICE_CLASSES, row
        else:
            assert title == title.lower(), row
        for word in row["surface"].split():
            # lower case, except all-capital abbreviations (PM, VP, CEO)
            assert word == word.lower() or word.replace(".", "").isupper(), row
    by_surface = {row["surface"]: row["title"] for row in rows}
    assert by_surface["premier"] == "prime minister"
    assert by_surface["PM"] == "prime minister"
    assert by_surface["top diplomat"] == "@fm"
    assert by_surface["defense secretary"] == "@dm"
    assert by_surface["leader"] == "@leader"
    assert by_surface["supreme leader"] == "@supreme"
