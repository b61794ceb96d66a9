"""The start-up cache (knowledge/cache.py): what it returns equals a fresh build, and it never breaks a start.

Each cached thing (gazetteer, knowledge base, term index, ruler patterns, event patterns): a cache hit
equals a fresh build, a changed input file gets a new entry, an unreadable entry is built again."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from dragoman.actors.knowledge import build_knowledge, knowledge_sources, load_knowledge
from dragoman.actors.terms import TermIndex, build_term_index, load_term_index
from dragoman.errors import DataFileError
from dragoman.events.patterns import build_patterns, load_patterns
from dragoman.knowledge.cache import BuildCache, digest, open_cache
from dragoman.nlp import NlpBackend, TokenizedPatterns, load_blank, load_ruler_patterns, ruler_patterns
from dragoman.places.gazetteer import Gazetteer, build_gazetteer, load_gazetteer
from dragoman.settings import load_settings


@pytest.fixture(scope="module")
def fresh() -> Gazetteer:
    return build_gazetteer(15_000)


def _same(a: Gazetteer, b: Gazetteer) -> None:
    assert len(a) == len(b) and a.entries() == b.entries()
    for name in ("Tehran", "Georgia", "Paris", "northern Syria", "UK", "NATO", "Springfield", "the West Bank"):
        assert a.candidates(name) == b.candidates(name), name
        assert a.lookup(name) == b.lookup(name), name
    assert a.country("TUR") == b.country("TUR")


def test_a_cached_gazetteer_equals_a_fresh_one(tmp_path: Path, fresh: Gazetteer) -> None:
    cache = BuildCache(tmp_path)
    first = load_gazetteer(15_000, cache)  # built and written
    [entry] = list(tmp_path.glob("gazetteer-*.marshal"))
    again = load_gazetteer(15_000, cache)  # read back
    _same(first, fresh)
    _same(again, fresh)
    assert list(tmp_path.glob("gazetteer-*.marshal")) == [entry]


def test_an_unreadable_entry_is_built_again(tmp_path: Path, fresh: Gazetteer, caplog: pytest.LogCaptureFixture) -> None:
    cache = BuildCache(tmp_path)
    load_gazetteer(15_000, cache)
    [entry] = list(tmp_path.glob("gazetteer-*.marshal"))
    entry.write_bytes(entry.read_bytes()[: 1000])  # truncated, as by a full disk
    _same(load_gazetteer(15_000, cache), fresh)
    assert "unreadable" in caplog.text
    entry.write_bytes(b"\xe9\x00 not marshal at all")
    _same(load_gazetteer(15_000, cache), fresh)


def test_a_folder_that_cannot_be_written_only_costs_the_build(tmp_path: Path, fresh: Gazetteer) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    _same(load_gazetteer(15_000, BuildCache(blocked / "cache")), fresh)


def test_the_key_follows_every_input(tmp_path: Path) -> None:
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text("x\n", encoding="utf-8")
    b.write_text("y\n", encoding="utf-8")
    key = digest([a, b], "5000")
    assert digest([a, b], "5000") == key
    assert digest([a, b], "15000") != key
    cache = BuildCache(tmp_path)
    assert cache.key([a, b], "5000") == key
    b.write_text("y2\n", encoding="utf-8")
    assert digest([a, b], "5000") != key
    assert cache.key([a, b], "5000") == key  # one cache object (one load) reads each file once
    assert BuildCache(tmp_path).key([a, b], "5000") == digest([a, b], "5000")


def test_settings_choose_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert open_cache(False).folder is None
    assert open_cache(True, str(tmp_path)).folder == tmp_path
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert open_cache(True).folder == tmp_path / "xdg" / "dragoman"
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [1, 2, 3]

    off = open_cache(False)
    assert off.get("t", "k", build, lambda v: v, lambda t: list(t)) == [1, 2, 3]  # type: ignore[arg-type]
    assert off.get("t", "k", build, lambda v: v, lambda t: list(t)) == [1, 2, 3]  # type: ignore[arg-type]
    assert len(calls) == 2 and not os.path.exists(tmp_path / "xdg")


# The knowledge base, its term index, the entity ruler's tokenized patterns and the compiled event
# patterns are cached the same way: each must come back equal, follow its user file, and be built
# again from an unreadable entry. Each load opens its cache, as load_pipeline does (a cache object
# reads each file once).

ACTORS = "[people]\nid\tname\taliases\tcountry\tgender\nann-lee\tAnn Lee\tA. Lee\tGBR\tf\n"


@pytest.fixture(scope="module")
def blank() -> NlpBackend:
    return load_blank(load_settings().nlp)


def _only(folder: Path, name: str) -> Path:
    [entry] = list(folder.glob(f"{name}-*.marshal"))
    return entry


def _corrupt(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 3])  # truncated, as by a full disk


def test_a_cached_knowledge_base_equals_a_fresh_one(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "actors.tsv"
    user.write_text(ACTORS, encoding="utf-8")
    fresh = build_knowledge(user)
    first = load_knowledge(user, cache=BuildCache(tmp_path / "cache"))
    entry = _only(tmp_path / "cache", "knowledge")
    again = load_knowledge(user, cache=BuildCache(tmp_path / "cache"))
    assert first == fresh and again == fresh and again.people["ann-lee"].aliases == ("A. Lee",)
    assert [list(getattr(again, f)) for f in ("countries", "people", "roles_by_person")] == [list(getattr(fresh, f)) for f in ("countries", "people", "roles_by_person")]
    assert all(again.people[p.id] is p for _, found in again.people_by_first_word.items() for _, p in found)  # one record, shared
    _corrupt(entry)
    assert load_knowledge(user, cache=BuildCache(tmp_path / "cache")) == fresh and "unreadable" in caplog.text
    user.write_text(ACTORS.replace("A. Lee", "Annie Lee"), encoding="utf-8")  # a changed user file: a new entry
    changed = load_knowledge(user, cache=BuildCache(tmp_path / "cache"))
    assert changed.people["ann-lee"].aliases == ("Annie Lee",) and _only(tmp_path / "cache", "knowledge") != entry
    assert load_knowledge(None, cache=BuildCache(tmp_path / "cache")) == build_knowledge(None) and len(list((tmp_path / "cache").glob("knowledge-*"))) == 1


def test_an_unreadable_user_file_is_refused_with_or_without_a_cache(tmp_path: Path) -> None:
    for cache in (None, BuildCache(tmp_path)):
        with pytest.raises(DataFileError, match="actors file .*cannot read it"):
            load_knowledge(tmp_path / "nowhere.tsv", cache=cache)
        with pytest.raises(DataFileError, match="patterns file .*cannot read it"):
            load_patterns(tmp_path / "nowhere.tsv", cache=cache)


def test_a_cached_term_index_equals_a_fresh_one(tmp_path: Path, blank: NlpBackend, caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "actors.tsv"
    user.write_text(ACTORS, encoding="utf-8")
    kb = build_knowledge(user)
    sources = knowledge_sources(user)

    def load() -> TermIndex:
        return load_term_index(kb, blank.nlp, str.isupper, BuildCache(tmp_path / "cache"), sources, blank.tokenizer_digest)

    fresh = build_term_index(kb, blank.nlp, str.isupper)
    assert load() == fresh
    entry = _only(tmp_path / "cache", "terms")
    again = load()
    assert again == fresh and again.is_place is str.isupper and again.meanings["a. lee"] == fresh.meanings["a. lee"]
    _corrupt(entry)
    assert load() == fresh and "unreadable" in caplog.text
    user.write_text(ACTORS.replace("A. Lee", "Annie Lee"), encoding="utf-8")
    kb = build_knowledge(user)
    assert "annie lee" in load().meanings and _only(tmp_path / "cache", "terms") != entry
    # another tokenizer, another entry; none known, none cached
    load_term_index(kb, blank.nlp, None, BuildCache(tmp_path / "cache"), sources, "another tokenizer")
    assert len(list((tmp_path / "cache").glob("terms-*"))) == 1 and _only(tmp_path / "cache", "terms") != entry
    load_term_index(kb, blank.nlp, None, BuildCache(tmp_path / "none"), sources, "")
    assert not (tmp_path / "none").exists()


def test_cached_ruler_patterns_equal_fresh_ones(tmp_path: Path, blank: NlpBackend, fresh: Gazetteer, caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "ruler.jsonl"
    user.write_text('{"label": "ORG", "pattern": "Acme Corp"}\n{"label": "ORG", "pattern": [{"LOWER": "acme"}]}\n', encoding="utf-8")
    settings = dataclasses.replace(load_settings().nlp, ruler_patterns=str(user))
    kb = build_knowledge()
    sources = ([Path(__file__)], "test")  # what the knowledge base and gazetteer stand for here

    def load() -> TokenizedPatterns:
        return load_ruler_patterns(settings, blank.nlp, kb, fresh, BuildCache(tmp_path / "cache"), sources, blank.tokenizer_digest)

    built = TokenizedPatterns.of(blank.nlp, ruler_patterns(settings, kb, fresh))
    assert load() == built
    entry = _only(tmp_path / "cache", "ruler")
    again = load()
    assert again == built and again.tokens[again.patterns.index({"label": "ORG", "pattern": "Acme Corp", "id": ""})] == ("Acme", "Corp")
    _corrupt(entry)
    assert load() == built and "unreadable" in caplog.text
    user.write_text('{"label": "ORG", "pattern": "Acme Inc."}\n', encoding="utf-8")
    assert {"label": "ORG", "pattern": "Acme Inc.", "id": ""} in load().patterns and _only(tmp_path / "cache", "ruler") != entry


def test_cached_event_patterns_equal_fresh_ones(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    user = tmp_path / "patterns.tsv"
    user.write_text("id\tcode\tpattern\tflags\nmine.visit\t042\tpop in on +\t\n", encoding="utf-8")
    fresh = build_patterns(user)
    assert load_patterns(user, cache=BuildCache(tmp_path / "cache")) == fresh
    entry = _only(tmp_path / "cache", "patterns")
    again = load_patterns(user, cache=BuildCache(tmp_path / "cache"))
    assert again == fresh and list(again.by_anchor) == list(fresh.by_anchor) and again.passive_by_anchor == fresh.passive_by_anchor
    assert all(p in again.patterns for found in again.by_anchor.values() for p in found)
    _corrupt(entry)
    assert load_patterns(user, cache=BuildCache(tmp_path / "cache")) == fresh and "unreadable" in caplog.text
    user.write_text("id\tcode\tpattern\tflags\nmine.visit\t042\tdrop in on +\t\n", encoding="utf-8")
    assert "drop" in load_patterns(user, cache=BuildCache(tmp_path / "cache")).by_anchor and _only(tmp_path / "cache", "patterns") != entry
    assert load_patterns(user, True, cache=BuildCache(tmp_path / "cache")) == build_patterns(user, True)  # the PETRARCH patterns: another key
