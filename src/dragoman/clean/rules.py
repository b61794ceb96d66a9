"""Boilerplate rules (``clean/data/boilerplate.tsv``) and chrome word lists (``clean/data/chrome_words.tsv``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Literal

from dragoman.errors import DataFileError
from dragoman.knowledge import packaged_text, read_rows, title_words

RuleKind = Literal["segment", "inline", "tail"]
_KINDS: frozenset[str] = frozenset({"segment", "inline", "tail"})
_RULE_COLUMNS = ("id", "reason", "kind", "pattern")
_WORD_KINDS: frozenset[str] = frozenset({
    "caption_verb", "caption_verb_s", "caption_passive", "date_blocker", "photo_noun", "not_before_verb", "not_after_verb", "reporting_verb", "month",
    "file_marker", "hyphen_prefix", "determiner", "sentence_opener",
})


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    id: str
    reason: str
    kind: RuleKind
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class ChromeWords:
    """The word lists of ``chrome_words.tsv``, one frozenset per kind (lower-cased, but file markers)."""

    caption_verbs: frozenset[str]
    caption_verbs_s: frozenset[str]
    caption_passives: frozenset[str]
    photo_nouns: frozenset[str]
    not_before_verb: frozenset[str]
    not_after_verb: frozenset[str]
    reporting_verbs: frozenset[str]
    months: frozenset[str]
    date_blockers: frozenset[str]
    file_markers: tuple[str, ...]
    hyphen_prefixes: frozenset[str]
    title_words: frozenset[str]
    determiners: frozenset[str]
    sentence_openers: frozenset[str]


def _rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple[str, list[str]]]:
    """(``file:line``, cells) of a packaged TSV after its header line ``columns``; every cell required."""
    for row in read_rows(packaged_text("dragoman.clean", name), name, columns):
        if row.width != len(columns) or not all(row[c] for c in columns) or len(row.cells) != len(columns):
            raise row.error(f"expected {len(columns)} non-empty tab-separated cells ({' '.join(columns)}), got {list(row.cells.values())!r}")
        yield row.where, [row[c] for c in columns]


def load_patterns() -> tuple[BoilerplateRule, ...]:
    """Read and compile the packaged boilerplate pattern rules."""
    rules: list[BoilerplateRule] = []
    seen: set[str] = set()
    for line, (rule_id, reason, kind, source) in _rows("boilerplate.tsv", _RULE_COLUMNS):
        where = f"{line}: rule {rule_id!r}"
        if rule_id in seen:
            raise DataFileError(f"{where}: duplicate id")
        seen.add(rule_id)
        if kind not in _KINDS:
            raise DataFileError(f"{where}: kind {kind!r} not in {sorted(_KINDS)}")
        try:
            pattern = re.compile(source, re.IGNORECASE)
        except re.error as e:
            raise DataFileError(f"{where}: bad regex: {e}") from e
        if set(pattern.groupindex) - {"place"}:
            raise DataFileError(f"{where}: the only named group allowed is (?P<place>...)")
        rules.append(BoilerplateRule(rule_id, reason, kind, pattern))  # type: ignore[arg-type]
    return tuple(rules)


def load_chrome_words() -> ChromeWords:
    """Read the packaged word lists of the caption and heading detectors."""
    lists: dict[str, list[str]] = {kind: [] for kind in _WORD_KINDS}
    for line, (kind, word) in _rows("chrome_words.tsv", ("kind", "word")):
        if kind not in _WORD_KINDS:
            raise DataFileError(f"{line}: kind {kind!r} not in {sorted(_WORD_KINDS)}")
        lists[kind].append(word if kind == "file_marker" else word.lower())

    def words(kind: str) -> frozenset[str]:
        return frozenset(lists[kind])

    return ChromeWords(
        caption_verbs=words("caption_verb"),
        caption_verbs_s=words("caption_verb_s"),
        caption_passives=words("caption_passive"),
        photo_nouns=words("photo_noun"),
        not_before_verb=words("not_before_verb"),
        not_after_verb=words("not_after_verb"),
        reporting_verbs=words("reporting_verb"),
        months=words("month"),
        date_blockers=words("date_blocker"),
        file_markers=tuple(sorted(lists["file_marker"], key=len, reverse=True)),
        hyphen_prefixes=words("hyphen_prefix"),
        title_words=title_words("heading"),
        determiners=words("determiner"),
        sentence_openers=words("sentence_opener"),
    )
