"""One frozen settings tree: packaged defaults.toml, then a user file, then flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Mapping

from dragoman.errors import SettingsError


def _doc(help_text: str, choices: tuple[str, ...] = (), bounds: tuple[int, int] | None = None, minimum: int | None = None) -> dict[str, object]:
    """A setting's help line, and what it allows: ``choices`` (any of these values), ``bounds`` (an int from .. to,
    inclusive) or ``minimum`` (an int at least this)."""
    return {"help": help_text, "choices": choices, "bounds": bounds, "minimum": minimum}


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = field(default=2_000_000, metadata=_doc("Largest article text accepted, in UTF-8 bytes; longer inputs become rejections."))
    dedupe: bool = field(default=True, metadata=_doc("Code an input with the same text and date as an earlier one only once per run; the repeat is reported as {\"id\", \"duplicate_of\"} (docs/store.md)."))
    max_id_chars: int = field(default=256, metadata=_doc("Longest article id accepted, in characters; a longer id is a rejection (ids name articles in URLs and the store; the API takes ids of up to 1,024)."))


@dataclass(frozen=True, slots=True)
class CleanSettings:
    enabled: bool = field(default=True, metadata=_doc("Find boilerplate and promo runs and skip them in later stages."))


@dataclass(frozen=True, slots=True)
class NlpSettings:
    backend: str = field(default="nlp.auto.v1", metadata=_doc("NLP backend from the registry: nlp.auto.v1 (trained model if installed, else rules), nlp.trained.v1, nlp.blank.v1."))
    model: str = field(default="", metadata=_doc("Path of a spaCy pipeline to use instead of the packaged model; empty for the packaged one."))
    max_chars: int = field(default=2_000_000, metadata=_doc("spaCy's max_length for one article."))
    gazetteer_ruler: bool = field(default=True, metadata=_doc("With the trained model, add an entity ruler after ner fed by the actor knowledge base and the places gazetteer (docs/model.md)."))
    ruler_patterns: str = field(default="", metadata=_doc("A JSONL file of extra entity ruler patterns ({\"label\", \"pattern\", \"id\"}, spaCy EntityRuler format) that add to or replace the derived ones; used when gazetteer_ruler is on."))
    batch_size: int = field(default=8, metadata=_doc("Articles parsed together by the statistical components (batches are faster per word; results are the same)."))
    max_token_chars: int = field(default=1000, metadata=_doc(
        "A run of non-space characters longer than this is not tokenized: it is one token and one sentence, and a removed span "
        "(reason \"token longer than nlp.max_token_chars\") that later stages skip; spaCy's tokenizer is quadratic on long runs "
        "of quotes or brackets (docs/architecture.md, \"Linear costs and hard caps\").", minimum=1))
    max_tokens: int = field(default=100_000, metadata=_doc(
        "An article of more tokens than this is rejected by the nlp stage (reason \"too many tokens\") before the statistical "
        "components run: their time and memory grow with every token.", minimum=1))
    max_parse_tokens: int = field(default=10_000, metadata=_doc(
        "The most tokens the statistical components see at once: a longer article is parsed a stretch of whole sentences at a "
        "time, and a batch of articles (nlp.batch_size) holds no more; their memory grows with the tokens they see at once "
        "(about 20 KB a token for the packaged model).", minimum=1))
    max_sentence_tokens: int = field(default=500, metadata=_doc(
        "A sentence of more tokens than this becomes a removed span (reason \"sentence longer than nlp.max_sentence_tokens\") "
        "that the actors, quotes and events stages skip: their rules read a sentence as a whole.", minimum=1))
    max_sentence_entities: int = field(default=100, metadata=_doc(
        "A sentence with more entities (the model's and the entity ruler's) than this becomes a removed span (reason "
        "\"sentence with more entities than nlp.max_sentence_entities\") that the later stages skip: events pair its mentions.", minimum=1))


@dataclass(frozen=True, slots=True)
class ActorSettings:
    user_file: str = field(default="", metadata=_doc("A TSV file of extra actors (same columns as the packaged files) that adds or overrides entries."))
    pronoun_window: int = field(default=3, metadata=_doc("How many sentences back a pronoun may look for its antecedent."))
    city_places: bool = field(default=True, metadata=_doc("Cities and towns of the places gazetteer after \"in\", \"at\", \"near\"… are places of their country, like capitals (actors/cities.py)."))


@dataclass(frozen=True, slots=True)
class EventSettings:
    user_patterns: str = field(default="", metadata=_doc("A TSV file of extra event patterns, same columns as the packaged patterns."))
    min_confidence: float = field(default=0.0, metadata=_doc("Events below this confidence are dropped."))
    one_sided: str = field(default="material", metadata=_doc(
        "Which events may lack a target: \"material\" (default: protests, strikes, force postures … with no named party; "
        "a verbal act — statement, appeal, intent, agreement, criticism, demand, refusal, threat — is aimed at someone, and without "
        "its target it is left out), \"all\", or \"none\" (dyadic events only).", ("none", "material", "all")))
    petrarch_patterns: bool = field(default=False, metadata=_doc("Also read the patterns converted from the PETRARCH verb dictionaries (events/data/petrarch_patterns.tsv, `make dictionaries`); off by default because they add no correct event on the article gold (docs/event-patterns.md)."))
    unasserted: bool = field(default=False, metadata=_doc("Also emit acts the article does not assert (reported by another voice, planned, conditional, possible, habitual, background), with their `assertion` field set (docs/assertion.md)."))


@dataclass(frozen=True, slots=True)
class QuoteSettings:
    user_cues: str = field(default="", metadata=_doc("A TSV file of extra reporting cues (same columns as quotes/data/cues.tsv)."))
    thought: bool = field(default=False, metadata=_doc("Also emit attributions of thought or belief (\"X believes that ...\", \"X thinks ...\"), with mode `thought`; by default only speech and writing are emitted (docs/quotes.md)."))


@dataclass(frozen=True, slots=True)
class CacheSettings:
    enabled: bool = field(default=True, metadata=_doc("Keep what is built from the knowledge files (the places gazetteer, the actor knowledge base and its term index, the entity ruler's patterns, the event patterns) in a cache folder, keyed by the files' digests, so the next start reads it instead of building it (docs/architecture.md, \"Start-up\")."))
    dir: str = field(default="", metadata=_doc("The cache folder; empty for $XDG_CACHE_HOME/dragoman (else ~/.cache/dragoman)."))


@dataclass(frozen=True, slots=True)
class PlaceSettings:
    min_population: int = field(default=5000, metadata=_doc("Smallest city population kept in the offline gazetteer."))


@dataclass(frozen=True, slots=True)
class StoreSettings:
    batch_size: int = field(default=50, metadata=_doc("Articles written per SQLite transaction."))
    merge_window_days: int = field(default=1, metadata=_doc(
        "Reports of the same act (same source, target and CAMEO code or parent code) are one event when their dates are at most this many "
        "days after the event's first date (0: the same day only); an event spans at most this many days plus one. A store is regrouped "
        "when a run brings another value (docs/store.md, \"Events and mentions\").", bounds=(0, 30)))


@dataclass(frozen=True, slots=True)
class ScaleSettings:
    records_per_task: int = field(default=500, metadata=_doc(
        "A shard (an input file of `dragoman code --out`) of more records is coded as parts of this many records, each a task of its own "
        "(and a unit of resume), so one large file keeps every worker busy (docs/scale.md, \"Tasks\").", bounds=(1, 10_000_000)))


@dataclass(frozen=True, slots=True)
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings, metadata=_doc("Reading inputs."))
    clean: CleanSettings = field(default_factory=CleanSettings, metadata=_doc("Boilerplate removal."))
    nlp: NlpSettings = field(default_factory=NlpSettings, metadata=_doc("The spaCy pipeline."))
    actors: ActorSettings = field(default_factory=ActorSettings, metadata=_doc("Actor resolution."))
    events: EventSettings = field(default_factory=EventSettings, metadata=_doc("Event coding."))
    quotes: QuoteSettings = field(default_factory=QuoteSettings, metadata=_doc("Quotation extraction."))
    places: PlaceSettings = field(default_factory=PlaceSettings, metadata=_doc("Geocoding."))
    store: StoreSettings = field(default_factory=StoreSettings, metadata=_doc("The SQLite store."))
    cache: CacheSettings = field(default_factory=CacheSettings, metadata=_doc("The start-up cache."))
    scale: ScaleSettings = field(default_factory=ScaleSettings, metadata=_doc("Coding a corpus into a Parquet folder, on one process or a Dask cluster."))


TomlValue = str | int | float | bool


def _merge(base: Settings, layer: Mapping[str, object], origin: str) -> Settings:
    changes: dict[str, object] = {}
    known = {f.name: f for f in fields(base)}
    for section, values in layer.items():
        if section not in known:
            raise SettingsError(f"{origin}: unknown section [{section}]; allowed: {', '.join(sorted(known))}")
        if not isinstance(values, Mapping):
            raise SettingsError(f"{origin}: [{section}] must be a table of keys")
        current = getattr(base, section)
        sub_known = {f.name: f for f in fields(current)}
        sub_changes: dict[str, object] = {}
        for key, value in values.items():
            if key not in sub_known:
                raise SettingsError(
                    f"{origin}: unknown key {section}.{key}; allowed: {', '.join(sorted(sub_known))}"
                )
            expected = type(getattr(current, key))
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise SettingsError(
                    f"{origin}: {section}.{key} must be {expected.__name__}, found {value!r}"
                )
            choices = sub_known[key].metadata.get("choices") or ()
            if choices and value not in choices:
                raise SettingsError(f"{origin}: {section}.{key} must be one of {', '.join(map(repr, choices))}, found {value!r}")
            bounds = sub_known[key].metadata.get("bounds")
            if bounds is not None and not bounds[0] <= value <= bounds[1]:
                raise SettingsError(f"{origin}: {section}.{key} must be from {bounds[0]} to {bounds[1]}, found {value!r}")
            minimum = sub_known[key].metadata.get("minimum")
            if isinstance(minimum, int) and isinstance(value, int) and value < minimum:
                raise SettingsError(f"{origin}: {section}.{key} must be at least {minimum}, found {value!r}")
            sub_changes[key] = value
        changes[section] = replace(current, **sub_changes)
    return replace(base, **changes)  # type: ignore[arg-type]


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError as e:
        raise SettingsError(f"settings file {path} does not exist") from e
    except tomllib.TOMLDecodeError as e:
        raise SettingsError(f"settings file {path} is not valid TOML: {e}") from e


def load_settings(user_file: Path | None = None, overrides: Mapping[str, Mapping[str, object]] | None = None) -> Settings:
    """Layer packaged defaults, an optional user TOML file and flag overrides."""
    packaged = resources.files("dragoman").joinpath("defaults.toml").read_text(encoding="utf-8")
    settings = _merge(Settings(), tomllib.loads(packaged), "defaults.toml")
    if user_file is not None:
        settings = _merge(settings, _read_toml(user_file), str(user_file))
    if overrides:
        settings = _merge(settings, overrides, "command line")
    return settings


def documented_keys(settings: Settings | None = None) -> dict[str, str]:
    """Every ``section.key`` with its help line (used by ``dragoman settings`` and tests)."""
    root = settings or Settings()
    out: dict[str, str] = {}
    for section in fields(root):
        value = getattr(root, section.name)
        assert is_dataclass(value)
        for f in fields(value):
            out[f"{section.name}.{f.name}"] = str(f.metadata.get("help", ""))
    return out
