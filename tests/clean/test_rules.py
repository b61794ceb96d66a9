"""The clean stage's data files load, and a bad file fails with its name and line."""

from __future__ import annotations

import pytest

from dragoman.clean import load_chrome_words, load_patterns
from dragoman.clean import rules as rules_module
from dragoman.errors import DataFileError


def test_packaged_files_load() -> None:
    assert {r.id for r in load_patterns()} >= {"dateline", "credit", "photo-credit"}
    words = load_chrome_words()
    assert "walk" in words.caption_verbs and "FILE -" in words.file_markers and "al" in words.hyphen_prefixes


def _fake(monkeypatch: pytest.MonkeyPatch, name: str, content: str) -> None:
    real = rules_module.packaged_text
    monkeypatch.setattr(rules_module, "packaged_text", lambda package, file: content if file == name else real(package, file))


def test_bad_kind_names_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch, "chrome_words.tsv", "# header\nkind\tword\ncaption_verb\twalk\nverbz\trun\n")
    with pytest.raises(DataFileError, match=r"chrome_words.tsv:4: kind 'verbz'"):
        load_chrome_words()


def test_bad_regex_names_file_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch, "boilerplate.tsv", "id\treason\tkind\tpattern\nx\tpromo\tsegment\t(unclosed\n")
    with pytest.raises(DataFileError, match=r"boilerplate.tsv:2: rule 'x': bad regex"):
        load_patterns()


def test_only_the_place_group_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch, "boilerplate.tsv", "id\treason\tkind\tpattern\nx\tdateline\tinline\t(?P<city>[A-Z]+) —\n")
    with pytest.raises(DataFileError, match="named group"):
        load_patterns()


def test_missing_header_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch, "boilerplate.tsv", "x\tpromo\tsegment\tfoo\n")
    with pytest.raises(DataFileError, match="boilerplate.tsv:1: expected a header"):
        load_patterns()
