"""Checks dragoman's CAMEO table and pattern dictionary (plain csv, no project code).

The table is compared with the reference files in ``../shared/external`` when they are
present; the pattern files are checked for format (docs/event-patterns.md) always.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
DATA = REPO / "src" / "dragoman" / "events" / "data"
EXTERNAL = REPO.parent / "shared" / "external"

CAMEO_COLUMNS = ["code", "name", "goldstein", "quad_class", "plover", "plover_mode"]
PATTERN_COLUMNS = ["id", "code", "pattern", "flags"]
KNOWN_FLAGS = {"reciprocal", "noun", "passive", "source_after", "intransitive", "object", "no_predicate", "located"}
ROOTS = [f"{n:02d}" for n in range(1, 21)]

ID_RE = re.compile(r"^[a-z0-9]+(?:[._][a-z0-9-]+)*$")
LEMMA = r"[a-z0-9](?:[a-z0-9'.-]*[a-z0-9])?"
LEMMA_RE = re.compile(rf"^{LEMMA}$")
ALTERNATION_RE = re.compile(rf"^{LEMMA}(?:\|{LEMMA})*$")


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE))


def pattern_files() -> list[Path]:
    return sorted(DATA.glob("patterns*.tsv"))


@pytest.fixture(scope="module")
def cameo() -> dict[str, dict[str, str]]:
    rows = read_tsv(DATA / "cameo.tsv")
    table = {row["code"]: row for row in rows}
    assert len(table) == len(rows), "duplicate codes in cameo.tsv"
    return table


@pytest.fixture(scope="module")
def patterns() -> list[tuple[str, int, dict[str, str]]]:
    out = []
    for path in pattern_files():
        with path.open(newline="", encoding="utf-8") as f:
            reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader)
            assert header == PATTERN_COLUMNS, path.name
            for lineno, fields in enumerate(reader, start=2):
                assert len(fields) == 4, f"{path.name}:{lineno}: {len(fields)} columns"
                out.append((path.name, lineno, dict(zip(PATTERN_COLUMNS, fields))))
    return out


def codebook() -> dict[str, dict]:
    path = EXTERNAL / "cameo_codebook.json"
    if not path.exists():
        pytest.skip(f"{path} not present")
    return json.loads(path.read_text(encoding="utf-8"))["codes"]


def plover_table() -> dict[str, set[str]]:
    """Code -> PLOVER types listed for it (the 2021 table lists 08 and 175 twice)."""
    path = EXTERNAL / "cameo2plover_2021.txt"
    if not path.exists():
        pytest.skip(f"{path} not present")
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table.setdefault(m.group(1), set()).add(m.group(2))
    return table


# --- pattern syntax -------------------------------------------------------------


def pattern_errors(pattern: str) -> list[str]:
    """Problems with one pattern, empty when it follows docs/event-patterns.md."""
    elements = pattern.split(" ")
    errors = []
    if not pattern or pattern != pattern.strip() or "" in elements:
        return ["empty element or stray whitespace"]
    for el in elements:
        body = el[1:-1] if el.startswith("(") and el.endswith(")") else el
        if el in {"*", "+", "$", "'s"}:
            continue
        if el.startswith("~"):
            if not LEMMA_RE.match(el[1:]):
                errors.append(f"bad negative element {el!r}")
        elif not ALTERNATION_RE.match(body):
            errors.append(f"bad element {el!r}")
    words = [el for el in elements if el not in {"*", "+", "$", "'s"} and not el.startswith("~")]
    if not words:
        errors.append("no word element (anchor)")
    elif words[0].startswith("("):
        errors.append("anchor is optional")
    if elements.count("$") > 1 or elements.count("+") > 2:
        errors.append("more than one source slot or more than two target slots")
    if elements[0] == "*" or elements[-1] == "*":
        errors.append("leading or trailing gap")
    return errors


@pytest.mark.parametrize(
    "pattern",
    ["sell * to +", "meet (with) +", "talks between $ and +", "$ 's invasion of +",
     "sell + * drone|weapon|arms", "accuse + ~not of", "(a|b) x" and "lean on +"],
)
def test_validator_accepts_documented_examples(pattern):
    assert pattern_errors(pattern) == []


@pytest.mark.parametrize("pattern", ["", "* sell", "Sell +", "sell  to", "sell ||x", "(sell) +", "+ +"])
def test_validator_rejects_bad_patterns(pattern):
    assert pattern_errors(pattern)


# --- cameo.tsv --------------------------------------------------------------------


def test_cameo_columns_and_codes_are_well_formed(cameo):
    with (DATA / "cameo.tsv").open(encoding="utf-8") as f:
        assert f.readline().rstrip("\n").split("\t") == CAMEO_COLUMNS
    for code, row in cameo.items():
        assert re.fullmatch(r"\d{2,4}", code), code
        assert code[:2] in ROOTS, code
        assert row["name"].strip(), code
        assert -10.0 <= float(row["goldstein"]) <= 10.0, code
        root = int(code[:2])
        expected_quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert int(row["quad_class"]) == expected_quad, code
        if len(code) > 2:
            assert code[:3 if len(code) == 4 else 2] in cameo, f"{code} has no parent"
    assert set(ROOTS) <= set(cameo)


def test_cameo_matches_codebook(cameo):
    book = codebook()
    missing = sorted(set(book) - set(cameo))
    assert not missing, f"codes missing from cameo.tsv: {missing}"
    for code, entry in book.items():
        row = cameo[code]
        assert float(row["goldstein"]) == pytest.approx(entry["goldstein"]), code
        assert int(row["quad_class"]) == entry["quad_class"], code


def test_plover_types_match_2021_table(cameo):
    table = plover_table()
    checked = 0
    for code, types in table.items():
        if code in cameo:
            assert cameo[code]["plover"] in types, f"{code}: {cameo[code]['plover']} not in {types}"
            checked += 1
    assert checked > 200
    for code, row in cameo.items():
        if code not in table and len(code) > 2:
            parent = code[:-1] if len(code) == 4 else code[:2]
            if parent in table:
                assert row["plover"] in table[parent], f"{code} should inherit {parent}"


# --- patterns*.tsv ------------------------------------------------------------


def test_pattern_files_exist():
    names = {p.name for p in pattern_files()}
    assert {"patterns.01-05.tsv", "patterns.06-10.tsv", "patterns.11-15.tsv", "patterns.16-20.tsv"} <= names


def test_pattern_ids_are_unique_and_well_formed(patterns):
    ids = Counter(row["id"] for _, _, row in patterns)
    assert not [i for i, n in ids.items() if n > 1], "duplicate pattern ids"
    bad = [(f, n, row["id"]) for f, n, row in patterns if not ID_RE.match(row["id"])]
    assert not bad


def test_pattern_codes_exist(patterns, cameo):
    bad = [(f, n, row["code"]) for f, n, row in patterns if row["code"] not in cameo]
    assert not bad


def test_patterns_are_in_the_file_for_their_root(patterns):
    for name, lineno, row in patterns:
        m = re.fullmatch(r"patterns\.(\d\d)-(\d\d)\.tsv", name)
        if m:
            assert m.group(1) <= row["code"][:2] <= m.group(2), f"{name}:{lineno}"


def test_pattern_syntax(patterns):
    bad = [(f, n, row["pattern"], pattern_errors(row["pattern"]))
           for f, n, row in patterns if pattern_errors(row["pattern"])]
    assert not bad


def test_pattern_flags_are_known(patterns):
    for name, lineno, row in patterns:
        flags = [f for f in row["flags"].split("|") if f] if row["flags"] else []
        assert set(flags) <= KNOWN_FLAGS, f"{name}:{lineno}: {row['flags']}"
        assert len(flags) == len(set(flags)), f"{name}:{lineno}"
        if "$" in row["pattern"].split(" "):
            assert "noun" in flags or "reciprocal" in flags or "source_after" in flags, f"{name}:{lineno}"


def test_no_duplicate_patterns(patterns):
    seen = Counter((row["pattern"], row["flags"]) for _, _, row in patterns)
    assert not [p for p, n in seen.items() if n > 1]


def test_every_root_has_patterns(patterns):
    per_root = Counter(row["code"][:2] for _, _, row in patterns)
    thin = {root: per_root[root] for root in ROOTS if per_root[root] < 10}
    assert not thin, f"roots with fewer than 10 patterns: {thin}"
    assert sum(per_root.values()) >= 1200


# --- plover_manual.tsv --------------------------------------------------------


def test_plover_manual_rows_name_codes_or_patterns_and_known_types(cameo, patterns):
    rows = read_tsv(DATA / "plover_manual.tsv")
    assert rows
    ids = {row["id"] for _, _, row in patterns}
    types = {row["plover"] for row in cameo.values() if row["plover"]}
    for row in rows:
        assert row["key"] in cameo or row["key"] in ids, row
        assert row["plover"] in types, row
        assert row["section"] and row["why"], row
        # the row only matters where the manual differs from the crosswalk
        code = row["key"] if row["key"] in cameo else next(r["code"] for _, _, r in patterns if r["id"] == row["key"])
        assert cameo[code]["plover"] != row["plover"], row


def test_plover_for_prefers_the_manual_for_facts_only():
    from dragoman.events import load_event_resources

    table = load_event_resources().cameo
    assert table.plover_of("0813") == "RETREAT" and table.plover_for("0813", "lift.curfew", True) == "CONCEDE"
    assert table.plover_for("163", "impose.sanctions", True) == "SANCTION"
    assert table.plover_for("0831", "resign.stmt", True) == "RETREAT"
    assert table.plover_for("0831", "resign.stmt", False) == "CONCEDE"  # an intention to resign is no resignation
    assert table.plover_for("190", "attack.target", True) == "ASSAULT"
