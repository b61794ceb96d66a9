from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.errors import SettingsError
from dragoman.settings import documented_keys, load_settings


def test_every_setting_is_documented_and_in_defaults() -> None:
    import tomllib
    from importlib import resources

    defaults = tomllib.loads(resources.files("dragoman").joinpath("defaults.toml").read_text())
    packaged = {f"{s}.{k}" for s, table in defaults.items() for k in table}
    docs = documented_keys()
    assert packaged == set(docs)
    assert all(len(h) > 10 for h in docs.values())


def test_user_file_overrides_only_what_it_sets(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("[ingest]\nmax_bytes = 10\n", encoding="utf-8")
    s = load_settings(f)
    assert s.ingest.max_bytes == 10 and s.ingest.dedupe is True


def test_bad_settings_are_clear(tmp_path: Path) -> None:
    f = tmp_path / "s.toml"
    f.write_text("[ingest]\nmax_byte = 10\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown key ingest.max_byte"):
        load_settings(f)
    f.write_text("[ingest]\nmax_bytes = 'big'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="must be int"):
        load_settings(f)
