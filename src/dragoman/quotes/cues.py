"""The reporting-cue lexicon: verbs, participles, nouns, phrases and naming verbs.

The packaged list is ``quotes/data/cues.tsv`` (format documented in its header and in
``docs/quotes.md``); a user file with the same columns extends it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from dragoman.knowledge import packaged_text, read_rows, title_words, user_text
from dragoman.records import QuoteMode

_CLASSES = ("verb", "participle", "noun", "phrase", "naming", "exclude")
_MODES: tuple[QuoteMode, ...] = ("speech", "writing", "thought")


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Reporting cues by class; every form is lower-case."""

    verbs: frozenset[str]
    verb_lemmas: frozenset[str]
    participles: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    naming: frozenset[str]
    naming_lemmas: frozenset[str]
    exclusions: frozenset[str] = frozenset()
    modes: Mapping[str, QuoteMode] = field(default_factory=dict)  # form -> writing/thought (speech when absent)
    titles: frozenset[str] = frozenset()  # words trimmed from a speaker name's edges (knowledge/data/titles.tsv)

    def is_verb(self, lower: str, lemma: str = "") -> bool:
        return lower in self.verbs or (bool(lemma) and lemma in self.verb_lemmas and lower not in self.nouns)

    def mode_of(self, form: str) -> QuoteMode:
        """How a cue form attributes: speech (the default), writing or thought."""
        return self.modes.get(form, "speech")

    def is_naming(self, lower: str, lemma: str = "") -> bool:
        return lower in self.naming or (bool(lemma) and lemma in self.naming_lemmas)


def parse_cues(text: str, origin: str) -> dict[str, set[str]]:
    """Parse cue-file text into ``{class: forms}`` plus ``{class + '_lemmas': lemmas}`` and
    ``{'mode:' + mode: forms}`` for the rows whose fourth column says writing or thought."""
    table: dict[str, set[str]] = {name: set() for name in _CLASSES}
    table.update({f"{name}_lemmas": set() for name in _CLASSES})
    table.update({f"mode:{mode}": set() for mode in _MODES})
    for row in read_rows(text, origin, ("lemma", "class", "forms", "mode"), header=False):
        if row.width not in (3, 4) or row["class"] not in _CLASSES or (row.width == 4 and row["mode"] not in _MODES):
            line = "\t".join(list(row.cells.values())[: row.width])
            raise row.error(f"expected 'lemma<TAB>class<TAB>forms[<TAB>mode]' with class one of "
                            f"{list(_CLASSES)} and mode one of {list(_MODES)}, found {line!r}; fix the line or comment it out with #")
        lemma, cls, forms = row["lemma"], row["class"], row["forms"]
        words = {form.strip().lower() for form in forms.split(",") if form.strip()}
        table[f"{cls}_lemmas"].add(lemma.lower())
        table[cls].update(words)
        if row.width == 4:
            table[f"mode:{row['mode']}"].update(words)
    return table


def load_cues(user_file: str | Path | None = None) -> CueLexicon:
    """The packaged cue lexicon, extended by ``user_file`` when given."""
    table = parse_cues(packaged_text("dragoman.quotes", "cues.tsv"), "quotes/data/cues.tsv")
    if user_file:
        extra = parse_cues(user_text(Path(user_file), "cues file"), str(user_file))
        for key, values in extra.items():
            table[key].update(values)
    return CueLexicon(
        verbs=frozenset(table["verb"]),
        verb_lemmas=frozenset(table["verb_lemmas"]),
        participles=frozenset(table["participle"]),
        nouns=frozenset(table["noun"]),
        phrases=tuple(sorted(tuple(p.split()) for p in table["phrase"])),
        naming=frozenset(table["naming"]),
        naming_lemmas=frozenset(table["naming_lemmas"]),
        exclusions=frozenset(table["exclude"]),
        modes={form: mode for mode in _MODES if mode != "speech" for form in table[f"mode:{mode}"]},
        titles=load_titles(),
    )


def load_titles() -> frozenset[str]:
    """Words stripped from the edges of a capitalised speaker name (``knowledge/data/titles.tsv``, list ``name_edge``)."""
    return title_words("name_edge")
