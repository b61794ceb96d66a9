"""The start-up cache (knowledge/cache.py): what it returns equals a fresh build, and it never breaks a start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dragoman.knowledge.cache import BuildCache, digest, open_cache
from dragoman.places.gazetteer import Gazetteer, build_gazetteer, load_gazetteer


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
    b.write_text("y2\n", encoding="utf-8")
    assert digest([a, b], "5000") != key


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
